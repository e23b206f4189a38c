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
from widgets.quiz_logic import load_objectives, load_questions, quiz_questions

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


def _one_line(text: str) -> str:
    return " ".join(text.split())


def answer_key() -> str:
    """Every quiz question by lesson: the answer, why, and the objectives it checks.

    Options are listed in the order the quiz shows them (seeded shuffle), so the letters
    in the key match what students see in the lesson and in the static copy.
    """
    objectives = {objective.id: objective.text for objective in load_objectives()}
    letters = "ABCDEFGH"
    blocks = []
    with_questions = {question.lesson for question in load_questions()}
    for lesson in load_lessons():
        if lesson.id not in with_questions:
            continue
        questions = quiz_questions(lesson.id)
        blocks.append(f"### {lesson.number} · {lesson.title}\n")
        for number, question in enumerate(questions, start=1):
            right = question.options[question.answer_index]
            case = f"*{_one_line(question.case)}* " if question.case else ""
            choices = "; ".join(
                f"{letters[i]}. {_one_line(option.text)}"
                for i, option in enumerate(question.options)
            )
            checks = "; ".join(objectives[o] for o in question.objectives)
            blocks.append(
                f"{number}. {case}**{_one_line(question.prompt)}** ({choices})  \n"
                f"   **Answer: {letters[question.answer_index]}. {_one_line(right.text)}.** "
                f"{_one_line(right.feedback)}  \n"
                f"   *Checks:* {checks} *(id `{question.id}`)*\n"
            )
    return "\n".join(blocks).rstrip()


GENERATORS: dict[str, Callable[[], str]] = {
    "lesson-times": lesson_times,
    "answer-key": answer_key,
}


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
