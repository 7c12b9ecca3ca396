"""Post-build: explain each abbreviation once per page, where it first appears, on tap too.

The glossary (docs/includes/abbreviations.md) is appended to every page, and the abbr extension
then marks every "NHS" and "GP" on it, citations included: up to 30 dotted underlines on a page.
Plain English explains a term the first time it is used, so later uses become plain text.

A title shows on hover with a mouse, never on a touch screen. The first use is made focusable, and
site.css spells the meaning out after the term while it has focus: tap it, or Tab to it. (Material's
content.tooltips feature does this with JavaScript, at a cost on a cheap phone that kept Lighthouse
performance below target.)
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Link openings and closings, and abbreviations, in document order.
_TOKEN = re.compile(r"(<a\b[^>]*>)|(</a>)|<abbr title=\"[^\"]*\">([^<]*)</abbr>")


def first_only(html: str) -> str:
    """Keep the first <abbr> of each term outside links, focusable; the rest become plain text.

    Inside a link the term stays plain: a tap there follows the link, and a focusable element
    may not sit inside a link.
    """
    seen: set[str] = set()
    in_link = False

    def rewrite(match: re.Match) -> str:
        nonlocal in_link
        if match.group(1) or match.group(2):
            in_link = bool(match.group(1))
            return match.group(0)
        term = match.group(3)
        if in_link or term in seen:
            return term
        seen.add(term)
        return match.group(0).replace("<abbr ", '<abbr tabindex="0" ', 1)

    return _TOKEN.sub(rewrite, html)


# Plain English explains a term where it is first used, in the sentence itself: a tooltip shows on
# hover with a mouse only. For each short form, the everyday words that explain it; the first use
# of the term in a page's prose must share its sentence with one of them, as in "a GP (your family
# doctor)" or "A&E (the hospital's emergency department)". Kilometres, UK, US and EU explain
# themselves. Headings, links, citations and the "about this page" block are names, not prose:
# the first use that counts is the first in running text. The warning banner and the care levels'
# headings and actions are the routes to care (where to go, whom to call), written once in
# data/care_levels.yml and worded for the reader's region there.
EVERYDAY_WORDS = {
    "GP": r"doctor",
    "A&E": r"emergency|hospital",
    "NSAID": r"anti-inflammator|ibuprofen",
    "NSAIDs": r"anti-inflammator|ibuprofen",
    "NHS 111": r"call|phone|helpline|online",
    "NHS": r"health service|National Health Service",
    "NICE": r"National Institute|guideline|guidance",
    "NG59": r"guideline|guidance",
    "SI": r"sacroiliac",
    "PT": r"physio|physical therap",
    "OCS": r"specialist|Orthopaedic",
    "APTA": r"Association|physical therap",
    "MRI": r"scan",
    "RICE": r"rest\W+ice",
    "ACSM": r"College|sports medicine",
    "MSK": r"bone|joint|muscle",
    "physio": r"physiotherapist",
}
_SKIP = {"h1", "h2", "h3", "h4", "h5", "h6", "a", "script", "style", "nav", "svg", "button", "label"}
_SKIP_CLASSES = ("cite", "page-info", "headerlink", "md-tags", "rb-announce",
                 # the care levels' routes (data/care_levels.yml: where to go, whom to call)
                 "care-card__heading", "care-card__action", "care-card__level", "handout__level",
                 "rtr-band__care",
                 # source titles and the sources page's entries are names
                 "condition-sources", "source-entry")
_BLOCKS = {"p", "li", "td", "th", "dd", "dt", "caption", "figcaption", "blockquote", "summary", "div"}
_VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "col", "area", "base", "embed", "track"}


class _Prose(HTMLParser):
    """The running text of a page's article, one string per block, without skipped parts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.in_article = 0
        self.blocks: list[str] = []
        self.current: list[str] = []

    def _skipping(self) -> bool:
        return any(skipped for _, skipped in self.stack)

    def _flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag in _VOID:
            return
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag == "article":
            self.in_article += 1
        skipped = (tag in _SKIP or any(c in _SKIP_CLASSES for c in classes)
                   or "hidden" in attributes)
        if tag in _BLOCKS:
            self._flush()
        self.stack.append((tag, skipped))

    def handle_endtag(self, tag) -> None:
        if tag in _VOID:
            return
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break
        if tag in _BLOCKS:
            self._flush()
        if tag == "article":
            self.in_article -= 1

    def handle_data(self, data) -> None:
        if self.in_article and not self._skipping():
            self.current.append(data)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])")


def unexplained(html: str) -> list[str]:
    """Each term of EVERYDAY_WORDS whose first use in the page's prose has no everyday words in its
    sentence, as "TERM: sentence"."""
    parser = _Prose()
    parser.feed(html)
    parser._flush()
    problems, seen = [], set()
    for block in parser.blocks:
        for sentence in _SENTENCE_END.split(block):
            for term, words in EVERYDAY_WORDS.items():
                if term in seen:
                    continue
                found = re.search(rf"(?<![\w&]){re.escape(term)}(?![\w&])", sentence)
                if term == "NHS" and found and sentence[found.end():].startswith(" 111"):
                    found = re.search(r"(?<![\w&])NHS(?! 111)(?![\w&])", sentence)
                if not found:
                    continue
                seen.add(term)
                if not re.search(words, sentence, re.I):
                    problems.append(f"{term}: {sentence[:160]}")
    return problems
