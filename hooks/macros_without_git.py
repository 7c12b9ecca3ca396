"""MkDocs hook: mkdocs-macros without its git look-ups, which this site does not use.

On every build mkdocs-macros runs git seven times to offer pages a `git` variable (last commit,
author, tag). No page uses it, and a page that showed it would make the build depend on the
checkout (builds are byte-identical for a commit; see the README). The seven processes cost about
a fiftieth of the build. A page that asks for `git.commit` or the like now stops the strict
build (undefined).
"""

from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs_macros import context


def _no_git_info() -> dict:
    return {"status": False, "date": None,
            "diagnosis": "git look-ups are off (hooks/macros_without_git.py)"}


@event_priority(100)  # before mkdocs-macros sets up its variables
def on_config(config, **kwargs):
    context.get_git_info = _no_git_info
    return config
