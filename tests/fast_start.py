"""A pytest plugin the make targets load first (``-p tests.fast_start``), before nbval.

nbval imports nbformat, which imports jsonschema, which imports every optional format
checker it finds; one of them, ``rfc3987_syntax`` (installed with JupyterLab), compiles
its grammar at import: about 2 s of every pytest process (the main one and each
worker). No schema or notebook the tests validate uses an IRI format, so jsonschema is
imported here once without it, as ``widgets/content/loader.py`` does in the lessons.
"""

from __future__ import annotations

import sys

if "jsonschema" not in sys.modules and "rfc3987_syntax" not in sys.modules:
    sys.modules["rfc3987_syntax"] = None  # makes `import rfc3987_syntax` fail fast
    try:
        import jsonschema  # noqa: F401
    finally:
        del sys.modules["rfc3987_syntax"]
