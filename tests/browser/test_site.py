"""The browser-only site (``make site``), built and run in Chromium with no way out.

The site is built once (``scripts/build_site.py``, from the pinned inputs cached in
``.cache/site/``), served on 127.0.0.1 by a plain static server, and every notebook is
opened in a fresh browser context where every request that leaves the site is blocked
by Chromium itself (no host but 127.0.0.1 resolves; other addresses go to a dead proxy)
and recorded. For each one: the
in-browser kernel starts, Run All gives no error output and no console error of ours,
every widget view and every plotly chart is drawn, and each widget kind is used once.

Markers ``browser`` and ``site``: ``pytest -m site tests/browser/test_site.py`` times
them on their own. To save time, the next lesson's page opens (and its kernel starts)
while the current one is checked: at most two Pyodide kernels at once.
"""

from __future__ import annotations

import json
import os
import re

import pytest

from scripts.build_site import (
    CDN_HOSTS,
    FIRST_LESSON,
    PYODIDE_DIR,
    THIRD_PARTY_DEFAULTS,
    build_site,
    cdn_references,
    sha256,
    third_party_default,
)
from tests.browser.checks import (
    button_labels,
    check_explorer,
    check_quiz,
    check_summary_follows,
    check_timeline,
    glance_order,
    tag_roots,
    wait_for_glance,
)
from tests.browser.jupyter import BROKEN_WIDGET_TEXTS, error_outputs, expected_outputs, safe_name
from tests.browser.lite import (
    LiteLesson,
    StaticServer,
    launch_offline_chromium,
    tree_cpu_seconds,
)
from tests.notebook_tools import LESSONS, notebook_paths
from widgets import NervousSystemExplorer
from widgets.at_a_glance import CHOICES, DISEASE_LABELS

pytestmark = [pytest.mark.browser, pytest.mark.site]

NOTEBOOKS = notebook_paths()
AHEAD = 1  # lessons whose kernels start while the current one is checked
# Generous: on a 2-core machine shared with other work, a kernel has taken 150 s to start.
KERNEL_TIMEOUT_MS = 300_000
# Lesson 00's prose still shows Binder's badge image from mybinder.org (issue 14: keep the
# link, drop or localise the image; lessons are not this branch's to edit). Until then
# that single request is tolerated, and test_no_notebook_shows_a_remote_image xfails.
BADGE = "https://mybinder.org/badge_logo.svg"
BADGE_PENDING = BADGE in (LESSONS / FIRST_LESSON).read_text(encoding="utf-8")
REMOTE_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*https?://|<img[^>]+src=[\"']?https?://", re.I)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site") / "_site"
    build_site(out)
    return out


@pytest.fixture(scope="module")
def site_server(site):
    with StaticServer(site) as server:
        yield server


@pytest.fixture(scope="module")
def offline_browser(browser, chromium_path):
    """A Chromium of its own that can reach nothing but 127.0.0.1."""
    before = tree_cpu_seconds(os.getpid())
    offline = launch_offline_chromium(browser.browser_type, chromium_path)
    yield offline
    # Wall time depends on the machine's other work; CPU time much less so.
    used = tree_cpu_seconds(os.getpid()) - before
    print(
        f"\nsite tests: Chromium used {used:.0f} CPU-seconds (load average "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
    )
    offline.close()


class Pipeline:
    """Opens lessons one step ahead, each in a fresh context, and closes them after use."""

    def __init__(self, browser, server):
        self.browser = browser
        self.server = server
        self.open: dict[str, LiteLesson] = {}

    def lesson(self, name: str) -> LiteLesson:
        order = [p.name for p in NOTEBOOKS]
        index = order.index(name)
        for ahead in order[index : index + 1 + AHEAD]:
            if ahead not in self.open:
                self.open[ahead] = LiteLesson(self.browser, self.server, ahead).start()
        return self.open[name]

    def done(self, name: str) -> None:
        lesson = self.open.pop(name, None)
        if lesson is not None:
            lesson.close()

    def close(self) -> None:
        for name in list(self.open):
            self.done(name)


