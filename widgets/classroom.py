"""The classroom plan (``data/classroom.yaml``): two timed periods and their exit tickets.

Pure functions: :func:`load_plan` gives the checked plan (its shape and rules are in
:mod:`widgets.content.classroom`), :func:`ticket_questions` picks a period's
exit-ticket questions from ``data/quiz.yaml`` and :func:`tickets` lists every ticket an
exit-ticket code can name: each lesson that has questions (``"03"``) and each period
(``"P1"``).
"""

from __future__ import annotations

from .base import check_choice
from .content import load
from .content.classroom import Period, Plan
from .lesson_map import load_lessons
from .quiz_logic import Question, load_questions

MODES = {
    "logistics": "Logistics",
    "teacher-led": "Teacher-led (projector)",
    "hands-on": "Hands-on",
    "ticket": "Exit ticket",
}


def load_plan() -> Plan:
    return load("classroom")


def ticket_questions(period: Period, size: int, questions: list[Question]) -> list[Question]:
    """One question per learning objective of the period's lessons, up to ``size``.

    Lessons take turns, in teaching order; within a lesson, objectives come in the order
    their first question appears in ``data/quiz.yaml``. Vignettes are left for the
    case-study sheet. The choice follows the data, so it stays right when questions change.
    """
    queues: list[list[Question]] = []
    for lesson in period.lessons:
        covered: set[str] = set()
        queue = []
        for question in questions:
            if question.lesson != lesson or question.kind == "vignette":
                continue
            if not set(question.objectives) <= covered:
                queue.append(question)
                covered |= set(question.objectives)
        if queue:
            queues.append(queue)
    chosen: list[Question] = []
    while len(chosen) < size and any(queues):
        for queue in queues:
            if queue and len(chosen) < size:
                chosen.append(queue.pop(0))
    # Keep teaching order, so the ticket follows the period.
    order = {q.id: i for i, q in enumerate(questions)}
    return sorted(chosen, key=lambda q: order[q.id])


def tickets(plan: Plan | None = None) -> dict[str, tuple[str, list[Question]]]:
    """Every ticket key -> (title, questions): each period, then each lesson with questions."""
    plan = plan or load_plan()
    questions = load_questions()
    titles = {lesson.id: lesson.title for lesson in load_lessons()}
    found: dict[str, tuple[str, list[Question]]] = {}
    for period in plan.periods:
        chosen = ticket_questions(period, plan.ticket_size, questions)
        found[period.id] = (f"Exit ticket {period.number}: {period.title}", chosen)
    for lesson_id, title in titles.items():
        own = [q for q in questions if q.lesson == lesson_id]
        if own:
            found[lesson_id[:2]] = (f"Exit ticket: {title}", own)
    return found


def ticket_key(lesson: str | None = None, period: str | None = None) -> str:
    """The ticket key for ``lesson=`` (an id such as ``03_symptoms``) or ``period=`` ("P1")."""
    if (lesson is None) == (period is None):
        raise ValueError("give exactly one of lesson= (a lesson id) or period= (e.g. 'P1')")
    if period is not None:
        check_choice("period", period, [p.id for p in load_plan().periods])
        return period
    lesson_ids = [item.id for item in load_lessons()]
    check_choice("lesson", lesson, lesson_ids)
    return lesson[:2]
