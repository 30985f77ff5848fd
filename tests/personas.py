"""Visitors the tests and the screenshots share."""

from __future__ import annotations

from typing import Any, Final

# A Shenzhen student who answers everything the scheme wants. For intake 2026: graduation in
# August 2028 (estimated), the return window March to August 2029, turns 18 on 2026-03-15.
SHENZHEN_STUDENT: Final[dict[str, Any]] = {
    "hong_kong_resident": False,
    "nationalities": ["CN"],
    "birth_date": "2008-03-15",
    "intake_year": 2026,
    "programme": "software-engineering",
    "previous_iang": False,
    "finish_within_3_years": True,
    "bring_dependants_while_studying": False,
}
