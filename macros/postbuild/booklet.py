"""The booklet (print_page.html: every page in one, for printing), assembled from the built pages by
the post-build step, the same under either engine (Zensical has no print-site plugin): it replaces the
engine's page for docs/print_page.md, the booklet's place in the navigation. A cover with the site's
QR code, contents written at build time, each chapter a page's article with its ids prefixed by the
page (``conditions-sciatica-signs``) and its links turned into links within the booklet, the
chapters' own stylesheets; no script file but print.js (Material's small inline scripts stay, so the
reader's colours hold), so it works from disk.
"""

from __future__ import annotations

import html as htmllib
import posixpath
import re
from pathlib import Path

import yaml

from runnersback.model.core import SiteData
from runnersback.render import pagemeta

from .. import banner

NAME = "print_page.html"
STUB = "print_page.md"  # docs/print_page.md: the booklet's place in the navigation, replaced here
_ARTICLE = re.compile(r'(<article class="md-content__inner md-typeset">)(.*?)(</article>)', re.S)
_SCRIPT = re.compile(r"\s*<script\b[^>]*\bsrc=[^>]*>.*?</script>", re.S)  # files; inline ones stay
_ID = re.compile(r'\bid="([^"]*)"')
_HREF = re.compile(r'\b(href|src)="([^"]*)"')
_CHAPTER_QR = re.compile(r'<svg [^>]*class="page-qr".*?</svg>', re.S)
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]*assets/css/[^"]*)"( media="print")?>')
_LANDMARK_LABEL = re.compile(r'(<(?:aside|nav|section)\b[^>]*?\baria-label=")([^"]*)(")')


class _Loader(yaml.SafeLoader):
    """mkdocs.yml with its MkDocs tags read as their default values."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: (
    loader.construct_sequence(node)[-1] if isinstance(node, yaml.SequenceNode) else None))


def chapters(project: Path) -> list[tuple[str, str]]:
    """(navigation title or "", Markdown file) of every page in the navigation, in order; handouts
    and the booklet's own place left out."""
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    found: list[tuple[str, str]] = []

    def walk(items):  # a bare path takes its page's own title (heading())
        for item in items:
            if isinstance(item, str):
                found.append(("", item))
            else:
                for key, value in item.items():
                    if isinstance(value, str):
                        found.append((key, value))
                    else:
                        walk(value)

    walk(config["nav"])
    return [(t, src) for t, src in found if not src.startswith("handouts/") and src != STUB]


def heading(site_dir: Path, src: str) -> str:
    """A built page's own title (its first h1), as a reader sees it."""
    match = re.search(r"<h1\b[^>]*>(.*?)</h1>", (site_dir / (src[:-3] + ".html")).read_text(encoding="utf-8"),
                      re.S)
    if not match:
        return ""
    text = re.sub(r'<a class="headerlink"[^>]*>.*?</a>', "", match.group(1), flags=re.S)  # the ¶
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", "", text)).split())


def _slug(src: str) -> str:
    return src[:-3].replace("/", "-")


# overrides/main.html's order, which the cascade relies on (the flowchart's styles win, for one).
_CSS_ORDER = ["site", "conditions", "print", "return-to-running", "handout", "booklet", "flowchart"]


def stylesheets(site_dir: Path, urls: list[str]) -> list[str]:
    """The site's stylesheets the chapters load, and the booklet's own, each once, from the root."""
    found = {"assets/css/booklet.css": ""}
    for url in urls:
        page = (site_dir / url).read_text(encoding="utf-8")
        for href, media in _STYLESHEET.findall(page):
            found[posixpath.normpath(posixpath.join(posixpath.dirname(url), href))] = media

    def order(href: str) -> int:
        name = posixpath.basename(href)[:-4]
        return _CSS_ORDER.index(name) if name in _CSS_ORDER else len(_CSS_ORDER)

    return [f'<link rel="stylesheet" href="{href}"{found[href]}>' for href in sorted(found, key=order)]


def chapter(site_dir: Path, src: str, slugs: dict[str, str]) -> str:
    """A page's article, its ids and links made to work inside the booklet at the site root."""
    url = src[:-3] + ".html"
    page = (site_dir / url).read_text(encoding="utf-8")
    body = _ARTICLE.search(page).group(2)
    slug = slugs[url]
    body = _CHAPTER_QR.sub("", body)
    body = _ID.sub(lambda m: f'id="{slug}-{m.group(1)}"', body)

    def link(match: re.Match) -> str:
        attr, value = match.group(1), htmllib.unescape(match.group(2))
        if re.match(r"^[a-z][a-z0-9+.-]*:|^//", value):
            return match.group(0)
        path, _, fragment = value.partition("#")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(url), path)) if path else url
        if attr == "href" and target in slugs:
            anchor = f"{slugs[target]}-{fragment}" if fragment else slugs[target]
            return f'href="#{htmllib.escape(anchor)}"'
        rebased = target + (f"#{fragment}" if fragment else "")
        return f'{attr}="{htmllib.escape(rebased)}"'

    body = _HREF.sub(link, body)
    return f'<section class="print-page" id="{slug}">\n{body}\n</section>'


