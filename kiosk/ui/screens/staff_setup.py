"""First start: booth staff choose the PIN that opens staff mode and the passphrase that
protects visitors' contact details. Visitors cannot use the kiosk before this is done."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Qt

from kiosk.errors import KioskError
from kiosk.lead_vault import (
    PASSPHRASE_MIN_LENGTH,
    passphrase_problem,
    set_up_vault,
    vault_is_set_up,
)
from kiosk.staff_access import PIN_MAX_DIGITS, pin_problem
from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screens.staff_base import StaffScreen, text_field
from kiosk.ui.widgets.common import button, label


class StaffSetupScreen(StaffScreen):
    screen_id = ScreenId.STAFF_SETUP
    back_to: ClassVar[ScreenId | None] = None

    def __init__(self, shell):  # type: ignore[no-untyped-def]
        super().__init__(shell)
        body = self.staff_page()
        self.intro = label("", "body")
        body.addWidget(self.intro)
        digits = Qt.InputMethodHint.ImhDigitsOnly
        self.pin = text_field("pin", digits, secret=True)
        self.pin_again = text_field("pin-again", digits, secret=True)
        for field in (self.pin, self.pin_again):
            field.setMaxLength(PIN_MAX_DIGITS)
        self.passphrase = text_field("passphrase", secret=True)
        self.passphrase_again = text_field("passphrase-again", secret=True)
        self.pin_section = label("", "section")
        self.pin_note = label("", "small")
        self.pin_labels = (label("", "fieldLabel"), label("", "fieldLabel"))
        self.passphrase_section = label("", "section")
        self.passphrase_note = label("", "small")
        self.passphrase_labels = (label("", "fieldLabel"), label("", "fieldLabel"))
        self.pin_widgets = (
            self.pin_section,
            self.pin_note,
            self.pin_labels[0],
            self.pin,
            self.pin_labels[1],
            self.pin_again,
        )
        self.passphrase_widgets = (
            self.passphrase_section,
            self.passphrase_note,
            self.passphrase_labels[0],
            self.passphrase,
            self.passphrase_labels[1],
            self.passphrase_again,
        )
        for widget in (*self.pin_widgets, *self.passphrase_widgets):
            body.addWidget(widget)
        self.problem = label("", "fieldError")
        self.problem.setObjectName("setupProblem")
        self.problem.hide()
        body.addWidget(self.problem)
        self.save = button("", "primary")
        self.save.setObjectName("saveStaffSetup")
        self.save.clicked.connect(self.save_setup)
        body.addWidget(self.save)
        body.addStretch(1)

    def retranslate(self) -> None:
        self.retranslate_header(self.tr("Set up this kiosk for booth staff"))
        self.intro.setText(
            self.tr(
                "Before visitors use this kiosk, booth staff choose a PIN and a passphrase. "
                "Tell them only to the staff of this booth."
            )
        )
        self.pin_section.setText(self.tr("Staff PIN"))
        self.pin_note.setText(
            self.tr(
                "6 to 12 digits. It opens staff mode: hold a finger on the top-left corner of "
                "the screen for 3 seconds. Five wrong PINs lock the pad for a while."
            )
        )
        self.pin_labels[0].setText(self.tr("New PIN"))
        self.pin_labels[1].setText(self.tr("The same PIN again"))
        self.passphrase_section.setText(self.tr("Staff passphrase"))
        self.passphrase_note.setText(
            self.tr(
                "At least %1 characters. Visitors' contact details are stored encrypted; only "
                "this passphrase opens them, for exports. If it is lost, leads not yet exported "
                "or synced cannot be read by anyone."
            ).replace("%1", str(PASSPHRASE_MIN_LENGTH))
        )
        self.passphrase_labels[0].setText(self.tr("New passphrase"))
        self.passphrase_labels[1].setText(self.tr("The same passphrase again"))
        self.save.setText(self.tr("Save and open the staff panel"))

    def enter(self, **params: str) -> None:
        engine = self.shell.services.leads_engine
        needs_pin = not self.shell.services.staff.pin_is_set()
        needs_passphrase = not vault_is_set_up(engine)
        for widget in self.pin_widgets:
            widget.setVisible(needs_pin)
        for widget in self.passphrase_widgets:
            widget.setVisible(needs_passphrase)
        self.reset()

    def reset(self) -> None:
        for field in (self.pin, self.pin_again, self.passphrase, self.passphrase_again):
            field.clear()
        self.problem.hide()

    def _problem(self) -> str | None:
        if self.pin.isVisible():
            if pin_problem(self.pin.text()):
                return self.tr(
                    "The PIN needs 6 to 12 digits, and not one digit repeated or a run "
                    "such as 123456."
                )
            if self.pin.text() != self.pin_again.text():
                return self.tr("The two PINs are not the same.")
        if self.passphrase.isVisible():
            if passphrase_problem(self.passphrase.text()):
                return self.tr("The passphrase needs at least %1 characters.").replace(
                    "%1", str(PASSPHRASE_MIN_LENGTH)
                )
            if self.passphrase.text() != self.passphrase_again.text():
                return self.tr("The two passphrases are not the same.")
        return None

    def save_setup(self) -> None:
        problem = self._problem()
        if problem is None:
            services = self.shell.services
            try:
                if self.pin.isVisible():
                    services.staff.set_pin(self.pin.text())
                if self.passphrase.isVisible():
                    set_up_vault(services.leads_engine, self.passphrase.text(), services.clock)
            except KioskError as error:
                problem = str(error)
        if problem is not None:
            self.problem.setText(problem)
            self.problem.show()
            return
        self.reset()
        self.shell.enter_staff_mode()
