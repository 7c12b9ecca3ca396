"""MkDocs hook: after everything else has written its files, check every link in the built site.

A hook rather than a macros function so that it runs after all plugins' post-build steps (the
booklet plugin writes its files then), and fails the build on a broken link or anchor anywhere,
including in HTML that macros emit. Pages are parsed in a second process as they are written
(linkcheck.Background), so the check adds little to the build time.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from runnersback.checks import linkcheck  # noqa: E402


_check: linkcheck.Background | None = None


def on_pre_build(config, **kwargs) -> None:
    global _check
    _check = linkcheck.Background()


@event_priority(-100)  # after every other change to the page: what MkDocs writes is what is checked
def on_post_page(output: str, page, config, **kwargs) -> str:
    _check.add(page.file.dest_uri, output)
    return output


@event_priority(-100)  # last
def on_post_build(config, **kwargs) -> None:
    problems = _check.finish(Path(config["site_dir"]))
    if problems:
        raise PluginError("Broken links in the built site:\n  " + "\n  ".join(problems))
