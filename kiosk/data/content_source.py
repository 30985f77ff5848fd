"""The human-editable content sources (TOML under ``kiosk/data/content/``): read and check.

``read_sources`` never stops at the first problem: staff fixing a file want every problem at
once, each as one sentence that names the file and the entry.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.eligibility import INTAKE_YEARS, TIMELINE_ASSUMPTIONS
from kiosk.errors import KioskError, one_line

SOURCE_FILES = ("sectors.toml", "texts.toml", "rules.toml", "countries.toml")
REASON_KINDS = (
    "not_applicable",
    "not_covered",
    "broken",
    "condition",
    "unsure",
    "met",
    "advisory",
)
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
            "heading_if_eligible",
            "estimated",
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
# What the eligibility engine reads from [parameters] as whole numbers, and the values it can use.
WHOLE_NUMBER_PARAMETERS = {
    "minimum_age_at_application": range(1, 100),
    "programme_academic_years": range(1, 11),
    "max_academic_years_to_complete": range(1, 11),
    "academic_year_start_month": range(1, 13),
    "permanent_residence_years": range(1, 51),
}
REQUIRED_CONTACTS = ("general", "admissions")
# Texts that speak about VPAS in the kiosk's own words: each needs a [[statement]] in rules.toml
# naming the leaflet clauses it rests on or the kiosk's assumptions (the reviewer's table).
STATEMENT_TABLES = ("outcome", "timeline")
# Footnote 5's parts as the leaflet numbers them (clause ids "footnote:5.i" …).
PART_NUMERALS = ("i", "ii", "iii", "iv", "v", "vi")

SourceText = dict[str, str]  # language -> text; zh-Hant optional


class ContentSourceError(KioskError):
    """Every problem of the sources, one sentence a line (one_line: a line break quoted from a
    source or a path cannot split a sentence)."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = [one_line(problem) for problem in problems]
        super().__init__("\n".join(self.problems))


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
class Citation:
    """What a sentence rests on: leaflet clauses, the key terms it takes from them (each found in
    one of the clauses), and the kiosk's own assumptions (codes of rules.toml's [assumptions])."""

    sources: list[str]  # clause ids: "footnote:1", "footnote:5.i", "key_point:3" …
    evidence: list[str]
    assumptions: list[str]


@dataclass
class SourceReason:
    code: str
    kind: str
    citation: Citation
    text: SourceText


@dataclass
class SourceStatement:
    """A text of texts.toml's [outcome.*] or [timeline] and what it rests on."""

    key: str
    citation: Citation


