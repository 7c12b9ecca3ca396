"""The Content Security Policy (macros/postbuild/csp.py) in Chromium, over http and from disk (file://): no page
breaks it, search, the palette toggle and the flowchart work under it, and a script the build did not
write is blocked and reported.

Every browser test's page guard (tests/conftest.py) fails the test on a policy violation, so the
other browser tests run under the policy too; these cover what they do not: the booklet and the 404
page, and the features from disk.
"""

from __future__ import annotations

import re
import shutil

import pytest

from playwright.sync_api import expect

from conftest import search

INJECTED = '<script>document.documentElement.dataset.injected = "ran"</script>'


@pytest.mark.parametrize("origin", ["http", "file"])
def test_the_booklet_keeps_the_policy(new_page, base_url, file_url, origin):
    page = new_page()
    page.goto((base_url if origin == "http" else file_url) + "print_page.html", wait_until="load")
    assert page.locator("meta[http-equiv='Content-Security-Policy']").count() == 1
    assert page.locator("article h1").count() > 10
    page.wait_for_timeout(200)  # let late violations surface; the guard fails the test on any


def test_the_404_page_keeps_the_policy(new_page, site_dir, base_url):
    # GitHub Pages shows 404.html at any missing address; it links everything from the site's path
    # there (/runners-back/). Serve it so.
    page = new_page()
    page.route(re.compile(r".*/runners-back/.*"), lambda route: route.fulfill(
        path=site_dir / route.request.url.split("/runners-back/", 1)[1].split("?")[0]))
    page.route(base_url + "no-such-page.html",
               lambda route: route.fulfill(path=site_dir / "404.html"))
    page.goto(base_url + "no-such-page.html", wait_until="load")
    assert page.locator("meta[http-equiv='Content-Security-Policy']").count() == 1
    assert page.evaluate("typeof document$") == "object", "Material's bundle did not run"
    page.wait_for_timeout(200)


@pytest.mark.parametrize("origin", ["http", "file"])
def test_search_palette_and_flowchart_work_under_the_policy(new_page, base_url, file_url, origin):
    root = base_url if origin == "http" else file_url
    page = new_page(color_scheme="light")
    # Search: from disk it runs in the iframe-worker shim's frame, whose script goes by its hash.
    assert search(page, root + "index.html", "sciatica")[0] == "conditions/sciatica.html"
    page.goto(root + "flowchart.html")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    # The flowchart's script shows one question at a time; the first "Yes" is an emergency.
    assert page.locator(".fc-controls").count() > 0
    page.locator("#step-1 a.fc-answer").filter(has_text=re.compile(r"^Yes:")).click()
    assert page.evaluate("location.hash") == "#outcome-emergency-nerves"
    # The answer is a link: the script shows the outcome on the hashchange that follows, so wait for it.
    expect(page.locator("#outcome-emergency-nerves")).to_be_visible()
    expect(page.locator("#step-1")).to_be_hidden()
    page.wait_for_timeout(200)


def _assert_blocked_and_reported(page) -> None:
    assert page.evaluate("document.documentElement.dataset.injected") is None, "the script ran"
    assert "js" in page.evaluate("document.documentElement.className"), "the site's own scripts ran"
    page.wait_for_timeout(200)
    problems = page.guard.problems
    assert any(p.startswith("policy violation: script-src-elem blocked inline") for p in problems), \
        problems
    assert any("console error" in p and "Content Security Policy" in p for p in problems), problems
    page.guard.problems = []  # caught as expected: not a failure of this test


def test_a_script_injected_into_a_page_is_blocked_over_http(new_page, base_url):
    page = new_page()

    def inject(route):
        html = route.fetch().text()
        route.fulfill(body=html.replace("</body>", INJECTED + "</body>"),
                      content_type="text/html; charset=utf-8")
    page.route(base_url + "causes.html", inject)
    page.goto(base_url + "causes.html", wait_until="load")
    _assert_blocked_and_reported(page)


def test_a_script_injected_into_a_page_is_blocked_from_disk(new_page, site_dir, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    target = copy / "causes.html"
    target.write_text(target.read_text(encoding="utf-8").replace("</body>", INJECTED + "</body>"),
                      encoding="utf-8")
    page = new_page()
    page.goto(target.as_uri(), wait_until="load")
    _assert_blocked_and_reported(page)
