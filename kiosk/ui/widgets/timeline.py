"""A visitor's personal timeline: enrolment, graduation, the return window, turning 18 and the
earliest date for seven years' residence, in date order on one line.

Milestones are evenly spaced rather than to scale: graduation, turning 18 and the return window
fall within months of each other and would overlap; each label carries its date instead, as
kiosk.milestones tells it (an estimate says so)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.milestones import Milestone

# Room for five lines of 21 px text a side: a label and its date, each wrapped ("March to
# August 2029 (estimated)").
LABEL_HEIGHT = 150
LINE_Y = LABEL_HEIGHT + 36
HEIGHT = 2 * LINE_Y


class TimelineDiagram(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.milestones: list[Milestone] = []
        self.setMinimumHeight(HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_milestones(self, milestones: list[Milestone]) -> None:
        self.milestones = sorted(milestones, key=lambda m: m.day)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(900, HEIGHT)

    def _step(self) -> float:
        return (self.width() - 40) / max(len(self.milestones), 1)

    def point_x(self, index: int) -> float:
        return 20 + self._step() * (index + 0.5)

    def label_boxes(self) -> list[QRectF]:
        """Where each label goes: alternately above and below the line, kept inside the widget."""
        # Narrow enough that the end labels need no shifting and same-side labels stay apart.
        label_width = min(320.0, 40 + self._step(), 2 * self._step() - 16)
        boxes = []
        for index in range(len(self.milestones)):
            left = self.point_x(index) - label_width / 2
            left = max(0.0, min(left, self.width() - label_width))
            top = LINE_Y - 28 - LABEL_HEIGHT if index % 2 == 0 else LINE_Y + 28
            boxes.append(QRectF(left, top, label_width, LABEL_HEIGHT))
        return boxes

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.milestones:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        last = len(self.milestones) - 1
        painter.setPen(QPen(QColor("#C9D8EC"), 8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawLine(int(self.point_x(0)), LINE_Y, int(self.point_x(last)), LINE_Y)
        font = QFont(self.font())
        font.setPixelSize(21)
        painter.setFont(font)
        boxes = self.label_boxes()
        for index, (milestone, box) in enumerate(zip(self.milestones, boxes, strict=True)):
            colour = QColor(milestone.colour)
            x = self.point_x(index)
            if milestone.is_span and index < last:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawRoundedRect(QRectF(x, LINE_Y - 12, self._step() * 0.6, 24), 12, 12)
            painter.setPen(QPen(QColor("white"), 4))
            painter.setBrush(colour)
            painter.drawEllipse(QRectF(x - 16, LINE_Y - 16, 32, 32))
            text = f"{milestone.label}\n{milestone.when}"
            painter.setPen(QColor("#1F2A44"))
            vertical = Qt.AlignmentFlag.AlignBottom if index % 2 == 0 else Qt.AlignmentFlag.AlignTop
            flags = Qt.AlignmentFlag.AlignHCenter | vertical | Qt.TextFlag.TextWordWrap
            painter.drawText(box, int(flags), text)
