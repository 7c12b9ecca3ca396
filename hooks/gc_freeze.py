"""MkDocs hook: Python's garbage collector leaves the configuration alone while pages are built.

Everything loaded before the build starts (MkDocs, the theme, the plugins, the site's data) lives
until the build ends, yet each full collection walks all of it again. The macro build allocates
enough to set off such a collection part-way through, which took about 60 ms here; the smaller
collections also got cheaper. ``gc.freeze()`` sets those objects aside for the build (the Python
docs' own advice for long-lived start-up state); they go back afterwards, so ``mkdocs serve``
still frees what one build leaves behind. Reference counting, which frees most objects, is
untouched. Used in the benchmark's comparison build too: it is neither a macro nor a check.
"""

from __future__ import annotations

import gc

from mkdocs.plugins import event_priority


@event_priority(100)  # first: everything the build starts with is set aside
def on_pre_build(config, **kwargs) -> None:
    gc.freeze()


@event_priority(-100)
def on_post_build(config, **kwargs) -> None:
    gc.unfreeze()


def on_build_error(error, **kwargs) -> None:
    gc.unfreeze()
