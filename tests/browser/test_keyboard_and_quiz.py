"""Keyboard-safe widgets and a clear quiz state, as a student meets them in JupyterLab.

* Letters typed while a quiz button has focus ("a", "b", "d d", "m") must leave the
  notebook unchanged: the same cells, the quiz cell still there, still a code cell.
* After each action focus lands on a control of the widget, never on the page body:
  a wrong answer -> "Try again"; "Try again" -> the question's first option; a right
  answer -> the next question; "Reset all" -> its question, with "No" focused.
* What the student sees: the chosen option says "your answer" and has a thick border at
  full opacity; the feedback is a box (border, background) with an icon and words;
  "Try again" is shown only under the wrongly answered question; the running score is
  next to the question; "Reset all" clears nothing until confirmed.
"""

from __future__ import annotations

import pytest

from widgets.quiz_logic import quiz_questions

LESSON = "05_treatment_and_care"
pytestmark = [pytest.mark.browser, pytest.mark.lesson(LESSON)]
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
QUIZ = f"{PANEL} .msals-quiz"

JS_NOTEBOOK = """() => {
  const panel = window.jupyterapp.shell.currentWidget;
  const cells = panel.content.model.cells;
  const all = [];
  for (let i = 0; i < cells.length; i++) {
    const c = cells.get(i);
    all.push(c.type + ':' + c.sharedModel.getSource().slice(0, 40));
  }
  return {cells: all, mode: panel.content.mode};
}"""

JS_FOCUS = """() => {
  const el = document.activeElement;
  return {tag: el.tagName, text: (el.textContent || '').trim(),
          inQuiz: !!el.closest('.msals-quiz'), body: el === document.body};
}"""

JS_LOOK = """(root) => {
  const quiz = document.querySelector(root);
  const shown = el => el && el.getClientRects().length > 0 &&
    getComputedStyle(el).display !== 'none';
  const questions = [...quiz.querySelectorAll('.msals-options')].map(row => {
    const block = row.parentElement;
    const chosen = block.querySelector('.msals-option.msals-chosen');
    const style = chosen && getComputedStyle(chosen);
    const feedback = block.querySelector('.msals-feedback');
    const fstyle = getComputedStyle(feedback);
    const progress = block.querySelector('.msals-progress');
    return {
      chosen: chosen ? {text: chosen.textContent.trim(),
                        border: parseFloat(style.borderTopWidth),
                        opacity: parseFloat(style.opacity),
                        weight: parseInt(style.fontWeight)} : null,
      locked: [...block.querySelectorAll('.msals-option')].map(b => b.disabled),
      lockedOpacity: [...block.querySelectorAll('.msals-option')]
        .map(b => parseFloat(getComputedStyle(b).opacity)),
      feedback: {text: feedback.textContent.trim(), verdict: feedback.dataset.verdict || null,
                 border: parseFloat(fstyle.borderTopWidth), background: fstyle.backgroundColor},
      retryShown: shown(block.querySelector('.msals-retry')),
      progress: progress && shown(progress) ? progress.textContent.trim() : '',
      progressGap: progress && shown(progress)
        ? progress.getBoundingClientRect().top - row.getBoundingClientRect().bottom : null,
    };
  });
  return {questions, confirmShown: shown(quiz.querySelector('.msals-confirm'))};
}"""


def _focus(page) -> dict:
    page.wait_for_timeout(100)
    return page.evaluate(JS_FOCUS)


def _wait_focus(page, text: str) -> dict:
    page.wait_for_function(
        "(text) => (document.activeElement.textContent || '').trim().startsWith(text)",
        arg=text,
        timeout=15_000,
    )
    return page.evaluate(JS_FOCUS)


def _options(page, number: int):
    return page.locator(f"{QUIZ} .msals-options").nth(number).locator(".msals-option")


def test_letters_typed_on_a_quiz_button_leave_the_notebook_unchanged(lessons):
    notebook = lessons.use(f"lessons/{LESSON}.ipynb")
    page = notebook.page
    before = page.evaluate(JS_NOTEBOOK)
    button = _options(page, 0).first
    button.scroll_into_view_if_needed()
    button.focus()
    assert page.evaluate(JS_FOCUS)["inQuiz"]
    for key in ("a", "b", "d", "d", "m"):
        page.keyboard.press(key)
        page.wait_for_timeout(50)
    after = page.evaluate(JS_NOTEBOOK)
    assert after["cells"] == before["cells"], "typing letters on a quiz button edited the notebook"
    focus = page.evaluate(JS_FOCUS)
    assert focus["inQuiz"] and not focus["body"], focus


