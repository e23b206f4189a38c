"""Exit tickets: one attempt, no feedback before submit, codes and files that round-trip
through the teacher's reader, and clear errors for tampered or garbled tickets."""

from __future__ import annotations

import base64
import csv
import html
import json
import re

import pytest

from scripts import collect_tickets
from widgets.classroom import load_plan, ticket_questions, tickets
from widgets.content import DataError
from widgets.exit_ticket import RECORDED, ExitTicket
from widgets.quiz_logic import load_questions
from widgets.ticket import (
    TicketError,
    TicketState,
    decode_code,
    mark,
    read_ticket_text,
    ticket_file_text,
)


def known():
    return {key: questions for key, (_, questions) in tickets().items()}


def wrong_index(question):
    return next(i for i, o in enumerate(question.options) if not o.correct)


def filled(period="P1", name="Sam Lee"):
    """A submitted ticket: right, wrong, then right ... and the last question left blank."""
    ticket = ExitTicket(period=period)
    questions = ticket._state.questions
    for number, question in enumerate(questions[:-1]):
        choice = question.answer_index if number % 2 == 0 else wrong_index(question)
        ticket.answer(question.id, choice)
    ticket.submit(name=name)
    return ticket


def html_text(widget) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", widget.value))


# ---------------------------------------------------------------- the question set


def test_period_tickets_follow_the_plan_and_data():
    plan = load_plan()
    questions = load_questions()
    for period in plan.periods:
        chosen = ticket_questions(period, plan.ticket_size, questions)
        assert len(chosen) == plan.ticket_size
        assert {q.lesson for q in chosen} <= set(period.lessons)
        # each question brings an objective of its own, so the ticket checks different things
        assert len({o for q in chosen for o in q.objectives}) >= len(chosen)
        assert all(q.kind != "vignette" for q in chosen)
    # every lesson with questions has its own ticket, with all of its questions
    lessons = {q.lesson[:2] for q in questions}
    assert lessons <= set(tickets())
    assert [q.id for q in tickets()["03"][1]] == [q.id for q in load_questions("03_symptoms")]


def test_plan_minutes_must_add_up(edit_data):
    def change(document):
        document["periods"][1]["segments"][0]["minutes"] += 7

    edit_data("classroom", change)
    with pytest.raises(DataError, match=r"data/classroom\.yaml: periods\[1\]\.segments: .*57"):
        load_plan()


def test_bad_arguments_name_allowed_values():
    with pytest.raises(ValueError, match="exactly one of lesson= .* or period="):
        ExitTicket()
    with pytest.raises(ValueError, match="period must be one of 'P1', 'P2'"):
        ExitTicket(period="P9")
    with pytest.raises(ValueError, match="lesson must be one of"):
        ExitTicket(lesson="03")
    with pytest.raises(ValueError, match="has no questions for an exit ticket"):
        ExitTicket(lesson="00_start_here")


# ---------------------------------------------------------------- one attempt, no feedback


def test_one_attempt_per_question():
    ticket = ExitTicket(lesson="03_symptoms")
    first = ticket.question_ids[0]
    ticket.answer(first, 1)
    assert ticket._choices[first].disabled
    with pytest.raises(ValueError, match="already answered: one attempt each"):
        ticket.answer(first, 0)
    # clicking the locked buttons again changes nothing
    assert ticket._state.answers[first] == 1


def test_no_feedback_before_submit():
    ticket = ExitTicket(period="P2")
    questions = ticket._state.questions
    for question in questions:
        ticket.answer(question.id, question.answer_index)
    shown = " ".join(html_text(note) for note in ticket._notes.values())
    assert shown.count(RECORDED) == len(questions)
    assert "Correct" not in shown and "Not quite" not in shown
    for question in questions:
        for option in question.options:
            assert option.feedback not in shown
    assert "correct" not in ticket.summary().lower()
    assert "of 5 answered" in html_text(ticket._status)
    assert ticket._result.value == ""
    with pytest.raises(ValueError, match="submit the ticket first"):
        _ = ticket.code


def test_submit_shows_feedback_score_code_and_file():
    ticket = filled()
    questions = ticket._state.questions
    assert ticket.submitted and ticket._submit.disabled
    assert all(choice.disabled for choice in ticket._choices.values())
    first = html_text(ticket._notes[questions[0].id])
    assert (
        "✓ Correct." in first and questions[0].options[questions[0].answer_index].feedback in first
    )
    assert "✗ Not quite." in html_text(ticket._notes[questions[1].id])
    assert "Try again" not in first
    assert "Not answered." in html_text(ticket._notes[questions[-1].id])
    assert "Submitted: 2 of 5 correct." in html_text(ticket._status)
    assert ticket.code.startswith("P1-") and ticket.code[3:9].endswith("X-")
    result = ticket._result.value
    assert ticket.code in result
    link = re.search(r'download="([^"]+)" href="data:application/json;base64,([^"]+)"', result)
    assert link.group(1) == "exit-ticket-P1-Sam-Lee.json"
    saved = json.loads(base64.b64decode(link.group(2)))
    assert saved["name"] == "Sam Lee" and saved["code"] == ticket.code
    with pytest.raises(ValueError, match="already been submitted"):
        ticket.submit()
    with pytest.raises(ValueError, match="submitted: answers can no longer change"):
        ticket._state.answer(questions[-1].id, 0)


