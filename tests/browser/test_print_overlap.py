"""Nothing printed over anything else: every printable page, printed to PDF in Chromium on A4 and US
Letter, in normal print and (where the page has the switch) in large print, read back word by word
with poppler (``pdftotext -bbox``). Two words whose boxes overlap are text on text.

pdftotext gives each word the font's whole height, ascent to descent: 1.16 em for DejaVu Sans, the
font Chromium prints with here. Lines set at 1.15 (large print) would then touch by a fraction of a
point with nothing overprinted. The box is trimmed at the top to the letters' own height (0.76 em
above the baseline, the top of "d" and "l"; the rest is room for accents), then two boxes must
overlap by more than half a point both ways.
"""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest

from conftest import source_pages

# Every page a reader may print: topic and condition pages, the flowchart, the plan, the handouts,
# the builder (with a sheet made), the home, sources and about pages. The booklet (print_page.html)
# is every page again, in one; the 404 page is not printed.
PAGES = [p for p in source_pages() if p != "404.html"]
BUILDER = "handouts/sheet-builder.html"
# A sheet with one exercise of each group and a note, as test_sheet_builder.py makes it.
BUILDER_SHEET = "#pick=hamstring-stretch,bridge,pelvic-tilt&note=Go%20slowly%2C%20stop%20if%20it%20hurts"
TOLERANCE = 0.5  # points
# Share of pdftotext's word box above the letters (accent room of DejaVu Sans: (0.928 - 0.76) / 1.164).
ACCENT_ROOM = 0.14
WORD = re.compile(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*?)</word>')


def word_boxes(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Each sheet's words as (left, top, right, bottom, word), in points, top trimmed as above."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    sheets = []
    for sheet in out.split("<page ")[1:]:
        words = []
        for x0, y0, x1, y1, word in WORD.findall(sheet):
            x0, y0, x1, y1 = float(x0), float(y0), float(x1), float(y1)
            words.append((x0, y0 + ACCENT_ROOM * (y1 - y0), x1, y1, html.unescape(word)))
        sheets.append(words)
    return sheets


def overlapping_words(pdf: Path) -> list[str]:
    """Every pair of words printed over each other, as "sheet N: 'a' over 'b' at x, y"."""
    found = []
    for number, words in enumerate(word_boxes(pdf), 1):
        words.sort(key=lambda w: w[1])
        for i, a in enumerate(words):
            for b in words[i + 1:]:
                if b[1] >= a[3] - TOLERANCE:
                    break  # sorted by top: no later word reaches up into this one
                if (min(a[2], b[2]) - max(a[0], b[0]) > TOLERANCE
                        and min(a[3], b[3]) - max(a[1], b[1]) > TOLERANCE):
                    found.append(f"sheet {number}: {a[4]!r} over {b[4]!r} at {a[0]:.0f}, {a[1]:.0f} pt")
    return found


def test_the_check_finds_words_printed_over_each_other(shared_page, base_url, tmp_path):
    """The check itself: a handout with its address moved onto its first lines fails it."""
    page = shared_page()
    page.goto(base_url + "handouts/sciatica.html")
    page.emulate_media(media="print")
    page.evaluate("""() => { const lead = document.querySelector('.handout__lead');
        const copy = document.createElement('span');
        copy.textContent = document.querySelector('.page-info__address').textContent;
        copy.style.position = 'absolute';
        lead.style.position = 'relative';
        copy.style.left = '0'; copy.style.top = '0';
        lead.append(copy); }""")
    pdf = tmp_path / "overprinted.pdf"
    pdf.write_bytes(page.pdf(format="A4", print_background=True))
    assert overlapping_words(pdf), "an address printed over the lead was not found"


@pytest.mark.parametrize("path", PAGES)
def test_no_word_prints_over_another(shared_page, base_url, tmp_path, path):
    page = shared_page()
    page.goto(base_url + path + (BUILDER_SHEET if path == BUILDER else ""))
    if path == BUILDER:
        assert page.locator("[data-exercise]:visible").count() == 3
    sizes = ["normal"] + (["large"] if page.locator("#large-print").count() else [])
    problems = []
    for size in sizes:
        if size == "large":
            page.locator("#large-print").check()
        for paper in ("A4", "Letter"):
            pdf = tmp_path / f"{size}-{paper}.pdf"
            pdf.write_bytes(page.pdf(format=paper, print_background=True))
            problems += [f"{path}, {size} print, {paper}, {overlap}" for overlap in overlapping_words(pdf)]
    assert not problems, f"{len(problems)} words printed over others:\n" + "\n".join(problems[:30])
