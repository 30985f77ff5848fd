"""The ``kiosk`` command line (contract in DESIGN.md)."""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path
from typing import NoReturn

from kiosk import resources
from kiosk.errors import KioskError, one_line, shown
from kiosk.l10n import LANGUAGES

PASSPHRASE_ENV = "KIOSK_STAFF_PASSPHRASE"
# The screens' hidden option when the watchdog (kiosk.watchdog) starts them: watch its pipe.
UNDER_WATCHDOG = "--under-watchdog"
SYNC_TOKEN_ENV = "KIOSK_SYNC_TOKEN"
SYNC_ATTEMPTS = 5  # the command line gives up after these; the kiosk's relay never does


class _Parser(argparse.ArgumentParser):
    """Usage mistakes are one sentence on stderr, like every other error of the kiosk."""

    def error(self, message: str) -> NoReturn:
        message = one_line(message)  # argparse quotes some arguments as they were typed
        self.exit(2, f"kiosk: {message[0].upper()}{message[1:]} (see 'kiosk --help').\n")


_HQ_DB_HELP = (
    "HQ's database as a SQLAlchemy URL, e.g. postgresql+psycopg://user@host/hq "
    "(default: KIOSK_HQ_DB, else hq-leads.sqlite in the data directory)"
)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="kiosk", description="The VPAS fair kiosk.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    run = commands.add_parser("run", help="start the kiosk (full screen by default)")
    run.add_argument("--windowed", action="store_true", help="a normal window, for development")
    run.add_argument("--lang", choices=LANGUAGES, help="the language visitors start in")
    run.add_argument(
        "--exit-when-ready", action="store_true", help="exit 0 once the first screen is shown"
    )
    run.add_argument(
        "--no-watchdog",
        action="store_true",
        help="run the screens in this process: no watchdog parent restarting them after a crash "
        "(--windowed and --exit-when-ready never use one)",
    )
    run.add_argument(UNDER_WATCHDOG, action="store_true", help=argparse.SUPPRESS)

    commands.add_parser(
        "self-test",
        help="check the installation without a display: one line per check, exit 0 if all pass "
        "(also 'kiosk --self-test')",
    )

    content = commands.add_parser("content", help="build, check or list the content database")
    content_commands = content.add_subparsers(
        dest="content_command", required=True, parser_class=_Parser
    )
    build = content_commands.add_parser("build", help="build the content database from sources")
    build.add_argument("--source", type=Path, default=resources.content_source_dir())
    build.add_argument("--output", type=Path, default=resources.content_db_path())
    build.add_argument("--force", action="store_true", help="rebuild even if up to date")
    check = content_commands.add_parser("check", help="check the content sources")
    check.add_argument("--source", type=Path, default=resources.content_source_dir())
    listing = content_commands.add_parser("list", help="print sectors and programmes")
    listing.add_argument("--json", action="store_true", help="as JSON (see DESIGN.md)")

    eligibility = commands.add_parser("eligibility", help="answers JSON in, outcome JSON out")
    eligibility.add_argument(
        "--answers", default="-", help="a JSON file of answers, or - for standard input"
    )
    eligibility.add_argument("--lang", choices=LANGUAGES, default="zh-Hans")
    eligibility.add_argument(
        "--graph", action="store_true", help="print the question flow as Graphviz DOT"
    )

    settings = commands.add_parser("settings", help="show or change the kiosk's settings")
    settings_commands = settings.add_subparsers(
        dest="settings_command", required=True, parser_class=_Parser
    )
    settings_commands.add_parser("show", help="print every setting and its value")
    change = settings_commands.add_parser("set", help="change one setting")
    change.add_argument("key", help="a setting's name, as 'kiosk settings show' prints it")
    change.add_argument("value", help="the new value (JSON for numbers and tables)")

    leads = commands.add_parser("leads", help="the visitors' leads: export")
    leads_commands = leads.add_subparsers(dest="leads_command", required=True, parser_class=_Parser)
    export = leads_commands.add_parser(
        "export",
        help=f"write every lead to a file (asks for the staff passphrase, or reads "
        f"{PASSPHRASE_ENV})",
    )
    export.add_argument("--format", required=True, choices=("csv", "xlsx", "jsonl"))
    export.add_argument(
        "-o", "--output", type=Path, required=True, help="the file, or a folder to put it in"
    )
    sync = leads_commands.add_parser(
        "sync",
        help=f"send the leads HQ does not hold yet (asks for the staff passphrase, or reads "
        f"{PASSPHRASE_ENV}; the token from the settings or {SYNC_TOKEN_ENV})",
    )
    sync.add_argument("--url", help="HQ's receiver, instead of the sync_url setting")
    bundles = leads_commands.add_parser(
        "import", help="at HQ: store the leads of JSONL bundles in HQ's database"
    )
    bundles.add_argument(
        "bundles", nargs="+", type=Path, metavar="BUNDLE", help="a bundle 'leads export' wrote"
    )
    bundles.add_argument("--db", help=_HQ_DB_HELP)

    hq = commands.add_parser("hq", help="the admissions office's side: receive kiosks' leads")
    hq_commands = hq.add_subparsers(dest="hq_command", required=True, parser_class=_Parser)
    serve = hq_commands.add_parser(
        "serve", help="take the leads kiosks sync, over HTTP(S), until Ctrl-C"
    )
    serve.add_argument("--db", help=_HQ_DB_HELP)
    serve.add_argument(
        "--host", default="127.0.0.1", help="the address to listen on (0.0.0.0: all of them)"
    )
    serve.add_argument("--port", type=int, default=8080, help="the port (8080)")
    serve.add_argument("--workers", type=int, default=1, help="processes taking requests (1)")
    serve.add_argument(
        "--token",
        action="append",
        default=[],
        dest="tokens",
        metavar="TOKEN",
        help="a bearer token kiosks sync with; repeatable (default: KIOSK_HQ_TOKENS, "
        "comma-separated, which other users cannot see in the process list)",
    )
    serve.add_argument("--ssl-certfile", type=Path, help="serve HTTPS with this certificate")
    serve.add_argument("--ssl-keyfile", type=Path, help="the certificate's private key")

    summary = commands.add_parser("summary", help="write a visitor's summary as a PDF")
    summary.add_argument(
        "--answers", help="eligibility answers (JSON file, or - for standard input); optional"
    )
    summary.add_argument(
        "--programmes", default="", help="programme codes of the visitor's list, comma-separated"
    )
    summary.add_argument("--lang", choices=LANGUAGES, default="zh-Hans")
    summary.add_argument("-o", "--output", type=Path, required=True, help="the PDF to write")
    return parser


