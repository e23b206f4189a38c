"""Animated figures, readouts and words for the conduction simulator.

Turns a :class:`widgets.conduction.CaseResult` into

* a plotly **animation** (frames, Play and Pause buttons, a frame slider; no autoplay, so
  a reader who prefers reduced motion steps through with the slider): one row per fibre,
  the impulse as a marker that jumps from node to node, and, for motor cases, the motor
  units of the muscle with its response;
* **readouts** (arrived or not, arrival time, where it stopped, muscle response) as
  plain values, a **summary** in words for screen readers, and a **static snapshot**
  (inline SVG plus table) for readers without a kernel.

Figures use a small template of our own and round every number, so a stored animation
stays small (well under 60 KB) and stable under nbval's exact comparison. Colour is never
the only cue: myelin states differ in line style, blocked impulses in marker shape, and
every state is also written next to the fibre.
"""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import plotly.graph_objects as go
from IPython.display import display

from . import html
from .conduction import ARRIVED, BLOCKED, NO_SIGNAL, CaseResult, Conduction
from .figure_style import GRID, PLOTLY_MIME, plotly_template
from .theme import ALS, BACKGROUND, FONT_FAMILY, MS, MUTED_TEXT, TEXT

FRAMES = 24  # steps of the animation after time 0
FRAME_MS = 150  # how long each step is shown while playing
HEALTHY_COLOUR = "#009E73"  # Okabe-Ito bluish green
MYELIN_COLOUR = "#7F7F7F"
LOST_COLOUR = "#A6A6A6"
DRAWN_NODES_MAX = 60  # above this, nodes are too close together to draw one by one
ILLUSTRATIVE = (
    "Illustrative model: fibre speeds come from published ranges; the plaques, myelin "
    "levels, safety factors and motor-unit numbers are our teaching choices "
    "(data/conduction.yaml)."
)

TEMPLATE = plotly_template(yaxis={"gridcolor": GRID, "linecolor": MUTED_TEXT, "zeroline": False})


def _r(value: float, digits: int = 2) -> float:
    return round(float(value), digits)


def ms_text(value: float) -> str:
    """A time for people: ``1,000 ms``, ``12.5 ms``, ``3.59 ms``."""
    if value >= 100:
        return f"{value:,.0f} ms"
    if value >= 10:
        return f"{value:.1f} ms"
    return f"{value:.2f} ms"


def mm_text(value: float) -> str:
    return f"{value:,.0f} mm"


def percent(value: float) -> str:
    return f"{round(value * 100):.0f}%"


def impulse_colour(result: CaseResult) -> str:
    return {"ms": MS.colour, "als": ALS.colour}.get(result.case.disease, HEALTHY_COLOUR)


# --------------------------------------------------------------------------- readouts


@dataclass(frozen=True)
class Readout:
    """What one fibre shows at the end, as values and short words."""

    fibre: str
    route: str
    status: str  # ARRIVED, BLOCKED or NO_SIGNAL
    arrival_ms: float | None
    stopped_mm: float | None
    safety_factor: float | None  # the failing one if blocked, else the lowest on the way

    @property
    def arrived_text(self) -> str:
        return "Yes" if self.status == ARRIVED else "No"

    @property
    def time_text(self) -> str:
        return ms_text(self.arrival_ms) if self.arrival_ms is not None else "never arrives"

    @property
    def outcome_text(self) -> str:
        if self.status == ARRIVED:
            return f"arrived after {ms_text(self.arrival_ms)}"
        if self.status == BLOCKED:
            return (
                f"blocked at {mm_text(self.stopped_mm)}, where the safety factor "
                f"falls to {self.safety_factor:.2f} (below 1)"
            )
        return "no impulse sets off, because the motor neuron has died"


def readout(run: Conduction) -> Readout:
    fibre = run.fibre
    failing = run.blocking.safety_factor if run.blocking else run.lowest_safety_factor
    return Readout(
        fibre=run.row.label,
        route=f"{fibre.start} to {fibre.end[:1].lower()}{fibre.end[1:]}",
        status=run.status,
        arrival_ms=run.arrival_ms,
        stopped_mm=run.reached_mm if run.status == BLOCKED else None,
        safety_factor=None if run.status == NO_SIGNAL else failing,
    )


