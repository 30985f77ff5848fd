"""`kiosk --self-test`: one line per check, exit 0 only when every check passed."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from kiosk import resources
from kiosk.self_test import run_checks

CHECKS = ["content", "fonts", "summary PDF", "print", "lead", "keyboard"]


def self_test(*arguments: str, **environment: str) -> subprocess.CompletedProcess[str]:
    """As an installer runs it: its own process, no display (no QT_QPA_PLATFORM given)."""
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *arguments],
        env={**env, **environment},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_every_check_passes_on_a_good_installation(data_dir: Path) -> None:
    result = self_test("--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines[:-1]] == [f"PASS {name}" for name in CHECKS]
    assert "13 sectors, 34 programmes" in lines[0]
    assert "Pinyin" in lines[5]
    assert lines[-1] == "Self-test passed: 6 checks."
    assert not data_dir.exists() or not any(data_dir.iterdir())  # it wrote nothing there


def test_a_broken_installation_fails_with_one_line_per_check(tmp_path: Path) -> None:
    missing = tmp_path / "gone.sqlite"
    result = self_test("self-test", **{resources.CONTENT_DB_ENV: str(missing)})
    assert result.returncode == 1
    statuses = [line.split(":")[0] for line in result.stdout.splitlines()[:-1]]
    assert statuses == [
        "FAIL content",
        "PASS fonts",
        "FAIL summary PDF",
        "FAIL print",
        "FAIL lead",  # it checks against the content's programmes
        "PASS keyboard",
    ]
    assert f"The content database {missing} is missing" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "Self-test FAILED: 6 checks."


def test_a_failed_check_shows_what_the_libraries_said() -> None:
    def failing() -> str:
        raise OSError("disk gone")

    said = [[], ["the printer said: out of paper"]]  # popped from the end
    out = io.StringIO()
    assert not run_checks([("print", failing), ("fonts", lambda: "fine")], out, said.pop)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("FAIL print: OSError: disk gone (")
    assert lines[1] == "    the printer said: out of paper"
    assert lines[2].startswith("PASS fonts: fine (")
    assert len(lines) == 3
