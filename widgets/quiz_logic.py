"""Self-check questions: loading ``data/quiz.yaml``, scoring answers and static HTML.

Pure logic, no widgets: :class:`QuizState` answers, scores and retries, and
:func:`quiz_html` renders a question set for readers without a kernel (answers hidden
in ``<details>``). The widget in :mod:`widgets.quiz` is a thin layer over these.

The questions' shape and the checks made when they load (unknown lesson, objective or
topic; not exactly one correct option; blank feedback; ...) live in
:mod:`widgets.content.quiz` and :mod:`widgets.content.loader`.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, replace

from . import html, theme
from .base import check_choice
from .content import Reference, load
from .content.objectives import Objective
from .content.quiz import SORT_OPTIONS
from .content.quiz import Option as Option
from .content.quiz import Question as Question
from .lesson_map import load_lessons

RIGHT = "✓ Correct."
WRONG = "✗ Not quite."


@dataclass(frozen=True)
class Feedback:
    """What a student sees after choosing an option."""

    question_id: str
    option_index: int
    correct: bool
    text: str


def load_objectives() -> list[Objective]:
    """Learning objectives from ``data/objectives.yaml``."""
    return list(load("objectives").objectives)


def load_questions(lesson: str | None = None) -> list[Question]:
    """All questions (or one lesson's), in file order, fully validated."""
    questions = list(load("quiz").questions)
    if lesson is not None:
        check_choice("lesson", lesson, [item.id for item in load_lessons()])
        with_lesson = [q for q in questions if q.lesson == lesson]
        if not with_lesson:
            raise ValueError(
                f"no questions for lesson {lesson!r}; lessons with questions: "
                + ", ".join(sorted({q.lesson for q in questions}))
            )
        questions = with_lesson
    return questions


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


# The seed every lesson uses unless a teacher picks another one. It was chosen so that,
# in every lesson's quiz, the right answers are spread over the positions and the right
# option is not systematically the longest (tests/test_quiz_balance.py checks both).
DEFAULT_SEED = 1


def _rng(question_id: str, seed: int) -> random.Random:
    """A random source of its own for each question, so adding or moving one question
    never changes the order of another's options, and stored outputs stay stable."""
    digest = hashlib.sha256(f"{seed}:{question_id}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def option_order(question: Question, seed: int = DEFAULT_SEED) -> list[int]:
    """Where each shown option comes from in the file (sort questions keep MS, ALS, Both,
    Neither in that order, because the words themselves are the choices)."""
    order = list(range(len(question.options)))
    if question.kind != "sort":
        _rng(question.id, seed).shuffle(order)
    return order


def arranged(question: Question, seed: int = DEFAULT_SEED) -> Question:
    """The question with its options in the seeded order the student sees."""
    options = tuple(question.options[i] for i in option_order(question, seed))
    return replace(question, options=options)


def shuffled(
    questions: list[Question], seed: int = DEFAULT_SEED, questions_too: bool = False
) -> list[Question]:
    """Options of every question in their seeded order; with ``questions_too`` the
    questions themselves are also put in a seeded order (the same seed, the same order)."""
    result = [arranged(question, seed) for question in questions]
    if questions_too:
        random.Random(seed).shuffle(result)
    return result


def quiz_questions(
    lesson: str, shuffle: bool = True, seed: int = DEFAULT_SEED, questions_too: bool = False
) -> list[Question]:
    """One lesson's questions as the quiz shows them (what the widget, the static copy
    and the teacher guide's answer key all use, so their letters agree)."""
    if not isinstance(shuffle, bool):
        raise ValueError(f"shuffle must be True or False; got {shuffle!r}")
    if not isinstance(seed, int) or isinstance(seed, bool):
        raise ValueError(f"seed must be an int; got {seed!r}")
    questions = load_questions(lesson)
    return shuffled(questions, seed, questions_too) if shuffle else questions


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

    def progress_text(self) -> str:
        """The running score shown under each answered question, where the student is."""
        return (
            f"So far: {len(self.answers)} of {len(self.questions)} answered, {self.score} correct."
        )

    def focus_after_answer(self, question_id: str) -> tuple[str, str | None]:
        """Where keyboard focus goes after answering: ``("retry", id)`` after a wrong
        answer (the only way on), else the next unanswered question's first option
        ``("option", id)``, else ``("reset", None)`` when every question is answered."""
        if not self.answers[question_id].correct:
            return ("retry", question_id)
        ids = self.ids
        start = ids.index(question_id) + 1
        for other in ids[start:] + ids[:start]:
            if other not in self.answers:
                return ("option", other)
        return ("reset", None)


RIGHT_STYLE = {"border": "3px solid #009E73", "background": "#E0F2EC"}  # Okabe-Ito green
WRONG_STYLE = {"border": "3px dashed #D55E00", "background": "#FBE9DD"}  # vermillion, dashed


def feedback_html(feedback: Feedback | None, prompt: str) -> html.Markup:
    """The feedback under a question: a prompt before any answer, then a box whose icon,
    colour, border style AND words say right or wrong (own light background, dark text,
    so it reads in light and dark themes)."""
    attrs = {"class_": "msals-feedback", "role": "status", "aria_live": "polite"}
    if feedback is None:
        return html.el("div", html.muted(prompt), **attrs, style={"margin": "0.3em 0"})
    verdict = RIGHT if feedback.correct else WRONG
    icon, word = verdict.split(" ", 1)
    rest = feedback.text[len(verdict) :]
    return html.el(
        "div",
        html.el("span", icon, style={"font-size": "1.3em", "margin-right": "0.3em"}),
        html.el("strong", word),
        rest,
        **attrs,
        data_verdict="right" if feedback.correct else "wrong",
        style={
            **(RIGHT_STYLE if feedback.correct else WRONG_STYLE),
            "color": theme.TEXT,
            "padding": "0.5em 0.7em",
            "margin": "0.4em 0",
            "border-radius": "4px",
        },
    )


def option_letter(index: int) -> str:
    return "ABCDEF"[index]


def option_labels(question: Question) -> list[str]:
    """Button labels: the words themselves for sort questions, else A, B, C..."""
    if question.kind == "sort":
        return list(SORT_OPTIONS)
    return [option_letter(i) for i in range(len(question.options))]


def question_html(question: Question, number: int) -> html.Markup:
    """Number, case, prompt and the options of one question (no answers)."""
    margin = {"margin": "0.3em 0"}
    case = (
        html.el("p", html.el("em", "Case:"), " ", question.case, style=margin)
        if question.case
        else None
    )
    if question.kind == "sort":
        options = html.el(
            "p",
            "Choose: ",
            html.join((html.el("strong", label) for label in SORT_OPTIONS), " · "),
            style=margin,
        )
    else:
        options = html.el(
            "ul",
            [
                html.el("li", html.el("strong", f"{option_letter(i)}."), " ", o.text)
                for i, o in enumerate(question.options)
            ],
            style={"list-style": "none", "padding-left": "0.5em", **margin},
        )
    return html.el(
        "div",
        html.el("p", html.el("strong", f"Question {number}"), style={"margin": "0.5em 0 0.2em 0"}),
        case,
        html.el("p", html.el("strong", question.prompt), style=margin),
        options,
        class_="msals-question",
    )


def answers_html(question: Question) -> html.Markup:
    """Every option's feedback, for the static copy (inside <details>)."""
    labels = option_labels(question)
    items = [
        html.el(
            "li",
            html.el("strong", labels[i]),
            f": {'✓ right' if o.correct else '✗ wrong'}. ",
            o.feedback,
        )
        for i, o in enumerate(question.options)
    ]
    return html.details("Check your answer", html.el("ul", items, style={"margin": "0.3em 0"}))


def quiz_html(
    questions: list[Question], references: dict[str, Reference], title: str = "Self-check"
) -> html.Markup:
    """The whole quiz as static HTML: questions, hidden answers and sources."""
    blocks = [
        html.el("div", question_html(q, n), answers_html(q), style={"margin": "0.6em 0"})
        for n, q in enumerate(questions, start=1)
    ]
    return html.box(
        html.heading(f"{title}: {len(questions)} questions"),
        html.muted(
            "Choose an answer for each question, then open ",
            html.el("em", "Check your answer"),
            " to see why each option is right or wrong.",
            tag="p",
            style={"margin": "0.2em 0"},
        ),
        blocks,
        sources_html(questions, references),
        class_="msals-quiz-static",
    )


def sources_html(questions: list[Question], references: dict[str, Reference]) -> html.Markup:
    """The quiz's sources, in order of first use, folded into <details>."""
    return html.Citations(references, (s for q in questions for s in q.sources)).block()


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
