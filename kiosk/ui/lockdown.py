"""The kiosk's window, locked down: full screen without decorations, no context menus, no way for
a visitor to close it, and the screen kept on while it runs.

- Closing: ``Shell.closeEvent`` refuses every close request outside staff mode. Alt+F4 and a
  window manager's close arrive there, and so does ``QApplication.quit()``: Qt 6 first asks every
  window to close and gives up quitting if one refuses. Staff's "Exit to desktop" quits in staff
  mode. ``QApplication.exit()`` asks no window: the kiosk's own ways out (``--exit-when-ready``,
  a vanished watchdog) use it.
- Keys: no shortcut in the kiosk closes it or leaves a screen (Ctrl+W, Ctrl+Q, Escape, …);
  what the desktop does with keys (Alt+Tab, Ctrl+Alt+Del) is the installation's to turn off.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.screen_awake import NoScreenKeeper, ScreenKeeper, windows_screen_keeper

WINDOWED_SIZE = (1920, 1080)


class ContextMenuBlocker(QObject):
    """Eats every context-menu request before any window or widget sees it: a right click, the
    Menu key, a touch press-and-hold (which Windows turns into a right click). The line edits'
    Cut/Copy/Paste menu goes with them; staff need none either."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return event.type() == QEvent.Type.ContextMenu


def block_context_menus(app: QApplication) -> ContextMenuBlocker:
    """From now on, for the application's life (or until the blocker is deleted)."""
    blocker = ContextMenuBlocker(app)
    app.installEventFilter(blocker)
    return blocker


def show_window(window: QWidget, *, windowed: bool) -> None:
    """Full screen without a title bar, frame or close button; or, for development, a window."""
    if windowed:
        window.resize(*WINDOWED_SIZE)
        window.show()
    else:
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        # The whole screen even where no window manager applies "full screen" (a bare X
        # session): there the window would keep its small default size in a corner.
        window.setGeometry(window.screen().geometry())
        window.showFullScreen()


def screen_keeper(app_name: str) -> ScreenKeeper:
    """This platform's way of keeping the screen on; ``app_name`` is what the desktop shows."""
    if sys.platform == "win32":
        return windows_screen_keeper()
    if sys.platform == "darwin":
        return NoScreenKeeper()
    # Imported here: QtDBus is needed only where there is D-Bus.
    from kiosk.ui.screen_saver import DBusScreenKeeper

    return DBusScreenKeeper(app_name)