def test_quiz_state_and_focus_after_each_action(lessons):
    notebook = lessons.open(f"lessons/{LESSON}.ipynb", pristine=True)
    lessons.touched = True
    page = notebook.page
    questions = quiz_questions(LESSON)
    first, second = questions[0], questions[1]
    wrong = next(i for i, o in enumerate(first.options) if not o.correct)

    look = page.evaluate(JS_LOOK, QUIZ)
    assert not any(q["retryShown"] for q in look["questions"]), "Try again shown before answering"
    assert not any(q["progress"] for q in look["questions"])

    # A wrong answer by keyboard (Space): marked, a feedback box, Try again focused.
    _options(page, 0).nth(wrong).focus()
    page.keyboard.press("Space")
    focus = _wait_focus(page, "Try again")
    look = page.evaluate(JS_LOOK, QUIZ)
    q1 = look["questions"][0]
    assert q1["chosen"]["text"].endswith("✗ your answer"), q1
    assert q1["chosen"]["border"] >= 3 and q1["chosen"]["opacity"] == 1, q1
    assert q1["chosen"]["weight"] >= 700, q1
    assert all(q1["locked"]) and min(q1["lockedOpacity"]) == 1, q1
    assert q1["feedback"]["verdict"] == "wrong" and q1["feedback"]["text"].startswith("✗"), q1
    assert "Not quite" in q1["feedback"]["text"] and q1["feedback"]["border"] >= 3, q1
    assert q1["feedback"]["background"] not in ("rgba(0, 0, 0, 0)", "transparent"), q1
    assert [q["retryShown"] for q in look["questions"]].count(True) == 1 and q1["retryShown"]
    assert q1["progress"] == f"So far: 1 of {len(questions)} answered, 0 correct.", q1
    assert 0 <= q1["progressGap"] < 250, q1  # the running score is by the question
    notebook.screenshot("quiz-wrong-answer")

    # Try again (Enter): the answer is cleared, focus on the question's first option.
    page.keyboard.press("Enter")
    focus = _wait_focus(page, "A")
    assert focus["inQuiz"], focus
    look = page.evaluate(JS_LOOK, QUIZ)
    assert look["questions"][0]["chosen"] is None and not look["questions"][0]["retryShown"]

    # A right answer: no Try again, focus moves to the next question's first option.
    _options(page, 0).nth(first.answer_index).focus()
    page.keyboard.press("Space")
    page.wait_for_function(
        "(root) => document.querySelector(root).querySelector('.msals-feedback')"
        ".dataset.verdict === 'right'",
        arg=QUIZ,
        timeout=15_000,
    )
    page.wait_for_function(
        "(root) => document.activeElement === document.querySelector(root)"
        ".querySelectorAll('.msals-options')[1].querySelector('.msals-option')",
        arg=QUIZ,
        timeout=15_000,
    )
    look = page.evaluate(JS_LOOK, QUIZ)
    q1 = look["questions"][0]
    assert q1["chosen"]["text"].endswith("✓ your answer") and not q1["retryShown"], q1
    assert q1["progress"] == f"So far: 1 of {len(questions)} answered, 1 correct.", q1
    assert second.id  # the second question's first option now has focus

    # Reset all asks first; "No" keeps the answers, "Yes" clears them.
    page.locator(f"{QUIZ} button", has_text="Reset all").click()
    focus = _wait_focus(page, "No, keep my answers")
    assert page.evaluate(JS_LOOK, QUIZ)["confirmShown"]
    page.keyboard.press("Enter")
    _wait_focus(page, "Reset all")
    look = page.evaluate(JS_LOOK, QUIZ)
    assert not look["confirmShown"] and look["questions"][0]["chosen"] is not None
    page.keyboard.press("Enter")
    _wait_focus(page, "No, keep my answers")
    page.locator(f"{QUIZ} button", has_text="Yes, clear all").click()
    page.wait_for_function(
        "(root) => !document.querySelector(root).querySelector('.msals-chosen')",
        arg=QUIZ,
        timeout=15_000,
    )
    assert not _focus(page)["body"]
