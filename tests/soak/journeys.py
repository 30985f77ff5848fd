"""Complete visitor journeys through the real widgets, one a call: the soak test's driver, shared
with its runner (``python -m tests.soak.run``).

A journey is varied by its number (``random.Random(number)``) and checks what the visitor sees as
it goes. After each, the process is measured (widgets, the shell's Qt objects, resident memory)
once Qt's deferred deletions have run and Python has collected its cycles.
"""

from __future__ import annotations

import gc
import os
import re
import time
import urllib.request
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from random import Random
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget
from sqlalchemy import select

from kiosk.catalog import Programme
from kiosk.data.leads_db import LeadRow
from kiosk.eligibility import OUTCOMES, OUTSIDE_SCHEME, UNSURE
from kiosk.eligibility_flow import QUESTIONS, questions_to_ask
from kiosk.l10n import Language
from kiosk.lead_records import count_leads
from kiosk.leads import AgeGroup, Stage
from kiosk.settings import Settings
from kiosk.ui.printing import QtPrinter
from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.eligibility import UNDECIDED, EligibilityScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.language import LanguageScreen
from kiosk.ui.screens.lead_consent import LeadConsentScreen
from kiosk.ui.screens.lead_form import LeadFormScreen
from kiosk.ui.screens.lead_thanks import LeadThanksScreen
from kiosk.ui.screens.outcome import OutcomeScreen
from kiosk.ui.screens.programme import ProgrammeScreen
from kiosk.ui.screens.search import MAX_RESULTS, SearchScreen
from kiosk.ui.screens.sector import SectorScreen, programme_label
from kiosk.ui.screens.sectors import SectorsScreen
from kiosk.ui.screens.shortlist import ShortlistScreen
from kiosk.ui.screens.summary import SummaryScreen
from kiosk.ui.shell import Shell
from tests.keyboard_driver import QtBot, tap, type_pinyin

SOAK_WINDOW = (1920, 1080)  # a landscape fair display
LANGUAGES: tuple[Language, ...] = ("zh-Hans", "en", "zh-Hant")
SEARCH_MODES = ("chinese", "english", "pinyin", "initials")
ENGLISH_QUERY_LENGTH = 14
PINYIN_QUERY_LENGTH = 12
# How often a visitor does one thing or another; the rest of the time, the common path.
SHARE_IDLE_ENDING = 0.15  # walks away and waits out the countdown (the others tap Home)
SHARE_STILL_HERE = 0.1  # lets the "are you still there?" question come, then taps it away
SHARE_LEAD = 0.6
SHARE_ABANDONED_FORM = 0.3  # of those who will walk away: in the middle of the contact form
SHARE_LANGUAGE_SWITCH = 0.2
SHARE_SECOND_PROGRAMME = 0.3  # back from a programme to its sector for another
SHARE_REMOVED = 0.25  # a programme taken off the list again
SHARE_CHECK_FROM_PROGRAMME = 0.3  # the check opened on a programme: that programme prefilled
SHARE_NOT_SURE = 0.1  # for each question
SHARE_BACK = 0.15  # once a check: back to the previous question, then on again
SHARE_CHANGED_ANSWER = 0.25
SHARE_PRINT = 0.2
SHARE_SUMMARY_FROM_OUTCOME = 0.6  # the others open it from their list
SHARE_NEWS = 0.3  # tick the optional consent to news
SHARE_EARLY_SEND = 0.15  # tap Send before the form is complete
SHARE_ON_SCREEN_KEYBOARD = 0.1  # names typed in pinyin on the on-screen keyboard
TRUE_ANSWER_SHARE = {
    "hong_kong_resident": 0.08,
    "previous_iang": 0.1,
    "finish_within_3_years": 0.9,
    "bring_dependants_while_studying": 0.3,
}
NATIONALITIES = (("CN",), ("CN",), ("CN",), ("MY",), ("TH",), ("VN",), ("CN", "GB"), ("SG",))
TYPED_COUNTRIES = {"SG": "xinjiapo"}  # not among the common choices: found by pinyin
AGE_GROUPS = (AgeGroup.ADULT, AgeGroup.ADULT, AgeGroup.ADULT, AgeGroup.FROM_14_TO_17)
SHARE_UNDER_14 = 0.05
PINYIN_NAMES = (
    (("chen", "陈"), ("da", "大"), ("wen", "文")),
    (("chenxiaoming", "陈小明"),),
)
CHINESE_NAMES = ("王小红", "張家豪", "李思远", "黄美玲")
LATIN_NAMES = ("Chan Tai Man", "Nguyen Van An", "Siti Aminah", "Priya Sharma")
IDLE_TIMEOUT_MS = 20  # the idle wait while a journey ends by walking away
SUMMARY_TIMEOUT_MS = 20_000
RESET_TIMEOUT_MS = 5_000
MAX_WIZARD_STEPS = 30

