"""The milestones of a visitor's timeline, as the kiosk draws them and the summary prints them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kiosk.catalog import Catalog
from kiosk.eligibility import Timeline
from kiosk.l10n import Language


@dataclass(frozen=True)
class Milestone:
    label: str
    day: date
    colour: str  # "#RRGGBB"
    until: date | None = None  # a span, such as the return window


def milestones(timeline: Timeline, catalog: Catalog, language: Language) -> list[Milestone]:
    """The timeline's milestones in date order, labelled in the visitor's language."""

    def text(key: str) -> str:
        return catalog.text(f"timeline.{key}").get(language)

    result = [
        Milestone(text("enrolment"), timeline.enrolment, "#1B4F9C"),
        Milestone(text("graduation"), timeline.expected_graduation, "#0E9F8E"),
        Milestone(
            text("return_window"),
            timeline.return_window[0],
            "#F28C28",
            until=timeline.return_window[1],
        ),
        Milestone(text("permanent_residence"), timeline.permanent_residence_earliest, "#E9546B"),
    ]
    # Turning 18 matters only when it happens after the visitor starts studying.
    if timeline.turns_18 is not None and timeline.turns_18 > timeline.enrolment:
        result.append(Milestone(text("turns_18"), timeline.turns_18, "#6B4FA0"))
    return sorted(result, key=lambda milestone: milestone.day)
