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
from .content.conduction import CaseSpec, FibreSpec, Muscle, Physiology, RowSpec
from .content.conduction import Conduction as Model  # the whole of data/conduction.yaml

DATA_NAME = "conduction"
ARRIVED, BLOCKED, NO_SIGNAL = "arrived", "blocked", "no_signal"


# --------------------------------------------------------------------------- parameters


def load_model(directory=None) -> Model:
    """The simulator's model: the typed model of ``data/conduction.yaml`` (checked on
    loading: see :mod:`widgets.content.conduction`)."""
    return load(DATA_NAME, directory)


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

    row: RowSpec
    fibre: FibreSpec  # the row's fibre
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
        return not self.fibre.myelinated

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


def segments(row: RowSpec, fibre: FibreSpec, physiology: Physiology) -> tuple[Segment, ...]:
    """The internodes of ``fibre`` (``row``'s) with their myelin, safety factor and speed."""
    if not fibre.myelinated:
        sf = physiology.safety_factor(1.0, row.warm)
        return (Segment(0.0, fibre.length_mm, 1.0, sf, fibre.velocity_m_s, False),)
    plaque = row.plaque
    internode = fibre.internode_mm
    stretches: list[tuple[float, float, float, float, bool]] = []  # start, end, myelin, internode
    if plaque is None:
        stretches.append((0.0, fibre.length_mm, 1.0, internode, False))
    else:
        inside = internode * (
            float(physiology.remyelinated_internode_share.value) if plaque.remyelinated else 1.0
        )
        stretches += [
            (0.0, plaque.start_mm, 1.0, internode, False),
            (plaque.start_mm, plaque.end_mm, float(plaque.myelin), inside, True),
            (plaque.end_mm, fibre.length_mm, 1.0, internode, False),
        ]
    result = []
    for start, end, myelin, internode, in_plaque in stretches:
        sf = physiology.safety_factor(myelin, row.warm)
        velocity = fibre.velocity_m_s * physiology.speed_share(myelin)
        result += [
            Segment(a, b, myelin, sf, velocity, in_plaque) for a, b in _split(start, end, internode)
        ]
    return tuple(result)


def conduct(row: RowSpec, model: Model) -> Conduction:
    """Send one impulse along ``row``'s fibre, node by node."""
    fibre = model.fibre(row.fibre)
    parts = segments(row, fibre, model.physiology)
    if row.neuron_lost:
        return Conduction(row, fibre, parts, (), (), NO_SIGNAL, None)
    positions, times = [0.0], [0.0]
    for segment in parts:
        if not segment.conducts:
            return Conduction(row, fibre, parts, tuple(positions), tuple(times), BLOCKED, segment)
        positions.append(segment.end_mm)
        times.append(times[-1] + segment.time_ms)
    return Conduction(row, fibre, parts, tuple(positions), tuple(times), ARRIVED, None)


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
    case: CaseSpec
    runs: tuple[Conduction, ...]
    pool: MotorPool | None
    physiology: Physiology

    @property
    def main(self) -> Conduction:
        """The first row: the fibre the case is about."""
        return self.runs[0]

    def drives_muscle(self, run: Conduction) -> bool:
        return run.fibre.kind == "motor" and run.arrived


def simulate(case_id: str, model: Model | None = None) -> CaseResult:
    """Run every fibre of one case."""
    model = model or load_model()
    check_choice("case", case_id, model.case_ids)
    case = model.case(case_id)
    runs = tuple(conduct(row, model) for row in case.rows)
    pool = motor_pool(model, case.muscle) if case.muscle else None
    return CaseResult(case, runs, pool, model.physiology)
