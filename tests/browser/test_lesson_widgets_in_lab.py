"""The explorer, timeline, quiz and symptoms widgets, used as a student would in JupyterLab.

Written against the DOM contract (HELPER_BRIEF.md). Each check runs once per lesson that
calls the widget (found in the lessons' code), on every instance of it in the lesson, so
the tests of one lesson share its single restart-and-run-all (see ``run_order`` in
conftest.py).
"""

from __future__ import annotations

import pytest

from tests.browser.checks import (
    check_explorer,
    check_quiz,
    check_summary_follows,
    check_timeline,
    lessons_with,
    tag_roots,
)
from tests.notebook_tools import lesson_paths
from widgets import NervousSystemExplorer, ProgressionTimelines, Quiz, SymptomExplorer

pytestmark = pytest.mark.browser


def used_by(widget_class: type) -> list:
    """The lessons that call ``widget_class``; a widget no lesson shows is a mistake."""
    used = lessons_with(widget_class, lesson_paths())
    assert used, f"no lesson calls {widget_class.__name__}"
    return used


def stems(paths) -> list[str]:
    return [p.stem for p in paths]


def check_explorer_by_mouse(page, root):
    # Each toggle checked against the Python side (a default instance of the class).
    return check_explorer(page, root, NervousSystemExplorer) >= 2


def check_explorer_by_keyboard(page, root):
    return check_explorer(page, root, NervousSystemExplorer, keyboard=True) >= 2


# What a student does with each widget, and the check that it responded.
CHECKS = {
    "explorer-mouse": (NervousSystemExplorer, "msals-explorer", check_explorer_by_mouse),
    "explorer-keyboard": (NervousSystemExplorer, "msals-explorer", check_explorer_by_keyboard),
    "timeline": (ProgressionTimelines, "msals-timeline", check_timeline),
    "quiz": (Quiz, "msals-quiz", check_quiz),
    "symptoms": (SymptomExplorer, "msals-symptoms", check_summary_follows),
}
CASES = [(name, lesson) for name, (cls, _, _) in CHECKS.items() for lesson in used_by(cls)]


@pytest.mark.parametrize(
    ("check", "lesson"), CASES, ids=[f"{name}-{lesson.stem}" for name, lesson in CASES]
)
def test_each_widget_responds_to_its_controls(lessons, check, lesson):
    """Explorer toggles highlight exactly the damaged parts (by mouse and by keyboard),
    timeline controls redraw the chart, a quiz answer shows feedback and updates the
    score, the symptom controls change the summary."""
    _, css_class, check_widget = CHECKS[check]
    notebook = lessons.use(f"lessons/{lesson.name}")
    roots = tag_roots(notebook.page, css_class)
    assert roots, f"no .msals-widget.{css_class} in the page"
    for root in roots:
        assert check_widget(notebook.page, root)
    assert notebook.errors()[0] == []
