"""The conduction simulator in real JupyterLab: Play moves the impulse, the case menu redraws.

The lessons that will use the simulator belong to another change, so this test writes a
small notebook of its own into the served copy of the repository (one import, one call,
as a lesson cell would be) and opens it with the shared JupyterLab server and page.
Expected positions and words come from the Python model, never from the page.
"""

from __future__ import annotations

import contextlib

import nbformat
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from widgets.conduction import load_model, simulate
from widgets.conduction_figures import FRAMES, time_labels
from widgets.simulator import conduction_case

pytestmark = pytest.mark.browser

PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
ROOT = f"{PANEL} .msals-widget.msals-conduction"
NOTEBOOK = "simulator_check.ipynb"
# The play animation: FRAMES steps of 150 ms each, plus time for the page to draw them.
PLAY_TIMEOUT_MS = 30_000

JS_IMPULSES = """(root) => {
  const plot = document.querySelector(root).querySelector('.js-plotly-plot');
  if (!plot || !plot.data) return null;
  const impulses = plot.data.filter(t => t.name === 'impulse');
  const slider = (plot.layout.sliders || [])[0];
  return {
    x: impulses.map(t => t.x[0]),
    symbols: impulses.map(t => (t.marker || {}).symbol),
    texts: impulses.map(t => (t.text || [''])[0]),
    active: slider ? slider.active : null,
    title: plot.layout.title.text,
  };
}"""


@pytest.fixture(scope="module")
def simulator_notebook(repo_copy):
    cell = nbformat.v4.new_code_cell(
        'from widgets import ConductionSimulator\nConductionSimulator(case="healthy")'
    )
    notebook = nbformat.v4.new_notebook(cells=[cell])
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    nbformat.write(notebook, repo_copy / NOTEBOOK)
    return NOTEBOOK


def impulses(page) -> dict | None:
    return page.evaluate(JS_IMPULSES, ROOT)


def wait_for_impulses(page, xs: list[float], symbols: list[str] | None = None) -> dict:
    """Wait until every impulse marker sits at ``xs`` (and has ``symbols``); return the state.

    Within 0.1 mm: an expected position is computed at a frame time read back from its
    label, which is rounded for display (13.8 mm expected where the frame shows 13.75 mm
    made a stricter wait sit out its whole timeout). The callers assert the exact values.
    """
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(
            """([root, xs, symbols]) => {
              const plot = document.querySelector(root).querySelector('.js-plotly-plot');
              if (!plot || !plot.data) return false;
              const imp = plot.data.filter(t => t.name === 'impulse');
              return imp.length === xs.length
                && imp.every((t, i) => Math.abs(t.x[0] - xs[i]) < 0.1)
                && (!symbols || imp.every((t, i) => t.marker.symbol === symbols[i]));
            }""",
            arg=[ROOT, xs, symbols],
            timeout=PLAY_TIMEOUT_MS,
        )
    return impulses(page)


def click_play(page) -> None:
    play = page.locator(f"{ROOT} .updatemenu-button").filter(has_text="Play").first
    play.scroll_into_view_if_needed()
    play.click()


def summary_text(page) -> str:
    return page.locator(f"{ROOT} .msals-summary").first.text_content().strip()


