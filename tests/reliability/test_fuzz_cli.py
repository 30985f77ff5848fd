"""Bad input everywhere on the command line: generated arguments, answers files, standard input,
settings and paths for every command staff and IT type. Each run either succeeds with the output
its contract promises, or exits non-zero with one sentence on standard error, never a traceback.

The commands run in this process (tens of milliseconds each); a few real processes at the end
check what a terminal shows. No command reaches the network: sync only meets loopback or
addresses that fail before any look-up, and a guard refuses every other name look-up.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Final
from unittest.mock import patch

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kiosk import cli, resources
from kiosk.catalog import Catalog, load_catalog
from kiosk.data.leads_db import open_leads_db
from kiosk.eligibility import ANSWER_KEYS, OUTCOMES
from kiosk.export import read_bundle
from kiosk.l10n import LANGUAGES
from kiosk.settings import Settings, load_settings
from tests.reliability.cli_fuzzing import (
    FUZZ,
    CliRun,
    as_printed,
    assert_one_sentence,
    assert_one_sentence_a_line,
    json_junk,
    run_kiosk,
    shell_arguments,
    succeeded,
)
from tests.staff import STAFF_PASSPHRASE, many_leads, seed_leads
from tests.text_strategies import any_text
from tests.unit.test_eligibility_properties import answers_strategy

LOOPBACK_NAMES: Final = frozenset({"localhost", "127.0.0.1", "::1"})
LEADS_WAITING: Final = 3


# Read once, before any test points KIOSK_CONTENT_DB at a copy of its own.
SHIPPED_CONTENT_DB: Final = resources.content_db_path()


@cache
def shipped_catalog() -> Catalog:
    return load_catalog(SHIPPED_CONTENT_DB)


def programme_codes() -> st.SearchStrategy[str]:
    return st.deferred(lambda: st.sampled_from(sorted(shipped_catalog().programme_codes)))


def country_codes() -> st.SearchStrategy[str]:
    return st.deferred(lambda: st.sampled_from(sorted(shipped_catalog().rules.country_codes)))


@pytest.fixture(autouse=True)
def in_a_scratch_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Relative paths a command writes land in the test's own folder, never in the checkout."""
    scratch = tmp_path / "cwd"
    scratch.mkdir()
    monkeypatch.chdir(scratch)
    return scratch


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only loopback names resolve: a generated address can never reach another machine."""
    resolve = socket.getaddrinfo

    def loopback_only(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else host
        if name not in LOOPBACK_NAMES:
            raise socket.gaierror(socket.EAI_NONAME, "the fuzzing tests resolve loopback only")
        return resolve(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", loopback_only)


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released), so connecting fails at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


# Where an output may be asked to go, relative to the scratch folder: a new file, an existing
# folder, a file in a missing folder, a file "inside" a file, a name too long, odd characters.
OUTPUT_PLACES: Final = (
    "out.file",
    "existing-folder",
    "existing-folder/",
    "existing-folder/.",
    "missing/out.file",
    "a-file/out.file",
    "x" * 300,
    "1#",
    "?x%20",
    "",
    ".",
)


def output_places() -> st.SearchStrategy[str]:
    """One of OUTPUT_PLACES, or any name in the scratch folder."""
    return st.one_of(
        st.sampled_from(OUTPUT_PLACES),
        shell_arguments().filter(lambda name: "/" not in name and name not in ("", ".", "..")),
    )


@pytest.fixture
def places() -> None:
    """The folder and the file OUTPUT_PLACES name."""
    Path("existing-folder").mkdir()
    Path("a-file").write_text("not a folder")


def assert_nothing_partial_left() -> None:
    assert not list(Path.cwd().rglob("*.partial")), "a partial file was left behind"


# --- kiosk eligibility -------------------------------------------------------------------------


def wrong_answers() -> st.SearchStrategy[Any]:
    """Answers close to the contract but wrong in one way or many: wrong types, unknown keys,
    codes and countries, impossible or absurd dates, huge numbers, nested junk."""
    junk = json_junk()
    yes_no = st.one_of(st.booleans(), st.sampled_from(["unsure", None, "yes", 1, 0, "true"]), junk)
    country = st.one_of(
        country_codes(),
        country_codes().map(str.lower),
        st.sampled_from(["XX", "EU", "ＣＮ", "C\u200bN", "CHN", "", "cn ", "ß"]),
        any_text(max_pieces=4),
    )
    values: dict[str, st.SearchStrategy[Any]] = {
        "hong_kong_resident": yes_no,
        "nationalities": st.one_of(st.lists(country, max_size=3), country, junk),
        "birth_date": st.one_of(
            st.dates().map(date.isoformat),
            st.sampled_from(["2008-02-30", "2008-3-15", "20080315", "2008-03-15T00:00", "0000"]),
            any_text(max_pieces=12),
            junk,
        ),
        "intake_year": st.one_of(
            st.integers(1990, 2110), st.integers(), st.floats(), st.text(max_size=6), junk
        ),
        "programme": st.one_of(
            programme_codes(), st.sampled_from(["other", "unsure", None, "OTHER"]), junk
        ),
        "previous_iang": yes_no,
        "finish_within_3_years": yes_no,
        "bring_dependants_while_studying": yes_no,
    }
    answers = st.fixed_dictionaries({}, optional=values)
    with_unknown_keys = st.tuples(answers, st.dictionaries(any_text(max_pieces=8), junk)).map(
        lambda pair: {**pair[1], **pair[0]}
    )
    well_formed = st.deferred(lambda: answers_strategy(tuple(shipped_catalog().programme_codes)))
    return st.one_of(answers, with_unknown_keys, well_formed, junk)


def assert_outcome(run: CliRun) -> None:
    outcome = json.loads(run.out)
    assert outcome["outcome"] in OUTCOMES
    assert outcome["reasons"], outcome
    for reason in [*outcome["reasons"], *outcome["advisories"]]:
        assert set(reason) == {"code", "text", "source"} and all(reason.values()), reason
    assert outcome["rules_version"] == shipped_catalog().rules_version


def assert_answers_judged(run: CliRun, raw: Any) -> None:
    """An outcome, or one sentence; answers outside the contract are never an outcome."""
    if succeeded(run):
        assert_outcome(run)
        assert isinstance(raw, dict) and set(raw) <= set(ANSWER_KEYS), raw
    else:
        assert_one_sentence(run, raw)


@settings(FUZZ, max_examples=40)  # a catalog load: 20 ms
@given(raw=wrong_answers())
@example(raw={"birth_date": "9999-12-31", "intake_year": 2026})  # was: ValueError, year 10017
@example(raw={"programme": ["a list"]})  # was: TypeError, unhashable type: 'list'
@example(raw={"programme": "x\ny"})  # was: the unknown code broke the sentence in two lines
@example(raw={"a\nb": 1})  # was: the unknown key broke the sentence in two lines
@example(raw={"nationalities": ["a\x00\n" * 200]})  # was: two lines, and 600 characters quoted
def test_any_answers_file_gives_an_outcome_or_one_sentence(raw: Any) -> None:
    answers = Path("answers.json")
    answers.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")

    run = run_kiosk("eligibility", "--answers", str(answers), "--lang", "en")

    assert_answers_judged(run, raw)


def encoded_answers() -> st.SearchStrategy[bytes]:
    """What a pipe may carry: raw bytes, JSON in UTF-8 with or without a byte order mark, in
    UTF-16, in Latin-1, cut short, or nested far deeper than any answers."""
    as_json = st.one_of(wrong_answers(), json_junk()).map(
        lambda value: json.dumps(value, ensure_ascii=False)
    )
    return st.one_of(
        st.binary(max_size=200),
        as_json.map(lambda text: text.encode("utf-8", "surrogatepass")),
        as_json.map(lambda text: b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass")),
        as_json.map(lambda text: text.encode("utf-16", "surrogatepass")),
        as_json.map(lambda text: text.encode("latin-1", "replace")),
        st.tuples(as_json, st.integers(0, 50)).map(
            lambda pair: pair[0][: pair[1]].encode("utf-8", "surrogatepass")
        ),
        st.integers(1, 200_000).map(lambda depth: b"[" * depth + b"]" * depth),
    )


@settings(FUZZ, max_examples=40)  # a catalog load: 20 ms
@given(data=encoded_answers())
@example(data=b"\xff")  # was: UnicodeDecodeError reading standard input
@example(data=b"1" * 5000)  # was: ValueError, more digits than Python converts
@example(data=b"[" * 100_000 + b"]" * 100_000)  # was: RecursionError
@example(data=b'\xef\xbb\xbf{"intake_year": 2026}')  # Notepad's byte order mark: accepted
def test_any_bytes_on_standard_input_give_an_outcome_or_one_sentence(data: bytes) -> None:
    run = run_kiosk("eligibility", stdin=data)

    try:
        raw = json.loads(data)
    except (ValueError, RecursionError):
        assert_one_sentence(run, data.decode("utf-8", "replace"))
    else:
        assert_answers_judged(run, raw)


@FUZZ
@given(
    options=st.lists(
        st.one_of(
            st.sampled_from(["--answers", "--lang", "--graph", "-", "--help"]),
            st.sampled_from(LANGUAGES),
            shell_arguments(),
        ),
        max_size=5,
    )
)
def test_any_eligibility_options_give_an_outcome_a_graph_or_one_sentence(
    options: list[str],
) -> None:
    run = run_kiosk("eligibility", *options, stdin=b'{"programme": null}')

    if not succeeded(run):
        assert_one_sentence(run)
    elif not run.out.startswith(("digraph vpas_eligibility {", "usage: kiosk eligibility")):
        assert_outcome(run)


# --- kiosk summary -----------------------------------------------------------------------------


def programme_lists() -> st.SearchStrategy[str]:
    """--programmes as typed: codes of the catalog, unknown ones, spaces, empty items, junk."""
    item = st.one_of(programme_codes(), programme_codes().map(str.upper), shell_arguments())
    return st.one_of(st.lists(item, max_size=5).map(",".join), shell_arguments())


@settings(FUZZ, max_examples=30)  # a PDF costs 70 ms
@given(data=st.data())
@pytest.mark.usefixtures("places")
def test_any_summary_request_writes_a_pdf_or_gives_one_sentence(data: st.DataObject) -> None:
    arguments = ["summary", "--programmes", data.draw(programme_lists(), label="programmes")]
    arguments += ["--lang", data.draw(st.one_of(st.sampled_from(LANGUAGES), shell_arguments()))]
    answers = data.draw(st.one_of(st.none(), wrong_answers()), label="answers")
    if answers is not None:
        answers_file = Path("answers.json")
        answers_file.write_text(json.dumps(answers), encoding="utf-8")
        arguments += ["--answers", str(answers_file)]
    output = data.draw(output_places(), label="output")

    run = run_kiosk(*arguments, "-o", output)

    if succeeded(run):
        written = Path(output)
        assert written.read_bytes().startswith(b"%PDF-")
        assert run.out.startswith(f"Wrote {as_printed(written)} (")
    else:
        assert_one_sentence(run, answers)
    assert_nothing_partial_left()


@pytest.mark.parametrize(
    ("output", "problem"),
    [
        ("/", "file name"),  # was: ValueError, PosixPath('/') has an empty name
        ("", "file name"),  # was: ValueError, PosixPath('.') has an empty name
        ("x" * 300 + ".pdf", "File name too long"),  # was: OSError unlinking the partial file
        ("a-file/summary.pdf", "Not a directory"),
    ],
)
@pytest.mark.usefixtures("places")
def test_a_summary_that_cannot_be_written_is_one_sentence(output: str, problem: str) -> None:
    run = run_kiosk("summary", "--programmes", "", "-o", output)

    assert problem in assert_one_sentence(run)


def test_a_summary_to_a_file_name_that_is_not_utf8_says_where_it_went() -> None:
    name = "summary-\udce9.pdf"  # "é" in Latin-1, as Python hands it over on POSIX

    run = run_kiosk("summary", "-o", name)  # was: UnicodeEncodeError printing "Wrote …"

    assert succeeded(run)
    assert run.out.startswith("Wrote summary-\\udce9.pdf (")
    assert Path(name).read_bytes().startswith(b"%PDF-")


# --- kiosk settings ----------------------------------------------------------------------------

SETTING_NAMES: Final = tuple(Settings.__dataclass_fields__)


def setting_values() -> st.SearchStrategy[str]:
    """What an installer may type as a value: plausible ones of every kind, JSON junk, text."""
    plausible = st.sampled_from(
        [
            "8080",
            "8080.5",
            "1e400",
            "true",
            "null",
            "[]",
            "{}",
            "-1",
            "0",
            "3600",
            "99999",
            "192.168.8.10",
            "::1",
            "booth.local",
            "zh-Hant",
            "fr",
            "GZ-01",
            "\t",
            "1\n2",
            "https://hq.example/v1/leads",
            "http://localhost:8080/v1/leads",
            "https://exa mple.com",
            "https://localhost:99999/",
            "https://xn--/",
            '{"wechat": "https://www.vtc.edu.hk"}',
            '{"wechat": 1}',
            '{"wechat": "ftp://x"}',
            '{"vtc-vpas": "https://www.vtc.edu.hk"}',  # a code the content has no link for
            "iss@vtc.edu.hk",
            "(852) 2836 1784",
            "[1]",
            '"text"',
            "中文",
            "\udcff",
        ]
    )
    as_json = json_junk().map(lambda value: json.dumps(value, ensure_ascii=False))
    return st.one_of(plausible, as_json, shell_arguments())


def stored_settings() -> Settings:
    engine = open_leads_db(resources.leads_db_path())
    try:
        return load_settings(engine)
    finally:
        engine.dispose()


@FUZZ
@given(
    key=st.one_of(st.sampled_from(SETTING_NAMES), shell_arguments()),
    value=setting_values(),
)
@example(key="link_overrides", value="[1]")  # was: AttributeError, 'list' has no 'items'
@example(key="link_overrides", value='{"a": 1}')  # was: AttributeError, no 'startswith'
@example(key="link_overrides", value='{"vtc-vpas": "https://x.org"}')  # was: accepted, unused
@example(key="booth_port", value="1\n2")  # was: two lines, and Python's TypeError text
@example(key="booth_port", value="8080.5")  # was: accepted, a port of 8080.5
@example(key="idle_timeout_s", value='"x"')  # was: "'<=' not supported between …"
@example(key="sync_url", value="https://exa mple.com")  # was: accepted, then sync failed
@example(key="sync_token", value="中文")  # was: accepted, then sync raised UnicodeEncodeError
@example(key="booth_wifi_name", value="\udcff")  # was: accepted, then 'show' could not print it
def test_setting_any_value_changes_that_setting_or_nothing(key: str, value: str) -> None:
    before = stored_settings()

    run = run_kiosk("settings", "set", key, value)

    after = stored_settings()
    if succeeded(run):
        changed = {name for name in SETTING_NAMES if getattr(before, name) != getattr(after, name)}
        assert changed <= {key}
        shown = run.out.split("\n")[:-1]  # a value may hold U+2028, which splitlines() splits
        assert [line.split(" = ")[0] for line in shown] == list(SETTING_NAMES)
        assert f"{key} = {json.dumps(getattr(after, key), ensure_ascii=False)}" in shown
    else:
        assert_one_sentence(run)
        assert after == before


def test_settings_show_prints_every_setting() -> None:
    run = run_kiosk("settings", "show")

    assert succeeded(run)
    assert [line.split(" = ")[0] for line in run.out.split("\n")[:-1]] == list(SETTING_NAMES)


# --- kiosk content -----------------------------------------------------------------------------

TOML_LITERALS: Final = (
    "1", "-3", "1.5", "inf", "nan", "true", '"text"', '""', '"  "', "[]", '[1, "a"]',
    "{}", "{ a = 1 }", '{ zh-Hans = 1 }', "1979-05-27", "[[1]]", '"\\u0000"', "'''\n'''",
)  # fmt: skip


@st.composite
def mutated_sources(draw: st.DrawFn) -> tuple[str, str]:
    """One content source file with one mistake an editor could make: a value of another type,
    a line deleted or repeated, a table header changed, junk typed in."""
    source_dir = resources.content_source_dir()
    name = draw(st.sampled_from(sorted(path.name for path in source_dir.glob("*.toml"))))
    lines = (source_dir / name).read_text(encoding="utf-8").split("\n")
    index = draw(st.integers(0, len(lines) - 1), label="line")
    line = lines[index]
    mutation = draw(st.sampled_from(["value", "delete", "repeat", "header", "junk"]))
    if mutation == "value" and " = " in line:
        key = line.split(" = ")[0]
        lines[index] = f"{key} = {draw(st.sampled_from(TOML_LITERALS))}"
    elif mutation == "delete":
        del lines[index]
    elif mutation == "repeat":
        lines.insert(index, line)
    elif mutation == "header" and line.startswith("["):
        bare = line.strip("[]")
        lines[index] = draw(st.sampled_from([f"[{bare}]", f"[[{bare}]]", f"[{bare}.x]"]))
    else:
        lines[index] = draw(any_text(max_pieces=12))
    return name, "\n".join(lines)


@settings(FUZZ, max_examples=60)  # a copy of the sources an example
@given(mutation=mutated_sources())
@example(mutation=("sectors.toml", "sector = 1"))
@example(mutation=("texts.toml", "key_point = [{ step = 'one' }]"))
def test_content_check_of_any_edited_sources_is_valid_or_lists_sentences(
    mutation: tuple[str, str],
) -> None:
    name, text = mutation
    sources = Path("sources")
    shutil.rmtree(sources, ignore_errors=True)
    shutil.copytree(resources.content_source_dir(), sources)
    (sources / name).write_text(text, encoding="utf-8")

    run = run_kiosk("content", "check", "--source", str(sources))

    if succeeded(run):
        assert re.fullmatch(r"Content sources are valid: \d+ sectors, \d+ programmes\.\n", run.out)
    else:
        assert_one_sentence_a_line(run, text)


@FUZZ
@given(source=output_places())
@example(source="a-file")  # was: NotADirectoryError
@example(source="\n")  # was: the folder's name broke the sentence in two lines
@pytest.mark.usefixtures("places")
def test_content_check_of_any_source_folder_lists_sentences(source: str) -> None:
    run = run_kiosk("content", "check", "--source", source)

    assert_one_sentence_a_line(run)


def test_content_sources_that_are_not_utf8_are_one_sentence(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(resources.content_source_dir(), sources)
    (sources / "rules.toml").write_bytes(b"version = '\xff'\n")

    run = run_kiosk("content", "check", "--source", str(sources))  # was: UnicodeDecodeError

    assert assert_one_sentence_a_line(run) == ["rules.toml is not text in UTF-8."]


@settings(FUZZ, max_examples=5)  # a new database costs 0.5 s
@given(output=output_places())
@example(output="1#")  # was: SQLite read "#" as a URI's fragment, and opened a file "1"
@pytest.mark.usefixtures("places")
def test_content_build_to_any_output_builds_or_gives_one_sentence(output: str) -> None:
    run = run_kiosk("content", "build", "--output", output)

    if succeeded(run):
        assert run.out in (f"Built {Path(output)}\n", f"Up to date: {Path(output)}\n")
        assert load_catalog(Path(output)) == shipped_catalog()
    else:
        assert_one_sentence(run)


@pytest.fixture
def own_content_db(monkeypatch: pytest.MonkeyPatch) -> None:
    """The kiosk's content database is a copy in the scratch folder, which a test may damage
    and `content build` may rewrite: never the checkout's."""
    copy = Path.cwd() / "content.sqlite"
    shutil.copyfile(SHIPPED_CONTENT_DB, copy)
    monkeypatch.setenv(resources.CONTENT_DB_ENV, str(copy))


