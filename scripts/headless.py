"""Headless Chromium, found and started the one way this project uses it.

Browsers downloaded by test tools (`playwright install`) cannot be fetched here, so we
use a system Chromium (Debian's ``/usr/bin/chromium``; ``.ci/run`` installs it) or the
one named by ``$MSALS_CHROMIUM``. The flags keep it quiet on a closed network.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

CHROMIUM_ENV = "MSALS_CHROMIUM"
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def find_chromium() -> str | None:
    """Path of a Chromium binary, or None."""
    wanted = os.environ.get(CHROMIUM_ENV)
    if wanted:
        return wanted if os.access(wanted, os.X_OK) else None
    for candidate in CHROMIUM_CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    return None


def screenshot(page: Path, target: Path, width: int, height: int, profile: Path) -> None:
    """Save a PNG of a local HTML file, as a reader with a window of this size sees it."""
    chromium = find_chromium()
    if chromium is None:
        raise SystemExit(f"no Chromium found: install it or set {CHROMIUM_ENV}")
    subprocess.run(
        [
            chromium,
            *CHROMIUM_ARGS,
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            f"--window-size={width},{height}",
            "--virtual-time-budget=3000",
            f"--screenshot={target}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
