"""The glossary: loads sorted, filters by lesson, escapes text, rejects unknown lessons."""

from __future__ import annotations

import pytest

from widgets.content import DataError, load_references
from widgets.glossary import Term, glossary_html, load_glossary, show_glossary, terms_for


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


def test_text_is_escaped():
    bad = [Term(id="x", term="<i>x</i>", definition="a < b & c", lesson="03_symptoms")]
    html_text = glossary_html(bad, {}, "<b>Head</b>")
    assert "<i>" not in html_text and "<b>Head" not in html_text
    assert "&lt;i&gt;x&lt;/i&gt;" in html_text and "a &lt; b &amp; c" in html_text


def test_unknown_lesson_in_data_is_rejected(edit_data):
    edit_data("glossary", lambda d: d["terms"][2].update(lesson="08_more"))
    with pytest.raises(
        DataError, match=r"data/glossary\.yaml: terms\[2\]\.lesson: unknown id '08_more'"
    ):
        load_glossary()
