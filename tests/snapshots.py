"""Reading what a widget stores for readers without a kernel."""

from __future__ import annotations

import base64
import re

SNAPSHOT = re.compile(
    r'<div class="msals-snapshot"><p class="msals-run-hint"[^>]*>([^<]*)</p>(.*)</div>', re.S
)
PICTURE = re.compile(r'<img src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"')


def snapshot_body(stored: str) -> str:
    """The static rendering inside a stored output; fails unless the run hint comes first."""
    match = SNAPSHOT.fullmatch(stored)
    assert match, f"not a snapshot with a run hint first: {stored[:200]!r}"
    assert "Run this cell" in match.group(1)
    return match.group(2)


def pictures(stored: str) -> list[str]:
    """The SVG text of every diagram stored as an image."""
    return [base64.b64decode(data).decode("utf-8") for data in PICTURE.findall(stored)]
