# Voila's configuration for the lessons: presenter mode's prose on every Voila page.
# Read by the Voila server extension (<server>/voila/render/lessons/... on Binder and under
# `make lesson`) and by the `voila` command, from any folder on the Jupyter config path:
# this repo's .jupyter (make lesson, the tests) and, on Binder, <prefix>/etc/jupyter,
# where postBuild copies this file. Before running a notebook, Voila hands it to the hook,
# which rewrites "Run the cell below" and the like for a class watching a projector
# (widgets/presenter.py; `make present` serves copies rewritten the same way).
from widgets.presenter import voila_prelaunch_hook

c.VoilaConfiguration.prelaunch_hook = voila_prelaunch_hook  # noqa: F821 (c: Voila's config)

# Notebook 7's lab extension, present in a development venv (not on Binder), fails to load
# in Voila's page ("The getter for the shared module is not a function"); seen in the
# browser tests, such a page can also lose a widget model ("widget model not found").
c.VoilaConfiguration.extension_denylist = ["@jupyter-notebook/lab-extension"]  # noqa: F821
