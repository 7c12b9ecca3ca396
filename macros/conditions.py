"""Condition pages, the conditions overview with its comparison table, and "conditions helped by".

Everything is rendered from ``data/conditions.yml``, loaded and checked once by :func:`load`. Each
condition has a stub page ``docs/conditions/<id>.md`` that calls ``{{ condition_page("<id>") }}``; the
loader checks that data and pages match both ways.

Every condition page has the same sections in the same order (:data:`SECTIONS`). Section headings are
emitted as Markdown, so they reach the table of contents and get stable anchors; lists and cards are
HTML, with a newline between block elements (Material's search indexer glues words across touching tags).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from . import care
from .citations import cite, cited_text_list, page_title
from .html import Linker, esc
from .schema import (BOOL, DATE, MAPPING, TEXT, DataError, Field, Record, describe, check_entries,
                     list_of, load_yaml, top_level)
from .sitedata import CITED_TEXT, SiteData, check_refs

PAGES_DIR = "conditions"
INDEX_PAGE = f"{PAGES_DIR}/index.md"
HELP_PAGE = care.HELP_PAGE

# Topic pages a "what helps" item may link to (id = file name under docs/ without .md).
TOPIC_PAGES = ("causes", "rice-and-heat", "stretching", "core-strength", "surfaces-and-training",
               "shoes", "when-to-get-help")

# Values of the comparison table for signs that are not free text, most to least typical.
SCALE = ("yes", "often", "sometimes", "rarely", "no")
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
    ("tell-apart", "How to tell it apart"),
    ("condition-sources", "Sources"),
)

# --- Schema --------------------------------------------------------------------------------------

_CITED_LIST = Field(list_of(MAPPING), record=CITED_TEXT)

HELP_ITEM = Record({"text": Field(TEXT), "sources": Field(list_of(TEXT)),
                    "topic": Field(TEXT, required=False)}, id_field=None)
CARE = Record({"level": Field(TEXT),
               "why": Field(list_of(MAPPING), required=False, record=CITED_TEXT)}, id_field=None)
DIAGNOSIS = Record({"who": Field(list_of(TEXT)), "how": Field(TEXT),
                    "sources": Field(list_of(TEXT))}, id_field=None)
RELATED = Record({"id": Field(TEXT), "difference": Field(TEXT), "sources": Field(list_of(TEXT))},
                 id_field=None)

CONDITION = Record({
    "id": Field(TEXT),
    "name": Field(TEXT),
    "short_name": Field(TEXT, required=False),
    "also_called": Field(list_of(TEXT)),
    "summary": Field(TEXT),
    "what_it_is": Field(MAPPING, record=CITED_TEXT),
    "signs": _CITED_LIST,
    "worse_with": _CITED_LIST,
    "helps": Field(list_of(MAPPING), record=HELP_ITEM),
    "care": Field(MAPPING, record=CARE),
    "diagnosis": Field(MAPPING, record=DIAGNOSIS),
    "related": Field(list_of(MAPPING), record=RELATED),
    "comparison": Field(MAPPING),
    "sources": Field(list_of(TEXT)),
    "reviewed": Field(DATE),
})

COMPARISON_SIGN = Record({
    "id": Field(TEXT), "label": Field(TEXT), "question": Field(TEXT, required=False),
    "free_text": Field(BOOL, required=False),
})

# Lists that must not be empty: a page section with nothing in it says nothing.
_NON_EMPTY = ("signs", "worse_with", "helps", "sources")


# --- Loading -------------------------------------------------------------------------------------

def load(site: SiteData, path: Path) -> None:
    """Load and check ``data/conditions.yml`` into ``site.conditions`` and ``site.condition_meta``.

    Needs ``site.sources``, ``site.care_levels`` and ``site.pages`` to be loaded first.
    """
    file = site.rel(path)
    doc = top_level(load_yaml(path, file), file=file,
                    keys={"comparison_signs": True, "conditions": True})
    signs = check_entries(doc["comparison_signs"], COMPARISON_SIGN, file=file,
                          what="comparison_signs")
    conditions = check_entries(doc["conditions"], CONDITION, file=file, what="conditions")
    known_ids = [c["id"] for c in conditions]
    for condition in conditions:
        _check_condition(site, condition, file=file, known_ids=known_ids, signs=signs)
    site.conditions = {c["id"]: c for c in conditions}
    site.condition_meta = {"comparison_signs": {s["id"]: s for s in signs}, "scale": SCALE}
    check_pages(site, file=file)


def _error(file: str, condition: dict, field: str, problem: str, node: Any = None) -> DataError:
    line = getattr(node, "line", None) or getattr(condition, "line", None)
    return DataError(file, problem, line=line, entry=condition["id"], field=field)


def _check_condition(site: SiteData, c: dict, *, file: str, known_ids: list[str],
                     signs: list[dict]) -> None:
    for name in _NON_EMPTY:
        if not c[name]:
            raise _error(file, c, name, "the list is empty; give at least one item", c)

    # Every source id, wherever it is cited, is known and listed in the entry's own `sources`.
    check_refs(c, key="sources", known=site.sources, file=file, what="source")
    for field, ids, node in sorted(_cited_sources(c), key=lambda found: found[0] != "sources"):
        if not ids:
            raise _error(file, c, field, "needs at least one source", node)
        for source_id in ids:
            if field != "sources" and source_id not in c["sources"]:
                raise _error(file, c, field, f"source '{source_id}' is cited here but missing "
                             f"from the condition's 'sources' list", node)

    # Topic pages.
    for i, item in enumerate(c["helps"], 1):
        topic = item.get("topic")
        if topic is not None and topic not in TOPIC_PAGES:
            raise _error(file, c, f"helps[{i}].topic", f"unknown topic page '{topic}' "
                         f"(known: {', '.join(TOPIC_PAGES)})", item)

    # The usual care level. The page adds every registry sign of the more urgent levels.
    check_refs(c["care"], key="level", known=site.care_levels, file=file, what="care level",
               entry=c["id"], path="care")

    # Related conditions.
    for i, item in enumerate(c["related"], 1):
        other = item["id"]
        if other not in known_ids:
            raise _error(file, c, f"related[{i}].id", f"unknown condition '{other}' "
                         f"(known: {', '.join(known_ids)})", item)
        if other == c["id"]:
            raise _error(file, c, f"related[{i}].id", "a condition cannot be related to itself",
                         item)
    related_ids = [item["id"] for item in c["related"]]
    for other in related_ids:
        if related_ids.count(other) > 1:
            raise _error(file, c, "related", f"condition '{other}' is listed twice", c)

    # Comparison values: one for every sign, from the scale unless the sign takes free text.
    comparison = c["comparison"]
    sign_ids = [s["id"] for s in signs]
    for sign_id, value in comparison.items():
        if sign_id not in sign_ids:
            raise _error(file, c, f"comparison.{sign_id}", f"unknown comparison sign "
                         f"(known: {', '.join(sign_ids)})", comparison)
    for sign in signs:
        field = f"comparison.{sign['id']}"
        if sign["id"] not in comparison:
            raise _error(file, c, field, "required value is missing (every condition needs a "
                         "value for every comparison sign)", comparison)
        value = comparison[sign["id"]]
        if sign.get("free_text"):
            problem = TEXT.check(value)
            if problem:
                raise _error(file, c, field, problem, comparison)
        elif value not in SCALE:
            hint = ' (write "yes" and "no" in quotes: YAML reads them as true/false)' \
                if isinstance(value, bool) else ""
            raise _error(file, c, field, f"expected one of {', '.join(SCALE)}, "
                         f"got {describe(value)}{hint}", comparison)


def _cited_sources(node: Any, path: str = "") -> Iterator[tuple[str, list, Any]]:
    """Every ``sources`` list in an entry: (field path, the ids, the mapping holding them)."""
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{path}.{key}" if path else key
            if key == "sources" and isinstance(value, list):
                yield here, value, node
            else:
                yield from _cited_sources(value, here)
    elif isinstance(node, list):
        for i, item in enumerate(node, 1):
            yield from _cited_sources(item, f"{path}[{i}]")


def check_pages(site: SiteData, *, file: str = "data/conditions.yml") -> None:
    """Every condition has its page docs/conditions/<id>.md, and every such page has a condition."""
    expected = {page_src(cid): c for cid, c in site.conditions.items()}
    present = {p for p in site.pages
               if p.startswith(f"{PAGES_DIR}/") and p != INDEX_PAGE and p.count("/") == 1}
    for src, condition in expected.items():
        if src not in present:
            raise DataError(file, f"no page docs/{src}: add a stub page that calls "
                                  f'{{{{ condition_page("{condition["id"]}") }}}}',
                            line=getattr(condition, "line", None), entry=condition["id"],
                            field="id")
    for src in sorted(present - set(expected)):
        raise DataError(f"docs/{src}", f"this page has no condition in {file} (add an entry with "
                                       f"id '{Path(src).stem}', or delete the page)")


def page_src(condition_id: str) -> str:
    return f"{PAGES_DIR}/{condition_id}.md"


def get(site: SiteData, linker: Linker, condition_id: str) -> dict:
    if condition_id not in site.conditions:
        raise DataError(f"docs/{linker.current_src}", f"unknown condition '{condition_id}' "
                        f"(known: {', '.join(site.conditions)})")
    return site.conditions[condition_id]


def related(site: SiteData, condition_id: str) -> list[tuple[str, dict]]:
    """Conditions to tell this one apart from, both ways, in file order.

    If A lists B, B's page shows A as well, with A's stated difference. If both list each other, each
    page shows its own statement.
    """
    own = {item["id"]: item for item in site.conditions[condition_id]["related"]}
    for other_id, other in site.conditions.items():
        for item in other["related"]:
            if item["id"] == condition_id and other_id not in own:
                own[other_id] = item
    return [(cid, own[cid]) for cid in site.conditions if cid in own]


# --- Condition page ------------------------------------------------------------------------------

def _heading(anchor: str) -> str:
    title = dict(SECTIONS)[anchor]
    return f"\n## {title} {{ #{anchor} }}\n\n"


def _cited_p(site: SiteData, linker: Linker, item: dict, cited: set[str], cls: str = "") -> str:
    klass = f' class="{esc(cls)}"' if cls else ""
    return f"<p{klass}>{esc(item['text'])} {cite(site, linker, item['sources'], cited)}</p>"


def also_called(condition: dict) -> str:
    names = condition["also_called"]
    if not names:
        return ""
    return (f'<p class="condition-aka"><strong>Also called:</strong> '
            f'{esc(", ".join(names))}.</p>')


def condition_page(site: SiteData, linker: Linker, condition_id: str, cited: set[str]) -> str:
    """The body of a condition page, below its H1."""
    c = get(site, linker, condition_id)
    compare = linker.a(INDEX_PAGE, "Compare all back problems", "compare")
    body = {
        "what-it-is": _cited_p(site, linker, c["what_it_is"], cited),
        "signs": cited_text_list(site, linker, c["signs"], cited, class_="condition-signs"),
        "worse-with": cited_text_list(site, linker, c["worse_with"], cited,
                                      class_="condition-worse"),
        "what-helps": _helps(site, linker, c, cited),
        "when-to-get-help": _when_to_get_help(site, linker, c, cited),
        "diagnosis": _diagnosis(site, linker, c, cited),
        "tell-apart": _tell_apart(site, linker, c, cited) + f"\n<p>{compare}</p>",
        "condition-sources": _sources(site, linker, c, cited),
    }
    out = [f'<p class="condition-summary">{esc(c["summary"])}</p>', also_called(c)]
    for anchor, _ in SECTIONS:
        out.append(_heading(anchor) + body[anchor] + "\n")
    return "\n".join(part for part in out if part)


def _helps(site: SiteData, linker: Linker, c: dict, cited: set[str]) -> str:
    rows = []
    for item in c["helps"]:
        more = ""
        if item.get("topic"):
            src = f"{item['topic']}.md"
            more = (f' <span class="condition-helps__more">Read more: '
                    f'{linker.a(src, page_title(site, src))}</span>')
        rows.append(f"<li>{esc(item['text'])} {cite(site, linker, item['sources'], cited)}"
                    f"{more}</li>")
    return '<ul class="condition-helps">\n' + "\n".join(rows) + "\n</ul>"


def _when_to_get_help(site: SiteData, linker: Linker, c: dict, cited: set[str]) -> str:
    usual = c["care"]["level"]
    where = f"docs/{linker.current_src}"
    out = [f'<p class="condition-care-usual"><strong>Usually:</strong> '
           f'{care.level_badge(site, usual, where)}</p>',
           care.care_card(site, linker, usual, cited, signs=c["care"].get("why"))]
    sooner = care.sooner_cards(site, linker, usual, cited)
    if sooner:
        out.append("<p><strong>Get help sooner if you have any of these signs:</strong></p>")
        out.extend(sooner)
    out.append(f'<p class="condition-care-more">'
               f'{linker.a(HELP_PAGE, "All warning signs, and who to see")}</p>')
    return "\n\n".join(out)


def _diagnosis(site: SiteData, linker: Linker, c: dict, cited: set[str]) -> str:
    d = c["diagnosis"]
    who = "\n".join(f"<li>{esc(person)}</li>" for person in d["who"])
    return (f'<p><strong>Who can check it:</strong></p>\n<ul class="condition-who">\n{who}\n</ul>\n'
            f'<p><strong>How:</strong> {esc(d["how"])} {cite(site, linker, d["sources"], cited)}</p>')


def _tell_apart(site: SiteData, linker: Linker, c: dict, cited: set[str]) -> str:
    items = related(site, c["id"])
    if not items:
        return "<p>No other condition on this site is listed as easy to confuse with this one.</p>"
    rows = [f'<li><strong>{linker.a(page_src(cid), site.conditions[cid]["name"])}:</strong> '
            f'{esc(item["difference"])} {cite(site, linker, item["sources"], cited)}</li>'
            for cid, item in items]
    return '<ul class="condition-related">\n' + "\n".join(rows) + "\n</ul>"


def page_sources(site: SiteData, condition_id: str) -> list[str]:
    """The sources a condition page cites: its own, then those of "tell apart" entries that other
    conditions state about it (shown on its page too), then those of its care cards and the warning
    signs they list."""
    found = list(site.conditions[condition_id]["sources"])
    for _, item in related(site, condition_id):
        found += [sid for sid in item["sources"] if sid not in found]
    usual = site.conditions[condition_id]["care"]["level"]
    for level_id in site.care_levels:
        if level_id == usual or site.more_urgent(level_id, usual):
            ids = list(site.care_levels[level_id]["sources"])
            if level_id != usual:
                ids += [sid for sign in site.signs_at(level_id) for sid in sign["sources"]]
            found += [sid for sid in ids if sid not in found]
    return found


def _sources(site: SiteData, linker: Linker, c: dict, cited: set[str]) -> str:
    rows = [f"<li>{esc(site.sources[sid]['title'])} {cite(site, linker, [sid], cited)}</li>"
            for sid in page_sources(site, c["id"])]
    return ('<p>This page is based on these sources. Each point above names the ones it rests on.'
            '</p>\n<ul class="condition-sources">\n' + "\n".join(rows) + "\n</ul>")


# --- Overview ------------------------------------------------------------------------------------

def overview(site: SiteData, linker: Linker, cited: set[str]) -> str:
    """The conditions index: a card per condition, then the comparison table."""
    where = f"docs/{linker.current_src}"
    cards = []
    for cid, c in site.conditions.items():
        badge = care.level_badge(site, c["care"]["level"], where)
        care_link = linker.a(page_src(cid), "When to get help", "when-to-get-help")
        cards.append(
            f'<section class="condition-card">\n'
            f'<h3 class="condition-card__name" id="condition-{esc(cid)}">'
            f'{linker.a(page_src(cid), c["name"])}</h3>\n'
            + (also_called(c) + "\n" if c["also_called"] else "")
            + f'<p>{esc(c["summary"])}</p>\n'
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
    head += [f'<th scope="col">{esc(s["label"])}</th>' for s in signs]
    head.append('<th scope="col">Usually</th>')
    rows = []
    for cid, c in site.conditions.items():
        label = c.get("short_name") or c["name"]
        cells = [f'<th scope="row">{linker.a(page_src(cid), label, title=c["name"])}</th>']
        for sign in signs:
            value = c["comparison"][sign["id"]]
            if sign.get("free_text"):
                cells.append(f"<td>{esc(value)}</td>")
            else:
                cells.append(f'<td class="compare-{esc(value)}">{esc(str(value).capitalize())}</td>')
        cells.append(f"<td>{care.level_badge(site, c['care']['level'], where)}</td>")
        rows.append("<tr>\n" + "\n".join(cells) + "\n</tr>")
    key = "\n".join(
        f"<dt>{esc(s['label'])}</dt>\n<dd>{esc(s.get('question') or s['label'])}</dd>"
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
    if topic not in TOPIC_PAGES:
        raise DataError(f"docs/{linker.current_src}", f"conditions_helped_by: unknown topic page "
                        f"'{topic}' (known: {', '.join(TOPIC_PAGES)})")
    found = [(cid, c) for cid, c in site.conditions.items()
             if any(item.get("topic") == topic for item in c["helps"])]
    if not found:
        return (f'<p class="helped-by helped-by--none">No condition page links here yet. '
                f'See {linker.a(INDEX_PAGE, "all back problems and how to tell them apart")}.</p>')
    rows = [f"<li>{linker.a(page_src(cid), c['name'], 'what-helps')}: {esc(c['summary'])}</li>"
            for cid, c in found]
    return '<ul class="helped-by">\n' + "\n".join(rows) + "\n</ul>"


__all__ = ["load", "condition_page", "overview", "helped_by", "related", "check_pages",
           "comparison_table", "page_sources", "SECTIONS", "TOPIC_PAGES", "SCALE"]
