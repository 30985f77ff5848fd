"""Qt translators for the UI strings; content texts come translated from the content DB."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from kiosk import resources
from kiosk.errors import KioskError
from kiosk.l10n import Language

# Source strings are English; en.qm holds only the English plural forms.
QM_FILES: dict[Language, str] = {"zh-Hans": "zh_Hans.qm", "zh-Hant": "zh_Hant.qm", "en": "en.qm"}
# The language switch of the visitors' top bar and of the staff header, each in its own words.
LANGUAGE_BUTTONS: tuple[tuple[Language, str], ...] = (
    ("zh-Hans", "简体"),
    ("en", "EN"),
    ("zh-Hant", "繁體"),
)


class Translations:
    def __init__(self) -> None:
        self._translators: dict[Language, QTranslator] = {}
        for language, name in QM_FILES.items():
            translator = QTranslator()
            path = resources.asset("translations", name)
            if not translator.load(str(path)):
                raise KioskError(
                    f"The translation file {path} is missing: run 'make translations' or reinstall."
                )
            self._translators[language] = translator
        self._installed: QTranslator | None = None

    def apply(self, language: Language) -> None:
        self.uninstall()
        self._installed = self._translators.get(language)
        if self._installed is not None:
            QCoreApplication.installTranslator(self._installed)

    def uninstall(self) -> None:
        if self._installed is not None:
            QCoreApplication.removeTranslator(self._installed)
            self._installed = None
