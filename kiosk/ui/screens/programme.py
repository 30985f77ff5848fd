"""One programme: its names, its sector, job examples, and "add to my list"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout

from kiosk.catalog import Programme
from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.common import button, card, label, svg_icon, svg_pixmap
from kiosk.ui.widgets.job_examples import JobExamples

if TYPE_CHECKING:
    from kiosk.ui.shell import Shell


class ProgrammeScreen(Screen):
    screen_id = ScreenId.PROGRAMME

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.programme: Programme | None = None
        body = self.scrolling_body()
        header = QHBoxLayout()
        header.setSpacing(28)
        self.picture = QLabel()
        header.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignTop)
        names = QVBoxLayout()
        self.kind = label("", "subtitle")
        self.heading = label("", "hero")
        self.english = label("", "english")
        self.new_sector_note = label("", "body")  # the leaflet's footnote 7, for its sector
        self.new_sector_note.setObjectName("newSectorNote")
        for widget in (self.kind, self.heading, self.english, self.new_sector_note):
            names.addWidget(widget)
        header.addLayout(names, 1)
        body.addLayout(header)

        actions = QHBoxLayout()
        actions.setSpacing(20)
        self.add_button = button("", "primary")
        self.add_button.setObjectName("addToList")
        self.add_button.setIconSize(QSize(44, 44))
        self.add_button.setMinimumHeight(96)
        self.add_button.clicked.connect(self._toggle)
        self.sector_button = button("", "secondary")
        self.sector_button.setMinimumHeight(96)
        self.sector_button.clicked.connect(self._open_sector)
        actions.addWidget(self.add_button, 1)
        actions.addWidget(self.sector_button, 1)
        body.addLayout(actions)
        self.check_button = button("", "secondary")
        self.check_button.setObjectName("checkEligibility")
        self.check_button.clicked.connect(self._check)
        self.contact_button = button("", "secondary")
        self.contact_button.setObjectName("leaveContact")
        self.contact_button.clicked.connect(self._leave_contact)
        more = QHBoxLayout()
        more.setSpacing(20)
        more.addWidget(self.check_button, 1)
        more.addWidget(self.contact_button, 1)
        body.addLayout(more)

        facts, facts_layout = card()
        self.facts_heading = label("", "section")
        self.facts_text = label("", "body")
        facts_layout.addWidget(self.facts_heading)
        facts_layout.addWidget(self.facts_text)
        body.addWidget(facts)

        self.jobs = JobExamples()
        body.addWidget(self.jobs)
        body.addStretch(1)
        shell.signals.shortlist_changed.connect(self._show_list_state)

    def title(self) -> str:
        return self.programme.name.get(self.language) if self.programme else ""

    def enter(self, **params: str) -> None:
        self.programme = self.catalog.programme(params["programme"])
        sector = self.catalog.sector(self.programme.sector_code)
        self.picture.setPixmap(svg_pixmap("sectors", sector.icon, 160))
        self.retranslate()

    def reset(self) -> None:
        self.programme = None
        for widget in (
            self.heading,
            self.english,
            self.kind,
            self.new_sector_note,
            self.facts_text,
        ):
            widget.clear()
        self.jobs.clear()

    def retranslate(self) -> None:
        programme, lang = self.programme, self.language
        if programme is None:
            return
        sector = self.catalog.sector(programme.sector_code)
        self.kind.setText(self.tr("Higher Diploma (2-year), full-time, at VTC"))
        self.heading.setText(programme.name.get(lang))
        self.english.setText(programme.name.en)
        self.english.setVisible(lang != "en")
        note = self.catalog.new_sector_note(sector)
        colon = ": " if lang == "en" else "："
        self.new_sector_note.setText(
            f"{sector.name.get(lang)}{colon}{note.get(lang)}" if note else ""
        )
        self.new_sector_note.setVisible(note is not None)
        self.check_button.setText(self.tr("Can I join VPAS with this programme?"))
        self.contact_button.setText(self.tr("Ask us about it"))
        self.sector_button.setText(self.tr("Sector: %1").replace("%1", sector.name.get(lang)))
        self.facts_heading.setText(self.catalog.text("headings.programmes").get(lang))
        self.facts_text.setText(self.catalog.text("aims.2").get(lang))
        self.jobs.show_jobs(self.catalog.text("headings.column_jobs").get(lang), sector.jobs, lang)
        self._show_list_state()

    def _show_list_state(self) -> None:
        if self.programme is None:
            return
        on_list = self.programme.code in self.shell.session.shortlist
        self.add_button.setProperty("added", on_list)
        self.add_button.setIcon(svg_icon("ui", "check" if on_list else "add", 48, "white"))
        self.add_button.setText(
            self.tr("On my list (tap to remove)") if on_list else self.tr("Add to my list")
        )
        self.add_button.style().unpolish(self.add_button)
        self.add_button.style().polish(self.add_button)

    def _toggle(self) -> None:
        if self.programme is not None:
            self.shell.toggle_shortlist(self.programme.code)

    def _check(self) -> None:
        if self.programme is not None:
            self.shell.go_to(ScreenId.ELIGIBILITY, programme=self.programme.code)

    def _leave_contact(self) -> None:
        if self.programme is not None:
            self.shell.leave_contact(self.programme.code)

    def _open_sector(self) -> None:
        if self.programme is not None:
            self.shell.go_to(ScreenId.SECTOR, sector=self.programme.sector_code)
