"""The return-to-running plan on the built site: its stages and pain rule come from
data/return_to_running.yml, the flowchart's self-care and see-a-professional outcomes and every
condition page link to it, and it prints with its log. Its safety box: tests/faults/test_warning_signs.py;
its sheets and its handout's: tests/browser/test_print.py (it is one of test_content's topic pages)."""

from __future__ import annotations


import pytest
import yaml

from conftest import ROOT, as_shown as shown, pdf_pages, shown_text
from test_print import pdf_text, print_to_pdf


def _data(name: str) -> dict:
    return yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8"))


PLAN = _data("return_to_running")
OUTCOMES = _data("flowchart")["outcomes"]
CONDITIONS = _data("conditions")["conditions"]
CARE_LEVELS = {level["id"]: level for level in _data("care_levels")["care_levels"]}
PLAN_LEVELS = ("self-care", "see-professional")  # outcomes that may lead back to running


def scores(during: dict) -> str:
    """A band's pain scores as the page words them: "0 to 2", "6 or more", "Any score"."""
    low, high = during["low"], during.get("high")
    if high is None:
        return "Any score" if low == 0 else f"{low} or more"
    return f"{low} to {high}"


def test_every_stage_is_rendered_from_the_data_in_order(page, base_url):
    page.goto(base_url + "return-to-running.html")
    stages = page.locator("ol.rtr-stages > li.rtr-stage")
    names = stages.locator(".rtr-stage__name").all_text_contents()
    assert names == [f"Stage {n}: {s['name']}" for n, s in enumerate(PLAN["stages"], 1)]
    for n, stage in enumerate(PLAN["stages"]):
        item = stages.nth(n)
        assert item.get_attribute("id") == f"stage-{stage['id']}"
        text = " ".join(item.text_content().split())
        for fact in (stage["amount"], stage["sessions"], stage["move_on"]["text"]):
            assert " ".join(fact.split()) in text, (stage["id"], fact)
        assert item.locator(".cite").count() >= 2, f"{stage['id']}: session and goal are cited"


