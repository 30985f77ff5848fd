"""Before the first field of the contact form: the personal information notice, the age question
and three separate consents, none ticked in advance. Under 14 needs a parent or guardian here."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from kiosk.lead_notice import notice_paragraphs
from kiosk.leads import AgeGroup, LeadDraft
from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.choice_grid import ChoiceGrid
from kiosk.ui.widgets.common import button, card, clear_layout, label
from kiosk.ui.widgets.tick_row import TickRow

if TYPE_CHECKING:
    from kiosk.ui.shell import Shell


class LeadConsentScreen(Screen):
    screen_id = ScreenId.LEAD_CONSENT

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        body = self.scrolling_body()
        self.heading = label("", "title")
        body.addWidget(self.heading)
        notice_card, self.notice = card()
        body.addWidget(notice_card)

        self.age_heading = label("", "section")
        body.addWidget(self.age_heading)
        self.ages = ChoiceGrid(3)
        self.ages.setObjectName("ageGroup")
        self.ages.set_choices([(group.value, "") for group in AgeGroup])
        self.ages.chosen.connect(self._choose_age)
        body.addWidget(self.ages)

        self.consents: dict[str, TickRow] = {}
        for key in ("consent_contact", "consent_transfer", "consent_news", "guardian_consent"):
            tick = TickRow()
            tick.setObjectName(key)
            tick.toggled.connect(self._ticked(key))
            self.consents[key] = tick
            body.addWidget(tick)
        self.under_14 = label("", "subtitle")
        self.under_14.setObjectName("under14Message")
        body.addWidget(self.under_14)

        self.go_on = button("", "primary")
        self.go_on.setObjectName("consentContinue")
        self.go_on.clicked.connect(lambda: self.shell.go_to(ScreenId.LEAD_FORM))
        body.addWidget(self.go_on)
        body.addStretch(1)

    def title(self) -> str:
        return self.tr("Leave your contact")

    @property
    def _lead(self) -> LeadDraft:
        return self.shell.session.lead  # the draft lives in the visitor's session

    def _ticked(self, key: str) -> Callable[[bool], None]:
        def tick(ticked: bool) -> None:
            setattr(self._lead, key, ticked)
            self._refresh()

        return tick

    def _choose_age(self, group: object) -> None:
        self._lead.age_group = str(group)
        if group != AgeGroup.UNDER_14:
            self.consents["guardian_consent"].setChecked(False)
        self._refresh()

    def _refresh(self) -> None:
        lead = self._lead
        under_14 = lead.age_group == AgeGroup.UNDER_14
        self.consents["guardian_consent"].setVisible(under_14)
        self.under_14.setVisible(under_14 and not lead.guardian_consent)
        self.go_on.setEnabled(
            bool(lead.age_group)
            and lead.consent_contact
            and lead.consent_transfer
            and (lead.guardian_consent or not under_14)
        )

    def enter(self, **params: str) -> None:
        lead = self._lead
        self.ages.set_checked([lead.age_group] if lead.age_group else [])
        for key, tick in self.consents.items():
            tick.setChecked(getattr(lead, key))
        self.retranslate()

    def reset(self) -> None:
        self.ages.set_checked([])
        for tick in self.consents.values():
            tick.setChecked(False)

    def retranslate(self) -> None:
        catalog, lang = self.catalog, self.language

        def text(key: str) -> str:
            return catalog.text(f"privacy.{key}").get(lang)

        self.heading.setText(text("title"))
        clear_layout(self.notice)
        for paragraph in notice_paragraphs(catalog, lang, self.shell.services.settings):
            self.notice.addWidget(label(paragraph, "body"))
        self.age_heading.setText(text("age_question"))
        self.ages.set_texts(
            {
                AgeGroup.UNDER_14.value: text("age_under_14"),
                AgeGroup.FROM_14_TO_17.value: text("age_14_to_17"),
                AgeGroup.ADULT.value: text("age_18_or_over"),
            }
        )
        for key, tick in self.consents.items():
            tick.setText(text("guardian" if key == "guardian_consent" else key))
        self.under_14.setText(text("under_14_no_guardian"))
        self.go_on.setText(self.tr("Continue"))
        self._refresh()
