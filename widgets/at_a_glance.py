"""MS and ALS at a glance: a toggle between the two diseases, or both side by side.

The first lesson uses it to teach how toggles work while giving a first, sourced
comparison. Content comes from ``data/at_a_glance.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets
import traitlets

from . import html
from .base import LessonWidget, check_choice
from .content import Reference, load_document, load_references
from .theme import DISEASES

VIEWS = ("ms", "als", "compare")
VIEW_LABELS = {"ms": "MS", "als": "ALS", "compare": "Compare both"}


@dataclass(frozen=True)
class Statement:
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    ms: Statement
    als: Statement

    def statement(self, disease: str) -> Statement:
        return self.ms if disease == "ms" else self.als


def load_topics() -> list[Topic]:
    """The topics of ``data/at_a_glance.yaml``, validated."""
    document = load_document("at_a_glance")
    return [
        Topic(
            id=item["id"],
            label=item["label"],
            ms=Statement(item["ms"]["text"], tuple(item["ms"]["sources"])),
            als=Statement(item["als"]["text"], tuple(item["als"]["sources"])),
        )
        for item in document["topics"]
    ]


def diseases_in(view: str) -> tuple[str, ...]:
    check_choice("view", view, VIEWS)
    return ("ms", "als") if view == "compare" else (view,)


def cited_sources(topics: list[Topic], view: str) -> list[str]:
    """Source ids in the order they are first cited in this view."""
    order: list[str] = []
    for topic in topics:
        for disease in diseases_in(view):
            for source in topic.statement(disease).sources:
                if source not in order:
                    order.append(source)
    return order


def glance_summary(topics: list[Topic], view: str) -> str:
    """Plain-text version of what the view shows, for screen readers and text readers."""
    shown = diseases_in(view)
    names = " and ".join(DISEASES[d].name for d in shown)
    lines = [f"Showing {names}: {len(topics)} topics."]
    for topic in topics:
        for disease in shown:
            lines.append(
                f"{topic.label} ({DISEASES[disease].badge}): {topic.statement(disease).text}"
            )
    return "\n".join(lines)


def glance_html(topics: list[Topic], view: str, references: dict[str, Reference]) -> html.Markup:
    """A table of the topics for one view, with numbered, escaped citations."""
    shown = diseases_in(view)
    cites = html.Citations(references, cited_sources(topics, view))
    header = [
        html.el(
            "th",
            html.badge(DISEASES[d]),
            " ",
            DISEASES[d].name,
            scope="col",
            style={
                "text-align": "left",
                "padding": "6px",
                "border-bottom": f"3px {DISEASES[d].dash} {DISEASES[d].colour}",
            },
        )
        for d in shown
    ]
    rows = [
        [
            topic.label,
            *(
                html.disease_box(
                    DISEASES[d],
                    topic.statement(d).text,
                    cites.marks(topic.statement(d).sources),
                    tag="td",
                )
                for d in shown
            ),
        ]
        for topic in topics
    ]
    table = html.data_table(
        header,
        rows,
        caption=" compared with ".join(DISEASES[d].name for d in shown) + ": key facts",
        row_headers=True,
        corner=True,
        style={"border-collapse": "separate", "border-spacing": "0 4px", "width": "100%"},
    )
    return html.box(table, cites.block(), class_="msals-glance")


class AtAGlance(LessonWidget):
    """Toggle between MS, ALS and a side-by-side comparison of headline facts.

    >>> glance = AtAGlance(view="compare")
    >>> glance.view = "als"       # same as clicking the ALS button
    """

    css_class = "msals-glance"
    controls = "the MS / ALS / Compare both toggle"
    view = traitlets.Unicode("ms")

    def __init__(self, view: str = "ms", **kwargs):
        self._topics = load_topics()
        self._references = load_references()
        self._toggle = ipywidgets.ToggleButtons(
            options=[(VIEW_LABELS[v], v) for v in VIEWS],
            description="Show:",
            tooltips=[f"Show {VIEW_LABELS[v]}" for v in VIEWS],
        )
        self._table = ipywidgets.HTML()
        super().__init__(children=[self._toggle, self._table], **kwargs)
        ipywidgets.link((self._toggle, "value"), (self, "view"))
        self.view = view
        self._render()

    @traitlets.validate("view")
    def _check_view(self, proposal):
        return check_choice("view", proposal["value"], VIEWS)

    @traitlets.observe("view")
    def _on_view(self, change):
        self._render()

    def _render(self) -> None:
        self._table.value = html.live_region(glance_html(self._topics, self.view, self._references))

    def summary(self) -> str:
        return glance_summary(self._topics, self.view)

    def static_html(self) -> str:
        return glance_html(self._topics, self.view, self._references)
