"""The conduction model checked against the numbers in data/conduction.yaml, and bad data.

Expected values are computed here from the raw YAML (not from the model's own helpers),
so a model that drifts from what the data says fails.
"""

from __future__ import annotations

import dataclasses

import pytest

from widgets.conduction import (
    ARRIVED,
    BLOCKED,
    NO_SIGNAL,
    conduct,
    load_model,
    muscle_response,
    simulate,
)
from widgets.content import DataError, load_document
from widgets.content.common import Value
from widgets.content.conduction import FibreSpec, PlaqueSpec, RowSpec


@pytest.fixture(scope="module")
def model():
    return load_model()


@pytest.fixture(scope="module")
def raw():
    return load_document("conduction")


def value(entry) -> float:
    return float(entry["value"])


def sf_from_data(raw, myelin: float, warm: bool = False) -> float:
    p = raw["physiology"]
    healthy, bare = value(p["safety_factor_healthy"]), value(p["safety_factor_bare"])
    sf = bare + (healthy - bare) * myelin
    return sf * value(p["warm_factor"]) if warm else sf


def speed_share_from_data(raw, myelin: float) -> float:
    bare = value(raw["physiology"]["bare_speed_share"])
    return bare + (1 - bare) * myelin


def row(fibre: str, plaque: PlaqueSpec | None = None, warm: bool = False) -> RowSpec:
    """A row of the content model, as a case in data/conduction.yaml would give it."""
    return RowSpec(fibre, "test row", warm=warm, plaque=plaque)


def plaque(start: float, end: float, myelin: float) -> PlaqueSpec:
    return PlaqueSpec(start, end, myelin, "illustrative", "smith-mcdonald-1999")


# --------------------------------------------------------------------------- uniform fibres


@pytest.mark.parametrize("fibre_id", ["motor", "thin", "sensory", "optic"])
def test_uniform_fibre_arrives_after_length_over_velocity(model, raw, fibre_id):
    entry = next(f for f in raw["fibres"] if f["id"] == fibre_id)
    run = conduct(row(fibre_id), model)
    assert run.status == ARRIVED
    # millimetres divided by metres per second gives milliseconds
    assert run.arrival_ms == pytest.approx(value(entry["length"]) / value(entry["velocity"]))
    assert run.reached_mm == pytest.approx(value(entry["length"]))


@pytest.mark.parametrize(
    ("length", "velocity", "internode"),
    [(1000, 80, 1.0), (1000, 120, 2.0), (50, 20, 2.0), (333, 57, 0.7), (10, 3, None)],
)
def test_arrival_is_length_over_velocity_for_any_uniform_fibre(model, length, velocity, internode):
    """A variant of the content model (one fibre of our own) runs like the real one."""

    def number(x, unit):
        return Value(x, unit, "illustrative", "kandel-2021")

    fibre = FibreSpec(
        "test",
        "test",
        "motor",
        internode is not None,
        "a",
        "b",
        number(length, "mm"),
        number(velocity, "m/s"),
        None if internode is None else number(internode, "mm"),
    )
    variant = dataclasses.replace(model, fibres=(fibre,))
    run = conduct(row("test"), variant)
    assert run.arrival_ms == pytest.approx(length / velocity)
    assert run.fibre is fibre and run.reached_mm == pytest.approx(length)


def test_myelinated_fibre_renews_the_impulse_at_every_node(model, raw):
    optic = model.fibre("optic")
    run = conduct(row("optic"), model)
    internode = value(next(f for f in raw["fibres"] if f["id"] == "optic")["internode"])
    assert len(run.node_mm) == round(optic.length_mm / internode) + 1
    gaps = {round(b - a, 6) for a, b in zip(run.node_mm, run.node_mm[1:], strict=False)}
    assert gaps == {internode}
    # saltatory: between two nodes the impulse stays at the last node that fired
    t_mid = (run.node_ms[3] + run.node_ms[4]) / 2
    assert run.position_at(t_mid) == pytest.approx(run.node_mm[3])


def test_fibre_without_myelin_moves_smoothly(model):
    run = conduct(row("thin"), model)
    assert run.position_at(12.5) == pytest.approx(12.5 * model.fibre("thin").velocity_m_s)


def test_myelin_makes_the_motor_fibre_many_times_faster_than_a_thin_one(model, raw):
    healthy = simulate("healthy", model)
    fast, slow = healthy.runs
    velocities = {f["id"]: value(f["velocity"]) for f in raw["fibres"]}
    assert slow.arrival_ms / fast.arrival_ms == pytest.approx(
        velocities["motor"] / velocities["thin"]
    )


# --------------------------------------------------------------------------- demyelination


@pytest.mark.parametrize("myelin", [0.2, 0.3, 0.5, 0.8])
@pytest.mark.parametrize(("start", "end"), [(20, 30), (4, 46), (0, 10)])
def test_demyelinated_stretch_delays_arrival_by_what_the_data_implies(
    model, raw, myelin, start, end
):
    healthy = conduct(row("optic"), model)
    damaged = conduct(row("optic", plaque(start, end, myelin)), model)
    v = model.fibre("optic").velocity_m_s
    expected = (end - start) / (v * speed_share_from_data(raw, myelin)) - (end - start) / v
    assert damaged.arrived
    assert damaged.arrival_ms - healthy.arrival_ms == pytest.approx(expected)
    assert expected > 0


