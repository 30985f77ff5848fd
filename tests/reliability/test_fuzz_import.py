"""A leads bundle damaged every way a USB stick, an editor or a person can damage it: bits
flipped, cut short, junk appended, lines dropped, repeated or swapped, line endings changed, a
field edited, the manifest edited, another encoding. ``read_bundle`` gives back exactly the leads
that were exported or raises BundleError with one sentence; ``kiosk leads import`` stores exactly
those leads or refuses the bundle whole with one sentence and exit 2, never a traceback.

The bundle's SHA-256 guards against damage, not against a person: whoever edits a lead and
recomputes the checksum and count makes a bundle the importer cannot tell from an export.
"""

from __future__ import annotations

import json
from hashlib import sha256
from pathlib import Path
from typing import Final

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import Engine

from kiosk.export import BundleError, read_bundle
from kiosk.hq.wire import validate_lead
from tests.hq_fixtures import hq_leads
from tests.reliability.cli_fuzzing import (
    FUZZ_SHARING_FIXTURES,
    assert_one_sentence,
    assert_sentence,
    json_junk,
    run_kiosk,
    succeeded,
)
from tests.unit.test_hq_store import exported_bundle, lead_record, stored_form

LEADS: Final = (
    lead_record(1),
    lead_record(2, name="Zoë Chan-Taim", school=None, email=None),
    lead_record(3, name="陈小文 😀", phone_e164=None, wechat_id="chan_dw", intake_year=None),
)
LEAD_FIELDS: Final = tuple(LEADS[0].to_json())
MANIFEST_FIELDS: Final = ("format", "count", "sha256", "kiosk_id", "device_id", "event")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The bytes of a real export of LEADS, made by the export code staff use."""
    path = tmp_path_factory.mktemp("bundle") / "vpas-leads-GZ-01.jsonl"
    return exported_bundle(path, list(LEADS)).read_bytes()


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True)


def _lead_lines(data: bytes) -> list[bytes]:
    """Everything after the manifest line: what the checksum covers."""
    return _lines(data)[1:]


@st.composite
def damage(draw: st.DrawFn, original: bytes) -> bytes:
    """The bundle with one kind of damage, none of them redoing the checksum."""
    kind = draw(
        st.sampled_from(
            ["flip", "cut", "append", "insert", "delete", "lines", "crlf", "utf16", "field"]
        )
    )
    data = bytearray(original)
    position = st.integers(0, len(original) - 1)
    if kind == "flip":
        for offset, mask in draw(st.lists(st.tuples(position, st.integers(1, 255)), min_size=1)):
            data[offset] ^= mask
    elif kind == "cut":
        del data[draw(position) :]
    elif kind == "append":
        data += draw(st.one_of(st.binary(min_size=1), st.just(b"\n"), st.just(b"{}\n")))
    elif kind == "insert":
        offset = draw(position)
        data[offset:offset] = draw(st.binary(min_size=1, max_size=20))
    elif kind == "delete":
        start = draw(position)
        del data[start : start + draw(st.integers(1, 50))]
    elif kind == "lines":
        lines = _lines(original)
        operation = draw(st.sampled_from(["drop", "repeat", "swap", "reverse"]))
        index, other = draw(position.map(lambda n: n % len(lines))), draw(st.integers(0, 99))
        if operation == "drop":
            del lines[index]
        elif operation == "repeat":
            lines.insert(index, lines[index])
        elif operation == "swap":
            other %= len(lines)
            lines[index], lines[other] = lines[other], lines[index]
        else:
            lines.reverse()
        data = bytearray(b"".join(lines))
    elif kind == "crlf":  # opened and saved in Windows Notepad
        data = bytearray(original.replace(b"\n", b"\r\n"))
    elif kind == "utf16":
        data = bytearray(original.decode().encode("utf-16"))
    else:
        data = bytearray(draw(edited_field(original)))
    return bytes(data)


@st.composite
def edited_field(draw: st.DrawFn, original: bytes) -> bytes:
    """One field of the manifest or of a lead given another value, the line rewritten as JSON."""
    lines = _lines(original)
    index = draw(st.integers(0, len(lines) - 1), label="line")
    document = json.loads(lines[index])
    target = document["manifest"] if index == 0 else document
    field = draw(st.sampled_from(MANIFEST_FIELDS if index == 0 else LEAD_FIELDS), label="field")
    target[field] = draw(json_junk(), label="value")
    lines[index] = (json.dumps(document, ensure_ascii=False) + "\n").encode("utf-8", "replace")
    return b"".join(lines)


@FUZZ_SHARING_FIXTURES  # one HQ database and folder for all the examples
@given(data=st.data())
def test_a_damaged_bundle_reads_as_the_export_or_is_refused_in_one_sentence(
    data: st.DataObject, bundle: bytes, tmp_path: Path
) -> None:
    damaged = data.draw(damage(bundle), label="damaged")
    path = tmp_path / "vpas-leads-GZ-01.jsonl"
    path.write_bytes(damaged)

    try:
        manifest, leads = read_bundle(path)
    except BundleError as error:
        assert_sentence(str(error), (path.name, str(path)))
    else:
        assert _lead_lines(damaged) == _lead_lines(bundle), "damaged leads were read"
        assert leads == [record.to_json() for record in LEADS]
        assert manifest["count"] == len(LEADS)


def assert_holds_only_the_exported_leads(hq_engine: Engine) -> None:
    held = hq_leads(hq_engine)
    expected = {record.lead_id: stored_form(record.to_json()) for record in LEADS}
    assert set(held) <= set(expected)
    for lead_id, lead in held.items():
        assert lead == expected[lead_id], "HQ holds a lead that was not exported"


@FUZZ_SHARING_FIXTURES  # one HQ database and folder for all the examples
@given(data=st.data())
def test_importing_a_damaged_bundle_stores_the_export_or_nothing(
    data: st.DataObject, bundle: bytes, tmp_path: Path, hq_engine: Engine
) -> None:
    damaged = data.draw(st.one_of(st.just(bundle), damage(bundle)), label="damaged")
    path = tmp_path / "vpas-leads-GZ-01.jsonl"
    path.write_bytes(damaged)

    run = run_kiosk("leads", "import", str(path), "--db", f"sqlite:///{tmp_path / 'hq.sqlite'}")

    if succeeded(run):
        assert _lead_lines(damaged) == _lead_lines(bundle), "damaged leads were imported"
        assert run.out.startswith(f"{path.name}: {len(LEADS)} leads: ")
        assert run.out.endswith(" 0 rejected\n")
    else:
        assert run.code == 2
        assert_one_sentence(run)
    assert_holds_only_the_exported_leads(hq_engine)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        pytest.param(b"", "is not a VPAS leads bundle", id="empty"),
        pytest.param(b"\n", "is not a VPAS leads bundle", id="one-empty-line"),
        pytest.param(b"[" * 100_000 + b"]" * 100_000, "is not a VPAS leads bundle", id="deep"),
        pytest.param(b"\xff\xfe\x00\x00", "is not a VPAS leads bundle", id="not-utf8"),
        pytest.param(b'{"manifest": 1}\n', "is not a VPAS leads bundle", id="manifest-not-one"),
    ],
)
def test_a_file_that_is_no_bundle_is_refused_in_one_sentence(
    content: bytes, problem: str, tmp_path: Path, hq_engine: Engine
) -> None:
    path = tmp_path / "leads.jsonl"
    path.write_bytes(content)

    run = run_kiosk("leads", "import", str(path), "--db", f"sqlite:///{tmp_path / 'hq.sqlite'}")

    assert problem in assert_one_sentence(run)  # "deep" was: RecursionError
    assert hq_leads(hq_engine) == {}


@pytest.mark.parametrize("place", ["a-folder", "missing.jsonl"])
def test_a_bundle_that_cannot_be_read_is_refused_in_one_sentence(
    place: str, tmp_path: Path, hq_engine: Engine
) -> None:
    (tmp_path / "a-folder").mkdir()

    run = run_kiosk(
        "leads", "import", str(tmp_path / place), "--db", f"sqlite:///{tmp_path / 'hq.sqlite'}"
    )

    assert assert_one_sentence(run).startswith(f"Cannot read {tmp_path / place}: ")
    assert hq_leads(hq_engine) == {}


def resealed(lines: list[bytes]) -> bytes:
    """The lead lines under a manifest whose count and checksum are made to match them."""
    manifest = json.loads(lines[0])
    manifest["manifest"]["count"] = len(lines) - 1
    manifest["manifest"]["sha256"] = sha256(b"".join(lines[1:])).hexdigest()
    return (json.dumps(manifest) + "\n").encode() + b"".join(lines[1:])


@settings(FUZZ_SHARING_FIXTURES, max_examples=50)
@given(data=st.data())
def test_an_edited_lead_with_its_checksum_redone_is_stored_or_rejected_in_one_sentence(
    data: st.DataObject, bundle: bytes, tmp_path: Path, hq_engine: Engine
) -> None:
    lines = _lines(data.draw(edited_field(bundle), label="edited"))
    path = tmp_path / "vpas-leads-GZ-01.jsonl"
    path.write_bytes(resealed(lines))

    run = run_kiosk("leads", "import", str(path), "--db", f"sqlite:///{tmp_path / 'hq.sqlite'}")

    if succeeded(run):
        summary, *rejections = run.out.splitlines()
        assert summary.startswith(f"{path.name}: {len(LEADS)} leads: ")
        leads = tuple(json.loads(line) for line in lines[1:])
        for rejection in rejections:
            lead_id, _, reason = rejection.strip().partition(" ")
            code, _, sentence = reason.partition(": ")
            assert lead_id in {lead["lead_id"] for lead in leads}, rejection
            assert code in ("invalid", "conflict"), rejection
            assert_sentence(sentence, leads)
    else:
        assert_one_sentence(run)  # a lead without a lead_id: the bundle is refused whole
    for lead in hq_leads(hq_engine).values():
        assert validate_lead(lead) == lead, "HQ stored a lead its own model refuses"


def test_the_intact_bundle_is_imported_whole(
    bundle: bytes, tmp_path: Path, hq_engine: Engine
) -> None:
    path = tmp_path / "vpas-leads-GZ-01.jsonl"
    path.write_bytes(bundle)

    run = run_kiosk("leads", "import", str(path), "--db", f"sqlite:///{tmp_path / 'hq.sqlite'}")

    assert succeeded(run)
    assert run.out == f"{path.name}: 3 leads: 3 stored, 0 already held, 0 rejected\n"
    assert hq_leads(hq_engine) == {
        record.lead_id: stored_form(record.to_json()) for record in LEADS
    }
