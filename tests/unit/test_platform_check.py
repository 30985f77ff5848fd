from __future__ import annotations

import ctypes

import pytest

from kiosk import platform_check


def test_missing_xcb_libraries_are_named_as_debian_packages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_cdll = ctypes.CDLL

    def cdll(name: str, *args: object, **kwargs: object) -> ctypes.CDLL:
        if name == "libxcb-cursor.so.0":
            raise OSError(name)
        return real_cdll(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(platform_check.ctypes, "CDLL", cdll)
    monkeypatch.setattr(platform_check.sys, "platform", "linux")
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    problem = platform_check.window_problem()
    assert problem is not None
    assert "sudo apt-get install libxcb-cursor0" in problem
    assert problem.count(".") <= 2  # one sentence


def test_no_display_is_one_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(platform_check.sys, "platform", "linux")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert "No display was found" in (platform_check.window_problem() or "")


def test_offscreen_needs_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert platform_check.window_problem() is None
