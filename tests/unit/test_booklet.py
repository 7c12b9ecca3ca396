"""Unit tests for the booklet the post-build step assembles (macros/postbuild/booklet.py)."""

from __future__ import annotations

import re

from conftest import ROOT
from macros.postbuild import booklet


def test_repeated_landmark_names_are_numbered_in_the_booklet():
    html = ('<aside class="red-flags" aria-label="Urgent warning signs">a</aside>'
            '<nav aria-label="Contents">b</nav>'
            '<aside class="red-flags" aria-label="Urgent warning signs">c</aside>')
    assert booklet.number_repeated_landmarks(html) == (
        '<aside class="red-flags" aria-label="Urgent warning signs">a</aside>'
        '<nav aria-label="Contents">b</nav>'
        '<aside class="red-flags" aria-label="Urgent warning signs (2)">c</aside>')


def test_the_booklet_replaces_its_stub_and_holds_every_chapter(site_dir):
    page = (site_dir / booklet.NAME).read_text(encoding="utf-8")
    assert "The build step" not in page  # the stub's own text (docs/print_page.md) is gone
    chapters = booklet.chapters(ROOT)
    assert len(chapters) > 20 and booklet.STUB not in [src for _, src in chapters]
    for _, src in chapters:
        assert f'<section class="print-page" id="{src[:-3].replace("/", "-")}">' in page, src
    # No script file but print.js: no Material bundle, no search, so it works from disk.
    assert re.findall(r"<script\b[^>]*\bsrc=[^>]*>", page) == ['<script src="assets/js/print.js">']
    # The chapters' component styles, once each, from the site root.
    for css in ("site", "conditions", "flowchart", "return-to-running", "booklet"):
        assert page.count(f'href="assets/css/{css}.css"') == 1, css


def test_no_page_keeps_the_stub_s_words_in_search(site_dir):
    index = (site_dir / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "The build step" not in index
