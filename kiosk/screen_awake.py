"""The screen stays on while the kiosk runs: the interface, and the keepers that need no Qt.

A fair's visitors may not touch the kiosk for an hour; the attract loop must still be showing.
Windows' way is here (a kernel32 call); the freedesktop D-Bus way needs QtDBus and lives in
kiosk/ui/screen_saver.py; kiosk/ui/lockdown.py picks one for the platform.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from collections.abc import Callable
from typing import Protocol

logger = logging.getLogger(__name__)

# SetThreadExecutionState's flags (winbase.h).
ES_SYSTEM_REQUIRED = 0x00000001
ES_DISPLAY_REQUIRED = 0x00000002
ES_CONTINUOUS = 0x80000000


class ScreenKeeper(Protocol):
    def keep_awake(self) -> None:
        """From now on the display neither blanks nor sleeps, nor the machine with it."""

    def release(self) -> None:
        """The display may blank again as the machine's settings say."""


class WindowsScreenKeeper:
    """``SetThreadExecutionState``: the state belongs to the calling thread and ends with it, so
    call both methods from the GUI thread, which lives as long as the kiosk."""

    def __init__(self, set_thread_execution_state: Callable[[int], int]) -> None:
        self._set_state = set_thread_execution_state

    def keep_awake(self) -> None:
        # It returns the previous state, or 0 when Windows refused.
        if self._set_state(ES_CONTINUOUS | ES_DISPLAY_REQUIRED | ES_SYSTEM_REQUIRED) == 0:
            logger.warning("Windows refused to keep the screen on (SetThreadExecutionState)")

    def release(self) -> None:
        self._set_state(ES_CONTINUOUS)


def windows_screen_keeper() -> WindowsScreenKeeper:
    """The keeper with kernel32's SetThreadExecutionState (Windows only)."""
    if sys.platform != "win32":
        raise OSError("SetThreadExecutionState exists only on Windows")
    function = ctypes.windll.kernel32.SetThreadExecutionState
    function.argtypes = [ctypes.c_uint32]
    function.restype = ctypes.c_uint32
    return WindowsScreenKeeper(function)


class NoScreenKeeper:
    """Where the kiosk has no way of its own (macOS): the machine's energy settings decide."""

    def keep_awake(self) -> None:
        pass

    def release(self) -> None:
        pass
