"""What every screen shares: access to the shell, the visitor's language and the catalog."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.catalog import Catalog
from kiosk.l10n import Language
from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.widgets.touch_scroll import TouchScrollArea

if TYPE_CHECKING:
    from kiosk.ui.shell import Shell

PAGE_MARGIN = 48


class Screen(QWidget):
    screen_id: ClassVar[ScreenId]
    shows_top_bar: ClassVar[bool] = True
    for_staff: ClassVar[bool] = False  # behind the staff PIN

    def __init__(self, shell: Shell) -> None:
        super().__init__()
        self.shell = shell
        self.setObjectName(self.screen_id.value)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)

    @property
    def language(self) -> Language:
        return self.shell.session.language

    @property
    def catalog(self) -> Catalog:
        return self.shell.services.catalog

    def title(self) -> str:
        """The top bar's title while this screen is shown."""
        return ""

    def enter(self, **params: str) -> None:
        """Called each time the shell shows this screen, with go_to()'s parameters."""

    def retranslate(self) -> None:
        """Show every text again in the visitor's (new) language."""

    def reset(self) -> None:
        """Forget everything about the visitor who just left."""

    def summary_door_text(self) -> str:
        """The button to the visitor's summary: it offers the phone take-away (a QR code) only
        where the booth network can hand the PDF over."""
        if self.shell.services.settings.booth_network:
            return QCoreApplication.translate("Screen", "My summary: print or scan")
        return QCoreApplication.translate("Screen", "My summary: print")

    def scrolling_body(self) -> QVBoxLayout:
        """Make this screen one kinetic-scrolling column; return the column's layout."""
        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN // 2, PAGE_MARGIN, PAGE_MARGIN)
        body.setSpacing(20)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = TouchScrollArea(content)
        outer.addWidget(self.scroll_area)
        return body
