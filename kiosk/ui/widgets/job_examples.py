"""The leaflet's job examples for a sector: a heading and a wrapping set of chips."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.l10n import L10n, Language
from kiosk.ui.widgets.common import chip, clear_layout, label
from kiosk.ui.widgets.flow_layout import FlowLayout


class JobExamples(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        self.heading = label("", "section")
        column.addWidget(self.heading)
        chips = QWidget()
        self._flow = FlowLayout(chips)
        column.addWidget(chips)

    def show_jobs(self, heading: str, jobs: Sequence[L10n], language: Language) -> None:
        self.heading.setText(heading)
        clear_layout(self._flow)
        for job in jobs:
            self._flow.addWidget(chip(job.get(language)))

    def clear(self) -> None:
        self.heading.clear()
        clear_layout(self._flow)
