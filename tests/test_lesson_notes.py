"""One not-medical-advice note per lesson, word for word from data/lessons.yaml."""

from __future__ import annotations

import pytest

from tests.notebook_tools import lesson_paths, read, source
from widgets.content import load_document

NOTE = load_document("lessons")["advice_note"]


@pytest.mark.parametrize("path", lesson_paths(), ids=[p.stem for p in lesson_paths()])
def test_each_lesson_shows_the_one_note_once(path):
    cells = [source(c) for c in read(path)["cells"] if c["cell_type"] == "markdown"]
    holding = [text for text in cells if "not medical advice.**" in text]
    assert len(holding) == 1, f"{path.name}: {len(holding)} note cells"
    assert NOTE in holding[0], f"{path.name}: the note's wording differs from data/lessons.yaml"
    assert cells.index(holding[0]) <= 2, "the note comes right after the title"


def test_the_note_says_what_the_lessons_cannot_do():
    for words in ("not medical advice", "cannot diagnose", "talk to a doctor"):
        assert words in NOTE
