"""Macro HTML goes into the page as it is, without a second pass through Markdown's HTML parser.

Why: Python-Markdown reads every block of raw HTML tag by tag (md_in_html's parser), only to hand
it back unchanged. On the macro-heavy pages (conditions, sources, flowchart) that re-reading was
the largest part of what macros added to the build time.

How: each macro hands its HTML to the page's :class:`Store`, which leaves a short token in the
Markdown instead. :class:`Extension`'s preprocessor, running after Markdown has normalised the text
and before it looks for HTML, swaps each token for Python-Markdown's own raw-HTML placeholder
(``md.htmlStash``); Markdown puts the HTML back when it writes the page. pymdownx.superfences keeps
code blocks away from the parser the same way.

Markdown headings in macro output (``## Signs { #signs }``) stay Markdown, so they still reach the
table of contents and get their anchors; everything else a macro writes is HTML.
"""

from __future__ import annotations

import re

import markdown
from markdown.preprocessors import Preprocessor

# Letters and digits only, so neither Jinja nor any Markdown syntax changes a token on its way.
_TOKEN = "rbhtml{}x"
_TOKEN_RE = re.compile(r"rbhtml(\d+)x")
# A Markdown heading line in block output: ATX style, as the renderers write them.
_HEADING_LINE = re.compile(r"^#{1,6} [^\n]*$", re.MULTILINE)


class Store:
    """The HTML the macros wrote for the page being rendered, until Markdown takes it."""

    def __init__(self) -> None:
        self._html: list[str] = []

    def reset(self) -> None:
        """Start a new page. Tokens of the page before are no longer valid."""
        self._html = []

    def inline(self, html: str) -> str:
        """A token for HTML inside a line of text, such as a citation."""
        self._html.append(html)
        return _TOKEN.format(len(self._html) - 1)

    def block(self, text: str) -> str:
        """Block output: each stretch of HTML becomes a token on a paragraph of its own; Markdown
        heading lines stay as they are."""
        out, start = [], 0
        for match in _HEADING_LINE.finditer(text):
            out += [self._block_html(text[start:match.start()]), match.group(0)]
            start = match.end()
        out.append(self._block_html(text[start:]))
        return "\n\n" + "\n\n".join(part for part in out if part) + "\n\n"

    def _block_html(self, html: str) -> str:
        html = html.strip()
        return self.inline(html) if html else ""

    def take(self, number: int) -> str:
        if number >= len(self._html):
            raise KeyError(f"macro HTML token {_TOKEN.format(number)} belongs to no macro "
                           "output of this page")
        return self._html[number]


class PassThrough:
    """The HTML goes into the Markdown as it is, for Markdown's own HTML parser to read: where no
    extension can be added (Zensical's macros)."""

    def reset(self) -> None:
        pass

    def inline(self, html: str) -> str:
        return html

    def block(self, text: str) -> str:
        return "\n\n" + text.strip() + "\n\n"


class _Unstash(Preprocessor):
    def __init__(self, md: markdown.Markdown, store: Store):
        super().__init__(md)
        self.store = store

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if "rbhtml" not in text:
            return lines
        swapped = _TOKEN_RE.sub(lambda m: self.md.htmlStash.store(self.store.take(int(m.group(1)))),
                                text)
        return swapped.split("\n")


class Extension(markdown.Extension):
    """Registers the token swap. Priority 25: after whitespace normalisation (30), which would strip
    the placeholders' control characters, and before the raw-HTML block parser (20)."""

    def __init__(self, store: Store, **kwargs):
        self.store = store
        super().__init__(**kwargs)

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.register(_Unstash(md, self.store), "runnersback_macro_html", 25)
