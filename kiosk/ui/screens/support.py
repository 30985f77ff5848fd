"""The seven kinds of enterprise support."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.common import card, label
from kiosk.ui.widgets.responsive_grid import ResponsiveGrid

if TYPE_CHECKING:
    from kiosk.ui.shell import Shell


class SupportScreen(Screen):
    screen_id = ScreenId.SUPPORT

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        body = self.scrolling_body()
        self.heading = label("", "title")
        body.addWidget(self.heading)
        self.grid = ResponsiveGrid(cell_width=520, max_columns=3)
        self.cards: list[tuple[QLabel, QLabel]] = []
        cells = []
        for _support in self.catalog.supports:
            frame, layout = card()
            title, description = label("", "section"), label("", "body")
            layout.addWidget(title)
            layout.addWidget(description)
            layout.addStretch(1)
            self.cards.append((title, description))
            cells.append(frame)
        self.grid.set_cells(cells)
        body.addWidget(self.grid)
        body.addStretch(1)

    def title(self) -> str:
        return self.tr("Enterprise support")

    def retranslate(self) -> None:
        lang = self.language
        self.heading.setText(self.catalog.text("headings.support").get(lang))
        for support, (title, description) in zip(self.catalog.supports, self.cards, strict=True):
            title.setText(support.title.get(lang))
            description.setText(support.with_note(support.description, lang))
