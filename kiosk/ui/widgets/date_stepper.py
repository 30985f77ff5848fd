"""A date for fingers: the day in large type between a day back and a day on."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.ui.widgets.common import TOUCH_MIN, button, label


class DateStepper(QWidget):
    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._date = date.today()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(16)
        self.earlier = button("−", "key")
        self.later = button("+", "key")
        for step in (self.earlier, self.later):
            step.setFixedSize(TOUCH_MIN + 24, TOUCH_MIN + 24)
        self.shown = label("", "title", wrap=False)
        self.shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.shown.setMinimumWidth(300)
        row.addWidget(self.earlier)
        row.addWidget(self.shown)
        row.addWidget(self.later)
        row.addStretch(1)
        self.earlier.clicked.connect(lambda: self.set_value(self._date - timedelta(days=1)))
        self.later.clicked.connect(lambda: self.set_value(self._date + timedelta(days=1)))

    def value(self) -> date:
        return self._date

    def set_value(self, value: date) -> None:
        self._date = value
        self.shown.setText(value.isoformat())
        self.changed.emit()
