"""The one loader: ``data/<name>.yaml`` read, validated, checked and built into typed objects.

Where each piece lives (``<name>`` is a data file's name, e.g. ``parts``):

* ``data/<name>.yaml``                 the content a teacher edits;
* ``widgets/content/<name>.schema.json`` its JSON Schema; shapes shared by several files
  (ids, sources, certainty, a sourced number) are ``$defs`` in ``common.schema.json``,
  referenced by ``$ref`` (their dataclasses, if any, in ``common.py``);
* ``widgets/content/<name>.py``         its typed model: frozen dataclasses, the top one
  named ``MODEL``, plus ``check(model, shown)`` for rules a schema cannot say (e.g. a
  period's minutes add up);
* this module                            reading, schema validation, unique ids, sources,
  every cross-file reference (:data:`CROSS_FILE`) and the build (:mod:`.build`).

:func:`load` returns the typed model; :func:`load_document` the validated plain data.
A broken file stops the lesson with one :class:`DataError` naming the file and the field.

A document that passed every check is kept, as JSON, in a validated-content cache
(``.cache/content/`` beside ``data/``; see :func:`cache_dir`), keyed on the bytes of
everything its checks read: the file, its schema, the shared schema, the reference files
and this module. A lesson kernel then reads that JSON instead of parsing YAML and
importing and running jsonschema; any edit changes the key, so the next load checks the
file again. Only documents that passed are written, so a broken file is never hidden.

In the browser-only site (``make site``) there is no ``data/``, PyYAML or jsonschema:
the build compiles every document with this same loader into one validated file,
``widgets/content/bundle.json``, shipped inside the package's wheel. When that file is
present (and ``$MSALS_DATA_DIR`` is not set), documents come from it instead.
"""

from __future__ import annotations

import copy
import hashlib
import importlib
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from .build import build
from .references import Reference

if TYPE_CHECKING:
    import jsonschema

HERE = Path(__file__).resolve().parent
REPO_DATA_DIR = HERE.parent.parent / "data"
SCHEMA_DIR = HERE  # <name>.schema.json sits beside its model <name>.py
COMMON_SCHEMA = "common.schema.json"
# Written only into the site's wheel by scripts/build_site.py, never into a checkout.
BUNDLE_FILE = HERE / "bundle.json"
# Where checked documents are kept (see cache_dir); "off" turns the cache off.
CACHE_ENV = "MSALS_CONTENT_CACHE"


class DataError(ValueError):
    """A data file is missing or malformed. The message names the file and the field."""

    def __init__(self, file: Path | str, field: str, problem: str):
        self.file = str(file)
        self.field = field
        self.problem = problem
        where = f"{self.file}: {field}" if field else self.file
        super().__init__(f"{where}: {problem}")

    def _render_traceback_(self) -> list[str]:
        # IPython calls this instead of printing a traceback: a teacher who broke a
        # data file sees one line naming the file and field, not the loader's insides.
        return [
            f"DataError: {self}",
            "Fix the data file named above, then run this cell again.",
        ]


def data_dir() -> Path:
    """The content folder: ``$MSALS_DATA_DIR`` if set (tests use it), else the repo's ``data/``."""
    return Path(os.environ.get("MSALS_DATA_DIR", REPO_DATA_DIR))


def _display(path: Path) -> str:
    """A short, readable file name for error messages (``data/parts.yaml``)."""
    try:
        return str(path.relative_to(data_dir().parent))
    except ValueError:
        return str(path)


