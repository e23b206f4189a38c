"""Exit tickets: one attempt per question, a short code and a small file to hand in.

Pure logic, no widgets (:mod:`widgets.exit_ticket` is the widget). A ticket is a fixed
list of questions from ``data/quiz.yaml`` under a key: a lesson number (``"03"``) or a
period (``"P1"``, see :mod:`widgets.classroom`).

The short code a student hands in, e.g. ``03-ABDCA-7KQ2``, holds the key, one letter per
question (the option chosen, counted in the order of ``data/quiz.yaml``; ``X`` is
unanswered) and a 4-character check. The check covers the letters and a fingerprint of
the questions, so a mistyped or edited code, or one made with a different version of
the questions, is refused with a clear message. It is a check against slips, not a
lock: nothing in a student's browser can be kept secret from the student.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass, field

from .quiz_logic import Question, option_letter

FORMAT = "msals-exit-ticket"
VERSION = 1
UNANSWERED = "X"
CHECK_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread
CHECK_LENGTH = 4
CODE_PATTERN = re.compile(r"^(P[0-9]|[0-9]{2})-([A-FX]+)-([A-Z2-9]{4})$")


class TicketError(ValueError):
    """A code or ticket file that cannot be read: says what is wrong and what to do."""


def fingerprint(questions: list[Question]) -> str:
    """A hash of the questions and their options, in order (changes when any is edited)."""
    parts = []
    for question in questions:
        parts.append(question.id)
        parts += [f"{o.text}|{int(o.correct)}" for o in question.options]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def _check(key: str, letters: str, print_: str) -> str:
    digest = hashlib.sha256(f"{FORMAT}:{key}:{letters}:{print_}".encode()).digest()
    number = int.from_bytes(digest[:4], "big")
    chars = []
    for _ in range(CHECK_LENGTH):
        number, rest = divmod(number, len(CHECK_ALPHABET))
        chars.append(CHECK_ALPHABET[rest])
    return "".join(chars)


def normalise_code(code: str) -> str:
    """Upper case, without spaces: what a student may have typed or copied."""
    return re.sub(r"\s+", "", str(code)).upper()


@dataclass
class TicketState:
    """One student's ticket: each question may be answered once, then submitted once."""

    key: str
    title: str
    questions: list[Question]
    answers: dict[str, int] = field(default_factory=dict)  # question id -> option index
    submitted: bool = False

    def __post_init__(self):
        if not self.questions:
            raise ValueError(f"ticket {self.key!r} has no questions")
        self._by_id = {q.id: q for q in self.questions}

    @property
    def ids(self) -> list[str]:
        return [q.id for q in self.questions]

    def answer(self, question_id: str, option_index: int) -> None:
        """Record an answer. A second answer to the same question is refused."""
        if question_id not in self._by_id:
            raise ValueError(
                f"question_id must be one of {', '.join(map(repr, self.ids))}; got {question_id!r}"
            )
        question = self._by_id[question_id]
        if not isinstance(option_index, int) or isinstance(option_index, bool):
            raise ValueError(f"option_index must be an int; got {option_index!r}")
        if option_index not in range(len(question.options)):
            allowed = ", ".join(str(i) for i in range(len(question.options)))
            raise ValueError(f"option_index must be one of {allowed}; got {option_index!r}")
        if self.submitted:
            raise ValueError("this ticket has been submitted: answers can no longer change")
        if question_id in self.answers:
            raise ValueError(f"question {question_id!r} is already answered: one attempt each")
        self.answers[question_id] = option_index

    def submit(self) -> None:
        self.submitted = True

    @property
    def letters(self) -> str:
        return "".join(
            option_letter(self.answers[q.id]) if q.id in self.answers else UNANSWERED
            for q in self.questions
        )

    @property
    def code(self) -> str:
        if not self.submitted:
            raise ValueError("submit the ticket first: the code is made on submission")
        letters = self.letters
        return f"{self.key}-{letters}-{_check(self.key, letters, fingerprint(self.questions))}"

    @property
    def score(self) -> int:
        return sum(self._by_id[qid].options[i].correct for qid, i in self.answers.items())


