"""The symptom explorer: which disease causes each symptom, what damage lies behind it.

A table of the symptoms in ``data/symptoms.yaml`` that can be filtered by disease and
by pathway (sensory, motor, visual...), and a panel that explains one chosen symptom.
Damaged structures are ids of the nervous-system explorer's parts, so a symptom can
later highlight its structures on that diagram (:meth:`SymptomExplorer.highlighted_parts`).
"""

from __future__ import annotations

from dataclasses import replace

import ipywidgets
import traitlets

from . import html
from .base import LessonWidget, check_choice
from .content import Reference, load, load_references
from .content.symptoms import Involvement, Symptom
from .diagram import Part, highlights, load_parts, render_svg
from .theme import DISEASES

DISEASE_FILTERS = ("all", "ms", "als", "both")
FILTER_LABELS = {"all": "All", "ms": "MS", "als": "ALS", "both": "Both"}
ALL = "all"


NO_SYMPTOM = ""  # the symptom menu's "Choose a symptom…" entry


def load_symptoms() -> tuple[list[Symptom], dict[str, str]]:
    """Symptoms in file order (with their structures' names) and the pathways (id -> label)."""
    document = load("symptoms")
    part_names = {part.id: part.name for part in load_parts()}

    def named(involvement: Involvement | None) -> Involvement | None:
        if involvement is None:
            return None
        names = tuple(part_names[part] for part in involvement.structures)
        return replace(involvement, structure_names=names)

    symptoms = [replace(s, ms=named(s.ms), als=named(s.als)) for s in document.symptoms]
    return symptoms, {pathway.id: pathway.label for pathway in document.pathways}


def filter_symptoms(
    symptoms: list[Symptom], disease: str = ALL, pathway: str = ALL, pathways=None
) -> list[Symptom]:
    """Symptoms seen in ``disease`` ("both" = in MS and in ALS) along ``pathway``."""
    check_choice("disease", disease, DISEASE_FILTERS)
    if pathways is not None:
        check_choice("pathway", pathway, [ALL, *pathways])
    rows = []
    for symptom in symptoms:
        if disease == "both" and len(symptom.diseases) != 2:
            continue
        if disease in ("ms", "als") and disease not in symptom.diseases:
            continue
        if pathway != ALL and pathway not in symptom.pathways:
            continue
        rows.append(symptom)
    return rows


def _disease_cell(symptom: Symptom, disease: str) -> html.Markup:
    involvement = symptom.involvement(disease)
    if involvement is None:
        return html.cell(html.el("em", "— not typical"))
    style = DISEASES[disease]
    words = involvement.frequency or "seen"
    return html.disease_box(style, html.badge(style), " ", words, tag="td")


def _structures_text(symptom: Symptom, disease: str) -> str:
    involvement = symptom.involvement(disease)
    return ", ".join(involvement.structure_names) if involvement else ""


def symptoms_table_html(
    rows: list[Symptom], pathways: dict[str, str], selected: str | None = None
) -> html.Markup:
    """The filtered symptoms as a table; the chosen one is marked in words too."""
    body = []
    for symptom in rows:
        structures = html.join(
            (
                [html.badge(DISEASES[d]), " ", _structures_text(symptom, d)]
                for d in symptom.diseases
            ),
            html.el("br"),
        )
        chosen = symptom.id == selected
        name = ["▶ ", html.el("strong", symptom.name), " (chosen)"] if chosen else symptom.name
        body.append(
            html.row(
                html.cell(name, header=True),
                _disease_cell(symptom, "ms"),
                _disease_cell(symptom, "als"),
                html.cell(structures),
                html.cell(", ".join(pathways[p] for p in symptom.pathways)),
                data_symptom=symptom.id,
                aria_current="true" if chosen else None,
            )
        )
    if not rows:
        body.append(html.row(html.cell("No symptom matches these filters.", colspan=5)))
    return html.data_table(
        ["Symptom", "In MS", "In ALS", "Damaged structures", "Pathway"],
        body,
        caption=(
            f"{len(rows)} symptoms. “Not typical” means the sources used here do not list it "
            "as a usual feature of that disease."
        ),
        class_="msals-symptom-table",
        style={"width": "100%"},
    )


