"""Every page, in a real browser, over http and from disk (file://): no errors, nothing off-site,
navigation, search, palette and the red-flag bar all work."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect



# Every page loads cleanly over http and from disk: test_accessibility's axe passes check it.


def test_the_page_guard_reports_a_request_to_another_host(new_page, base_url):
    """The guard every browser test relies on: a request off the site is refused and recorded."""
    page = new_page()
    page.goto(base_url + "about.html")
    with page.expect_event("requestfailed") as failed:
        page.evaluate("() => { const img = new Image(); img.src = 'https://example.org/x.png'; }")
    assert failed.value.url == "https://example.org/x.png"
    problems = page.guard.problems[:]
    page.guard.problems.clear()  # seen: the test passes only because they were recorded
    assert any("request to another host: https://example.org/x.png" in p for p in problems), problems


def _search_requests(requests: list[str]) -> dict[str, int]:
    return {"index": sum(u.endswith("search/search_index.json") for u in requests),
            "worker": sum("/workers/search." in u for u in requests)}


def test_search_downloads_nothing_until_the_reader_opens_it(new_page, base_url):
    """lazy-search.js: a first visit does not pay for the search index and worker (about 40 KB gzip);
    opening search fetches each once, and search then works as usual."""
    page = new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base_url + "causes.html", wait_until="networkidle")
    page.wait_for_timeout(500)
    assert _search_requests(requests) == {"index": 0, "worker": 0}, requests
    box = page.locator(".md-search__input")
    box.click()
    box.press_sequentially("treadmill", delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    box.fill("")
    box.press_sequentially("ibuprofen", delay=20)
    page.wait_for_timeout(300)
    assert page.locator(".md-search-result__item").count() > 0
    assert _search_requests(requests) == {"index": 1, "worker": 1}, requests


def test_search_starts_from_an_address(new_page, base_url):
    # The "/" key: test_keyboard_opens_search_and_reaches_a_result (test_accessibility.py).
    page = new_page()
    page.goto(base_url + "index.html?q=pins+and+needles")
    first = page.locator(".md-search-result__item > a").first
    first.wait_for(timeout=15_000)
    assert "sciatica" in page.eval_on_selector_all(".md-search-result__item > a",
                                                   "els => els.slice(0, 3).map(e => e.href).join()")


@pytest.mark.parametrize("path, has_conditions, has_flowchart", [
    ("about.html", False, False), ("causes.html", False, False), ("stretching.html", True, False),
    ("conditions/sciatica.html", True, False), ("flowchart.html", False, True),
    ("print_page.html", True, True)])
def test_component_styles_and_scripts_load_only_where_used(new_page, base_url, path, has_conditions,
                                                           has_flowchart):
    page = new_page()
    page.goto(base_url + path)
    loaded = page.evaluate("[...document.querySelectorAll('link[rel=stylesheet], script[src]')]"
                           ".map(e => (e.href || e.src) + ' ' + (e.media || 'all'))")
    assert any("assets/css/site.css all" in e for e in loaded), loaded
    # Print styles never hold up the first paint on screen.
    assert any("assets/css/print.css print" in e for e in loaded), loaded
    assert any("assets/css/conditions.css" in e for e in loaded) == has_conditions, loaded
    assert any("assets/css/flowchart.css" in e for e in loaded) == has_flowchart, loaded
    # The booklet (macros/postbuild/booklet.py) runs without Material's JavaScript or the
    # flowchart's: print.js (on every page) only.
    is_booklet = path == "print_page.html"
    assert any("assets/css/booklet.css" in e for e in loaded) == is_booklet, loaded
    assert any("assets/js/print.js" in e for e in loaded), loaded
    assert any("assets/js/flowchart.js" in e for e in loaded) == (has_flowchart and not is_booklet)
    assert any("javascripts/bundle." in e for e in loaded) == (not is_booklet), loaded
    # No script in <head> holds up the first paint.
    assert page.locator("head script[src]").count() == 0


@pytest.mark.parametrize("path, target", [("sources.html", "src-acsm-shoes"),
                                          ("flowchart.html", "outcome-everyday-ache")])
def test_links_to_blocks_far_down_a_long_page_land_on_them(new_page, base_url, path, target):
    """Long pages skip painting blocks far off screen (content-visibility: auto in site.css); a
    citation or an answer that links to one must still land on it, painted."""
    page = new_page(javascript_enabled=False, viewport={"width": 360, "height": 740})
    page.goto(f"{base_url}{path}#{target}")
    block = page.locator(f"#{target}")
    expect(block).to_be_in_viewport()
    expect(block).not_to_have_text("", use_inner_text=True)


@pytest.mark.parametrize("origin", ["http", "file"])
def test_navigation_links_work(new_page, base_url, file_url, origin):
    root = base_url if origin == "http" else file_url
    page = new_page()
    page.goto(root + "index.html")
    page.locator(".md-nav--primary a.md-nav__link", has_text="About this site").first.click()
    page.wait_for_url("**/about.html")
    assert page.locator("article h1").inner_text().startswith("About this site")
    page.locator(".md-nav--primary a.md-nav__link", has_text="Sources").first.click()
    page.wait_for_url("**/sources.html")


def test_first_visit_on_a_dark_device_starts_dark_before_material_s_bundle(new_page, base_url):
    # Material leaves this to its bundle, so a first visit showed light, then turned dark (with a
    # fade). The header's palette script does it as the page is read.
    for scheme, expected in (("dark", "slate"), ("light", "default")):
        page = new_page(color_scheme=scheme)
        page.route("**/javascripts/bundle.*.js",  # served empty: the page as it is before the bundle
                   lambda route: route.fulfill(content_type="text/javascript", body=""))
        page.goto(base_url + "conditions/sciatica.html")
        assert page.evaluate("typeof document$") == "undefined", "Material's bundle ran"
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected, scheme


def test_start_up_classes_are_on_the_page_before_material_s_bundle(new_page, base_url):
    # Set in <head> (overrides/partials/javascripts/start-up.html), so that the bundle setting them
    # changes nothing and the page is not styled again.
    page = new_page()
    page.route("**/javascripts/bundle.*.js",
               lambda route: route.fulfill(content_type="text/javascript", body=""))
    page.goto(base_url + "causes.html")
    assert page.evaluate("typeof document$") == "undefined", "Material's bundle ran"
    classes = page.evaluate("[...document.documentElement.classList]")
    assert "js" in classes and "js-focus-visible" in classes and "no-js" not in classes
    no_js = new_page(javascript_enabled=False)
    no_js.goto(base_url + "causes.html")
    assert no_js.locator("html").get_attribute("class") == "no-js"


@pytest.mark.parametrize("device", ["light", "dark"])
def test_palette_and_page_colour_scheme_follow_the_device_and_the_toggle(new_page, base_url, device):
    # Without Material's <meta name=color-scheme>: site.css sets the page's scheme from the palette.
    page = new_page(color_scheme=device)
    page.goto(base_url + "causes.html")
    page.wait_for_function("typeof document$ !== 'undefined'")
    page.locator("meta[name=theme-color]").wait_for(state="attached")  # Material's other meta stays
    assert page.locator("meta[name=color-scheme]").count() == 0
    scheme = "getComputedStyle(document.documentElement).colorScheme"
    expected = {"light": "normal", "dark": "dark"}
    palette = {"light": "default", "dark": "slate"}
    assert page.evaluate(scheme) == expected[device]
    assert page.locator("body").get_attribute("data-md-color-scheme") == palette[device]
    page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    other = "dark" if device == "light" else "light"
    page.wait_for_function(f"{scheme} === {expected[other]!r}")
    assert page.locator("body").get_attribute("data-md-color-scheme") == palette[other]
    assert page.locator("meta[name=color-scheme]").count() == 0


def test_works_on_a_phone(new_page, base_url):
    page = new_page(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page.goto(base_url + "index.html")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"page scrolls sideways on a phone: {width}px"
    # The menu opens from the header on a phone.
    page.locator("label.md-header__button[for='__drawer']").click()
    page.locator(".md-nav--primary a.md-nav__link", has_text="Causes").first.wait_for(state="visible")
