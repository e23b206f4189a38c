"""The shape of ``data/timelines.yaml`` (schema: ``timelines.schema.json``).

The numbers behind the illustrative MS and ALS courses of lesson 04, each with its
unit, certainty and source. :func:`check` holds the rules a schema cannot say (ranges
that depend on other values). The simulation (:mod:`widgets.progression`) and its
charts work on these objects directly; the few derived values they need (a milestone's
``level``, a course or rate by id) are properties and methods here, beside the shape.
"""

from __future__ import annotations

from dataclasses import dataclass

from .common import Value, by_id
from .loader import DataError


@dataclass(frozen=True)
class Range:
    min: float
    max: float
    unit: str
    certainty: str
    source: str
    note: str | None = None


@dataclass(frozen=True)
class Scale:
    name: str
    long_name: str
    min: float
    max: float
    source: str


@dataclass(frozen=True)
class MSMilestone:
    id: str
    edss: float
    label: str
    short: str  # the words a chart puts beside it
    explain: str
    source: str

    @property
    def level(self) -> float:
        """Where a chart draws it: its EDSS."""
        return self.edss


@dataclass(frozen=True)
class DayText:
    below: float  # the text applies below this EDSS
    text: str
    source: str


@dataclass(frozen=True)
class Relapses:
    per_year_untreated: Value
    fall_per_5_years: Value
    rise: Range
    left_behind: Range
    weeks_to_peak: Value
    weeks_to_recover: Value


@dataclass(frozen=True)
class Share:
    text: str
    source: str


@dataclass(frozen=True)
class Anchor:
    edss: float
    years: float
    certainty: str
    source: str
    note: str | None = None


@dataclass(frozen=True)
class CourseSpec:
    id: str
    label: str
    short: str
    share: Share
    start_edss: Value
    anchors: tuple[Anchor, ...]
    treatments: tuple[str, ...]  # ids of MS.treatments
    years_to_progressive: Value | None = None  # None: progressive from onset
    transition_from: Value | None = None


@dataclass(frozen=True)
class TreatmentSpec:
    id: str
    label: str
    relapse_reduction: Value
    progression_hazard_ratio: Value


@dataclass(frozen=True)
class MS:
    scale: Scale
    shown_max: Value
    milestones: tuple[MSMilestone, ...]
    day: tuple[DayText, ...]
    relapses: Relapses
    courses: tuple[CourseSpec, ...]
    treatments: tuple[TreatmentSpec, ...]

    @property
    def course_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.courses)

    def course(self, course_id: str) -> CourseSpec:
        return by_id(self.courses, course_id)

    def treatment(self, treatment_id: str) -> TreatmentSpec:
        return by_id(self.treatments, treatment_id)


@dataclass(frozen=True)
class Plateau:
    start: float
    years: float
    certainty: str
    source: str
    note: str | None = None


@dataclass(frozen=True)
class RateSpec:
    id: str
    label: str
    per_month: Value
    survival_years: Range
    end_year: Value
    plateau: Plateau | None = None


@dataclass(frozen=True)
class EndPointSpec:
    label: str
    explain: str
    zero_means: str
    source: str


@dataclass(frozen=True)
class ALSMilestone:
    id: str
    score: float
    label: str
    short: str  # the words a chart puts beside it
    explain: str
    certainty: str
    source: str

    @property
    def level(self) -> float:
        """Where a chart draws it: its ALSFRS-R score."""
        return self.score


@dataclass(frozen=True)
class ALS:
    scale: Scale
    rate_range: Range
    rates: tuple[RateSpec, ...]
    early_speedup: Value
    end_point: EndPointSpec
    median_survival: Range
    milestones: tuple[ALSMilestone, ...]

    @property
    def rate_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.rates)

    def rate(self, rate_id: str) -> RateSpec:
        return by_id(self.rates, rate_id)


@dataclass(frozen=True)
class Compare:
    note: str
    source: str


@dataclass(frozen=True)
class Timelines:
    ms: MS
    als: ALS
    compare: Compare


MODEL = Timelines


def check(doc: Timelines, shown: str) -> None:
    """The rules that tie values together, each error naming the field."""
    _check_ms(doc.ms, shown)
    _check_als(doc.als, shown)


def _check_ms(ms: MS, shown: str) -> None:
    for i, t in enumerate(ms.treatments):
        if not 0 <= t.relapse_reduction.value < 1:
            raise DataError(shown, f"ms.treatments[{i}].relapse_reduction.value", "must be 0 to <1")
        if not 0 < t.progression_hazard_ratio.value <= 1:
            raise DataError(
                shown, f"ms.treatments[{i}].progression_hazard_ratio.value", "must be >0 and <=1"
            )
    for i, c in enumerate(ms.courses):
        progressive = c.years_to_progressive.value if c.years_to_progressive else None
        transition = c.transition_from.value if c.transition_from else None
        if (progressive is None) != (transition is None):
            raise DataError(
                shown,
                f"ms.courses[{i}]",
                "years_to_progressive and transition_from go together (both or neither)",
            )
        if progressive is not None and not 0 < transition < progressive:
            raise DataError(
                shown,
                f"ms.courses[{i}].transition_from.value",
                "must be above 0 and below years_to_progressive",
            )
        previous = (progressive or 0.0, c.start_edss.value)
        for j, anchor in enumerate(c.anchors):
            if anchor.years <= previous[0] or anchor.edss <= previous[1]:
                raise DataError(
                    shown,
                    f"ms.courses[{i}].anchors[{j}]",
                    "anchors must rise in both years and EDSS, after the start of progression",
                )
            previous = (anchor.years, anchor.edss)
    below = [d.below for d in ms.day]
    if below != sorted(set(below)) or below[-1] < ms.scale.max:
        raise DataError(
            shown, "ms.day", "the 'below' values must rise and the last must reach the scale's max"
        )


def _check_als(als: ALS, shown: str) -> None:
    if als.early_speedup.value <= 0:
        raise DataError(shown, "als.early_speedup.value", "must be above 0")
    low, high = als.rate_range.min, als.rate_range.max
    for i, r in enumerate(als.rates):
        per_month = r.per_month.value
        if not low <= per_month <= high:
            raise DataError(
                shown, f"als.rates[{i}].per_month.value", f"must lie in rate_range {low} to {high}"
            )
        band, end_year = r.survival_years, r.end_year.value
        if not band.min <= end_year <= band.max:
            raise DataError(
                shown,
                f"als.rates[{i}].end_year.value",
                f"must lie in survival_years {band.min:g} to {band.max:g}",
            )
        plateau = r.plateau
        if plateau and plateau.start + plateau.years >= end_year:
            raise DataError(shown, f"als.rates[{i}].plateau", "must end before end_year")
        declining = end_year - (plateau.years if plateau else 0.0)
        if als.scale.max - per_month * 12 * declining <= 0:
            raise DataError(
                shown,
                f"als.rates[{i}].end_year.value",
                "the score would reach 0 before this end point; an illustrative course ends "
                "above 0",
            )
