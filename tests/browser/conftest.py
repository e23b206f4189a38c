"""Fixtures for the browser tests: one JupyterLab server and one Chromium per session.

The tests need a Chromium (Debian's ``/usr/bin/chromium``; ``.ci/run`` installs it).
Without one they FAIL with a message saying so: a machine without a browser must not
report the browser tests as passed. ``MSALS_SKIP_BROWSER=1`` skips them knowingly, with
a loud reason in the summary.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from scripts.headless import find_chromium
from tests.browser.jupyter import (
    NO_CHROMIUM_MESSAGE,
    LabNotebook,
    Server,
    copy_repo,
    launch_chromium,
)
from tests.notebook_tools import notebook_paths

SKIP_ENV = "MSALS_SKIP_BROWSER"
SKIP_REASON = (
    f"!!! BROWSER TESTS NOT RUN: {SKIP_ENV}=1 is set. Nothing was checked in a real "
    "browser; unset it to run them."
)


def browser_skipped() -> bool:
    return os.environ.get(SKIP_ENV, "") not in ("", "0")


# The JupyterLab tests of one worker share one page, and opening a lesson there (restart,
# run all) is their main cost. So every JupyterLab test of a lesson is one group
# (``xdist_group``: the same worker, one after another) sharing a single Run All, in
# this order: what looks at the lesson before it runs, the first Run All (checked
# pristine), what only reads the page, a test that wants it pristine before it clicks,
# then what clicks and types, and last what changes the page for good. Tests of other
# notebooks (the checks' own stand-ins, the exit ticket, the simulator) go by file;
# Voila and Notebook 7 tests are a group each (a server of their own). The groups start
# longest first: the other servers' groups, then the lessons in order, then the rest;
# a test printing with a Playwright of its own goes before them all.
BEFORE_RUN = {"test_stored_diagrams_are_drawn_in_an_untrusted_unrun_lesson"}
FIRST_RUN = {"test_lesson_runs_clean_and_draws_everything"}
READ_ONLY = {
    "test_the_lesson_kernel_uses_the_copied_package_and_data",
    "test_no_serious_accessibility_violations_in_the_outputs",
    "test_lesson_00_opens_on_the_comparison",
    "test_text_in_our_outputs_reads_in_jupyterlab_dark",
    "test_the_contrast_check_catches_low_contrast_text",
    "test_symptom_menu_starts_with_its_prompt",
    "test_explorer_fits_a_laptop_and_a_small_screen",
    "test_lab_view_menu_hides_code_for_a_projector",
}
PRISTINE_THEN_CLICKS = {
    "test_quiz_state_and_focus_after_each_action",
    "test_timeline_years_per_view_and_greyed_controls_say_why",
}
# Servers other than the shared JupyterLab: a group each (fixture name -> group).
SERVER_GROUPS = {"voila_server": "browser-voila", "notebook7_server": "browser-notebook7"}
NOTEBOOK_ORDER = {path.stem: index for index, path in enumerate(notebook_paths())}


def lesson_of(item) -> str | None:
    """The lesson a test opens: its ``lesson`` parameter, or its ``lesson`` marker."""
    param = getattr(item, "callspec", None) and item.callspec.params.get("lesson")
    if param is not None:
        return Path(param).stem
    marker = item.get_closest_marker("lesson")
    return marker.args[0] if marker else None


def lab_lesson(item) -> str | None:
    """The lesson a JupyterLab test opens in the shared page (None: not such a test)."""
    lesson = lesson_of(item)
    return lesson if "lessons" in item.fixturenames and lesson in NOTEBOOK_ORDER else None


# Last in its lesson: a probe paragraph put into lesson 00's table and taken out again
# under JupyterLab Dark made JupyterLab throw ("removeChild ... not a child of this node")
# at the next click on that table, which the click tests' console check then reported.
LAST = {"test_the_dark_check_sees_text_that_ignores_the_theme"}


def phase(item) -> int:
    name = item.originalname
    order = (BEFORE_RUN, FIRST_RUN, READ_ONLY, PRISTINE_THEN_CLICKS)
    for index, names in enumerate(order):
        if name in names:
            return index
    return len(order) + (name in LAST)


def group_of(item) -> str | None:
    lesson = lab_lesson(item)
    if lesson is not None:
        return f"browser-lab-{lesson}"
    return next((g for f, g in SERVER_GROUPS.items() if f in item.fixturenames), None)


def own_playwright(item) -> bool:
    """A browser test that starts a Playwright of its own (the handouts print with one):
    it must run before this worker's shared Chromium starts, as two cannot share a
    thread."""
    return not {"browser", "lessons", "lab_page", "fresh_page"} & set(item.fixturenames)


def run_order(item) -> tuple:
    lesson = lab_lesson(item)
    if lesson is not None:
        return (2, NOTEBOOK_ORDER[lesson], phase(item))
    group = group_of(item)
    if group is not None:
        return (1, list(SERVER_GROUPS.values()).index(group), 0)
    if own_playwright(item) and "tests/browser/" not in item.nodeid:
        return (0, 0, 0)  # first: its file goes to a worker before any Chromium there
    return (3, 0, 0)  # other notebooks and other servers: afterwards, in file order


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist adds the groups to the node ids
def pytest_collection_modifyitems(config, items):
    browser = [item for item in items if item.get_closest_marker("browser")]
    for item in browser:
        group = group_of(item)
        if group is not None:
            item.add_marker(pytest.mark.xdist_group(group))
    if browser:
        # Stable sort: within a group, tests keep their file order.
        ordered = iter(sorted(browser, key=run_order))
        items[:] = [next(ordered) if item.get_closest_marker("browser") else item for item in items]
    if not browser_skipped():
        return
    for item in browser:
        item.add_marker(pytest.mark.skip(reason=SKIP_REASON))


def pytest_terminal_summary(terminalreporter):
    if browser_skipped():
        terminalreporter.write_sep("!", SKIP_REASON, red=True, bold=True)


@pytest.fixture(scope="session")
def chromium_path():
    path = find_chromium()
    if path is None:
        pytest.fail(NO_CHROMIUM_MESSAGE, pytrace=False)
    return path


@pytest.fixture(scope="session")
def repo_copy(tmp_path_factory):
    """The lessons, data and widgets copied to a temporary folder the servers serve."""
    return copy_repo(tmp_path_factory.mktemp("lesson-root"))


@pytest.fixture(scope="session")
def server_state(tmp_path_factory):
    return tmp_path_factory.mktemp("server-state")


def _server(kind, repo_copy, server_state):
    server = Server(kind, repo_copy, server_state)
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def lab_server(repo_copy, server_state):
    yield from _server("lab", repo_copy, server_state)


@pytest.fixture(scope="session")
def notebook7_server(repo_copy, server_state):
    yield from _server("notebook", repo_copy, server_state)


@pytest.fixture(scope="session")
def voila_server(repo_copy, server_state):
    yield from _server("voila", repo_copy, server_state)


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright, chromium_path)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def lab_page(browser):
    """One page reused by every JupyterLab test (opening a page costs seconds)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    context.close()


