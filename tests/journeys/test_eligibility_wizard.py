"""The eligibility wizard through the real widgets, from the first question to the outcome."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.eligibility_flow import QUESTIONS
from kiosk.services import Services
from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screens.eligibility import EligibilityScreen
from kiosk.ui.screens.outcome import OutcomeScreen
from kiosk.ui.shell import Shell
from tests.personas import SHENZHEN_STUDENT
from tests.qt_fixtures import tap

pytestmark = pytest.mark.journey


@pytest.fixture
def shell_size() -> tuple[int, int]:
    return (1080, 1920)


def start(shell: Shell, qtbot: QtBot) -> EligibilityScreen:
    tap(qtbot, shell.current)  # leave the attract loop
    shell.set_language("en")
    shell.go_to(ScreenId.HOME)
    tap(qtbot, shell.screens[ScreenId.HOME].tiles[ScreenId.ELIGIBILITY])  # type: ignore[attr-defined]
    wizard = shell.current
    assert isinstance(wizard, EligibilityScreen)
    return wizard


def key_of(wizard: EligibilityScreen) -> str:
    assert wizard.question is not None
    return wizard.question.key


def answer_all(
    wizard: EligibilityScreen, qtbot: QtBot, *, nationality: str = "CN", intake: int = 2026
) -> None:
    tap(qtbot, wizard.yes_no.buttons[False])  # not a Hong Kong permanent resident
    assert key_of(wizard) == "nationalities"
    tap(qtbot, wizard.common_countries.buttons[nationality])
    tap(qtbot, wizard.next_button)
    assert key_of(wizard) == "birth_date"
    assert not wizard.next_button.isEnabled()
    tap(qtbot, wizard.birth_year.buttons[2008])
    tap(qtbot, wizard.birth_month.buttons[3])
    tap(qtbot, wizard.birth_day.buttons[15])
    tap(qtbot, wizard.next_button)
    assert key_of(wizard) == "intake_year"
    tap(qtbot, wizard.intake.buttons[intake])
    assert key_of(wizard) == "programme"
    software = next(
        grid.buttons["software-engineering"]
        for grid in wizard.programme_grids
        if "software-engineering" in grid.buttons
    )
    tap(qtbot, software)
    for key in ("previous_iang", "finish_within_3_years", "bring_dependants_while_studying"):
        assert key_of(wizard) == key
        tap(qtbot, wizard.yes_no.buttons[key == "finish_within_3_years"])


def test_a_mainland_student_is_likely_eligible(
    shell: Shell, qtbot: QtBot, services: Services
) -> None:
    wizard = start(shell, qtbot)
    assert wizard.progress_text.text() == "Question 1 of 8"
    answer_all(wizard, qtbot)
    outcome = shell.current
    assert isinstance(outcome, OutcomeScreen)
    assert outcome.headline.text() == "You are likely to be eligible for VPAS"
    assert shell.session.answers == SHENZHEN_STUDENT
    assert shell.session.outcome is not None
    assert shell.session.outcome["outcome"] == "likely_eligible"
    assert outcome.timeline_card.isVisible()
    labels = [m.label for m in outcome.timeline.milestones]
    window = "Apply to return for employment (months 7–12 after graduation)"
    assert "Graduate" in labels and window in labels
    dates = {m.label: m.when for m in outcome.timeline.milestones}
    assert dates[window] == "March to August 2029 (estimated)"
    assert dates["Graduate"] == "August 2028 (estimated)"
    assert outcome.timeline_heading.text() == "Your timeline (estimated)"
    assert outcome.findChild(QWidget, "reason-meets_age") is not None
    events = [e.subject for e in services.analytics.events() if e.kind == "eligibility_outcome"]
    assert events == ["likely_eligible"]
    # the verdict switches language in place
    shell.set_language("zh-Hans")
    assert outcome.headline.text() == "你很可能符合VPAS资格"


def test_a_local_student_is_told_at_once(shell: Shell, qtbot: QtBot) -> None:
    wizard = start(shell, qtbot)
    tap(qtbot, wizard.yes_no.buttons[True])
    outcome = shell.current
    assert isinstance(outcome, OutcomeScreen)
    assert shell.session.answers == {"hong_kong_resident": True}
    assert outcome.headline.text() == "You are a local student: VPAS is for non-local students"
    assert outcome.findChild(QWidget, "reason-local_student") is not None
    assert not outcome.timeline_card.isVisible()


def test_changing_an_answer_keeps_the_others(shell: Shell, qtbot: QtBot) -> None:
    wizard = start(shell, qtbot)
    answer_all(wizard, qtbot)
    outcome = shell.current
    assert isinstance(outcome, OutcomeScreen)
    tap(qtbot, outcome.findChild(QAbstractButton, "change-nationalities"))
    assert shell.current is wizard and key_of(wizard) == "nationalities"
    assert wizard.common_countries.buttons["CN"].isChecked()
    tap(qtbot, wizard.common_countries.buttons["VN"])  # dual nationality, one excluded
    tap(qtbot, wizard.next_button)
    assert shell.current is outcome
    assert shell.session.answers["nationalities"] == ["CN", "VN"]
    assert shell.session.answers["birth_date"] == "2008-03-15"
    assert outcome.headline.text() == "From your answers, VPAS is not open to you"
    assert outcome.findChild(QWidget, "reason-excluded_nationality") is not None
    # no VPAS timeline for a visitor who cannot use VPAS, though it was shown a moment ago
    assert not outcome.timeline_card.isVisible()
    assert not outcome.timeline_heading.isVisible()


def test_back_shows_the_previous_answer(shell: Shell, qtbot: QtBot) -> None:
    wizard = start(shell, qtbot)
    tap(qtbot, wizard.yes_no.buttons[False])
    tap(qtbot, wizard.common_countries.buttons["MY"])
    tap(qtbot, wizard.next_button)
    tap(qtbot, wizard.back_button)
    assert key_of(wizard) == "nationalities"
    assert wizard.common_countries.buttons["MY"].isChecked()
    tap(qtbot, wizard.back_button)
    assert key_of(wizard) == "hong_kong_resident"
    assert wizard.yes_no.buttons[False].isChecked()
    assert shell.session.answers["nationalities"] == ["MY"]


def test_back_to_a_birth_date_answered_not_sure(shell: Shell, qtbot: QtBot) -> None:
    wizard = start(shell, qtbot)
    tap(qtbot, wizard.yes_no.buttons[False])
    tap(qtbot, wizard.common_countries.buttons["CN"])
    tap(qtbot, wizard.next_button)
    tap(qtbot, wizard.unsure_button)
    assert key_of(wizard) == "intake_year"
    tap(qtbot, wizard.back_button)
    assert key_of(wizard) == "birth_date"
    assert wizard.birth_year.checked() == [] and not wizard.next_button.isEnabled()
    tap(qtbot, wizard.birth_year.buttons[2008])
    tap(qtbot, wizard.birth_month.buttons[3])
    tap(qtbot, wizard.birth_day.buttons[15])
    tap(qtbot, wizard.next_button)
    assert key_of(wizard) == "intake_year"
    assert shell.session.answers["birth_date"] == "2008-03-15"


@pytest.mark.parametrize("shell_size", [(1080, 1920), (1920, 1080)], ids=["portrait", "landscape"])
def test_every_birth_year_from_1940_is_a_decade_and_a_year_away(shell: Shell, qtbot: QtBot) -> None:
    wizard = start(shell, qtbot)
    tap(qtbot, wizard.yes_no.buttons[False])
    tap(qtbot, wizard.common_countries.buttons["CN"])
    tap(qtbot, wizard.next_button)
    assert key_of(wizard) == "birth_date"
    this_year = shell.services.clock.now().year
    decades = list(wizard.birth_decade.buttons)
    assert decades == list(range(1940, this_year - this_year % 10 + 1, 10))
    reachable = set()
    for decade in decades:
        tap(qtbot, wizard.birth_decade.buttons[decade])
        reachable |= set(wizard.birth_year.buttons)
        for choice in (*wizard.birth_decade.buttons.values(), *wizard.birth_year.buttons.values()):
            assert choice.width() >= 64 and choice.height() >= 64
    assert reachable == set(range(1940, this_year + 1))  # no upper age in the leaflet
    tap(qtbot, wizard.birth_decade.buttons[1950])
    tap(qtbot, wizard.birth_year.buttons[1957])
    tap(qtbot, wizard.birth_month.buttons[4])
    tap(qtbot, wizard.birth_day.buttons[30])
    assert wizard.unsure_button.isVisible() and wizard.unsure_button.isEnabled()
    tap(qtbot, wizard.next_button)
    assert key_of(wizard) == "intake_year"
    assert shell.session.answers["birth_date"] == "1957-04-30"
    tap(qtbot, wizard.back_button)  # back to the question: the date is still chosen
    assert key_of(wizard) == "birth_date"
    assert wizard.birth_decade.checked() == [1950] and wizard.birth_year.checked() == [1957]
    assert (wizard.birth_month.checked(), wizard.birth_day.checked()) == ([4], [30])
    assert wizard.chosen_date.text() == "1957-04-30" and wizard.next_button.isEnabled()
    tap(qtbot, wizard.birth_decade.buttons[1990])  # another decade: the year is chosen anew
    assert wizard.birth_year.checked() == [] and not wizard.next_button.isEnabled()


def test_nationality_by_pinyin_on_the_touch_keyboard(shell: Shell, qtbot: QtBot) -> None:
    wizard = start(shell, qtbot)
    tap(qtbot, wizard.yes_no.buttons[False])
    assert not wizard.country_keyboard.isVisible()
    tap(qtbot, wizard.country_field)  # touching the field brings up the keyboard
    for letter in "xinjiapo":  # 新加坡, not among the common choices
        tap(qtbot, wizard.country_keyboard.keys[letter])
    tap(qtbot, wizard.country_results.buttons["SG"])
    assert wizard.chosen_countries.text() == "Chosen: Singapore"
    tap(qtbot, wizard.next_button)
    assert shell.session.answers["nationalities"] == ["SG"]


def test_an_intake_year_the_leaflet_does_not_cover(shell: Shell, qtbot: QtBot) -> None:
    wizard = start(shell, qtbot)
    assert set(wizard.intake.buttons) == {2026, 2027}  # the wizard still offers 2027/28
    answer_all(wizard, qtbot, intake=2027)
    outcome = shell.current
    assert isinstance(outcome, OutcomeScreen)
    assert outcome.headline.text() == "Please talk to our staff"
    reason = outcome.findChild(QWidget, "reason-intake_year_not_covered")
    assert reason is not None
    assert outcome.findChild(QWidget, "reason-meets_age") is None
    assert not outcome.timeline_card.isVisible()
    assert outcome.findChild(QWidget, "advisory-job_conditions") is None


def test_not_sure_everywhere_means_talk_to_staff(shell: Shell, qtbot: QtBot) -> None:
    wizard = start(shell, qtbot)
    for _ in range(8):
        tap(qtbot, wizard.unsure_button)
    outcome = shell.current
    assert isinstance(outcome, OutcomeScreen)
    assert outcome.headline.text() == "Please talk to our staff"
    assert outcome.findChild(QWidget, "reason-unsure_birth_date") is not None
    assert not outcome.timeline_card.isVisible()


def test_the_programme_page_prefills_the_programme(shell: Shell, qtbot: QtBot) -> None:
    tap(qtbot, shell.current)
    shell.set_language("zh-Hans")
    shell.go_to(ScreenId.PROGRAMME, programme="culinary-arts")
    tap(qtbot, shell.current.findChild(QAbstractButton, "checkEligibility"))
    wizard = shell.current
    assert isinstance(wizard, EligibilityScreen)
    assert shell.session.answers == {"programme": "culinary-arts"}
    wizard.show_question(next(q for q in QUESTIONS if q.key == "programme"))
    checked = [
        value
        for grid in wizard.programme_grids
        for value, b in grid.buttons.items()
        if b.isChecked()
    ]
    assert checked == ["culinary-arts"]


def test_a_single_programme_on_the_list_is_prefilled(shell: Shell, qtbot: QtBot) -> None:
    tap(qtbot, shell.current)
    shell.toggle_shortlist("maritime-studies")
    wizard = start(shell, qtbot)
    assert shell.session.answers == {"programme": "maritime-studies"}
    wizard.show_question(next(q for q in QUESTIONS if q.key == "programme"))
    first = wizard.programme_grids[0]  # "From my list" comes first
    assert list(first.buttons) == ["maritime-studies"]
    assert first.buttons["maritime-studies"].isChecked()
