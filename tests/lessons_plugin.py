"""How lesson notebooks run under nbval (loaded by the repo's root ``conftest.py``).

``pytest --nbval lessons`` (``make test-lessons``) runs every lesson once, in a fresh
kernel, and compares each output with the stored one. This plugin makes that one run
prove three things at once:

* **strict**: outputs are compared with the repo's sanitizer (``tests/nbval_sanitize.cfg``,
  uuids and memory addresses only);
* **offline**: the kernel loads ``tests/offline/sitecustomize.py``, which refuses and
  records every connection that leaves this machine; a lesson that even tried (and
  caught the error) fails;
* **which environment**: the kernel's Python is ``$MSALS_LESSON_PYTHON`` when set, else
  the Python running pytest. ``make test`` points it at a fresh environment built from
  ``requirements.txt`` alone (``scripts/check_binder_env.py``), so the same run is the
  Binder check: the runtime file, without any test tool, runs every lesson.

The kernel is a kernelspec of its own (``msals-lessons``) in a temporary folder on
``JUPYTER_PATH``; its ``env`` carries the guard, so nothing else started by the test
session (Jupyter servers, pip) is blocked.
"""

from __future__ import annotations

import compileall
import functools
import json
import os
import pprint
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from nbval import kernel as nbval_kernel

from scripts.refresh_outputs import PrivateKernelManager

HERE = Path(__file__).resolve().parent
GUARD = HERE / "offline"
SANITIZER = HERE / "nbval_sanitize.cfg"
KERNEL_NAME = "msals-lessons"
PYTHON_ENV = "MSALS_LESSON_PYTHON"


def nbval_enabled(config) -> bool:
    return bool(
        getattr(config.option, "nbval", False) or getattr(config.option, "nbval_lax", False)
    )


def lesson_python() -> str:
    """The Python that runs lesson kernels: ``$MSALS_LESSON_PYTHON`` or this one."""
    python = os.environ.get(PYTHON_ENV) or sys.executable
    if not Path(python).is_file():
        raise pytest.UsageError(f"{PYTHON_ENV}={python!r}: no such Python")
    return python


def kernel_spec(python: str, network_log: Path) -> dict:
    """A kernelspec whose kernels block the network and record each attempt in ``network_log``."""
    path = os.pathsep.join(p for p in (str(GUARD), os.environ.get("PYTHONPATH", "")) if p)
    return {
        "argv": [python, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "MS vs ALS lessons (offline)",
        "language": "python",
        "env": {"PYTHONPATH": path, "MSALS_NETWORK_LOG": str(network_log)},
    }


class OfflineKernel:
    """The ``msals-lessons`` kernelspec of one pytest process, and its network log."""

    def __init__(self, python: str):
        self.python = python
        self.folder = Path(tempfile.mkdtemp(prefix="msals-kernel-"))
        self.log = self.folder / "network.log"
        self.log.touch()
        self._read = 0
        spec_dir = self.folder / "kernels" / KERNEL_NAME
        spec_dir.mkdir(parents=True)
        spec = kernel_spec(python, self.log)
        (spec_dir / "kernel.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")
        self._old_path = os.environ.get("JUPYTER_PATH")
        os.environ["JUPYTER_PATH"] = os.pathsep.join(
            p for p in (str(self.folder), self._old_path) if p
        )

    def new_attempts(self) -> list[str]:
        """Connections attempted since the last call (one line each)."""
        text = self.log.read_text(encoding="utf-8")
        new, self._read = text[self._read :], len(text)
        return new.splitlines()

    def close(self) -> None:
        if self._old_path is None:
            os.environ.pop("JUPYTER_PATH", None)
        else:
            os.environ["JUPYTER_PATH"] = self._old_path
        shutil.rmtree(self.folder, ignore_errors=True)


_KEY = pytest.StashKey[OfflineKernel]()


class LazyFormat:
    """``pprint.pformat`` run only if the log record is written.

    nbval logs every kernel message at debug level with ``pformat(msg)`` as an argument,
    so each message was pretty-printed even with debug logging off: about 0.4 s of the
    pytest process's time for a lesson with a few hundred widget models.
    """

    def __init__(self, value):
        self.value = value

    def __str__(self) -> str:
        return pprint.pformat(self.value)


nbval_kernel.pformat = LazyFormat  # used only in that debug call


@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    if not nbval_enabled(config):
        return
    option = config.option
    option.nbval_sanitize_with = option.nbval_sanitize_with or str(SANITIZER)
    option.nbval_current_env = False
    option.nbval_kernel_name = KERNEL_NAME
    kernel = config.stash[_KEY] = OfflineKernel(lesson_python())
    # Byte-code for the package, once, so no kernel compiles it again: where
    # PYTHONDONTWRITEBYTECODE is set (the reference machine sets it) each kernel otherwise
    # compiled every module it imports from source, about 0.05 s a lesson.
    compileall.compile_dir(str(HERE.parent / "widgets"), quiet=1)
    # Unix sockets of its own for each kernel: no TCP port race with the other worker.
    # They sit in the kernelspec's folder, removed at the end even if nbval leaves some.
    nbval_kernel.KernelManager = functools.partial(
        PrivateKernelManager, socket_dir=str(kernel.folder)
    )


def pytest_unconfigure(config):
    kernel = config.stash.get(_KEY, None)
    if kernel is not None:
        kernel.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    kernel = item.config.stash.get(_KEY, None)
    if kernel is None or call.when != "call":
        return
    attempts = kernel.new_attempts()
    report = outcome.get_result()
    if attempts and report.passed:
        report.outcome = "failed"
        report.longrepr = "the notebook tried to reach the network:\n" + "\n".join(attempts)


def pytest_report_header(config):
    kernel = config.stash.get(_KEY, None)
    if kernel is not None:
        return f"lessons: kernel {KERNEL_NAME} ({kernel.python}), network blocked"
