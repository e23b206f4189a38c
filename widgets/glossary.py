"""The glossary (``data/glossary.yaml``): plain-language definitions of the lessons' words.

``show_glossary()`` shows every term; ``show_glossary("03_symptoms")`` only the words
first needed in that lesson. ``lessons/glossary.ipynb`` shows the whole list, and every
lesson links to it.
"""

from __future__ import annotations

from IPython.display import HTML

from . import html
from .base import check_choice
from .content import Reference, load, load_references
from .content.glossary import Term
from .lesson_map import load_lessons


def load_glossary() -> list[Term]:
    """All terms, sorted alphabetically (case-insensitive)."""
    return sorted(load("glossary").terms, key=lambda t: t.term.casefold())


def terms_for(terms: list[Term], lesson: str | None) -> list[Term]:
    """The terms first needed in ``lesson`` (all terms if ``lesson`` is None)."""
    if lesson is None:
        return list(terms)
    check_choice("lesson", lesson, [item.id for item in load_lessons()])
    return [t for t in terms if t.lesson == lesson]


def glossary_html(terms: list[Term], references: dict[str, Reference], heading: str) -> html.Markup:
    """A definition list of the terms, each with its lesson and, if any, its source."""
    items = []
    for term in terms:
        source = (
            [" ", html.muted(f"(Source: {references[term.source].citation})")]
            if term.source
            else None
        )
        items += [
            html.el(
                "dt",
                term.term,
                id=f"term-{term.id}",
                style={"font-weight": "700", "margin-top": "0.4em"},
            ),
            html.el(
                "dd",
                term.definition,
                " ",
                html.muted(f"[lesson {term.lesson[:2]}]"),
                source,
                style={"margin-left": "1.2em"},
            ),
        ]
    return html.box(
        html.el(
            "p", html.el("strong", heading), f" ({len(terms)} terms)", style={"margin": "0.2em 0"}
        ),
        html.el("dl", items),
        class_="msals-glossary",
    )


def show_glossary(lesson: str | None = None) -> HTML:
    """Display the glossary, or only the words first needed in one lesson."""
    terms = terms_for(load_glossary(), lesson)
    heading = "Glossary" if lesson is None else f"Words for lesson {lesson[:2]}"
    return HTML(glossary_html(terms, load_references(), heading))
