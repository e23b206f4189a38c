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

MAX_YEARS = 40.0
MIN_YEARS = 1.0
DIGITS = 2  # every number drawn is rounded, so the stored figure JSON is stable
ALS_STEP = 0.25  # years between drawn points of an ALS course
RAMP_STEP = 1.0  # years between drawn points while MS changes to secondary progression
QUIET = 0.25  # years after a recovery before the next relapse can start (a modelling choice)


# --------------------------------------------------------------------------- parameters


@dataclass(frozen=True)
class Course:
    id: str
    label: str
    short: str
    share: str
    start_edss: float
    years_to_progressive: float | None  # None: progressive from onset
    transition_from: float | None  # when the gradual change to progression starts
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
    short: str  # the words a chart puts beside it
    explain: str


@dataclass(frozen=True)
class Rate:
    id: str
    label: str
    per_month: float
    survival_years: tuple[float, float]
    end_year: float
    plateau: tuple[float, float] | None  # (start year, length in years)


@dataclass(frozen=True)
class EndPoint:
    label: str
    explain: str
    zero_means: str


@dataclass(frozen=True)
class Params:
    """Everything the courses need, read from ``data/timelines.yaml``."""

    edss_max: float
    edss_shown_max: float
    ms_milestones: tuple[Milestone, ...]
    ms_day: tuple[tuple[float, str], ...]  # (below this EDSS, what it means for a day)
    relapses_per_year: float
    relapses_per_year_range: tuple[float, float]
    relapse_fall_per_5_years: float
    relapse_rise: tuple[float, float]
    relapse_left_behind: tuple[float, float]
    weeks_to_peak: float
    weeks_to_recover: float
    courses: dict[str, Course]
    treatments: dict[str, Treatment]
    alsfrs_max: float
    rate_range: tuple[float, float]
    rates: dict[str, Rate]
    early_speedup: float
    end_point: EndPoint
    median_survival: tuple[float, float]
    als_milestones: tuple[Milestone, ...]
    compare_note: str


def load_params() -> Params:
    """The courses' parameters, derived from ``data/timelines.yaml`` (checked on loading:
    see :mod:`widgets.content.timelines`)."""
    doc = load("timelines")
    ms, als = doc.ms, doc.als
    relapses = ms.relapses
    arr = relapses.per_year_untreated
    end = als.end_point
    return Params(
        edss_max=ms.scale.max,
        edss_shown_max=ms.shown_max.value,
        ms_milestones=tuple(
            Milestone(m.id, m.edss, m.label, m.short, m.explain) for m in ms.milestones
        ),
        ms_day=tuple((d.below, d.text) for d in ms.day),
        relapses_per_year=arr.value,
        relapses_per_year_range=(arr.min, arr.max),
        relapse_fall_per_5_years=relapses.fall_per_5_years.value,
        relapse_rise=(relapses.rise.min, relapses.rise.max),
        relapse_left_behind=(relapses.left_behind.min, relapses.left_behind.max),
        weeks_to_peak=relapses.weeks_to_peak.value,
        weeks_to_recover=relapses.weeks_to_recover.value,
        courses={
            c.id: Course(
                id=c.id,
                label=c.label,
                short=c.short,
                share=c.share.text,
                start_edss=c.start_edss.value,
                years_to_progressive=_value_or_none(c.years_to_progressive),
                transition_from=_value_or_none(c.transition_from),
                anchors=tuple((a.years, a.edss) for a in c.anchors),
                treatments=c.treatments,
            )
            for c in ms.courses
        },
        treatments={
            t.id: Treatment(
                t.id, t.label, t.relapse_reduction.value, t.progression_hazard_ratio.value
            )
            for t in ms.treatments
        },
        alsfrs_max=als.scale.max,
        rate_range=(als.rate_range.min, als.rate_range.max),
        rates={
            r.id: Rate(
                r.id,
                r.label,
                r.per_month.value,
                (r.survival_years.min, r.survival_years.max),
                r.end_year.value,
                (r.plateau.start, r.plateau.years) if r.plateau else None,
            )
            for r in als.rates
        },
        early_speedup=als.early_speedup.value,
        end_point=EndPoint(end.label, end.explain.strip(), end.zero_means.strip()),
        median_survival=(als.median_survival.min, als.median_survival.max),
        als_milestones=tuple(
            Milestone(m.id, m.score, m.label, m.short, m.explain) for m in als.milestones
        ),
        compare_note=doc.compare.note,
    )


