"""The core stays Qt-free (like Anki's pylib or Dangerzone's core): only kiosk/ui imports Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from kiosk import resources

CORE = resources.bundle_root() / "kiosk"


def _imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
    return modules


def test_no_qt_import_outside_kiosk_ui() -> None:
    offenders = [
        str(path.relative_to(CORE.parent))
        for path in CORE.rglob("*.py")
        if "ui" not in path.relative_to(CORE).parts[:1]
        and any(m.split(".")[0] in ("PySide6", "shiboken6") for m in _imported_modules(path))
    ]
    assert offenders == []


def test_core_modules_load_without_qt() -> None:
    """Importing every core module (and running the content CLI) never loads PySide6."""
    core_modules = sorted(
        ".".join(path.relative_to(CORE.parent).with_suffix("").parts)
        for path in CORE.rglob("*.py")
        if path.relative_to(CORE).parts[0] not in ("ui", "__main__.py")
        and "migrations" not in path.parts
    )
    script = (
        "import importlib, sys\n"
        f"for name in {core_modules!r}: importlib.import_module(name)\n"
        "from kiosk.cli import main\n"
        "main(['content', 'list', '--json'])\n"
        "assert 'PySide6' not in sys.modules, 'PySide6 was imported by the core'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert len(core_modules) > 10
