"""Illustrative courses of MS and ALS over time, as plain numbers (no plotting here).

Every parameter comes from ``data/timelines.yaml`` (each with a source id). The courses
are teaching sketches built from published averages: they show the *shape* of each
disease over time, never a prediction for any person.

* MS, relapsing onset: relapses arrive at random (seeded) at the population rate, which
  falls with the years; each one rises over about two weeks, then recovers fully or
  partly over about three months, leaving a step of lasting disability. Between the
  older clinic-based figure (about 10 years) and the population median (about 19 years)
  the course changes *gradually* to secondary progression: a slow climb that speeds up,
  through published EDSS milestones, while relapses stop.
* MS, primary progressive: a slow climb from onset through published milestones.
* ALS: the ALSFRS-R score falls from 48 at the sourced average rate (slow, typical,
  fast), faster early on, with a plateau in the slow course, and **stops at an end point**
  (death, or tracheostomy with full-time ventilation) while the score is still above 0.

Treatment lowers the relapse rate by its sourced percentage and delays the progressive
phase by its sourced hazard ratio. Randomness uses ``random.Random(seed)`` only, so the
same seed always gives the same course.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from .base import check_choice
from .content import load
from .content.timelines import (
    ALSMilestone,
    CourseSpec,
    MSMilestone,
    Plateau,
    RateSpec,
    Timelines,
    TreatmentSpec,
)

MAX_YEARS = 40.0
MIN_YEARS = 1.0
DIGITS = 2  # every number drawn is rounded, so the stored figure JSON is stable
ALS_STEP = 0.25  # years between drawn points of an ALS course
RAMP_STEP = 1.0  # years between drawn points while MS changes to secondary progression
QUIET = 0.25  # years after a recovery before the next relapse can start (a modelling choice)


# --------------------------------------------------------------------------- parameters


def load_params() -> Timelines:
    """The courses' parameters: the typed model of ``data/timelines.yaml`` (checked on
    loading: see :mod:`widgets.content.timelines`)."""
    return load("timelines")


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


def half_points(value: float) -> float:
    """A number of EDSS points (a change, not a score) to the nearest half point."""
    return math.floor(value * 2 + 0.5) / 2


def edss_score(edss: float) -> float:
    """The nearest score the EDSS really has: 0, then 1.0 to 10 in steps of 0.5.

    Kurtzke's scale has no 0.5: from normal (0) it goes to 1.0 (no disability, minimal
    signs).
    """
    score = half_points(edss)
    if score == 0.5:
        return 1.0 if edss >= 0.5 else 0.0
    return score


def edss_words(edss: float, params: Timelines) -> str:
    """What an EDSS score means for a person's day (Kurtzke's steps, in plain words)."""
    day = params.ms.day
    return next((d.text for d in day if edss_score(edss) < d.below), day[-1].text)


# --------------------------------------------------------------------------- MS


@dataclass(frozen=True)
class Point:
    """One point of a course, as numbers: when, how much, and what happens there.

    ``year`` and ``value`` are rounded for drawing; ``at`` and ``level`` are the exact
    year and score. The words for a point are written in one place,
    :func:`widgets.timeline_figures.point_words`, from ``event`` and these numbers.
    """

    year: float
    value: float
    kind: str  # onset, relapse, peak, remission, progressive, milestone, decline, end_point, end
    event: str  # what happens, for the words: EVENTS
    at: float
    level: float  # EDSS for MS, ALSFRS-R for ALS
    left: float = 0.0  # a remission: EDSS points of lasting disability it leaves
    milestone: MSMilestone | ALSMilestone | None = None  # the published milestone reached here

    @property
    def label(self) -> str:
        """The milestone's name as written in data/timelines.yaml ("" for other points)."""
        return self.milestone.label if self.milestone else ""


MS_EVENTS = (
    "onset",
    "onset_pp",
    "relapse",
    "peak",
    "remission",
    "transition_start",
    "progressive",
    "progressive_full",
    "milestone",
    "cap",
    "end",
)
ALS_EVENTS = ("als_onset", "plateau", "decline", "end_point", "als_end", "als_milestone")
EVENTS = MS_EVENTS + ALS_EVENTS


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
    course: CourseSpec
    treatment: TreatmentSpec
    years: float
    seed: int
    points: tuple[Point, ...]
    relapses: tuple[Relapse, ...]
    # the gradual change to secondary progression: (starts, complete); None for PPMS
    transition: tuple[float, float] | None

    @property
    def progressive_from(self) -> float | None:
        """When the change to secondary progression is complete (None if not shown)."""
        if self.transition is None or self.transition[1] > self.years:
            return None
        return self.transition[1]

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


