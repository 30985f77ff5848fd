"""The path to permanent residence, drawn as numbered steps joined by arrows.

Across the screen when it is wide (landscape), down the screen when it is narrow (portrait).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

STEP_COLOURS = ("#1B4F9C", "#1B4F9C", "#0E9F8E", "#0E9F8E", "#F28C28", "#E9546B")
CIRCLE = 76
GAP = 28
HORIZONTAL_MIN_WIDTH = 1300


class PathDiagram(QWidget):
    def __init__(self, parent: QWidget | None = None, *, on_dark: bool = False) -> None:
        super().__init__(parent)
        self._steps: list[str] = []
        self._on_dark = on_dark
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_steps(self, steps: list[str]) -> None:
        self._steps = steps
        self.updateGeometry()
        self.update()

    def steps(self) -> list[str]:
        return list(self._steps)

    def _text_font(self) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(24)
        return font

    def _horizontal(self, width: int) -> bool:
        return width >= HORIZONTAL_MIN_WIDTH

    def _column_width(self, width: int) -> float:
        return (width - GAP * (len(self._steps) - 1)) / max(len(self._steps), 1)

    def _text_height(self, text: str, width: float) -> int:
        metrics = QFontMetrics(self._text_font())
        rect = metrics.boundingRect(0, 0, int(width), 10_000, Qt.TextFlag.TextWordWrap, text)
        return rect.height()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        if not self._steps:
            return 0
        if self._horizontal(width):
            column = self._column_width(width)
            return CIRCLE + 20 + max(self._text_height(s, column) for s in self._steps) + 8
        text_width = width - CIRCLE - GAP
        rows = [max(CIRCLE, self._text_height(s, text_width)) for s in self._steps]
        return sum(rows) + GAP * (len(rows) - 1)

    def sizeHint(self) -> QSize:
        width = max(self.width(), 600)
        return QSize(width, self.heightForWidth(width))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self.width()
        text_colour = QColor("#FFFFFF" if self._on_dark else "#1F2A44")
        number_font = QFont(self.font())
        number_font.setPixelSize(32)
        number_font.setBold(True)
        horizontal = self._horizontal(width)
        column = self._column_width(width)
        text_width = width - CIRCLE - GAP
        y = 0.0
        for index, text in enumerate(self._steps):
            colour = QColor(STEP_COLOURS[index % len(STEP_COLOURS)])
            if horizontal:
                x = index * (column + GAP)
                circle = QRectF(x + (column - CIRCLE) / 2, 0, CIRCLE, CIRCLE)
                text_rect = QRectF(x, CIRCLE + 20, column, 10_000)
                align = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
            else:
                row = max(CIRCLE, self._text_height(text, text_width))
                circle = QRectF(0, y, CIRCLE, CIRCLE)
                text_rect = QRectF(CIRCLE + GAP, y + max(0, (CIRCLE - row) / 2), text_width, row)
                align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawEllipse(circle)
            painter.setPen(QColor("white"))
            painter.setFont(number_font)
            painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, str(index + 1))
            painter.setPen(text_colour)
            painter.setFont(self._text_font())
            painter.drawText(text_rect, int(align | Qt.TextFlag.TextWordWrap), text)
            if index < len(self._steps) - 1:
                if horizontal:
                    start = QPointF(circle.right() + 10, circle.center().y())
                    end = QPointF(circle.right() + column - CIRCLE + GAP - 10, start.y())
                else:
                    y += row + GAP
                    start = QPointF(circle.center().x(), circle.bottom() + 6)
                    end = QPointF(start.x(), y - 6)
                self._arrow(painter, start, end, colour)

    def _arrow(self, painter: QPainter, start: QPointF, end: QPointF, colour: QColor) -> None:
        if (end - start).manhattanLength() < 12:
            return
        painter.setPen(QPen(colour, 5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawLine(start, end)
        direction = end - start
        length = (direction.x() ** 2 + direction.y() ** 2) ** 0.5
        unit = QPointF(direction.x() / length, direction.y() / length)
        normal = QPointF(-unit.y(), unit.x())
        head = QPolygonF([end, end - unit * 16 + normal * 10, end - unit * 16 - normal * 10])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(head)