@pytest.fixture(scope="module")
def pipeline(offline_browser, site_server):
    lessons = Pipeline(offline_browser, site_server)
    yield lessons
    lessons.close()


def use_glance(page, root: str) -> None:
    """Choose another view of the comparison table; the table must show exactly it."""
    labels = button_labels(page, f"{root} .widget-toggle-button")
    assert labels == [DISEASE_LABELS[v] for v in CHOICES]
    view = glance_order(page, root)[0]
    page.locator(f"{root} .widget-toggle-button").nth(CHOICES.index(view)).click()
    wait_for_glance(page, root, view, "clicking")


def use_each_widget_kind(page) -> list[str]:
    """Operate the first widget of each kind in the lesson once; the kinds used."""
    used = []
    roots = tag_roots(page, "msals-explorer")
    if roots:
        assert check_explorer(page, roots[0], NervousSystemExplorer) >= 2
        used.append("explorer")
    if roots := tag_roots(page, "msals-quiz"):
        assert check_quiz(page, roots[0])
        used.append("quiz")
    if roots := tag_roots(page, "msals-timeline"):
        assert check_timeline(page, roots[0])
        used.append("timeline")
    if roots := tag_roots(page, "msals-glance"):
        use_glance(page, roots[0])
        used.append("at a glance")
    if roots := tag_roots(page, "msals-tests"):
        assert check_summary_follows(page, roots[0])
        used.append("diagnostic tests")
    if roots := tag_roots(page, "msals-symptoms"):
        assert check_summary_follows(page, roots[0])
        used.append("symptoms")
    return used


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_lesson_runs_in_the_browser_kernel(pipeline, notebook):
    lesson = pipeline.lesson(notebook.name)
    try:
        lesson.wait_ready(timeout=KERNEL_TIMEOUT_MS)
        report = lesson.run_all()
        expected = expected_outputs(notebook)
        rendered = lesson.wait_rendered(expected)
        lesson.screenshot(f"site-{safe_name(notebook.stem)}")

        counts = [c["count"] for c in report["cells"] if c["source"].strip()]
        assert counts == list(range(1, len(counts) + 1)), counts
        assert error_outputs(report) == []
        assert rendered["views"] == expected["widgets"], rendered["viewTexts"]
        assert rendered["viewsRendered"] == rendered["views"], rendered["viewTexts"]
        for text in BROKEN_WIDGET_TEXTS:
            assert text not in rendered["text"]
        assert rendered["plotlyOutputs"] == expected["plotly"]
        assert rendered["plotlyOutputsDrawn"] == expected["plotly"]
        assert rendered["plotsDrawn"] == rendered["plots"]

        used = use_each_widget_kind(lesson.page)
        print(f"{notebook.stem}: {lesson.timings}, used {used}")

        ours, foreign = lesson.errors()
        for error in foreign:
            print(f"ignored (not from the lesson's code): {error}")
        assert ours == [], "console errors while running the lesson"
        outside = [u for u in lesson.outside if not (BADGE_PENDING and u == BADGE)]
        assert outside == [], "requests that left the site"
    finally:
        pipeline.done(notebook.name)


def test_the_test_browser_reaches_nothing_outside_the_site(offline_browser, site_server):
    """The blocking the lesson tests rely on: a name, an IP address, from a page and a worker."""
    lesson = LiteLesson(offline_browser, site_server, FIRST_LESSON)
    try:
        lesson.page.goto(site_server.url("index.html"))
        results = lesson.page.evaluate(
            """async (urls) => {
              const tryFetch = async (url) => {
                try { await fetch(url, {mode: 'no-cors'}); return 'reached'; }
                catch (e) { return 'blocked'; }
              };
              const worker = new Worker(URL.createObjectURL(new Blob([
                `onmessage = async (e) => { try { await fetch(e.data, {mode: 'no-cors'});
                   postMessage('reached'); } catch (err) { postMessage('blocked'); } };`])));
              const fromWorker = await new Promise(resolve => {
                worker.onmessage = e => resolve(e.data); worker.postMessage(urls[0]); });
              return [await tryFetch(urls[0]), await tryFetch(urls[1]), fromWorker,
                      await tryFetch('/index.html')];
            }""",
            ["https://example.com/", "http://1.1.1.1/"],
        )
        assert results == ["blocked", "blocked", "blocked", "reached"]
        assert "https://example.com/" in lesson.outside
        assert "http://1.1.1.1/" in lesson.outside
    finally:
        lesson.close()


