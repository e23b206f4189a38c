"""Lesson 06's diagnostic-test explorer, used as a student would in JupyterLab.

The menu is operated by mouse (choosing an option) and by keyboard alone (focus on the
menu, then End or a test's first letter), and each time the summary line must change.
"""

from __future__ import annotations

import pytest

from tests.browser.checks import check_summary_follows, tag_roots
from tests.browser.test_lesson_widgets_in_lab import stems, used_by
from widgets import DiagnosticTestExplorer

pytestmark = pytest.mark.browser

TEST_LESSONS = used_by(DiagnosticTestExplorer)


@pytest.mark.parametrize("lesson", TEST_LESSONS, ids=stems(TEST_LESSONS))
def test_choosing_a_test_changes_the_summary(lessons, lesson):
    notebook = lessons.use(f"lessons/{lesson.name}")
    roots = tag_roots(notebook.page, "msals-tests")
    assert roots, "no .msals-widget.msals-tests in the page"
    for root in roots:
        assert check_summary_follows(notebook.page, root) == ["dropdown"]
    assert notebook.errors()[0] == []


@pytest.mark.parametrize("lesson", TEST_LESSONS[:1], ids=stems(TEST_LESSONS[:1]))
def test_keyboard_alone_changes_the_test(lessons, lesson):
    notebook = lessons.use(f"lessons/{lesson.name}")
    page = notebook.page
    root = tag_roots(page, "msals-tests")[0]
    menu = page.locator(f"{root} select").first
    summary = page.locator(f"{root} .msals-summary").first
    menu.scroll_into_view_if_needed()
    menu.focus()
    assert page.evaluate("() => document.activeElement.tagName") == "SELECT"
    before = summary.text_content().strip()
    # JupyterLab takes the arrow keys for moving between cells (focus leaves the menu),
    # so the lesson tells students to type a test's first letter or use Home and End.
    page.keyboard.press("End")
    page.wait_for_function(
        "([root, before]) => document.querySelector(root)"
        ".querySelector('.msals-summary').textContent.trim() !== before",
        arg=[root, before],
        timeout=5000,
    )
    assert summary.text_content().strip() != before
    assert "Genetic test" in summary.text_content()
    page.keyboard.press("n")  # first letter: from the last test, the next "N..." is the first
    page.wait_for_function(
        "([root]) => document.querySelector(root)"
        ".querySelector('.msals-summary').textContent.includes('Neurological examination')",
        arg=[root],
        timeout=5000,
    )
