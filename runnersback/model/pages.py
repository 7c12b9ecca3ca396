"""Pages: their front matter (review dates, the "In short" summary) and what can be read from
their Markdown before it is rendered (titles, which pages cite which source)."""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import ConfigDict

from .base import CitedText, Model, validate
from .conditions import page_sources
from . import return_to_running
from .core import SiteData
from .errors import DataError, raise_all


class PageMeta(Model):
    """The front matter every page has. Other keys (title, description, search, handout_of, hide)
    belong to MkDocs, Material or the handouts, and pass as they are."""

    model_config = ConfigDict(extra="allow")
    reviewed: datetime.date
    next_review: datetime.date
    summary: list[CitedText] | None = None  # the "In short" box and the handout
    # On a handout stub: the exercise cards it prints (data/exercises.yml groups).
    handout_exercises: Literal["core", "stretch"] | None = None  # model.exercises.EXERCISE_GROUPS


def check_page_meta(meta: dict, src: str) -> PageMeta:
    """Every page states when it was reviewed and when it will be next."""
    file = f"docs/{src}"
    for key in ("reviewed", "next_review"):
        if meta.get(key) is None:
            raise DataError(file, "front matter needs a date (YYYY-MM-DD)", field=key)
    page: PageMeta = validate(PageMeta, meta, file)
    if page.next_review <= page.reviewed:
        raise DataError(file, "next review must come after the last review", field="next_review")
    return page


# The front matter block, as MkDocs reads it (mkdocs.utils.meta).
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)


def front_matter(text: str) -> dict[str, Any]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}
    meta = yaml.safe_load(match.group(1))
    return meta if isinstance(meta, dict) else {}


def source_meta(site: SiteData, target: str) -> dict[str, Any]:
    """The front matter of the page ``target`` (a handout reads the page it summarises)."""
    if target not in site.pages:
        raise DataError(f"docs/{target}", "a handout names this page, which does not exist",
                        field="handout_of")
    return front_matter((site.docs_dir / target).read_text(encoding="utf-8"))


def page_title(site: SiteData, src: str) -> str:
    """The title from a page's front matter, or its file name."""
    text = (site.docs_dir / src).read_text(encoding="utf-8")
    match = re.search(r"^title:\s*(.+)$", text, re.M)
    return match.group(1).strip().strip("\"'") if match else Path(src).stem.replace("-", " ")


_CITE_CALL = re.compile(r"cite\(([^)]*)\)")
_QUOTED = re.compile(r"""["']([^"']+)["']""")


def citing_pages(site: SiteData) -> dict[str, set[str]]:
    """Which pages cite each source, read from the Markdown and from the data that pages render.

    Used for the "cited on" back-links of the sources page, which is rendered before the pages that
    cite it, so the citations are read from the files rather than collected while rendering.
    Pages under handouts/ are left out: they restate the full pages, and the booklet, which holds
    the sources page, has no copy of them to link to.
    """
    pages: dict[str, set[str]] = {source_id: set() for source_id in site.sources}
    for src in sorted(p for p in site.pages if not p.startswith("handouts/")):
        text = (site.docs_dir / src).read_text(encoding="utf-8")
        for call in _CITE_CALL.findall(text):
            for source_id in _QUOTED.findall(call):
                pages.setdefault(source_id, set()).add(src)
        for line in text.splitlines():
            if line.strip().startswith("sources:"):
                for source_id in re.findall(r"[\w-]+", line.split(":", 1)[1]):
                    if source_id in pages:
                        pages[source_id].add(src)
    for condition_id in site.conditions:
        for source_id in page_sources(site, condition_id):
            pages.setdefault(source_id, set()).add(f"conditions/{condition_id}.md")
    if return_to_running.PLAN_PAGE in site.pages:  # the plan page renders the plan's data
        for source_id in return_to_running.sources(site):
            pages.setdefault(source_id, set()).add(return_to_running.PLAN_PAGE)
    return pages


# The date review dates are checked against, if set (YYYY-MM-DD): for tests. Read only by today().
TODAY_VARIABLE = "RUNNERSBACK_TODAY"


def today() -> datetime.date:
    """Today's date, or the date in $RUNNERSBACK_TODAY."""
    value = os.environ.get(TODAY_VARIABLE, "").strip()
    if not value:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise DataError(TODAY_VARIABLE, f"'{value}' is not a date (YYYY-MM-DD)") from None


def check_review_dates(site: SiteData, on: datetime.date | None = None) -> None:
    """No page is past its next review date (``on``: today): the build stops, naming every such page
    and its date. A handout carries its page's dates (inherit_meta), so only the page is named."""
    on = on or today()
    problems: list[DataError] = []
    handouts: dict[str, list[str]] = {}
    dates: dict[str, tuple[datetime.date, int]] = {}
    for src in sorted(site.pages):
        text = (site.docs_dir / src).read_text(encoding="utf-8")
        meta = front_matter(text)
        if meta.get("handout_of"):
            handouts.setdefault(meta["handout_of"], []).append(src)
        elif isinstance(meta.get("next_review"), datetime.date):
            line = re.search(r"^next_review:", text, re.M)
            dates[src] = (meta["next_review"], text[:line.start()].count("\n") + 1 if line else 0)
    for src, (due, line) in dates.items():
        if due < on:
            also = "".join(f"; its handout docs/{h} shows the same dates" for h in handouts.get(src, []))
            problems.append(DataError(
                f"docs/{src}", f"the next review was due on {due.isoformat()} and today is "
                f"{on.isoformat()}: review the page, then move 'reviewed' and 'next_review' on{also}",
                line=line or None, field="next_review"))
    raise_all(problems)


def inherit_meta(site: SiteData, meta: dict) -> None:
    """A handout (front matter ``handout_of: <page>.md``) carries the review dates of its page."""
    target = meta.get("handout_of")
    if target:
        source = source_meta(site, target)
        for key in ("reviewed", "next_review"):
            if key in source:
                meta[key] = source[key]