# ---------------------------------------------------------------- the teacher's side


def test_code_round_trips_through_the_reader():
    ticket = filled()
    result = mark("Sam", ticket.code.lower().replace("-", " - "), known())
    assert result.key == "P1"
    assert result.marks == (True, False, True, False, None)
    assert result.score == 2 == ticket._state.score


def test_file_round_trips_and_class_table(tmp_path, capsys):
    one, two = filled(name="Ana"), filled(period="P1", name="Ben")
    for ticket, name in ((one, "Ana"), (two, "Ben")):
        (tmp_path / f"exit-ticket-P1-{name}.json").write_text(
            ticket_file_text(ticket._state, name), encoding="utf-8"
        )
    p2 = ExitTicket(period="P2")
    for question in p2._state.questions:
        p2.answer(question.id, question.answer_index)
    (tmp_path / "form.csv").write_text(f"name,code\nCho,{p2.submit()}\n", encoding="utf-8")
    assert collect_tickets.main([str(tmp_path)]) == 0
    rows = list(csv.reader((tmp_path / "class-table.csv").open(encoding="utf-8")))
    assert rows[0][:5] == ["ticket", "name", "score", "out of", "Q1"]
    by_name = {row[1]: row for row in rows[1:]}
    assert by_name["Ana"][2:9] == ["2", "5", "1", "0", "1", "0", ""]
    assert by_name["Cho"][2:4] == ["5", "5"]
    shares = [row for row in rows if row[1] == "(share right)"]
    assert shares[0][:6] == ["P1", "(share right)", "", "", "2/2", "0/2"]
    printed = capsys.readouterr().out
    assert "3 tickets read" in printed and "Ana" in printed and "P2 Q1:" in printed


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda c: c[:-1] + ("A" if c[-1] != "A" else "B"), "does not pass its check"),
        (lambda c: c.replace("X-", "A-", 1), "does not pass its check"),  # answer edited
        (lambda c: c[:4] + c[5:], "has 4 answers but ticket P1 has 5"),
        (lambda c: "P7" + c[2:], "not one of these lessons' tickets"),
        (lambda c: "hello world", "is not an exit-ticket code"),
        (lambda c: c.replace("-", ""), "is not an exit-ticket code"),
        (lambda c: c[:3] + "F" + c[4:], "which has only 3 options"),
    ],
)
def test_tampered_or_garbled_codes_are_refused(change, message):
    code = filled().code
    with pytest.raises(TicketError, match=message):
        decode_code(change(code), known())


def test_code_from_other_questions_is_refused(edit_data):
    code = filled().code  # made with the real questions

    def change(document):
        document["questions"][0]["options"][0]["text"] += " (edited)"

    edit_data("quiz", change)
    with pytest.raises(TicketError, match="different version of the questions"):
        decode_code(code, known())


def test_edited_or_garbled_files_are_refused(tmp_path, capsys):
    ticket = filled()
    document = json.loads(ticket_file_text(ticket._state, "Ana"))
    first = next(iter(document["answers"]))
    document["answers"][first] = "C"  # answers changed, code not
    (tmp_path / "edited.json").write_text(json.dumps(document), encoding="utf-8")
    (tmp_path / "garbled.json").write_text('{"format": "msals-exit', encoding="utf-8")
    (tmp_path / "other.json").write_text('{"a": 1}', encoding="utf-8")
    (tmp_path / "codes.txt").write_text("Dee, P1-AAAAA-ZZZZ\n", encoding="utf-8")
    with pytest.raises(TicketError, match="edited.json: the answers in the file do not match"):
        read_ticket_text(json.dumps(document), known(), "edited.json")
    assert collect_tickets.main([str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "4 not read" in err
    assert "garbled.json: not a ticket file (not JSON" in err
    assert "other.json: not an exit-ticket file" in err
    assert "codes.txt line 1: code 'P1-AAAAA-ZZZZ' does not pass its check" in err


def test_state_rejects_bad_answers():
    state = TicketState("03", "t", load_questions("03_symptoms"))
    with pytest.raises(ValueError, match="question_id must be one of"):
        state.answer("nope", 0)
    with pytest.raises(ValueError, match="option_index must be one of 0, 1, 2, 3"):
        state.answer(state.ids[1], 9)
    with pytest.raises(ValueError, match="option_index must be an int"):
        state.answer(state.ids[1], True)


def test_escapes_student_name_in_file_link():
    ticket = ExitTicket(lesson="05_treatment_and_care")
    ticket.submit(name='<b>"x"</b>')
    assert "<b>" not in ticket._result.value
    assert 'download="exit-ticket-05-b-x-b.json"' in ticket._result.value


def test_exit_tickets_notebook_has_a_cell_per_period():
    from tests.notebook_tools import LESSONS, code_cells, read, source

    notebook = read(LESSONS / "exit_tickets.ipynb")
    calls = [source(cell).splitlines()[-1] for cell in code_cells(notebook)]
    assert calls == [f'ExitTicket(period="{p.id}")' for p in load_plan().periods]
    for cell in code_cells(notebook):
        # stored output: the questions as a snapshot, no code, no answers shown
        plain = [o["data"]["text/plain"] for o in cell["outputs"] if "data" in o]
        text = "".join("".join(p) if isinstance(p, list) else p for p in plain)
        assert "answered. Submit when you are ready." in text
