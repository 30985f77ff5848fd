"""Screenshots of every screen, in each language, landscape and portrait, in a real X window.

Run under Xvfb: make screenshots (writes PNGs into the given folder).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk import resources
from kiosk.services import open_services
from kiosk.ui.i18n import Translations
from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.shell import Shell
from kiosk.ui.theme import apply_theme

SIZES = {"landscape": (1920, 1080), "portrait": (1080, 1920)}
LANGUAGES = ("zh-Hans", "en", "zh-Hant")


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("KIOSK_DATA_DIR", tempfile.mkdtemp(prefix="kiosk-shots-"))
    app = QApplication(sys.argv)
    apply_theme(app)
    services = open_services(resources.content_db_path(), resources.leads_db_path())
    shell = Shell(services, Translations())
    shell.setWindowFlag(Qt.WindowType.FramelessWindowHint)
    screens = [
        ("attract", ScreenId.ATTRACT, {}),
        ("language", ScreenId.LANGUAGE, {}),
        ("home", ScreenId.HOME, {}),
        ("sectors", ScreenId.SECTORS, {}),
        ("sector", ScreenId.SECTOR, {"sector": "hotel-tourism"}),
        ("sector-it", ScreenId.SECTOR, {"sector": "innovation-technology"}),
        ("programme", ScreenId.PROGRAMME, {"programme": "software-engineering"}),
        ("shortlist", ScreenId.SHORTLIST, {}),
        ("search", ScreenId.SEARCH, {}),
        ("about", ScreenId.ABOUT, {}),
        ("support", ScreenId.SUPPORT, {}),
        ("contacts", ScreenId.CONTACTS, {}),
    ]
    for orientation, (width, height) in SIZES.items():
        shell.setGeometry(0, 0, width, height)
        shell.show()
        for language in LANGUAGES:
            shell.set_language(language)
            shell.session.shortlist[:] = ["software-engineering", "culinary-arts"]
            shell.signals.shortlist_changed.emit()
            for name, screen_id, params in screens:
                shell.go_to(screen_id, **params)
                if screen_id == ScreenId.SEARCH:
                    shell.screens[screen_id].field.setText("rj")  # type: ignore[attr-defined]
                for _ in range(5):
                    app.processEvents()
                picture = shell.screen().grabWindow(shell.winId())
                picture.save(str(out_dir / f"{orientation}-{language}-{name}.png"))
    shell.overlay.begin()
    for _ in range(5):
        app.processEvents()
    shell.screen().grabWindow(shell.winId()).save(str(out_dir / "portrait-idle-overlay.png"))
    shell.overlay.cancel()
    shell.close_services()
    services.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots"))
