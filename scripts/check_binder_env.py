"""Prove the Binder recipe without Docker (``make binder-check``).

repo2docker builds this repository from its files alone: the Python version in
``runtime.txt``, then ``pip install -r requirements.txt`` in the repository folder,
with JupyterLab and the kernel in that same environment. This script does the same in
a fresh virtual environment, on a clean copy of the committed files (``git archive``),
then runs every lesson there with strict nbval, and prints install size and times.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def nbval_command(python: str, sanitize: str, *targets: str) -> list[str]:
    """Strict nbval on ``targets``, ignoring the repo's own pytest options."""
    return [
        python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=",
        "--nbval", "--nbval-current-env", "--nbval-sanitize-with", sanitize, *targets,
    ]  # fmt: skip


def run(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True)
    return time.perf_counter() - started


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def runtime_python() -> str:
    """The version in runtime.txt (``python-3.11`` -> ``3.11``)."""
    text = (ROOT / "runtime.txt").read_text(encoding="utf-8").strip()
    if not text.startswith("python-"):
        raise ValueError(f"runtime.txt must look like 'python-3.11', got {text!r}")
    return text.removeprefix("python-")


def check(workdir: Path) -> dict[str, float]:
    repo = workdir / "repo"
    repo.mkdir()
    archive = subprocess.run(
        ["git", "archive", "--format=tar", "HEAD"], cwd=ROOT, check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(repo)], input=archive, check=True)

    env = workdir / "env"
    venv.create(env, with_pip=True)
    python = str(env / "bin" / "python")
    install = run([python, "-m", "pip", "install", "--quiet", "-r", "requirements.txt"], repo)
    lessons = run(nbval_command(python, "tests/nbval_sanitize.cfg", "lessons"), repo)
    return {
        "install_seconds": install,
        "install_megabytes": folder_size(env) / 1e6,
        "lessons_seconds": lessons,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    wanted = runtime_python()
    have = f"{sys.version_info.major}.{sys.version_info.minor}"
    if have != wanted:
        print(f"note: runtime.txt asks for Python {wanted}; this check runs on {have}")
    with tempfile.TemporaryDirectory(prefix="binder-check-") as tmp:
        figures = check(Path(tmp))
    print(
        f"fresh environment from requirements.txt: {figures['install_megabytes']:.0f} MB, "
        f"installed in {figures['install_seconds']:.0f} s"
    )
    print(f"every lesson passed strict nbval there in {figures['lessons_seconds']:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
