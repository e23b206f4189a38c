"""The shape of each illustrative course, checked numerically, and bad input."""

from __future__ import annotations

import dataclasses
import re

import pytest

from widgets.content import DataError, load_document
from widgets.progression import (
    EVENTS,
    als_course,
    annualised_relapse_rate,
    edss_score,
    half_points,
    load_params,
    ms_course,
)
from widgets.timeline_figures import als_stage, als_summary, point_text, point_words

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
    assert len(course.relapses) >= 1  # population rates: some people have very few
    for relapse in course.relapses:
        assert relapse.start < relapse.peak_year < relapse.end
        assert relapse.peak > relapse.before  # a relapse makes things worse...
        assert relapse.after < relapse.peak  # ...then recovery brings them back down...
        assert relapse.after >= relapse.before  # ...fully or partly, never below where it was
        relapses = params.ms.relapses
        assert relapse.left_behind <= relapses.left_behind.max * relapses.rise.max + 0.01
    # recovery really happens: the course goes down at least once per relapse after the first
    downs = sum(b.value < a.value for a, b in zip(course.points, course.points[1:], strict=False))
    assert downs == len([r for r in course.relapses if r.end <= course.years])


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("treatment", ["none", "interferon_beta", "natalizumab"])
def test_residual_disability_never_decreases(params, seed, treatment):
    course = ms_course("rrms_spms", treatment, 40, seed, params=params)
    levels = residual_levels(course)
    assert levels == sorted(levels)
    assert all(0 <= p.value <= params.ms.shown_max.value for p in course.points)
    years = [p.year for p in course.points]
    assert years == sorted(years) and years[0] == 0 and years[-1] == 40


def test_rrms_changes_gradually_to_secondary_progression_at_the_sourced_times(params):
    course = ms_course("rrms_spms", "none", 40, 3, params=params)
    # from the older clinic figure (10 years) to the population median (18.9 years)
    assert course.transition == (10, 18.9)
    assert course.progressive_from == 18.9
    after = [p for p in course.points if p.year >= 18.9]
    assert all(p.kind not in ("relapse", "peak") for p in after)
    assert [p.value for p in after] == sorted(p.value for p in after)
    assert course.value_at(22.1) == pytest.approx(6.0)  # Harding 2015 anchor
    # gradual, not a step: the yearly rise grows during the change instead of jumping
    ramp = [p for p in course.points if p.kind in ("transition_start", "progressive")]
    ramp = [p for p in ramp if 10 <= p.year <= 18.9 and float(p.year).is_integer()]
    rises = [b.value - a.value for a, b in zip(ramp, ramp[1:], strict=False)]
    assert len(rises) >= 5 and rises == sorted(rises) and rises[0] < rises[-1] / 3
    treated = ms_course("rrms_spms", "interferon_beta", 40, 3, params=params)
    assert treated.transition == pytest.approx((10 / 0.71, 18.9 / 0.71), abs=0.01)


def test_relapse_rate_matches_the_population_figure(params):
    """About 0.23 relapses a year over 20 years (British Columbia), falling with time."""
    early = late = 0
    for seed in range(300):
        course = ms_course("rrms_spms", "none", 20, seed, params=params)
        early += sum(0 < r.start < 5 for r in course.relapses)
        late += sum(5 <= r.start < 10 for r in course.relapses)
        assert all(r.start < 18.9 for r in course.relapses)
    total = sum(
        len(ms_course("rrms_spms", "none", 20, seed, params=params).relapses) for seed in range(300)
    )
    assert total / 300 / 20 == pytest.approx(0.23, abs=0.05)
    assert late < early  # relapses get rarer with the years


def test_edss_is_reported_in_half_points(params):
    course = ms_course("rrms_spms", "none", 25, 6, params=params)
    for point in course.points:
        text = point_text(point, params)
        for shown in re.findall(r"EDSS (\d+\.\d+)", text):
            assert float(shown) * 2 == int(float(shown) * 2)
            assert float(shown) != 0.5
        assert re.search(r"EDSS \d+\.\d\b", text)


@pytest.mark.parametrize(
    ("level", "score"),
    [
        (0.0, 0.0),
        (0.24, 0.0),
        (0.49, 0.0),
        (0.5, 1.0),
        (0.74, 1.0),
        (1.2, 1.0),
        (1.3, 1.5),
        (6.74, 6.5),
        (6.75, 7.0),
        (9.9, 10.0),
    ],
)
def test_edss_scores_are_the_scale_s_own_steps_with_no_half_point_below_1(level, score):
    """Kurtzke's EDSS goes 0, 1.0, 1.5, ... 10: there is no 0.5 (fact sheet C5)."""
    assert edss_score(level) == score


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


