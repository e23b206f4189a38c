"""Illustrative courses of MS and ALS over time, as plain numbers (no plotting here).

Every parameter comes from ``data/timelines.yaml`` (each with a source id). The courses
are teaching sketches built from published averages: they show the *shape* of each
disease over time, never a prediction for any person.

* MS, relapsing onset: relapses arrive at random (seeded) at the sourced yearly rate;
  each one rises over about two weeks, then recovers fully or partly over about three
  months, leaving a step of lasting disability. After the sourced number of years the
  course turns secondary progressive: a slow climb through published EDSS milestones,
  with no more recovery.
* MS, primary progressive: a slow climb from onset through published milestones.
* ALS: the ALSFRS-R score falls from 48 at the sourced rate (slow, typical, fast) and
  never recovers; milestones mark when a feeding tube or breathing support is often
  discussed.

Treatment lowers the relapse rate by its sourced percentage and delays the progressive
phase by its sourced hazard ratio. Randomness uses ``random.Random(seed)`` only, so the
same seed always gives the same course.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from .base import check_choice
from .content import DataError, display_name, load_document, require_known

MAX_YEARS = 40.0
MIN_YEARS = 1.0
DIGITS = 2  # every number drawn is rounded, so the stored figure JSON is stable


# --------------------------------------------------------------------------- parameters


@dataclass(frozen=True)
class Course:
    id: str
    label: str
    short: str
    share: str
    start_edss: float
    years_to_progressive: float | None  # None: progressive from onset
    anchors: tuple[tuple[float, float], ...]  # (years from onset, EDSS), increasing
    treatments: tuple[str, ...]


@dataclass(frozen=True)
class Treatment:
    id: str
    label: str
    relapse_reduction: float
    hazard_ratio: float


@dataclass(frozen=True)
class Milestone:
    id: str
    level: float  # EDSS for MS, ALSFRS-R score for ALS
    label: str
    explain: str


@dataclass(frozen=True)
class Rate:
    id: str
    label: str
    per_month: float
    survival_years: tuple[float, float]


@dataclass(frozen=True)
class Params:
    """Everything the courses need, read from ``data/timelines.yaml``."""

    edss_max: float
    edss_shown_max: float
    ms_milestones: tuple[Milestone, ...]
    relapses_per_year: float
    relapses_per_year_range: tuple[float, float]
    relapse_rise: tuple[float, float]
    relapse_left_behind: tuple[float, float]
    weeks_to_peak: float
    weeks_to_recover: float
    courses: dict[str, Course]
    treatments: dict[str, Treatment]
    alsfrs_max: float
    rate_range: tuple[float, float]
    rates: dict[str, Rate]
    median_survival: tuple[float, float]
    als_milestones: tuple[Milestone, ...]
    compare_note: str


def load_params() -> Params:
    """Read and check ``data/timelines.yaml`` (schema, sources, then the rules below)."""
    doc = load_document("timelines")
    shown = display_name("timelines")
    ms, als = doc["ms"], doc["als"]
    treatments = {
        t["id"]: Treatment(
            t["id"],
            t["label"],
            t["relapse_reduction"]["value"],
            t["progression_hazard_ratio"]["value"],
        )
        for t in ms["treatments"]
    }
    for i, t in enumerate(ms["treatments"]):
        if not 0 <= t["relapse_reduction"]["value"] < 1:
            raise DataError(shown, f"ms.treatments[{i}].relapse_reduction.value", "must be 0 to <1")
        if not 0 < t["progression_hazard_ratio"]["value"] <= 1:
            raise DataError(
                shown, f"ms.treatments[{i}].progression_hazard_ratio.value", "must be >0 and <=1"
            )
    courses = {}
    for i, c in enumerate(ms["courses"]):
        for j, treatment in enumerate(c["treatments"]):
            require_known(treatment, tuple(treatments), shown, f"ms.courses[{i}].treatments[{j}]")
        anchors = tuple((a["years"], a["edss"]) for a in c["anchors"])
        previous = (c.get("years_to_progressive", {}).get("value", 0.0), c["start_edss"]["value"])
        for j, anchor in enumerate(anchors):
            if anchor[0] <= previous[0] or anchor[1] <= previous[1]:
                raise DataError(
                    shown,
                    f"ms.courses[{i}].anchors[{j}]",
                    "anchors must rise in both years and EDSS, after the start of progression",
                )
            previous = anchor
        years_to_progressive = c.get("years_to_progressive")
        courses[c["id"]] = Course(
            id=c["id"],
            label=c["label"],
            short=c["short"],
            share=c["share"]["text"],
            start_edss=c["start_edss"]["value"],
            years_to_progressive=years_to_progressive["value"] if years_to_progressive else None,
            anchors=anchors,
            treatments=tuple(c["treatments"]),
        )
    rate_range = (als["rate_range"]["min"], als["rate_range"]["max"])
    rates = {}
    for i, r in enumerate(als["rates"]):
        if not rate_range[0] <= r["per_month"]["value"] <= rate_range[1]:
            raise DataError(
                shown,
                f"als.rates[{i}].per_month.value",
                f"must lie in rate_range {rate_range[0]} to {rate_range[1]}",
            )
        band = r["survival_years"]
        rates[r["id"]] = Rate(
            r["id"], r["label"], r["per_month"]["value"], (band["min"], band["max"])
        )
    relapses = ms["relapses"]
    arr = relapses["per_year_untreated"]
    return Params(
        edss_max=ms["scale"]["max"],
        edss_shown_max=ms["shown_max"]["value"],
        ms_milestones=tuple(
            Milestone(m["id"], m["edss"], m["label"], m["explain"]) for m in ms["milestones"]
        ),
        relapses_per_year=arr["value"],
        relapses_per_year_range=(arr["min"], arr["max"]),
        relapse_rise=(relapses["rise"]["min"], relapses["rise"]["max"]),
        relapse_left_behind=(relapses["left_behind"]["min"], relapses["left_behind"]["max"]),
        weeks_to_peak=relapses["weeks_to_peak"]["value"],
        weeks_to_recover=relapses["weeks_to_recover"]["value"],
        courses=courses,
        treatments=treatments,
        alsfrs_max=als["scale"]["max"],
        rate_range=rate_range,
        rates=rates,
        median_survival=(als["median_survival"]["min"], als["median_survival"]["max"]),
        als_milestones=tuple(
            Milestone(m["id"], m["score"], m["label"], m["explain"]) for m in als["milestones"]
        ),
        compare_note=doc["compare"]["note"],
    )


# --------------------------------------------------------------------------- checks


def check_years(years: float, name: str = "years") -> float:
    """A duration in years, 1 to 40; anything else is a ValueError naming the parameter."""
    if isinstance(years, bool) or not isinstance(years, (int, float)) or math.isnan(years):
        raise ValueError(f"{name} must be a number of years between 1 and 40; got {years!r}")
    if not MIN_YEARS <= years <= MAX_YEARS:
        raise ValueError(
            f"{name} must be between {MIN_YEARS:g} and {MAX_YEARS:g} years; got {years!r}"
        )
    return float(years)


def check_range(name: str, value: float, low: float, high: float, unit: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        raise ValueError(f"{name} must be between {low:g} and {high:g} {unit}; got {value!r}")
    return float(value)


def _r(value: float) -> float:
    return round(value, DIGITS)


# --------------------------------------------------------------------------- MS


@dataclass(frozen=True)
class Point:
    """One point of a course: when, how much, what kind of event, and words for it."""

    year: float
    value: float
    kind: str  # onset, relapse, peak, remission, progressive, milestone, floor, end
    text: str


@dataclass(frozen=True)
class Relapse:
    start: float
    peak_year: float
    end: float
    before: float  # EDSS just before
    peak: float  # EDSS at the worst point
    after: float  # EDSS once recovery is over

    @property
    def left_behind(self) -> float:
        return _r(self.after - self.before)


@dataclass(frozen=True)
class MSCourse:
    course: Course
    treatment: Treatment
    years: float
    seed: int
    points: tuple[Point, ...]
    relapses: tuple[Relapse, ...]
    progressive_from: float | None  # year the progressive phase starts (None if not shown)

    def value_at(self, year: float) -> float:
        return _interpolate(self.points, year)


def _interpolate(points: tuple[Point, ...], year: float) -> float:
    if year <= points[0].year:
        return points[0].value
    for a, b in zip(points, points[1:], strict=False):
        if a.year <= year <= b.year:
            if b.year == a.year:
                return b.value
            return _r(a.value + (b.value - a.value) * (year - a.year) / (b.year - a.year))
    return points[-1].value


def _milestone_text(level: float, milestones: tuple[Milestone, ...]) -> str:
    for milestone in milestones:
        if abs(milestone.level - level) < 1e-9:
            return f"; {milestone.label.split(', ', 1)[-1]}"
    return ""


def _candidate_relapses(rng: random.Random, until: float, params: Params, per_year: float):
    """Relapse times and sizes at the untreated rate: (year, rise, left-behind share, keep draw).

    Every candidate uses the same four draws in the same order, so a course with a
    longer relapsing phase or a treatment sees the same relapses as an untreated one,
    just thinned: treatment can only remove relapses, never move them.
    """
    recover = params.weeks_to_recover / 52
    mean_gap = max(1 / per_year - recover, 0.05)
    year = 0.0
    while year < until:
        rise = rng.uniform(*params.relapse_rise)
        share = rng.uniform(*params.relapse_left_behind)
        keep = rng.random()
        yield year, rise, share, keep
        year += recover + rng.expovariate(1 / mean_gap)


def ms_course(
    course: str = "rrms_spms",
    treatment: str = "none",
    years: float = 25,
    seed: int = 1,
    relapses_per_year: float | None = None,
    params: Params | None = None,
) -> MSCourse:
    """An illustrative MS course on the EDSS scale, from onset to ``years``."""
    params = params or load_params()
    check_choice("course", course, tuple(params.courses))
    spec = params.courses[course]
    check_choice("treatment", treatment, spec.treatments)
    years = check_years(years)
    per_year = check_range(
        "relapses_per_year",
        params.relapses_per_year if relapses_per_year is None else relapses_per_year,
        *params.relapses_per_year_range,
        "relapses per year",
    )
    therapy = params.treatments[treatment]
    rng = random.Random(seed)
    cap = params.edss_shown_max
    level = spec.start_edss
    points: list[Point] = []
    relapses: list[Relapse] = []

    if spec.years_to_progressive is None:
        # Primary progressive: no relapses; treatment stretches the course by 1/HR.
        stretch = 1 / therapy.hazard_ratio
        start = 0.0
        points.append(Point(0.0, _r(level), "onset", _ms_text("onset_pp", 0.0, level)))
        anchors = tuple((y * stretch, edss) for y, edss in spec.anchors)
    else:
        start = spec.years_to_progressive / therapy.hazard_ratio
        shift = start - spec.years_to_progressive
        anchors = tuple((y + shift, edss) for y, edss in spec.anchors)
        peak_after = params.weeks_to_peak / 52
        recover = params.weeks_to_recover / 52
        for when, rise, share, keep in _candidate_relapses(rng, start, params, per_year):
            if when > 0 and keep < therapy.relapse_reduction:
                continue  # prevented by treatment (the first attack, at onset, always happens)
            before, peak = level, min(level + rise, cap)
            after = min(before + rise * share, cap)
            relapse = Relapse(
                _r(when), _r(when + peak_after), _r(when + recover), _r(before), _r(peak), _r(after)
            )
            relapses.append(relapse)
            points.append(
                Point(
                    relapse.start,
                    relapse.before,
                    "onset" if not points else "relapse",
                    _ms_text("onset_rr" if not points else "relapse", relapse.start, before),
                )
            )
            points.append(Point(relapse.peak_year, relapse.peak, "peak", _ms_text("peak", 0, peak)))
            points.append(
                Point(
                    relapse.end,
                    relapse.after,
                    "remission",
                    _ms_text("remission", relapse.end, after, relapse.left_behind),
                )
            )
            level = relapse.after
        start = max(start, points[-1].year)
        text = _ms_text("progressive", start, level)
        if points[-1].year >= start:  # the last recovery ends where progression starts
            text = f"{points.pop().text}. Then the {text.split(': ', 1)[1]}"
        points.append(Point(_r(start), _r(level), "progressive", text))

    # Progressive phase: straight lines through the published milestones, then on to the cap.
    last_year, last_level = start, level
    slope = 0.0
    for year, edss in anchors:
        if edss <= last_level or year <= last_year:
            continue
        slope = (edss - last_level) / (year - last_year)
        points.append(
            Point(
                _r(year),
                _r(edss),
                "milestone",
                _ms_text("milestone", year, edss) + _milestone_text(edss, params.ms_milestones),
            )
        )
        last_year, last_level = year, edss
    if slope > 0 and last_level < cap:
        year = last_year + (cap - last_level) / slope
        points.append(Point(_r(year), _r(cap), "milestone", _ms_text("cap", year, cap)))

    clipped = _clip(tuple(points), years)
    return MSCourse(
        course=spec,
        treatment=therapy,
        years=years,
        seed=seed,
        points=clipped,
        relapses=tuple(r for r in relapses if r.start <= years),
        progressive_from=None if spec.years_to_progressive is None or start > years else _r(start),
    )


def _ms_text(kind: str, year: float, edss: float, left: float = 0.0) -> str:
    when = f"Year {year:.1f}"
    score = f"EDSS {edss:.1f}"
    return {
        "onset_rr": f"{when}: first relapse, the first symptoms appear ({score})",
        "onset_pp": f"{when}: first symptoms; disability starts to build slowly ({score})",
        "relapse": f"{when}: relapse starts; new or worse symptoms build over days ({score})",
        "peak": f"Relapse at its worst ({score})",
        "remission": f"{when}: remission; recovery leaves {left:.1f} points of lasting "
        f"disability ({score})",
        "progressive": f"{when}: secondary progressive phase; disability now grows slowly, "
        f"without recovery ({score})",
        "milestone": f"{when}: {score}",
        "cap": f"{when}: {score}; the chart stops at 8.5 (10 means death due to MS)",
    }[kind]


def _clip(points: tuple[Point, ...], years: float) -> tuple[Point, ...]:
    """The points up to ``years``, plus one interpolated point exactly at ``years``."""
    kept = [p for p in points if p.year <= years]
    if kept[-1].year < years:
        value = _interpolate(points, years)
        kept.append(Point(_r(years), value, "end", f"Year {years:.1f}: end of chart ({value:.1f})"))
    return tuple(kept)


# --------------------------------------------------------------------------- ALS


@dataclass(frozen=True)
class ALSCourse:
    rate: Rate
    per_month: float
    years: float
    points: tuple[Point, ...]
    milestones: tuple[Point, ...]
    floor_year: float  # when the score reaches 0 (may be after the end of the chart)

    def value_at(self, year: float) -> float:
        if year >= self.floor_year:
            return 0.0
        return _r(max(0.0, self.points[0].value - self.per_month * 12 * year))


def als_course(
    rate: str = "typical",
    years: float = 10,
    per_month: float | None = None,
    params: Params | None = None,
) -> ALSCourse:
    """An illustrative ALS course on the ALSFRS-R scale (48 = normal, 0 = no function left)."""
    params = params or load_params()
    check_choice("rate", rate, tuple(params.rates))
    years = check_years(years)
    spec = params.rates[rate]
    speed = check_range(
        "per_month",
        spec.per_month if per_month is None else per_month,
        *params.rate_range,
        "ALSFRS-R points per month",
    )
    top = params.alsfrs_max
    floor_year = top / (speed * 12)
    points = [Point(0.0, _r(top), "onset", f"Year 0.0: first symptoms (ALSFRS-R {top:.0f} of 48)")]
    whole = 1
    while whole < min(years, floor_year):
        score = top - speed * 12 * whole
        points.append(
            Point(float(whole), _r(score), "decline", f"Year {whole}: ALSFRS-R {score:.0f} of 48")
        )
        whole += 1
    milestones = []
    for m in params.als_milestones:
        year = (top - m.level) / (speed * 12)
        if year <= years:
            milestones.append(
                Point(
                    _r(year), _r(m.level), "milestone", f"Year {year:.1f}: {m.label}. {m.explain}"
                )
            )
    if floor_year <= years:
        points.append(
            Point(
                _r(floor_year),
                0.0,
                "floor",
                f"Year {floor_year:.1f}: score 0, no function left on any of the 12 tasks. "
                "Many people die of breathing failure before this point.",
            )
        )
    else:
        score = top - speed * 12 * years
        points.append(Point(_r(years), _r(score), "end", f"Year {years:.1f}: ALSFRS-R {score:.0f}"))
    return ALSCourse(
        rate=spec,
        per_month=speed,
        years=years,
        points=tuple(points),
        milestones=tuple(milestones),
        floor_year=_r(floor_year),
    )


# --------------------------------------------------------------------------- both


def ms_function_remaining(edss: float, params: Params) -> float:
    """EDSS (0 best, 10 worst) as percent of function remaining (100 best)."""
    return _r(100 * (params.edss_max - edss) / params.edss_max)


def als_function_remaining(score: float, params: Params) -> float:
    """ALSFRS-R (48 best, 0 worst) as percent of function remaining."""
    return _r(100 * score / params.alsfrs_max)


def annualised_relapse_rate(course: MSCourse) -> float:
    """Relapses per year during the relapsing phase shown."""
    end = course.progressive_from if course.progressive_from is not None else course.years
    return _r(len(course.relapses) / end) if end > 0 else 0.0
