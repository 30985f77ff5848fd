"""The human-editable content sources (TOML under ``kiosk/data/content/``): read and check.

``read_sources`` never stops at the first problem: staff fixing a file want every problem at
once, each as one sentence that names the file and the entry.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.errors import KioskError

SOURCE_FILES = ("sectors.toml", "texts.toml", "rules.toml", "countries.toml")
REASON_KINDS = ("not_applicable", "broken", "condition", "unsure", "met", "advisory")
REQUIRED_LANGUAGES = ("zh-Hans", "en")  # zh-Hant may be generated with OpenCC
KNOWN_LANGUAGES = ("zh-Hans", "zh-Hant", "en")
REQUIRED_TEXTS = (
    "scheme_name",
    "slogan",
    "intro",
    "data_date",
    "data_change_note",
    "disclaimer",
    "copyright",
)
OUTCOME_CODES = (
    "likely_eligible",
    "eligible_with_conditions",
    "not_eligible",
    "not_applicable",
    "talk_to_staff",
)
# Texts in nested tables that the kiosk's screens and the printed summary look up by key.
REQUIRED_NESTED_TEXTS = (
    *(f"outcome.{code}.{part}" for code in OUTCOME_CODES for part in ("headline", "summary")),
    *(
        f"timeline.{key}"
        for key in (
            "heading",
            "enrolment",
            "graduation",
            "return_window",
            "permanent_residence",
            "turns_18",
            "note",
        )
    ),
    *(
        f"summary.{key}"
        for key in (
            "title",
            "subtitle",
            "made_on",
            "my_list",
            "empty_list",
            "eligibility",
            "why",
            "good_to_know",
            "next_steps",
            "step_programmes",
            "step_admission",
            "step_immd",
            "official_pages",
            "page",
            "phone",
            "email",
        )
    ),
    *(
        f"privacy.{key}"
        for key in (
            "title",
            "collector",
            "purpose",
            "transfer",
            "retention",
            "rights",
            "only_these",
            "consent_contact",
            "consent_transfer",
            "consent_news",
            "age_question",
            "age_under_14",
            "age_14_to_17",
            "age_18_or_over",
            "guardian",
            "under_14_no_guardian",
        )
    ),
)
NESTED_TEXT_TABLES = ("headings", "outcome", "timeline", "summary", "privacy")
REQUIRED_CONTACTS = ("general", "admissions")

SourceText = dict[str, str]  # language -> text; zh-Hant optional


class ContentSourceError(KioskError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class SourceProgramme:
    code: str
    name: SourceText


@dataclass
class SourceSector:
    code: str
    icon: str
    new_from: str | None
    name: SourceText
    jobs: list[SourceText]
    programmes: list[SourceProgramme]


@dataclass
class SourceContact:
    code: str
    fields: dict[str, SourceText]
    phone: str | None
    email: str | None


@dataclass
class SourceReason:
    code: str
    kind: str
    source: str  # "footnote:N" | "key_point:N"
    text: SourceText


@dataclass
class SourceRules:
    version: str
    parameters: dict[str, Any]
    source_labels: dict[str, SourceText]
    reasons: list[SourceReason]
    questions: list[tuple[str, SourceText, SourceText]]  # key, prompt, help


@dataclass
class SourceCountries:
    common: list[str]
    not_nationalities: list[str]
    names: dict[str, SourceText]


@dataclass
class ContentSource:
    rules: SourceRules
    countries: SourceCountries
    sectors: list[SourceSector]
    texts: dict[str, SourceText]  # dotted keys, in source order (aims.1, aims.2 …)
    key_points: list[tuple[int, list[int], SourceText]]
    footnotes: list[tuple[int, int, SourceText]]  # number, part (0 = whole), text
    supports: list[tuple[str, SourceText, SourceText]]
    links: list[tuple[str, str, SourceText]]
    contacts: list[SourceContact]
    files: list[Path] = field(default_factory=list)

    @property
    def rules_version(self) -> str:
        return self.rules.version


class _Checker:
    """Collects problems as sentences while reading the raw TOML."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def problem(self, sentence: str) -> None:
        self.problems.append(sentence)

    def text(self, raw: Any, where: str) -> SourceText:
        if not isinstance(raw, dict):
            self.problem(
                f"{where} must be a table of texts by language, like {{ zh-Hans = …, en = … }}."
            )
            return {}
        result: SourceText = {}
        for language, value in raw.items():
            if language not in KNOWN_LANGUAGES:
                self.problem(f"{where} has an unknown language '{language}'.")
            elif not isinstance(value, str) or not value.strip():
                self.problem(f"{where} has an empty {language} text.")
            else:
                result[language] = value.strip()
        for language in REQUIRED_LANGUAGES:
            if language not in raw:
                self.problem(f"{where} is missing its {language} translation.")
        return result

    def string(self, raw: dict[str, Any], key: str, where: str) -> str:
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            self.problem(f"{where} has no '{key}'.")
            return ""
        return value.strip()

    def unique(self, codes: list[str], what: str) -> None:
        seen: set[str] = set()
        for code in codes:
            if code in seen:
                self.problem(f"The {what} code '{code}' is used more than once.")
            seen.add(code)


