"""The diagnostic-test explorer: what each test shows in MS and ALS, from checked data."""

from __future__ import annotations

import pytest

from tests.snapshots import snapshot_body
from widgets.content import DataError, load_references
from widgets.diagnostic_tests import (
    DiagnosticTest,
    DiagnosticTestExplorer,
    Finding,
    Verdict,
    card_html,
    card_summary,
    load_diagnostic_tests,
    overview_html,
)


def test_data_says_what_each_test_typically_shows():
    tests, verdicts = load_diagnostic_tests()
    by_id = {t.id: t for t in tests}
    assert set(by_id) == {"exam", "mri", "csf", "evoked", "emg", "ncs", "bloods", "genetics"}
    expected = {  # (MS, ALS): the contrast the lesson teaches
        "exam": ("supports", "key"),
        "mri": ("key", "rules_out"),
        "csf": ("supports", "usually_normal"),
        "evoked": ("supports", "usually_normal"),
        "emg": ("usually_normal", "key"),
        "ncs": ("usually_normal", "supports"),
        "bloods": ("rules_out", "rules_out"),  # no blood test shows either disease
        "genetics": ("not_used", "cause"),  # a gene change shows a cause, not ALS itself
    }
    for test_id, (ms, als) in expected.items():
        assert (by_id[test_id].ms.verdict, by_id[test_id].als.verdict) == (ms, als), test_id
    # No single test is key evidence for both diseases: each needs its own pattern.
    assert not [t.id for t in tests if t.ms.verdict == t.als.verdict == "key"]
    assert "oligoclonal bands" in by_id["csf"].ms.finding.lower()
    assert "schwann" in by_id["ncs"].ms.why.lower()  # why limb nerves are spared
    assert all(v.symbol and v.label for v in verdicts.values())
    # A negative genetic test does not rule ALS out: the card must say so.
    genetics = by_id["genetics"].als
    assert "negative result does not rule ALS out" in genetics.why
    assert "most people with ALS have no family history" in genetics.why


def test_menu_changes_the_card_summary_and_overview():
    explorer = DiagnosticTestExplorer()
    assert explorer.test == "exam"
    assert explorer.verdicts() == {"ms": "supports", "als": "key"}
    before = (explorer._card.value, explorer._status.value, explorer.summary())
    explorer._menu.value = "emg"  # what choosing from the menu sends to the kernel
    assert explorer.test == "emg"
    assert explorer.verdicts() == {"ms": "usually_normal", "als": "key"}
    assert explorer._card.value != before[0]
    assert "Showing: Needle EMG (electromyography). MS: Usually normal. ALS: Key evidence." in (
        explorer._status.value
    )
    assert explorer.summary().splitlines()[0].startswith("Needle EMG (electromyography):")
    assert "fasciculation potentials" in explorer.summary()
    assert 'data-test="emg" aria-current="true"' in explorer._overview.value
    explorer.test = "mri"  # the trait drives the menu too
    assert explorer._menu.value == "mri"
    assert 'data-test="mri"' in explorer._card.value


def test_card_shows_both_diseases_in_words_not_colour_alone():
    tests, verdicts = load_diagnostic_tests()
    mri = next(t for t in tests if t.id == "mri")
    html_text = card_html(mri, verdicts, load_references())
    assert html_text.count("border-left:4px") == 6  # verdict, result, why for MS and ALS
    assert "★ Key evidence" in html_text and "? Done to rule out look-alikes" in html_text
    assert '<th scope="row"' in html_text and '<th scope="col"' in html_text
    assert html_text.count("<li>") == len(mri.sources)
    text = card_summary(mri, verdicts)
    assert text.splitlines()[1].startswith("MS (Key evidence): Lesions in typical places")
    assert text.splitlines()[2].startswith("ALS (Done to rule out look-alikes): Usually nothing")


def test_static_copy_has_the_card_and_every_test():
    explorer = DiagnosticTestExplorer(test="csf")
    html_text = explorer.static_html()
    tests, _ = load_diagnostic_tests()
    assert html_text.count("<tr data-test=") == len(tests)
    assert "▶ <strong>Lumbar puncture (spinal fluid test)</strong> (chosen)" in html_text
    bundle = explorer._repr_mimebundle_()
    assert snapshot_body(bundle["text/html"]) == html_text
    assert "Run this cell (Shift+Enter) to get the test menu." in bundle["text/html"]
    assert bundle["text/plain"] == explorer.summary()
    assert explorer._dom_classes == ("msals-widget", "msals-tests")


def test_data_text_is_escaped():
    verdicts = {"key": Verdict("key", "<b>Key</b>", "*")}
    bad = DiagnosticTest(
        id="x",
        name="<script>alert(1)</script>",
        measures="a < b & c, measured somehow",
        ms=Finding("<i>found</i> something", "because <u>reasons</u> here", "key"),
        als=Finding("nothing & more", "because it is so, honestly", "key"),
        sources=("ref",),
    )
    references = {"ref": type("R", (), {"citation": "A <cite> & co"})()}
    html_text = card_html(bad, verdicts, references) + overview_html([bad], verdicts, "x")
    for raw in ("<script>", "<b>Key", "<i>found", "<u>reasons", "<cite>"):
        assert raw not in html_text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html_text
    assert "a &lt; b &amp; c" in html_text


def test_bad_argument_names_the_allowed_tests():
    allowed = r"test must be one of 'exam', 'mri', 'csf', 'evoked', 'emg', 'ncs'"
    with pytest.raises(ValueError, match=allowed):
        DiagnosticTestExplorer(test="x-ray")
    explorer = DiagnosticTestExplorer()
    with pytest.raises(Exception, match=allowed):
        explorer.test = "MRI"
    assert explorer.test == "exam"


BAD_FILES = {
    "unknown verdict": (
        lambda d: d["tests"][1]["als"].update(verdict="maybe"),
        r"data/diagnostic_tests\.yaml: tests\[1\]\.als\.verdict: unknown id 'maybe'",
    ),
    "missing field": (
        lambda d: d["tests"][2]["ms"].pop("why"),
        r"data/diagnostic_tests\.yaml: tests\[2\]\.ms: 'why' is required but missing",
    ),
    "dangling source": (
        lambda d: d["tests"][0].update(sources=["nobody-2099"]),
        r"data/diagnostic_tests\.yaml: tests\[0\]\.sources\[0\]: unknown source id 'nobody-2099'",
    ),
    "duplicate id": (
        lambda d: d["tests"][3].update(id="mri"),
        r"data/diagnostic_tests\.yaml: tests\[3\]\.id: duplicate id 'mri'",
    ),
    "wrong type": (
        lambda d: d["tests"][0].update(name=["MRI"]),
        r"data/diagnostic_tests\.yaml: tests\[0\]\.name: has the wrong type",
    ),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_data_gives_one_clear_error(edit_data, case):
    change, message = BAD_FILES[case]
    edit_data("diagnostic_tests", change)
    with pytest.raises(DataError, match=message):
        DiagnosticTestExplorer()


def test_missing_file_is_named(data_copy):
    (data_copy / "diagnostic_tests.yaml").unlink()
    with pytest.raises(DataError, match=r"data/diagnostic_tests\.yaml: file not found"):
        load_diagnostic_tests()