def test_treatment_removes_relapses_across_seeds(params):
    p = params

    def first_ten(treatment):
        return sum(
            sum(r.start < 10 for r in ms_course("rrms_spms", treatment, 40, s, params=p).relapses)
            for s in SEEDS
        )

    assert first_ten("natalizumab") < first_ten("interferon_beta") < first_ten("none")


def test_treatment_effect_matches_the_sourced_reduction_on_average(params):
    p = params

    def count(treatment):  # relapses after the first attack, in the first 10 years
        return sum(
            sum(
                0 < r.start < 10
                for r in ms_course("rrms_spms", treatment, 40, s, params=p).relapses
            )
            for s in range(400)
        )

    untreated = count("none")
    assert count("interferon_beta") / untreated == pytest.approx(1 - 0.30, abs=0.08)
    assert count("natalizumab") / untreated == pytest.approx(1 - 0.68, abs=0.08)
    assert annualised_relapse_rate(ms_course("rrms_spms", "none", 40, 6, params=params)) < 1


def test_same_seed_same_course_and_different_seed_different(params):
    a = ms_course("rrms_spms", "none", 25, 7, params=params)
    assert a == ms_course("rrms_spms", "none", 25, 7, params=params)
    assert a.points != ms_course("rrms_spms", "none", 25, 8, params=params).points


@pytest.mark.parametrize("rate", ["slow", "typical", "fast"])
def test_als_course_ends_at_an_end_point_above_zero(params, rate):
    course = als_course(rate, 40, params=params)
    values = [p.value for p in course.points]
    assert values[0] == 48
    assert all(b <= a for a, b in zip(values, values[1:], strict=False))  # never improves
    end = course.points[-1]
    assert end.kind == "end_point" and end.year == course.end_year
    assert end.value > 0 and min(values) > 0  # never runs to 0, never sits at 0
    text = point_text(end, params)
    assert "death" in text.lower() and "tracheostomy" in text
    survival = params.als.rate(rate).survival_years
    assert survival.min <= course.end_year <= survival.max
    assert all(p.year <= course.end_year for p in (*course.points, *course.milestones))
    assert course.value_at(course.end_year + 0.01) is None  # nothing after the end point
    # non-linear: faster early than late
    first = course.value_at(0) - course.value_at(0.5)
    last = course.value_at(course.end_year - 0.5) - course.value_at(course.end_year)
    assert first > last > 0


def test_slow_course_has_a_plateau(params):
    course = als_course("slow", 10, params=params)
    plateau = params.als.rate("slow").plateau
    assert course.plateau is plateau
    start, length = plateau.start, plateau.years
    assert (start, length) == (2, 0.5)
    assert course.value_at(start) == course.value_at(start + length)
    assert any(p.kind == "plateau" for p in course.points)
    assert als_course("typical", 10, params=params).plateau is None


def test_als_rates_order_and_milestones(params):
    ends = [als_course(r, 40, params=params).end_year for r in ("fast", "typical", "slow")]
    assert ends == sorted(ends)
    typical = als_course("typical", 10, params=params)
    assert [m.value for m in typical.milestones] == [26, 20]
    assert all("illustrative" not in point_text(m, params) for m in typical.milestones)
    assert typical.milestones[0].year < typical.milestones[1].year < typical.end_year
    assert typical.value_at(typical.milestones[0].year) == pytest.approx(26, abs=0.05)
    short = als_course("typical", 1, params=params)
    assert short.milestones == () and short.points[-1].kind == "end"
    assert 30 < short.points[-1].value < 36  # faster than 1 point a month in the first year


def test_als_custom_rate_moves_the_end_point_not_the_floor(params):
    default = als_course("typical", 10, params=params)
    course = als_course("typical", 10, per_month=0.5, params=params)
    assert course.end_year == pytest.approx(6.0)
    assert course.end_score == pytest.approx(default.end_score) and course.end_score > 0


def test_a_variant_of_the_content_model_is_the_one_a_course_uses(params):
    """The courses read the typed model itself, so a changed copy of it changes them."""
    ms = params.ms
    capped = dataclasses.replace(ms, shown_max=dataclasses.replace(ms.shown_max, value=9.5))
    lower = dataclasses.replace(params, ms=capped)
    assert max(p.value for p in ms_course("ppms", "none", 40, params=params).points) == 8.5
    assert max(p.value for p in ms_course("ppms", "none", 40, params=lower).points) == 9.5
    slow = params.als.rate("slow")
    flat = dataclasses.replace(params.als, rates=(dataclasses.replace(slow, plateau=None),))
    course = als_course("slow", 10, params=dataclasses.replace(params, als=flat))
    assert course.plateau is None and not any(p.kind == "plateau" for p in course.points)
    with pytest.raises(ValueError, match="rate must be one of 'slow'; got 'typical'"):
        als_course("typical", params=dataclasses.replace(params, als=flat))


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
            r"treatment must be one of 'ocrelizumab', 'none'",
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


