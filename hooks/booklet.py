"""MkDocs hook: make the booklet page (mkdocs-print-site-plugin) work from a folder on disk, fast.

The plugin renders print_page.html with the context of Material's 404 page, whose "base" is the
site's absolute path (a 404 page must work at any address). The booklet sits at the site root, so
its base is simply "." — with the absolute path, search and the offline index fail from file://.

Two speed fixes for the plugin (pinned at 2.9; same output, checked in tests/unit/test_booklet.py):
it renders with a second Jinja environment, and one of its regular expressions backtracks badly.
"""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority
from mkdocs_print_site_plugin import urls as print_site_urls

PATCHED_VERSION = "2.9"


def on_config(config, **kwargs):
    if version("mkdocs-print-site-plugin") == PATCHED_VERSION:
        print_site_urls.update_anchor_ids = update_anchor_ids
    return config


def on_env(env, config, **kwargs):
    # The plugin renders the booklet with config.theme.get_env(), which in MkDocs 1.6 makes a new
    # Jinja environment and compiles all of Material's templates a second time (~0.4 s). Hand it
    # the environment every other page was rendered with.
    config.theme.get_env = lambda: env
    return env


# The plugin's own pattern with a lookahead in front: from a "<" with no id=" later on its line the
# original tries every split of the tag name against the rest of the line (most of the plugin's
# time). The lookahead is only a necessary condition, so the matches are exactly the same.
_ANCHOR_ID = re.compile(r"<(?=[^\n]*?id=\")([^\s]+).*?id=\"([^\"]*?)\".*?>", flags=re.IGNORECASE)


def update_anchor_ids(page_html: str, page_key: str) -> str:
    """mkdocs_print_site_plugin.urls.update_anchor_ids (2.9), unchanged but for the pattern."""
    change_tags = ["h1", "h2", "h3", "h4", "h5", "h6", "sup", "li"]
    for m in _ANCHOR_ID.finditer(page_html):
        if m.group(1) not in change_tags:
            continue
        id_text = m.group(2)
        match_text = m.group()
        new_text = match_text.replace(id_text, page_key + "-" + id_text)
        page_html = page_html.replace(match_text, new_text)
    return page_html


# The plugin links its stylesheets and script from every page, though only the booklet uses them.
# Elsewhere they cost three requests on a first visit, and print-site-material.css sets
# `@page { size: A4 }`, which would force A4 paper on a reader in the US printing any page.
_PLUGIN_ASSETS = re.compile(r'\n\s*<link rel="stylesheet" href="(?:\.\./)*css/print-site[-a-z]*\.css">'
                            r'|\n\s*<script src="(?:\.\./)*js/print-site\.js"></script>')


def on_post_page(output: str, page, config, **kwargs) -> str:
    if page.file.dest_uri == "print_page.html":
        return output
    return _PLUGIN_ASSETS.sub("", output)


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


@event_priority(-90)  # after the print-site plugin has written the page, before the link check
def on_post_build(config, **kwargs) -> None:
    booklet = Path(config["site_dir"]) / "print_page.html"
    if not booklet.exists():
        return
    base = urlsplit(config["site_url"] or "").path or "/"
    html = booklet.read_text(encoding="utf-8")
    fixed = re.sub(r'"base":\s*"' + re.escape(base) + '"', '"base": "."', html)
    booklet.write_text(number_repeated_landmarks(fixed), encoding="utf-8")
