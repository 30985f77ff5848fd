"""The milestones of a visitor's timeline, as the kiosk draws them and the summary prints them.

Every date but turning 18 is an estimate (eligibility.TIMELINE_ASSUMPTIONS): it is told as a month
and says so ("预计2029年3月至8月", "March to August 2029 (estimated)"); turning 18 is the
visitor's own date, told to the day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kiosk.catalog import Catalog
from kiosk.eligibility import EligibilityOutcome, Timeline
from kiosk.l10n import Language

ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True)
class Milestone:
    label: str
    day: date  # for the order only: an estimated date is told by ``when``
    when: str  # "预计2029年3月至8月", "15 March 2026" …
    colour: str  # "#RRGGBB"
    is_span: bool = False  # a span, such as the return window


def month_text(day: date, language: Language, *, with_year: bool = True) -> str:
    if language == "en":
        return (
            f"{ENGLISH_MONTHS[day.month - 1]} {day.year}"
            if with_year
            else ENGLISH_MONTHS[day.month - 1]
        )
    return f"{day.year}年{day.month}月" if with_year else f"{day.month}月"


def month_span_text(start: date, end: date, language: Language) -> str:
    """ "2029年3月至8月", "March to August 2029"; both years when they differ."""
    same_year = start.year == end.year
    if language == "en":
        return (
            f"{month_text(start, language, with_year=not same_year)} to {month_text(end, language)}"
        )
    return f"{month_text(start, language)}至{month_text(end, language, with_year=not same_year)}"


def day_text(day: date, language: Language) -> str:
    if language == "en":
        return f"{day.day} {ENGLISH_MONTHS[day.month - 1]} {day.year}"
    return f"{day.year}年{day.month}月{day.day}日"


def timeline_heading(outcome: EligibilityOutcome, catalog: Catalog, language: Language) -> str:
    """Talking to staff, the visitor may not be eligible: the timeline says "if you are"."""
    key = "heading_if_eligible" if outcome.outcome == "talk_to_staff" else "heading"
    return catalog.text(f"timeline.{key}").get(language)


def milestones(timeline: Timeline, catalog: Catalog, language: Language) -> list[Milestone]:
    """The timeline's milestones in date order, labelled in the visitor's language."""

    def text(key: str) -> str:
        return catalog.text(f"timeline.{key}").get(language)

    def estimated(when: str) -> str:
        return text("estimated").replace("{date}", when)

    start, end = timeline.return_window
    result = [
        Milestone(
            text("enrolment"),
            timeline.enrolment,
            estimated(month_text(timeline.enrolment, language)),
            "#1B4F9C",
        ),
        Milestone(
            text("graduation"),
            timeline.expected_graduation,
            estimated(month_text(timeline.expected_graduation, language)),
            "#0E9F8E",
        ),
        Milestone(
            text("return_window"),
            start,
            estimated(month_span_text(start, end, language)),
            "#F28C28",
            is_span=True,
        ),
        Milestone(
            text("permanent_residence"),
            timeline.permanent_residence_earliest,
            estimated(month_text(timeline.permanent_residence_earliest, language)),
            "#E9546B",
        ),
    ]
    # Turning 18 matters only when it happens after the visitor starts studying.
    if timeline.turns_18 is not None and timeline.turns_18 > timeline.enrolment:
        result.append(
            Milestone(
                text("turns_18"),
                timeline.turns_18,
                day_text(timeline.turns_18, language),
                "#6B4FA0",
            )
        )
    return sorted(result, key=lambda milestone: milestone.day)
