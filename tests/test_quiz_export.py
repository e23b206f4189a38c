"""The quiz exports read back the same as data/quiz.yaml: GIFT through gift-pegjs (a GIFT
grammar used by GIFT editing tools), QTI 1.2 through the standard library's XML parser
checked against the package structure, CSV through the csv module."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile

import pytest

from scripts import export_quiz
from tests.conftest import ROOT
from widgets.quiz_logic import Option, Question, load_questions, option_letter

TOOLS = ROOT / "tests" / "tools"
Q = "{" + export_quiz.QTI_NS + "}"
CP = "{" + export_quiz.CP_NS + "}"
NASTY = Question(
    id="nasty",
    lesson="03_symptoms",
    objectives=("symptoms_overlap",),
    kind="vignette",
    topic="symptoms",
    case='A case with ~ = # { } : and a \\ backslash, <b>tags</b> & "quotes".\nTwo lines.',
    prompt="Is 2 = 2? {really} a:b ~c #d",
    options=(
        Option("=right {one}", True, "Because ~ and # and : are fine."),
        Option("~wrong", False, "Not so: {braces} = trouble \\ usually."),
    ),
    sources=("nice-ng220",),
)


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("quiz-export")
    export_quiz.main(["--out", str(out)])
    return out


def expected():
    return export_quiz.questions_by_lesson()


def gift_parse(path):
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed to read GIFT back with gift-pegjs; install nodejs")
    if not (TOOLS / "node_modules" / "gift-pegjs").is_dir():
        subprocess.run(
            ["npm", "ci", "--silent", "--no-audit", "--no-fund"],
            cwd=TOOLS,
            check=True,
            timeout=300,
        )
    done = subprocess.run(
        [node, str(TOOLS / "parse_gift.js"), str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(done.stdout)


def test_every_lesson_with_questions_is_exported(exported):
    grouped = expected()
    assert sum(len(qs) for qs in grouped.values()) == len(load_questions())
    assert sorted(p.stem for p in (exported / "qti").glob("*.zip")) == sorted(grouped)
    assert (exported / export_quiz.GIFT_NAME).is_file()
    assert (exported / export_quiz.CSV_NAME).is_file()


def check_gift(parsed, grouped):
    categories = [item["title"] for item in parsed if item["type"] == "Category"]
    assert len(categories) == len(grouped)
    items = [item for item in parsed if item["type"] != "Category"]
    questions = [q for qs in grouped.values() for q in qs]
    assert [item["title"] for item in items] == [q.id for q in questions]
    for item, question in zip(items, questions, strict=True):
        assert item["type"] == "MC"
        assert item["stem"]["text"] == export_quiz.stem(question)
        assert [c["text"]["text"] for c in item["choices"]] == [o.text for o in question.options]
        assert [c["isCorrect"] for c in item["choices"]] == [o.correct for o in question.options]
        feedback = [c["feedback"]["text"] for c in item["choices"]]
        assert feedback == [o.feedback for o in question.options]


def test_gift_reads_back_the_same(exported):
    check_gift(gift_parse(exported / export_quiz.GIFT_NAME), expected())


def test_gift_escapes_special_characters(tmp_path):
    grouped = {"03_symptoms": [NASTY]}
    path = tmp_path / "nasty.gift.txt"
    path.write_text(export_quiz.gift_text(grouped, {"03_symptoms": "03 A: {b}"}), "utf-8")
    text = path.read_text("utf-8")
    assert "\\~ \\= \\# \\{ \\} \\:" in text and "\\\\ backslash" in text
    check_gift(gift_parse(path), grouped)


def qti_items(data: bytes):
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        manifest = ET.fromstring(package.read("imsmanifest.xml"))
        resources = manifest.findall(f"{CP}resources/{CP}resource")
        assert len(resources) == 1
        assert resources[0].get("type") == "imsqti_xmlv1p2"
        href = resources[0].get("href")
        assert resources[0].find(f"{CP}file").get("href") == href
        root = ET.fromstring(package.read(href))
    assert root.tag == f"{Q}questestinterop"
    assessment = root.find(f"{Q}assessment")
    return assessment, assessment.findall(f"{Q}section/{Q}item")


def read_item(item):
    """(stem, [(option, correct, feedback)]) as an importer would read a QTI 1.2 item."""
    fields = {
        f.findtext(f"{Q}fieldlabel"): f.findtext(f"{Q}fieldentry")
        for f in item.iter(f"{Q}qtimetadatafield")
    }
    assert fields == {"question_type": "multiple_choice_question", "points_possible": "1"}
    presentation = item.find(f"{Q}presentation")
    stem = presentation.findtext(f"{Q}material/{Q}mattext")
    response = presentation.find(f"{Q}response_lid")
    assert response.get("rcardinality") == "Single"
    labels = response.findall(f"{Q}render_choice/{Q}response_label")
    feedback = {
        fb.get("ident"): fb.findtext(f"{Q}flow_mat/{Q}material/{Q}mattext")
        for fb in item.findall(f"{Q}itemfeedback")
    }
    scored, shown = [], {}
    for condition in item.findall(f"{Q}resprocessing/{Q}respcondition"):
        ident = condition.findtext(f"{Q}conditionvar/{Q}varequal")
        setvar = condition.find(f"{Q}setvar")
        if setvar is not None and setvar.get("varname") == "SCORE" and setvar.text == "100":
            scored.append(ident)
        display = condition.find(f"{Q}displayfeedback")
        if display is not None:
            shown[ident] = feedback[display.get("linkrefid")]
    options = [
        (
            label.findtext(f"{Q}material/{Q}mattext"),
            label.get("ident") in scored,
            shown[label.get("ident")],
        )
        for label in labels
    ]
    return stem, options


def test_qti_reads_back_the_same(exported):
    for lesson, questions in expected().items():
        assessment, items = qti_items((exported / "qti" / f"{lesson}.zip").read_bytes())
        assert assessment.get("title").startswith("Self-check: " + lesson[:2])
        assert [item.get("ident") for item in items] == [q.id for q in questions]
        for item, question in zip(items, questions, strict=True):
            stem, options = read_item(item)
            assert stem == export_quiz.stem(question)
            assert options == [(o.text, o.correct, o.feedback) for o in question.options]


def test_qti_escapes_markup():
    data = export_quiz.qti_package("03_symptoms", "T <&>", [NASTY])
    raw = zipfile.ZipFile(io.BytesIO(data)).read("msals_03_symptoms/msals_03_symptoms.xml")
    assert b"<b>tags" not in raw and b"&lt;b&gt;tags" in raw
    _, items = qti_items(data)
    stem, options = read_item(items[0])
    assert stem == export_quiz.stem(NASTY)
    assert options == [(o.text, o.correct, o.feedback) for o in NASTY.options]


def read_csv(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_reads_back_the_same(exported):
    rows = read_csv((exported / export_quiz.CSV_NAME).read_text(encoding="utf-8-sig"))
    questions = [q for qs in expected().values() for q in qs]
    assert [row["question_id"] for row in rows] == [q.id for q in questions]
    for row, q in zip(rows, questions, strict=True):
        assert (row["lesson"], row["kind"], row["prompt"]) == (q.lesson, q.kind, q.prompt)
        assert row["case"] == (q.case or "")
        assert row["correct"] == option_letter(q.answer_index)
        for i, option in enumerate(q.options):
            letter = option_letter(i)
            assert (row[f"option_{letter}"], row[f"feedback_{letter}"]) == (
                option.text,
                option.feedback,
            )
        for i in range(len(q.options), export_quiz.MAX_OPTIONS):
            assert row[f"option_{option_letter(i)}"] == ""


def test_csv_quotes_commas_quotes_and_newlines():
    rows = read_csv(export_quiz.csv_text({"03_symptoms": [NASTY]}))
    assert rows[0]["case"] == NASTY.case
    assert rows[0]["feedback_B"] == NASTY.options[1].feedback