def test_every_widget_kind_is_used_in_some_lesson():
    """The interactions above cover the explorer, a quiz and the timelines somewhere."""
    code = "\n".join(p.read_text(encoding="utf-8") for p in NOTEBOOKS)
    for call in ("NervousSystemExplorer(", "Quiz(", "ProgressionTimelines("):
        assert call in code, f"no notebook calls {call}: the site test would not use it"


def test_the_site_names_no_cdn(site):
    found = cdn_references(site)
    unexpected = [f"{file}: {host}" for file, host in found if not third_party_default(file, host)]
    assert unexpected == []
    # Pages, notebooks and settings name none at all; the listed third-party defaults are
    # all still there (so that the list does not outlive its reasons).
    ours = [f for f, _ in found if f.endswith((".html", ".ipynb", ".json", ".css"))]
    assert ours == []
    for pattern, hosts, _ in THIRD_PARTY_DEFAULTS:
        assert any(re.search(pattern, f) and h in hosts for f, h in found), pattern
    assert "cdn.jsdelivr.net" in CDN_HOSTS


def test_the_site_is_self_contained(site):
    run = site / "run"
    assert not list(site.rglob("*.map")), "source maps in the site"
    config = json.loads((run / "jupyter-lite.json").read_text(encoding="utf-8"))
    kernel = config["jupyter-config-data"]["litePluginSettings"][
        "@jupyterlite/pyodide-kernel-extension:kernel"
    ]
    assert kernel["pyodideUrl"] == f"./{PYODIDE_DIR}/pyodide.mjs"
    assert kernel["disablePyPIFallback"] is True
    lock = json.loads((run / PYODIDE_DIR / "pyodide-lock.json").read_text(encoding="utf-8"))
    # Every package the kernel loads at start is in the lock, and the lock's file and
    # sha256 match what the site serves.
    assert sorted(kernel["loadPyodideOptions"]["packages"]) == sorted(lock["packages"])
    for name, entry in lock["packages"].items():
        path = run / PYODIDE_DIR / entry["file_name"]
        assert path.is_file(), name
        assert sha256(path) == entry["sha256"], name
        assert set(entry["depends"]) <= set(lock["packages"]), name
    assert {"ms-als-lesson", "ipywidgets", "plotly", "pyodide-kernel"} <= set(lock["packages"])
    assert not {"pyyaml", "jsonschema"} & set(lock["packages"])
    # Every notebook is in the app, unchanged (no browser-only copies).
    for notebook in NOTEBOOKS:
        served = run / "files" / notebook.name
        assert served.read_bytes() == notebook.read_bytes(), notebook.name
    index = (site / "index.html").read_text(encoding="utf-8")
    assert f'href="run/lab/index.html?path={FIRST_LESSON}"' in index
    assert 'href="read/index.html"' in index
    assert "Not medical advice" in index
    assert (site / "read" / "00_start_here.html").is_file()
    assert (site / "favicon.ico").is_file()


@pytest.mark.xfail(
    BADGE_PENDING, reason="lesson 00 still shows Binder's badge image (issue 14)", strict=True
)
def test_no_notebook_shows_a_remote_image(site):
    shown = [
        p.name
        for p in (site / "run" / "files").glob("*.ipynb")
        if REMOTE_IMAGE.search(
            "\n".join(
                "".join(c["source"])
                for c in json.loads(p.read_text(encoding="utf-8"))["cells"]
                if c["cell_type"] == "markdown"
            )
        )
    ]
    assert shown == []
