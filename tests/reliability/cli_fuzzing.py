"""Running ``kiosk`` in this process under generated input, and the two answers it may give:
success (exit 0, nothing on standard error), or a non-zero exit with one sentence on standard
error ("kiosk: …."), never a traceback (DESIGN.md, "Contracts")."""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from kiosk import cli
from kiosk.errors import one_line, shown
from tests.text_strategies import any_text

PREFIX: Final = "kiosk: "
# A second sentence starts after a full stop, "!" or "?" and a space, with a capital letter.
SECOND_SENTENCE: Final = re.compile(r"[.!?]\s+[A-Z]")
# Without what it quotes, the longest sentence (the names of all the settings) is ~330 long.
SENTENCE_MAX_LENGTH: Final = 400
# What took the place of a quoted input: neither a space nor a capital, so it cannot make a
# sentence boundary appear.
QUOTED: Final = "_"

# No deadline: an example runs the command line or opens a database (tens of milliseconds, more
# on a busy machine), and drawing 10,000 characters of text is slow there too. No example
# database inside the checkout.
FUZZ: Final = settings(
    max_examples=100, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
# For properties whose examples share a function-scoped fixture on purpose (a database holding
# what every example before did): they must hold whatever came before.
FUZZ_SHARING_FIXTURES: Final = settings(
    FUZZ, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)

# An argument from a shell: any character but NUL, and bytes that are not UTF-8 (a file name
# in Latin-1), which Python hands over as surrogate escapes on POSIX.
SURROGATE_ESCAPES: Final = tuple(chr(0xDC00 + byte) for byte in range(0x80, 0x100))
ARGUMENT_CHARACTER: Final = st.one_of(
    st.characters(exclude_categories=["Cs"], exclude_characters="\x00"),
    st.sampled_from(SURROGATE_ESCAPES),
)


def shell_arguments() -> st.SearchStrategy[str]:
    """An argument as a shell passes it: short, empty, or long, with anything but NUL."""
    return st.one_of(
        st.text(ARGUMENT_CHARACTER, max_size=30),
        any_text(max_pieces=12, long_length=2_000).map(lambda text: text.replace("\x00", "")),
    )


def json_junk() -> st.SearchStrategy[Any]:
    """Any JSON value: nested lists and objects of odd scalars (NaN, huge numbers, any text)."""
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.integers(min_value=10**30, max_value=10**300),
        st.floats(),
        any_text(max_pieces=12, long_length=2_000),
    )
    return st.recursive(
        scalars,
        lambda children: st.one_of(
            st.lists(children, max_size=4),
            st.dictionaries(any_text(max_pieces=8, long_length=100), children, max_size=4),
        ),
        max_leaves=12,
    )


@dataclass(frozen=True)
class CliRun:
    argv: tuple[str, ...]
    code: object  # main()'s return value, or SystemExit's code (argparse)
    out: str
    err: str


def run_kiosk(*argv: str, stdin: bytes = b"") -> CliRun:
    """``kiosk ARGV`` in this process, its standard streams pipes of bytes as in a real one:
    input and output in strict UTF-8 (a character that cannot be written raises, as it would),
    standard error with backslash escapes, as Python sets it up."""
    output, errors = io.BytesIO(), io.BytesIO()
    streams = (
        io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"),
        io.TextIOWrapper(output, encoding="utf-8"),
        io.TextIOWrapper(errors, encoding="utf-8", errors="backslashreplace"),
    )
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = streams
    try:
        try:
            code: object = cli.main(list(argv))
        except SystemExit as exit:  # argparse: a usage mistake, or --help
            code = exit.code
        for stream in streams[1:]:
            stream.flush()
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    return CliRun(argv, code, output.getvalue().decode(), errors.getvalue().decode())


def as_printed(path: Path) -> str:
    """A path as the command line prints it: bytes that are not UTF-8 as backslash escapes."""
    return str(path).encode("utf-8", "backslashreplace").decode()


def _quoted_forms(value: object) -> Iterator[str]:
    """How a message may quote ``value`` or a part of it: as given, as a path, as a repr."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _quoted_forms(key)
            yield from _quoted_forms(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _quoted_forms(item)
    if isinstance(value, str):
        yield value
        for part in value.split(","):  # a list of codes is quoted one code at a time
            yield part.strip()
            yield part.strip().upper()
        if value and "\x00" not in value:
            yield str(Path(value))
            yield Path(value).name
    if isinstance(value, Path):
        yield str(value)
        yield value.name
    yield repr(value)
    yield shown(value)
    if isinstance(value, str):
        yield shown(value.upper())


def without_quoted(message: str, quoted: tuple[object, ...]) -> str:
    """The message's own words: every quoted input replaced by one placeholder character."""
    forms = {
        printed
        for value in quoted
        for form in _quoted_forms(value)
        for printed in (form, one_line(form))
        if len(printed) > 1
    }
    for form in sorted(forms, key=len, reverse=True):
        message = message.replace(form, QUOTED)
    return message


def assert_sentence(
    message: str, quoted: tuple[object, ...] = (), max_length: int = SENTENCE_MAX_LENGTH
) -> None:
    """One sentence: not empty, on one line, ending with a full stop, no second one in it, and
    no longer than ``max_length`` without what it quotes."""
    assert message.strip() and message == message.strip(), repr(message)
    assert "\n" not in message and "\r" not in message, repr(message)
    assert message.endswith("."), repr(message)
    words = without_quoted(message, quoted)
    assert not SECOND_SENTENCE.search(words), f"more than one sentence: {message!r}"
    assert len(words) <= max_length, f"too long to be clear: {message!r}"


def assert_one_sentence(run: CliRun, *quoted: object) -> str:
    """A non-zero exit and exactly one line on standard error: "kiosk: " and one sentence.

    ``quoted``: the inputs the message may quote (arguments, file contents), left out when
    counting its sentences and its length. Returns the sentence.
    """
    assert isinstance(run.code, int) and run.code != 0, run
    assert "Traceback" not in run.err, run.err
    assert run.err.endswith("\n") and run.err.count("\n") == 1, f"not one line: {run.err!r}"
    assert run.err.startswith(PREFIX), repr(run.err)
    message = run.err.removeprefix(PREFIX).removesuffix("\n")
    assert_sentence(message, (*run.argv, *quoted))
    return message


def assert_one_sentence_a_line(run: CliRun, *quoted: object) -> list[str]:
    """A non-zero exit and at least one line on standard error, each "kiosk: " and one sentence:
    how ``kiosk content check`` and ``build`` list every problem of the content sources."""
    assert isinstance(run.code, int) and run.code != 0, run
    assert "Traceback" not in run.err, run.err
    assert run.err.endswith("\n"), repr(run.err)
    messages = []
    for line in run.err.removesuffix("\n").split("\n"):
        assert line.startswith(PREFIX), repr(run.err)
        messages.append(line.removeprefix(PREFIX))
        assert_sentence(messages[-1], (*run.argv, *quoted))
    return messages


def succeeded(run: CliRun) -> bool:
    """Exit 0; then nothing may be on standard error (a warning would be a second voice)."""
    if run.code not in (0, None):
        return False
    assert run.err == "", run
    return True
