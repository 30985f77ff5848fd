"""Start the kiosk: Qt application, theme, services, shell; or the staff message if it can't."""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import replace

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from kiosk import resources
from kiosk.errors import KioskError
from kiosk.l10n import Language
from kiosk.services import Services, open_services
from kiosk.ui.i18n import Translations
from kiosk.ui.keyboard import configure_input_method
from kiosk.ui.lockdown import block_context_menus, screen_keeper, show_window
from kiosk.ui.shell import Shell
from kiosk.ui.theme import apply_theme
from kiosk.ui.widgets.common import label
from kiosk.watchdog import watch_parent

logger = logging.getLogger(__name__)


class OutOfServiceScreen(QWidget):
    """Full screen, for staff: the kiosk cannot start (its content or its leads database cannot
    be opened). One sentence that says what to do; never a traceback."""

    def __init__(self, problem: str) -> None:
        super().__init__()
        self.setObjectName("outOfService")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(96, 96, 96, 96)
        layout.setSpacing(32)
        layout.addStretch(1)
        layout.addWidget(label("暂停服务  ·  暫停服務\nOut of service", "hero"))
        layout.addWidget(label("For booth staff: the kiosk cannot start.", "heroSub"))
        self.problem = label(problem, "heroSub")
        layout.addWidget(self.problem)
        layout.addWidget(
            label("Do what the message says (or call IT), then start the kiosk again.", "heroSub")
        )
        layout.addStretch(2)


def create_window(
    services: Services | None, problem: str | None, language: Language | None = None
) -> QWidget:
    """The shell for the given services, or the staff message for a problem at start."""
    if services is None:
        return OutOfServiceScreen(problem or "")
    if language is not None:
        services.settings = replace(services.settings, default_language=language)
    return Shell(services, Translations())


class ParentWatch(QObject):
    """Ends the screens (not through the windows' close guard) once their watchdog has gone."""

    parent_gone = Signal()

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.parent_gone.connect(self.end_screens)  # queued: emitted on the pipe's thread
        watch_parent(self.parent_gone.emit)

    @Slot()
    def end_screens(self) -> None:
        logger.warning("the watchdog has gone: ending the screens")
        QApplication.exit(0)


def _report_ready(window: QWidget) -> None:
    showing = window.current.screen_id if isinstance(window, Shell) else "the staff message"
    screen = window.screen().size()
    logger.info(
        "ready: showing %s (pid %d), window %dx%d on a %dx%d screen",
        *(showing, os.getpid(), window.width(), window.height()),
        *(screen.width(), screen.height()),
    )


def run_kiosk(
    *,
    windowed: bool,
    language: Language | None,
    exit_when_ready: bool,
    under_watchdog: bool = False,
) -> int:
    existing = QApplication.instance()
    if existing is None:
        configure_input_method()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName("VPAS kiosk")
    if under_watchdog:
        ParentWatch(app)
    apply_theme(app)
    block_context_menus(app)
    services: Services | None = None
    problem: str | None = None
    try:
        services = open_services(resources.content_db_path(), resources.leads_db_path())
    except KioskError as error:  # the content or the leads database
        problem = str(error)
        print(f"kiosk: {problem}", file=sys.stderr)
    window = create_window(services, problem, language)
    window.setWindowTitle("VPAS")
    show_window(window, windowed=windowed)
    # A kiosk session often has no window manager to give the window the keyboard focus.
    window.activateWindow()
    keeper = screen_keeper(app.applicationName())
    keeper.keep_awake()
    QTimer.singleShot(0, lambda: _report_ready(window))  # once the event loop runs
    if exit_when_ready:
        # Queued behind the first paint: the window is up and the event loop is idle.
        QTimer.singleShot(0, lambda: app.exit(0 if services is not None else 2))
    code = app.exec()
    keeper.release()
    if isinstance(window, Shell):
        window.close_services()
    if services is not None:
        services.close()
    return code
