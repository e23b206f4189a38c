"""The explorer, timeline, quiz and symptoms widgets, used as a student would in JupyterLab.

Written against the DOM contract (HELPER_BRIEF.md). Each test runs once per lesson that
calls the widget (found in the lessons' code), so the tests of one lesson share its
single restart-and-run-all (see ``run_order`` in conftest.py).
"""

from __future__ import annotations

import pytest

from tests.browser.checks import (
    check_explorer,
    check_quiz,
    check_summary_follows,
    check_timeline,
    lessons_with,
)
from tests.notebook_tools import lesson_paths
from widgets import NervousSystemExplorer, ProgressionTimelines, Quiz, SymptomExplorer

pytestmark = pytest.mark.browser

PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"


def used_by(widget_class: type) -> list:
    """The lessons that call ``widget_class``; a widget no lesson shows is a mistake."""
    used = lessons_with(widget_class, lesson_paths())
    assert used, f"no lesson calls {widget_class.__name__}"
    return used


def stems(paths) -> list[str]:
    return [p.stem for p in paths]


EXPLORER_LESSONS = used_by(NervousSystemExplorer)
TIMELINE_LESSONS = used_by(ProgressionTimelines)
QUIZ_LESSONS = used_by(Quiz)
SYMPTOM_LESSONS = used_by(SymptomExplorer)


def tag_roots(page, css_class: str, required: bool = True) -> list[str]:
    """A unique selector for each widget root of ``css_class`` in the open lesson."""
    count = page.evaluate(
        """([panel, cls]) => {
          const roots = [...document.querySelectorAll(`${panel} .msals-widget.${cls}`)];
          roots.forEach((r, i) => r.setAttribute('data-test-root', `${cls}-${i}`));
          return roots.length;
        }""",
        [PANEL, css_class],
    )
    assert count > 0 or not required, f"no .msals-widget.{css_class} in the page"
    return [f'[data-test-root="{css_class}-{i}"]' for i in range(count)]


@pytest.mark.parametrize("lesson", EXPLORER_LESSONS, ids=stems(EXPLORER_LESSONS))
@pytest.mark.parametrize("keyboard", [False, True], ids=["mouse", "keyboard"])
def test_explorer_toggles_highlight_exactly_the_damaged_parts(lessons, lesson, keyboard):
    notebook = lessons.use(f"lessons/{lesson.name}")
    for root in tag_roots(notebook.page, "msals-explorer"):
        # Each toggle checked against the Python side (a default instance of the class).
        assert check_explorer(notebook.page, root, NervousSystemExplorer, keyboard=keyboard) >= 2
    assert notebook.errors()[0] == []


@pytest.mark.parametrize("lesson", TIMELINE_LESSONS, ids=stems(TIMELINE_LESSONS))
def test_timeline_controls_redraw_the_chart(lessons, lesson):
    notebook = lessons.use(f"lessons/{lesson.name}")
    for root in tag_roots(notebook.page, "msals-timeline"):
        assert check_timeline(notebook.page, root)
    assert notebook.errors()[0] == []


@pytest.mark.parametrize("lesson", QUIZ_LESSONS, ids=stems(QUIZ_LESSONS))
def test_quiz_answer_shows_feedback_and_updates_the_score(lessons, lesson):
    notebook = lessons.use(f"lessons/{lesson.name}")
    for root in tag_roots(notebook.page, "msals-quiz"):
        assert check_quiz(notebook.page, root)
    assert notebook.errors()[0] == []


@pytest.mark.parametrize("lesson", SYMPTOM_LESSONS, ids=stems(SYMPTOM_LESSONS))
def test_symptoms_controls_change_the_summary(lessons, lesson):
    notebook = lessons.use(f"lessons/{lesson.name}")
    for root in tag_roots(notebook.page, "msals-symptoms"):
        assert check_summary_follows(notebook.page, root)
    assert notebook.errors()[0] == []
