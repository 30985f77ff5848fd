"""A throwaway PostgreSQL server for the tests: its own cluster in a temporary directory.

The suite never touches a system cluster: `start_postgres()` runs `initdb` and `pg_ctl start`
in a fresh directory on a free port of 127.0.0.1 (and a private Unix socket directory), and
`PostgresServer.stop()` stops it and deletes the directory. Binaries come from Debian's
`postgresql` package (`/usr/lib/postgresql/<major>/bin`, the newest major) or from PATH;
`KIOSK_TEST_PG_BIN=<dir>` points at another bin directory, and a directory without `initdb` and
`pg_ctl` (e.g. `/nonexistent`) hides PostgreSQL, to check the suite's behaviour without it.

initdb refuses to run as root, so as root both tools run as the `postgres` user (created by the
Debian package) through `runuser` (or `setpriv`), and the directory is handed to that user.

Fresh databases: `create_database()` runs `CREATE DATABASE test_<n>` (a copy of template1:
milliseconds with fsync off) and `drop_database()` drops it `WITH (FORCE)`, so a test that
leaves a pooled connection open cannot block the drop.
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import os
import pwd
import re
import shlex
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

PG_BIN_ENV = "KIOSK_TEST_PG_BIN"
DEBIAN_PG_ROOT = Path("/usr/lib/postgresql")
SUPERUSER = "postgres"  # the cluster's superuser, whoever runs the server process
SESSION_DATABASE = "kiosk_test"

# The skip reason; conftest's terminal summary finds skipped tests by this text.
MISSING_REASON = (
    "PostgreSQL tests SKIPPED: Debian's postgresql package is not installed; "
    "run `make test-pg` to install it and run them"
)
MISSING_ON_CI = (
    "PostgreSQL is not installed, but CI installs Debian's postgresql package (.ci/run): "
    "its absence on CI is a bug, so the PostgreSQL tests fail instead of being skipped"
)

_TOOLS = ("initdb", "pg_ctl")


def _has_tools(directory: Path) -> bool:
    return all(os.access(directory / tool, os.X_OK) for tool in _TOOLS)


def _major(bin_dir: Path) -> tuple[int, ...]:
    """(15,) for /usr/lib/postgresql/15/bin, (9, 6) for …/9.6/bin; () if not a version."""
    name = bin_dir.parent.name
    if not re.fullmatch(r"\d+(\.\d+)*", name):
        return ()
    return tuple(int(part) for part in name.split("."))


def find_pg_bin() -> Path | None:
    """The directory holding initdb and pg_ctl, or None when PostgreSQL is not installed."""
    override = os.environ.get(PG_BIN_ENV)
    if override is not None:
        directory = Path(override)
        return directory if _has_tools(directory) else None
    # Debian installs several majors side by side, none on PATH: take the newest.
    candidates = [d for d in DEBIAN_PG_ROOT.glob("*/bin") if _has_tools(d)]
    if candidates:
        return max(candidates, key=_major)
    initdb = shutil.which("initdb")
    if initdb is not None and _has_tools(Path(initdb).parent):
        return Path(initdb).parent
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _as_postgres_user() -> tuple[list[str], pwd.struct_passwd | None]:
    """The command prefix that drops root to the `postgres` user (nothing when not root)."""
    if os.geteuid() != 0:
        return [], None
    try:
        account = pwd.getpwnam("postgres")
    except KeyError:
        raise RuntimeError(
            "running as root, initdb needs an unprivileged user, but there is no `postgres` "
            "user (Debian's postgresql package creates it)"
        ) from None
    if shutil.which("runuser"):
        return ["runuser", "-u", account.pw_name, "--"], account
    if shutil.which("setpriv"):
        return [
            "setpriv",
            f"--reuid={account.pw_uid}",
            f"--regid={account.pw_gid}",
            "--init-groups",
            "--",
        ], account
    raise RuntimeError("running as root, neither runuser nor setpriv is there to drop to postgres")


def _tool_env() -> dict[str, str]:
    # PG* variables (PGDATA, PGPORT, PGHOST …) of the developer's shell must not steer our
    # cluster; LC_ALL=C keeps the server's messages in English for the log checks below.
    env = {key: value for key, value in os.environ.items() if not key.startswith("PG")}
    env["LC_ALL"] = "C"
    return env


@dataclass
class PostgresServer:
    """A running throwaway cluster; `stop()` is idempotent and also runs at interpreter exit."""

    bin_dir: Path
    root: Path
    port: int
    prefix: list[str]
    host: str = "127.0.0.1"
    user: str = SUPERUSER
    startup_seconds: float = 0.0  # how long pg_ctl start took, for reports
    _names: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _stopped: bool = False

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def log_file(self) -> Path:
        return self.root / "server.log"

    def url(self, database: str = SESSION_DATABASE) -> str:
        """A SQLAlchemy URL for one database of this server (psycopg 3 driver)."""
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{database}"

    def execute_autocommit(self, *statements: str, database: str = "postgres") -> None:
        """Run statements outside a transaction (CREATE/DROP DATABASE cannot run inside one)."""
        import psycopg  # only the PostgreSQL tests need the driver

        with psycopg.connect(
            host=self.host, port=self.port, user=self.user, dbname=database, autocommit=True
        ) as connection:
            for statement in statements:
                connection.execute(statement.encode())

    def create_database(self) -> str:
        """A new empty database (test_<n>); its name."""
        name = f"test_{next(self._names)}"
        self.execute_autocommit(f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        # FORCE: a test's engine may still hold pooled connections to it.
        self.execute_autocommit(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        try:
            result = _run_tool(
                self, "pg_ctl", "stop", "-D", str(self.data_dir), "-m", "fast", "-w", "-t", "30"
            )
            if result.returncode != 0:
                _kill_postmaster(self.data_dir)
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def _run_tool(
    server: PostgresServer, tool: str, *args: str, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*server.prefix, str(server.bin_dir / tool), *args],
        capture_output=True,
        text=True,
        check=False,
        env=_tool_env(),
        # The postgres user may not be allowed into the caller's working directory.
        cwd=server.root,
        timeout=timeout,
    )


def _kill_postmaster(data_dir: Path) -> None:
    """Last resort when pg_ctl cannot stop the server: SIGQUIT, PostgreSQL's immediate stop."""
    try:
        pid = int((data_dir / "postmaster.pid").read_text().split("\n", 1)[0])
    except (OSError, ValueError):
        return
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGQUIT)


