"""The conduction simulator's animation, words, snapshot and widget show what the model says."""

from __future__ import annotations

import json
import re

import ipywidgets
import nbformat
import pytest

from widgets import ConductionSimulator
from widgets.conduction import ARRIVED, BLOCKED, NO_SIGNAL, load_model, simulate
from widgets.conduction_figures import (
    FRAMES,
    frame_times,
    ms_text,
    percent,
    readout,
    time_labels,
)
from widgets.simulator import conduction_case

MODEL = load_model()
CASES = list(MODEL.case_ids)
LIMIT = 60_000  # bytes per stored animation (issue 15)


def dumped(view) -> str:
    return json.dumps(view.figure_json(), sort_keys=True)


def stored_bytes(view) -> int:
    """Bytes the animation adds to a notebook file, written the way nbformat writes it."""
    cell = nbformat.v4.new_code_cell("x")
    empty = nbformat.v4.new_notebook(cells=[cell])
    full = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x")])
    full.cells[0].outputs = [nbformat.v4.new_output("display_data", data=view.mimebundles()[0])]
    return len(nbformat.writes(full).encode()) - len(nbformat.writes(empty).encode())


def impulse_traces(figure: dict) -> list[int]:
    return [i for i, t in enumerate(figure["data"]) if t.get("name") == "impulse"]


def final_markers(figure: dict) -> list[dict]:
    """The impulse marker of each moving fibre in the last frame, in row order."""
    last = figure["frames"][-1]
    wanted = set(impulse_traces(figure))
    return [d for d, i in zip(last["data"], last["traces"], strict=True) if i in wanted]


def plain(text: str) -> str:
    return re.sub(r"<[^>]+>", " ", text).replace("&#x27;", "'").replace("&amp;", "&")


@pytest.mark.parametrize("case", CASES)
def test_animation_is_small_deterministic_and_never_autoplays(case):
    first, second = conduction_case(case), conduction_case(case)
    assert dumped(first) == dumped(second)
    size = stored_bytes(first)
    assert len(dumped(first).encode()) < size <= LIMIT, f"{case}: {size} bytes"
    figure = first.figure_json()
    layout = figure["layout"]
    assert len(json.dumps(layout["template"])) < 1200  # our own template, not plotly's
    assert len(figure["frames"]) == FRAMES + 1
    buttons = layout["updatemenus"][0]["buttons"]
    assert [b["label"] for b in buttons] == ["Play", "Pause"]
    steps = layout["sliders"][0]["steps"]
    assert [s["args"][0] for s in steps] == [[f["name"]] for f in figure["frames"]]
    assert "autoplay" not in json.dumps(figure)
    assert "illustrative" in layout["title"]["text"]
    assert "Illustrative model" in plain(layout["annotations"][0]["text"])


@pytest.mark.parametrize("case", CASES)
def test_figure_summary_and_snapshot_show_what_the_model_says(case):
    view = conduction_case(case)
    result = simulate(case, MODEL)
    figure = view.figure_json()
    markers = final_markers(figure)
    moving = [run for run in result.runs if run.status != NO_SIGNAL]
    assert len(markers) == len(moving)
    snapshot = plain(view.text_html())
    end = frame_times(result)[-1]
    for marker, run in zip(markers, moving, strict=True):
        text = marker["text"][0]
        assert marker["x"][0] == pytest.approx(run.position_at(end), abs=0.01)
        if run.status == BLOCKED:
            assert marker["x"][0] == pytest.approx(run.reached_mm, abs=0.01)
            assert marker["marker"]["symbol"] == "x"
            assert text == f"blocked (safety factor {run.blocking.safety_factor:.2f})"
        elif run.arrival_ms <= end:
            assert marker["x"][0] == pytest.approx(run.fibre.length_mm)
            assert marker["marker"]["symbol"] == "circle"
            assert text == f"arrived: {ms_text(run.arrival_ms)}"
        else:  # a comparison fibre still on its way when the animation ends
            assert run.row.reference
            assert text == f"still on its way: arrives after {ms_text(run.arrival_ms)}"
    for run in result.runs:
        words = readout(run).outcome_text
        assert words in view.summary
        assert words in snapshot
        if run.arrived:
            assert ms_text(run.arrival_ms) in view.summary
    if result.pool is not None:
        assert f"{percent(result.pool.response)} of normal" in view.summary
        assert f"{percent(result.pool.response)} of normal" in snapshot
        muscle_text = figure["frames"][-1]["data"][-1]["text"][0]
        assert f"{percent(result.pool.response)} of normal" in muscle_text


def test_each_case_tells_its_story():
    outcome = {case: simulate(case, MODEL) for case in CASES}
    statuses = {case: [run.status for run in r.runs] for case, r in outcome.items()}
    assert statuses["healthy"] == [ARRIVED, ARRIVED]
    assert statuses["ms_partial"] == [ARRIVED, ARRIVED]
    assert statuses["ms_complete"] == [BLOCKED, ARRIVED]
    assert statuses["ms_warm"] == [ARRIVED, BLOCKED]
    assert statuses["ms_recovered"] == [ARRIVED, ARRIVED]
    assert statuses["als_early"] == [ARRIVED]
    assert statuses["als_late"] == [NO_SIGNAL, ARRIVED]
    slower = [c for c in ("ms_partial", "ms_recovered") if outcome[c].runs[0].arrival_ms]
    for case in slower:
        assert outcome[case].runs[0].arrival_ms > outcome[case].runs[1].arrival_ms
    assert "fasciculations" in conduction_case("als_early").summary
    assert "the motor neuron has died" in conduction_case("als_late").summary