def test_the_pain_rule_has_its_four_bands_and_says_where_it_is_borrowed_from(page, base_url):
    page.goto(base_url + "return-to-running.html")
    rows = page.locator(".rtr-pain tbody tr")
    actions = [b["action"] for b in PLAN["pain_rule"]["bands"]]
    assert actions == ["Carry on", "Stop, and stay at this stage", "Step back", "Stop and get checked"]
    assert rows.locator("th").all_text_contents() == actions
    for n, band in enumerate(PLAN["pain_rule"]["bands"]):
        row = rows.nth(n)
        assert row.locator(".rtr-band__during").text_content() == scores(band["during"]), band["id"]
        assert row.locator(".rtr-band__morning").text_content() == band["next_morning"], band["id"]
        assert shown(band["means"]["text"]) in shown_text(row), band["id"]
        assert row.locator(".cite").count() == 1, band["id"]
    # "Stop and get checked" sends the runner to a care level, named from data/care_levels.yml.
    assert shown(CARE_LEVELS["see-professional"]["heading"]) in rows.nth(3).inner_text()
    # Only the band at or under the self-care card's limit lets a runner finish the session.
    limit = CARE_LEVELS["self-care"]["stop_run_above"]
    assert [b["id"] for b in PLAN["pain_rule"]["bands"] if b["run_on"]] == ["carry-on"]
    assert PLAN["pain_rule"]["bands"][0]["during"]["high"] == limit
    # New numbness or weakness stops the plan at once: an urgent check today.
    stops = page.locator(".rtr-stops li")
    assert stops.count() == len(PLAN["pain_rule"]["stop_now"])
    for n, line in enumerate(PLAN["pain_rule"]["stop_now"]):
        assert line["text"] in stops.nth(n).text_content()
        assert shown(CARE_LEVELS[line["care"]]["heading"]) in stops.nth(n).inner_text()
    borrowed = page.locator(".rtr-borrowed")
    assert "Achilles tendon" in borrowed.text_content() and "kneecap" in borrowed.text_content()
    hrefs = borrowed.locator(".cite a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert {"sources.html#src-silbernagel-2007", "sources.html#src-thomee-1997"} <= set(hrefs)


def test_self_care_and_see_a_professional_outcomes_link_the_plan_and_no_others(shared_page, base_url):
    page = shared_page()
    page.goto(base_url + "flowchart.html")
    links = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('section.fc-outcome')]
        .map(card => [card.querySelector('[id^="outcome-"]').id,
                      card.querySelectorAll("a[href='return-to-running.html']").length]))""")
    assert set(links) == {f"outcome-{o['id']}" for o in OUTCOMES}
    wrong = [f"{o['id']} ({o['care']}): {links['outcome-' + o['id']]} links to the plan"
             for o in OUTCOMES
             # an emergency or urgent outcome is no time to plan a run
             if links[f"outcome-{o['id']}"] != (1 if o["care"] in PLAN_LEVELS else 0)]
    assert not wrong, wrong


@pytest.mark.parametrize("condition", CONDITIONS, ids=[c["id"] for c in CONDITIONS])
def test_every_condition_page_links_the_plan_at_its_starting_stage(shared_page, base_url, condition):
    page = shared_page()
    page.goto(f"{base_url}conditions/{condition['id']}.html")
    start = condition["return_to_running"]["start"]
    number = [s["id"] for s in PLAN["stages"]].index(start) + 1
    name = PLAN["stages"][number - 1]["name"]
    section = page.locator("#back-to-running")
    assert section.inner_text().rstrip("¶").strip() == "Getting back to running"
    link = page.locator(f"article a[href='../return-to-running.html#stage-{start}']")
    assert link.count() == 1 and link.inner_text() == f"Stage {number}: {name}", condition["id"]
    text = " ".join(page.locator("article").text_content().split())
    for note in [condition["return_to_running"]["when"], *condition["return_to_running"]["notes"]]:
        assert " ".join(note["text"].split()) in text, (condition["id"], note["text"])


def test_the_stage_link_lands_on_that_stage(page, base_url):
    page.goto(base_url + "conditions/stress-fracture.html")
    page.locator("a[href='../return-to-running.html#stage-brisk-walk']").click()
    page.wait_for_url("**/return-to-running.html#stage-brisk-walk")
    assert page.locator("#stage-brisk-walk").is_visible()


def test_surfaces_page_and_navigation_lead_to_the_plan(page, base_url):
    page.goto(base_url + "surfaces-and-training.html")
    assert page.locator("article a[href='return-to-running.html']").count() >= 1
    page.goto(base_url + "about.html")
    # The site's navigation, without the contents of the current page that Material nests in it.
    nav = page.evaluate("""() => [...document.querySelectorAll('.md-nav--primary .md-nav__link')]
        .filter(e => !e.closest('.md-nav--secondary'))
        .map(e => e.textContent.replace(/\\s+/g, ' ').trim())""")
    assert "Getting back to running" in nav
    assert nav.index("Getting back to running") == nav.index("Surfaces and training") + 1, nav


def test_the_plan_prints_on_two_a4_sheets_with_its_log(page, base_url, tmp_path):
    pdf = print_to_pdf(page, base_url + "return-to-running.html", tmp_path)
    assert pdf_pages(pdf.read_bytes(), tmp_path) <= 2
    text = " ".join(pdf_text(pdf).split())
    for heading in ("Date", "Stage", "Pain during (0 to 10)", "Pain next morning (0 to 10)", "Notes",
                    "Any warning sign? If yes, stop and get help", "Stop and get checked",
                    "Call 999 or your local emergency number, or go to A&E (the emergency department) now"):
        assert heading in text, heading
    for stage in PLAN["stages"]:
        assert stage["name"] in text, stage["id"]
    page.emulate_media(media="print")
    log = page.locator(".rtr-log")
    assert log.is_visible()
    rows = log.locator("tbody tr")
    assert rows.count() >= 5, "several empty rows to fill in"
    assert all(cell.strip() == "" for cell in rows.locator("td").all_text_contents())


def test_the_handout_carries_every_stage_band_and_scoring_line_from_the_data(page, base_url):
    page.goto(base_url + "handouts/return-to-running.html")
    text = shown_text(page.locator(".handout"))
    for line in PLAN["pain_rule"]["how"]:  # "do the more careful one" is a safety line
        assert line["text"] in text, line["text"]
    for stage in PLAN["stages"]:
        assert f"{stage['name']}: {stage['amount']}" in text, stage["id"]
    for band in PLAN["pain_rule"]["bands"]:
        assert band["action"] in text and shown(band["means"]["text"]) in text, band["id"]
    # Who the plan is for (with the bone injury wait) and what stops it at once print too.
    for line in [*PLAN["who"], *PLAN["pain_rule"]["stop_now"]]:
        assert shown(line["text"]) in text, line["text"]
