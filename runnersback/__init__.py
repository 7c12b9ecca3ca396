"""Runner's Back's engine-free core: the data model, the HTML renderers and the built-site checks.

Nothing here imports MkDocs, Markdown or Jinja (tests/unit/test_layers.py checks it), so the same core
serves MkDocs and Zensical (through macros/). The direction is model -> render; checks stand
apart.
"""