@settings(FUZZ, max_examples=30)  # a copy and a load: 70 ms
@given(
    damage=st.one_of(
        st.tuples(st.just("flip"), st.lists(st.integers(0, 270_000), min_size=1, max_size=8)),
        st.tuples(st.just("cut"), st.lists(st.integers(0, 270_000), min_size=1, max_size=1)),
    ),
    command=st.sampled_from([("content", "list", "--json"), ("eligibility", "--graph")]),
)
# was: AttributeError on a row a truncated file gave back without its search forms
@example(damage=("cut", [269_499]), command=("content", "list", "--json"))
# was: SQLite's message quoted a whole paragraph it could not decode as UTF-8
@example(damage=("flip", [155_367]), command=("content", "list", "--json"))
@pytest.mark.usefixtures("own_content_db")
def test_a_damaged_content_database_is_one_sentence(
    damage: tuple[str, list[int]], command: tuple[str, ...]
) -> None:
    data = bytearray(SHIPPED_CONTENT_DB.read_bytes())
    kind, offsets = damage
    if kind == "cut":
        del data[offsets[0] :]
    else:
        for offset in offsets:
            data[offset % len(data)] ^= 0xFF
    resources.content_db_path().write_bytes(bytes(data))

    run = run_kiosk(*command)

    if succeeded(run):
        assert run.out.startswith(("{", "digraph"))
    else:
        assert_one_sentence(run)


