"""Export every lesson's self-check questions for learning platforms (``make quiz-export``).

Writes, from ``data/quiz.yaml`` through :func:`widgets.quiz_logic.load_questions`:

* ``ms-vs-als.gift.txt``: Moodle GIFT, one category per lesson, feedback on every option;
* ``qti/<lesson>.zip``: one IMS QTI 1.2 package per lesson (``imsmanifest.xml`` plus the
  assessment), the version Canvas imports as a "QTI .zip file" and Blackboard, Brightspace
  and other platforms accept;
* ``ms-vs-als-questions.csv``: one row per question for form tools and spreadsheets.

Each question is worth one point; exactly one option is right, as in the lessons.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from widgets.lesson_map import load_lessons
from widgets.quiz_logic import Question, load_questions, option_letter

ROOT = Path(__file__).resolve().parent.parent
GIFT_NAME = "ms-vs-als.gift.txt"
CSV_NAME = "ms-vs-als-questions.csv"
QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
MAX_OPTIONS = 6
GIFT_SPECIAL = "\\~=#{}:"


def stem(question: Question) -> str:
    """The question as a student reads it: the case (for a vignette), then the prompt."""
    return f"Case: {question.case}\n\n{question.prompt}" if question.case else question.prompt


def lesson_titles() -> dict[str, str]:
    return {lesson.id: f"{lesson.number} {lesson.title}" for lesson in load_lessons()}


def questions_by_lesson() -> dict[str, list[Question]]:
    grouped: dict[str, list[Question]] = {}
    for question in load_questions():
        grouped.setdefault(question.lesson, []).append(question)
    return grouped


# ---------------------------------------------------------------- GIFT


def gift_escape(text: str) -> str:
    """Backslash-escape GIFT's special characters (and the backslash); newlines as ``\\n``."""
    for char in GIFT_SPECIAL:
        text = text.replace(char, "\\" + char)
    return text.replace("\r\n", "\n").replace("\n", "\\n")


def gift_category(title: str) -> str:
    # A category line is not unescaped by importers: keep it free of special characters.
    return "".join(c for c in title if c not in GIFT_SPECIAL + "/").strip()


def gift_text(grouped: dict[str, list[Question]], titles: dict[str, str]) -> str:
    lines = [
        "// MS vs ALS lesson: self-check questions, generated from data/quiz.yaml.",
        "// Import into Moodle: Question bank > Import > GIFT format.",
        "",
    ]
    for lesson, questions in grouped.items():
        lines += [f"$CATEGORY: MS vs ALS/{gift_category(titles[lesson])}", ""]
        for question in questions:
            lines.append(f"// {question.id} ({question.kind}, topic: {question.topic})")
            lines.append(f"::{gift_escape(question.id)}::[plain]{gift_escape(stem(question))}{{")
            for option in question.options:
                mark = "=" if option.correct else "~"
                lines.append(f"{mark}{gift_escape(option.text)}#{gift_escape(option.feedback)}")
            lines += ["}", ""]
    return "\n".join(lines)


# ---------------------------------------------------------------- QTI 1.2


def _material(parent: ET.Element, text: str) -> None:
    material = ET.SubElement(parent, "material")
    ET.SubElement(material, "mattext", texttype="text/plain").text = text


def _field(parent: ET.Element, label: str, entry: str) -> None:
    field = ET.SubElement(parent, "qtimetadatafield")
    ET.SubElement(field, "fieldlabel").text = label
    ET.SubElement(field, "fieldentry").text = entry


def option_ident(question: Question, index: int) -> str:
    return f"{question.id}_{option_letter(index)}"


