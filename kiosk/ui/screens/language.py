"""Choose a language: 简体中文 (default), English, 繁體中文."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout

from kiosk.l10n import Language
from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.common import button, label

if TYPE_CHECKING:
    from kiosk.ui.shell import Shell

# Each language names itself, so every visitor can find theirs.
LANGUAGE_NAMES: dict[Language, str] = {
    "zh-Hans": "简体中文",
    "en": "English",
    "zh-Hant": "繁體中文",
}


class LanguageScreen(Screen):
    screen_id = ScreenId.LANGUAGE
    shows_top_bar = False

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(80, 80, 80, 80)
        layout.setSpacing(36)
        layout.addStretch(1)
        heading = label("请选择语言  ·  Choose your language  ·  請選擇語言", "title")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(heading)
        self.buttons: dict[Language, QPushButton] = {}
        for language, name in LANGUAGE_NAMES.items():
            choice = button(name, "language")
            choice.setMinimumHeight(128)
            choice.setMaximumWidth(760)
            choice.clicked.connect(lambda _=False, lang=language: self._choose(lang))
            layout.addWidget(choice, 0, Qt.AlignmentFlag.AlignHCenter)
            choice.setMinimumWidth(560)
            self.buttons[language] = choice
        layout.addStretch(2)

    def _choose(self, language: Language) -> None:
        self.shell.set_language(language)
        self.shell.go_to(ScreenId.HOME)