# --- kiosk leads -------------------------------------------------------------------------------


@pytest.fixture
def leads_waiting(staffed_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A staffed kiosk with LEADS_WAITING leads for HQ, the staff passphrase in the environment."""
    engine = open_leads_db(staffed_db)
    seed_leads(engine, many_leads(LEADS_WAITING))
    engine.dispose()
    monkeypatch.setenv(cli.PASSPHRASE_ENV, STAFF_PASSPHRASE)


@FUZZ
@given(
    export_format=st.one_of(st.sampled_from(["csv", "xlsx", "jsonl"]), shell_arguments()),
    output=output_places(),
)
@pytest.mark.usefixtures("places")
def test_exporting_to_any_place_writes_a_file_or_gives_one_sentence(
    export_format: str, output: str
) -> None:
    # An empty kiosk: no passphrase, so no Argon2id run an example (see the passphrase test).
    run = run_kiosk("leads", "export", "--format", export_format, "-o", output)

    if succeeded(run):
        written = Path(output)
        if written.is_dir():  # the default name, in that folder
            written = max(written.glob(f"vpas-leads-*.{export_format}"), key=os.path.getmtime)
        assert run.out == f"Exported 0 lead(s) to {as_printed(written)}.\n"
        if export_format == "jsonl":
            assert read_bundle(written) == (read_bundle(written)[0], [])
        else:
            assert written.stat().st_size > 0
    else:
        assert_one_sentence(run)
    assert_nothing_partial_left()


@settings(FUZZ, max_examples=5)  # each wrong passphrase costs an Argon2id run
@given(passphrase=shell_arguments().filter(lambda text: text != STAFF_PASSPHRASE))
@pytest.mark.usefixtures("leads_waiting")
def test_a_wrong_passphrase_exports_nothing_in_one_sentence(passphrase: str) -> None:
    output = Path("leads.csv")

    with patch.dict(os.environ, {cli.PASSPHRASE_ENV: passphrase}):
        run = run_kiosk("leads", "export", "--format", "csv", "-o", str(output))

    assert assert_one_sentence(run) == "The staff passphrase is not right."
    assert not output.exists()


def sync_addresses() -> st.SearchStrategy[str]:
    """Addresses that resolve to nothing but loopback: closed ports, bad ports, malformed names
    (which must fail before any look-up), other schemes, junk."""
    host = st.sampled_from(
        ["localhost", "127.0.0.1", "[::1]", "xn--", "exa mple", "lo\ncalhost", "例子.测试", ""]
    )
    port = st.one_of(st.just(str(closed_port())), st.sampled_from(["", "0", "99999", "abc"]))
    scheme = st.sampled_from(["https", "http", "ftp", "HTTPS", "javascript"])
    built = st.builds(
        lambda scheme, host, port, path: f"{scheme}://{host}{':' if port else ''}{port}/{path}",
        scheme,
        host,
        port,
        st.sampled_from(["v1/leads", "", "\u202e", "%00"]),
    )
    return st.one_of(built, shell_arguments())


@settings(FUZZ, max_examples=60)
@given(url=sync_addresses(), token=st.one_of(st.none(), shell_arguments()))
@example(url="https://xn--/v1/leads", token=None)  # was: IDNAError from httpx
@example(url="https://localhost/v1/leads", token="中文")  # was: UnicodeEncodeError from httpx
@example(url="https://localhost\n/v1/leads", token=None)  # was: httpx.InvalidURL
@pytest.mark.usefixtures("leads_waiting")
def test_syncing_to_any_address_sends_or_gives_one_sentence(url: str, token: str | None) -> None:
    # One attempt: no backoff between attempts. The token from the environment, or none.
    with patch.object(cli, "SYNC_ATTEMPTS", 1), patch.dict(os.environ):
        os.environ.pop(cli.SYNC_TOKEN_ENV, None)
        if token is not None:
            os.environ[cli.SYNC_TOKEN_ENV] = token
        run = run_kiosk("leads", "sync", "--url", url)

    assert not succeeded(run), "nothing listens: no sync can succeed"
    message = assert_one_sentence(run, token)
    if "still waiting" in message:
        assert f"; {LEADS_WAITING} lead(s) are still waiting: try again later." in message


@pytest.mark.usefixtures("leads_waiting")
def test_syncing_to_a_closed_port_says_the_leads_still_wait(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(cli, "SYNC_ATTEMPTS", 1)

    run = run_kiosk("leads", "sync", "--url", f"https://localhost:{closed_port()}/v1/leads")

    assert assert_one_sentence(run) == (
        f"HQ could not be reached (ConnectError); {LEADS_WAITING} lead(s) are still waiting: "
        "try again later."
    )


@FUZZ
@given(
    bundle=st.one_of(st.sampled_from(["missing.jsonl", "empty.jsonl"]), output_places()),
    database=st.one_of(
        st.none(),
        st.sampled_from(
            [
                "sqlite:///hq.sqlite",
                "sqlite:///a-file",
                "sqlite:///missing/hq.sqlite",
                "sqlite:///.",
                "oracle://hq@db/hq",
                f"postgresql://hq@127.0.0.1:{closed_port()}/hq",
                "postgresql+nonsense://x",
                "junk",
                "",
            ]
        ),
        shell_arguments(),
    ),
)
@pytest.mark.usefixtures("places")
def test_importing_any_file_into_any_database_gives_one_sentence(
    bundle: str, database: str | None
) -> None:
    Path("empty.jsonl").write_bytes(b"")
    arguments = ["leads", "import"]
    if database is not None:
        arguments += ["--db", database]

    run = run_kiosk(*arguments, "--", bundle)  # "--": a bundle named like an option is one

    assert_one_sentence(run)


# --- any arguments at all ----------------------------------------------------------------------

WORDS: Final = (
    "content", "build", "check", "list", "--json", "--source", "--output", "eligibility",
    "--answers", "-", "--lang", "--graph", "summary", "--programmes", "-o", "settings", "show",
    "set", "leads", "export", "--format", "csv", "jsonl", "sync", "--url", "import", "--db",
    "-h", "--help", "zh-Hant", "--",
)  # fmt: skip


@settings(FUZZ, max_examples=150)
@given(
    command=st.sampled_from(["content", "eligibility", "summary", "settings", "leads"]),
    words=st.lists(st.one_of(st.sampled_from(WORDS), shell_arguments()), max_size=6),
)
# was: argparse's message on two lines
@example(command="leads", words=["export", "--format", "csv", "-o", "x", "a\nb"])
@pytest.mark.usefixtures("own_content_db")  # `content build` may rewrite it
def test_any_arguments_succeed_or_give_one_sentence(command: str, words: list[str]) -> None:
    run = run_kiosk(command, *words, stdin=b"{}")

    if not succeeded(run):
        # The content sources list every problem, and an import each bundle refused, a line each.
        if command == "content" or (command, *words[:1]) == ("leads", "import"):
            assert_one_sentence_a_line(run)
        else:
            assert_one_sentence(run)


# --- real processes: what a terminal shows -----------------------------------------------------


def kiosk_process(
    *arguments: str | bytes, stdin: bytes = b""
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *arguments],
        input=stdin,
        capture_output=True,
        check=False,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("arguments", "stdin"),
    [
        pytest.param(("eligibility",), b"\xff\xfe\x00garbage", id="eligibility-garbage-stdin"),
        pytest.param(("summary", "-o", "/"), b"", id="summary-to-the-root-folder"),
        pytest.param(("settings", "set", "booth_port", "1\n2"), b"", id="setting-on-two-lines"),
        pytest.param(
            ("leads", "import", ".", "--db", "sqlite:///hq.sqlite"), b"", id="import-a-folder"
        ),
        pytest.param(
            ("leads", "export", "--format", "csv", "-o", "x", "two\nlines"), b"", id="usage-mistake"
        ),
    ],
)
def test_a_real_process_prints_one_line_and_exits_2(
    arguments: tuple[str, ...], stdin: bytes
) -> None:
    done = kiosk_process(*arguments, stdin=stdin)

    assert done.returncode == 2
    errors = done.stderr.decode("utf-8")
    assert_one_sentence(CliRun(arguments, done.returncode, "", errors))
    assert done.stdout == b""


def test_a_real_process_names_a_latin1_file_it_wrote() -> None:
    name = b"summary-\xe9.pdf"  # "é" in Latin-1: not UTF-8

    done = kiosk_process("summary", "-o", name)

    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"Wrote summary-\\udce9.pdf (")
    assert Path(os.fsdecode(name)).read_bytes().startswith(b"%PDF-")
