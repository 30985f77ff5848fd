"""The order of the eligibility questions, which ones still matter, and the flow as a graph.

Shared by the kiosk's wizard and ``kiosk eligibility --graph``, so staff see the real paths.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from kiosk.catalog import Catalog
from kiosk.eligibility import (
    ANSWER_KEYS,
    BROKEN_RULES,
    CONDITIONS,
    INTAKE_NOT_COVERED,
    YES_NO_KEYS,
)
from kiosk.l10n import Language

QuestionKind = Literal["yes_no", "nationality", "date", "year", "programme"]
KINDS: dict[str, QuestionKind] = {
    **dict.fromkeys(YES_NO_KEYS, "yes_no"),
    "nationalities": "nationality",
    "birth_date": "date",
    "intake_year": "year",
    "programme": "programme",
}


@dataclass(frozen=True)
class Question:
    key: str
    kind: QuestionKind

    def prompt(self, catalog: Catalog, language: Language) -> str:
        return catalog.text(f"question.{self.key}.prompt").get(language)

    def help(self, catalog: Catalog, language: Language) -> str:
        return catalog.text(f"question.{self.key}.help").get(language)


QUESTIONS = tuple(Question(key, KINDS[key]) for key in ANSWER_KEYS)


def ends_early(answers: Mapping[str, Any]) -> bool:
    """A local student is told at once: the other questions no longer matter."""
    return answers.get("hong_kong_resident") is True


def questions_to_ask(answers: Mapping[str, Any]) -> list[Question]:
    return list(QUESTIONS[:1] if ends_early(answers) else QUESTIONS)


def next_question(answers: Mapping[str, Any], current: str | None) -> Question | None:
    """The question after ``current`` (the first when None); None when the outcome is due."""
    asked = questions_to_ask(answers)
    keys = [question.key for question in asked]
    index = 0 if current is None else keys.index(current) + 1
    return asked[index] if index < len(asked) else None


def covered_years(catalog: Catalog) -> list[int]:
    """The intake years the leaflet describes; any other gets intake_year_not_covered."""
    covered: list[int] = catalog.rules.parameters["covered_intake_years"]
    return covered


def intake_years(catalog: Catalog) -> list[int]:
    """The years the wizard offers: those the leaflet covers and the one after (which is told
    that the leaflet does not cover it)."""
    covered = covered_years(catalog)
    return list(range(min(covered), max(covered) + 2))


def graph_dot(catalog: Catalog, language: Language = "en") -> str:
    """The question flow and the outcome precedence as Graphviz DOT."""

    def quoted(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    covered = ", ".join(f"{year}/{str(year + 1)[2:]}" for year in covered_years(catalog))
    not_covered = f"intake year not covered ({covered} only): {INTAKE_NOT_COVERED}"
    lines = [
        "digraph vpas_eligibility {",
        "  rankdir=TB;",
        '  node [shape=box, style="rounded", fontname="WenQuanYi Micro Hei"];',
        f"  label={quoted('VPAS eligibility check, rules ' + catalog.rules_version)};",
        "  start [shape=circle, label=start];",
    ]
    for question in QUESTIONS:
        label = f"{question.key}\\n{question.prompt(catalog, language)}"
        lines.append(f"  {question.key} [label={quoted(label)}];")
    lines.append(f"  start -> {QUESTIONS[0].key};")
    lines.append(f'  {QUESTIONS[0].key} -> not_applicable [label="yes (local student)"];')
    for question, following in zip(QUESTIONS, [*QUESTIONS[1:], None], strict=True):
        target = following.key if following else "rules"
        answers = "yes / no / not sure" if question.kind == "yes_no" else "answer / not sure"
        if question.key == "hong_kong_resident":
            answers = "no / not sure"
        if question.key == "programme":
            answers = "one of the 34 / other / not decided / not sure"
        lines.append(f"  {question.key} -> {target} [label={quoted(answers)}];")
    lines += [
        f"  rules [shape=diamond, label={quoted('rules ' + catalog.rules_version)}];",
        f"  rules -> talk_to_staff [label={quoted(not_covered)}];",
        f"  rules -> not_eligible [label={quoted('else any broken: ' + ', '.join(BROKEN_RULES))}];",
        '  rules -> talk_to_staff [label="else: any answer not sure or missing"];',
        f"  rules -> eligible_with_conditions [label={quoted('else: ' + ', '.join(CONDITIONS))}];",
        '  rules -> likely_eligible [label="else"];',
    ]
    for outcome in (
        "not_applicable",
        "not_eligible",
        "talk_to_staff",
        "eligible_with_conditions",
        "likely_eligible",
    ):
        lines.append(f'  {outcome} [shape=ellipse, style=filled, fillcolor="#E8F1FB"];')
    lines.append("}")
    return "\n".join(lines) + "\n"
