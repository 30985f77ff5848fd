"""Small building blocks shared by the screens: labels, buttons, cards, chips, icons."""

from __future__ import annotations

from functools import cache

import shiboken6
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk import resources

TOUCH_MIN = 72  # px: every touch target is at least this tall (the rule is 64)


@cache
def svg_pixmap(category: str, name: str, size: int) -> QPixmap:
    """An icon from assets/icons/<category>/<name>.svg, rendered sharp at ``size`` px."""
    renderer = QSvgRenderer(str(resources.asset("icons", category, f"{name}.svg")))
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter)
    painter.end()
    return pixmap


def svg_icon(category: str, name: str, size: int = 48, colour: str | None = None) -> QIcon:
    """An SVG icon, optionally recoloured (white icons on the blue bar or a coloured button)."""
    pixmap = svg_pixmap(category, name, size)
    if colour is not None:
        pixmap = pixmap.copy()
        painter = QPainter(pixmap)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(pixmap.rect(), QColor(colour))
        painter.end()
    return QIcon(pixmap)


def label(text: str = "", role: str = "body", *, wrap: bool = True) -> QLabel:
    """A label whose look comes from the stylesheet by ``role`` (title, subtitle, body …)."""
    widget = QLabel(text)
    widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return widget


def button(text: str = "", role: str = "primary", icon: QIcon | None = None) -> QPushButton:
    widget = QPushButton(text)
    widget.setProperty("role", role)
    widget.setMinimumHeight(TOUCH_MIN)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    widget.setCursor(Qt.CursorShape.PointingHandCursor)
    if icon is not None:
        widget.setIcon(icon)
        widget.setIconSize(QSize(40, 40))
    return widget


def card(role: str = "card") -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setProperty("role", role)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(28, 24, 28, 24)
    layout.setSpacing(12)
    return frame, layout


def chip(text: str) -> QLabel:
    widget = label(text, "chip", wrap=False)
    widget.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    return widget


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget and nested layout in ``layout``."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget = item.widget()
        if widget is not None:
            # Hidden explicitly first: a widget added to a shown layout has a "show later"
            # queued, which would otherwise show it, parentless, as a window of its own
            # (taking the focus from the kiosk's window) before deleteLater() gets to it.
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()
        else:
            nested = item.layout()
            if nested is not None:
                clear_layout(nested)
        # takeAt() hands the item (a widget's holder, a spacer, the nested layout itself) to
        # its caller, and PySide leaves it to C++: not deleted here, it is never deleted.
        shiboken6.delete(item)


class Tile(QPushButton):
    """A large card-like button: an illustration above a wrapped title and subtitle."""

    def __init__(self, pixmap: QPixmap | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "tile")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumHeight(TOUCH_MIN * 2)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout = self._column = QVBoxLayout(self)
        layout.setContentsMargins(16, 20, 16, 20)
        layout.setSpacing(8)
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if pixmap is not None:
            self.picture.setPixmap(pixmap)
        self.title = label("", "tileTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle = label("", "tileSubtitle")
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge = label("", "badge", wrap=False)
        self.badge.hide()
        for child in (self.picture, self.title, self.subtitle, self.badge):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)
        layout.addWidget(self.picture)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addStretch(1)

    def set_texts(self, title: str, subtitle: str = "", badge: str = "") -> None:
        if not title.strip():
            raise ValueError("A tile needs a title: an icon alone does not say where it leads.")
        self.title.setText(title)
        self.subtitle.setText(subtitle)
        self.subtitle.setVisible(bool(subtitle))
        self.badge.setText(badge)
        self.badge.setVisible(bool(badge))

    def minimumSizeHint(self) -> QSize:
        return self._column.minimumSize().expandedTo(QSize(0, TOUCH_MIN * 2))

    def sizeHint(self) -> QSize:
        return self._column.sizeHint()
