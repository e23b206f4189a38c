"""Screenshots of lesson 02 in real JupyterLab for docs/: what a student sees first.

* ``lab-untrusted-explorer.png``: the lesson just opened from a fresh clone (untrusted,
  not run): the stored snapshot with its diagram drawn as an image;
* ``lab-dark-explorer.png``: after Run All, in the JupyterLab Dark theme.

Starts a private JupyterLab on a temporary copy of the repository, drives it with
headless Chromium (Playwright) and stops it again. Run: make screenshots
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from scripts.headless import find_chromium
from tests.browser.jupyter import LabNotebook, Server, copy_repo, launch_chromium

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LESSON = "lessons/02_what_each_disease_damages.ipynb"

JS_SHOW_FIRST = """async (selector) => {
  const panel = window.jupyterapp.shell.currentWidget;
  const cells = panel.content.widgets;
  const index = cells.findIndex(c => c.node.querySelector(selector));
  await panel.content.scrollToItem(index, 'start');
  await new Promise(r => setTimeout(r, 500));
  cells[index].node.scrollIntoView({block: 'start'});
  await Promise.all([...cells[index].node.querySelectorAll('img')].map(i => i.decode()));
}"""


def set_theme(page, name: str) -> None:
    page.evaluate(
        "(name) => window.jupyterapp.commands.execute('apputils:change-theme', {theme: name})",
        name,
    )
    page.wait_for_function(
        "(light) => document.body.dataset.jpThemeLight === String(light)",
        arg=name == "JupyterLab Light",
    )
    page.wait_for_timeout(800)


def shoot(page, name: str) -> None:
    target = DOCS / name
    page.screenshot(path=str(target))
    if shutil.which("pngquant"):  # a quarter of the bytes, no visible change
        subprocess.run(
            ["pngquant", "--force", "--quality=60-85", "--output", str(target), str(target)],
            check=True,
        )
    print(f"wrote {target.relative_to(ROOT)} ({target.stat().st_size // 1024} KB)")


def main() -> int:
    chromium = find_chromium()
    if chromium is None:
        raise SystemExit("no Chromium found (see scripts/headless.py)")
    with tempfile.TemporaryDirectory() as tmp:
        root = copy_repo(Path(tmp) / "root")
        with Server("lab", root, Path(tmp) / "state") as server, sync_playwright() as pw:
            browser = launch_chromium(pw, chromium)
            page = browser.new_page(viewport={"width": 1280, "height": 860})
            page.set_default_timeout(120_000)
            notebook = LabNotebook(page, server, LESSON).open()
            page.evaluate(
                "() => window.jupyterapp.commands.execute('application:toggle-left-area')"
            )
            page.evaluate(JS_SHOW_FIRST, ".msals-snapshot")
            shoot(page, "lab-untrusted-explorer.png")
            notebook.restart_and_run_all()
            page.wait_for_selector(".msals-explorer svg")
            set_theme(page, "JupyterLab Dark")
            page.evaluate(JS_SHOW_FIRST, ".msals-explorer")
            shoot(page, "lab-dark-explorer.png")
            set_theme(page, "JupyterLab Light")
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
