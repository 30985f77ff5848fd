"""Thank you: shown only once the visitor's details are safely on disk; no way back into them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout

from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.common import button, label

if TYPE_CHECKING:
    from kiosk.ui.shell import Shell


class LeadThanksScreen(Screen):
    screen_id = ScreenId.LEAD_THANKS

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        body = self.scrolling_body()
        body.addStretch(1)
        self.heading = label("", "hero")
        self.heading.setObjectName("thanksHeading")
        self.message = label("", "subtitle")
        body.addWidget(self.heading)
        body.addWidget(self.message)
        actions = QHBoxLayout()
        actions.setSpacing(16)
        self.summary = button("", "primary")
        self.summary.clicked.connect(lambda: self.shell.go_to(ScreenId.SUMMARY))
        self.home = button("", "secondary")
        self.home.clicked.connect(lambda: self.shell.go_to(ScreenId.HOME))
        actions.addWidget(self.summary, 1)
        actions.addWidget(self.home, 1)
        body.addLayout(actions)
        body.addStretch(2)

    def title(self) -> str:
        return self.tr("Thank you")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Thank you!"))
        self.message.setText(
            self.tr(
                "Your details are saved. Our colleagues will contact you about VTC's programmes "
                "and VPAS."
            )
        )
        self.summary.setText(self.summary_door_text())
        self.home.setText(self.tr("Back to home"))
