"""The shape of ``data/diagnostic_tests.yaml`` (schema: ``diagnostic_tests.schema.json``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Verdict:
    """How a typical result weighs in the diagnosis, in words and a symbol."""

    id: str
    label: str
    symbol: str

    @property
    def text(self) -> str:
        return f"{self.symbol} {self.label}"


@dataclass(frozen=True)
class Finding:
    finding: str
    why: str
    verdict: str  # a Verdict's id


@dataclass(frozen=True)
class DiagnosticTest:
    id: str
    name: str
    measures: str
    ms: Finding
    als: Finding
    sources: tuple[str, ...]

    def finding(self, disease: str) -> Finding:
        return self.ms if disease == "ms" else self.als


@dataclass(frozen=True)
class DiagnosticTests:
    verdicts: tuple[Verdict, ...]
    tests: tuple[DiagnosticTest, ...]


MODEL = DiagnosticTests