def symptom_detail_html(
    symptom: Symptom | None, pathways: dict[str, str], references: dict[str, Reference]
) -> html.Markup:
    """Why one symptom happens, disease by disease, with its sources."""
    if symptom is None:
        return html.placeholder("Choose a symptom to read why it happens.")
    parts = [
        html.disease_box(
            DISEASES[disease],
            html.badge(DISEASES[disease]),
            " ",
            html.el("strong", "Damaged:"),
            f" {_structures_text(symptom, disease)}. {symptom.involvement(disease).why}",
            style={"margin": "0.3em 0"},
        )
        for disease in symptom.diseases
    ]
    pathway = ", ".join(pathways[p] for p in symptom.pathways)
    return html.box(
        html.el(
            "p",
            html.el("strong", symptom.name),
            f" ({pathway} pathway)",
            style={"margin": "0.3em 0"},
        ),
        parts,
        html.sources_block(symptom.sources, references),
        class_="msals-symptom-detail",
    )


def symptom_marks(symptom: Symptom, parts: list[Part]) -> dict[str, dict[str, str]]:
    """Explorer marks for one symptom: part id -> {disease: kind of damage}.

    The kind (direct attack or knock-on) comes from the explorer's own data, so the
    symptom view and the disease view never disagree about a part.
    """
    by_id = {part.id: part for part in parts}
    marks: dict[str, dict[str, str]] = {}
    for disease in symptom.diseases:
        for part_id in symptom.involvement(disease).structures:
            effect = by_id[part_id].effect(disease)
            marks.setdefault(part_id, {})[disease] = effect.kind if effect.damaged else "primary"
    return marks


def symptom_diagram_alt(symptom: Symptom) -> str:
    """The diagram in words: which structures it marks, disease by disease."""
    lines = [
        f"{DISEASES[d].badge}: {', '.join(symptom.involvement(d).structure_names)}"
        for d in symptom.diseases
    ]
    return f"Structures behind {symptom.name}. " + "; ".join(lines) + "."


def symptom_diagram_svg(symptom: Symptom, parts: list[Part], uid: str = "symptom") -> str:
    """The explorer's diagram with only this symptom's structures marked."""
    view = "compare" if len(symptom.diseases) == 2 else symptom.diseases[0]
    return render_svg(
        parts,
        view,
        uid=uid,
        marks=symptom_marks(symptom, parts),
        description=(
            f"Nervous system: where {symptom.name} comes from",
            symptom_diagram_alt(symptom),
        ),
    )


def symptoms_summary(
    rows: list[Symptom],
    total: int,
    disease: str,
    pathway: str,
    pathways: dict[str, str],
    selected: Symptom | None,
) -> str:
    """Plain text of what the explorer shows now."""
    which = {
        ALL: "all diseases",
        "ms": "symptoms seen in MS",
        "als": "symptoms seen in ALS",
        "both": "symptoms seen in both MS and ALS",
    }[disease]
    along = "all pathways" if pathway == ALL else f"{pathways[pathway]} pathway"
    lines = [f"Showing {len(rows)} of {total} symptoms: {which}, {along}."]
    for symptom in rows:
        names = " and ".join(DISEASES[d].badge for d in symptom.diseases)
        lines.append(f"- {symptom.name} ({names})")
    if selected is not None:
        for disease in selected.diseases:
            involvement = selected.involvement(disease)
            lines.append(
                f"{selected.name} in {DISEASES[disease].badge}: damaged "
                f"{_structures_text(selected, disease)}. {involvement.why}"
            )
    return "\n".join(lines)


