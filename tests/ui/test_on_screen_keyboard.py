"""The on-screen keyboard in the kiosk's window: Pinyin with candidates a finger can hit, the
visitor's own way of typing, English letters with e-mail endings for e-mail, a dial pad for the
phone, no keyboard over the fields that have their own A–Z keys, and nothing left behind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from kiosk.ui.keyboard import kiosk_style
from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screens.eligibility import EligibilityScreen
from kiosk.ui.screens.lead_form import LeadFormScreen
from kiosk.ui.shell import Shell
from tests.keyboard_driver import (
    candidates,
    keys,
    shortcut,
    tap_candidate,
    tap_item,
    tap_keys,
    type_pinyin,
)
from tests.qt_fixtures import tap

FINGER = 64  # px: the smallest target a finger hits reliably
REPO = Path(__file__).resolve().parents[2]


def open_form(shell: Shell) -> LeadFormScreen:
    shell.start_visit()
    shell.go_to(ScreenId.LEAD_FORM)
    form = shell.screens[ScreenId.LEAD_FORM]
    assert isinstance(form, LeadFormScreen)
    return form


@pytest.mark.parametrize("shell_size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_pinyin_nihao_offers_candidates_a_finger_can_hit(shell: Shell, qtbot: QtBot) -> None:
    form = open_form(shell)
    keyboard = shell.keyboard
    assert not keyboard.is_open
    tap(qtbot, form.fields["name"])
    qtbot.waitUntil(lambda: keyboard.is_open)
    # Docked at the bottom of the window, under the form, which keeps most of the screen.
    qtbot.waitUntil(lambda: keyboard.geometry().bottom() == shell.rect().bottom())
    assert keyboard.width() == shell.width()
    assert keyboard.height() < shell.height() / 2
    tap_keys(qtbot, keyboard, "nihao")
    qtbot.waitUntil(lambda: "你好" in candidates(keyboard))
    offered = candidates(keyboard)
    assert {"你", "尼"} <= set(offered)
    assert all(item.height() >= FINGER and item.width() >= FINGER for item in offered.values())
    letters = [item for name, item in keys(keyboard).items() if len(name) == 1 and name.isalpha()]
    assert len(letters) == 26
    assert all(item.height() >= FINGER and item.width() >= FINGER for item in letters)
    tap_candidate(qtbot, keyboard, "你好")
    qtbot.waitUntil(lambda: form.fields["name"].text() == "你好")
    assert shell.session.lead.name == "你好"


def test_a_field_low_on_the_form_stays_in_view_above_the_keyboard(
    shell: Shell, qtbot: QtBot
) -> None:
    form = open_form(shell)
    school = form.fields["school"]
    type_pinyin(qtbot, shell.keyboard, school, [("shenzhen", "深圳")])
    bottom = school.mapTo(shell, QPoint(0, school.height())).y()
    assert 0 < bottom <= shell.keyboard.geometry().top()
    assert shell.session.lead.school == "深圳"


def test_phone_field_gets_a_dial_pad(shell: Shell, qtbot: QtBot) -> None:
    form = open_form(shell)
    tap(qtbot, form.fields["phone_number"])
    qtbot.waitUntil(lambda: shell.keyboard.is_open and "5" in keys(shell.keyboard))
    assert {"0", "1", "9"} <= set(keys(shell.keyboard)) and "q" not in keys(shell.keyboard)
    tap_keys(qtbot, shell.keyboard, "138")
    qtbot.waitUntil(lambda: form.fields["phone_number"].text() == "138")


def test_email_gets_english_letters_and_whole_endings(shell: Shell, qtbot: QtBot) -> None:
    form = open_form(shell)  # a Simplified Chinese visitor: Pinyin elsewhere
    tap(qtbot, form.fields["email"])
    qtbot.waitUntil(lambda: shortcut(shell.keyboard, "@qq.com") is not None)
    tap_keys(qtbot, shell.keyboard, "chan")
    ending = shortcut(shell.keyboard, "@qq.com")
    assert ending is not None and ending.height() >= FINGER
    tap_item(qtbot, shell.keyboard, ending)
    assert form.fields["email"].text() == "chan@qq.com"  # letters straight in, no candidates
    assert shell.session.lead.email == "chan@qq.com"
    tap(qtbot, form.fields["name"])  # back to Pinyin, without the endings
    qtbot.waitUntil(lambda: shortcut(shell.keyboard, "@") is None)
    tap_keys(qtbot, shell.keyboard, "ni")
    qtbot.waitUntil(lambda: "你" in candidates(shell.keyboard))


def test_each_language_starts_with_its_own_way_of_typing(shell: Shell, qtbot: QtBot) -> None:
    form = open_form(shell)
    shell.set_language("zh-Hant")  # Taiwan's Zhuyin first; Cangjie and Pinyin a tap away
    tap(qtbot, form.fields["name"])
    qtbot.waitUntil(lambda: "ㄅ" in keys(shell.keyboard))
    qtbot.wait(300)  # a layout settles sooner than a finger reaches it
    shell.set_language("en")
    qtbot.waitUntil(lambda: "ㄅ" not in keys(shell.keyboard))
    qtbot.wait(300)
    tap_keys(qtbot, shell.keyboard, "anna")
    assert form.fields["name"].text().lower() == "anna"
    assert not candidates(shell.keyboard)


def test_a_physical_keyboard_keeps_working_beside_it(shell: Shell, qtbot: QtBot) -> None:
    form = open_form(shell)
    tap(qtbot, form.fields["wechat_id"])
    qtbot.waitUntil(lambda: shell.keyboard.is_open)
    qtbot.keyClicks(form.fields["wechat_id"], "chan_2008")
    assert form.fields["wechat_id"].text() == "chan_2008"


def test_fields_with_their_own_letter_keys_get_no_keyboard(shell: Shell, qtbot: QtBot) -> None:
    shell.start_visit()
    shell.go_to(ScreenId.SEARCH)
    tap(qtbot, shell.screens[ScreenId.SEARCH].field)  # type: ignore[attr-defined]
    eligibility = shell.screens[ScreenId.ELIGIBILITY]
    assert isinstance(eligibility, EligibilityScreen)
    shell.go_to(ScreenId.ELIGIBILITY, question="nationalities")
    tap(qtbot, eligibility.country_field)
    qtbot.wait(300)  # the keyboard would have opened by now
    assert not shell.keyboard.is_open


def test_leaving_the_screen_drops_half_typed_pinyin(shell: Shell, qtbot: QtBot) -> None:
    form = open_form(shell)
    tap(qtbot, form.fields["name"])
    tap_keys(qtbot, shell.keyboard, "ni")
    qtbot.waitUntil(lambda: "你" in candidates(shell.keyboard))
    tap(qtbot, shell.top_bar.home)
    qtbot.waitUntil(lambda: not shell.keyboard.is_open)
    assert form.fields["name"].text() == ""  # not committed on the way out


def test_idle_reset_drops_half_typed_pinyin_and_closes_the_keyboard(
    shell: Shell, qtbot: QtBot
) -> None:
    form = open_form(shell)
    type_pinyin(qtbot, shell.keyboard, form.fields["name"], [("chen", "陈")])
    tap_keys(qtbot, shell.keyboard, "da")
    qtbot.waitUntil(lambda: "大" in candidates(shell.keyboard))
    shell.reset_visitor("idle")
    qtbot.waitUntil(lambda: not shell.keyboard.is_open)
    assert form.fields["name"].text() == ""
    assert not candidates(shell.keyboard)
    assert QGuiApplication.inputMethod().isVisible() is False


def test_the_kiosk_style_is_the_built_in_one_made_for_fingers(shell: Shell) -> None:
    style = kiosk_style("WenQuanYi Micro Hei")  # fails loudly if a Qt upgrade moved these
    assert "selectionListHeight: 180 * scaleHint" in style
    assert 'fontFamily: "WenQuanYi Micro Hei"' in style


LEARNING_RUN = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["QT_QUICK_BACKEND"] = "software"
from kiosk.ui.keyboard import configure_input_method
configure_input_method()
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
app = QApplication([])
from kiosk.ui.keyboard import OnScreenKeyboard
window = QWidget()
field = QLineEdit(window)
keyboard = OnScreenKeyboard(window)
layout = QVBoxLayout(window)
layout.addWidget(field)
layout.addWidget(keyboard)
keyboard.set_language("zh-Hans")
window.show()
window.activateWindow()
QTest.qWaitForWindowActive(window)
QTest.mouseClick(field, Qt.MouseButton.LeftButton)
for _ in range(500):
    if keyboard.is_open:
        break
    QTest.qWait(10)
learned = keyboard.rootObject().property("userDataPath")
print(keyboard.is_open, os.path.isdir(os.path.join(learned, "pinyin")), learned)
"""


def test_what_pinyin_learns_stays_in_this_run_and_goes_with_it(tmp_path: Path) -> None:
    home_config = tmp_path / "config"
    run = subprocess.run(
        [sys.executable, "-c", LEARNING_RUN],
        cwd=REPO,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(home_config)},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    opened, pinyin_started_there, path = run.stdout.strip().splitlines()[-1].split(" ", 2)
    assert (opened, pinyin_started_there) == ("True", "True")
    learned = Path(path)
    assert learned.name == "qtvirtualkeyboard"
    assert not learned.is_relative_to(home_config) and not learned.is_relative_to(tmp_path)
    assert not learned.parent.exists()  # removed when the kiosk exited
