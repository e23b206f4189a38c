"""Drive real Jupyter servers and Chromium: used by tests/browser and benchmarks/.

Everything here is plain functions and small classes, with no pytest import, so the
latency benchmark can reuse exactly what the tests do.

* :func:`scripts.headless.find_chromium` looks for a system Chromium
  (``playwright install`` is never used: it downloads a browser build, which this
  project cannot rely on).
* :class:`Server` starts ``jupyter lab``, ``jupyter notebook`` or ``voila`` on
  127.0.0.1, on a free port, with a token, in its own process group, and always
  stops the whole group (kernels included).
* :class:`LabNotebook` opens a lesson in JupyterLab, restarts its kernel, runs all
  cells and reads back what the page shows.
"""

from __future__ import annotations

import compileall
import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from scripts.headless import CHROMIUM_ARGS, CHROMIUM_ENV

ROOT = Path(__file__).resolve().parent.parent.parent
ARTIFACTS = ROOT / "test-artifacts"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
PLOTLY_MIME = "application/vnd.plotly.v1+json"

NO_CHROMIUM_MESSAGE = (
    "No Chromium found, so the browser tests cannot run (they are NOT passed).\n"
    "Install it (Debian/Ubuntu: `sudo apt-get install chromium`; `.ci/run` does this),\n"
    f"or point {CHROMIUM_ENV}=/path/to/chromium at one. To skip them knowingly, run\n"
    "with MSALS_SKIP_BROWSER=1 (they are then reported as skipped, loudly)."
)

# What we copy into the temporary server root: what a student's checkout holds.
COPIED = ("lessons", "data", "widgets", ".jupyter")
# JupyterLab user settings for the test server: no news or update pop-ups.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}


def launch_chromium(playwright, executable: str):
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def copy_repo(target: Path) -> Path:
    """Copy what the lessons need to ``target``; the kernel will import widgets from there.

    The package is installed editable from the real checkout, so the server puts the
    copy first on PYTHONPATH: a test may then change a widget in the copy safely.
    """
    ignore = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
    # Byte-code once, here: with PYTHONDONTWRITEBYTECODE set (as on the reference machine)
    # each of the suite's forty-odd kernels would otherwise compile the package again.
    compileall.compile_dir(str(target / "widgets"), quiet=1)
    return target


def write_lab_settings(settings_dir: Path) -> None:
    for relative, values in LAB_SETTINGS.items():
        path = settings_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")


