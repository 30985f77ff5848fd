"""The eligibility check: one question a screen, large answers, "not sure" everywhere.

The answers are plain JSON values in the visitor's session (DESIGN.md's answers contract); the
core decides which question comes next and what the outcome is.
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.eligibility import OUTSIDE_SCHEME, UNSURE
from kiosk.eligibility_flow import (
    Question,
    intake_years,
    next_question,
    questions_to_ask,
)
from kiosk.search import match_rank, normalise_query
from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screens.base import PAGE_MARGIN, Screen
from kiosk.ui.screens.sector import programme_label
from kiosk.ui.widgets.choice_grid import ChoiceGrid
from kiosk.ui.widgets.common import button, clear_layout, label
from kiosk.ui.widgets.letter_keyboard import LetterKeyboard
from kiosk.ui.widgets.touch_scroll import TouchScrollArea

if TYPE_CHECKING:
    from kiosk.ui.shell import Shell

UNDECIDED = None  # the contract's "programme": null
MAX_COUNTRY_RESULTS = 8
# The leaflet sets no upper age: any year from this one to the current year can be chosen, a
# decade first, then the year in it.
EARLIEST_BIRTH_YEAR = 1940


def _scrolling(widget: QWidget) -> TouchScrollArea:
    return TouchScrollArea(widget)


def _decade_of(year: int) -> int:
    return year - year % 10


class EligibilityScreen(Screen):
    screen_id = ScreenId.ELIGIBILITY

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.question: Question | None = None
        self._return_to_outcome = False
        self._nationalities: list[str] = []
        self._birth: dict[str, int] = {}
        self._decade = 0  # the decade whose years the date page shows

        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN // 2, PAGE_MARGIN, PAGE_MARGIN // 2)
        layout.setSpacing(14)
        self.progress_text = label("", "small")
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.prompt = label("", "title")
        self.prompt.setObjectName("questionPrompt")
        self.help = label("", "subtitle")
        for widget in (self.progress_text, self.progress, self.prompt, self.help):
            layout.addWidget(widget)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)

        # yes / no
        self.yes_no = ChoiceGrid(2)
        self.yes_no.set_choices([(True, ""), (False, "")])
        self._add_single_choice_page(self.yes_no)

        # nationality: common choices first, then search in Chinese, English or pinyin
        nationality_page = QWidget()
        nationality = QVBoxLayout(nationality_page)
        nationality.setContentsMargins(0, 0, 0, 0)
        self.chosen_countries = label("", "section")
        nationality.addWidget(self.chosen_countries)
        self.common_countries = ChoiceGrid(4, multiple=True)
        self.common_countries.chosen.connect(self._toggle_country)
        self.country_field = QLineEdit()
        self.country_field.setObjectName("countrySearch")
        self.country_field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.country_field.textChanged.connect(self._search_countries)
        self.country_results = ChoiceGrid(2, multiple=True)
        self.country_results.chosen.connect(self._toggle_country)
        lists = QWidget()
        lists_layout = QVBoxLayout(lists)
        lists_layout.setContentsMargins(0, 0, 0, 0)
        lists_layout.addWidget(self.common_countries)
        lists_layout.addWidget(self.country_results)
        lists_layout.addStretch(1)
        nationality.addWidget(_scrolling(lists), 1)
        # The field sits above the keyboard, so what is typed and its results stay in view.
        self.search_heading = label("", "small")
        nationality.addWidget(self.search_heading)
        nationality.addWidget(self.country_field)
        self.country_keyboard = LetterKeyboard(self.country_field)
        nationality.addWidget(self.country_keyboard)
        # The keyboard takes half a landscape screen: it appears once the field is touched.
        self.country_keyboard.hide()
        self.country_field.installEventFilter(self)
        self.pages.addWidget(nationality_page)

        # date of birth: decade, year, month, day by touch
        date_page = QWidget()
        date_layout = QVBoxLayout(date_page)
        date_layout.setContentsMargins(0, 0, 0, 0)
        self.chosen_date = label("", "section")
        date_layout.addWidget(self.chosen_date)
        dates = QWidget()
        dates_layout = QVBoxLayout(dates)
        dates_layout.setContentsMargins(0, 0, 0, 0)
        self.decade_heading, self.year_heading, self.month_heading, self.day_heading = (
            label("", "small"),
            label("", "small"),
            label("", "small"),
            label("", "small"),
        )
        self.birth_decade = ChoiceGrid(9)
        self.birth_decade.setObjectName("birthDecade")
        dates_layout.addWidget(self.decade_heading)
        dates_layout.addWidget(self.birth_decade)
        self.birth_decade.chosen.connect(self._pick_decade)
        self.birth_year = ChoiceGrid(10)
        self.birth_month = ChoiceGrid(12)
        self.birth_day = ChoiceGrid(11)
        for heading, grid, part in (
            (self.year_heading, self.birth_year, "year"),
            (self.month_heading, self.birth_month, "month"),
            (self.day_heading, self.birth_day, "day"),
        ):
            dates_layout.addWidget(heading)
            dates_layout.addWidget(grid)
            grid.chosen.connect(lambda value, p=part: self._pick_date_part(p, value))
        dates_layout.addStretch(1)
        date_layout.addWidget(_scrolling(dates), 1)
        self.birth_month.set_choices([(m, str(m)) for m in range(1, 13)])
        self.birth_day.set_choices([(d, str(d)) for d in range(1, 32)])
        self._birth_decades: list[int] = []  # the decades the grid offers (up to this year's)
        self.pages.addWidget(date_page)

        # intake year
        self.intake = ChoiceGrid(1)
        self.intake.set_choices([(year, "") for year in intake_years(self.catalog)])
        self._add_single_choice_page(self.intake)

        # programme: the visitor's list first, then the 34 by sector, "other", "not decided"
        programme_page = QWidget()
        self.programme_column = QVBoxLayout(programme_page)
        self.programme_column.setSpacing(10)
        self.programme_grids: list[ChoiceGrid] = []
        self.pages.addWidget(_scrolling(programme_page))

        buttons = QHBoxLayout()
        buttons.setSpacing(16)
        self.back_button = button("", "secondary")
        self.back_button.clicked.connect(self.previous)
        self.unsure_button = button("", "secondary")
        self.unsure_button.setObjectName("unsure")
        self.unsure_button.clicked.connect(lambda: self.answer(UNSURE))
        self.next_button = button("", "primary")
        self.next_button.setObjectName("next")
        self.next_button.clicked.connect(self._confirm)
        buttons.addWidget(self.back_button, 1)
        buttons.addWidget(self.unsure_button, 1)
        buttons.addWidget(self.next_button, 1)
        layout.addLayout(buttons)
        self._page_of = {
            "yes_no": 0,
            "nationality": 1,
            "date": 2,
            "year": 3,
            "programme": 4,
        }

    def _add_single_choice_page(self, grid: ChoiceGrid) -> None:
        """A page of one grid whose tap is the answer."""
        grid.chosen.connect(self.answer)
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(grid)
        column.addStretch(1)
        self.pages.addWidget(page)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.country_field and event.type() == QEvent.Type.FocusIn:
            self.country_keyboard.show()
        return False

    # navigation ---------------------------------------------------------------------------
    @property
    def answers(self) -> dict[str, Any]:
        return self.shell.session.answers

    def title(self) -> str:
        return self.tr("Can I join VPAS?")

    def enter(self, **params: str) -> None:
        shortlist = self.shell.session.shortlist
        if "programme" not in self.answers:
            # Prefilled from where the visitor came from, or from a list of exactly one.
            if "programme" in params:
                self.answers["programme"] = params["programme"]
            elif len(shortlist) == 1:
                self.answers["programme"] = shortlist[0]
        key = params.get("question")
        self._return_to_outcome = key is not None and self.shell.session.outcome is not None
        first = next_question(self.answers, None)
        assert first is not None
        self.show_question(
            next(q for q in questions_to_ask(self.answers) if q.key == key) if key else first
        )

    def show_question(self, question: Question) -> None:
        self.question = question
        if question.kind == "nationality":
            current = self.answers.get("nationalities")
            self._nationalities = list(current) if isinstance(current, list) else []
            self.country_field.clear()
            self.country_field.clearFocus()
            self.country_keyboard.hide()
        if question.kind == "date":
            self._birth = {}
            known = self.answers.get("birth_date")
            if isinstance(known, str) and known != UNSURE:
                born = date.fromisoformat(known)
                self._birth = {"year": born.year, "month": born.month, "day": born.day}
            self._decade = _decade_of(self._birth.get("year") or self._likely_birth_year())
        self.pages.setCurrentIndex(self._page_of[question.kind])
        self.retranslate()

    def answer(self, value: Any) -> None:
        """Record the answer to the current question and move on."""
        assert self.question is not None
        self.answers[self.question.key] = value
        following = next_question(self.answers, self.question.key)
        if following is None or self._return_to_outcome:
            self.shell.finish_eligibility()
        else:
            self.show_question(following)

    def previous(self) -> None:
        asked = questions_to_ask(self.answers)
        index = [q.key for q in asked].index(self.question.key) if self.question else 0
        if index == 0 or self._return_to_outcome:
            self.shell.back()
        else:
            self.show_question(asked[index - 1])

    def _confirm(self) -> None:
        assert self.question is not None
        if self.question.kind == "nationality" and self._nationalities:
            self.answer(list(self._nationalities))
        elif self.question.kind == "date" and len(self._birth) == 3:
            self.answer(
                date(self._birth["year"], self._birth["month"], self._birth["day"]).isoformat()
            )

    def reset(self) -> None:
        self.question = None
        self._nationalities = []
        self._birth = {}
        self._decade = 0
        self._return_to_outcome = False
        self.country_field.clear()
        # Made for each visitor: the countries they looked up, the programmes "From my list".
        self.country_results.set_choices([])
        clear_layout(self.programme_column)
        self.programme_grids = []
        for grid in (
            self.yes_no,
            self.common_countries,
            self.birth_decade,
            self.birth_year,
            self.birth_month,
            self.birth_day,
            self.intake,
        ):
            grid.set_checked([])
        self.chosen_countries.clear()
        self.chosen_date.clear()

    # texts and state -------------------------------------------------------------------------
    def retranslate(self) -> None:
        question, lang = self.question, self.language
        self.back_button.setText(self.tr("Back"))
        self.unsure_button.setText(self.tr("Not sure"))
        self.next_button.setText(self.tr("Next"))
        self.country_keyboard.retranslate()
        if question is None:
            return
        asked = questions_to_ask(self.answers)
        number = [q.key for q in asked].index(question.key) + 1
        self.progress_text.setText(
            self.tr("Question %1 of %2").replace("%1", str(number)).replace("%2", str(len(asked)))
        )
        self.progress.setRange(0, len(asked))
        self.progress.setValue(number)
        self.prompt.setText(question.prompt(self.catalog, lang))
        self.help.setText(question.help(self.catalog, lang))
        self.next_button.setVisible(question.kind in ("nationality", "date"))
        current = self.answers.get(question.key)
        if question.kind == "yes_no":
            self.yes_no.set_texts({True: self.tr("Yes"), False: self.tr("No")})
            self.yes_no.set_checked([current] if isinstance(current, bool) else [])
        elif question.kind == "year":
            self.intake.set_texts(
                {
                    year: self.tr("%1/%2 academic year")
                    .replace("%1", str(year))
                    .replace("%2", str(year + 1)[2:])
                    for year in intake_years(self.catalog)
                }
            )
            self.intake.set_checked([current])
        elif question.kind == "nationality":
            self._show_countries()
        elif question.kind == "date":
            self._show_date()
        else:
            self._show_programmes()

    def _show_countries(self) -> None:
        lang = self.language
        common = [c for c in self.catalog.countries if c.common]
        self.common_countries.set_choices([(c.code, c.name.get(lang)) for c in common])
        self.common_countries.set_checked(self._nationalities)
        self.search_heading.setText(self.tr("Other countries: type the name in English or pinyin"))
        self.country_field.setPlaceholderText(self.tr("e.g. malaixiya, malaysia, mlxy"))
        self._search_countries()
        names = [self.catalog.country(code).name.get(lang) for code in self._nationalities]
        self.chosen_countries.setText(
            self.tr("Chosen: %1").replace("%1", ", ".join(names))
            if names
            else self.tr("Choose one or more.")
        )
        self.next_button.setEnabled(bool(self._nationalities))

    def _search_countries(self) -> None:
        query, compact = normalise_query(self.country_field.text())
        lang = self.language
        matches = []
        if query:
            ranked = [
                (rank, country.name.get(lang), country)
                for country in self.catalog.countries
                if country.nationality
                and (rank := match_rank(country.forms, query, compact)) is not None
            ]
            matches = [country for _, _, country in sorted(ranked, key=lambda r: (r[0], r[1]))]
        chosen = [self.catalog.country(code) for code in self._nationalities]
        chosen_first = [country for country in chosen if not country.common]
        shown = list(dict.fromkeys([*chosen_first, *matches[:MAX_COUNTRY_RESULTS]]))
        self.country_results.set_choices([(c.code, c.name.get(lang)) for c in shown])
        self.country_results.set_checked(self._nationalities)
        self.common_countries.setVisible(not query)  # while typing, the results come first

    def _toggle_country(self, code: object) -> None:
        assert isinstance(code, str)
        if code in self._nationalities:
            self._nationalities.remove(code)
        else:
            self._nationalities.append(code)
        self._show_countries()

    def _likely_birth_year(self) -> int:
        """The decade shown first holds the year of a visitor of the leaflet's minimum age
        (18, footnote 1) at the earliest intake: most visitors are about that age."""
        minimum_age = int(self.catalog.rules.parameters["minimum_age_at_application"])
        return intake_years(self.catalog)[0] - minimum_age

    def _show_date(self) -> None:
        this_year = self.shell.services.clock.now().year
        decades = list(range(_decade_of(EARLIEST_BIRTH_YEAR), this_year + 1, 10))
        if decades != self._birth_decades:
            self._birth_decades = decades
            self.birth_decade.set_choices(
                [(d, f"{max(d, EARLIEST_BIRTH_YEAR)}–{min(d + 9, this_year)}") for d in decades]
            )
        years = [y for y in range(self._decade, self._decade + 10) if y <= this_year]
        if list(self.birth_year.buttons) != years:
            self.birth_year.set_choices([(y, str(y)) for y in years])
        self.decade_heading.setText(self.tr("Decade"))
        self.year_heading.setText(self.tr("Year"))
        self.month_heading.setText(self.tr("Month"))
        self.day_heading.setText(self.tr("Day"))
        self.birth_decade.set_checked([self._decade])
        self.birth_year.set_checked([self._birth.get("year")])
        self.birth_month.set_checked([self._birth.get("month")])
        self.birth_day.set_checked([self._birth.get("day")])
        year, month = self._birth.get("year"), self._birth.get("month")
        last_day = calendar.monthrange(year or 2000, month or 1)[1] if month else 31
        for day, choice in self.birth_day.buttons.items():
            choice.setEnabled(isinstance(day, int) and day <= last_day)
        complete = len(self._birth) == 3
        self.chosen_date.setText(
            date(self._birth["year"], self._birth["month"], self._birth["day"]).isoformat()
            if complete
            else self.tr("Tap the year, the month and the day.")
        )
        self.next_button.setEnabled(complete)

    def _pick_decade(self, decade: object) -> None:
        assert isinstance(decade, int)
        self._decade = decade
        if _decade_of(self._birth.get("year", decade)) != decade:
            del self._birth["year"]  # a year of another decade: the visitor is choosing anew
        self._show_date()

    def _pick_date_part(self, part: str, value: object) -> None:
        assert isinstance(value, int)
        self._birth[part] = value
        if {"year", "month", "day"} <= set(self._birth):
            last_day = calendar.monthrange(self._birth["year"], self._birth["month"])[1]
            if self._birth["day"] > last_day:
                del self._birth["day"]
        self._show_date()

    def _show_programmes(self) -> None:
        lang, current = self.language, self.answers.get("programme", UNSURE)
        clear_layout(self.programme_column)
        self.programme_grids = []

        def group(heading: str, choices: list[tuple[object, str]]) -> None:
            self.programme_column.addWidget(label(heading, "section"))
            grid = ChoiceGrid(1)
            grid.set_choices(choices)
            grid.set_checked([current])
            grid.chosen.connect(self.answer)
            self.programme_column.addWidget(grid)
            self.programme_grids.append(grid)

        def name(code: str) -> str:
            return programme_label(self.catalog.programme(code), lang)

        shortlist = self.shell.session.shortlist
        if shortlist:
            group(self.tr("From my list"), [(code, name(code)) for code in shortlist])
        for sector in self.catalog.sectors:
            group(sector.name.get(lang), [(p.code, name(p.code)) for p in sector.programmes])
        group(
            self.tr("Something else"),
            [
                (OUTSIDE_SCHEME, self.tr("Another programme, not one of these 34")),
                (UNDECIDED, self.tr("I have not decided yet")),
            ],
        )
        self.programme_column.addStretch(1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = event.size().width() >= 1400
        self.birth_decade.set_columns(9 if wide else 5)
        self.birth_year.set_columns(10 if wide else 5)
        self.birth_month.set_columns(12 if wide else 6)
        self.birth_day.set_columns(16 if wide else 8)
        self.common_countries.set_columns(5 if wide else 3)
