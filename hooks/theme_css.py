"""MkDocs hook: Material's two stylesheets without rules that cost each page load for nothing.

**Palette stylesheet: the "no transitions while switching" rule.**
``[data-md-color-switching] *`` (and the same for ``:before`` and ``:after``) matches every element
on the page whenever Material puts that attribute on <body>. Material does so on every page load,
not only when the reader switches palettes, and takes it off a frame later: twice the whole page is
styled again while a cheap phone is still starting up. Measured in Chromium (phone size, CPU slowed
4 times, 8 loads each), without it style work fell by a fifth to two fifths. What the reader loses:
on switching palettes, colours fade over Material's usual 0.1 to 0.25 s instead of changing at once
(not at all with reduced motion, by site.css).

**Main stylesheet: content tabs.** The site does not use content tabs (pymdownx.tabbed), yet
about 150 of their rules (``input:nth-child(12):checked ~ .tabbed-labels > :nth-child(12)`` and
the like, for up to 20 tabs in several variants) came with every first visit: 20 KB of the 137 KB
file (1.9 KB gzip) for a phone to download and parse. Chromium's selector statistics put them at a
third of all selector matching, but that instrumentation inflates rules that are rejected quickly:
in plain traces the gain in style time did not stand out from the noise. The build stops if
content tabs are switched on (on_config).

Each file keeps its name; only those rules go.
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

_PALETTE = re.compile(r"assets/stylesheets/palette\.[0-9a-f]+\.min\.css")
_MAIN = re.compile(r"assets/stylesheets/main\.[0-9a-f]+\.min\.css")
# The rule as Material 9 minifies it: three selectors sharing one declaration block.
_SWITCHING_RULE = re.compile(r"\[data-md-color-switching\] \*,\[data-md-color-switching\] :after,"
                             r"\[data-md-color-switching\] :before\{[^{}]*\}")
_TABS = re.compile(r"\.tabbed-")
_TABS_EXTENSION = "pymdownx.tabbed"
# At-rules whose body holds style rules (filtered too); other blocks (@keyframes, @font-face,
# @page) are kept whole.
_GROUPING = ("@media", "@supports", "@container", "@layer")
_STRING = r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\''
_STRING_OR_BRACE = re.compile(_STRING + r"|[{}]")
_STRING_OR_SEMICOLON = re.compile(_STRING + r"|;")


def without_switching_rule(css: str) -> str:
    """The palette stylesheet without the rule; one that lacks it is an error (see below)."""
    stripped, count = _SWITCHING_RULE.subn("", css)
    if count != 1:
        # A new Material release wrote the rule differently (or dropped it): look again at the
        # palette stylesheet and this hook rather than carry on unknowingly.
        raise PluginError("hooks/theme_css.py: Material's palette stylesheet no longer has the "
                          "'[data-md-color-switching] *' rule in the expected form")
    return stripped


def without_selectors(css: str, unwanted: re.Pattern) -> str:
    """``css`` without the selectors in which ``unwanted`` is found; a rule left with none goes,
    and so does a @media (or similar) block left empty. For minified CSS without comments or
    nested style rules, as Material ships it."""
    braces = [(m.start(), m.group()) for m in _STRING_OR_BRACE.finditer(css) if len(m.group()) == 1]
    text, k, _ = _filter_block(css, braces, 0, 0, unwanted)
    if k != len(braces):
        raise PluginError("hooks/theme_css.py: unbalanced braces in a Material stylesheet")
    return text


def _filter_block(css: str, braces: list[tuple[int, str]], k: int, pos: int,
                  unwanted: re.Pattern) -> tuple[str, int, int]:
    """Filter the items from ``pos`` (brace number ``k``) to the end of the enclosing block.
    Returns the text, the number of the brace that ends the block, and where that brace is."""
    out = []
    while k < len(braces):
        at, brace = braces[k]
        if brace == "}":
            out.append(css[pos:at])
            return "".join(out), k, at
        statements, prelude = _split_statements(css[pos:at])  # "@charset ...;" before a rule
        out.append(statements)
        if prelude.startswith(_GROUPING):
            body, k, close = _filter_block(css, braces, k + 1, at + 1, unwanted)
            if body:
                out.append(f"{prelude}{{{body}}}")
        elif prelude.startswith("@"):  # @keyframes, @font-face, @page: kept whole
            depth = 1
            while depth:
                k += 1
                depth += 1 if braces[k][1] == "{" else -1
            close = braces[k][0]
            out.append(css[pos + len(statements):close + 1])
        else:
            k += 1
            close = braces[k][0]
            if braces[k][1] != "}":
                raise PluginError("hooks/theme_css.py: a nested rule in a Material stylesheet")
            if unwanted.search(prelude):  # most rules do not match: those need no splitting
                prelude = ",".join(selector for selector in _split_selectors(prelude)
                                   if not unwanted.search(selector))
            if prelude:
                out.append(f"{prelude}{{{css[at + 1:close]}}}")
        k += 1
        pos = close + 1
    out.append(css[pos:])
    return "".join(out), k, len(css)


def _split_statements(text: str) -> tuple[str, str]:
    """Split off at-statements ending in ";" (outside strings) from the prelude that follows."""
    ends = [m.end() for m in _STRING_OR_SEMICOLON.finditer(text) if m.group() == ";"]
    return (text[:ends[-1]], text[ends[-1]:]) if ends else ("", text)


def _split_selectors(prelude: str) -> list[str]:
    parts, start, depth = [], 0, 0
    for i, char in enumerate(prelude):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(prelude[start:i])
            start = i + 1
    parts.append(prelude[start:])
    return parts


def without_tabs(css: str) -> str:
    """The main stylesheet without the content-tab rules; one that has none is an error."""
    stripped = without_selectors(css, _TABS)
    if stripped == css or _TABS.search(stripped):
        raise PluginError("hooks/theme_css.py: Material's main stylesheet no longer has content-tab "
                          "rules in the expected form ('.tabbed-'); look at it and this hook again")
    return stripped


def on_config(config, **kwargs):
    if _TABS_EXTENSION in config["markdown_extensions"]:
        raise PluginError(f"hooks/theme_css.py takes Material's content-tab styles out; remove "
                          f"that step before enabling {_TABS_EXTENSION} in mkdocs.yml")
    return config


def on_files(files: Files, config, **kwargs) -> Files:
    for pattern, rewrite in ((_PALETTE, without_switching_rule), (_MAIN, without_tabs)):
        found = [file for file in files if pattern.fullmatch(file.src_uri)]
        if len(found) != 1:
            raise PluginError(f"hooks/theme_css.py: expected one Material stylesheet matching "
                              f"{pattern.pattern}, found {len(found)}")
        (theme_file,) = found
        files.remove(theme_file)
        files.append(File.generated(config, theme_file.src_uri,
                                    content=rewrite(theme_file.content_string)))
    return files
