"""Small stand-ins that follow the DOM contract, to show that the browser checks bite.

Each can be built working or ``broken=True``: broken, its front end stops following its
controls (the toggle no longer changes the SVG, the chart is not redrawn, the quiz gives
no feedback). The tests copy this file next to a notebook in the server's temporary
copy, and the checks in ``checks.py`` must pass on the working one and fail on the
broken one. Not used by any lesson.
"""

from __future__ import annotations

import ipywidgets
import plotly.graph_objects as go
from IPython.display import display

from widgets import html
from widgets.base import LessonWidget
from widgets.html import escape, trusted


def live_region(markup: str) -> html.Markup:
    """The mocks write their HTML by hand (they are test doubles, not lesson code)."""
    return html.live_region(trusted(markup))


PARTS = ("brain", "optic_nerve", "spinal_cord", "motor_neurons")
DAMAGE = {
    "none": {},
    "ms": {"brain": "ms", "optic_nerve": "ms", "spinal_cord": "ms"},
    "als": {"brain": "als", "spinal_cord": "als", "motor_neurons": "als"},
}


class MockExplorer(LessonWidget):
    css_class = "msals-explorer"

    def __init__(self, broken: bool = False):
        self._toggle = ipywidgets.ToggleButtons(
            options=[("Healthy", "none"), ("MS", "ms"), ("ALS", "als")]
        )
        self._picture = ipywidgets.HTML()
        super().__init__(children=[self._toggle, self._picture])
        self._broken = broken
        self._toggle.observe(self._render, "value")
        self._render()

    def _render(self, change=None) -> None:
        if self._broken and change is not None:
            return
        self._picture.value = self.static_html()

    def summary(self) -> str:
        hit = DAMAGE[self._toggle.value]
        return f"Showing {self._toggle.value}: {', '.join(hit) or 'no damage'}."

    def static_html(self) -> str:
        hit = DAMAGE[self._toggle.value]
        shapes = "".join(
            f'<rect id="part-{p}" x="{10 + 60 * i}" y="10" width="50" height="50"'
            + (f' data-damage="{hit[p]}"' if p in hit else "")
            + "></rect>"
            for i, p in enumerate(PARTS)
        )
        svg = f'<svg role="img" aria-label="parts" width="260" height="70">{shapes}</svg>'
        summary = f'<p class="msals-summary">{escape(self.summary())}</p>'
        return trusted(svg) + live_region(summary)


class MockTimeline(LessonWidget):
    css_class = "msals-timeline"

    def __init__(self, broken: bool = False):
        self._years = ipywidgets.IntSlider(value=5, min=1, max=20, description="Years")
        self._chart = ipywidgets.Output()
        super().__init__(children=[self._years, self._chart])
        self._broken = broken
        self._years.observe(self._render, "value")
        self._render()

    def _render(self, change=None) -> None:
        if self._broken and change is not None:
            return
        years = list(range(self._years.value + 1))
        figure = go.Figure(go.Scatter(x=years, y=[100 - 3 * y for y in years]))
        figure.update_layout(template=None, width=400, height=250)
        self._chart.clear_output(wait=True)
        with self._chart:
            display(figure)

    def summary(self) -> str:
        return f"{self._years.value} years shown."

    def static_html(self) -> str:
        return trusted(f"<p>{escape(self.summary())}</p>")


class MockQuiz(LessonWidget):
    css_class = "msals-quiz"

    def __init__(self, broken: bool = False):
        self._choice = ipywidgets.RadioButtons(options=["Myelin", "Motor neurons"], value=None)
        self._check = ipywidgets.Button(description="Check")
        self._result = ipywidgets.HTML()
        super().__init__(children=[self._choice, self._check, self._result])
        self._broken = broken
        self._score = 0
        self._check.on_click(self._answer)
        self._show("")

    def _answer(self, _button) -> None:
        if self._broken:
            return
        right = self._choice.value == "Myelin"
        self._score += right
        self._show("Right: MS attacks myelin." if right else "Not quite: that is ALS.")

    def _show(self, feedback: str) -> None:
        self._result.value = live_region(
            f'<p class="msals-feedback">{escape(feedback)}</p>'
            f'<p class="msals-score">Answered: {int(bool(feedback))}, score {self._score}</p>'
        )

    def summary(self) -> str:
        return f"Score {self._score}."

    def static_html(self) -> str:
        return trusted(f"<p>{escape(self.summary())}</p>")
