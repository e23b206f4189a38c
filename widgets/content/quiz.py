"""The shape of ``data/quiz.yaml`` (schema: ``quiz.schema.json``).

Rules checked beyond the schema (see :func:`check`): exactly one correct option; every
option's feedback says why; a "sort" question's options are MS, ALS, Both, Neither; a
vignette has its case.
"""

from __future__ import annotations

from dataclasses import dataclass

from .loader import DataError

SORT_OPTIONS = ("MS", "ALS", "Both", "Neither")


@dataclass(frozen=True)
class Topic:
    id: str
    label: str


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class Question:
    id: str
    lesson: str
    objectives: tuple[str, ...]
    kind: str
    topic: str
    prompt: str
    options: tuple[Option, ...]
    sources: tuple[str, ...]
    case: str | None = None

    @property
    def answer_index(self) -> int:
        return next(i for i, option in enumerate(self.options) if option.correct)


@dataclass(frozen=True)
class Quiz:
    topics: tuple[Topic, ...]
    questions: tuple[Question, ...]


MODEL = Quiz


def check(quiz: Quiz, shown: str) -> None:
    for index, question in enumerate(quiz.questions):
        where = f"questions[{index}]"
        _check_options(question, shown, where)
        if question.kind == "vignette" and not question.case:
            raise DataError(shown, f"{where}.case", "a vignette needs its case description")


def _check_options(question: Question, shown: str, where: str) -> None:
    correct = sum(option.correct for option in question.options)
    if correct != 1:
        problem = "no option is marked correct" if correct == 0 else f"{correct} options"
        problem += "" if correct == 0 else " are marked correct; exactly one must be"
        raise DataError(shown, f"{where}.options", problem)
    for number, option in enumerate(question.options):
        if len(option.feedback.strip()) < 10:
            raise DataError(
                shown,
                f"{where}.options[{number}].feedback",
                "feedback is missing or too short: say why this option is right or wrong",
            )
    texts = tuple(option.text for option in question.options)
    if question.kind == "sort" and texts != SORT_OPTIONS:
        raise DataError(
            shown,
            f"{where}.options",
            f"a sort question's options must be {', '.join(SORT_OPTIONS)}",
        )
