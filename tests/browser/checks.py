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

from widgets.at_a_glance import CHOICES, DISEASE_LABELS, diseases_in, load_glance_topics
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
    topics = load_glance_topics()
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
    if state["active"] != [DISEASE_LABELS[view]]:
        problems.append(f"active toggle {state['active']}, expected {[DISEASE_LABELS[view]]}")
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
            arg=[root, glance_expectation(view)["badges"], DISEASE_LABELS[view]],
            timeout=UPDATE_TIMEOUT_MS,
        )
    problems = glance_shows(glance_state(page, root), view)
    assert not problems, f"after {how} {DISEASE_LABELS[view]!r}: " + "; ".join(problems)


def glance_order(page, root: str) -> list[str]:
    """Every view, starting with one that differs from the current one, ending back there."""
    active = glance_state(page, root)["active"]
    labels = {label: view for view, label in DISEASE_LABELS.items()}
    current = labels.get(active[0]) if len(active) == 1 else None
    order = [v for v in CHOICES if v != current]
    return order + ([current] if current else [])


def check_glance_by_mouse(page, root: str) -> list[str]:
    """Click each toggle of the AtAGlance at ``root``; the table must follow each click."""
    buttons = page.locator(f"{root} .widget-toggle-button")
    assert buttons.all_inner_texts() == [DISEASE_LABELS[v] for v in CHOICES]
    seen = []
    for view in glance_order(page, root):
        before = glance_state(page, root)["text"]
        buttons.nth(CHOICES.index(view)).click()
        wait_for_glance(page, root, view, "clicking")
        assert glance_state(page, root)["text"] != before, f"{view}: the table did not change"
        seen.append(view)
    return seen


def check_glance_by_keyboard(page, root: str) -> list[str]:
    """The same with the keyboard only: Tab between the toggles, Space or Enter to choose."""
    buttons = page.locator(f"{root} .widget-toggle-button")
    labels = [DISEASE_LABELS[v] for v in CHOICES]
    buttons.nth(0).focus()
    position = 0
    seen = []
    for step, view in enumerate(glance_order(page, root)):
        target = CHOICES.index(view)
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


# ---------------------------------------------------------------------------------------
# The lesson widgets: which lessons use them, and what each must do in the page.


def lessons_with(widget_class: type, lesson_paths) -> list:
    """The lessons whose code cells call ``widget_class`` by name, in teaching order."""
    import json

    call = re.compile(rf"\b{re.escape(widget_class.__name__)}\s*\(")
    used = []
    for path in lesson_paths:
        notebook = json.loads(path.read_text(encoding="utf-8"))
        code = "\n".join(
            "".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code"
        )
        if call.search(code):
            used.append(path)
    return used


PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"


def tag_roots(page, css_class: str, panel: str = PANEL) -> list[str]:
    """A unique selector for each widget root of ``css_class`` in the open notebook.

    The first is scrolled into view: a student sees the widget they use (and cells out
    of view are not drawn).
    """
    count = page.evaluate(
        """([panel, cls]) => {
          const roots = [...document.querySelectorAll(`${panel} .msals-widget.${cls}`)];
          roots.forEach((r, i) => r.setAttribute('data-test-root', `${cls}-${i}`));
          return roots.length;
        }""",
        [panel, css_class],
    )
    roots = [f'[data-test-root="{css_class}-{i}"]' for i in range(count)]
    if roots:
        page.locator(roots[0]).scroll_into_view_if_needed()
    return roots


@contextlib.contextmanager
def text_probe(page, text: str, css: str, inside: str = ".msals-glance .widget-html-content"):
    """A paragraph ``text`` with inline style ``css`` in the first ``inside``, while in use.

    For tests that prove a page check fails on text it must catch.
    """
    page.evaluate(
        """([text, css, inside]) => {
          const probe = document.createElement('p');
          probe.id = 'msals-test-probe';
          probe.style.cssText = css;
          probe.textContent = text;
          document.querySelector(inside).append(probe);
        }""",
        [text, css, inside],
    )
    try:
        yield
    finally:
        page.evaluate("() => document.getElementById('msals-test-probe').remove()")


def descendants(widget) -> list:
    """The widget and every ipywidget inside it."""
    found = [widget]
    for child in getattr(widget, "children", ()):
        found += descendants(child)
    return found


class _PartParser:
    """Part id -> data-damage (or None) for every nervous-system part in an HTML string."""

    def __init__(self, html_text: str):
        from html.parser import HTMLParser

        parts: dict[str, str | None] = {}

        class Parser(HTMLParser):
            def handle_starttag(self, tag, attrs):
                attrs = dict(attrs)
                part = attrs.get("data-part")
                if part is None and (attrs.get("id") or "").startswith("part-"):
                    part = attrs["id"][len("part-") :]
                if part is not None:
                    parts[part] = attrs.get("data-damage") or parts.get(part)

        Parser().feed(html_text)
        self.parts = parts


