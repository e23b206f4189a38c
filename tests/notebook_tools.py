"""Helpers for the notebook tests: find lessons, read their text and outputs."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LESSONS = ROOT / "lessons"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def lesson_paths() -> list[Path]:
    """The numbered lessons, in teaching order."""
    return sorted(LESSONS.glob("[0-9][0-9]_*.ipynb"))


def notebook_paths() -> list[Path]:
    """Every notebook students open: the lessons plus companions such as the glossary."""
    return sorted(LESSONS.glob("*.ipynb"))


def read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def source(cell: dict) -> str:
    text = cell.get("source", "")
    return "".join(text) if isinstance(text, list) else text


def markdown(notebook: dict) -> str:
    return "\n".join(source(c) for c in notebook["cells"] if c["cell_type"] == "markdown")


def code_cells(notebook: dict) -> list[dict]:
    return [c for c in notebook["cells"] if c["cell_type"] == "code"]


def comparable_outputs(notebook: dict) -> list[list[dict]]:
    """Outputs of every code cell, without the parts that change on every run."""
    result = []
    for cell in code_cells(notebook):
        outputs = []
        for output in cell.get("outputs", []):
            output = dict(output)
            output.pop("execution_count", None)
            output.pop("metadata", None)
            if "data" in output:
                output["data"] = {
                    k: _joined(v) for k, v in output["data"].items() if k != WIDGET_VIEW
                }
            if "text" in output:
                output["text"] = _joined(output["text"])
            outputs.append(output)
        result.append(outputs)
    return result


def _joined(value):
    """nbformat stores multi-line strings as lists of lines on disk; compare them joined."""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "".join(value)
    return value


def output_texts(notebook: dict) -> list[str]:
    """Every string stored in every output (what nbval compares)."""
    texts: list[str] = []

    def collect(value):
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, list):
            for item in value:
                collect(item)
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)

    for cell in code_cells(notebook):
        collect(cell.get("outputs", []))
    return texts


def run_nbval(*notebooks: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    """``pytest --nbval`` on ``notebooks`` in a subprocess, as ``make test-lessons`` runs it."""
    command = [
        sys.executable, "-m", "pytest", "-q", "-p", "tests.fast_start",
        "-p", "tests.lessons_plugin", "-p", "no:xdist",
        "--rootdir", str(ROOT), "--nbval", *map(str, notebooks),
    ]  # fmt: skip
    return subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
    )


def presenter_problems(page: str, notebook_path: Path) -> list[str]:
    """What is wrong with Voila's page for a lesson (presenter mode): [] if nothing.

    The page must show the lesson's title, every stored widget view and plotly figure,
    no error, and none of the code.
    """
    notebook = read(notebook_path)
    problems = []
    title = re.search(r"^# (.+)$", markdown(notebook), re.M).group(1)
    if html.escape(title, quote=False) not in page:
        problems.append(f"title {title!r} missing")
    for mimetype in ("application/vnd.plotly.v1+json", "application/vnd.jupyter.widget-view+json"):
        stored = sum(
            mimetype in output.get("data", {})
            for cell in code_cells(notebook)
            for output in cell["outputs"]
        )
        if page.count(mimetype) != stored:
            problems.append(f"{page.count(mimetype)} {mimetype} outputs, {stored} stored")
    for error in ("Traceback", "error when executing"):
        if error in page:
            problems.append(f"{error!r} in the page")
    first_code = source(code_cells(notebook)[0]).splitlines()[0]
    if html.escape(first_code, quote=False) in page:
        problems.append("the code is shown")
    return problems
