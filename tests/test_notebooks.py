"""Lesson notebooks: stored outputs are clean and small, and lessons run from anywhere.

nbval itself runs every lesson against its stored outputs (``make test-lessons``, see
tests/lessons_plugin.py); these tests add what nbval cannot see.
"""

from __future__ import annotations

import configparser
import re

import pytest

from scripts.refresh_outputs import execute, write
from tests.notebook_tools import (
    LESSONS,
    ROOT,
    code_cells,
    lesson_paths,
    markdown,
    notebook_paths,
    output_texts,
    read,
    run_nbval,
    source,
)
from widgets.lesson_map import load_course_objectives, load_lessons

# A lesson with a few figures and widgets stays far below this; plotly.js alone is 3-4 MB.
SIZE_BUDGET_BYTES = 250_000
PLOTLY_BUNDLE_MARKERS = ("window.PlotlyConfig", "define('plotly'", 'define("plotly"', "plotly.js v")
LESSON_IDS = [p.stem for p in lesson_paths()]


@pytest.fixture(params=notebook_paths(), ids=[p.stem for p in notebook_paths()])
def lesson(request):
    """Every notebook in lessons/ (numbered lessons and companions)."""
    return request.param


def test_lessons_exist_and_match_the_lesson_map():
    ready = [lesson.id for lesson in load_lessons() if lesson.status == "ready"]
    assert LESSON_IDS[0] == "00_start_here"
    assert ready == LESSON_IDS, (
        "data/lessons.yaml must mark exactly the lessons in lessons/ as ready"
    )


def test_stored_outputs_are_clean(lesson):
    notebook = read(lesson)
    cells = [c for c in code_cells(notebook) if source(c).strip()]
    assert [c["execution_count"] for c in cells] == list(range(1, len(cells) + 1)), (
        "refresh outputs with `make refresh`"
    )
    assert any(c["outputs"] for c in cells), "a lesson must store its outputs"
    for cell in cells:
        for output in cell["outputs"]:
            assert output["output_type"] != "error", source(cell)
            assert output.get("name") != "stderr", f"warning stored: {output.get('text')}"
            assert "image/png" not in output.get("data", {}), (
                "saved from a browser? use make refresh"
            )
    assert "widgets" not in notebook["metadata"], "widget state is not stored (it can reach MBs)"
    for cell in notebook["cells"]:
        assert "execution" not in cell.get("metadata", {}), "timestamps make every refresh a diff"


def test_size_budget_and_no_plotly_bundle(lesson):
    raw = lesson.read_text(encoding="utf-8")
    assert len(raw.encode()) < SIZE_BUDGET_BYTES
    for marker in PLOTLY_BUNDLE_MARKERS:
        assert marker not in raw


def test_code_conventions(lesson):
    notebook = read(lesson)
    code = "\n".join(source(c) for c in code_cells(notebook))
    assert not re.search(r"import\s+ipywidgets\s+as\s+widgets", code)
    assert "sys.path" not in code, "the package is installed; no path tricks"
    assert max(len(source(c).splitlines()) for c in code_cells(notebook)) <= 6, (
        "keep code cells short: one import and a call per widget"
    )


@pytest.mark.parametrize("lesson", lesson_paths(), ids=LESSON_IDS)
def test_lesson_structure(lesson):
    text = markdown(read(lesson))
    assert re.search(r"^## Key points", text, re.M), "end each lesson with its key points"
    assert re.search(r"not medical advice|not give medical advice", text, re.I)
    if lesson.stem != "00_start_here":
        assert re.search(r"^## Objectives", text, re.M), "start each lesson with objectives"


def test_course_objectives_are_stated_in_the_first_lesson():
    text = markdown(read(LESSONS / "00_start_here.ipynb"))
    for objective in load_course_objectives():
        assert objective in text


def test_sanitizer_masks_only_random_values():
    config = configparser.ConfigParser()
    config.read(ROOT / "tests" / "nbval_sanitize.cfg")
    patterns = {section: config[section]["regex"] for section in config.sections()}
    assert set(patterns) == {"uuid", "memory-address"}
    # No stored output contains anything these patterns would hide.
    for path in notebook_paths():
        for text in output_texts(read(path)):
            for name, pattern in patterns.items():
                assert not re.search(pattern, text), f"{path.name}: {name} masks {text[:80]!r}"


@pytest.mark.notebook
def test_runs_from_the_repo_root_to_the_stored_bytes(lesson, tmp_path):
    """Restart-and-run-all from the repo root gives the stored file, byte for byte.

    nbval (``make test-lessons``) runs each lesson from ``lessons/``; this is the other
    folder a student may start from. Writing the result as ``make refresh`` does and
    comparing bytes also proves that refreshing twice changes nothing.
    """
    copy = tmp_path / lesson.name
    write(execute(lesson, cwd=ROOT), copy)
    assert copy.read_bytes() == lesson.read_bytes(), (
        f"{lesson.name}: outputs differ when run from the repo root (or `make refresh` is stale)"
    )


@pytest.mark.notebook
def test_nbval_fails_when_a_stored_output_is_edited(tmp_path):
    """Strict mode is real: one changed word in a stored output fails that cell, only that one."""
    original = LESSONS / "00_start_here.ipynb"
    text = original.read_text(encoding="utf-8")
    assert text.count("2.8 million people worldwide") >= 2  # in text/plain and text/html
    copy = tmp_path / original.name
    copy.write_text(
        text.replace("2.8 million people worldwide", "3.8 million people worldwide"), "utf-8"
    )
    result = run_nbval(copy)
    cells = len([c for c in code_cells(read(original)) if source(c).strip()])
    assert result.returncode == 1, result.stdout
    assert f"1 failed, {cells - 1} passed" in result.stdout
    assert "Cell outputs differ" in result.stdout
    assert "mismatch 'text/html'" in result.stdout
