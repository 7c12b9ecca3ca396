"""Printing: pages print to PDF in headless Chromium at A4 and US Letter, as a clinic would.

Checked with poppler (pdfinfo, pdftotext, pdftoppm) and zbar (zbarimg) from Debian.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import expect

import yaml

from conftest import ROOT, SITE_NAME, as_shown, pdf_pages, site_pages, source_pages
from runnersback.model.exercises import Dose
from test_content import CONDITION_PAGES, TOPIC_PAGES

SIGNS = yaml.safe_load((ROOT / "data" / "warning_signs.yml").read_text(encoding="utf-8"))["signs"]
SITE_URL = "https://runners-back.github.io/runners-back/"  # mkdocs.yml default; tests do not set SITE_URL


def print_to_pdf(page, url: str, tmp_path: Path, paper: str = "A4", scheme: str = "light") -> Path:
    page.emulate_media(color_scheme=scheme)
    page.goto(url, wait_until="load")
    pdf = tmp_path / (url.rsplit("/", 1)[-1].replace(".html", f"-{paper}.pdf"))
    pdf.write_bytes(page.pdf(format=paper, print_background=True))
    return pdf


def pdf_text(pdf: Path, page_number: int | None = None) -> str:
    args = ["pdftotext"]
    if page_number:
        args += ["-f", str(page_number), "-l", str(page_number)]
    return subprocess.run(args + [str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def body_lines(text: str) -> list[str]:
    """Lines of a printed sheet other than the running header and the page number."""
    return [line for line in text.splitlines() if line.strip()
            and not line.strip().startswith(f"{SITE_NAME} ·") and "Page " not in line]


# The handouts folder also holds their list and the exercise sheet builder (test_sheet_builder.py).
NOT_HANDOUTS = ("handouts/index.html", "handouts/sheet-builder.html")
HANDOUTS = [p for p in source_pages() if p.startswith("handouts/") and p not in NOT_HANDOUTS]
# A heading each printed handout must carry (default: "What to do", or "What helps" for a condition).
HANDOUT_HEADINGS = {"handouts/return-to-running.html": "The pain rule"}
# Exercise handouts and the group of data/exercises.yml each prints (stub front matter
# `handout_exercises`).
EXERCISE_HANDOUTS = {"handouts/core-strength.html": "core", "handouts/stretching.html": "stretch"}
EXERCISES = yaml.safe_load((ROOT / "data" / "exercises.yml").read_text(encoding="utf-8"))["exercises"]
WEEK = "Mon Tue Wed Thu Fri Sat Sun"
# Large print (14 pt) may take two sheets. An exercise sheet at 7.5 to 9 pt holds five cards and
# every warning sign; at 14 pt (more than three times the area) that is three sheets.
# The plan's handout (five stages, the pain rule and the log) is as full as an exercise sheet.
LARGE_PRINT_SHEETS = {path: 3 if path in EXERCISE_HANDOUTS or path == "handouts/return-to-running.html"
                      else 2 for path in HANDOUTS}


def exercises_of(path: str) -> list[dict]:
    return [e for e in EXERCISES if e["group"] == EXERCISE_HANDOUTS[path]]


LABELS = {position["label"] for e in EXERCISES for position in e["figure"]["positions"]}


def assert_exercises_printed(raw: str, path: str) -> None:
    """Every exercise of the handout's group, with its steps, dose, warning and week of boxes, in
    the text of the printed PDF (the pictures' labels, "Start" and "End", left out)."""
    days = WEEK.split()
    # Lines of the pictures' labels or of day boxes only, which a text extractor may put between the
    # lines of a name or a step beside them.
    text = " ".join(" ".join(line for line in raw.splitlines()
                             if line.strip() not in LABELS and not set(line.split()) <= set(days)
                             or not line.strip()).split())
    for exercise in exercises_of(path):
        for part in (exercise["name"], *exercise["steps"], Dose(**exercise["dose"]).text(),
                     as_shown(exercise["avoid"])):
            assert " ".join(part.split()) in text, (path, exercise["id"], part)
    for day in days:  # a row of boxes for each exercise
        assert raw.count(day) == len(exercises_of(path)), (path, day)
    others = [e["name"] for e in EXERCISES if e not in exercises_of(path)]
    assert not [name for name in others if name in text], path


def assert_sheet_is_whole(pdf: Path, path: str, *where) -> None:
    """A printed handout holds every warning sign of the registry, whole; an exercise handout every
    exercise of its group; and not the large-print switch, which is for the screen."""
    raw = pdf_text(pdf)
    text = " ".join(raw.split())
    for sign in SIGNS:
        assert sign["text"] in text, (path, *where, sign["id"])
    if path in EXERCISE_HANDOUTS:
        assert_exercises_printed(raw, path)
    assert "Large print (14 pt)" not in text, path


def test_every_topic_and_condition_has_a_handout(site_dir):
    handouts = [p for p in site_pages(site_dir) if p.startswith("handouts/")
                and p not in NOT_HANDOUTS]
    assert sorted(handouts) == HANDOUTS
    assert len(HANDOUTS) == len(TOPIC_PAGES) + len(CONDITION_PAGES), HANDOUTS


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("path", HANDOUTS)
def test_every_handout_fits_one_sheet(shared_page, base_url, tmp_path, paper, path):
    pdf = print_to_pdf(shared_page(), base_url + path, tmp_path, paper)
    count = pdf_pages(pdf.read_bytes(), tmp_path)
    assert count == 1, f"{path}: {count} pages on {paper}"
    text = " ".join(pdf_text(pdf).split())
    for expected in (HANDOUT_HEADINGS.get(path, "What helps" if "conditions/" in path else "What to do"),
                     "Call 999 or your local emergency number, or go to A&E (the emergency department) now",
                     "Last reviewed"):
        assert expected in text or (expected == "What to do" and "What helps" in text), (path, expected)
    assert_sheet_is_whole(pdf, path, paper)


# Text sizes in CSS px of the printed handout: advice, and what is about the sheet (citations, its
# review dates and address) with RNIB's 12 pt floor. The pictures' own labels are part of the image.
PRINTED_SIZES = """() => {
  const sizes = {advice: [], about: []};
  const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!node.textContent.trim() || element.closest('svg') || !element.getClientRects().length) continue;
    const group = element.closest('.cite, .exercise-card__sources, .page-info') ? 'about' : 'advice';
    sizes[group].push([parseFloat(getComputedStyle(element).fontSize), node.textContent.trim()]);
  }
  return sizes;
}"""
PT = 96 / 72  # CSS px per point


@pytest.mark.parametrize("path", HANDOUTS)
def test_large_print_switch_prints_the_handout_at_14_pt(shared_page, base_url, tmp_path, path):
    page = shared_page()
    page.goto(base_url + path)
    switch = page.get_by_label("Large print (14 pt)")
    expect(switch).to_be_visible()
    expect(switch).not_to_be_checked()
    page.emulate_media(media="print")
    assert min(size for size, _ in page.evaluate(PRINTED_SIZES)["advice"]) < 14 * PT  # the one-sheet size
    page.emulate_media(media="screen")
    switch.check()
    page.emulate_media(media="print")
    sizes = page.evaluate(PRINTED_SIZES)
    small = [(round(size / PT, 1), text[:40]) for size, text in sizes["advice"] if size < 14 * PT - 0.01]
    assert not small, (path, small)
    small = [(round(size / PT, 1), text[:40]) for size, text in sizes["about"] if size < 12 * PT - 0.01]
    assert not small, (path, small)
    pdf = tmp_path / "large.pdf"
    pdf.write_bytes(page.pdf(format="A4", print_background=True))
    count = pdf_pages(pdf.read_bytes(), tmp_path)
    assert count <= LARGE_PRINT_SHEETS[path], f"{path}: {count} A4 sheets in large print"
    for number in range(1, count + 1):
        assert body_lines(pdf_text(pdf, number)), f"{path}: sheet {number} is blank"
    assert_sheet_is_whole(pdf, path, "large print")


@pytest.mark.parametrize("path", TOPIC_PAGES + CONDITION_PAGES)
def test_full_pages_print_on_at_most_two_a4_sheets_with_no_blank_sheet(shared_page, base_url, tmp_path,
                                                                       path):
    pdf = print_to_pdf(shared_page(), base_url + path, tmp_path)
    count = pdf_pages(pdf.read_bytes(), tmp_path)
    assert count <= 2, f"{path} prints on {count} A4 pages"
    for number in range(1, count + 1):
        assert body_lines(pdf_text(pdf, number)), f"{path}: page {number} is blank"


def test_printed_page_carries_title_date_address_and_no_screen_chrome(page, base_url, tmp_path):
    pdf = print_to_pdf(page, base_url + "shoes.html", tmp_path, "Letter")
    text = pdf_text(pdf)
    first = pdf_text(pdf, 1)
    assert f"{SITE_NAME} · Shoes" in first and "Last reviewed 23 November 2026" in first
    assert SITE_URL + "shoes.html" in "".join(text.split())
    for chrome in ("Search", "Table of contents", "Switch to dark mode", "All warning signs"):
        assert chrome not in text, chrome


def _qr_text(pdf: Path, tmp_path: Path) -> str:
    count = pdf_pages(pdf.read_bytes(), tmp_path)
    image = tmp_path / "qr"
    subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", "-f", str(count), "-l", str(count),
                    str(pdf), str(image)], check=True)
    png = sorted(tmp_path.glob("qr*.png"))[-1]
    result = subprocess.run(["zbarimg", "--quiet", "--raw", str(png)], capture_output=True, text=True)
    return result.stdout.strip()


