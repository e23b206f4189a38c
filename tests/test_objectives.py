"""Learning objectives in data/ are stated in the lessons and tested by the quiz."""

from __future__ import annotations

from collections import Counter

from tests.notebook_tools import LESSONS, markdown, read
from widgets.lesson_map import load_course_objectives, load_lessons
from widgets.quiz_logic import load_objectives, load_questions

# Lessons whose "## Objectives" section is written from data/objectives.yaml (every
# lesson but 00, which states the course objectives) and which link the glossary.
LESSONS_STATING_DATA_OBJECTIVES = (
    "01_nervous_system_primer",
    "02_what_each_disease_damages",
    "03_symptoms",
    "04_how_the_diseases_progress",
    "05_treatment_and_care",
    "06_how_doctors_tell_them_apart",
    "07_review",
)
FINAL_QUIZ = "07_review"


def test_every_objective_is_covered_by_at_least_one_question():
    covered = Counter(o for q in load_questions() for o in q.objectives)
    missing = [o.id for o in load_objectives() if covered[o.id] == 0]
    assert not missing, f"objectives no question tests: {missing}"


def test_every_lesson_has_objectives_and_its_own_questions():
    objectives = load_objectives()
    questions = load_questions()
    for lesson in load_lessons():
        assert any(o.lesson == lesson.id for o in objectives), lesson.id
        if lesson.id != "00_start_here":  # lesson 00 states the course objectives only
            assert any(q.lesson == lesson.id for q in questions), lesson.id


def test_final_quiz_covers_every_objective_of_every_lesson():
    assert load_lessons()[-1].id == FINAL_QUIZ, "the review is the last lesson"
    final = {o for q in load_questions(FINAL_QUIZ) for o in q.objectives}
    missing = [o.id for o in load_objectives() if o.id not in final]
    assert not missing, f"the final quiz in {FINAL_QUIZ} misses: {missing}"


def test_course_objectives_match_lesson_00_objectives():
    course = [o.text for o in load_objectives() if o.lesson == "00_start_here"]
    assert course == load_course_objectives()


def test_lessons_state_their_objectives_from_data():
    for lesson_id in LESSONS_STATING_DATA_OBJECTIVES:
        path = LESSONS / f"{lesson_id}.ipynb"
        if not path.exists():
            continue
        text = markdown(read(path))
        section = text.split("## Objectives", 1)[1].split("\n## ", 1)[0]
        for objective in load_objectives():
            if objective.lesson == lesson_id:
                assert objective.text in section, f"{lesson_id}: {objective.text}"


def test_lessons_link_the_glossary():
    for lesson_id in LESSONS_STATING_DATA_OBJECTIVES:
        path = LESSONS / f"{lesson_id}.ipynb"
        if path.exists():
            assert "](glossary.ipynb)" in markdown(read(path)), lesson_id
