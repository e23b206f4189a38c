"""The one script our live widgets add to the page: keys stay in the widget, and a click
on a part of the explorer's diagram chooses that part.

**Keys.**
In JupyterLab's command mode, letters are notebook shortcuts: "a" and "b" insert cells,
"d d" deletes one. A button inside an output does not count as an editable element,
so a student who sees A/B/C answer buttons and types a letter edits the notebook.
(ipywidgets protects only its text boxes, by stopping their key events.)

Lumino, JupyterLab's toolkit, documents one switch for this: while matching a key to
its shortcuts it walks from the focused element up the page and stops at any element
carrying ``data-lm-suppress-shortcuts``. Shortcuts that end in ``:focus`` match the
focused element itself, so the attribute has to sit on that element: a small script
marks every element that receives focus inside a ``.msals-widget``.

**Clicks on the diagram.** The diagram is SVG inside an ipywidgets ``HTML``, which sends
no events to the kernel. The script listens for clicks on a part (``data-part``) or its
label (``data-label-for``) inside ``.msals-diagram[data-parts]`` and chooses the same part
in the explorer's own Part menu (a ``<select>``), firing the ``change`` event ipywidgets
listens to: the kernel then sees exactly what choosing from the menu sends. The menu
stays the keyboard way to do the same. (anywidget would allow a custom view, but it is
not a dependency of the lessons, and the site build would need its wheel too.)

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
DIAGRAM_SELECTOR = ".msals-diagram[data-parts]"
MENU_SELECTOR = ".msals-part-menu select"

# Installed once per page; marks focused elements of our widgets (also ones drawn later).
SCRIPT = f"""
(function () {{
  if (window.__msalsPageScript) return;
  window.__msalsPageScript = true;
  var mark = function (event) {{
    var target = event.target;
    if (target && target.closest && target.closest({WIDGET_SELECTOR!r})) {{
      target.setAttribute({ATTRIBUTE!r}, 'true');
    }}
  }};
  document.addEventListener('focusin', mark, true);
  document.addEventListener('keydown', mark, true);
  if (document.activeElement) mark({{target: document.activeElement}});
  document.addEventListener('click', function (event) {{
    var target = event.target;
    if (!target || !target.closest) return;
    var diagram = target.closest({DIAGRAM_SELECTOR!r});
    var widget = diagram && diagram.closest({WIDGET_SELECTOR!r});
    var part = target.closest('[data-part], [data-label-for]');
    if (!widget || !part) return;
    var id = part.getAttribute('data-part') || part.getAttribute('data-label-for');
    var index = diagram.getAttribute('data-parts').split(' ').indexOf(id);
    var menu = widget.querySelector({MENU_SELECTOR!r});
    if (index < 0 || !menu) return;
    menu.selectedIndex = index + 1;  // entry 0 is "(choose a part)"
    menu.dispatchEvent(new Event('change', {{bubbles: true}}));
    menu.focus();
  }});
}})();
"""


def page_script() -> ipywidgets.Output:
    """A hidden widget whose only output installs :data:`SCRIPT` in the page."""
    script = ipywidgets.Output(layout=ipywidgets.Layout(display="none"))
    script.add_class("msals-page-script")
    script.append_display_data(Javascript(SCRIPT))
    return script
