"""The printable handouts as HTML, built from ``data/`` through the lesson's own loaders.

Pure functions, one per handout; :mod:`scripts.make_handouts` prints them to PDF. Each
handout is a list of sheets; every sheet is one printed page on A4 and on US Letter
(the printable area of both is at least 186 x 255 mm with 12 mm margins), so the number
of pages follows from the data: see :func:`expected_pages`.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from widgets.base import escape
from widgets.classroom import load_plan, tickets
from widgets.content import load_references
from widgets.diagram import SVG_NS, load_parts, render_svg
from widgets.glossary import load_glossary
from widgets.lesson_map import load_lessons
from widgets.quiz_logic import SORT_OPTIONS, Question, load_questions, option_letter
from widgets.symptoms import load_symptoms

CARDS_PER_PAGE = 18  # 3 columns x 6 rows
CASES_PER_PAGE = 2
FOOTER = (
    "MS vs ALS lesson · classroom pack generated from the lesson's data · "
    "a lesson, not medical advice"
)
SORT_SUFFIX = " MS, ALS, both or neither?"
DISEASE_WORDS = {("ms",): "MS", ("als",): "ALS", ("ms", "als"): "Both"}

CSS = """
@page { margin: 12mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "DejaVu Sans", system-ui, sans-serif; color: #1A1A1A; margin: 0;
       font-size: 10.5pt; line-height: 1.35; }
