"""How doctors tell MS and ALS apart: pick a test, see what it typically shows in each.

The content is ``data/diagnostic_tests.yaml`` (with its schema and sources). Pure
functions build the HTML card for one test, the overview table of every test and the
plain-text summary; :class:`DiagnosticTestExplorer` is a thin widget on top of them.

>>> explorer = DiagnosticTestExplorer(test="emg")
>>> explorer.verdicts()          # {'ms': 'usually_normal', 'als': 'key'}
>>> explorer.test = "mri"        # the card, the summary and the overview follow
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets
import traitlets

from .base import LessonWidget, check_choice, escape, live_region
from .content import Reference, display_name, load_document, load_references, require_known
from .theme import DISEASES, MUTED_TEXT, TEXT, badge_html

DISEASE_KEYS = ("ms", "als")


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
    verdict: str


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


def load_diagnostic_tests() -> tuple[list[DiagnosticTest], dict[str, Verdict]]:
    """Tests in file order and the verdicts (id -> Verdict), every verdict id checked."""
    document = load_document("diagnostic_tests")
    shown = display_name("diagnostic_tests")
    verdicts = {item["id"]: Verdict(**item) for item in document["verdicts"]}
    tests = []
    for index, item in enumerate(document["tests"]):
        for disease in DISEASE_KEYS:
            field = f"tests[{index}].{disease}.verdict"
            require_known(item[disease]["verdict"], list(verdicts), shown, field)
        tests.append(
            DiagnosticTest(
                id=item["id"],
                name=item["name"],
                measures=item["measures"],
                ms=Finding(**item["ms"]),
                als=Finding(**item["als"]),
                sources=tuple(item["sources"]),
            )
        )
    return tests, verdicts


def _find(tests: list[DiagnosticTest], test_id: str) -> DiagnosticTest:
    check_choice("test", test_id, [t.id for t in tests])
    return next(t for t in tests if t.id == test_id)


def _cell_style(disease: str) -> str:
    style = DISEASES[disease]
    return (
        f"padding:6px 8px;vertical-align:top;background:{style.tint};color:{TEXT};"
        f"border-left:4px {style.dash} {style.colour}"
    )


def card_html(
    test: DiagnosticTest, verdicts: dict[str, Verdict], references: dict[str, Reference]
) -> str:
    """One test: what it measures, then MS and ALS side by side (finding, why, verdict)."""
    head = "".join(
        f'<th scope="col" style="text-align:left;padding:6px 8px">{badge_html(DISEASES[d])} '
        f"{escape(DISEASES[d].name)}</th>"
        for d in DISEASE_KEYS
    )
    rows = []
    for label, part in (("Verdict", "verdict"), ("Typical result", "finding"), ("Why", "why")):
        cells = []
        for disease in DISEASE_KEYS:
            finding = test.finding(disease)
            if part == "verdict":
                text = f"<strong>{escape(verdicts[finding.verdict].text)}</strong>"
            else:
                text = escape(getattr(finding, part))
            cells.append(f'<td style="{_cell_style(disease)}">{text}</td>')
        rows.append(
            f'<tr><th scope="row" style="text-align:left;vertical-align:top;padding:6px 8px">'
            f"{label}</th>{''.join(cells)}</tr>"
        )
    sources = "".join(f"<li>{escape(references[s].citation)}</li>" for s in test.sources)
    return (
        f'<div class="msals-test-card" data-test="{escape(test.id)}" style="color:{TEXT}">'
        f'<p style="margin:0.3em 0"><strong>{escape(test.name)}</strong>: '
        f"{escape(test.measures)}</p>"
        f'<table style="border-collapse:collapse;width:100%;color:{TEXT}">'
        f'<thead><tr><td style="width:9em"></td>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
        f"<details><summary>Sources ({len(test.sources)})</summary>"
        f'<ol style="font-size:90%">{sources}</ol></details></div>'
    )


def overview_html(
    tests: list[DiagnosticTest], verdicts: dict[str, Verdict], selected: str | None = None
) -> str:
    """Every test in one table: its verdict for MS and for ALS (the chosen one marked)."""
    body = []
    for test in tests:
        chosen = test.id == selected
        name = escape(test.name)
        name = f"▶ <strong>{name}</strong> (chosen)" if chosen else name
        current = ' aria-current="true"' if chosen else ""
        cells = "".join(
            f'<td style="{_cell_style(d)}">{escape(verdicts[test.finding(d).verdict].text)}</td>'
            for d in DISEASE_KEYS
        )
        body.append(
            f'<tr data-test="{escape(test.id)}"{current}>'
            f'<th scope="row" style="text-align:left;padding:6px 8px">{name}</th>{cells}</tr>'
        )
    head = "".join(
        f'<th scope="col" style="text-align:left;padding:6px 8px">{label}</th>'
        for label in ("Test", "In MS", "In ALS")
    )
    key = " · ".join(escape(v.text) for v in verdicts.values())
    return (
        f'<table class="msals-test-overview" style="border-collapse:collapse;width:100%;'
        f'color:{TEXT}"><caption style="text-align:left;color:{MUTED_TEXT}">'
        f"{len(tests)} tests and what a typical result means. Key: {key}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def card_summary(test: DiagnosticTest, verdicts: dict[str, Verdict]) -> str:
    """Plain text of the card: the test, then MS and ALS in turn."""
    lines = [f"{test.name}: {test.measures}"]
    for disease in DISEASE_KEYS:
        finding = test.finding(disease)
        lines.append(
            f"{DISEASES[disease].badge} ({verdicts[finding.verdict].label}): "
            f"{finding.finding} Why: {finding.why}"
        )
    return "\n".join(lines)


class DiagnosticTestExplorer(LessonWidget):
    """Choose a test from the menu; the card, the summary and the overview follow."""

    css_class = "msals-tests"
    test = traitlets.Unicode()

    def __init__(self, test: str = "exam", **kwargs):
        self._tests, self._verdicts = load_diagnostic_tests()
        self._references = load_references()
        _find(self._tests, test)  # a bad id raises ValueError before anything is drawn
        self._menu = ipywidgets.Dropdown(
            options=[(t.name, t.id) for t in self._tests],
            value=test,
            description="Test:",
            layout=ipywidgets.Layout(width="max-content"),
        )
        self._status = ipywidgets.HTML()
        self._card = ipywidgets.HTML()
        self._overview = ipywidgets.HTML()
        super().__init__(children=[self._menu, self._status, self._card, self._overview], **kwargs)
        ipywidgets.link((self._menu, "value"), (self, "test"))
        self.test = test
        self._render()

    @traitlets.validate("test")
    def _check_test(self, proposal):
        return _find(self._tests, proposal["value"]).id

    @traitlets.observe("test")
    def _on_test(self, change):
        if hasattr(self, "_card"):
            self._render()

    @property
    def test_ids(self) -> list[str]:
        return [t.id for t in self._tests]

    def verdicts(self) -> dict[str, str]:
        """The chosen test's verdict id for each disease."""
        chosen = _find(self._tests, self.test)
        return {d: chosen.finding(d).verdict for d in DISEASE_KEYS}

    def _render(self) -> None:
        chosen = _find(self._tests, self.test)
        ms, als = (self._verdicts[chosen.finding(d).verdict].label for d in DISEASE_KEYS)
        self._status.value = live_region(
            f'<p class="msals-summary" style="margin:0.3em 0">Showing: {escape(chosen.name)}. '
            f"MS: {escape(ms)}. ALS: {escape(als)}.</p>"
        )
        self._card.value = live_region(card_html(chosen, self._verdicts, self._references))
        self._overview.value = overview_html(self._tests, self._verdicts, self.test)

    def summary(self) -> str:
        return card_summary(_find(self._tests, self.test), self._verdicts)

    def static_html(self) -> str:
        chosen = _find(self._tests, self.test)
        return (
            '<div class="msals-tests-static">'
            f"{card_html(chosen, self._verdicts, self._references)}"
            f"{overview_html(self._tests, self._verdicts, self.test)}</div>"
        )