def _load_toml(path: Path, checker: _Checker) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        checker.problem(f"The content source {path.name} is missing from {path.parent}.")
    except tomllib.TOMLDecodeError as error:
        checker.problem(f"{path.name} is not valid TOML: {error}.")
    return {}


def _read_sectors(raw: dict[str, Any], checker: _Checker, icon_dir: Path) -> list[SourceSector]:
    sectors: list[SourceSector] = []
    for index, raw_sector in enumerate(raw.get("sector", []), start=1):
        code = checker.string(raw_sector, "code", f"Sector number {index} in sectors.toml")
        where = f"Sector '{code or index}'"
        icon = checker.string(raw_sector, "icon", where)
        if icon and not (icon_dir / f"{icon}.svg").is_file():
            checker.problem(f"{where} refers to the icon '{icon}', which is not in {icon_dir}.")
        programmes = []
        for p_index, raw_programme in enumerate(raw_sector.get("programme", []), start=1):
            p_code = checker.string(raw_programme, "code", f"Programme {p_index} of {where}")
            p_where = f"Programme '{p_code or p_index}'"
            programmes.append(
                SourceProgramme(
                    p_code, checker.text(raw_programme.get("name"), f"{p_where}'s name")
                )
            )
        if not programmes:
            checker.problem(f"{where} has no programmes.")
        jobs = [
            checker.text(job, f"Job example {j} of {where}")
            for j, job in enumerate(raw_sector.get("jobs", []), start=1)
        ]
        if not jobs:
            checker.problem(f"{where} has no job examples.")
        sectors.append(
            SourceSector(
                code=code,
                icon=icon,
                new_from=raw_sector.get("new_from"),
                name=checker.text(raw_sector.get("name"), f"{where}'s name"),
                jobs=jobs,
                programmes=programmes,
            )
        )
    if not sectors:
        checker.problem("sectors.toml defines no [[sector]].")
    checker.unique([s.code for s in sectors], "sector")
    checker.unique([p.code for s in sectors for p in s.programmes], "programme")
    return sectors


def _read_texts(raw: dict[str, Any], checker: _Checker) -> dict[str, SourceText]:
    texts: dict[str, SourceText] = {}
    for key in REQUIRED_TEXTS:
        if key not in raw:
            checker.problem(f"texts.toml is missing the text '{key}'.")
    for key, value in raw.items():
        if isinstance(value, dict) and key in REQUIRED_TEXTS:
            texts[key] = checker.text(value, f"The text '{key}'")
    for number, aim in enumerate(raw.get("aims", []), start=1):
        texts[f"aims.{number}"] = checker.text(aim, f"Aim {number}")
    for table in NESTED_TEXT_TABLES:
        _read_nested_texts(raw.get(table, {}), table, texts, checker)
    for key in REQUIRED_NESTED_TEXTS:
        if key not in texts:
            checker.problem(f"texts.toml is missing the text '{key}'.")
    return texts


