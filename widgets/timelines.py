"""Progression timelines: an interactive chart of how MS and ALS unfold over time.

A thin widget over :mod:`widgets.progression` (the numbers) and
:mod:`widgets.timeline_figures` (figures, words and tables). A control change builds a
new plain ``go.Figure`` and swaps it into an ``ipywidgets.Output`` in one step (its
``outputs`` trait), so the chart changes in place without clearing first. We chose this
over ``go.FigureWidget``: that needs the extra ``anywidget`` package, gives every trace a
random uid in its text form and can store megabytes of widget state in a notebook.
"""

from __future__ import annotations

import ipywidgets
import traitlets

from . import html
from .base import LessonWidget, check_choice
from .content.timelines import Timelines
from .progression import MAX_YEARS, MIN_YEARS, als_course, load_params, ms_course
from .theme import DISEASE_CHOICES
from .timeline_figures import (
    PLOTLY_MIME,
    Chart,
    als_figure,
    compare_figure,
    details_html,
    load_treatment_context,
    load_treatment_events,
    ms_figure,
    treatments_figure,
)

CHOICES = DISEASE_CHOICES[1:]  # MS, ALS or both on one time axis
CONTROLS = ("disease", "course", "treatment", "rate", "years")
# Time spans offered in the "Years shown" menu (any whole number from 1 to 40 also works
# from Python; it is then added to the menu). A menu rather than a slider: ipywidgets'
# slider handle has no accessible name, so screen readers announce a bare number.
YEAR_CHOICES = (2, 5, 10, 15, 20, 25, 30, 40)
CHOICE_LABELS = {"ms": "MS course", "als": "ALS course", "compare": "Side by side"}
# Years shown when a view is first chosen (the chart functions' own defaults).
CHOICE_YEARS = {"ms": 25, "als": 10, "compare": 20}
# What a greyed-out control says about itself, per view.
DISABLED_WHY = {
    "als": "MS course and MS treatment are greyed out: they apply to the MS and Compare views.",
    "ms": "ALS decline is greyed out: it applies to the ALS and Compare views.",
}
DEFAULT_SEED = 44  # a seed whose relapse counts sit near the sourced averages
# The first MS course a student sees is a treated, present-day one (each course lists its
# treated options first); "none", the untreated course, is the comparison.
DEFAULT_TREATMENT = "interferon_beta"


def ms_chart(
    course: str = "rrms_spms",
    treatment: str | None = None,
    years: float = 25,
    seed: int = DEFAULT_SEED,
    params: Timelines | None = None,
) -> Chart:
    """The MS chart for one set of choices (displays as a plotly figure in a notebook).

    Without a treatment, the course's first (a treated, present-day course).
    """
    params = params or load_params()
    treatment = default_treatment(course, treatment, params)
    return ms_figure(ms_course(course, treatment, years, seed, params=params), params)


def als_chart(rate: str = "typical", years: float = 10, params: Timelines | None = None) -> Chart:
    """The ALS chart for one rate of decline, with the other rates drawn thin behind it."""
    params = params or load_params()
    others = tuple(als_course(r, years, params=params) for r in params.als.rate_ids)
    return als_figure(als_course(rate, years, params=params), params, others)


def side_by_side_chart(
    course: str = "rrms_spms",
    treatment: str | None = None,
    rate: str = "typical",
    years: float = 20,
    seed: int = DEFAULT_SEED,
    params: Timelines | None = None,
) -> Chart:
    """MS and ALS on one time axis, each as a share of its best score (shape only)."""
    params = params or load_params()
    treatment = default_treatment(course, treatment, params)
    return compare_figure(
        ms_course(course, treatment, years, seed, params=params),
        als_course(rate, years, params=params),
        params,
    )


def default_treatment(course: str, treatment: str | None, params: Timelines) -> str:
    """``treatment``, or if None the course's first one (treated courses come first)."""
    if treatment is not None:
        return treatment
    check_choice("course", course, params.ms.course_ids)
    return params.ms.course(course).treatments[0]


def treatment_history_chart() -> Chart:
    """Landmark approvals (and a withdrawal) of MS and ALS drugs."""
    return treatments_figure(load_treatment_events(), load_treatment_context())


def build_chart(
    disease: str,
    course: str,
    treatment: str,
    rate: str,
    years: float,
    seed: int,
    params: Timelines,
) -> Chart:
    """The chart for the widget's current state."""
    check_choice("disease", disease, CHOICES)
    if disease == "ms":
        return ms_chart(course, treatment, years, seed, params)
    if disease == "als":
        return als_chart(rate, years, params)
    return side_by_side_chart(course, treatment, rate, years, seed, params)


