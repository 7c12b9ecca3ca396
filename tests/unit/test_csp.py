"""macros/postbuild/csp.py: each page's Content Security Policy, computed from its final HTML; and every page of
the built site carries it, first in <head>, covering exactly the inline scripts the page has."""

from __future__ import annotations

import base64
import hashlib
import re
from html import unescape
from pathlib import Path

import pytest

from conftest import ROOT

from macros.postbuild import csp

SHIM_JS = (ROOT / "docs" / csp.SHIM).read_text(encoding="utf-8")
POLICY_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')

PAGE = """<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>T</title>
    <script>alert('Hello, world.');</script>
    <script id="__config" type="application/json">{"base": ".", "search": "w/search.js"}</script>
    <style media="print">@page { margin: 1cm }</style>
  </head>
  <body><script src="assets/vendor/iframe-worker/shim.js"></script><script src="app.js"></script></body>
</html>"""


def directives(policy: str) -> dict[str, list[str]]:
    return {name: sources for name, *sources in (d.split() for d in policy.split(";"))}


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_hash_sources_are_computed_as_browsers_do():
    # The example in the CSP Level 3 specification (section "hash-source").
    assert csp.source_hash("alert('Hello, world.');") == \
        "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"


def test_policy_allows_the_site_and_its_own_inline_scripts_only():
    policy = directives(csp.policy_for(PAGE, SHIM_JS))
    frame = csp.worker_frame_script(SHIM_JS, "w/search.js")
    assert policy == {
        "default-src": ["'self'"],
        # The page's one running inline script and the shim's frame script; not the JSON data block.
        "script-src": ["'self'", *sorted([sha256("alert('Hello, world.');"), sha256(frame)])],
        "style-src": ["'self'", sha256("@page { margin: 1cm }")],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }


def test_a_page_without_the_shim_does_not_allow_its_frame_script():
    policy = csp.policy_for(PAGE.replace("assets/vendor/iframe-worker/shim.js", "other.js"), SHIM_JS)
    assert directives(policy)["script-src"] == ["'self'", sha256("alert('Hello, world.');")]


def test_the_policy_is_the_first_element_in_head_after_the_charset():
    html = csp.add_policy(PAGE, SHIM_JS)
    head = html[html.index("<head>") + len("<head>"):]
    assert re.match(r'\s*<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy" ', head)
    # Built again (the booklet is written twice), the page keeps one policy, for its final HTML.
    again = csp.add_policy(html.replace("alert(", "confirm("), SHIM_JS)
    assert len(POLICY_META.findall(again)) == 1
    assert sha256("confirm('Hello, world.');") in again and sha256("alert('Hello, world.');") not in again


def test_a_script_added_after_the_build_is_not_allowed():
    html = csp.add_policy(PAGE, SHIM_JS)
    injected = html.replace("</body>", "<script>alert('Hello, world!');</script></body>")
    policy = unescape(POLICY_META.search(injected).group(1))
    assert sha256("alert('Hello, world!');") not in policy
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy


def test_the_shim_s_frame_script_is_read_from_the_shim_itself():
    # What iframe-worker 1.0.4 writes into its frame for new Worker("w/search.js").
    script = csp.worker_frame_script(SHIM_JS, "w/search.js")
    assert script.startswith('postMessage=function c(s,n){parent.postMessage(s,n||"*")};'
                             "importScripts=function d(...s){return s.reduce(")
    assert script.endswith('{filename:"w/search.js",error}))})')
    with pytest.raises(csp.PolicyError, match="look at macros/postbuild/csp.py again"):
        csp.worker_frame_script(SHIM_JS.replace("document.write(`", "document.write(x+`"), "w.js")


def built_pages(site_dir: Path) -> list[Path]:
    """Every HTML page of the built site, the 404 page and the booklet included."""
    return sorted(p for p in site_dir.rglob("*.html") if "assets" not in p.relative_to(site_dir).parts)


def test_every_built_page_carries_the_policy_first_covering_its_inline_scripts(site_dir):
    pages = built_pages(site_dir)
    assert {"404.html", "print_page.html", "index.html"} <= {p.name for p in pages}
    for path in pages:
        html = path.read_text(encoding="utf-8")
        name = path.relative_to(site_dir).as_posix()
        assert len(POLICY_META.findall(html)) == 1, name
        head = html[html.index("<head>") + len("<head>"):html.index("</head>")]
        first = re.findall(r"<(meta|script|link|style|title|base)\b[^>]*>", head)[:2]
        assert first == ["meta", "meta"] and re.match(
            r'\s*<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy"', head), name
        policy = directives(unescape(POLICY_META.search(html).group(1)))
        assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"], name
        assert policy["base-uri"] == ["'self'"] and policy["form-action"] == ["'self'"], name
        # Scripts from the site and the page's own inline scripts only, each by its hash.
        assert policy["script-src"][0] == "'self'", name
        assert all(s.startswith("'sha256-") for s in policy["script-src"][1:]), name
        running = [text for attrs, text in re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S)
                   if "src=" not in attrs and 'type="application/json"' not in attrs]
        assert running, name
        assert {sha256(text) for text in running} <= set(policy["script-src"]), name
