"""Staff alerts on screen: a badge in a corner of every visitor screen (so staff walking past
see that something needs them) and the alert card at the top of the staff panel."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.staff_alerts import CLEARS_ITSELF, AlertKind, StaffAlert
from kiosk.ui.widgets.common import button, card, label

BADGE_MARGIN = 16


class AlertTexts(QObject):
    """Each alert in the staff's language (the alert's own sentence is English, for the log)."""

    def describe(self, alert: StaffAlert) -> str:
        when = alert.raised_at.astimezone().strftime("%H:%M")
        text = {
            AlertKind.DISK_FULL: self.tr(
                "Since %1 the kiosk's storage is full and visitors' details cannot be saved. "
                "Free some space (IT), then ask the visitor to tap Send again."
            ),
            AlertKind.SAVE_FAILED: self.tr(
                "Since %1 visitors' details cannot be saved (a database error). "
                "Restart the kiosk; if it happens again, call IT."
            ),
            AlertKind.LEADS_DB_RECOVERED: self.tr(
                "At %1 the kiosk found its leads database damaged and started a fresh one with "
                "the %2 leads it could still read. The old files are kept for IT in %3."
            ),
            AlertKind.PRINT_FAILED: self.tr(
                "At %1 the printer stopped in the middle of a visitor's summary. "
                "Check its cable, power and paper, then print a test page."
            ),
        }[alert.kind]
        text = text.replace("%1", when)
        if alert.kind == AlertKind.LEADS_DB_RECOVERED:
            text = text.replace("%2", alert.details["leads"]).replace("%3", alert.details["folder"])
        if alert.times > 1:
            text += " " + self.tr("(%n time(s))", "", alert.times)
        return text


class AlertBadge(QLabel):
    """A small pill in the bottom-left corner of the screens' area, above the keyboard; it never
    takes a touch, so a visitor's tap reaches whatever lies under it."""

    def __init__(self, parent: QWidget, area: QWidget) -> None:
        super().__init__("⚠  工作人员请注意 · Staff alert", parent)
        self.setObjectName("staffAlertBadge")
        self.setProperty("role", "alertBadge")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._area = area
        area.installEventFilter(self)
        self.hide()

    def set_visible_for(self, alerts: int, staff_screen: bool) -> None:
        self.setVisible(alerts > 0 and not staff_screen)
        if self.isVisible():
            self._place()

    def _place(self) -> None:
        self.adjustSize()
        corner = self._area.geometry().bottomLeft()
        self.move(corner.x() + BADGE_MARGIN, corner.y() - self.height() - BADGE_MARGIN)
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move) and self.isVisible():
            self._place()
        return False


class AlertCard(QWidget):
    """The staff panel's list of standing alerts; the ones about the past can be dismissed."""

    def __init__(self, dismiss: Callable[[AlertKind], None]) -> None:
        super().__init__()
        self._dismiss = dismiss
        self._texts = AlertTexts(self)
        frame, self._column = card("alertCard")
        frame.setObjectName("staffAlerts")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(frame)
        self.rows: dict[AlertKind, tuple[QWidget, QLabel, QPushButton | None]] = {}
        self.hide()

    def show_alerts(self, alerts: tuple[StaffAlert, ...]) -> None:
        for row, _text, _dismiss in self.rows.values():
            self._column.removeWidget(row)
            row.hide()  # at once: deleteLater waits for the event loop
            row.deleteLater()
        self.rows.clear()
        for alert in alerts:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.setSpacing(16)
            text = label(self._texts.describe(alert), "alertText")
            line.addWidget(text, 1)
            dismiss = None
            if alert.kind not in CLEARS_ITSELF:
                dismiss = button(self.tr("Dismiss"), "secondary")
                dismiss.setObjectName(f"dismiss-{alert.kind}")
                dismiss.clicked.connect(lambda _=False, kind=alert.kind: self._dismiss(kind))
                line.addWidget(dismiss, 0, Qt.AlignmentFlag.AlignTop)
            self._column.addWidget(row)
            self.rows[alert.kind] = (row, text, dismiss)
        self.setVisible(bool(alerts))
