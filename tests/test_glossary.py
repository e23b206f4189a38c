"""The glossary: loads sorted, filters by lesson, escapes text, rejects unknown lessons."""

from __future__ import annotations

import pytest

from widgets.content import DataError, load_references
from widgets.glossary import load_glossary, show_glossary, terms_for


def test_terms_are_sorted_and_shown_with_their_sources():
    terms = load_glossary()
    assert len(terms) >= 30
    assert [t.term.casefold() for t in terms] == sorted(t.term.casefold() for t in terms)
    html_text = show_glossary().data
    assert html_text.count("<dt ") == len(terms)
    assert f"({len(terms)} terms)" in html_text
    myelin = next(t for t in terms if t.id == "myelin")
    assert f'<dt id="term-myelin" style="font-weight:700;margin-top:0.4em">{myelin.term}</dt>' in (
        html_text
    )
    cited = next(t for t in terms if t.source)
    assert load_references()[cited.source].citation in html_text


def test_filter_by_lesson():
    terms = load_glossary()
    chosen = terms_for(terms, "03_symptoms")
    assert chosen and all(t.lesson == "03_symptoms" for t in chosen)
    assert {t.id for t in chosen} >= {"fasciculation", "spasticity", "optic_neuritis"}
    html_text = show_glossary("03_symptoms").data
    assert "Words for lesson 03" in html_text
    assert html_text.count("<dt ") == len(chosen)
    with pytest.raises(ValueError, match=r"lesson must be one of '00_start_here'"):
        show_glossary("3")


def test_unknown_lesson_in_data_is_rejected(edit_data):
    edit_data("glossary", lambda d: d["terms"][2].update(lesson="08_more"))
    with pytest.raises(
        DataError, match=r"data/glossary\.yaml: terms\[2\]\.lesson: unknown id '08_more'"
    ):
        load_glossary()


def test_every_lesson_glossary_cell_shows_words():
    """A lesson that calls show_glossary("<its id>") must have terms: no "0 terms" cell."""
    import re

    from tests.notebook_tools import code_cells, lesson_paths, read, source

    terms = load_glossary()
    calls = 0
    for path in lesson_paths():
        for cell in code_cells(read(path)):
            for lesson in re.findall(r'show_glossary\("([^"]+)"\)', source(cell)):
                calls += 1
                assert terms_for(terms, lesson), f"{path.name}: show_glossary({lesson!r}) is empty"
                assert "(0 terms)" not in show_glossary(lesson).data
    assert calls >= 6
