"""One-page handouts are built from the same data and front matter as the full pages."""

from __future__ import annotations

import datetime

import pytest

from conftest import ROOT
from runnersback.model import pages, site as sitedata
from runnersback.model.errors import DataError
from runnersback.render import handouts
from runnersback.render.html import Linker, esc


@pytest.fixture(scope="module")
def site():
    return sitedata.load(ROOT / "data", ROOT / "docs")


def test_condition_handout_has_the_essentials_from_data(site):
    cited: set[str] = set()
    html = handouts.handout(site, Linker("handouts/sciatica.md", site.pages),
                            {"handout_of": "conditions/sciatica.md"}, cited)
    sciatica = site.conditions["sciatica"]
    for heading in ("What it is", "Signs", "What helps", "Usual care", "When to get help"):
        assert f">{heading}</h2>" in html, heading
    assert sciatica.signs[0].text.split("(")[0].strip() in html
    assert 'href="../conditions/sciatica.html"' in html
    # Warning signs are in the safety box only, not repeated above it.
    flags_at = html.index("red-flags")
    assert "Emergency:" not in html[:flags_at]
    assert set(sciatica.what_it_is.sources) <= cited


def test_topic_handout_uses_the_page_front_matter(site):
    html = handouts.handout(site, Linker("handouts/shoes.md", site.pages),
                            {"handout_of": "shoes.md"}, set())
    meta = pages.source_meta(site, "shoes.md")
    assert meta["description"].split(",")[0] in html
    assert meta["summary"][0]["text"].split(".")[0] in html
    assert html.count("<li>") >= 3


@pytest.mark.parametrize("target, stub", [("conditions/sciatica.md", "handouts/sciatica.md"),
                                          ("rice-and-heat.md", "handouts/rice-and-heat.md")])
def test_no_list_is_cut_and_the_safety_box_holds_every_sign(site, target, stub):
    html = handouts.handout(site, Linker(stub, site.pages), {"handout_of": target}, set())
    if target.startswith("conditions/"):
        c = site.conditions["sciatica"]
        for item in [*c.signs, *c.helps]:
            assert esc(item.text) in html, item.text
    else:
        for item in pages.source_meta(site, target)["summary"]:
            assert esc(item["text"]) in html, item["text"]
    box = html[html.index('class="red-flags handout__flags"'):]
    for sign in site.signs.values():
        assert f"<li>{esc(sign.text)}</li>" in box, sign.id
    # Most urgent first, one short list per level: never one long sentence.
    assert box.index("Emergency:") < box.index("Urgent:") < box.index("See a professional:")
    assert box.count("<ul>") == 3


def test_handout_takes_the_review_dates_of_its_page(site):
    meta = {"handout_of": "causes.md"}
    pages.inherit_meta(site, meta)
    assert isinstance(meta["reviewed"], datetime.date) and meta["next_review"] > meta["reviewed"]


def test_handout_of_a_missing_page_fails_naming_it(site):
    with pytest.raises(DataError, match=r"docs/nope.md: field 'handout_of'"):
        pages.inherit_meta(site, {"handout_of": "nope.md"})
    with pytest.raises(DataError, match=r"field 'handout_of'"):
        handouts.handout(site, Linker("handouts/x.md", site.pages), {}, set())


@pytest.mark.parametrize("group", ["core", "stretch"])
def test_exercise_handout_holds_every_exercise_of_its_group_with_picture_and_week_log(site, group):
    stub = {"core": "handouts/core-strength.md", "stretch": "handouts/stretching.md"}[group]
    meta = pages.front_matter((ROOT / "docs" / stub).read_text(encoding="utf-8"))
    assert meta["handout_exercises"] == group  # the stub asks for its group
    html = handouts.handout(site, Linker(stub, site.pages), meta, set())
    exercises = [e for e in site.exercises.values() if e.group == group]
    cards = html.split('<section class="exercise-card"')[1:]
    assert len(cards) == len(exercises) >= 5
    for exercise, card in zip(exercises, cards):
        assert f">{esc(exercise.name)}</h3>" in card
        assert f"<title>{esc(exercise.figure.alt)}</title>" in card  # the picture, in the card
        for text in [*exercise.steps, exercise.dose.text(), exercise.avoid]:
            assert esc(text) in card, (exercise.id, text)
        log = card[card.index('<table class="exercise-log">'):card.index("</table>")]
        assert [f"<td>{day}</td>" in log for day in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")] \
            == [True] * 7, exercise.id
    others = [e for e in site.exercises.values() if e.group != group]
    assert not any(esc(e.name) in html for e in others)
    # The exercises come before the safety box, which stays whole after them.
    assert html.index("handout__exercises") < html.index('class="red-flags handout__flags"')


def test_other_handouts_have_no_exercises_and_an_unknown_group_is_named(site):
    html = handouts.handout(site, Linker("handouts/shoes.md", site.pages), {"handout_of": "shoes.md"},
                            set())
    assert "exercise-card" not in html
    with pytest.raises(DataError, match=r"docs/handouts/x.md: unknown exercise group 'abs'"):
        handouts.handout(site, Linker("handouts/x.md", site.pages),
                         {"handout_of": "core-strength.md", "handout_exercises": "abs"}, set())
    with pytest.raises(DataError, match=r"field 'handout_exercises': expected one of 'core', 'stretch'"):
        pages.check_page_meta({"reviewed": datetime.date(2026, 1, 1),
                               "next_review": datetime.date(2026, 6, 1), "handout_exercises": "abs"},
                              "handouts/x.md")


def test_every_handout_starts_with_a_labelled_large_print_switch(site):
    switch = handouts.large_print_switch()
    assert switch == ('<p class="large-print-switch"><input type="checkbox" id="large-print"> '
                      '<label for="large-print">Large print (14 pt)</label></p>')
    for meta in ({"handout_of": "shoes.md"}, {"handout_of": "conditions/sciatica.md"}):
        html = handouts.handout(site, Linker("handouts/x.md", site.pages), meta, set())
        assert html.startswith(switch), meta
