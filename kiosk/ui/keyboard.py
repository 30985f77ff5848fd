"""The on-screen keyboard: Qt Virtual Keyboard (GPLv3) with Pinyin for Simplified Chinese,
Cangjie and Zhuyin for Traditional, and English, hosted in the kiosk's own window so it sits at
the bottom of the screen, above nothing and under nothing.

A physical keyboard keeps working beside it. Fields with their own letter keys (search, country)
turn the input method off.
"""

from __future__ import annotations

import atexit
import functools
import os
import re
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QFile, QIODevice, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtQml import QQmlComponent, QQmlEngine
from PySide6.QtQuickWidgets import QQuickWidget
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from kiosk.errors import KioskError
from kiosk.l10n import Language
from kiosk.resources import asset

KEYBOARD_BACKGROUND = QColor("#263238")  # the default style's, behind the candidate bar too
STYLE_NAME = "kiosk"
BUILTIN_STYLE = ":/qt-project.org/imports/QtQuick/VirtualKeyboard/Styles/Builtin/default/style.qml"
ACTIVE_LOCALES = ["zh_CN", "zh_TW", "en_GB"]  # the globe key cycles through them
LATIN_HINTS = Qt.InputMethodHint.ImhLatinOnly | Qt.InputMethodHint.ImhEmailCharactersOnly
START_LOCALE: dict[Language, str] = {"zh-Hans": "zh_CN", "zh-Hant": "zh_TW", "en": "en_GB"}
# The built-in style sized for fingers at a fair: the candidate bar (85 design units high, 44 px
# type) becomes as tall as a key row, its Chinese as large as the keys' letters.
STYLE_CHANGES = (
    (r"selectionListHeight: 85 \* scaleHint", "selectionListHeight: 180 * scaleHint"),
    (
        r"(selectionListDelegate: SelectionListItem \{.*?pixelSize: )44( \* scaleHint)",
        r"\g<1>72\g<2>",
    ),
)


def configure_input_method() -> None:
    """Before the QApplication exists: use the virtual keyboard, inside our window."""
    os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
    os.environ.setdefault("QT_VIRTUALKEYBOARD_DESKTOP_DISABLE", "1")
    # Pinyin keeps what it learns under $XDG_CONFIG_HOME/qtvirtualkeyboard, read once when it
    # starts: this run's own directory keeps visitors' names off the machine. Nothing else in
    # the kiosk reads that variable.
    os.environ["XDG_CONFIG_HOME"] = str(_scratch_dir() / "config")


@functools.cache
def _scratch_dir() -> Path:
    """This run's own directory for the keyboard's style and user data, removed at exit."""
    path = Path(tempfile.mkdtemp(prefix="vpas-kiosk-keyboard-"))
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


def kiosk_style(font_family: str) -> str:
    """The built-in style's QML with STYLE_CHANGES and the kiosk's CJK font."""
    source = QFile(BUILTIN_STYLE)
    if not source.open(QIODevice.OpenModeFlag.ReadOnly):
        raise KioskError("The on-screen keyboard's style is missing: reinstall the kiosk.")
    qml = bytes(source.readAll().data()).decode("utf-8")
    source.close()
    changes = (*STYLE_CHANGES, (r'fontFamily: "Arial"', f'fontFamily: "{font_family}"'))
    for pattern, replacement in changes:
        qml, count = re.subn(pattern, replacement, qml, count=1, flags=re.DOTALL)
        if count != 1:
            raise KioskError(f"The on-screen keyboard's style has changed: {pattern!r} not found.")
    return qml


def _keyboard_qml() -> QUrl:
    return QUrl.fromLocalFile(str(asset("qml", "KioskKeyboard.qml")))


