"""Windows keeps the screen on through SetThreadExecutionState, with exactly winbase.h's flags."""

from __future__ import annotations

import logging

import pytest

from kiosk.screen_awake import WindowsScreenKeeper


class FakeKernel32:
    """SetThreadExecutionState as Windows answers it: the previous state, or 0 when refused."""

    def __init__(self, refuse: bool = False) -> None:
        self.calls: list[int] = []
        self.state = 0x80000000  # ES_CONTINUOUS: nothing required
        self.refuse = refuse

    def set_thread_execution_state(self, flags: int) -> int:
        self.calls.append(flags)
        if self.refuse:
            return 0
        previous, self.state = self.state, flags
        return previous


def test_the_display_and_the_system_are_required_until_release() -> None:
    kernel32 = FakeKernel32()
    keeper = WindowsScreenKeeper(kernel32.set_thread_execution_state)
    keeper.keep_awake()
    # ES_CONTINUOUS | ES_DISPLAY_REQUIRED | ES_SYSTEM_REQUIRED: held until changed again.
    assert kernel32.calls == [0x80000003]
    keeper.release()
    assert kernel32.calls == [0x80000003, 0x80000000]  # ES_CONTINUOUS alone: nothing required


def test_a_refusal_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    keeper = WindowsScreenKeeper(FakeKernel32(refuse=True).set_thread_execution_state)
    with caplog.at_level(logging.INFO, logger="kiosk.screen_awake"):
        keeper.keep_awake()
    assert [(record.levelname, record.getMessage()) for record in caplog.records] == [
        ("WARNING", "Windows refused to keep the screen on (SetThreadExecutionState)")
    ]
