"""Shared fixtures: a scratch copy of data/ that a test may break on purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
LESSONS = ROOT / "lessons"


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A copy of data/ under tmp_path/data, used by the loader for this test only."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    monkeypatch.setenv("MSALS_DATA_DIR", str(target))
    return target