@pytest.mark.parametrize("path, address", [
    ("conditions/si-joint.html", SITE_URL + "conditions/si-joint.html"),
    ("handouts/stretching.html", SITE_URL + "stretching.html"),  # a handout points to its full page
])
def test_qr_code_decodes_to_the_page_address(page, base_url, tmp_path, path, address):
    pdf = print_to_pdf(page, base_url + path, tmp_path)
    assert _qr_text(pdf, tmp_path) == address


def test_booklet_has_one_qr_code_on_its_cover_for_the_site(page, base_url, tmp_path):
    """Each chapter keeps its address in words; the cover's code opens the site."""
    page.goto(base_url + "print_page.html")
    assert page.locator("svg.page-qr").count() == 1
    assert page.locator(".booklet-cover svg.page-qr").count() == 1
    cover = tmp_path / "cover.pdf"
    cover.write_bytes(page.pdf(format="A4", print_background=True, page_ranges="1"))
    assert _qr_text(cover, tmp_path) == SITE_URL
    assert SITE_URL + "conditions/sciatica.html" in page.locator(
        "section.print-page#conditions-sciatica .page-info__address").text_content()


def test_booklet_without_material_javascript_keeps_the_reader_s_colours(new_page, base_url):
    # Dark device, no choice made yet: dark, as on every other page.
    dark = new_page(color_scheme="dark")
    dark.goto(base_url + "print_page.html")
    assert dark.locator("body").get_attribute("data-md-color-scheme") == "slate"
    # A choice made on another page (light, on a dark device) carries over to the booklet.
    dark.goto(base_url + "index.html")
    dark.locator("label.md-header__button[for^='__palette']:visible").first.click()
    assert dark.locator("body").get_attribute("data-md-color-scheme") == "default"
    dark.goto(base_url + "print_page.html")
    assert dark.locator("body").get_attribute("data-md-color-scheme") == "default"
    # Controls that need Material's JavaScript are not offered.
    for control in ("label[for='__search']", "label[for='__drawer']", "label[for^='__palette']"):
        expect(dark.locator(control).first).to_be_hidden()


