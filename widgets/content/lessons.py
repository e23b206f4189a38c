"""The shape of ``data/lessons.yaml`` (schema: ``lessons.schema.json``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Lesson:
    id: str
    title: str
    minutes: int
    summary: str
    status: str  # ready or planned

    @property
    def number(self) -> str:
        return self.id[:2]

    @property
    def filename(self) -> str:
        return f"{self.id}.ipynb"


@dataclass(frozen=True)
class Lessons:
    course_objectives: tuple[str, ...]
    lessons: tuple[Lesson, ...]
    advice_note: str = ""


MODEL = Lessons