def muscle_text(result: CaseResult) -> str | None:
    """The muscle's response in words, or None when the case has no muscle."""
    pool = result.pool
    if pool is None:
        return None
    motor_arrives = any(result.drives_muscle(run) for run in result.runs)
    whole = f"{percent(pool.response)} of normal"
    if pool.lost == 0:
        units = f"all {pool.size} motor units working"
    else:
        units = (
            f"{pool.lost} of {pool.size} motor units lost; each survivor now drives about "
            f"{pool.unit_size:.1f} times as many muscle fibres"
        )
    if motor_arrives:
        return f"The muscle contracts: response {whole} ({units})."
    return (
        f"No signal reaches the muscle along this fibre. Stimulating the whole nerve gives a "
        f"response of {whole} ({units})."
    )


def case_title(result: CaseResult) -> str:
    return f"{result.case.label} (illustrative)"


def caption(result: CaseResult) -> str:
    extra = []
    if any(run.row.warm for run in result.runs):
        extra.append(
            f"Warmed: body temperature up by about {result.physiology.warming_celsius:g} °C, "
            "which lowers every safety factor."
        )
    if any(not run.continuous and len(run.segments) > DRAWN_NODES_MAX for run in result.runs):
        extra.append(
            "Nodes on the 1-metre fibres are too close together to draw; the impulse still "
            "jumps from node to node."
        )
    return " ".join([ILLUSTRATIVE, *extra])


def summary(result: CaseResult) -> str:
    """Everything the animation shows at its end, in words (for screen readers)."""
    parts = [f"{result.case.label}."]
    main = result.main
    for run in result.runs:
        fibre = run.fibre
        r = readout(run)
        speed = f"{fibre.velocity_m_s:g} m/s when healthy"
        sentence = (
            f"{run.row.label} ({r.route}, {mm_text(fibre.length_mm)}, {speed}): {r.outcome_text}"
        )
        if run.arrived and run is not main and main.arrived:
            ratio = run.arrival_ms / main.arrival_ms
            if ratio > 1.05:
                times = f"{ratio:.0f}" if ratio >= 10 else f"{ratio:.1f}"
                sentence += f", {times} times as long as the first fibre"
            elif ratio < 0.95:
                sentence += (
                    f"; the first fibre took {main.arrival_ms / run.arrival_ms:.1f} times as long"
                )
        if run.row.plaque is not None and run.status != NO_SIGNAL:
            plaque = run.row.plaque
            state = (
                "new, thinner myelin"
                if plaque.remyelinated
                else f"{percent(plaque.myelin)} of its myelin left"
            )
            sentence += (
                f". Plaque from {mm_text(plaque.start_mm)} to {mm_text(plaque.end_mm)} with {state}"
            )
        parts.append(sentence + ".")
    muscle = muscle_text(result)
    if muscle:
        parts.append(muscle)
    if result.pool is not None and result.pool.fasciculations:
        parts.append("Some surviving units fire on their own: fasciculations (twitches).")
    return " ".join(parts)


# --------------------------------------------------------------------------- animation


def frame_times(result: CaseResult) -> list[float]:
    """Times of the animation's frames, from 0 to a little after the last event shown.

    A comparison fibre far slower than the rest (the thin fibre without myelin) is left
    out of the time span: it is shown still on its way, and the summary gives its time.
    """
    ends = [run.last_ms for run in result.runs if run.status != NO_SIGNAL]
    quick = [t for t in ends if t > 0]
    main_end = result.main.last_ms if result.main.status != NO_SIGNAL else 0
    limit = max(quick, default=1.0)
    if main_end > 0:
        limit = max([t for t in quick if t <= 4 * main_end] + [main_end])
    elif quick:
        limit = min(quick)
    end = limit * 1.1
    return [_r(end * k / FRAMES, 3) for k in range(FRAMES + 1)]


def _marker_state(run: Conduction, t: float, final: bool) -> tuple[float, str, str]:
    """(position, marker symbol, text beside it) at time ``t``."""
    position = run.position_at(t)
    done = t + 1e-9 >= run.last_ms
    if run.status == ARRIVED and done:
        return position, "circle", f"arrived: {ms_text(run.arrival_ms)}"
    if run.status == BLOCKED and done:
        return position, "x", f"blocked (safety factor {run.blocking.safety_factor:.2f})"
    if final:
        return position, "circle", f"still on its way: arrives after {ms_text(run.last_ms)}"
    return position, "circle", " "  # not empty: plotly then keeps a text node to update


