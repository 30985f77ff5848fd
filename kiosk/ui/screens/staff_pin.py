"""The PIN pad in front of staff mode: digits, never shown; a lockout after five wrong PINs."""

from __future__ import annotations

import math
from typing import ClassVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QGridLayout, QPushButton, QVBoxLayout

from kiosk.staff_access import PIN_MAX_DIGITS
from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screens.staff_base import StaffScreen
from kiosk.ui.widgets.common import button, label

KEY_SIZE = 128


class StaffPinScreen(StaffScreen):
    screen_id = ScreenId.STAFF_PIN
    back_to: ClassVar[ScreenId | None] = None

    def __init__(self, shell):  # type: ignore[no-untyped-def]
        super().__init__(shell)
        self._digits = ""
        body = self.staff_page()
        column = QVBoxLayout()
        column.setSpacing(24)
        self.prompt = label("", "title")
        self.dots = label("", "hero", wrap=False)
        self.dots.setObjectName("pinDots")
        self.message = label("", "body")
        self.message.setObjectName("pinMessage")
        for widget in (self.prompt, self.dots, self.message):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(widget)
        grid = QGridLayout()
        grid.setSpacing(16)
        self.keys: dict[str, QPushButton] = {}
        for index, key in enumerate(("1", "2", "3", "4", "5", "6", "7", "8", "9", "C", "0", "OK")):
            key_button = button(key, "primary" if key == "OK" else "key")
            key_button.setObjectName(f"pinKey-{key}")
            key_button.setFixedSize(KEY_SIZE, KEY_SIZE)
            key_button.clicked.connect(lambda _=False, k=key: self.press(k))
            self.keys[key] = key_button
            grid.addWidget(key_button, index // 3, index % 3, Qt.AlignmentFlag.AlignCenter)
        column.addLayout(grid)
        body.addStretch(1)
        body.addLayout(column)
        body.addStretch(2)
        body.setAlignment(column, Qt.AlignmentFlag.AlignHCenter)
        self._lock_timer = QTimer(self)
        self._lock_timer.setInterval(1000)
        self._lock_timer.timeout.connect(self._show_lockout)

    def retranslate(self) -> None:
        self.retranslate_header(self.tr("Staff mode"))
        self.prompt.setText(self.tr("Enter the staff PIN"))
        self.keys["C"].setText(self.tr("Clear"))
        self._show_lockout()

    def enter(self, **params: str) -> None:
        self.reset()
        self._show_lockout()

    def reset(self) -> None:
        self._digits = ""
        self.dots.setText("")
        self.message.setText("")

    def press(self, key: str) -> None:
        if key == "C":
            self._digits = ""
        elif key == "OK":
            self._try()
            return
        elif len(self._digits) < PIN_MAX_DIGITS:
            self._digits += key
        self.dots.setText("●" * len(self._digits))

    def _try(self) -> None:
        pin, self._digits = self._digits, ""
        self.dots.setText("")
        if not pin:
            return
        result = self.shell.services.staff.check(pin)
        if result.accepted:
            self.shell.enter_staff_mode()
        elif result.locked_until is not None:
            self._show_lockout()
        else:
            self.message.setText(
                self.tr("Wrong PIN. %n more tries before the pad locks.", "", result.attempts_left)
            )

    def _show_lockout(self) -> None:
        until = self.shell.services.staff.locked_until()
        locked = until is not None
        for key in self.keys.values():
            key.setEnabled(not locked)
        if until is None:
            self._lock_timer.stop()
            if self.message.property("locked"):
                self.message.setText("")
            self.message.setProperty("locked", False)
            return
        seconds = max(1, math.ceil((until - self.shell.services.clock.now()).total_seconds()))
        self.message.setProperty("locked", True)
        self.message.setText(
            self.tr("Too many wrong PINs. The pad opens again in %1.").replace(
                "%1", f"{seconds // 60}:{seconds % 60:02d}"
            )
        )
        if not self._lock_timer.isActive():
            self._lock_timer.start()  # counts down; stops itself once the pad opens
