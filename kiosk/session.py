"""One visitor's session: a plain object the shell owns and drops whole on reset."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from kiosk.l10n import DEFAULT_LANGUAGE, Language
from kiosk.leads import LeadDraft


@dataclass
class VisitorSession:
    language: Language = DEFAULT_LANGUAGE
    shortlist: list[str] = field(default_factory=list)  # programme codes, in the order added
    answers: dict[str, Any] = field(default_factory=dict)  # eligibility answers (DESIGN.md)
    outcome: dict[str, Any] | None = None
    lead: LeadDraft = field(default_factory=LeadDraft)  # the contact form, until it is sent
    session_id: str = field(default_factory=lambda: str(uuid.uuid4()))

    def toggle(self, programme_code: str) -> bool:
        """Add or remove a programme; return True when it is now on the list."""
        if programme_code in self.shortlist:
            self.shortlist.remove(programme_code)
            return False
        self.shortlist.append(programme_code)
        return True
