"""The outcome screen says what the leaflet says: a timeline (its estimates marked) only for a
visitor who may use VPAS, headed "if you are eligible" for one who must talk to staff first."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from kiosk.l10n import Language
from kiosk.ui.screens.outcome import OutcomeScreen
from kiosk.ui.shell import Shell
from tests.personas import SHENZHEN_STUDENT

ELIGIBLE = SHENZHEN_STUDENT


def show_outcome(shell: Shell, answers: dict[str, Any], language: Language) -> OutcomeScreen:
    shell.set_language(language)
    shell.session.answers.clear()
    shell.session.answers.update(answers)
    shell.finish_eligibility()
    QApplication.processEvents()
    screen = shell.current
    assert isinstance(screen, OutcomeScreen)
    return screen


def visible_text(screen: QWidget) -> str:
    return "\n".join(
        widget.text()
        for widget in screen.findChildren(QWidget)
        if widget.isVisible() and isinstance(widget, QLabel | QAbstractButton)
    )


def test_estimated_dates_are_months_and_say_so(shell: Shell) -> None:
    screen = show_outcome(shell, ELIGIBLE, "zh-Hans")
    assert screen.timeline_card.isVisible()
    assert screen.timeline_heading.text() == "你的时间线(预计)"
    dates = {milestone.label: milestone.when for milestone in screen.timeline.milestones}
    assert dates == {
        "开始修读高级文凭": "预计2026年9月",
        "毕业": "预计2028年8月",
        "申请回港就业(毕业后第7个月至第12个月)": "预计2029年3月至8月",
        "通常居港连续满七年(由入学起计，最早)": "预计2033年9月",
    }  # turning 18 (2026-03-15) is before enrolment: not drawn
    assert "所有日期均为预计" in screen.timeline_note.text()


def test_turning_18_is_the_visitors_own_date(shell: Shell) -> None:
    screen = show_outcome(shell, {**ELIGIBLE, "birth_date": "2010-12-01"}, "en")
    dates = {milestone.label: milestone.when for milestone in screen.timeline.milestones}
    assert dates["You turn 18"] == "1 December 2028"
    window = "Apply to return for employment (months 7–12 after graduation)"
    assert dates[window] == "March to August 2029 (estimated)"


def test_talking_to_staff_the_timeline_is_if_eligible(shell: Shell) -> None:
    screen = show_outcome(shell, {**ELIGIBLE, "previous_iang": "unsure"}, "zh-Hans")
    assert screen.timeline_card.isVisible()
    assert screen.timeline_heading.text() == "如符合资格：你的时间线(预计)"
    shell.set_language("en")
    assert screen.timeline_heading.text() == "If you are eligible: your timeline (estimated)"


@pytest.mark.parametrize(
    "answers",
    [
        pytest.param({**ELIGIBLE, "nationalities": ["CN", "VN"]}, id="cn-vn-not-eligible"),
        pytest.param({"hong_kong_resident": True}, id="local-student"),
        pytest.param({**ELIGIBLE, "intake_year": 2027}, id="intake-2027-not-covered"),
    ],
)
def test_no_timeline_for_a_visitor_who_cannot_use_vpas(
    shell: Shell, answers: dict[str, Any]
) -> None:
    catalog = shell.services.catalog
    for language in ("zh-Hans", "en"):
        screen = show_outcome(shell, answers, language)
        assert not screen.timeline_card.isVisible()
        assert not screen.timeline_heading.isVisible()
        text = visible_text(screen)
        for key in ("return_window", "permanent_residence", "note"):
            assert catalog.text(f"timeline.{key}").get(language) not in text, key
        for code in ("stay_to_seek_work", "job_conditions", "dependants_after_vpas"):
            assert screen.findChild(QWidget, f"advisory-{code}") is None, code
        assert screen.findChild(QWidget, "advisory-permanent_residence") is None
        assert screen.findChild(QWidget, "advisory-immd_prevails") is not None
        assert "2029" not in text and "2033" not in text