def test_ms_partial_case_is_slower_than_its_reference(model, raw):
    result = simulate("ms_partial", model)
    plaque_row = next(r for r in raw["cases"] if r["id"] == "ms_partial")["rows"][0]["plaque"]
    damaged, reference = result.runs
    span = plaque_row["end"] - plaque_row["start"]
    v = model.fibre("optic").velocity_m_s
    delay = span / (v * speed_share_from_data(raw, plaque_row["myelin"])) - span / v
    assert damaged.arrival_ms == pytest.approx(reference.arrival_ms + delay)


def test_block_happens_exactly_when_the_safety_factor_falls_below_one(model, raw):
    threshold = model.physiology.myelin_for_safety(1.0)
    assert sf_from_data(raw, threshold) == pytest.approx(1.0)
    for myelin in [0.0, threshold - 1e-6, threshold + 1e-6, 0.15, 0.3, 1.0]:
        run = conduct(row("optic", plaque(20, 30, myelin)), model)
        below = sf_from_data(raw, myelin) < 1
        assert run.status == (BLOCKED if below else ARRIVED), myelin
        if below:
            assert run.blocking.safety_factor < 1
            assert run.reached_mm == pytest.approx(20)  # stops at the node before the plaque
            assert run.arrival_ms is None
        else:
            assert all(s.safety_factor >= 1 for s in run.segments)


def test_complete_demyelination_blocks_at_the_plaque(model):
    damaged, reference = simulate("ms_complete", model).runs
    assert damaged.status == BLOCKED and reference.status == ARRIVED
    assert damaged.reached_mm == pytest.approx(damaged.row.plaque.start_mm)


def test_warming_blocks_a_marginal_fibre_and_cooling_restores_it(model, raw):
    cool, warm = simulate("ms_warm", model).runs
    myelin = cool.row.plaque.myelin
    assert sf_from_data(raw, myelin) >= 1 > sf_from_data(raw, myelin, warm=True)
    assert cool.status == ARRIVED
    assert warm.status == BLOCKED
    # cool the warm fibre again: it conducts, with the same arrival time as before
    cooled = conduct(dataclasses.replace(warm.row, warm=False), model)
    assert cooled.status == ARRIVED
    assert cooled.arrival_ms == pytest.approx(cool.arrival_ms)
    # a healthy fibre still conducts when warm: the safety factor stays far above 1
    healthy_warm = conduct(row("optic", warm=True), model)
    assert healthy_warm.status == ARRIVED


def test_a_variant_of_the_content_model_is_what_the_simulation_runs(model):
    """simulate() reads the typed model itself: with no warm penalty, warmth never blocks."""
    physiology = model.physiology
    mild = dataclasses.replace(
        physiology, warm_factor=dataclasses.replace(physiology.warm_factor, value=1.0)
    )
    assert simulate("ms_warm", model).runs[1].status == BLOCKED
    cool, warm = simulate("ms_warm", dataclasses.replace(model, physiology=mild)).runs
    assert warm.status == ARRIVED and warm.arrival_ms == pytest.approx(cool.arrival_ms)


def test_remyelination_restores_conduction_but_slower(model, raw):
    repaired, reference = simulate("ms_recovered", model).runs
    complete, _ = simulate("ms_complete", model).runs
    assert complete.status == BLOCKED
    assert repaired.status == ARRIVED
    assert repaired.arrival_ms > reference.arrival_ms  # the delayed evoked potential
    share = value(raw["physiology"]["remyelinated_internode_share"])
    inside = [s for s in repaired.segments if s.in_plaque]
    internode = model.fibre("optic").internode_mm
    assert all(s.end_mm - s.start_mm == pytest.approx(internode * share) for s in inside)


# --------------------------------------------------------------------------- ALS


def test_als_muscle_response_shrinks_as_units_are_lost(model):
    shares = [i / 20 for i in range(21)]
    plain = [muscle_response(s, model.hidden_loss_share, reinnervation=False) for s in shares]
    adopted = [muscle_response(s, model.hidden_loss_share) for s in shares]
    assert plain == sorted(plain, reverse=True) and plain[0] == 1 and plain[-1] == 0
    assert adopted == sorted(adopted, reverse=True) and adopted[-1] == 0
    assert all(a >= p for a, p in zip(adopted, plain, strict=True))


def test_reinnervation_delays_the_visible_loss_by_the_sourced_share(model, raw):
    hidden = value(raw["motor_units"]["hidden_loss_share"])
    first_drop = next(s / 100 for s in range(101) if muscle_response(s / 100, hidden) < 1)
    first_drop_plain = next(
        s / 100 for s in range(101) if muscle_response(s / 100, hidden, reinnervation=False) < 1
    )
    assert first_drop_plain == pytest.approx(0.01)
    assert first_drop == pytest.approx(hidden + 0.01)


