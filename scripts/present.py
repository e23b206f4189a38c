"""Presenter mode: the lessons in Voila (no code), with prose written for a projector.

    python scripts/present.py 02_what_each_disease_damages [--port 8888] [voila flags]

Writes presenter copies of every notebook in lessons/ to build/present/ (Markdown
rewritten by :func:`widgets.presenter.presenter_notebook`: no "run the cell" talk), then
serves that folder with Voila and prints the lesson's address. Serving the folder, not
one notebook, keeps links between notebooks working (the glossary, "Next: …"); Voila
answers "403: Forbidden" for any other notebook when started on a single file.
Larger text and controls come from the widgets' own style sheet (it applies on any Voila
page, Binder's voila/render links included). Those links get the same prose another way:
Voila's prelaunch hook (``.jupyter/voila.py``, installed on Binder by ``postBuild``)
rewrites each lesson as it opens, with the same :mod:`widgets.presenter` rules.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from widgets.presenter import presenter_notebook  # noqa: E402

OUT = ROOT / "build" / "present"
CONFIG_DIR = ROOT / ".jupyter"  # Voila's settings for the lessons (.jupyter/voila.py)


def build(out: Path = OUT, lessons: Path = ROOT / "lessons") -> list[Path]:
    """Presenter copies of every notebook in ``lessons`` (outputs kept); returns them."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    written = []
    for path in sorted(lessons.glob("*.ipynb")):
        notebook = presenter_notebook(json.loads(path.read_text(encoding="utf-8")))
        target = out / path.name
        target.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", "utf-8")
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lesson", help="e.g. 02_what_each_disease_damages")
    parser.add_argument("--port", default="8888")
    args, voila_flags = parser.parse_known_args(argv)
    copies = {path.stem for path in build()}
    if args.lesson not in copies:
        parser.error(f"lesson must be one of {', '.join(sorted(copies))}; got {args.lesson!r}")
    print(f"Presenter mode: http://127.0.0.1:{args.port}/voila/render/{args.lesson}.ipynb")
    command = [
        sys.executable,
        "-m",
        "voila",
        str(OUT),
        "--Voila.ip=127.0.0.1",
        f"--port={args.port}",
        "--theme=light",
        "--no-browser",
        *voila_flags,
    ]
    return subprocess.call(command, env=voila_environment())


def voila_environment() -> dict[str, str]:
    """Voila's environment: the package importable, and this repo's ``.jupyter`` config read.

    That config (``.jupyter/voila.py``) keeps Notebook 7's lab extension out of Voila's
    page: in a development venv it fails to load there, and the page can then lose widget
    models ("Error displaying widget: model not found").
    """
    config = os.pathsep.join(
        p for p in (str(CONFIG_DIR), os.environ.get("JUPYTER_CONFIG_PATH", "")) if p
    )
    return {**os.environ, "PYTHONPATH": str(ROOT), "JUPYTER_CONFIG_PATH": config}


if __name__ == "__main__":
    sys.exit(main())
