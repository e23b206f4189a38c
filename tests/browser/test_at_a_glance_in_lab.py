"""Lesson 00's AtAGlance toggle, used by mouse and by keyboard in JupyterLab.

Also shows that these checks catch a broken widget: in the server's temporary copy, a
notebook builds an AtAGlance whose toggle no longer redraws the table, and the same
check must then fail.
"""

from __future__ import annotations

import nbformat
import pytest

from tests.browser import checks
from tests.browser.checks import (
    check_glance_by_keyboard,
    check_glance_by_mouse,
    glance_shows,
    glance_state,
)
from widgets.at_a_glance import CHOICES

pytestmark = pytest.mark.browser

LESSON = "lessons/00_start_here.ipynb"
GLANCE = ".jp-NotebookPanel:not(.lm-mod-hidden) .msals-widget.msals-glance"
BROKEN = "checks/broken_glance.ipynb"


@pytest.mark.lesson("00_start_here")
def test_lesson_00_opens_on_the_comparison(lessons):
    notebook = lessons.open(LESSON)
    assert notebook.page.locator(GLANCE).count() == 1
    assert glance_shows(glance_state(notebook.page, GLANCE), "compare") == []


@pytest.mark.lesson("00_start_here")
def test_each_toggle_changes_the_table_by_mouse(lessons):
    notebook = lessons.use(LESSON)
    assert sorted(check_glance_by_mouse(notebook.page, GLANCE)) == sorted(CHOICES)
    assert notebook.errors()[0] == []


@pytest.mark.lesson("00_start_here")
def test_each_toggle_changes_the_table_by_keyboard_alone(lessons):
    notebook = lessons.use(LESSON)
    assert sorted(check_glance_by_keyboard(notebook.page, GLANCE)) == sorted(CHOICES)
    assert notebook.errors()[0] == []


@pytest.fixture
def broken_glance(repo_copy):
    """A notebook in the server's copy whose AtAGlance toggle no longer redraws."""
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    notebook.cells = [
        nbformat.v4.new_code_cell("import widgets.at_a_glance as glance"),
        # Broken on purpose: without its observer the view changes but the table stays.
        nbformat.v4.new_code_cell("glance.AtAGlance._on_disease = lambda self, change: None"),
        nbformat.v4.new_code_cell('glance.AtAGlance(disease="compare")'),
    ]
    path = repo_copy / BROKEN
    path.parent.mkdir(exist_ok=True)
    nbformat.write(notebook, path)
    return BROKEN


def test_a_toggle_that_no_longer_redraws_fails_the_checks(lessons, broken_glance, monkeypatch):
    monkeypatch.setattr(checks, "UPDATE_TIMEOUT_MS", 2_000)  # a working one needs < 0.1 s
    notebook = lessons.use(broken_glance)
    assert notebook.page.locator(GLANCE).count() == 1
    with pytest.raises(AssertionError, match="after clicking 'MS': header badges"):
        check_glance_by_mouse(notebook.page, GLANCE)
    with pytest.raises(AssertionError, match="after pressing .* on '.*': header badges"):
        check_glance_by_keyboard(notebook.page, GLANCE)
