"""The quiz: answers, feedback, score, retry, reset, shuffling, escaping and bad data."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from tests.conftest import read_yaml
from tests.notebook_tools import ROOT
from tests.snapshots import snapshot_body
from widgets.content import DataError
from widgets.html import escape
from widgets.quiz import Quiz
from widgets.quiz_logic import (
    DEFAULT_SEED,
    QuizState,
    arranged,
    feedback_for,
    load_questions,
    option_order,
    quiz_questions,
    shuffled,
)

LESSON = "03_symptoms"
# Position of each question in the real data/quiz.yaml: the bad-file cases below edit a
# question by id, so they keep working when questions are added or reordered.
QUIZ_FILE = read_yaml(ROOT / "data" / "quiz.yaml")
AT = {question["id"]: index for index, question in enumerate(QUIZ_FILE["questions"])}


def first_wrong(question):
    return next(i for i, o in enumerate(question.options) if not o.correct)


def test_right_and_wrong_answers_give_their_feedback_and_score():
    quiz = Quiz(lesson=LESSON)
    questions = quiz_questions(LESSON)  # option indexes refer to the order shown
    first, second = questions[0], questions[1]

    right = quiz.answer(first.id, first.answer_index)
    assert right.correct
    assert right.text.startswith("✓ Correct.")
    assert first.options[first.answer_index].feedback in right.text
    assert quiz.score == 1

    wrong_index = first_wrong(second)
    wrong = quiz.answer(second.id, wrong_index)
    assert not wrong.correct
    assert wrong.text.startswith("✗ Not quite.")
    assert second.options[wrong_index].feedback in wrong.text
    assert quiz.score == 1
    assert f"Score: 1 of {len(questions)} correct (2 of {len(questions)} answered)." in (
        quiz._score.value
    )
    # The feedback is shown as text in the element the browser tests look for.
    html_text = quiz._feedback[second.id].value
    assert html_text.startswith('<div class="msals-feedback" role="status"')
    # Icon, words AND colour/border: a box, not plain text.
    assert 'data-verdict="wrong"' in html_text and "<strong>Not quite.</strong>" in html_text
    assert "✗" in html_text and "border:3px dashed #D55E00" in html_text
    right_html = quiz._feedback[first.id].value
    assert 'data-verdict="right"' in right_html and "border:3px solid #009E73" in right_html


def test_sort_question_feedback_names_the_part_that_explains_it():
    quiz = Quiz(lesson=LESSON)
    feedback = quiz.answer("symptoms_fasciculations_sort", 1)  # ALS
    assert feedback.correct
    assert "lower motor neurons" in feedback.text
    feedback = quiz.answer("symptoms_optic_sort", 1)  # ALS: wrong
    assert not feedback.correct
    assert "optic nerve" in feedback.text


def test_clicking_an_option_answers_marks_it_and_locks_until_retry():
    quiz = Quiz(lesson=LESSON)
    question = quiz_questions(LESSON)[0]
    buttons = quiz._options[question.id]
    retry = quiz._retry[question.id]
    assert retry.layout.display == "none"  # no "Try again" before any answer
    assert quiz._progress[question.id].value == ""
    buttons[question.answer_index].click()  # what a click sends to the kernel
    assert quiz.score == 1
    assert all(button.disabled for button in buttons)
    chosen = buttons[question.answer_index]
    assert chosen.description.endswith("✓ your answer")
    assert {"msals-chosen", "msals-right"} <= set(chosen._dom_classes)
    others = [b for b in buttons if b is not chosen]
    assert not any("msals-chosen" in b._dom_classes for b in others)
    assert retry.layout.display == "none"  # a right answer: nothing to try again
    assert 'data-verdict="right"' in quiz._feedback[question.id].value
    assert "So far: 1 of" in quiz._progress[question.id].value
    buttons[0].click()  # a locked question ignores further clicks
    assert quiz.score == 1

    quiz.retry(question.id)
    assert quiz.score == 0
    assert not any(button.disabled for button in buttons)
    assert "your answer" not in chosen.description and "msals-chosen" not in chosen._dom_classes
    assert "✓" not in quiz._feedback[question.id].value
    buttons[first_wrong(question)].click()
    assert quiz.score == 0
    assert 'data-verdict="wrong"' in quiz._feedback[question.id].value
    assert buttons[first_wrong(question)].description.endswith("✗ your answer")
    assert retry.layout.display is None  # "Try again" only after a wrong answer
    retry.click()
    assert question.id not in quiz._state.answers and retry.layout.display == "none"


def test_reset_all_asks_first():
    quiz = Quiz(lesson=LESSON)
    questions = quiz_questions(LESSON)
    for question in questions:
        quiz.answer(question.id, question.answer_index)
    assert quiz.score == len(questions)
    quiz.retry(questions[0].id)
    assert quiz.score == len(questions) - 1
    assert questions[0].id not in quiz._state.answers
    assert quiz._confirm.layout.display == "none"
    quiz._reset.click()
    assert quiz._confirm.layout.display is None  # asked, nothing cleared yet
    assert quiz.score == len(questions) - 1
    quiz._confirm_no.click()
    assert quiz._confirm.layout.display == "none" and quiz.score == len(questions) - 1
    quiz._reset.click()
    quiz._confirm_yes.click()
    assert quiz.score == 0 and quiz._state.answers == {}
    assert not any(b.disabled for buttons in quiz._options.values() for b in buttons)
    assert f"Score: 0 of {len(questions)} correct (0 of" in quiz._score.value
    assert all(progress.value == "" for progress in quiz._progress.values())


def test_running_score_and_focus_targets():
    questions = quiz_questions(LESSON)
    state = QuizState(questions)
    first, second, last = questions[0], questions[1], questions[-1]
    state.answer(first.id, first_wrong(first))
    assert state.progress_text() == f"So far: 1 of {len(questions)} answered, 0 correct."
    assert state.focus_after_answer(first.id) == ("retry", first.id)
    state.answer(first.id, first.answer_index)
    assert state.focus_after_answer(first.id) == ("option", second.id)
    state.answer(last.id, last.answer_index)  # the next unanswered wraps to the start
    assert state.focus_after_answer(last.id) == ("option", second.id)
    for question in questions:
        state.answer(question.id, question.answer_index)
    assert state.focus_after_answer(second.id) == ("reset", None)
    assert state.progress_text().endswith(f"{len(questions)} correct.")


def test_questions_keep_the_file_order_and_options_are_shuffled_by_default():
    quiz = Quiz(lesson=LESSON)
    in_file = load_questions(LESSON)
    assert quiz.question_ids == [q.id for q in in_file]
    shown = {q.id: q for q in quiz._state.questions}
    moved = 0
    for question in in_file:
        texts = [o.text for o in shown[question.id].options]
        assert sorted(texts) == sorted(o.text for o in question.options)
        if question.kind == "sort":
            assert texts == [o.text for o in question.options]  # MS, ALS, Both, Neither
        else:
            moved += texts != [o.text for o in question.options]
    assert moved >= 2, "the default quiz should not show the file's option order"
    unshuffled = Quiz(lesson=LESSON, shuffle=False)
    assert [q.options for q in unshuffled._state.questions] == [q.options for q in in_file]


def test_shuffle_is_seeded_per_question_and_keeps_answers_right():
    questions = load_questions()
    one = shuffled(questions, seed=1)
    assert [q.options for q in one] == [q.options for q in shuffled(questions, seed=1)]
    assert [q.options for q in one] != [q.options for q in shuffled(questions, seed=2)]
    assert [q.id for q in one] == [q.id for q in questions]  # question order kept
    by_id = {q.id: q for q in questions}
    for question in one:
        original = by_id[question.id]
        correct_text = original.options[original.answer_index].text
        assert question.options[question.answer_index].text == correct_text
    # Each question's order depends only on its own id and the seed: editing or adding
    # another question never reshuffles it, so stored outputs stay stable.
    question = next(q for q in questions if q.kind != "sort")
    edited = replace(question, prompt="A different prompt", sources=("x",))
    assert option_order(edited, 5) == option_order(question, 5)
    assert arranged(question, 5).options == shuffled([questions[0], question], 5)[1].options
    # questions_too puts the questions in a seeded order as well.
    mixed = Quiz(lesson="07_review", seed=7, questions_too=True)
    assert mixed.question_ids == Quiz(lesson="07_review", seed=7, questions_too=True).question_ids
    assert mixed.question_ids != [q.id for q in load_questions("07_review")]
    assert sorted(mixed.question_ids) == sorted(q.id for q in load_questions("07_review"))
    shown = mixed._state.question(mixed.question_ids[0])
    assert mixed.answer(shown.id, shown.answer_index).correct


def test_widget_static_copy_and_default_seed_agree():
    quiz = Quiz(lesson=LESSON)
    assert [q.options for q in quiz._state.questions] == [
        q.options for q in shuffled(load_questions(LESSON), DEFAULT_SEED)
    ]
    html_text = quiz.static_html()
    for question in quiz._state.questions:
        if question.kind == "sort":
            continue
        places = [
            html_text.index(f"{'ABCDEF'[i]}.</strong> {escape(o.text)}</li>")
            for i, o in enumerate(question.options)
        ]
        assert places == sorted(places), question.id


def test_bad_shuffle_arguments_name_what_is_allowed():
    with pytest.raises(ValueError, match=r"shuffle must be True or False; got 'yes'"):
        Quiz(lesson=LESSON, shuffle="yes")
    with pytest.raises(ValueError, match=r"seed must be an int; got 1.5"):
        Quiz(lesson=LESSON, seed=1.5)


def test_bad_ids_name_the_allowed_values():
    quiz = Quiz(lesson=LESSON)
    with pytest.raises(ValueError, match=r"question_id must be one of 'symptoms_why_varied'"):
        quiz.answer("no_such_question", 0)
    with pytest.raises(ValueError, match=r"option_index must be one of 0, 1, 2 for question"):
        quiz.answer("symptoms_why_varied", 3)
    with pytest.raises(ValueError, match=r"option_index must be an int"):
        quiz.answer("symptoms_why_varied", "A")
    with pytest.raises(ValueError, match=r"question_id must be one of"):
        quiz.retry("nope")
    with pytest.raises(ValueError, match=r"lesson must be one of '00_start_here'"):
        Quiz(lesson="03")
    with pytest.raises(ValueError, match=r"no questions for lesson '00_start_here'; lessons"):
        Quiz(lesson="00_start_here")


def test_static_html_hides_answers_in_details_and_lists_sources():
    quiz = Quiz(lesson=LESSON)
    html_text = quiz.static_html()
    questions = load_questions(LESSON)
    assert html_text.count("<details><summary>Check your answer</summary>") == len(questions)
    for question in questions:
        assert escape(question.prompt) in html_text
        hidden = html_text.split(escape(question.prompt), 1)[1].split("</details>", 1)[0]
        assert "✓ right" in hidden and "✗ wrong" in hidden
    assert re.search(r"<summary>Sources \(\d+\)</summary>", html_text)
    bundle = quiz._repr_mimebundle_()
    assert snapshot_body(bundle["text/html"]) == html_text
    assert bundle["text/plain"].startswith(
        f"Self-check: From damage to symptoms: {len(questions)} questions."
    )


def test_widget_carries_its_css_classes():
    quiz = Quiz(lesson=LESSON)
    assert quiz._dom_classes == ("msals-widget", "msals-quiz")
    assert 'class="msals-summary msals-score"' in quiz._score.value


def test_state_works_without_widgets():
    questions = load_questions("05_treatment_and_care")
    state = QuizState(questions)
    for question in questions:
        state.answer(question.id, first_wrong(question))
    assert state.score == 0
    state.answer(questions[0].id, questions[0].answer_index)
    assert state.score == 1
    assert feedback_for(questions[0], questions[0].answer_index).correct


# ---- each kind of bad question file gives its own clear error ----


def _set(path, value):
    def change(document):
        target = document
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


BAD_FILES = {
    "no correct option": (
        lambda d: [
            o.update(correct=False)
            for o in d["questions"][AT["primer_motor_or_sensory"]]["options"]
        ],
        rf"data/quiz\.yaml: questions\[{AT['primer_motor_or_sensory']}\] "
        r"\('primer_motor_or_sensory'\)\.options: no option is marked correct",
    ),
    "two correct options": (
        _set(["questions", AT["primer_lmn"], "options", 0, "correct"], True),
        rf"questions\[{AT['primer_lmn']}\] \('primer_lmn'\)\.options: 2 options are marked "
        r"correct; exactly one must be",
    ),
    "blank feedback": (
        _set(["questions", AT["primer_myelin_speed"], "options", 1, "feedback"], "  "),
        rf"questions\[{AT['primer_myelin_speed']}\] \('primer_myelin_speed'\)\.options\[1\]"
        r"\.feedback: feedback is missing or too short",
    ),
    "missing feedback": (
        lambda d: d["questions"][AT["damage_ms_target"]]["options"][2].pop("feedback"),
        rf"data/quiz\.yaml: questions\[{AT['damage_ms_target']}\] \('damage_ms_target'\)"
        r"\.options\[2\]: 'feedback' is required but missing",
    ),
    "duplicate id": (
        _set(["questions", AT["damage_als_target"], "id"], "primer_lmn"),
        rf"data/quiz\.yaml: questions\[{AT['damage_als_target']}\] \('primer_lmn'\)\.id: "
        rf"duplicate id 'primer_lmn' \(also at index {AT['primer_lmn']}\)",
    ),
    "unknown topic": (
        _set(["questions", AT["damage_sensation_sort"], "topic"], "astrology"),
        rf"questions\[{AT['damage_sensation_sort']}\] \('damage_sensation_sort'\)\.topic: "
        r"unknown id 'astrology'; known ids: anatomy, mechanism",
    ),
    "unknown lesson": (
        _set(["questions", AT["symptoms_why_varied"], "lesson"], "07_extra"),
        rf"questions\[{AT['symptoms_why_varied']}\] \('symptoms_why_varied'\)\.lesson: "
        r"unknown id '07_extra'",
    ),
    "unknown objective": (
        _set(
            ["questions", AT["symptoms_fasciculations_sort"], "objectives"],
            ["symptoms_als_motor", "be_nice"],
        ),
        rf"questions\[{AT['symptoms_fasciculations_sort']}\] \('symptoms_fasciculations_sort'\)"
        r"\.objectives\[1\]: unknown id 'be_nice'",
    ),
    "sort options not MS/ALS/Both/Neither": (
        _set(["questions", AT["symptoms_optic_sort"], "options", 2, "text"], "Maybe"),
        rf"questions\[{AT['symptoms_optic_sort']}\] \('symptoms_optic_sort'\)\.options: "
        r"a sort question's options must be MS, ALS, Both, Neither",
    ),
    "vignette without case": (
        lambda d: d["questions"][AT["review_vignette_ms"]].pop("case"),
        r"\('review_vignette_ms'\)\.case: a vignette needs its case description",
    ),
    "unknown kind": (
        _set(["questions", AT["primer_motor_or_sensory"], "kind"], "essay"),
        rf"questions\[{AT['primer_motor_or_sensory']}\] \('primer_motor_or_sensory'\)\.kind: "
        r"'essay' is not one of",
    ),
    "dangling source": (
        _set(["questions", AT["primer_motor_or_sensory"], "sources"], ["nobody-2099"]),
        rf"questions\[{AT['primer_motor_or_sensory']}\] \('primer_motor_or_sensory'\)"
        r"\.sources\[0\]: unknown source id",
    ),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_question_file_is_rejected_naming_file_and_question(edit_data, case):
    change, message = BAD_FILES[case]
    edit_data("quiz", change)
    with pytest.raises(DataError, match=message):
        load_questions()
    with pytest.raises(DataError):
        Quiz(lesson=LESSON)


def test_objective_with_unknown_lesson_is_rejected(edit_data):
    edit_data("objectives", _set(["objectives", 0, "lesson"], "09_nowhere"))
    with pytest.raises(
        DataError, match=r"data/objectives\.yaml: objectives\[0\]\.lesson: unknown id '09_nowhere'"
    ):
        load_questions()


def test_hiding_one_part_of_a_quiz_hides_nothing_else():
    quiz = Quiz(lesson=LESSON)
    first, second = quiz_questions(LESSON)[:2]
    quiz.answer(first.id, first_wrong(first))
    assert quiz._retry[first.id].layout.display is None
    assert quiz._retry[second.id].layout.display == "none"
    assert all(b.layout.display is None for b in quiz._options[first.id])
    quiz.ask_reset()
    assert quiz._confirm.layout.display is None
    assert quiz._retry[second.id].layout.display == "none"
    assert quiz._reset.layout.display is None