def decode_code(code: str, tickets: dict[str, list[Question]]) -> tuple[str, str]:
    """``(key, letters)`` of a valid code; :class:`TicketError` for any other text.

    ``tickets`` maps each known key to its questions (see :func:`widgets.classroom.tickets`).
    """
    text = normalise_code(code)
    match = CODE_PATTERN.match(text)
    if not match:
        raise TicketError(
            f"{code!r} is not an exit-ticket code: a code looks like 03-ABDCA-7KQ2 "
            "(ticket, one letter per question, 4-character check). "
            "Ask the student to copy it again."
        )
    key, letters, check = match.groups()
    if key not in tickets:
        raise TicketError(
            f"code {text!r} is for ticket {key!r}, which is not one of these lessons' tickets "
            f"({', '.join(sorted(tickets))})"
        )
    questions = tickets[key]
    if len(letters) != len(questions):
        raise TicketError(
            f"code {text!r} has {len(letters)} answers but ticket {key} has {len(questions)} "
            "questions: it was mistyped, or made with a different version of the questions"
        )
    for letter, question in zip(letters, questions, strict=True):
        if letter != UNANSWERED and "ABCDEF".index(letter) >= len(question.options):
            raise TicketError(
                f"code {text!r} answers {letter} to question {question.id!r}, "
                f"which has only {len(question.options)} options: the code was mistyped or edited"
            )
    if check != _check(key, letters, fingerprint(questions)):
        raise TicketError(
            f"code {text!r} does not pass its check: it was mistyped or edited, or made "
            "with a different version of the questions. Ask the student for the file or to read "
            "the code again."
        )
    return key, letters


def ticket_file(state: TicketState, name: str) -> dict:
    """What the downloadable file holds (JSON): who, which ticket, the answers and the code."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "ticket": state.key,
        "title": state.title,
        "name": name.strip(),
        "answers": dict(zip(state.ids, state.letters, strict=True)),
        "code": state.code,
    }


def ticket_file_text(state: TicketState, name: str) -> str:
    return json.dumps(ticket_file(state, name), indent=2, ensure_ascii=False) + "\n"


def ticket_filename(state: TicketState, name: str) -> str:
    who = re.sub(r"[^A-Za-z0-9]+", "-", name.strip()).strip("-")[:40] or "student"
    return f"exit-ticket-{state.key}-{who}.json"


def data_url(text: str, mime: str = "application/json") -> str:
    """A ``data:`` URL for a download link: the file never leaves the student's computer."""
    return f"data:{mime};base64," + base64.b64encode(text.encode("utf-8")).decode("ascii")


@dataclass(frozen=True)
class Result:
    """One handed-in ticket, checked and marked."""

    name: str
    key: str
    code: str
    letters: str
    marks: tuple[bool | None, ...]  # per question: right, wrong, None = unanswered

    @property
    def score(self) -> int:
        return sum(mark is True for mark in self.marks)


def mark(name: str, code: str, tickets: dict[str, list[Question]]) -> Result:
    key, letters = decode_code(code, tickets)
    marks = tuple(
        None if letter == UNANSWERED else question.options["ABCDEF".index(letter)].correct
        for letter, question in zip(letters, tickets[key], strict=True)
    )
    return Result(name, key, normalise_code(code), letters, marks)


def read_ticket_text(text: str, tickets: dict[str, list[Question]], where: str) -> Result:
    """Check and mark the text of one ticket file; :class:`TicketError` names ``where``."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise TicketError(f"{where}: not a ticket file (not JSON: {error.msg})") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise TicketError(f'{where}: not an exit-ticket file (no "format": "{FORMAT}")')
    if document.get("version") != VERSION:
        raise TicketError(f"{where}: ticket file version {document.get('version')!r}, expected 1")
    for key in ("name", "code", "answers"):
        if key not in document:
            raise TicketError(f"{where}: the file has no {key!r}")
    try:
        result = mark(str(document["name"]), str(document["code"]), tickets)
    except TicketError as error:
        raise TicketError(f"{where}: {error}") from None
    answers = document["answers"]
    ids = [q.id for q in tickets[result.key]]
    if (
        not isinstance(answers, dict)
        or list(answers) != ids
        or "".join(str(v) for v in answers.values()) != result.letters
    ):
        raise TicketError(
            f"{where}: the answers in the file do not match its code: the file was edited"
        )
    return result
