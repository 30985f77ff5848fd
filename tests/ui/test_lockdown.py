"""The locked-down kiosk: full screen without decorations, no context menus, no closing it
outside staff mode, no keys that close or leave, and the screen kept on while it runs (the
freedesktop screen saver on a real, private D-Bus daemon)."""

from __future__ import annotations

import itertools
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import ClassInfo, QObject, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusServiceWatcher
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu
from pytestqt.qtbot import QtBot

from kiosk.screen_awake import NoScreenKeeper
from kiosk.ui import app as kiosk_app
from kiosk.ui.lockdown import ContextMenuBlocker, block_context_menus, screen_keeper, show_window
from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screen_saver import INHIBIT_REASON, OBJECT_PATH, SERVICE, DBusScreenKeeper
from kiosk.ui.screens.search import SearchScreen
from kiosk.ui.screens.staff_panel import StaffPanelScreen
from kiosk.ui.shell import Shell
from tests.qt_fixtures import tap

DBUS_MISSING = (
    "D-Bus screen saver tests SKIPPED: dbus-daemon is not installed (Debian's dbus-daemon package)"
)
DBUS_MISSING_ON_CI = (
    "dbus-daemon is not installed, but CI installs Debian's dbus-daemon package (.ci/run): "
    "its absence on CI is a bug, so the D-Bus screen saver tests fail instead of being skipped"
)
TURN_BLANKING_OFF = "Turn screen blanking off in the kiosk's session."
QUIT_GUARD_MS = 10_000  # ends app.exec() in a test whose quit was wrongly refused


def shown_menus() -> list[QMenu]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]


def run_app_with(app: QApplication, action: Callable[[], None]) -> int:
    """``app.exec()`` with ``action`` run once the loop is running; never hangs."""
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: app.exit(-1))
    guard.start(QUIT_GUARD_MS)
    QTimer.singleShot(0, action)
    # When a quit closes the last window, Qt posts a second Quit of its own; handled after exec()
    # returned, it would make every later event loop (qtbot's waits) end at once.
    quit_on_last_window_closed = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)
    try:
        return app.exec()
    finally:
        guard.stop()  # or it would end a later test's event loop
        app.setQuitOnLastWindowClosed(quit_on_last_window_closed)


@pytest.fixture
def full_screen(shell: Shell, qtbot: QtBot) -> Shell:
    """The shell as at a fair: shown as run_kiosk shows it without --windowed."""
    show_window(shell, windowed=False)
    qtbot.waitExposed(shell)
    return shell


@dataclass
class KioskRun:
    """A run of the kiosk as ``kiosk run --exit-when-ready``, and how its window was when it
    asked to keep the screen on."""

    code: int | None = None
    events: list[str] = field(default_factory=list)
    app_name: str | None = None  # what the kiosk told the screen keeper
    window: tuple[bool, bool, Qt.WindowType] | None = None  # visible, full screen, flags
    menus_on_right_click: list[QMenu] | None = None


@pytest.fixture
def kiosk_run(
    themed_app: QApplication, qtbot: QtBot, staffed_db: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[KioskRun]:
    run = KioskRun()
    shells: list[Shell] = []

    class RecordingKeeper:
        def __init__(self, app_name: str) -> None:
            run.app_name = app_name

        def keep_awake(self) -> None:
            [shell] = [w for w in QApplication.topLevelWidgets() if isinstance(w, Shell)]
            shells.append(shell)
            run.window = (shell.isVisible(), shell.isFullScreen(), shell.windowFlags())
            field = shell.findChild(QLineEdit, "searchField")
            corner = QPoint(10, 10)
            QApplication.sendEvent(
                field, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, corner, corner)
            )
            run.menus_on_right_click = shown_menus()
            run.events.append("keep awake")

        def release(self) -> None:
            run.events.append("release")

    monkeypatch.setattr(kiosk_app, "screen_keeper", RecordingKeeper)
    app_name = themed_app.applicationName()
    themed_app.aboutToQuit.connect(record_quit := lambda: run.events.append("event loop ended"))
    try:
        run.code = kiosk_app.run_kiosk(windowed=False, language=None, exit_when_ready=True)
        yield run
    finally:
        # The application outlives the run here: what the kiosk set on it goes.
        themed_app.aboutToQuit.disconnect(record_quit)
        themed_app.setApplicationName(app_name)
        for blocker in themed_app.findChildren(ContextMenuBlocker):
            blocker.deleteLater()
        for shell in shells:
            shell.deleteLater()
        qtbot.waitUntil(lambda: not any(map(shiboken6.isValid, shells)))
        qtbot.waitUntil(lambda: not themed_app.findChildren(ContextMenuBlocker))


