"""The map of lessons (``data/lessons.yaml``): titles, times and what each one covers."""

from __future__ import annotations

from IPython.display import HTML

from . import html
from .content import load
from .content.lessons import Lesson


def load_lessons() -> list[Lesson]:
    return list(load("lessons").lessons)


def load_course_objectives() -> list[str]:
    return list(load("lessons").course_objectives)


def advice_note() -> str:
    """The one not-medical-advice wording (data/lessons.yaml), as plain text."""
    return load("lessons").advice_note.replace("**", "")


def total_minutes(lessons: list[Lesson]) -> int:
    return sum(lesson.minutes for lesson in lessons)


def lesson_map_html(lessons: list[Lesson]) -> html.Markup:
    """A table of lessons; ready ones link to their notebook (links are relative to lessons/)."""
    rows = []
    for lesson in lessons:
        if lesson.status == "ready":
            title = html.link(lesson.title, lesson.filename)
        else:
            title = [lesson.title, " ", html.el("em", "(coming soon)")]
        rows.append(
            [lesson.number, title, lesson.summary, f"{lesson.minutes}\N{NO-BREAK SPACE}min"]
        )
    return html.data_table(
        ["#", "Lesson", "What you will learn", "Time"],
        rows,
        caption=f"The lessons in teaching order: about {total_minutes(lessons)} minutes in all",
        class_="msals-lesson-map",
    )


NEXT_PREFIX = "Next: "


def next_lesson(lesson_id: str, lessons: list[Lesson] | None = None) -> Lesson | None:
    """The lesson after ``lesson_id`` in teaching order (None after the last one)."""
    lessons = load_lessons() if lessons is None else lessons
    ids = [lesson.id for lesson in lessons]
    if lesson_id not in ids:
        raise ValueError(f"lesson_id must be one of {', '.join(map(repr, ids))}; got {lesson_id!r}")
    index = ids.index(lesson_id)
    return lessons[index + 1] if index + 1 < len(lessons) else None


def next_line(lesson_id: str, lessons: list[Lesson] | None = None) -> str | None:
    """The Markdown "Next:" line that ends a lesson: a link to the next notebook (a
    relative link, so it works in JupyterLab, Binder, the static copy and GitHub)."""
    lesson = next_lesson(lesson_id, lessons)
    if lesson is None:
        return None
    text = f"{lesson.number} · {lesson.title}"
    return f"{NEXT_PREFIX}[{text}]({lesson.filename})."


def show_lesson_map() -> HTML:
    """Display the lesson map in a notebook."""
    return HTML(lesson_map_html(load_lessons()))
