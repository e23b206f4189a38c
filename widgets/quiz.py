"""A self-check quiz widget: choose an answer, read why it is right or wrong, retry.

>>> quiz = Quiz(lesson="03_symptoms")
>>> quiz.answer("symptoms_optic_sort", 0).correct   # the same as clicking "MS"
True
>>> quiz.score, quiz.retry("symptoms_optic_sort"), quiz.reset()

Questions come from ``data/quiz.yaml`` (see :mod:`widgets.quiz_logic`), in the file's
order. The options of each question are shuffled by default, with a seed of their own
(``seed`` plus the question's id), so the order is the same on every run and in the
stored copy. ``seed=2`` gives another repeatable order, ``questions_too=True`` shuffles
the questions as well, and ``shuffle=False`` shows the options as the file lists them.
"""

from __future__ import annotations

import ipywidgets

from . import html
from .base import LessonWidget
from .content import load_references
from .lesson_map import load_lessons
from .quiz_logic import (
    DEFAULT_SEED,
    Feedback,
    QuizState,
    option_labels,
    question_html,
    quiz_html,
    quiz_questions,
    quiz_summary,
    sources_html,
)

PROMPT = "Choose an answer: feedback appears here."


def _feedback_html(text: str) -> html.Markup:
    return html.el("div", text, class_="msals-feedback", role="status", aria_live="polite")


class Quiz(LessonWidget):
    """Questions of one lesson with per-option feedback, a score, retry and reset."""

    css_class = "msals-quiz"
    controls = "answer buttons with feedback and a score"

    def __init__(
        self,
        lesson: str,
        shuffle: bool = True,
        seed: int = DEFAULT_SEED,
        questions_too: bool = False,
        **kwargs,
    ):
        questions = quiz_questions(lesson, shuffle, seed, questions_too)
        titles = {item.id: item.title for item in load_lessons()}
        self.title = f"Self-check: {titles[lesson]}"
        self._state = QuizState(questions)
        self._references = load_references()
        self._choices: dict[str, ipywidgets.ToggleButtons] = {}
        self._feedback: dict[str, ipywidgets.HTML] = {}
        self._retry: dict[str, ipywidgets.Button] = {}
        blocks = [ipywidgets.HTML(html.heading(self.title))]
        for number, question in enumerate(questions, start=1):
            blocks.append(self._question_block(question, number))
        self._score = ipywidgets.HTML()
        self._reset = ipywidgets.Button(description="Reset all", tooltip="Clear every answer")
        self._reset.on_click(lambda _: self.reset())
        blocks.append(ipywidgets.HBox([self._score, self._reset]))
        blocks.append(ipywidgets.HTML(sources_html(questions, self._references)))
        super().__init__(children=blocks, **kwargs)
        self._show_score()

    def _question_block(self, question, number: int) -> ipywidgets.VBox:
        labels = option_labels(question)
        choice = ipywidgets.ToggleButtons(
            options=[(label, i) for i, label in enumerate(labels)],
            value=None,
            tooltips=[option.text for option in question.options],
            description="Answer:",
        )
        choice.observe(lambda change, qid=question.id: self._on_choice(qid, change), "value")
        retry = ipywidgets.Button(description="Try again", disabled=True, tooltip="Answer again")
        retry.on_click(lambda _, qid=question.id: self.retry(qid))
        feedback = ipywidgets.HTML(_feedback_html(PROMPT))
        self._choices[question.id] = choice
        self._feedback[question.id] = feedback
        self._retry[question.id] = retry
        return ipywidgets.VBox(
            [ipywidgets.HTML(question_html(question, number)), choice, feedback, retry]
        )

    def _on_choice(self, question_id: str, change) -> None:
        if change["new"] is not None and question_id not in self._state.answers:
            self.answer(question_id, change["new"])

    # ---- Python API (what the buttons call) ----
    @property
    def question_ids(self) -> list[str]:
        return self._state.ids

    @property
    def score(self) -> int:
        return self._state.score

    def answer(self, question_id: str, option_index: int) -> Feedback:
        """Answer one question (index in the order shown) and show its feedback."""
        feedback = self._state.answer(question_id, option_index)
        choice = self._choices[question_id]
        choice.value = option_index
        choice.disabled = True
        self._retry[question_id].disabled = False
        self._feedback[question_id].value = _feedback_html(feedback.text)
        self._show_score()
        return feedback

    def retry(self, question_id: str) -> None:
        """Clear one answer so the question can be tried again."""
        self._state.retry(question_id)
        choice = self._choices[question_id]
        choice.value = None
        choice.disabled = False
        self._retry[question_id].disabled = True
        self._feedback[question_id].value = _feedback_html(PROMPT)
        self._show_score()

    def reset(self) -> None:
        """Clear every answer."""
        for question_id in self.question_ids:
            self.retry(question_id)

    def _show_score(self) -> None:
        self._score.value = html.live_region(
            html.el(
                "p",
                self._state.score_text(),
                class_="msals-summary msals-score",
                style={"margin": "0.3em 0"},
            )
        )

    def summary(self) -> str:
        return quiz_summary(self._state, self.title)

    def static_html(self) -> str:
        return quiz_html(self._state.questions, self._references, self.title)
