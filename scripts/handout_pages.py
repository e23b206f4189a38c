"""The printable handouts as HTML, built from ``data/`` through the lesson's own loaders.

Pure functions, one per handout; :mod:`scripts.make_handouts` prints them to PDF. Each
handout is a list of sheets; every sheet is one printed page on A4 and on US Letter
(the printable area of both is at least 186 x 255 mm with 12 mm margins), so the number
of pages follows from the data: see :func:`expected_pages`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from widgets.classroom import load_plan, tickets
from widgets.diagram import SVG_NS, load_parts, render_svg
from widgets.glossary import load_glossary
from widgets.html import Markup, el, join, trusted
from widgets.lesson_map import load_lessons
from widgets.quiz_logic import SORT_OPTIONS, Question, load_questions, option_letter
from widgets.symptoms import load_symptoms

CARDS_PER_PAGE = 18  # 3 columns x 6 rows
CASES_PER_PAGE = 2
KEY_ROWS_PER_PAGE = 18  # answer-key rows that fit one page with their reasons
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
.glossary { line-height: 1.25; margin: 0; }
.glossary dd { margin: 0 0 1mm 0; break-inside: avoid; }
.question { margin: 2.5mm 0; break-inside: avoid; }
"""


@dataclass(frozen=True)
class Handout:
    """One printable document: a file stem, a title and its sheets (HTML, one page each)."""

    stem: str
    title: str
    sheets: tuple[Markup, ...]
    pages: int | None = None  # for a sheet that flows over several pages (the glossary)

    def html(self, glossary_font_pt: float | None = None) -> str:
        css = CSS
        if glossary_font_pt is not None:
            css += f".glossary {{ font-size: {glossary_font_pt}pt; }}"
        return page(
            self.title, css, [el("section", sheet, class_="sheet") for sheet in self.sheets]
        )


def page(title: str, css: str, body) -> str:
    head = el("head", el("meta", charset="utf-8"), el("title", title), el("style", trusted(css)))
    return f"<!DOCTYPE html>{el('html', head, el('body', body), lang='en')}"


def _who(*fields: str) -> Markup:
    return el("div", [el("span", f"{field}:") for field in fields], class_="who")


def _footer(extra: str = "") -> Markup:
    return el("p", FOOTER + extra, class_="footer")


def _lines(count: int) -> Markup:
    return join(el("div", class_="line") for _ in range(count))


def _muted(*children) -> Markup:
    return el("p", *children, class_="muted")


# ---------------------------------------------------------------- the diagram


def _svg_for_print(blank: bool) -> tuple[Markup, list[str]]:
    """The explorer's healthy diagram with a print key; labels numbered if ``blank``."""
    parts = load_parts()
    root = ET.fromstring(render_svg(parts, "healthy", uid="print"))
    labels: list[str] = []
    for node in root.iter(f"{{{SVG_NS}}}text"):
        if node.get("data-label-for") is None:
            continue
        labels.append(node.text)
        if blank:
            node.text = f"{len(labels)} ________"
            node.set("font-weight", "700")
    legend = next(node for node in root.iter(f"{{{SVG_NS}}}g") if node.get("id") == "legend")
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
    # Our own drawing, serialised by ElementTree (which escapes the data's label text).
    return trusted(ET.tostring(root, encoding="unicode")), labels


