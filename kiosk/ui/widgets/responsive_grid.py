"""A grid whose number of columns follows the available width (landscape or portrait)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QWidget


class ResponsiveGrid(QWidget):
    def __init__(self, cell_width: int, max_columns: int = 5, parent: QWidget | None = None):
        super().__init__(parent)
        self._cell_width = cell_width
        self._max_columns = max_columns
        self._cells: list[QWidget] = []
        self._columns = 0
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(24)

    def set_cells(self, cells: Sequence[QWidget]) -> None:
        for old in self._cells:
            self._grid.removeWidget(old)
            old.setParent(None)
            old.deleteLater()
        self._cells = list(cells)
        self._columns = 0
        self._relayout(self.width())

    def columns_for(self, width: int) -> int:
        return max(1, min(self._max_columns, width // self._cell_width))

    def _relayout(self, width: int) -> None:
        columns = self.columns_for(width)
        if columns == self._columns:
            return
        self._columns = columns
        for cell in self._cells:
            self._grid.removeWidget(cell)
        for index, cell in enumerate(self._cells):
            self._grid.addWidget(cell, index // columns, index % columns)
        for column in range(self._max_columns):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout(event.size().width())
