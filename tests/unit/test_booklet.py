"""Unit tests for hooks/booklet.py: the booklet's fix-ups, and the plugin's assets kept to it."""

from __future__ import annotations

import re

from conftest import load_hook

booklet = load_hook("booklet")


def test_repeated_landmark_names_are_numbered_in_the_booklet():
    html = ('<aside class="red-flags" aria-label="Urgent warning signs">a</aside>'
            '<nav aria-label="Contents">b</nav>'
            '<aside class="red-flags" aria-label="Urgent warning signs">c</aside>')
    assert booklet.number_repeated_landmarks(html) == (
        '<aside class="red-flags" aria-label="Urgent warning signs">a</aside>'
        '<nav aria-label="Contents">b</nav>'
        '<aside class="red-flags" aria-label="Urgent warning signs (2)">c</aside>')


def test_the_plugin_s_assets_stay_off_other_pages_and_the_404_page(site_dir):
    # Linked relatively from pages, from the site root on the 404 page (any address shows it).
    head = ('<head>\n  <link rel="stylesheet" href="/site/css/print-site.css">'
            '\n  <script src="/site/js/print-site.js"></script>')
    assert booklet.on_post_template(head, "404.html", config={}) == "<head>"
    for path in (site_dir / "404.html", site_dir / "conditions" / "sciatica.html"):
        html = path.read_text(encoding="utf-8")
        assert not re.search(r'(href|src)="[^"]*(css/print-site|js/print-site)', html), path.name
    booklet_page = (site_dir / "print_page.html").read_text(encoding="utf-8")
    assert re.search(r'href="[^"]*css/print-site-material\.css"', booklet_page)