@pytest.mark.parametrize("path", ["conditions/index.html", "print_page.html"])
def test_comparison_table_prints_whole_across_the_sheet(shared_page, base_url, tmp_path, path):
    """All its columns, not the first few cut off by the scroll box it has on screen."""
    page = shared_page()
    pdf = print_to_pdf(page, base_url + path, tmp_path)
    text = " ".join(pdf_text(pdf).split())
    for column in ("Condition", "Where it hurts", "Common under 20", "Usually"):
        assert column in text, column
    page.emulate_media(media="print")
    widths = page.evaluate("""() => { const t = document.querySelector('.condition-compare table');
        return [t.getBoundingClientRect().right, t.closest('article').getBoundingClientRect().right]; }""")
    assert widths[0] <= widths[1] + 1, widths


def _dark_fraction(pdf: Path, tmp_path: Path) -> float:
    """Share of dark pixels on the first printed sheet (a page printed dark is mostly dark)."""
    out = tmp_path / "shade"
    subprocess.run(["pdftoppm", "-r", "20", "-gray", "-f", "1", "-l", "1", str(pdf), str(out)], check=True)
    data = sorted(tmp_path.glob("shade*.pgm"))[0].read_bytes()
    # PGM: "P5\n<w> <h>\n<max>\n" then one byte per pixel.
    header_end = 0
    for _ in range(3):
        header_end = data.index(b"\n", header_end) + 1
    pixels = data[header_end:]
    return sum(1 for p in pixels if p < 100) / len(pixels)


