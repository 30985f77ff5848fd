"""The staff panel: the event, today's and all counts, the sync to HQ, the statistics as charts,
the printer, and the ways to set up, export, change settings, remove old leads and leave."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from kiosk.lead_records import count_purgeable_leads, purge_confirmed_leads
from kiosk.lead_vault import WrongPassphrase
from kiosk.staff_alerts import AlertKind
from kiosk.statistics import Scope, Statistics, collect_statistics
from kiosk.sync import RelayState, load_sync_status, outbox_counts, rejected_leads
from kiosk.ui.printing import PrintJob, PrintProblem
from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screens.staff_base import StaffScreen, text_field
from kiosk.ui.widgets.charts import ChartTexts, StatisticsCharts
from kiosk.ui.widgets.choice_grid import ChoiceGrid
from kiosk.ui.widgets.common import button, card, label
from kiosk.ui.widgets.staff_alerts import AlertCard

REFRESH_MS = 30_000
COUNT_KEYS = ("sessions", "leads", "unsynced_leads")
REJECTED_SHOWN = 5


class StaffPanelScreen(StaffScreen):
    screen_id = ScreenId.STAFF_PANEL
    back_to: ClassVar[ScreenId | None] = None

    def __init__(self, shell):  # type: ignore[no-untyped-def]
        super().__init__(shell)
        body = self.staff_page()
        self.statistics: Statistics | None = None
        self._print_job: PrintJob | None = None
        self._armed: str | None = None  # the action waiting for its confirming second tap

        self.alerts = AlertCard(self.shell.services.dismiss_alert)
        body.addWidget(self.alerts)
        self.shell.signals.alerts_changed.connect(self._show_alerts)
        self._show_alerts()

        event_card, event_column = card()
        self.event_line = label("", "subtitle")
        self.event_line.setObjectName("eventLine")
        self.kiosk_line = label("", "small")
        event_column.addWidget(self.event_line)
        event_column.addWidget(self.kiosk_line)
        body.addWidget(event_card)

        counts_card, counts_column = card()
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        self.count_captions = {key: label("", "small") for key in COUNT_KEYS}
        self.row_captions = {"today": label("", "fieldLabel"), "total": label("", "fieldLabel")}
        self.count_values: dict[tuple[str, str], QLabel] = {}
        for column, key in enumerate(COUNT_KEYS, start=1):
            grid.addWidget(self.count_captions[key], 0, column)
        for row, period in enumerate(("today", "total"), start=1):
            grid.addWidget(self.row_captions[period], row, 0)
            for column, key in enumerate(COUNT_KEYS, start=1):
                value = label("0", "title", wrap=False)
                value.setObjectName(f"count-{period}-{key}")
                self.count_values[(period, key)] = value
                grid.addWidget(value, row, column)
        counts_column.addLayout(grid)
        body.addWidget(counts_card)
        self._build_sync_card(body)

        self.scope = ChoiceGrid(2)
        self.scope.setObjectName("statisticsScope")
        self.scope.set_choices([(Scope.TODAY, ""), (Scope.ALL, "")])
        self.scope.set_checked([Scope.TODAY])
        self.scope.chosen.connect(lambda _scope: self.refresh())
        body.addWidget(self.scope)
        # Made on the first visit: five charts cost the kiosk's start-up time, and most days
        # only staff ever open the panel.
        self.charts: StatisticsCharts | None = None
        self._body = body
        self._charts_index = body.count()

        self.action_buttons: dict[str, QPushButton] = {}
        actions = QGridLayout()
        actions.setSpacing(16)
        for index, key in enumerate(("event", "export", "settings")):
            action = button("", "primary" if key == "export" else "secondary")
            action.setObjectName(f"staff-{key}")
            self.action_buttons[key] = action
            actions.addWidget(action, 0, index)
        body.addLayout(actions)
        self.action_buttons["event"].clicked.connect(lambda: self.shell.go_to(ScreenId.STAFF_EVENT))
        self.action_buttons["export"].clicked.connect(
            lambda: self.shell.go_to(ScreenId.STAFF_EXPORT)
        )
        self.action_buttons["settings"].clicked.connect(
            lambda: self.shell.go_to(ScreenId.STAFF_SETTINGS)
        )

        printer_card, printer_column = card()
        self.printer_status = label("", "body")
        self.printer_status.setObjectName("printerStatus")
        self.test_page = button("", "secondary")
        self.test_page.setObjectName("printTestPage")
        self.test_page.clicked.connect(self.print_test_page)
        printer_column.addWidget(self.printer_status)
        printer_column.addWidget(self.test_page)
        body.addWidget(printer_card)

        retention_card, retention_column = card()
        self.retention_line = label("", "body")
        self.retention_line.setObjectName("retentionLine")
        self.purge = button("", "secondary")
        self.purge.setObjectName("purgeLeads")
        self.purge.clicked.connect(self.purge_leads)
        retention_column.addWidget(self.retention_line)
        retention_column.addWidget(self.purge)
        body.addWidget(retention_card)

        exit_row = QHBoxLayout()
        self.exit_note = label("", "small")
        self.exit = button("", "secondary")
        self.exit.setObjectName("exitToDesktop")
        self.exit.clicked.connect(self.exit_to_desktop)
        exit_row.addWidget(self.exit_note, 1)
        exit_row.addWidget(self.exit)
        body.addLayout(exit_row)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self._refresh_if_shown)

    def _build_sync_card(self, body: QVBoxLayout) -> None:
        sync_card, sync_column = card()
        self.sync_title = label("", "subtitle")
        self.sync_waiting = label("", "body")
        self.sync_waiting.setObjectName("syncWaiting")
        self.sync_last = label("", "body")
        self.sync_last.setObjectName("syncLast")
        self.sync_progress = QProgressBar()
        self.sync_progress.setObjectName("syncProgress")
        self.sync_progress.setMinimumHeight(48)
        self.sync_progress.hide()
        self.sync_rejected = label("", "small")
        self.sync_rejected.setObjectName("syncRejected")
        self.sync_passphrase = text_field("sync-passphrase", secret=True)
        self.sync_now = button("", "primary")
        self.sync_now.setObjectName("syncNow")
        self.sync_now.clicked.connect(self.start_sync)
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(self.sync_passphrase, 1)
        row.addWidget(self.sync_now)
        for widget in (
            self.sync_title,
            self.sync_waiting,
            self.sync_rejected,
            self.sync_last,
            self.sync_progress,
        ):
            sync_column.addWidget(widget)
        sync_column.addLayout(row)
        body.addWidget(sync_card)
        self.relay_state: RelayState | None = None
        self.shell.signals.sync_changed.connect(self._relay_changed)

    def _show_alerts(self) -> None:
        self.alerts.show_alerts(self.shell.services.alerts.active)

    # texts ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.retranslate_header(self.tr("Staff panel"))
        self.row_captions["today"].setText(self.tr("Today"))
        self.row_captions["total"].setText(self.tr("All days"))
        self.count_captions["sessions"].setText(self.tr("Visitors"))
        self.count_captions["leads"].setText(self.tr("Leads"))
        self.count_captions["unsynced_leads"].setText(self.tr("Not yet at HQ"))
        self.scope.set_texts(
            {Scope.TODAY: self.tr("Charts: today"), Scope.ALL: self.tr("Charts: all days")}
        )
        self.action_buttons["event"].setText(self.tr("Event set-up"))
        self.action_buttons["export"].setText(self.tr("Export leads"))
        self.action_buttons["settings"].setText(self.tr("Settings"))
        self.test_page.setText(self.tr("Print a test page"))
        self.sync_title.setText(self.tr("Sync to HQ"))
        self.sync_now.setText(self.tr("Sync now"))
        self.sync_passphrase.setPlaceholderText(self.tr("Staff passphrase"))
        self.exit_note.setText(
            self.tr("Closes the kiosk app and shows the computer's desktop (for IT staff).")
        )
        self._armed = None
        if self.isVisible():
            self.refresh()

    def chart_texts(self) -> ChartTexts:
        language = self.language
        return ChartTexts(
            hourly_title=self.tr("Visitors and leads per hour, today"),
            sessions=self.tr("Visitors"),
            leads=self.tr("Leads"),
            outcomes_title=self.tr("Eligibility check results"),
            outcome_labels={
                "likely_eligible": self.tr("Likely eligible"),
                "eligible_with_conditions": self.tr("Eligible with conditions"),
                "not_eligible": self.tr("Not eligible"),
                "not_applicable": self.tr("Local student"),
                "talk_to_staff": self.tr("Talk to staff"),
            },
            sectors_title=self.tr("Most viewed sectors"),
            sector_names={s.code: s.name.get(language) for s in self.catalog.sectors},
            programmes_title=self.tr("Most viewed programmes"),
            programme_names={p.code: p.name.get(language) for p in self.catalog.programmes},
            share_title=self.tr("Visitors who left contact details"),
            left_contact=self.tr("Left contact details"),
            did_not=self.tr("Did not"),
            no_data=self.tr("No data yet"),
        )

    # showing --------------------------------------------------------------------------------
    def enter(self, **params: str) -> None:
        if self.charts is None:
            self.charts = StatisticsCharts()
            self._body.insertWidget(self._charts_index, self.charts)
        self._armed = None
        self.refresh()
        self.scroll_area.verticalScrollBar().setValue(0)  # the counts first, on every visit
        self._refresh_timer.start()

    def _refresh_if_shown(self) -> None:
        if self.shell.current is self:
            self.refresh()
        else:
            self._refresh_timer.stop()

    def refresh(self) -> None:
        self._armed = None  # an unconfirmed first tap does not outlive a refresh
        services = self.shell.services
        now = services.clock.now()
        [scope] = self.scope.checked() or [Scope.TODAY]
        self.statistics = collect_statistics(services.leads_engine, now, Scope(str(scope)))
        for period, counts in (("today", self.statistics.today), ("total", self.statistics.total)):
            for key in COUNT_KEYS:
                self.count_values[(period, key)].setText(f"{getattr(counts, key):,}")
        if self.charts is not None:
            self.charts.show_statistics(self.statistics, self.chart_texts())
        event = services.event
        self.event_line.setText(
            self.tr("%1 · %2 · %3 to %4")
            .replace("%1", event.name)
            .replace("%2", event.city)
            .replace("%3", event.starts_on.isoformat())
            .replace("%4", event.ends_on.isoformat())
            if event
            else self.tr("No event set up yet: tap Event set-up before the doors open.")
        )
        self.kiosk_line.setText(self.tr("Kiosk id: %1").replace("%1", services.kiosk_id))
        self._show_alerts()  # in the staff's language
        self._show_printer()
        self._show_sync()
        self._show_retention()
        self.purge.setText(self.tr("Remove them"))
        self.exit.setText(self.tr("Exit to the desktop"))

    def _show_printer(self) -> None:
        problem = self.shell.printer.problem()
        self.printer_status.setText(
            {
                None: self.tr("Printer: ready"),
                PrintProblem.NO_PRINTER: self.tr("Printer: none found. Check the cable and power."),
                PrintProblem.OFFLINE: self.tr("Printer: not ready (paper, toner or a jam?)"),
            }.get(problem, self.tr("Printer: not ready"))
        )
        self.test_page.setEnabled(problem is None and self._print_job is None)

    def _show_sync(self) -> None:
        services = self.shell.services
        engine = services.leads_engine
        opener = self.shell.lead_opener()
        counts = outbox_counts(engine, opener or services.sealer)
        lines = [self.tr("Not yet at HQ: %n lead(s).", "", counts.waiting)]
        if counts.locked:
            lines.append(
                self.tr(
                    "%n of them, from before the kiosk last started, need the staff passphrase.",
                    "",
                    counts.locked,
                )
            )
        if counts.rejected:
            lines.append(self.tr("HQ rejected %n lead(s):", "", counts.rejected))
        self.sync_waiting.setText("\n".join(lines))  # one per line: no spaces between in Chinese
        self.sync_rejected.setText(
            "\n".join(
                f"{_local_time(lead.created_at)}  ·  {lead.lead_id[:8]}  ·  {lead.reason}"
                for lead in rejected_leads(engine, REJECTED_SHOWN)
            )
        )
        self.sync_rejected.setVisible(counts.rejected > 0)
        self.sync_passphrase.setVisible(counts.locked > 0)
        configured = bool(services.settings.sync_url)
        self.sync_now.setEnabled(configured and counts.waiting > 0)
        self.sync_last.setText(
            self._last_attempt()
            if configured
            else self.tr("No sync address is set: add HQ's address and token in Settings.")
        )
        self._show_progress()

    def _show_progress(self) -> None:
        state = self.relay_state
        busy = state is not None and state.busy and state.to_send > 0
        self.sync_progress.setVisible(busy)
        if busy and state is not None:
            self.sync_progress.setRange(0, state.to_send)
            self.sync_progress.setValue(state.sent)

    def _last_attempt(self) -> str:
        status = load_sync_status(self.shell.services.leads_engine)
        if status is None:
            return self.tr("No attempt yet.")
        at = _local_time(status.attempted_at)
        if status.result == "ok":
            text = self.tr("Last sync %1: %n lead(s) sent, all at HQ.", "", status.sent)
        else:  # HQ's or the network's own words: staff may need to pass them on to IT
            text = self.tr("Last attempt %1 failed: %2")
        text = text.replace("%1", at).replace("%2", status.message)
        state = self.relay_state
        if status.result != "ok" and state is not None and state.retry_in_s is not None:
            text += " " + self.tr("Trying again within %n second(s).", "", round(state.retry_in_s))
        return text

    @Slot(object)
    def _relay_changed(self, state: RelayState) -> None:
        self.relay_state = state
        if self.shell.current is not self:
            return
        if state.busy:  # a batch went: only the bar moves; the counts once the round is over
            self._show_progress()
        else:
            self._show_sync()

    def start_sync(self) -> None:
        if self.sync_passphrase.isVisible() and self.sync_passphrase.text():
            try:
                self.shell.unlock_leads(self.sync_passphrase.text())
            except WrongPassphrase:
                self.sync_last.setText(self.tr("The staff passphrase is not right."))
                return
            finally:
                self.sync_passphrase.clear()
        self.shell.services.sync_now()
        self.sync_last.setText(self.tr("Sending to HQ…"))

    def _show_retention(self) -> None:
        services = self.shell.services
        months = services.settings.retention_months
        count = count_purgeable_leads(services.leads_engine, services.clock.now(), months)
        self.retention_line.setText(
            self.tr(
                "%n lead(s) confirmed by HQ are older than %1 months, the period visitors "
                "were told.",
                "",
                count,
            ).replace("%1", str(months))
        )
        self.purge.setEnabled(count > 0)

    # actions --------------------------------------------------------------------------------
    def _confirmed(self, action: str, target: QPushButton, question: str) -> bool:
        """A second tap on the same button confirms; the first one asks."""
        if self._armed == action:
            self._armed = None
            return True
        self._armed = action
        target.setText(question)
        return False

    def purge_leads(self) -> None:
        if not self._confirmed("purge", self.purge, self.tr("Tap again to remove them")):
            return
        services = self.shell.services
        removed = purge_confirmed_leads(
            services.leads_engine, services.clock.now(), services.settings.retention_months
        )
        self.refresh()
        self.retention_line.setText(self.tr("%n lead(s) removed.", "", removed))

    def exit_to_desktop(self) -> None:
        if self._confirmed("exit", self.exit, self.tr("Tap again to exit")):
            app = QApplication.instance()
            assert app is not None
            app.quit()

    def print_test_page(self) -> None:
        from kiosk.summary_pdf import build_test_page_pdf  # reportlab: loaded when first needed

        services = self.shell.services
        event = services.event
        pdf = build_test_page_pdf(
            services.kiosk_id,
            f"{event.name} · {event.city}" if event else "-",
            services.clock.now().astimezone().strftime("%Y-%m-%d %H:%M"),
        )
        job = PrintJob(self.shell.printer, pdf, self)
        job.succeeded.connect(self._test_page_printed)
        job.failed.connect(lambda _problem: self._printed(self.tr("The test page failed.")))
        self._print_job = job
        self.test_page.setEnabled(False)
        self.printer_status.setText(self.tr("Printing a test page…"))
        job.start()

    def _test_page_printed(self) -> None:
        self.shell.services.alerts.clear(AlertKind.PRINT_FAILED)  # the printer works again
        self._printed(self.tr("Test page printed."))

    def _printed(self, message: str) -> None:
        self._print_job = None
        self._show_printer()
        self.printer_status.setText(message + "  " + self.printer_status.text())


def _local_time(timestamp: str) -> str:
    """An ISO 8601 UTC timestamp as staff read it: the kiosk's local date and time."""
    return datetime.fromisoformat(timestamp).astimezone().strftime("%m-%d %H:%M")
