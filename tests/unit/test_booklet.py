"""Unit tests for hooks/booklet.py: its faster copies of print-site plugin functions change
nothing."""

from __future__ import annotations

import re
from importlib.metadata import version

from mkdocs_print_site_plugin import urls as print_site_urls

from conftest import load_hook

booklet = load_hook("booklet")

# The hook patches it only in on_config, which no test calls.
PLUGIN_UPDATE_ANCHOR_IDS = print_site_urls.update_anchor_ids
PLUGIN_FIX_HREF_LINKS = print_site_urls.fix_href_links


def test_the_patch_targets_the_pinned_plugin_version():
    # A new plugin version needs this file (and the copy of its function) looked at again.
    assert version("mkdocs-print-site-plugin") == booklet.PATCHED_VERSION
    assert PLUGIN_UPDATE_ANCHOR_IDS is not booklet.update_anchor_ids
    assert PLUGIN_FIX_HREF_LINKS is not booklet.fix_href_links


SAMPLES = [
    '<h2 id="why">Why</h2>\n<p>Text</p>\n'
    '<h3 id="how">How <a class="headerlink" href="#how">¶</a></h3>',
    # A paragraph's footnote mark: the plugin takes the <p> for the tag and leaves the id alone.
    '<p>Rest helps<sup id="fnref:1"><a href="#fn:1">1</a></sup> most.</p>\n<li id="fn:1">Note</li>',
    '<ul>\n<li ID="step-1">One</li>\n<li id="step-2" class="step-2">Two</li>\n</ul>',
    '<p><code>id="x"</code> and <span>no ids</span></p><h2 id="x">X</h2>',
    '<div class="a">' + '<span class="c">word</span> ' * 300 + '</div>\n<h4 id="late">Late</h4>',
    '<small class="cite">[<a href="s.html#src" title="T"><abbr title="A">A</abbr></a>]</small>'
    ' <h5 id="same-line">S</h5>\n<h6 id="multi\nline">M</h6>\n<svg><path d="M2 2h7m3 0"/></svg>',
    '<h1>No id</h1><h2 id="">Empty</h2><li id="a">a <b>class a</b></li>',
]


def test_update_anchor_ids_matches_the_plugin_exactly():
    for html in SAMPLES:
        for key in ("causes", "conditions-sciatica"):
            assert booklet.update_anchor_ids(html, key) == PLUGIN_UPDATE_ANCHOR_IDS(html, key), html


LINK_SAMPLES = [
    '<p><a href="#why">Why</a> and <a class="headerlink" href="#how">¶</a></p>',
    '<a href="../sources.html#src-nhs">NHS</a> <a href="../sources.html#src-nhs">NHS</a>',
    '<a href="stretching.html">Stretch</a><a  href="conditions/index.html#compare">Compare</a>',
    '<a href="https://www.nhs.uk/">NHS</a> <a href="mailto:x@y.z">mail</a>',
    '<a href="assets/logo.svg">logo</a> <a title="T" data-x="1" href="../index.html">Home</a>',
    '<a href="a.html?x=1&amp;y=2#z">Odd</a> <A HREF="b.html">Upper</A> <abbr title="A">A</abbr>',
]


def test_fix_href_links_matches_the_plugin_exactly():
    for html in LINK_SAMPLES + SAMPLES:
        for page_url in ("index.html", "conditions/sciatica.html"):
            key = print_site_urls.get_page_key(page_url)
            assert (booklet.fix_href_links(html, key, page_url, False)
                    == PLUGIN_FIX_HREF_LINKS(html, key, page_url, False)), html


def test_both_copies_match_the_plugin_on_every_built_page(site_dir):
    # The plugin gets each page's content: the <article> of the built page.
    pages = sorted(p for p in site_dir.rglob("*.html") if p.name != "print_page.html")
    assert len(pages) > 30
    for path in pages:
        page_url = path.relative_to(site_dir).as_posix()
        key = print_site_urls.get_page_key(page_url)
        text = re.search(r"<article\b.*?</article>", path.read_text(encoding="utf-8"), re.S).group(0)
        assert booklet.update_anchor_ids(text, key) == PLUGIN_UPDATE_ANCHOR_IDS(text, key), page_url
        assert (booklet.fix_href_links(text, key, page_url, False)
                == PLUGIN_FIX_HREF_LINKS(text, key, page_url, False)), page_url


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
