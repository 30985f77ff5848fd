"""Errors meant for people: each carries one clear sentence and never shows a traceback."""


class KioskError(Exception):
    """A problem a user, staff member or installer can act on; str() is one sentence."""


class ContentError(KioskError):
    """The bundled content database is missing, corrupt or of another version."""