def _read_json(source: str) -> object:
    try:
        # Bytes, so that json.loads reads UTF-8 with or without a byte order mark (Notepad's).
        data = _stdin_bytes() if source == "-" else Path(source).read_bytes()
    except OSError as error:
        raise KioskError(
            f"Cannot read the answers file {source}: {error.strerror or error}."
        ) from None
    try:
        return json.loads(data)
    except json.JSONDecodeError as error:
        raise KioskError(
            f"The answers are not valid JSON ({error.msg} at line {error.lineno}, "
            f"column {error.colno})."
        ) from None
    except UnicodeDecodeError:
        raise KioskError("The answers are not text in UTF-8.") from None
    except ValueError:  # an integer of more digits than Python converts
        raise KioskError("The answers hold a number with too many digits.") from None
    except RecursionError:
        raise KioskError("The answers are nested too deeply to be answers.") from None


def _stdin_bytes() -> bytes:
    buffer = getattr(sys.stdin, "buffer", None)
    return buffer.read() if buffer is not None else sys.stdin.read().encode("utf-8")


def _eligibility(args: argparse.Namespace) -> int:
    from kiosk.catalog import load_catalog
    from kiosk.eligibility import evaluate, parse_answers
    from kiosk.eligibility_flow import graph_dot

    catalog = load_catalog(resources.content_db_path())
    if args.graph:
        sys.stdout.write(graph_dot(catalog, args.lang))
        return 0
    raw = _read_json(args.answers)
    answers = parse_answers(raw, catalog.rules, catalog.programme_codes)
    outcome = evaluate(answers, catalog.rules, args.lang)
    json.dump(outcome.to_json(), sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


def _settings(args: argparse.Namespace) -> int:
    from dataclasses import asdict, fields, replace

    from kiosk.data.leads_db import open_leads_db
    from kiosk.settings import load_settings, save_settings

    engine = open_leads_db(resources.leads_db_path())
    try:
        settings = load_settings(engine)
        if args.settings_command == "set":
            names = [spec.name for spec in fields(settings)]
            if args.key not in names:
                raise KioskError(
                    f"There is no setting {shown(args.key)}: use one of {', '.join(names)}."
                )
            try:
                value = json.loads(args.value)
            except (ValueError, RecursionError):  # not JSON (or absurd JSON): plain text
                value = args.value  # such as an address or a Wi-Fi name
            if isinstance(getattr(settings, args.key), str) and not isinstance(value, str):
                value = args.value
            try:
                settings = replace(settings, **{args.key: value})
            except ValueError as error:  # Settings say what is wrong in one sentence
                raise KioskError(str(error)) from None
            if args.key == "link_overrides":
                _check_link_codes(settings.link_overrides)
            save_settings(engine, settings)
        for key, value in asdict(settings).items():
            print(f"{key} = {json.dumps(value, ensure_ascii=False)}")
    finally:
        engine.dispose()
    return 0


def _check_link_codes(addresses: dict[str, str]) -> None:
    """Staff's link addresses must name links of the content (texts.toml [[link]])."""
    from kiosk.catalog import load_catalog
    from kiosk.summary import unknown_link_codes

    catalog = load_catalog(resources.content_db_path())
    unknown = unknown_link_codes(catalog, addresses)
    if unknown:
        codes = ", ".join(link.code for link in catalog.links)
        raise KioskError(f"There is no link {shown(unknown[0])}: use one of {codes}.")


def _staff_passphrase() -> str:
    passphrase = os.environ.get(PASSPHRASE_ENV)
    if passphrase is not None:
        return passphrase
    if not sys.stdin.isatty():
        raise KioskError(
            "The leads are encrypted: give the staff passphrase at the prompt or in "
            f"{PASSPHRASE_ENV}."
        )
    import getpass

    return getpass.getpass("Staff passphrase: ")


def _print_progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        bar = "#" * (30 * done // max(total, 1))
        print(f"\r[{bar:<30}] {done:,}/{total:,}", end="", file=sys.stderr, flush=True)


def _end_progress() -> None:
    if sys.stderr.isatty():
        print(file=sys.stderr)


def _leads(args: argparse.Namespace) -> int:
    if args.leads_command == "import":
        from kiosk.hq.commands import import_leads

        return import_leads(args.bundles, args.db)
    if args.leads_command == "sync":
        return _leads_sync(args)
    from kiosk.data.leads_db import open_leads_db
    from kiosk.events import load_event
    from kiosk.export import ExportFormat, ExportSource, export_kiosk_leads, export_leads
    from kiosk.lead_records import count_leads
    from kiosk.lead_vault import unlock
    from kiosk.settings import device_id, kiosk_name, load_settings

    engine = open_leads_db(resources.leads_db_path())
    try:
        settings = load_settings(engine)
        device = device_id(engine)
        source = ExportSource(
            kiosk_name(settings, device), device, load_event(engine, settings.event_id)
        )
        export_format = ExportFormat(args.format)
        if count_leads(engine) == 0:  # nothing sealed: no passphrase needed for an empty file
            result = export_leads([], 0, export_format, args.output, source, _print_progress)
        else:
            opener = unlock(engine, _staff_passphrase())
            result = export_kiosk_leads(
                engine, opener, export_format, args.output, source, _print_progress
            )
        _end_progress()
    finally:
        engine.dispose()
    print(f"Exported {result.count:,} lead(s) to {result.path}.")
    return 0


def _leads_sync(args: argparse.Namespace) -> int:
    import random
    import time

    from kiosk.clock import SystemClock
    from kiosk.data.leads_db import open_leads_db
    from kiosk.lead_vault import unlock
    from kiosk.settings import load_settings, sync_token_problem, sync_url_problem
    from kiosk.sync import (
        Backoff,
        HttpTransport,
        SyncReport,
        SyncUnreachable,
        outbox_counts,
        rejected_leads,
        sync_pending,
    )

    engine = open_leads_db(resources.leads_db_path())
    try:
        settings = load_settings(engine)
        url = args.url or settings.sync_url
        if not url:
            raise KioskError(
                "No sync address is set: give --url, or set it with "
                "'kiosk settings set sync_url https://…'."
            )
        problem = sync_url_problem(url)
        if problem:
            raise KioskError(problem)
        token = os.environ.get(SYNC_TOKEN_ENV) or settings.sync_token
        problem = sync_token_problem(token)
        if problem:
            raise KioskError(problem)
        before = outbox_counts(engine)
        if before.waiting == 0:
            print(f"Nothing to send: HQ holds every lead ({before.rejected:,} rejected).")
            return 0
        opener = unlock(engine, _staff_passphrase())
        transport = HttpTransport(url, token)
        total = SyncReport()
        rng = random.Random()
        try:
            for attempt in range(1, SYNC_ATTEMPTS + 1):
                try:
                    sync_pending(
                        engine,
                        opener,
                        transport,
                        SystemClock(),
                        progress=_print_progress,
                        report=total,
                    )
                    break
                except SyncUnreachable as error:
                    if attempt == SYNC_ATTEMPTS:
                        raise KioskError(
                            f"{str(error).rstrip('.')}; {outbox_counts(engine).waiting:,} "
                            "lead(s) are still waiting: try again later."
                        ) from None
                    time.sleep(Backoff(base_s=1.0, cap_s=30.0).delay(attempt, rng))
                finally:
                    _end_progress()
        finally:
            transport.close()
        after = outbox_counts(engine)
        print(
            f"Sent {total.sent:,} lead(s) to HQ: {total.stored:,} stored, "
            f"{total.already_had:,} already held, {total.rejected:,} rejected; "
            f"{after.waiting:,} still waiting."
        )
        for lead in rejected_leads(engine) if total.rejected else []:
            print(f"  rejected {lead.lead_id} ({lead.created_at}): {lead.reason}")
    finally:
        engine.dispose()
    return 0


def _summary(args: argparse.Namespace) -> int:
    from datetime import date

    from kiosk.catalog import load_catalog
    from kiosk.data.leads_db import open_leads_db
    from kiosk.eligibility import evaluate, parse_answers
    from kiosk.settings import load_settings
    from kiosk.summary import SummaryRequest, official_links
    from kiosk.summary_pdf import build_summary_pdf

    output: Path = args.output
    if not output.name:  # "", "." or "/": a folder, and no name to write into it
        raise KioskError(
            "The summary needs a file name such as summary.pdf, not the folder "
            f"{shown(str(output))}."
        )
    catalog = load_catalog(resources.content_db_path())
    codes = tuple(code.strip() for code in args.programmes.split(",") if code.strip())
    outcome = None
    if args.answers is not None:
        answers = parse_answers(_read_json(args.answers), catalog.rules, catalog.programme_codes)
        outcome = evaluate(answers, catalog.rules, args.lang)
    engine = open_leads_db(resources.leads_db_path())  # for the links staff have changed
    try:
        overrides = load_settings(engine).link_overrides
    finally:
        engine.dispose()
    request = SummaryRequest(args.lang, codes, outcome, date.today())
    pdf = build_summary_pdf(catalog, request, official_links(catalog, overrides))
    temporary = output.with_name(output.name + ".partial")
    try:
        temporary.write_bytes(pdf)
        temporary.replace(output)
    except OSError as error:
        with suppress(OSError):  # e.g. a name too long: there is no partial file either
            temporary.unlink(missing_ok=True)
        raise KioskError(f"Cannot write {output}: {error.strerror or error}.") from None
    print(f"Wrote {output} ({len(pdf) // 1024} KB).")
    return 0


def _content(args: argparse.Namespace) -> int:
    icons = resources.asset("icons", "sectors")
    if args.content_command == "check":
        from kiosk.data.content_source import read_sources

        source = read_sources(args.source, icons)
        count = sum(len(sector.programmes) for sector in source.sectors)
        print(f"Content sources are valid: {len(source.sectors)} sectors, {count} programmes.")
        return 0
    if args.content_command == "build":
        from kiosk.data.content_build import build_content

        built = build_content(args.source, icons, args.output, force=args.force)
        print(f"{'Built' if built else 'Up to date:'} {args.output}")
        return 0
    from kiosk.catalog import load_catalog

    catalog = load_catalog(resources.content_db_path())
    if args.json:
        json.dump(catalog.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for sector in catalog.sectors:
            print(f"{sector.code}: {sector.name.zh_hans} / {sector.name.en}")
            for programme in sector.programmes:
                print(f"  {programme.code}: {programme.name.zh_hans} / {programme.name.en}")
    return 0


def _hq(args: argparse.Namespace) -> int:
    from kiosk.hq.commands import serve

    return serve(
        args.db,
        args.host,
        args.port,
        args.workers,
        args.tokens,
        args.ssl_certfile,
        args.ssl_keyfile,
    )


def _run(args: argparse.Namespace, run_arguments: list[str]) -> int:
    from kiosk.run_log import CrashRecorder, start_run_log

    data_dir = resources.data_dir()
    if not (args.windowed or args.exit_when_ready or args.no_watchdog or args.under_watchdog):
        from kiosk.watchdog import run_watchdog

        # The watchdog writes only to crash.log: kiosk.log is the screens' (one writer rotates it).
        return run_watchdog(run_arguments, data_dir)
    start_run_log(data_dir)
    CrashRecorder(data_dir).install()
    from kiosk.platform_check import window_problem

    problem = window_problem()
    if problem:
        raise KioskError(problem)
    from kiosk.ui.app import run_kiosk  # Qt is imported only for the kiosk itself

    return run_kiosk(
        windowed=args.windowed,
        language=args.lang,
        exit_when_ready=args.exit_when_ready,
        under_watchdog=args.under_watchdog,
    )


def _print_any_path() -> None:
    """Paths with bytes that are not UTF-8 (surrogate escapes on POSIX) print as \\xNN, never
    as an encoding error, on standard output as on standard error."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    _print_any_path()
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["--self-test"]:
        arguments[0] = "self-test"
    if not arguments or (arguments[0].startswith("-") and arguments[0] not in ("-h", "--help")):
        arguments.insert(0, "run")
    args = _parser().parse_args(arguments)
    try:
        if args.command == "content":
            return _content(args)
        if args.command == "eligibility":
            return _eligibility(args)
        if args.command == "summary":
            return _summary(args)
        if args.command == "settings":
            return _settings(args)
        if args.command == "leads":
            return _leads(args)
        if args.command == "hq":
            return _hq(args)
        if args.command == "self-test":
            from kiosk.ui.self_test import run_self_test

            return run_self_test()
        return _run(args, arguments[1:])
    except KioskError as error:
        # One sentence a line (content sources list each problem on its own line); a path or a
        # value quoted in one cannot break it, nor send a terminal its control characters.
        for line in str(error).split("\n"):
            print(f"kiosk: {one_line(line)}", file=sys.stderr)
        return 2
    except ModuleNotFoundError as error:
        if not getattr(sys, "frozen", False):
            raise
        # kiosk.spec leaves out HQ's receiver and the content build's tools.
        command = " ".join(arguments[:2])
        print(
            f"kiosk: '{command}' is not part of the kiosk's bundle (it needs {error.name}): "
            "run it from the Python package (see README.md).",
            file=sys.stderr,
        )
        return 2
