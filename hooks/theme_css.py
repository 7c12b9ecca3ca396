"""MkDocs hook: Material's palette stylesheet without its "no transitions while switching" rule.

``[data-md-color-switching] *`` (and the same for ``:before`` and ``:after``) matches every element
on the page whenever Material puts that attribute on <body>. Material does so on every page load,
not only when the reader switches palettes, and takes it off a frame later: twice the whole page is
styled again while a cheap phone is still starting up. What the reader loses: on switching
palettes, colours fade over Material's usual 0.1 to 0.25 s instead of changing at once (not at all
with reduced motion, by site.css). The file keeps its name; only that rule goes. Measured side by
side: CONTRIBUTING.md.
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

_PALETTE = re.compile(r"assets/stylesheets/palette\.[0-9a-f]+\.min\.css")
# The rule as Material 9 minifies it: three selectors sharing one declaration block.
_SWITCHING_RULE = re.compile(r"\[data-md-color-switching\] \*,\[data-md-color-switching\] :after,"
                             r"\[data-md-color-switching\] :before\{[^{}]*\}")


def without_switching_rule(css: str) -> str:
    """The palette stylesheet without the rule; one that lacks it is an error (see below)."""
    stripped, count = _SWITCHING_RULE.subn("", css)
    if count != 1:
        # A new Material release wrote the rule differently (or dropped it): look again at the
        # palette stylesheet and this hook rather than carry on unknowingly.
        raise PluginError("hooks/theme_css.py: Material's palette stylesheet no longer has the "
                          "'[data-md-color-switching] *' rule in the expected form")
    return stripped


def on_files(files: Files, config, **kwargs) -> Files:
    found = [file for file in files if _PALETTE.fullmatch(file.src_uri)]
    if len(found) != 1:
        raise PluginError(f"hooks/theme_css.py: expected one Material stylesheet matching "
                          f"{_PALETTE.pattern}, found {len(found)}")
    (theme_file,) = found
    files.remove(theme_file)
    files.append(File.generated(config, theme_file.src_uri,
                                content=without_switching_rule(theme_file.content_string)))
    return files
