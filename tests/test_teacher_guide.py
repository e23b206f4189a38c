"""The teacher guide's generated parts match data/ (run `make guide` after editing data)."""

from __future__ import annotations

from scripts.make_guide import GUIDE, answer_key, lesson_times, main, updated
from widgets.lesson_map import load_lessons


def test_guide_is_up_to_date():
    assert main(["--check"]) == 0, "run `make guide`"


def test_timings_table_lists_every_lesson_with_its_minutes():
    table = lesson_times()
    for lesson in load_lessons():
        assert f"| {lesson.number} | {lesson.title} |" in table
        assert table.count(f"| {lesson.minutes} |") >= 1


def test_stale_block_is_regenerated():
    text = GUIDE.read_text(encoding="utf-8")
    start = text.index("| 00 | Start here |")
    stale = text[:start] + "| 00 | Old title |" + text[start + len("| 00 | Start here |") :]
    assert updated(stale) == text


def test_answer_key_gives_every_question_its_correct_answer_and_why():
    from widgets.quiz_logic import load_questions

    key = answer_key()
    questions = load_questions()
    assert key.count("**Answer: ") == len(questions)
    for question in questions:
        right = question.options[question.answer_index]
        end = key.index(f"(id `{question.id}`)")
        entry = key[key.rindex("**Answer: ", 0, end) : end]
        assert f". {' '.join(right.text.split())}.**" in entry
        assert " ".join(right.feedback.split()) in entry


def test_answer_key_follows_the_quiz_data(data_copy):
    path = data_copy / "quiz.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("A sensory pathway", "A sensory route", 1), encoding="utf-8")
    assert "**Answer: A. A sensory route.**" in answer_key()
