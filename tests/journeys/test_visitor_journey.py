"""A visitor's whole visit through the real widgets, then the idle reset that forgets them."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk import resources
from kiosk.services import Services
from kiosk.settings import Settings
from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screens.language import LanguageScreen
from kiosk.ui.screens.programme import ProgrammeScreen
from kiosk.ui.screens.search import SearchScreen
from kiosk.ui.screens.sector import SectorScreen
from kiosk.ui.screens.sectors import SectorsScreen
from kiosk.ui.screens.shortlist import ShortlistScreen
from kiosk.ui.shell import Shell
from tests.journeys.test_eligibility_wizard import start as start_eligibility
from tests.qt_fixtures import tap

pytestmark = pytest.mark.journey


@pytest.fixture
def settings() -> Settings:
    # Short waits so the idle reset happens within the test; the behaviour is the same.
    return Settings(idle_timeout_s=1, idle_countdown_s=1)


@pytest.fixture
def shell_size() -> tuple[int, int]:
    return (1080, 1920)  # a portrait kiosk


@pytest.fixture
def kiosk(shell: Shell) -> Shell:
    return shell


def all_texts(root: QWidget) -> str:
    parts = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            parts.append(widget.text())
    return "\n".join(parts)


def test_attract_language_sector_programme_list_search_idle_reset(
    kiosk: Shell, qtbot: QtBot, services: Services
) -> None:
    assert kiosk.current.screen_id == ScreenId.ATTRACT
    # touch anywhere on the attract loop
    tap(qtbot, kiosk.current)
    assert kiosk.current.screen_id == ScreenId.LANGUAGE
    language = kiosk.current
    assert isinstance(language, LanguageScreen)
    tap(qtbot, language.buttons["en"])
    assert kiosk.current.screen_id == ScreenId.HOME
    assert kiosk.session.language == "en"

    home = kiosk.screens[ScreenId.HOME]
    tap(qtbot, home.tiles[ScreenId.SECTORS])  # type: ignore[attr-defined]
    sectors = kiosk.current
    assert isinstance(sectors, SectorsScreen)
    tap(qtbot, sectors.tiles["innovation-technology"])
    sector = kiosk.current
    assert isinstance(sector, SectorScreen)
    assert sector.heading.text() == "Innovation and Technology"
    row = sector.findChild(QAbstractButton, "programme-software-engineering")
    tap(qtbot, row)
    programme = kiosk.current
    assert isinstance(programme, ProgrammeScreen)
    assert programme.heading.text() == "Software Engineering"

    with qtbot.waitSignal(kiosk.signals.shortlist_changed):
        tap(qtbot, programme.add_button)
    assert kiosk.session.shortlist == ["software-engineering"]
    assert kiosk.top_bar.shortlist.text() == "My list (1)"
    assert "remove" in programme.add_button.text()

    tap(qtbot, kiosk.top_bar.shortlist)
    shortlist = kiosk.current
    assert isinstance(shortlist, ShortlistScreen)
    assert shortlist.row_count() == 1

    tap(qtbot, kiosk.top_bar.search)
    search = kiosk.current
    assert isinstance(search, SearchScreen)
    for letter in "rjgc":  # pinyin initials, typed on the on-screen keyboard
        tap(qtbot, search.keyboard.keys[letter])
    assert search.field.text() == "rjgc"
    assert search.hits[0].code == "software-engineering"
    result = search.findChild(QAbstractButton, "programme-software-engineering")
    assert result is not None
    qtbot.waitUntil(result.isVisible)

    # The visitor walks away: countdown, then everything about them is gone.
    with qtbot.waitSignal(kiosk.overlay.expired, timeout=5000):
        pass
    qtbot.waitUntil(lambda: kiosk.current.screen_id == ScreenId.ATTRACT)

    assert kiosk.session.shortlist == []
    assert kiosk.session.answers == {}
    assert kiosk.session.language == "zh-Hans"
    for field in kiosk.findChildren(QLineEdit):
        assert field.text() == "", field.objectName()
    texts = all_texts(kiosk)
    assert "rjgc" not in texts
    assert "My list (1)" not in texts and "我的列表 (1)" not in texts
    assert shortlist.row_count() == 0
    assert search.hits == []
    assert programme.programme is None and programme.heading.text() == ""
    # the programme and sector the visitor looked at are named nowhere any more
    holders = {
        screen.screen_id
        for screen in kiosk.screens.values()
        for widget in screen.findChildren(QWidget)
        if isinstance(widget, QAbstractButton | QLabel)
        and ("Software Engineering" in widget.text() or "软件工程" in widget.text())
    }
    assert holders == set()

    kinds = [event.kind for event in services.analytics.events()]
    for kind in (
        "session_start",
        "language",
        "sector_view",
        "programme_view",
        "shortlist_add",
        "search",
        "session_end",
    ):
        assert kind in kinds
    assert kinds[0] == "session_start" and kinds[-1] == "session_end"
    events = services.analytics.events()
    assert {e.subject for e in events if e.kind == "search"} == {"rjgc"}
    assert [e.subject for e in events if e.kind == "session_end"] == ["idle"]


def test_touch_keeps_the_visitor(kiosk: Shell, qtbot: QtBot) -> None:
    tap(qtbot, kiosk.current)
    kiosk.set_language("zh-Hans")
    kiosk.go_to(ScreenId.PROGRAMME, programme="culinary-arts")
    kiosk.toggle_shortlist("culinary-arts")
    with qtbot.waitSignal(kiosk.idle.idle, timeout=3000):
        pass
    assert kiosk.overlay.isVisible()
    tap(qtbot, kiosk.overlay.stay_button)
    assert not kiosk.overlay.isVisible()
    assert kiosk.current.screen_id == ScreenId.PROGRAMME
    assert kiosk.session.shortlist == ["culinary-arts"]


def test_back_returns_to_the_previous_screen(kiosk: Shell, qtbot: QtBot) -> None:
    tap(qtbot, kiosk.current)
    kiosk.go_to(ScreenId.HOME)
    kiosk.go_to(ScreenId.SECTOR, sector="maritime")
    kiosk.go_to(ScreenId.PROGRAMME, programme="maritime-studies")
    tap(qtbot, kiosk.top_bar.back)
    assert kiosk.current.screen_id == ScreenId.SECTOR
    tap(qtbot, kiosk.top_bar.back)
    assert kiosk.current.screen_id == ScreenId.HOME


def _run_kiosk(env_extra: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        resources.DATA_DIR_ENV: str(tmp_path / "data"),
        **env_extra,
    }
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "run", "--windowed", "--exit-when-ready"],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=120,
    )


def test_kiosk_process_starts_and_exits_when_ready(tmp_path: Path) -> None:
    result = _run_kiosk({}, tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "leads.sqlite").is_file()


def _garbage(path: Path) -> None:
    path.write_bytes(b"\0garbage" * 512)


def _truncated(path: Path) -> None:
    whole = resources.content_db_path().read_bytes()
    path.write_bytes(whole[: len(whole) // 2])


def _missing(path: Path) -> None:
    pass


@pytest.mark.parametrize("damage", [_garbage, _truncated, _missing], ids=lambda f: f.__name__)
def test_kiosk_without_readable_content_shows_staff_a_message_not_a_traceback(
    tmp_path: Path, damage: Callable[[Path], None]
) -> None:
    broken = tmp_path / "content.sqlite"
    damage(broken)
    result = _run_kiosk({resources.CONTENT_DB_ENV: str(broken)}, tmp_path)
    assert result.returncode == 2
    # One sentence of ours (the offscreen platform adds a line of its own).
    [sentence] = [line for line in result.stderr.splitlines() if line.startswith("kiosk: ")]
    assert sentence.endswith(".") and "Traceback" not in result.stderr
    log = (tmp_path / "data" / "kiosk.log").read_text(encoding="utf-8")
    assert "ready: showing the staff message" in log


def test_idle_reset_in_the_middle_of_the_eligibility_check(shell: Shell, qtbot: QtBot) -> None:
    wizard = start_eligibility(shell, qtbot)
    tap(qtbot, wizard.yes_no.buttons[False])
    tap(qtbot, wizard.common_countries.buttons["TH"])
    tap(qtbot, wizard.next_button)
    tap(qtbot, wizard.birth_year.buttons[2007])
    with qtbot.waitSignal(shell.signals.visitor_reset, timeout=5000):
        pass
    assert shell.current.screen_id == ScreenId.ATTRACT
    assert shell.session.answers == {} and shell.session.outcome is None
    checked = [b for b in wizard.findChildren(QAbstractButton) if b.isCheckable() and b.isChecked()]
    assert checked == []
    texts = [w.text() for w in shell.findChildren(QWidget) if isinstance(w, QLabel | QLineEdit)]
    assert not any("Thailand" in t or "泰国" in t for t in texts)
    assert wizard.question is None
