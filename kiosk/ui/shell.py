"""The shell: owns the screens' QStackedWidget, navigation (go_to/back), the visitor's session,
the language, and the idle reset."""

from __future__ import annotations

import logging
from datetime import date, timedelta

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.analytics import EventKind
from kiosk.eligibility import EligibilityOutcome, evaluate, parse_answers
from kiosk.l10n import Language
from kiosk.lead_vault import LeadOpener, unlock, vault_is_set_up
from kiosk.leads import LeadDraft
from kiosk.services import Services
from kiosk.session import VisitorSession
from kiosk.settings import Settings
from kiosk.share import ShareError, ShareServer
from kiosk.summary import OfficialLink, SummaryRequest, official_links
from kiosk.ui.background import wait_for_background_work
from kiosk.ui.i18n import LANGUAGE_BUTTONS, Translations
from kiosk.ui.idle import IdleOverlay, IdleWatcher
from kiosk.ui.keyboard import OnScreenKeyboard
from kiosk.ui.printing import Printer, QtPrinter
from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screens.about import AboutScreen
from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.contacts import ContactsScreen
from kiosk.ui.screens.eligibility import EligibilityScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.language import LanguageScreen
from kiosk.ui.screens.lead_consent import LeadConsentScreen
from kiosk.ui.screens.lead_form import LeadFormScreen
from kiosk.ui.screens.lead_thanks import LeadThanksScreen
from kiosk.ui.screens.outcome import OutcomeScreen
from kiosk.ui.screens.programme import ProgrammeScreen
from kiosk.ui.screens.search import SearchScreen
from kiosk.ui.screens.sector import SectorScreen
from kiosk.ui.screens.sectors import SectorsScreen
from kiosk.ui.screens.shortlist import ShortlistScreen
from kiosk.ui.screens.staff_event import StaffEventScreen
from kiosk.ui.screens.staff_export import StaffExportScreen
from kiosk.ui.screens.staff_panel import StaffPanelScreen
from kiosk.ui.screens.staff_pin import StaffPinScreen
from kiosk.ui.screens.staff_settings import StaffSettingsScreen
from kiosk.ui.screens.staff_setup import StaffSetupScreen
from kiosk.ui.screens.summary import SummaryScreen
from kiosk.ui.screens.support import SupportScreen
from kiosk.ui.signals import AppSignals
from kiosk.ui.staff_gesture import CornerHold
from kiosk.ui.widgets.common import button, label, svg_icon
from kiosk.ui.widgets.staff_alerts import AlertBadge

SCREENS: tuple[type[Screen], ...] = (
    AttractScreen,
    LanguageScreen,
    HomeScreen,
    SectorsScreen,
    SectorScreen,
    ProgrammeScreen,
    ShortlistScreen,
    SearchScreen,
    AboutScreen,
    SupportScreen,
    ContactsScreen,
    EligibilityScreen,
    OutcomeScreen,
    SummaryScreen,
    LeadConsentScreen,
    LeadFormScreen,
    LeadThanksScreen,
    StaffSetupScreen,
    StaffPinScreen,
    StaffPanelScreen,
    StaffEventScreen,
    StaffSettingsScreen,
    StaffExportScreen,
)
logger = logging.getLogger(__name__)
# Screens that begin a new history: Back never leads from them into what came before.
HISTORY_STARTS = frozenset(
    {
        ScreenId.ATTRACT,
        ScreenId.LANGUAGE,
        ScreenId.HOME,
        ScreenId.LEAD_THANKS,
        ScreenId.STAFF_SETUP,
        ScreenId.STAFF_PIN,
        ScreenId.STAFF_PANEL,
    }
)
WIDE_BAR_MIN_WIDTH = 1400


class TopBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("topBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(20, 12, 20, 12)
        layout.setSpacing(12)
        self.back = button("", "bar")
        self.home = button("", "bar")
        self.search = button("", "bar")
        for widget, icon in ((self.back, "back"), (self.home, "home"), (self.search, "search")):
            widget.setIcon(svg_icon("ui", icon, 40, "white"))
            widget.setIconSize(QSize(40, 40))
        self.title = label("", "barTitle", wrap=False)
        self.title.setMinimumWidth(80)
        self.shortlist = button("", "listBar")
        self.shortlist.setObjectName("shortlistButton")
        self.languages: dict[Language, QPushButton] = {}
        layout.addWidget(self.back)
        layout.addWidget(self.home)
        layout.addWidget(self.title, 1)
        layout.addWidget(self.search)
        layout.addWidget(self.shortlist)
        for language, name in LANGUAGE_BUTTONS:
            choice = button(name, "lang")
            choice.setCheckable(True)
            choice.setObjectName(f"lang-{language}")
            self.languages[language] = choice
            layout.addWidget(choice)


class Shell(QWidget):
    def __init__(
        self, services: Services, translations: Translations, printer: Printer | None = None
    ) -> None:
        super().__init__()
        self.setObjectName("shell")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.services = services
        self.translations = translations
        self.signals = AppSignals(self)
        self.session = VisitorSession(language=services.settings.default_language)
        self.visit_started = False
        self._history: list[tuple[ScreenId, dict[str, str]]] = []
        self.printer: Printer = printer or QtPrinter(services.settings.printer_name)
        self._share: ShareServer | None = None
        self._share_settings: tuple[str, int, int] | None = None  # what _share was started for

        self.top_bar = TopBar()
        self.stack = QStackedWidget()
        self.stack.setObjectName("screens")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.top_bar)
        layout.addWidget(self.stack, 1)
        self.keyboard = OnScreenKeyboard(self)
        layout.addWidget(self.keyboard)

        self.top_bar.back.clicked.connect(self.back)
        self.top_bar.home.clicked.connect(lambda: self.go_to(ScreenId.HOME))
        self.top_bar.search.clicked.connect(lambda: self.go_to(ScreenId.SEARCH))
        self.top_bar.shortlist.clicked.connect(lambda: self.go_to(ScreenId.SHORTLIST))
        for language, choice in self.top_bar.languages.items():
            choice.clicked.connect(lambda _=False, lang=language: self.set_language(lang))

        self._apply_language(self.session.language)
        self.screens: dict[ScreenId, Screen] = {}
        for screen_class in SCREENS:
            screen = screen_class(self)
            # A screen scrolls or fits; it never makes the window bigger than the display.
            screen.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
            self.screens[screen.screen_id] = screen
            self.stack.addWidget(screen)
            screen.retranslate()

        settings = services.settings
        self.idle = IdleWatcher(settings.idle_timeout_s * 1000, self)
        self.idle.idle.connect(self._ask_if_still_there)
        self.overlay = IdleOverlay(settings.idle_countdown_s, self)
        self.overlay.stay.connect(self.idle.start)
        self.overlay.expired.connect(lambda: self.reset_visitor("idle"))
        self.staff_mode = False
        self._unlocked: tuple[date, LeadOpener] | None = None
        self.staff_idle = IdleWatcher(settings.staff_idle_s * 1000, self)
        self.staff_idle.idle.connect(self.leave_staff_mode)
        self.corner_hold = CornerHold(self)
        self.corner_hold.held.connect(self.open_staff)
        self.alert_badge = AlertBadge(self, self.stack)
        self.signals.alerts_changed.connect(self._show_alert_badge)
        self._alerts_listener = self.signals.alerts_changed.emit  # kept to unsubscribe
        services.alerts.subscribe(self._alerts_listener)
        services.start_sync(self.lead_opener, self.signals.sync_changed.emit)
        self._refresh_chrome()
        if self.staff_setup_needed():
            self.open_staff()  # the first start: staff choose a PIN and passphrase first
        else:
            self.go_to(ScreenId.ATTRACT)

    # navigation -----------------------------------------------------------------------------
    @property
    def current(self) -> Screen:
        widget = self.stack.currentWidget()
        assert isinstance(widget, Screen)
        return widget

    def go_to(self, screen_id: ScreenId, **params: str) -> None:
        """The one way to change screen: show ``screen_id`` for ``params``."""
        screen = self.screens[screen_id]
        screen.enter(**params)
        if screen_id in HISTORY_STARTS:
            self._history.clear()
        self._history.append((screen_id, params))
        self._show(screen)

    def back(self) -> None:
        if len(self._history) > 1:
            self._history.pop()
            screen_id, params = self._history[-1]
            screen = self.screens[screen_id]
            screen.enter(**params)
            self._show(screen)
        else:
            self.go_to(ScreenId.HOME)

    def _show(self, screen: Screen) -> None:
        if self.stack.currentWidget() is not screen:
            self.keyboard.put_away()  # its field has left the screen
        self.stack.setCurrentWidget(screen)
        self.top_bar.setVisible(screen.shows_top_bar)
        self._refresh_chrome()
        self._show_alert_badge()
        if screen.screen_id == ScreenId.SECTOR:
            self.record(EventKind.SECTOR_VIEW, self._history[-1][1].get("sector"))
        elif screen.screen_id == ScreenId.PROGRAMME:
            self.record(EventKind.PROGRAMME_VIEW, self._history[-1][1].get("programme"))
        self.signals.screen_shown.emit(screen.screen_id.value)

    def _refresh_chrome(self) -> None:
        bar = self.top_bar
        bar.title.setText(self.current.title())
        bar.back.setVisible(len(self._history) > 1)
        bar.home.setVisible(self.current.screen_id != ScreenId.HOME)
        count = len(self.session.shortlist)
        bar.shortlist.setText(self.tr("My list (%1)").replace("%1", str(count)))
        # Narrow (portrait) displays: icons only, and the screen's own heading as title.
        wide = self.width() >= WIDE_BAR_MIN_WIDTH
        bar.title.setVisible(wide)
        bar.back.setText(self.tr("Back") if wide else "")
        bar.home.setText(self.tr("Home") if wide else "")
        bar.search.setText(self.tr("Search") if wide else "")
        for language, choice in bar.languages.items():
            choice.setChecked(language == self.session.language)

    def _show_alert_badge(self) -> None:
        alerts = len(self.services.alerts.active)
        self.alert_badge.set_visible_for(alerts, self.current_is_staff())

    # the visitor ------------------------------------------------------------------------------
    def start_visit(self) -> None:
        """The first touch on the attract loop: a new visitor's session begins."""
        self.visit_started = True
        self.idle.start()
        self.record(EventKind.SESSION_START, self.session.language)
        self.go_to(ScreenId.LANGUAGE)

    def set_language(self, language: Language) -> None:
        """Switch every text in place: UI strings (Qt translator) and content (catalog)."""
        self.session.language = language
        self._apply_language(language)
        for screen in self.screens.values():
            screen.retranslate()
        self.overlay.retranslate()
        self._refresh_chrome()
        if self.visit_started:
            self.record(EventKind.LANGUAGE, language)
        self.signals.language_changed.emit(language)

    def _apply_language(self, language: Language) -> None:
        """The language outside the screens: Qt's translator and the keyboard."""
        self.translations.apply(language)
        self.keyboard.set_language(language)

    def toggle_shortlist(self, programme_code: str) -> None:
        added = self.session.toggle(programme_code)
        self.record(
            EventKind.SHORTLIST_ADD if added else EventKind.SHORTLIST_REMOVE, programme_code
        )
        self._refresh_chrome()
        self.signals.shortlist_changed.emit()

    def record(
        self, kind: EventKind, subject: str | None = None, detail: str | None = None
    ) -> None:
        if self.visit_started:
            self.services.analytics.record(
                self.session.session_id,
                kind,
                subject,
                language=self.session.language,
                detail=detail,
            )

    def _evaluate_answers(self) -> EligibilityOutcome:
        catalog = self.services.catalog
        answers = parse_answers(self.session.answers, catalog.rules, catalog.programme_codes)
        return evaluate(answers, catalog.rules, self.session.language)

    def eligibility_result(self) -> EligibilityOutcome | None:
        """The outcome of the visitor's answers, in their current language (None before any)."""
        return None if self.session.outcome is None else self._evaluate_answers()

    def finish_eligibility(self) -> None:
        """The last answer is in: keep the outcome with the visitor and show it."""
        result = self._evaluate_answers()
        self.session.outcome = result.to_json()
        self.record(EventKind.ELIGIBILITY_OUTCOME, result.outcome)
        self.go_to(ScreenId.OUTCOME)

    def leave_contact(self, programme_code: str | None = None) -> None:
        """Open the contact form, its programmes prefilled from the list (and this programme)."""
        lead = self.session.lead
        if not lead.contact_language:  # a fresh form
            lead.contact_language = self.session.language
            lead.programme_codes = list(self.session.shortlist)
        if programme_code and programme_code not in lead.programme_codes:
            lead.programme_codes.append(programme_code)
        self.go_to(ScreenId.LEAD_CONSENT)

    def lead_sent(self) -> None:
        """The visitor's details are committed: forget the form, so nothing leads back into it."""
        self.record(EventKind.LEAD_SAVED)
        self.session.lead = LeadDraft()
        for screen_id in (ScreenId.LEAD_CONSENT, ScreenId.LEAD_FORM):
            self.screens[screen_id].reset()
        self.go_to(ScreenId.LEAD_THANKS)

    # the visitor's summary --------------------------------------------------------------------
    def summary_request(self) -> SummaryRequest:
        """What the visitor's summary holds right now: their list, outcome and language."""
        clock = self.services.clock
        return SummaryRequest(
            self.session.language,
            tuple(self.session.shortlist),
            self.eligibility_result(),
            clock.now().astimezone().date(),  # the fair's local date
        )

    def official_links(self) -> tuple[OfficialLink, ...]:
        """The links screens and the summary show: ImmD's, and those staff gave addresses."""
        return official_links(self.services.catalog, self.services.settings.link_overrides)

    def share_server(self) -> ShareServer | None:
        """The booth-network server for summaries, started on first use; None without one."""
        settings = self.services.settings
        wanted = (settings.booth_address, settings.booth_port, settings.share_minutes)
        if self._share is not None and self._share_settings != wanted:
            self._stop_share_server()  # staff changed or removed the booth network
        if not settings.booth_network:
            return None
        if self._share is None and self._share_settings != wanted:
            self._share_settings = wanted
            server = ShareServer(
                settings.booth_address,
                settings.booth_port,
                lifetime=timedelta(minutes=settings.share_minutes),
            )
            try:
                server.start()
            except ShareError:
                # Shown as "not on a booth network"; staff see why in the log. Not retried
                # for every visitor: only when staff change the booth settings.
                logger.exception("The summary share server could not start")
                return None
            self._share = server
        return self._share

    def _ask_if_still_there(self) -> None:
        if self.current.screen_id != ScreenId.ATTRACT and not self.current_is_staff():
            self.overlay.begin()

    # booth staff ------------------------------------------------------------------------------
    def staff_setup_needed(self) -> bool:
        services = self.services
        return not (services.staff.pin_is_set() and vault_is_set_up(services.leads_engine))

    def open_staff(self) -> None:
        """The corner held (or the first start): the visitor's session ends; the PIN pad shows,
        or the set-up when staff have not chosen a PIN and passphrase yet."""
        if self.current_is_staff():
            return
        self.reset_visitor(
            "staff",
            ScreenId.STAFF_SETUP if self.staff_setup_needed() else ScreenId.STAFF_PIN,
        )
        self.staff_idle.start()

    def current_is_staff(self) -> bool:
        widget = self.stack.currentWidget()
        return isinstance(widget, Screen) and widget.for_staff

    def enter_staff_mode(self) -> None:
        """The right PIN (or a finished set-up): the staff panel, until left or left alone."""
        self.staff_mode = True
        self.staff_idle.start()
        self.go_to(ScreenId.STAFF_PANEL)

    def leave_staff_mode(self) -> None:
        if self.staff_setup_needed():
            self.staff_idle.start()  # no visitor may use the kiosk before the set-up
            return
        self.staff_mode = False
        self.staff_idle.stop()
        self.reset_visitor("staff")

    def lead_opener(self) -> LeadOpener | None:
        """The vault unlocked with the passphrase today, if staff did (it locks at midnight)."""
        today = self.services.clock.now().astimezone().date()
        if self._unlocked is not None and self._unlocked[0] == today:
            return self._unlocked[1]
        self._unlocked = None
        return None

    def unlock_leads(self, passphrase: str) -> LeadOpener:
        """Raises WrongPassphrase."""
        opener = unlock(self.services.leads_engine, passphrase)
        self._unlocked = (self.services.clock.now().astimezone().date(), opener)
        self.services.sync_now()  # the leads of earlier runs can go to HQ now
        return opener

    def apply_settings(self, settings: Settings) -> None:
        """Staff saved settings: keep them and let the running kiosk follow at once."""
        self.services.change_settings(settings)
        self.idle.set_timeout(settings.idle_timeout_s * 1000)
        self.overlay.set_seconds(settings.idle_countdown_s)
        self.staff_idle.set_timeout(settings.staff_idle_s * 1000)

    def reset_visitor(self, reason: str, then: ScreenId = ScreenId.ATTRACT) -> None:
        """Forget the visitor completely and go back to the attract loop (or ``then``)."""
        self.overlay.cancel()
        self.idle.stop()
        if self.visit_started:
            self.record(EventKind.SESSION_END, reason)
        self.visit_started = False
        # The on-screen keyboard's pending pinyin and candidates, and anything copied, go too.
        self.keyboard.put_away()
        QGuiApplication.clipboard().clear()
        self.session = VisitorSession(language=self.services.settings.default_language)
        self._apply_language(self.session.language)
        for screen in self.screens.values():
            screen.reset()
            screen.retranslate()
        self.overlay.retranslate()
        self.signals.visitor_reset.emit()
        self.go_to(then)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._refresh_chrome()
        if self.overlay.isVisible():
            self.overlay.setGeometry(self.rect())

    def closeEvent(self, event: QCloseEvent) -> None:
        """Alt+F4, a window manager's close and QApplication.quit() end the kiosk only in staff
        mode (kiosk/ui/lockdown.py)."""
        if self.staff_mode:
            super().closeEvent(event)
        else:
            event.ignore()

    def close_services(self) -> None:
        self.services.alerts.unsubscribe(self._alerts_listener)
        self.services.stop_sync()
        self.keyboard.put_away()
        for watcher in (self.idle, self.staff_idle):
            watcher.stop()
            watcher.detach()
        self.corner_hold.detach()
        wait_for_background_work()
        self._stop_share_server()  # the server stops with the kiosk
        self.translations.uninstall()

    def _stop_share_server(self) -> None:
        if self._share is not None:
            self._share.stop()
            self._share = None
        self._share_settings = None
