"""The "about this page" block every page ends with, and the page summary box.

On screen: review dates, the sources the page rests on, "not a diagnosis", the link to urgent signs.
On paper: also the page's web address with a QR code made at build time (qr.py, segno, no network),
and a running header with the site name, page title and review date (CSS @page margin boxes).
"""

from __future__ import annotations

import datetime
import functools

from ..model.care import HELP_PAGE
from ..model.core import SiteData
from ..model.pages import check_page_meta
from . import qr
from .citations import SOURCES_PAGE, anchor, cited_text_list
from .html import Linker, esc


def long_date(value: datetime.date) -> str:
    return f"{value.day} {value:%B %Y}"


@functools.lru_cache(maxsize=None)  # a handout carries the same code as its full page
def qr_svg(url: str) -> str:
    """An inline SVG QR code for ``url``, sized by CSS."""
    return qr.svg(url, css_class="page-qr")


def page_address(site_url: str, page_url: str) -> str:
    return site_url.rstrip("/") + "/" + page_url.lstrip("/")


def page_footer(site: SiteData, linker: Linker, *, meta: dict, title: str, address: str,
                cited: set[str]) -> str:
    """The block appended to every page. Fails the build if review dates are missing."""
    page = check_page_meta(meta, linker.current_src)
    reviewed, next_review = page.reviewed, page.next_review
    if cited:
        by_kind = sorted(cited, key=lambda s: (list(site.kinds).index(site.sources[s].kind), s))
        rests_on = "; ".join(
            f'{linker.a(SOURCES_PAGE, site.sources[s].short, anchor(s))} '
            f'({esc(site.kinds[site.sources[s].kind].label.lower())})' for s in by_kind)
    else:
        rests_on = "this site's " + linker.a(SOURCES_PAGE, "list of sources")
    help_link = linker.a(HELP_PAGE, "warning signs that need urgent help")
    return f"""
<aside class="page-info" aria-label="About this page" data-search-exclude>
<p class="page-info__dates"><strong>Last reviewed:</strong> <time datetime="{reviewed.isoformat()}">{esc(long_date(reviewed))}</time>.
<strong>Next review due:</strong> <time datetime="{next_review.isoformat()}">{esc(long_date(next_review))}</time>.</p>
<p class="page-info__sources"><strong>Based on:</strong> {rests_on}.</p>
<p class="page-info__disclaimer">This page is general information, not a diagnosis. It cannot replace an examination by a doctor or physio. Know the {help_link}.</p>
<div class="page-info__print">
{qr_svg(address)}
<p>Read this page online: <span class="page-info__address">{esc(address)}</span></p>
</div>
</aside>
"""


def page_summary(site: SiteData, linker: Linker, meta: dict, cited: set[str]) -> str:
    """The "In short" box from the front matter's ``summary`` list."""
    items = check_page_meta(meta, linker.current_src).summary
    if not items:
        raise ValueError(f"docs/{linker.current_src}: page_summary() needs a 'summary' list in the "
                         f"front matter")
    return ('<div class="in-short">\n<p class="in-short__title"><strong>In short</strong></p>\n'
            + cited_text_list(site, linker, items, cited) + "\n</div>")


__all__ = ["page_footer", "page_summary", "qr_svg", "page_address"]
