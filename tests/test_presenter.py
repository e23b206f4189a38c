"""Presenter mode's prose: instructions about running code are rewritten or left out."""

from __future__ import annotations

import json

import pytest

from tests.notebook_tools import LESSONS
from widgets.presenter import CODE_TALK, presenter_markdown, presenter_notebook


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "**Predict first:** before you run the cell, decide which will be hatched.",
            "**Predict first:** before you look, decide which will be hatched.",
        ),
        (
            "Will it carry a badge? Decide, then run the cell below to check.",
            "Will it carry a badge? Decide, then check below.",
        ),
        (
            "Run the cells and look at where the hatching falls:",
            "Look at where the hatching falls:",
        ),
        ("Which badge? Run the cell and compare.", "Which badge? Compare."),
        (
            "Run the cell below, then use the controls. The chart redraws.",
            "Use the controls. The chart redraws.",
        ),
        (
            "Read the feedback. Without a running kernel, open *Check your answer*.",
            "Read the feedback.",
        ),
        (
            "* **Run one cell**: press <kbd>Shift</kbd>+<kbd>Enter</kbd>. Output appears.\n* Keep",
            "* Keep",
        ),
        ("Run the cell below (<kbd>Shift</kbd>+<kbd>Enter</kbd>).\n\n## Next", "\n## Next"),
        (
            "Nothing about code here. MS attacks myelin.",
            "Nothing about code here. MS attacks myelin.",
        ),
    ],
)
def test_code_talk_is_rewritten_or_left_out(text, expected):
    assert presenter_markdown(text) == expected


@pytest.mark.parametrize("path", sorted(LESSONS.glob("*.ipynb")), ids=lambda p: p.stem)
def test_no_lesson_talks_about_running_code_in_presenter_mode(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    shown = presenter_notebook(notebook)
    left = [
        line
        for cell in shown["cells"]
        if cell["cell_type"] == "markdown"
        for line in "".join(cell["source"]).split("\n")
        if CODE_TALK.search(line)
    ]
    assert left == []
    code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    assert [c for c in shown["cells"] if c["cell_type"] == "code"] == code