def test_als_cases(model, raw):
    early, late = simulate("als_early", model), simulate("als_late", model)
    pool_size = value(raw["motor_units"]["pool"])
    assert early.main.status == ARRIVED  # surviving axons conduct normally
    assert early.main.arrival_ms == pytest.approx(simulate("healthy", model).main.arrival_ms)
    assert early.pool.lost == round(pool_size * 0.4) and early.pool.response == 1
    assert early.pool.unit_size > 1  # fewer, larger units
    assert early.pool.fasciculations
    motor, sensory = late.runs
    assert motor.status == NO_SIGNAL and motor.position_at(5) is None
    assert sensory.status == ARRIVED
    assert sensory.arrival_ms == pytest.approx(
        model.fibre("sensory").length_mm / model.fibre("sensory").velocity_m_s
    )
    assert late.pool.response < early.pool.response
    assert not late.drives_muscle(motor)


def test_muscle_response_rejects_impossible_shares(model):
    with pytest.raises(ValueError, match="lost_share must be between 0 and 1"):
        muscle_response(1.5, model.hidden_loss_share)


def test_unknown_case_lists_the_cases(model):
    with pytest.raises(ValueError, match="case must be one of 'healthy', 'ms_partial'"):
        simulate("flu", model)


# --------------------------------------------------------------------------- bad data


BAD = {
    "velocity outside its range": (
        lambda d: d["fibres"][0]["velocity"].update(value=150),
        r"data/conduction\.yaml: fibres\[0\]\.velocity\.value: must lie between min 70 and max 120",
    ),
    "plaque beyond the fibre": (
        lambda d: d["cases"][1]["rows"][0]["plaque"].update(end=80),
        r"data/conduction\.yaml: cases\[1\]\.rows\[0\]\.plaque: start must be before end",
    ),
    "unknown fibre": (
        lambda d: d["cases"][0]["rows"][0].update(fibre="spinal"),
        r"data/conduction\.yaml: cases\[0\]\.rows\[0\]\.fibre: unknown id 'spinal'",
    ),
    "bare safety factor of 1 or more": (
        lambda d: d["physiology"]["safety_factor_bare"].update(value=1.2),
        r"data/conduction\.yaml: physiology\.safety_factor_bare\.value: must be 0 or more",
    ),
    "warm factor above 1": (
        lambda d: d["physiology"]["warm_factor"].update(value=1.5),
        r"data/conduction\.yaml: physiology\.warm_factor\.value: 1\.5 is greater than",
    ),
    "missing velocity": (
        lambda d: d["fibres"][2].pop("velocity"),
        r"data/conduction\.yaml: fibres\[2\]: 'velocity' is required but missing",
    ),
    "number without a source": (
        lambda d: d["physiology"]["warming"].pop("source"),
        r"data/conduction\.yaml: physiology\.warming: .*source",
    ),
    "unknown source": (
        lambda d: d["motor_units"]["pool"].update(source="my-guess"),
        r"data/conduction\.yaml: motor_units\.pool\.source: unknown source id 'my-guess'",
    ),
    "myelin above 1": (
        lambda d: d["cases"][1]["rows"][0]["plaque"].update(myelin=1.3),
        r"data/conduction\.yaml: cases\[1\]\.rows\[0\]\.plaque\.myelin: 1\.3 is greater than",
    ),
    "hidden loss of every unit": (
        lambda d: d["motor_units"]["hidden_loss_share"].update(value=1.0),
        r"data/conduction\.yaml: motor_units\.hidden_loss_share\.value: must be 0 or more",
    ),
    "fibre without myelin given a plaque": (
        lambda d: d["cases"][0]["rows"][1].update(
            plaque={
                "start": 1,
                "end": 2,
                "myelin": 0,
                "certainty": "illustrative",
                "source": "kandel-2021",
            }
        ),
        r"data/conduction\.yaml: cases\[0\]\.rows\[1\]\.plaque: a fibre without myelin",
    ),
}


@pytest.mark.parametrize("problem", BAD)
def test_bad_data_gives_one_error_naming_file_and_field(edit_data, problem):
    change, message = BAD[problem]
    edit_data("conduction", change)
    with pytest.raises(DataError, match=message) as caught:
        load_model()
    assert str(caught.value).count("data/conduction.yaml") == 1


def test_missing_data_file_is_named(data_copy):
    (data_copy / "conduction.yaml").unlink()
    with pytest.raises(DataError, match=r"data/conduction\.yaml: file not found"):
        load_model()


def test_every_number_in_the_data_has_a_source_and_a_certainty(raw):
    def walk(node, path=""):
        if isinstance(node, dict):
            if "value" in node:
                assert "source" in node or "sources" in node, path
                assert node["certainty"] in ("high", "medium", "illustrative"), path
            for key, item in node.items():
                walk(item, f"{path}.{key}")
        elif isinstance(node, list):
            for i, item in enumerate(node):
                walk(item, f"{path}[{i}]")

    walk(raw)
    plaques = [r["plaque"] for c in raw["cases"] for r in c["rows"] if "plaque" in r]
    assert plaques and all(p["certainty"] == "illustrative" for p in plaques)
