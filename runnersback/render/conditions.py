"""Condition pages, the conditions overview with its comparison table, and "conditions helped by".

Every condition page has the same sections in the same order (:data:`SECTIONS`). Section headings are
emitted as Markdown, so they reach the table of contents and get stable anchors; lists and cards are
HTML, with a newline between block elements (Material's search indexer glues words across touching tags).
"""

from __future__ import annotations

from ..model import conditions as model
from ..model.base import CitedText
from ..model.conditions import INDEX_PAGE, SCALE, Condition, page_src, page_sources, related
from ..model.core import SiteData
from ..model.pages import page_title
from . import care
from .citations import cite, cited_text, cited_text_list
from .html import Linker, esc
from .return_to_running import condition_section

HELP_PAGE = care.HELP_PAGE

SCALE_MEANING = {
    "yes": "a typical sign",
    "often": "many people have it",
    "sometimes": "some people have it",
    "rarely": "few people have it",
    "no": "not a sign of this",
}

# The sections of every condition page, in order: (anchor, heading).
SECTIONS = (
    ("what-it-is", "What it is"),
    ("signs", "Signs in runners"),
    ("worse-with", "What makes it worse"),
    ("what-helps", "What helps"),
    ("when-to-get-help", "When to get help"),
    ("diagnosis", "How it is diagnosed"),
    ("back-to-running", "Getting back to running"),
    ("tell-apart", "How to tell it apart"),
    ("condition-sources", "Sources"),
)

# --- Condition page ------------------------------------------------------------------------------

def _heading(anchor: str) -> str:
    title = dict(SECTIONS)[anchor]
    return f"\n## {title} {{ #{anchor} }}\n\n"


def _cited_p(site: SiteData, linker: Linker, item: CitedText, cited: set[str], cls: str = "") -> str:
    klass = f' class="{esc(cls)}"' if cls else ""
    return f"<p{klass}>{cited_text(site, linker, item, cited)}</p>"


def also_called(condition: Condition) -> str:
    names = condition.also_called
    if not names:
        return ""
    return (f'<p class="condition-aka"><strong>Also called:</strong> '
            f'{esc(", ".join(names))}.</p>')


def condition_page(site: SiteData, linker: Linker, condition_id: str, cited: set[str]) -> str:
    """The body of a condition page, below its H1."""
    c = model.get(site, condition_id, f"docs/{linker.current_src}")
    compare = linker.a(INDEX_PAGE, "Compare all back problems", "compare")
    body = {
        "what-it-is": _cited_p(site, linker, c.what_it_is, cited),
        "signs": _signs(site, linker, c, cited),
        "worse-with": cited_text_list(site, linker, c.worse_with, cited,
                                      class_="condition-worse"),
        "what-helps": _helps(site, linker, c, cited),
        "back-to-running": condition_section(site, linker, c, cited),
        "when-to-get-help": _when_to_get_help(site, linker, c, cited),
        "diagnosis": _diagnosis(site, linker, c, cited),
        "tell-apart": _tell_apart(site, linker, c, cited) + f"\n<p>{compare}</p>",
        "condition-sources": _sources(site, linker, c, cited),
    }
    out = [f'<p class="condition-summary">{esc(c.summary)}</p>', also_called(c)]
    for anchor, _ in SECTIONS:
        out.append(_heading(anchor) + body[anchor] + "\n")
    return "\n".join(part for part in out if part)


def _signs(site: SiteData, linker: Linker, c: Condition, cited: set[str]) -> str:
    """The usual signs. A line marked with a warning sign says so, with the level's action and a
    link to its card, so the page never presents a warning sign as usual."""
    rows = []
    for item in c.signs:
        row = cited_text(site, linker, item, cited)
        if item.warning:
            level = site.care_levels[site.signs[item.warning].level]
            link = linker.a(HELP_PAGE, f"{level.label}: {level.heading}", care.card_anchor(level.id))
            row += f' <strong class="condition-signs__warning">Warning sign.</strong> {link}'
        rows.append(f"<li>{row}</li>")
    return '<ul class="condition-signs">\n' + "\n".join(rows) + "\n</ul>"


def _helps(site: SiteData, linker: Linker, c: Condition, cited: set[str]) -> str:
    rows = []
    for item in c.helps:
        more = ""
        if item.topic:
            src = f"{item.topic}.md"
            more = (f' <span class="condition-helps__more">Read more: '
                    f'{linker.a(src, page_title(site, src))}</span>')
        rows.append(f"<li>{cited_text(site, linker, item, cited)}{more}</li>")
    return '<ul class="condition-helps">\n' + "\n".join(rows) + "\n</ul>"


def _when_to_get_help(site: SiteData, linker: Linker, c: Condition, cited: set[str]) -> str:
    usual = c.care.level
    where = f"docs/{linker.current_src}"
    out = [f'<p class="condition-care-usual"><strong>Usually:</strong> '
           f'{care.level_badge(site, usual, where)}</p>',
           care.care_card(site, linker, usual, cited, signs=c.care.why)]
    sooner = care.sooner_cards(site, linker, usual, cited)
    if sooner:
        out.append("<p><strong>Get help sooner if you have any of these signs:</strong></p>")
        out.extend(sooner)
    out.append(f'<p class="condition-care-more">'
               f'{linker.a(HELP_PAGE, "All warning signs, and who to see")}</p>')
    return "\n\n".join(out)


def _diagnosis(site: SiteData, linker: Linker, c: Condition, cited: set[str]) -> str:
    d = c.diagnosis
    who = "\n".join(f"<li>{esc(person)}</li>" for person in d.who)
    return (f'<p><strong>Who can check it:</strong></p>\n<ul class="condition-who">\n{who}\n</ul>\n'
            f'<p><strong>How:</strong> {esc(d.how)} {cite(site, linker, d.sources, cited)}</p>')