def _time_decimals(times: list[float]) -> int:
    return 1 if times[-1] >= 10 else 2


def animation(result: CaseResult, step: int = 0) -> tuple[go.Figure, list[dict]]:
    """The plotly figure of one case (validated) and its frames (plain dicts, deterministic).

    The figure opens at frame ``step`` (0: the impulse has not left yet). Frames stay
    plain dicts: validating 25 frames with plotly.py took most of the build time, and
    they hold only positions, symbols and words built here.
    """
    if isinstance(step, bool) or not isinstance(step, int) or not 0 <= step <= FRAMES:
        raise ValueError(f"step must be a whole number from 0 to {FRAMES}; got {step!r}")
    runs = result.runs
    colour = impulse_colour(result)
    length = max(run.fibre.length_mm for run in runs)
    has_muscle = result.pool is not None
    geometry = Geometry(len(runs), has_muscle)
    traces: list[go.Scatter] = []
    legend_seen: set[str] = set()

    def styled(name: str) -> dict:
        shown = name not in legend_seen
        legend_seen.add(name)
        return {"name": name, "legendgroup": name, "showlegend": shown}

    for i, run in enumerate(runs):
        traces += _fibre_traces(run, i, styled)
    moving = [i for i, run in enumerate(runs) if run.status != NO_SIGNAL]
    first_dynamic = len(traces)
    times = frame_times(result)
    for i in moving:
        traces += _impulse_traces(runs[i], i, times[-1], colour, styled)
    muscle_index = None
    if has_muscle:
        traces += _muscle_traces(result, styled)
        muscle_index = len(traces)
        traces.append(_muscle_response_trace(result, 0.0))
    dynamic = list(range(first_dynamic, first_dynamic + 2 * len(moving)))
    if muscle_index is not None:
        dynamic.append(muscle_index)
    frames = []
    for k, t in enumerate(times):
        data = []
        for i in moving:
            data += _impulse_updates(runs[i], t, final=k == FRAMES)
        if muscle_index is not None:
            data.append(_muscle_response_update(result, t))
        frames.append({"name": str(k), "data": data, "traces": dynamic})
    labels = time_labels(result)
    for update, index in zip(frames[step]["data"], dynamic, strict=True):
        traces[index].update(update)
    figure = go.Figure(data=traces)
    figure.update_layout(_layout(result, length, geometry, labels))
    figure.layout.sliders[0].active = step
    return figure, frames


def time_labels(result: CaseResult) -> list[str]:
    """The time of each frame, as the slider and the step menu show it."""
    times = frame_times(result)
    decimals = _time_decimals(times)
    return [f"{t:.{decimals}f} ms" for t in times]


def moment_text(result: CaseResult, step: int) -> str:
    """Where each impulse is at frame ``step``, in words (the step menu reads this out)."""
    t = frame_times(result)[step]
    parts = [f"At {time_labels(result)[step]} (the time chosen in the menu):"]
    for run in result.runs:
        if run.status == NO_SIGNAL:
            parts.append(f"{run.row.label}: no impulse.")
            continue
        position = run.position_at(t)
        done = t + 1e-9 >= run.last_ms
        if t == 0:
            state = f"about to set off from the {run.fibre.start.lower()}"
        elif run.status == ARRIVED and done:
            state = f"arrived at the {run.fibre.end.lower()}"
        elif run.status == BLOCKED and done:
            state = f"stopped at {mm_text(position)}, blocked"
        else:
            state = f"at {mm_text(position)} of {mm_text(run.fibre.length_mm)}, on its way"
        parts.append(f"{run.row.label}: {state}.")
    return " ".join(parts)


