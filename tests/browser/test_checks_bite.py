"""The explorer, timeline and quiz checks pass on a working widget and fail on a broken one.

Uses the stand-ins of ``mock_widgets.py`` (same DOM contract as the real widgets), in
notebooks written into the server's temporary copy: each shows a working widget, then a
broken one whose front end no longer follows its control.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest

from tests.browser import checks
from tests.browser.checks import (
    check_explorer,
    check_quiz,
    check_summary_follows,
    check_timeline,
    tag_roots,
)
from tests.browser.mock_widgets import MockExplorer

pytestmark = pytest.mark.browser

# A working widget updates in well under a second; don't wait 10 s for a broken one.
BROKEN_WAIT_MS = 2_000


@pytest.fixture
def mock_notebook(repo_copy):
    def write(class_name: str) -> str:
        folder = repo_copy / "checks"
        folder.mkdir(exist_ok=True)
        shutil.copy(Path(__file__).with_name("mock_widgets.py"), folder / "mock_widgets.py")
        notebook = nbformat.v4.new_notebook()
        notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
        notebook.cells = [
            nbformat.v4.new_code_cell(f"from mock_widgets import {class_name}"),
            nbformat.v4.new_code_cell(f"{class_name}()"),
            nbformat.v4.new_code_cell(f"{class_name}(broken=True)"),
        ]
        nbformat.write(notebook, folder / f"{class_name}.ipynb")
        return f"checks/{class_name}.ipynb"

    return write


def test_explorer_check_bites(lessons, mock_notebook, monkeypatch):
    notebook = lessons.use(mock_notebook("MockExplorer"))
    page = notebook.page
    working, broken = tag_roots(page, "msals-explorer")
    assert check_explorer(page, working, MockExplorer) == 3
    assert check_explorer(page, working, MockExplorer, keyboard=True) == 3
    assert check_summary_follows(page, working) == ["toggle"]
    monkeypatch.setattr(checks, "UPDATE_TIMEOUT_MS", BROKEN_WAIT_MS)
    with pytest.raises(AssertionError, match=r"after choosing 'ALS': highlighted \{\}, expected"):
        check_explorer(page, broken, MockExplorer)
    with pytest.raises(AssertionError, match="did not change the summary"):
        check_summary_follows(page, broken)


def test_timeline_check_bites(lessons, mock_notebook, monkeypatch):
    notebook = lessons.use(mock_notebook("MockTimeline"))
    page = notebook.page
    working, broken = tag_roots(page, "msals-timeline")
    page.locator(f"{broken} .js-plotly-plot .main-svg").first.wait_for()
    assert check_timeline(page, working) == ["slider"]
    monkeypatch.setattr(checks, "UPDATE_TIMEOUT_MS", BROKEN_WAIT_MS)
    with pytest.raises(AssertionError, match="changing the slider did not redraw the chart"):
        check_timeline(page, broken)


def test_quiz_check_bites(lessons, mock_notebook, monkeypatch):
    notebook = lessons.use(mock_notebook("MockQuiz"))
    page = notebook.page
    working, broken = tag_roots(page, "msals-quiz")
    assert check_quiz(page, working) == "Right: MS attacks myelin."
    monkeypatch.setattr(checks, "UPDATE_TIMEOUT_MS", BROKEN_WAIT_MS)
    with pytest.raises(AssertionError, match="no feedback after answering"):
        check_quiz(page, broken)
