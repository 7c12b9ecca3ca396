"""After either engine has built the site: what every page carries, and the checks, on the built folder.

    python -m macros.postbuild site/      # or: python -m macros.build (build, then this, then publish)

In order: each abbreviation explained once per page (abbreviations.py); the booklet assembled from
the pages (booklet.py); every page has the warning
banner and the "about this page" block, and every page that must list the warning signs lists them
all (runnersback/checks/safetycheck.py); each page's Content Security Policy (csp.py), computed from
its final HTML; last, every link, anchor and resource (runnersback/checks/linkcheck.py).
MkDocs' hooks and Zensical's are not the same; these steps run on what either wrote.
"""

from __future__ import annotations

import re
from pathlib import Path

from runnersback.checks import linkcheck, safetycheck
from runnersback.model import site as sitedata
from runnersback.model.core import SiteData, find_pages
from runnersback.render.html import page_url

from . import abbreviations, booklet, csp

BOOKLET = booklet.NAME


def docs_dir(project: Path) -> Path:
    """mkdocs.yml's docs_dir (read as text: the file has tags only MkDocs knows)."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(r"^docs_dir:\s*(\S+)", config, re.M)
    return project / (match.group(1) if match else "docs")


def html_files(site_dir: Path) -> list[Path]:
    """Every page the engine wrote (the theme's assets hold none of ours)."""
    return sorted(p for p in site_dir.rglob("*.html") if "assets" not in p.relative_to(site_dir).parts)


def page_problems(site: SiteData, src: str, html: str) -> list[str]:
    """What a page lacks of what every page carries, and of the warning signs it must list."""
    problems = []
    if 'class="rb-announce"' not in html:
        problems.append(f"docs/{src}: no warning banner (overrides/partials/safety-banner.html)")
    if 'class="page-info"' not in html:
        problems.append(f'docs/{src}: no "about this page" block: end the page with '
                        "{{ page_footer() }}")
    problems += [f"docs/{src}: {problem} (data/regions.yml, render/regions.route)"
                 for problem in safetycheck.missing_routes(site, html)]
    problems += [f"docs/{src}: short form not explained in the sentence of its first use ({line}): "
                 "add the everyday words, as in 'a GP (family doctor)' "
                 "(macros/postbuild/abbreviations.EVERYDAY_WORDS)"
                 for line in abbreviations.unexplained(html)]
    missing = safetycheck.missing_signs(site, src, html)
    if missing:
        where = "its safety box" if src.startswith("handouts/") else "the page"
        problems.append(
            f"docs/{src}: {where} lacks warning sign(s) of data/warning_signs.yml: "
            + ", ".join(f"'{sid}' ({site.signs[sid].text})" for sid in missing)
            + ". Render them with the site's macros; never drop a shared sign")
    return problems


def run(site_dir: Path, project: Path) -> list[str]:
    """Finish the built site in place; return one line per problem (empty: ready to publish)."""
    docs = docs_dir(project)
    site = sitedata.load(project / "data", docs)
    shim = site_dir / csp.SHIM
    shim_js = shim.read_text(encoding="utf-8") if shim.exists() else None
    pages = {page_url(src): src for src in find_pages(docs)}
    problems = [f"docs/{src}: not built ({url} missing)" for url, src in sorted(pages.items())
                if not (site_dir / url).is_file()]
    if problems:
        return problems
    # Each page's abbreviations first, so the booklet's chapters read as the pages do (under
    # either engine); then the booklet over its stub; then the policy and checks on every page.
    for path in html_files(site_dir):
        if path.name != BOOKLET:
            path.write_text(abbreviations.first_only(path.read_text(encoding="utf-8")), encoding="utf-8")
    booklet.write(site_dir, project, site)  # the data run() loaded, not a second load
    for path in html_files(site_dir):
        name = path.relative_to(site_dir).as_posix()
        html = path.read_text(encoding="utf-8")
        if name in pages:
            problems += page_problems(site, pages[name], html)
        else:
            if 'class="rb-announce"' not in html:
                problems.append(f"{name}: no warning banner (overrides/partials/safety-banner.html)")
            problems += [f"{name}: {problem}" for problem in safetycheck.missing_routes(site, html)]
        try:
            html = csp.add_policy(html, shim_js)
        except csp.PolicyError as error:
            problems.append(f"{name}: {error}")
        path.write_text(html, encoding="utf-8")
    broken = linkcheck.check_site(site_dir)
    if broken:
        problems += ["Broken links in the built site:", *(f"  {line}" for line in broken)]
    return problems


__all__ = ["run", "page_problems", "docs_dir", "BOOKLET"]