def damage_map(html_text: str) -> dict[str, str | None]:
    """Parts in the HTML, including those of diagrams stored as images."""
    from tests.snapshots import pictures

    return _PartParser(html_text + "".join(pictures(html_text))).parts


def python_damage_maps(explorer_class) -> list[tuple[str, dict]]:
    """(toggle label, expected part -> damage) for each disease toggle, from the Python side."""
    import ipywidgets

    widget = explorer_class()
    toggles = [w for w in descendants(widget) if isinstance(w, ipywidgets.ToggleButtons)]
    assert toggles, f"{explorer_class.__name__} has no ToggleButtons to choose a disease"
    toggle = toggles[0]
    expected = []
    for label, value in zip(toggle._options_labels, toggle._options_values, strict=True):
        toggle.value = value
        parts = damage_map(widget.static_html())
        if not parts:  # fall back to the live HTML children
            parts = damage_map(
                "".join(w.value for w in descendants(widget) if isinstance(w, ipywidgets.HTML))
            )
        expected.append((label, parts))
    return expected


JS_DAMAGE_MAP = """(root) => {
  const parts = {};
  for (const el of root.querySelectorAll('svg [data-part], svg [id^="part-"]')) {
    const id = el.getAttribute('data-part') || el.id.slice('part-'.length);
    parts[id] = el.getAttribute('data-damage') || parts[id] || null;
  }
  const summary = root.querySelector('.msals-summary');
  return {parts, summary: summary ? summary.textContent.trim() : null};
}"""


def button_labels(page, selector: str) -> list[str]:
    """The text of each button (its accessible name), rendered or not.

    Not ``innerText``: JupyterLab and Notebook 7 skip drawing cells out of view
    (``content-visibility``), and ``innerText`` of a skipped element is empty.
    """
    return page.locator(selector).evaluate_all("bs => bs.map(b => b.textContent.trim())")


def explorer_state(page, root: str) -> dict:
    return page.locator(root).evaluate(JS_DAMAGE_MAP)


def check_explorer(page, root: str, explorer_class, keyboard: bool = False) -> int:
    """Choose each disease toggle; the SVG's highlighted parts must match the Python side.

    Returns how many toggles were checked.
    """
    expected = python_damage_maps(explorer_class)
    buttons = page.locator(f"{root} .widget-toggle-button")
    labels = button_labels(page, f"{root} .widget-toggle-button")
    start = explorer_state(page, root)
    assert start["parts"], f"{root}: no part-<id> elements in the SVG"
    assert set(start["parts"]) == set(expected[0][1]), "the page and Python draw different parts"
    assert start["summary"] is not None, f"{root}: no .msals-summary"
    previous = start
    if keyboard:
        buttons.nth(0).focus()
        position = 0
    # Visit the last toggle first, so that the first one also has to change the page.
    for label, parts in expected[::-1] + expected[:1]:
        assert label in labels, f"toggle {label!r} not in the page ({labels})"
        index = labels.index(label)
        if keyboard:
            while position != index:
                page.keyboard.press("Tab" if index > position else "Shift+Tab")
                position += 1 if index > position else -1
            page.keyboard.press("Space")
        else:
            buttons.nth(index).click()
        wanted = {k: v for k, v in parts.items() if v}
        # The diagram and the summary are separate widget models, updated one after the
        # other: when the highlights change, wait for the summary to change too.
        old_summary = (
            previous["summary"]
            if wanted != {k: v for k, v in previous["parts"].items() if v}
            else None
        )
        with contextlib.suppress(PlaywrightTimeout):
            page.wait_for_function(
                f"([root, wanted, oldSummary]) => {{ const state = ({JS_DAMAGE_MAP})("
                "document.querySelector(root));"
                " const got = Object.entries(state.parts).filter(([k, v]) => v);"
                " return got.length === Object.keys(wanted).length"
                " && got.every(([k, v]) => wanted[k] === v)"
                " && (oldSummary === null || state.summary !== oldSummary); }",
                arg=[root, wanted, old_summary],
                timeout=UPDATE_TIMEOUT_MS,
            )
        state = explorer_state(page, root)
        highlighted = {k: v for k, v in state["parts"].items() if v}
        assert highlighted == wanted, (
            f"after choosing {label!r}: highlighted {highlighted}, expected {wanted}"
        )
        if highlighted != {k: v for k, v in previous["parts"].items() if v}:
            assert state["summary"] != previous["summary"], (
                f"after choosing {label!r}: the highlights changed but .msals-summary did not"
            )
        previous = state
    return len(expected)


JS_PLOT_DATA = """(root) => [...root.querySelectorAll('.js-plotly-plot')]
  .map(p => JSON.stringify(p.data || null))"""


def plot_data(page, root: str) -> list[str]:
    return page.locator(root).evaluate(JS_PLOT_DATA)


