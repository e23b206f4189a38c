"""Shared fixtures: a scratch copy of data/ that a test may break on purpose."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
LESSONS = ROOT / "lessons"
# libyaml's safe loader and dumper where PyYAML has them: the quiz file is large.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def read_yaml(path: Path):
    """A YAML file as Python data, read with libyaml where PyYAML has it."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)


@pytest.fixture(scope="session")
def content_cache_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("content-cache")


@pytest.fixture(autouse=True)
def _own_content_cache(content_cache_dir, monkeypatch):
    """Tests keep checked documents in a folder of their own, not in the checkout's .cache/."""
    monkeypatch.setenv("MSALS_CONTENT_CACHE", str(content_cache_dir))


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A copy of data/ under tmp_path/data, used by the loader for this test only."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    monkeypatch.setenv("MSALS_DATA_DIR", str(target))
    return target


@pytest.fixture
def edit_data(data_copy) -> Callable[[str, Callable[[dict], object]], Path]:
    """Change one file of the scratch data/: ``edit_data("parts", lambda d: ...)``.

    ``name`` is the path below data/ without ``.yaml`` (``"references/core"`` works).
    The change edits the parsed document in place; the file is written back as YAML.
    """

    def edit(name: str, change: Callable[[dict], object]) -> Path:
        path = data_copy / f"{name}.yaml"
        document = read_yaml(path)
        change(document)
        text = yaml.dump(document, Dumper=SAFE_DUMPER, sort_keys=False, allow_unicode=True)
        path.write_text(text, encoding="utf-8")
        return path

    return edit
