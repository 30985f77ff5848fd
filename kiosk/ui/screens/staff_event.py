"""Event set-up: the fair's name, city and dates, and this kiosk's id, carried by every lead
and analytics event from now on."""

from __future__ import annotations

from dataclasses import replace

from kiosk.errors import KioskError
from kiosk.events import CITY_MAX_LENGTH, EVENT_NAME_MAX_LENGTH, event_problem, save_event
from kiosk.settings import KIOSK_ID_MAX_LENGTH
from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screens.staff_base import StaffScreen, text_field
from kiosk.ui.widgets.common import button, label
from kiosk.ui.widgets.date_stepper import DateStepper


class StaffEventScreen(StaffScreen):
    screen_id = ScreenId.STAFF_EVENT

    def __init__(self, shell):  # type: ignore[no-untyped-def]
        super().__init__(shell)
        body = self.staff_page()
        self.note = label("", "small")
        body.addWidget(self.note)
        self.name = text_field("event-name")
        self.name.setMaxLength(EVENT_NAME_MAX_LENGTH)
        self.city = text_field("event-city")
        self.city.setMaxLength(CITY_MAX_LENGTH)
        self.starts_on = DateStepper("startsOn")
        self.ends_on = DateStepper("endsOn")
        self.kiosk_id = text_field("kiosk-id")
        self.kiosk_id.setMaxLength(KIOSK_ID_MAX_LENGTH)
        self.captions = {
            key: label("", "fieldLabel") for key in ("name", "city", "starts", "ends", "kiosk")
        }
        for key, widget in (
            ("name", self.name),
            ("city", self.city),
            ("starts", self.starts_on),
            ("ends", self.ends_on),
            ("kiosk", self.kiosk_id),
        ):
            body.addWidget(self.captions[key])
            body.addWidget(widget)
        self.problem = label("", "fieldError")
        self.problem.hide()
        body.addWidget(self.problem)
        self.save = button("", "primary")
        self.save.setObjectName("saveEvent")
        self.save.clicked.connect(self.save_event)
        body.addWidget(self.save)
        body.addStretch(1)

    def retranslate(self) -> None:
        self.retranslate_header(self.tr("Event set-up"))
        self.note.setText(
            self.tr(
                "Every lead and every visit from now on carries this event and kiosk id. Once a "
                "lead has been left at this event, a change here starts a new event, so earlier "
                "leads keep the event they were left at."
            )
        )
        for key, text in (
            ("name", self.tr("Event name (e.g. China Education Expo 2026)")),
            ("city", self.tr("City")),
            ("starts", self.tr("First day")),
            ("ends", self.tr("Last day")),
            ("kiosk", self.tr("Kiosk id (e.g. GZ-01), on exports and at HQ")),
        ):
            self.captions[key].setText(text)
        self.save.setText(self.tr("Save"))

    def enter(self, **params: str) -> None:
        services = self.shell.services
        event = services.event
        today = services.clock.now().astimezone().date()
        self.name.setText(event.name if event else "")
        self.city.setText(event.city if event else "")
        self.starts_on.set_value(event.starts_on if event else today)
        self.ends_on.set_value(event.ends_on if event else today)
        self.kiosk_id.setText(services.kiosk_id)
        self.problem.hide()

    def save_event(self) -> None:
        services = self.shell.services
        starts, ends = self.starts_on.value(), self.ends_on.value()
        if event_problem(self.name.text(), self.city.text(), starts, ends):
            self.problem.setText(
                self.tr("An event needs a name and a city, and cannot end before it starts.")
            )
            self.problem.show()
            return
        try:
            settings = replace(services.settings, kiosk_id=self.kiosk_id.text().strip())
            event = save_event(
                services.leads_engine,
                settings.event_id,
                self.name.text(),
                self.city.text(),
                starts,
                ends,
                services.clock,
            )
            self.shell.apply_settings(replace(settings, event_id=event.event_id))
        except (KioskError, ValueError) as error:
            self.problem.setText(str(error))
            self.problem.show()
            return
        self.shell.go_to(ScreenId.STAFF_PANEL)
