"""The printable handouts: built from data/, printed by headless Chromium on A4 and US
Letter, each PDF with its expected number of pages and the data's words in its text
(read back with poppler's pdftotext)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from scripts import handout_pages, make_handouts
from widgets.diagram import load_parts
from widgets.glossary import load_glossary
from widgets.quiz_logic import load_questions

SIZES = ("a4", "letter")


def squash(text: str) -> str:
    """Text without whitespace or hyphens: PDF text breaks lines anywhere, and pdftotext
    joins a word hyphenated at a line end."""
    return re.sub(r"[\s\-]+", "", text)


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is needed to read the PDFs: install Debian's poppler-utils")
    return found


def pdf_text(path, first=None, last=None) -> str:
    pages = [] if first is None else ["-f", str(first), "-l", str(last or first)]
    done = subprocess.run(
        [tool("pdftotext"), "-enc", "UTF-8", *pages, str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return squash(done.stdout)


def pdf_info(path) -> dict[str, str]:
    done = subprocess.run([tool("pdfinfo"), str(path)], capture_output=True, text=True, check=True)
    return dict(
        (key.strip(), value.strip())
        for key, value in (line.split(":", 1) for line in done.stdout.splitlines() if ":" in line)
    )


# ---------------------------------------------------------------- HTML (no browser)


def test_every_handout_comes_from_the_data():
    handouts = {h.stem: h for h in handout_pages.all_handouts()}
    assert set(handouts) == {"diagram", "sort-cards", "case-studies", "glossary", "exit-tickets"}
    assert handout_pages.expected_pages(handouts["glossary"]) == 2
    assert len(handouts["diagram"].sheets) == 2
    cards = handout_pages.sort_cards()
    assert len(handouts["sort-cards"].sheets) == -(-(len(cards) + 4) // 18) + -(-len(cards) // 18)
    assert {c.answer for c in cards} == {"MS", "ALS", "Both", "Neither"}
    vignettes = [q for q in load_questions() if q.kind == "vignette"]
    assert len(handouts["case-studies"].sheets) == -(-len(vignettes) // 2) + -(-len(vignettes) // 8)
    assert len(handouts["exit-tickets"].sheets) == 3


def test_data_text_is_escaped(edit_data):
    def change(document):
        document["terms"][0]["definition"] = "<script>alert(1)</script> & more words here"

    edit_data("glossary", change)
    html = handout_pages.glossary_handout().html()
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)" in html


def test_blank_diagram_hides_labels_in_the_drawing():
    blank, labelled = handout_pages.diagram_handout().sheets
    labels = [part.label for part in load_parts()]
    drawing = blank[blank.index("<svg") : blank.index("</svg>")]
    assert not any(f">{label}<" in drawing for label in labels)
    assert all(f">{n} ________<" in drawing for n in range(1, len(labels) + 1))
    assert all(f">{label}<" in labelled for label in labels)


# ---------------------------------------------------------------- printed PDFs


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    base = tmp_path_factory.mktemp("handouts")
    here = os.getcwd()
    os.chdir(base)  # a relative --out, as `make handouts` passes it
    try:
        assert make_handouts.main(["--out", "handouts"]) == 0
    finally:
        os.chdir(here)
    return base / "handouts"


@pytest.mark.browser
@pytest.mark.parametrize("size", SIZES)
def test_each_pdf_has_its_pages_on_each_paper_size(printed, size):
    paper = {"a4": "(A4)", "letter": "(letter)"}[size]  # pdfinfo names the paper size
    for handout in handout_pages.all_handouts():
        path = printed / size / f"{handout.stem}.pdf"
        assert path.is_file() and (printed / size / f"{handout.stem}.html").is_file()
        info = pdf_info(path)
        assert int(info["Pages"]) == handout_pages.expected_pages(handout), handout.stem
        assert info["Page size"].endswith(paper), info["Page size"]
    index = (printed / "index.html").read_text(encoding="utf-8")
    assert f'href="{size}/glossary.pdf"' in index


@pytest.mark.browser
@pytest.mark.parametrize("size", SIZES)
def test_pdfs_contain_the_data(printed, size):
    folder = printed / size
    glossary = pdf_text(folder / "glossary.pdf")
    for term in load_glossary():
        assert squash(term.term) in glossary
        assert squash(term.definition) in glossary
    size = re.search(
        r"\.glossary \{ font-size: ([0-9.]+)pt", (folder / "glossary.html").read_text()
    )
    assert float(size.group(1)) >= 8, "readable print"
    labelled = pdf_text(folder / "diagram.pdf", 2)
    for part in load_parts():
        assert squash(part.label) in labelled
    cards = pdf_text(folder / "sort-cards.pdf")
    pages = handout_pages.expected_pages(handout_pages.sort_cards_handout())
    first_key = -(-(len(handout_pages.sort_cards()) + 4) // handout_pages.CARDS_PER_PAGE) + 1
    key = pdf_text(folder / "sort-cards.pdf", first_key, pages)
    for card in handout_pages.sort_cards():
        assert squash(card.text) in cards
        assert squash(card.text) + card.answer in key
    cases = pdf_text(folder / "case-studies.pdf")
    for question in load_questions():
        if question.kind == "vignette":
            assert squash(question.case) in cases and squash(question.prompt) in cases
    tickets = handout_pages.tickets()
    for page, period in enumerate(("P1", "P2"), start=1):
        text = pdf_text(folder / "exit-tickets.pdf", page)
        for question in tickets[period][1]:
            assert squash(question.prompt) in text
    key = pdf_text(folder / "exit-tickets.pdf", 3)
    for period in ("P1", "P2"):
        for question in tickets[period][1]:
            assert squash(question.options[question.answer_index].feedback) in key
