"""MkDocs hook: Material's palette stylesheet without its "no transitions while switching" rule.

The rule, ``[data-md-color-switching] * {transition-duration: 0s !important}`` and the same for
``:before`` and ``:after``, matches every element on the page whenever Material puts the attribute on
<body>. Material does that on every page load, not only when the reader switches palettes, and takes
it off a frame later: twice the whole page is styled again, on the main thread, while a cheap phone
is still starting up. Measured in Chromium (phone size, CPU slowed 4 times, 8 loads each), without
the rule style work fell by a fifth to two fifths and the main thread's total by about a tenth.

What the reader loses: on switching palettes, links and buttons fade to their new colours over
Material's usual 0.1 to 0.25 s instead of changing at once (not at all with reduced motion, by
site.css). The file keeps its name; only this rule goes.
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
    """The stylesheet without the rule; a stylesheet that lacks it is an error (see below)."""
    stripped, count = _SWITCHING_RULE.subn("", css)
    if count != 1:
        # A new Material release wrote the rule differently (or dropped it): look again at the
        # palette stylesheet and this hook rather than carry on unknowingly.
        raise PluginError("hooks/palette_css.py: Material's palette stylesheet no longer has the "
                          "'[data-md-color-switching] *' rule in the expected form")
    return stripped


def on_files(files: Files, config, **kwargs) -> Files:
    palettes = [file for file in files if _PALETTE.fullmatch(file.src_uri)]
    if len(palettes) != 1:
        raise PluginError(f"hooks/palette_css.py: expected one Material palette stylesheet, "
                          f"found {len(palettes)}")
    (palette,) = palettes
    files.remove(palette)
    files.append(File.generated(config, palette.src_uri,
                                content=without_switching_rule(palette.content_string)))
    return files