class Server:
    """A Jupyter server (lab, notebook or voila) serving ``root`` on 127.0.0.1."""

    def __init__(self, kind: str, root: Path, state_dir: Path, extra_args=(), config_dir=None):
        if kind not in ("lab", "notebook", "voila"):
            raise ValueError(f"kind must be 'lab', 'notebook' or 'voila'; got {kind!r}")
        self.kind = kind
        self.root = root
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.base = f"http://127.0.0.1:{self.port}"
        self.state = state_dir / kind
        self.runtime_dir = self.state / "runtime"
        self.log_path = self.state / "server.log"
        self.extra_args = list(extra_args)
        # The Jupyter config read: the served copy's own .jupyter, unless told otherwise.
        self.config_dir = Path(config_dir) if config_dir else root / ".jupyter"
        self.process: subprocess.Popen | None = None

    def command(self) -> list[str]:
        common = ["--no-browser", f"--port={self.port}"]
        if self.kind == "voila":
            return [
                sys.executable,
                "-m",
                "voila",
                *common,
                "--Voila.ip=127.0.0.1",
                f"--token={self.token}",
                f"--Voila.root_dir={self.root}",
                "--show_tracebacks=True",
                *self.extra_args,
            ]
        args = [
            sys.executable,
            "-m",
            "jupyter",
            self.kind,
            *common,
            "--ip=127.0.0.1",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.root}",
            # window.jupyterapp: the tests call JupyterLab's own commands (restart, run all).
            f"--{'LabApp' if self.kind == 'lab' else 'JupyterNotebookApp'}"
            ".expose_app_in_browser=True",
            *self.extra_args,
        ]
        if os.geteuid() == 0:
            args.append("--allow-root")
        return args

    def environment(self) -> dict[str, str]:
        env = dict(os.environ)
        settings = self.state / "lab-settings"
        write_lab_settings(settings)
        env.update(
            {
                "PYTHONPATH": os.pathsep.join(
                    p for p in (str(self.root), env.get("PYTHONPATH", "")) if p
                ),
                "JUPYTER_CONFIG_PATH": str(self.config_dir),
                "JUPYTERLAB_SETTINGS_DIR": str(settings),
                "JUPYTERLAB_WORKSPACES_DIR": str(self.state / "workspaces"),
                "JUPYTER_RUNTIME_DIR": str(self.runtime_dir),
                "IPYTHONDIR": str(self.state / "ipython"),
            }
        )
        env.pop("MSALS_DATA_DIR", None)  # lessons read the copy's data/
        return env

    def start(self, timeout: float = 90) -> Server:
        self.state.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("w")
        self.process = subprocess.Popen(
            self.command(),
            cwd=self.root,
            env=self.environment(),
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        log.close()
        deadline = time.monotonic() + timeout
        probe = "/" if self.kind == "voila" else "/api/status"
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.kind} server exited at start:\n{self.log()}")
            try:
                with urllib.request.urlopen(self.url(probe), timeout=5):
                    return self
            except OSError as error:
                if time.monotonic() > deadline:
                    self.stop()
                    message = f"{self.kind} server did not answer:\n{self.log()}"
                    raise RuntimeError(message) from error
                time.sleep(0.3)

    def url(self, path: str) -> str:
        separator = "&" if "?" in path else "?"
        return f"{self.base}{path}{separator}token={self.token}"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def shutdown_kernels(self) -> None:
        """Stop every kernel of a lab/notebook server (one per lesson opened)."""
        if self.kind == "voila" or self.process is None or self.process.poll() is not None:
            return
        for kind in ("sessions", "kernels"):
            with urllib.request.urlopen(self.url(f"/api/{kind}"), timeout=10) as response:
                items = json.load(response)
            for item in items:
                request = urllib.request.Request(self.url(f"/api/{kind}/{item['id']}"))
                request.method = "DELETE"
                with contextlib.suppress(OSError):
                    urllib.request.urlopen(request, timeout=30).close()

    def stop(self) -> None:
        """Stop the server's process group, then any kernel it left (found by our runtime dir)."""
        if self.process is None:
            return
        with contextlib.suppress(OSError, ValueError):
            self.shutdown_kernels()
        for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 10)):
            if self.process.poll() is not None:
                break
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, sig)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=wait)
        # Kernels run in their own process group; their command line names our private
        # runtime dir, so this matches only kernels that this server started.
        for pid in pids_with_argument(str(self.runtime_dir)):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def pids_with_argument(text: str) -> list[int]:
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        with contextlib.suppress(OSError):
            if text in (entry / "cmdline").read_bytes().decode(errors="replace"):
                found.append(int(entry.name))
    return [pid for pid in found if pid != os.getpid()]


def expected_outputs(notebook_path: Path) -> dict[str, int]:
    """How many widget views and plotly charts the stored notebook shows."""
    notebook = json.loads(notebook_path.read_text(encoding="utf-8"))
    counts = {"widgets": 0, "plotly": 0, "code_cells": 0}
    for cell in notebook["cells"]:
        if cell["cell_type"] != "code":
            continue
        counts["code_cells"] += 1
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            counts["widgets"] += WIDGET_VIEW in data
            counts["plotly"] += PLOTLY_MIME in data
    return counts


# JavaScript run inside JupyterLab (or Notebook 7, which is built from the same parts).
VISIBLE_PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"

JS_PANEL_READY = """(path) => {
  const app = window.jupyterapp;
  if (!app || !app.shell) return false;
  const panel = app.shell.currentWidget;
  if (!panel || !panel.context || panel.context.path !== path) return false;
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  return !!kernel && kernel.status === 'idle' && panel.context.isReady;
}"""

# Close every document in the main area, unsaved (a run lesson is "dirty"; the copy on
# disk stays as stored), then open ``path`` afresh: untrusted, its stored outputs shown.
JS_REOPEN = """async (path) => {
  const app = window.jupyterapp;
  for (const widget of [...app.shell.widgets('main')]) {
    if (widget.context) widget.context.model.dirty = false;
    widget.dispose();
  }
  await app.commands.execute('docmanager:open', {path, factory: 'Notebook'});
}"""

# Clear the outputs, restart the kernel if asked (JupyterLite's starts fresh), run all.
JS_RUN_ALL = """async (restart) => {
  const app = window.jupyterapp;
  const panel = app.shell.currentWidget;
  await panel.sessionContext.ready;
  await app.commands.execute('notebook:clear-all-cell-outputs');
  if (restart) await panel.sessionContext.restartKernel();
  const ok = await app.commands.execute('notebook:run-all-cells');
  return ok !== false;
}"""

