"""Before opening a real window on Linux: is there a display, and are the shared libraries of
Qt's xcb plugin and of the on-screen keyboard there?"""

from __future__ import annotations

import ctypes
import os
import sys

# Shared libraries Qt's xcb platform plugin and the keyboard load, and the Debian package of each.
WINDOW_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    # Qt Virtual Keyboard's QML components link Qt Multimedia, which links PulseAudio.
    "libpulse.so.0": "libpulse0",
}


def missing_debian_packages() -> list[str]:
    missing = []
    for library, package in WINDOW_LIBRARIES.items():
        try:
            ctypes.CDLL(library)
        except OSError:
            missing.append(package)
    return missing


def window_problem() -> str | None:
    """One sentence saying why a real window cannot open here, or None if it can."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if not sys.platform.startswith("linux") or platform not in ("", "xcb"):
        return None
    if platform == "" and os.environ.get("WAYLAND_DISPLAY"):
        return None
    if not os.environ.get("DISPLAY"):
        return (
            "No display was found (DISPLAY is not set): start the kiosk from a desktop session, "
            "or under xvfb-run for screenshots."
        )
    missing = missing_debian_packages()
    if missing:
        return (
            "A real window needs these Debian packages, which are missing: "
            f"sudo apt-get install {' '.join(missing)}"
        )
    return None