def test_colour_is_never_the_only_cue():
    figure = conduction_case("ms_warm").figure_json()
    dashes = {
        t["name"]: t["line"].get("dash")
        for t in figure["data"]
        if t.get("mode") == "lines" and "line" in t
    }
    assert dashes["healthy myelin"] == "solid"
    assert dashes["plaque: myelin thinned"] == "dash"
    complete = conduction_case("ms_complete").figure_json()
    assert {"plaque: myelin lost": "dot"}.items() <= {
        t["name"]: t["line"].get("dash") for t in complete["data"] if "line" in t
    }.items()
    # a blocked impulse is an X with words beside it, an arriving one a circle with its time
    markers = final_markers(figure)
    assert markers[0]["marker"]["symbol"] == "circle" and "arrived" in markers[0]["text"][0]
    assert markers[1]["marker"]["symbol"] == "x" and "blocked" in markers[1]["text"][0]
    ticks = figure["layout"]["yaxis"]["ticktext"]
    assert any("cool" in t for t in ticks) and any("warmed" in t for t in ticks)


def test_saltatory_marker_jumps_from_node_to_node():
    figure = conduction_case("ms_partial").figure_json()
    result = simulate("ms_partial", MODEL)
    nodes = {round(x, 2) for x in result.runs[0].node_mm}
    first = impulse_traces(figure)[0]
    for frame in figure["frames"]:
        marker = next(d for d, i in zip(frame["data"], frame["traces"], strict=True) if i == first)
        assert round(marker["x"][0], 2) in nodes


def test_widget_shows_the_model_for_each_case_and_updates_in_place():
    sim = ConductionSimulator(case="healthy")
    picker = next(c for c in sim.children if isinstance(c, ipywidgets.Dropdown))
    assert [value for _, value in picker.options] == CASES  # a native select: keyboard usable
    seen = set()
    for case in CASES:
        picker.value = case  # what a student does
        assert sim.case == case
        view = conduction_case(case)
        assert sim.summary() == view.summary
        assert sim.figure_json() == view.figure_json()
        assert view.summary in plain(sim._panel.value)
        assert 'aria-live="polite"' in sim._panel.value
        assert sim.static_html() == view.text_html()
        bundle = sim._repr_mimebundle_()
        assert bundle["text/plain"] == view.summary
        seen.add(sim.summary())
    assert len(seen) == len(CASES)


def test_widget_rejects_bad_arguments_naming_the_allowed_values():
    with pytest.raises(ValueError, match="case must be one of 'healthy', 'ms_partial'.*'als_late'"):
        ConductionSimulator(case="ms")
    sim = ConductionSimulator()
    with pytest.raises(ValueError, match="case must be one of"):
        sim.case = "flu"
    assert sim.case == "healthy"
    with pytest.raises(ValueError, match="case must be one of"):
        conduction_case("warm")


def test_text_from_data_is_escaped(edit_data):
    def change(document):
        document["cases"][0]["label"] = "Healthy <script>alert(1)</script> & fast"
        document["cases"][0]["rows"][0]["label"] = "Motor <b>fibre</b>"

    edit_data("conduction", change)
    sim = ConductionSimulator(case="healthy")
    for html in (sim.static_html(), sim._panel.value):
        assert "<script>" not in html and "<b>" not in html
        assert "&lt;script&gt;" in html
    figure = json.dumps(sim.figure_json())
    assert "<script>" not in figure and "<b>fibre" not in figure


def test_static_copy_keeps_the_frames_so_the_animation_plays_without_a_kernel():
    from scripts.export_static import plot_html

    figure = conduction_case("ms_complete").figure_json()
    page = plot_html("p1", figure)
    payload = json.loads(page.split("var f=", 1)[1].split(";Plotly.newPlot", 1)[0])
    assert payload["frames"] == json.loads(json.dumps(figure["frames"]))
    assert "frames:f.frames" in page


def test_time_menu_steps_through_the_frames_for_keyboard_users():
    sim = ConductionSimulator(case="ms_complete")
    menu = sim._time
    assert isinstance(menu, ipywidgets.Dropdown)
    result = simulate("ms_complete", MODEL)
    assert [label for label, _ in menu.options] == time_labels(result)
    assert sim.figure_json()["layout"]["sliders"][0]["active"] == 0
    assert "about to set off from the eye" in sim._moment.value
    menu.value = FRAMES  # the last frame, chosen from the keyboard
    figure = sim.figure_json()
    assert figure["layout"]["sliders"][0]["active"] == FRAMES
    blocked, reference = final_markers_from_data(figure)
    assert blocked["x"][0] == pytest.approx(20) and blocked["marker"]["symbol"] == "x"
    assert reference["x"][0] == pytest.approx(50)
    assert "stopped at 20 mm, blocked" in sim._moment.value
    assert "arrived at the brain" in sim._moment.value
    assert 'aria-live="polite"' in sim._moment.value
    sim.case = "healthy"  # a new case starts again before the impulse leaves
    assert sim.step == 0 and menu.value == 0
    with pytest.raises(ValueError, match="step must be a whole number from 0 to 24"):
        sim.step = 99
    with pytest.raises(ValueError, match="step must be a whole number from 0 to 24"):
        ConductionSimulator(step=-1)


def final_markers_from_data(figure: dict) -> list[dict]:
    """The impulse markers as drawn before any frame is played."""
    return [t for t in figure["data"] if t.get("name") == "impulse"]
