"""Keys pressed inside a lesson widget stay in the widget.

In JupyterLab's command mode, letters are notebook shortcuts: "a" and "b" insert cells,
"d d" deletes one. A button inside an output does not count as an editable element,
so a student who sees A/B/C answer buttons and types a letter edits the notebook.
(ipywidgets protects only its text boxes, by stopping their key events.)

Lumino, JupyterLab's toolkit, documents one switch for this: while matching a key to
its shortcuts it walks from the focused element up the page and stops at any element
carrying ``data-lm-suppress-shortcuts``. Shortcuts that end in ``:focus`` match the
focused element itself, so the attribute has to sit on that element: a small script
marks every element that receives focus inside a ``.msals-widget``.

ipywidgets cannot set attributes on its buttons, so the script reaches the page as an
``application/javascript`` output inside a hidden ``Output`` widget. The output lives
in the widget's state, which the lessons never store, so nothing lands in the notebook
file; front ends that do not run it (a static copy) have no notebook shortcuts either.
"""

from __future__ import annotations

import ipywidgets
from IPython.display import Javascript

ATTRIBUTE = "data-lm-suppress-shortcuts"
WIDGET_SELECTOR = ".msals-widget"

# Installed once per page; marks focused elements of our widgets (also ones drawn later).
SCRIPT = f"""
(function () {{
  if (window.__msalsKeyGuard) return;
  window.__msalsKeyGuard = true;
  var mark = function (event) {{
    var target = event.target;
    if (target && target.closest && target.closest({WIDGET_SELECTOR!r})) {{
      target.setAttribute({ATTRIBUTE!r}, 'true');
    }}
  }};
  document.addEventListener('focusin', mark, true);
  document.addEventListener('keydown', mark, true);
  if (document.activeElement) mark({{target: document.activeElement}});
}})();
"""


def key_guard() -> ipywidgets.Output:
    """A hidden widget whose only output installs :data:`SCRIPT` in the page."""
    guard = ipywidgets.Output(layout=ipywidgets.Layout(display="none"))
    guard.add_class("msals-key-guard")
    guard.append_display_data(Javascript(SCRIPT))
    return guard