def _value_or_none(entry) -> float | None:
    return entry.value if entry is not None else None


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


def half_point(edss: float) -> float:
    """EDSS as it is really scored: in steps of 0.5."""
    return math.floor(edss * 2 + 0.5) / 2


def edss_words(edss: float, params: Params) -> str:
    """What an EDSS score means for a person's day (Kurtzke's steps, in plain words)."""
    for below, text in params.ms_day:
        if half_point(edss) < below:
            return text
    return params.ms_day[-1][1]


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
    milestone: Milestone | None = None  # the published milestone this point reaches

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
    course: Course
    treatment: Treatment
    years: float
    seed: int
    points: tuple[Point, ...]
    relapses: tuple[Relapse, ...]
    # the gradual change to secondary progression: (starts, complete); None for PPMS
    transition: tuple[float, float] | None
    day: tuple[tuple[float, str], ...] = ()

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


def _milestone_at(level: float, milestones: tuple[Milestone, ...]) -> Milestone | None:
    return next((m for m in milestones if abs(m.level - level) < 1e-9), None)


def _candidate_relapses(rng: random.Random, until: float, params: Params, per_year: float):
    """Relapse times and sizes at the untreated onset rate: (year, rise, share, keep, age_keep).

    Every candidate uses the same five draws in the same order, so a course with a
    treatment sees the same relapses as an untreated one, just thinned: treatment can
    only remove relapses, never move them. ``age_keep`` thins them as the population
    rate falls with the years.
    """
    recover = params.weeks_to_recover / 52 + QUIET
    mean_gap = max(1 / per_year - recover, 0.05)
    year = 0.0
    while year < until:
        rise = rng.uniform(*params.relapse_rise)
        share = rng.uniform(*params.relapse_left_behind)
        keep = rng.random()
        age_keep = rng.random()
        yield year, rise, share, keep, age_keep
        year += recover + rng.expovariate(1 / mean_gap)


def relapse_rate_share(year: float, params: Params) -> float:
    """The relapse rate at ``year`` as a share of the rate at onset (falls every 5 years)."""
    return (1 - params.relapse_fall_per_5_years) ** (year / 5)


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
    cap = params.edss_shown_max
    if spec.years_to_progressive is None:
        points = _ppms_points(spec, therapy, params)
        return MSCourse(
            spec, therapy, years, seed, _clip(points, years, params), (), None, params.ms_day
        )

    # Relapsing onset. Treatment delays the whole change to progression by 1/HR.
    stretch = 1 / therapy.hazard_ratio
    start, full = spec.transition_from * stretch, spec.years_to_progressive * stretch
    shift = full - spec.years_to_progressive
    anchors = tuple((y + shift, edss) for y, edss in spec.anchors)
    rng = random.Random(seed)
    peak_after, recover = params.weeks_to_peak / 52, params.weeks_to_recover / 52
    steps: list[tuple[float, float, float, float]] = []  # start, peak year, end, rise, kept
    residual = spec.start_edss
    for when, rise, share, keep, age_keep in _candidate_relapses(rng, full, params, per_year):
        if when > 0 and keep < therapy.relapse_reduction:
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
        value = spec.start_edss + extra(year)
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

    clipped = _clip(tuple(points), years, params)
    return MSCourse(
        course=spec,
        treatment=therapy,
        years=years,
        seed=seed,
        points=clipped,
        relapses=tuple(r for r in relapses if r.start <= years),
        transition=(_r(start), _r(full)),
        day=params.ms_day,
    )


def _ppms_points(spec: Course, therapy: Treatment, params: Params) -> tuple[Point, ...]:
    """Primary progressive: no relapses; treatment stretches the course by 1/HR."""
    stretch = 1 / therapy.hazard_ratio
    level = spec.start_edss
    points = [Point(0.0, _r(level), "onset", "onset_pp", 0.0, level)]
    anchors = tuple((y * stretch, e) for y, e in spec.anchors)
    points += _milestones_then_cap(anchors, 0.0, level, 0.0, params)
    return tuple(points)


