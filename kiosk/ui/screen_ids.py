from __future__ import annotations

from enum import StrEnum


class ScreenId(StrEnum):
    ATTRACT = "attract"
    LANGUAGE = "language"
    HOME = "home"
    SECTORS = "sectors"
    SECTOR = "sector"
    PROGRAMME = "programme"
    SHORTLIST = "shortlist"
    SEARCH = "search"
    ABOUT = "about"
    SUPPORT = "support"
    CONTACTS = "contacts"
    ELIGIBILITY = "eligibility"
    OUTCOME = "outcome"
    SUMMARY = "summary"
    LEAD_CONSENT = "lead-consent"
    LEAD_FORM = "lead-form"
    LEAD_THANKS = "lead-thanks"
    # Booth staff only, behind the PIN (kiosk.ui.staff_gesture opens the pad).
    STAFF_SETUP = "staff-setup"
    STAFF_PIN = "staff-pin"
    STAFF_PANEL = "staff-panel"
    STAFF_EVENT = "staff-event"
    STAFF_SETTINGS = "staff-settings"
    STAFF_EXPORT = "staff-export"
