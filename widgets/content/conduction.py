"""The shape of ``data/conduction.yaml`` (schema: ``conduction.schema.json``).

Fibres, physiology, motor units and the cases the conduction simulator shows, every
number with its unit, certainty and source. :func:`check` holds the rules a schema
cannot say. The simulator (:mod:`widgets.conduction`) works on these objects directly;
what it derives from them (a length in mm as a float, a safety factor for some myelin,
a fibre or case by id) is a property or method here, beside the shape.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .build import key
from .common import Value, by_id
from .loader import DataError


@dataclass(frozen=True)
class FibreSpec:
    id: str
    label: str
    kind: str  # motor, sensory, optic or thin
    myelinated: bool
    start: str = field(metadata=key("from"))  # where the impulse sets off
    end: str = field(metadata=key("to"))  # where it should arrive
    length: Value
    velocity: Value
    internode: Value | None = None  # None for a fibre without myelin

    @property
    def length_mm(self) -> float:
        return float(self.length.value)

    @property
    def velocity_m_s(self) -> float:
        """Healthy conduction velocity, metres per second."""
        return float(self.velocity.value)

    @property
    def internode_mm(self) -> float | None:
        return float(self.internode.value) if self.internode else None


@dataclass(frozen=True)
class Physiology:
    safety_factor_healthy: Value
    safety_factor_bare: Value
    bare_speed_share: Value
    warm_factor: Value
    warming: Value
    remyelinated_internode_share: Value

    @property
    def warming_celsius(self) -> float:
        return float(self.warming.value)

    def safety_factor(self, myelin: float, warm: bool = False) -> float:
        """Safety factor of an internode with ``myelin`` (1 = healthy, 0 = none left)."""
        healthy, bare = self._safety_range()
        value = bare + (healthy - bare) * myelin
        return value * float(self.warm_factor.value) if warm else value

    def speed_share(self, myelin: float) -> float:
        """Share of the healthy speed along an internode with ``myelin``."""
        bare = float(self.bare_speed_share.value)
        return bare + (1 - bare) * myelin

    def myelin_for_safety(self, safety_factor: float, warm: bool = False) -> float:
        """The myelin share at which an internode has exactly ``safety_factor``."""
        target = safety_factor / float(self.warm_factor.value) if warm else safety_factor
        healthy, bare = self._safety_range()
        return (target - bare) / (healthy - bare)

    def _safety_range(self) -> tuple[float, float]:
        """(healthy, bare): the safety factor with all the myelin, and with none."""
        return float(self.safety_factor_healthy.value), float(self.safety_factor_bare.value)


@dataclass(frozen=True)
class MotorUnits:
    pool: Value
    hidden_loss_share: Value


@dataclass(frozen=True)
class PlaqueSpec:
    start: float
    end: float
    myelin: float  # share of the healthy myelin left, 0 to 1
    certainty: str
    source: str
    remyelinated: bool = False

    @property
    def start_mm(self) -> float:
        return float(self.start)

    @property
    def end_mm(self) -> float:
        return float(self.end)


@dataclass(frozen=True)
class RowSpec:
    fibre: str  # a FibreSpec's id
    label: str
    reference: bool = False
    warm: bool = False
    neuron_lost: bool = False
    plaque: PlaqueSpec | None = None


@dataclass(frozen=True)
class Muscle:
    lost_share: float
    fasciculations: bool


@dataclass(frozen=True)
class CaseSpec:
    id: str
    label: str
    disease: str  # healthy, ms or als
    rows: tuple[RowSpec, ...]
    sources: tuple[str, ...]
    muscle: Muscle | None = None


@dataclass(frozen=True)
class Conduction:
    fibres: tuple[FibreSpec, ...]
    physiology: Physiology
    motor_units: MotorUnits
    cases: tuple[CaseSpec, ...]

    @property
    def case_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.cases)

    def case(self, case_id: str) -> CaseSpec:
        return by_id(self.cases, case_id)

    def fibre(self, fibre_id: str) -> FibreSpec:
        return by_id(self.fibres, fibre_id)

    @property
    def pool_size(self) -> int:
        """Motor units drawn in one muscle."""
        return int(self.motor_units.pool.value)

    @property
    def hidden_loss_share(self) -> float:
        """Share of motor units lost before the muscle response falls (reinnervation)."""
        return float(self.motor_units.hidden_loss_share.value)


MODEL = Conduction


def check(doc: Conduction, shown: str) -> None:
    """The rules that tie values together, each error naming the field."""
    _check_sourced(doc, shown)
    fibres = {}
    for i, f in enumerate(doc.fibres):
        _check_fibre(f, shown, f"fibres[{i}]")
        fibres[f.id] = f
    _check_physiology(doc.physiology, shown)
    pool = doc.motor_units.pool.value
    if pool != int(pool) or pool < 2:
        raise DataError(shown, "motor_units.pool.value", "must be a whole number, 2 or more")
    if not 0 <= doc.motor_units.hidden_loss_share.value < 1:
        raise DataError(
            shown, "motor_units.hidden_loss_share.value", "must be 0 or more and below 1"
        )
    for i, case in enumerate(doc.cases):
        for j, row in enumerate(case.rows):
            _check_row(row, fibres[row.fibre], shown, f"cases[{i}].rows[{j}]")


def _check_sourced(doc: Conduction, shown: str) -> None:
    """Every number (a Value) names a ``source`` or ``sources``."""
    physiology, units = doc.physiology, doc.motor_units
    named = [
        *(
            (f"fibres[{i}].{name}", getattr(f, name))
            for i, f in enumerate(doc.fibres)
            for name in ("length", "velocity", "internode")
        ),
        *((f"physiology.{name}", getattr(physiology, name)) for name in _names(physiology)),
        *((f"motor_units.{name}", getattr(units, name)) for name in _names(units)),
    ]
    for path, value in named:
        if value is not None and value.source is None and not value.sources:
            raise DataError(shown, path, "a number needs a 'source' or 'sources' (none given)")


def _names(obj) -> list[str]:
    return list(obj.__dataclass_fields__)


def _check_fibre(f: FibreSpec, shown: str, where: str) -> None:
    low, high = f.velocity.min, f.velocity.max
    if (low is None) != (high is None):
        raise DataError(shown, f"{where}.velocity", "give both min and max, or neither")
    if low is not None and not low <= f.velocity.value <= high:
        raise DataError(
            shown, f"{where}.velocity.value", f"must lie between min {low} and max {high}"
        )
    if f.myelinated and f.internode is None:
        raise DataError(shown, f"{where}.internode", "a myelinated fibre needs one")
    if not f.myelinated and f.internode is not None:
        raise DataError(shown, f"{where}.internode", "a fibre without myelin has none")
    if f.internode is not None and f.internode.value > f.length.value:
        raise DataError(shown, f"{where}.internode.value", "is longer than the fibre")


def _check_physiology(p: Physiology, shown: str) -> None:
    if not p.safety_factor_healthy.value > 1:
        raise DataError(
            shown,
            "physiology.safety_factor_healthy.value",
            "must be above 1 (healthy fibres conduct)",
        )
    if not 0 <= p.safety_factor_bare.value < 1:
        raise DataError(
            shown, "physiology.safety_factor_bare.value", "must be 0 or more and below 1"
        )
    if not 0 < p.bare_speed_share.value < 1:
        raise DataError(shown, "physiology.bare_speed_share.value", "must be above 0 and below 1")
    if not 0 < p.warm_factor.value <= 1:
        raise DataError(shown, "physiology.warm_factor.value", "must be above 0 and at most 1")
    if not 0 < p.remyelinated_internode_share.value <= 1:
        raise DataError(
            shown, "physiology.remyelinated_internode_share.value", "must be above 0 and at most 1"
        )


def _check_row(row: RowSpec, fibre: FibreSpec, shown: str, where: str) -> None:
    plaque = row.plaque
    if plaque is not None:
        if not fibre.myelinated:
            raise DataError(shown, f"{where}.plaque", "a fibre without myelin has no plaque")
        if not plaque.start < plaque.end <= fibre.length.value:
            raise DataError(
                shown,
                f"{where}.plaque",
                f"start must be before end, and end at most the fibre's length "
                f"({float(fibre.length.value):g} mm)",
            )
    if row.neuron_lost and fibre.kind != "motor":
        raise DataError(shown, f"{where}.neuron_lost", "only a motor fibre's neuron dies in ALS")
