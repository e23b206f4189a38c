"""How big the lesson's runtime environment is (``make bench``; not a test).

Builds two fresh virtual environments, one after the other, in a temporary folder:

* the runtime: ``pip install -r requirements.txt`` (what Binder and ``make lesson``
  install), exactly as the Binder check builds it;
* the reference: the design card's four packages, jupyterlab, ipywidgets, plotly and
  nbval, at the versions this repo pins.

Prints both sizes (bytes of all files, in MB) and the ratio. Target: at most 1.15.

    .venv/bin/python benchmarks/env_size.py
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.check_binder_env import build  # noqa: E402

TARGET = 1.15
REFERENCE = ("jupyterlab", "ipywidgets", "plotly", "nbval")


def pinned(name: str) -> str:
    """``name==version`` as pinned in requirements(-dev).txt."""
    for file in ("requirements.txt", "requirements-dev.txt"):
        text = (ROOT / file).read_text(encoding="utf-8")
        match = re.search(rf"^{re.escape(name)}==(\S+)", text, re.M | re.I)
        if match:
            return f"{name}=={match.group(1)}"
    raise SystemExit(f"{name} is not pinned in requirements.txt or requirements-dev.txt")


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="env-size-") as tmp:
        reference_file = Path(tmp) / "reference.txt"
        reference_file.write_text("\n".join(pinned(n) for n in REFERENCE) + "\n", "utf-8")
        runtime = build(Path(tmp) / "runtime")
        reference = build(Path(tmp) / "reference", requirements=str(reference_file))
    ratio = runtime["install_megabytes"] / reference["install_megabytes"]
    print(f"{'environment':58} {'size':>8} {'install':>8}")
    for name, figures in (
        ("runtime (requirements.txt)", runtime),
        (f"reference ({', '.join(pinned(n) for n in REFERENCE)})", reference),
    ):
        print(f"{name:58} {figures['install_megabytes']:6.0f}MB {figures['install_seconds']:7.0f}s")
    print(f"ratio runtime / reference: {ratio:.2f} (target <= {TARGET})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
