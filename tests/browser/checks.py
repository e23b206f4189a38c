"""What each widget must do in the page, written against the DOM contract (HELPER_BRIEF).

Each check raises AssertionError with a message a person can act on. They take a
Playwright page and a CSS selector for one widget root, so the same check runs in
JupyterLab, Notebook 7 and Voila, and a test can show that a broken widget fails it.

Expected states come from the Python side (the ``widgets`` package and ``data/``), never
from the page itself.
"""

from __future__ import annotations

import contextlib
import re

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from widgets.at_a_glance import VIEW_LABELS, VIEWS, diseases_in, load_topics
from widgets.theme import DISEASES

UPDATE_TIMEOUT_MS = 10_000

JS_GLANCE_STATE = """(root) => {
  const table = root.querySelector('.widget-html-content');
  return {
    badges: [...root.querySelectorAll('.widget-html-content thead .msals-badge')]
      .map(b => b.textContent.trim()),
    text: table ? table.innerText : '',
    active: [...root.querySelectorAll('.widget-toggle-button.mod-active')]
      .map(b => b.textContent.trim()),
  };
}"""


def glance_expectation(view: str) -> dict:
    """What the AtAGlance table must show for ``view``, from data/at_a_glance.yaml."""
    shown = diseases_in(view)
    topics = load_topics()
    hidden = [d for d in DISEASES if d not in shown]
    return {
        "badges": [DISEASES[d].badge for d in shown],
        "present": [t.statement(d).text for t in topics for d in shown],
        "absent": [t.statement(d).text for t in topics for d in hidden],
    }


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def glance_state(page, root: str) -> dict:
    return page.locator(root).first.evaluate(JS_GLANCE_STATE)


def glance_shows(state: dict, view: str) -> list[str]:
    """Problems with what the table shows for ``view`` (empty when it is right)."""
    expected = glance_expectation(view)
    problems = []
    if state["badges"] != expected["badges"]:
        problems.append(f"header badges {state['badges']}, expected {expected['badges']}")
    text = _normal(state["text"])
    missing = [s for s in expected["present"] if _normal(s) not in text]
    extra = [s for s in expected["absent"] if _normal(s) in text]
    if missing:
        problems.append(f"{len(missing)} statement(s) missing, e.g. {missing[0][:60]!r}")
    if extra:
        problems.append(f"{len(extra)} statement(s) of the hidden disease, e.g. {extra[0][:60]!r}")
    if state["active"] != [VIEW_LABELS[view]]:
        problems.append(f"active toggle {state['active']}, expected {[VIEW_LABELS[view]]}")
    return problems


def wait_for_glance(page, root: str, view: str, how: str) -> None:
    # On a timeout, the assertion below says what is wrong.
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(
            """([root, badges, label]) => {
              const el = document.querySelector(root);
              const got = [...el.querySelectorAll('.widget-html-content thead .msals-badge')]
                .map(b => b.textContent.trim());
              const active = [...el.querySelectorAll('.widget-toggle-button.mod-active')]
                .map(b => b.textContent.trim());
              return JSON.stringify(got) === JSON.stringify(badges)
                && active.length === 1 && active[0] === label;
            }""",
            arg=[root, glance_expectation(view)["badges"], VIEW_LABELS[view]],
            timeout=UPDATE_TIMEOUT_MS,
        )
    problems = glance_shows(glance_state(page, root), view)
    assert not problems, f"after {how} {VIEW_LABELS[view]!r}: " + "; ".join(problems)


def glance_order(page, root: str) -> list[str]:
    """Every view, starting with one that differs from the current one, ending back there."""
    active = glance_state(page, root)["active"]
    labels = {label: view for view, label in VIEW_LABELS.items()}
    current = labels.get(active[0]) if len(active) == 1 else None
    order = [v for v in VIEWS if v != current]
    return order + ([current] if current else [])


def check_glance_by_mouse(page, root: str) -> list[str]:
    """Click each toggle of the AtAGlance at ``root``; the table must follow each click."""
    buttons = page.locator(f"{root} .widget-toggle-button")
    assert buttons.all_inner_texts() == [VIEW_LABELS[v] for v in VIEWS]
    seen = []
    for view in glance_order(page, root):
        before = glance_state(page, root)["text"]
        buttons.nth(VIEWS.index(view)).click()
        wait_for_glance(page, root, view, "clicking")
        assert glance_state(page, root)["text"] != before, f"{view}: the table did not change"
        seen.append(view)
    return seen


def check_glance_by_keyboard(page, root: str) -> list[str]:
    """The same with the keyboard only: Tab between the toggles, Space or Enter to choose."""
    buttons = page.locator(f"{root} .widget-toggle-button")
    labels = [VIEW_LABELS[v] for v in VIEWS]
    buttons.nth(0).focus()
    position = 0
    seen = []
    for step, view in enumerate(glance_order(page, root)):
        target = VIEWS.index(view)
        while position != target:
            page.keyboard.press("Tab" if target > position else "Shift+Tab")
            position += 1 if target > position else -1
        focused = page.evaluate("() => document.activeElement.textContent.trim()")
        assert focused == labels[target], f"Tab reached {focused!r}, expected {labels[target]!r}"
        key = "Space" if step % 2 == 0 else "Enter"
        page.keyboard.press(key)
        wait_for_glance(page, root, view, f"pressing {key} on")
        seen.append(view)
    return seen