def _fibre_traces(run: Conduction, i: int, styled) -> list[go.Scatter]:
    """The fibre itself: myelin by state (line style), nodes, start and end."""
    fibre = run.fibre
    traces = []
    if run.status == NO_SIGNAL:
        traces.append(
            go.Scatter(
                x=[0, _r(fibre.length_mm)],
                y=[i, i],
                mode="lines",
                line={"color": LOST_COLOUR, "width": 2, "dash": "dot"},
                hoverinfo="skip",
                **styled("fibre gone (neuron died)"),
            )
        )
        return traces
    if not fibre.myelinated:
        traces.append(
            go.Scatter(
                x=[0, _r(fibre.length_mm)],
                y=[i, i],
                mode="lines",
                line={"color": MYELIN_COLOUR, "width": 2},
                hoverinfo="skip",
                **styled("no myelin"),
            )
        )
        return traces
    stretches = _stretches(run)
    for start, end, kind in stretches:
        style = MYELIN_STYLES[kind]
        traces.append(
            go.Scatter(
                x=[_r(start), _r(end)],
                y=[i, i],
                mode="lines",
                line={"color": style["colour"], "width": style["width"], "dash": style["dash"]},
                hoverinfo="skip",
                **styled(style["name"]),
            )
        )
    if len(run.segments) <= DRAWN_NODES_MAX:
        nodes = [0.0] + [s.end_mm for s in run.segments]
        traces.append(
            go.Scatter(
                x=[_r(x) for x in nodes],
                y=[i] * len(nodes),
                mode="markers",
                marker={"symbol": "line-ns-open", "size": 16, "color": TEXT, "line": {"width": 2}},
                hovertemplate=html.plotly_hover("node of Ranvier at %{x} mm"),
                **styled("node of Ranvier"),
            )
        )
    return traces


MYELIN_STYLES = {
    "healthy": {"name": "healthy myelin", "colour": MYELIN_COLOUR, "width": 12, "dash": "solid"},
    "thin": {"name": "plaque: myelin thinned", "colour": MS.colour, "width": 6, "dash": "dash"},
    "lost": {"name": "plaque: myelin lost", "colour": MS.colour, "width": 3, "dash": "dot"},
    "new": {"name": "new, thinner myelin", "colour": MS.colour, "width": 8, "dash": "dashdot"},
}


def _stretches(run: Conduction) -> list[tuple[float, float, str]]:
    plaque = run.row.plaque
    length = run.fibre.length_mm
    if plaque is None:
        return [(0.0, length, "healthy")]
    kind = "new" if plaque.remyelinated else "lost" if plaque.myelin == 0 else "thin"
    parts = [(0.0, plaque.start_mm, "healthy"), (plaque.start_mm, plaque.end_mm, kind)]
    if plaque.end_mm < length:
        parts.append((plaque.end_mm, length, "healthy"))
    return [p for p in parts if p[1] > p[0]]


def _impulse_traces(run: Conduction, i: int, end: float, colour: str, styled) -> list[go.Scatter]:
    """The trail and the marker of one fibre, fully styled; frames then change only a few keys."""
    trail, marker = _impulse_updates(run, 0.0)
    # The words go on the side where the plot has room for them at the end.
    side = "top left" if run.position_at(end) > 0.5 * run.fibre.length_mm else "top right"
    return [
        go.Scatter(
            trail,
            y=[i - 0.4, i - 0.4],
            mode="lines",
            line={"color": colour, "width": 4},
            hoverinfo="skip",
            **styled("distance covered"),
        ),
        go.Scatter(
            marker,
            y=[i],
            mode="markers+text",
            textposition=side,
            textfont={"size": 13, "color": TEXT},
            marker={
                "symbol": marker["marker"]["symbol"],
                "size": 16,
                "color": colour,
                "line": {"width": 2, "color": TEXT},
            },
            hovertemplate=html.plotly_hover("impulse at %{x} mm"),
            **styled("impulse"),
        ),
    ]


def _impulse_updates(run: Conduction, t: float, final: bool = False) -> list[dict]:
    """What changes from frame to frame: the trail and the marker of one fibre.

    The marker's shape carries the state (circle moving or arrived, X blocked) and the
    text beside it says it, so colour is never needed to read it. Frames hold only these
    keys (plotly merges them into the styled traces), which keeps the stored JSON small.
    """
    position, symbol, text = _marker_state(run, t, final)
    return [
        {"x": [0, _r(position)]},
        {"x": [_r(position)], "text": [text], "marker": {"symbol": symbol}},
    ]


