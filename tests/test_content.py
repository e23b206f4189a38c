"""The data layer: real content loads; each kind of broken file gives one clear error."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from tests.conftest import DATA, read_yaml
from widgets.content import (
    DataError,
    cited_sources,
    document_names,
    load,
    load_document,
    load_references,
)
from widgets.content.loader import SCHEMA_DIR
from widgets.lesson_map import load_lessons

DOCUMENTS = ["lessons", "at_a_glance"]


def test_real_documents_load_as_typed_models():
    lessons = load("lessons")
    assert [lesson.id for lesson in lessons.lessons] == [
        item["id"] for item in load_document("lessons")["lessons"]
    ]
    assert lessons.lessons[0].id == "00_start_here" and lessons.lessons[0].minutes > 0
    glance = load("at_a_glance")
    written = load_document("at_a_glance")["topics"]
    assert [t.ms.sources for t in glance.topics] == [tuple(t["ms"]["sources"]) for t in written]


def test_references_have_citations():
    references = load_references()
    assert len(references) >= 10
    assert all(len(ref.citation) > 20 for ref in references.values())


def test_every_document_has_a_schema_and_loads_as_written():
    names = document_names()
    assert set(DOCUMENTS) <= set(names)
    for name in names:
        assert (SCHEMA_DIR / f"{name}.schema.json").is_file(), name
        written = read_yaml(DATA / f"{name}.yaml")
        assert load_document(name) == written, f"{name}: the loader changed the content"


def test_every_schema_is_a_valid_json_schema():
    """The loader trusts the schemas (checking them cost each lesson most of its start-up)."""
    schemas = sorted(SCHEMA_DIR.glob("*.schema.json"))
    assert {p.name.removesuffix(".schema.json") for p in schemas} >= set(document_names())
    for path in schemas:
        schema = json.loads(path.read_text(encoding="utf-8"))
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema", path.name
        jsonschema.Draft202012Validator.check_schema(schema)  # raises SchemaError


def test_every_reference_is_cited_somewhere():
    cited = {ref for name in document_names() for _, ref in cited_sources(load_document(name))}
    unused = sorted(set(load_references()) - cited)
    assert not unused, f"references never cited in data/: {unused}"


def test_missing_file_is_named(data_copy):
    (data_copy / "at_a_glance.yaml").unlink()
    with pytest.raises(DataError, match=r"data/at_a_glance\.yaml: file not found"):
        load_document("at_a_glance")


def test_bad_yaml_names_file_and_line(data_copy):
    path = data_copy / "lessons.yaml"
    path.write_text("lessons:\n  - id: 00_start_here\n   title: [unclosed\n", encoding="utf-8")
    with pytest.raises(
        DataError, match=r"data/lessons\.yaml: line \d+, column \d+: not valid YAML"
    ):
        load_document("lessons")


def test_missing_field_names_path(edit_data):
    edit_data("at_a_glance", lambda d: d["topics"][2]["als"].pop("text"))
    with pytest.raises(DataError) as caught:
        load_document("at_a_glance")
    assert str(caught.value) == (
        "data/at_a_glance.yaml: topics[2].als: 'text' is required but missing"
    )


def test_wrong_type_names_path(edit_data):
    def change(document):
        document["lessons"][1]["minutes"] = "twenty"

    edit_data("lessons", change)
    with pytest.raises(
        DataError, match=r"data/lessons\.yaml: lessons\[1\]\.minutes: has the wrong type"
    ):
        load_document("lessons")


def test_unknown_field_is_rejected(edit_data):
    edit_data("lessons", lambda d: d["lessons"][0].update(colour="red"))
    with pytest.raises(DataError, match=r"lessons\[0\]: unexpected field .*'colour'"):
        load_document("lessons")


def test_dangling_source_names_path(edit_data):
    edit_data(
        "at_a_glance",
        lambda d: d["topics"][1]["ms"]["sources"].append("nobody-2099"),
    )
    with pytest.raises(DataError) as caught:
        load_document("at_a_glance")
    message = str(caught.value)
    assert message.startswith("data/at_a_glance.yaml: topics[1].ms.sources[1]: ")
    assert "unknown source id 'nobody-2099'" in message


def test_duplicate_id_names_path(edit_data):
    def change(document):
        document["topics"][3]["id"] = document["topics"][0]["id"]

    edit_data("at_a_glance", change)
    with pytest.raises(DataError, match=r"topics\[3\]\.id: duplicate id 'target'"):
        load_document("at_a_glance")


def test_unknown_status_value_is_rejected(edit_data):
    edit_data("lessons", lambda d: d["lessons"][0].update(status="finished"))
    with pytest.raises(DataError, match=r"lessons\[0\]\.status: 'finished' is not one of"):
        load_lessons()


def test_duplicate_reference_across_files(data_copy):
    core = read_yaml(data_copy / "references" / "core.yaml")
    extra = {"references": [core["references"][0]]}
    (data_copy / "references" / "zz_extra.yaml").write_text(yaml.safe_dump(extra), encoding="utf-8")
    with pytest.raises(
        DataError, match=r"data/references/zz_extra\.yaml: references\[0\]\.id: duplicate id"
    ):
        load_references()


def test_reference_without_citation(edit_data):
    edit_data("references/core", lambda d: d["references"][4].pop("citation"))
    with pytest.raises(
        DataError, match=r"data/references/core\.yaml: references\[4\]: 'citation' is required"
    ):
        load_document("lessons")


def test_edit_is_seen_without_restart(edit_data):
    before = load_lessons()[0].title
    edit_data("lessons", lambda d: d["lessons"][0].update(title="Welcome"))
    assert before != "Welcome"
    assert load_lessons()[0].title == "Welcome"


def test_loaded_document_is_a_private_copy():
    load_document("lessons")["lessons"].clear()
    assert load_document("lessons")["lessons"]


def test_error_is_a_value_error_with_parts(data_copy):
    (data_copy / "lessons.yaml").unlink()
    with pytest.raises(ValueError) as caught:
        load_lessons()
    assert caught.value.file == "data/lessons.yaml"
    assert caught.value.problem == "file not found"


def test_notebooks_show_one_line_instead_of_a_traceback(data_copy):
    (data_copy / "lessons.yaml").unlink()
    with pytest.raises(DataError) as caught:
        load_lessons()
    assert caught.value._render_traceback_() == [
        "DataError: data/lessons.yaml: file not found",
        "Fix the data file named above, then run this cell again.",
    ]


def test_no_work_is_listed_twice_under_different_ids():
    by_url: dict[str, str] = {}
    for ref in load_references().values():
        if ref.url:
            assert ref.url not in by_url, f"{ref.id} and {by_url[ref.url]} cite the same page"
            by_url[ref.url] = ref.id
