"""My list: the programmes the visitor saved, to open again or remove."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.sector import programme_row
from kiosk.ui.widgets.common import button, clear_layout, label, svg_icon

if TYPE_CHECKING:
    from kiosk.ui.shell import Shell


class ShortlistScreen(Screen):
    screen_id = ScreenId.SHORTLIST

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        body = self.scrolling_body()
        self.heading = label("", "title")
        self.empty = label("", "subtitle")
        body.addWidget(self.heading)
        body.addWidget(self.empty)
        self.rows = QVBoxLayout()
        self.rows.setSpacing(14)
        body.addLayout(self.rows)
        actions = QHBoxLayout()
        actions.setSpacing(16)
        self.summary = button("", "primary", svg_icon("ui", "summary", 40, "white"))
        self.summary.setObjectName("openSummary")
        self.summary.clicked.connect(lambda: self.shell.go_to(ScreenId.SUMMARY))
        self.browse = button("", "secondary")
        self.browse.clicked.connect(lambda: self.shell.go_to(ScreenId.SECTORS))
        actions.addWidget(self.summary, 1)
        actions.addWidget(self.browse, 1)
        body.addLayout(actions)
        body.addStretch(1)
        shell.signals.shortlist_changed.connect(self.retranslate)

    def title(self) -> str:
        return self.tr("My list")

    def _opener(self, code: str) -> Callable[[], None]:
        return lambda: self.shell.go_to(ScreenId.PROGRAMME, programme=code)

    def _remover(self, code: str) -> Callable[[], None]:
        return lambda: self.shell.toggle_shortlist(code)

    def row_count(self) -> int:
        return self.rows.count()

    def enter(self, **params: str) -> None:
        self.retranslate()

    def reset(self) -> None:
        clear_layout(self.rows)

    def retranslate(self) -> None:
        lang, shortlist = self.language, self.shell.session.shortlist
        self.heading.setText(self.tr("My list"))
        self.empty.setText(
            self.tr("Your list is empty. Open a programme and tap \u201cAdd to my list\u201d.")
            if not shortlist
            else self.tr("%n programmes on your list", "", len(shortlist))
        )
        self.browse.setText(self.tr("Explore sectors"))
        self.summary.setText(self.summary_door_text())
        self.summary.setVisible(bool(shortlist))
        clear_layout(self.rows)
        for code in shortlist:
            programme = self.catalog.programme(code)
            sector = self.catalog.sector(programme.sector_code)
            line = QWidget()
            row_layout = QHBoxLayout(line)
            row_layout.setContentsMargins(0, 0, 0, 0)
            row_layout.setSpacing(14)
            row = programme_row(programme, lang, on_list=False)
            row.setText(row.text() + "\n" + sector.name.get(lang))
            row.clicked.connect(self._opener(code))
            remove = button(self.tr("Remove"), "secondary", svg_icon("ui", "remove", 40))
            remove.setObjectName(f"remove-{code}")
            remove.clicked.connect(self._remover(code))
            row_layout.addWidget(row, 1)
            row_layout.addWidget(remove)
            self.rows.addWidget(line)
