"""The "Next:" line that ends each lesson is a link generated from data/lessons.yaml."""

from __future__ import annotations

import json
import shutil

import pytest

from scripts import next_links
from tests.notebook_tools import LESSONS
from widgets.lesson_map import load_lessons, next_lesson, next_line


def test_next_line_links_the_next_notebook_in_teaching_order():
    lessons = load_lessons()
    assert next_line(lessons[0].id) == (
        f"Next: [{lessons[1].number} · {lessons[1].title}]({lessons[1].id}.ipynb)."
    )
    assert next_lesson(lessons[-1].id) is None and next_line(lessons[-1].id) is None
    with pytest.raises(ValueError, match="lesson_id must be one of '00_start_here'"):
        next_line("99_nope")


def test_the_script_turns_bold_next_lines_into_links_and_nothing_else(tmp_path):
    for path in LESSONS.glob("*.ipynb"):
        shutil.copy(path, tmp_path / path.name)
    before = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in tmp_path.glob("*.ipynb")}
    assert next_links.main(["--write"], lessons_dir=tmp_path) == 0
    assert next_links.main([], lessons_dir=tmp_path) == 0  # nothing left to fix
    for lesson in load_lessons():
        path = tmp_path / f"{lesson.id}.ipynb"
        notebook = json.loads(path.read_text(encoding="utf-8"))
        old = before[path.name]
        assert len(notebook["cells"]) == len(old["cells"])
        for cell, old_cell in zip(notebook["cells"], old["cells"], strict=True):
            if cell["cell_type"] == "code":
                assert cell == old_cell  # outputs untouched
                continue
            new_lines = "".join(cell["source"]).split("\n")
            old_lines = "".join(old_cell["source"]).split("\n")
            for new, was in zip(new_lines, old_lines, strict=True):
                if was.startswith("Next: "):
                    assert new == next_line(lesson.id)
                    target = tmp_path / new[new.index("](") + 2 : -2]
                    assert target.exists(), new
                else:
                    assert new == was
