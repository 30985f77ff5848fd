"""How staff reach the PIN pad: a finger held still on the screen's top-left corner for 3 s.

Visitors tap, swipe and press buttons; nobody holds a bare corner that long by chance. The
release that ends the hold is swallowed, so the button under the corner (the top bar's Back)
does not fire as well.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

CORNER_PX = 120
HOLD_MS = 3000
SLOP_PX = 40  # a finger is never perfectly still


class CornerHold(QObject):
    held = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(HOLD_MS)
        self._timer.timeout.connect(self._fire)
        self._pressed_at = QPoint()
        self._pressed_widget: QWidget | None = None
        self._fired = False
        app = QApplication.instance()
        assert app is not None
        self._app = app
        app.installEventFilter(self)

    def detach(self) -> None:
        self._timer.stop()
        self._app.removeEventFilter(self)

    def _fire(self) -> None:
        self._fired = True
        if isinstance(self._pressed_widget, QAbstractButton):
            self._pressed_widget.setDown(False)
        self.held.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QWidget) or not isinstance(event, QMouseEvent):
            return False
        position = self._window.mapFromGlobal(event.globalPosition().toPoint())
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress:
            self._fired = False
            if QRect(0, 0, CORNER_PX, CORNER_PX).contains(position) and self._window.isVisible():
                self._pressed_at = position
                self._pressed_widget = watched
                self._timer.start()
        elif kind == QEvent.Type.MouseMove and self._timer.isActive():
            if (position - self._pressed_at).manhattanLength() > SLOP_PX:
                self._timer.stop()
        elif kind == QEvent.Type.MouseButtonRelease:
            self._timer.stop()
            self._pressed_widget = None
            if self._fired:
                self._fired = False
                return True  # the hold opened the PIN pad; this release is not a tap
        return False
