"""Every reader, every country (data/regions.yml): a reader chooses their country on the home page,
as they would, and every page then tells them their own emergency number and services, and no other
country's, as the instruction: the banner, the help page, a condition page, the flowchart's
emergency and urgent outcomes and a printed handout. Without JavaScript the page shows the default
region and links to the help page's table of every country's routes. The default region follows
mkdocs.yml (extra.region)."""

from __future__ import annotations

import re
import subprocess

import pytest
from conftest import DEFAULT_REGION as DEFAULT, REGIONS, build_site, shown_text
from test_flowchart_browser import QUESTIONS, walk


# What the reader sees, less references that are not the instruction: the help page's table of
# every country, citations and the footer's list of sources (a source may be named "Calling 911").
# Read after the element is on screen (content-visibility skips the rest).
VISIBLE = """sel => {
  const refs = [...document.querySelectorAll("[data-care-routes], .cite, .page-info__sources")];
  refs.forEach(e => { e.style.display = "none"; });
  const text = (sel ? document.querySelector(sel) : document.body).innerText;
  refs.forEach(e => { e.style.display = ""; });
  return text;
}"""


def instruction(region_id: str) -> str:
    return f"Call {REGIONS[region_id]['emergency']} or your local emergency number"


def wrong_numbers(region_id: str, text: str) -> list[str]:
    """Another region's emergency number given as the instruction, or a number or service that is
    only another region's, in ``text``."""
    mine = REGIONS[region_id]
    found = []
    for other in REGIONS.values():
        number = other["emergency"]
        if number != mine["emergency"] and re.search(rf"(?i)\bcall {re.escape(number)}\b(?! or 999)", text):
            found.append(f"call {number}")
        # Another region's urgent route or its number (short ones, such as 811, in their words).
        for words in (other["urgent"], other.get("urgent_number") or ""):
            if words and words not in (mine["urgent"], mine.get("urgent_number")) \
                    and len(words) > 4 and words in text:
                found.append(words)
    if region_id != "us" and "ER (emergency room)" in text:
        found.append("ER (emergency room)")
    for number, owners in (("911", {"us", "canada"}), ("000", {"australia"})):
        if region_id not in owners and re.search(rf"(?<![\d,.]){number}(?![\d,])", text):
            found.append(number)
    if region_id != "uk" and "NHS 111" in text:
        found.append("NHS 111")
    return found


def choose_on_home_page(page, base_url: str, region_id: str) -> None:
    page.goto(base_url + "index.html")
    select = page.get_by_label("Where are you?")
    assert select.is_visible(), "the country control is on the first screen"
    select.select_option(label=REGIONS[region_id]["name"])
    assert page.evaluate("document.documentElement.dataset.region") == region_id


def check(text: str, region_id: str, where: str) -> None:
    assert instruction(region_id) in text, f"{where}: no '{instruction(region_id)}'"
    assert wrong_numbers(region_id, text) == [], where


@pytest.mark.parametrize("region_id", list(REGIONS))
def test_a_reader_s_country_holds_on_every_page(shared_page, base_url, region_id):
    page = shared_page(viewport={"width": 360, "height": 740}, is_mobile=True)
    choose_on_home_page(page, base_url, region_id)
    check(page.evaluate(VISIBLE, ".md-banner"), region_id, "home page banner")
    check(page.evaluate(VISIBLE, None), region_id, "home page")
    for path in ("when-to-get-help.html", "conditions/sciatica.html"):
        page.goto(base_url + path)
        # The choice holds: the control shows it and the page's words follow it.
        assert page.get_by_label("Where are you?").input_value() == region_id
        check(page.evaluate(VISIBLE, None), region_id, path)
    page.goto(base_url + "flowchart.html")
    assert walk(page, ["Yes"]) == "outcome-emergency-nerves"
    check(page.evaluate(VISIBLE, ".fc-outcome:has(#outcome-emergency-nerves)"), region_id,
          "flowchart, emergency outcome")
    page.goto(base_url + "flowchart.html")
    assert walk(page, ["No"] * QUESTIONS.index("unwell") + ["Yes"]) == "outcome-urgent"
    urgent = page.evaluate(VISIBLE, ".fc-outcome:has(#outcome-urgent)")
    assert REGIONS[region_id]["urgent"] in urgent, "the urgent outcome names the region's route"
    assert wrong_numbers(region_id, urgent) == []


