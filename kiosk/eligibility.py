"""The VPAS eligibility check: a visitor's answers in, an outcome that explains itself out.

Contract: DESIGN.md ("Eligibility answers", "Outcome"). Every rule's parameters and every reason's
text are data in the content database (rules.toml), versioned with the leaflet's data date; this
module only applies them, in DESIGN.md's precedence:

1. a local student (Hong Kong permanent resident or right to land) -> not_applicable;
2. an intake year outside the rules' ``covered_intake_years`` (the leaflet describes 2026/27) ->
   talk_to_staff with intake_year_not_covered alone: the leaflet's rules are not claimed, broken
   or met, for a year it does not describe;
3. any rule broken -> not_eligible, every broken rule listed;
4. otherwise any answer not known ("unsure" or missing) -> talk_to_staff;
5. otherwise a condition still to meet -> eligible_with_conditions;
6. otherwise likely_eligible, with the rules met.

Only a visitor who may still use VPAS (steps 4 to 6) is given a timeline and the VPAS advisories
(staying to seek work, the job conditions for returning, dependants, permanent residence); every
outcome keeps immd_prevails ("for reference only").

Dates: the timeline's dates are estimates to the month, from TIMELINE_ASSUMPTIONS (texts in
rules.toml's [assumptions]): an academic year runs from September (``academic_year_start_month``)
to the end of August, so the 2-year Higher Diploma of intake year Y ends in August Y+2; "the 7th to
the 12th month after graduation" are the calendar months after the graduation month (March to
August Y+3); seven years' residence are counted from enrolment. Turning 18 is the visitor's own
date, to the day.
"""

from __future__ import annotations

import calendar
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

from kiosk.catalog import RulesData
from kiosk.errors import KioskError, shown
from kiosk.l10n import Language

UNSURE = "unsure"
ANSWER_KEYS = (
    "hong_kong_resident",
    "nationalities",
    "birth_date",
    "intake_year",
    "programme",
    "previous_iang",
    "finish_within_3_years",
    "bring_dependants_while_studying",
)
YES_NO_KEYS = (
    "hong_kong_resident",
    "previous_iang",
    "finish_within_3_years",
    "bring_dependants_while_studying",
)
OUTSIDE_SCHEME = "other"
INTAKE_YEARS = range(2000, 2101)
# Far wider than any visitor's, and narrow enough that every date the timeline adds up exists.
BIRTH_YEARS = range(1900, 2101)
OUTCOMES = (
    "likely_eligible",
    "eligible_with_conditions",
    "not_eligible",
    "not_applicable",
    "talk_to_staff",
)
Outcome = Literal[
    "likely_eligible", "eligible_with_conditions", "not_eligible", "not_applicable", "talk_to_staff"
]
ONE_DAY = timedelta(days=1)
# Reason codes by the step of the precedence that gives them, in the order they are listed.
BROKEN_RULES = (
    "excluded_nationality",
    "previous_iang",
    "programme_not_in_scheme",
    "completion_over_3_years",
    "under_18_at_application",
)
CONDITIONS = ("under_18_at_graduation", "programme_undecided", "no_dependants_while_studying")
RULES_MET = (
    "meets_non_local",
    "meets_nationality",
    "meets_age",
    "programme_in_scheme",
    "no_previous_iang",
    "completes_within_3_years",
)
# What a visitor who may use VPAS should know, and what every visitor is told.
VPAS_ADVISORIES = (
    "stay_to_seek_work",
    "job_conditions",
    "dependants_after_vpas",
    "permanent_residence",
)
IMMD_PREVAILS = "immd_prevails"
ADVISORIES = (*VPAS_ADVISORIES, IMMD_PREVAILS)
INTAKE_NOT_COVERED = "intake_year_not_covered"
LOCAL_STUDENT = "local_student"
# The outcomes of a visitor who may still use VPAS (not for an intake year not covered).
MAY_USE_VPAS = ("likely_eligible", "eligible_with_conditions", "talk_to_staff")
# What the timeline's estimated dates assume (codes of rules.toml's [assumptions]).
TIMELINE_ASSUMPTIONS = (
    "september_start",
    "graduation_in_august",
    "months_after_graduation",
    "residence_from_enrolment",
)


class AnswerError(KioskError):
    """An answer that is not one the contract allows (one sentence)."""


@dataclass(frozen=True)
class Answers:
    """Validated answers; a key absent from ``known`` was missing or answered "unsure"."""

    known: Mapping[str, Any] = field(default_factory=dict)

    def is_known(self, key: str) -> bool:
        return key in self.known

    def get(self, key: str) -> Any:
        return self.known.get(key)


