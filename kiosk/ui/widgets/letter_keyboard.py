"""An on-screen A–Z keyboard: enough to search in English or pinyin without any IME."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QSizePolicy, QWidget

from kiosk.ui.widgets.common import TOUCH_MIN, button

ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


class LetterKeyboard(QWidget):
    def __init__(self, target: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._target = target
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(10)
        self.keys: dict[str, QPushButton] = {}
        # Each row is centred on a 20-column grid; a key spans two columns.
        for row, letters in enumerate(ROWS):
            offset = 10 - len(letters)
            for index, letter in enumerate(letters):
                key = self._key(letter.upper(), lambda _=False, ch=letter: target.insert(ch))
                grid.addWidget(key, row, offset + index * 2, 1, 2)
                self.keys[letter] = key
        self.backspace = self._key("⌫", lambda: target.backspace())
        grid.addWidget(self.backspace, 2, 17, 1, 3)
        self.space = self._key("", lambda: target.insert(" "))
        grid.addWidget(self.space, 3, 4, 1, 10)
        self.clear = self._key("", lambda: target.clear())
        grid.addWidget(self.clear, 3, 14, 1, 4)

    def _key(self, text: str, action: object) -> QPushButton:
        key = button(text, "key")
        key.setMinimumSize(TOUCH_MIN, TOUCH_MIN)
        key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        key.setAutoRepeat(text == "⌫")
        key.clicked.connect(action)
        return key

    def retranslate(self) -> None:
        self.space.setText(self.tr("space"))
        self.clear.setText(self.tr("clear"))

    def focus_target(self) -> None:
        self._target.setFocus(Qt.FocusReason.OtherFocusReason)