def test_als_end_point_outside_the_survival_band_is_rejected(edit_data):
    edit_data("timelines", lambda d: d["als"]["rates"][1]["end_year"].update(value=9))
    with pytest.raises(DataError, match=r"als\.rates\[1\]\.end_year\.value: must lie in"):
        load_params()


def test_als_course_that_would_reach_zero_is_rejected(edit_data):
    def change(document):
        document["als"]["rates"][1]["per_month"]["value"] = 1.9
        document["als"]["rates"][1]["survival_years"]["max"] = 4

    edit_data("timelines", change)
    with pytest.raises(DataError, match=r"score would reach 0 before this end point"):
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
    edit_data("treatments_timeline", lambda d: d["events"][2].update(sources=["fda-1996"]))
    with pytest.raises(DataError, match=r"events\[2\]\.sources\[0\]: unknown source id 'fda-1996'"):
        load_document("treatments_timeline")


def test_treatment_event_with_a_bad_id_later_in_its_sources_is_named(edit_data):
    """Every id in an event's list is checked, not only the first."""

    def change(document):
        document["events"][2]["sources"] = ["johnson-1995", "ema-2019-radicava", "ema-2099"]

    edit_data("treatments_timeline", change)
    with pytest.raises(
        DataError,
        match=r"treatments_timeline\.yaml: events\[2\]\.sources\[2\]: unknown source id 'ema-2099'",
    ):
        load_document("treatments_timeline")


def test_treatment_event_sources_are_a_list(edit_data):
    """One way of writing it: the old single ``source`` key, or an empty list, is refused."""
    edit_data("treatments_timeline", lambda d: d["events"][0].update(sources=[]))
    with pytest.raises(DataError, match=r"events\[0\]\.sources: \[\] should be non-empty"):
        load_document("treatments_timeline")

    def single(document):
        document["events"][0]["sources"] = ["ifnb-1993"]
        document["events"][1]["source"] = document["events"][1].pop("sources")[0]

    edit_data("treatments_timeline", single)
    with pytest.raises(DataError, match=r"events\[1\]: .*sources"):
        load_document("treatments_timeline")


def test_points_are_numbers_and_the_words_are_written_once(params):
    """progression returns what happens as data; timeline_figures writes every sentence."""
    als = als_course("typical", 10, params=params)
    ms = ms_course("rrms_spms", "none", 40, 3, params=params)
    ppms = ms_course("ppms", "none", 40, params=params)
    slow = als_course("slow", 10, params=params)
    points = (*als.points, *als.milestones, *ms.points, *ppms.points, *slow.points)
    assert {p.event for p in points} == set(EVENTS) - {"als_end"}
    assert {p.event for p in als_course("typical", 1, params=params).points} >= {"als_end"}
    for point in points:
        assert not any(isinstance(v, str) and " " in v for v in vars(point).values())
        assert point.year == round(point.at, 2)
        text = point_text(point, params)
        assert text == f"Year {point.year:.1f}: {point_words(point, params)}"
    assert {m.label for m in als.milestones} <= {m.label for m in params.als.milestones}
    milestones = [p for p in ppms.points if p.milestone]
    assert milestones and {p.label for p in milestones} <= {m.label for m in params.ms.milestones}
    for point in als.milestones:
        assert point_words(point, params) == f"{point.label}. {point.milestone.explain}"
    remission = next(p for p in ms.points if p.event == "remission")
    assert point_words(remission, params).startswith("remission; ")


def test_the_figures_use_the_parts_of_a_point(params):
    course = als_course("typical", 10, params=params)
    last = course.milestones[-1]
    assert als_stage(course, last.year) == f"{last.label.lower()} (by now)"
    assert f"Year {last.at:.1f}: {last.label}." in als_summary(course, params)


def test_milestone_words_on_the_charts_come_from_the_data(params):
    """The short words beside a milestone are data (``short``), never cut out of its label."""
    from widgets.timelines import als_chart

    ppms = ms_course("ppms", "none", 40, params=params)
    reached = [p for p in ppms.points if p.milestone]
    assert reached
    for point in reached:
        assert point_words(point, params).endswith(f"; {point.milestone.short}")
    markers = [t for t in als_chart("typical", 10).figure.data if t.mode == "markers+text"]
    assert list(markers[0].text) == [m.short for m in params.als.milestones]


def test_lasting_disability_after_a_relapse_is_counted_in_half_points(params):
    """What a relapse leaves is a number of points, not a score: 0.5 is a real amount."""
    seen = set()
    for seed in SEEDS:
        for point in ms_course("rrms_spms", "none", 25, seed, params=params).points:
            if point.event != "remission" or half_points(point.left) == 0:
                continue
            seen.add(half_points(point.left))
            expected = f"about {half_points(point.left):.1f} points of lasting disability remain"
            assert expected in point_words(point, params)
    assert 0.5 in seen  # the case the EDSS scale's missing 0.5 must not swallow
