"""Every lesson, in real JupyterLab in Chromium: restart, run all, and look at the page.

New lessons are covered automatically (parametrized over ``lessons/*.ipynb``). What a
lesson must show is read from its stored outputs: as many widget views and plotly
charts as ``make refresh`` stored.
"""

from __future__ import annotations

import json

import pytest

from tests.browser.jupyter import BROKEN_WIDGET_TEXTS, error_outputs, expected_outputs, safe_name
from tests.notebook_tools import lesson_paths
from widgets.at_a_glance import load_topics

pytestmark = pytest.mark.browser

LESSON_PATHS = lesson_paths()


@pytest.fixture(params=LESSON_PATHS, ids=[p.stem for p in LESSON_PATHS])
def lesson(request):
    return request.param


@pytest.mark.lesson("00_start_here")
def test_the_lesson_kernel_uses_the_copied_package_and_data(lessons, repo_copy):
    """The server's kernels import widgets from the temporary copy and read its data/.

    The package is installed editable from the checkout; the server puts the copy first
    on PYTHONPATH, so that a test may change a widget in the copy without touching the
    checkout. Asked of the very kernel that runs lesson 00.
    """
    notebook = lessons.open("lessons/00_start_here.ipynb")
    printed = notebook.kernel_stdout(
        "import json, os, widgets, widgets.content as c, widgets.at_a_glance as g\n"
        "print(json.dumps([widgets.__file__, str(c.data_dir()), os.getcwd(),"
        " len(g.load_topics())]))"
    )
    package_file, data_dir, cwd, topics = json.loads(printed)
    assert package_file == str(repo_copy / "widgets" / "__init__.py")
    assert data_dir == str(repo_copy / "data")
    assert cwd == str(repo_copy / "lessons")
    assert topics == len(load_topics()) > 0


def test_lesson_runs_clean_and_draws_everything(lessons, lesson):
    notebook = lessons.open(f"lessons/{lesson.name}", pristine=True)
    expected = expected_outputs(lesson)
    rendered = notebook.wait_rendered(expected)
    notebook.screenshot(f"lab-{safe_name(lesson.stem)}")
    cells = lessons.report["cells"]

    # A fresh kernel ran every code cell once, in order.
    counts = [c["count"] for c in cells if c["source"].strip()]
    assert counts == list(range(1, len(counts) + 1)), counts
    assert len(cells) == expected["code_cells"]
    assert error_outputs(lessons.report) == []

    # Every widget view is drawn, with no "Loading widget..." or error left.
    assert rendered["views"] == expected["widgets"], rendered["viewTexts"]
    assert rendered["viewsRendered"] == rendered["views"], rendered["viewTexts"]
    for text in BROKEN_WIDGET_TEXTS:
        assert text not in rendered["text"]
    # Every widget of ours carries the DOM contract's root class.
    assert rendered["msalsWidgets"] >= expected["widgets"]
    # Every plotly output is drawn (SVG present, data loaded), and so is any chart inside
    # a widget.
    assert rendered["plotlyOutputs"] == expected["plotly"]
    assert rendered["plotlyOutputsDrawn"] == expected["plotly"]
    assert rendered["plotsDrawn"] == rendered["plots"]

    ours, foreign = notebook.errors()
    for error in foreign:
        print(f"ignored (not from the lesson's code): {error}")
    assert ours == [], "console errors while running the lesson"