class SymptomExplorer(LessonWidget):
    """Filter symptoms by disease and pathway, and choose one to read why it happens.

    >>> explorer = SymptomExplorer(disease="als", pathway="bulbar")
    >>> explorer.symptom = "swallowing"
    >>> explorer.highlighted_parts()      # {'als': ('brainstem_nuclei',)}
    """

    css_class = "msals-symptoms"
    controls = "the disease, pathway and symptom menus"
    disease = traitlets.Unicode(ALL)
    pathway = traitlets.Unicode(ALL)
    symptom = traitlets.Unicode(None, allow_none=True)

    def __init__(self, disease: str = ALL, pathway: str = ALL, symptom=None, **kwargs):
        self._symptoms, self._pathways = load_symptoms()
        self._parts = load_parts()
        self._references = load_references()
        self._disease_toggle = ipywidgets.ToggleButtons(
            options=[(FILTER_LABELS[d], d) for d in DISEASE_FILTERS],
            description="Disease:",
            tooltips=["All symptoms", "Seen in MS", "Seen in ALS", "Seen in both"],
        )
        self._pathway_menu = ipywidgets.Dropdown(
            options=[("All pathways", ALL), *[(v, k) for k, v in self._pathways.items()]],
            description="Pathway:",
        )
        self._symptom_menu = ipywidgets.Dropdown(
            description="Symptom:", layout=ipywidgets.Layout(width="max-content", max_width="100%")
        )
        self._status = ipywidgets.HTML()
        self._table = ipywidgets.HTML()
        self._detail = ipywidgets.HTML()
        self._diagram = ipywidgets.HTML()
        super().__init__(
            children=[
                self._disease_toggle,
                self._pathway_menu,
                self._symptom_menu,
                self._status,
                self._detail,
                self._diagram,
                self._table,
            ],
            **kwargs,
        )
        self._syncing = False
        ipywidgets.link((self._disease_toggle, "value"), (self, "disease"))
        ipywidgets.link((self._pathway_menu, "value"), (self, "pathway"))
        self._symptom_menu.observe(self._on_menu, "value")
        self.disease, self.pathway = disease, pathway
        self.symptom = symptom
        self._start()

    def _on_menu(self, change) -> None:
        if not self._syncing:
            self.symptom = change["new"] or None

    @traitlets.validate("disease")
    def _check_disease(self, proposal):
        return check_choice("disease", proposal["value"], DISEASE_FILTERS)

    @traitlets.validate("pathway")
    def _check_pathway(self, proposal):
        return check_choice("pathway", proposal["value"], [ALL, *self._pathways])

    @traitlets.validate("symptom")
    def _check_symptom(self, proposal):
        if proposal["value"] is None:
            return None
        return check_choice("symptom", proposal["value"], [s.id for s in self._symptoms])

    @traitlets.observe("disease", "pathway", "symptom")
    def _on_change(self, change):
        self._redraw()

    @property
    def rows(self) -> list[str]:
        """Ids of the symptoms the table shows now."""
        return [s.id for s in self._rows()]

    def _rows(self) -> list[Symptom]:
        return filter_symptoms(self._symptoms, self.disease, self.pathway)

    def _selected(self) -> Symptom | None:
        return next((s for s in self._symptoms if s.id == self.symptom), None)

    def highlighted_parts(self) -> dict[str, tuple[str, ...]]:
        """The chosen symptom's damaged structures per disease (explorer part ids)."""
        selected = self._selected()
        if selected is None:
            return {}
        return {d: selected.involvement(d).structures for d in selected.diseases}

    @property
    def highlighted(self) -> dict[str, str]:
        """Part id -> "ms", "als" or "both" on the diagram now, as in the explorer."""
        selected = self._selected()
        if selected is None:
            return {}
        return highlights(symptom_marks(selected, self._parts))

    def _render(self) -> None:
        rows = self._rows()
        if self.symptom is not None and self.symptom not in [s.id for s in rows]:
            self.symptom = None  # filtered out: observing this re-renders
            return
        # "" not None: ipywidgets shows a blank menu for the value None, even when an
        # entry has it, so the "Choose a symptom…" prompt would never be seen.
        options = [("Choose a symptom…", NO_SYMPTOM), *[(s.name, s.id) for s in rows]]
        self._syncing = True  # refilling the menu must not change the chosen symptom
        try:
            if list(self._symptom_menu.options) != options:
                self._symptom_menu.options = options
            self._symptom_menu.value = self.symptom or NO_SYMPTOM
        finally:
            self._syncing = False
        first_line = self.summary().splitlines()[0]
        self._status.value = html.live_region(
            html.el("p", first_line, class_="msals-summary", style={"margin": "0.3em 0"})
        )
        self._table.value = symptoms_table_html(rows, self._pathways, self.symptom)
        self._detail.value = html.live_region(
            symptom_detail_html(self._selected(), self._pathways, self._references)
        )
        self._diagram.value = self._diagram_html()

    def _diagram_html(self, static: bool = False) -> html.Markup:
        """The diagram of the chosen symptom: inline SVG live, an image in the snapshot."""
        selected = self._selected()
        if selected is None:
            return html.Markup()
        svg = symptom_diagram_svg(selected, self._parts)
        drawing = html.picture(svg, symptom_diagram_alt(selected)) if static else html.trusted(svg)
        return html.el("div", drawing, class_="msals-symptom-diagram", style={"max-width": "760px"})

    def summary(self) -> str:
        return symptoms_summary(
            self._rows(),
            len(self._symptoms),
            self.disease,
            self.pathway,
            self._pathways,
            self._selected(),
        )

    def static_html(self) -> html.Markup:
        return html.el(
            "div",
            symptom_detail_html(self._selected(), self._pathways, self._references),
            self._diagram_html(static=True),
            symptoms_table_html(self._rows(), self._pathways, self.symptom),
            class_="msals-symptoms-static",
        )