def format_path(parts: Iterator[Any] | list[Any]) -> str:
    """Turn a JSON path such as ``['parts', 2, 'name']`` into ``parts[2].name``."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(top level)"


def _read_yaml(path: Path) -> Any:
    import yaml  # here, not at the top: the browser site has no PyYAML (see BUNDLE_FILE)

    shown = _display(path)
    if not path.is_file():
        raise DataError(shown, "", "file not found")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise DataError(shown, "", f"cannot be read ({err})") from None
    try:
        # libyaml's safe loader when PyYAML has it (its wheels do): about 10x faster.
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "(unknown line)"
        problem = getattr(err, "problem", None) or str(err)
        raise DataError(shown, where, f"not valid YAML: {problem}") from None


def _jsonschema():
    """jsonschema, imported on first use, without one slow optional format checker.

    Imported here, not at the top: the browser site has no jsonschema. Importing it
    imports every format-checking library it finds; one of them, ``rfc3987_syntax``
    (installed with JupyterLab), compiles its grammars at import time: about a second of
    every lesson's start-up. Our schemas use no ``format``, so it is kept out of this one
    import; anything importing it later gets it as usual.
    """
    if "jsonschema" not in sys.modules and "rfc3987_syntax" not in sys.modules:
        sys.modules["rfc3987_syntax"] = None  # makes `import rfc3987_syntax` fail fast
        try:
            import jsonschema
        finally:
            del sys.modules["rfc3987_syntax"]
    import jsonschema

    return jsonschema


@cache
def _schema(name: str) -> dict:
    path = SCHEMA_DIR / f"{name}.schema.json"
    if not path.is_file():
        raise DataError(_display(path), "", f"no schema for data file '{name}.yaml'")
    return json.loads(path.read_text(encoding="utf-8"))


def inline_common(node: Any, common: dict | None = None) -> Any:
    """``node`` with every ``{"$ref": "common.schema.json#/$defs/x"}`` replaced by ``x``.

    The files say each shared shape once, by reference; the validator gets them written
    out. Resolving ``$ref`` through a registry while validating cost a lesson about a
    tenth of a second; this is done once per schema. A reference with sibling keywords
    (``{"$ref": ..., "pattern": ...}``) keeps both, as ``allOf``.
    """
    defs = _common_defs() if common is None else common
    if isinstance(node, list):
        return [inline_common(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref", "")
    prefix = f"{COMMON_SCHEMA}#/$defs/"
    if ref.startswith(prefix):
        shared = defs[ref[len(prefix) :]]
        rest = {k: inline_common(v, defs) for k, v in node.items() if k != "$ref"}
        return {"allOf": [shared], **rest} if rest else shared
    return {k: inline_common(v, defs) for k, v in node.items()}


@cache
def _common_defs() -> dict:
    """The shared ``$defs``, each written out (they may refer to one another)."""
    raw = _schema("common")["$defs"]
    local = {f"#/$defs/{name}": f"{COMMON_SCHEMA}#/$defs/{name}" for name in raw}

    def absolute(node: Any) -> Any:
        if isinstance(node, list):
            return [absolute(item) for item in node]
        if isinstance(node, dict):
            return {k: local.get(v, v) if k == "$ref" else absolute(v) for k, v in node.items()}
        return node

    class Defs(dict):  # each definition written out on first use, so order does not matter
        def __missing__(self, name: str) -> Any:
            self[name] = inline_common(absolute(raw[name]), self)
            return self[name]

    defs = Defs()
    return {name: defs[name] for name in raw}


@cache
def _validator(name: str) -> jsonschema.Draft202012Validator:
    """The validator for ``data/<name>.yaml``, built once per process."""
    # Schemas are checked against the JSON Schema meta-schema by the tests
    # (tests/test_content.py), not here: that check alone took most of a lesson's start-up.
    return _jsonschema().Draft202012Validator(inline_common(_schema(name)))


def _validate(document: Any, validator: jsonschema.Draft202012Validator, shown: str) -> None:
    errors = sorted(
        validator.iter_errors(document), key=lambda e: (list(e.absolute_path), e.message)
    )
    if errors:
        # The deepest error is the one a teacher can act on.
        error = _jsonschema().exceptions.best_match(errors)
        raise DataError(shown, format_path(error.absolute_path), _plain_message(error))


def _plain_message(error: Any) -> str:
    """A teacher-readable message for a ``jsonschema.ValidationError``."""
    if error.validator == "required":
        return error.message.replace("is a required property", "is required but missing")
    if error.validator == "additionalProperties":
        return f"unexpected field ({error.message})"
    if error.validator == "type":
        return f"has the wrong type: {error.message}"
    return error.message


def _walk(node: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, (*path, index))


def _check_unique_ids(document: Any, shown: str) -> None:
    for path, node in _walk(document):
        if isinstance(node, list):
            seen: dict[str, int] = {}
            for index, item in enumerate(node):
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    if item["id"] in seen:
                        raise DataError(
                            shown,
                            format_path([*path, index, "id"]),
                            f"duplicate id '{item['id']}' (also at index {seen[item['id']]})",
                        )
                    seen[item["id"]] = index


def cited_sources(document: Any) -> Iterator[tuple[tuple, Any]]:
    """Every ``source`` value and ``sources`` item in a document, with its path."""
    for path, node in _walk(document):
        if path and path[-1] == "source":
            yield path, node
        elif path and path[-1] == "sources" and isinstance(node, list):
            yield from (((*path, i), value) for i, value in enumerate(node))


def _check_sources(document: Any, shown: str, known: dict[str, Reference]) -> None:
    for where, ref in cited_sources(document):
        if ref not in known:
            raise DataError(
                shown,
                format_path(where),
                f"unknown source id '{ref}': add it to data/references/ or fix the id",
            )


def document_names(directory: Path | None = None) -> list[str]:
    """Names of all content files, ``data/<name>.yaml``."""
    bundle = _bundle() if directory is None else None
    if bundle is not None:
        return sorted(bundle["documents"])
    return sorted(p.stem for p in (directory or data_dir()).glob("*.yaml"))


def load_references(directory: Path | None = None) -> dict[str, Reference]:
    """All references from ``data/references/*.yaml``, keyed by id."""
    bundle = _bundle() if directory is None else None
    if bundle is not None:
        return {key: Reference(**entry) for key, entry in bundle["references"].items()}
    base = directory or data_dir()
    return dict(_load_references(base, _mtimes(base / "references")))


def _mtimes(folder: Path) -> tuple:
    return tuple((p.name, p.stat().st_mtime_ns) for p in sorted(folder.glob("*.yaml")))


@lru_cache(maxsize=8)
def _load_references(base: Path, _stamp: tuple) -> tuple[tuple[str, Reference], ...]:
    folder = base / "references"
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise DataError(_display(folder), "", "no reference files (*.yaml) found")
    key = _cache_key("references", files, _schema_files("references"))
    cached = _cache_read("references", key)
    if cached is not None:
        return tuple((entry["id"], Reference(**entry)) for entry in cached)
    schema = _validator("references")
    found: dict[str, tuple[Reference, str]] = {}
    for path in files:
        shown = _display(path)
        document = _read_yaml(path)
        _validate(document, schema, shown)
        _check_unique_ids(document, shown)
        for index, entry in enumerate(document["references"]):
            if entry["id"] in found:
                raise DataError(
                    shown,
                    f"references[{index}].id",
                    f"duplicate id '{entry['id']}' (also in {found[entry['id']][1]})",
                )
            found[entry["id"]] = (Reference(**entry), shown)
    _cache_write("references", key, [_reference_data(ref) for ref, _ in found.values()])
    return tuple((ref_id, ref) for ref_id, (ref, _) in found.items())


def _reference_data(ref: Reference) -> dict:
    return {field: getattr(ref, field) for field in Reference.__dataclass_fields__}


def load_document(name: str, directory: Path | None = None) -> Any:
    """Load ``data/<name>.yaml``, validated against its schema and the references.

    Returns plain Python data (dicts and lists), checked for unique ids and sources
    only: :func:`load` gives the typed model, with the checks between files and the
    model's rules.
    """
    bundle = _bundle() if directory is None else None
    if bundle is not None:
        if name not in bundle["documents"]:
            raise DataError(display_name(name), "", "file not found")
        return copy.deepcopy(bundle["documents"][name])
    base = directory or data_dir()
    path = base / f"{name}.yaml"
    stamp = path.stat().st_mtime_ns if path.is_file() else None
    # A deep copy, so a caller that edits what it got cannot change the cached original.
    return copy.deepcopy(_load_document(base, name, stamp, _mtimes(base / "references")))


@lru_cache(maxsize=64)
def _load_document(base: Path, name: str, _stamp: Any, _ref_stamp: tuple) -> Any:
    # The cache keys include modification times, so a teacher who edits a data file
    # and re-runs a cell sees the change without restarting the kernel.
    path = base / f"{name}.yaml"
    shown = _display(path)
    key = None
    if path.is_file():
        ref_files = sorted((base / "references").glob("*.yaml"))
        key = _cache_key(name, [path, *ref_files], _schema_files(name, "references"))
        cached = _cache_read(name, key)
        if cached is not None:
            return cached
    document = _read_yaml(path)
    with _named_items(name, document):
        _validate(document, _validator(name), shown)
        _check_unique_ids(document, shown)
        _check_sources(document, shown, load_references(base))
    if key is not None:
        _cache_write(name, key, document)
    return document


# --- The validated-content cache ----------------------------------------------------------


def cache_dir() -> Path | None:
    """Where checked documents are kept: ``$MSALS_CONTENT_CACHE`` if set (``off``: nowhere),
    else ``.cache/content/`` beside the repo's ``data/``."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off", "0", "no") else Path(chosen)
    return REPO_DATA_DIR.parent / ".cache" / "content"


def _schema_files(*names: str) -> list[Path]:
    return [SCHEMA_DIR / f"{n}.schema.json" for n in (*names, "common")]


def _cache_key(name: str, files: list[Path], schemas: list[Path]) -> str:
    """A digest of every byte the checks of ``name`` read, and of the checks themselves."""
    digest = hashlib.sha256(name.encode())
    for path in (*files, *schemas, Path(__file__)):
        digest.update(path.name.encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"(missing)")
        digest.update(b"\0")
    return digest.hexdigest()[:32]


def _cache_read(name: str, key: str) -> Any:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return json.loads((folder / f"{name}-{key}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # not there yet, or unreadable: check the file again


def _cache_write(name: str, key: str, document: Any) -> None:
    """Keep a checked document; older entries for ``name`` go. Never fails a load."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        text = json.dumps(document, ensure_ascii=False)
    except (TypeError, ValueError):
        return  # e.g. a YAML date: JSON cannot hold it, so this document is not cached
    if json.loads(text) != document:
        return  # e.g. a number used as a key: JSON would hand it back as a string
    target = folder / f"{name}-{key}.json"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=folder, suffix=".tmp", delete=False
        ) as handle:
            handle.write(text)
        os.replace(handle.name, target)  # atomic: a reader never sees half a file
        for old in folder.glob(f"{name}-*.json"):
            if old != target:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only checkout still works, only without the cache


def display_name(name: str) -> str:
    """How ``data/<name>.yaml`` is named in error messages."""
    return _display(data_dir() / f"{name}.yaml")


# --- Typed models and the checks between files -------------------------------------------


@dataclass(frozen=True)
class Link:
    """In ``file``, each value at ``field`` must be an id found at ``target_field`` of ``target``.

    Fields are paths in which ``[*]`` stands for every item of a list; a path that is
    absent from an item (an optional field) is skipped.
    """

    file: str
    field: str
    target: str
    target_field: str


LESSON = ("lessons", "lessons[*].id")

# Every reference from one data file (or list) to the ids of another: the one place the
# loader checks them. Source ids are checked for every file (see _check_sources), and the
# parts against the drawing (see _check_drawing).
CROSS_FILE = (
    Link("classroom", "periods[*].lessons[*]", *LESSON),
    Link("classroom", "periods[*].segments[*].lesson", *LESSON),
    Link("classroom", "lessons[*].lesson", *LESSON),
    Link("conduction", "cases[*].rows[*].fibre", "conduction", "fibres[*].id"),
    Link("diagnostic_tests", "tests[*].ms.verdict", "diagnostic_tests", "verdicts[*].id"),
    Link("diagnostic_tests", "tests[*].als.verdict", "diagnostic_tests", "verdicts[*].id"),
    Link("glossary", "terms[*].lesson", *LESSON),
    Link("objectives", "objectives[*].lesson", *LESSON),
    Link("quiz", "questions[*].lesson", *LESSON),
    Link("quiz", "questions[*].objectives[*]", "objectives", "objectives[*].id"),
    Link("quiz", "questions[*].topic", "quiz", "topics[*].id"),
    Link("symptoms", "symptoms[*].pathways[*]", "symptoms", "pathways[*].id"),
    Link("symptoms", "symptoms[*].ms.structures[*]", "parts", "parts[*].id"),
    Link("symptoms", "symptoms[*].als.structures[*]", "parts", "parts[*].id"),
    Link("timelines", "ms.courses[*].treatments[*]", "timelines", "ms.treatments[*].id"),
)

# Lists whose items error messages name by id as well as position: questions[3] ('x').
NAMED_ITEMS = {"quiz": "questions"}

SVG_PATH = HERE.parent / "assets" / "nervous_system.svg"
SVG_PART_PREFIX = "part-"


def _steps(field: str) -> list[str]:
    return [step for step in field.replace("[*]", ".*").split(".") if step]


def values_at(document: Any, field: str) -> Iterator[tuple[tuple, Any]]:
    """Every value at ``field`` (a path with ``[*]``) in ``document``, with its path."""

    def walk(node: Any, steps: list[str], path: tuple) -> Iterator[tuple[tuple, Any]]:
        if not steps:
            yield path, node
        elif steps[0] == "*":
            for index, item in enumerate(node if isinstance(node, list) else []):
                yield from walk(item, steps[1:], (*path, index))
        elif isinstance(node, dict) and steps[0] in node:
            yield from walk(node[steps[0]], steps[1:], (*path, steps[0]))

    yield from walk(document, _steps(field), ())


def check_links(name: str, document: Any, directory: Path | None = None) -> None:
    """Raise :class:`DataError` for the first value of ``name`` that links to no known id."""
    shown = display_name(name)
    for link in CROSS_FILE:
        if link.file != name:
            continue
        if link.target == name:
            target = document
        else:
            load(link.target, directory)  # the target file's own links and rules first
            target = load_document(link.target, directory)
        known = [value for _, value in values_at(target, link.target_field)]
        for path, value in values_at(document, link.field):
            if value not in known:
                raise DataError(
                    shown,
                    format_path(path),
                    f"unknown id '{value}'; known ids: {', '.join(known)}",
                )


def svg_part_ids(root: Any = None) -> list[str]:
    """Ids of the parts drawn in the diagram, in drawing order (``part-<id>`` groups)."""
    if root is None:
        import xml.etree.ElementTree as ET

        root = ET.fromstring(SVG_PATH.read_text(encoding="utf-8"))
    return [
        el.get("id")[len(SVG_PART_PREFIX) :]
        for el in root.iter()
        if (el.get("id") or "").startswith(SVG_PART_PREFIX)
    ]


def _check_drawing(document: Any, shown: str) -> None:
    """Every part in ``data/parts.yaml`` is drawn in the SVG, and every drawn part described."""
    drawn = svg_part_ids()
    for index, item in enumerate(document["parts"]):
        if item["id"] not in drawn:
            raise DataError(
                shown,
                f"parts[{index}].id",
                f"unknown part id '{item['id']}': the diagram has no element "
                f'id="{SVG_PART_PREFIX}{item["id"]}"; drawn parts: {", ".join(drawn)}',
            )
    described = {item["id"] for item in document["parts"]}
    missing = [part_id for part_id in drawn if part_id not in described]
    if missing:
        raise DataError(
            shown,
            "parts",
            f"the diagram draws part(s) {', '.join(missing)} that the data does not describe",
        )


@contextmanager
def _named_items(name: str, document: Any) -> Iterator[None]:
    """Add the item's id to a field such as ``questions[3]``: ``questions[3] ('x')``."""
    try:
        yield
    except DataError as error:
        key = NAMED_ITEMS.get(name)
        prefix = f"{key}["
        if key is None or not error.field.startswith(prefix):
            raise
        close = error.field.index("]")
        index = int(error.field[len(prefix) : close])
        try:
            item_id = document[key][index]["id"]
        except (KeyError, IndexError, TypeError):
            raise error from None
        field = f"{key}[{index}] ({item_id!r}){error.field[close + 1 :]}"
        raise DataError(error.file, field, error.problem) from None


def model_module(name: str) -> ModuleType:
    """``widgets/content/<name>.py``: the typed model of ``data/<name>.yaml``."""
    try:
        return importlib.import_module(f"{__package__}.{name}")
    except ModuleNotFoundError:
        shown = _display(HERE / f"{name}.py")
        raise DataError(shown, "", f"no typed model for data file '{name}.yaml'") from None


def load(name: str, directory: Path | None = None) -> Any:
    """``data/<name>.yaml`` as its typed model, fully checked: schema, unique ids,
    sources, links to other files (:data:`CROSS_FILE`) and the model's own rules.

    The objects are frozen and cached until a file they depend on changes.
    """
    bundle = _bundle() if directory is None else None
    base = None if bundle is not None else (directory or data_dir())
    return _load_model(base, name, _stamps(base, name))


def _stamps(base: Path | None, name: str) -> tuple:
    """Modification times of every file a model depends on (for the cache key)."""
    if base is None:
        return ()
    names = sorted(_depends_on(name))
    paths = [base / f"{n}.yaml" for n in names] + ([SVG_PATH] if "parts" in names else [])
    stamps = tuple(p.stat().st_mtime_ns if p.is_file() else None for p in paths)
    return stamps + _mtimes(base / "references")


def _depends_on(name: str) -> set[str]:
    """``name`` and every file it links to, directly or through another file."""
    found = {name}
    for link in CROSS_FILE:
        if link.file == name and link.target not in found:
            found |= _depends_on(link.target)
    return found


@lru_cache(maxsize=64)
def _load_model(base: Path | None, name: str, _stamps: tuple) -> Any:
    document = load_document(name, base)
    module = model_module(name)
    shown = display_name(name)
    with _named_items(name, document):
        check_links(name, document, base)
        if name == "parts":
            _check_drawing(document, shown)
        model = build(module.MODEL, document, name)
        check = getattr(module, "check", None)
        if check is not None:
            check(model, shown)
    return model


# --- The compiled content of the browser-only site --------------------------------------


def compile_bundle(directory: Path | None = None) -> dict:
    """Every document and reference, loaded and fully checked by the loader above.

    ``scripts/build_site.py`` writes this as JSON into the site's wheel, so the browser
    needs neither PyYAML nor jsonschema. A broken data file stops the build with the
    same :class:`DataError` a lesson would show.
    """
    base = directory or data_dir()
    names = document_names(base)
    for name in names:
        load(name, base)  # cross-file checks and rules too, not only the schema
    return {
        "documents": {name: load_document(name, base) for name in names},
        "references": {key: _reference_data(ref) for key, ref in load_references(base).items()},
    }


@cache
def _read_bundle(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _bundle() -> dict | None:
    """The compiled content if this package ships it and no data folder is forced."""
    if os.environ.get("MSALS_DATA_DIR") or not BUNDLE_FILE.is_file():
        return None
    return _read_bundle(BUNDLE_FILE)
