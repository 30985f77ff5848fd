"""Screenshots of every screen, in each language, landscape and portrait, in a real X window.

Run under Xvfb: make screenshots (writes PNGs into the given folder).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import update

from kiosk import resources
from kiosk.data.leads_db import OutboxRow
from kiosk.hq.store import CONFLICT_REASON
from kiosk.lead_vault import set_up_vault
from kiosk.leads import write_leads
from kiosk.services import Services, open_services
from kiosk.staff_alerts import AlertKind
from kiosk.sync import load_sync_status
from kiosk.ui.i18n import Translations
from kiosk.ui.keyboard import configure_input_method
from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screens.lead_consent import LeadConsentScreen
from kiosk.ui.screens.lead_form import LeadFormScreen
from kiosk.ui.screens.summary import SummaryScreen
from kiosk.ui.shell import Shell
from kiosk.ui.theme import apply_theme
from tests.keyboard_driver import (
    EventLoopWaiter,
    candidates,
    shortcut,
    tap,
    tap_candidate,
    tap_keys,
)
from tests.personas import SHENZHEN_STUDENT
from tests.staff import STAFF_PASSPHRASE, STAFF_PIN, START, many_leads, seed_fair_day

SIZES = {"landscape": (1920, 1080), "portrait": (1080, 1920)}
A_VISITOR = SHENZHEN_STUDENT
OUTCOME_PERSONAS = {
    "likely_eligible": A_VISITOR,
    "eligible_with_conditions": {**A_VISITOR, "birth_date": "2010-11-02", "programme": None},
    "not_eligible": {**A_VISITOR, "nationalities": ["CN", "VN"], "finish_within_3_years": False},
    "not_applicable": {"hong_kong_resident": True},
    "talk_to_staff": {**A_VISITOR, "birth_date": "unsure", "previous_iang": "unsure"},
}
LANGUAGES = ("zh-Hans", "en", "zh-Hant")


def grab(app: QApplication, shell: Shell, path: Path) -> None:
    for _ in range(5):
        app.processEvents()
    shell.screen().grabWindow(shell.winId()).save(str(path))


def wait_for_summary(app: QApplication, shell: Shell) -> None:
    summary = shell.screens[ScreenId.SUMMARY]
    assert isinstance(summary, SummaryScreen)
    while summary.document is None or summary.document.request != shell.summary_request():
        app.processEvents()


def shoot_outcome_below(app: QApplication, shell: Shell, prefix: Path) -> None:
    """The outcome scrolled to its timeline (or where it would be), then to its end."""
    outcome = shell.current
    bar = outcome.scroll_area.verticalScrollBar()
    outcome.scroll_area.ensureWidgetVisible(outcome.timeline_heading, 0, 0)  # type: ignore[attr-defined]
    bar.setValue(max(bar.value(), outcome.timeline_heading.y() - 40))  # type: ignore[attr-defined]
    grab(app, shell, prefix.with_name(f"{prefix.name}-timeline.png"))
    bar.setValue(bar.maximum())
    grab(app, shell, prefix.with_name(f"{prefix.name}-bottom.png"))
    bar.setValue(0)


def shoot_lead_screens(app: QApplication, shell: Shell, prefix: Path) -> None:
    """The consent (under 14, no guardian yet), the form with errors showing, the thank-you."""
    shell.leave_contact()
    consent = shell.screens[ScreenId.LEAD_CONSENT]
    assert isinstance(consent, LeadConsentScreen)
    consent.ages.buttons["under_14"].click()
    consent.consents["consent_contact"].box.click()
    grab(app, shell, prefix.with_name(prefix.name + "-lead-consent-under-14.png"))
    consent.ages.buttons["18_or_over"].click()
    consent.consents["consent_transfer"].box.click()
    consent.go_on.click()
    form = shell.screens[ScreenId.LEAD_FORM]
    assert isinstance(form, LeadFormScreen)
    form.fields["name"].setText("陈大文")
    form.fields["name"].textEdited.emit("陈大文")
    form.fields["phone_number"].setText("1381234")
    form.fields["phone_number"].textEdited.emit("1381234")
    form.fields["email"].setText("chan@")
    form.fields["email"].textEdited.emit("chan@")
    grab(app, shell, prefix.with_name(prefix.name + "-lead-form-errors.png"))
    form.send.click()
    grab(app, shell, prefix.with_name(prefix.name + "-lead-form-after-send.png"))
    for text in ("13812345678", "chan@example.com"):
        field = form.fields["phone_number" if text[0] == "1" else "email"]
        field.setText(text)
        field.textEdited.emit(text)
    form.regions.buttons["CN-GD"].click()
    form.stages.buttons["senior_secondary_3"].click()
    form.send.click()
    grab(app, shell, prefix.with_name(prefix.name + "-lead-thanks.png"))


def shoot_keyboard(app: QApplication, shell: Shell, prefix: Path) -> None:
    """The keyboard as the visitor's language opens it: half-typed with candidates (Pinyin for
    Simplified Chinese), then e-mail with its endings."""
    finger = EventLoopWaiter()
    keyboard = shell.keyboard
    shell.start_visit()
    shell.go_to(ScreenId.LEAD_FORM)
    form = shell.screens[ScreenId.LEAD_FORM]
    assert isinstance(form, LeadFormScreen)
    tap(finger, form.fields["name"])
    finger.waitUntil(lambda: keyboard.is_open)
    finger.wait(400)
    if shell.session.language == "zh-Hans":
        tap_keys(finger, keyboard, "chen")
        tap_candidate(finger, keyboard, "陈")
        tap_keys(finger, keyboard, "dawen")
        finger.waitUntil(lambda: bool(candidates(keyboard)))
    finger.wait(400)
    grab(app, shell, prefix.with_name(prefix.name + "-keyboard-name.png"))
    tap(finger, form.fields["email"])
    finger.waitUntil(lambda: shortcut(keyboard, "@qq.com") is not None)
    tap_keys(finger, keyboard, "chan")
    finger.wait(400)
    grab(app, shell, prefix.with_name(prefix.name + "-keyboard-email.png"))
    shell.reset_visitor("idle")


def shoot_staff_screens(app: QApplication, shell: Shell, prefix: Path, suffix: str) -> None:
    """The staff screens: PIN pad, panel (its top, then scrolled to the charts), event set-up,
    settings and export."""
    language = shell.session.language
    shell.open_staff()  # the visitor's session ends: staff start in the default language
    shell.set_language(language)
    grab(app, shell, prefix.with_name(f"{prefix.name}-staff-pin.png"))
    shell.enter_staff_mode()
    panel = shell.current
    grab(app, shell, prefix.with_name(f"{prefix.name}-staff-panel{suffix}.png"))
    for part in ("charts", "bottom"):
        bar = panel.scroll_area.verticalScrollBar()
        target = panel.charts if part == "charts" else panel.exit  # type: ignore[attr-defined]
        panel.scroll_area.ensureWidgetVisible(target, 0, 0)
        if part == "bottom":
            bar.setValue(bar.maximum())
        grab(app, shell, prefix.with_name(f"{prefix.name}-staff-panel{suffix}-{part}.png"))
    if not suffix:
        for name, screen_id in (
            ("event", ScreenId.STAFF_EVENT),
            ("settings", ScreenId.STAFF_SETTINGS),
            ("export", ScreenId.STAFF_EXPORT),
        ):
            shell.go_to(screen_id)
            grab(app, shell, prefix.with_name(f"{prefix.name}-staff-{name}.png"))
    shell.leave_staff_mode()


def stage_failing_sync(app: QApplication, shell: Shell) -> None:
    """The sync card on a bad fair day: HQ out of reach, three leads of this run waiting besides
    the day's (which need the passphrase), and one lead HQ rejected."""
    services = shell.services
    leads = many_leads(3, start=1000)
    write_leads(services.leads_engine, services.sealer, leads)
    with services.leads_engine.begin() as connection:
        connection.execute(
            update(OutboxRow)
            .where(OutboxRow.lead_id == leads[0]["lead_id"])
            .values(rejected_at=START.isoformat(), rejected_reason=CONFLICT_REASON)
        )
    unreachable = "https://127.0.0.1:9/v1/leads"  # the discard port: refused at once
    shell.apply_settings(replace(services.settings, sync_url=unreachable, sync_token="gz-01"))
    deadline = time.monotonic() + 10
    while load_sync_status(services.leads_engine) is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.05)


