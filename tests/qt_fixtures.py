"""Qt fixtures for the ui and journey tests: a themed application and a real shell."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.services import Services
from kiosk.ui.i18n import Translations
from kiosk.ui.shell import Shell
from kiosk.ui.theme import apply_theme
from tests.keyboard_driver import tap

__all__ = ["display_size", "shell", "shell_size", "tap", "themed_app"]


@pytest.fixture(scope="session")
def themed_app(qapp: QApplication) -> QApplication:
    apply_theme(qapp)
    return qapp


@pytest.fixture(params=[(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def display_size(request: pytest.FixtureRequest) -> tuple[int, int]:
    size: tuple[int, int] = request.param
    return size


@pytest.fixture
def shell_size() -> tuple[int, int]:
    return (1920, 1080)


@pytest.fixture
def shell(
    themed_app: QApplication, qtbot: QtBot, services: Services, shell_size: tuple[int, int]
) -> Iterator[Shell]:
    window = Shell(services, Translations())
    qtbot.addWidget(window)
    window.resize(*shell_size)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close_services()
    # Gone before the next test's shell: the input method is the application's, and a second
    # on-screen keyboard alive beside the first would share it.
    window.close()
    window.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(window))