# Every code cell has run and the kernel is idle again.
JS_ALL_RUN = """() => {
  const panel = window.jupyterapp.shell.currentWidget;
  const kernel = panel.sessionContext.session.kernel;
  const code = panel.content.widgets.filter(c => c.model.type === 'code');
  return kernel.status === 'idle' && code.every(c => c.model.executionCount !== null);
}"""

JS_CELL_REPORT = """() => {
  const panel = window.jupyterapp.shell.currentWidget;
  const kernel = panel.sessionContext.session.kernel;
  const cells = [];
  for (const cell of panel.content.widgets) {
    if (cell.model.type !== 'code') continue;
    cells.push({
      source: cell.model.sharedModel.getSource(),
      count: cell.model.executionCount,
      outputs: cell.model.outputs.toJSON(),
    });
  }
  return {status: kernel ? kernel.status : 'none', cells};
}"""

JS_RENDER_REPORT = """() => {
  // Pair each output model with its DOM node: the output area keeps them in the same order.
  const panel = window.jupyterapp.shell.currentWidget;
  const views = [], plotlyOutputs = [];
  for (const cell of panel.content.widgets) {
    if (cell.model.type !== 'code' || !cell.outputArea) continue;
    const outputs = cell.model.outputs;
    for (let i = 0; i < outputs.length; i++) {
      const data = outputs.get(i).data || {};
      const child = cell.outputArea.widgets[i];
      const node = child ? child.node : null;
      if (data['application/vnd.jupyter.widget-view+json']) views.push(node);
      if (data['application/vnd.plotly.v1+json']) plotlyOutputs.push(node);
    }
  }
  const plots = [...panel.node.querySelectorAll('.js-plotly-plot')];
  const drawn = p => !!p.querySelector('.main-svg') && Array.isArray(p.data) && p.data.length > 0;
  return {
    views: views.length,
    viewsRendered: views.filter(v => v && v.querySelector('.jupyter-widgets')
      && v.offsetHeight > 0).length,
    viewTexts: views.map(v => v ? v.innerText.slice(0, 300) : '(no node)'),
    plotlyOutputs: plotlyOutputs.length,
    plotlyOutputsDrawn: plotlyOutputs.filter(n => n && [...n.querySelectorAll('.js-plotly-plot')]
      .some(drawn)).length,
    plots: plots.length,
    plotsDrawn: plots.filter(drawn).length,
    msalsWidgets: panel.node.querySelectorAll('.msals-widget').length,
    text: panel.node.innerText,
  };
}"""

# Voila (app mode): its page is drawn once Voila has replaced its "Executing" screen, its
# widget manager has restored every model from the kernel, the kernel is idle and every
# widget view is drawn. Interacting earlier races the manager ("widget model not found").
JS_VOILA_REPORT = """() => {
  const app = window.jupyterapp;
  const manager = app && (app.widgetManager || app._widgetManager);
  const kernel = manager && (manager.kernel || manager._kernel);
  const cells = document.querySelector('#rendered_cells');
  const outputs = [...document.querySelectorAll('.jp-OutputArea-output')];
  return {
    shown: !!cells && getComputedStyle(cells).display !== 'none',
    restored: !!manager && !!(manager.restoredStatus ?? manager._restoredStatus),
    kernel: kernel ? kernel.status : 'none',
    viewsRendered: outputs.filter(o => o.querySelector('.jupyter-widgets')).length,
    // Outputs that are neither a drawn widget view nor a rendered mime type (diagnosis).
    notDrawn: outputs.filter(o => !o.querySelector('.jupyter-widgets')
      && !String(o.className).includes('jp-Rendered')).map(o => o.innerText.slice(0, 200)),
    text: outputs.map(o => o.innerText).join('\\n'),
  };
}"""


