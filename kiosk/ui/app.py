"""Start the kiosk: Qt application, theme, services, shell; or the staff message if it can't."""

from __future__ import annotations

import sys
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from kiosk import resources
from kiosk.errors import ContentError
from kiosk.l10n import Language
from kiosk.services import Services, open_services
from kiosk.ui.i18n import Translations
from kiosk.ui.keyboard import configure_input_method
from kiosk.ui.shell import Shell
from kiosk.ui.theme import apply_theme
from kiosk.ui.widgets.common import label


class ContentErrorScreen(QWidget):
    """Full screen, for staff: the content cannot be read. Never a traceback."""

    def __init__(self, problem: str) -> None:
        super().__init__()
        self.setObjectName("contentError")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(96, 96, 96, 96)
        layout.setSpacing(32)
        layout.addStretch(1)
        layout.addWidget(label("暂停服务  ·  暫停服務\nOut of service", "hero"))
        layout.addWidget(label("For booth staff: the kiosk's content cannot be read.", "heroSub"))
        self.problem = label(problem, "heroSub")
        layout.addWidget(self.problem)
        layout.addWidget(
            label(
                "Reinstall the kiosk bundle, or run 'kiosk content build' from the installation, "
                "then start the kiosk again.",
                "heroSub",
            )
        )
        layout.addStretch(2)


def create_window(
    services: Services | None, problem: str | None, language: Language | None = None
) -> QWidget:
    """The shell for the given services, or the staff message for a content problem."""
    if services is None:
        return ContentErrorScreen(problem or "")
    if language is not None:
        services.settings = replace(services.settings, default_language=language)
    return Shell(services, Translations())


def run_kiosk(*, windowed: bool, language: Language | None, exit_when_ready: bool) -> int:
    existing = QApplication.instance()
    if existing is None:
        configure_input_method()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName("VPAS kiosk")
    apply_theme(app)
    services: Services | None = None
    problem: str | None = None
    try:
        services = open_services(resources.content_db_path(), resources.leads_db_path())
    except ContentError as error:
        problem = str(error)
        print(f"kiosk: {problem}", file=sys.stderr)
    window = create_window(services, problem, language)
    window.setWindowTitle("VPAS")
    if windowed:
        window.resize(1920, 1080)
        window.show()
    else:
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        window.showFullScreen()
    # A kiosk session often has no window manager to give the window the keyboard focus.
    window.activateWindow()
    if exit_when_ready:
        # Queued behind the first paint: the window is up and the event loop is idle.
        QTimer.singleShot(0, lambda: app.exit(0 if services is not None else 2))
    code = app.exec()
    if isinstance(window, Shell):
        window.close_services()
    if services is not None:
        services.close()
    return code