def _tell_apart(site: SiteData, linker: Linker, c: Condition, cited: set[str]) -> str:
    items = related(site, c.id)
    if not items:
        return "<p>No other condition on this site is listed as easy to confuse with this one.</p>"
    rows = [f'<li><strong>{linker.a(page_src(cid), site.conditions[cid].name)}:</strong> '
            f'{esc(item.difference)} {cite(site, linker, item.sources, cited)}</li>'
            for cid, item in items]
    return '<ul class="condition-related">\n' + "\n".join(rows) + "\n</ul>"


def _sources(site: SiteData, linker: Linker, c: Condition, cited: set[str]) -> str:
    rows = [f"<li>{esc(site.sources[sid].title)} {cite(site, linker, [sid], cited)}</li>"
            for sid in page_sources(site, c.id)]
    return ('<p>This page is based on these sources. Each point above names the ones it rests on.'
            '</p>\n<ul class="condition-sources">\n' + "\n".join(rows) + "\n</ul>")


# --- Overview ------------------------------------------------------------------------------------

def overview(site: SiteData, linker: Linker, cited: set[str]) -> str:
    """The conditions index: a card per condition, then the comparison table."""
    where = f"docs/{linker.current_src}"
    cards = []
    for cid, c in site.conditions.items():
        badge = care.level_badge(site, c.care.level, where)
        care_link = linker.a(page_src(cid), "When to get help", "when-to-get-help")
        cards.append(
            f'<section class="condition-card">\n'
            f'<h3 class="condition-card__name" id="condition-{esc(cid)}">'
            f'{linker.a(page_src(cid), c.name)}</h3>\n'
            + (also_called(c) + "\n" if c.also_called else "")
            + f'<p>{esc(c.summary)}</p>\n'
            f'<p class="condition-card__care"><strong>Usually:</strong> {badge} '
            f'<span class="condition-card__care-link">{care_link}</span></p>\n'
            f'</section>')
    return ("\n## The conditions { #list }\n\n"
            '<div class="condition-cards">\n' + "\n".join(cards) + "\n</div>\n"
            "\n## Compare the signs { #compare }\n\n" + comparison_table(site, linker) + "\n")


def comparison_table(site: SiteData, linker: Linker) -> str:
    """One row per condition, one column per sign: the condition names stay put while the signs
    scroll sideways on a phone (see conditions.css)."""
    where = f"docs/{linker.current_src}"
    signs = list(site.condition_meta["comparison_signs"].values())
    head = ['<th scope="col">Condition</th>']
    head += [f'<th scope="col">{esc(s.label)}</th>' for s in signs]
    head.append('<th scope="col">Usually</th>')
    rows = []
    for cid, c in site.conditions.items():
        label = c.short_name or c.name
        cells = [f'<th scope="row">{linker.a(page_src(cid), label, title=c.name)}</th>']
        for sign in signs:
            value = c.comparison[sign.id]
            if sign.free_text:
                cells.append(f"<td>{esc(value)}</td>")
            else:
                cells.append(f'<td class="compare-{esc(value)}">{esc(str(value).capitalize())}</td>')
        cells.append(f"<td>{care.level_badge(site, c.care.level, where)}</td>")
        rows.append("<tr>\n" + "\n".join(cells) + "\n</tr>")
    key = "\n".join(
        f"<dt>{esc(s.label)}</dt>\n<dd>{esc(s.question or s.label)}</dd>"
        for s in signs)
    scale = "; ".join(f"<strong>{esc(v.capitalize())}</strong>: {esc(SCALE_MEANING[v])}"
                      for v in SCALE)
    help_link = linker.a(HELP_PAGE, "warning signs that need help straight away")
    return (
        '<p class="condition-compare__intro">Each row is a condition. Read across to see its usual '
        'signs. On a phone, swipe the table sideways; the condition names stay in view.</p>\n'
        f'<p class="condition-compare__scale">{scale}.</p>\n'
        '<div class="condition-compare">\n<table>\n'
        '<caption>Back problems compared</caption>\n'
        "<thead>\n<tr>\n" + "\n".join(head) + "\n</tr>\n</thead>\n<tbody>\n"
        + "\n".join(rows) + "\n</tbody>\n</table>\n</div>\n"
        '<details class="condition-compare__key">\n<summary>What each column asks</summary>\n'
        f"<dl>\n{key}\n</dl>\n</details>\n"
        "<p>The table sums up the condition pages. Each page gives the sources for every point. "
        f"It cannot tell you what you have: only an examination can. Know the {help_link}.</p>")


# --- Topic pages ---------------------------------------------------------------------------------

def helped_by(site: SiteData, linker: Linker, topic: str) -> str:
    """Conditions whose "what helps" links the topic page ``topic`` (a topic page lists them)."""
    found = model.helped_by(site, topic, f"docs/{linker.current_src}")
    if not found:
        return (f'<p class="helped-by helped-by--none">No condition page links here yet. '
                f'See {linker.a(INDEX_PAGE, "all back problems and how to tell them apart")}.</p>')
    rows = [f"<li>{linker.a(page_src(cid), c.name, 'what-helps')}: {esc(c.summary)}</li>"
            for cid, c in found]
    return '<ul class="helped-by">\n' + "\n".join(rows) + "\n</ul>"


__all__ = ["condition_page", "overview", "helped_by", "comparison_table", "SECTIONS", "SCALE_MEANING"]
