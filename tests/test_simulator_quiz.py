"""The simulator's self-checks and lesson text quote numbers the simulator really shows.

If data/conduction.yaml changes, these fail and name the stale number, so the quiz,
the lessons and the teacher guide never contradict what a student sees on screen.
"""

from __future__ import annotations

import pytest

from tests.notebook_tools import LESSONS, markdown, read
from widgets.conduction_figures import ms_text, percent
from widgets.quiz_logic import load_objectives, load_questions
from widgets.simulator import conduction_case

SIMULATOR_QUESTIONS = {
    "primer_sim_myelin_speed": "01_nervous_system_primer",
    "damage_sim_where_it_fails": "02_what_each_disease_damages",
    "damage_sim_als_early": "02_what_each_disease_damages",
    "symptoms_sim_warm_fibre": "03_symptoms",
    "symptoms_sim_delayed_vep": "03_symptoms",
}


def question(question_id: str):
    return next(q for q in load_questions() if q.id == question_id)


def text_of(question_id: str) -> str:
    q = question(question_id)
    return " ".join([q.prompt, *(o.text + " " + o.feedback for o in q.options)])


def right_option(question_id: str) -> str:
    return next(o.text for o in question(question_id).options if o.correct)


def lesson_text(lesson: str) -> str:
    return markdown(read(LESSONS / f"{lesson}.ipynb"))


@pytest.mark.parametrize(("question_id", "lesson"), SIMULATOR_QUESTIONS.items())
def test_each_simulator_question_sits_in_the_lesson_that_runs_the_simulator(question_id, lesson):
    assert question(question_id).lesson == lesson
    cells = read(LESSONS / f"{lesson}.ipynb")["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    assert "ConductionSimulator(" in code or "conduction_case(" in code


def test_healthy_case_times_match_question_and_lesson_01():
    myelinated, bare = conduction_case("healthy").result.runs
    fast, slow = ms_text(myelinated.arrival_ms), ms_text(bare.arrival_ms)
    assert (fast, slow) == ("12.5 ms", "1,000 ms")
    ratio = round(bare.arrival_ms / myelinated.arrival_ms)
    assert f"About {ratio} times as long" == right_option("primer_sim_myelin_speed")
    for text in (text_of("primer_sim_myelin_speed"), lesson_text("01_nervous_system_primer")):
        assert fast in text
        assert slow in text


def test_ms_block_and_als_late_match_question_and_lesson_02():
    blocked, before = conduction_case("ms_complete").result.runs
    assert not blocked.arrived and before.arrived
    factor = f"{blocked.blocking.safety_factor:.2f}"
    late = conduction_case("als_late").result
    motor, touch = late.runs
    assert not motor.arrived and touch.arrived
    assert late.pool.response < 1
    for text in (text_of("damage_sim_where_it_fails"), lesson_text("02_what_each_disease_damages")):
        assert factor in text
        assert ms_text(touch.arrival_ms) in text


def test_als_early_response_matches_question_and_lesson_02():
    early = conduction_case("als_early").result
    pool = early.pool
    assert early.runs[0].arrived
    assert right_option("damage_sim_als_early").startswith(f"{percent(pool.response)} of normal")
    assert f"{pool.lost} of the muscle's {pool.size} motor units" in text_of("damage_sim_als_early")
    assert f"{pool.size - pool.lost} survivors" in text_of("damage_sim_als_early")
    assert f"about {pool.unit_size:.1f} times" in text_of("damage_sim_als_early")
    lesson = lesson_text("02_what_each_disease_damages")
    assert f"{pool.lost} of the muscle's {pool.size} motor units" in lesson
    assert f"{pool.unit_size:.1f} times" in lesson


def test_warm_case_matches_question_and_lesson_03():
    cool, warm = conduction_case("ms_warm").result.runs
    assert cool.arrived and not warm.arrived
    assert 1 < cool.lowest_safety_factor < 1.25  # "a little above 1 (about 1.2)"
    factor = f"{warm.blocking.safety_factor:.2f}"
    assert factor in right_option("symptoms_sim_warm_fibre")
    lesson = lesson_text("03_symptoms")
    assert f"**{factor}**" in lesson
    assert ms_text(cool.arrival_ms) in lesson
    assert f"{cool.lowest_safety_factor:.1f}" in lesson


def test_repaired_case_matches_questions_and_lesson_03():
    repaired, before = conduction_case("ms_recovered").result.runs
    assert repaired.arrival_ms > before.arrival_ms
    assert ms_text(repaired.arrival_ms) in right_option("symptoms_sim_delayed_vep")
    for run in (repaired, before):
        assert ms_text(run.arrival_ms) in text_of("symptoms_sim_delayed_vep")
        assert ms_text(run.arrival_ms) in lesson_text("03_symptoms")


def test_final_quiz_covers_the_simulator_objectives():
    final = {o for q in load_questions("07_review") for o in q.objectives}
    simulator_objectives = {o for qid in SIMULATOR_QUESTIONS for o in question(qid).objectives} & {
        o.id for o in load_objectives()
    }
    assert {"damage_signal", "symptoms_slow_repair"} <= simulator_objectives
    assert simulator_objectives <= final
