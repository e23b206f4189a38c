"""axe-core over every lesson's outputs in JupyterLab, after restart and run all.

Fails on any critical or serious violation inside the outputs (our widgets, tables and
charts). JupyterLab's own violations (toolbar buttons, the cell list, the editor) are
not ours to fix, so axe looks only at the outputs (a whole-page run that printed them
as a report cost an axe pass over JupyterLab's whole page for each lesson).

Text contrast is measured by our own in-page check (WCAG 2 formula, 4.5:1, or 3:1 for
large text): axe-core 4.12's colour-contrast rule finds no text to test in JupyterLab's
or Voila's layout (its visibility test takes text inside Lumino's scroll panels for
off-screen, and reports the rule as "inapplicable"), so it would prove nothing here.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.checks import text_probe
from tests.notebook_tools import lesson_paths

pytestmark = pytest.mark.browser

FAILING_IMPACTS = ("critical", "serious")
LESSON_PATHS = lesson_paths()
OUTPUT = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output"


@pytest.fixture(scope="module")
def axe():
    return Axe()


def describe(violation: dict, limit: int = 3) -> str:
    nodes = "; ".join(n["html"][:160] for n in violation["nodes"][:limit])
    return f"{violation['id']} ({violation['impact']}, {len(violation['nodes'])}x): {nodes}"


JS_LOW_CONTRAST = """(selector) => {
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = v => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = el => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const found = [];
  let checked = 0;
  for (const root of document.querySelectorAll(selector)) {
    for (const el of [root, ...root.querySelectorAll('*')]) {
      const text = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent)
        .join('').trim();
      if (!text || !el.getClientRects().length) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      checked++;
      const [a, b] = [lum(rgb(style.color).slice(0, 3)), lum(background(el))];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
      const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
      if (ratio < needed) found.push(`${ratio.toFixed(2)}:1 < ${needed}:1 for ` +
        `${JSON.stringify(text.slice(0, 50))} (${style.color} on ${background(el)})`);
    }
  }
  return {checked, found};
}"""


def run_axe(page, axe, context: dict, options: dict) -> dict:
    """``axe.run`` in the page, loading axe-core into it only once.

    (axe-playwright-python's ``Axe.run`` evaluates the whole 550 kB script before every
    run; the lessons of one worker share one page, and a lesson has up to 20 outputs.)
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe.axe_script)
    return page.evaluate("([context, options]) => axe.run(context, options)", [context, options])


def audit_outputs(page, axe) -> tuple[list[dict], set[str], int]:
    """(violations, ids of the rules that applied, number of outputs) over every output."""
    count = page.evaluate(
        """(selector) => {
          // Hidden outputs (the page-script helper lives in a display:none widget) are
          // not what a student sees; axe and scrolling skip them.
          const outputs = [...document.querySelectorAll(selector)].filter(
            (node) => node.checkVisibility());
          outputs.forEach((node, i) => node.setAttribute('data-axe-output', String(i)));
          return outputs.length;
        }""",
        OUTPUT,
    )
    violations, applied = [], set()
    for index in range(count):
        target = f'[data-axe-output="{index}"]'
        page.locator(target).scroll_into_view_if_needed()
        response = run_axe(
            page,
            axe,
            context={"include": [[target]]},
            options={"resultTypes": ["violations", "incomplete"]},
        )
        violations += response["violations"]
        for kind in ("passes", "violations", "incomplete"):
            applied |= {rule["id"] for rule in response[kind] if rule["nodes"]}
    return violations, applied, count


@pytest.mark.parametrize("lesson", LESSON_PATHS, ids=[p.stem for p in LESSON_PATHS])
def test_no_serious_accessibility_violations_in_the_outputs(lessons, lesson, axe):
    notebook = lessons.open(f"lessons/{lesson.name}")
    page = notebook.page
    violations, applied, outputs = audit_outputs(page, axe)
    assert outputs > 0
    # axe applied rules to our outputs (tables, buttons, links) ...
    assert {"button-name", "link-name"} & applied, sorted(applied)
    # ... and our contrast check measured their text.
    contrast = page.evaluate(JS_LOW_CONTRAST, OUTPUT)
    assert contrast["checked"] > 0
    assert contrast["found"] == [], "text contrast too low:\n" + "\n".join(contrast["found"])

    failing = [describe(v) for v in violations if v["impact"] in FAILING_IMPACTS]
    for violation in violations:
        if violation["impact"] not in FAILING_IMPACTS:
            print(f"minor, in our outputs: {describe(violation)}")
    assert failing == [], "\n".join(failing)


@pytest.mark.lesson("00_start_here")
def test_the_contrast_check_catches_low_contrast_text(lessons):
    """Grey #999999 on white is 2.8:1: the check must flag it, and only it."""
    notebook = lessons.use("lessons/00_start_here.ipynb")
    page = notebook.page
    before = page.evaluate(JS_LOW_CONTRAST, OUTPUT)
    assert before["found"] == [] and before["checked"] > 20
    with text_probe(page, "pale text", "color:#999999;background:#FFFFFF"):
        after = page.evaluate(JS_LOW_CONTRAST, OUTPUT)
    assert len(after["found"]) == 1 and '"pale text"' in after["found"][0]
    assert after["found"][0].startswith("2.85:1 < 4.5:1")
