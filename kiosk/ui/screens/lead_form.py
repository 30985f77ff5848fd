"""The contact form: name, a way to reach the visitor, where they live and study, when they would
start, which programmes, in which language. Errors appear beside each field as they type; the
thank-you screen appears only after the lead has been committed to disk."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from kiosk.lead_vault import VaultError
from kiosk.leads import (
    CONTACT_METHODS,
    PHONE_COUNTRY_CODES,
    FieldError,
    LeadDraft,
    LeadRejected,
    LeadSaveError,
    SaveFailure,
    Stage,
    intake_year_choices,
    validate,
)
from kiosk.regions import REGIONS
from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.choice_grid import ChoiceGrid
from kiosk.ui.widgets.common import button, label

if TYPE_CHECKING:
    from kiosk.ui.shell import Shell

OTHER_CODE = "other"
FIRST_CODES = (86, 852, 853)
NOT_DECIDED = "not_decided"
WIDE_FORM_MIN_WIDTH = 1400  # narrower (portrait): fewer choices to a row
TEXT_FIELDS = ("name", "phone_number", "email", "wechat_id", "school")


class LeadFormScreen(Screen):
    screen_id = ScreenId.LEAD_FORM

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self._shown_errors: set[str] = set()  # fields the visitor has typed in, or all on "send"
        body = self.scrolling_body()
        self.heading = label("", "title")
        self.reach_note = label("", "subtitle")
        body.addWidget(self.heading)
        body.addWidget(self.reach_note)
        self.captions: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}
        self.fields: dict[str, QLineEdit] = {}

        def section(key: str, *widgets: QWidget) -> None:
            box = QVBoxLayout()
            box.setSpacing(8)
            caption = label("", "fieldLabel")
            self.captions[key] = caption
            box.addWidget(caption)
            for widget in widgets:
                box.addWidget(widget)
            error = label("", "fieldError")
            error.setObjectName(f"error-{key}")
            error.hide()
            self.errors[key] = error
            box.addWidget(error)
            body.addLayout(box)

        hint = Qt.InputMethodHint
        # Sensitive: the keyboard learns no phrase from a visitor's name for the next visitor.
        private = hint.ImhSensitiveData | hint.ImhNoPredictiveText
        hints = {
            "phone_number": hint.ImhDialableCharactersOnly,
            "email": hint.ImhEmailCharactersOnly | hint.ImhNoAutoUppercase,
            "wechat_id": hint.ImhLatinOnly | hint.ImhNoAutoUppercase,
        }
        for key in TEXT_FIELDS:
            field = QLineEdit()
            field.setObjectName(f"field-{key}")
            field.setInputMethodHints(hints.get(key, hint.ImhNone) | private)
            field.textEdited.connect(self._typed(key))
            self.fields[key] = field
        self.country_codes = ChoiceGrid(4)
        self.country_codes.setObjectName("countryCodes")
        self.country_codes.set_choices(
            [(code, f"+{code}") for code in FIRST_CODES] + [(OTHER_CODE, "")]
        )
        self.country_codes.chosen.connect(self._choose_country_code)
        self.other_code = QLineEdit()
        self.other_code.setObjectName("field-other-code")
        self.other_code.setInputMethodHints(hint.ImhDigitsOnly)
        self.other_code.setMaxLength(4)
        self.other_code.textEdited.connect(self._other_code_typed)

        section("name", self.fields["name"])
        section("phone_number", self.country_codes, self.other_code, self.fields["phone_number"])
        section("email", self.fields["email"])
        section("wechat_id", self.fields["wechat_id"])
        # Mobile, e-mail and WeChat: one of the three is needed, said once below them.
        contact_error = label("", "fieldError")
        contact_error.setObjectName(f"error-{CONTACT_METHODS}")
        contact_error.hide()
        self.errors[CONTACT_METHODS] = contact_error
        body.addWidget(contact_error)

        self.regions = ChoiceGrid(5)
        self.regions.setObjectName("regions")
        self.regions.set_choices([(code, "") for code in REGIONS])
        self.regions.chosen.connect(self._chose("region"))
        section("region", self.regions)
        section("school", self.fields["school"])
        self.stages = ChoiceGrid(4)
        self.stages.setObjectName("stages")
        self.stages.set_choices([(stage.value, "") for stage in Stage])
        self.stages.chosen.connect(self._chose("stage"))
        section("stage", self.stages)
        self.intakes = ChoiceGrid(5)
        self.intakes.setObjectName("intakes")
        self.intakes.chosen.connect(self._chose("intake_year"))
        section("intake_year", self.intakes)
        self.programmes = ChoiceGrid(2, multiple=True)
        self.programmes.setObjectName("programmes")
        self.programmes.chosen.connect(self._toggle_programme)
        section("programme_codes", self.programmes)
        self.languages = ChoiceGrid(3)
        self.languages.setObjectName("contactLanguages")
        self.languages.set_choices(
            [("zh-Hans", "简体中文"), ("zh-Hant", "繁體中文"), ("en", "English")]
        )
        self.languages.chosen.connect(self._chose("contact_language"))
        section("contact_language", self.languages)

        self.save_problem = label("", "fieldError")
        self.save_problem.setObjectName("saveProblem")
        self.save_problem.hide()
        body.addWidget(self.save_problem)
        self.send = button("", "primary")
        self.send.setObjectName("sendLead")
        self.send.clicked.connect(self.send_lead)
        body.addWidget(self.send)
        body.addStretch(1)

    def title(self) -> str:
        return self.tr("Leave your contact")

    @property
    def _lead(self) -> LeadDraft:
        return self.shell.session.lead

    # the visitor's input ----------------------------------------------------------------------
    def _typed(self, key: str) -> Callable[[str], None]:
        def typed(text: str) -> None:
            setattr(self._lead, key, text)
            self._shown_errors.add(key)
            if key in ("phone_number", "email", "wechat_id"):
                self._shown_errors.add(CONTACT_METHODS)
            self._show_errors()

        return typed

    def _chose(self, key: str) -> Callable[[object], None]:
        def chose(value: object) -> None:
            if key == "intake_year":
                value = None if value == NOT_DECIDED else value
            setattr(self._lead, key, value)
            self._shown_errors.add(key)
            self._show_errors()

        return chose

    def _choose_country_code(self, code: object) -> None:
        other = code == OTHER_CODE
        self.other_code.setVisible(other)
        if other:
            self.other_code.setFocus()
            self._other_code_typed(self.other_code.text())
        else:
            assert isinstance(code, int)
            self._lead.phone_country_code = code
            self._show_errors()

    def _other_code_typed(self, text: str) -> None:
        digits = text.strip().lstrip("+")
        code = int(digits) if digits.isdigit() else 0
        # Not a real calling code: the number is checked against none, so it shows an error.
        self._lead.phone_country_code = code if code in PHONE_COUNTRY_CODES else 0
        self._show_errors()

    def _toggle_programme(self, code: object) -> None:
        codes = self._lead.programme_codes
        if code in codes:
            codes.remove(str(code))
        else:
            codes.append(str(code))

    def _errors(self) -> dict[str, FieldError]:
        today = self.shell.services.clock.now().astimezone().date()
        return validate(self._lead, self.catalog.programme_codes, today)

    def _show_errors(self) -> dict[str, FieldError]:
        """Show the errors of the fields in _shown_errors; return every field's error."""
        errors = self._errors()
        for key, widget in self.errors.items():
            error = errors.get(key)
            shown = error is not None and key in self._shown_errors
            widget.setText(self._error_text(error) if shown and error else "")
            widget.setVisible(shown)
        return errors

    # sending --------------------------------------------------------------------------------
    def send_lead(self) -> None:
        self._shown_errors.update(self.errors)
        errors = self._show_errors()
        wrong = [key for key in self.errors if key in errors]
        if wrong:
            self.save_problem.setText(self.tr("Please check the fields marked in red."))
            self.save_problem.show()
            self.shell.keyboard.put_away()
            # The send button is at the bottom: bring the first field to fix into view (the
            # mobile number for "one way to reach you"), once its error has been laid out.
            section = "phone_number" if wrong[0] == CONTACT_METHODS else wrong[0]
            first = self.captions.get(section, self.errors[wrong[0]])
            QTimer.singleShot(0, lambda: self.scroll_area.ensureWidgetVisible(first, 0, 48))
            return
        try:
            self.shell.services.save_visitor_lead(
                self._lead, self.shell.session.session_id, self.shell.session.outcome
            )
        except LeadRejected:  # a consent undone meanwhile: back to the notice
            self.shell.go_to(ScreenId.LEAD_CONSENT)
            return
        except (LeadSaveError, VaultError) as error:
            # The form stays filled: once space is back, the same tap saves it.
            disk_full = isinstance(error, LeadSaveError) and error.reason == SaveFailure.DISK_FULL
            self.save_problem.setText(
                self.tr("The kiosk's storage is full. Please ask our staff, then tap Send again.")
                if disk_full
                else self.tr("Your details could not be saved. Please ask our staff for help.")
            )
            self.save_problem.show()
            return
        self.shell.lead_sent()

    # the screen -----------------------------------------------------------------------------
    def enter(self, **params: str) -> None:
        self._fill(self._lead)
        self.retranslate()

    def _fill(self, lead: LeadDraft) -> None:
        for key, field in self.fields.items():
            field.setText(getattr(lead, key))
        first = lead.phone_country_code in FIRST_CODES
        self.country_codes.set_checked([lead.phone_country_code if first else OTHER_CODE])
        self.other_code.setVisible(not first)
        self.other_code.setText("" if first else str(lead.phone_country_code or ""))
        self.regions.set_checked([lead.region] if lead.region else [])
        self.stages.set_checked([lead.stage] if lead.stage else [])
        self.languages.set_checked([lead.contact_language] if lead.contact_language else [])
        self.save_problem.hide()

    def reset(self) -> None:
        self._shown_errors.clear()
        self._fill(LeadDraft())
        self.programmes.set_choices([])
        for widget in self.errors.values():
            widget.clear()
            widget.hide()

    def retranslate(self) -> None:
        lang = self.language
        lead = self._lead
        self.heading.setText(self.tr("Your contact details"))
        self.reach_note.setText(
            self.tr("We need at least one way to reach you: mobile, e-mail or WeChat.")
        )
        captions = {
            "name": self.tr("Name"),
            "phone_number": self.tr("Mobile number"),
            "email": self.tr("E-mail (optional)"),
            "wechat_id": self.tr("WeChat ID (optional)"),
            "region": self.tr("Province or region"),
            "school": self.tr("School (optional)"),
            "stage": self.tr("What are you doing now?"),
            "intake_year": self.tr("When would you like to start?"),
            "programme_codes": self.tr("Programmes you are interested in"),
            "contact_language": self.tr("We should contact you in"),
        }
        for key, caption in captions.items():
            self.captions[key].setText(caption)
        self.country_codes.set_texts({OTHER_CODE: self.tr("Other")})
        self.other_code.setPlaceholderText(self.tr("Country code, e.g. 1 or 44"))
        self.regions.set_texts({code: name.get(lang) for code, name in REGIONS.items()})
        self.stages.set_texts({stage.value: self._stage_name(stage) for stage in Stage})
        today = self.shell.services.clock.now().astimezone().date()
        years = [(year, f"{year}/{str(year + 1)[2:]}") for year in intake_year_choices(today)]
        self.intakes.set_choices([*years, (NOT_DECIDED, self.tr("Not decided yet"))])
        self.intakes.set_checked([lead.intake_year if lead.intake_year else NOT_DECIDED])
        codes = list(dict.fromkeys([*self.shell.session.shortlist, *lead.programme_codes]))
        self.programmes.set_choices(
            [(code, self.catalog.programme(code).name.get(lang)) for code in codes]
        )
        self.programmes.set_checked(lead.programme_codes)
        self.captions["programme_codes"].setVisible(bool(codes))
        self.send.setText(self.tr("Send my details"))
        self._show_errors()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = self.width() >= WIDE_FORM_MIN_WIDTH
        self.regions.set_columns(5 if wide else 3)
        self.stages.set_columns(4 if wide else 2)
        self.intakes.set_columns(5 if wide else 3)
        self.programmes.set_columns(2 if wide else 1)

    def _stage_name(self, stage: Stage) -> str:
        return {
            Stage.SENIOR_SECONDARY_1: self.tr("Senior secondary, year 1"),
            Stage.SENIOR_SECONDARY_2: self.tr("Senior secondary, year 2"),
            Stage.SENIOR_SECONDARY_3: self.tr("Senior secondary, year 3"),
            Stage.SECONDARY_VOCATIONAL: self.tr("Secondary vocational school"),
            Stage.POST_SECONDARY: self.tr("College or university"),
            Stage.GRADUATED: self.tr("Graduated or working"),
            Stage.OTHER: self.tr("Other"),
        }[stage]

    def _error_text(self, error: FieldError) -> str:
        return {
            FieldError.REQUIRED: self.tr("Please fill this in."),
            FieldError.TOO_LONG: self.tr("This is too long."),
            FieldError.NAME_INVALID: self.tr("Please use letters only."),
            FieldError.SCHOOL_INVALID: self.tr("Please check the school's name."),
            FieldError.COUNTRY_CODE_UNKNOWN: self.tr("Please choose a country code."),
            FieldError.PHONE_INVALID: self.tr("This is not a mobile number for that country code."),
            FieldError.EMAIL_INVALID: self.tr("This is not an e-mail address."),
            FieldError.WECHAT_INVALID: self.tr(
                "A WeChat ID has 6–20 letters, digits, _ or -, starting with a letter."
            ),
            FieldError.NO_CONTACT_METHOD: self.tr(
                "Please give a mobile number, an e-mail or a WeChat ID."
            ),
            FieldError.REGION_UNKNOWN: self.tr("Please choose where you live."),
            FieldError.STAGE_UNKNOWN: self.tr("Please choose one."),
            FieldError.INTAKE_YEAR_UNKNOWN: self.tr("Please choose one."),
            FieldError.PROGRAMME_UNKNOWN: self.tr("Please choose from the list."),
            FieldError.LANGUAGE_UNKNOWN: self.tr("Please choose a language."),
        }.get(error, self.tr("Please check this."))
