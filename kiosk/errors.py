"""Errors meant for people: each carries one clear sentence and never shows a traceback."""

SHOWN_MAX_LENGTH = 40


class KioskError(Exception):
    """A problem a user, staff member or installer can act on; str() is one sentence."""


class ContentError(KioskError):
    """The bundled content database is missing, corrupt or of another version."""


def shown(value: object, limit: int = SHOWN_MAX_LENGTH) -> str:
    """What a person gave, quoted for a message: its repr (one line, control and invisible
    characters escaped), cut short, so an error about it stays one readable sentence."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def one_line(text: str) -> str:
    """``text`` with each character that is not printable (a line break, a control or invisible
    character, a surrogate escape) written as its escape sequence, as repr() writes it."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
