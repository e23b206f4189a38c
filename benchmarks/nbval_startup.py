"""What the lessons cost over bare notebooks under strict nbval (``make bench``; not a test).

Runs, side by side in one go and alternately, strict nbval over

* every notebook in ``lessons/``, and
* the same number of bare notebooks whose one cell imports ipywidgets and plotly,

both exactly as ``make test-lessons`` runs notebooks (tests/lessons_plugin.py: a fresh
kernel per notebook, network guard, sanitizer), one notebook at a time. Prints the
median wall and CPU time of each and the ratio lessons / bare. Target: at most 1.5.
The difference is this package's start-up and rendering.

    .venv/bin/python benchmarks/nbval_startup.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.5
BARE_CELL = "import ipywidgets\nimport plotly.graph_objects as go"


def bare_notebooks(folder: Path, count: int) -> list[Path]:
    paths = []
    for index in range(count):
        notebook = nbformat.v4.new_notebook()
        cell = nbformat.v4.new_code_cell(BARE_CELL)
        cell.execution_count = 1
        notebook.cells = [cell]
        path = folder / f"bare_{index:02d}.ipynb"
        nbformat.write(notebook, path)
        paths.append(path)
    return paths


def nbval_run(notebooks: list[Path]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of every process started) of one strict nbval run."""
    command = [
        sys.executable, "-m", "pytest", "-q", "-p", "no:xdist", "-p", "tests.lessons_plugin",
        "--rootdir", str(ROOT), "--nbval", *map(str, notebooks),
    ]  # fmt: skip
    before = os.times()
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    after = os.times()
    if result.returncode != 0:
        raise SystemExit(f"nbval failed:\n{result.stdout[-3000:]}")
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return wall, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    lessons = sorted((ROOT / "lessons").glob("*.ipynb"))
    times: dict[str, list[tuple[float, float]]] = {"bare": [], "lessons": []}
    with tempfile.TemporaryDirectory(prefix="nbval-bench-") as tmp:
        bare = bare_notebooks(Path(tmp), len(lessons))
        nbval_run(bare[:1])  # warm the disk cache for both
        for _ in range(args.rounds):
            times["bare"].append(nbval_run(bare))
            times["lessons"].append(nbval_run(lessons))
    wall = {kind: statistics.median(t[0] for t in runs) for kind, runs in times.items()}
    cpu = {kind: statistics.median(t[1] for t in runs) for kind, runs in times.items()}
    print(f"strict nbval, {len(lessons)} notebooks each, median of {args.rounds} alternate runs")
    print(f"{'':28} {'wall':>8} {'CPU':>8}")
    print(f"{'bare (ipywidgets + plotly)':28} {wall['bare']:7.1f}s {cpu['bare']:7.1f}s")
    print(f"{'lessons':28} {wall['lessons']:7.1f}s {cpu['lessons']:7.1f}s")
    ratio = wall["lessons"] / wall["bare"]
    print(
        f"ratio lessons / bare: {ratio:.2f} wall, {cpu['lessons'] / cpu['bare']:.2f} CPU "
        f"(target: wall <= {TARGET})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