def test_dark_mode_never_prints_dark(page, base_url, tmp_path):
    pdf = print_to_pdf(page, base_url + "causes.html", tmp_path, scheme="dark")
    assert _dark_fraction(pdf, tmp_path) < 0.1
    text = pdf_text(pdf)
    assert "Causes" in text


def test_collapsed_blocks_print_open_and_external_links_print_their_address(page, base_url, tmp_path):
    page.goto(base_url + "conditions/index.html")
    details = page.locator("article details:not([open])")
    assert details.count() >= 1, "expected a collapsed block on the conditions page"
    hidden_text = details.first.locator(":scope > :not(summary)").first.inner_text()
    pdf = print_to_pdf(page, base_url + "conditions/index.html", tmp_path)
    assert " ".join(hidden_text.split()[:6]) in " ".join(pdf_text(pdf).split())

    pdf = print_to_pdf(page, base_url + "sources.html", tmp_path)
    assert "(https://www.nice.org.uk/guidance/ng59)" in "".join(pdf_text(pdf).split())


def test_cards_and_boxes_are_not_split_across_sheets(page, base_url):
    # Boxes stay whole on paper. The one exception is the help page's cards, long lists of every
    # warning sign: they may run on into the next column, with each heading kept with its signs.
    def style(selector: str, prop: str) -> list[str]:
        return page.evaluate(f"""() => [...document.querySelectorAll({selector!r})]
            .map(e => getComputedStyle(e).{prop})""")

    page.goto(base_url + "conditions/sciatica.html")
    page.emulate_media(media="print")
    styles = style(".care-card", "breakInside")
    assert len(styles) >= 3 and set(styles) == {"avoid"}, styles
    page.goto(base_url + "when-to-get-help.html")
    page.emulate_media(media="print")
    for selector in (".red-flags", ".in-short"):
        assert set(style(selector, "breakInside")) == {"avoid"}, selector
    assert set(style(".care-card", "breakInside")) == {"auto"}
    assert set(style(".care-card > .care-card__heading", "breakAfter")) == {"avoid"}
    assert page.evaluate("getComputedStyle(document.querySelector('article h2')).breakAfter") == "avoid"


@pytest.mark.parametrize("origin, javascript", [("http", True), ("file", True), ("file", False)])
def test_booklet_has_cover_contents_and_every_page(new_page, site_dir, base_url, file_url, origin,
                                                   javascript):
    # The contents list is written at build time: it is there with JavaScript off too.
    page = new_page(javascript_enabled=javascript)
    page.goto((base_url if origin == "http" else file_url) + "print_page.html")
    assert page.locator(".booklet-cover h1").inner_text() == SITE_NAME
    toc = page.locator("#print-page-toc").inner_text()
    for title in ("Causes", "Sciatica", "When to get help", "Sources"):
        assert title in toc, title
    page.locator("#print-page-toc a[href='#sources']").click()
    expect(page.locator("section.print-page#sources h1")).to_be_in_viewport()
    sections = page.locator("section.print-page").count()
    full_pages = [p for p in site_pages(site_dir) if not p.startswith("handouts/")]
    assert sections >= len(full_pages), (sections, len(full_pages))


def test_help_page_cites_each_sign_on_screen_and_each_card_on_paper(page, base_url):
    page.goto(base_url + "when-to-get-help.html")
    card = page.locator("#care-urgent").locator("xpath=..")
    assert card.locator(".care-card__signs li .cite").first.is_visible()
    assert not card.locator(".care-card__sources--print").is_visible()
    page.emulate_media(media="print")
    assert not card.locator(".care-card__signs li .cite").first.is_visible()
    assert card.locator(".care-card__sources--print").is_visible()
