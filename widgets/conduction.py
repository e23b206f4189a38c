"""How a nerve impulse travels, and what MS and ALS do to it, as plain numbers (no plotting).

Every parameter comes from ``data/conduction.yaml`` (each with a source id); where the
model simplifies, the data marks the value ``illustrative``.

* A fibre is a chain of **internodes** (myelin between two nodes of Ranvier). The action
  potential is renewed only at the **nodes**, so it jumps from node to node (saltatory
  conduction). A fibre without myelin conducts continuously.
* Each internode has a **safety factor**: current reaching the next node divided by the
  current needed to fire it. It falls in a straight line from the healthy value to the
  bare-axon value as myelin is lost, and warmth multiplies it by ``warm_factor``. Where it
  is **below 1 the impulse stops** at the node before that internode (conduction block).
* Where myelin is thin the impulse is **slower**: speed falls in a straight line with the
  myelin left, down to ``bare_speed_share`` of the healthy speed. Remyelinated stretches
  have thinner myelin and shorter internodes.
* ALS: a **pool of motor units** loses a share of its neurons; survivors adopt orphaned
  muscle fibres up to a limit (each can grow to ``1 / (1 - hidden_loss_share)`` times its
  size), so the **muscle response** holds until that share is lost, then falls.

Times come out in milliseconds: millimetres divided by metres per second.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .base import check_choice
from .content import load
from .content.conduction import Muscle

DATA_NAME = "conduction"
ARRIVED, BLOCKED, NO_SIGNAL = "arrived", "blocked", "no_signal"


# --------------------------------------------------------------------------- parameters


@dataclass(frozen=True)
class Fibre:
    id: str
    label: str
    kind: str  # motor, sensory, optic or thin
    myelinated: bool
    start: str  # where the impulse sets off
    end: str  # where it should arrive
    length_mm: float
    velocity: float  # healthy conduction velocity, m/s
    velocity_range: tuple[float, float] | None
    internode_mm: float | None  # None for a fibre without myelin

    @property
    def healthy_time_ms(self) -> float:
        return self.length_mm / self.velocity


@dataclass(frozen=True)
class Physiology:
    safety_factor_healthy: float
    safety_factor_bare: float
    bare_speed_share: float
    warm_factor: float
    warming_celsius: float
    remyelinated_internode_share: float

    def safety_factor(self, myelin: float, warm: bool = False) -> float:
        """Safety factor of an internode with ``myelin`` (1 = healthy, 0 = none left)."""
        healthy, bare = self.safety_factor_healthy, self.safety_factor_bare
        value = bare + (healthy - bare) * myelin
        return value * self.warm_factor if warm else value

    def speed_share(self, myelin: float) -> float:
        """Share of the healthy speed along an internode with ``myelin``."""
        return self.bare_speed_share + (1 - self.bare_speed_share) * myelin

    def myelin_for_safety(self, safety_factor: float, warm: bool = False) -> float:
        """The myelin share at which an internode has exactly ``safety_factor``."""
        target = safety_factor / self.warm_factor if warm else safety_factor
        healthy, bare = self.safety_factor_healthy, self.safety_factor_bare
        return (target - bare) / (healthy - bare)


@dataclass(frozen=True)
class Plaque:
    start_mm: float
    end_mm: float
    myelin: float  # share of the healthy myelin left, 0 to 1
    remyelinated: bool = False

    @property
    def length_mm(self) -> float:
        return self.end_mm - self.start_mm


@dataclass(frozen=True)
class Row:
    """One fibre drawn in a case, with what has happened to it."""

    fibre: Fibre
    label: str
    plaque: Plaque | None = None
    warm: bool = False
    reference: bool = False  # a fibre shown for comparison
    neuron_lost: bool = False  # ALS: the motor neuron has died, nothing sets off


@dataclass(frozen=True)
class Case:
    id: str
    label: str
    disease: str  # healthy, ms or als
    rows: tuple[Row, ...]
    muscle: Muscle | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Model:
    """Everything the simulator needs, read from ``data/conduction.yaml``."""

    fibres: dict[str, Fibre]
    physiology: Physiology
    pool_size: int
    hidden_loss_share: float
    cases: dict[str, Case]

    @property
    def max_growth(self) -> float:
        """How many times its first size a surviving motor unit can grow."""
        return 1 / (1 - self.hidden_loss_share)


def load_model(directory=None) -> Model:
    """The simulator's model, derived from ``data/conduction.yaml`` (checked on loading:
    see :mod:`widgets.content.conduction`)."""
    doc = load(DATA_NAME, directory)
    fibres = {
        f.id: Fibre(
            id=f.id,
            label=f.label,
            kind=f.kind,
            myelinated=f.myelinated,
            start=f.start,
            end=f.end,
            length_mm=float(f.length.value),
            velocity=float(f.velocity.value),
            velocity_range=(
                (float(f.velocity.min), float(f.velocity.max))
                if f.velocity.min is not None
                else None
            ),
            internode_mm=float(f.internode.value) if f.internode else None,
        )
        for f in doc.fibres
    }
    p = doc.physiology
    physiology = Physiology(
        safety_factor_healthy=float(p.safety_factor_healthy.value),
        safety_factor_bare=float(p.safety_factor_bare.value),
        bare_speed_share=float(p.bare_speed_share.value),
        warm_factor=float(p.warm_factor.value),
        warming_celsius=float(p.warming.value),
        remyelinated_internode_share=float(p.remyelinated_internode_share.value),
    )
    cases = {
        c.id: Case(
            id=c.id,
            label=c.label,
            disease=c.disease,
            rows=tuple(_row(r, fibres[r.fibre]) for r in c.rows),
            muscle=(
                Muscle(float(c.muscle.lost_share), c.muscle.fasciculations) if c.muscle else None
            ),
            sources=c.sources,
        )
        for c in doc.cases
    }
    units = doc.motor_units
    return Model(
        fibres, physiology, int(units.pool.value), float(units.hidden_loss_share.value), cases
    )


def _row(spec, fibre: Fibre) -> Row:
    plaque = spec.plaque
    return Row(
        fibre=fibre,
        label=spec.label,
        plaque=(
            Plaque(
                float(plaque.start), float(plaque.end), float(plaque.myelin), plaque.remyelinated
            )
            if plaque
            else None
        ),
        warm=spec.warm,
        reference=spec.reference,
        neuron_lost=spec.neuron_lost,
    )


# --------------------------------------------------------------------------- conduction


@dataclass(frozen=True)
class Segment:
    """One internode (myelinated fibre) or the whole fibre (no myelin)."""

    start_mm: float
    end_mm: float
    myelin: float  # 1 healthy; for a fibre without myelin, 1 means "as healthy"
    safety_factor: float
    velocity: float  # m/s along this segment
    in_plaque: bool

    @property
    def time_ms(self) -> float:
        return (self.end_mm - self.start_mm) / self.velocity

    @property
    def conducts(self) -> bool:
        return self.safety_factor >= 1


@dataclass(frozen=True)
class Conduction:
    """What happens to one impulse along one row's fibre."""

    row: Row
    segments: tuple[Segment, ...]
    node_mm: tuple[float, ...]  # nodes (or segment ends) the impulse reached, from 0
    node_ms: tuple[float, ...]  # when it was renewed there
    status: str  # ARRIVED, BLOCKED or NO_SIGNAL
    blocking: Segment | None  # the internode where it failed

    @property
    def arrived(self) -> bool:
        return self.status == ARRIVED

    @property
    def arrival_ms(self) -> float | None:
        return self.node_ms[-1] if self.arrived else None

    @property
    def reached_mm(self) -> float:
        """How far the impulse got (the fibre's length if it arrived)."""
        return self.node_mm[-1] if self.node_mm else 0.0

    @property
    def last_ms(self) -> float:
        """When the impulse was last renewed (at arrival, or at the node before a block)."""
        return self.node_ms[-1] if self.node_ms else 0.0

    @property
    def lowest_safety_factor(self) -> float:
        return min(s.safety_factor for s in self.segments)

    @property
    def continuous(self) -> bool:
        return not self.row.fibre.myelinated

    def position_at(self, t_ms: float) -> float | None:
        """Where the impulse is at ``t_ms``; None if no impulse was ever sent.

        On a myelinated fibre it sits at the last node that fired (it jumps); on a fibre
        without myelin it moves smoothly.
        """
        if self.status == NO_SIGNAL:
            return None
        if self.continuous:
            segment = self.segments[0]
            travelled = min(t_ms, self.last_ms) * segment.velocity
            return min(travelled, self.reached_mm)
        position = 0.0
        for mm, ms in zip(self.node_mm, self.node_ms, strict=True):
            if ms <= t_ms + 1e-9:
                position = mm
            else:
                break
        return position

    def nodes_fired_by(self, t_ms: float) -> int:
        return sum(ms <= t_ms + 1e-9 for ms in self.node_ms)