def diagram_handout() -> Handout:
    blank_svg, labels = _svg_for_print(blank=True)
    labelled_svg, _ = _svg_for_print(blank=False)
    bank = ", ".join(sorted(labels, key=str.casefold))
    blank = join(
        [
            el("h1", "Label the nervous system"),
            _who("Name", "Class"),
            blank_svg,
            el("ol", [el("li") for _ in labels], class_="numbered"),
            el("div", el("strong", "Word bank"), " (for support): ", bank, class_="bank"),
            _footer(" · lesson 01"),
        ]
    )
    labelled = join(
        [
            el("h1", "The nervous system, labelled"),
            _muted(
                "Check your labels against this sheet. The explorer in lessons 01 and 02 "
                "shows what each part does, and which parts MS and ALS damage."
            ),
            labelled_svg,
            el("ol", [el("li", label) for label in labels], class_="numbered"),
            _footer(" · lesson 01"),
        ]
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


def _key_table(header: list[str], rows) -> Markup:
    return el(
        "table",
        el("thead", el("tr", [el("th", h, scope="col") for h in header])),
        el("tbody", [el("tr", [el("td", c) for c in cells]) for cells in rows]),
        class_="key",
    )


def _key_sheets(
    title: str, note, header: list[str], rows: list, footer: str, per_page: int = KEY_ROWS_PER_PAGE
) -> list[Markup]:
    """An answer key over as many pages as its rows need (``per_page`` rows each)."""
    sheets = []
    for start in range(0, len(rows), per_page):
        heading = title if start == 0 else f"{title} (continued)"
        sheets.append(
            join(
                [
                    el("h1", heading),
                    note if start == 0 else None,
                    _key_table(header, rows[start : start + per_page]),
                    _footer(footer),
                ]
            )
        )
    return sheets


def sort_cards_handout() -> Handout:
    cards = sort_cards()
    piles = [el("div", word, class_="card pile") for word in SORT_OPTIONS]
    faces = piles + [
        el("div", card.text, el("small", f"card {number}"), class_="card")
        for number, card in enumerate(cards, start=1)
    ]
    pages = [faces[i : i + CARDS_PER_PAGE] for i in range(0, len(faces), CARDS_PER_PAGE)]
    sheets = []
    for index, cards_here in enumerate(pages, start=1):
        intro = (
            [
                el("h1", "Symptom sort cards"),
                el(
                    "p",
                    "Cut out the cards. Lay the four heading cards (MS, ALS, Both, Neither) "
                    "in a row and sort each symptom or statement under one of them. Then "
                    "check your sort with the symptom explorer in lesson 03.",
                ),
            ]
            if index == 1
            else [el("h1", f"Symptom sort cards (page {index})")]
        )
        sheets.append(join([*intro, el("div", cards_here, class_="cards"), _footer()]))
    rows = [(n, c.text, el("strong", c.answer), c.why) for n, c in enumerate(cards, start=1)]
    keys = _key_sheets(
        "Symptom sort: answer key",
        _muted(
            'For the teacher. "Both" means the symptom is a feature of both diseases, '
            "though usually for different reasons."
        ),
        ["#", "Card", "Answer", "Why"],
        rows,
        " · lesson 03",
    )
    return Handout("sort-cards", "Symptom sort cards", (*sheets, *keys))


# ---------------------------------------------------------------- case studies


def vignettes() -> list[Question]:
    return [q for q in load_questions() if q.kind == "vignette"]


def _options(question: Question) -> Markup:
    return el(
        "ul",
        [
            el("li", el("strong", f"{option_letter(i)}."), " ", o.text)
            for i, o in enumerate(question.options)
        ],
        class_="options",
    )


def _case(number: int, question: Question) -> Markup:
    return el(
        "div",
        el("h2", f"Case {number}"),
        el("p", question.case),
        el("p", el("strong", question.prompt)),
        _options(question),
        el("p", "My answer, and the clue in the case that decided it:"),
        _lines(3),
        el("p", "One more thing I would want to know, and why:"),
        _lines(2),
        class_="case",
    )


def case_study_handout() -> Handout:
    cases = vignettes()
    where = " · lessons " + ", ".join(sorted({q.lesson[:2] for q in cases}))
    sheets = []
    for start in range(0, len(cases), CASES_PER_PAGE):
        heading = (
            [
                el("h1", "Case studies"),
                _who("Name", "Class"),
                _muted(
                    "Decide from the signs that the mechanism explains, not from the "
                    "person's age or sex."
                ),
            ]
            if start == 0
            else [el("h1", "Case studies (continued)")]
        )
        blocks = [
            _case(n, q)
            for n, q in enumerate(cases[start : start + CASES_PER_PAGE], start=start + 1)
        ]
        sheets.append(join([*heading, *blocks, _footer(where)]))
    rows = [
        (
            n,
            join(
                [el("strong", option_letter(q.answer_index)), ". ", q.options[q.answer_index].text]
            ),
            q.options[q.answer_index].feedback,
        )
        for n, q in enumerate(cases, start=1)
    ]
    keys = _key_sheets("Case studies: answer key", None, ["Case", "Answer", "Why"], rows, where, 8)
    return Handout("case-studies", "Case studies", (*sheets, *keys))


# ---------------------------------------------------------------- glossary


def glossary_handout() -> Handout:
    """The whole glossary in two columns that flow over two pages (make_handouts picks
    the largest font size that fits).

    Sources are left to the glossary page of the lessons, which names them: on paper they
    would take more room than the definitions.
    """
    terms = load_glossary()
    lessons = {lesson.id: lesson.number for lesson in load_lessons()}
    items = []
    for t in terms:
        number = el("span", f"[{lessons[t.lesson]}]", class_="muted")
        items.append(el("dt", t.term, " ", number))
        items.append(el("dd", t.definition))
    sheet = join(
        [
            el("h1", "Glossary"),
            _muted(
                "The words the lessons use, A to Z; [01] is the lesson where a word is first "
                "needed. The glossary page of the lessons gives the source of each medical claim."
            ),
            el("dl", items, class_="glossary"),
            _footer(),
        ]
    )
    return Handout("glossary", "Glossary", (sheet,), pages=2)


# ---------------------------------------------------------------- exit tickets


def _ticket_sheet(key: str, title: str, questions: list[Question]) -> Markup:
    blocks = []
    for number, q in enumerate(questions, start=1):
        if q.kind == "sort":
            choices = el(
                "ul",
                [el("li", word) for word in SORT_OPTIONS],
                class_="options",
                style={"display": "flex", "gap": "8mm"},
            )
        else:
            choices = _options(q)
        blocks.append(el("div", el("strong", f"{number}. {q.prompt}"), choices, class_="question"))
    return join(
        [
            el("h1", title),
            _who("Name", "Class", "Date"),
            _muted("Tick one box for each question. One answer each: no changing."),
            *blocks,
            el("p", el("strong", "One thing I am still not sure about:")),
            _lines(2),
            _footer(f" · ticket {key}"),
        ]
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
        sections.append(el("h2", title))
        sections.append(
            _key_table(
                ["#", "Question", "Answer", "Why"],
                (
                    (
                        n,
                        q.prompt,
                        el("strong", _answer_label(q)),
                        q.options[q.answer_index].feedback,
                    )
                    for n, q in enumerate(questions, start=1)
                ),
            )
        )
    key = join(
        [
            el("h1", "Exit tickets: answer key"),
            _muted(
                "The same questions as the Exit tickets notebook (lessons/exit_tickets.ipynb); "
                "handed-in codes and files are marked by the teacher's command, see the "
                "classroom pack guide."
            ),
            *sections,
            _footer(),
        ]
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
    """One page per sheet, on either paper size (unless a sheet is meant to flow on)."""
    return handout.pages or len(handout.sheets)


def index_html(handouts: list[Handout], sizes: list[str]) -> str:
    rows = [
        (
            h.title,
            len(h.sheets),
            *[
                join(
                    [
                        el("a", "PDF", href=f"{size}/{h.stem}.pdf"),
                        " · ",
                        el("a", "HTML", href=f"{size}/{h.stem}.html"),
                    ]
                )
                for size in sizes
            ],
        )
        for h in handouts
    ]
    return page(
        "Classroom pack: handouts",
        CSS,
        [
            el("h1", "MS vs ALS: classroom pack handouts"),
            el(
                "p",
                "Generated from the lesson's data files, so they match the lessons. Print at "
                "100% (no 'fit to page').",
            ),
            _key_table(["Handout", "Pages", *sizes], rows),
        ],
    )
