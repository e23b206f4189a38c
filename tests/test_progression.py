"""The shape of each illustrative course, checked numerically, and bad input."""

from __future__ import annotations

import pytest

from widgets.content import DataError, load_document
from widgets.progression import (
    als_course,
    annualised_relapse_rate,
    load_params,
    ms_course,
)

SEEDS = range(30)


@pytest.fixture(scope="module")
def params():
    return load_params()


def residual_levels(course):
    """EDSS once each relapse has recovered, then along the progressive phase."""
    return [p.value for p in course.points if p.kind not in ("relapse", "onset", "peak")]


@pytest.mark.parametrize("seed", SEEDS)
def test_rrms_relapses_rise_then_fall_back(params, seed):
    course = ms_course("rrms_spms", "none", 40, seed, params=params)
    assert len(course.relapses) >= 3
    for relapse in course.relapses:
        assert relapse.start < relapse.peak_year < relapse.end
        assert relapse.peak > relapse.before  # a relapse makes things worse...
        assert relapse.after < relapse.peak  # ...then recovery brings them back down...
        assert relapse.after >= relapse.before  # ...fully or partly, never below where it was
        low, high = params.relapse_left_behind
        assert relapse.left_behind <= high * params.relapse_rise[1] + 0.01
    # recovery really happens: the course goes down at least once per relapse after the first
    downs = sum(b.value < a.value for a, b in zip(course.points, course.points[1:], strict=False))
    assert downs == len([r for r in course.relapses if r.end <= course.years])


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("treatment", ["none", "interferon_beta", "natalizumab"])
def test_residual_disability_never_decreases(params, seed, treatment):
    course = ms_course("rrms_spms", treatment, 40, seed, params=params)
    levels = residual_levels(course)
    assert levels == sorted(levels)
    assert all(0 <= p.value <= params.edss_shown_max for p in course.points)
    years = [p.year for p in course.points]
    assert years == sorted(years) and years[0] == 0 and years[-1] == 40


def test_rrms_turns_secondary_progressive_at_the_sourced_time(params):
    course = ms_course("rrms_spms", "none", 40, 3, params=params)
    assert course.progressive_from == pytest.approx(10, abs=0.3)  # years_to_progressive
    after = [p for p in course.points if p.year >= course.progressive_from]
    assert all(p.kind not in ("relapse", "peak") for p in after)
    assert [p.value for p in after] == sorted(p.value for p in after)
    assert course.value_at(22.1) == pytest.approx(6.0)  # Harding 2015 anchor
    treated = ms_course("rrms_spms", "interferon_beta", 40, 3, params=params)
    assert treated.progressive_from == pytest.approx(10 / 0.71, abs=0.3)


@pytest.mark.parametrize("treatment", ["none", "ocrelizumab"])
def test_ppms_never_improves_and_has_no_relapses(params, treatment):
    course = ms_course("ppms", treatment, 40, 1, params=params)
    assert course.relapses == ()
    values = [p.value for p in course.points]
    assert values == sorted(values)
    assert values[0] == 1.0
    assert course.progressive_from is None


def test_ppms_matches_its_milestones_and_treatment_slows_it(params):
    untreated = ms_course("ppms", "none", 30, 1, params=params)
    treated = ms_course("ppms", "ocrelizumab", 30, 1, params=params)
    assert untreated.value_at(9.6) == pytest.approx(6.0)
    assert untreated.value_at(20.7) == pytest.approx(8.0)
    assert treated.value_at(9.6) < 6.0
    assert treated.value_at(9.6 / 0.76) == pytest.approx(6.0)


def test_ppms_gets_worse_sooner_than_relapsing_onset(params):
    ppms = ms_course("ppms", "none", 25, 1, params=params)
    for seed in SEEDS:
        rrms = ms_course("rrms_spms", "none", 25, seed, params=params)
        assert ppms.value_at(10) > rrms.value_at(10)


@pytest.mark.parametrize("seed", SEEDS)
def test_treatment_lowers_the_number_of_relapses(params, seed):
    courses = {
        t: ms_course("rrms_spms", t, 40, seed, params=params)
        for t in ("none", "interferon_beta", "natalizumab")
    }
    starts = {t: {r.start for r in c.relapses} for t, c in courses.items()}
    # Treatment removes relapses and never adds one: the same seed gives the same candidates.
    first_ten = {t: {s for s in v if s < 10} for t, v in starts.items()}
    assert first_ten["natalizumab"] <= first_ten["interferon_beta"] <= first_ten["none"]
    assert len(first_ten["natalizumab"]) < len(first_ten["none"])


def test_treatment_effect_matches_the_sourced_reduction_on_average(params):
    def mean_rate(treatment):
        rates = [
            annualised_relapse_rate(ms_course("rrms_spms", treatment, 40, s, params=params))
            for s in range(300)
        ]
        return sum(rates) / len(rates)

    untreated = mean_rate("none")
    assert untreated == pytest.approx(params.relapses_per_year, rel=0.15)
    assert mean_rate("interferon_beta") / untreated == pytest.approx(1 - 0.30, abs=0.08)
    assert mean_rate("natalizumab") / untreated == pytest.approx(1 - 0.68, abs=0.08)


def test_same_seed_same_course_and_different_seed_different(params):
    a = ms_course("rrms_spms", "none", 25, 7, params=params)
    assert a == ms_course("rrms_spms", "none", 25, 7, params=params)
    assert a.points != ms_course("rrms_spms", "none", 25, 8, params=params).points


