"""Every page, in a real browser, over http and from disk (file://): no errors, nothing off-site,
navigation, search, palette and the red-flag bar all work."""

from __future__ import annotations

import pytest

from conftest import search, source_pages


@pytest.mark.parametrize("origin", ["http", "file"])
@pytest.mark.parametrize("path", source_pages())
def test_every_page_loads_cleanly(new_page, base_url, file_url, origin, path):
    root = base_url if origin == "http" else file_url
    page = new_page()
    page.goto(root + path, wait_until="load")
    assert page.locator("article h1").count() == 1, f"{path}: expected one h1"
    # The red-flag bar links to the help page from every page.
    bar = page.locator(".md-banner a", has_text="warning signs")
    assert bar.count() == 1, f"{path}: red-flag bar missing"
    # Every page says when it was reviewed and that it is not a diagnosis.
    info = page.locator(".page-info").inner_text()
    assert "Last reviewed" in info and "not a diagnosis" in info, path
    page.wait_for_timeout(100)  # let late requests and console errors surface
    # The guard in new_page fails the test on any console error or off-site request.


@pytest.mark.parametrize("origin", ["http", "file"])
def test_search_finds_the_page_holding_a_word(new_page, base_url, file_url, origin):
    root = base_url if origin == "http" else file_url
    page = new_page()
    results = search(page, root + "index.html", "adverts")
    assert results, "no results"
    assert results[0] == "about.html", results


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


def test_palette_follows_system_preference_and_toggles(new_page, base_url):
    dark = new_page(color_scheme="dark")
    dark.goto(base_url + "index.html")
    assert dark.locator("body").get_attribute("data-md-color-scheme") == "slate"
    light = new_page(color_scheme="light")
    light.goto(base_url + "index.html")
    assert light.locator("body").get_attribute("data-md-color-scheme") == "default"
    light.locator("label.md-header__button[for^='__palette']:visible").first.click()
    assert light.locator("body").get_attribute("data-md-color-scheme") == "slate"


def test_works_on_a_phone(new_page, base_url):
    page = new_page(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page.goto(base_url + "index.html")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"page scrolls sideways on a phone: {width}px"
    # The menu opens from the header on a phone.
    page.locator("label.md-header__button[for='__drawer']").click()
    page.locator(".md-nav--primary a.md-nav__link", has_text="Causes").first.wait_for(state="visible")
