"""After rendering: every page that must show the warning signs shows every one it must.

The renderers draw each list from the registry, so a sign can go missing only if a page bypasses them
(a stub written by hand, a template change). This check reads the final HTML, so it catches that too.
Pure: it takes the loaded data (the model's SiteData; checks import nothing but each other) and a
page's HTML, and returns what is missing.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import PurePosixPath


HELP_PAGE = "when-to-get-help.md"
FLOWCHART_PAGE = "flowchart.md"
PLAN_PAGE = "return-to-running.md"  # any warning sign stops the plan, whatever the stage
# The safety box (render/handouts.safety_box): one block per care level inside it, so the first
# "</div>" straight after a "</div>" closes it.
_SAFETY_BOX = re.compile(r'<div class="red-flags handout__flags">(.*?)</div>\n</div>', re.S)


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
    return [sid for sid in required if escape(site.signs[sid].text, quote=True) not in html]


__all__ = ["required_signs", "missing_signs"]