def _milestone_at(level: float, milestones: tuple[MSMilestone, ...]) -> MSMilestone | None:
    return next((m for m in milestones if abs(m.level - level) < 1e-9), None)


def _candidate_relapses(rng: random.Random, until: float, params: Timelines, per_year: float):
    """Relapse times and sizes at the untreated onset rate: (year, rise, share, keep, age_keep).

    Every candidate uses the same five draws in the same order, so a course with a
    treatment sees the same relapses as an untreated one, just thinned: treatment can
    only remove relapses, never move them. ``age_keep`` thins them as the population
    rate falls with the years.
    """
    relapses = params.ms.relapses
    rise_range, share_range = relapses.rise, relapses.left_behind
    recover = relapses.weeks_to_recover.value / 52 + QUIET
    mean_gap = max(1 / per_year - recover, 0.05)
    year = 0.0
    while year < until:
        rise = rng.uniform(rise_range.min, rise_range.max)
        share = rng.uniform(share_range.min, share_range.max)
        keep = rng.random()
        age_keep = rng.random()
        yield year, rise, share, keep, age_keep
        year += recover + rng.expovariate(1 / mean_gap)


def relapse_rate_share(year: float, params: Timelines) -> float:
    """The relapse rate at ``year`` as a share of the rate at onset (falls every 5 years)."""
    return (1 - params.ms.relapses.fall_per_5_years.value) ** (year / 5)


def _progression(start: float, full: float, slope: float, level: float):
    """Extra EDSS from progression at a year: 0 before ``start``, easing in until ``full``.

    The slope grows steadily from 0 at ``start`` to ``slope`` at ``full`` (a gradual
    change recognised only in hindsight), then stays at ``slope``.
    """
    ramp = full - start

    def extra(year: float) -> float:
        if year <= start:
            return 0.0
        if year <= full:
            return slope * (year - start) ** 2 / (2 * ramp)
        return slope * ramp / 2 + slope * (year - full)

    return extra


def ms_course(
    course: str = "rrms_spms",
    treatment: str = "none",
    years: float = 25,
    seed: int = 1,
    relapses_per_year: float | None = None,
    params: Timelines | None = None,
) -> MSCourse:
    """An illustrative MS course on the EDSS scale, from onset to ``years``."""
    params = params or load_params()
    ms = params.ms
    check_choice("course", course, ms.course_ids)
    spec = ms.course(course)
    check_choice("treatment", treatment, spec.treatments)
    years = check_years(years)
    untreated = ms.relapses.per_year_untreated
    per_year = check_range(
        "relapses_per_year",
        untreated.value if relapses_per_year is None else relapses_per_year,
        untreated.min,
        untreated.max,
        "relapses per year",
    )
    therapy = ms.treatment(treatment)
    cap = ms.shown_max.value
    if spec.years_to_progressive is None:
        points = _ppms_points(spec, therapy, params)
        return MSCourse(spec, therapy, years, seed, _clip(points, years), (), None)

    # Relapsing onset. Treatment delays the whole change to progression by 1/HR.
    stretch = 1 / therapy.progression_hazard_ratio.value
    progressive = spec.years_to_progressive.value
    start, full = spec.transition_from.value * stretch, progressive * stretch
    shift = full - progressive
    anchors = tuple((a.years + shift, a.edss) for a in spec.anchors)
    rng = random.Random(seed)
    peak_after = ms.relapses.weeks_to_peak.value / 52
    recover = ms.relapses.weeks_to_recover.value / 52
    steps: list[tuple[float, float, float, float]] = []  # start, peak year, end, rise, kept
    residual = spec.start_edss.value
    prevented = therapy.relapse_reduction.value
    for when, rise, share, keep, age_keep in _candidate_relapses(rng, full, params, per_year):
        if when > 0 and keep < prevented:
            continue  # prevented by treatment (the first attack, at onset, always happens)
        if when > 0 and age_keep > relapse_rate_share(when, params):
            continue  # relapses get rarer with the years
        if when > start and age_keep > (full - when) / (full - start):
            continue  # during the change to progression relapses fade out
        steps.append((when, when + peak_after, when + recover, rise, rise * share))
        residual += rise * share

    # Progression: the slope that reaches the first anchor (EDSS milestone) on time.
    first_year, first_edss = anchors[0]
    slope = max(first_edss - residual, 0.0) / ((full - start) / 2 + (first_year - full))
    extra = _progression(start, full, slope, residual)

    def level(year: float) -> float:
        value = spec.start_edss.value + extra(year)
        for s, p, e, rise, kept in steps:
            if year <= s:
                break
            if year <= p:
                value += rise * (year - s) / (p - s)
            elif year <= e:
                value += rise - (rise - kept) * (year - p) / (e - p)
            else:
                value += kept
        return min(value, cap)

    points: list[Point] = []
    relapses: list[Relapse] = []
    for number, (s, p, e, _rise, kept) in enumerate(steps):
        before, peak, after = level(s), level(p), level(e)
        relapse = Relapse(_r(s), _r(p), _r(e), _r(before), _r(peak), _r(after))
        relapses.append(relapse)
        kind = "onset" if number == 0 else "relapse"
        points.append(Point(relapse.start, relapse.before, kind, kind, s, before))
        points.append(Point(relapse.peak_year, relapse.peak, "peak", "peak", p, peak))
        points.append(Point(relapse.end, relapse.after, "remission", "remission", e, after, kept))
    windows = [(s, e) for s, _, e, _, _ in steps]
    grid = [start + RAMP_STEP * i for i in range(int((full - start) / RAMP_STEP) + 1)]
    grid = [y for y in grid if not any(s - 0.05 <= y <= e + 0.05 for s, e in windows)]
    for y in grid:
        kind = "transition_start" if y == start else "progressive"
        points.append(Point(_r(y), _r(level(y)), kind, kind, y, level(y)))
    if full not in grid:
        points.append(Point(_r(full), _r(level(full)), "progressive", "progressive", full, 0.0))
    points.sort(key=lambda point: point.year)
    complete = next(i for i, pt in enumerate(points) if pt.year == _r(full))
    points[complete] = Point(
        points[complete].year,
        points[complete].value,
        "progressive",
        "progressive_full",
        full,
        points[complete].value,
    )
    # After the change: straight lines through the published milestones, then on to the cap.
    points += _milestones_then_cap(anchors, full, level(full), slope, params)

    clipped = _clip(tuple(points), years)
    return MSCourse(
        course=spec,
        treatment=therapy,
        years=years,
        seed=seed,
        points=clipped,
        relapses=tuple(r for r in relapses if r.start <= years),
        transition=(_r(start), _r(full)),
    )


