"""Small HTML helpers shared by every renderer.

Every string that comes from data goes through :func:`esc` (markupsafe's escape, as Jinja uses) or
:func:`attrs` before it reaches HTML; ids are slugs, checked by the model (model/base.py ``Slug``).
Renderers put a newline between block elements: Material's search indexer glues words together
across tags that touch.
"""

from __future__ import annotations

import functools
import posixpath
from pathlib import PurePosixPath

import markupsafe


def esc(text: object) -> str:
    """Escape text for an HTML text node or a quoted attribute."""
    return str(markupsafe.escape(text))


def attrs(**values: object) -> str:
    """Render attributes; ``class_`` becomes ``class``; None and False are left out."""
    out = []
    for name, value in values.items():
        if value is None or value is False:
            continue
        name = name.rstrip("_").replace("_", "-")
        out.append(f' {name}' if value is True else f' {name}="{esc(value)}"')
    return "".join(out)


@functools.lru_cache(maxsize=None)  # pure; called for every link a macro writes
def page_url(src_path: str) -> str:
    """The built URL of a Markdown page, as MkDocs writes it with ``use_directory_urls: false``."""
    path = PurePosixPath(src_path)
    if path.suffix != ".md":
        return src_path
    if path.stem in ("index", "README"):
        return str(path.with_name("index.html"))
    return str(path.with_suffix(".html"))


class Linker:
    """Builds relative links from the page being rendered to other pages of the site.

    Relative links keep the site working from a folder on disk (file://) and under any base path on
    GitHub Pages. A link to a page that does not exist raises immediately with both page names.
    """

    def __init__(self, current_src: str, known_pages: set[str]):
        self.current_src = current_src
        self.known_pages = known_pages

    def href(self, target_src: str, anchor: str | None = None) -> str:
        if target_src not in self.known_pages:
            raise LinkError(f"{self.current_src}: macro links to '{target_src}', which is not a page "
                            f"of the site")
        url = self.file_href(page_url(target_src))
        return f"{url}#{anchor}" if anchor else url

    def file_href(self, built_path: str) -> str:
        """A relative link to a built file that is not a Markdown page (e.g. the booklet)."""
        return _relative(built_path, posixpath.dirname(page_url(self.current_src)) or ".")

    def a(self, target_src: str, text: str, anchor: str | None = None, **extra: object) -> str:
        return f'<a{attrs(href=self.href(target_src, anchor), **extra)}>{esc(text)}</a>'


@functools.lru_cache(maxsize=None)  # pure; relpath looks up the working directory on every call
def _relative(built_path: str, here: str) -> str:
    return posixpath.relpath(built_path, here)


class LinkError(Exception):
    """A macro tried to link to a page that does not exist."""
