"""The app-wide signals, on one object owned by the shell."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppSignals(QObject):
    language_changed = Signal(str)  # the new Language code
    shortlist_changed = Signal()  # the visitor's list gained or lost a programme
    visitor_reset = Signal()  # the visitor left (idle): every screen forgets them
    screen_shown = Signal(str)  # a ScreenId, once the screen is current
    # kiosk.sync.RelayState, emitted from the relay's thread: connect a QObject's method so the
    # slot runs queued, on the screen's thread.
    sync_changed = Signal(object)
    # The staff alerts changed (kiosk.staff_alerts); may be emitted from a worker thread too.
    alerts_changed = Signal()