def _parse_bool(key: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise AnswerError(f"The answer '{key}' must be true, false or \"unsure\", not {shown(value)}.")


def _parse_date(value: Any) -> date:
    if not isinstance(value, str):
        raise AnswerError(f'The birth_date must be a date like "2008-03-15", not {shown(value)}.')
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise AnswerError(
            f"The birth_date {shown(value)} is not a real date (YYYY-MM-DD)."
        ) from None
    if len(value) != 10:
        raise AnswerError(f"The birth_date {shown(value)} must be written YYYY-MM-DD.")
    if parsed.year not in BIRTH_YEARS:
        raise AnswerError(
            f"The birth_date {shown(value)} is not a date of birth "
            f"(years {BIRTH_YEARS.start} to {BIRTH_YEARS.stop - 1})."
        )
    return parsed


def _is_code_of(value: Any, programme_codes: Collection[str]) -> bool:
    """Whether ``value`` is one of the codes (a list or an object is not: a set cannot hold it)."""
    return isinstance(value, str) and value in programme_codes


def parse_answers(raw: Any, rules: RulesData, programme_codes: Collection[str]) -> Answers:
    """Check answers against the contract; raise AnswerError with one sentence if they break it."""
    if not isinstance(raw, Mapping):
        raise AnswerError('The answers must be a JSON object, like {"intake_year": 2026}.')
    known: dict[str, Any] = {}
    for key in sorted(raw):
        if key not in ANSWER_KEYS:
            raise AnswerError(f"Unknown answer {shown(key)}: use {', '.join(ANSWER_KEYS)}.")
        value = raw[key]
        if key == "programme":
            if value is None or value == OUTSIDE_SCHEME or _is_code_of(value, programme_codes):
                known[key] = value
            elif value != UNSURE:
                raise AnswerError(
                    f"Unknown programme {shown(value)}: use one of the 34 codes of "
                    '\'kiosk content list\', "other", null or "unsure".'
                )
            continue
        if value is None or value == UNSURE:
            continue
        if key in YES_NO_KEYS:
            known[key] = _parse_bool(key, value)
        elif key == "nationalities":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise AnswerError('The nationalities must be a list of country codes like ["CN"].')
            codes = [code.upper() for code in value]
            for code in codes:
                if code not in rules.country_codes:
                    raise AnswerError(
                        f"Unknown country code {shown(code)}: use ISO 3166 codes like CN."
                    )
            if codes:
                known[key] = tuple(dict.fromkeys(codes))
        elif key == "birth_date":
            known[key] = _parse_date(value)
        elif key == "intake_year":
            if isinstance(value, bool) or not isinstance(value, int) or value not in INTAKE_YEARS:
                raise AnswerError(
                    f"The intake_year must be a year like 2026 (for 2026/27), not {shown(value)}."
                )
            known[key] = value
    return Answers(known)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, moved back to the month's last day when it has none."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def month_of(day: date) -> str:
    """An estimated date as the contract gives it: its month, "2029-03"."""
    return f"{day.year:04d}-{day.month:02d}"


@dataclass(frozen=True)
class Timeline:
    """The estimated dates (TIMELINE_ASSUMPTIONS) held as days for comparing with turning 18,
    told to the month: a start month's first day, an end month's last day."""

    enrolment: date
    expected_graduation: date  # the last day of the graduation month
    return_window: tuple[date, date]  # the first day of month 7, the last of month 12
    permanent_residence_earliest: date  # a lower bound: enrolment + 7 years
    turns_18: date | None = None  # the visitor's own date, exact

    @property
    def earliest_application(self) -> date | None:
        """18 or above and graduated (footnote 1): the later of graduation and turning 18."""
        return None if self.turns_18 is None else max(self.expected_graduation, self.turns_18)

    def to_json(self) -> dict[str, Any]:
        document: dict[str, Any] = {
            "estimated": True,
            "assumptions": list(TIMELINE_ASSUMPTIONS),
            "enrolment": month_of(self.enrolment),
            "expected_graduation": month_of(self.expected_graduation),
            "return_window": {
                "from": month_of(self.return_window[0]),
                "to": month_of(self.return_window[1]),
            },
            "permanent_residence_earliest": month_of(self.permanent_residence_earliest),
        }
        if self.turns_18 is not None:
            document["turns_18"] = self.turns_18.isoformat()
            # A day when turning 18 decides it, else the estimated graduation month.
            document["earliest_application"] = (
                self.turns_18.isoformat()
                if self.turns_18 > self.expected_graduation
                else month_of(self.expected_graduation)
            )
        return document


def timeline_for(answers: Answers, rules: RulesData) -> Timeline | None:
    if not answers.is_known("intake_year"):
        return None
    parameters = rules.parameters
    intake: int = answers.get("intake_year")
    enrolment = date(intake, parameters["academic_year_start_month"], 1)
    graduation_month = add_months(enrolment, 12 * parameters["programme_academic_years"] - 1)
    graduation = add_months(graduation_month, 1) - ONE_DAY
    first_month, last_month = parameters["return_window_months"]
    window = (
        add_months(graduation_month, first_month),
        add_months(graduation_month, last_month + 1) - ONE_DAY,
    )
    residence = add_months(enrolment, 12 * parameters["permanent_residence_years"])
    if not answers.is_known("birth_date"):
        return Timeline(enrolment, graduation, window, residence)
    born: date = answers.get("birth_date")
    turns_18 = add_months(born, 12 * parameters["minimum_age_at_application"])
    return Timeline(enrolment, graduation, window, residence, turns_18)


@dataclass(frozen=True)
class Reason:
    code: str
    text: str
    source: str

    def to_json(self) -> dict[str, str]:
        return {"code": self.code, "text": self.text, "source": self.source}


@dataclass(frozen=True)
class EligibilityOutcome:
    outcome: Outcome
    reasons: tuple[Reason, ...]
    advisories: tuple[Reason, ...]
    timeline: Timeline | None
    rules_version: str

    @property
    def reason_codes(self) -> list[str]:
        return [reason.code for reason in self.reasons]

    def to_json(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome,
            "reasons": [reason.to_json() for reason in self.reasons],
            "advisories": [advisory.to_json() for advisory in self.advisories],
            "timeline": self.timeline.to_json() if self.timeline else None,
            "rules_version": self.rules_version,
        }


def _broken_rules(answers: Answers, rules: RulesData, timeline: Timeline | None) -> list[str]:
    turns_18 = timeline.turns_18 if timeline else None
    checks = {
        "excluded_nationality": bool(
            set(rules.parameters["excluded_nationalities"])
            & set(answers.get("nationalities") or ())
        ),
        "previous_iang": answers.get("previous_iang") is True,
        "programme_not_in_scheme": answers.get("programme") == OUTSIDE_SCHEME,
        "completion_over_3_years": answers.get("finish_within_3_years") is False,
        "under_18_at_application": bool(
            timeline and turns_18 and turns_18 > timeline.return_window[1]
        ),
    }
    return [code for code in BROKEN_RULES if checks[code]]


def _conditions(answers: Answers, timeline: Timeline | None) -> list[str]:
    turns_18 = timeline.turns_18 if timeline else None
    checks = {
        "under_18_at_graduation": bool(
            timeline and turns_18 and turns_18 > timeline.expected_graduation
        ),
        "programme_undecided": answers.is_known("programme") and answers.get("programme") is None,
        "no_dependants_while_studying": answers.get("bring_dependants_while_studying") is True,
    }
    return [code for code in CONDITIONS if checks[code]]


def _verdict(
    answers: Answers, rules: RulesData, timeline: Timeline | None
) -> tuple[Outcome, list[str]]:
    if answers.get("hong_kong_resident") is True:
        return "not_applicable", [LOCAL_STUDENT]
    intake = answers.get("intake_year")
    if intake is not None and intake not in rules.parameters["covered_intake_years"]:
        return "talk_to_staff", [INTAKE_NOT_COVERED]
    broken = _broken_rules(answers, rules, timeline)
    if broken:
        return "not_eligible", broken
    unsure = [f"unsure_{key}" for key in ANSWER_KEYS if not answers.is_known(key)]
    if unsure:
        return "talk_to_staff", unsure
    conditions = _conditions(answers, timeline)
    if conditions:
        return "eligible_with_conditions", conditions
    return "likely_eligible", list(RULES_MET)


def evaluate(
    answers: Answers, rules: RulesData, language: Language = "zh-Hans"
) -> EligibilityOutcome:
    timeline = timeline_for(answers, rules)
    outcome, codes = _verdict(answers, rules, timeline)

    def reason(code: str) -> Reason:
        text = rules.reasons[code]
        return Reason(code, text.text.get(language), rules.source_label(text.sources, language))

    may_use_vpas = outcome in MAY_USE_VPAS and INTAKE_NOT_COVERED not in codes
    advisories = ADVISORIES if may_use_vpas else (IMMD_PREVAILS,)
    return EligibilityOutcome(
        outcome=outcome,
        reasons=tuple(reason(code) for code in codes),
        advisories=tuple(reason(code) for code in advisories),
        timeline=timeline if may_use_vpas else None,
        rules_version=rules.version,
    )


def reason_codes_used() -> set[str]:
    """Every code this module can give; each needs a text in rules.toml (a test checks)."""
    unsure = {f"unsure_{key}" for key in ANSWER_KEYS}
    return {
        LOCAL_STUDENT,
        INTAKE_NOT_COVERED,
        *BROKEN_RULES,
        *CONDITIONS,
        *RULES_MET,
        *ADVISORIES,
    } | unsure
