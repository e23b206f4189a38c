"""Self-check questions: loading ``data/quiz.yaml``, scoring answers and static HTML.

Pure logic, no widgets: :class:`QuizState` answers, scores and retries, and
:func:`quiz_html` renders a question set for readers without a kernel (answers hidden
in ``<details>``). The widget in :mod:`widgets.quiz` is a thin layer over these.

Checks made when questions load, each naming the file and the question id:
unknown lesson, objective or topic; no correct option, or more than one; blank
feedback; a "sort" question whose options are not exactly MS, ALS, Both, Neither;
a vignette without its case.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

import yaml

from .base import check_choice, escape
from .content import DataError, Reference, data_dir, display_name, load_document, require_known
from .lesson_map import load_lessons
from .theme import MUTED_TEXT, TEXT

KINDS = ("single_choice", "sort", "vignette")
SORT_OPTIONS = ("MS", "ALS", "Both", "Neither")
RIGHT = "✓ Correct."
WRONG = "✗ Not quite."


@dataclass(frozen=True)
class Objective:
    id: str
    lesson: str
    text: str


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
class Feedback:
    """What a student sees after choosing an option."""

    question_id: str
    option_index: int
    correct: bool
    text: str


def load_objectives() -> list[Objective]:
    """Learning objectives from ``data/objectives.yaml``; each lesson id must exist."""
    shown = display_name("objectives")
    lesson_ids = [lesson.id for lesson in load_lessons()]
    objectives = []
    for index, item in enumerate(load_document("objectives")["objectives"]):
        require_known(item["lesson"], lesson_ids, shown, f"objectives[{index}].lesson")
        objectives.append(Objective(**item))
    return objectives


def load_topics() -> dict[str, str]:
    """Known quiz topics: id -> label."""
    return {item["id"]: item["label"] for item in load_document("quiz")["topics"]}


def _question_label(index: int) -> str:
    """``questions[3] ('some_id')`` if the raw file still shows an id there."""
    try:
        raw = yaml.safe_load((data_dir() / "quiz.yaml").read_text(encoding="utf-8"))
        qid = raw["questions"][index]["id"]
    except (OSError, yaml.YAMLError, KeyError, IndexError, TypeError):
        return f"questions[{index}]"
    return f"questions[{index}] ({qid!r})"


def load_questions(lesson: str | None = None) -> list[Question]:
    """All questions (or one lesson's), in file order, fully validated."""
    shown = display_name("quiz")
    try:
        document = load_document("quiz")
    except DataError as error:
        # Schema errors name the position; add the question's id so a teacher finds it.
        if error.field.startswith("questions["):
            index = int(error.field[len("questions[") : error.field.index("]")])
            rest = error.field[error.field.index("]") + 1 :]
            raise DataError(error.file, _question_label(index) + rest, error.problem) from None
        raise
    lesson_ids = [item.id for item in load_lessons()]
    objective_ids = [objective.id for objective in load_objectives()]
    topics = [item["id"] for item in document["topics"]]
    questions = []
    for index, item in enumerate(document["questions"]):
        where = f"questions[{index}] ({item['id']!r})"
        require_known(item["lesson"], lesson_ids, shown, f"{where}.lesson")
        for number, objective in enumerate(item["objectives"]):
            require_known(objective, objective_ids, shown, f"{where}.objectives[{number}]")
        require_known(item["topic"], topics, shown, f"{where}.topic")
        options = tuple(Option(**option) for option in item["options"])
        _check_options(item["kind"], options, shown, where)
        if item["kind"] == "vignette" and not item.get("case"):
            raise DataError(shown, f"{where}.case", "a vignette needs its case description")
        questions.append(
            Question(
                id=item["id"],
                lesson=item["lesson"],
                objectives=tuple(item["objectives"]),
                kind=item["kind"],
                topic=item["topic"],
                prompt=item["prompt"],
                options=options,
                sources=tuple(item["sources"]),
                case=item.get("case"),
            )
        )
    if lesson is not None:
        check_choice("lesson", lesson, lesson_ids)
        questions = [q for q in questions if q.lesson == lesson]
        if not questions:
            with_questions = sorted({item["lesson"] for item in document["questions"]})
            raise ValueError(
                f"no questions for lesson {lesson!r}; lessons with questions: "
                + ", ".join(with_questions)
            )
    return questions


def _check_options(kind: str, options: tuple[Option, ...], shown: str, where: str) -> None:
    correct = sum(option.correct for option in options)
    if correct != 1:
        problem = "no option is marked correct" if correct == 0 else f"{correct} options"
        problem += "" if correct == 0 else " are marked correct; exactly one must be"
        raise DataError(shown, f"{where}.options", problem)
    for number, option in enumerate(options):
        if len(option.feedback.strip()) < 10:
            raise DataError(
                shown,
                f"{where}.options[{number}].feedback",
                "feedback is missing or too short: say why this option is right or wrong",
            )
    if kind == "sort" and tuple(option.text for option in options) != SORT_OPTIONS:
        raise DataError(
            shown,
            f"{where}.options",
            f"a sort question's options must be {', '.join(SORT_OPTIONS)}",
        )


def feedback_for(question: Question, option_index: int) -> Feedback:
    """The feedback for one option, with a ✓/✗ word so it never relies on colour."""
    if option_index not in range(len(question.options)):
        allowed = ", ".join(str(i) for i in range(len(question.options)))
        raise ValueError(
            f"option_index must be one of {allowed} for question {question.id!r}; "
            f"got {option_index!r}"
        )
    option = question.options[option_index]
    verdict = RIGHT if option.correct else WRONG
    text = f"{verdict} You chose: {option.text}. {option.feedback}"
    if not option.correct:
        text += " Press Try again to choose another answer."
    return Feedback(question.id, option_index, option.correct, text)


def shuffled(questions: list[Question], seed: int) -> list[Question]:
    """Questions and their options in a seeded random order (sort options stay fixed)."""
    rng = random.Random(seed)
    result = []
    for question in questions:
        options = list(question.options)
        if question.kind != "sort":
            rng.shuffle(options)
        result.append(replace(question, options=tuple(options)))
    rng.shuffle(result)
    return result


class QuizState:
    """Answers and score of one quiz; option indexes refer to the order shown."""

    def __init__(self, questions: list[Question]):
        self.questions = list(questions)
        self._by_id = {q.id: q for q in self.questions}
        self.answers: dict[str, Feedback] = {}

    @property
    def ids(self) -> list[str]:
        return [q.id for q in self.questions]

    def question(self, question_id: str) -> Question:
        check_choice("question_id", question_id, self.ids)
        return self._by_id[question_id]

    def answer(self, question_id: str, option_index: int) -> Feedback:
        if not isinstance(option_index, int) or isinstance(option_index, bool):
            raise ValueError(f"option_index must be an int; got {option_index!r}")
        feedback = feedback_for(self.question(question_id), option_index)
        self.answers[question_id] = feedback
        return feedback

    def retry(self, question_id: str) -> None:
        self.question(question_id)
        self.answers.pop(question_id, None)

    @property
    def score(self) -> int:
        return sum(feedback.correct for feedback in self.answers.values())

    def score_text(self) -> str:
        return (
            f"Score: {self.score} of {len(self.questions)} correct "
            f"({len(self.answers)} of {len(self.questions)} answered)."
        )


def option_letter(index: int) -> str:
    return "ABCDEF"[index]


def option_labels(question: Question) -> list[str]:
    """Button labels: the words themselves for sort questions, else A, B, C..."""
    if question.kind == "sort":
        return list(SORT_OPTIONS)
    return [option_letter(i) for i in range(len(question.options))]


def question_html(question: Question, number: int) -> str:
    """Number, case, prompt and the options of one question (no answers)."""
    case = (
        f'<p style="margin:0.3em 0"><em>Case:</em> {escape(question.case)}</p>'
        if question.case
        else ""
    )
    if question.kind == "sort":
        options = (
            '<p style="margin:0.3em 0">Choose: '
            + " · ".join(f"<strong>{label}</strong>" for label in SORT_OPTIONS)
            + "</p>"
        )
    else:
        items = "".join(
            f"<li><strong>{option_letter(i)}.</strong> {escape(o.text)}</li>"
            for i, o in enumerate(question.options)
        )
        options = f'<ul style="list-style:none;padding-left:0.5em;margin:0.3em 0">{items}</ul>'
    return (
        f'<div class="msals-question" style="color:{TEXT}">'
        f'<p style="margin:0.5em 0 0.2em 0"><strong>Question {number}</strong></p>{case}'
        f'<p style="margin:0.3em 0"><strong>{escape(question.prompt)}</strong></p>'
        f"{options}</div>"
    )


def answers_html(question: Question) -> str:
    """Every option's feedback, for the static copy (inside <details>)."""
    labels = option_labels(question)
    items = "".join(
        f"<li><strong>{escape(labels[i])}</strong>: {'✓ right' if o.correct else '✗ wrong'}. "
        f"{escape(o.feedback)}</li>"
        for i, o in enumerate(question.options)
    )
    return (
        "<details><summary>Check your answer</summary>"
        f'<ul style="margin:0.3em 0">{items}</ul></details>'
    )


def quiz_html(
    questions: list[Question], references: dict[str, Reference], title: str = "Self-check"
) -> str:
    """The whole quiz as static HTML: questions, hidden answers and sources."""
    blocks = "".join(
        f'<div style="margin:0.6em 0">{question_html(q, n)}{answers_html(q)}</div>'
        for n, q in enumerate(questions, start=1)
    )
    return (
        f'<div class="msals-quiz-static" style="color:{TEXT}">'
        f'<h4 style="margin:0.2em 0">{escape(title)}: {len(questions)} questions</h4>'
        f'<p style="color:{MUTED_TEXT};margin:0.2em 0">Choose an answer for each question, '
        "then open <em>Check your answer</em> to see why each option is right or wrong.</p>"
        f"{blocks}{sources_html(questions, references)}</div>"
    )


def sources_html(questions: list[Question], references: dict[str, Reference]) -> str:
    """The quiz's sources, in order of first use, folded into <details>."""
    cited: list[str] = []
    for question in questions:
        cited += [s for s in question.sources if s not in cited]
    items = "".join(f"<li>{escape(references[s].citation)}</li>" for s in cited)
    return (
        f'<details><summary>Sources ({len(cited)})</summary><ol style="font-size:90%">'
        f"{items}</ol></details>"
    )


def quiz_summary(state: QuizState, title: str = "Self-check") -> str:
    """Plain text: the questions and options, and the score."""
    lines = [f"{title}: {len(state.questions)} questions. {state.score_text()}"]
    for number, question in enumerate(state.questions, start=1):
        if question.case:
            lines.append(f"{number}. Case: {question.case}")
            lines.append(f"   {question.prompt}")
        else:
            lines.append(f"{number}. {question.prompt}")
        if question.kind == "sort":
            lines.append("   Choose: " + ", ".join(SORT_OPTIONS))
        else:
            for i, option in enumerate(question.options):
                lines.append(f"   {option_letter(i)}. {option.text}")
        if question.id in state.answers:
            lines.append(f"   {state.answers[question.id].text}")
    return "\n".join(lines)