def wait_voila_ready(page, widgets: int, timeout: float = 90_000) -> dict:
    """Wait until a Voila page is drawn and settled (see JS_VOILA_REPORT); return its report.

    The kernel goes busy for a moment at each widget message, so the report is the one
    taken when everything was ready; on a timeout, the state then (the caller asserts).
    """
    # A widget that failed for good ("model not found") never recovers: report it at once
    # instead of waiting out the timeout.
    check = (
        "([views, broken, final]) => { const r = (" + JS_VOILA_REPORT + ")();"
        " if (final.some(b => r.text.includes(b))) return r;"
        " return r.shown && r.restored && r.kernel === 'idle' && r.viewsRendered >= views"
        " && !broken.some(b => r.text.includes(b)) && r; }"
    )
    try:
        handle = page.wait_for_function(
            check,
            arg=[widgets, list(BROKEN_WIDGET_TEXTS), list(FAILED_WIDGET_TEXTS)],
            timeout=timeout,
        )
    except PlaywrightTimeout:
        return page.evaluate(JS_VOILA_REPORT)
    return handle.json_value()  # the report at the moment all was ready


LOST_MODEL = "model not found"


def load_voila(page, url: str, widgets: int, errors: list[str] | None = None):
    """Open a Voila page and wait until it is drawn (:func:`wait_voila_ready`), loading it
    once more if widget models were lost; returns (the response, the report).

    Voila 0.5.13 loses a few widgets of a long lesson on some first loads ("Error
    displaying widget: model not found"). The kernel is not at fault: on such loads, too,
    its ``update_states`` reply carries every widget's state (508 for lesson 02, decoded
    from the websocket frames); the page draws some views before their models are
    registered. Seen on lesson 02 in one load in three to six; a reload draws all. The
    retry is printed, so it shows in the test output.
    """
    for attempt in (1, 2):
        if errors is not None:
            errors.clear()
        response = page.goto(url)
        drawn = wait_voila_ready(page, widgets)
        lost = [text for text in drawn["notDrawn"] if LOST_MODEL in text]
        if not lost or attempt == 2:
            return response, drawn
        print(f"{url}: Voila lost {len(lost)} widget model(s); loading again: {errors}")
        # Leave the page first: its kernel shutdown on unload must not count against the
        # second load.
        page.goto("about:blank")
        page.wait_for_timeout(500)
    raise AssertionError("unreachable")


# Console errors that are not ours, each with the reason it is safe to ignore.
FOREIGN_CONSOLE_ERRORS = {
    # JupyterLab's debugger asks the kernel for its state; restarting the kernel cancels it.
    "Could not restore the debugger state": "JupyterLab debugger, cancelled by the restart",
    # Voila 0.5.13 ships older JupyterLab modules; jupyterlab-plotly logs this there.
    "setData": "jupyterlab-plotly inside Voila",
    # Voila 0.5.13 also tries to load Notebook 7's JupyterLab extension, and cannot.
    "The getter for the shared module is not a function": "Notebook 7's extension in Voila",
    # Notebook 7.6.5's own bundle at start-up, before any lesson code runs; also without
    # our .jupyter config and settings (checked), so not caused by this project.
    "(reading 'schema')": "Notebook 7's settings loader (notebook_core.js)",
    # JupyterLab 4.6 asks the kernel for a subshell for widget comms (jlab_core.js,
    # _maybeStartSubshell); a kernel restart or shutdown cancels the pending request.
    "Canceled future for create_subshell_request": "JupyterLab's comm subshell, cancelled",
    # A comm_close for a comm the page no longer knows. Seen once in 3 full runs, around a
    # kernel restart; our widgets never close a comm. Likely ipywidgets' control comm:
    # Widget.handle_control_comm_opened drops the previous one, whose __del__ closes it.
    "Comm not found for comm id": "a late comm_close (ipywidgets control comm, restart)",
}


def split_console_errors(errors: list[str], local_base: str) -> tuple[list[str], list[str]]:
    """(errors to fail on, errors from JupyterLab itself or from being offline)."""
    ours, foreign = [], []
    for error in errors:
        offline = "Failed to load resource" in error and "://" in error and local_base not in error
        if offline or any(marker in error for marker in FOREIGN_CONSOLE_ERRORS):
            foreign.append(error)
        else:
            ours.append(error)
    return ours, foreign


BROKEN_WIDGET_TEXTS = ("Loading widget...", "Error displaying widget", "Model not found")
# Of those, the ones a page never recovers from.
FAILED_WIDGET_TEXTS = ("Error displaying widget", "Model not found", LOST_MODEL)