def _read_nested_texts(
    raw: Any, prefix: str, texts: dict[str, SourceText], checker: _Checker
) -> None:
    """Read a table of texts, or of tables of texts, under dotted keys (outcome.not_eligible.…)."""
    if not isinstance(raw, dict):
        checker.problem(f"[{prefix}] in texts.toml must be a table.")
        return
    for key, value in raw.items():
        dotted = f"{prefix}.{key}"
        if isinstance(value, dict) and not set(value) & set(KNOWN_LANGUAGES):
            _read_nested_texts(value, dotted, texts, checker)
        else:
            texts[dotted] = checker.text(value, f"The text '{dotted}'")


def _read_footnotes(raw: dict[str, Any], checker: _Checker) -> list[tuple[int, int, SourceText]]:
    footnotes: list[tuple[int, int, SourceText]] = []
    for raw_note in raw.get("footnote", []):
        number = raw_note.get("number")
        if not isinstance(number, int):
            checker.problem("A [[footnote]] in texts.toml has no whole 'number'.")
            continue
        where = f"Footnote {number}"
        if "parts" in raw_note:
            for part, text in enumerate(raw_note["parts"], start=1):
                footnotes.append((number, part, checker.text(text, f"{where} part {part}")))
        else:
            footnotes.append((number, 0, checker.text(raw_note.get("text"), where)))
    checker.unique([str(n) for n, part, _ in footnotes if part <= 1], "footnote")
    return footnotes


def _read_key_points(
    raw: dict[str, Any], checker: _Checker, footnote_numbers: set[int]
) -> list[tuple[int, list[int], SourceText]]:
    points = []
    for raw_point in raw.get("key_point", []):
        step = raw_point.get("step")
        where = f"Key point {step}"
        notes = [int(n) for n in raw_point.get("footnotes", [])]
        for note in notes:
            if note not in footnote_numbers:
                checker.problem(
                    f"{where} refers to footnote {note}, which texts.toml does not define."
                )
        points.append((int(step), notes, checker.text(raw_point.get("text"), where)))
    if not points:
        checker.problem("texts.toml defines no [[key_point]].")
    checker.unique([str(step) for step, _, _ in points], "key point")
    return points


def _read_contacts(raw: dict[str, Any], checker: _Checker) -> list[SourceContact]:
    contacts = []
    raw_contacts = raw.get("contacts", {})
    for code in REQUIRED_CONTACTS:
        if code not in raw_contacts:
            checker.problem(f"texts.toml is missing [contacts.{code}].")
    for code, raw_contact in raw_contacts.items():
        fields = {
            name: checker.text(raw_contact[name], f"The {name} of contact '{code}'")
            for name in ("title", "organisation", "address", "text")
            if name in raw_contact
        }
        contacts.append(
            SourceContact(code, fields, raw_contact.get("phone"), raw_contact.get("email"))
        )
    return contacts


