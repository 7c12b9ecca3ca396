"""Check every link and resource reference in the built site, offline.

MkDocs validates links written in Markdown, but not links inside raw HTML (which is what macros emit),
and it does not look at what the theme loads. This walks the built folder and checks that:

- every relative ``href`` and ``src`` points at a file that exists, and every ``#anchor`` at an element
  with that id (in the same page or the target page);
- nothing is loaded from another host (scripts, styles, images, fonts, frames): the site must work
  offline. Plain links (``<a href="https://...">``) to other sites are allowed; they are the reader's
  choice to follow.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Attributes that make the browser fetch something by itself.
_RESOURCE_ATTRS = {("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
                   ("source", "src"), ("video", "src"), ("audio", "src"), ("embed", "src"),
                   ("object", "data"), ("image", "href")}
# <link rel> values that only describe the page (the browser fetches nothing for them).
_DESCRIPTIVE_RELS = {"canonical", "alternate", "author", "license", "next", "prev", "search"}
# Material's 404 page uses absolute paths on purpose: a web server shows it at any address.
_SKIPPED_PAGES = {"404.html"}


@dataclass
class _Ref:
    tag: str
    attr: str
    value: str
    line: int


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[_Ref] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        rel = dict(attrs).get("rel") or ""
        if tag == "link" and rel and set(rel.lower().split()) <= _DESCRIPTIVE_RELS:
            tag = "a"  # checked like a plain link: may point to another site
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name") and (name == "id" or tag == "a"):
                self.ids.add(value)
            if (tag, name) in _RESOURCE_ATTRS or (tag == "a" and name == "href"):
                self.refs.append(_Ref(tag, name, value, line))

    handle_startendtag = handle_starttag


def _parse(path: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    return parser


def check_site(site_dir: Path) -> list[str]:
    """Return one message per broken reference, naming the page and line. Empty means all good."""
    site_dir = Path(site_dir)
    pages = {p.relative_to(site_dir).as_posix(): _parse(p) for p in sorted(site_dir.rglob("*.html"))}
    problems: list[str] = []
    for page, parsed in pages.items():
        if page in _SKIPPED_PAGES:
            continue
        for ref in parsed.refs:
            problem = _check_ref(site_dir, pages, page, parsed, ref)
            if problem:
                problems.append(f"{page}:{ref.line}: <{ref.tag} {ref.attr}=\"{ref.value}\">: {problem}")
    return problems


def _check_ref(site_dir: Path, pages: dict[str, _PageParser], page: str, parsed: _PageParser,
               ref: _Ref) -> str | None:
    value = ref.value.strip()
    parts = urlsplit(value)
    if parts.scheme in ("mailto", "tel", "javascript", "data", "blob"):
        return None
    if parts.scheme or value.startswith("//"):
        if ref.tag == "a":
            return None
        return "loads a resource from another host; the site must work offline"
    if not parts.path:
        # A same-page anchor ("#top"); an empty href is the page itself.
        if parts.fragment and unquote(parts.fragment) not in parsed.ids:
            return f"no element with id '{unquote(parts.fragment)}' on this page"
        return None
    if parts.path.startswith("/"):
        return "absolute path: breaks when the site is opened from disk or under a base path"
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
    if target.startswith(".."):
        return "points outside the site"
    target_file = site_dir / target
    if target_file.is_dir():
        target, target_file = posixpath.join(target, "index.html"), target_file / "index.html"
    if not target_file.is_file():
        return f"'{target}' does not exist"
    if parts.fragment and target in pages and unquote(parts.fragment) not in pages[target].ids:
        return f"no element with id '{unquote(parts.fragment)}' in {target}"
    return None


__all__ = ["check_site"]
