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

import html
import multiprocessing
import posixpath
import re
from dataclasses import dataclass
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


@dataclass
class _Page:
    ids: set[str]
    refs: list[_Ref]


# The built HTML is machine-written (Markdown, theme templates, macros), so scanning tags with a
# regular expression is safe and many times faster than a full HTML parser over the whole site.
# Greedy, then the closing "/" of "<x ... />" taken off by hand: much faster than a lazy match.
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)(\s[^<>]*)?>")
_ATTR = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_SKIP_CONTENT = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.S | re.I)
# The only attributes the check reads. Most tags (and all SVG path data) have none of them, so a
# quick search lets those skip attribute parsing, which is most of the check's time.
_WANTED = {"id", "name", "rel", "href", "src", "data"}
# id, name, href, src and data end in one of these letters (either case); rel matters only with
# href. Faster than spelling the names out case-insensitively.
_MAY_HAVE_WANTED = re.compile(r"[dDeEfFcCaA]\s*=")


def parse(text: str) -> _Page:
    """The ids a page defines and the references it makes."""
    # Blank out script and style bodies and comments (keeping line breaks) so that nothing inside
    # them is taken for a tag; the opening <script src> tag itself is kept and checked.
    text = _SKIP_CONTENT.sub(lambda m: _keep_opening_tag(m.group(0)), text)
    page = _Page(set(), [])
    line, counted_to = 1, 0  # line numbers counted on from the previous reference, only as needed
    for match in _TAG.finditer(text):
        attr_text = match.group(2)
        if not attr_text or not _MAY_HAVE_WANTED.search(attr_text):
            continue
        if attr_text.endswith("/"):
            attr_text = attr_text[:-1]
        attrs = {}
        for m in _ATTR.finditer(attr_text):
            name = m.group(1).lower()
            if name in _WANTED:
                value = m.group(m.lastindex)  # the one of the three value groups that matched
                attrs[name] = html.unescape(value) if "&" in value else value
        if not attrs:
            continue
        tag = match.group(1).lower()
        if "id" in attrs:
            page.ids.add(attrs["id"])
        if tag == "a" and "name" in attrs:
            page.ids.add(attrs["name"])
        rel = attrs.get("rel") or ""
        kind = "a" if tag == "link" and rel and set(rel.lower().split()) <= _DESCRIPTIVE_RELS else tag
        for name, value in attrs.items():
            if (kind, name) in _RESOURCE_ATTRS or (kind == "a" and name == "href"):
                line += text.count("\n", counted_to, match.start())
                counted_to = match.start()
                page.refs.append(_Ref(kind, name, value, line))
    return page


def _keep_opening_tag(block: str) -> str:
    if block.startswith("<!--"):
        return "\n" * block.count("\n")
    opening = block[: block.index(">") + 1]
    return opening + "\n" * block[len(opening):].count("\n")


def check_site(site_dir: Path, already: dict[str, tuple[str, _Page]] | None = None) -> list[str]:
    """Return one message per broken reference, naming the page and line. Empty means all good.

    What is on disk is checked. ``already`` maps pages to HTML already parsed (by
    :class:`Background`, as the build wrote them); a file whose text is still that HTML is not
    parsed again.
    """
    site_dir = Path(site_dir)
    already = already or {}
    pages = {}
    for path in sorted(site_dir.rglob("*.html")):
        name = path.relative_to(site_dir).as_posix()
        text = path.read_text(encoding="utf-8", errors="replace")
        known = already.get(name)
        pages[name] = known[1] if known and known[0] == text else parse(text)
    problems: list[str] = []
    located: dict[str, tuple[str, bool]] = {}  # the same few targets are linked thousands of times
    # A link to another file means the same from every page in one folder (citations repeat
    # the same few thousands of times), so its verdict is kept; a same-page "#x" is not.
    verdicts: dict[tuple[str, str, str], str | None] = {}
    for page, parsed in pages.items():
        if page in _SKIPPED_PAGES:
            continue
        folder = posixpath.dirname(page)
        for ref in parsed.refs:
            same_page = ref.value.strip().startswith("#") or not ref.value.strip()
            key = (folder, ref.tag, ref.value)
            if same_page or key not in verdicts:
                problem = _check_ref(site_dir, pages, page, parsed, ref, located)
                if not same_page:
                    verdicts[key] = problem
            else:
                problem = verdicts[key]
            if problem:
                problems.append(f"{page}:{ref.line}: <{ref.tag} {ref.attr}=\"{ref.value}\">: {problem}")
    return problems


def _check_ref(site_dir: Path, pages: dict[str, _Page], page: str, parsed: _Page,
               ref: _Ref, located: dict[str, tuple[str, bool]]) -> str | None:
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
    if target not in located:
        located[target] = _locate(site_dir, target)
    target, exists = located[target]
    if not exists:
        return f"'{target}' does not exist"
    if parts.fragment and target in pages and unquote(parts.fragment) not in pages[target].ids:
        return f"no element with id '{unquote(parts.fragment)}' in {target}"
    return None


def _locate(site_dir: Path, target: str) -> tuple[str, bool]:
    """The file a link to ``target`` opens (a folder's index.html), and whether it exists."""
    target_file = site_dir / target
    if target_file.is_dir():
        target, target_file = posixpath.join(target, "index.html"), target_file / "index.html"
    return target, target_file.is_file()


class Background:
    """Parse pages in a second process while the build goes on, so the check costs little time.

    MkDocs builds on one core; parsing every page's HTML was a tenth of the build. Pages go to the
    worker as they are written (:meth:`add`); :meth:`finish` checks the whole site there, as on
    disk, and returns the messages :func:`check_site` would: only files written or changed later
    (the booklet, the 404 page) are parsed then. Where processes cannot be forked, it parses in this
    process as pages come.
    """

    def __init__(self) -> None:
        self._parsed: dict[str, tuple[str, _Page]] = {}
        self._conn = self._worker = None
        try:
            context = multiprocessing.get_context("fork")
        except ValueError:  # Windows: no fork
            return
        self._conn, child = context.Pipe()
        self._worker = context.Process(target=_serve, args=(child,), daemon=True)
        self._worker.start()
        child.close()

    def add(self, name: str, html: str) -> None:
        if self._conn is None:
            self._parsed[name] = (html, parse(html))
        else:
            self._conn.send((name, html))

    def finish(self, site_dir: Path) -> list[str]:
        if self._conn is None:
            return check_site(site_dir, self._parsed)
        self._conn.send((None, str(site_dir)))
        problems = self._conn.recv()
        self._conn.close()
        self._worker.join()
        return problems


def _serve(conn) -> None:
    parsed: dict[str, tuple[str, _Page]] = {}
    try:
        while True:
            name, payload = conn.recv()
            if name is None:
                conn.send(check_site(Path(payload), parsed))
                return
            parsed[name] = (payload, parse(payload))
    except EOFError:  # the build stopped before the check
        return


__all__ = ["Background", "check_site", "parse"]