def _read_rules(
    raw: dict[str, Any], checker: _Checker, key_points: set[int], footnotes: set[int]
) -> SourceRules:
    reasons = []
    for index, raw_reason in enumerate(raw.get("reason", []), start=1):
        code = checker.string(raw_reason, "code", f"Reason number {index} in rules.toml")
        where = f"Reason '{code}'"
        kind = checker.string(raw_reason, "kind", where)
        if kind and kind not in REASON_KINDS:
            checker.problem(f"{where} has an unknown kind '{kind}'.")
        source = checker.string(raw_reason, "source", where)
        place, _, number = source.partition(":")
        known = {"footnote": footnotes, "key_point": key_points}.get(place)
        if source and (known is None or not number.isdigit() or int(number) not in known):
            checker.problem(f"{where} cites '{source}', which the leaflet texts do not define.")
        reasons.append(
            SourceReason(code, kind, source, checker.text(raw_reason.get("text"), where))
        )
    checker.unique([reason.code for reason in reasons], "reason")
    parameters = raw.get("parameters", {})
    if not isinstance(parameters, dict) or not parameters:
        checker.problem("rules.toml has no [parameters].")
        parameters = {}
    labels = {
        place: checker.text(text, f"The source label '{place}'")
        for place, text in raw.get("source_labels", {}).items()
    }
    for place in ("footnote", "key_point"):
        if place not in labels:
            checker.problem(f"rules.toml is missing the source label '{place}'.")
    questions = []
    for index, raw_question in enumerate(raw.get("question", []), start=1):
        key = checker.string(raw_question, "key", f"Question number {index} in rules.toml")
        where = f"Question '{key}'"
        questions.append(
            (
                key,
                checker.text(raw_question.get("prompt"), f"{where}'s prompt"),
                checker.text(raw_question.get("help"), f"{where}'s help"),
            )
        )
    checker.unique([key for key, _, _ in questions], "question")
    return SourceRules(
        version=checker.string(raw, "version", "rules.toml"),
        parameters=parameters,
        source_labels=labels,
        reasons=reasons,
        questions=questions,
    )


def _read_countries(raw: dict[str, Any], checker: _Checker) -> SourceCountries:
    names = {
        code: checker.text(text, f"The country name '{code}'")
        for code, text in raw.get("names", {}).items()
    }
    return SourceCountries(
        common=list(raw.get("common", [])),
        not_nationalities=list(raw.get("not_nationalities", [])),
        names=names,
    )


def read_sources(source_dir: Path, icon_dir: Path) -> ContentSource:
    """Read and check every source file; raise ContentSourceError listing all problems."""
    checker = _Checker()
    sectors_raw = _load_toml(source_dir / "sectors.toml", checker)
    texts_raw = _load_toml(source_dir / "texts.toml", checker)
    rules_raw = _load_toml(source_dir / "rules.toml", checker)
    countries_raw = _load_toml(source_dir / "countries.toml", checker)
    if checker.problems:
        raise ContentSourceError(checker.problems)

    sectors = _read_sectors(sectors_raw, checker, icon_dir)
    footnotes = _read_footnotes(texts_raw, checker)
    supports = []
    for raw_support in texts_raw.get("support", []):
        code = checker.string(raw_support, "code", "A [[support]] in texts.toml")
        where = f"Enterprise support '{code}'"
        supports.append(
            (
                code,
                checker.text(raw_support.get("title"), f"{where}'s title"),
                checker.text(raw_support.get("description"), f"{where}'s description"),
            )
        )
    checker.unique([code for code, _, _ in supports], "enterprise support")
    links = []
    for raw_link in texts_raw.get("link", []):
        code = checker.string(raw_link, "code", "A [[link]] in texts.toml")
        url = checker.string(raw_link, "url", f"Link '{code}'")
        if url and not url.startswith("https://"):
            checker.problem(f"Link '{code}' must start with https://.")
        links.append((code, url, checker.text(raw_link.get("title"), f"Link '{code}'s title")))
    checker.unique([code for code, _, _ in links], "link")

    key_points = _read_key_points(texts_raw, checker, {n for n, _, _ in footnotes})
    source = ContentSource(
        rules=_read_rules(
            rules_raw, checker, {step for step, _, _ in key_points}, {n for n, _, _ in footnotes}
        ),
        countries=_read_countries(countries_raw, checker),
        sectors=sectors,
        texts=_read_texts(texts_raw, checker),
        key_points=key_points,
        footnotes=footnotes,
        supports=supports,
        links=links,
        contacts=_read_contacts(texts_raw, checker),
        files=[source_dir / name for name in SOURCE_FILES],
    )
    if checker.problems:
        raise ContentSourceError(checker.problems)
    return source
