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
    old = "A sensory pathway, running in from the skin to the brain"
    path.write_text(text.replace(old, "A sensory route, in from the skin", 1), encoding="utf-8")
    assert ". A sensory route, in from the skin.**" in answer_key()


def test_answer_key_letters_match_the_order_students_see():
    from widgets.quiz_logic import quiz_questions

    key = answer_key()
    for lesson in ("03_symptoms", "07_review"):
        for question in quiz_questions(lesson):
            right = question.options[question.answer_index]
            letter = "ABCDEF"[question.answer_index]
            end = key.index(f"(id `{question.id}`)")
            entry = key[key.rindex("**Answer: ", 0, end) : end]
            assert entry.startswith(f"**Answer: {letter}. {' '.join(right.text.split())}.**")


def test_fifty_minute_plan_fits_fifty_minutes():
    import re

    text = GUIDE.read_text(encoding="utf-8")
    plan = text.split("## A 50-minute class", 1)[1].split("\n## ", 1)[0]
    slots = [(int(a), int(b)) for a, b in re.findall(r"^\| (\d+)–(\d+) \|", plan, re.M)]
    assert slots[0][0] == 0 and slots[-1][1] == 50
    assert all(b > a for a, b in slots)
    assert all(slots[i][1] == slots[i + 1][0] for i in range(len(slots) - 1)), slots
    # Each slot uses only what fits in it: the plan names sections, not whole lessons.
    assert "section" in plan.lower()
