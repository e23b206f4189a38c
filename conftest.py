"""pytest set-up for the whole repository (see "How the tests work" in the README).

Notebooks run only when asked (``pytest --nbval lessons``, ``make test-lessons``); the
plugin makes that run strict, offline and in the environment under test.
"""

import pytest

pytest_plugins = ["tests.lessons_plugin"]


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist, when it is there
def pytest_xdist_make_scheduler(config, log):
    """With ``-n 2`` (the make targets), which tests must share a worker process.

    A notebook's cells share one kernel and a module's tests share its fixtures, so each
    file goes to one worker as a whole (like ``--dist loadfile``); the browser tests
    share one Jupyter server and one Chromium, so all of tests/browser goes to one worker.
    Files start in collection order: the browser tests, the longest part, first.
    """
    if not config.option.nbval and "not browser" in (config.option.markexpr or ""):
        return None  # unit tests only (make check): xdist's own test-by-test scheduling
    from xdist.scheduler import LoadScopeScheduling

    class ByFile(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = nodeid.split("::", 1)[0]
            return "tests/browser" if path.startswith("tests/browser/") else path

    config.option.loadscopereorder = False
    return ByFile(config, log)
