"""Citations: inline markers that show each source's kind, and the sources page that they link to."""

from __future__ import annotations

from urllib.parse import urlsplit

from typing import Iterable

from ..model.base import CitedText
from ..model.core import SiteData
from ..model.errors import DataError
from ..model.pages import citing_pages, page_title
from ..model.sources import Source
from .html import Linker, esc

SOURCES_PAGE = "sources.md"


def anchor(source_id: str) -> str:
    return f"src-{source_id}"


def check_ids(site: SiteData, ids: Iterable[str], where: str) -> list[str]:
    ids = list(ids)
    if not ids:
        raise DataError(where, "a citation needs at least one source id")
    for source_id in ids:
        if source_id not in site.sources:
            raise DataError(where, f"unknown source id '{source_id}' "
                                   f"(known: {', '.join(sorted(site.sources))})")
    return ids


def cite(site: SiteData, linker: Linker, ids: Iterable[str], cited: set[str] | None = None) -> str:
    """An inline citation: each source's short name (linked) and its kind, in brackets.

    ``cited`` collects the ids, so the page footer can list what the page rests on.
    """
    ids = check_ids(site, ids, f"docs/{linker.current_src}")
    if cited is not None:
        cited.update(ids)
    parts = []
    for source_id in ids:
        source = site.sources[source_id]
        kind = site.kinds[source.kind].tag
        # No title="" tooltip with the full reference: the sources page has it one tap away, and
        # Material's tooltips cost main-thread time for every link that has one (30-60 per page).
        parts.append(f'{linker.a(SOURCES_PAGE, source.short, anchor(source_id))}'
                     f' <span class="cite-kind">{esc(kind)}</span>')
    # Citations stay out of the search index: repeated on every line, they would bury the content.
    # <small> (side comment) rather than <span>: Material's indexer matches excluded elements by tag
    # name, so an inner <span> closing would end the exclusion early.
    return f'<small class="cite" data-search-exclude>[{"; ".join(parts)}]</small>'


def cited_text(site: SiteData, linker: Linker, item: CitedText, cited: set[str]) -> str:
    """A data text item followed by its citation."""
    return f"{esc(item.text)} {cite(site, linker, item.sources, cited)}"


def cited_text_list(site: SiteData, linker: Linker, items: list[CitedText], cited: set[str],
                    class_: str | None = None) -> str:
    """A bulleted list of data text items, each followed by its citation."""
    cls = f' class="{esc(class_)}"' if class_ else ""
    rows = [f"<li>{cited_text(site, linker, item, cited)}</li>" for item in items]
    return f"<ul{cls}>\n" + "\n".join(rows) + "\n</ul>"


def sources_list(site: SiteData, linker: Linker) -> str:
    """The sources page body: every source, grouped by kind, with what it is good for and its limits."""
    cited_on = citing_pages(site)
    # Each citing page's title, read once (a page cites many sources).
    titles = {src: page_title(site, src) for pages in cited_on.values() for src in pages}
    out = []
    for kind_id, kind in site.kinds.items():
        members = [s for s in site.sources.values() if s.kind == kind_id]
        if not members:
            continue
        # A Markdown heading, so the kinds appear in the page's table of contents.
        out.append(f'\n## {esc(kind.label)} {{ #kind-{esc(kind_id)} }}\n')
        out.append(f"<p>{esc(kind.description)}</p>\n")
        for source in members:
            pages = sorted(cited_on.get(source.id, ()))
            out.append(_source_entry(site, linker, source, [(p, titles[p]) for p in pages]))
            out.append("")
    return "\n".join(out)


def _source_entry(site: SiteData, linker: Linker, source: Source, pages: list[tuple[str, str]]) -> str:
    """One source's entry; ``pages`` are (page, title) pairs of the pages that cite it."""
    # The kind is the heading the entry sits under; a source that sells something says so here.
    facts = ([f"<dt>Kind</dt>\n<dd>{esc(site.kinds[source.kind].label)} (promotes a paid service)</dd>"]
             if source.promotional else [])
    facts += [f"<dt>Published by</dt>\n<dd>{esc(source.publisher)}"
             + (f", {esc(source.date)}" if source.date is not None else "") + "</dd>",
             f"<dt>Good for</dt>\n<dd>{esc(source.good_for)}</dd>",
             f"<dt>Limits</dt>\n<dd>{esc(source.limits)}</dd>"]
    if source.url:
        # The site's name as the link's words: the title and publisher are just above it (and the
        # sources page keeps within its first-visit budget).
        host = urlsplit(str(source.url)).hostname or str(source.url)
        facts.append(f'<dt>Read it</dt>\n<dd><a href="{esc(source.url)}">{esc(host.removeprefix("www."))}</a></dd>')
    if source.document:
        facts.append(f"<dt>Source file</dt>\n<dd><code>{esc(source.document)}</code></dd>")
    pages = [(src, title) for src, title in pages if src != linker.current_src]  # not itself
    if pages:
        links = ", ".join(linker.a(src, title) for src, title in pages)
        # Back-links are navigation, not content: kept out of the search index.
        facts.append(f"<dt data-search-exclude>Cited on</dt>\n<dd data-search-exclude>{links}</dd>")
    return (f'<section class="source-entry">\n'
            f'<h3 id="{esc(anchor(source.id))}">{esc(source.title)}</h3>\n<dl>\n' + "\n".join(facts) + "\n</dl>\n</section>")
