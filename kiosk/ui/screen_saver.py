"""Linux and the BSDs: the session's screen saver held off over D-Bus, through the freedesktop
idle-inhibition API (``org.freedesktop.ScreenSaver``) that GNOME, KDE, Xfce and others serve.

The spec ends an inhibition on ``UnInhibit(cookie)`` or when its caller leaves the bus. The keeper
does the latter: it inhibits on a bus connection of its own and closes that connection to
release. PySide6 (6.11) cannot send the cookie, a D-Bus uint32: a Python int goes as an int32 or
int64, and the services check the signature. A kiosk that crashes releases the same way.

A session without a bus or without such a service (a bare ``cage``, X without a screen saver
daemon) gets one INFO line and nothing else: there, the installation turns blanking off.
"""

from __future__ import annotations

import itertools
import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusPendingCallWatcher

logger = logging.getLogger(__name__)

SERVICE = "org.freedesktop.ScreenSaver"
OBJECT_PATH = "/org/freedesktop/ScreenSaver"
INTERFACE = "org.freedesktop.ScreenSaver"
INHIBIT_REASON = "A touchscreen kiosk: its screen stays on while it runs"
CALL_TIMEOUT_MS = 5000
NOT_KEPT = "The screen may blank: %s. Turn screen blanking off in the kiosk's session."
_connection_numbers = itertools.count(1)


class DBusScreenKeeper(QObject):
    """Asks without waiting: the answer comes through the event loop, never blocking the screens."""

    answered = Signal(bool)  # whether the screen saver service took the inhibition

    def __init__(
        self, app_name: str, bus_address: str | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._app_name = app_name
        self._bus_address = bus_address  # None: the session bus
        self._connection_name: str | None = None
        self._pending: QDBusPendingCallWatcher | None = None

    def keep_awake(self) -> None:
        name = f"vpas-screen-keeper-{next(_connection_numbers)}"
        if self._bus_address is None:
            bus = QDBusConnection.connectToBus(QDBusConnection.BusType.SessionBus, name)
        else:
            bus = QDBusConnection.connectToBus(self._bus_address, name)
        self._connection_name = name
        if not bus.isConnected():
            logger.info(NOT_KEPT, f"no D-Bus session bus ({bus.lastError().message()})")
            self.release()
            return
        inhibit = QDBusMessage.createMethodCall(SERVICE, OBJECT_PATH, INTERFACE, "Inhibit")
        inhibit.setArguments([self._app_name, INHIBIT_REASON])
        self._pending = QDBusPendingCallWatcher(bus.asyncCall(inhibit, CALL_TIMEOUT_MS), self)
        self._pending.finished.connect(self._inhibit_answered)

    def _inhibit_answered(self, call: QDBusPendingCallWatcher) -> None:
        self._forget_pending()
        if call.isError():
            logger.info(NOT_KEPT, f"no screen saver service answered ({call.error().message()})")
            self.release()
            self.answered.emit(False)
        else:
            logger.info("The screen stays on: %s inhibited while the kiosk runs.", SERVICE)
            self.answered.emit(True)

    def release(self) -> None:
        self._forget_pending()
        if self._connection_name is not None:
            # Closes the connection (once nothing holds it), which ends its inhibition.
            QDBusConnection.disconnectFromBus(self._connection_name)
            self._connection_name = None

    def _forget_pending(self) -> None:
        if self._pending is not None:
            self._pending.deleteLater()
            self._pending = None
