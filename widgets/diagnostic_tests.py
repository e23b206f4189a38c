"""How doctors tell MS and ALS apart: pick a test, see what it typically shows in each.

The content is ``data/diagnostic_tests.yaml`` (with its schema and sources). Pure
functions build the HTML card for one test, the overview table of every test and the
plain-text summary; :class:`DiagnosticTestExplorer` is a thin widget on top of them.

>>> explorer = DiagnosticTestExplorer(test="emg")
>>> explorer.verdicts()          # {'ms': 'usually_normal', 'als': 'key'}
>>> explorer.test = "mri"        # the card, the summary and the overview follow
"""

from __future__ import annotations

import ipywidgets
import traitlets

from . import html
from .base import LessonWidget, check_choice
from .content import Reference, load, load_references
from .content.diagnostic_tests import DiagnosticTest, Verdict
from .content.diagnostic_tests import Finding as Finding
from .theme import DISEASES

DISEASE_KEYS = ("ms", "als")


def load_diagnostic_tests() -> tuple[list[DiagnosticTest], dict[str, Verdict]]:
    """Tests in file order and the verdicts (id -> Verdict)."""
    document = load("diagnostic_tests")
    return list(document.tests), {verdict.id: verdict for verdict in document.verdicts}


def _find(tests: list[DiagnosticTest], test_id: str) -> DiagnosticTest:
    check_choice("test", test_id, [t.id for t in tests])
    return next(t for t in tests if t.id == test_id)


def _finding_cell(disease: str, *children) -> html.Markup:
    return html.disease_box(DISEASES[disease], *children, tag="td")


def card_html(
    test: DiagnosticTest, verdicts: dict[str, Verdict], references: dict[str, Reference]
) -> html.Markup:
    """One test: what it measures, then MS and ALS side by side (verdict, result, why)."""
    header = [html.join([html.badge(DISEASES[d]), " ", DISEASES[d].name]) for d in DISEASE_KEYS]
    rows = []
    for label, part in (("Verdict", "verdict"), ("Typical result", "finding"), ("Why", "why")):
        cells = []
        for disease in DISEASE_KEYS:
            finding = test.finding(disease)
            if part == "verdict":
                cells.append(
                    _finding_cell(disease, html.el("strong", verdicts[finding.verdict].text))
                )
            else:
                cells.append(_finding_cell(disease, getattr(finding, part)))
        rows.append([label, *cells])
    return html.box(
        html.el(
            "p", html.el("strong", test.name), ": ", test.measures, style={"margin": "0.3em 0"}
        ),
        html.data_table(header, rows, row_headers=True, corner=True, style={"width": "100%"}),
        html.sources_block(test.sources, references),
        class_="msals-test-card",
        data_test=test.id,
    )


def overview_html(
    tests: list[DiagnosticTest], verdicts: dict[str, Verdict], selected: str | None = None
) -> html.Markup:
    """Every test in one table: its verdict for MS and for ALS (the chosen one marked)."""
    rows = []
    for test in tests:
        chosen = test.id == selected
        name = (
            [
                "▶ ",
                html.el("strong", test.name),
                " (chosen)",
            ]
            if chosen
            else test.name
        )
        cells = [_finding_cell(d, verdicts[test.finding(d).verdict].text) for d in DISEASE_KEYS]
        rows.append(
            html.row(
                html.cell(name, header=True),
                *cells,
                data_test=test.id,
                aria_current="true" if chosen else None,
            )
        )
    key = " · ".join(v.text for v in verdicts.values())
    return html.data_table(
        ["Test", "In MS", "In ALS"],
        rows,
        caption=f"{len(tests)} tests and what a typical result means. Key: {key}",
        class_="msals-test-overview",
        style={"width": "100%"},
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
    controls = "the test menu"
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
        self._start()

    @traitlets.validate("test")
    def _check_test(self, proposal):
        return _find(self._tests, proposal["value"]).id

    @traitlets.observe("test")
    def _on_test(self, change):
        self._redraw()

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
        self._status.value = str(
            html.live_region(
                html.el(
                    "p",
                    f"Showing: {chosen.name}. MS: {ms}. ALS: {als}.",
                    class_="msals-summary",
                    style={"margin": "0.3em 0"},
                )
            )
        )
        self._card.value = str(
            html.live_region(card_html(chosen, self._verdicts, self._references))
        )
        self._overview.value = str(overview_html(self._tests, self._verdicts, self.test))

    def summary(self) -> str:
        return card_summary(_find(self._tests, self.test), self._verdicts)

    def static_html(self) -> html.Markup:
        chosen = _find(self._tests, self.test)
        return html.el(
            "div",
            card_html(chosen, self._verdicts, self._references),
            overview_html(self._tests, self._verdicts, self.test),
            class_="msals-tests-static",
        )
