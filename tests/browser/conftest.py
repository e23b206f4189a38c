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
from tests.notebook_tools import lesson_paths

SKIP_ENV = "MSALS_SKIP_BROWSER"
SKIP_REASON = (
    f"!!! BROWSER TESTS NOT RUN: {SKIP_ENV}=1 is set. Nothing was checked in a real "
    "browser; unset it to run them."
)


def browser_skipped() -> bool:
    return os.environ.get(SKIP_ENV, "") not in ("", "0")


# The JupyterLab tests share one page, and opening a lesson there (restart, run all) is
# their main cost. So they run lesson by lesson: for each lesson, first the modules that
# look at it as Run All left it, then those that click around in it. Tests of notebooks
# that are not lessons (the checks' own stand-ins), and the Notebook 7 and Voila tests
# (servers of their own), come after.
LAB_MODULES = (
    "test_lessons_in_lab",
    "test_accessibility",
    "test_at_a_glance_in_lab",
    "test_lesson_widgets_in_lab",
    "test_diagnostic_tests_in_lab",
)
LESSON_ORDER = {path.stem: index for index, path in enumerate(lesson_paths())}


def lesson_of(item) -> str | None:
    """The lesson a test opens: its ``lesson`` parameter, or its ``lesson`` marker."""
    param = getattr(item, "callspec", None) and item.callspec.params.get("lesson")
    if param is not None:
        return Path(param).stem
    marker = item.get_closest_marker("lesson")
    return marker.args[0] if marker else None


def run_order(item) -> tuple:
    module = item.module.__name__.rsplit(".", 1)[-1]
    lesson = lesson_of(item)
    if module in LAB_MODULES and lesson in LESSON_ORDER:
        return (0, LESSON_ORDER[lesson], LAB_MODULES.index(module))
    return (1, 0, 0)  # other notebooks and other servers: afterwards, in file order


def pytest_collection_modifyitems(config, items):
    browser = [item for item in items if item.get_closest_marker("browser")]
    if browser:
        # Stable sort: within a lesson and module, tests keep their file order.
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
    clean state asks for ``fresh=True``.
    """

    def __init__(self, page, server):
        self.page = page
        self.server = server
        self.current: LabNotebook | None = None
        self.report: dict | None = None
        self.touched = False

    def open(self, path: str, pristine: bool = False) -> LabNotebook:
        """The lesson at ``path``, run in a fresh kernel.

        Reuses the open lesson unless another is asked for, or ``pristine`` is asked
        and a test has clicked around in it (``touched``).
        """
        current = self.current
        if current is not None and current.path == path and not (pristine and self.touched):
            return current
        if self.current is not None:
            self.current.detach()
            self.current = None
        self.server.shutdown_kernels()  # one lesson's kernel at a time on a 2-core machine
        notebook = LabNotebook(self.page, self.server, path)
        notebook.open()
        self.report = notebook.restart_and_run_all()
        self.current = notebook
        self.touched = False
        return notebook

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
