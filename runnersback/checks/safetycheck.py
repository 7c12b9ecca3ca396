"""After rendering: every page that must show the warning signs shows every one it must.

The renderers draw each list from the registry, so a sign can go missing only if a page bypasses them
(a stub written by hand, a template change). This check reads the final HTML, so it catches that too.
Pure: it takes the loaded data (the model's SiteData; checks import nothing but each other) and a
page's HTML, and returns what is missing.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

import markupsafe


HELP_PAGE = "when-to-get-help.md"
FLOWCHART_PAGE = "flowchart.md"
PLAN_PAGE = "return-to-running.md"  # any warning sign stops the plan, whatever the stage
# The safety box (render/handouts.safety_box): one block per care level inside it, so the first
# "</div>" straight after a "</div>" closes it.
_SAFETY_BOX = re.compile(r'<div class="red-flags handout__flags">(.*?)</div>\n</div>', re.S)



def _esc(text: str) -> str:
    """Text as the renderers escape it (runnersback/render/html.esc: markupsafe)."""
    return str(markupsafe.escape(text))

def required_signs(site, src: str) -> list[str]:
    """The registry signs page ``src`` must show (ids, in registry order); [] for most pages."""
    path = PurePosixPath(src)
    if src in (HELP_PAGE, FLOWCHART_PAGE, PLAN_PAGE) or (path.parent.name == "handouts" and path.stem != "index"):
        return list(site.signs)
    if path.parent.name == "conditions" and path.stem in site.conditions:
        usual = site.conditions[path.stem].care.level
        return [sid for sid, sign in site.signs.items()
                if sign.level == "emergency" or site.more_urgent(sign.level, usual)]
    return []


def missing_signs(site, src: str, html: str) -> list[str]:
    """Signs page ``src`` must show but its HTML lacks. A handout and the return-to-running plan
    must show them in their safety box."""
    required = required_signs(site, src)
    if not required:
        return []
    if PurePosixPath(src).parent.name == "handouts" or src == PLAN_PAGE:
        box = _SAFETY_BOX.search(html)
        html = box.group(1) if box else ""
    return [sid for sid in required if _esc(site.signs[sid].text) not in html]


# One route rendered for every region (render/regions.route): its spans, each naming its regions.
_ROUTE = re.compile(r'<span class="rg rg--(\w+)">((?:<span data-region="[^"]+"[^>]*>[^<]*</span>)+)</span>')
_SPAN = re.compile(r'<span data-region="([^"]+)"[^>]*>([^<]*)</span>')
_BANNER = re.compile(r'<p class="rb-announce">(.*?)</p>', re.S)
_EMERGENCY_CARD = re.compile(r'<(?:div|section) class="care-card care-card--emergency[^"]*">(.*?)</h[23p]>', re.S)


def _by_region(spans: str) -> dict[str, str]:
    return {rid: words for ids, words in _SPAN.findall(spans) for rid in ids.split()}


def missing_routes(site, html: str) -> list[str]:
    """Where a page names a route, what any region lacks: every route holds every region's words
    (data/regions.yml), so no reader is left without their number; the banner and each emergency
    card's heading name every region's emergency number. Checked region by region."""
    problems = []
    expected = {kind: {rid: _esc(getattr(region, kind))
                       for rid, region in site.regions.items()}
                for kind in ("emergency", "hospital", "urgent", "gp")}
    for kind, spans in _ROUTE.findall(html):
        got = _by_region(spans)
        for rid, words in expected.get(kind, {}).items():
            if got.get(rid) != words:
                problems.append(f"an {{{kind}}} route lacks {site.regions[rid].name}'s words ({words})")
    places = [("the banner", m.group(1)) for m in _BANNER.finditer(html)]
    places += [("an emergency card", m.group(1)) for m in _EMERGENCY_CARD.finditer(html)]
    for where, part in places:
        numbers = {rid: words for kind, spans in _ROUTE.findall(part) if kind == "emergency"
                   for rid, words in _by_region(spans).items()}
        for rid, words in expected["emergency"].items():
            if numbers.get(rid) != words:
                problems.append(f"{where} does not give {site.regions[rid].name}'s emergency number "
                                f"({words})")
    return sorted(set(problems))


__all__ = ["required_signs", "missing_signs", "missing_routes"]
