"""Every lesson's quiz, as students see it, cannot be passed by test-taking tricks.

Checked over the real data, so a new or edited question that breaks a rule fails here:

* the right answer lands in every position, and in no position more than half the time;
* the right option is not systematically the longest, nor the shortest, of its question;
* across the sort questions (MS, ALS, Both, Neither), no one answer is right most of the time.

Options are shown in the order of :func:`widgets.quiz_logic.quiz_questions` (seeded per
question, the same order as the widget, the static copy and the teacher guide).
"""

from __future__ import annotations

import math
import re
from collections import Counter

import pytest

from widgets.lesson_map import load_lessons
from widgets.quiz_logic import SORT_OPTIONS, Question, load_questions, quiz_questions

LESSONS_WITH_QUIZ = sorted({q.lesson for q in load_questions()})
CLEARLY = 0.15  # 15% longer (or shorter) than every other option is easy to spot


def choice_questions(lesson: str) -> list[Question]:
    return [q for q in quiz_questions(lesson) if q.kind != "sort"]


def length_rank(question: Question) -> str:
    """'longest', 'shortest' or 'middle' for the right option, with 'clearly' if obvious."""
    lengths = [len(option.text) for option in question.options]
    right = lengths.pop(question.answer_index)
    if right > max(lengths):
        return "clearly longest" if right > max(lengths) * (1 + CLEARLY) else "longest"
    if right < min(lengths):
        return "clearly shortest" if right < min(lengths) * (1 - CLEARLY) else "shortest"
    return "middle"


def test_every_lesson_with_questions_is_checked():
    assert [
        lesson.id for lesson in load_lessons() if lesson.id != "00_start_here"
    ] == LESSONS_WITH_QUIZ


@pytest.mark.parametrize("lesson", LESSONS_WITH_QUIZ)
def test_right_answer_position_is_spread(lesson):
    questions = choice_questions(lesson)
    positions = Counter(q.answer_index for q in questions)
    most = math.ceil(len(questions) / 2)
    assert max(positions.values()) <= most, (
        f"{lesson}: the right answer sits at {dict(positions)} (position: count); "
        "no position may hold more than half"
    )
    widest = max(len(q.options) for q in questions)
    if len(questions) >= 2 * widest:
        assert set(positions) >= set(range(3)), f"{lesson}: positions used {dict(positions)}"


@pytest.mark.parametrize("lesson", LESSONS_WITH_QUIZ)
def test_right_answer_is_not_systematically_longest_or_shortest(lesson):
    questions = choice_questions(lesson)
    ranks = Counter(length_rank(q) for q in questions)
    half = math.ceil(len(questions) / 2)
    longest = ranks["longest"] + ranks["clearly longest"]
    shortest = ranks["shortest"] + ranks["clearly shortest"]
    assert longest <= half, f"{lesson}: right option longest in {longest} of {len(questions)}"
    assert shortest <= half, f"{lesson}: right option shortest in {shortest} of {len(questions)}"
    obvious = ranks["clearly longest"] + ranks["clearly shortest"]
    assert obvious <= max(1, len(questions) // 4), (
        f"{lesson}: right option obviously longer or shorter in {obvious} questions"
    )


def test_positions_over_the_whole_course_are_even():
    questions = [q for lesson in LESSONS_WITH_QUIZ for q in choice_questions(lesson)]
    positions = Counter(q.answer_index for q in questions)
    for position in range(3):
        share = positions[position] / len(questions)
        assert 0.2 <= share <= 0.45, f"position {position}: {share:.0%} of right answers"


def test_sort_answers_are_varied():
    sorts = [q for q in load_questions() if q.kind == "sort"]
    answers = Counter(q.options[q.answer_index].text for q in sorts)
    assert set(answers) == set(SORT_OPTIONS), f"some answer is never right: {dict(answers)}"
    assert max(answers.values()) <= len(sorts) / 2, dict(answers)


def test_rank_helper_on_made_up_questions():
    from widgets.quiz_logic import Option

    def question(*texts):
        options = tuple(Option(t, i == 0, "feedback text") for i, t in enumerate(texts))
        return Question("q", "01_x", ("o",), "single_choice", "t", "p", options, ("s",))

    assert length_rank(question("a much longer option", "short", "tiny")) == "clearly longest"
    assert length_rank(question("abcdefghijk", "abcdefghij", "abc")) == "longest"
    assert length_rank(question("ab", "abcdefgh", "abcdefg")) == "clearly shortest"
    assert length_rank(question("abcd", "abcde", "abc")) == "middle"


def test_enough_two_step_mechanism_questions():
    two_step = [q.id for q in load_questions() if q.prompt.startswith("Two steps:")]
    assert len(two_step) >= 8, two_step
    assert len({q.split("_")[0] for q in two_step}) >= 4, "spread them over the lessons"


def test_vignettes_include_a_neither_case_and_vary_in_age():

    vignettes = [q for q in load_questions() if q.kind == "vignette"]
    answers = [q.options[q.answer_index].text for q in vignettes]
    assert any(answer.startswith("Neither") for answer in answers), answers
    ages = [int(m) for q in vignettes for m in re.findall(r", (\d{2}),", q.case)]
    assert len(ages) >= 6 and max(ages) - min(ages) >= 30, ages


ABSOLUTE = re.compile(
    r"\b(always|never|proves?|cannot|can't|sure|completely|guaranteed?|all|none|every|only)\b",
    re.IGNORECASE,
)


def test_absolute_words_do_not_mark_the_wrong_options():
    """'Always', 'never', 'proves', 'only'... are the classic sign of a wrong option: a
    test-wise student strikes them out. Across the course they must be no more common in
    wrong options than in right ones (5 percentage points of slack for small numbers)."""
    questions = [q for lesson in LESSONS_WITH_QUIZ for q in choice_questions(lesson)]
    right = [o.text for q in questions for o in q.options if o.correct]
    wrong = [o.text for q in questions for o in q.options if not o.correct]
    share_right = sum(bool(ABSOLUTE.search(t)) for t in right) / len(right)
    share_wrong = sum(bool(ABSOLUTE.search(t)) for t in wrong) / len(wrong)
    flagged = [t for t in wrong if ABSOLUTE.search(t)]
    assert share_wrong <= share_right + 0.05, (
        f"absolute words in {share_wrong:.0%} of wrong options but {share_right:.0%} of right "
        f"ones: {flagged}"
    )


def test_absolute_word_pattern():
    assert ABSOLUTE.search("It proves MS") and ABSOLUTE.search("ALS never affects thinking")
    assert not ABSOLUTE.search("Fewer relapses and fewer new lesions on MRI scans")
