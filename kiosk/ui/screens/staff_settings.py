"""Settings booth staff change at a fair: idle timeout, default language, the booth network for
sharing summaries by QR code, the addresses of the leaflet's QR codes, and the HQ sync address
and token."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from kiosk.l10n import LANGUAGES, parse_language
from kiosk.settings import Settings
from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screens.staff_base import StaffScreen, text_field
from kiosk.ui.widgets.choice_grid import ChoiceGrid
from kiosk.ui.widgets.common import button, label

IDLE_CHOICES_S = (30, 60, 90, 120, 180, 300)
LANGUAGE_NAMES = {"zh-Hans": "简体中文", "zh-Hant": "繁體中文", "en": "English"}
_HINT = Qt.InputMethodHint


class StaffSettingsScreen(StaffScreen):
    screen_id = ScreenId.STAFF_SETTINGS

    def __init__(self, shell):  # type: ignore[no-untyped-def]
        super().__init__(shell)
        body = self.staff_page()
        self.idle = ChoiceGrid(6)
        self.idle.setObjectName("idleChoices")
        self.idle.set_choices([(seconds, "") for seconds in IDLE_CHOICES_S])
        self.languages = ChoiceGrid(3)
        self.languages.setObjectName("languageChoices")
        self.languages.set_choices([(code, LANGUAGE_NAMES[code]) for code in LANGUAGES])
        latin = _HINT.ImhLatinOnly
        self.fields = {
            "booth_address": text_field("booth-address", _HINT.ImhPreferNumbers | latin),
            "booth_port": text_field("booth-port", _HINT.ImhDigitsOnly),
            "booth_wifi_name": text_field("booth-wifi-name", latin),
            "booth_wifi_password": text_field("booth-wifi-password", latin, secret=True),
            "sync_url": text_field("sync-url", _HINT.ImhUrlCharactersOnly),
            "sync_token": text_field("sync-token", latin, secret=True),
        }
        # One field a link of the content: empty shows ImmD's built-in page, or hides the others.
        self.link_fields = {
            link.code: text_field(f"link-{link.code}", _HINT.ImhUrlCharactersOnly)
            for link in self.catalog.links
        }
        self.sections = {
            key: label("", "section") for key in ("visitors", "booth", "links", "sync")
        }
        self.captions = {key: label("", "fieldLabel") for key in ("idle", "language", *self.fields)}
        self.link_captions = {code: label("", "fieldLabel") for code in self.link_fields}
        body.addWidget(self.sections["visitors"])
        for key, widget in (("idle", self.idle), ("language", self.languages)):
            body.addWidget(self.captions[key])
            body.addWidget(widget)
        body.addWidget(self.sections["booth"])
        for key in ("booth_address", "booth_port", "booth_wifi_name", "booth_wifi_password"):
            body.addWidget(self.captions[key])
            body.addWidget(self.fields[key])
        body.addWidget(self.sections["links"])
        for code, field in self.link_fields.items():
            body.addWidget(self.link_captions[code])
            body.addWidget(field)
        body.addWidget(self.sections["sync"])
        for key in ("sync_url", "sync_token"):
            body.addWidget(self.captions[key])
            body.addWidget(self.fields[key])
        self.problem = label("", "fieldError")
        self.problem.setObjectName("settingsProblem")
        self.problem.hide()
        body.addWidget(self.problem)
        self.save = button("", "primary")
        self.save.setObjectName("saveSettings")
        self.save.clicked.connect(self.save_settings)
        body.addWidget(self.save)
        body.addStretch(1)

    def retranslate(self) -> None:
        self.retranslate_header(self.tr("Settings"))
        self.sections["visitors"].setText(self.tr("Visitors"))
        self.sections["booth"].setText(self.tr("Booth network (summaries by QR code)"))
        self.sections["sync"].setText(self.tr("Sync with the admissions office"))
        self.sections["links"].setText(
            self.tr("Links on summaries and screens (the leaflet's QR codes)")
        )
        for link in self.catalog.links:
            self.link_captions[link.code].setText(link.title.get(self.language))
            self.link_fields[link.code].setPlaceholderText(
                link.url or self.tr("Not shown until you enter its address (https://…)")
            )
        self.idle.set_texts(
            {seconds: self.tr("%1 s").replace("%1", str(seconds)) for seconds in IDLE_CHOICES_S}
        )
        for key, text in (
            ("idle", self.tr("Start over for the next visitor after this long untouched")),
            ("language", self.tr("Language for each new visitor")),
            ("booth_address", self.tr("This kiosk's address on the booth network (empty: none)")),
            ("booth_port", self.tr("Port")),
            ("booth_wifi_name", self.tr("Booth Wi-Fi name (a second QR code joins it)")),
            ("booth_wifi_password", self.tr("Booth Wi-Fi password")),
            ("sync_url", self.tr("Sync address (https://…)")),
            ("sync_token", self.tr("Sync token from HQ")),
        ):
            self.captions[key].setText(text)
        self.save.setText(self.tr("Save"))

    def enter(self, **params: str) -> None:
        settings = self.shell.services.settings
        self.idle.set_checked([settings.idle_timeout_s])
        self.languages.set_checked([settings.default_language])
        for key, field in self.fields.items():
            field.setText(str(getattr(settings, key)))
        for code, field in self.link_fields.items():
            field.setText(settings.link_overrides.get(code, ""))
        self.problem.hide()

    def _edited(self) -> Settings:
        """The settings as shown; raises ValueError with the settings' own sentence."""
        settings = self.shell.services.settings
        texts = {key: field.text().strip() for key, field in self.fields.items()}
        port = texts.pop("booth_port")
        if not port.isdigit():
            raise ValueError(self.tr("The port is a number between 1024 and 65535."))
        idle = self.idle.checked() or [settings.idle_timeout_s]
        language = self.languages.checked() or [settings.default_language]
        return replace(
            settings,
            idle_timeout_s=int(str(idle[0])),
            default_language=parse_language(str(language[0])),
            booth_port=int(port),
            booth_address=texts["booth_address"],
            booth_wifi_name=texts["booth_wifi_name"],
            booth_wifi_password=texts["booth_wifi_password"],
            sync_url=texts["sync_url"],
            sync_token=texts["sync_token"],
            link_overrides={
                code: address
                for code, field in self.link_fields.items()
                if (address := field.text().strip())
            },
        )

    def save_settings(self) -> None:
        try:
            settings = self._edited()
        except ValueError as error:
            self.problem.setText(str(error))
            self.problem.show()
            return
        self.shell.apply_settings(settings)
        self.shell.go_to(ScreenId.STAFF_PANEL)
