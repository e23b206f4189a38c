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
    CHOICES,
    DISEASE_LABELS,
    explorer_html,
    highlighted,
    live_summary_html,
    load_parts,
    part_panel_html,
    render_svg,
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
        check_choice("disease", disease, CHOICES)
        self._parts = load_parts()
        self._part_ids = [p.id for p in self._parts]
        if part is not None:
            check_choice("part", part, self._part_ids)
        self._references = load_references()
        # Pattern ids in the SVG are unique per explorer, so two on one page never clash.
        self._uid = f"msals{next(_numbers)}"
        self._toggle = ipywidgets.ToggleButtons(
            options=[(DISEASE_LABELS[v], v) for v in CHOICES],
            value=disease,
            description="Show:",
            tooltips=["The healthy nervous system"]
            + [f"Highlight what {DISEASE_LABELS[v]} damages" for v in CHOICES[1:]],
            style={"button_width": "auto", "description_width": "initial"},
        )
        self._picker = ipywidgets.Dropdown(
            options=[("(choose a part)", NO_PART)] + [(p.name, p.id) for p in self._parts],
            value=part or NO_PART,
            description="Part:",
            style={"description_width": "initial"},
            layout=ipywidgets.Layout(width="max-content", max_width="16em"),
        )
        self._picker.add_class("msals-part-menu")
        # Controls on one row above the picture (wrapping on a narrow screen), then the
        # picture (capped to the screen's height by the widget style sheet), the summary
        # and the part text: the toggle, the picture and the summary fit one screen.
        controls = ipywidgets.HBox(
            [self._toggle, self._picker],
            layout=ipywidgets.Layout(flex_flow="row wrap", align_items="center"),
        )
        controls.add_class("msals-controls")
        self._diagram = ipywidgets.HTML(layout=ipywidgets.Layout(flex="2 1 480px"))
        self._panel = ipywidgets.HTML()
        self._summary = ipywidgets.HTML(layout=ipywidgets.Layout(flex="1 1 240px"))
        # The summary sits beside the picture where there is room, under it where not:
        # below about 720 px the picture takes the whole width, so its labels stay large;
        # above, it takes two thirds of the room the summary's short first line leaves.
        picture = ipywidgets.HBox(
            [self._diagram, self._summary], layout=ipywidgets.Layout(flex_flow="row wrap")
        )
        super().__init__(children=[controls, picture, self._panel], **kwargs)
        self.disease = disease
        self.part = part
        ipywidgets.link((self._toggle, "value"), (self, "disease"))
        self._picker.observe(self._on_pick, names="value")
        self._start()

    @traitlets.validate("disease")
    def _check_disease(self, proposal):
        return check_choice("disease", proposal["value"], CHOICES)

    @traitlets.validate("part")
    def _check_part(self, proposal):
        value = proposal["value"]
        return None if value is None else check_choice("part", value, self._part_ids)

    @traitlets.observe("disease")
    def _on_disease(self, change):
        self._redraw()

    @traitlets.observe("part")
    def _on_part(self, change):
        self._picker.value = change["new"] or NO_PART
        self._redraw()

    def _on_pick(self, change):
        self.part = change["new"] or None

    @property
    def highlighted(self) -> dict[str, str]:
        """Part id -> ``"ms"``, ``"als"`` or ``"both"`` for every highlighted part."""
        return highlighted(self._parts, self.disease)

    def _render(self) -> None:
        # data-parts: the Part menu's order, so a click on the drawing can choose a part
        # (widgets.page_script); the menu stays the keyboard way.
        self._diagram.value = html.el(
            "div",
            html.trusted(render_svg(self._parts, self.disease, self.part, self._uid)),
            class_="msals-diagram",
            data_parts=" ".join(self._part_ids),
        )
        self._panel.value = part_panel_html(self._parts, self.disease, self.part, self._references)
        self._summary.value = html.live_region(live_summary_html(self.summary()))

    def summary(self) -> str:
        return view_summary(self._parts, self.disease, self.part)

    def static_html(self) -> str:
        return explorer_html(self._parts, self.disease, self.part, self._references, self._uid)
