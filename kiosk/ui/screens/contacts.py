"""Contacts as the leaflet labels them: 一般查询 (a number only), 入学申请查询 (VTC's Mainland and
International Affairs Office) and the WeChat note, with the account's QR code once staff set it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.common import card, clear_layout, label
from kiosk.ui.widgets.qr_code import QrCode

if TYPE_CHECKING:
    from kiosk.ui.shell import Shell


QR_SIDE = 220


class ContactsScreen(Screen):
    screen_id = ScreenId.CONTACTS

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        body = self.scrolling_body()
        self.heading = label("", "title")
        body.addWidget(self.heading)
        frame, self.cards = card("plain")
        body.addWidget(frame)
        body.addStretch(1)

    def title(self) -> str:
        return self.tr("Contact us")

    def retranslate(self) -> None:
        lang = self.language
        # A contact's own page (the WeChat account): the link of the same code, if staff set it.
        pages = {link.code: link.url for link in self.shell.official_links()}
        self.heading.setText(self.catalog.text("headings.contact").get(lang))
        clear_layout(self.cards)
        for contact in self.catalog.contacts:
            frame, layout = card()
            frame.setObjectName(f"contact-{contact.code}")
            if contact.title:
                layout.addWidget(label(contact.title.get(lang), "section"))
            if contact.organisation:
                layout.addWidget(label(contact.organisation.get(lang), "tileTitle"))
            if contact.address:
                layout.addWidget(
                    label(self.tr("Address") + ":  " + contact.address.get(lang), "body")
                )
            if contact.phone:
                layout.addWidget(label(self.tr("Telephone") + ":  " + contact.phone, "body"))
            if contact.email:
                layout.addWidget(label(self.tr("E-mail") + ":  " + contact.email, "body"))
            if contact.text:
                layout.addWidget(label(contact.text.get(lang), "body"))
            if contact.code in pages:
                code = QrCode(QR_SIDE)
                code.setObjectName(f"contact-{contact.code}-code")
                code.set_payload(pages[contact.code])
                layout.addWidget(code)
            self.cards.addWidget(frame)