.sheet { break-after: page; page-break-after: always; }
.sheet:last-child { break-after: auto; page-break-after: auto; }
h1 { font-size: 15pt; margin: 0 0 2mm 0; }
h2 { font-size: 11.5pt; margin: 3mm 0 1mm 0; }
p { margin: 1mm 0; }
.who { display: flex; gap: 8mm; margin: 1mm 0 3mm 0; }
.who span { flex: 1; border-bottom: 1px solid #1A1A1A; padding-bottom: 1mm; }
.footer { font-size: 7.5pt; color: #4D4D4D; margin-top: 3mm; }
.line { border-bottom: 1px solid #8C8C8C; height: 7.5mm; }
.muted { color: #4D4D4D; }
svg { display: block; width: 100%; height: 132mm; }
.numbered { columns: 2; column-gap: 8mm; padding-left: 6mm; margin: 2mm 0; }
.numbered li { height: 7mm; border-bottom: 1px solid #8C8C8C; break-inside: avoid; }
.bank { border: 1px solid #595959; padding: 1.5mm 3mm; margin-top: 2mm; }
.cards { display: grid; grid-template-columns: repeat(3, 1fr); grid-auto-rows: 36mm; }
.card { border: 1px dashed #595959; padding: 3mm; display: flex; flex-direction: column;
        justify-content: center; text-align: center; font-size: 11pt; }
.card small { font-size: 7pt; color: #4D4D4D; margin-top: 2mm; }
.card.pile { font-size: 20pt; font-weight: 700; border-style: solid; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #8C8C8C; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
.key td, .key th { font-size: 8.5pt; }
.case { border: 1px solid #595959; padding: 3mm; margin-bottom: 4mm; break-inside: avoid; }
.options { list-style: none; padding-left: 2mm; margin: 1mm 0; }
.options li::before { content: "\\25A2  "; }
.glossary { columns: 2; column-gap: 7mm; }
.glossary dt { font-weight: 700; break-after: avoid; }
.glossary dd { margin: 0 0 1.2mm 0; break-inside: avoid; }
.question { margin: 2.5mm 0; break-inside: avoid; }
"""


@dataclass(frozen=True)
class Handout:
    """One printable document: a file stem, a title and its sheets (HTML, one page each)."""

    stem: str
    title: str
    sheets: tuple[str, ...]

    def html(self, glossary_font_pt: float | None = None) -> str:
        css = CSS
        if glossary_font_pt is not None:
            css += f".glossary {{ font-size: {glossary_font_pt}pt; }}"
        body = "".join(f'<section class="sheet">{sheet}</section>' for sheet in self.sheets)
        return (
            '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f"<title>{escape(self.title)}</title><style>{css}</style></head>"
            f"<body>{body}</body></html>"
        )


def _who(*fields: str) -> str:
    return '<div class="who">' + "".join(f"<span>{escape(f)}:</span>" for f in fields) + "</div>"


def _footer(extra: str = "") -> str:
    return f'<p class="footer">{escape(FOOTER)}{escape(extra)}</p>'


def _lines(count: int) -> str:
    return '<div class="line"></div>' * count


# ---------------------------------------------------------------- the diagram


def _svg_for_print(blank: bool) -> tuple[str, list[str]]:
    """The explorer's healthy diagram with a print key; labels numbered if ``blank``."""
    parts = load_parts()
    root = ET.fromstring(render_svg(parts, "healthy", uid="print"))
    labels: list[str] = []
    for el in root.iter(f"{{{SVG_NS}}}text"):
        if el.get("data-label-for") is None:
            continue
        labels.append(el.text)
        if blank:
            el.text = f"{len(labels)} ________"
            el.set("font-weight", "700")
    legend = next(el for el in root.iter(f"{{{SVG_NS}}}g") if el.get("id") == "legend")
    for child in list(legend):
        legend.remove(child)
    words = (
        ["Write the name of each", "numbered part on the lines", "below the diagram."]
        if blank
        else [
            "Arrows show which way",
            "signals go: motor commands",
            "down and out, sensory",
            "messages in and up.",
        ]
    )
    for number, text in enumerate(["Key", *words]):
        line = ET.SubElement(legend, f"{{{SVG_NS}}}text", x="0", y=str(number * 24), fill="#1A1A1A")
        line.text = text
        if number == 0:
            line.set("font-weight", "700")
    root.set("aria-label", "Diagram of the nervous system" + (", labels blank" if blank else ""))
    return ET.tostring(root, encoding="unicode"), labels


def diagram_handout() -> Handout:
    blank_svg, labels = _svg_for_print(blank=True)
    labelled_svg, _ = _svg_for_print(blank=False)
    items = "".join("<li></li>" for _ in labels)
    bank = ", ".join(escape(label) for label in sorted(labels, key=str.casefold))
    blank = (
        "<h1>Label the nervous system</h1>"
        + _who("Name", "Class")
        + blank_svg
        + f'<ol class="numbered">{items}</ol>'
        + f'<div class="bank"><strong>Word bank</strong> (for support): {bank}</div>'
        + _footer(" · lesson 01")
    )
    labelled = (
        "<h1>The nervous system, labelled</h1>"
        '<p class="muted">Check your labels against this sheet. The explorer in lessons 01 '
        "and 02 shows what each part does, and which parts MS and ALS damage.</p>"
        + labelled_svg
        + '<ol class="numbered">'
        + "".join(f"<li>{escape(label)}</li>" for label in labels)
        + "</ol>"
        + _footer(" · lesson 01")
    )
    return Handout("diagram", "Nervous-system diagram", (blank, labelled))


# ---------------------------------------------------------------- sort cards


@dataclass(frozen=True)
class Card:
    text: str
    answer: str  # MS, ALS, Both or Neither
    why: str
    origin: str  # where it came from, for the key


def sort_cards() -> list[Card]:
    """Every symptom in data/symptoms.yaml, then the quiz's sort statements whose answer is
    Neither (symptoms.yaml lists only features of at least one disease)."""
    symptoms, _ = load_symptoms()
    cards = []
    for symptom in symptoms:
        whys = [
            f"{word}: {symptom.involvement(d).why.split('. ')[0].rstrip('.')}."
            for d, word in (("ms", "MS"), ("als", "ALS"))
            if symptom.involvement(d)
        ]
        answer = DISEASE_WORDS[symptom.diseases]
        cards.append(Card(symptom.name, answer, " ".join(whys), "symptom table (lesson 03)"))
    for question in load_questions():
        if question.kind == "sort" and question.options[question.answer_index].text == "Neither":
            text = question.prompt.removesuffix(SORT_SUFFIX)
            why = question.options[question.answer_index].feedback
            cards.append(Card(text, "Neither", why, f"quiz, lesson {question.lesson[:2]}"))
    return cards


def sort_cards_handout() -> Handout:
    cards = sort_cards()
    piles = [f'<div class="card pile">{word}</div>' for word in SORT_OPTIONS]
    faces = piles + [
        f'<div class="card">{escape(card.text)}<small>card {number}</small></div>'
        for number, card in enumerate(cards, start=1)
    ]
    pages = [faces[i : i + CARDS_PER_PAGE] for i in range(0, len(faces), CARDS_PER_PAGE)]
    sheets = []
    for index, page in enumerate(pages, start=1):
        intro = (
            "<h1>Symptom sort cards</h1><p>Cut out the cards. Lay the four heading cards "
            "(MS, ALS, Both, Neither) in a row and sort each symptom or statement under one "
            "of them. Then check your sort with the symptom explorer in lesson 03.</p>"
            if index == 1
            else f"<h1>Symptom sort cards (page {index})</h1>"
        )
        sheets.append(intro + f'<div class="cards">{"".join(page)}</div>' + _footer())
    rows = "".join(
        f"<tr><td>{n}</td><td>{escape(c.text)}</td><td><strong>{c.answer}</strong></td>"
        f"<td>{escape(c.why)}</td></tr>"
        for n, c in enumerate(cards, start=1)
    )
    key = (
        "<h1>Symptom sort: answer key</h1>"
        '<p class="muted">For the teacher. "Both" means the symptom is a feature of both '
        "diseases, though usually for different reasons.</p>"
        '<table class="key"><thead><tr><th>#</th><th>Card</th><th>Answer</th><th>Why</th>'
        f"</tr></thead><tbody>{rows}</tbody></table>" + _footer(" · lesson 03")
    )
    return Handout("sort-cards", "Symptom sort cards", (*sheets, key))


# ---------------------------------------------------------------- case studies


def vignettes() -> list[Question]:
    return [q for q in load_questions() if q.kind == "vignette"]


def _options(question: Question) -> str:
    return (
        '<ul class="options">'
        + "".join(
            f"<li><strong>{option_letter(i)}.</strong> {escape(o.text)}</li>"
            for i, o in enumerate(question.options)
        )
        + "</ul>"
    )


def case_study_handout() -> Handout:
    cases = vignettes()
    sheets = []
    for start in range(0, len(cases), CASES_PER_PAGE):
        blocks = "".join(
            f'<div class="case"><h2>Case {n}</h2><p>{escape(q.case)}</p>'
            f"<p><strong>{escape(q.prompt)}</strong></p>{_options(q)}"
            "<p>My answer, and the clue in the case that decided it:</p>"
            + _lines(3)
            + "<p>One more thing I would want to know, and why:</p>"
            + _lines(2)
            + "</div>"
            for n, q in enumerate(cases[start : start + CASES_PER_PAGE], start=start + 1)
        )
        heading = (
            "<h1>Case studies</h1>"
            + _who("Name", "Class")
            + '<p class="muted">Decide from the signs that the mechanism explains, not from '
            "the person's age or sex.</p>"
            if start == 0
            else "<h1>Case studies (continued)</h1>"
        )
        sheets.append(heading + blocks + _footer(" · lesson 06"))
    rows = "".join(
        f"<tr><td>{n}</td><td><strong>{option_letter(q.answer_index)}</strong>. "
        f"{escape(q.options[q.answer_index].text)}</td>"
        f"<td>{escape(q.options[q.answer_index].feedback)}</td></tr>"
        for n, q in enumerate(cases, start=1)
    )
    key = (
        "<h1>Case studies: answer key</h1>"
        '<table class="key"><thead><tr><th>Case</th><th>Answer</th><th>Why</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>" + _footer(" · lesson 06")
    )
    return Handout("case-studies", "Case studies", (*sheets, key))


# ---------------------------------------------------------------- glossary


def glossary_handout() -> Handout:
    """The whole glossary over two pages (make_handouts picks the font size that fits)."""
    terms = load_glossary()
    references = load_references()
    lessons = {lesson.id: lesson.number for lesson in load_lessons()}
    half = math.ceil(len(terms) / 2)

    def block(chunk) -> str:
        items = "".join(
            f'<dt>{escape(t.term)} <span class="muted">[{lessons[t.lesson]}]</span></dt>'
            f"<dd>{escape(t.definition)}"
            + (
                f' <span class="muted">(Source: {escape(references[t.source].citation)})</span>'
                if t.source
                else ""
            )
            + "</dd>"
            for t in chunk
        )
        return f'<dl class="glossary">{items}</dl>'

    first = (
        '<h1>Glossary</h1><p class="muted">The words the lessons use, A to Z; '
        "[01] is the lesson where a word is first needed.</p>" + block(terms[:half]) + _footer()
    )
    second = "<h1>Glossary (continued)</h1>" + block(terms[half:]) + _footer()
    return Handout("glossary", "Glossary", (first, second))


# ---------------------------------------------------------------- exit tickets


def _ticket_sheet(key: str, title: str, questions: list[Question]) -> str:
    blocks = []
    for number, q in enumerate(questions, start=1):
        if q.kind == "sort":
            choices = (
                '<ul class="options" style="display:flex;gap:8mm">'
                + "".join(f"<li>{w}</li>" for w in SORT_OPTIONS)
                + "</ul>"
            )
        else:
            choices = _options(q)
        blocks.append(
            f'<div class="question"><strong>{number}. {escape(q.prompt)}</strong>{choices}</div>'
        )
    return (
        f"<h1>{escape(title)}</h1>"
        + _who("Name", "Class", "Date")
        + '<p class="muted">Tick one box for each question. One answer each: no changing.</p>'
        + "".join(blocks)
        + "<p><strong>One thing I am still not sure about:</strong></p>"
        + _lines(2)
        + _footer(f" · ticket {key}")
    )


def _answer_label(question: Question) -> str:
    """The right answer as the ticket shows it: the word for sort questions, else a letter."""
    if question.kind == "sort":
        return question.options[question.answer_index].text
    return option_letter(question.answer_index)


def exit_ticket_handout() -> Handout:
    plan = load_plan()
    known = tickets(plan)
    sheets = [_ticket_sheet(p.id, *known[p.id]) for p in plan.periods]
    sections = []
    for period in plan.periods:
        title, questions = known[period.id]
        rows = "".join(
            f"<tr><td>{n}</td><td>{escape(q.prompt)}</td>"
            f"<td><strong>{escape(_answer_label(q))}</strong></td>"
            f"<td>{escape(q.options[q.answer_index].feedback)}</td></tr>"
            for n, q in enumerate(questions, start=1)
        )
        sections.append(
            f"<h2>{escape(title)}</h2>"
            '<table class="key"><thead><tr><th>#</th><th>Question</th><th>Answer</th>'
            f"<th>Why</th></tr></thead><tbody>{rows}</tbody></table>"
        )
    key = (
        "<h1>Exit tickets: answer key</h1>"
        '<p class="muted">The same questions as the exit-ticket cell in the notebooks '
        "(ExitTicket(period=...)); handed-in codes and files are marked by the teacher's "
        "command, see the classroom pack guide.</p>" + "".join(sections) + _footer()
    )
    return Handout("exit-tickets", "Exit tickets", (*sheets, key))


def all_handouts() -> list[Handout]:
    return [
        diagram_handout(),
        sort_cards_handout(),
        case_study_handout(),
        glossary_handout(),
        exit_ticket_handout(),
    ]


def expected_pages(handout: Handout) -> int:
    """One page per sheet, on either paper size."""
    return len(handout.sheets)


def index_html(handouts: list[Handout], sizes: list[str]) -> str:
    rows = "".join(
        f"<tr><td>{escape(h.title)}</td><td>{len(h.sheets)}</td>"
        + "".join(
            f'<td><a href="{escape(size)}/{escape(h.stem)}.pdf">PDF</a> · '
            f'<a href="{escape(size)}/{escape(h.stem)}.html">HTML</a></td>'
            for size in sizes
        )
        + "</tr>"
        for h in handouts
    )
    heads = "".join(f"<th>{escape(size)}</th>" for size in sizes)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Classroom pack: handouts</title><style>{CSS}</style></head><body>"
        "<h1>MS vs ALS: classroom pack handouts</h1>"
        "<p>Generated from the lesson's data files, so they match the lessons. Print at "
        "100% (no 'fit to page').</p>"
        f"<table><thead><tr><th>Handout</th><th>Pages</th>{heads}</tr></thead>"
        f"<tbody>{rows}</tbody></table></body></html>"
    )