class LabNotebook:
    """One notebook opened in JupyterLab (or Notebook 7) in a Playwright page."""

    def __init__(self, page, server: Server, path: str):
        self.page = page
        self.server = server
        self.path = path
        self.panel = VISIBLE_PANEL
        self.console_errors: list[str] = []
        page.on("console", self._on_console)
        page.on("pageerror", self._on_page_error)

    def detach(self) -> None:
        """Stop collecting console messages (the page goes on to another notebook)."""
        self.page.remove_listener("console", self._on_console)
        self.page.remove_listener("pageerror", self._on_page_error)

    def _on_page_error(self, error) -> None:
        self.console_errors.append(f"pageerror: {error} {getattr(error, 'stack', '')}")

    def _on_console(self, message) -> None:
        if message.type != "error":
            return
        url = (message.location or {}).get("url", "")
        text = f"console: {message.text} ({url})" if url else f"console: {message.text}"
        self.console_errors.append(text)

    def errors(self) -> tuple[list[str], list[str]]:
        """Console errors split into (ours or unknown, known to come from elsewhere)."""
        return split_console_errors(self.console_errors, self.server.base)

    def open(self, timeout: float = 60_000) -> LabNotebook:
        """Open the notebook as a new tab would show it: fresh from disk, not yet run.

        In a page that already shows this JupyterLab, the open notebooks are closed and
        this one is opened in the same app: loading JupyterLab again cost 4 to 7 s of
        Chromium's CPU each time, opening a notebook in it 1.5 to 2.5 s.
        """
        if self.server.kind == "lab" and self._lab_loaded():
            self.page.evaluate(JS_REOPEN, self.path)
        elif self.server.kind == "lab":
            self.page.goto(self.server.url(f"/lab/tree/{self.path}?reset"))
        else:
            self.page.goto(self.server.url(f"/notebooks/{self.path}"))
        self.page.wait_for_function(JS_PANEL_READY, arg=self.path, timeout=timeout)
        return self

    def _lab_loaded(self) -> bool:
        if not self.page.url.startswith(f"{self.server.base}/lab"):
            return False
        return self.page.evaluate("() => !!(window.jupyterapp && window.jupyterapp.shell)")

    def restart_and_run_all(self, timeout: float = 120_000) -> dict:
        """Clear outputs, restart the kernel, run every cell; return the cell report."""
        self.page.evaluate(JS_RUN_ALL, True)
        self.page.wait_for_function(JS_ALL_RUN, timeout=timeout)
        return self.cells()

    def kernel_stdout(self, code: str, timeout: float = 30_000) -> str:
        """Run code in the notebook's own kernel (not in a cell) and return what it printed."""
        return self.page.evaluate(
            """async ([code, timeout]) => {
              const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
              const future = kernel.requestExecute({code, silent: false, store_history: false});
              let out = '';
              future.onIOPub = msg => {
                if (msg.header.msg_type === 'stream') out += msg.content.text;
                if (msg.header.msg_type === 'error') out += 'ERROR ' + msg.content.evalue;
              };
              await Promise.race([future.done,
                new Promise((_, reject) => setTimeout(() => reject('timeout'), timeout))]);
              return out;
            }""",
            [code, timeout],
        )

    def cells(self) -> dict:
        return self.page.evaluate(JS_CELL_REPORT)

    def render_report(self) -> dict:
        return self.page.evaluate(JS_RENDER_REPORT)

    def wait_rendered(self, expected: dict, timeout: float = 60_000) -> dict:
        """Wait until every widget view and plotly chart the lesson should show is drawn.

        Returns what the page shows at the end, drawn or not: the caller asserts on it.
        """
        check = (
            "([views, plots, broken]) => { const r = (" + JS_RENDER_REPORT + ")();"
            " return r.viewsRendered >= views && r.plotlyOutputsDrawn >= plots"
            " && r.plots === r.plotsDrawn && !broken.some(b => r.text.includes(b)); }"
        )
        with contextlib.suppress(PlaywrightTimeout):
            self.page.wait_for_function(
                check,
                arg=[expected["widgets"], expected["plotly"], list(BROKEN_WIDGET_TEXTS)],
                timeout=timeout,
            )
        return self.render_report()

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path))
        return path


def error_outputs(cell_report: dict) -> list[str]:
    """Every error or stderr output, with the code that produced it."""
    problems = []
    for cell in cell_report["cells"]:
        for output in cell["outputs"]:
            if output.get("output_type") == "error":
                problems.append(
                    f"{cell['source']!r}: {output.get('ename')}: {output.get('evalue')}"
                )
            elif output.get("name") == "stderr":
                problems.append(f"{cell['source']!r} wrote to stderr: {output.get('text')!r}")
    return problems


def safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text)