def _ppms_points(spec: CourseSpec, therapy: TreatmentSpec, params: Timelines) -> tuple[Point, ...]:
    """Primary progressive: no relapses; treatment stretches the course by 1/HR."""
    stretch = 1 / therapy.progression_hazard_ratio.value
    level = spec.start_edss.value
    points = [Point(0.0, _r(level), "onset", "onset_pp", 0.0, level)]
    anchors = tuple((a.years * stretch, a.edss) for a in spec.anchors)
    points += _milestones_then_cap(anchors, 0.0, level, 0.0, params)
    return tuple(points)


def _milestones_then_cap(
    anchors: tuple[tuple[float, float], ...],
    last_year: float,
    last_level: float,
    slope: float,
    params: Timelines,
) -> list[Point]:
    """Straight lines through the milestones not yet passed, then on to the EDSS cap.

    ``slope`` is the rise per year coming in, used for the cap when no milestone is left.
    """
    cap = params.ms.shown_max.value
    points = []
    for year, edss in anchors:
        if edss <= last_level or year <= last_year:
            continue
        slope = (edss - last_level) / (year - last_year)
        milestone = _milestone_at(edss, params.ms.milestones)
        points.append(
            Point(_r(year), _r(edss), "milestone", "milestone", year, edss, milestone=milestone)
        )
        last_year, last_level = year, edss
    if slope > 0 and last_level < cap:
        year = last_year + (cap - last_level) / slope
        points.append(Point(_r(year), _r(cap), "milestone", "cap", year, cap))
    return points


def _clip(points: tuple[Point, ...], years: float) -> tuple[Point, ...]:
    """The points up to ``years``, plus one interpolated point exactly at ``years``."""
    kept = [p for p in points if p.year <= years]
    if kept[-1].year < years:
        value = _interpolate(points, years)
        kept.append(
            Point(
                _r(years),
                value,
                "end",
                "end",
                years,
                value,
            )
        )
    return tuple(kept)


# --------------------------------------------------------------------------- ALS


@dataclass(frozen=True)
class ALSCourse:
    rate: RateSpec
    per_month: float
    years: float
    points: tuple[Point, ...]  # up to the end point or the end of the chart
    milestones: tuple[Point, ...]
    end_year: float  # the end point (death or tracheostomy); may be after the chart's end
    end_score: float  # ALSFRS-R at the end point: always above 0
    plateau: Plateau | None
    speedup: float

    @property
    def ended(self) -> bool:
        """Whether the end point falls inside the chart."""
        return self.end_year <= self.years

    def value_at(self, year: float) -> float | None:
        """ALSFRS-R at ``year``; None after the end point (the course has ended)."""
        if year > self.end_year:
            return None
        return _r(_als_score(year, self))


