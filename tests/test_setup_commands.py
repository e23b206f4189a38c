"""The README's commands: `make lesson` serves the first lesson, `make present` a lesson app."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import time
import urllib.request

import pytest

from tests.notebook_tools import LESSONS, ROOT, presenter_problems

TOKEN = "lesson-command-test"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"^\s*(make \w+)\s*$", text, re.M)


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


@contextlib.contextmanager
def make_server(tmp_path, target: str, probe: str | None, *variables: str):
    """Run `make <target>` on a free port until `probe` answers (or the port opens)."""
    port = free_port()
    log_path = tmp_path / f"{target}.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            ["make", "--no-print-directory", target, f"PORT={port}", *variables],
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 90
            while True:
                assert process.poll() is None, log_path.read_text()
                try:
                    if probe is None:
                        if port_open(port):
                            break
                        raise ConnectionRefusedError
                    with urllib.request.urlopen(base + probe, timeout=30):
                        break
                except OSError:
                    assert time.monotonic() < deadline, log_path.read_text()
                    time.sleep(0.5)
            yield base
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


def test_readme_names_the_two_commands_and_ci_runs_the_test_one():
    commands = readme_commands()
    assert "make lesson" in commands and "make test" in commands
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci, re.M)


@pytest.mark.notebook
def test_make_lesson_serves_the_first_lesson(tmp_path):
    flags = f"LAB_FLAGS=--no-browser --IdentityProvider.token={TOKEN}"
    with make_server(tmp_path, "lesson", f"/api/status?token={TOKEN}", flags) as base:
        # The browser opens the server's default URL: it must be the first lesson.
        with urllib.request.urlopen(f"{base}/?token={TOKEN}", timeout=10) as response:
            assert response.status == 200
            assert response.url.startswith(f"{base}/lab/tree/lessons/00_start_here.ipynb")
        api = f"{base}/api/contents/lessons/00_start_here.ipynb?token={TOKEN}"
        with urllib.request.urlopen(api, timeout=10) as response:
            assert b'"type": "notebook"' in response.read()


@pytest.mark.notebook
def test_make_present_renders_a_lesson_without_code(tmp_path):
    """The command works; every lesson in Voila is checked by tests/browser (one server)."""
    lesson = LESSONS / "00_start_here.ipynb"
    variables = (f"LESSON={lesson.stem}", "LAB_FLAGS=--no-browser")
    with (
        make_server(tmp_path, "present", None, *variables) as base,
        urllib.request.urlopen(f"{base}/voila/render/{lesson.name}", timeout=120) as response,
    ):
        page = response.read().decode("utf-8")
    assert presenter_problems(page, lesson) == []
