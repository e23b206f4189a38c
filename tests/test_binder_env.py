"""Binder's recipe, without Docker: requirements.txt alone runs every lesson.

``make test`` builds a fresh environment from requirements.txt (scripts/check_binder_env.py)
and runs the one nbval pass over every lesson in kernels of that environment
(``MSALS_LESSON_PYTHON``, tests/lessons_plugin.py). These tests check the recipe's files,
and that the environment those kernels ran in held the runtime and nothing else.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import pytest

from scripts.check_binder_env import ROOT, inputs_digest, runtime_python
from tests.lessons_plugin import PYTHON_ENV

# What the lessons never import: tools for tests, lint, authoring and other front ends.
DEV_TOOLS = ("pytest", "nbval", "xdist", "ruff", "playwright", "axe_playwright_python")


def pins(path) -> dict[str, str]:
    """``name: version`` of every ``name==version`` line (names normalised as pip does)."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)==(\S+)", line.split("#")[0].strip())
        if match:
            found[re.sub(r"[-_.]+", "-", match.group(1)).lower()] = match.group(2)
    return found


def requirement_lines(path) -> list[str]:
    lines = (line.split("#")[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


def test_runtime_file_names_a_python_3_version():
    assert re.fullmatch(r"3\.\d+", runtime_python())


def test_readme_badge_opens_the_first_lesson_in_jupyterlab():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    badge = re.search(r"\(https://mybinder\.org/v2/gh/([^)]+)\)", readme)
    assert badge and badge.group(1).endswith("?urlpath=lab/tree/lessons/00_start_here.ipynb")
    assert not (ROOT / "binder").exists(), (
        "a binder/ folder would make repo2docker ignore root files"
    )


def test_runtime_holds_the_lesson_and_the_dev_file_the_tools():
    runtime = requirement_lines(ROOT / "requirements.txt")
    dev = requirement_lines(ROOT / "requirements-dev.txt")
    # Every line pinned exactly (stored outputs are compared byte for byte), but `-e .`.
    assert all("==" in line for line in runtime if line != "-e ."), runtime
    assert "-e ." in runtime
    # Voila is the lesson's too: Binder's presenter links (voila/render/...) need it.
    lesson = {"jupyterlab", "ipywidgets", "plotly", "ipykernel", "voila"}
    tools = {"nbval", "pytest", "ruff", "playwright", "notebook"}
    assert lesson <= set(pins(ROOT / "requirements.txt"))
    assert not tools & set(pins(ROOT / "requirements.txt"))
    assert dev[0] == "-r requirements.txt", "the tools come on top of the runtime"
    assert all("==" in line for line in dev[1:]), dev
    assert tools <= set(pins(ROOT / "requirements-dev.txt"))


def test_everything_the_lessons_need_is_committed():
    """What a fresh clone (and Binder) gets: no file the lessons need is ignored by git."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    folders = ["widgets", "data", "lessons", ".jupyter"]
    ignored = subprocess.run(
        ["git", "ls-files", "--others", "--ignored", "--exclude-standard", "--", *folders],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    harmless = re.compile(r"(^|/)(__pycache__|\.ipynb_checkpoints)/")
    assert [path for path in ignored if not harmless.search(path)] == []


def test_lesson_kernels_ran_in_the_runtime_environment_alone():
    """In `make test` the nbval pass used a kernel of the fresh Binder environment: check it."""
    python = os.environ.get(PYTHON_ENV)
    if not python:
        pytest.skip(f"{PYTHON_ENV} is not set: the lessons ran in this environment")
    probe = (
        "import importlib.metadata as m, importlib.util as u, json, widgets\n"
        f"tools = [t for t in {DEV_TOOLS!r} if u.find_spec(t)]\n"
        "names = ('jupyterlab', 'ipywidgets', 'plotly', 'ipykernel', 'PyYAML', 'jsonschema')\n"
        "print(json.dumps({'tools': tools, 'package': widgets.__file__,\n"
        "    'versions': {n.lower(): m.version(n) for n in names}}))"
    )
    found = json.loads(
        subprocess.run(
            [python, "-c", probe], cwd=ROOT / "lessons", capture_output=True, text=True, check=True
        ).stdout
    )
    assert found["tools"] == [], "the Binder environment holds test tools"
    assert found["package"] == str(ROOT / "widgets" / "__init__.py")
    wanted = pins(ROOT / "requirements.txt")
    assert {name: wanted[name.lower()] for name in found["versions"]} == found["versions"]


def test_the_environment_is_rebuilt_only_when_what_pip_reads_changes(tmp_path):
    """make test keeps build/binder-env unless requirements, runtime or the package change."""
    for name in ("requirements.txt", "runtime.txt", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    before = inputs_digest(tmp_path)
    pyproject = tmp_path / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    assert 'addopts = "' in text
    pyproject.write_text(text.replace('addopts = "', 'addopts = "-x '), encoding="utf-8")
    assert inputs_digest(tmp_path) == before  # a test setting: same environment
    pyproject.write_text(text.replace('version = "', 'version = "9'), encoding="utf-8")
    assert inputs_digest(tmp_path) != before  # the package itself
    pyproject.write_text(text, encoding="utf-8")
    requirements = tmp_path / "requirements.txt"
    requirements.write_text(requirements.read_text(encoding="utf-8") + "rich==13.9.4\n")
    assert inputs_digest(tmp_path) != before
