"""Idle detection: no touch for a while -> "are you still there?" -> countdown -> reset."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFrame, QVBoxLayout, QWidget

from kiosk.ui.widgets.common import button, label

# Anything a visitor does with a finger, a mouse or a keyboard counts as "still here".
ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
    }
)


class IdleWatcher(QObject):
    """Watches every input event of the application; emits ``idle`` after ``timeout_ms``."""

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self.idle)
        app = QApplication.instance()
        assert app is not None, "the IdleWatcher needs a running QApplication"
        self._app = app
        app.installEventFilter(self)

    def start(self) -> None:
        self._timer.start()

    def set_timeout(self, timeout_ms: int) -> None:
        self._timer.setInterval(timeout_ms)

    def stop(self) -> None:
        self._timer.stop()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY_EVENTS and self._timer.isActive():
            self._timer.start()  # restart the wait
        return False

    def detach(self) -> None:
        self._app.removeEventFilter(self)


class IdleOverlay(QWidget):
    """Covers the shell with a countdown; ``stay`` when the visitor taps, ``expired`` at zero."""

    stay = Signal()
    expired = Signal()

    def __init__(self, seconds: int, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = parent
        self.setObjectName("idleOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._seconds = seconds
        self._left = seconds
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._count_down)

        card = QFrame()
        card.setObjectName("idleCard")
        card.setMinimumWidth(720)
        card.setMaximumWidth(900)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(48, 40, 48, 40)
        inner.setSpacing(20)
        self.question = label("", "title")
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.explanation = label("", "body")
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown = label("", "countdown", wrap=False)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stay_button = button("", "primary")
        self.stay_button.setMinimumHeight(96)
        self.stay_button.clicked.connect(self._stay)
        for widget in (self.question, self.countdown, self.explanation, self.stay_button):
            inner.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.question.setText(self.tr("Are you still there?"))
        self.explanation.setText(
            self.tr("To keep your choices private, the kiosk will start over for the next visitor.")
        )
        self.stay_button.setText(self.tr("I'm still here"))

    def set_seconds(self, seconds: int) -> None:
        self._seconds = seconds

    def begin(self) -> None:
        self._left = self._seconds
        self.countdown.setText(str(self._left))
        self.setGeometry(self._host.rect())
        self.show()
        self.raise_()
        self._tick.start()

    def cancel(self) -> None:
        self._tick.stop()
        self.hide()

    def _stay(self) -> None:
        self.cancel()
        self.stay.emit()

    def _count_down(self) -> None:
        self._left -= 1
        self.countdown.setText(str(max(self._left, 0)))
        if self._left <= 0:
            self.cancel()
            self.expired.emit()