@pytest.mark.parametrize("rate", ["slow", "typical", "fast"])
def test_als_never_improves_and_reaches_its_floor_within_the_survival_range(params, rate):
    course = als_course(rate, 40, params=params)
    values = [p.value for p in course.points]
    assert values[0] == 48
    assert all(b < a for a, b in zip(values, values[1:], strict=False))
    assert values[-1] == 0 and course.points[-1].kind == "floor"
    low, high = params.rates[rate].survival_years
    assert low <= course.floor_year <= high
    for year in (0.5, 1, 2, 3):
        assert course.value_at(year) <= course.value_at(year - 0.5)


def test_als_rates_order_and_milestones(params):
    floors = [als_course(r, 40, params=params).floor_year for r in ("fast", "typical", "slow")]
    assert floors == sorted(floors)
    typical = als_course("typical", 10, params=params)
    assert [m.value for m in typical.milestones] == [26, 20]
    assert all("illustrative" not in m.text for m in typical.milestones)
    assert typical.milestones[0].year < typical.milestones[1].year < typical.floor_year
    short = als_course("typical", 1, params=params)
    assert short.milestones == () and short.points[-1].kind == "end"
    assert short.points[-1].value == pytest.approx(36)


def test_als_custom_rate_inside_range(params):
    course = als_course("typical", 10, per_month=0.5, params=params)
    assert course.floor_year == pytest.approx(8.0)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda p: ms_course("rrms_spms", "none", -5, params=p), r"years must be between 1 and 40"),
        (lambda p: ms_course("rrms_spms", "none", 0, params=p), r"years must be between 1 and 40"),
        (lambda p: ms_course("rrms_spms", "none", 41, params=p), r"years must be between 1 and 40"),
        (lambda p: ms_course("rrms_spms", "none", "ten", params=p), r"years must be a number"),
        (lambda p: als_course("typical", -1, params=p), r"years must be between 1 and 40"),
        (lambda p: ms_course("benign", params=p), r"course must be one of 'rrms_spms', 'ppms'"),
        (
            lambda p: ms_course("ppms", "natalizumab", params=p),
            r"treatment must be one of 'none', 'ocrelizumab'",
        ),
        (
            lambda p: als_course("very fast", params=p),
            r"rate must be one of 'slow', 'typical', 'fast'",
        ),
        (
            lambda p: als_course("typical", 10, per_month=3.0, params=p),
            r"per_month must be between 0.04 and 1.96 ALSFRS-R points per month; got 3.0",
        ),
        (
            lambda p: ms_course(relapses_per_year=5, params=p),
            r"relapses_per_year must be between 0.1 and 2 relapses per year",
        ),
    ],
)
def test_bad_input_names_the_parameter_and_allowed_range(params, call, message):
    with pytest.raises(ValueError, match=message):
        call(params)


# --------------------------------------------------------------------------- data validation


def test_parameter_without_source_is_rejected(edit_data):
    edit_data(
        "timelines",
        lambda d: d["ms"]["relapses"]["per_year_untreated"].pop("source"),
    )
    with pytest.raises(DataError, match=r"ms\.relapses\.per_year_untreated: 'source' is required"):
        load_params()


def test_unknown_treatment_in_a_course_is_named(edit_data):
    edit_data(
        "timelines",
        lambda d: d["ms"]["courses"][1]["treatments"].append("aspirin"),
    )
    with pytest.raises(DataError, match=r"ms\.courses\[1\]\.treatments\[2\]: unknown id 'aspirin'"):
        load_params()


def test_anchors_must_rise(edit_data):
    def change(document):
        document["ms"]["courses"][1]["anchors"][1]["edss"] = 5.0

    edit_data("timelines", change)
    with pytest.raises(DataError, match=r"ms\.courses\[1\]\.anchors\[1\]: anchors must rise"):
        load_params()


def test_rate_outside_sourced_range_is_rejected(edit_data):
    edit_data("timelines", lambda d: d["als"]["rates"][2]["per_month"].update(value=2.5))
    with pytest.raises(
        DataError, match=r"als\.rates\[2\]\.per_month\.value: must lie in rate_range"
    ):
        load_params()


def test_hazard_ratio_above_one_is_rejected(edit_data):
    def change(document):
        document["ms"]["treatments"][1]["progression_hazard_ratio"]["value"] = 1.4

    edit_data("timelines", change)
    with pytest.raises(DataError, match=r"ms\.treatments\[1\]\.progression_hazard_ratio\.value"):
        load_params()


def test_unknown_certainty_is_rejected(edit_data):
    edit_data("timelines", lambda d: d["als"]["rate_range"].update(certainty="sure"))
    with pytest.raises(DataError, match=r"als\.rate_range\.certainty: 'sure' is not one of"):
        load_params()


def test_treatment_event_needs_a_year_or_a_date(edit_data):
    def change(document):
        document["events"][0].pop("year")

    edit_data("treatments_timeline", change)
    with pytest.raises(DataError, match=r"treatments_timeline\.yaml: events\[0\]"):
        load_document("treatments_timeline")


def test_treatment_event_with_unknown_source_is_named(edit_data):
    edit_data("treatments_timeline", lambda d: d["events"][2].update(source="fda-1996"))
    with pytest.raises(DataError, match=r"events\[2\]\.source: unknown source id 'fda-1996'"):
        load_document("treatments_timeline")
