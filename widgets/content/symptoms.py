"""The shape of ``data/symptoms.yaml`` (schema: ``symptoms.schema.json``).

Structures are ids of parts in ``data/parts.yaml`` (checked by the loader), so a symptom
can be shown on the nervous-system diagram.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Involvement:
    """How one disease produces a symptom."""

    structures: tuple[str, ...]  # part ids
    why: str
    frequency: str | None = None
    # Not in the file: the parts' names, filled in by widgets.symptoms.load_symptoms.
    structure_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Symptom:
    id: str
    name: str
    pathways: tuple[str, ...]
    sources: tuple[str, ...]
    ms: Involvement | None = None
    als: Involvement | None = None

    @property
    def diseases(self) -> tuple[str, ...]:
        return tuple(d for d in ("ms", "als") if self.involvement(d))

    def involvement(self, disease: str) -> Involvement | None:
        return self.ms if disease == "ms" else self.als


@dataclass(frozen=True)
class Pathway:
    id: str
    label: str


@dataclass(frozen=True)
class Symptoms:
    pathways: tuple[Pathway, ...]
    symptoms: tuple[Symptom, ...]


MODEL = Symptoms
