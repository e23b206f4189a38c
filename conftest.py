"""pytest set-up for the whole repository (see "How the tests work" in the README).

Notebooks run only when asked (``pytest --nbval lessons``, ``make test-lessons``); the
plugin makes that run strict, offline and in the environment under test.
"""

import json
import os
import tempfile
from pathlib import Path

import pytest

pytest_plugins = ["tests.lessons_plugin"]

# Where the workers of ``-n 2`` tell the scheduler which tests form a group (a JSON file
# {node id: group}); set by the main process before the workers start.
GROUPS_ENV = "MSALS_XDIST_GROUPS"


def _unit_tests_only(config) -> bool:
    """``make check``: no notebook, no browser; xdist's own test-by-test scheduling."""
    return not config.option.nbval and "not browser" in (config.option.markexpr or "")


def pytest_configure(config):
    workers = getattr(config.option, "numprocesses", None)
    if workers and not hasattr(config, "workerinput") and not _unit_tests_only(config):
        handle, path = tempfile.mkstemp(prefix="msals-xdist-groups-", suffix=".json")
        os.close(handle)
        os.environ[GROUPS_ENV] = path  # the workers, started later, inherit it


def pytest_unconfigure(config):
    if not hasattr(config, "workerinput") and os.environ.get(GROUPS_ENV):
        Path(os.environ.pop(GROUPS_ENV)).unlink(missing_ok=True)


@pytest.hookimpl(trylast=True)  # after every conftest has marked its groups
def pytest_collection_modifyitems(config, items):
    """In a worker: write the ``xdist_group`` of each marked test for the scheduler.

    (pytest-xdist's own ``--dist loadgroup`` renames node ids, which pytest 9 no longer
    allows.)
    """
    path = os.environ.get(GROUPS_ENV)
    if not path or not hasattr(config, "workerinput"):
        return
    groups = {}
    for item in items:
        marker = item.get_closest_marker("xdist_group")
        if marker is not None:
            groups[item.nodeid] = marker.args[0]
    scratch = f"{path}.{config.workerinput['workerid']}"
    Path(scratch).write_text(json.dumps(groups), encoding="utf-8")
    os.replace(scratch, path)  # both workers write the same groups; each write is whole


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist, when it is there
def pytest_xdist_make_scheduler(config, log):
    """With ``-n 2`` (the make targets), which tests must share a worker process.

    A notebook's cells share one kernel and a module's tests share its fixtures, so each
    file goes to one worker as a whole (like ``--dist loadfile``). The browser tests mark
    their groups (``xdist_group``, tests/browser/conftest.py): every JupyterLab test of
    one lesson, which share one Run All of it, and the tests of one other server (Voila,
    Notebook 7). Each worker starts its own JupyterLab and Chromium when it first needs
    them, so the browser tests spread over both cores. Groups and files start in
    collection order: the browser tests, the longest part, first.
    """
    if _unit_tests_only(config):
        return None
    from xdist.scheduler import LoadScopeScheduling

    class ByGroupOrFile(LoadScopeScheduling):
        groups: dict[str, str] | None = None

        def _split_scope(self, nodeid: str) -> str:
            if self.groups is None:  # the workers have collected (and written) by now
                path = os.environ.get(GROUPS_ENV, "")
                text = Path(path).read_text(encoding="utf-8") if path else ""
                self.groups = json.loads(text) if text.strip() else {}
            return self.groups.get(nodeid) or nodeid.split("::", 1)[0]

    config.option.loadscopereorder = False
    return ByGroupOrFile(config, log)
