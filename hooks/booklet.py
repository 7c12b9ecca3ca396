"""MkDocs hook: make the booklet page (mkdocs-print-site-plugin) work from a folder on disk and
without JavaScript, as valid HTML.

The plugin renders print_page.html with the context of Material's 404 page, whose "base" is the
site's absolute path (a 404 page must work at any address). The booklet sits at the site root, so
its base is simply "." — with the absolute path, links and stored settings fail from file://.

The booklet is for printing and runs without Material's JavaScript (overrides/main.html), so its
contents list is written here rather than by the plugin's script, and it carries one QR code (on
its cover) instead of one per chapter.

The plugin's output is otherwise left as it is (written for print-site 2.9): the booklet is a
print product, held to print targets, not to build or phone speed.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from runnersback.render import pagemeta  # noqa: E402

PLUGIN_VERSION = "2.9"  # the print-site version whose output this hook was written for


# The plugin links its stylesheets and script from every page, though only the booklet uses them.
# Elsewhere they cost three requests on a first visit, and print-site-material.css sets
# `@page { size: A4 }`, which would force A4 paper on a reader in the US printing any page.
# Pages link them relatively; the 404 page, which a server shows at any address, from the site root.
_ASSET_PATH = r'(?:(?:\.\./)*|/(?:[^"/]+/)*)'
_PLUGIN_ASSETS = re.compile(
    rf'\n\s*<link rel="stylesheet" href="{_ASSET_PATH}css/print-site[-a-z]*\.css">'
    rf'|\n\s*<script src="{_ASSET_PATH}js/print-site\.js"></script>')


def on_post_page(output: str, page, config, **kwargs) -> str:
    if page.file.dest_uri == "print_page.html":
        return output
    return _PLUGIN_ASSETS.sub("", output)


def on_page_context(context, page, config, nav, **kwargs):
    # A page's `tags` (the questions readers type, in front matter) are for the search index, which
    # has read them by now (the search plugin runs before hooks). The print-site plugin would print
    # them above each chapter, before its title: the booklet is no place for them.
    page.meta.pop("tags", None)
    return context


def on_post_template(output_content: str, template_name: str, config, **kwargs) -> str:
    if template_name == "404.html":
        return _PLUGIN_ASSETS.sub("", output_content)
    return output_content


# Landmarks (aside, nav, section) need distinct names on one page. The booklet holds every chapter,
# so a box that appears on two pages (the red-flag box) would appear twice under one name.
_LANDMARK_LABEL = re.compile(r'(<(?:aside|nav|section)\b[^>]*?\baria-label=")([^"]*)(")')


def number_repeated_landmarks(html: str) -> str:
    """Give the second and later landmarks of the same name a number: "Urgent warning signs (2)"."""
    seen: dict[str, int] = {}

    def number(match: re.Match) -> str:
        label = match.group(2)
        seen[label] = seen.get(label, 0) + 1
        if seen[label] == 1:
            return match.group(0)
        return f"{match.group(1)}{label} ({seen[label]}){match.group(3)}"

    return _LANDMARK_LABEL.sub(number, html)


# The plugin's script builds the contents list from the sidebar and hides the site menu and search
# once the page has loaded. The booklet runs without JavaScript for those (overrides/main.html), so
# the list is written here, and the script and its call are left out.
_PLUGIN_ONLOAD = re.compile(r'\s*<script type="text/javascript">\s*document\.addEventListener\('
                            r"'DOMContentLoaded', function \(\) \{[^}]*generate_toc\(\);[^}]*\}\)"
                            r"\s*</script>")
_TOC_NAV = "<nav role='navigation' class='print-page-toc-nav'>"
_UL = re.compile(r"<(/?)ul\b[^>]*>")


def _first_list(html: str, start: int) -> str:
    """The first <ul> at or after ``start`` up to its matching </ul>."""
    depth, opened = 0, None
    for m in _UL.finditer(html, start):
        if m.group(1):
            depth -= 1
            if depth == 0:
                return html[opened:m.end()]
        else:
            opened = m.start() if opened is None else opened
            depth += 1
    raise ValueError("booklet: the contents sidebar has no complete list")


def write_contents(html: str) -> str:
    """Copy the contents sidebar's list into the booklet's "Contents" section, as the plugin's
    generate_toc() does in the browser, and drop the plugin's page-load script."""
    html, calls = _PLUGIN_ONLOAD.subn("", html)
    sidebar = html.find('<nav class="md-nav md-nav--secondary"')
    if not calls or sidebar < 0 or _TOC_NAV not in html:
        raise ValueError("booklet: print-site's contents script or the contents sidebar is not "
                         f"where version {PLUGIN_VERSION} puts them; look at hooks/booklet.py "
                         "again")
    # As generate_toc() does: the copy is not Material's table-of-contents component.
    toc = _first_list(html, sidebar).replace(' data-md-component="toc"', "", 1)
    title_end = html.index("</h1>", html.index(_TOC_NAV)) + len("</h1>")
    return html[:title_end] + "\n" + toc + html[title_end:]


# Every chapter ends with its page's QR code: one set per page is right for a handout, but 20 in a
# booklet weigh on a phone. The booklet keeps each chapter's address in words, and one code on its
# cover, for the whole site.
_CHAPTER_QR = re.compile(r'<svg [^>]*class="page-qr".*?</svg>', re.S)
_COVER_ADDRESS = re.compile(r"(<p>Read it online: )([^<]*)(</p>)")


def one_qr_code_on_the_cover(html: str, qr_svg) -> str:
    """Drop the chapters' QR codes; put one for the site's address on the cover."""
    html = _CHAPTER_QR.sub("", html)
    cover = _COVER_ADDRESS.search(html)
    if not cover:
        raise ValueError("booklet: the cover has no 'Read it online:' line for its QR code")
    address = cover.group(2).strip()
    block = f'<div class="booklet-cover__online">\n{qr_svg(address)}\n{cover.group(0)}\n</div>'
    return html[:cover.start()] + block + html[cover.end():]


def local_base(html: str, base: str) -> str:
    """The booklet sits at the site root: its base and its storage scope are "." (see the top)."""
    html = re.sub(r'"base":\s*"' + re.escape(base) + '"', '"base": "."', html)
    return html.replace(f'__md_scope=new URL("{base}",location)',
                        '__md_scope=new URL(".",location)')


@event_priority(-90)  # after the print-site plugin has written the page, before the link check
def on_post_build(config, **kwargs) -> None:
    booklet = Path(config["site_dir"]) / "print_page.html"
    if not booklet.exists():
        return
    base = urlsplit(config["site_url"] or "").path or "/"
    html = local_base(booklet.read_text(encoding="utf-8"), base)
    html = one_qr_code_on_the_cover(write_contents(html), pagemeta.qr_svg)
    booklet.write_text(number_repeated_landmarks(html), encoding="utf-8")
