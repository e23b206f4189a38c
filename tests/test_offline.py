"""Offline and private by design: lessons run with the network blocked, never calling home."""

from __future__ import annotations

import subprocess
import sys

import pytest

from scripts.refresh_outputs import execute
from tests.notebook_tools import ROOT, comparable_outputs, notebook_paths, read

GUARD = ROOT / "tests" / "offline"


@pytest.fixture
def offline(tmp_path, monkeypatch):
    """Kernels started here load tests/offline/sitecustomize.py, which blocks the network."""
    log = tmp_path / "network.log"
    log.touch()
    monkeypatch.setenv("PYTHONPATH", str(GUARD))
    monkeypatch.setenv("MSALS_NETWORK_LOG", str(log))
    return log


def test_the_guard_blocks_and_records_outside_connections(offline):
    probe = (
        "import socket\n"
        "for attempt in (lambda: socket.getaddrinfo('example.org', 443),\n"
        "                lambda: socket.socket().connect(('192.0.2.1', 80))):\n"
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
        "socket.connect '192.0.2.1'",
    ]


@pytest.mark.notebook
@pytest.mark.parametrize("lesson", notebook_paths(), ids=[p.stem for p in notebook_paths()])
def test_lesson_runs_offline_without_calling_home(offline, lesson):
    executed = execute(lesson)
    assert comparable_outputs(executed) == comparable_outputs(read(lesson))
    assert offline.read_text() == "", "a lesson tried to reach the network"
