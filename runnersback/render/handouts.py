"""One-page clinic handouts, generated from the same data and front matter as the full pages.

A handout stub (docs/handouts/<name>.md) names the page it summarises in its front matter
(``handout_of: causes.md``). Topic handouts are built from that page's front matter (description and
"In short" summary); condition handouts from data/conditions.yml. A stub with
``handout_exercises: core`` adds the exercise cards of that group, each with its picture and a
tick-box log for the week. Nothing is written twice.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from ..model.care import level as care_level
from ..model.conditions import Condition
from ..model.core import SiteData
from ..model.errors import DataError
from ..model.pages import check_page_meta, source_meta
from ..model.return_to_running import PLAN_PAGE
from . import care, return_to_running
from .exercises import exercise_cards
from .citations import cite, cited_text, cited_text_list
from .html import Linker, esc

def condition_id(target: str) -> str | None:
    path = PurePosixPath(target)
    return path.stem if path.parent.name == "conditions" and path.stem != "index" else None


def _section(title: str, body: str) -> str:
    return f'<section class="handout__section">\n<h2>{esc(title)}</h2>\n{body}\n</section>'


def safety_box(site: SiteData, linker: Linker, cited: set[str]) -> str:
    """Every warning sign of the registry, most urgent first: one short list per care level, and one
    citation for the whole box, after the last level (shorter on paper than one per level). The
    citation sits in its own block so that the box still ends "</div>\\n</div>" (the build's safety
    check, runnersback/checks/safetycheck.py, finds the box by that)."""
    levels = [level_id for level_id in site.care_levels if site.signs_at(level_id)]
    parts = [care.level_block(site, linker, level_id, cited, "handout__flag", with_sources=False)
             for level_id in levels]
    sources = sorted({s for level_id in levels for sign in site.signs_at(level_id) for s in sign.sources})
    return ('<div class="red-flags handout__flags">\n' + "\n".join(parts)
            + '\n<div class="handout__flags-sources">\n'
              f'<p class="red-flags__sources">{cite(site, linker, sources, cited)}</p>\n</div>\n</div>')


LARGE_PRINT_ID = "large-print"


def large_print_switch() -> str:
    """A labelled checkbox that sets the sheet in 14 pt type (RNIB clear print), on screen and on
    paper. Print CSS (docs/assets/css/print.css) does the rest, with JavaScript off too; the box
    itself never prints."""
    return (f'<p class="large-print-switch"><input type="checkbox" id="{LARGE_PRINT_ID}"> '
            f'<label for="{LARGE_PRINT_ID}">Large print (14 pt)</label></p>')


def handout(site: SiteData, linker: Linker, meta: dict, cited: set[str]) -> str:
    """The body of a handout page, below its H1."""
    target = meta.get("handout_of")
    if not target:
        raise DataError(f"docs/{linker.current_src}", "a handout needs 'handout_of: <page>.md'",
                        field="handout_of")
    full_page = linker.a(target, "the full page")
    cid = condition_id(target)
    if target == PLAN_PAGE:
        body = return_to_running.handout_body(site, linker, source_meta(site, target), cited)
    elif cid is not None:
        if cid not in site.conditions:
            raise DataError(f"docs/{linker.current_src}", f"no condition '{cid}' in data/conditions.yml",
                            field="handout_of")
        body = _condition(site, linker, site.conditions[cid], cited)
    else:
        group = meta.get("handout_exercises")
        exercises = "" if not group else (
            '<section class="handout__exercises">\n<h2>Exercises</h2>\n'
            '<p class="handout__log-note">Tick a box for each day you do an exercise.</p>\n'
            + exercise_cards(site, linker, group, cited, log=True) + "\n</section>")
        body = _topic(site, linker, source_meta(site, target), target, cited, exercises)
    return (f'{large_print_switch()}\n<div class="handout">\n{body}\n'
            + '<h2 class="handout__flags-title">When to get help</h2>\n' + safety_box(site, linker, cited)
            + f'\n<p class="handout__more">More detail, exercises and sources: {full_page}. '
              f"This handout is general information, not a diagnosis.</p>\n</div>")


def _topic(site: SiteData, linker: Linker, meta: dict, target: str, cited: set[str],
           exercises: str = "") -> str:
    """What to do; on an exercise sheet, followed by the exercises, in the same two columns."""
    for key in ("description", "summary"):
        if not meta.get(key):
            raise DataError(f"docs/{target}", "needed for its handout", field=key)
    # Every summary item: a handout that does not fit one sheet needs shorter advice, never fewer lines.
    what_to_do = cited_text_list(site, linker, check_page_meta(meta, target).summary, cited)
    summary = f'<div class="handout__grid">\n{_section("What to do", what_to_do)}\n</div>'
    if exercises:
        summary = f'<div class="handout__columns">\n{summary}\n{exercises}\n</div>'
    return f'<p class="handout__lead">{esc(meta["description"])}</p>\n{summary}'


def _condition(site: SiteData, linker: Linker, c: Condition, cited: set[str]) -> str:
    level = care_level(site, c.care.level, "data/conditions.yml")
    also = (f'<p class="handout__also">Also called: {esc(", ".join(c.also_called))}.</p>\n'
            if c.also_called else "")
    what = c.what_it_is
    return (f'<p class="handout__lead">{esc(c.summary)}</p>\n{also}<div class="handout__grid">\n'
            + _section("What it is", f"<p>{cited_text(site, linker, what, cited)}</p>")
            + "\n" + _section("Signs", cited_text_list(site, linker, c.signs, cited))
            + "\n" + _section("What helps", cited_text_list(site, linker, c.helps, cited)) + "\n"
            + _section("Usual care",
                       f'<p class="handout__level">{care.level_badge(site, level.id, "data/conditions.yml")} '
                       f'{esc(level.heading)}.</p>')
            + "\n</div>")


def handout_list(site: SiteData, linker: Linker, topics: list[str]) -> str:
    """Links to every handout: the topics given, then every condition in data order."""
    def row(target: str, title: str) -> str:
        stub = f"handouts/{PurePosixPath(target).stem if condition_id(target) is None else condition_id(target)}.md"
        return f"<li>{linker.a(stub, title)}</li>"
    topic_rows = [row(t, source_meta(site, t).get("title", t)) for t in topics]
    condition_rows = [row(f"conditions/{cid}.md", c.name) for cid, c in site.conditions.items()]
    booklet = linker.file_href("print_page.html")  # assembled by macros/postbuild/booklet.py
    return (f'<p>To give out everything at once, <a href="{booklet}">print the whole site as a booklet</a>'
            ' (about 40 pages).</p>\n'
            "<h2 id=\"topic-handouts\">Topics</h2>\n<ul>\n" + "\n".join(topic_rows) + "\n</ul>\n"
            "<h2 id=\"condition-handouts\">Conditions</h2>\n<ul>\n" + "\n".join(condition_rows) + "\n</ul>")