def change_controls(page, root: str) -> list[str]:
    """Operate each kind of control found in ``root`` once, yielding its kind after each."""
    for kind, selector in (
        ("slider", ".widget-slider .noUi-handle, .widget-slider input[type=range]"),
        # A greyed-out control (the view does not use it) is not one a student can operate.
        ("dropdown", "select:not(:disabled)"),
        ("toggle", ".widget-toggle-button:not(.mod-active):not(:disabled)"),
        ("checkbox", "input[type=checkbox]:not(:disabled)"),
    ):
        controls = page.locator(f"{root} {selector}")
        if controls.count() == 0:
            continue
        control = controls.first
        control.scroll_into_view_if_needed()  # a student sees the control they operate
        if kind == "slider":
            control.focus()
            for _ in range(3):
                page.keyboard.press("ArrowRight")
        elif kind == "dropdown":
            values = control.evaluate("s => [...s.options].map(o => o.value)")
            current = control.evaluate("s => s.value")
            other = [v for v in values if v != current]
            if not other:
                continue
            control.select_option(other[0])
        else:
            control.click()
        yield kind


def check_timeline(page, root: str) -> list[str]:
    """Each control must redraw the chart with different data (read from ``el.data``)."""
    assert plot_data(page, root), f"{root}: no drawn .js-plotly-plot inside the widget"
    done = list(_operate_each(page, root))
    assert done, f"{root}: no slider, dropdown, toggle or checkbox found"
    return done


def _operate_each(page, root: str):
    before = plot_data(page, root)
    for kind in change_controls(page, root):
        with contextlib.suppress(PlaywrightTimeout):
            page.wait_for_function(
                f"([root, before]) => JSON.stringify(({JS_PLOT_DATA})("
                "document.querySelector(root))) !== JSON.stringify(before)",
                arg=[root, before],
                timeout=UPDATE_TIMEOUT_MS,
            )
        after = plot_data(page, root)
        assert after and after != before, f"{root}: changing the {kind} did not redraw the chart"
        before = after
        yield kind


SUBMIT_LABELS = re.compile(r"^(check|submit)\b", re.IGNORECASE)


def check_quiz(page, root: str) -> str:
    """Answer the first question: its feedback text changes and the score changes.

    Text is read with ``textContent``: a quiz at the end of a lesson is out of view, and
    ``innerText`` of a cell JupyterLab has not drawn is empty. The feedback element shows
    a prompt before any answer, so the check waits for its text to change.
    """
    score = page.locator(f"{root} .msals-score").first
    feedback = page.locator(f"{root} .msals-feedback").first
    assert score.count() == 1, f"{root}: no .msals-score"
    before_score = score.text_content().strip()
    before_feedback = feedback.text_content().strip() if feedback.count() else ""
    for selector in (
        "button.msals-option:not(:disabled)",
        "input[type=radio]",
        ".widget-toggle-button:not(.mod-active)",
        "select",
        "input[type=checkbox]",
    ):
        choices = page.locator(f"{root} {selector}")
        if choices.count():
            if selector == "select":
                values = choices.first.evaluate("s => [...s.options].map(o => o.value)")
                choices.first.select_option(values[-1])
            else:
                choices.first.click()
            break
    else:
        raise AssertionError(f"{root}: no answer to choose")
    # Only a quiz that waits for a "Check"/"Submit" click needs one; other buttons
    # ("Try again", "Reset all") would undo the answer.
    buttons = page.locator(f"{root} button.widget-button")
    labels = button_labels(page, f"{root} button.widget-button")
    submit = [i for i, label in enumerate(labels) if SUBMIT_LABELS.match(label)]
    if submit:
        buttons.nth(submit[0]).click()
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(
            """([root, score, prompt]) => {
              const r = document.querySelector(root);
              const f = r.querySelector('.msals-feedback');
              const s = r.querySelector('.msals-score');
              const text = f ? f.textContent.trim() : '';
              return text && text !== prompt && s && s.textContent.trim() !== score;
            }""",
            arg=[root, before_score, before_feedback],
            timeout=UPDATE_TIMEOUT_MS,
        )
    assert feedback.count() == 1, f"{root}: no .msals-feedback after answering"
    text = feedback.text_content().strip()
    assert text and text != before_feedback, f"{root}: no feedback after answering ({text!r})"
    after_score = score.text_content().strip()
    assert after_score != before_score, f"{root}: the score did not change ({after_score!r})"
    assert re.search(r"\d", after_score), "the score shows no number"
    return text


def check_summary_follows(page, root: str) -> list[str]:
    """Operating a control changes the widget's .msals-summary text."""
    summary = page.locator(f"{root} .msals-summary").first
    assert summary.count() == 1, f"{root}: no .msals-summary"
    before = summary.text_content().strip()
    assert before, f"{root}: empty .msals-summary"
    for kind in change_controls(page, root):
        with contextlib.suppress(PlaywrightTimeout):
            page.wait_for_function(
                "([root, before]) => document.querySelector(root)"
                ".querySelector('.msals-summary').textContent.trim() !== before",
                arg=[root, before],
                timeout=UPDATE_TIMEOUT_MS,
            )
        after = summary.text_content().strip()
        assert after and after != before, f"{root}: the {kind} did not change the summary"
        return [kind]
    raise AssertionError(f"{root}: no control found")
