"""Prove the Binder recipe without Docker (``make binder-check``; ``make test`` reuses it).

repo2docker builds this repository from its files alone: the Python version in
``runtime.txt``, then ``pip install -r requirements.txt`` in the repository folder,
with JupyterLab and the kernel in that same environment. ``--build DIR`` does the same
in a fresh virtual environment (``DIR`` is deleted first) and prints its size and
install time; with ``--reuse`` (``make test``) an environment built from the same files
(requirements.txt, runtime.txt, what pip reads of pyproject.toml) is kept. Nothing else
goes into it: no test tool, not even nbval.

``--run-lessons`` then runs every lesson with strict nbval in a kernel of that
environment: nbval and pytest run here, in the development environment, and start
the kernel with the environment's own Python (``MSALS_LESSON_PYTHON``, read by
``tests/lessons_plugin.py``). ``make test`` runs the same nbval pass, once, as part of
the whole suite, so the lessons are not executed twice.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAMP = ".installed"


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def runtime_python() -> str:
    """The version in runtime.txt (``python-3.11`` -> ``3.11``)."""
    text = (ROOT / "runtime.txt").read_text(encoding="utf-8").strip()
    if not text.startswith("python-"):
        raise ValueError(f"runtime.txt must look like 'python-3.11', got {text!r}")
    return text.removeprefix("python-")


def inputs_digest(root: Path = ROOT) -> str:
    """A digest of what the environment is built from: requirements.txt, runtime.txt and
    the tables of pyproject.toml that pip reads (not the tools' settings, such as pytest's)."""
    digest = hashlib.sha256()
    for name in ("requirements.txt", "runtime.txt"):
        digest.update((root / name).read_bytes())
    text = (root / "pyproject.toml").read_text(encoding="utf-8")
    # Split before each table header; keep [project], [build-system], [tool.setuptools...].
    for table in re.split(r"(?m)^(?=\[)", text):
        if not table.startswith("[tool.") or table.startswith("[tool.setuptools"):
            digest.update(table.encode())
    return digest.hexdigest()


def up_to_date(env: Path) -> bool:
    """``env`` was built (completely) from the files as they are now."""
    stamp = env / STAMP
    if not stamp.is_file() or not env_python(env).is_file():
        return False
    try:
        figures = json.loads(stamp.read_text(encoding="utf-8"))
    except ValueError:
        return False
    return figures.get("inputs") == inputs_digest()


def env_python(env: Path) -> Path:
    return env / "bin" / "python"


def build(env: Path, requirements: str = "requirements.txt") -> dict[str, float]:
    """A fresh virtual environment at ``env`` with ``requirements`` installed, as Binder does."""
    shutil.rmtree(env, ignore_errors=True)
    started = time.perf_counter()
    venv.create(env, with_pip=True)
    subprocess.run(
        [str(env_python(env)), "-m", "pip", "install", "--quiet", "-r", requirements],
        cwd=ROOT,
        check=True,
    )
    figures = {
        "install_seconds": time.perf_counter() - started,
        "install_megabytes": folder_size(env) / 1e6,
        "inputs": inputs_digest(),
    }
    (env / STAMP).write_text(json.dumps(figures), encoding="utf-8")
    return figures


def run_lessons(env: Path, workers: int = 2) -> float:
    """Strict nbval over every lesson, in kernels of ``env``; returns the wall time."""
    command = [sys.executable, "-m", "pytest", "-q", "-n", str(workers), "--nbval", "lessons"]
    started = time.perf_counter()
    subprocess.run(
        command,
        cwd=ROOT,
        check=True,
        env={**os.environ, "MSALS_LESSON_PYTHON": str(env_python(env).absolute())},
    )
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", type=Path, required=True, help="where to build the env")
    parser.add_argument("--run-lessons", action="store_true", help="then run every lesson")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep an environment built from the same files (make test); else rebuild",
    )
    args = parser.parse_args(argv)
    wanted = runtime_python()
    have = f"{sys.version_info.major}.{sys.version_info.minor}"
    if have != wanted:
        print(f"note: runtime.txt asks for Python {wanted}; this check runs on {have}")
    if args.reuse and up_to_date(args.build):
        (args.build / STAMP).touch()  # make: newer than the files it was built from
        print(f"{args.build}: built from the same requirement files; reused")
    else:
        figures = build(args.build)
        print(
            f"fresh environment from requirements.txt: {figures['install_megabytes']:.0f} MB, "
            f"installed in {figures['install_seconds']:.0f} s"
        )
    if args.run_lessons:
        seconds = run_lessons(args.build)
        print(f"every lesson passed strict nbval there in {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
