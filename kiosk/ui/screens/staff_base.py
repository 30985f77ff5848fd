"""What the staff screens share: no visitor top bar, a header with the way back, typed fields."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.i18n import LANGUAGE_BUTTONS
from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screens.base import PAGE_MARGIN, Screen
from kiosk.ui.widgets.common import TOUCH_MIN, button, label
from kiosk.ui.widgets.touch_scroll import TouchScrollArea

_HINT = Qt.InputMethodHint
# Nothing staff type is learned by the keyboard or suggested to the next person.
PRIVATE = _HINT.ImhSensitiveData | _HINT.ImhNoPredictiveText | _HINT.ImhNoAutoUppercase


def text_field(
    name: str, hints: Qt.InputMethodHint = _HINT.ImhNone, *, secret: bool = False
) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(f"field-{name}")
    field.setMinimumHeight(TOUCH_MIN)
    hidden = _HINT.ImhHiddenText if secret else _HINT.ImhNone
    field.setInputMethodHints(hints | PRIVATE | hidden)
    if secret:
        field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class StaffScreen(Screen):
    shows_top_bar: ClassVar[bool] = False
    for_staff: ClassVar[bool] = True
    # Where the header's "back" goes; None: the screen has no way back but leaving staff mode.
    back_to: ClassVar[ScreenId | None] = ScreenId.STAFF_PANEL

    def staff_page(self) -> QVBoxLayout:
        """The header (title, back, leave staff mode) over a scrolling column; returns it."""
        header = QWidget()
        header.setObjectName("staffHeader")
        header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        row = QHBoxLayout(header)
        row.setContentsMargins(PAGE_MARGIN // 2, 12, PAGE_MARGIN // 2, 12)
        row.setSpacing(16)
        self.back_button: QPushButton | None = None
        if self.back_to is not None:
            self.back_button = button("", "bar")
            self.back_button.setObjectName("staffBack")
            target = self.back_to
            self.back_button.clicked.connect(lambda: self.shell.go_to(target))
            row.addWidget(self.back_button)
        self.heading: QLabel = label("", "barTitle", wrap=False)
        self.heading.setMinimumWidth(80)
        row.addWidget(self.heading, 1)
        self.language_buttons: dict[str, QPushButton] = {}
        for language, name in LANGUAGE_BUTTONS:
            choice = button(name, "lang")
            choice.setCheckable(True)
            choice.clicked.connect(lambda _=False, lang=language: self.shell.set_language(lang))
            self.language_buttons[language] = choice
            row.addWidget(choice)
        self.leave_button = button("", "bar")
        self.leave_button.setObjectName("leaveStaffMode")
        self.leave_button.clicked.connect(self.shell.leave_staff_mode)
        row.addWidget(self.leave_button)

        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN // 2, PAGE_MARGIN, PAGE_MARGIN)
        body.setSpacing(20)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(header)
        self.scroll_area = TouchScrollArea(content)
        outer.addWidget(self.scroll_area, 1)
        return body

    def retranslate_header(self, heading: str) -> None:
        self.heading.setText(heading)
        for language, choice in self.language_buttons.items():
            choice.setChecked(language == self.language)
        if self.back_button is not None:
            # translate() with this class's context: self.tr() would look under the subclass.
            self.back_button.setText(QCoreApplication.translate("StaffScreen", "Staff panel"))
        self.leave_button.setText(QCoreApplication.translate("StaffScreen", "Leave staff mode"))
