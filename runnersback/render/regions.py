"""Care routes by region: every place that names a number or a service renders it here.

One build serves every country. Where a text says {emergency}, {hospital}, {urgent} or {gp}, the page
holds each region's words, one span for each wording, naming the regions that use it::

    <span class="rg"><span data-region="uk northern-ireland">999</span><span data-region="us canada" data-search-exclude>911</span>…</span>

and CSS (:func:`region_css`, in the head of every page) shows the span of the region on
``<html data-region="…">``, set before the first paint from the reader's choice (:func:`head_script`),
or the default region's (mkdocs.yml ``extra.region``) when there is no choice or no JavaScript. The
other regions' spans are left out of the search index, so search finds the default region's words.
"""

from __future__ import annotations

import json
import re

from ..model.core import SiteData
from ..model.regions import HELP_ANCHOR, PLACEHOLDER, PLACEHOLDERS, route_words
from .citations import cite
from .html import Linker, esc

STORAGE_KEY = "rb-region"
_TAG = re.compile(r"(<[^>]*>)")


def route(site: SiteData, kind: str, searchable: bool = True) -> str:
    """Every region's words for one placeholder, as spans, one for each wording (so the page holds
    "911" once for the US and Canada); the reader's is shown. Search indexes the default region's
    (``searchable=False``: no span is marked, for text outside the index)."""
    if kind not in PLACEHOLDERS:
        raise ValueError(f"unknown route '{kind}' (known: {', '.join(PLACEHOLDERS)})")
    wordings: dict[str, list[str]] = {}
    for region_id in site.regions:
        wordings.setdefault(route_words(site, kind, region_id), []).append(region_id)
    spans = "".join(
        f'<span data-region="{esc(" ".join(ids))}"'
        f'{"" if site.default_region in ids or not searchable else " data-search-exclude"}>'
        f'{esc(words)}</span>'
        for words, ids in wordings.items())
    return f'<span class="rg rg--{kind}">{spans}</span>'


def expand_html(site: SiteData, html: str, searchable: bool = True) -> str:
    """Rendered HTML with each placeholder in its text made :func:`route` spans; inside a tag (an
    attribute) it takes the default region's words, as markup cannot go there."""
    if "{" not in html or not site.regions:
        return html
    parts = _TAG.split(html)
    out = []
    for part in parts:
        if part.startswith("<"):
            out.append(PLACEHOLDER.sub(lambda m: esc(route_words(site, m.group(1), site.default_region))
                                       if m.group(1) in PLACEHOLDERS else m.group(0), part))
        else:
            out.append(PLACEHOLDER.sub(lambda m: route(site, m.group(1), searchable)
                                       if m.group(1) in PLACEHOLDERS else m.group(0), part))
    return "".join(out)


def region_css(site: SiteData) -> str:
    """The rules that show the chosen region's words and hide the others' (before any stylesheet
    loads, so the first paint is right). ``{default}`` is left for the theme to fill in."""
    chosen = ",".join(f'html[data-region="{r}"] .rg>[data-region~="{r}"]' for r in site.regions)
    return (".rg>[data-region]{display:none}"
            + chosen + ',html:not([data-region]) .rg>[data-region~="{default}"]{display:inline}')


def head_script(site: SiteData) -> str:
    """Sets ``<html data-region>`` from the reader's stored choice before the page is painted;
    ``{default}`` is left for the theme to fill in."""
    known = json.dumps(list(site.regions), separators=(",", ":"))
    return ('(function(d){var r;try{r=localStorage.getItem("' + STORAGE_KEY + '")}catch(e){}'
            f'if({known}.indexOf(r)<0)r="{{default}}";d.dataset.region=r}})(document.documentElement)')


def region_control(site: SiteData, help_href: str) -> str:
    """The "Where are you?" control: a native select (script on) and, for a reader without
    JavaScript, a link to the help page's table of every country's routes."""
    options = "".join(f'<option value="{esc(r.id)}">{esc(r.name)}</option>'
                      for r in site.regions.values())
    return (f'<span class="rb-region">'
            f'<label for="rb-region">Where are you?</label> '
            f'<select id="rb-region" class="rb-region__select">{options}</select> '
            f'<a class="rb-region__link" href="{help_href}#{HELP_ANCHOR}">Numbers in other countries</a>'
            f'</span>')


def control_script() -> str:
    """Keeps the select and ``<html data-region>`` in step, and stores the choice."""
    return ('(function(s,d){if(!s)return;s.value=d.dataset.region||s.value;'
            's.addEventListener("change",function(){d.dataset.region=s.value;'
            'try{localStorage.setItem("' + STORAGE_KEY + '",s.value)}catch(e){}})})'
            '(document.getElementById("rb-region"),document.documentElement)')


def care_routes(site: SiteData, linker: Linker, cited: set[str]) -> str:
    """Every region's routes in one table (the help page's #care-routes), each row cited: a reader
    without JavaScript, or abroad, finds their own country's numbers here. The table is for the
    screen (not printed), so its sources stay out of the page's printed "Based on" list, which
    ``cited`` feeds: each row links its sources itself."""
    cited = set(cited)  # a copy: the footer lists what the printed page rests on
    rows = []
    for r in site.regions.values():
        urgent = esc(r.urgent[0].upper() + r.urgent[1:])
        notes = f'<br><small>{esc(r.notes)}</small>' if r.notes else ""
        rows.append(
            f'<tr><th scope="row">{esc(r.name)}</th><td>{esc(r.emergency)}</td>'
            f'<td>{esc(r.hospital[0].upper() + r.hospital[1:])}</td><td>{urgent}{notes}</td>'
            f'<td>{esc(r.gp[0].upper() + r.gp[1:])} {cite(site, linker, r.sources, cited)}</td></tr>')
    # On paper the page speaks for the reader's country (or the default): the table stays on screen.
    return ('<div class="care-routes" data-care-routes>\n<table>\n<caption>Where to go and whom to '
            'call, by country</caption>\n<thead><tr><th scope="col">Country</th>'
            '<th scope="col">Emergency number</th><th scope="col">Hospital emergency department</th>'
            '<th scope="col">Urgent help, not an emergency</th><th scope="col">Family doctor</th>'
            '</tr></thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>\n</div>")


__all__ = ["route", "expand_html", "region_css", "head_script", "region_control", "control_script",
           "care_routes", "STORAGE_KEY"]
