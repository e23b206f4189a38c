"""The map of lessons (``data/lessons.yaml``): titles, times and what each one covers."""

from __future__ import annotations

from dataclasses import dataclass

from IPython.display import HTML

from .base import escape
from .content import load_document
from .theme import MUTED_TEXT, TEXT


@dataclass(frozen=True)
class Lesson:
    id: str
    title: str
    minutes: int
    summary: str
    status: str

    @property
    def number(self) -> str:
        return self.id[:2]

    @property
    def filename(self) -> str:
        return f"{self.id}.ipynb"


def load_lessons() -> list[Lesson]:
    return [Lesson(**item) for item in load_document("lessons")["lessons"]]


def load_course_objectives() -> list[str]:
    return list(load_document("lessons")["course_objectives"])


def total_minutes(lessons: list[Lesson]) -> int:
    return sum(lesson.minutes for lesson in lessons)


def lesson_map_html(lessons: list[Lesson]) -> str:
    """A table of lessons; ready ones link to their notebook (links are relative to lessons/)."""
    rows = []
    for lesson in lessons:
        title = escape(lesson.title)
        if lesson.status == "ready":
            title = f'<a href="{escape(lesson.filename)}">{title}</a>'
        else:
            title += f' <em style="color:{MUTED_TEXT}">(coming soon)</em>'
        rows.append(
            f'<tr><td style="padding:4px 8px">{lesson.number}</td>'
            f'<td style="padding:4px 8px">{title}</td>'
            f'<td style="padding:4px 8px;text-align:left">{escape(lesson.summary)}</td>'
            f'<td style="padding:4px 8px;text-align:right">{lesson.minutes}&nbsp;min</td></tr>'
        )
    return (
        f'<table class="msals-lesson-map" style="color:{TEXT};border-collapse:collapse">'
        f'<caption style="text-align:left;color:{MUTED_TEXT}">The lessons in teaching order: '
        f"about {total_minutes(lessons)} minutes in all</caption>"
        '<thead><tr><th scope="col">#</th><th scope="col">Lesson</th>'
        '<th scope="col">What you will learn</th><th scope="col">Time</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def show_lesson_map() -> HTML:
    """Display the lesson map in a notebook."""
    return HTML(lesson_map_html(load_lessons()))