def qti_item(section: ET.Element, question: Question) -> None:
    item = ET.SubElement(section, "item", ident=question.id, title=question.id)
    metadata = ET.SubElement(ET.SubElement(item, "itemmetadata"), "qtimetadata")
    _field(metadata, "question_type", "multiple_choice_question")
    _field(metadata, "points_possible", "1")
    presentation = ET.SubElement(item, "presentation")
    _material(presentation, stem(question))
    response = ET.SubElement(presentation, "response_lid", ident="response1", rcardinality="Single")
    choices = ET.SubElement(response, "render_choice")
    for index, option in enumerate(question.options):
        label = ET.SubElement(choices, "response_label", ident=option_ident(question, index))
        _material(label, option.text)
    processing = ET.SubElement(item, "resprocessing")
    outcomes = ET.SubElement(processing, "outcomes")
    ET.SubElement(
        outcomes, "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal"
    )
    for index in range(len(question.options)):
        ident = option_ident(question, index)
        condition = ET.SubElement(processing, "respcondition", {"continue": "Yes"})
        ET.SubElement(
            ET.SubElement(condition, "conditionvar"), "varequal", respident="response1"
        ).text = ident
        ET.SubElement(
            condition, "displayfeedback", feedbacktype="Response", linkrefid=f"{ident}_fb"
        )
    right = option_ident(question, question.answer_index)
    condition = ET.SubElement(processing, "respcondition", {"continue": "No"})
    ET.SubElement(
        ET.SubElement(condition, "conditionvar"), "varequal", respident="response1"
    ).text = right
    ET.SubElement(condition, "setvar", action="Set", varname="SCORE").text = "100"
    for index, option in enumerate(question.options):
        feedback = ET.SubElement(item, "itemfeedback", ident=f"{option_ident(question, index)}_fb")
        _material(ET.SubElement(feedback, "flow_mat"), option.feedback)


def qti_assessment(lesson: str, title: str, questions: list[Question]) -> bytes:
    root = ET.Element("questestinterop", xmlns=QTI_NS)
    assessment = ET.SubElement(root, "assessment", ident=f"msals_{lesson}", title=title)
    metadata = ET.SubElement(ET.SubElement(assessment, "qtimetadata"), "qtimetadatafield")
    ET.SubElement(metadata, "fieldlabel").text = "cc_maxattempts"
    ET.SubElement(metadata, "fieldentry").text = "1"
    section = ET.SubElement(assessment, "section", ident="root_section")
    for question in questions:
        qti_item(section, question)
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8")


def qti_manifest(lesson: str, href: str) -> bytes:
    root = ET.Element("manifest", identifier=f"msals_{lesson}_manifest", xmlns=CP_NS)
    metadata = ET.SubElement(root, "metadata")
    ET.SubElement(metadata, "schema").text = "IMS Content"
    ET.SubElement(metadata, "schemaversion").text = "1.1.3"
    ET.SubElement(root, "organizations")
    resources = ET.SubElement(root, "resources")
    resource = ET.SubElement(
        resources, "resource", identifier=f"msals_{lesson}", type="imsqti_xmlv1p2", href=href
    )
    ET.SubElement(resource, "file", href=href)
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8")


def qti_package(lesson: str, title: str, questions: list[Question]) -> bytes:
    href = f"msals_{lesson}/msals_{lesson}.xml"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("imsmanifest.xml", qti_manifest(lesson, href))
        package.writestr(href, qti_assessment(lesson, title, questions))
    return buffer.getvalue()


# ---------------------------------------------------------------- CSV

CSV_HEADER = [
    "lesson",
    "question_id",
    "kind",
    "topic",
    "case",
    "prompt",
    "correct",
    *[f"option_{option_letter(i)}" for i in range(MAX_OPTIONS)],
    *[f"feedback_{option_letter(i)}" for i in range(MAX_OPTIONS)],
]


def csv_text(grouped: dict[str, list[Question]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for questions in grouped.values():
        for q in questions:
            pad = [""] * (MAX_OPTIONS - len(q.options))
            writer.writerow(
                [
                    q.lesson,
                    q.id,
                    q.kind,
                    q.topic,
                    q.case or "",
                    q.prompt,
                    option_letter(q.answer_index),
                    *[o.text for o in q.options],
                    *pad,
                    *[o.feedback for o in q.options],
                    *pad,
                ]
            )
    return buffer.getvalue()


# ---------------------------------------------------------------- all of it


def export_all(out: Path) -> list[Path]:
    grouped = questions_by_lesson()
    titles = lesson_titles()
    (out / "qti").mkdir(parents=True, exist_ok=True)
    written = [out / GIFT_NAME, out / CSV_NAME]
    written[0].write_text(gift_text(grouped, titles), encoding="utf-8")
    # utf-8-sig: spreadsheet programs then read the accents and symbols correctly.
    written[1].write_text(csv_text(grouped), encoding="utf-8-sig")
    for lesson, questions in grouped.items():
        path = out / "qti" / f"{lesson}.zip"
        path.write_bytes(qti_package(lesson, f"Self-check: {titles[lesson]}", questions))
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "quiz-export")
    args = parser.parse_args(argv)
    written = export_all(args.out)
    for path in written:
        print(f"wrote {path.relative_to(args.out)}")
    print(f"{len(written)} files in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
