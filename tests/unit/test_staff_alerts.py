"""Staff alerts: one per kind, counted when repeated, heard by listeners, logged."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kiosk.staff_alerts import AlertKind, StaffAlerts
from tests.staff import START, MovableClock


def test_a_repeated_alert_counts_and_keeps_its_first_time(
    caplog: pytest.LogCaptureFixture,
) -> None:
    clock = MovableClock()
    alerts = StaffAlerts(clock)
    changes: list[int] = []
    alerts.subscribe(lambda: changes.append(len(alerts.active)))
    alerts.raise_alert(AlertKind.DISK_FULL, "The disk is full.")
    clock.advance(minutes=5)
    alerts.raise_alert(AlertKind.DISK_FULL, "The disk is full.")
    alerts.raise_alert(AlertKind.PRINT_FAILED, "A summary did not print.")
    disk, printer = alerts.active
    assert (disk.kind, disk.times, disk.raised_at) == (AlertKind.DISK_FULL, 2, START)
    assert printer.raised_at == START + timedelta(minutes=5)
    alerts.clear(AlertKind.DISK_FULL)
    alerts.clear(AlertKind.DISK_FULL)  # nothing standing: nobody is told
    assert [alert.kind for alert in alerts.active] == [AlertKind.PRINT_FAILED]
    assert changes == [1, 1, 2, 1]
    assert "staff alert (disk_full): The disk is full." in caplog.text


def test_an_alert_about_the_past_carries_its_own_time() -> None:
    alerts = StaffAlerts(MovableClock())
    earlier = START - timedelta(days=1)
    alerts.raise_alert(AlertKind.LEADS_DB_RECOVERED, "Recovered.", {"leads": "3"}, at=earlier)
    [alert] = alerts.active
    assert alert.raised_at == earlier and alert.details == {"leads": "3"}


def test_unsubscribing_twice_is_harmless() -> None:
    alerts = StaffAlerts(MovableClock())
    heard: list[None] = []

    def listener() -> None:
        heard.append(None)

    alerts.subscribe(listener)
    alerts.unsubscribe(listener)
    alerts.unsubscribe(listener)
    alerts.raise_alert(AlertKind.SAVE_FAILED, "A save failed.")
    assert heard == []
