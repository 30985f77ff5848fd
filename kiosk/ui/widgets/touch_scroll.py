"""A scroll area that scrolls kinetically by dragging with a finger (or the mouse)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QWidget,
)


class TouchScrollArea(QScrollArea):
    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(content)
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        scroller = QScroller.scroller(self.viewport())
        properties = scroller.scrollerProperties()
        # A tap must reach the button under the finger at once, not after a flick delay.
        properties.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0)
        properties.setScrollMetric(
            QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy,
            QScrollerProperties.OvershootPolicy.OvershootAlwaysOff,
        )
        scroller.setScrollerProperties(properties)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The on-screen keyboard opening takes height away: keep the field being typed in on view.
        field = QApplication.focusWidget()
        content = self.widget()
        if field is not None and content is not None and content.isAncestorOf(field):
            # The whole field and its caption (ensureWidgetVisible keeps only its text cursor).
            middle = field.mapTo(content, field.rect().center())
            self.ensureVisible(middle.x(), middle.y(), 0, field.height() // 2 + 56)
