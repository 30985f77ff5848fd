"""One sector: its programmes (tap to open) and the leaflet's job examples."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from kiosk.catalog import Programme, Sector
from kiosk.l10n import Language
from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.common import TOUCH_MIN, clear_layout, label, svg_icon, svg_pixmap
from kiosk.ui.widgets.job_examples import JobExamples

if TYPE_CHECKING:
    from kiosk.ui.shell import Shell


def programme_label(programme: Programme, language: Language) -> str:
    """A programme's name in the visitor's language, with the English name under Chinese."""
    name = programme.name.get(language)
    return name if language == "en" else f"{name}\n{programme.name.en}"


def programme_row(programme: Programme, language: Language, on_list: bool) -> QPushButton:
    """A full-width row button for a programme."""
    row = QPushButton(programme_label(programme, language))
    row.setProperty("role", "row")
    row.setObjectName(f"programme-{programme.code}")
    row.setMinimumHeight(TOUCH_MIN + 24)
    row.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if on_list:
        row.setIcon(svg_icon("ui", "star", 40))
        row.setIconSize(QSize(36, 36))
    return row


class SectorScreen(Screen):
    screen_id = ScreenId.SECTOR

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.sector: Sector | None = None
        body = self.scrolling_body()
        header = QHBoxLayout()
        header.setSpacing(28)
        self.picture = QLabel()
        header.addWidget(self.picture)
        names = QVBoxLayout()
        self.heading = label("", "title")
        self.english = label("", "english")
        self.badge = label("", "badge", wrap=False)
        self.new_sector_note = label("", "body")  # the leaflet's footnote 7
        self.new_sector_note.setObjectName("newSectorNote")
        names.addWidget(self.heading)
        names.addWidget(self.english)
        names.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignLeft)
        names.addWidget(self.new_sector_note)
        header.addLayout(names, 1)
        body.addLayout(header)
        self.programmes_heading = label("", "section")
        body.addWidget(self.programmes_heading)
        self.programme_rows = QVBoxLayout()
        self.programme_rows.setSpacing(14)
        body.addLayout(self.programme_rows)
        self.jobs = JobExamples()
        body.addWidget(self.jobs)
        body.addStretch(1)
        shell.signals.shortlist_changed.connect(self.retranslate)

    def title(self) -> str:
        return self.sector.name.get(self.language) if self.sector else ""

    def enter(self, **params: str) -> None:
        self.sector = self.catalog.sector(params["sector"])
        self.picture.setPixmap(svg_pixmap("sectors", self.sector.icon, 140))
        self.retranslate()

    def reset(self) -> None:
        self.sector = None
        self.picture.clear()
        for widget in (self.heading, self.english, self.badge, self.new_sector_note):
            widget.clear()
        clear_layout(self.programme_rows)
        self.jobs.clear()

    def _opener(self, code: str) -> Callable[[], None]:
        return lambda: self.shell.go_to(ScreenId.PROGRAMME, programme=code)

    def retranslate(self) -> None:
        sector, lang = self.sector, self.language
        if sector is None:
            return
        self.heading.setText(sector.name.get(lang))
        self.english.setText(sector.name.en)
        self.english.setVisible(lang != "en")
        self.badge.setText(self.tr("New %1").replace("%1", sector.new_from or ""))
        self.badge.setVisible(bool(sector.new_from))
        note = self.catalog.new_sector_note(sector)
        self.new_sector_note.setText(note.get(lang) if note else "")
        self.new_sector_note.setVisible(note is not None)
        self.programmes_heading.setText(self.catalog.text("headings.column_programmes").get(lang))
        clear_layout(self.programme_rows)
        for programme in sector.programmes:
            row = programme_row(programme, lang, programme.code in self.shell.session.shortlist)
            row.clicked.connect(self._opener(programme.code))
            self.programme_rows.addWidget(row)
        self.jobs.show_jobs(self.catalog.text("headings.column_jobs").get(lang), sector.jobs, lang)
