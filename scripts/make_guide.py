"""Fill the generated parts of docs/teacher-guide.md from data/ (``make guide``).

The guide's timings table and quiz answer key are generated, never typed by hand, so
they cannot drift from what students see. ``--check`` exits 1 if the guide is stale.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path

from widgets.lesson_map import load_lessons, total_minutes

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "teacher-guide.md"
BLOCK = re.compile(
    r"(?P<begin><!-- BEGIN GENERATED: (?P<name>[a-z-]+) \(make guide\) -->\n)"
    r".*?"
    r"(?P<end><!-- END GENERATED: (?P=name) -->)",
    re.S,
)


def lesson_times() -> str:
    lessons = load_lessons()
    rows = [
        f"| {lesson.number} | {lesson.title} | {lesson.summary} | {lesson.minutes} |"
        for lesson in lessons
    ]
    return "\n".join(
        [
            "| # | lesson | what students learn | minutes |",
            "|---|---|---|---|",
            *rows,
            f"| | **all lessons** | | **{total_minutes(lessons)}** |",
        ]
    )


GENERATORS: dict[str, Callable[[], str]] = {"lesson-times": lesson_times}


def updated(text: str) -> str:
    def fill(match: re.Match) -> str:
        name = match["name"]
        if name not in GENERATORS:
            raise KeyError(f"{GUIDE.name}: no generator for block '{name}'")
        return f"{match['begin']}{GENERATORS[name]()}\n{match['end']}"

    return BLOCK.sub(fill, text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the guide is stale")
    args = parser.parse_args(argv)
    current = GUIDE.read_text(encoding="utf-8")
    fresh = updated(current)
    if args.check:
        if fresh != current:
            print(f"{GUIDE.relative_to(ROOT)} is out of date: run `make guide`")
            return 1
        return 0
    GUIDE.write_text(fresh, encoding="utf-8")
    print(f"updated {GUIDE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
