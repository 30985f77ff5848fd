"""The attract loop: VPAS highlights cycle until someone touches the screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QHideEvent, QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from kiosk.l10n import L10n, Language
from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.common import label, svg_pixmap
from kiosk.ui.widgets.flow_layout import FlowLayout
from kiosk.ui.widgets.path_diagram import PathDiagram

if TYPE_CHECKING:
    from kiosk.ui.shell import Shell

# The prompt is shown before anyone has chosen a language, so it is written in all three.
TOUCH_PROMPT = "轻触屏幕开始  ·  輕觸屏幕開始\nTouch the screen to start"


class AttractScreen(Screen):
    screen_id = ScreenId.ATTRACT
    shows_top_bar = False

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        catalog = self.catalog
        primary: Language = shell.services.settings.default_language
        secondary: Language = "en" if primary != "en" else "zh-Hans"

        def pair(text: L10n, role: str = "heroSub") -> list[QWidget]:
            first = label(text.get(primary), role)
            second = label(text.get(secondary), "english" if role != "hero" else "heroSub")
            for widget in (first, second):
                widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            return [first, second]

        self.slides = QStackedWidget()
        self.slides.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

        path = PathDiagram(on_dark=True)
        path.set_steps([point.text.get(primary) for point in catalog.key_points])
        self._add_slide([*pair(catalog.text("headings.key_points")), path])

        icons = QWidget()
        flow = FlowLayout(icons, spacing=18)
        for sector in catalog.sectors:
            picture = label("", "body", wrap=False)
            picture.setPixmap(svg_pixmap("sectors", sector.icon, 112))
            flow.addWidget(picture)
        self._add_slide(
            pair(catalog.text("headings.sectors"))
            + pair(catalog.text("headings.programmes_count"))
            + [icons]
        )

        for sector in catalog.sectors:
            new_sector_note = catalog.new_sector_note(sector)
            if new_sector_note:
                picture = label("", "body", wrap=False)
                picture.setPixmap(svg_pixmap("sectors", sector.icon, 220))
                picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
                badge = label(f"NEW  {sector.new_from}", "touchPrompt", wrap=False)
                self._add_slide(
                    [picture, *pair(sector.name, "hero"), badge, *pair(new_sector_note)]
                )

        support_lines: list[QWidget] = [
            label(f"✓  {s.with_note(s.title, primary)}", "heroSub") for s in catalog.supports
        ]
        self._add_slide(pair(catalog.text("headings.support")) + support_lines)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(80, 64, 80, 64)
        layout.setSpacing(24)
        for widget in pair(catalog.text("scheme_name"), "hero"):
            layout.addWidget(widget)
        slogan = label(catalog.text("slogan").get(primary), "heroSub")
        slogan.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(slogan)
        layout.addStretch(1)
        layout.addWidget(self.slides)
        layout.addStretch(1)
        prompt_row = QHBoxLayout()
        self.prompt = label(TOUCH_PROMPT, "touchPrompt")
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        prompt_row.addWidget(self.prompt)
        layout.addLayout(prompt_row)

        self._timer = QTimer(self)
        self._timer.setInterval(shell.services.settings.attract_slide_s * 1000)
        self._timer.timeout.connect(self.next_slide)

    def _add_slide(self, widgets: list[QWidget]) -> None:
        slide = QWidget()
        column = QVBoxLayout(slide)
        column.setSpacing(18)
        column.addStretch(1)
        for widget in widgets:
            column.addWidget(widget)
        column.addStretch(1)
        self.slides.addWidget(slide)

    def next_slide(self) -> None:
        self.slides.setCurrentIndex((self.slides.currentIndex() + 1) % self.slides.count())

    def enter(self, **params: str) -> None:
        self.slides.setCurrentIndex(0)
        self._timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()
        super().hideEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
        self.shell.start_visit()