# Window -------------------------------------------------------------------------------------
def test_the_kiosk_runs_full_screen_without_decorations_and_keeps_the_screen_on(
    kiosk_run: KioskRun,
) -> None:
    # --exit-when-ready ends the kiosk with app.exit(), which asks no window to close.
    assert kiosk_run.code == 0
    assert kiosk_run.events == ["keep awake", "event loop ended", "release"]
    assert kiosk_run.app_name == "VPAS kiosk"
    assert kiosk_run.window is not None
    visible, full_screen, flags = kiosk_run.window
    assert visible and full_screen and flags & Qt.WindowType.FramelessWindowHint
    assert kiosk_run.menus_on_right_click == []


def test_the_window_managers_close_is_refused_outside_staff_mode(full_screen: Shell) -> None:
    shell = full_screen
    # QWindow.close() delivers the close request a window manager sends for Alt+F4.
    assert not shell.windowHandle().close()
    assert not shell.close()
    assert shell.isVisible() and shell.isFullScreen()


def test_quit_is_refused_outside_staff_mode(full_screen: Shell, themed_app: QApplication) -> None:
    visible_after_quit: list[bool] = []

    def quit_then_stop() -> None:
        themed_app.quit()  # Qt 6: asks every window to close first
        visible_after_quit.append(full_screen.isVisible())
        themed_app.exit(3)

    assert run_app_with(themed_app, quit_then_stop) == 3
    assert visible_after_quit == [True]


def test_staff_exit_to_desktop_quits(
    full_screen: Shell, themed_app: QApplication, qtbot: QtBot
) -> None:
    shell = full_screen
    shell.enter_staff_mode()
    panel = shell.current
    assert isinstance(panel, StaffPanelScreen)

    def exit_to_desktop() -> None:
        tap(qtbot, panel.exit)
        tap(qtbot, panel.exit)  # the confirming second tap

    assert run_app_with(themed_app, exit_to_desktop) == 0  # quit() returns 0, the guard -1
    assert not shell.isVisible()


@pytest.mark.parametrize(
    ("key", "modifier"),
    [
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    ],
    ids=["ctrl-w", "ctrl-q", "alt-f4", "escape"],
)
def test_no_key_closes_or_leaves_for_a_visitor(
    full_screen: Shell, qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier
) -> None:
    shell = full_screen
    shell.start_visit()
    shell.go_to(ScreenId.HOME)
    shell.go_to(ScreenId.SEARCH)
    search = shell.current
    assert isinstance(search, SearchScreen)
    search.field.setFocus()
    # Offscreen's screen is 800 px wide, narrower than the search screen: compare, not expect.
    placed = (shell.windowState(), shell.geometry(), shell.screen())
    # Through the window, as a keyboard's keys come: shortcuts are matched on this path.
    QTest.keyClick(shell.windowHandle(), key, modifier)
    QTest.keyClick(search.field, key, modifier)
    assert shell.isVisible() and not shell.isMinimized()
    assert (shell.windowState(), shell.geometry(), shell.screen()) == placed
    assert shell.current is search and shell.visit_started
    shell.back()
    assert shell.current.screen_id == ScreenId.HOME  # the history is intact too


def test_a_right_click_opens_no_context_menu(
    full_screen: Shell, themed_app: QApplication, qtbot: QtBot
) -> None:
    """On a line edit it would open the Cut/Copy/Paste menu. Windows makes a right click of a
    touch press-and-hold."""
    blocker = block_context_menus(themed_app)
    try:
        shell = full_screen
        shell.go_to(ScreenId.SEARCH)
        field = shell.current.field  # type: ignore[attr-defined]
        qtbot.waitUntil(field.isVisible)
        QTest.mouseClick(
            shell.windowHandle(),
            Qt.MouseButton.RightButton,
            Qt.KeyboardModifier.NoModifier,
            field.mapTo(shell, field.rect().center()),
        )
        assert shown_menus() == [] and QApplication.activePopupWidget() is None
    finally:
        shiboken6.delete(blocker)


# The screen kept on -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("platform", "keeper"),
    [("linux", DBusScreenKeeper), ("freebsd14", DBusScreenKeeper), ("darwin", NoScreenKeeper)],
)
def test_the_platform_picks_its_screen_keeper(
    themed_app: QApplication, monkeypatch: pytest.MonkeyPatch, platform: str, keeper: type
) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    assert isinstance(screen_keeper("VPAS kiosk"), keeper)