S = TypeVar("S", bound=Screen)


def soak_settings(booth_port: int) -> Settings:
    """A fair's kiosk on a booth network (each summary is served to phones), and the shortest
    countdown, so that walking away costs a journey one second."""
    return Settings(
        idle_countdown_s=1,
        booth_address="127.0.0.1",
        booth_port=booth_port,
        booth_wifi_name="VPAS booth",
        booth_wifi_password="fair-2026",
    )


def booth_printer(directory: Path) -> QtPrinter:
    """The booth's printer: Qt's real print pipeline, each job into the same PDF file."""
    return QtPrinter(output_file=directory / "printed.pdf")


@dataclass(frozen=True)
class JourneyResult:
    number: int
    languages: tuple[Language, ...]  # as the visitor chose them, in order
    search_mode: str
    outcome: str
    summary_pages: int
    lead_sent: bool
    ending: str  # "idle" (the countdown ran out) or "home"


@dataclass(frozen=True)
class Measurement:
    widgets: int
    qt_objects: int  # the shell and every object under it
    rss_bytes: int

    @property
    def rss_mb(self) -> float:
        return round(self.rss_bytes / 2**20, 1)


def resident_bytes() -> int:
    """This process's resident memory now (getrusage gives only its peak)."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def measure(shell: Shell) -> Measurement:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    return Measurement(
        len(QApplication.allWidgets()), len(shell.findChildren(QObject)), resident_bytes()
    )


@dataclass
class SoakRun:
    at_rest: Measurement  # the shell on its attract loop, before the first journey
    results: list[JourneyResult] = field(default_factory=list)
    after: list[Measurement] = field(default_factory=list)  # after journey n: after[n - 1]
    seconds: float = 0.0


def soak(shell: Shell, bot: QtBot, journeys: int) -> SoakRun:
    """Run journeys 1 to ``journeys``, measuring the process after each."""
    driver = VisitorJourneys(shell, bot)
    run = SoakRun(measure(shell))
    started = time.monotonic()
    for number in range(1, journeys + 1):
        try:
            run.results.append(driver.run(number))
        except BaseException as error:
            error.add_note(f"in visitor journey {number} (tests/soak/journeys.py)")
            raise
        run.after.append(measure(shell))
    run.seconds = time.monotonic() - started
    return run


def type_keys(field: QLineEdit, text: str) -> None:
    """Typed on a physical keyboard: each character a key event that carries it (QTest's
    keyClicks takes Latin-1 only)."""
    for character in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click,
            field,
            Qt.Key.Key_unknown,
            character,
            Qt.KeyboardModifier.NoModifier,
        )


def newest_lead_session(shell: Shell) -> str | None:
    with shell.services.leads_engine.connect() as connection:
        return connection.execute(
            select(LeadRow.session_id).order_by(LeadRow.created_at.desc()).limit(1)
        ).scalar_one_or_none()


class VisitorJourneys:
    def __init__(self, shell: Shell, bot: QtBot) -> None:
        self.shell = shell
        self.bot = bot
        self.catalog = shell.services.catalog
        # Programmes whose pinyin the A–Z keys can type, with its full form and its initials.
        self.pinyin: dict[str, tuple[str, str]] = {
            term.programme_code: (term.forms[1], term.forms[2])
            for term in self.catalog.search_terms
            if term.kind == "programme"
            and term.programme_code is not None
            and len(term.forms) == 3
            and all(re.fullmatch("[a-z]+", form) for form in term.forms[1:])
        }
        self.number = 0
        self.rng = Random()
        self.languages: list[Language] = []
        self.names: list[str] = []  # what this visitor typed as their name

    # one journey ------------------------------------------------------------------------------
    def run(self, number: int) -> JourneyResult:
        self.number, self.rng = number, Random(number)
        self.languages, self.names = [], []
        ending = "idle" if self.rng.random() < SHARE_IDLE_ENDING else "home"
        self.begin()
        self.browse()
        search_mode = self.search()
        if self.rng.random() < SHARE_STILL_HERE:
            self.still_here()
        self.shortlist()
        outcome = self.eligibility()
        pages = self.summary()
        lead_sent = False
        if self.rng.random() < SHARE_LEAD:
            abandon = ending == "idle" and self.rng.random() < SHARE_ABANDONED_FORM
            lead_sent = self.leave_contact(abandon)
        if ending == "idle":
            self.walk_away()
        else:
            self.finish_at_home()
        self.check_forgotten()
        return JourneyResult(
            number, tuple(self.languages), search_mode, outcome, pages, lead_sent, ending
        )

    def current(self, kind: type[S]) -> S:
        screen = self.shell.current
        assert isinstance(screen, kind), (
            f"journey {self.number}: {screen.screen_id} shown, not {kind.__name__}"
        )
        return screen

    def tap(self, widget: QWidget | None) -> None:
        # Between two taps of a finger the event loop runs: what the last one queued is done.
        QCoreApplication.processEvents()
        tap(self.bot, widget)

    @property
    def language(self) -> Language:
        return self.shell.session.language

    @property
    def shortlist_codes(self) -> list[str]:
        return self.shell.session.shortlist

    # attract, language, browsing --------------------------------------------------------------
    def begin(self) -> None:
        assert self.shell.current.screen_id == ScreenId.ATTRACT
        self.tap(self.shell.current)  # a touch anywhere on the attract loop
        language = LANGUAGES[self.number % len(LANGUAGES)]
        self.tap(self.current(LanguageScreen).buttons[language])
        self.current(HomeScreen)
        assert self.language == language
        self.languages.append(language)

    def switch_language(self) -> None:
        language = self.rng.choice([other for other in LANGUAGES if other != self.language])
        self.tap(self.shell.top_bar.languages[language])
        assert self.language == language
        assert self.shell.top_bar.title.text() == self.shell.current.title()
        self.languages.append(language)

    def browse(self) -> None:
        self.tap(self.current(HomeScreen).tiles[ScreenId.SECTORS])
        sector = self.rng.choice(self.catalog.sectors)
        self.tap(self.current(SectorsScreen).tiles[sector.code])
        assert self.current(SectorScreen).heading.text() == sector.name.get(self.language)
        self.open_programme(self.rng.choice(sector.programmes))
        if self.rng.random() < SHARE_SECOND_PROGRAMME:
            self.tap(self.shell.top_bar.back)
            self.open_programme(self.rng.choice(sector.programmes))

    def open_programme(self, programme: Programme) -> None:
        page = self.current(SectorScreen)
        self.tap(page.findChild(QAbstractButton, f"programme-{programme.code}"))
        self.add_to_list(programme)

    def add_to_list(self, programme: Programme) -> None:
        screen = self.current(ProgrammeScreen)
        assert screen.heading.text() == programme.name.get(self.language)
        if self.rng.random() < SHARE_LANGUAGE_SWITCH:
            self.switch_language()
            assert screen.heading.text() == programme.name.get(self.language)
        if programme.code not in self.shortlist_codes:
            self.tap(screen.add_button)
        assert programme.code in self.shortlist_codes
        assert f"({len(self.shortlist_codes)})" in self.shell.top_bar.shortlist.text()

    # search --------------------------------------------------------------------------------------
    def search(self) -> str:
        """Find a programme by Chinese, English, full pinyin or pinyin initials; open it."""
        self.tap(self.shell.top_bar.search)
        screen = self.current(SearchScreen)
        mode = SEARCH_MODES[self.number % len(SEARCH_MODES)]
        programme, query = self.query(mode)
        self.tap(screen.keyboard.clear)
        if mode == "chinese":  # the A–Z keys have no Chinese: a physical keyboard's
            type_keys(screen.field, query)
        else:
            for letter in query:
                self.tap(screen.keyboard.space if letter == " " else screen.keyboard.keys[letter])
        assert screen.field.text() == query
        found = [hit.code if hit.kind == "programme" else None for hit in screen.hits]
        assert programme.code in found[:MAX_RESULTS], f"{query!r} did not find {programme.code}"
        row = screen.rows[found.index(programme.code)]
        assert row.text() == programme_label(programme, self.language)
        self.tap(row)
        self.add_to_list(programme)
        return mode

    def query(self, mode: str) -> tuple[Programme, str]:
        if mode in ("pinyin", "initials"):
            code = self.rng.choice(sorted(self.pinyin))
            full, initials = self.pinyin[code]
            return self.catalog.programme(code), (
                full[:PINYIN_QUERY_LENGTH] if mode == "pinyin" else initials
            )
        programme = self.rng.choice(self.catalog.programmes)
        if mode == "chinese":
            return programme, programme.name.get(self.rng.choice(("zh-Hans", "zh-Hant")))
        letters = re.match("[a-z ]*", programme.name.en.lower())
        assert letters is not None
        return programme, letters.group()[:ENGLISH_QUERY_LENGTH].strip()

    # the list --------------------------------------------------------------------------------
    def shortlist(self) -> None:
        self.tap(self.shell.top_bar.shortlist)
        screen = self.current(ShortlistScreen)
        assert screen.row_count() == len(self.shortlist_codes) > 0
        if len(self.shortlist_codes) > 1 and self.rng.random() < SHARE_REMOVED:
            code = self.rng.choice(self.shortlist_codes)
            self.tap(screen.findChild(QAbstractButton, f"remove-{code}"))
            assert code not in self.shortlist_codes
            assert screen.row_count() == len(self.shortlist_codes)

    # the eligibility check ------------------------------------------------------------------
    def eligibility(self) -> str:
        if self.rng.random() < SHARE_CHECK_FROM_PROGRAMME:
            code = self.rng.choice(self.shortlist_codes)
            self.tap(self.current(ShortlistScreen).findChild(QAbstractButton, f"programme-{code}"))
            self.tap(self.current(ProgrammeScreen).check_button)
            assert self.shell.session.answers.get("programme") == code
        else:
            self.tap(self.shell.top_bar.home)
            self.tap(self.current(HomeScreen).tiles[ScreenId.ELIGIBILITY])
        wizard = self.current(EligibilityScreen)
        stepped_back = False
        for _ in range(MAX_WIZARD_STEPS):
            if self.shell.current is not wizard:
                break
            assert wizard.question is not None
            if (
                not stepped_back
                and wizard.question != QUESTIONS[0]
                and self.rng.random() < SHARE_BACK
            ):
                stepped_back = True
                self.step_back(wizard)
            else:
                self.answer(wizard)
        outcome = self.current(OutcomeScreen)
        self.check_outcome(outcome)
        if self.rng.random() < SHARE_CHANGED_ANSWER:
            asked = [q.key for q in questions_to_ask(self.shell.session.answers)]
            self.tap(outcome.findChild(QAbstractButton, f"change-{self.rng.choice(asked)}"))
            self.answer(self.current(EligibilityScreen))
            self.check_outcome(self.current(OutcomeScreen))
        result = self.shell.session.outcome
        assert result is not None
        kind: str = result["outcome"]
        return kind

    def step_back(self, wizard: EligibilityScreen) -> None:
        """Back to the previous question: its answer still shown, no answer forgotten."""
        answers = dict(self.shell.session.answers)
        self.tap(wizard.back_button)
        assert wizard.question is not None
        assert self.shell.session.answers == answers
        previous = answers.get(wizard.question.key)
        if wizard.question.kind == "yes_no" and isinstance(previous, bool):
            assert wizard.yes_no.checked() == [previous]

    def answer(self, wizard: EligibilityScreen) -> None:
        """Answer the question shown, with a tap (and Next where there is one)."""
        question = wizard.question
        assert question is not None
        expected: Any = UNSURE
        if self.rng.random() < SHARE_NOT_SURE:
            self.tap(wizard.unsure_button)
        elif question.kind == "yes_no":
            expected = self.rng.random() < TRUE_ANSWER_SHARE[question.key]
            self.tap(wizard.yes_no.buttons[expected])
        elif question.kind == "nationality":
            expected = self.rng.choice(NATIONALITIES)
            self.choose_nationalities(wizard, expected)
        elif question.kind == "date":
            expected = self.choose_birth_date(wizard)
        elif question.kind == "year":
            expected = self.rng.choice(list(wizard.intake.buttons))
            self.tap(wizard.intake.buttons[expected])
        else:
            expected = self.choose_programme(wizard)
        answer = self.shell.session.answers[question.key]
        if question.kind == "nationality" and answer != UNSURE:
            assert sorted(answer) == sorted(expected)
        else:
            assert answer == expected, (question.key, answer, expected)

    def choose_nationalities(self, wizard: EligibilityScreen, codes: tuple[str, ...]) -> None:
        # A tap re-makes the grids' buttons: look each one up afresh.
        for code in list(wizard.common_countries.buttons):
            if wizard.common_countries.buttons[code].isChecked() != (code in codes):
                self.tap(wizard.common_countries.buttons[code])
        for code in list(wizard.country_results.buttons):  # chosen earlier by name
            if code not in codes and wizard.country_results.buttons[code].isChecked():
                self.tap(wizard.country_results.buttons[code])
        for code in codes:
            if code in TYPED_COUNTRIES and code not in wizard.country_results.checked():
                self.tap(wizard.country_field)
                for letter in TYPED_COUNTRIES[code]:
                    self.tap(wizard.country_keyboard.keys[letter])
                self.tap(wizard.country_results.buttons[code])
        self.tap(wizard.next_button)

    def choose_birth_date(self, wizard: EligibilityScreen) -> str:
        # A year of the decade shown first: that of a visitor of 18 at the earliest intake.
        year = self.rng.choice(list(wizard.birth_year.buttons))
        born = date(year, self.rng.randint(1, 12), self.rng.randint(1, 28))
        self.tap(wizard.birth_year.buttons[born.year])
        self.tap(wizard.birth_month.buttons[born.month])
        self.tap(wizard.birth_day.buttons[born.day])
        self.tap(wizard.next_button)
        return born.isoformat()

    def choose_programme(self, wizard: EligibilityScreen) -> str | None:
        """Mostly one from their list; else another of the 34, one outside them, or none yet."""
        roll = self.rng.random()
        choice: str | None
        if roll < 0.1:
            choice = OUTSIDE_SCHEME
        elif roll < 0.2:
            choice = UNDECIDED
        elif roll < 0.7:
            choice = self.rng.choice(self.shortlist_codes)
        else:
            choice = self.rng.choice(self.catalog.programmes).code
        grid = next(grid for grid in wizard.programme_grids if choice in grid.buttons)
        self.tap(grid.buttons[choice])
        return choice

    def check_outcome(self, screen: OutcomeScreen) -> None:
        """The verdict, in the visitor's language, with a card for every reason."""
        result = self.shell.session.outcome
        assert result is not None and result["outcome"] in OUTCOMES
        headline = self.catalog.text(f"outcome.{result['outcome']}.headline")
        assert screen.headline.text() == headline.get(self.language)
        for reason in result["reasons"]:
            assert screen.findChild(QWidget, f"reason-{reason['code']}") is not None, reason

    # the summary -------------------------------------------------------------------------------
    def summary(self) -> int:
        """Open the summary: the PDF built, previewed, and served at the QR code's link."""
        if self.rng.random() < SHARE_SUMMARY_FROM_OUTCOME:
            self.tap(self.current(OutcomeScreen).summary_button)
        else:
            self.tap(self.shell.top_bar.shortlist)
            self.tap(self.current(ShortlistScreen).summary)
        screen = self.current(SummaryScreen)
        self.wait_for_summary(screen)
        if self.rng.random() < SHARE_LANGUAGE_SWITCH:
            self.switch_language()
            self.wait_for_summary(screen)
        document = screen.document
        assert document is not None
        assert document.pdf.startswith(b"%PDF-") and document.pdf.rstrip().endswith(b"%%EOF")
        assert document.request.language == self.language
        assert document.request.programme_codes == tuple(self.shortlist_codes)
        assert screen.page_images.count() == len(document.pages) > 0
        assert screen.share_code.payload == screen.share_url != ""
        assert screen.wifi_code.payload.startswith("WIFI:")
        # The phone's download: no proxy between it and the booth's own server.
        with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(
            screen.share_url, timeout=10
        ) as download:
            assert download.read() == document.pdf
        if self.rng.random() < SHARE_PRINT:
            self.print_summary(screen)
        return len(document.pages)

    def wait_for_summary(self, screen: SummaryScreen) -> None:
        def ready() -> bool:
            document = screen.document
            return document is not None and document.request == self.shell.summary_request()

        self.bot.waitUntil(ready, timeout=SUMMARY_TIMEOUT_MS)

    def print_summary(self, screen: SummaryScreen) -> None:
        printer = self.shell.printer
        assert isinstance(printer, QtPrinter) and printer.output_file is not None
        printer.output_file.unlink(missing_ok=True)
        self.tap(screen.print_button)
        assert not screen.print_button.isEnabled()  # one job at a time
        self.bot.waitUntil(screen.print_button.isEnabled, timeout=SUMMARY_TIMEOUT_MS)
        assert screen.progress.isHidden()
        assert printer.output_file.read_bytes().startswith(b"%PDF-")

    # the lead --------------------------------------------------------------------------------
    def leave_contact(self, abandon: bool) -> bool:
        """Consent, then the form; True once the lead is saved (one row more in the database),
        False when the visitor walks away from the form half filled in."""
        engine = self.shell.services.leads_engine
        leads_before = count_leads(engine)
        self.tap(self.current(SummaryScreen).leave_contact)
        consent = self.current(LeadConsentScreen)
        under_14 = self.rng.random() < SHARE_UNDER_14
        age = AgeGroup.UNDER_14 if under_14 else self.rng.choice(AGE_GROUPS)
        self.tap(consent.ages.buttons[age.value])
        for key in ("consent_contact", "consent_transfer"):
            self.tap(consent.consents[key].box)
        if self.rng.random() < SHARE_NEWS:
            self.tap(consent.consents["consent_news"].box)
        if under_14:  # a parent or guardian beside them, or no lead
            assert not consent.go_on.isEnabled()
            self.tap(consent.consents["guardian_consent"].box)
        self.tap(consent.go_on)
        form = self.current(LeadFormScreen)
        self.type_name(form)
        if abandon:
            return False
        self.type_contact(form)
        self.tap(form.stages.buttons[self.rng.choice(list(Stage)).value])
        if self.rng.random() < SHARE_EARLY_SEND:  # before choosing where they live
            self.tap(form.send)
            assert self.shell.current is form and form.save_problem.isVisible()
            assert form.errors["region"].isVisible()
            assert count_leads(engine) == leads_before
        self.tap(form.regions.buttons[self.rng.choice(list(form.regions.buttons))])
        self.tap(form.send)
        self.current(LeadThanksScreen)
        assert count_leads(engine) == leads_before + 1
        assert newest_lead_session(self.shell) == self.shell.session.session_id
        return True

    def type_contact(self, form: LeadFormScreen) -> None:
        """One way to reach the visitor: a mainland mobile, an e-mail or a WeChat ID."""
        way = self.rng.choice(("phone_number", "phone_number", "email", "wechat_id"))
        number = self.rng.randrange(10**8)
        typed = {
            "phone_number": f"138 {number // 10_000:04d} {number % 10_000:04d}",
            "email": f"visitor{self.number}@example.com",
            "wechat_id": f"visitor_{self.number}",
        }[way]
        type_keys(form.fields[way], typed)
        assert not form.errors[way].isVisible(), (way, typed, form.errors[way].text())

    def type_name(self, form: LeadFormScreen) -> None:
        field = form.fields["name"]
        # Pinyin on the on-screen keyboard: its layout for Simplified Chinese.
        if self.language == "zh-Hans" and self.rng.random() < SHARE_ON_SCREEN_KEYBOARD:
            syllables = self.rng.choice(PINYIN_NAMES)
            type_pinyin(self.bot, self.shell.keyboard, field, syllables)
        else:
            names = CHINESE_NAMES if self.language != "en" else LATIN_NAMES
            type_keys(field, self.rng.choice(names))
        assert field.text() != "" and self.shell.session.lead.name == field.text()
        self.names.append(field.text())

    # the end of a visit ------------------------------------------------------------------------
    def still_here(self) -> None:
        """No touch for a while: the question comes; a tap on it keeps the visitor's screen."""
        shown = self.shell.current
        self.shell.idle.set_timeout(IDLE_TIMEOUT_MS)
        self.bot.waitUntil(self.shell.overlay.isVisible)
        self.restore_idle_timeout()
        self.tap(self.shell.overlay.stay_button)
        assert not self.shell.overlay.isVisible() and self.shell.current is shown
        assert self.shell.idle.active

    def walk_away(self) -> None:
        """No touch any more: the question, its countdown, then the attract loop."""
        self.shell.idle.set_timeout(IDLE_TIMEOUT_MS)
        self.bot.waitUntil(self.shell.overlay.isVisible)
        self.restore_idle_timeout()
        assert self.shell.overlay.countdown.text() == "1"
        self.bot.waitUntil(
            lambda: self.shell.current.screen_id == ScreenId.ATTRACT, timeout=RESET_TIMEOUT_MS
        )

    def finish_at_home(self) -> None:
        """Done: Home, then the visitor leaves; the kiosk forgets them as the countdown's end
        does, without the countdown's second."""
        if isinstance(self.shell.current, LeadThanksScreen):
            self.tap(self.shell.current.home)
        else:
            self.tap(self.shell.top_bar.home)
        self.current(HomeScreen)
        self.shell.reset_visitor("idle")

    def restore_idle_timeout(self) -> None:
        self.shell.idle.set_timeout(self.shell.services.settings.idle_timeout_s * 1000)

    def check_forgotten(self) -> None:
        """Back on the attract loop with nothing of the visitor left on any screen."""
        shell = self.shell
        assert shell.current.screen_id == ScreenId.ATTRACT and not shell.overlay.isVisible()
        assert shell.session.shortlist == [] and shell.session.answers == {}
        assert shell.session.language == shell.services.settings.default_language
        assert [f.objectName() for f in shell.findChildren(QLineEdit) if f.text()] == []
        texts = [widget.text() for widget in shell.findChildren(QLabel)]
        assert not [name for name in self.names if any(name in text for text in texts)]