def _split(start: float, end: float, internode: float) -> list[tuple[float, float]]:
    """``start`` to ``end`` cut into equal internodes no longer than ``internode``."""
    if end <= start:
        return []
    count = max(1, math.ceil((end - start) / internode - 1e-9))
    step = (end - start) / count
    return [(start + k * step, start + (k + 1) * step) for k in range(count)]


def segments(row: Row, physiology: Physiology) -> tuple[Segment, ...]:
    """The internodes of ``row``'s fibre with their myelin, safety factor and speed."""
    fibre = row.fibre
    if not fibre.myelinated:
        sf = physiology.safety_factor(1.0, row.warm)
        return (Segment(0.0, fibre.length_mm, 1.0, sf, fibre.velocity, False),)
    plaque = row.plaque
    stretches: list[tuple[float, float, float, float, bool]] = []  # start, end, myelin, internode
    if plaque is None:
        stretches.append((0.0, fibre.length_mm, 1.0, fibre.internode_mm, False))
    else:
        inside = fibre.internode_mm * (
            physiology.remyelinated_internode_share if plaque.remyelinated else 1.0
        )
        stretches += [
            (0.0, plaque.start_mm, 1.0, fibre.internode_mm, False),
            (plaque.start_mm, plaque.end_mm, plaque.myelin, inside, True),
            (plaque.end_mm, fibre.length_mm, 1.0, fibre.internode_mm, False),
        ]
    result = []
    for start, end, myelin, internode, in_plaque in stretches:
        sf = physiology.safety_factor(myelin, row.warm)
        velocity = fibre.velocity * physiology.speed_share(myelin)
        result += [
            Segment(a, b, myelin, sf, velocity, in_plaque) for a, b in _split(start, end, internode)
        ]
    return tuple(result)


