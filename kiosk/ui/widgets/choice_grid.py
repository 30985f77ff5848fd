"""A grid of large, checkable choice buttons (single or multiple choice)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QPushButton, QWidget

from kiosk.ui.widgets.common import TOUCH_MIN, button


class ChoiceGrid(QWidget):
    """Emits ``chosen(value)`` when a choice is tapped; remembers the checked values."""

    chosen = Signal(object)

    def __init__(self, columns: int, *, multiple: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self._columns = columns
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(14)
        self._group = QButtonGroup(self)
        self._group.setExclusive(not multiple)
        self.buttons: dict[object, QPushButton] = {}

    def set_choices(self, choices: Sequence[tuple[object, str]]) -> None:
        for old in self.buttons.values():
            self._group.removeButton(old)
            self._grid.removeWidget(old)
            # Hidden but kept in the grid's widget until deleted: without a parent it would
            # be a window of its own until the event loop gets round to deleting it.
            old.hide()
            old.deleteLater()
        self.buttons = {}
        for index, (value, text) in enumerate(choices):
            choice = button(text, "choice")
            choice.setCheckable(True)
            choice.setMinimumHeight(TOUCH_MIN + 16)
            choice.clicked.connect(lambda _=False, v=value: self.chosen.emit(v))
            self._group.addButton(choice)
            self._grid.addWidget(choice, index // self._columns, index % self._columns)
            self.buttons[value] = choice

    def set_columns(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for index, choice in enumerate(self.buttons.values()):
            self._grid.removeWidget(choice)
            self._grid.addWidget(choice, index // columns, index % columns)

    def set_texts(self, texts: dict[object, str]) -> None:
        for value, text in texts.items():
            if value in self.buttons:
                self.buttons[value].setText(text)

    def set_checked(self, values: Sequence[object]) -> None:
        exclusive = self._group.exclusive()
        self._group.setExclusive(False)  # an exclusive group cannot uncheck its last button
        for value, choice in self.buttons.items():
            choice.setChecked(value in values)
        self._group.setExclusive(exclusive)

    def checked(self) -> list[object]:
        return [value for value, choice in self.buttons.items() if choice.isChecked()]
