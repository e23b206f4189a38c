"""Write the generated parts of ``docs/classroom-pack.md`` from ``data/`` (run by ``make guide``).

    python -m scripts.make_pack_doc          # rewrite the generated blocks and QR codes
    python -m scripts.make_pack_doc --check  # exit 1 if anything is out of date

Each generated block sits between ``<!-- pack:begin NAME -->`` and ``<!-- pack:end NAME -->``;
the prose around them is written by hand (its Binder links, and those of the README and
the lessons, are rewritten to ``BINDER_REPO``). The blocks: links per lesson (Binder, presenter
view, read-only copy) with a QR code each, the two period plans with their timings, the
support and extension tasks, the handouts, and the exit tickets' questions. QR codes are
SVG files in ``docs/qr/``, made offline with segno (a small pure-Python QR library,
``requirements-dev.txt``).
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from pathlib import Path
from urllib.parse import quote

from scripts.handout_pages import all_handouts, expected_pages
from widgets.classroom import MODES, load_plan, tickets
from widgets.glossary import load_glossary
from widgets.html import el
from widgets.lesson_map import load_lessons

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "classroom-pack.md"
QR_DIR = ROOT / "docs" / "qr"
# The GitHub repository Binder builds the lessons from: the ONE place to change it (a fork,
# a move). Then run `make guide`: it rewrites every Binder link (the README's badge, lesson
# 00, this pack's table and QR codes); tests/test_classroom_pack.py fails until it is run.
BINDER_REPO = "msals-lessons/ms-vs-als"
BINDER = f"https://mybinder.org/v2/gh/{BINDER_REPO}/HEAD"
# Any Binder launch link to a GitHub repository, up to the ref: what `make guide` rewrites.
BINDER_LINK = re.compile(r"https://mybinder\.org/v2/gh/[^/\s)\"'<>]+/[^/\s)\"'<>]+/[^?/\s)\"'<>]+")
# Hand-written files whose Binder links follow BINDER_REPO.
LINKED_FILES = ("README.md", "docs/*.md", "lessons/*.ipynb")
# The lesson the presenter-mode browser test opens through a Jupyter server.
PRESENTER_LESSON = "02_what_each_disease_damages"
# JupyterLab View-menu commands a teacher uses to project a lesson (checked in a browser).
LAB_COMMANDS = {
    "notebook:hide-all-cell-code": "Collapse All Code",
    "application:toggle-presentation-mode": "Presentation Mode",
}
# What a segment that belongs to no lesson is called in the plan.
UNLINKED_PARTS = {
    "logistics": "Log in and launch",
    "ticket": MODES["ticket"],
    "teacher-led": "Close",
    "hands-on": "Activity",
}
BLOCK = re.compile(r"(<!-- pack:begin (\w+) -->\n)(.*?)(<!-- pack:end \2 -->)", re.DOTALL)


def qr_image(stem: str, name: str) -> str:
    """The QR code that opens ``stem`` on Binder, as an image in the pack's table."""
    return str(el("img", src=f"qr/{stem}.svg", alt=f"QR code: {name} on Binder", width="90"))


def binder_url(lesson_id: str) -> str:
    return f"{BINDER}?urlpath=" + quote(f"lab/tree/lessons/{lesson_id}.ipynb", safe="/")


def presenter_url(lesson_id: str) -> str:
    return f"{BINDER}?urlpath=" + quote(f"voila/render/lessons/{lesson_id}.ipynb", safe="/")


def qr_svg(url: str, title: str) -> bytes:
    import segno

    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=3, border=2, title=title)
    return buffer.getvalue()


# Notebooks students open besides the numbered lessons: (notebook, title).
COMPANIONS = (("exit_tickets", "Exit tickets (one per period)"), ("glossary", "Glossary"))


def qr_files() -> dict[Path, bytes]:
    files = {
        QR_DIR / f"{lesson.id}.svg": qr_svg(binder_url(lesson.id), f"Lesson {lesson.number}")
        for lesson in load_lessons()
        if lesson.status == "ready"
    }
    for stem, title in COMPANIONS:
        files[QR_DIR / f"{stem}.svg"] = qr_svg(binder_url(stem), title)
    return files


def links_block() -> str:
    rows = [
        "| # | Lesson | Min | Open on Binder | Presenter view (Binder) | Read-only page "
        "| QR (Binder) |",
        "|---|---|---|---|---|---|---|",
    ]
    for lesson in load_lessons():
        if lesson.status != "ready":
            continue
        rows.append(
            f"| {lesson.number} | {lesson.title} | {lesson.minutes} "
            f"| [open]({binder_url(lesson.id)}) | [present]({presenter_url(lesson.id)}) "
            f"| `read/{lesson.id}.html` "
            f"| {qr_image(lesson.id, f'lesson {lesson.number}')} |"
        )
    for stem, title in COMPANIONS:
        read = "`read/glossary.html`" if stem == "glossary" else "(paper ticket)"
        rows.append(
            f"| – | {title} | 5 | [open]({binder_url(stem)}) | – | {read} "
            f"| {qr_image(stem, title)} |"
        )
    return "\n".join(rows) + "\n"


def _clock(minute: int) -> str:
    return f"{minute // 60}:{minute % 60:02d}"