@pytest.fixture
def fresh_page(browser):
    """A page of its own, for the Notebook 7 and Voila checks."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    context.close()


class LessonSession:
    """Opens lessons in the shared page, and remembers which one is open and run.

    Tests of one lesson share a single restart-and-run-all; a test that needs a
    clean state asks for ``pristine=True``.
    """

    def __init__(self, page, server):
        self.page = page
        self.server = server
        self.current: LabNotebook | None = None
        self.report: dict | None = None
        self.touched = False

    def _leave(self) -> None:
        if self.current is not None:
            self.current.detach()
            self.current = None
        self.report = None
        self.server.shutdown_kernels()  # one lesson's kernel at a time on a 2-core machine

    def open_unrun(self, path: str) -> LabNotebook:
        """The lesson at ``path`` as a student first sees it: opened, untrusted, not run.

        The next ``open`` loads it again before running it (run in place, JupyterLab
        4.6 has thrown "removeChild ... not a child of this node" while replacing the
        sanitised outputs, which the first run's console check would then report).
        """
        self._leave()
        self.current = LabNotebook(self.page, self.server, path).open()
        self.touched = True  # not a state the other tests may use as it is
        return self.current

    def open(self, path: str, pristine: bool = False) -> LabNotebook:
        """The lesson at ``path``, run in a fresh kernel.

        Reuses the open lesson unless another is asked for, or ``pristine`` is asked
        and a test has clicked around in it (``touched``).
        """
        current = self.current
        unrun = current is not None and self.report is None
        if current is None or current.path != path or unrun or (pristine and self.touched):
            self._leave()
            current = self.current = LabNotebook(self.page, self.server, path).open()
        if self.report is None:
            self.report = current.restart_and_run_all()
            self.touched = False
        return current

    def use(self, path: str) -> LabNotebook:
        """The lesson at ``path`` for a test that will interact with it."""
        notebook = self.open(path)
        self.touched = True
        return notebook


@pytest.fixture(scope="session")
def lessons(lab_page, lab_server):
    session = LessonSession(lab_page, lab_server)
    yield session
    lab_server.shutdown_kernels()
