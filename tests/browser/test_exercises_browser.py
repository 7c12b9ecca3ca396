"""Exercise cards in the built pages: every card shows its picture, named from the data, drawn in
the reader's palette."""

from __future__ import annotations

import re

import pytest
import yaml
from playwright.sync_api import expect

from conftest import ROOT

EXERCISES = yaml.safe_load((ROOT / "data" / "exercises.yml").read_text(encoding="utf-8"))["exercises"]
# Each page and the groups of data/exercises.yml it shows, in order.
PAGES = {"stretching.html": ("stretch",), "core-strength.html": ("core",),
         "handouts/stretching.html": ("stretch",), "handouts/core-strength.html": ("core",),
         "more-exercises.html": ("mobility", "strength")}


@pytest.mark.parametrize("path, groups", PAGES.items())
def test_every_exercise_card_has_a_picture_named_from_the_data(shared_page, base_url, path, groups):
    page = shared_page()
    page.goto(base_url + path)
    expected = [e for group in groups for e in EXERCISES if e["group"] == group]
    cards = page.locator("section.exercise-card")
    expect(cards).to_have_count(len(expected))
    for index, exercise in enumerate(expected):
        card = cards.nth(index)
        expect(card.get_by_role("heading")).to_have_text(exercise["name"])
        picture = card.locator("svg[role=img]")
        expect(picture).to_have_count(1)
        alt = " ".join(exercise["figure"]["alt"].split())
        assert alt, exercise["id"]
        expect(picture).to_have_accessible_name(alt)
        expect(picture).to_be_visible()
        assert picture.bounding_box()["width"] > 100, exercise["id"]  # drawn, not collapsed


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pictures_are_drawn_in_the_text_colour_of_either_palette(new_page, base_url, scheme):
    page = new_page(color_scheme=scheme)
    page.goto(base_url + "core-strength.html")
    colours = page.evaluate("""() => [...document.querySelectorAll('.exercise-card svg')].map(svg =>
        [getComputedStyle(svg).color, getComputedStyle(svg.closest('.exercise-card')).color,
         getComputedStyle(svg.querySelector('path')).stroke])""")
    assert colours
    for svg_colour, card_colour, stroke in colours:
        assert svg_colour == card_colour == stroke, (svg_colour, card_colour, stroke)
    red, green, blue = (float(x) for x in re.findall(r"[\d.]+", colours[0][0])[:3])
    light_ink = (red + green + blue) / 3 > 128
    assert light_ink == (scheme == "dark"), colours[0]


def test_more_exercises_page_is_a_library_to_choose_from_with_every_other_exercise(shared_page, base_url):
    """The page says a physio picks from it, not a programme to do all of; and, with the stretching
    and core pages, it shows every exercise of the data once."""
    page = shared_page()
    page.goto(base_url + "more-exercises.html")
    text = " ".join(page.locator("article").inner_text().split())
    assert "not a programme to do all of" in text
    assert "Do not try to do them all." in text
    shown = set()
    for path in ("stretching.html", "core-strength.html", "more-exercises.html"):
        page.goto(base_url + path)
        ids = page.locator("section.exercise-card h3").evaluate_all("hs => hs.map(h => h.id)")
        assert not shown & set(ids), (path, shown & set(ids))
        shown |= set(ids)
    assert shown == {f"exercise-{e['id']}" for e in EXERCISES}
    assert len(shown) >= 20
