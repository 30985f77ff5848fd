"""The bundled CJK font and the stylesheet, so the kiosk looks the same on any machine."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from kiosk import resources
from kiosk.errors import KioskError

FONT_FILE = "wqy-microhei.ttc"


def load_fonts() -> str:
    """Register the bundled font; return its family name."""
    font_id = QFontDatabase.addApplicationFont(str(resources.asset("fonts", FONT_FILE)))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        raise KioskError(f"The bundled font {FONT_FILE} could not be loaded: reinstall the kiosk.")
    return families[0]


def apply_theme(app: QApplication) -> None:
    family = load_fonts()
    font = QFont(family)
    font.setPixelSize(26)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
    app.setStyleSheet(resources.asset("style.qss").read_text(encoding="utf-8"))
