"""MkDocs hook: mkdocs-macros without two pieces of work this site does not need.

- Git look-ups. On every build mkdocs-macros runs git seven times to offer pages a `git` variable
  (last commit, author, tag). No page uses it, and a page that showed it would make the build depend
  on the checkout (builds are byte-identical for a commit; see the README). The seven processes cost
  about a fiftieth of the build. A page that asks for `git.commit` or the like now stops the strict
  build (undefined).
- Jinja's optimizer. Every page is compiled as a Jinja template once per build, and the optimizer
  pass (folding constant expressions, of which pages have none) was a fifth of that compile time.
  The output is the same.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs_macros import context


def _no_git_info() -> dict:
    return {"status": False, "date": None,
            "diagnosis": "git look-ups are off (hooks/lighter_macros.py)"}


@event_priority(100)  # before mkdocs-macros sets up its variables
def on_config(config, **kwargs):
    context.get_git_info = _no_git_info
    return config


@event_priority(-100)  # after mkdocs-macros has made its Jinja environment
def on_pre_build(config, **kwargs):
    config.plugins["macros"].env.optimized = False