def _muscle_traces(result: CaseResult, styled) -> list[go.Scatter]:
    """The motor units of the muscle: survivors by size, lost ones as open crosses."""
    pool = result.pool
    survivors = list(range(pool.survivors))
    lost = list(range(pool.survivors, pool.size))
    traces = []
    twitching = {0, len(survivors) // 2} if pool.fasciculations and survivors else set()
    groups = (
        ("circle", [x for x in survivors if x not in twitching], "working motor unit", ""),
        (
            "star",
            sorted(twitching),
            "working unit that also fires on its own (fasciculation)",
            ", fires on its own (fasciculation)",
        ),
    )
    for symbol, members, name, extra in groups:
        if not members:
            continue
        traces.append(
            go.Scatter(
                x=[x + 0.5 for x in members],
                y=[0] * len(members),
                xaxis="x2",
                yaxis="y2",
                mode="markers",
                marker={
                    "symbol": symbol,
                    "size": _r(10 * pool.unit_size**0.5 + 4, 1),
                    "color": ALS.colour if result.case.disease == "als" else HEALTHY_COLOUR,
                    "line": {"width": 1, "color": TEXT},
                },
                text=[
                    f"unit {x + 1}: drives {pool.unit_size:.1f} times its first share of fibres"
                    + extra
                    for x in members
                ],
                hovertemplate=html.plotly_hover("%{text}"),
                **styled(f"{name} (bigger = more muscle fibres)"),
            )
        )
    if lost:
        traces.append(
            go.Scatter(
                x=[x + 0.5 for x in lost],
                y=[0] * len(lost),
                xaxis="x2",
                yaxis="y2",
                mode="markers",
                marker={"symbol": "x-thin-open", "size": 12, "color": TEXT, "line": {"width": 2}},
                text=[f"unit {x + 1}: neuron died" for x in lost],
                hovertemplate=html.plotly_hover("%{text}"),
                **styled("motor unit lost (neuron died)"),
            )
        )
    return traces


def _muscle_words(result: CaseResult, t: float) -> str:
    pool = result.pool
    arriving = [run for run in result.runs if result.drives_muscle(run)]
    if not arriving:
        return (
            f"No signal along this fibre. Whole-nerve response: {percent(pool.response)} of normal"
        )
    if t + 1e-9 >= min(run.arrival_ms for run in arriving):
        return f"Muscle contracts: response {percent(pool.response)} of normal"
    return "Muscle: waiting for the signal"


def _muscle_response_trace(result: CaseResult, t: float) -> go.Scatter:
    return go.Scatter(
        _muscle_response_update(result, t),
        x=[0],
        y=[-0.9],
        xaxis="x2",
        yaxis="y2",
        mode="text",
        textposition="middle right",
        textfont={"size": 14, "color": TEXT},
        hoverinfo="skip",
        showlegend=False,
        name="muscle response",
    )


def _muscle_response_update(result: CaseResult, t: float) -> dict:
    return {"text": [_muscle_words(result, t)]}


ROW_PX, GAP_PX, MUSCLE_PX = 100, 80, 90  # heights of one fibre row, axis gap, muscle panel
TOP_PX, BOTTOM_PX = 80, 260


@dataclass(frozen=True)
class Geometry:
    """Where things go, in pixels turned into plotly's paper units."""

    rows: int
    muscle: bool

    @property
    def plot_px(self) -> int:
        return self.rows * ROW_PX + (GAP_PX + MUSCLE_PX if self.muscle else 0)

    @property
    def height(self) -> int:
        return self.plot_px + TOP_PX + BOTTOM_PX

    def paper(self, px: float) -> float:
        return _r(px / self.plot_px, 3)

    @property
    def fibre_domain(self) -> list[float]:
        return [self.paper(GAP_PX + MUSCLE_PX), 1.0] if self.muscle else [0.0, 1.0]

    @property
    def muscle_domain(self) -> list[float]:
        return [0.0, self.paper(MUSCLE_PX)]

    @property
    def slider_y(self) -> float:
        # Below the x-axis title, or below the muscle panel when there is one.
        return -self.paper(10 if self.muscle else 60)

    @property
    def caption_y(self) -> float:
        return self.slider_y - self.paper(95)

    @property
    def legend_y(self) -> float:
        return self.caption_y - self.paper(70)


def wrap(text: str, width: int = 26) -> str:
    """Break a label into lines of at most ``width`` characters (plotly needs ``<br>``)."""
    return html.plotly_text(text, width)


def _layout(result: CaseResult, length: float, geometry: Geometry, labels: list[str]) -> dict:
    runs = result.runs
    n = len(runs)
    annotations = [_note(caption(result), geometry.caption_y)]
    for i, run in enumerate(runs):
        fibre = run.fibre
        for x, text, anchor in ((0, fibre.start, "left"), (fibre.length_mm, fibre.end, "right")):
            annotations.append(
                {
                    "x": _r(x),
                    "y": i + 0.32,
                    "xref": "x",
                    "yref": "y",
                    "text": html.plotly_text(text),
                    "showarrow": False,
                    "xanchor": anchor,
                    "font": {"size": 12, "color": MUTED_TEXT},
                }
            )
        plaque = run.row.plaque
        if plaque is not None:
            annotations.append(
                {
                    "x": _r((plaque.start_mm + plaque.end_mm) / 2),
                    "y": i + 0.32,
                    "xref": "x",
                    "yref": "y",
                    "text": "plaque (warmed)" if run.row.warm else "plaque",
                    "showarrow": False,
                    "font": {"size": 12, "color": MS.colour},
                }
            )
        if run.status == NO_SIGNAL:
            annotations.append(
                {
                    "x": _r(length / 2),
                    "y": i - 0.25,
                    "xref": "x",
                    "yref": "y",
                    "text": "no impulse: the motor neuron has died",
                    "showarrow": False,
                    "font": {"size": 13, "color": TEXT},
                }
            )
    layout = {
        "template": TEMPLATE,
        "title": {
            "text": html.plotly_text(case_title(result)),
            "x": 0,
            "xref": "paper",
            "xanchor": "left",
        },
        "height": geometry.height,
        "margin": {"l": 210, "r": 30, "t": TOP_PX, "b": BOTTOM_PX},
        "xaxis": {
            "title": {"text": "Distance travelled along the fibre (mm)"},
            "range": [-0.04 * length, 1.06 * length],
        },
        "yaxis": {
            "domain": geometry.fibre_domain,
            "range": [n - 0.4, -0.7],
            "tickvals": list(range(n)),
            "ticktext": [wrap(run.row.label) for run in runs],
            "showgrid": False,
            "fixedrange": True,
        },
        "legend": {"orientation": "h", "x": 0, "y": geometry.legend_y, "yanchor": "top"},
        "annotations": annotations,
        "updatemenus": [_play_pause()],
        "sliders": [_slider(labels, geometry.slider_y)],
        "hovermode": "closest",
    }
    if result.pool is not None:
        layout["xaxis2"] = {
            "domain": [0, 1],
            "anchor": "y2",
            "range": [-0.5, result.pool.size + 0.5],
            "showticklabels": False,
            "showgrid": False,
            "showline": False,
            "ticks": "",
            "fixedrange": True,
        }
        layout["yaxis2"] = {
            "domain": geometry.muscle_domain,
            "anchor": "x2",
            "range": [-1.4, 0.7],
            "tickvals": [0],
            "ticktext": [wrap(f"Motor units of the muscle ({result.pool.size} drawn)")],
            "showgrid": False,
            "fixedrange": True,
        }
    return layout


def _note(text: str, y: float) -> dict:
    return {
        "text": wrap(text, 90),
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": y,
        "xanchor": "left",
        "yanchor": "top",
        "showarrow": False,
        "align": "left",
        "font": {"size": 12, "color": MUTED_TEXT},
    }


def _play_pause() -> dict:
    play = {
        "frame": {"duration": FRAME_MS, "redraw": False},
        "transition": {"duration": 0},
        "fromcurrent": True,
        "mode": "immediate",
    }
    pause = {
        "frame": {"duration": 0, "redraw": False},
        "transition": {"duration": 0},
        "mode": "immediate",
    }
    return {
        "type": "buttons",
        "direction": "left",
        "x": 0,
        "y": 1.0,
        "xanchor": "right",
        "yanchor": "bottom",
        "pad": {"r": 10, "t": 0},
        "showactive": False,
        "buttons": [
            {"label": "Play", "method": "animate", "args": [None, play]},
            {"label": "Pause", "method": "animate", "args": [[None], pause]},
        ],
    }


def _slider(labels: list[str], y: float) -> dict:
    step_args = {
        "frame": {"duration": 0, "redraw": False},
        "transition": {"duration": 0},
        "mode": "immediate",
    }
    return {
        "active": 0,
        "x": 0,
        "y": y,
        "len": 1.0,
        "yanchor": "top",
        "pad": {"t": 30},
        # Step labels would crowd each other; the current time is written above the slider.
        "font": {"color": "rgba(0,0,0,0)", "size": 10},
        "ticklen": 4,
        "currentvalue": {
            "prefix": "Time since the impulse set off: ",
            "font": {"size": 14, "color": TEXT},
        },
        "steps": [
            {"label": label, "method": "animate", "args": [[str(k)], step_args]}
            for k, label in enumerate(labels)
        ],
    }


# --------------------------------------------------------------------------- the whole view


@dataclass(frozen=True)
class Simulation:
    """One case as an animation plus its words, table and static snapshot."""

    result: CaseResult
    figure: go.Figure  # data and layout; the frames are kept apart
    frames: tuple[dict, ...]

    @property
    def title(self) -> str:
        return case_title(self.result)

    @property
    def caption(self) -> str:
        return caption(self.result)

    @property
    def summary(self) -> str:
        return summary(self.result)

    @property
    def readouts(self) -> tuple[Readout, ...]:
        return tuple(readout(run) for run in self.result.runs)

    def figure_json(self) -> dict:
        """What JupyterLab draws (``application/vnd.plotly.v1+json``), plain and deterministic."""
        data = self.figure.to_plotly_json()
        return {
            "data": data["data"],
            "layout": data["layout"],
            # Frames hold only what changes; plotly.js merges them into the traces.
            "frames": copy.deepcopy(list(self.frames)),
            "config": {"displaylogo": False, "responsive": True},
        }

    def full_figure(self) -> go.Figure:
        """A ``go.Figure`` with its frames, e.g. to write a standalone HTML page."""
        figure = go.Figure(self.figure)
        figure.frames = [go.Frame(frame) for frame in self.frames]
        return figure

    def table_html(self) -> html.Markup:
        return readout_table(self.result)

    def text_html(self) -> html.Markup:
        """Snapshot for readers without a kernel: the end state drawn as SVG, then words."""
        return static_html(self.result)

    def mimebundles(self) -> list[dict]:
        return [
            {PLOTLY_MIME: self.figure_json(), "text/plain": self.title},
            {"text/html": self.text_html(), "text/plain": f"{self.caption}\n{self.summary}"},
        ]

    def _ipython_display_(self):
        for bundle in self.mimebundles():
            display(bundle, raw=True)


def simulation(result: CaseResult, step: int = 0) -> Simulation:
    figure, frames = animation(result, step)
    return Simulation(result, figure, tuple(frames))


def readout_table(result: CaseResult) -> html.Markup:
    """The readouts as a table (one row per fibre), then the muscle's response."""
    header = ("Fibre", "Route", "Arrived?", "Arrival time", "What happened")
    rows = [
        (r.fibre, r.route, r.arrived_text, r.time_text, r.outcome_text)
        for r in (readout(run) for run in result.runs)
    ]
    muscle = muscle_text(result)
    return html.join(
        [
            html.data_table(
                header,
                rows,
                caption=f"Readouts: {result.case.label}",
                row_headers=True,
                class_="msals-readouts",
                cell_style={"padding": "2px 8px"},
            ),
            html.el("p", muscle, class_="msals-muscle", style={"margin": "4px 0"})
            if muscle
            else None,
        ]
    )


def _svg_words(run: Conduction) -> str:
    if run.status == ARRIVED:
        return f"arrived after {ms_text(run.arrival_ms)}"
    if run.status == BLOCKED:
        return (
            f"blocked at {mm_text(run.reached_mm)} (safety factor {run.blocking.safety_factor:.2f})"
        )
    return "no impulse: the motor neuron has died"


def _lines(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line]


def snapshot_svg(result: CaseResult) -> str:
    """The end of the animation as a small SVG: each fibre, its plaque, where the impulse got.

    Built with ElementTree, which escapes every text and attribute, like the diagram.
    """
    width, left, right, row_h = 760, 210, 24, 64
    pool = result.pool
    height = 30 + row_h * len(result.runs) + (60 if pool else 0)
    span = width - left - right
    svg = ET.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "viewBox": f"0 0 {width} {height}",
            "width": str(width),
            "height": str(height),
            "font-family": FONT_FAMILY,
        },
    )
    ET.SubElement(svg, "rect", {"width": "100%", "height": "100%", "fill": BACKGROUND})
    dashes = {"thin": "8 5", "lost": "2 5", "new": "10 4 2 4"}
    widths = {"healthy": "10", "thin": "6", "lost": "3", "new": "8"}

    def add(tag: str, text: str | None = None, **attrs) -> ET.Element:
        element = ET.SubElement(svg, tag, {k.replace("_", "-"): str(v) for k, v in attrs.items()})
        element.text = text
        return element

    for i, run in enumerate(result.runs):
        fibre = run.fibre
        y = 36 + row_h * i
        label = add("text", None, x=8, y=y - 4, font_size=13, fill=TEXT)
        for k, line in enumerate(_lines(run.row.label, 28)[:2]):
            tspan = ET.SubElement(label, "tspan", {"x": "8", "dy": "0" if k == 0 else "16"})
            tspan.text = line
        scale = span / fibre.length_mm

        def x_of(mm: float, scale=scale) -> float:
            return round(left + mm * scale, 1)

        words = _svg_words(run)
        if run.status == NO_SIGNAL:
            add(
                "line",
                x1=left,
                y1=y,
                x2=left + span,
                y2=y,
                stroke=LOST_COLOUR,
                stroke_width=2,
                stroke_dasharray="2 5",
            )
            add("text", words, x=left + 6, y=y - 10, font_size=12, fill=TEXT)
            continue
        stretches = _stretches(run) if fibre.myelinated else [(0.0, fibre.length_mm, "none")]
        for start, end, kind in stretches:
            attrs = {
                "x1": x_of(start),
                "y1": y,
                "x2": x_of(end),
                "y2": y,
                "stroke": MYELIN_COLOUR if kind in ("healthy", "none") else MS.colour,
                "stroke_width": widths.get(kind, "2"),
            }
            if kind in dashes:
                attrs["stroke_dasharray"] = dashes[kind]
            add("line", **attrs)
        x = x_of(run.reached_mm)
        if run.status == BLOCKED:
            add(
                "path",
                d=f"M{x - 7},{y - 7} L{x + 7},{y + 7} M{x - 7},{y + 7} L{x + 7},{y - 7}",
                stroke=TEXT,
                stroke_width=3,
            )
        else:
            add("circle", cx=x, cy=y, r=7, fill=TEXT)
        anchor = "end" if x > left + span / 2 else "start"
        add("text", words, x=x, y=y - 12, font_size=12, text_anchor=anchor, fill=TEXT)
        add("text", fibre.start, x=left, y=y + 22, font_size=11, fill=MUTED_TEXT)
        add(
            "text",
            fibre.end,
            x=left + span,
            y=y + 22,
            font_size=11,
            fill=MUTED_TEXT,
            text_anchor="end",
        )
    if pool is not None:
        y = 36 + row_h * len(result.runs) + 10
        add("text", f"Motor units ({pool.size} drawn)", x=8, y=y + 4, font_size=13, fill=TEXT)
        step = span / pool.size
        radius = round(4 + 3 * pool.unit_size**0.5, 1)
        for k in range(pool.size):
            cx = round(left + step * (k + 0.5), 1)
            if k < pool.survivors:
                add(
                    "circle",
                    cx=cx,
                    cy=y,
                    r=radius,
                    fill=ALS.colour if result.case.disease == "als" else HEALTHY_COLOUR,
                    stroke=TEXT,
                    stroke_width=1,
                )
            else:
                add(
                    "path",
                    d=f"M{cx - 5},{y - 5} L{cx + 5},{y + 5} M{cx - 5},{y + 5} L{cx + 5},{y - 5}",
                    stroke=TEXT,
                    stroke_width=2,
                )
        add(
            "text",
            "circles: working units (bigger = more muscle fibres); crosses: units lost",
            x=left,
            y=y + 28,
            font_size=12,
            fill=TEXT,
        )
        add(
            "text",
            f"Muscle response: {percent(pool.response)} of normal",
            x=8,
            y=y + 28,
            font_size=12,
            fill=TEXT,
        )
    return ET.tostring(svg, encoding="unicode")


def static_html(result: CaseResult) -> html.Markup:
    """What a reader without a kernel sees: the end state as a picture, then the words."""
    return html.box(
        html.el("p", html.el("strong", case_title(result))),
        html.picture(snapshot_svg(result), alt=summary(result), class_="msals-conduction-picture"),
        html.el("p", summary(result), class_="msals-summary"),
        readout_table(result),
        html.muted(caption(result), tag="p", style={"font-size": "0.9em"}),
        class_="msals-conduction-static",
    )
