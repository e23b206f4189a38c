"""The README's set-up commands: `make lesson` really serves the first lesson."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
import urllib.request

import pytest

from tests.notebook_tools import ROOT

TOKEN = "lesson-command-test"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"^\s*(make \w+)\s*$", text, re.M)


def test_readme_names_the_two_commands_and_ci_runs_the_test_one():
    commands = readme_commands()
    assert "make lesson" in commands and "make test" in commands
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci, re.M)


@pytest.mark.notebook
def test_make_lesson_serves_the_first_lesson(tmp_path):
    port = free_port()
    log = (tmp_path / "lab.log").open("w+")
    process = subprocess.Popen(
        [
            "make",
            "--no-print-directory",
            "lesson",
            f"PORT={port}",
            f"LAB_FLAGS=--no-browser --IdentityProvider.token={TOKEN}",
        ],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, (tmp_path / "lab.log").read_text()
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={TOKEN}", timeout=5):
                    break
            except OSError:
                assert time.monotonic() < deadline, (tmp_path / "lab.log").read_text()
                time.sleep(0.5)
        # The browser opens the server's default URL: it must be the first lesson.
        with urllib.request.urlopen(f"{base}/?token={TOKEN}", timeout=10) as response:
            assert response.status == 200
            assert response.url.startswith(f"{base}/lab/tree/lessons/00_start_here.ipynb")
        api = f"{base}/api/contents/lessons/00_start_here.ipynb?token={TOKEN}"
        with urllib.request.urlopen(api, timeout=10) as response:
            assert b'"type": "notebook"' in response.read()
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        log.close()
