"""MS and ALS at a glance: a toggle between the two diseases, or both side by side.

The first lesson uses it to teach how toggles work while giving a first, sourced
comparison. Content comes from ``data/at_a_glance.yaml``.
"""

from __future__ import annotations

import ipywidgets
import traitlets

from . import html
from .base import LessonWidget, check_choice
from .content import Reference, load, load_references
from .content.at_a_glance import Topic
from .theme import DISEASE_CHOICES, DISEASE_LABELS, DISEASES, diseases_in

CHOICES = DISEASE_CHOICES[1:]  # no healthy view: the table is about the two diseases


def load_glance_topics() -> list[Topic]:
    """The topics of ``data/at_a_glance.yaml``, validated."""
    return list(load("at_a_glance").topics)


def cited(topics: list[Topic], view: str) -> list[str]:
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
    shown = diseases_in(check_choice("disease", view, CHOICES))
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
    shown = diseases_in(check_choice("disease", view, CHOICES))
    cites = html.Citations(references, cited(topics, view))
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

    >>> glance = AtAGlance(disease="compare")
    >>> glance.disease = "als"       # same as clicking the ALS button
    """

    css_class = "msals-glance"
    controls = "the MS / ALS / Compare both toggle"
    disease = traitlets.Unicode("ms")

    def __init__(self, disease: str = "ms", **kwargs):
        self._topics = load_glance_topics()
        self._references = load_references()
        self._toggle = ipywidgets.ToggleButtons(
            options=[(DISEASE_LABELS[v], v) for v in CHOICES],
            description="Show:",
            tooltips=[f"Show {DISEASE_LABELS[v]}" for v in CHOICES],
        )
        self._table = ipywidgets.HTML()
        super().__init__(children=[self._toggle, self._table], **kwargs)
        ipywidgets.link((self._toggle, "value"), (self, "disease"))
        self.disease = disease
        self._start()

    @traitlets.validate("disease")
    def _check_disease(self, proposal):
        return check_choice("disease", proposal["value"], CHOICES)

    @traitlets.observe("disease")
    def _on_disease(self, change):
        self._redraw()

    def _render(self) -> None:
        table = glance_html(self._topics, self.disease, self._references)
        self._table.value = html.live_region(table)

    def summary(self) -> str:
        return glance_summary(self._topics, self.disease)

    def static_html(self) -> str:
        return glance_html(self._topics, self.disease, self._references)