def stage_alerts(services: Services) -> None:
    """Three staff alerts at once: the badge on the visitor screens, the card in the panel."""
    alerts = services.alerts
    alerts.raise_alert(AlertKind.DISK_FULL, "The lead could not be saved because the disk is full.")
    alerts.raise_alert(AlertKind.PRINT_FAILED, "A visitor's summary did not print (failed).")
    folder = resources.leads_db_path().with_name("leads-damaged-20260314T083012000000Z")
    alerts.raise_alert(
        AlertKind.LEADS_DB_RECOVERED,
        "The leads database was damaged and moved aside.",
        {"folder": str(folder), "leads": "412"},
    )


def main(out_dir: Path, only: str) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("KIOSK_DATA_DIR", tempfile.mkdtemp(prefix="kiosk-shots-"))
    configure_input_method()  # as the kiosk does
    app = QApplication(sys.argv)
    apply_theme(app)
    services = open_services(resources.content_db_path(), resources.leads_db_path())
    shell = Shell(services, Translations())
    shell.setWindowFlag(Qt.WindowType.FramelessWindowHint)
    for orientation, (width, height) in SIZES.items():  # the first start: staff set-up
        shell.setGeometry(0, 0, width, height)
        shell.show()
        for language in LANGUAGES:
            shell.set_language(language)
            grab(app, shell, out_dir / f"{orientation}-{language}-staff-setup.png")
    services.staff.set_pin(STAFF_PIN)
    set_up_vault(services.leads_engine, STAFF_PASSPHRASE)
    no_network = services.settings
    booth = replace(
        no_network,
        booth_address="127.0.0.1",
        booth_port=8765,
        booth_wifi_name="VTC-Booth",
        booth_wifi_password="vpas2026",
    )
    screens = [
        ("attract", ScreenId.ATTRACT, {}),
        ("language", ScreenId.LANGUAGE, {}),
        ("home", ScreenId.HOME, {}),
        ("sectors", ScreenId.SECTORS, {}),
        ("sector", ScreenId.SECTOR, {"sector": "hotel-tourism"}),
        ("sector-it", ScreenId.SECTOR, {"sector": "innovation-technology"}),
        ("programme", ScreenId.PROGRAMME, {"programme": "software-engineering"}),
        ("shortlist", ScreenId.SHORTLIST, {}),
        ("search", ScreenId.SEARCH, {}),
        ("about", ScreenId.ABOUT, {}),
        ("support", ScreenId.SUPPORT, {}),
        ("contacts", ScreenId.CONTACTS, {}),
    ]
    for orientation, (width, height) in SIZES.items():
        shell.setGeometry(0, 0, width, height)
        shell.show()
        shell.activateWindow()  # no window manager under Xvfb to do it
        for language in LANGUAGES:
            shell.set_language(language)
            shell.session.shortlist[:] = ["software-engineering", "culinary-arts"]
            shell.signals.shortlist_changed.emit()
            for name, screen_id, params in screens:
                if only not in name:
                    continue
                shell.go_to(screen_id, **params)
                if screen_id == ScreenId.SEARCH:
                    shell.screens[screen_id].field.setText("rj")  # type: ignore[attr-defined]
                grab(app, shell, out_dir / f"{orientation}-{language}-{name}.png")
            shell.session.answers.clear()
            shell.session.answers.update(A_VISITOR)
            for key in A_VISITOR:
                shell.go_to(ScreenId.ELIGIBILITY, question=key)
                grab(app, shell, out_dir / f"{orientation}-{language}-question-{key}.png")
            for outcome, answers in OUTCOME_PERSONAS.items():
                shell.session.answers.clear()
                shell.session.answers.update(answers)
                shell.finish_eligibility()
                grab(app, shell, out_dir / f"{orientation}-{language}-outcome-{outcome}.png")
                shoot_outcome_below(
                    app, shell, out_dir / f"{orientation}-{language}-outcome-{outcome}"
                )
            for network, settings in (("no-network", no_network), ("booth-network", booth)):
                services.settings = settings
                shell.go_to(ScreenId.HOME)
                shell.screens[ScreenId.SUMMARY].reset()
                shell.go_to(ScreenId.SUMMARY)
                wait_for_summary(app, shell)
                grab(app, shell, out_dir / f"{orientation}-{language}-summary-{network}.png")
            services.settings = no_network
            shoot_lead_screens(app, shell, out_dir / f"{orientation}-{language}")
            shell.set_language(language)
            shoot_keyboard(app, shell, out_dir / f"{orientation}-{language}")
            shell.set_language(language)
            shoot_staff_screens(app, shell, out_dir / f"{orientation}-{language}", "-empty")
    catalog = services.catalog
    seed_fair_day(
        services.leads_engine,
        [sector.code for sector in catalog.sectors],
        [programme.code for programme in catalog.programmes],
    )
    stage_failing_sync(app, shell)
    for orientation, (width, height) in SIZES.items():
        shell.setGeometry(0, 0, width, height)
        for language in LANGUAGES:
            shell.set_language(language)
            shoot_staff_screens(app, shell, out_dir / f"{orientation}-{language}", "")
    stage_alerts(services)
    for orientation, (width, height) in SIZES.items():
        shell.setGeometry(0, 0, width, height)
        for language in LANGUAGES:
            shell.set_language(language)
            for name, screen_id in (("attract", ScreenId.ATTRACT), ("home", ScreenId.HOME)):
                shell.go_to(screen_id)
                grab(app, shell, out_dir / f"{orientation}-{language}-alert-{name}.png")
            shoot_staff_screens(app, shell, out_dir / f"{orientation}-{language}", "-alerts")
    shell.overlay.begin()
    grab(app, shell, out_dir / "portrait-idle-overlay.png")
    shell.overlay.cancel()
    shell.close_services()
    services.close()


if __name__ == "__main__":
    # An optional second argument keeps only the plain screens whose name contains it.
    main(
        Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots"),
        sys.argv[2] if len(sys.argv) > 2 else "",
    )
