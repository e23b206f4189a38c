"""Re-run every lesson in a fresh kernel and store its outputs (``make refresh``).

Use this, never "save" from the browser, to update what students see on GitHub and
what nbval compares against: it runs from ``lessons/`` as a student would, does not
store widget state (which can grow to megabytes), and records no timestamps, so
running it twice gives byte-identical files.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
import uuid
from pathlib import Path

import nbformat
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from traitlets import Unicode, default

ROOT = Path(__file__).resolve().parent.parent
LESSONS = ROOT / "lessons"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


class PrivateKernelManager(KernelManager):
    """A kernel reached through Unix sockets named after a random id, not TCP ports.

    jupyter_client picks free TCP ports, closes them and hands them to the kernel; when
    two processes start kernels at once (the two test workers), one can take a port the
    other just picked, and that kernel dies with "Address already in use" (seen once in
    CI). Sockets of its own cannot collide. The tests' nbval kernels use it too
    (tests/lessons_plugin.py).
    """

    socket_dir = Unicode("", help="folder of the socket files (default: the system's temp)")

    @default("transport")
    def _default_transport(self) -> str:
        return "ipc"

    @default("ip")
    def _default_ip(self) -> str:
        # The socket files are <ip>-<n>; kernels leave them behind, so callers give a
        # folder they remove afterwards.
        folder = self.socket_dir or tempfile.gettempdir()
        return os.path.join(folder, f"msals-kernel-{uuid.uuid4().hex[:12]}")


def execute(path: Path, cwd: Path | None = None, timeout: int = 300) -> nbformat.NotebookNode:
    """Execute a notebook in a new kernel and return it with fresh outputs."""
    notebook = nbformat.read(path, as_version=4)
    notebook.metadata.pop("widgets", None)
    with tempfile.TemporaryDirectory(prefix="msals-kernel-") as sockets:
        client = NotebookClient(
            notebook,
            km=PrivateKernelManager(kernel_name="python3", socket_dir=sockets),
            timeout=timeout,
            resources={"metadata": {"path": str(cwd or path.parent)}},
            record_timing=False,
            store_widget_state=False,
        )
        client.execute()
    for index, cell in enumerate(notebook.cells):
        cell.metadata.pop("execution", None)
        for number, output in enumerate(cell.get("outputs", [])):
            view = output.get("data", {}).get(WIDGET_VIEW)
            if view:
                # No widget state is stored, so the random model id points at nothing;
                # a stable one keeps refreshes byte-identical and diffs quiet.
                seed = f"{path.name}:{index}:{number}".encode()
                view["model_id"] = hashlib.sha256(seed).hexdigest()[:32]
    return notebook


def write(notebook: nbformat.NotebookNode, path: Path) -> None:
    nbformat.validate(notebook)
    text = nbformat.writes(notebook) + "\n"
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: every lesson")
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted(LESSONS.glob("*.ipynb"))
    for path in paths:
        write(execute(path), path)
        print(f"refreshed {path.relative_to(ROOT) if path.is_absolute() else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
