"""The validated-content cache: checked documents are reused, and never when anything changed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from widgets.content import DataError, load, load_document, load_references, loader

ROOT = Path(__file__).resolve().parent.parent


def _forget() -> None:
    """What a new kernel starts with: no document in memory."""
    loader._load_document.cache_clear()
    loader._load_references.cache_clear()
    loader._load_model.cache_clear()


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("MSALS_CONTENT_CACHE", str(folder))
    _forget()
    yield folder
    _forget()


def _refuse(*args, **kwargs):
    raise AssertionError("the file was read and checked again")


def entries(folder: Path, name: str) -> list[Path]:
    return sorted(folder.glob(f"{name}-*.json"))


def test_a_checked_document_is_kept_and_then_read_without_checking(data_copy, cache, monkeypatch):
    first = load_document("parts")
    assert len(entries(cache, "parts")) == 1
    assert len(entries(cache, "references")) == 1
    assert json.loads(entries(cache, "parts")[0].read_text("utf-8")) == first
    _forget()
    # What a new kernel does: reading YAML or validating now fails the test.
    monkeypatch.setattr(loader, "_read_yaml", _refuse)
    monkeypatch.setattr(loader, "_validate", _refuse)
    assert load_document("parts") == first
    assert load("parts").parts[0].id == first["parts"][0]["id"]
    assert [ref.id for ref in load_references().values()]


def test_an_edited_file_is_checked_again_and_the_change_shows(data_copy, cache, edit_data):
    load_document("parts")
    _forget()
    edit_data("parts", lambda d: d["parts"][0].update(name="Renamed part"))
    assert load_document("parts")["parts"][0]["name"] == "Renamed part"
    assert len(entries(cache, "parts")) == 1, "the old entry is removed"


def test_a_broken_file_is_never_hidden_by_an_earlier_entry(data_copy, cache, edit_data):
    load_document("parts")
    _forget()
    edit_data("parts", lambda d: d["parts"][0].pop("name"))
    with pytest.raises(DataError, match=r"data/parts.yaml: parts\[0\]: 'name' is required"):
        load_document("parts")
    assert len(entries(cache, "parts")) == 1, "nothing is written for a broken file"


def test_a_change_to_the_references_checks_every_document_again(data_copy, cache, edit_data):
    cited = load_document("parts")["parts"][0]["sources"][0]
    _forget()

    def drop_cited(document):
        document["references"] = [r for r in document["references"] if r["id"] != cited]

    for path in sorted((data_copy / "references").glob("*.yaml")):
        edit_data(f"references/{path.stem}", drop_cited)
    with pytest.raises(DataError, match=f"unknown source id '{cited}'"):
        load_document("parts")


def test_a_change_to_a_schema_or_to_the_checks_changes_the_key(data_copy, tmp_path, monkeypatch):
    path = data_copy / "parts.yaml"
    schema = tmp_path / "parts.schema.json"
    schema.write_text("{}", "utf-8")
    before = loader._cache_key("parts", [path], [schema])
    schema.write_text('{"type": "object"}', "utf-8")
    assert loader._cache_key("parts", [path], [schema]) != before
    # The loader's own code is part of every key: new checks, new entries.
    code = tmp_path / "loader.py"
    code.write_bytes(Path(loader.__file__).read_bytes())
    monkeypatch.setattr(loader, "__file__", str(code))
    before = loader._cache_key("parts", [path], [schema])
    code.write_text(code.read_text("utf-8") + "\n# a new check\n", "utf-8")
    assert loader._cache_key("parts", [path], [schema]) != before


def test_a_damaged_entry_is_ignored_and_the_file_checked_again(data_copy, cache):
    expected = load_document("parts")
    entry = entries(cache, "parts")[0]
    entry.write_text('{"parts": [', "utf-8")
    _forget()
    assert load_document("parts") == expected
    assert json.loads(entry.read_text("utf-8")) == expected, "rewritten whole"


@pytest.mark.parametrize("setting", ["off", ""])
def test_the_cache_can_be_turned_off(data_copy, cache, monkeypatch, setting):
    monkeypatch.setenv("MSALS_CONTENT_CACHE", setting)
    assert loader.cache_dir() is None
    load_document("parts")
    load_references()
    assert not cache.exists()


def test_a_read_only_cache_folder_only_costs_the_speed(data_copy, cache, monkeypatch):
    cache.write_text("a file where the folder should be", "utf-8")
    assert load_document("parts")["parts"]
    assert cache.is_file()


def test_by_default_the_cache_sits_beside_the_data_folder(monkeypatch):
    monkeypatch.delenv("MSALS_CONTENT_CACHE")
    assert loader.cache_dir() == ROOT / ".cache" / "content"
    assert ".cache/" in (ROOT / ".gitignore").read_text("utf-8").splitlines()


def test_a_document_json_cannot_hold_exactly_is_not_kept(cache):
    loader._cache_write("odd", "k", {"when": __import__("datetime").date(2020, 1, 1)})
    loader._cache_write("odd", "k", {1: "a number as a key"})
    assert not entries(cache, "odd")


def test_a_lesson_kernel_with_a_warm_cache_needs_neither_jsonschema_nor_yaml(cache):
    """The point of the cache: a lesson's start-up skips both imports (issue 11)."""
    code = (
        "import sys\n"
        "from widgets import Quiz, AtAGlance, NervousSystemExplorer, show_glossary\n"
        "Quiz(lesson='07_review'); AtAGlance(disease='compare'); NervousSystemExplorer()\n"
        "show_glossary()\n"
        "print(sorted(m for m in ('jsonschema', 'yaml') if m in sys.modules))\n"
    )
    env = {**os.environ, "MSALS_CONTENT_CACHE": str(cache)}
    env.pop("MSALS_DATA_DIR", None)
    run = [sys.executable, "-c", code]
    cold = subprocess.run(run, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert cold.stdout.strip() == "['jsonschema', 'yaml']"
    warm = subprocess.run(run, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert warm.stdout.strip() == "[]"
