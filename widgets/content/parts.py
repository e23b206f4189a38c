"""The shape of ``data/parts.yaml`` (schema: ``parts.schema.json``).

Every part is also drawn in ``widgets/assets/nervous_system.svg`` as ``id="part-<id>"``;
the loader checks the two agree.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Effect:
    damaged: bool
    how: str
    symptoms: tuple[str, ...]
    sources: tuple[str, ...]
    kind: str | None = None  # "primary" or "secondary" when damaged


@dataclass(frozen=True)
class Part:
    id: str
    name: str
    label: str
    region: str
    pathway: str
    function: str
    sources: tuple[str, ...]
    ms: Effect
    als: Effect

    def effect(self, disease: str) -> Effect:
        return self.ms if disease == "ms" else self.als


@dataclass(frozen=True)
class Parts:
    parts: tuple[Part, ...]


MODEL = Parts