def _als_loss(active_years: float, per_year: float, declining: float, speedup: float) -> float:
    """Points lost after ``active_years`` of decline: faster early, same total on average."""
    return (
        per_year * declining * math.log1p(speedup * active_years / declining) / math.log1p(speedup)
    )


def _active(year: float, plateau: Plateau | None) -> float:
    """Years of decline by ``year``, leaving out the plateau."""
    if plateau is None or year <= plateau.start:
        return year
    return max(plateau.start, year - plateau.years)


def _als_score(year: float, course: ALSCourse) -> float:
    declining = course.end_year - (course.plateau.years if course.plateau else 0.0)
    lost = _als_loss(
        _active(year, course.plateau), course.per_month * 12, declining, course.speedup
    )
    return 48.0 - lost


def _als_year_of(score: float, course: ALSCourse) -> float:
    """When the course reaches ``score`` (inverse of the loss curve)."""
    declining = course.end_year - (course.plateau.years if course.plateau else 0.0)
    per_year, speedup = course.per_month * 12, course.speedup
    active = declining * math.expm1((48.0 - score) / (per_year * declining) * math.log1p(speedup))
    active /= speedup
    if course.plateau and active > course.plateau.start:
        return active + course.plateau.years
    return active


def als_course(
    rate: str = "typical",
    years: float = 10,
    per_month: float | None = None,
    params: Timelines | None = None,
) -> ALSCourse:
    """An illustrative ALS course on the ALSFRS-R scale, from 48 (normal) to its end point."""
    params = params or load_params()
    als = params.als
    check_choice("rate", rate, als.rate_ids)
    years = check_years(years)
    spec = als.rate(rate)
    sketched = spec.per_month.value
    speed = check_range(
        "per_month",
        sketched if per_month is None else per_month,
        als.rate_range.min,
        als.rate_range.max,
        "ALSFRS-R points per month",
    )
    top = als.scale.max
    plateau = spec.plateau
    pause = plateau.years if plateau else 0.0
    # A custom speed keeps the sketch's end score: the end point moves, not the floor.
    end_year = (spec.end_year.value - pause) * sketched / speed + pause
    speedup = als.early_speedup.value
    course = ALSCourse(spec, speed, years, (), (), _r(end_year), 0.0, plateau, speedup)
    end_score = _als_score(course.end_year, course)
    stop = min(years, course.end_year)
    times = sorted(
        {_r(ALS_STEP * i) for i in range(int(stop / ALS_STEP) + 1)}
        | ({_r(plateau.start), _r(plateau.start + plateau.years)} if plateau else set())
    )
    times = [t for t in times if t <= stop]
    points = []
    for t in times:
        score = _als_score(t, course)
        if t == 0:
            points.append(Point(t, _r(score), "onset", "als_onset", t, top))
        elif plateau and plateau.start < t <= plateau.start + plateau.years:
            points.append(Point(t, _r(score), "plateau", "plateau", t, score))
        else:
            points.append(Point(t, _r(score), "decline", "decline", t, score))
    if course.ended:
        if points[-1].year == course.end_year:
            points.pop()
        points.append(
            Point(
                course.end_year,
                _r(end_score),
                "end_point",
                "end_point",
                course.end_year,
                end_score,
            )
        )
    else:
        if points[-1].year == _r(years):
            points.pop()
        score = _als_score(years, course)
        points.append(Point(_r(years), _r(score), "end", "als_end", years, score))
    milestones = []
    for m in als.milestones:
        if m.level <= end_score:
            continue  # this course ends before reaching it
        year = _als_year_of(m.level, course)
        if year <= years:
            milestones.append(
                Point(
                    _r(year), _r(m.level), "milestone", "als_milestone", year, m.level, milestone=m
                )
            )
    return ALSCourse(
        rate=spec,
        per_month=speed,
        years=years,
        points=tuple(points),
        milestones=tuple(milestones),
        end_year=course.end_year,
        end_score=_r(end_score),
        plateau=plateau,
        speedup=speedup,
    )


# --------------------------------------------------------------------------- both


def ms_function_remaining(edss: float, params: Timelines) -> float:
    """EDSS (0 best, 10 worst) as a share of the best score, in percent (for drawing only)."""
    worst = params.ms.scale.max
    return _r(100 * (worst - edss) / worst)


def als_function_remaining(score: float, params: Timelines) -> float:
    """ALSFRS-R (48 best, 0 worst) as a share of the best score, in percent (drawing only)."""
    return _r(100 * score / params.als.scale.max)


def annualised_relapse_rate(course: MSCourse) -> float:
    """Relapses per year from onset until relapses stop (or the chart ends)."""
    end = course.transition[1] if course.transition is not None else course.years
    end = min(end, course.years)
    return _r(len(course.relapses) / end) if end > 0 else 0.0
