"""MkDocs hook: after everything else has written its files, check every link in the built site.

A hook rather than a macros function so that it runs after all plugins' post-build steps (the
booklet plugin writes its files then), and fails the build on a broken link or anchor anywhere,
including in HTML that macros emit.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from macros import linkcheck  # noqa: E402


@event_priority(-100)  # last
def on_post_build(config, **kwargs) -> None:
    problems = linkcheck.check_site(Path(config["site_dir"]))
    if problems:
        raise PluginError("Broken links in the built site:\n  " + "\n  ".join(problems))