def start_postgres(bin_dir: Path, attempts: int = 3) -> PostgresServer:
    """initdb and start a cluster in a new temporary directory; its `kiosk_test` database made."""
    prefix, account = _as_postgres_user()
    root = Path(tempfile.mkdtemp(prefix="kiosk-pg-"))
    server = PostgresServer(bin_dir=bin_dir, root=root, port=0, prefix=prefix)
    try:
        if account is not None:
            os.chown(root, account.pw_uid, account.pw_gid)
        _initdb(server)
        _start(server, attempts)
        server.execute_autocommit(f'CREATE DATABASE "{SESSION_DATABASE}"')
    except BaseException:
        server.stop()
        raise
    # Belt and braces: the session fixture stops it, this catches an interpreter exiting early.
    atexit.register(server.stop)
    return server


def _initdb(server: PostgresServer) -> None:
    result = _run_tool(
        server,
        "initdb",
        "-D",
        str(server.data_dir),
        "-U",
        SUPERUSER,
        "-A",
        "trust",  # local and 127.0.0.1 only, in a private directory: no passwords needed
        "-E",
        "UTF8",
        "--locale=C",
        "--no-sync",  # a throwaway cluster: do not wait for the disk
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"initdb failed in {server.root} (the postgres user must be able to reach it):\n"
            f"{result.stdout}{result.stderr}"
        )


def _start(server: PostgresServer, attempts: int) -> None:
    socket_dir = server.root / "sock"
    socket_dir.mkdir()
    if server.prefix:
        shutil.chown(socket_dir, user="postgres", group=None)
    for _ in range(attempts):
        server.port = _free_port()
        options = " ".join(
            [
                f"-k {shlex.quote(str(socket_dir))}",
                f"-p {server.port}",
                "-c listen_addresses=127.0.0.1",
                # Durability is pointless for a cluster deleted at the end of the session, and
                # fsync on every commit would make the tests disk-bound.
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
            ]
        )
        started = time.monotonic()
        result = _run_tool(
            server,
            "pg_ctl",
            "start",
            "-D",
            str(server.data_dir),
            "-l",  # -l also detaches the server from our pipes, so capture_output returns
            str(server.log_file),
            "-w",
            "-t",
            "60",
            "-o",
            options,
            timeout=90,
        )
        if result.returncode == 0:
            server.startup_seconds = time.monotonic() - started
            return
        log = server.log_file.read_text(errors="replace") if server.log_file.exists() else ""
        if "could not bind" not in log and "already in use" not in log:
            raise RuntimeError(f"pg_ctl start failed:\n{result.stdout}{result.stderr}\n{log}")
        # Another process took the port between our probe and the bind: try another one.
    raise RuntimeError(f"pg_ctl start found no free port in {attempts} attempts")
