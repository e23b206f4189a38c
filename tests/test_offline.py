"""Offline and private by design: lessons run with the network blocked, never calling home.

Every lesson runs under the guard in the one nbval pass (``make test-lessons``): the
kernel loads ``tests/offline/sitecustomize.py`` (see ``tests/lessons_plugin.py``). These
tests prove that the guard blocks and records, and that the nbval pass fails a notebook
that tried to reach out, even when the notebook caught the error.
"""

from __future__ import annotations

import json
import subprocess
import sys

import nbformat
import pytest

from tests.lessons_plugin import GUARD, KERNEL_NAME, kernel_spec
from tests.notebook_tools import run_nbval

# Not a loopback address, so the guard must refuse it; were the guard broken, a connection
# to it would still stay on this machine (Linux treats 0.0.0.0 as this host).
OUTSIDE = "0.0.0.0"


@pytest.fixture
def offline(tmp_path, monkeypatch):
    """Processes started here load tests/offline/sitecustomize.py, which blocks the network."""
    log = tmp_path / "network.log"
    log.touch()
    monkeypatch.setenv("PYTHONPATH", str(GUARD))
    monkeypatch.setenv("MSALS_NETWORK_LOG", str(log))
    return log


def test_the_guard_blocks_and_records_outside_connections(offline):
    probe = (
        f"import socket\nOUTSIDE = {OUTSIDE!r}\n"
        "for attempt in (lambda: socket.getaddrinfo('example.org', 443),\n"
        "                lambda: socket.socket().connect((OUTSIDE, 80))):\n"
        "    try:\n"
        "        attempt()\n"
        "    except OSError as err:\n"
        "        print(err)\n"
        "socket.getaddrinfo('localhost', 80)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.stdout.count("blocked by the offline test") == 2
    assert offline.read_text().splitlines() == [
        "socket.getaddrinfo 'example.org'",
        f"socket.connect {OUTSIDE!r}",
    ]


def test_lesson_kernels_load_the_guard(tmp_path, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", "/elsewhere")
    spec = kernel_spec("/env/bin/python", tmp_path / "net.log")
    assert spec["argv"][:3] == ["/env/bin/python", "-m", "ipykernel_launcher"]
    assert spec["env"]["PYTHONPATH"].split(":") == [str(GUARD), "/elsewhere"]
    assert spec["env"]["MSALS_NETWORK_LOG"] == str(tmp_path / "net.log")
    assert json.loads(json.dumps(spec)) == spec  # what goes into kernel.json
    assert KERNEL_NAME == "msals-lessons"


@pytest.mark.notebook
def test_nbval_fails_a_notebook_that_tried_to_reach_out(tmp_path):
    """The notebook catches the refusal and its output matches: the attempt alone fails it."""
    notebook = nbformat.v4.new_notebook()
    reach_out = nbformat.v4.new_code_cell(
        "import socket\n"
        "try:\n"
        f"    socket.create_connection(({OUTSIDE!r}, 80), timeout=1)\n"
        "except OSError:\n"
        "    print('no network')"
    )
    reach_out.outputs = [nbformat.v4.new_output("stream", name="stdout", text="no network\n")]
    local = nbformat.v4.new_code_cell("import socket\n_ = socket.getaddrinfo('localhost', 80)")
    notebook.cells = [local, reach_out]
    local.execution_count, reach_out.execution_count = 1, 2
    path = tmp_path / "calls_home.ipynb"
    nbformat.write(notebook, path)

    result = run_nbval(path)
    assert result.returncode == 1, result.stdout
    assert "1 failed, 1 passed" in result.stdout
    assert "the notebook tried to reach the network" in result.stdout
    assert f"socket.getaddrinfo {OUTSIDE!r}" in result.stdout  # create_connection resolves first
