"""Make the "Next: …" line at the end of every lesson a link to the next notebook.

The line is generated from ``data/lessons.yaml`` (titles and order), so it can never
name the wrong lesson or go stale when a title changes. Only Markdown lines that start
with ``Next:`` are touched; the rest of the prose is left exactly as it is.

    python scripts/next_links.py           # check: list lines that differ, exit 1 if any
    python scripts/next_links.py --write   # rewrite those lines in lessons/*.ipynb
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from widgets.lesson_map import NEXT_PREFIX, load_lessons, next_line  # noqa: E402


def fix_notebook(path: Path, lessons, write: bool = False) -> list[tuple[str, str]]:
    """(old, new) for each "Next:" line of ``path`` that is not the generated link;
    with ``write`` the notebook is saved with those lines replaced (outputs untouched)."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    wanted = next_line(path.stem, lessons)
    changes = []
    for cell in notebook["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        source = "".join(cell["source"])
        lines = source.split("\n")
        for i, line in enumerate(lines):
            if line.startswith(NEXT_PREFIX) and wanted is not None and line != wanted:
                changes.append((line, wanted))
                lines[i] = wanted
        new = "\n".join(lines)
        if new != source:
            cell["source"] = new.splitlines(keepends=True)
    if changes and write:
        text = json.dumps(notebook, indent=1, ensure_ascii=False) + "\n"
        path.write_text(text, encoding="utf-8")
    return changes


def main(argv: list[str] | None = None, lessons_dir: Path = ROOT / "lessons") -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the notebooks")
    args = parser.parse_args(argv)
    lessons = load_lessons()
    known = {lesson.id for lesson in lessons}
    found = 0
    for path in sorted(lessons_dir.glob("*.ipynb")):
        if path.stem not in known:
            continue
        for old, new in fix_notebook(path, lessons, args.write):
            found += 1
            print(f"{path.name}: {old!r} -> {new!r}")
    if found and not args.write:
        print(f"{found} 'Next:' line(s) are not links; run with --write")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
