"""``kiosk content build``: the TOML sources -> the bundled SQLite content database.

Traditional Chinese is generated with OpenCC (Hong Kong variant, then Hong Kong words) unless a
source gives it, every searchable text gets its pinyin and pinyin initials here, and country names
come from CLDR (babel), so the kiosk itself never needs OpenCC, pypinyin or babel at run time.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import tempfile
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import URL, create_engine, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from kiosk.catalog import read_only_engine
from kiosk.data.content_models import (
    CONTENT_SCHEMA_VERSION,
    ClauseRow,
    ContactRow,
    ContentBase,
    CountryRow,
    FootnoteRow,
    JobRow,
    KeyPointRow,
    LinkRow,
    Meta,
    ProgrammeRow,
    ReasonRow,
    RuleParameterRow,
    SearchTermRow,
    SectorRow,
    SupportRow,
    TextRow,
)
from kiosk.data.content_source import ContentSource, SourceCountries, SourceText, read_sources
from kiosk.errors import KioskError
from kiosk.i18n_build import HONG_KONG_WORDS, to_hong_kong
from kiosk.l10n import L10n

# CLDR's locales for the kiosk's languages: Hong Kong's own names (馬里, 群島), not Taiwan's.
CLDR_LOCALES = {"zh-Hans": "zh_Hans", "zh-Hant": "zh_Hant_HK", "en": "en"}


# The build-time libraries whose data becomes content: zh-Hant, pinyin forms, country names.
CONVERTING_LIBRARIES = ("opencc", "pypinyin", "babel", "pycountry")


def source_hash(source_dir: Path) -> str:
    """What the built database is a function of: the schema version, the source files, the Hong
    Kong word list and the versions of the libraries that convert them."""
    digest = hashlib.sha256(f"schema={CONTENT_SCHEMA_VERSION}\n".encode())
    digest.update(json.dumps(HONG_KONG_WORDS, ensure_ascii=False, sort_keys=True).encode())
    for library in CONVERTING_LIBRARIES:
        digest.update(f"\n{library}={importlib.metadata.version(library)}".encode())
    for path in sorted(source_dir.glob("*.toml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def built_source_hash(db_path: Path) -> str | None:
    """The source hash recorded in an existing database, or None if there is none."""
    if not db_path.is_file():
        return None
    engine = read_only_engine(db_path)
    try:
        with Session(engine) as session:
            return session.scalar(select(Meta.value).where(Meta.key == "source_hash"))
    except Exception:  # a damaged or foreign file simply counts as "not built"
        return None
    finally:
        engine.dispose()


def localize(text: SourceText) -> L10n:
    zh_hans = text["zh-Hans"]
    zh_hant = text.get("zh-Hant") or to_hong_kong(zh_hans)
    return L10n(zh_hans=zh_hans, zh_hant=zh_hant, en=text["en"])


def search_forms(text: str, language: str) -> list[str]:
    """Lower-case text; for Chinese also full pinyin and initials (``ruanjian…``, ``rjgc``)."""
    forms = [text.lower()]
    if language == "zh-Hans":
        from pypinyin import Style, lazy_pinyin  # build-time only

        syllables = [s.lower() for s in lazy_pinyin(text) if s.strip()]
        forms.append("".join(syllables).replace(" ", ""))
        initials = lazy_pinyin(text, style=Style.FIRST_LETTER)
        forms.append("".join(initials).lower().replace(" ", ""))
    return list(dict.fromkeys(forms))


def _search_terms(
    kind: str, sector: str, programme: str | None, name: L10n
) -> Iterator[SearchTermRow]:
    for language, text in name.as_dict().items():
        yield SearchTermRow(
            kind=kind,
            sector_code=sector,
            programme_code=programme,
            text=text,
            language=language,
            forms="\n".join(search_forms(text, language)),
        )


def _unaccented(text: str) -> str:
    """Latin letters without accents (côte d’ivoire -> cote d'ivoire): the letter keys have none."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(character for character in decomposed if not unicodedata.combining(character))


def _country_rows(countries: SourceCountries) -> Iterator[CountryRow]:
    """Every ISO 3166-1 country (pycountry's list), named as CLDR names it unless countries.toml
    does; common ones first, then by English name."""
    import pycountry  # build-time only
    from babel import Locale  # build-time only

    cldr = {language: Locale.parse(name).territories for language, name in CLDR_LOCALES.items()}
    entries = []
    for country in pycountry.countries:
        code = country.alpha_2
        source_name = countries.names.get(code) or {
            language: names.get(code, "") for language, names in cldr.items()
        }
        if not all(source_name.values()):
            raise KioskError(f"CLDR has no name for the country {code}: name it in countries.toml.")
        entries.append((code, localize(source_name)))
    rank = {code: index for index, code in enumerate(countries.common)}
    entries.sort(key=lambda entry: (rank.get(entry[0], len(rank)), entry[1].en))
    for position, (code, name) in enumerate(entries, start=1):
        forms = [code.lower()] + [
            form
            for language, text in name.as_dict().items()
            for form in search_forms(text, language)
        ]
        forms.append(_unaccented(name.en).lower())
        yield CountryRow(
            code=code,
            position=position,
            common=code in rank,
            nationality=code not in countries.not_nationalities,
            name=name,
            forms="\n".join(dict.fromkeys(forms)),
        )


def _rows(source: ContentSource, digest: str) -> Iterator[ContentBase]:
    yield Meta(key="schema_version", value=str(CONTENT_SCHEMA_VERSION))
    yield Meta(key="source_hash", value=digest)
    yield Meta(key="rules_version", value=source.rules_version)
    for position, sector in enumerate(source.sectors, start=1):
        sector_name = localize(sector.name)
        yield SectorRow(
            code=sector.code,
            position=position,
            icon=sector.icon,
            new_from=sector.new_from,
            name=sector_name,
        )
        yield from _search_terms("sector", sector.code, None, sector_name)
        for p_position, programme in enumerate(sector.programmes, start=1):
            name = localize(programme.name)
            yield ProgrammeRow(
                code=programme.code, sector_code=sector.code, position=p_position, name=name
            )
            yield from _search_terms("programme", sector.code, programme.code, name)
        for j_position, job in enumerate(sector.jobs, start=1):
            job_name = localize(job)
            yield JobRow(sector_code=sector.code, position=j_position, name=job_name)
            yield from _search_terms("job", sector.code, None, job_name)
    for position, (key, text) in enumerate(source.texts.items(), start=1):
        yield TextRow(key=key, position=position, value=localize(text))
    for step, footnotes, text in source.key_points:
        yield KeyPointRow(step=step, footnotes=",".join(map(str, footnotes)), text=localize(text))
    for number, part, text in source.footnotes:
        yield FootnoteRow(number=number, part=part, text=localize(text))
    for position, (code, title, description, note) in enumerate(source.supports, start=1):
        yield SupportRow(
            code=code,
            position=position,
            title=localize(title),
            description=localize(description),
            **({"note": localize(note)} if note else {}),
        )
    rules = source.rules
    for key, value in rules.parameters.items():
        yield RuleParameterRow(key=key, value=json.dumps(value))
    for position, reason in enumerate(rules.reasons, start=1):
        yield ReasonRow(
            code=reason.code,
            position=position,
            kind=reason.kind,
            source=",".join(reason.citation.sources),
            text=localize(reason.text),
        )
    for position, (clause, text) in enumerate(source.clauses.items(), start=1):
        yield ClauseRow(id=clause, position=position, text=localize(text))
    # Labels and questions live with the other texts, under their own key prefixes.
    rule_texts = [(f"source_label.{place}", label) for place, label in rules.source_labels.items()]
    for key, prompt, help_text in rules.questions:
        rule_texts += [(f"question.{key}.prompt", prompt), (f"question.{key}.help", help_text)]
    for offset, (key, text) in enumerate(rule_texts, start=len(source.texts) + 1):
        yield TextRow(key=key, position=offset, value=localize(text))
    yield from _country_rows(source.countries)
    for code, url, title in source.links:
        yield LinkRow(code=code, url=url, title=localize(title))
    for position, contact in enumerate(source.contacts, start=1):
        fields = {name: localize(text) for name, text in contact.fields.items()}
        yield ContactRow(
            code=contact.code,
            position=position,
            phone=contact.phone,
            email=contact.email,
            **fields,
        )


def build_content(source_dir: Path, icon_dir: Path, output: Path, *, force: bool = False) -> bool:
    """Build ``output`` from the sources; return False when it was already up to date.

    Raises ContentSourceError listing the sources' problems, or KioskError with one sentence
    when ``output`` cannot be written.
    """
    source = read_sources(source_dir, icon_dir)
    digest = source_hash(source_dir)
    try:
        if not force and built_source_hash(output) == digest:
            return False
        _write_database(source, digest, output)
    except (OSError, SQLAlchemyError) as error:
        reason = error.strerror if isinstance(error, OSError) else getattr(error, "orig", None)
        raise KioskError(
            f"Cannot write the content database {output}: {reason or error}."
        ) from None
    return True


def _write_database(source: ContentSource, digest: str, output: Path) -> None:
    """Into a temporary file beside ``output``, renamed over it once complete."""
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(suffix=".sqlite", dir=output.parent)
    os.close(handle)
    temp_path = Path(temp_name)
    try:
        engine = create_engine(URL.create("sqlite", database=str(temp_path)))
        try:
            ContentBase.metadata.create_all(engine)
            with Session(engine) as session, session.begin():
                session.add_all(list(_rows(source, digest)))
            with engine.connect() as connection:
                connection.exec_driver_sql("VACUUM")
        finally:
            engine.dispose()  # before the rename: Windows renames no file SQLite holds open
        os.replace(temp_path, output)
    finally:
        temp_path.unlink(missing_ok=True)
