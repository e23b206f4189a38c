"""Predict, then reveal: before each interactive view, the lesson asks for a prediction.

Checked for every lesson: every widget or chart cell other than a quiz, the lesson map
and the glossary must follow a Markdown cell that contains a "Predict first" prompt
(White & Gunstone's predict-observe-explain: the prediction is what makes it teach).
"""

from __future__ import annotations

import re

import pytest

from tests.notebook_tools import LESSONS, read, source

LESSONS_CHECKED = (
    "00_start_here",
    "01_nervous_system_primer",
    "02_what_each_disease_damages",
    "03_symptoms",
    "04_how_the_diseases_progress",
    "05_treatment_and_care",
    "06_how_doctors_tell_them_apart",
    "07_review",
)
WIDGET_CALL = re.compile(
    r"^(NervousSystemExplorer|SymptomExplorer|DiagnosticTestExplorer|AtAGlance"
    r"|ConductionSimulator|conduction_case|ProgressionTimelines|side_by_side_chart|ms_chart"
    r"|als_chart|treatment_history_chart)\(",
    re.M,
)


@pytest.mark.parametrize("lesson", LESSONS_CHECKED)
def test_each_interactive_view_follows_a_prediction(lesson):
    cells = read(LESSONS / f"{lesson}.ipynb")["cells"]
    checked = 0
    for index, cell in enumerate(cells):
        if cell["cell_type"] != "code" or not WIDGET_CALL.search(source(cell)):
            continue
        before = next(source(c) for c in reversed(cells[:index]) if c["cell_type"] == "markdown")
        assert "Predict first" in before, f"{lesson}: no prediction before {source(cell)!r}"
        checked += 1
    assert checked >= 1, f"{lesson}: no interactive view found"
