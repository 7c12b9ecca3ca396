"""Registration of the site's macros and page hooks (macros/__init__.py exposes them). No logic
lives here: each macro hands the current page, the loaded data and a per-page set of cited sources to
a plain function in runnersback.render.

No MkDocs import outside the error mapping: Zensical's macros extension runs this without MkDocs
installed, and calls define_env once for every page (so the loaded data is cached, see _load).
"""

from __future__ import annotations

from pathlib import Path

from runnersback.model import clinic as clinicdata, pages, site as sitedata
from runnersback.model.core import SiteData, find_pages
from runnersback.model.errors import DataError
from runnersback.render import (care, citations, conditions, exercises, flowchart, handouts,
                                pagemeta, regions, return_to_running, sheet_builder)
from runnersback.render.html import Linker, page_url

from . import banner, rawhtml

try:  # MkDocs shows a PluginError as a one-line build failure; elsewhere DataError says the same
    from mkdocs.exceptions import PluginError as BuildError
except ImportError:
    BuildError = RuntimeError


def define_env(env) -> None:
    project = Path(env.project_dir)
    try:
        site = _load(project / "data", project / env.conf["docs_dir"], default_region(env.conf))
    except DataError as exc:
        raise BuildError(f"Bad data: {exc}") from exc
    try:  # the clinic's details for the exercise sheet (mkdocs.yml extra.clinic), checked
        clinic = clinicdata.details((env.conf.get("extra") or {}).get("clinic"),
                                    project / env.conf["docs_dir"])
    except DataError as exc:
        raise BuildError(f"Bad configuration: {exc}") from exc
    env.variables["site_data"] = site
    env.variables["site_name"] = env.conf["site_name"]  # pages write {{ site_name }}: one setting
    state = {"cited": set()}  # sources cited on the page being rendered

    def linker() -> Linker:
        return Linker(_src(env.page), site.pages)

    # MkDocs calls define_env once for the build; Zensical once for every page, with the page set
    # and without the page hooks below, or a way to add a Markdown extension.
    page = getattr(env, "page", None)
    if page is None:
        # Macro HTML skips Markdown's HTML parser (see macros/rawhtml.py): macros leave tokens.
        html = rawhtml.Store()
        env.conf["markdown_extensions"].append(rawhtml.Extension(html))
        meta = lambda: env.page.meta  # noqa: E731
    else:
        html = rawhtml.PassThrough()
        # Zensical hands front matter dates over as text: read them as YAML does.
        page_meta = {**page.meta, **pages.source_meta(site, _src(page))}
        pages.inherit_meta(site, page_meta)
        _date_for_print_header(page.meta, page_meta)
        meta = lambda: page_meta  # noqa: E731
    state["html"] = html

    def block(name, render):
        # Every {emergency}, {hospital}, {urgent} and {gp} in data text becomes the regions' words.
        env.macro(lambda *args: html.block(regions.expand_html(site, render(*args))), name)

    env.macro(lambda *ids: html.inline(citations.cite(site, linker(), ids, state["cited"])), "cite")
    block("page_summary", lambda: pagemeta.page_summary(site, linker(), meta(),
                                                        state["cited"]))
    block("red_flags", lambda: care.red_flags(site, linker(), state["cited"]))
    block("care_levels", lambda: care.care_levels(site, linker(), state["cited"]))
    block("care_card", lambda level_id: care.care_card(site, linker(), level_id, state["cited"]))
    block("sign_cards", lambda *sign_ids: care.sign_cards(site, linker(), sign_ids, state["cited"]))
    block("exercises", lambda group: exercises.exercise_cards(site, linker(), group,
                                                              state["cited"]))
    env.macro(lambda kind: html.inline(regions.route(site, kind)), "route")
    block("care_routes", lambda: regions.care_routes(site, linker(), state["cited"]))
    block("sources_list", lambda: citations.sources_list(site, linker()))
    block("condition_page", lambda condition_id: conditions.condition_page(
        site, linker(), condition_id, state["cited"]))
    block("conditions_overview", lambda: conditions.overview(site, linker(), state["cited"]))
    block("conditions_helped_by", lambda topic: conditions.helped_by(site, linker(), topic))
    block("flowchart_drawing", lambda: flowchart.drawing(site, linker(), state["cited"]))
    block("flowchart_steps", lambda: flowchart.steps(site, linker(), state["cited"]))
    block("return_to_running", lambda part: return_to_running.plan_part(site, linker(), part,
                                                                        state["cited"]))
    block("safety_box", lambda: handouts.safety_box(site, linker(), state["cited"]))
    block("handout", lambda: handouts.handout(site, linker(), meta(), state["cited"]))
    block("handout_list", lambda topics: handouts.handout_list(site, linker(), topics))
    block("sheet_builder", lambda: sheet_builder.sheet_builder(
        site, linker(), env.conf["site_url"] or "", state["cited"], clinic))

    def footer() -> str:
        """The "about this page" block: the last line of every page (the post-build step fails a
        page without it). Last, so that it lists every source the page cited."""
        page = env.page
        # A handout's address (and QR code) is the full page it summarises.
        target = meta().get("handout_of") or _src(page)
        address = pagemeta.page_address(env.conf["site_url"] or "", page_url(target))
        try:
            return pagemeta.page_footer(site, linker(), meta=meta(), title=page.title or "",
                                        address=address, cited=state["cited"])
        except DataError as exc:
            raise BuildError(str(exc)) from exc

    block("page_footer", footer)
    env.variables["_runnersback_state"] = state


_cache: dict[tuple, SiteData] = {}


def default_region(conf) -> str | None:
    """The region pages show before the reader chooses: mkdocs.yml ``extra.region`` (if unset, the
    first region of data/regions.yml, as overrides/partials/region-head.html does too)."""
    extra = conf.get("extra") if hasattr(conf, "get") else None
    return (extra or {}).get("region")


def _load(data_dir: Path, docs_dir: Path, region: str | None = None) -> SiteData:
    """The loaded data, once per build: Zensical calls define_env for every page. Loaded again
    when a data file changes or a page comes or goes (a live-reload server's next build)."""
    key = (data_dir.resolve(), docs_dir.resolve(),
           tuple(sorted((p.name, p.stat().st_mtime_ns) for p in data_dir.glob("*.yml"))),
           tuple(sorted(find_pages(docs_dir))), region)
    if key not in _cache:
        _cache.clear()
        site = sitedata.load(data_dir, docs_dir, region)
        # The banner on every page is a theme partial written from the registry: never stale.
        problem = banner.stale(data_dir.parent, site)
        if problem:
            raise DataError("data/warning_signs.yml", problem)
        _cache[key] = site
    return _cache[key]


def _date_for_print_header(page_meta: dict, dates: dict) -> None:
    """overrides/main.html prints the review date in the running header; it is written out here,
    since Zensical's templates have no strftime."""
    if dates.get("reviewed") is not None:
        page_meta["reviewed_text"] = pagemeta.long_date(dates["reviewed"])


def _src(page) -> str:
    """The page's Markdown file under docs/ (MkDocs' page.file.src_uri, Zensical's page.path)."""
    return page.file.src_uri if hasattr(page, "file") else page.path


def on_pre_page_macros(env) -> None:
    state = env.variables["_runnersback_state"]
    state["cited"] = set()
    state["html"].reset()
    pages.inherit_meta(env.variables["site_data"], env.page.meta)
    _date_for_print_header(env.page.meta, env.page.meta)
