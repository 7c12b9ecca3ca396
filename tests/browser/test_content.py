"""Content rules, checked on the built pages: citations on every section of advice, plain English,
review dates, descriptions, abbreviations, and an answer in the first phone screen."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import textstat
from playwright.sync_api import expect

from conftest import source_pages

TOPIC_PAGES = ["causes.html", "rice-and-heat.html", "stretching.html", "core-strength.html",
               "surfaces-and-training.html", "shoes.html", "when-to-get-help.html",
               "return-to-running.html", "not-your-back.html"]
CONDITION_PAGES = ["conditions/sciatica.html", "conditions/herniated-disc.html",
                   "conditions/degenerative-disc.html", "conditions/spondylolysis.html",
                   "conditions/muscle-strain.html", "conditions/si-joint.html",
                   "conditions/stress-fracture.html", "conditions/muscle-imbalance.html"]
# Every one-page handout, read from its stub pages so that a new handout is measured too.
HANDOUT_PAGES = sorted(f"handouts/{md.stem}.html" for md in
                       (Path(__file__).parents[2] / "docs" / "handouts").glob("*.md")
                       if md.stem != "index")
# Sections that point elsewhere rather than give advice: a list of links computed from data.
NAVIGATION_SECTIONS = {"conditions-this-can-help"}

# The main text a reader reads: the article without citations, the page footer, code, tables of
# sources, headings and permalinks. Sentences are split on block boundaries, so list items count
# as sentences (as a reader scans them).
MAIN_TEXT_JS = """() => {
  // A route names every region's service (render/regions.py); the reader reads the one shown.
  const shown = [...document.querySelectorAll('.rg > [data-region]')]
    .find(e => getComputedStyle(e).display !== 'none');
  const article = document.querySelector('article').cloneNode(true);
  article.querySelectorAll('.rg > [data-region]')
    .forEach(e => { if (!shown || e.dataset.region !== shown.dataset.region) e.remove(); });
  article.querySelectorAll('.cite, .page-info, h1, h2, h3, h4, .headerlink, code, .md-source-file, .page-qr')
    .forEach(e => e.remove());
  const blocks = [...article.querySelectorAll('p, li, td, th, dd, dt')]
    .filter(e => !e.querySelector('p, li, td, dd'));
  return blocks.map(e => e.textContent.replace(/\\s+/g, ' ').trim()).filter(t => t)
    .map(t => /[.!?:]$/.test(t) ? t : t + '.').join('\\n');
}"""

SECTIONS_JS = """() => {
  const out = [];
  let current = null;
  for (const el of document.querySelector('article').children) {
    if (el.tagName === 'H2') { current = {id: el.id, cites: 0, text: ''}; out.push(current); continue; }
    if (!current || el.classList.contains('page-info')) continue;
    current.cites += el.querySelectorAll('.cite').length + (el.classList.contains('cite') ? 1 : 0);
    current.text += el.textContent;
  }
  return out;
}"""


@pytest.fixture
def nojs(shared_page):
    return shared_page(javascript_enabled=False)


def check_reads_without_javascript(page, path: str) -> None:
    assert page.locator("article h1").is_visible(), path
    assert len(page.locator("article").inner_text()) > 200, path


def check_every_section_of_advice_cites_a_source(page, path: str) -> None:
    sections = page.evaluate(SECTIONS_JS)
    assert sections, f"{path}: no sections"
    uncited = [s["id"] for s in sections if s["cites"] == 0 and s["id"] not in NAVIGATION_SECTIONS]
    assert not uncited, f"{path}: sections without a citation: {uncited}"


def check_reading_grade_is_8_or_below(page, path: str) -> None:
    text = page.evaluate(MAIN_TEXT_JS)
    assert len(text.split()) > 150, f"{path}: too little text to measure"
    grade = textstat.flesch_kincaid_grade(text)
    long_sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 25]
    assert grade <= 8, f"{path}: Flesch-Kincaid grade {grade}"
    assert len(long_sentences) <= 2, f"{path}: sentences of 25+ words: {long_sentences}"


def check_description_and_review_dates(page, path: str) -> None:
    description = page.locator("meta[name=description]").get_attribute("content")
    assert description and "Plain-English help" not in description, f"{path}: own description missing"
    dates = page.locator(".page-info__dates time")
    assert dates.count() == 2, path
    reviewed, next_review = (dates.nth(i).get_attribute("datetime") for i in range(2))
    assert reviewed < next_review, path


# What each page is held to, checked in one visit with JavaScript off. Handouts are measured as
# the pages are, their "Get help now" box included, as the pages' warning boxes and care cards
# are: a reader reads it all.
CHECKS = [
    (check_reads_without_javascript, source_pages()),
    (check_every_section_of_advice_cites_a_source, TOPIC_PAGES + CONDITION_PAGES),
    (check_reading_grade_is_8_or_below,
     TOPIC_PAGES + CONDITION_PAGES + ["index.html", "flowchart.html"] + HANDOUT_PAGES),
    (check_description_and_review_dates,
     TOPIC_PAGES + CONDITION_PAGES + ["index.html", "about.html", "sources.html", "flowchart.html"]),
]


@pytest.mark.parametrize("path", source_pages())  # every page: test_accessibility's page check
def test_page_content(nojs, base_url, path):
    nojs.goto(base_url + path)
    failed = []
    for check, pages in CHECKS:
        if path in pages:
            try:
                check(nojs, path)
            except AssertionError as error:
                failed.append(f"{check.__name__}: {error}")
    assert not failed, "\n".join(failed)


def test_every_checked_page_exists():
    for check, pages in CHECKS:
        assert set(pages) <= set(source_pages()), (check.__name__, set(pages) - set(source_pages()))


def test_citations_show_the_kind_of_source(nojs, base_url):
    nojs.goto(base_url + "stretching.html")
    kinds = set(nojs.locator(".cite .cite-kind").all_inner_texts())
    assert {"community advice", "physician"} <= kinds, kinds
    href = nojs.locator(".cite a").first.get_attribute("href")
    assert re.fullmatch(r"sources\.html#src-[\w-]+", href), href


def test_abbreviations_are_explained_on_hover_and_tap(nojs, base_url):
    nojs.goto(base_url + "rice-and-heat.html")
    titles = {a.get_attribute("title") for a in nojs.locator("abbr").all()}
    assert any(t and t.lower().startswith("rest, ice") for t in titles), titles


@pytest.mark.parametrize("javascript", [True, False])
def test_abbreviation_spells_itself_out_on_tap_once_per_page(new_page, base_url, javascript):
    page = new_page(javascript_enabled=javascript, has_touch=True, is_mobile=True,
                    viewport={"width": 360, "height": 740})
    page.goto(base_url + "when-to-get-help.html")
    # GP now always comes with its everyday words (the region table's "GP (family doctor)"), so no
    # tooltip: MRI is this page's short form that still needs one.
    mri = page.locator("abbr", has_text="MRI")
    assert mri.count() == 1, "explained on first use only"
    before = page.locator("article").inner_text()
    mri.tap()
    expansion = mri.evaluate("el => getComputedStyle(el, '::after').content")
    assert "Magnetic resonance imaging" in expansion, expansion
    assert mri.evaluate("el => el === document.activeElement")
    assert "Magnetic resonance imaging" not in before


@pytest.mark.parametrize("path", TOPIC_PAGES)
def test_first_phone_screen_answers_the_question(shared_page, base_url, path):
    page = shared_page(viewport={"width": 360, "height": 740}, is_mobile=True)
    page.goto(base_url + path)
    box = page.locator(".in-short").bounding_box()
    assert box is not None, f"{path}: no 'In short' box"
    assert box["y"] < 740 * 0.6, f"{path}: 'In short' starts below the first screen ({box['y']}px)"


def test_sources_page_lists_every_kind_and_left_out_ideas(nojs, base_url):
    nojs.goto(base_url + "sources.html")
    # Source entries far down the page are painted only as the reader scrolls to them
    # (content-visibility), so read the text from the document, not from what is painted.
    text = nojs.locator("article").text_content()
    for kind in ("Personal experience", "Community advice", "Practitioner", "Physician",
                 "Public health guidance", "Consumer leaflet from a professional body", "Research",
                 "News report"):
        assert kind in text, kind
    assert "promotes a paid service" in text
    assert nojs.locator("#src-clinic").count() == 1
    # Back-links: a source entry lists the pages that cite it.
    entry = nojs.locator(".source-entry", has=nojs.locator("#src-clinic"))
    entry.scroll_into_view_if_needed()
    expect(entry).to_contain_text("Cited on", use_inner_text=True)  # painted once on screen
