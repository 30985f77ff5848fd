"""Screens through the real widgets: language in place, touch sizes, staff error screen."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.eligibility import ANSWER_KEYS
from kiosk.ui.app import OutOfServiceScreen, create_window
from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screens.programme import ProgrammeScreen
from kiosk.ui.screens.summary import SummaryScreen
from kiosk.ui.shell import Shell

EVERY_SCREEN: list[tuple[ScreenId, dict[str, str]]] = [
    (ScreenId.ATTRACT, {}),
    (ScreenId.LANGUAGE, {}),
    (ScreenId.HOME, {}),
    (ScreenId.SECTORS, {}),
    (ScreenId.SECTOR, {"sector": "construction"}),
    (ScreenId.PROGRAMME, {"programme": "software-engineering"}),
    (ScreenId.SHORTLIST, {}),
    (ScreenId.SEARCH, {}),
    (ScreenId.ABOUT, {}),
    (ScreenId.SUPPORT, {}),
    (ScreenId.CONTACTS, {}),
    *((ScreenId.ELIGIBILITY, {"question": key}) for key in ANSWER_KEYS),
    (ScreenId.OUTCOME, {}),
    (ScreenId.SUMMARY, {}),
    (ScreenId.LEAD_CONSENT, {}),
    (ScreenId.LEAD_FORM, {}),
    (ScreenId.LEAD_THANKS, {}),
]
A_VISITORS_ANSWERS = {
    "hong_kong_resident": False,
    "nationalities": ["CN", "MY"],
    "birth_date": "2009-05-20",
    "intake_year": 2026,
    "programme": "culinary-arts",
    "previous_iang": False,
    "finish_within_3_years": True,
    "bring_dependants_while_studying": "unsure",
}


def visible_texts(root: QWidget, *, skip_role: str | None = None) -> list[str]:
    texts = []
    for widget in root.findChildren(QWidget):
        if (
            widget.isVisible()
            and isinstance(widget, QLabel | QAbstractButton)
            and (skip_role is None or widget.property("role") != skip_role)
        ):
            texts.append(widget.text())
    return texts


def every_screen_at(
    shell: Shell, display_size: tuple[int, int], qtbot: QtBot
) -> Iterator[tuple[ScreenId, str]]:
    """Show every screen in every language at ``display_size``, laid out and ready to inspect."""
    shell.resize(*display_size)
    qtbot.waitUntil(lambda: shell.size().toTuple() == display_size)
    shell.session.answers.update(A_VISITORS_ANSWERS)
    shell.finish_eligibility()
    for code in ("software-engineering", "culinary-arts"):
        shell.toggle_shortlist(code)
    summary = shell.screens[ScreenId.SUMMARY]
    assert isinstance(summary, SummaryScreen)
    for language in ("zh-Hans", "en", "zh-Hant"):
        shell.set_language(language)
        for screen_id, params in EVERY_SCREEN:
            shell.go_to(screen_id, **params)
            if screen_id == ScreenId.SUMMARY:  # built on a worker thread
                qtbot.waitUntil(
                    lambda: (
                        summary.document is not None
                        and summary.document.request == shell.summary_request()
                    )
                )
            QApplication.processEvents()
            yield screen_id, language


def test_language_switches_in_place(shell: Shell, qtbot: QtBot) -> None:
    shell.go_to(ScreenId.PROGRAMME, programme="software-engineering")
    screen = shell.screens[ScreenId.PROGRAMME]
    assert isinstance(screen, ProgrammeScreen)
    assert screen.heading.text() == "软件工程"
    with qtbot.waitSignal(shell.signals.language_changed):
        qtbot.mouseClick(shell.top_bar.languages["zh-Hant"], Qt.MouseButton.LeftButton)
    assert screen.heading.text() == "軟件工程"
    assert shell.current is screen  # still on the same screen
    qtbot.mouseClick(shell.top_bar.languages["en"], Qt.MouseButton.LeftButton)
    assert screen.heading.text() == "Software Engineering"
    assert screen.add_button.text() == "Add to my list"
    qtbot.mouseClick(shell.top_bar.languages["zh-Hans"], Qt.MouseButton.LeftButton)
    assert screen.add_button.text() == "加入我的列表"


def test_no_screen_is_blank_or_untranslated_in_any_language(shell: Shell, qtbot: QtBot) -> None:
    for screen_id, language in every_screen_at(shell, (1920, 1080), qtbot):
        # the English name beside the Chinese one is intended (role "english")
        texts = [t for t in visible_texts(shell, skip_role="english") if t.strip()]
        assert texts, screen_id
        if language != "en" and screen_id not in (ScreenId.ATTRACT, ScreenId.LANGUAGE):
            # the UI strings are translated: no English-only sentence slipped through
            english_only = [
                t
                for t in texts
                if t.isascii()
                and " " in t
                and not t.startswith("http")
                and "\n" not in t
                and "VPAS" not in t
            ]
            assert english_only == [], (screen_id, language)


def test_touch_targets_are_at_least_64_px(
    shell: Shell, display_size: tuple[int, int], qtbot: QtBot
) -> None:
    for shown in every_screen_at(shell, display_size, qtbot):
        small = [
            (b.objectName() or b.text(), b.width(), b.height())
            for b in shell.findChildren(QAbstractButton)
            if b.isVisible() and (b.height() < 64 or b.width() < 64)
        ]
        assert small == [], shown


def test_nothing_is_wider_than_the_display(
    shell: Shell, display_size: tuple[int, int], qtbot: QtBot
) -> None:
    for shown in every_screen_at(shell, display_size, qtbot):
        assert shell.size().toTuple() == display_size, shown
        for widget in shell.current.findChildren(QWidget):
            if widget.isVisible():
                right = widget.mapTo(shell, widget.rect().topRight()).x()
                assert right <= display_size[0], (shown, widget)


def test_content_problem_shows_the_staff_screen(themed_app: QApplication, qtbot: QtBot) -> None:
    window = create_window(None, "The content database /x is missing: reinstall the kiosk.")
    qtbot.addWidget(window)
    window.show()
    assert isinstance(window, OutOfServiceScreen)
    texts = " ".join(visible_texts(window))
    assert "The content database /x is missing" in texts
    assert "Traceback" not in texts


def test_lists_scroll_kinetically_by_finger(shell: Shell) -> None:
    from PySide6.QtWidgets import QScroller

    from kiosk.ui.widgets.touch_scroll import TouchScrollArea

    areas = shell.findChildren(TouchScrollArea)
    assert len(areas) >= 8
    assert all(QScroller.hasScroller(area.viewport()) for area in areas)


def test_the_bundled_cjk_font_is_the_application_font(shell: Shell) -> None:
    from PySide6.QtGui import QFontDatabase, QFontInfo

    assert QFontInfo(QApplication.font()).family() == "WenQuanYi Micro Hei"
    assert QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(
        "WenQuanYi Micro Hei"
    )


def test_timeline_labels_stay_inside_and_apart(themed_app: QApplication, qtbot: QtBot) -> None:
    from datetime import date

    from kiosk.milestones import Milestone
    from kiosk.ui.widgets.timeline import TimelineDiagram

    diagram = TimelineDiagram()
    qtbot.addWidget(diagram)
    diagram.resize(900, 300)
    milestones = [
        Milestone("Start the Higher Diploma", date(2026, 9, 1), "September 2026", "#1B4F9C"),
        Milestone("Graduate", date(2028, 8, 31), "August 2028 (estimated)", "#0E9F8E"),
        Milestone("You turn 18", date(2028, 11, 2), "2 November 2028", "#6B4FA0"),
        Milestone(
            "Apply to return for employment",
            date(2029, 3, 1),
            "March to August 2029 (estimated)",
            "#F28C28",
            is_span=True,
        ),
        Milestone("Seven years' residence", date(2033, 9, 1), "September 2033", "#E9546B"),
    ]
    diagram.set_milestones(list(reversed(milestones)))
    assert [m.label for m in diagram.milestones] == [m.label for m in milestones]  # date order
    for width in (900, 1800):
        diagram.resize(width, 300)
        boxes = diagram.label_boxes()
        assert all(box.left() >= 0 and box.right() <= width for box in boxes)
        # labels on the same side of the line (every other one) never overlap
        for first, second in zip(boxes, boxes[2:], strict=False):
            assert not first.intersects(second)
