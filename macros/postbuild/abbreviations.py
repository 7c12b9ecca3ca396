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