def _milestones_then_cap(
    anchors: tuple[tuple[float, float], ...],
    last_year: float,
    last_level: float,
    slope: float,
    params: Params,
) -> list[Point]:
    """Straight lines through the milestones not yet passed, then on to the EDSS cap.

    ``slope`` is the rise per year coming in, used for the cap when no milestone is left.
    """
    cap = params.edss_shown_max
    points = []
    for year, edss in anchors:
        if edss <= last_level or year <= last_year:
            continue
        slope = (edss - last_level) / (year - last_year)
        milestone = _milestone_at(edss, params.ms_milestones)
        points.append(
            Point(_r(year), _r(edss), "milestone", "milestone", year, edss, milestone=milestone)
        )
        last_year, last_level = year, edss
    if slope > 0 and last_level < cap:
        year = last_year + (cap - last_level) / slope
        points.append(Point(_r(year), _r(cap), "milestone", "cap", year, cap))
    return points


def _clip(points: tuple[Point, ...], years: float, params: Params) -> tuple[Point, ...]:
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
    rate: Rate
    per_month: float
    years: float
    points: tuple[Point, ...]  # up to the end point or the end of the chart
    milestones: tuple[Point, ...]
    end_year: float  # the end point (death or tracheostomy); may be after the chart's end
    end_score: float  # ALSFRS-R at the end point: always above 0
    plateau: tuple[float, float] | None
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


def _active(year: float, plateau: tuple[float, float] | None) -> float:
    """Years of decline by ``year``, leaving out the plateau."""
    if plateau is None or year <= plateau[0]:
        return year
    return max(plateau[0], year - plateau[1])


def _als_score(year: float, course: ALSCourse) -> float:
    declining = course.end_year - (course.plateau[1] if course.plateau else 0.0)
    lost = _als_loss(
        _active(year, course.plateau), course.per_month * 12, declining, course.speedup
    )
    return 48.0 - lost


def _als_year_of(score: float, course: ALSCourse) -> float:
    """When the course reaches ``score`` (inverse of the loss curve)."""
    declining = course.end_year - (course.plateau[1] if course.plateau else 0.0)
    per_year, speedup = course.per_month * 12, course.speedup
    active = declining * math.expm1((48.0 - score) / (per_year * declining) * math.log1p(speedup))
    active /= speedup
    if course.plateau and active > course.plateau[0]:
        return active + course.plateau[1]
    return active


def als_course(
    rate: str = "typical",
    years: float = 10,
    per_month: float | None = None,
    params: Params | None = None,
) -> ALSCourse:
    """An illustrative ALS course on the ALSFRS-R scale, from 48 (normal) to its end point."""
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
    pause = spec.plateau[1] if spec.plateau else 0.0
    # A custom speed keeps the sketch's end score: the end point moves, not the floor.
    end_year = (spec.end_year - pause) * spec.per_month / speed + pause
    course = ALSCourse(
        spec,
        speed,
        years,
        (),
        (),
        _r(end_year),
        0.0,
        spec.plateau,
        params.early_speedup,
    )
    end_score = _als_score(course.end_year, course)
    stop = min(years, course.end_year)
    times = sorted(
        {_r(ALS_STEP * i) for i in range(int(stop / ALS_STEP) + 1)}
        | ({_r(spec.plateau[0]), _r(spec.plateau[0] + spec.plateau[1])} if spec.plateau else set())
    )
    times = [t for t in times if t <= stop]
    points = []
    for t in times:
        score = _als_score(t, course)
        if t == 0:
            points.append(Point(t, _r(score), "onset", "als_onset", t, top))
        elif spec.plateau and spec.plateau[0] < t <= spec.plateau[0] + spec.plateau[1]:
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
    for m in params.als_milestones:
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
        plateau=spec.plateau,
        speedup=params.early_speedup,
    )


# --------------------------------------------------------------------------- both


def ms_function_remaining(edss: float, params: Params) -> float:
    """EDSS (0 best, 10 worst) as a share of the best score, in percent (for drawing only)."""
    return _r(100 * (params.edss_max - edss) / params.edss_max)


def als_function_remaining(score: float, params: Params) -> float:
    """ALSFRS-R (48 best, 0 worst) as a share of the best score, in percent (drawing only)."""
    return _r(100 * score / params.alsfrs_max)


def annualised_relapse_rate(course: MSCourse) -> float:
    """Relapses per year from onset until relapses stop (or the chart ends)."""
    end = course.transition[1] if course.transition is not None else course.years
    end = min(end, course.years)
    return _r(len(course.relapses) / end) if end > 0 else 0.0
