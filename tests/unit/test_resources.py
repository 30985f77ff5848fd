from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kiosk import resources


def test_paths_resolve_inside_a_pyinstaller_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.bundle_root() == tmp_path
    assert resources.asset("fonts", "x.ttc") == tmp_path / "assets" / "fonts" / "x.ttc"
    assert resources.content_db_path() == tmp_path / "kiosk" / "data" / "content.sqlite"


def test_checkout_paths_hold_the_shipped_files() -> None:
    assert resources.content_db_path().is_file()
    assert resources.asset("fonts", "wqy-microhei.ttc").is_file()
    assert resources.asset("fonts", "wqy-microhei.LICENSE.txt").is_file()
    assert (resources.migrations_dir() / "env.py").is_file()


def test_data_dir_is_created_on_first_use(data_dir: Path) -> None:
    assert not data_dir.exists()
    assert resources.leads_db_path().parent == data_dir
    assert data_dir.is_dir()