@pytest.mark.parametrize("region_id", list(REGIONS))
def test_a_printed_handout_carries_the_reader_s_country(shared_page, base_url, region_id, tmp_path):
    page = shared_page()
    choose_on_home_page(page, base_url, region_id)
    page.emulate_media(media="print")
    page.goto(base_url + "handouts/sciatica.html", wait_until="load")
    pdf = tmp_path / "sciatica.pdf"
    pdf.write_bytes(page.pdf(format="A4", print_background=True))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    text = " ".join(text.split())  # pdftotext breaks lines where the sheet does
    check(text, region_id, "printed handout")


def test_without_javascript_the_default_country_and_a_way_to_every_other(new_page, base_url):
    page = new_page(javascript_enabled=False, viewport={"width": 360, "height": 740})
    page.goto(base_url + "flowchart.html#outcome-emergency-nerves")
    assert page.evaluate("document.documentElement.dataset.region") is None
    outcome = page.evaluate(VISIBLE, ".fc-outcome:has(#outcome-emergency-nerves)")
    check(outcome, DEFAULT, "flowchart without JavaScript")
    page.goto(base_url + "flowchart.html#outcome-urgent")
    assert REGIONS[DEFAULT]["urgent"] in page.evaluate(VISIBLE, ".fc-outcome:has(#outcome-urgent)")
    banner = page.evaluate(VISIBLE, ".md-banner")
    check(banner, DEFAULT, "banner without JavaScript")
    assert not page.get_by_label("Where are you?").is_visible(), "a select that cannot work is hidden"
    link = page.get_by_role("link", name="Numbers in other countries")
    assert link.is_visible()
    link.click()
    page.wait_for_url("**/when-to-get-help.html#care-routes")
    table = page.locator("[data-care-routes]").inner_text()
    for region in REGIONS.values():
        assert region["name"] in table and region["emergency"] in table, region["id"]


def test_the_control_is_a_labelled_native_select_usable_by_keyboard(shared_page, base_url):
    page = shared_page()
    page.goto(base_url + "about.html")
    select = page.get_by_role("combobox", name="Where are you?")
    assert select.evaluate("e => e.tagName") == "SELECT"
    assert [o.strip() for o in select.locator("option").all_inner_texts()] == \
        [r["name"] for r in REGIONS.values()]
    select.focus()
    page.keyboard.press("End")  # a closed select changes with the keys, as a native one does
    assert page.evaluate("document.documentElement.dataset.region") == list(REGIONS)[-1]
    page.reload()
    assert select.input_value() == list(REGIONS)[-1]


def test_a_new_zealand_page_never_says_nhs_111(shared_page, base_url):
    page = shared_page()
    choose_on_home_page(page, base_url, "new-zealand")
    for path in ("index.html", "when-to-get-help.html", "not-your-back.html", "flowchart.html",
                 "return-to-running.html", "handouts/when-to-get-help.html"):
        page.goto(base_url + path)
        assert "NHS 111" not in page.evaluate(VISIBLE, None), path


def test_the_default_country_follows_the_configuration(scratch_project, tmp_path, new_page):
    config = scratch_project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert f"  region: {DEFAULT}\n" in text
    config.write_text(text.replace(f"  region: {DEFAULT}\n", "  region: australia\n"), encoding="utf-8")
    out = tmp_path / "site"
    result = build_site(scratch_project, out)
    assert result.returncode == 0, result.stderr[-2000:]
    for javascript in (False, True):
        page = new_page(javascript_enabled=javascript)
        page.goto((out / "when-to-get-help.html").as_uri())
        check(page.evaluate(VISIBLE, ".md-banner"), "australia", f"banner, JavaScript {javascript}")
        check(page.evaluate(VISIBLE, ".care-card--emergency"), "australia", "emergency card")
        if javascript:
            assert page.get_by_label("Where are you?").input_value() == "australia"


# What a page says as the instruction, read for each region: the references taken out, as in
# VISIBLE. The sources page's entries (and the booklet's copy) say what each source says, such as the
# NHS's "call 999": not an instruction.
REFERENCES = "[data-care-routes], .cite, .page-info__sources, .source-entry, script, style, template"


def test_no_page_gives_another_country_s_number_or_service(shared_page, base_url, site_dir):
    """All pages, all regions: no page tells a reader in one country to call another's number."""
    page = shared_page()
    pages = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")
                   if "assets" not in p.parts and p.name != "404.html")
    assert len(pages) > 40
    wrong = {}
    for path in pages:
        page.goto(base_url + path, wait_until="domcontentloaded")
        for region_id in REGIONS:
            found = wrong_numbers(region_id, shown_text(page.locator("body"), region_id, REFERENCES))
            if found:
                wrong[f"{path} ({region_id})"] = found
    assert wrong == {}
