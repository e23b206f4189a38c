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

What a student sees: one button per option; after an answer every option is locked,
the chosen one says "your answer" with ✓ or ✗ and a thick border, and the feedback is
a box with an icon, a colour, a border style and words, with the running score under
it. "Try again" appears only after a wrong answer. Focus never drops to the page:
after a wrong answer it moves to "Try again", after a right one to the next question.
"Reset all" asks first.
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
    feedback_html,
    option_labels,
    question_html,
    quiz_html,
    quiz_questions,
    quiz_summary,
    sources_html,
)

PROMPT = "Choose an answer: feedback appears here."
YOURS_RIGHT = "✓ your answer"
YOURS_WRONG = "✗ your answer"
CONFIRM = "Clear every answer in this self-check?"


def _hidden(widget, hidden: bool) -> None:
    widget.layout.display = "none" if hidden else None


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
        self._options: dict[str, list[ipywidgets.Button]] = {}
        self._labels: dict[str, list[str]] = {}
        self._feedback: dict[str, ipywidgets.HTML] = {}
        self._retry: dict[str, ipywidgets.Button] = {}
        self._progress: dict[str, ipywidgets.HTML] = {}
        blocks = [ipywidgets.HTML(html.heading(self.title))]
        for number, question in enumerate(questions, start=1):
            blocks.append(self._question_block(question, number))
        self._score = ipywidgets.HTML()
        self._reset = ipywidgets.Button(description="Reset all", tooltip="Clear every answer")
        self._reset.on_click(lambda _: self.ask_reset())
        self._confirm_yes = ipywidgets.Button(description="Yes, clear all")
        self._confirm_no = ipywidgets.Button(description="No, keep my answers")
        self._confirm_yes.on_click(lambda _: self._confirmed(True))
        self._confirm_no.on_click(lambda _: self._confirmed(False))
        self._confirm = ipywidgets.HBox(
            [ipywidgets.HTML(html.el("strong", CONFIRM)), self._confirm_yes, self._confirm_no]
        )
        self._confirm.add_class("msals-confirm")
        _hidden(self._confirm, True)
        blocks.append(ipywidgets.HBox([self._score, self._reset]))
        blocks.append(self._confirm)
        blocks.append(ipywidgets.HTML(sources_html(questions, self._references)))
        super().__init__(children=blocks, **kwargs)
        self._show_score()

    def _question_block(self, question, number: int) -> ipywidgets.VBox:
        labels = option_labels(question)
        buttons = []
        for index, (label, option) in enumerate(zip(labels, question.options, strict=True)):
            button = ipywidgets.Button(description=label, tooltip=option.text)
            button.add_class("msals-option")
            button.on_click(lambda _, qid=question.id, i=index: self._clicked(qid, i))
            buttons.append(button)
        row = ipywidgets.HBox([ipywidgets.Label("Answer:"), *buttons])
        row.add_class("msals-options")
        retry = ipywidgets.Button(description="Try again", tooltip="Choose another answer")
        retry.add_class("msals-retry")
        retry.on_click(lambda _, qid=question.id: self._retry_clicked(qid))
        _hidden(retry, True)
        feedback = ipywidgets.HTML(feedback_html(None, PROMPT))
        progress = ipywidgets.HTML()
        self._progress[question.id] = progress
        self._options[question.id] = buttons
        self._labels[question.id] = labels
        self._feedback[question.id] = feedback
        self._retry[question.id] = retry
        return ipywidgets.VBox(
            [ipywidgets.HTML(question_html(question, number)), row, feedback, progress, retry]
        )

    # ---- what the buttons call (then move keyboard focus somewhere sensible) ----
    def _clicked(self, question_id: str, option_index: int) -> None:
        if question_id in self._state.answers:
            return
        self.answer(question_id, option_index)
        where, target = self._state.focus_after_answer(question_id)
        if where == "retry":
            self._retry[question_id].focus()
        elif where == "option":
            self._options[target][0].focus()
        else:
            self._reset.focus()

    def _retry_clicked(self, question_id: str) -> None:
        self.retry(question_id)
        self._options[question_id][0].focus()

    def ask_reset(self) -> None:
        """What "Reset all" does: ask first, with "No" focused."""
        _hidden(self._confirm, False)
        self._confirm_no.focus()

    def _confirmed(self, yes: bool) -> None:
        _hidden(self._confirm, True)
        if yes:
            self.reset()
            self._options[self.question_ids[0]][0].focus()
        else:
            self._reset.focus()

    # ---- Python API ----
    @property
    def question_ids(self) -> list[str]:
        return self._state.ids

    @property
    def score(self) -> int:
        return self._state.score

    def answer(self, question_id: str, option_index: int) -> Feedback:
        """Answer one question (index in the order shown) and show its feedback."""
        feedback = self._state.answer(question_id, option_index)
        labels = self._labels[question_id]
        for index, button in enumerate(self._options[question_id]):
            button.disabled = True
            if index == option_index:
                mark = YOURS_RIGHT if feedback.correct else YOURS_WRONG
                button.description = f"{labels[index]} {mark}"
                button.add_class("msals-chosen")
                button.add_class("msals-right" if feedback.correct else "msals-wrong")
        _hidden(self._retry[question_id], feedback.correct)
        self._feedback[question_id].value = feedback_html(feedback, PROMPT)
        self._show_score()
        return feedback

    def retry(self, question_id: str) -> None:
        """Clear one answer so the question can be tried again."""
        self._state.retry(question_id)
        for label, button in zip(
            self._labels[question_id], self._options[question_id], strict=True
        ):
            button.disabled = False
            button.description = label
            for name in ("msals-chosen", "msals-right", "msals-wrong"):
                button.remove_class(name)
        _hidden(self._retry[question_id], True)
        self._feedback[question_id].value = feedback_html(None, PROMPT)
        self._show_score()

    def reset(self) -> None:
        """Clear every answer (no question asked: "Reset all" asks first)."""
        for question_id in self.question_ids:
            self.retry(question_id)

    def _show_score(self) -> None:
        # The running score under every answered question, so it is where the student is.
        progress = html.el(
            "p",
            self._state.progress_text(),
            class_="msals-progress",
            style={"margin": "0 0 0.3em 0", "font-weight": "600"},
        )
        for question_id, widget in self._progress.items():
            shown = progress if question_id in self._state.answers else ""
            if widget.value != shown:
                widget.value = shown
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
