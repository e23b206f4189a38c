"""Lesson content: ``data/<name>.yaml``, its schema and its typed model, loaded in one place.

``load("parts")`` gives the typed, checked model of ``data/parts.yaml``; its shape is
written once, in ``widgets/content/parts.py`` beside ``widgets/content/parts.schema.json``.
See :mod:`widgets.content.loader` for what is checked and where.
"""

from .loader import (
    CROSS_FILE,
    DataError,
    cited_sources,
    compile_bundle,
    data_dir,
    display_name,
    document_names,
    format_path,
    load,
    load_document,
    load_references,
    svg_part_ids,
)
from .references import Reference

__all__ = [
    "CROSS_FILE",
    "DataError",
    "Reference",
    "cited_sources",
    "compile_bundle",
    "data_dir",
    "display_name",
    "document_names",
    "format_path",
    "load",
    "load_document",
    "load_references",
    "svg_part_ids",
]
