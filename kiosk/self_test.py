"""`kiosk --self-test`: what an installer runs after installing, and staff on a fair morning.

Each check exercises the real thing the kiosk uses (the bundled content, the PDF writer, the
leads database with its migrations and sealing) and prints one line; the Qt checks (fonts,
printing, the on-screen keyboard) are in kiosk.ui.self_test.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from kiosk import resources
from kiosk.catalog import Catalog, load_catalog
from kiosk.l10n import LANGUAGES
from kiosk.qr import qr_matrix
from kiosk.summary import SummaryRequest, official_links

Check = tuple[str, Callable[[], str]]  # a name, and a function returning what it saw or raising
SELF_TEST_PASSPHRASE = "self-test passphrase, thrown away"


def run_checks(
    checks: Sequence[Check],
    out: TextIO,
    drain_messages: Callable[[], list[str]] = list,
) -> bool:
    """Run every check, even after a failure, printing each line as it ends; True if all passed.

    ``drain_messages`` returns (and forgets) what the libraries said meanwhile: shown under a
    failed check, where it may say why."""
    all_passed = True
    for name, check in checks:
        started = time.perf_counter()
        try:
            detail, passed = check(), True
        except Exception as error:  # any failure is a line of the report, never a traceback
            said = str(error).strip().splitlines()
            detail = f"{type(error).__name__}: {said[0] if said else 'no detail'}"
            passed = False
        elapsed_ms = (time.perf_counter() - started) * 1000
        status = "PASS" if passed else "FAIL"
        print(f"{status} {name}: {detail} ({elapsed_ms:.0f} ms)", file=out, flush=True)
        messages = drain_messages()  # always drained: a passed check's chatter is dropped
        if not passed:
            for message in messages:
                print(f"    {message}", file=out, flush=True)
        all_passed = all_passed and passed
    return all_passed


class CoreChecks:
    """The checks that need no Qt. ``workdir`` is a throw-away directory."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self._catalog: Catalog | None = None
        self.summary_pdf: bytes | None = None  # for the print check

    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = load_catalog(resources.content_db_path())
        return self._catalog

    def content(self) -> str:
        """The bundled content opens (its schema version matches) and every name it shows a
        visitor exists in all three languages."""
        catalog = self.catalog()
        named = [(sector.code, sector.name) for sector in catalog.sectors] + [
            (programme.code, programme.name) for programme in catalog.programmes
        ]
        missing = [code for code, name in named if not all(name.get(lang) for lang in LANGUAGES)]
        if missing:
            raise ValueError(f"names missing in a language: {', '.join(missing)}")
        if not catalog.rules_version or not catalog.links:
            raise ValueError("no rules version or no official links")
        return (
            f"{len(catalog.sectors)} sectors, {len(catalog.programmes)} programmes, "
            f"rules {catalog.rules_version}, {resources.content_db_path()}"
        )

    def summary(self) -> str:
        """A visitor's summary PDF in Simplified Chinese, with its QR codes."""
        from kiosk.summary_pdf import build_summary_pdf

        catalog = self.catalog()
        codes = tuple(programme.code for programme in catalog.programmes[:3])
        links = official_links(catalog)
        request = SummaryRequest("zh-Hans", codes, None, date.today())
        pdf = build_summary_pdf(catalog, request, links)
        if not pdf.startswith(b"%PDF-"):
            raise ValueError("the summary is not a PDF")
        modules = len(qr_matrix(links[0].url))
        self.summary_pdf = pdf
        return (
            f"{len(pdf) // 1024} KB for {len(codes)} programmes, "
            f"{len(links)} QR code(s) of official pages ({modules}×{modules} modules)"
        )

    def lead(self) -> str:
        """A lead saved, sealed, into a fresh leads database (migrated from empty), and read
        back with the staff passphrase."""
        from kiosk.data.leads_db import open_leads_db
        from kiosk.lead_records import iter_lead_records
        from kiosk.lead_vault import LeadSealer, set_up_vault, unlock
        from kiosk.leads import LeadDraft, save_lead

        draft = LeadDraft(
            name="自检 Self-test",
            phone_number="138 1234 5678",
            region="CN-GD",
            stage="senior_secondary_3",
            contact_language="zh-Hans",
            age_group="18_or_over",
            consent_contact=True,
            consent_transfer=True,
        )
        path = self.workdir / "self-test-leads.sqlite"
        engine = open_leads_db(path)
        try:
            set_up_vault(engine, SELF_TEST_PASSPHRASE)
            saved = save_lead(
                engine,
                draft,
                sealer=LeadSealer(engine),
                known_programme_codes=self.catalog().programme_codes,
                device_id="self-test",
                kiosk_id="self-test",
                event_id="",
                session_id=str(uuid.uuid4()),
                notice_version="self-test",
            )
            records = list(iter_lead_records(engine, unlock(engine, SELF_TEST_PASSPHRASE)))
        finally:
            engine.dispose()
        if [(r.lead_id, r.name, r.phone_e164) for r in records] != [
            (saved.lead_id, draft.name, "+8613812345678")
        ]:
            raise ValueError(f"read back {len(records)} lead(s), not the one written")
        return f"written, sealed and read back ({path.stat().st_size // 1024} KB database)"
