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