def _drop(html: str, opening: str, tag: str) -> str:
    """``html`` without each element that starts with ``opening``, up to its matching end tag."""
    pattern = re.compile(rf"<(/?){tag}\b[^>]*>")
    while (start := html.find(opening)) >= 0:
        depth = 0
        for m in pattern.finditer(html, start):
            depth += -1 if m.group(1) else 1
            if depth == 0:
                html = html[:start] + html[m.end():]
                break
        else:
            raise ValueError(f"booklet: {opening} does not end")
    return html


def number_repeated_landmarks(html: str) -> str:
    """Give the second and later landmarks of the same name a number: "Urgent warning signs (2)"."""
    seen: dict[str, int] = {}

    def number(match: re.Match) -> str:
        label = match.group(2)
        seen[label] = seen.get(label, 0) + 1
        return match.group(0) if seen[label] == 1 else \
            f"{match.group(1)}{label} ({seen[label]}){match.group(3)}"

    return _LANDMARK_LABEL.sub(number, html)


def assemble(site_dir: Path, project: Path, site: SiteData, site_name: str, description: str,
             site_url: str) -> str:
    """The booklet's HTML, in the shell of the built home page."""
    parts = chapters(project)
    slugs = {src[:-3] + ".html": _slug(src) for _, src in parts}
    shell = (site_dir / "index.html").read_text(encoding="utf-8")
    contents = "\n".join(f'<li><a href="#{_slug(src)}">{htmllib.escape(title or heading(site_dir, src))}</a></li>'
                         for title, src in parts)
    e = htmllib.escape
    # id="print-site-page" marks the booklet for the stylesheets (flowchart.css, booklet.css).
    body = f"""
<div id="print-site-page">
<section class="print-page">
<div class="booklet-cover">
  <h1>{e(site_name)}</h1>
  <p class="booklet-cover__subtitle">Lower back pain from running: a booklet for runners, clubs and clinics</p>
  <p>{e(description)}</p>
  <p><strong>Not a diagnosis.</strong> {banner.cover_warning(site)}</p>
  <div class="booklet-cover__online">
{pagemeta.qr_svg(site_url)}
<p>Read it online: {e(site_url)}</p>
</div>
</div>
</section>
<section class="print-page">
<nav class="print-page-toc-nav" id="print-page-toc" aria-label="Contents"><h1 class="print-page-toc-title">Contents</h1>
<ul>
{contents}
</ul></nav>
</section>
""" + "\n".join(chapter(site_dir, src, slugs) for _, src in parts) + "\n</div>"
    page = _ARTICLE.sub(lambda m: m.group(1) + body + m.group(3), shell, count=1)
    page = _SCRIPT.sub("", page)
    # The home page's own contents (its sidebar, and under its menu entry) and the skip link point
    # at the home page's headings: the booklet has its own contents.
    page = _drop(page, '<nav class="md-nav md-nav--secondary"', "nav")
    page = re.sub(r'<a href="#__skip"[^>]*>.*?</a>|<a href="#[^"]*" class="md-skip">.*?</a>', "", page,
                  flags=re.S)
    styles = stylesheets(site_dir, list(slugs))
    page = _STYLESHEET.sub("", page)
    page = page.replace("</head>", "\n".join(styles) + "\n</head>", 1)
    page = page.replace("</body>", '<script src="assets/js/print.js"></script>\n</body>', 1)
    page = re.sub(r"<title>[^<]*</title>", f"<title>Print everything (booklet) - {e(site_name)}</title>",
                  page, count=1)
    return number_repeated_landmarks(page)


def write(site_dir: Path, project: Path, site: SiteData) -> None:
    """Write the booklet over the engine's page for docs/print_page.md."""
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    (site_dir / NAME).write_text(assemble(site_dir, project, site, config["site_name"],
                                          " ".join(config.get("site_description", "").split()),
                                          config.get("site_url") or ""), encoding="utf-8")


__all__ = ["assemble", "write", "chapters", "number_repeated_landmarks", "NAME"]
