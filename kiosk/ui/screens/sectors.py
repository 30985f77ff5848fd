"""The 13 sectors as large illustrated tiles."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.common import Tile, label, svg_pixmap
from kiosk.ui.widgets.responsive_grid import ResponsiveGrid

if TYPE_CHECKING:
    from kiosk.ui.shell import Shell


class SectorsScreen(Screen):
    screen_id = ScreenId.SECTORS

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        body = self.scrolling_body()
        self.heading = label("", "title")
        self.subheading = label("", "subtitle")
        body.addWidget(self.heading)
        body.addWidget(self.subheading)
        self.grid = ResponsiveGrid(cell_width=330, max_columns=5)
        self.tiles: dict[str, Tile] = {}
        for sector in self.catalog.sectors:
            tile = Tile(svg_pixmap("sectors", sector.icon, 120))
            tile.setMinimumHeight(300)
            tile.setObjectName(f"sector-{sector.code}")
            tile.clicked.connect(self._opener(sector.code))
            self.tiles[sector.code] = tile
        self.grid.set_cells(list(self.tiles.values()))
        body.addWidget(self.grid)
        body.addStretch(1)

    def _opener(self, code: str) -> Callable[[], None]:
        return lambda: self.shell.go_to(ScreenId.SECTOR, sector=code)

    def title(self) -> str:
        return self.tr("Explore sectors")

    def retranslate(self) -> None:
        lang = self.language
        self.heading.setText(self.catalog.text("headings.sectors").get(lang))
        self.subheading.setText(self.catalog.text("headings.programmes").get(lang))
        for sector in self.catalog.sectors:
            badge = self.tr("New %1").replace("%1", sector.new_from) if sector.new_from else ""
            self.tiles[sector.code].set_texts(
                sector.name.get(lang),
                self.tr("%n programmes", "", len(sector.programmes)),
                badge,
            )
