"""MkDocs hook: make the booklet page (mkdocs-print-site-plugin) work from a folder on disk.

The plugin renders print_page.html with the context of Material's 404 page, whose "base" is the
site's absolute path (a 404 page must work at any address). The booklet sits at the site root, so
its base is simply "." — with the absolute path, search and the offline index fail from file://.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority


@event_priority(-90)  # after the print-site plugin has written the page, before the link check
def on_post_build(config, **kwargs) -> None:
    booklet = Path(config["site_dir"]) / "print_page.html"
    if not booklet.exists():
        return
    base = urlsplit(config["site_url"] or "").path or "/"
    html = booklet.read_text(encoding="utf-8")
    fixed = re.sub(r'"base":\s*"' + re.escape(base) + '"', '"base": "."', html)
    booklet.write_text(fixed, encoding="utf-8")
