"""A QR code drawn module by module: crisp at any size, no image files in between."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.qr import QUIET_ZONE, dark_runs, qr_matrix


class QrCode(QWidget):
    def __init__(self, side: int = 300, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.payload = ""
        self._matrix: tuple[tuple[bool, ...], ...] = ()
        self._side = side
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFixedSize(side, side)

    def set_payload(self, payload: str) -> None:
        self.payload = payload
        self._matrix = qr_matrix(payload) if payload else ()
        self.setAccessibleDescription(payload)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(self._side, self._side)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        if not self._matrix:
            return
        modules = len(self._matrix) + 2 * QUIET_ZONE
        # Whole pixels per module: a camera reads sharp edges best.
        unit = max(1, self.width() // modules)
        offset = (self.width() - unit * modules) / 2 + QUIET_ZONE * unit
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("black"))
        for row_index, row in enumerate(self._matrix):
            for start, length in dark_runs(row):
                painter.drawRect(
                    QRectF(offset + start * unit, offset + row_index * unit, length * unit, unit)
                )