def year_options(years=(), choices=YEAR_CHOICES) -> list[tuple[str, int]]:
    """Menu entries ("10 years", 10) for ``choices`` plus any other ``years`` given."""
    return [(f"{y} year" if y == 1 else f"{y} years", y) for y in sorted({*choices, *years})]


def panel_html(chart: Chart) -> html.Markup:
    """Caption, live summary and the data table under the chart."""
    return html.box(
        html.muted(chart.caption, tag="p", style={"margin": "0"}),
        html.live_region(html.el("p", chart.summary, class_="msals-summary")),
        details_html(chart.table_html()),
    )


class ProgressionTimelines(LessonWidget):
    """Interactive timeline of an illustrative MS or ALS course.

    >>> timelines = ProgressionTimelines(disease="compare")
    >>> timelines.treatment = "natalizumab"   # same as choosing it in the menu
    >>> timelines.update(course="ppms", treatment="ocrelizumab")  # several at once

    A treatment must belong to the chosen course (``ocrelizumab`` for primary
    progressive MS, for example): anything else is refused with a ValueError and the
    trait, the menu and the chart stay as they were.
    """

    css_class = "msals-timeline"
    controls = "the menus and toggles that change the chart"
    disease = traitlets.Unicode("ms")
    course = traitlets.Unicode("rrms_spms")
    treatment = traitlets.Unicode(DEFAULT_TREATMENT)
    rate = traitlets.Unicode("typical")
    years = traitlets.Int(25)

    def __init__(
        self,
        disease: str = "ms",
        course: str = "rrms_spms",
        treatment: str | None = None,
        rate: str = "typical",
        years: int = 25,
        seed: int = DEFAULT_SEED,
        **kwargs,
    ):
        self._params = load_params()
        self._seed = seed
        check_choice("disease", disease, CHOICES)
        ms, als = self._params.ms, self._params.als
        check_choice("course", course, ms.course_ids)
        treatment = default_treatment(course, treatment, self._params)
        check_choice("treatment", treatment, ms.course(course).treatments)
        check_choice("rate", rate, als.rate_ids)
        if isinstance(years, bool) or not isinstance(years, int):
            raise ValueError(f"years must be a whole number between 1 and 40; got {years!r}")
        if not MIN_YEARS <= years <= MAX_YEARS:
            raise ValueError(f"years must be between 1 and 40 years; got {years!r}")
        style = {"description_width": "9em"}
        self._disease = ipywidgets.ToggleButtons(
            options=[(CHOICE_LABELS[v], v) for v in CHOICES],
            description="Show:",
            tooltips=[f"Show the {CHOICE_LABELS[v].lower()}" for v in CHOICES],
            style=style,
        )
        self._course = ipywidgets.Dropdown(
            options=[(c.label, c.id) for c in ms.courses],
            description="MS course:",
            style=style,
            layout={"width": "36em", "max_width": "100%"},
        )
        # As wide as the course menu: the longest treatment name is not cut off.
        self._treatment = ipywidgets.Dropdown(
            description="MS treatment:", style=style, layout={"width": "36em", "max_width": "100%"}
        )
        self._rate = ipywidgets.ToggleButtons(
            options=[(r.label, r.id) for r in als.rates],
            description="ALS decline:",
            tooltips=[f"{r.per_month.value:g} ALSFRS-R points a month" for r in als.rates],
            style=style,
        )
        self._years = ipywidgets.Dropdown(
            options=year_options([years]),
            value=years,
            description="Years shown:",
            style=style,
        )
        self._why = ipywidgets.HTML()  # why a control is greyed out, in words
        self._chart = ipywidgets.Output()
        self._panel = ipywidgets.HTML()
        super().__init__(
            children=[
                self._disease,
                self._course,
                self._treatment,
                self._rate,
                self._years,
                self._why,
                self._chart,
                self._panel,
            ],
            **kwargs,
        )
        self._syncing_years = False
        # Traits first (course before treatment, which must belong to it), then the
        # controls to match, so that link() below finds them equal and changes nothing.
        self._treatment.options = self._treatment_options(course)
        self.disease, self.course, self.rate = disease, course, rate
        self.treatment = treatment
        self._disease.value, self._course.value, self._rate.value = disease, course, rate
        self._treatment.value = treatment
        for name in ("disease", "course", "treatment", "rate"):
            ipywidgets.link((getattr(self, f"_{name}"), "value"), (self, name))
        # Not link(): a year set from Python may first need its own entry in the menu.
        self.years = years
        self._years.observe(self._on_years_menu, names="value")
        # Each view keeps its own span of years: 25 years suit MS, but would leave an ALS
        # chart mostly empty, so switching views brings back that view's own span.
        self._years_for = {**CHOICE_YEARS, disease: years}
        self._start()

    def update(self, **changes) -> None:
        """Change several controls at once and redraw once.

        Not called ``set_state``: that is ipywidgets' own method, which the front end
        uses to send ``{trait: value}`` updates. The course is applied first, so its
        treatments can be chosen in the same call.
        """
        unknown = [name for name in changes if name not in CONTROLS]
        if unknown:
            raise ValueError(
                f"update() takes {', '.join(CONTROLS)}; got {', '.join(map(repr, unknown))}"
            )
        with self._held():
            for name in sorted(changes, key=CONTROLS.index):
                setattr(self, name, changes[name])
        self._redraw()

    @traitlets.validate("disease")
    def _check_disease(self, proposal):
        return check_choice("disease", proposal["value"], CHOICES)

    @traitlets.validate("course")
    def _check_course(self, proposal):
        return check_choice("course", proposal["value"], self._params.ms.course_ids)

    @traitlets.validate("treatment")
    def _check_treatment(self, proposal):
        # Against the chosen course's treatments, not all of them: natalizumab is not a
        # treatment for primary progressive MS in these charts.
        return check_choice(
            "treatment", proposal["value"], self._params.ms.course(self.course).treatments
        )

    @traitlets.validate("rate")
    def _check_rate(self, proposal):
        return check_choice("rate", proposal["value"], self._params.als.rate_ids)

    @traitlets.validate("years")
    def _check_years(self, proposal):
        value = proposal["value"]
        if not MIN_YEARS <= value <= MAX_YEARS:
            raise ValueError(f"years must be between 1 and 40 years; got {value!r}")
        return value

    def _treatment_options(self, course: str) -> list[tuple[str, str]]:
        ms = self._params.ms
        return [(ms.treatment(t).label, t) for t in ms.course(course).treatments]

    @traitlets.observe("disease", "course", "treatment", "rate", "years")
    def _on_change(self, change):
        if change["name"] == "course":
            self._set_treatment_options()
        remembered = getattr(self, "_years_for", None)
        if remembered is not None and change["name"] == "disease":
            with self._held():
                self.years = remembered[change["new"]]
        if change["name"] == "years":
            self._show_years()
            if remembered is not None:
                remembered[self.disease] = change["new"]
        self._redraw()

    def _on_years_menu(self, change) -> None:
        if not self._syncing_years:
            self.years = change["new"]

    def _show_years(self) -> None:
        """Select ``years`` in the menu, adding an entry for it if it has none."""
        self._syncing_years = True
        try:
            shown = [value for _, value in self._years.options]
            if self.years not in shown:
                self._years.options = year_options(shown + [self.years], choices=())
            self._years.value = self.years
        finally:
            self._syncing_years = False

    def _set_treatment_options(self) -> None:
        """Offer the treatments of the chosen course; fall back to its first if needed."""
        allowed = self._params.ms.course(self.course).treatments
        with self._held():
            keep = self.treatment if self.treatment in allowed else allowed[0]
            self._treatment.options = self._treatment_options(self.course)
            self._treatment.value = keep
            self.treatment = keep

    def current_chart(self) -> Chart:
        return build_chart(
            self.disease,
            self.course,
            self.treatment,
            self.rate,
            self.years,
            self._seed,
            self._params,
        )

    def _render(self) -> None:
        self._course.disabled = self._treatment.disabled = self.disease == "als"
        self._rate.disabled = self.disease == "ms"
        why = DISABLED_WHY.get(self.disease, "")
        for control in (self._course, self._treatment, self._rate):
            control.tooltip = why if control.disabled else None
        self._why.value = html.muted(why, tag="p", class_="msals-why") if why else ""
        chart = self.current_chart()
        # One trait update replaces the old figure with the new one: no blank frame.
        self._chart.outputs = (
            {
                "output_type": "display_data",
                "data": {PLOTLY_MIME: chart.figure_json(), "text/plain": chart.title},
                "metadata": {},
            },
        )
        self._panel.value = panel_html(chart)
        self._last = chart

    def figure_json(self) -> dict:
        """The figure currently drawn (what the browser receives)."""
        return self._chart.outputs[0]["data"][PLOTLY_MIME]

    def summary(self) -> str:
        return self._last.summary

    def static_html(self) -> str:
        return self._last.text_html()
