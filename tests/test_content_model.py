"""The content model: the generic builder, the shared schema definitions, the cross-file table.

``widgets/content/<name>.py`` (typed model) and ``<name>.schema.json`` (schema) describe
``data/<name>.yaml``; :mod:`widgets.content.loader` checks and builds them.
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass, field

import pytest

from tests.conftest import DATA
from widgets.content import (
    CROSS_FILE,
    DataError,
    document_names,
    format_path,
    load,
    load_document,
)
from widgets.content.build import build, key
from widgets.content.loader import COMMON_SCHEMA, SCHEMA_DIR, model_module, values_at

# --------------------------------------------------------------------------- the builder


@dataclass(frozen=True)
class Inner:
    n: float
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Outer:
    name: str
    start: str = field(metadata=key("from"))
    inner: Inner
    items: tuple[Inner, ...]
    pair: tuple[int, str]
    scores: dict[str, int]
    names: list[str]
    maybe: Inner | None = None
    flag: bool = False


RAW = {
    "name": "x",
    "from": "spinal cord",
    "inner": {"n": 2, "tags": ["a", "b"]},
    "items": [{"n": 1.5}, {"n": 3}],
    "pair": [4, "four"],
    "scores": {"a": 1},
    "names": ["p", "q"],
}


def test_the_builder_makes_nested_frozen_objects_from_plain_data():
    built = build(Outer, RAW)
    assert built == Outer(
        name="x",
        start="spinal cord",
        inner=Inner(2, ("a", "b")),
        items=(Inner(1.5), Inner(3)),
        pair=(4, "four"),
        scores={"a": 1},
        names=["p", "q"],
    )
    assert built.maybe is None and built.flag is False  # absent keys take the default
    assert isinstance(built.inner.n, int)  # an int in a float field is kept as written
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.name = "y"  # type: ignore[misc]


def test_the_builder_fills_optional_nested_values():
    built = build(Outer, {**RAW, "maybe": {"n": 7, "tags": ["z"]}, "flag": True})
    assert built.maybe == Inner(7, ("z",)) and built.flag is True


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"colour": "red"}, r"Outer: Outer has no field for colour"),
        ({"inner": {"n": "two"}}, r"Outer\.inner\.n: expected a number"),
        ({"items": [{"n": 1}, {"n": True}]}, r"Outer\.items\[1\]\.n: expected a number"),
        ({"pair": [1, "one", "extra"]}, r"Outer\.pair: expected 2 items"),
        ({"name": 5}, r"Outer\.name: expected str"),
        ({"from": None}, r"Outer\.from: expected str"),
    ],
)
def test_a_model_that_disagrees_with_its_data_is_a_type_error(change, message):
    with pytest.raises(TypeError, match=message):
        build(Outer, {**RAW, **change})


def test_a_missing_required_field_is_a_type_error():
    raw = dict(RAW)
    del raw["name"]
    with pytest.raises(TypeError, match=r"Outer\.name has no value and no default"):
        build(Outer, raw)


# --------------------------------------------------------------------------- one model per file


def test_every_data_file_has_a_schema_and_a_typed_model_beside_it():
    for name in document_names():
        assert (SCHEMA_DIR / f"{name}.schema.json").is_file(), name
        module = model_module(name)
        assert module.__file__ == str(SCHEMA_DIR / f"{name}.py"), name
        model = load(name)
        assert isinstance(model, module.MODEL), name
        assert dataclasses.is_dataclass(model) and model.__dataclass_params__.frozen, name
    references = model_module("references")
    assert (SCHEMA_DIR / "references.schema.json").is_file() and references.MODEL


def test_typed_models_are_cached_and_follow_edits(edit_data):
    first = load("glossary")
    assert load("glossary") is first
    edit_data("glossary", lambda d: d["terms"][0].update(definition="A new definition here."))
    assert load("glossary").terms[0].definition == "A new definition here."


def test_a_rule_of_the_model_names_file_and_field(edit_data):
    edit_data("classroom", lambda d: d["periods"][1]["segments"][0].update(minutes=1))
    with pytest.raises(DataError, match=r"data/classroom\.yaml: periods\[1\]\.segments: "):
        load("classroom")


# --------------------------------------------------------------------------- shared definitions


def _schemas() -> dict[str, dict]:
    return {
        path.name: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(SCHEMA_DIR.glob("*.schema.json"))
    }


def _properties(node, path=()):
    """(path, property name, property schema) for every property in a schema."""
    if isinstance(node, dict):
        for name, value in node.get("properties", {}).items():
            yield path, name, value
        for key_, value in node.items():
            yield from _properties(value, (*path, key_))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _properties(value, (*path, index))


COMMON = f"{COMMON_SCHEMA}#/$defs/"
SHARED = {
    "source": "source",
    "sources": "sources",
    "certainty": "certainty",
    "lesson": "lesson_id",
}
# Ids with a shape of their own: periods are P1, P2 (classroom); references use hyphens.
OWN_ID = {("classroom.schema.json", "P"), ("references.schema.json", "reference_id")}


def test_repeated_shapes_are_written_once_in_the_common_schema():
    schemas = _schemas()
    common = schemas.pop(COMMON_SCHEMA)
    assert set(common["$defs"]) >= {"id", "lesson_id", "source", "sources", "certainty"}
    used = set()
    for file, schema in schemas.items():
        for path, name, prop in _properties(schema):
            ref = prop.get("$ref", "")
            used.add(ref)
            where = f"{file}: {'.'.join(map(str, path))}.{name}"
            if name in SHARED:
                assert ref == COMMON + SHARED[name], where
            elif name == "id":
                assert ref.startswith(COMMON) or (file, "P") in OWN_ID, where
                if not ref.startswith(COMMON):
                    assert prop["pattern"] == "^P[0-9]$", where
            assert "enum" not in prop or "illustrative" not in prop["enum"], where
    # Every file refers to the common schema, and every shared shape is used somewhere.
    assert all(COMMON_SCHEMA in json.dumps(schema) for schema in schemas.values())
    refs = set(re.findall(r'"\$ref": "([^"]+)"', json.dumps([common, *schemas.values()])))
    for definition in common["$defs"]:
        assert {COMMON + definition, f"#/$defs/{definition}"} & refs, definition


def test_the_shared_id_shape_is_enforced_in_every_file_that_uses_it(edit_data):
    edit_data("glossary", lambda d: d["terms"][0].update(id="Not An Id"))
    with pytest.raises(DataError, match=r"glossary\.yaml: terms\[0\]\.id: 'Not An Id' does not"):
        load_document("glossary")
    edit_data("objectives", lambda d: d["objectives"][0].update(lesson="three"))
    with pytest.raises(DataError, match=r"objectives\[0\]\.lesson: 'three' does not match"):
        load_document("objectives")


# --------------------------------------------------------------------------- cross-file links


def _set_first(document, field_path: str, value):
    path, _ = next(values_at(document, field_path))
    node = document
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return path


@pytest.mark.parametrize("link", CROSS_FILE, ids=lambda link: f"{link.file}:{link.field}")
def test_each_cross_file_link_is_checked(link, edit_data):
    bad = "09_nowhere" if link.target_field == "lessons[*].id" else "zz_nowhere"
    where = {}
    edit_data(link.file, lambda d: where.update(path=_set_first(d, link.field, bad)))
    with pytest.raises(DataError) as caught:
        load(link.file)
    error = caught.value
    assert error.file == f"data/{link.file}.yaml"
    assert error.problem.startswith(f"unknown id '{bad}'; known ids: ")
    known = [value for _, value in values_at(load_document(link.target), link.target_field)]
    assert error.problem.endswith(", ".join(known))
    # The field is where the bad id was written (the quiz also names the question's id).
    assert re.sub(r" \('[a-z0-9_]+'\)", "", error.field) == format_path(where["path"])


def test_every_link_points_at_a_real_field():
    for link in CROSS_FILE:
        assert list(values_at(load_document(link.file), link.field)), link
        assert list(values_at(load_document(link.target), link.target_field)), link


def test_the_table_names_every_field_that_holds_another_items_id():
    """A field of these names holds ids defined elsewhere: each one must be in CROSS_FILE."""
    linked = {(link.file, link.field) for link in CROSS_FILE}
    id_fields = {"lesson", "lessons", "objectives", "topic", "verdict", "structures"}
    id_fields |= {"pathways", "fibre", "treatments"}
    found = set()

    def walk(node, path, file):
        if isinstance(node, dict):
            for name, value in node.items():
                step = f"{path}.{name}" if path else name
                if name in id_fields and (isinstance(value, str) or _strings(value)):
                    found.add((file, step + ("[*]" if isinstance(value, list) else "")))
                walk(value, step, file)
        elif isinstance(node, list):
            for item in node:
                walk(item, f"{path}[*]", file)

    for name in document_names():
        walk(load_document(name), "", name)
    assert found == linked


def _strings(value) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) for v in value)


def test_data_folder_is_only_content():
    """Schemas live beside their models, not in data/."""
    assert not (DATA / "schemas").exists()


def test_a_data_file_without_a_model_is_named(data_copy):
    (data_copy / "notes.yaml").write_text("notes: []\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"notes\.schema\.json: no schema for data file"):
        load("notes")
    with pytest.raises(DataError, match=r"notes\.py: no typed model for data file 'notes\.yaml'"):
        model_module("notes")


def test_lookups_by_id_find_the_item_or_name_the_known_ids():
    from widgets.content import load

    timelines, conduction = load("timelines"), load("conduction")
    assert timelines.ms.course("ppms").id == "ppms"
    assert conduction.case("healthy").id == "healthy"
    with pytest.raises(KeyError, match=r"unknown id 'nope'; known ids: .*ppms"):
        timelines.ms.course("nope")
    with pytest.raises(KeyError, match=r"unknown id 'nope'; known ids: .*healthy"):
        conduction.case("nope")