def plans_block() -> str:
    plan = load_plan()
    titles = {lesson.id: f"{lesson.number} {lesson.title}" for lesson in load_lessons()}
    out = []
    for period in plan.periods:
        out += [
            f"#### Period {period.number}: {period.title}",
            "",
            "| Time | Min | Part | Led by | Core? | What happens |",
            "|---|---|---|---|---|---|",
        ]
        start = 0
        for segment in period.segments:
            part = titles[segment.lesson] if segment.lesson else UNLINKED_PARTS[segment.mode]
            leader = {
                "logistics": "everyone",
                "teacher-led": "teacher (projector)",
                "hands-on": "students",
                "ticket": "students",
            }[segment.mode]
            core = "core" if segment.core else "optional"
            out.append(
                f"| {_clock(start)}–{_clock(start + segment.minutes)} | {segment.minutes} "
                f"| {part} | {leader} | {core} | {segment.what} |"
            )
            start += segment.minutes
        optional = period.minutes - period.core_minutes
        out += [
            "",
            f"Total: **{period.minutes} minutes** = {period.core_minutes} core + {optional} "
            f"optional. Logins and the exit ticket are inside the {plan.period_minutes}.",
            "",
        ]
    return "\n".join(out)


def tasks_block() -> str:
    titles = {lesson.id: f"{lesson.number} {lesson.title}" for lesson in load_lessons()}
    rows = ["| Lesson | Support | Extension |", "|---|---|---|"]
    for task in load_plan().tasks:
        rows.append(f"| {titles[task.lesson]} | {task.support} | {task.extension} |")
    return "\n".join(rows) + "\n"


def handouts_block() -> str:
    rows = ["| Handout | Pages (A4 and Letter) | Use |", "|---|---|---|"]
    uses = {
        "diagram": "period 1, lesson 01: blank to fill in, labelled to check",
        "sort-cards": "period 2, lesson 03: cut out, sort in pairs; last page is the key",
        "case-studies": "lesson 07 or homework; the last page is the key",
        "glossary": "hand out in period 1; keep for revision",
        "exit-tickets": "one ticket per period, and the key",
    }
    for handout in all_handouts():
        rows.append(f"| {handout.title} | {expected_pages(handout)} | {uses[handout.stem]} |")
    return "\n".join(rows) + "\n"


def tickets_block() -> str:
    plan = load_plan()
    known = tickets(plan)
    out = []
    for period in plan.periods:
        title, questions = known[period.id]
        out.append(f"**{title}** ({len(questions)} questions)")
        out.append("")
        out += [f"{n}. {q.prompt}" for n, q in enumerate(questions, start=1)]
        out.append("")
    return "\n".join(out)


# Words upper-secondary specifications use for the lesson's ideas (UK spellings included).
EXAM_WORDS = (
    "neurone",
    "action potential",
    "saltatory conduction",
    "node of Ranvier",
    "Schwann cell",
    "oligodendrocyte",
    "myelin",
    "motor neuron",
    "sensory pathway",
    "central nervous system",
    "peripheral nervous system",
)


def vocab_block() -> str:
    lessons = load_lessons()
    titles = {lesson.id: f"{lesson.number} {lesson.title}" for lesson in lessons}
    order = {lesson.id: index for index, lesson in enumerate(lessons)}
    terms = load_glossary()
    rows = ["| Exam word | Glossary entry | First needed in |", "|---|---|---|"]
    for word in EXAM_WORDS:
        # The entry named after the word (else one explaining it), earliest lesson first.
        found = [t for t in terms if word.casefold() in t.term.casefold()] or [
            t for t in terms if word.casefold() in t.definition.casefold()
        ]
        if found:
            term = min(found, key=lambda t: (order[t.lesson], len(t.term)))
            rows.append(f"| {word} | {term.term} | {titles[term.lesson]} |")
        else:
            rows.append(f"| {word} | not in the glossary yet | – |")
    return "\n".join(rows) + "\n"


BLOCKS = {
    "vocab": vocab_block,
    "links": links_block,
    "plans": plans_block,
    "tasks": tasks_block,
    "handouts": handouts_block,
    "tickets": tickets_block,
}


def render(text: str) -> str:
    """The document with every generated block rewritten from the data."""
    found = {match.group(2) for match in BLOCK.finditer(text)}
    missing = sorted(set(BLOCKS) - found)
    if missing:
        raise SystemExit(f"{DOC.name}: no pack:begin/pack:end markers for {missing}")
    return BLOCK.sub(lambda m: m.group(1) + BLOCKS[m.group(2)]() + m.group(4), text)


def with_binder_repo(text: str) -> str:
    """``text`` with every Binder launch link pointing at ``BINDER_REPO``."""
    return BINDER_LINK.sub(BINDER, text)


def linked_files() -> dict[Path, bytes]:
    """The hand-written files with Binder links, as they should be (links rewritten)."""
    paths = sorted({p for pattern in LINKED_FILES for p in ROOT.glob(pattern)} - {DOC})
    return {p: with_binder_repo(p.read_text(encoding="utf-8")).encode("utf-8") for p in paths}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report what is stale")
    args = parser.parse_args(argv)
    text = with_binder_repo(DOC.read_text(encoding="utf-8"))
    wanted = {DOC: render(text).encode("utf-8"), **qr_files(), **linked_files()}
    stale = [p for p, data in wanted.items() if not p.is_file() or p.read_bytes() != data]
    if args.check:
        for path in stale:
            print(f"out of date: {path.relative_to(ROOT)} (run make guide)")
        return 1 if stale else 0
    QR_DIR.mkdir(parents=True, exist_ok=True)
    for path in stale:
        path.write_bytes(wanted[path])
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
