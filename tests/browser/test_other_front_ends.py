"""The same lessons in Jupyter Notebook 7 and in Voila (app mode, no code cells shown).

A teacher may project a lesson with Voila, and some students open notebooks in the
classic-looking Notebook 7. At least lesson 00 must render and respond in both; the
explorer (lesson 02) and timeline (lesson 04) checks run once those widgets are merged.
"""

from __future__ import annotations

import pytest

from tests.browser.checks import check_explorer, check_glance_by_mouse, check_timeline
from tests.browser.jupyter import (
    LabNotebook,
    error_outputs,
    expected_outputs,
    split_console_errors,
)
from tests.browser.test_lesson_widgets_in_lab import widget_lessons
from tests.notebook_tools import LESSONS

pytestmark = pytest.mark.browser

GLANCE = ".msals-widget.msals-glance"


def first_root(page, css_class: str) -> str:
    page.locator(f".msals-widget.{css_class}").first.wait_for(state="visible", timeout=90_000)
    page.evaluate(
        "(cls) => document.querySelector(`.msals-widget.${cls}`)"
        ".setAttribute('data-test-root', 'first')",
        css_class,
    )
    return '[data-test-root="first"]'


def run_check(page, css_class: str, classes) -> None:
    root = first_root(page, css_class)
    if css_class == "msals-glance":
        check_glance_by_mouse(page, root)
    elif css_class == "msals-explorer":
        assert check_explorer(page, root, classes[0]) >= 2
    else:
        assert check_timeline(page, root)


def lesson_for(css_class: str, preferred: str):
    """(lesson path, widget classes) to check, or skip while the widget is not merged."""
    if css_class == "msals-glance":
        return LESSONS / "00_start_here.ipynb", None
    classes, used = widget_lessons(css_class)
    named = [p for p in used if p.name.startswith(preferred)]
    return (named or used)[0], classes


CASES = [("msals-glance", "00"), ("msals-explorer", "02"), ("msals-timeline", "04")]
IDS = ["glance-00", "explorer-02", "timeline-04"]


@pytest.mark.parametrize(("css_class", "preferred"), CASES, ids=IDS)
def test_lesson_renders_and_responds_in_notebook_7(
    notebook7_server, fresh_page, css_class, preferred
):
    lesson, classes = lesson_for(css_class, preferred)
    notebook = LabNotebook(fresh_page, notebook7_server, f"lessons/{lesson.name}")
    try:
        notebook.open()
        report = notebook.restart_and_run_all()
        assert error_outputs(report) == []
        rendered = notebook.wait_rendered(expected_outputs(lesson))
        assert rendered["viewsRendered"] == rendered["views"] > 0
        notebook.screenshot(f"notebook7-{lesson.stem}")
        run_check(fresh_page, css_class, classes)
        assert notebook.errors()[0] == []
    finally:
        notebook7_server.shutdown_kernels()


@pytest.mark.parametrize(("css_class", "preferred"), CASES, ids=IDS)
def test_lesson_renders_and_responds_in_voila(voila_server, fresh_page, css_class, preferred):
    lesson, classes = lesson_for(css_class, preferred)
    errors: list[str] = []
    fresh_page.on(
        "console",
        lambda m: errors.append(f"{m.text} ({m.location.get('url')})") if m.type == "error" else 0,
    )
    fresh_page.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
    fresh_page.goto(voila_server.url(f"/voila/render/lessons/{lesson.name}"))
    run_check(fresh_page, css_class, classes)
    # App mode: the prose is there, the code is not, and no cell failed.
    body = fresh_page.inner_text("body")
    assert "Key points" in body
    assert "from widgets import" not in body
    assert "Traceback" not in body
    fresh_page.screenshot(path=str(voila_artifact(lesson.stem)))
    ours, _ = split_console_errors(errors, voila_server.base)
    assert ours == []


def voila_artifact(stem: str):
    from tests.browser.jupyter import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / f"voila-{stem}.png"