@ClassInfo({"D-Bus Interface": "org.freedesktop.ScreenSaver"})
class FakeScreenSaver(QObject):
    """org.freedesktop.ScreenSaver's Inhibit as the desktops serve it, ``Inhibit(s, s) -> u``,
    ending an inhibition when its caller's connection leaves the bus, as the spec says."""

    inhibited = Signal(str, str, str)  # application name, reason, the caller's unique bus name
    released = Signal(str)

    def __init__(self, bus: QDBusConnection) -> None:
        super().__init__()
        self.inhibitors: dict[int, str] = {}
        self._cookies = itertools.count(1)
        self._watcher = QDBusServiceWatcher(
            "", bus, QDBusServiceWatcher.WatchModeFlag.WatchForUnregistration, self
        )
        self._watcher.serviceUnregistered.connect(self._left_the_bus)

    @Slot(str, str, QDBusMessage, result="uint")  # the trailing message: who called
    def Inhibit(self, application: str, reason: str, message: QDBusMessage) -> int:
        cookie = next(self._cookies)
        self.inhibitors[cookie] = message.service()
        self._watcher.addWatchedService(message.service())
        self.inhibited.emit(application, reason, message.service())
        return cookie

    def _left_the_bus(self, name: str) -> None:
        self.inhibitors = {c: n for c, n in self.inhibitors.items() if n != name}
        self.released.emit(name)


@pytest.fixture
def session_bus(tmp_path: Path) -> Iterator[str]:
    """A private session bus of our own (`dbus-daemon --session`); its address."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        if os.environ.get("CI"):
            pytest.fail(DBUS_MISSING_ON_CI, pytrace=False)
        pytest.skip(DBUS_MISSING)
    log = tmp_path / "dbus-daemon.log"
    with log.open("w") as stderr:
        process = subprocess.Popen(
            [daemon, "--session", "--nofork", "--print-address"],
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )
    assert process.stdout is not None
    try:
        address = process.stdout.readline().strip()
        assert address, f"dbus-daemon did not start: {log.read_text()}"
        yield address
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stdout.close()


@pytest.fixture
def screen_saver(session_bus: str, qtbot: QtBot) -> Iterator[FakeScreenSaver]:
    """The screen saver service on the private session bus."""
    name = "fake-screen-saver"
    bus = QDBusConnection.connectToBus(session_bus, name)
    service = FakeScreenSaver(bus)
    assert bus.registerObject(OBJECT_PATH, service, QDBusConnection.RegisterOption.ExportAllSlots)
    assert bus.registerService(SERVICE), bus.lastError().message()
    del bus  # from now on only its name holds the connection: disconnectFromBus() closes it
    yield service
    service.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(service))
    QDBusConnection.disconnectFromBus(name)


def test_the_screen_saver_is_inhibited_until_release(
    session_bus: str, screen_saver: FakeScreenSaver, qtbot: QtBot
) -> None:
    keeper = DBusScreenKeeper("VPAS kiosk", session_bus)
    with (
        qtbot.waitSignal(keeper.answered) as answered,
        qtbot.waitSignal(screen_saver.inhibited) as inhibited,
    ):
        keeper.keep_awake()
    assert answered.args == [True]
    application, reason, caller = inhibited.args  # type: ignore[misc]
    assert (application, reason) == ("VPAS kiosk", INHIBIT_REASON)
    assert list(screen_saver.inhibitors.values()) == [caller]
    with qtbot.waitSignal(screen_saver.released) as released:
        keeper.release()
    assert released.args == [caller]
    assert screen_saver.inhibitors == {}


def test_a_bus_without_a_screen_saver_gets_one_line(
    session_bus: str, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    keeper = DBusScreenKeeper("VPAS kiosk", session_bus)
    with (
        caplog.at_level(logging.INFO, logger="kiosk.ui.screen_saver"),
        qtbot.waitSignal(keeper.answered) as answered,
    ):
        keeper.keep_awake()
    assert answered.args == [False]
    [record] = caplog.records
    assert record.levelname == "INFO"
    message = record.getMessage()
    assert message.startswith("The screen may blank: no screen saver service answered (")
    assert SERVICE in message and message.endswith(TURN_BLANKING_OFF)
    keeper.release()


def test_no_session_bus_gets_one_line(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    keeper = DBusScreenKeeper("VPAS kiosk", f"unix:path={tmp_path / 'no-bus'}")
    with caplog.at_level(logging.INFO, logger="kiosk.ui.screen_saver"):
        keeper.keep_awake()
        keeper.release()
    [record] = caplog.records
    assert record.levelname == "INFO"
    message = record.getMessage()
    assert message.startswith("The screen may blank: no D-Bus session bus (")
    assert str(tmp_path / "no-bus") in message and message.endswith(TURN_BLANKING_OFF)
