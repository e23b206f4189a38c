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

from .base import LessonWidget, escape, live_region
from .classroom import ticket_key, tickets
from .quiz_logic import feedback_for, option_labels, question_html
from .theme import MUTED_TEXT
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
                f"<h4>{escape(title)}</h4>"
                f'<p style="color:{MUTED_TEXT};margin:0.2em 0">{escape(INTRO)}</p>'
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
    def _note(text: str) -> str:
        return f'<div class="msals-feedback" role="status" aria-live="polite">{escape(text)}</div>'

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
        self._status.value = live_region(
            f'<p class="msals-summary" style="margin:0.3em 0.6em">{escape(self._status_text())}</p>'
        )

    def _status_text(self) -> str:
        total = len(self._state.questions)
        answered = len(self._state.answers)
        if self._state.submitted:
            return f"Submitted: {self._state.score} of {total} correct."
        return f"{answered} of {total} answered. Submit when you are ready."

    def _result_html(self) -> str:
        name = self._name.value.strip()
        text = ticket_file_text(self._state, name)
        filename = ticket_filename(self._state, name)
        return (
            '<div class="msals-ticket-result" role="status" aria-live="polite" '
            'style="border:2px solid currentColor;padding:0.5em 0.8em;margin:0.5em 0">'
            f'<p style="margin:0.2em 0"><strong>Your code:</strong> '
            f'<code class="msals-ticket-code" style="font-size:130%;letter-spacing:0.05em">'
            f"{escape(self._state.code)}</code></p>"
            f'<p style="margin:0.2em 0">Hand it in as your teacher asks: write the code on '
            f'paper, type it into the class form, or <a class="msals-ticket-download" '
            f'download="{escape(filename)}" href="{data_url(text)}">save the ticket file '
            f"({escape(filename)})</a> and upload it. Nothing has been sent anywhere.</p></div>"
        )

    def summary(self) -> str:
        lines = [f"{self.title}: {len(self._state.questions)} questions. {self._status_text()}"]
        for number, question in enumerate(self._state.questions, start=1):
            lines.append(f"{number}. {question.prompt}")
        if self._state.submitted:
            lines.append(f"Code: {self._state.code}")
        return "\n".join(lines)

    def static_html(self) -> str:
        blocks = "".join(question_html(q, n) for n, q in enumerate(self._state.questions, start=1))
        return (
            f'<div class="msals-exit-ticket-static"><h4>{escape(self.title)}</h4>'
            f"<p>{escape(INTRO)}</p>{blocks}<p><em>The exit ticket works when the notebook "
            "runs (JupyterLab, Binder or the JupyterLite site); the printed exit tickets are "
            "in the classroom pack.</em></p></div>"
        )
