"""The Qt binding itself: a kiosk runs all day, so a slow leak in it is a crash by the afternoon."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel


def test_calls_do_not_drain_the_reference_count_of_none(qapp: QApplication) -> None:
    # PySide6 6.12.0 on Python 3.11 released a reference to None on every call of a method
    # returning void; after a few thousand calls Python aborted ("deallocating None").
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("x")
        label.update()
        QApplication.processEvents()
    assert sys.getrefcount(None) >= before - 50
