"""The reviewer's table, docs/vpas-statements.md: every statement the kiosk makes about VPAS (the
eligibility reasons and advisories, the outcome and timeline texts), the leaflet clauses each rests
on in the leaflet's own words, the key terms it takes from them, and the kiosk's own assumptions.

Generated from the content sources, so it cannot drift from what the kiosk says:
``python -m kiosk.vpas_statements > docs/vpas-statements.md`` (a test checks the committed file).
"""

from __future__ import annotations

import json
import sys

from kiosk import resources
from kiosk.data.content_source import Citation, ContentSource, SourceText, read_sources
from kiosk.eligibility import TIMELINE_ASSUMPTIONS

DOC_PATH = ("docs", "vpas-statements.md")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


def _says(text: SourceText) -> str:
    return _cell(f"{text['zh-Hans']}\n\n{text['en']}")


def _citation_cells(citation: Citation, source: ContentSource) -> list[str]:
    rests_on = "\n".join(
        f"`{clause}`: {source.clauses[clause]['zh-Hans']}" for clause in citation.sources
    )
    return [
        _cell(rests_on or "(no leaflet clause)"),
        _cell("\n".join(f"「{term}」" for term in citation.evidence)),
        _cell(", ".join(f"`{code}`" for code in citation.assumptions)),
    ]


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def render(source: ContentSource) -> str:
    """The whole document, in Markdown."""
    rules = source.rules
    heading = ["Statement", "Says (zh-Hans, en)", "Rests on (clause: the leaflet's words)"]
    heading += ["Key terms", "Kiosk's assumptions"]
    table_head = [_row(heading), _row(["---"] * len(heading))]
    lines = [
        "# What the kiosk says about VPAS, and where it comes from",
        "",
        "Generated from `kiosk/data/content/` by `python -m kiosk.vpas_statements > "
        "docs/vpas-statements.md`; a test fails when this file is not current. Read it beside the "
        f"VPAS leaflet ({source.texts['data_date']['zh-Hans']}, rules version {rules.version}).",
        "",
        "Every statement names the leaflet clauses it rests on (`source` in rules.toml) and the "
        "key terms it takes from them (`evidence`): `kiosk content check` refuses a clause that "
        "does not exist or a key term its clauses do not say, and the tests find every clause's "
        "text in the leaflet. What the leaflet does not say is named as one of the kiosk's "
        "assumptions, listed at the end.",
        "",
        "## Eligibility reasons and advisories (`kiosk eligibility`, the outcome screen, the PDF)",
        "",
        *table_head,
    ]
    for reason in rules.reasons:
        name = f"`{reason.code}` ({reason.kind})"
        lines.append(_row([name, _says(reason.text), *_citation_cells(reason.citation, source)]))
    lines += [
        "",
        "## Outcome and timeline texts (texts.toml's [outcome.*] and [timeline])",
        "",
        *table_head,
    ]
    for statement in rules.statements:
        text = source.texts[statement.key]
        cells = [f"`{statement.key}`", _says(text), *_citation_cells(statement.citation, source)]
        lines.append(_row(cells))
    lines += [
        "",
        "## The kiosk's own assumptions",
        "",
        "Where the leaflet is silent. `kiosk eligibility` marks its timeline "
        '`"estimated": true` and lists the assumptions its dates rest on: '
        + ", ".join(f"`{code}`" for code in TIMELINE_ASSUMPTIONS)
        + ". Every estimated date says so on screen and in the PDF (预计 …, … (estimated)).",
        "",
        _row(["Assumption", "What the kiosk assumes (zh-Hans, en)", "Used by"]),
        _row(["---"] * 3),
    ]
    for code, text in rules.assumptions.items():
        users = [f"`{r.code}`" for r in rules.reasons if code in r.citation.assumptions]
        users += [f"`{s.key}`" for s in rules.statements if code in s.citation.assumptions]
        lines.append(_row([f"`{code}`", _says(text), ", ".join(users)]))
    lines += [
        "",
        "## The rules' parameters (rules.toml [parameters])",
        "",
        _row(["Parameter", "Value"]),
        _row(["---"] * 2),
        *(
            _row([f"`{name}`", f"`{json.dumps(value)}`"])
            for name, value in rules.parameters.items()
        ),
        "",
        "## The leaflet's clauses by id (`Catalog.clause(id)`)",
        "",
        _row(["Clause", "The leaflet's words (zh-Hans)"]),
        _row(["---"] * 2),
        *(_row([f"`{clause}`", _cell(text["zh-Hans"])]) for clause, text in source.clauses.items()),
    ]
    return "\n".join(lines) + "\n"


def current_document() -> str:
    return render(read_sources(resources.content_source_dir(), resources.asset("icons", "sectors")))


if __name__ == "__main__":
    sys.stdout.buffer.write(current_document().encode("utf-8"))
