"""Search across programme names, sectors and job examples in three languages and pinyin.

The forms (lower case, full pinyin, pinyin initials) were computed by the content build, so a
keystroke costs one pass over a few thousand short strings.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.catalog import Catalog, SearchTerm

MAX_QUERY_LENGTH = 40


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A programme or a sector that matched, and the text that made it match."""

    kind: str  # "programme" | "sector"
    code: str
    matched: SearchTerm
    rank: int  # lower is better


def match_rank(forms: tuple[str, ...], query: str, compact: str) -> int | None:
    """How well a query matches a set of search forms (0 best), or None for no match."""
    best: int | None = None
    for form in forms:
        for needle in (query, compact):
            position = form.find(needle)
            if position < 0:
                continue
            if form == needle:
                rank = 0
            elif position == 0:
                rank = 1
            elif form[position - 1] in " (/-":
                rank = 2
            else:
                rank = 3
            best = rank if best is None else min(best, rank)
    return best


def normalise_query(query: str) -> tuple[str, str]:
    """The query as searched: lower case, and without spaces for pinyin ("ruan jian")."""
    query = query.strip().lower()[:MAX_QUERY_LENGTH]
    return query, query.replace(" ", "")


class SearchIndex:
    def __init__(self, catalog: Catalog) -> None:
        self._terms = catalog.search_terms
        self._order = {
            code: index
            for index, code in enumerate(
                [s.code for s in catalog.sectors] + [p.code for p in catalog.programmes]
            )
        }

    def search(self, query: str) -> list[SearchHit]:
        """Programmes first (by name, then via their sector), then sectors (by name or job)."""
        query, compact = normalise_query(query)
        if not query:
            return []
        best: dict[tuple[str, str], SearchHit] = {}
        for term in self._terms:
            rank = match_rank(term.forms, query, compact)
            if rank is None:
                continue
            if term.kind == "programme" and term.programme_code is not None:
                key = ("programme", term.programme_code)
            else:
                # a job example's rank counts a little less than the sector's own name
                key, rank = ("sector", term.sector_code), rank + (4 if term.kind == "job" else 0)
            current = best.get(key)
            if current is None or rank < current.rank:
                best[key] = SearchHit(key[0], key[1], term, rank)
        return sorted(
            best.values(),
            key=lambda hit: (hit.kind != "programme", hit.rank, self._order.get(hit.code, 0)),
        )
