"""Accessibility (WCAG 2.2 AA) on every page: axe-core in light and dark, phone and desktop; keyboard
use (target size is axe's WCAG 2.2 target-size rule); pages without JavaScript; HTML validity with the Nu Html Checker (vnu)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, assert_loaded_cleanly, site_pages, source_pages

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def _need(path: Path) -> None:
    if not path.exists():
        pytest.fail(f"{path.relative_to(ROOT)} is missing: run `npm ci` (.ci/run does)", pytrace=False)


def run_axe(page, paint_everything: bool = True) -> list[str]:
    # site.css leaves blocks far off screen unpainted (content-visibility: auto) until the reader
    # scrolls near them. axe reads colours from what is painted, so paint everything first, except
    # where the page itself paints everything (the booklet: booklet.css), as Lighthouse sees it.
    # Both go in through DevTools and the CSSOM, not as <style> and <script> tags: the page's
    # Content Security Policy blocks any inline style or script the build did not write.
    if paint_everything:
        page.evaluate("""() => { const sheet = new CSSStyleSheet();
            sheet.replaceSync("* { content-visibility: visible !important; }");
            document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }""")
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    # From disk, axe cannot fetch the stylesheets again to read them (file:// has no CORS), which
    # only its orientation-lock rule needs; that rule does not depend on palette or width, and the
    # light pass over http runs it on every page.
    preload = not page.url.startswith("file:")
    result = page.evaluate("""([tags, preload]) => axe.run(document, {
        runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'], preload})""",
                           [AXE_TAGS, preload])
    return [f"{v['id']} ({v['impact']}): {v['help']} -> "
            + "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
                        for n in v["nodes"][:3])
            for v in result["violations"]]


# One page of each kind the site has (same templates and macros as the rest of its kind).
REPRESENTATIVE = ["index.html", "causes.html", "stretching.html", "when-to-get-help.html",
                  "conditions/index.html", "conditions/sciatica.html", "flowchart.html", "sources.html",
                  "handouts/index.html", "handouts/si-joint.html"]


# Every page is checked in light at phone width and in dark at desktop width, so every page meets
# both palettes and both widths; the two other combinations run on one page of each kind.
COMBINATIONS = ([("light", 360, p) for p in source_pages()] + [("dark", 1280, p) for p in source_pages()]
                + [("dark", 360, p) for p in REPRESENTATIVE] + [("light", 1280, p) for p in REPRESENTATIVE]
                # The booklet: every chapter on one page (macros/postbuild/booklet.py).
                + [("light", 360, "print_page.html"), ("dark", 1280, "print_page.html")])


@pytest.mark.parametrize("scheme, width, path", COMBINATIONS)
def test_axe_finds_no_violation(shared_page, base_url, file_url, scheme, width, path):
    _need(AXE)
    page = shared_page(color_scheme=scheme, viewport={"width": width, "height": 800})
    # The two passes every page gets are also its clean-load checks, one over http and one opened
    # from disk (file://), as a clinic might open a downloaded copy: one visit for both.
    from_disk = (scheme, width) == ("dark", 1280)
    page.goto((file_url if from_disk else base_url) + path, wait_until="load")
    if (scheme, width) in (("light", 360), ("dark", 1280)) and path != "print_page.html":
        assert_loaded_cleanly(page, path)
    palette = {"light": "default", "dark": "slate"}[scheme]
    assert page.locator("body").get_attribute("data-md-color-scheme") == palette, "wrong palette"
    violations = run_axe(page, paint_everything=path != "print_page.html")
    assert not violations, "\n".join(violations)


def test_every_page_is_checked(site_dir):
    # The page list above comes from docs/; the built site must not have pages it misses.
    assert set(site_pages(site_dir)) == set(source_pages())


# Known Material quirks that vnu reports as errors, each harmless to readers. Named here so that no
# other error can hide behind them.
VNU_MATERIAL_QUIRKS = {
    # base.html gives its hidden drawer/search toggle checkboxes autocomplete="off" (so browsers do
    # not restore them as checked on Back); vnu allows autocomplete only on text-like inputs.
    "Attribute “autocomplete” is only allowed when the input type is",
    # partials/nav-item.html writes tabindex="" on section labels that are not focusable; browsers
    # treat an empty tabindex as absent.
    "Bad value “” for attribute “tabindex” on element “label”",
}


def test_html_is_valid(site_dir):
    _need(VNU)
    pages = [str(site_dir / p) for p in site_pages(site_dir)]
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
                            capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or "{}").get("messages", [])
    errors = [f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}" for m in messages
              if m.get("type") == "error"
              and not any(m["message"].startswith(quirk) for quirk in VNU_MATERIAL_QUIRKS)]
    assert not errors, "\n".join(errors)


def test_skip_link_and_visible_focus(page, base_url):
    page.goto(base_url + "causes.html")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className + ' ' + document.activeElement.textContent")
    # Material's first focusable element is its skip link.
    assert "md-skip" in focused, focused
    page.keyboard.press("Enter")
    outline = page.evaluate("""() => { const a = [...document.querySelectorAll('article a')][0];
        a.focus(); const s = getComputedStyle(a); return s.outlineStyle + ' ' + s.outlineWidth; }""")
    assert outline.startswith("solid") and not outline.endswith(" 0px"), outline


def test_keyboard_opens_search_and_reaches_a_result(page, base_url):
    page.goto(base_url + "index.html")
    page.keyboard.press("/")  # Material's search shortcut
    page.keyboard.type("stretch", delay=30)
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/stretching.html*")


def test_palette_toggle_works_by_keyboard(page, base_url):
    page.goto(base_url + "index.html")
    before = page.locator("body").get_attribute("data-md-color-scheme")
    toggle = page.locator("label.md-header__button[for^='__palette']:visible").first
    target = toggle.get_attribute("for")
    page.locator(f"#{target}").focus()
    page.keyboard.press("Space")
    assert page.locator("body").get_attribute("data-md-color-scheme") != before


def test_reduced_motion_is_respected(new_page, base_url):
    page = new_page(reduced_motion="reduce")
    page.goto(base_url + "index.html")
    duration = page.evaluate("getComputedStyle(document.querySelector('.md-header')).transitionDuration")
    assert all(float(d.rstrip("s")) <= 0.001 for d in duration.split(",")), duration


# Every page reads without JavaScript: test_content.check_reads_without_javascript.


def test_navigation_works_without_javascript(new_page, base_url):
    # The nav links are plain links.
    page = new_page(javascript_enabled=False)
    page.goto(base_url + "index.html")
    page.locator(".md-nav--primary a.md-nav__link", has_text="Shoes").first.click()
    page.wait_for_url("**/shoes.html")
