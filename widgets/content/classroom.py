"""The shape of ``data/classroom.yaml`` (schema: ``classroom.schema.json``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .build import key
from .loader import DataError


@dataclass(frozen=True)
class Segment:
    minutes: int
    mode: str
    core: bool
    what: str
    lesson: str | None = None


@dataclass(frozen=True)
class Period:
    id: str
    title: str
    lessons: tuple[str, ...]
    segments: tuple[Segment, ...]

    @property
    def number(self) -> str:
        return self.id[1:]

    @property
    def minutes(self) -> int:
        return sum(segment.minutes for segment in self.segments)

    @property
    def core_minutes(self) -> int:
        return sum(segment.minutes for segment in self.segments if segment.core)


@dataclass(frozen=True)
class LessonTasks:
    lesson: str
    support: str
    extension: str


@dataclass(frozen=True)
class Plan:
    period_minutes: int
    ticket_size: int
    periods: tuple[Period, ...]
    tasks: tuple[LessonTasks, ...] = field(metadata=key("lessons"))

    def period(self, period_id: str) -> Period:
        from ..base import check_choice

        check_choice("period", period_id, [p.id for p in self.periods])
        return next(p for p in self.periods if p.id == period_id)


MODEL = Plan


def check(plan: Plan, shown: str) -> None:
    """Each period's minutes add up to ``period_minutes``."""
    for index, period in enumerate(plan.periods):
        if period.minutes != plan.period_minutes:
            raise DataError(
                shown,
                f"periods[{index}].segments",
                f"the minutes add up to {period.minutes}, not the period's {plan.period_minutes}",
            )
