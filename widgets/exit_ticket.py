"""An exit ticket: answer each question once, see nothing until you submit, hand in a code.

>>> ticket = ExitTicket(period="P1")        # or ExitTicket(lesson="03_symptoms")
>>> ticket.answer(ticket.question_ids[0], 0)  # the same as clicking the first option
>>> ticket.submit(name="Sam")                 # -> the code, e.g. 'P1-AXXXX-7KQ2'

After submitting, the student sees the feedback for each answer, the score, a short
code and a link that saves a small JSON file from the browser itself (a ``data:`` URL:
nothing is sent anywhere). The teacher reads a folder of such files, or a list of
codes, with ``python -m scripts.collect_tickets FOLDER``. Logic in :mod:`widgets.ticket`.
"""

from __future__ import annotations

import ipywidgets

from . import html
from .base import LessonWidget
from .classroom import ticket_key, tickets
from .quiz_logic import feedback_for, option_labels, question_html
from .ticket import (
    TicketState,
    data_url,
    ticket_file_text,
    ticket_filename,
)

INTRO = (
    "One try per question: once you click an answer it is locked. You see which answers "
    "were right only after you press Submit. Then copy the code or save the file for your "
    "teacher. Nothing is sent anywhere."
)
RECORDED = "Answer recorded. Feedback comes after you submit."


class ExitTicket(LessonWidget):
    """A lesson's (``lesson=``) or a period's (``period="P1"``) questions as an exit ticket."""

    css_class = "msals-exit-ticket"
    controls = "the answer buttons and the Submit button"

    def __init__(self, lesson: str | None = None, period: str | None = None, **kwargs):
        key = ticket_key(lesson, period)
        known = tickets()
        if key not in known:
            with_questions = ", ".join(k for k in known if not k.startswith("P"))
            raise ValueError(
                f"lesson {lesson!r} has no questions for an exit ticket; lessons with "
                f"questions start with: {with_questions}"
            )
        title, questions = known[key]
        self.title = title
        self._state = TicketState(key, title, questions)
        self._choices: dict[str, ipywidgets.ToggleButtons] = {}
        self._notes: dict[str, ipywidgets.HTML] = {}
        self._name = ipywidgets.Text(
            description="Your name:",
            placeholder="name or initials, for your teacher",
            style={"description_width": "initial"},
        )
        blocks = [
            ipywidgets.HTML(
                html.join(
                    [html.heading(title), html.muted(INTRO, tag="p", style={"margin": "0.2em 0"})]
                )
            ),
            self._name,
        ]
        for number, question in enumerate(questions, start=1):
            blocks.append(self._question_block(question, number))
        self._submit = ipywidgets.Button(
            description="Submit", button_style="", tooltip="Lock all answers and see the results"
        )
        self._submit.on_click(lambda _: self.submit())
        self._status = ipywidgets.HTML()
        self._result = ipywidgets.HTML()
        blocks += [ipywidgets.HBox([self._submit, self._status]), self._result]
        super().__init__(children=blocks, **kwargs)
        self._show_status()

    def _question_block(self, question, number: int) -> ipywidgets.VBox:
        choice = ipywidgets.ToggleButtons(
            options=[(label, i) for i, label in enumerate(option_labels(question))],
            value=None,
            tooltips=[option.text for option in question.options],
            description="Answer:",
        )
        choice.observe(lambda change, qid=question.id: self._on_choice(qid, change), "value")
        note = ipywidgets.HTML(self._note(""))
        self._choices[question.id] = choice
        self._notes[question.id] = note
        return ipywidgets.VBox([ipywidgets.HTML(question_html(question, number)), choice, note])

    @staticmethod
    def _note(text: str) -> html.Markup:
        return html.el("div", text, class_="msals-feedback", role="status", aria_live="polite")

    def _on_choice(self, question_id: str, change) -> None:
        if change["new"] is not None and question_id not in self._state.answers:
            self.answer(question_id, change["new"])

    # ---- Python API (what the buttons call) ----
    @property
    def question_ids(self) -> list[str]:
        return self._state.ids

    @property
    def submitted(self) -> bool:
        return self._state.submitted

    @property
    def code(self) -> str:
        return self._state.code

    def answer(self, question_id: str, option_index: int) -> None:
        """Lock in one answer (index in the order shown). No feedback until submit."""
        self._state.answer(question_id, option_index)
        choice = self._choices[question_id]
        choice.value = option_index
        choice.disabled = True
        self._notes[question_id].value = self._note(RECORDED)
        self._show_status()

    def submit(self, name: str | None = None) -> str:
        """Lock the ticket, show feedback, the score, the code and the download link."""
        if self._state.submitted:
            raise ValueError("this ticket has already been submitted")
        if name is not None:
            self._name.value = name
        self._state.submit()
        self._name.disabled = True
        self._submit.disabled = True
        for question in self._state.questions:
            self._choices[question.id].disabled = True
            if question.id in self._state.answers:
                text = feedback_for(question, self._state.answers[question.id]).text
                text = text.replace(" Press Try again to choose another answer.", "")
            else:
                text = "Not answered."
            self._notes[question.id].value = self._note(text)
        self._show_status()
        self._result.value = self._result_html()
        return self._state.code

    def _show_status(self) -> None:
        self._status.value = html.live_region(
            html.el(
                "p", self._status_text(), class_="msals-summary", style={"margin": "0.3em 0.6em"}
            )
        )

    def _status_text(self) -> str:
        total = len(self._state.questions)
        answered = len(self._state.answers)
        if self._state.submitted:
            return f"Submitted: {self._state.score} of {total} correct."
        return f"{answered} of {total} answered. Submit when you are ready."

    def _result_html(self) -> html.Markup:
        name = self._name.value.strip()
        text = ticket_file_text(self._state, name)
        filename = ticket_filename(self._state, name)
        code = html.el(
            "code",
            self._state.code,
            class_="msals-ticket-code",
            style={"font-size": "130%", "letter-spacing": "0.05em"},
        )
        download = html.el(
            "a",
            f"save the ticket file ({filename})",
            class_="msals-ticket-download",
            download=filename,
            href=data_url(text),
        )
        return html.el(
            "div",
            html.el("p", html.el("strong", "Your code:"), " ", code, style={"margin": "0.2em 0"}),
            html.el(
                "p",
                "Hand it in as your teacher asks: write the code on paper, type it into the "
                "class form, or ",
                download,
                " and upload it. Nothing has been sent anywhere.",
                style={"margin": "0.2em 0"},
            ),
            class_="msals-ticket-result",
            role="status",
            aria_live="polite",
            style={
                "border": "2px solid currentColor",
                "padding": "0.5em 0.8em",
                "margin": "0.5em 0",
            },
        )

    def summary(self) -> str:
        lines = [f"{self.title}: {len(self._state.questions)} questions. {self._status_text()}"]
        for number, question in enumerate(self._state.questions, start=1):
            lines.append(f"{number}. {question.prompt}")
        if self._state.submitted:
            lines.append(f"Code: {self._state.code}")
        return "\n".join(lines)

    def static_html(self) -> html.Markup:
        return html.box(
            html.heading(self.title),
            html.el("p", INTRO),
            [question_html(q, n) for n, q in enumerate(self._state.questions, start=1)],
            html.el(
                "p",
                html.el(
                    "em",
                    "The exit ticket works when the notebook runs (JupyterLab, Binder or the "
                    "JupyterLite site); the printed exit tickets are in the classroom pack.",
                ),
            ),
            class_="msals-exit-ticket-static",
        )