def conduct(row: Row, physiology: Physiology) -> Conduction:
    """Send one impulse along ``row``'s fibre, node by node."""
    parts = segments(row, physiology)
    if row.neuron_lost:
        return Conduction(row, parts, (), (), NO_SIGNAL, None)
    positions, times = [0.0], [0.0]
    for segment in parts:
        if not segment.conducts:
            return Conduction(row, parts, tuple(positions), tuple(times), BLOCKED, segment)
        positions.append(segment.end_mm)
        times.append(times[-1] + segment.time_ms)
    return Conduction(row, parts, tuple(positions), tuple(times), ARRIVED, None)


# --------------------------------------------------------------------------- motor units


def muscle_response(
    lost_share: float, hidden_loss_share: float, reinnervation: bool = True
) -> float:
    """Muscle response (1 = normal) when ``lost_share`` of the motor units are gone.

    Without reinnervation it follows the units left. With it, each survivor adopts
    orphaned fibres until it is ``1 / (1 - hidden_loss_share)`` times its first size.
    """
    if not 0 <= lost_share <= 1:
        raise ValueError(f"lost_share must be between 0 and 1; got {lost_share!r}")
    left = 1 - lost_share
    if not reinnervation:
        return left
    return min(1.0, left / (1 - hidden_loss_share))


@dataclass(frozen=True)
class MotorPool:
    """The motor units of one muscle after ALS has taken some of them."""

    size: int
    lost: int
    unit_size: float  # fibres per surviving unit, as a multiple of a healthy unit
    response: float  # muscle response, 1 = normal
    fasciculations: bool

    @property
    def survivors(self) -> int:
        return self.size - self.lost

    @property
    def lost_share(self) -> float:
        return self.lost / self.size

    @property
    def orphaned_share(self) -> float:
        """Share of the muscle's fibres left with no nerve at all."""
        return 1 - self.response


def motor_pool(model: Model, spec: Muscle) -> MotorPool:
    lost = round(model.pool_size * spec.lost_share)
    survivors = model.pool_size - lost
    response = muscle_response(lost / model.pool_size, model.hidden_loss_share)
    unit_size = response * model.pool_size / survivors if survivors else 0.0
    return MotorPool(model.pool_size, lost, unit_size, response, spec.fasciculations)


# --------------------------------------------------------------------------- cases


@dataclass(frozen=True)
class CaseResult:
    case: Case
    runs: tuple[Conduction, ...]
    pool: MotorPool | None
    physiology: Physiology

    @property
    def main(self) -> Conduction:
        """The first row: the fibre the case is about."""
        return self.runs[0]

    def drives_muscle(self, run: Conduction) -> bool:
        return run.row.fibre.kind == "motor" and run.arrived


def simulate(case_id: str, model: Model | None = None) -> CaseResult:
    """Run every fibre of one case."""
    model = model or load_model()
    check_choice("case", case_id, tuple(model.cases))
    case = model.cases[case_id]
    runs = tuple(conduct(row, model.physiology) for row in case.rows)
    pool = motor_pool(model, case.muscle) if case.muscle else None
    return CaseResult(case, runs, pool, model.physiology)
