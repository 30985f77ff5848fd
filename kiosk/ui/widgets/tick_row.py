"""A consent to tick: a large box and its sentence, both tappable; never ticked in advance."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from kiosk.ui.widgets.common import TOUCH_MIN, button


class _TappableLabel(QLabel):
    tapped = Signal()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.pos()):
            self.tapped.emit()


class TickRow(QFrame):
    toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "tickRow")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(20)
        self.box = button("", "tick")
        self.box.setCheckable(True)
        self.box.setFixedSize(TOUCH_MIN, TOUCH_MIN)
        self.box.toggled.connect(self._show_tick)
        self.text = _TappableLabel()
        self.text.setProperty("role", "body")
        self.text.setWordWrap(True)
        self.text.tapped.connect(self.box.click)
        layout.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)

    def _show_tick(self, ticked: bool) -> None:
        self.box.setText("✓" if ticked else "")
        self.toggled.emit(ticked)

    def setText(self, text: str) -> None:
        self.text.setText(text)

    def isChecked(self) -> bool:
        return self.box.isChecked()

    def setChecked(self, ticked: bool) -> None:
        self.box.setChecked(ticked)