def test_play_moves_the_impulse_to_the_end_or_to_the_plaque(lessons, simulator_notebook):
    notebook = lessons.use(simulator_notebook)
    page = notebook.page
    assert notebook.errors()[0] == []
    model = load_model()
    page.wait_for_selector(f"{ROOT} .js-plotly-plot .main-svg")

    # Healthy: nothing moves until Play (no autoplay), then the impulse reaches the muscle.
    healthy = simulate("healthy", model)
    before = impulses(page)
    assert before["x"] == [0, 0], f"the impulse moved before Play: {before}"
    assert summary_text(page) == conduction_case("healthy", model).summary
    click_play(page)
    end_time = float(time_labels(healthy)[-1].split()[0])
    expected = [run.position_at(end_time) for run in healthy.runs]
    after = wait_for_impulses(page, expected)
    assert after["x"][0] == pytest.approx(healthy.main.fibre.length_mm), after
    assert after["texts"][0].startswith("arrived"), after
    assert after["active"] == FRAMES, after

    # The case menu redraws the picture and the summary: complete demyelination.
    page.locator(f"{ROOT} select").first.select_option(label=model.case("ms_complete").label)
    blocked_summary = conduction_case("ms_complete", model).summary
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(
            "([root, text]) => document.querySelector(root)"
            ".querySelector('.msals-summary').textContent.trim() === text",
            arg=[ROOT, blocked_summary],
            timeout=10_000,
        )
    assert summary_text(page) == blocked_summary
    page.wait_for_function(
        "([root, title]) => { const p = document.querySelector(root)"
        ".querySelector('.js-plotly-plot'); return p && p.layout && "
        "p.layout.title.text.startsWith(title); }",
        arg=[ROOT, model.case("ms_complete").label],
    )
    assert impulses(page)["x"] == [0, 0]
    click_play(page)
    complete = simulate("ms_complete", model)
    plaque_start = complete.main.row.plaque.start_mm
    after = wait_for_impulses(
        page, [plaque_start, complete.runs[1].fibre.length_mm], ["x", "circle"]
    )
    assert after["x"][0] == pytest.approx(plaque_start), f"did not stop at the plaque: {after}"
    assert after["symbols"][0] == "x" and "blocked" in after["texts"][0], after
    assert after["x"][1] == pytest.approx(50), after
    notebook.screenshot("simulator-blocked")
    assert notebook.errors()[0] == []


def test_time_menu_steps_the_animation_from_the_keyboard(lessons, simulator_notebook):
    notebook = lessons.use(simulator_notebook)
    page = notebook.page
    model = load_model()
    menus = page.locator(f"{ROOT} select")
    menus.first.select_option(label=model.case("ms_warm").label)
    page.wait_for_function(
        "([root, title]) => { const p = document.querySelector(root)"
        ".querySelector('.js-plotly-plot'); return p && p.layout && "
        "p.layout.title.text.startsWith(title); }",
        arg=[ROOT, model.case("ms_warm").label],
    )
    time_menu = menus.nth(1)
    time_menu.focus()
    page.keyboard.press("End")  # a native select: the last time with the keyboard alone
    warm = simulate("ms_warm", model)
    cool_run, warm_run = warm.runs
    after = wait_for_impulses(page, [cool_run.fibre.length_mm, warm_run.reached_mm])
    assert after["symbols"] == ["circle", "x"], after
    assert after["active"] == FRAMES, after
    moment = page.locator(f"{ROOT} .msals-moment").first.text_content()
    assert "blocked" in moment and "arrived" in moment, moment
    assert notebook.errors()[0] == []


def test_no_serious_accessibility_violations_and_readable_contrast(lessons, simulator_notebook):
    from axe_playwright_python.sync_playwright import Axe

    from tests.browser.test_accessibility import (
        FAILING_IMPACTS,
        JS_LOW_CONTRAST,
        OUTPUT,
        audit_outputs,
        describe,
    )

    notebook = lessons.use(simulator_notebook)
    page = notebook.page
    model = load_model()
    page.locator(f"{ROOT} select").first.select_option(label=model.case("als_early").label)
    page.wait_for_function(
        "([root, title]) => { const p = document.querySelector(root)"
        ".querySelector('.js-plotly-plot'); return p && p.layout && "
        "p.layout.title.text.startsWith(title); }",
        arg=[ROOT, model.case("als_early").label],
    )
    violations, applied, outputs = audit_outputs(page, Axe())
    assert outputs > 0 and applied, "axe checked nothing"
    failing = [describe(v) for v in violations if v["impact"] in FAILING_IMPACTS]
    assert failing == [], "\n".join(failing)
    contrast = page.evaluate(JS_LOW_CONTRAST, OUTPUT)
    assert contrast["checked"] > 10
    assert contrast["found"] == [], "text contrast too low:\n" + "\n".join(contrast["found"])