@functools.cache
def _keyboard_engine() -> QQmlEngine:
    """One QML engine for every keyboard in the process: the virtual keyboard's input context
    lives in it and the application's one input method serves it; a second engine's keyboard
    would stay deaf once the first was gone."""
    engine = QQmlEngine(QApplication.instance())
    url = _keyboard_qml()
    # Compile first through QQmlComponent, which releases Python's lock while QML's loader
    # thread works: QQuickWidget.setSource() keeps it, and a Qt message from that thread to a
    # Python message handler would wait for it for ever. setSource() then reuses the type.
    compiled = QQmlComponent(engine, url)
    if compiled.isError():
        raise KioskError(f"The on-screen keyboard cannot load: {compiled.errorString()}")
    styles = _scratch_dir() / "styles"
    style_file = styles / "QtQuick" / "VirtualKeyboard" / "Styles" / STYLE_NAME / "style.qml"
    style_file.parent.mkdir(parents=True)
    style_file.write_text(kiosk_style(QApplication.font().family()), encoding="utf-8")
    engine.addImportPath(str(styles))
    compiled.setParent(engine)  # the compiled type stays cached as long as the engine lives
    return engine


class OnScreenKeyboard(QQuickWidget):
    """Never hidden (a hidden QQuickWidget is not resized and, in software, not drawn):
    it collapses to height 0 while no field wants typing."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(_keyboard_engine(), parent)
        self.setObjectName("onScreenKeyboard")
        self.setResizeMode(QQuickWidget.ResizeMode.SizeRootObjectToView)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a key tap leaves the focus in the field
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setClearColor(KEYBOARD_BACKGROUND)
        self.setFixedHeight(0)
        self.setSource(_keyboard_qml())
        root = self.rootObject()
        root.setProperty("styleName", STYLE_NAME)
        root.setProperty("activeLocales", ACTIVE_LOCALES)
        self._language: Language = "zh-Hans"
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.focusObjectChanged.connect(self._choose_layout)
        root.shortcutTapped.connect(_type_into_field)  # type: ignore[attr-defined]
        root.activeChanged.connect(self._fit_to_panel)  # type: ignore[attr-defined]
        root.neededHeightChanged.connect(self._fit_to_panel)  # type: ignore[attr-defined]

    @property
    def is_open(self) -> bool:
        return self.height() > 0

    def set_language(self, language: Language) -> None:
        """The visitor's own way of typing first; the globe key reaches the others."""
        self._language = language
        self._choose_layout(QGuiApplication.focusObject())

    def _choose_layout(self, field: QObject | None) -> None:
        """English letters with @ and .com for e-mail and WeChat fields, whatever the language."""
        hints = field.inputMethodHints() if isinstance(field, QWidget) else Qt.InputMethodHint(0)
        root = self.rootObject()
        root.setProperty(
            "startLocale", "en_GB" if hints & LATIN_HINTS else START_LOCALE[self._language]
        )
        root.setProperty("emailShortcuts", bool(hints & Qt.InputMethodHint.ImhEmailCharactersOnly))

    def put_away(self) -> None:
        """Drop any half-typed pinyin and its candidates, and take the focus from the field."""
        QGuiApplication.inputMethod().reset()  # before the focus moves, which would commit it
        field = QApplication.focusWidget()
        if field is not None:
            field.clearFocus()
        QGuiApplication.inputMethod().hide()

    def _fit_to_panel(self) -> None:
        root = self.rootObject()
        active = bool(root.property("active"))
        if active and not _wants_keyboard(QApplication.focusWidget()):
            # A field typed on its own A–Z keys: a tap on it still asks Qt for the keyboard.
            # Put it away after this change has settled (hiding now would loop QML's binding).
            QTimer.singleShot(0, QGuiApplication.inputMethod().hide)
            active = False
        self.setFixedHeight(round(root.property("neededHeight")) if active else 0)


def _type_into_field(text: str) -> None:
    field = QApplication.focusWidget()
    if isinstance(field, QLineEdit):
        field.insert(text)  # as typing does, it emits textEdited: the form checks it at once


def _wants_keyboard(field: QWidget | None) -> bool:
    return field is not None and field.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