@dataclass
class SourceRules:
    version: str
    parameters: dict[str, Any]
    source_labels: dict[str, SourceText]
    reasons: list[SourceReason]
    questions: list[tuple[str, SourceText, SourceText]]  # key, prompt, help
    statements: list[SourceStatement]
    assumptions: dict[str, SourceText]


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
    supports: list[tuple[str, SourceText, SourceText, SourceText | None]]  # code, title, …, note
    links: list[tuple[str, str | None, SourceText]]  # code, address (None: staff set it), title
    contacts: list[SourceContact]
    clauses: dict[str, SourceText]  # the leaflet's words by clause id (leaflet_clauses)
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

    def optional_string(self, raw: dict[str, Any], key: str, where: str) -> str | None:
        value = raw.get(key)
        if value is None or isinstance(value, str):
            return value
        self.problem(f"{where} has a '{key}' that is not text.")
        return None

    def items(self, raw: dict[str, Any], key: str, where: str) -> list[Any]:
        """The list ``key = [ … ]``, empty when absent."""
        value = raw.get(key, [])
        if not isinstance(value, list):
            self.problem(f"In {where}, '{key}' must be a list, like {key} = [ … ].")
            return []
        return value

    def tables(self, raw: dict[str, Any], key: str, where: str) -> list[dict[str, Any]]:
        """The array of tables ``[[key]]``, empty when absent."""
        value = self.items(raw, key, where)
        tables = [item for item in value if isinstance(item, dict)]
        if len(tables) != len(value):
            self.problem(f"In {where}, every '{key}' must be a table, like [[{key}]].")
        return tables

    def table(self, raw: dict[str, Any], key: str, where: str) -> dict[str, Any]:
        """The table ``[key]``, empty when absent."""
        value = raw.get(key, {})
        if not isinstance(value, dict):
            self.problem(f"In {where}, '{key}' must be a table, like [{key}].")
            return {}
        return value

    def whole_numbers(self, raw: dict[str, Any], key: str, where: str) -> list[int]:
        value = self.items(raw, key, where)
        numbers = [item for item in value if type(item) is int]
        if len(numbers) != len(value):
            self.problem(f"In {where}, '{key}' must hold whole numbers only.")
        return numbers

    def strings(self, raw: dict[str, Any], key: str, where: str) -> list[str]:
        value = self.items(raw, key, where)
        strings = [item for item in value if isinstance(item, str)]
        if len(strings) != len(value):
            self.problem(f"In {where}, '{key}' must hold texts only.")
        return strings

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
    except OSError as error:
        checker.problem(f"Cannot read the content source {path}: {error.strerror or error}.")
    except UnicodeDecodeError:
        checker.problem(f"{path.name} is not text in UTF-8.")
    except tomllib.TOMLDecodeError as error:
        checker.problem(f"{path.name} is not valid TOML: {error}.")
    return {}


