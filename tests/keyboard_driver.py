"""Drive the real on-screen keyboard as a finger does: find its keys and candidates among the
Qt Quick items and tap their middles (PySide6 has no Python API for Qt Virtual Keyboard).

The tests pass pytest-qt's ``qtbot``; ``make screenshots`` passes an ``EventLoopWaiter``."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from typing import Protocol

from PySide6.QtCore import QPointF, Qt
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QWidget

from kiosk.ui.keyboard import OnScreenKeyboard


class QtBot(Protocol):
    """What the driver needs of pytest-qt's qtbot."""

    def wait(self, ms: int) -> None: ...

    def waitUntil(self, callback: Callable[[], bool | None], *, timeout: int = ...) -> None: ...


class EventLoopWaiter:
    """qtbot's waiting, outside pytest: runs Qt's event loop."""

    def wait(self, ms: int) -> None:
        QTest.qWait(ms)

    def waitUntil(self, callback: Callable[[], bool | None], *, timeout: int = 5000) -> None:
        deadline = time.monotonic() + timeout / 1000
        while not callback():
            if time.monotonic() > deadline:
                raise TimeoutError(f"still waiting after {timeout} ms")
            QTest.qWait(10)


def tap(qtbot: QtBot, widget: QWidget | None) -> None:
    """A finger on the middle of ``widget``, once it is shown (rows are shown on the next pass)."""
    assert widget is not None
    qtbot.waitUntil(widget.isVisible)
    assert widget.isEnabled(), widget
    middle = widget.rect().center()
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, middle)


def _items(item: QQuickItem) -> Iterator[QQuickItem]:
    yield item
    for child in item.childItems():
        yield from _items(child)


def keys(keyboard: OnScreenKeyboard) -> dict[str, QQuickItem]:
    """The visible keys of the current layout, by their lower-case label."""
    found = {}
    for item in _items(keyboard.rootObject()):
        meta = item.metaObject()
        if (
            meta.indexOfProperty("key") >= 0
            and meta.indexOfProperty("text") >= 0
            and item.isVisible()
            and item.width() > 0
        ):
            text = item.property("displayText") or item.property("text")
            if text:
                found[str(text).lower()] = item
    return found


def candidates(keyboard: OnScreenKeyboard) -> dict[str, QQuickItem]:
    """The candidates shown in the bar above the keys, by their text."""
    found = {}
    for item in _items(keyboard.rootObject()):
        if item.metaObject().className().startswith("SelectionListItem") and item.isVisible():
            for child in item.childItems():
                if child.property("text"):
                    found[str(child.property("text"))] = item
    return found


def shortcut(keyboard: OnScreenKeyboard, text: str) -> QQuickItem | None:
    """One of the kiosk's own e-mail keys above the letters, if shown."""
    for item in _items(keyboard.rootObject()):
        if item.objectName() == "shortcut" and item.property("text") == text:
            return item if item.isVisible() else None
    return None


def tap_candidate(qtbot: QtBot, keyboard: OnScreenKeyboard, text: str) -> None:
    """Tap ``text`` once the candidate bar has slid into place (a tap while it moves misses)."""
    seen: list[tuple[QPointF, float]] = []

    def resting() -> bool:
        item = candidates(keyboard).get(text)
        if item is None:
            return False
        place = item.mapToScene(QPointF(0, 0))
        if not seen or seen[-1][0] != place:
            seen.append((place, time.monotonic()))
        return time.monotonic() - seen[-1][1] >= 0.15

    qtbot.waitUntil(resting, timeout=3000)
    tap_item(qtbot, keyboard, candidates(keyboard)[text])


def tap_keys(qtbot: QtBot, keyboard: OnScreenKeyboard, letters: str) -> None:
    qtbot.waitUntil(lambda: letters[0] in keys(keyboard))
    for letter in letters:
        tap_item(qtbot, keyboard, keys(keyboard)[letter])


def type_pinyin(
    qtbot: QtBot,
    keyboard: OnScreenKeyboard,
    field: QLineEdit,
    syllables: Sequence[tuple[str, str]],
) -> None:
    """Tap ``field``, then for each (pinyin, characters) tap the letters and the candidate."""
    tap(qtbot, field)
    qtbot.waitUntil(lambda: keyboard.is_open)
    before = field.text()
    for pinyin, characters in syllables:
        tap_keys(qtbot, keyboard, pinyin)
        tap_candidate(qtbot, keyboard, characters)
    typed = "".join(characters for _, characters in syllables)
    qtbot.waitUntil(lambda: field.text() == before + typed)


def tap_item(qtbot: QtBot, keyboard: OnScreenKeyboard, item: QQuickItem) -> None:
    middle = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
    # At a finger's pace: a press lasts a moment and taps come no faster than ten a second;
    # quicker, the keyboard drops a tap that lands while it redraws after the previous one.
    QTest.mousePress(keyboard, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, middle)
    qtbot.wait(30)
    QTest.mouseRelease(keyboard, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, middle)
    qtbot.wait(70)
