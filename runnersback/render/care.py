"""Care-level cards, the red-flag box and the safety banner, rendered from data/care_levels.yml and
the warning-sign registry (data/warning_signs.yml).

Cards follow the NHS care-card pattern: the heading is the action, and the level is announced in text
("Emergency:") and by an icon as well as by colour, so it never rests on colour alone.
"""

from __future__ import annotations

from ..model.base import CitedText
from ..model.care import HELP_PAGE, CareLevel, level
from ..model.core import SiteData
from ..model.errors import DataError
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


def _sources_of(items: list[CitedText]) -> list[str]:
    return sorted({s for item in items for s in item.sources})


def cited_once(site: SiteData, linker: Linker, items: list[CitedText], cited: set[str],
               sources_class: str, list_class: str = "") -> str:
    """A plain list and one citation after it for the sources of every item: short on paper."""
    ul = f'<ul class="{list_class}">' if list_class else "<ul>"
    return (ul + "\n" + "\n".join(f"<li>{esc(item.text)}</li>" for item in items)
            + f'\n</ul>\n<p class="{sources_class}">{cite(site, linker, _sources_of(items), cited)}</p>')


def level_block(site: SiteData, linker: Linker, level_id: str, cited: set[str], class_: str,
                with_sources: bool = True) -> str:
    """A care level's heading and every registry sign of it, cited once: the red-flag box and the
    handouts' safety box. ``with_sources=False`` leaves the citation to the caller (the handouts'
    box cites every level once, after the last)."""
    care = level(site, level_id, "data/care_levels.yml")
    signs = site.signs_at(level_id)
    body = (cited_once(site, linker, signs, cited, "red-flags__sources") if with_sources
            else "<ul>\n" + "\n".join(f"<li>{esc(sign.text)}</li>" for sign in signs) + "\n</ul>")
    return f'<div class="{class_} {class_}--{esc(level_id)}">\n{card_heading(care, "p")}\n{body}\n</div>'


def level_signs(site: SiteData, level_id: str) -> list:
    """What a level's card lists: its warning signs from the registry, or (self-care) what fits it."""
    return site.signs_at(level_id) or site.care_levels[level_id].fits or []


def care_card(site: SiteData, linker: Linker, level_id: str, cited: set[str], *,
              signs: list[CitedText] | None = None, with_id: bool = False, extra_html: str = "",
              one_citation: bool = False, searchable: bool = True, with_summary: bool = True) -> str:
    """One care-level card: the action as heading, the signs, what to do.

    ``signs`` replaces the level's own list (a condition page's usual level lists why it applies).
    ``one_citation`` cites the list once, after it, instead of item by item (shorter on paper; the
    help page keeps the citation of each sign). ``searchable=False`` keeps the card out of the
    search index, for copies of the registry's lists: search should lead to the help page.
    """
    care = level(site, level_id, f"docs/{linker.current_src}")
    heading = card_heading(care, ident=card_anchor(level_id) if with_id else None)
    items = signs if signs is not None else level_signs(site, level_id)
    if items and one_citation:
        body = cited_once(site, linker, items, cited, "care-card__sources")
    elif items:
        # Each sign cited on screen; on paper one citation for the list (print.css), so the help
        # page, which lists every sign, keeps to two sheets.
        body = (cited_text_list(site, linker, items, cited, class_="care-card__signs")
                + f'\n<p class="care-card__sources care-card__sources--print">'
                  f'{cite(site, linker, _sources_of(items), cited)}</p>')
    else:
        body = ""
    exclude = "" if searchable else " data-search-exclude"
    summary = f'<p>{esc(care.summary)}</p>\n' if with_summary else ""
    return (f'<div class="care-card care-card--{esc(level_id)}"{exclude}>\n{heading}\n'
            f'{summary}{body}\n'
            f'<p class="care-card__action"><strong>What to do:</strong> {esc(care.action)} '
            f'{cite(site, linker, care.sources, cited)}</p>\n'
            f'{extra_html}</div>')


def sooner_cards(site: SiteData, linker: Linker, usual: str, cited: set[str]) -> list[str]:
    """A card for every level more urgent than ``usual``, least urgent first, as NHS condition pages
    list them, each with every registry sign of its level: a page never drops a shared sign."""
    return [care_card(site, linker, level_id, cited, one_citation=True, searchable=False)
            for level_id in reversed(list(site.care_levels))
            if site.more_urgent(level_id, usual)]


def sign_cards(site: SiteData, linker: Linker, sign_ids: tuple[str, ...], cited: set[str]) -> str:
    """A card for each care level among some registry signs, listing only those signs, most urgent
    first: a page about one cause shows its signs with the level's action, worded once. The page
    says why; the card keeps to the signs and what to do, so several fit one printed page."""
    unknown = [sid for sid in sign_ids if sid not in site.signs]
    if unknown or not sign_ids:
        raise DataError(f"docs/{linker.current_src}", "sign_cards() names no sign, or a sign that "
                        f"is not in data/warning_signs.yml: {', '.join(unknown) or '(none)'}")
    return "\n".join(
        care_card(site, linker, level_id, cited, one_citation=True, with_summary=False,
                  signs=[site.signs[sid] for sid in sign_ids if site.signs[sid].level == level_id])
        for level_id in site.care_levels
        if any(site.signs[sid].level == level_id for sid in sign_ids))


def care_levels(site: SiteData, linker: Linker, cited: set[str]) -> str:
    """Every care level, most urgent first (the help page)."""
    return "\n\n".join(care_card(site, linker, level_id, cited, with_id=True)
                       for level_id in site.care_levels)


def red_flags(site: SiteData, linker: Linker, cited: set[str]) -> str:
    """The compact box of emergency and urgent signs, linking to the full help page.

    Short enough for a phone's first screen: one citation per level, not one per sign.
    """
    parts = [level_block(site, linker, level_id, cited, "red-flags__level")
             for level_id in ("emergency", "urgent")]
    more = linker.a(HELP_PAGE, "All warning signs and who to see")
    # Left out of search: the help page holds the same signs, and search should lead there.
    return ('<aside class="red-flags" aria-label="Urgent warning signs" data-search-exclude>\n'
            + "\n".join(parts) + f'\n<p class="red-flags__more">{more}</p>\n</aside>')


def banner(site: SiteData) -> dict:
    """The emergency line at the top of every page, from the registry's emergency signs.

    Returned as plain data (escaped text, the sources' page anchors) for the theme template, which
    makes the links relative to the page it is on.
    """
    care = level(site, "emergency", "data/care_levels.yml")
    signs = site.signs_at("emergency")
    sources = _sources_of(signs)
    shorts = [sign.short[0].lower() + sign.short[1:] for sign in signs]
    return {
        "heading": esc(care.heading),
        "signs": esc("; ".join(shorts)),
        "sources": [{"anchor": f"src-{source_id}", "label": esc(site.sources[source_id].short)}
                    for source_id in sources],
    }


def level_badge(site: SiteData, level_id: str, where: str) -> str:
    """Inline label for a care level, used in tables and lists."""
    care = level(site, level_id, where)
    return (f'<span class="care-badge care-badge--{esc(level_id)}">'
            f'<span aria-hidden="true">{esc(care.icon)}</span> {esc(care.label)}</span>')


__all__ = ["care_card", "sign_cards", "care_levels", "red_flags", "level_badge", "card_heading", "level_signs",
           "sooner_cards", "banner", "level_block", "cited_once", "HELP_PAGE"]