def _read_sectors(raw: dict[str, Any], checker: _Checker, icon_dir: Path) -> list[SourceSector]:
    sectors: list[SourceSector] = []
    for index, raw_sector in enumerate(checker.tables(raw, "sector", "sectors.toml"), start=1):
        code = checker.string(raw_sector, "code", f"Sector number {index} in sectors.toml")
        where = f"Sector '{code or index}'"
        icon = checker.string(raw_sector, "icon", where)
        if icon and not (icon_dir / f"{icon}.svg").is_file():
            checker.problem(f"{where} refers to the icon '{icon}', which is not in {icon_dir}.")
        programmes = []
        raw_programmes = checker.tables(raw_sector, "programme", where)
        for p_index, raw_programme in enumerate(raw_programmes, start=1):
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
            for j, job in enumerate(checker.items(raw_sector, "jobs", where), start=1)
        ]
        if not jobs:
            checker.problem(f"{where} has no job examples.")
        sectors.append(
            SourceSector(
                code=code,
                icon=icon,
                new_from=checker.optional_string(raw_sector, "new_from", where),
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
    for number, aim in enumerate(checker.items(raw, "aims", "texts.toml"), start=1):
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
    for raw_note in checker.tables(raw, "footnote", "texts.toml"):
        number = raw_note.get("number")
        if type(number) is not int:
            checker.problem("A [[footnote]] in texts.toml has no whole 'number'.")
            continue
        where = f"Footnote {number}"
        if "parts" in raw_note:
            for part, text in enumerate(checker.items(raw_note, "parts", where), start=1):
                footnotes.append((number, part, checker.text(text, f"{where} part {part}")))
        else:
            footnotes.append((number, 0, checker.text(raw_note.get("text"), where)))
    checker.unique([str(n) for n, part, _ in footnotes if part <= 1], "footnote")
    return footnotes


def _read_key_points(
    raw: dict[str, Any], checker: _Checker, footnote_numbers: set[int]
) -> list[tuple[int, list[int], SourceText]]:
    points = []
    for raw_point in checker.tables(raw, "key_point", "texts.toml"):
        step = raw_point.get("step")
        if type(step) is not int:
            checker.problem("A [[key_point]] in texts.toml has no whole 'step'.")
            continue
        where = f"Key point {step}"
        notes = checker.whole_numbers(raw_point, "footnotes", where)
        for note in notes:
            if note not in footnote_numbers:
                checker.problem(
                    f"{where} refers to footnote {note}, which texts.toml does not define."
                )
        points.append((step, notes, checker.text(raw_point.get("text"), where)))
    if not points:
        checker.problem("texts.toml defines no [[key_point]].")
    checker.unique([str(step) for step, _, _ in points], "key point")
    return points


def _read_contacts(raw: dict[str, Any], checker: _Checker) -> list[SourceContact]:
    contacts = []
    raw_contacts = checker.table(raw, "contacts", "texts.toml")
    for code in REQUIRED_CONTACTS:
        if code not in raw_contacts:
            checker.problem(f"texts.toml is missing [contacts.{code}].")
    for code, raw_contact in raw_contacts.items():
        where = f"The contact '{code}'"
        if not isinstance(raw_contact, dict):
            checker.problem(f"{where} must be a table, like [contacts.{code}].")
            continue
        fields = {
            name: checker.text(raw_contact[name], f"The {name} of contact '{code}'")
            for name in ("title", "organisation", "address", "text")
            if name in raw_contact
        }
        contacts.append(
            SourceContact(
                code,
                fields,
                checker.optional_string(raw_contact, "phone", where),
                checker.optional_string(raw_contact, "email", where),
            )
        )
    return contacts


def leaflet_clauses(
    texts: dict[str, SourceText],
    key_points: list[tuple[int, list[int], SourceText]],
    footnotes: list[tuple[int, int, SourceText]],
    supports: list[tuple[str, SourceText, SourceText, SourceText | None]],
    contacts: list[SourceContact],
) -> dict[str, SourceText]:
    """The leaflet's words by a stable clause id, in leaflet order; every text here is the
    leaflet's own (a test finds each in the leaflet), so a sentence citing one can be checked."""
    clauses: dict[str, SourceText] = {}
    for key in ("scheme_name", "slogan", "intro"):
        clauses[key] = texts.get(key, {})
    for key, text in texts.items():
        if key.startswith("aims."):
            clauses[f"aim:{key.removeprefix('aims.')}"] = text
        elif key.startswith("headings."):
            clauses[f"heading:{key.removeprefix('headings.')}"] = text
    for step, _, text in key_points:
        clauses[f"key_point:{step}"] = text
    for number, part, text in footnotes:
        suffix = f".{PART_NUMERALS[part - 1]}" if part else ""
        clauses[f"footnote:{number}{suffix}"] = text
    for code, title, description, note in supports:
        clauses[f"support:{code}"] = {
            language: "\n".join(
                [title[language], description[language]] + ([f"({note[language]})"] if note else [])
            )
            for language in title
            if language in description and (note is None or language in note)
        }
    for contact in contacts:
        for name, text in contact.fields.items():
            clauses[f"contact:{contact.code}.{name}"] = text
        for name, value in (("phone", contact.phone), ("email", contact.email)):
            if value:
                clauses[f"contact:{contact.code}.{name}"] = {"zh-Hans": value, "en": value}
    for key in ("disclaimer", "copyright", "data_change_note", "data_date"):
        clauses[key] = texts.get(key, {})
    # A text missing or without zh-Hans is already a problem of its own.
    return {clause: text for clause, text in clauses.items() if "zh-Hans" in text}


def clause_kind(clause: str) -> str:
    """ "footnote" of "footnote:5.i": the kind whose source label names the clause."""
    return clause.partition(":")[0]


def _read_citation(
    raw: dict[str, Any],
    where: str,
    checker: _Checker,
    clauses: dict[str, SourceText],
    labels: dict[str, SourceText],
    assumptions: dict[str, SourceText],
) -> Citation:
    """``source`` (one clause id or a list), ``evidence`` and ``assumptions``: every source a
    clause with a label, every key term in one of the cited clauses, and each cited clause
    giving at least one of them; a sentence that cites nothing says what it assumes."""
    value = raw.get("source", [])
    sources = [value] if isinstance(value, str) else checker.strings(raw, "source", where)
    evidence = checker.strings(raw, "evidence", where)
    assumed = checker.strings(raw, "assumptions", where)
    cited = []
    for source in sources:
        if source not in clauses:
            checker.problem(f"{where} cites '{source}', which is not a clause of the leaflet.")
        elif clause_kind(source) not in labels:
            checker.problem(f"{where} cites '{source}', a kind of clause with no source label.")
        else:
            cited.append(clauses[source]["zh-Hans"])
            if not any(term in clauses[source]["zh-Hans"] for term in evidence):
                checker.problem(
                    f"{where} cites '{source}' but names none of its words in 'evidence'."
                )
    for term in evidence:
        if cited and not any(term in text for text in cited):
            checker.problem(f"{where} has the key term '{term}', which none of its sources says.")
    for code in assumed:
        if code not in assumptions:
            checker.problem(f"{where} assumes '{code}', which [assumptions] does not define.")
    if not sources and not assumed:
        checker.problem(f"{where} names neither a 'source' in the leaflet nor its 'assumptions'.")
    return Citation(sources, evidence, assumed)


def _read_rules(
    raw: dict[str, Any], checker: _Checker, clauses: dict[str, SourceText], text_keys: list[str]
) -> SourceRules:
    labels = {
        place: checker.text(text, f"The source label '{place}'")
        for place, text in checker.table(raw, "source_labels", "rules.toml").items()
    }
    for place in ("leaflet", "footnote", "key_point"):
        if place not in labels:
            checker.problem(f"rules.toml is missing the source label '{place}'.")
    assumptions = {
        code: checker.text(text, f"The assumption '{code}'")
        for code, text in checker.table(raw, "assumptions", "rules.toml").items()
    }
    for code in TIMELINE_ASSUMPTIONS:
        if code not in assumptions:
            checker.problem(f"rules.toml's [assumptions] is missing '{code}', the timeline's.")
    reasons = []
    for index, raw_reason in enumerate(checker.tables(raw, "reason", "rules.toml"), start=1):
        code = checker.string(raw_reason, "code", f"Reason number {index} in rules.toml")
        where = f"Reason '{code}'"
        kind = checker.string(raw_reason, "kind", where)
        if kind and kind not in REASON_KINDS:
            checker.problem(f"{where} has an unknown kind '{kind}'.")
        citation = _read_citation(raw_reason, where, checker, clauses, labels, assumptions)
        reasons.append(
            SourceReason(code, kind, citation, checker.text(raw_reason.get("text"), where))
        )
    checker.unique([reason.code for reason in reasons], "reason")
    statements = []
    for raw_statement in checker.tables(raw, "statement", "rules.toml"):
        key = checker.string(raw_statement, "text", "A [[statement]] in rules.toml")
        where = f"The statement on '{key}'"
        if key and key not in text_keys:
            checker.problem(f"{where} names a text that texts.toml does not have.")
        statements.append(
            SourceStatement(
                key, _read_citation(raw_statement, where, checker, clauses, labels, assumptions)
            )
        )
    checker.unique([statement.key for statement in statements], "statement")
    stated = {statement.key for statement in statements}
    for key in text_keys:
        if key.partition(".")[0] in STATEMENT_TABLES and key not in stated:
            checker.problem(
                f"The text '{key}' speaks about VPAS but rules.toml has no [[statement]] for it."
            )
    parameters = raw.get("parameters", {})
    if not isinstance(parameters, dict) or not parameters:
        checker.problem("rules.toml has no [parameters].")
        parameters = {}
    else:
        _check_parameters(parameters, checker)
    questions = []
    for index, raw_question in enumerate(checker.tables(raw, "question", "rules.toml"), start=1):
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
        statements=statements,
        assumptions=assumptions,
    )


def _read_countries(raw: dict[str, Any], checker: _Checker) -> SourceCountries:
    names = {
        code: checker.text(text, f"The country name '{code}'")
        for code, text in checker.table(raw, "names", "countries.toml").items()
    }
    return SourceCountries(
        common=checker.strings(raw, "common", "countries.toml"),
        not_nationalities=checker.strings(raw, "not_nationalities", "countries.toml"),
        names=names,
    )


def _check_parameters(parameters: dict[str, Any], checker: _Checker) -> None:
    """The parameters the eligibility engine computes with, each of a kind it can use."""
    for name, allowed in WHOLE_NUMBER_PARAMETERS.items():
        value = parameters.get(name)
        if type(value) is not int or value not in allowed:
            checker.problem(
                f"The parameter {name} in rules.toml must be a whole number from "
                f"{allowed.start} to {allowed.stop - 1}."
            )
    window = parameters.get("return_window_months")
    if not (
        isinstance(window, list)
        and len(window) == 2
        and all(type(month) is int for month in window)
        and 1 <= window[0] <= window[1]
    ):
        checker.problem(
            "The parameter return_window_months in rules.toml must be two months like [7, 12], "
            "the first not after the second."
        )
    excluded = parameters.get("excluded_nationalities")
    if not (isinstance(excluded, list) and all(isinstance(code, str) for code in excluded)):
        checker.problem(
            'The parameter excluded_nationalities in rules.toml must be country codes like ["AF"].'
        )
    covered = parameters.get("covered_intake_years")
    if not (
        isinstance(covered, list)
        and covered
        and all(type(year) is int and year in INTAKE_YEARS for year in covered)
    ):
        checker.problem(
            "The parameter covered_intake_years in rules.toml must list intake years like [2026]."
        )


def read_sources(source_dir: Path, icon_dir: Path) -> ContentSource:
    """Read and check every source file; raise ContentSourceError listing all problems."""
    try:
        is_folder = source_dir.is_dir()
    except OSError:  # a name too long …
        is_folder = False
    if not is_folder:
        raise ContentSourceError([f"The content sources {source_dir} are not a folder."])
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
    for raw_support in checker.tables(texts_raw, "support", "texts.toml"):
        code = checker.string(raw_support, "code", "A [[support]] in texts.toml")
        where = f"Enterprise support '{code}'"
        supports.append(
            (
                code,
                checker.text(raw_support.get("title"), f"{where}'s title"),
                checker.text(raw_support.get("description"), f"{where}'s description"),
                checker.text(raw_support["note"], f"{where}'s note")
                if "note" in raw_support
                else None,
            )
        )
    checker.unique([code for code, *_ in supports], "enterprise support")
    links = []
    for raw_link in checker.tables(texts_raw, "link", "texts.toml"):
        code = checker.string(raw_link, "code", "A [[link]] in texts.toml")
        # A link without a url is a slot: shown only once staff set its address (settings).
        url = checker.optional_string(raw_link, "url", f"Link '{code}'")
        if url is not None and not url.startswith("https://"):
            checker.problem(f"Link '{code}' must start with https://.")
        links.append((code, url, checker.text(raw_link.get("title"), f"Link '{code}'s title")))
    checker.unique([code for code, _, _ in links], "link")

    key_points = _read_key_points(texts_raw, checker, {n for n, _, _ in footnotes})
    texts = _read_texts(texts_raw, checker)
    contacts = _read_contacts(texts_raw, checker)
    clauses = leaflet_clauses(texts, key_points, footnotes, supports, contacts)
    source = ContentSource(
        rules=_read_rules(rules_raw, checker, clauses, list(texts)),
        countries=_read_countries(countries_raw, checker),
        sectors=sectors,
        texts=texts,
        key_points=key_points,
        footnotes=footnotes,
        supports=supports,
        links=links,
        contacts=contacts,
        clauses=clauses,
        files=[source_dir / name for name in SOURCE_FILES],
    )
    if checker.problems:
        raise ContentSourceError(checker.problems)
    return source
