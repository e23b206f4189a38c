"""The nervous-system explorer: toggles that highlight what MS and what ALS damage.

A thin widget around :mod:`widgets.diagram`. Content comes from ``data/parts.yaml``;
the drawing from ``widgets/assets/nervous_system.svg``.
"""

from __future__ import annotations

import itertools

import ipywidgets
import traitlets

from . import html
from .base import LessonWidget, check_choice
from .content import load_references
from .diagram import (
    VIEW_LABELS,
    VIEWS,
    explorer_html,
    highlighted,
    load_parts,
    part_panel_html,
    render_svg,
    summary_html,
    view_summary,
)

NO_PART = ""  # the dropdown's "no part chosen" entry
_numbers = itertools.count(1)


class NervousSystemExplorer(LessonWidget):
    """Switch a diagram of the nervous system between Healthy, MS, ALS and both.

    >>> explorer = NervousSystemExplorer(disease="ms", part="optic_nerve")
    >>> explorer.disease = "compare"        # same as clicking "Compare both"
    >>> explorer.highlighted["corticospinal_tract"]
    'both'
    """

    css_class = "msals-explorer"
    controls = "the Healthy / MS / ALS / Compare both toggle and the part menu"
    disease = traitlets.Unicode("healthy")
    part = traitlets.Unicode(None, allow_none=True)

    def __init__(self, disease: str = "healthy", part: str | None = None, **kwargs):
        check_choice("disease", disease, VIEWS)
        self._parts = load_parts()
        self._part_ids = [p.id for p in self._parts]
        if part is not None:
            check_choice("part", part, self._part_ids)
        self._references = load_references()
        # Pattern ids in the SVG are unique per explorer, so two on one page never clash.
        self._uid = f"msals{next(_numbers)}"
        self._toggle = ipywidgets.ToggleButtons(
            options=[(VIEW_LABELS[v], v) for v in VIEWS],
            value=disease,
            description="Show:",
            tooltips=["The healthy nervous system"]
            + [f"Highlight what {VIEW_LABELS[v]} damages" for v in VIEWS[1:]],
            style={"button_width": "auto"},
        )
        self._picker = ipywidgets.Dropdown(
            options=[("(choose a part)", NO_PART)] + [(p.name, p.id) for p in self._parts],
            value=part or NO_PART,
            description="Part:",
            layout=ipywidgets.Layout(width="max-content"),
        )
        self._diagram = ipywidgets.HTML()
        self._panel = ipywidgets.HTML()
        self._summary = ipywidgets.HTML()
        super().__init__(
            children=[self._toggle, self._diagram, self._picker, self._panel, self._summary],
            **kwargs,
        )
        self.disease = disease
        self.part = part
        ipywidgets.link((self._toggle, "value"), (self, "disease"))
        self._picker.observe(self._on_pick, names="value")
        self._render()

    @traitlets.validate("disease")
    def _check_disease(self, proposal):
        return check_choice("disease", proposal["value"], VIEWS)

    @traitlets.validate("part")
    def _check_part(self, proposal):
        value = proposal["value"]
        return None if value is None else check_choice("part", value, self._part_ids)

    @traitlets.observe("disease")
    def _on_disease(self, change):
        self._render()

    @traitlets.observe("part")
    def _on_part(self, change):
        self._picker.value = change["new"] or NO_PART
        self._render()

    def _on_pick(self, change):
        self.part = change["new"] or None

    @property
    def highlighted(self) -> dict[str, str]:
        """Part id -> ``"ms"``, ``"als"`` or ``"both"`` for every highlighted part."""
        return highlighted(self._parts, self.disease)

    def _render(self) -> None:
        self._diagram.value = html.trusted(
            render_svg(self._parts, self.disease, self.part, self._uid)
        )
        self._panel.value = part_panel_html(self._parts, self.disease, self.part, self._references)
        self._summary.value = html.live_region(summary_html(self.summary()))

    def summary(self) -> str:
        return view_summary(self._parts, self.disease, self.part)

    def static_html(self) -> str:
        return explorer_html(self._parts, self.disease, self.part, self._references, self._uid)
