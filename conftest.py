"""pytest set-up for the whole repository (see "How the tests work" in the README).

Notebooks run only when asked (``pytest --nbval lessons``, ``make test-lessons``); the
plugin makes that run strict, offline and in the environment under test.
"""

import pytest

pytest_plugins = ["tests.lessons_plugin"]


def _unit_tests_only(config) -> bool:
    """``make check``: no notebook, no browser; xdist's own test-by-test scheduling."""
    return not config.option.nbval and "not browser" in (config.option.markexpr or "")


def pytest_configure(config):
    # With workers (-n 2), a test marked ``xdist_group(name)`` carries ``@name`` in its
    # node id (pytest-xdist's "loadgroup"); the scheduler below keeps each group together.
    if getattr(config.option, "dist", "no") == "load" and not _unit_tests_only(config):
        config.option.dist = "loadgroup"


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist, when it is there
def pytest_xdist_make_scheduler(config, log):
    """With ``-n 2`` (the make targets), which tests must share a worker process.

    A notebook's cells share one kernel and a module's tests share its fixtures, so each
    file goes to one worker as a whole (like ``--dist loadfile``). The browser tests mark
    their groups (tests/browser/conftest.py): every JupyterLab test of one lesson, which
    share one Run All of it, and the tests of one other server (Voila, Notebook 7). Each
    worker starts its own JupyterLab and Chromium when it first needs them, so the
    browser tests spread over both cores. Groups and files start in collection order:
    the browser tests, the longest part, first.
    """
    if _unit_tests_only(config):
        return None
    from xdist.scheduler import LoadScopeScheduling

    class ByGroupOrFile(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path, _, rest = nodeid.partition("::")
            group = rest.rpartition("@")[2] if "@" in rest else ""
            return group if group.startswith("browser-") else path

    config.option.loadscopereorder = False
    return ByGroupOrFile(config, log)
