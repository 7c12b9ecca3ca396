"""Unit tests for hooks/booklet.py: its faster copy of a print-site plugin function changes
nothing."""

from __future__ import annotations

import importlib.util
from importlib.metadata import version

from mkdocs_print_site_plugin import urls as print_site_urls

from conftest import ROOT

_spec = importlib.util.spec_from_file_location("booklet_hook", ROOT / "hooks" / "booklet.py")
booklet = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(booklet)

# The hook patches it only in on_config, which no test calls.
PLUGIN_UPDATE_ANCHOR_IDS = print_site_urls.update_anchor_ids


def test_the_patch_targets_the_pinned_plugin_version():
    # A new plugin version needs this file (and the copy of its function) looked at again.
    assert version("mkdocs-print-site-plugin") == booklet.PATCHED_VERSION
    assert PLUGIN_UPDATE_ANCHOR_IDS is not booklet.update_anchor_ids


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


def test_repeated_landmark_names_are_numbered_in_the_booklet():
    html = ('<aside class="red-flags" aria-label="Urgent warning signs">a</aside>'
            '<nav aria-label="Contents">b</nav>'
            '<aside class="red-flags" aria-label="Urgent warning signs">c</aside>')
    assert booklet.number_repeated_landmarks(html) == (
        '<aside class="red-flags" aria-label="Urgent warning signs">a</aside>'
        '<nav aria-label="Contents">b</nav>'
        '<aside class="red-flags" aria-label="Urgent warning signs (2)">c</aside>')
