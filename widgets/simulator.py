"""The conduction simulator: pick a case and watch a nerve impulse travel (or stop).

A thin widget over :mod:`widgets.conduction` (the numbers) and
:mod:`widgets.conduction_figures` (animation, readouts, words). The animation is a plain
plotly figure with frames, placed in an ``ipywidgets.Output``: it plays in the browser
with no round trip per frame, and keeps playing if the kernel is gone. It never starts
by itself (reduced motion): the reader presses Play or steps with the slider.
"""

from __future__ import annotations

import ipywidgets
import traitlets

from . import html
from .base import LessonWidget, check_choice
from .conduction import CaseResult, Model, load_model, simulate
from .conduction_figures import (
    FRAMES,
    PLOTLY_MIME,
    Simulation,
    moment_text,
    simulation,
    time_labels,
)


def conduction_case(case: str = "healthy", model: Model | None = None, step: int = 0) -> Simulation:
    """One case as an animation with its words (displays as a chart plus text in a notebook).

    The animation is stored in the notebook and plays without a kernel (static copy,
    GitHub-free viewers that draw plotly); ``step`` opens it at a later frame.
    """
    model = model or load_model()
    check_choice("case", case, model.case_ids)
    return simulation(simulate(case, model), step)


def panel_html(view: Simulation) -> html.Markup:
    """Live summary, readouts table and caption under the animation."""
    return html.box(
        html.live_region(html.el("p", view.summary, class_="msals-summary")),
        view.table_html(),
        html.muted(view.caption, tag="p", style={"margin": "4px 0 0 0", "font-size": "0.9em"}),
    )


def _check_step(step) -> int:
    if isinstance(step, bool) or not isinstance(step, int) or not 0 <= step <= FRAMES:
        raise ValueError(f"step must be a whole number from 0 to {FRAMES}; got {step!r}")
    return step


class ConductionSimulator(LessonWidget):
    """Watch an impulse travel along a healthy fibre, an MS fibre or an ALS fibre.

    >>> sim = ConductionSimulator(case="ms_warm")
    >>> sim.case = "ms_recovered"          # same as choosing it in the menu
    >>> sim.result.main.arrived
    True
    """

    css_class = "msals-conduction"
    controls = "the case menu, the time menu and the Play button"
    case = traitlets.Unicode("healthy")
    step = traitlets.Int(0)

    def __init__(self, case: str = "healthy", step: int = 0, **kwargs):
        self._model = load_model()
        self._cases = self._model.case_ids
        check_choice("case", case, self._cases)
        _check_step(step)
        self._picker = ipywidgets.Dropdown(
            options=[(c.label, c.id) for c in self._model.cases],
            value=case,
            description="Case:",
            style={"description_width": "4em"},
            layout={"width": "34em"},
        )
        # Plotly's Play button and slider cannot be reached with the keyboard; this menu
        # steps through the same frames (a redraw per step) and says where each impulse is.
        self._time = ipywidgets.Dropdown(
            description="Jump to:",
            tooltip="Show the impulses at this time (works from the keyboard)",
            style={"description_width": "4em"},
            layout={"width": "20em"},
        )
        self._chart = ipywidgets.Output()
        self._moment = ipywidgets.HTML()
        self._panel = ipywidgets.HTML()
        super().__init__(
            children=[self._picker, self._time, self._chart, self._moment, self._panel], **kwargs
        )
        self.case = case
        self._set_time_options()
        self.step = step
        self._time.value = step
        ipywidgets.link((self._picker, "value"), (self, "case"))
        ipywidgets.link((self._time, "value"), (self, "step"))
        self._start()

    @traitlets.validate("case")
    def _check_case(self, proposal):
        return check_choice("case", proposal["value"], self._cases)

    @traitlets.validate("step")
    def _check_step(self, proposal):
        return _check_step(proposal["value"])

    @traitlets.observe("case")
    def _on_case(self, change):
        with self._held():
            self._set_time_options()
            self.step = 0  # a new case starts before the impulse sets off
        self._redraw()

    @traitlets.observe("step")
    def _on_step(self, change):
        self._redraw()

    def _set_time_options(self) -> None:
        result = simulate(self.case, self._model)
        labels = time_labels(result)
        self._time.options = [(label, k) for k, label in enumerate(labels)]

    @property
    def cases(self) -> tuple[str, ...]:
        """The case ids this simulator offers."""
        return self._cases

    @property
    def result(self) -> CaseResult:
        """What the model says for the current case."""
        return self._view.result

    def _render(self) -> None:
        view = conduction_case(self.case, self._model, self.step)
        # One trait update replaces the old animation with the new one.
        self._chart.outputs = (
            {
                "output_type": "display_data",
                "data": {PLOTLY_MIME: view.figure_json(), "text/plain": view.title},
                "metadata": {},
            },
        )
        self._panel.value = panel_html(view)
        self._moment.value = html.box(
            html.live_region(
                html.el(
                    "p",
                    moment_text(view.result, self.step),
                    class_="msals-moment",
                    style={"margin": "0"},
                )
            )
        )
        self._view = view

    def figure_json(self) -> dict:
        """The animation currently drawn (what the browser receives)."""
        return self._chart.outputs[0]["data"][PLOTLY_MIME]

    def summary(self) -> str:
        return self._view.summary

    def static_html(self) -> str:
        return self._view.text_html()
