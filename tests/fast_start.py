"""A pytest plugin the make targets load first (``-p tests.fast_start``), before nbval.

nbval imports nbformat, which imports jsonschema, which imports every optional format
checker it finds; one of them, ``rfc3987_syntax`` (installed with JupyterLab), compiles
its grammar at import: about 2 s of every pytest process (the main one and each
worker). No schema or notebook the tests validate uses an IRI format, so jsonschema is
imported here once without it, as ``widgets/content/loader.py`` does in the lessons.

Where ``PYTHONDONTWRITEBYTECODE`` is set (the reference machine sets it), pytest cannot
keep its assertion-rewritten test modules either, and rewrote all of them in every
process: about 1.5 s of the main process's and each worker's start. The pytest
processes of the make targets write their byte-code (``__pycache__/``, git-ignored); the
kernels and servers they start keep the machine's setting.
"""

from __future__ import annotations

import sys

sys.dont_write_bytecode = False

if "jsonschema" not in sys.modules and "rfc3987_syntax" not in sys.modules:
    sys.modules["rfc3987_syntax"] = None  # makes `import rfc3987_syntax` fail fast
    try:
        import jsonschema  # noqa: F401
    finally:
        del sys.modules["rfc3987_syntax"]
