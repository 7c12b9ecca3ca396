"""Condition pages in a real browser: they link to each other and to the help page, and the
comparison table reads on a phone. Search by everyday names: test_search_quality.py."""

from __future__ import annotations

import pytest
import yaml

from conftest import ROOT

CONDITION_IDS = [c["id"] for c in
                 yaml.safe_load((ROOT / "data" / "conditions.yml").read_text(encoding="utf-8"))
                 ["conditions"]]
PHONE = {"viewport": {"width": 360, "height": 740}}


@pytest.mark.parametrize("condition_id", CONDITION_IDS)
def test_condition_page_links_other_conditions_and_help(shared_page, base_url, condition_id):
    page = shared_page()
    page.goto(f"{base_url}conditions/{condition_id}.html")
    article = page.locator("article")
    hrefs = article.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    others = {h.split("#")[0] for h in hrefs if h and h.split("#")[0].endswith(".html")
              and "/" not in h.split("#")[0] and h.split("#")[0][:-5] in CONDITION_IDS}
    assert others - {f"{condition_id}.html"}, f"{condition_id}: no link to another condition"
    assert any(h and h.split("#")[0] == "../when-to-get-help.html" for h in hrefs), condition_id
    # The same sections, in the same order, reach the table of contents.
    toc = page.locator(".md-nav--secondary .md-nav__link").all_inner_texts()
    assert [t.strip() for t in toc][:9] == [
        "What it is", "Signs in runners", "What makes it worse", "What helps", "When to get help",
        "How it is diagnosed", "Getting back to running", "How to tell it apart", "Sources"], \
        (condition_id, toc)
    assert "Also called:" in article.inner_text()


def test_related_link_leads_to_a_page_that_links_back(page, base_url):
    page.goto(base_url + "conditions/stress-fracture.html")
    page.locator("#tell-apart ~ ul.condition-related a", has_text="Sciatica").first.click()
    page.wait_for_url("**/conditions/sciatica.html")
    back = page.locator("ul.condition-related a", has_text="Pelvic stress fracture")
    assert back.count() == 1


@pytest.mark.parametrize("javascript", [True, False])
def test_comparison_table_reads_on_a_phone(new_page, base_url, javascript):
    page = new_page(javascript_enabled=javascript, **PHONE)
    page.goto(base_url + "conditions/index.html")
    stylesheets = page.evaluate("[...document.styleSheets].map(s => s.href || '')")
    assert any(s.endswith("assets/css/conditions.css") for s in stylesheets), \
        "overrides/main.html links conditions.css only where condition markup is found"
    # The page itself does not scroll sideways; only the table does.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    # With JavaScript, Material wraps the table in its own scroll box; without, the table's box
    # (conditions.css) scrolls.
    wrap = page.locator(".condition-compare .md-typeset__scrollwrap" if javascript
                        else ".condition-compare")
    wrap.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -200)")  # clear of the sticky site header
    first_cell = page.locator(".condition-compare tbody th").first
    before = first_cell.bounding_box()
    wrap.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    page.wait_for_timeout(100)
    assert wrap.evaluate("el => el.scrollLeft") > 100, "the table should scroll sideways"
    after = first_cell.bounding_box()
    # The condition names stay in view at the left edge while the signs scroll under them.
    assert 0 <= after["x"] <= before["x"] < 40, (before, after)
    cell_at_edge = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('th')?.scope || ''",
        [after["x"] + after["width"] / 2, after["y"] + 10])
    assert cell_at_edge == "row", "the condition column is covered by the scrolled cells"
    assert first_cell.inner_text().strip() == "Sciatica"


def test_topic_page_lists_conditions_it_helps(page, base_url):
    page.goto(base_url + "stretching.html")
    links = page.locator("ul.helped-by a")
    assert links.count() >= 1
    links.first.click()
    page.wait_for_url("**/conditions/*.html#what-helps")
