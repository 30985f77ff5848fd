"""Home: the doors to everything a visitor can do, every one titled and all in view without
scrolling on either orientation (nine doors: five a row on a landscape display)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from kiosk.eligibility_flow import QUESTIONS
from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.common import Tile, label, svg_pixmap
from kiosk.ui.widgets.responsive_grid import ResponsiveGrid

if TYPE_CHECKING:
    from kiosk.ui.shell import Shell


DOOR_WIDTH = 340  # px a door needs at least: five fit across 1920, two across 1080
DOOR_HEIGHT = 280


class HomeScreen(Screen):
    screen_id = ScreenId.HOME

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        body = self.scrolling_body()
        self.heading = label("", "hero")
        self.slogan = label("", "heroSub")
        body.addWidget(self.heading)
        body.addWidget(self.slogan)
        self.grid = ResponsiveGrid(cell_width=DOOR_WIDTH, max_columns=5)
        self.tiles: dict[ScreenId, Tile] = {}
        largest_sector = max(self.catalog.sectors, key=lambda sector: len(sector.programmes))
        doors: list[tuple[ScreenId, str, str]] = [
            (ScreenId.SECTORS, "sectors", largest_sector.icon),
            (ScreenId.ELIGIBILITY, "ui", "check"),
            (ScreenId.SEARCH, "ui", "search"),
            (ScreenId.ABOUT, "ui", "info"),
            (ScreenId.SUPPORT, "ui", "support"),
            (ScreenId.CONTACTS, "ui", "contact"),
            (ScreenId.SHORTLIST, "ui", "list"),
            (ScreenId.SUMMARY, "ui", "summary"),
            (ScreenId.LEAD_CONSENT, "ui", "leave-contact"),
        ]
        for screen, category, icon in doors:
            tile = Tile(svg_pixmap(category, icon, 120))
            tile.setMinimumHeight(DOOR_HEIGHT)
            tile.clicked.connect(self._opener(screen))
            self.tiles[screen] = tile
        self.grid.set_cells(list(self.tiles.values()))
        body.addWidget(self.grid)
        body.addStretch(1)
        self.data_date = label("", "small")
        body.addWidget(self.data_date)

    def _opener(self, screen: ScreenId) -> Callable[[], None]:
        if screen == ScreenId.LEAD_CONSENT:
            return lambda: self.shell.leave_contact()
        return lambda: self.shell.go_to(screen)

    def title(self) -> str:
        return self.tr("Home")

    def retranslate(self) -> None:
        catalog, lang = self.catalog, self.language
        self.heading.setText(catalog.text("scheme_name").get(lang))
        self.slogan.setText(catalog.text("slogan").get(lang))
        programmes = len(catalog.programmes)
        texts = {
            ScreenId.SECTORS: (
                self.tr("Explore sectors"),
                self.tr("%n sectors", "", len(catalog.sectors))
                + " · "
                + self.tr("%n programmes", "", programmes),
            ),
            ScreenId.ELIGIBILITY: (
                self.tr("Can I join VPAS?"),
                self.tr("A quick check, %n questions", "", len(QUESTIONS)),
            ),
            ScreenId.SEARCH: (self.tr("Search"), self.tr("Chinese, English or pinyin")),
            ScreenId.ABOUT: (self.tr("About VPAS"), self.tr("The path to staying in Hong Kong")),
            ScreenId.SUPPORT: (
                self.tr("Enterprise support"),
                self.tr("Scholarships, internships, jobs"),
            ),
            ScreenId.CONTACTS: (self.tr("Contact us"), self.tr("Telephone, e-mail, address")),
            ScreenId.SHORTLIST: (self.tr("My list"), self.tr("The programmes you saved")),
            ScreenId.SUMMARY: (
                self.tr("My summary"),
                self.tr("Print it, or take it on your phone")
                if self.shell.services.settings.booth_network
                else self.tr("Print it and take it with you"),
            ),
            ScreenId.LEAD_CONSENT: (
                self.tr("Leave your contact"),
                self.tr("So that VTC can contact you about your enquiry"),
            ),
        }
        for screen, tile in self.tiles.items():
            tile.set_texts(*texts[screen])  # a door without texts fails here, not silently
        self.data_date.setText(
            catalog.text("data_date").get(lang) + " · " + catalog.text("data_change_note").get(lang)
        )
