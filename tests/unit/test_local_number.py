"""No built page names 999 alone: every sentence that names it also says "local emergency number".

A reader may be in none of the countries of data/regions.yml, or travelling, so no instruction names
the emergency number alone (CONTRIBUTING, writing rules). Where the number is a fact rather than an
instruction (the help page's table of each country's routes, the sources page's entries), it is
left out of the rule. The rule is read on the text a reader sees, sentence by sentence, on
every page of the built site: the booklet, the handouts and the 404 page included. The page's
description counts too, as search results and link previews show it.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from runnersback.model.care import lone_999

# Elements that start a new line of text: a sentence never runs across them.
_BLOCKS = {"address", "article", "aside", "blockquote", "br", "button", "caption", "dd", "details",
           "div", "dl", "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
           "h6", "header", "hr", "label", "legend", "li", "main", "nav", "ol", "option", "p", "pre",
           "section", "summary", "table", "td", "text", "th", "title", "tr", "ul"}
_UNSEEN = {"script", "style", "template"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def _reference(attrs: dict) -> bool:
    """A listing of facts, not an instruction: the table of routes by country, a source's entry."""
    return "data-care-routes" in attrs or attrs.get("class") == "source-entry"


class _Lines(HTMLParser):
    """The text of a page, one line per block, whitespace collapsed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._words: list[str] = []
        self._unseen = 0
        self._skipping: list[str] = []  # the open tags inside a reference listing

    def _end_line(self) -> None:
        line = " ".join("".join(self._words).split())
        if line:
            self.lines.append(line)
        self._words = []

    def handle_starttag(self, tag, attrs) -> None:
        if self._skipping or _reference(dict(attrs)):
            if tag not in _VOID:
                self._skipping.append(tag)
            return
        if tag in _UNSEEN:
            self._unseen += 1
        elif tag in _BLOCKS:
            self._end_line()
        elif tag == "meta" and dict(attrs).get("name") == "description":
            self.lines.append(dict(attrs).get("content") or "")

    def handle_endtag(self, tag) -> None:
        if self._skipping:
            if tag in self._skipping:
                while self._skipping.pop() != tag:
                    pass
            return
        if tag in _UNSEEN:
            self._unseen = max(0, self._unseen - 1)
        elif tag in _BLOCKS:
            self._end_line()

    def handle_data(self, data) -> None:
        if not self._unseen and not self._skipping:
            self._words.append(data)


def text_lines(html: str) -> list[str]:
    parser = _Lines()
    parser.feed(html)
    parser.close()
    parser._end_line()
    return parser.lines


def lone_999_in(html: str) -> list[str]:
    return sorted({sentence for line in text_lines(html) for sentence in lone_999(line)})


def test_a_reference_listing_is_not_an_instruction():
    html = ('<div data-care-routes><table><tr><td>112 or 999</td></tr><tr><td><br>999</td></tr></table>'
            '</div><p>Call 999.</p><section class="source-entry"><p>999 in the UK</p></section>')
    assert lone_999_in(html) == ["Call 999."]


def test_a_placeholder_names_the_number_too():
    assert lone_999("Call {emergency} now.") == ["Call {emergency} now."]
    assert lone_999("Call {emergency} or your local emergency number.") == []


def test_no_built_page_shows_a_placeholder(site_dir):
    """Every {emergency}, {hospital}, {urgent} and {gp} became the regions' words."""
    found = {page.relative_to(site_dir).as_posix()
             for page in site_dir.rglob("*.html") if "assets" not in page.parts
             for name in ("emergency", "hospital", "urgent", "gp")
             if "{" + name + "}" in page.read_text(encoding="utf-8")}
    assert not found, sorted(found)


@pytest.mark.parametrize("text, alone", [
    ("Call 999 or your local emergency number, or go to A&E now", []),
    ("Call 999 or go to A&E now. Outside the UK, call your local emergency number.",
     ["Call 999 or go to A&E now."]),
    ("Call 999 (112 in Europe). Or your local emergency number.", ["Call 999 (112 in Europe)."]),
    ("Score 9999 points; colour #999999.", []),
    ("If both legs go numb, call 999.", ["If both legs go numb, call 999."]),
])
def test_the_rule_reads_sentence_by_sentence(text, alone):
    assert lone_999(text) == alone


def test_a_block_ends_a_sentence():
    html = ('<p><strong>Emergency:</strong> Call 999 or go to A&amp;E now</p>'
            '<p>Outside the UK, call your local emergency number.</p>'
            '<script>const text = "call 999";</script>'
            '<meta name="description" content="From calling 999 to running easier.">')
    assert lone_999_in(html) == ["Emergency: Call 999 or go to A&E now",
                                 "From calling 999 to running easier."]


def test_no_built_page_names_999_without_the_local_emergency_number(site_dir):
    pages = sorted(p for p in site_dir.rglob("*.html") if "assets" not in p.parts)
    assert len(pages) > 40 and site_dir / "print_page.html" in pages
    found = {page.relative_to(site_dir).as_posix(): lone_999_in(page.read_text(encoding="utf-8"))
             for page in pages}
    found = {page: sentences for page, sentences in found.items() if sentences}
    report = "\n".join(f"{page}:\n" + "\n".join(f"    {s}" for s in sentences)
                       for page, sentences in found.items())
    assert not found, (f"{len(found)} of {len(pages)} pages name 999 without 'or your local "
                       f"emergency number' in the same sentence:\n{report}")
