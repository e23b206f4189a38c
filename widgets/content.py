"""Load lesson content from ``data/``: YAML checked against JSON Schema and references.

Every data file ``data/<name>.yaml`` has a schema ``data/schemas/<name>.schema.json``.
Loading a file validates it completely before anything is drawn, so a broken file
stops the lesson with one :class:`DataError` that names the file and the field.

In the browser-only site (``make site``) there is no ``data/``, PyYAML or jsonschema:
the build compiles every document with this same loader into one validated file,
``widgets/content_bundle.json``, shipped inside the package's wheel. When that file is
present (and ``$MSALS_DATA_DIR`` is not set), documents come from it instead.

Cross-file rules checked here for every document:

* each value of a ``source`` key, and each item of a ``sources`` list, must be the
  id of an entry in ``data/references/*.yaml``;
* ``id`` values must be unique within each list.
"""

from __future__ import annotations

import copy
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jsonschema

REPO_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
# Written only into the site's wheel by scripts/build_site.py, never into a checkout.
BUNDLE_FILE = Path(__file__).resolve().parent / "content_bundle.json"


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


@dataclass(frozen=True)
class Reference:
    id: str
    citation: str
    url: str | None = None
    note: str | None = None


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
def _validator(name: str, schema_dir: Path) -> jsonschema.Draft202012Validator:
    """The validator for ``data/<name>.yaml``, built once per process."""
    path = schema_dir / f"{name}.schema.json"
    if not path.is_file():
        raise DataError(_display(path), "", f"no schema for data file '{name}.yaml'")
    schema = json.loads(path.read_text(encoding="utf-8"))
    # Schemas are checked against the JSON Schema meta-schema by the tests
    # (tests/test_content.py), not here: that check alone took most of a lesson's start-up.
    return _jsonschema().Draft202012Validator(schema)


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
    schema = _validator("references", base / "schemas")
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
    return tuple((key, ref) for key, (ref, _) in found.items())


def load_document(name: str, directory: Path | None = None) -> Any:
    """Load ``data/<name>.yaml``, validated against its schema and the references.

    Returns plain Python data (dicts and lists). Typed objects are built from it by
    the module that owns the content, e.g. :func:`widgets.lesson_map.load_lessons`.
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
    document = _read_yaml(path)
    _validate(document, _validator(name, base / "schemas"), shown)
    _check_unique_ids(document, shown)
    _check_sources(document, shown, load_references(base))
    return document


def require_known(value: str, allowed: list[str] | tuple[str, ...], shown: str, field: str) -> None:
    """Raise :class:`DataError` if ``value`` is not one of ``allowed`` (for cross-file ids)."""
    if value not in allowed:
        raise DataError(shown, field, f"unknown id '{value}'; known ids: {', '.join(allowed)}")


def display_name(name: str) -> str:
    """How ``data/<name>.yaml`` is named in error messages."""
    return _display(data_dir() / f"{name}.yaml")


# --- The compiled content of the browser-only site --------------------------------------


def compile_bundle(directory: Path | None = None) -> dict:
    """Every document and reference, loaded and validated by the loader above.

    ``scripts/build_site.py`` writes this as JSON into the site's wheel, so the browser
    needs neither PyYAML nor jsonschema. A broken data file stops the build with the
    same :class:`DataError` a lesson would show.
    """
    base = directory or data_dir()
    return {
        "documents": {name: load_document(name, base) for name in document_names(base)},
        "references": {
            key: {field: getattr(ref, field) for field in Reference.__dataclass_fields__}
            for key, ref in load_references(base).items()
        },
    }


@cache
def _read_bundle(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _bundle() -> dict | None:
    """The compiled content if this package ships it and no data folder is forced."""
    if os.environ.get("MSALS_DATA_DIR") or not BUNDLE_FILE.is_file():
        return None
    return _read_bundle(BUNDLE_FILE)
