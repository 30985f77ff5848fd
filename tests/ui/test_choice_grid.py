"""Choices rebuilt on a language change (the lead form's intake years) vanish cleanly."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.widgets.choice_grid import ChoiceGrid


def test_replaced_choices_never_become_windows_of_their_own(
    themed_app: QApplication, qtbot: QtBot
) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    grid = ChoiceGrid(2, parent=page)
    grid.set_choices([("2027", "2027/28"), ("later", "还未决定")])
    page.show()
    qtbot.waitExposed(page)
    grid.set_choices([("2027", "2027/28"), ("later", "還未決定")])
    # Before the event loop deletes the old buttons, none of them is a window on the screen.
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QPushButton)]
    assert [button.text() for button in grid.buttons.values()] == ["2027/28", "還未決定"]
