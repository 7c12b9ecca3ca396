"""Care-level cards and the red-flag box, all rendered from data/care_levels.yml.

Cards follow the NHS care-card pattern: the heading is the action, and the level is announced in text
("Emergency:") and by an icon as well as by colour, so it never rests on colour alone.
"""

from __future__ import annotations

from ..model.base import CitedText
from ..model.care import HELP_PAGE, CareLevel, level
from ..model.core import SiteData
from .citations import cite, cited_text_list
from .html import Linker, esc

def card_anchor(level_id: str) -> str:
    return f"care-{level_id}"


def card_heading(care: CareLevel, tag: str = "h3", ident: str | None = None) -> str:
    # Anchor ids sit on headings: the booklet plugin keeps only heading and list-item ids unique.
    id_attr = f' id="{esc(ident)}"' if ident else ""
    return (f'<{tag} class="care-card__heading"{id_attr}>'
            f'<span class="care-card__icon" aria-hidden="true">{esc(care.icon)}</span> '
            f'<span class="care-card__level">{esc(care.label)}:</span> {esc(care.heading)}'
            f'</{tag}>')


def care_card(site: SiteData, linker: Linker, level_id: str, cited: set[str], *,
              signs: list[CitedText] | None = None, with_id: bool = False, extra_html: str = "") -> str:
    """One care-level card: the action as heading, the signs, what to do.

    ``signs`` replaces the level's own signs (a condition page lists the signs that raise *its* level).
    """
    care = level(site, level_id, f"docs/{linker.current_src}")
    heading = card_heading(care, ident=card_anchor(level_id) if with_id else None)
    body = cited_text_list(site, linker, signs if signs is not None else care.signs, cited)
    return (f'<div class="care-card care-card--{esc(level_id)}">\n{heading}\n'
            f'<p>{esc(care.summary)}</p>\n{body}\n'
            f'<p class="care-card__action"><strong>What to do:</strong> {esc(care.action)}</p>\n'
            f'{extra_html}</div>')


def care_levels(site: SiteData, linker: Linker, cited: set[str]) -> str:
    """Every care level, most urgent first (the help page)."""
    return "\n\n".join(care_card(site, linker, level_id, cited, with_id=True)
                       for level_id in site.care_levels)


def red_flags(site: SiteData, linker: Linker, cited: set[str]) -> str:
    """The compact box of emergency and urgent signs, linking to the full help page.

    Short enough for a phone's first screen: one citation per level, not one per sign.
    """
    parts = []
    for level_id in ("emergency", "urgent"):
        care = level(site, level_id, "data/care_levels.yml")
        signs = "\n".join(f"<li>{esc(sign.text)}</li>" for sign in care.signs)
        sources = sorted({s for sign in care.signs for s in sign.sources})
        parts.append(f'<div class="red-flags__level red-flags__level--{level_id}">\n'
                     f'{card_heading(care, "p")}\n<ul>\n{signs}\n</ul>\n'
                     f'<p class="red-flags__sources">{cite(site, linker, sources, cited)}</p>\n</div>')
    more = linker.a(HELP_PAGE, "All warning signs and who to see")
    # Left out of search: the help page holds the same signs, and search should lead there.
    return (f'<aside class="red-flags" aria-label="Urgent warning signs" data-search-exclude>\n'
            + "\n".join(parts) + f'\n<p class="red-flags__more">{more}</p>\n</aside>')


def level_badge(site: SiteData, level_id: str, where: str) -> str:
    """Inline label for a care level, used in tables and lists."""
    care = level(site, level_id, where)
    return (f'<span class="care-badge care-badge--{esc(level_id)}">'
            f'<span aria-hidden="true">{esc(care.icon)}</span> {esc(care.label)}</span>')


__all__ = ["care_card", "care_levels", "red_flags", "level_badge", "card_heading", "HELP_PAGE"]
