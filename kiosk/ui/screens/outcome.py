"""The outcome of the eligibility check: the verdict in plain words, why (with the leaflet's
note for each reason), what to do next, a personal timeline, and the answers to change.

The timeline appears only when the outcome has one (a visitor who may use VPAS), headed "if you
are eligible" for one who must talk to staff first."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.eligibility import OUTSIDE_SCHEME, UNSURE
from kiosk.eligibility_flow import questions_to_ask
from kiosk.milestones import milestones, timeline_heading
from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.common import button, card, clear_layout, label
from kiosk.ui.widgets.responsive_grid import ResponsiveGrid
from kiosk.ui.widgets.timeline import TimelineDiagram

if TYPE_CHECKING:
    from kiosk.ui.shell import Shell


class OutcomeScreen(Screen):
    screen_id = ScreenId.OUTCOME

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        body = self.scrolling_body()
        self.verdict = QFrame()
        self.verdict.setProperty("role", "verdict")
        self.verdict.setObjectName("verdict")
        verdict_layout = QVBoxLayout(self.verdict)
        verdict_layout.setContentsMargins(36, 28, 36, 28)
        self.headline = label("", "title")
        self.headline.setObjectName("headline")
        self.summary = label("", "body")
        verdict_layout.addWidget(self.headline)
        verdict_layout.addWidget(self.summary)
        body.addWidget(self.verdict)

        self.reasons_heading = label("", "section")
        body.addWidget(self.reasons_heading)
        self.reasons = QVBoxLayout()
        self.reasons.setSpacing(12)
        body.addLayout(self.reasons)

        self.next_heading = label("", "section")
        body.addWidget(self.next_heading)
        self.staff_note = label("", "body")
        self.explore = button("", "primary")
        self.explore.clicked.connect(lambda: self.shell.go_to(ScreenId.SECTORS))
        self.contacts = button("", "secondary")
        self.contacts.clicked.connect(lambda: self.shell.go_to(ScreenId.CONTACTS))
        self.summary_button = button("", "secondary")
        self.summary_button.setObjectName("openSummary")
        self.summary_button.clicked.connect(lambda: self.shell.go_to(ScreenId.SUMMARY))
        self.leave_contact = button("", "primary")
        self.leave_contact.setObjectName("leaveContact")
        self.leave_contact.clicked.connect(lambda: self.shell.leave_contact())
        steps = ResponsiveGrid(cell_width=440, max_columns=2)
        steps.set_cells([self.explore, self.leave_contact, self.summary_button, self.contacts])
        body.addWidget(self.staff_note)
        body.addWidget(steps)

        self.timeline_heading = label("", "section")
        body.addWidget(self.timeline_heading)
        timeline_card, timeline_layout = card()
        self.timeline = TimelineDiagram()
        self.timeline_note = label("", "small")
        timeline_layout.addWidget(self.timeline)
        timeline_layout.addWidget(self.timeline_note)
        self.timeline_card = timeline_card
        body.addWidget(timeline_card)

        self.answers_heading = label("", "section")
        body.addWidget(self.answers_heading)
        self.answer_rows = QVBoxLayout()
        self.answer_rows.setSpacing(10)
        body.addLayout(self.answer_rows)

        self.advisories_heading = label("", "section")
        body.addWidget(self.advisories_heading)
        self.advisories = QVBoxLayout()
        body.addLayout(self.advisories)
        self.version = label("", "small")
        body.addWidget(self.version)
        body.addStretch(1)

    def title(self) -> str:
        return self.tr("Your result")

    def enter(self, **params: str) -> None:
        self.retranslate()

    def reset(self) -> None:
        for widget in (self.headline, self.summary, self.version, self.timeline_note):
            widget.clear()
        for layout in (self.reasons, self.answer_rows, self.advisories):
            clear_layout(layout)
        self.timeline.set_milestones([])

    def retranslate(self) -> None:
        result, lang = self.shell.eligibility_result(), self.language
        if result is None:
            return
        self.verdict.setProperty("outcome", result.outcome)
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)
        self.headline.setText(self.catalog.text(f"outcome.{result.outcome}.headline").get(lang))
        self.summary.setText(self.catalog.text(f"outcome.{result.outcome}.summary").get(lang))
        self.reasons_heading.setText(self.tr("Why"))
        clear_layout(self.reasons)
        for reason in result.reasons:
            frame, layout = card()
            frame.setObjectName(f"reason-{reason.code}")
            layout.addWidget(label(reason.text, "body"))
            layout.addWidget(label(reason.source, "source"))
            self.reasons.addWidget(frame)

        self.next_heading.setText(self.tr("What to do next"))
        self.staff_note.setText(
            self.tr("Show this screen to our staff at the booth: they can answer your questions.")
        )
        self.explore.setText(self.tr("Explore the programmes"))
        self.contacts.setText(self.tr("Contact us"))
        self.summary_button.setText(self.summary_door_text())
        self.leave_contact.setText(self.tr("Leave your contact"))

        timeline = result.timeline
        self.timeline_card.setVisible(timeline is not None)
        self.timeline_heading.setVisible(timeline is not None)
        if timeline is not None:
            self.timeline_heading.setText(timeline_heading(result, self.catalog, lang))
            self.timeline.set_milestones(milestones(timeline, self.catalog, lang))
            self.timeline_note.setText(self.catalog.text("timeline.note").get(lang))

        self.answers_heading.setText(self.tr("Your answers"))
        clear_layout(self.answer_rows)
        for question in questions_to_ask(self.shell.session.answers):
            row = QWidget()
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            text = label(
                question.prompt(self.catalog, lang)
                + "\n→ "
                + self._answer_text(
                    question.key, self.shell.session.answers.get(question.key, UNSURE)
                ),
                "body",
            )
            change = button(self.tr("Change"), "secondary")
            change.setObjectName(f"change-{question.key}")
            change.clicked.connect(self._changer(question.key))
            row_layout.addWidget(text, 1)
            row_layout.addWidget(change, 0, Qt.AlignmentFlag.AlignVCenter)
            self.answer_rows.addWidget(row)

        self.advisories_heading.setText(self.tr("Good to know"))
        self.advisories_heading.setVisible(bool(result.advisories))
        clear_layout(self.advisories)
        for advisory in result.advisories:
            note = label(f"•  {advisory.text}  ({advisory.source})", "body")
            note.setObjectName(f"advisory-{advisory.code}")
            self.advisories.addWidget(note)
        self.version.setText(
            f"{self.catalog.text('data_date').get(lang)} ({result.rules_version})  "
            + self.catalog.text("disclaimer").get(lang)
        )

    def _changer(self, key: str) -> Callable[[], None]:
        return lambda: self.shell.go_to(ScreenId.ELIGIBILITY, question=key)

    def _answer_text(self, key: str, value: Any) -> str:
        lang = self.language
        if value == UNSURE:
            return self.tr("Not sure")
        if value is True:
            return self.tr("Yes")
        if value is False:
            return self.tr("No")
        if key == "nationalities":
            return ", ".join(self.catalog.country(code).name.get(lang) for code in value)
        if key == "birth_date":
            return str(value)
        if key == "intake_year":
            return f"{value}/{str(value + 1)[2:]}"
        if key == "programme":
            if value is None:
                return self.tr("I have not decided yet")
            if value == OUTSIDE_SCHEME:
                return self.tr("Another programme, not one of these 34")
            return self.catalog.programme(value).name.get(lang)
        return str(value)
