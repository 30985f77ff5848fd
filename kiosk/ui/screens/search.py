"""Search as you type, in Chinese, English or pinyin (full or initials)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QHideEvent, QIcon
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from kiosk.analytics import EventKind
from kiosk.l10n import Language
from kiosk.search import SearchHit
from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screens.base import PAGE_MARGIN, Screen
from kiosk.ui.screens.sector import programme_label
from kiosk.ui.widgets.common import TOUCH_MIN, button, label, svg_icon
from kiosk.ui.widgets.letter_keyboard import LetterKeyboard
from kiosk.ui.widgets.touch_scroll import TouchScrollArea

if TYPE_CHECKING:
    from kiosk.ui.shell import Shell

MAX_RESULTS = 30
RECORD_AFTER_MS = 1500  # a search counts once the visitor pauses typing


class SearchScreen(Screen):
    screen_id = ScreenId.SEARCH

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN // 2, PAGE_MARGIN, PAGE_MARGIN // 2)
        layout.setSpacing(16)
        self.field = QLineEdit()
        self.field.setObjectName("searchField")
        # Typed on the A–Z keys below (pinyin initials too), never the on-screen keyboard.
        self.field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.field.textChanged.connect(self.update_results)
        layout.addWidget(self.field)
        self.status = label("", "subtitle")
        layout.addWidget(self.status)
        results = QWidget()
        column = QVBoxLayout(results)
        column.setSpacing(12)
        # A fixed set of rows, refilled on each keystroke: creating styled buttons per key is slow.
        self.rows = [button("", "row") for _ in range(MAX_RESULTS)]
        for index, row in enumerate(self.rows):
            row.setMinimumHeight(TOUCH_MIN + 24)
            row.setIconSize(QSize(36, 36))
            row.clicked.connect(self._opener(index))
            row.hide()
            column.addWidget(row)
        column.addStretch(1)
        layout.addWidget(TouchScrollArea(results), 1)
        self.keyboard = LetterKeyboard(self.field)
        layout.addWidget(self.keyboard)
        self.hits: list[SearchHit] = []
        self._recorded = ""
        self._record_timer = QTimer(self)
        self._record_timer.setSingleShot(True)
        self._record_timer.setInterval(RECORD_AFTER_MS)
        self._record_timer.timeout.connect(self._record)

    def title(self) -> str:
        return self.tr("Search")

    def enter(self, **params: str) -> None:
        self.keyboard.focus_target()

    def hideEvent(self, event: QHideEvent) -> None:
        self._record()
        super().hideEvent(event)

    def reset(self) -> None:
        self._record_timer.stop()
        self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(False)
        self._recorded = ""
        self.update_results()

    def retranslate(self) -> None:
        self.field.setPlaceholderText(self.tr("e.g. 软件, rjgc, ruanjian, cloud"))
        self.keyboard.retranslate()
        self.update_results()

    def _opener(self, index: int) -> Callable[[], None]:
        def open_hit() -> None:
            hit = self.hits[index]
            self._record()
            if hit.kind == "programme":
                self.shell.go_to(ScreenId.PROGRAMME, programme=hit.code)
            else:
                self.shell.go_to(ScreenId.SECTOR, sector=hit.code)

        return open_hit

    def update_results(self) -> None:
        query, lang = self.field.text(), self.language
        self.hits = self.shell.services.search.search(query)
        if not query.strip():
            self.status.setText(self.tr("Type a programme, a sector or a job, in any language."))
        elif not self.hits:
            self.status.setText(self.tr("No match. Try fewer letters, or pinyin initials."))
        else:
            self.status.setText(self.tr("%n results", "", len(self.hits)))
        shortlist = self.shell.session.shortlist
        for index, row in enumerate(self.rows):
            if index >= len(self.hits):
                row.hide()
                row.setText("")  # a hidden row must not keep a previous visitor's result
                continue
            hit = self.hits[index]
            row.setText(self._row_text(hit, lang))
            row.setObjectName(
                f"{hit.kind}-{hit.code}" if hit.kind == "programme" else f"sector-hit-{hit.code}"
            )
            row.setIcon(svg_icon("ui", "star", 40) if hit.code in shortlist else QIcon())
            row.show()
        if query.strip():
            self._record_timer.start()

    def _row_text(self, hit: SearchHit, lang: Language) -> str:
        if hit.kind == "programme":
            return programme_label(self.catalog.programme(hit.code), lang)
        sector = self.catalog.sector(hit.code)
        text = self.tr("Sector: %1").replace("%1", sector.name.get(lang))
        if hit.matched.kind == "job":
            job = next((j for j in sector.jobs if hit.matched.text in j.as_dict().values()), None)
            shown = job.get(lang) if job else hit.matched.text
            text += "\n" + self.tr("Job: %1").replace("%1", shown)
        return text

    def _record(self) -> None:
        self._record_timer.stop()
        query = self.field.text().strip()
        if query and query != self._recorded:
            self._recorded = query
            self.shell.record(EventKind.SEARCH, query, detail=str(len(self.hits)))
