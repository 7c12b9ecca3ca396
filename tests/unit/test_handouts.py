"""One-page handouts are built from the same data and front matter as the full pages."""

from __future__ import annotations

import datetime

import pytest

from conftest import ROOT
from runnersback.model import pages, site as sitedata
from runnersback.model.errors import DataError
from runnersback.render import handouts
from runnersback.render.html import Linker


@pytest.fixture(scope="module")
def site():
    return sitedata.load(ROOT / "data", ROOT / "docs")


def test_condition_handout_has_the_essentials_from_data(site):
    cited: set[str] = set()
    html = handouts.handout(site, Linker("handouts/sciatica.md", site.pages),
                            {"handout_of": "conditions/sciatica.md"}, cited)
    sciatica = site.conditions["sciatica"]
    for heading in ("What it is", "Signs", "What helps", "When to get help", "Get help now"):
        assert f">{heading}</h2>" in html, heading
    assert sciatica.signs[0].text.split("(")[0].strip() in html
    assert 'href="../conditions/sciatica.html"' in html
    # Emergency signs are in the red-flag box, not repeated in the "when to get help" list.
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


def test_lists_are_cut_to_fit_one_sheet(site):
    html = handouts.handout(site, Linker("handouts/sciatica.md", site.pages),
                            {"handout_of": "conditions/sciatica.md"}, set())
    signs = html.split(">Signs</h2>")[1].split("</ul>")[0]
    assert signs.count("<li>") <= handouts.MAX_ITEMS


def test_handout_takes_the_review_dates_of_its_page(site):
    meta = {"handout_of": "causes.md"}
    pages.inherit_meta(site, meta)
    assert isinstance(meta["reviewed"], datetime.date) and meta["next_review"] > meta["reviewed"]


def test_handout_of_a_missing_page_fails_naming_it(site):
    with pytest.raises(DataError, match=r"docs/nope.md: field 'handout_of'"):
        pages.inherit_meta(site, {"handout_of": "nope.md"})
    with pytest.raises(DataError, match=r"field 'handout_of'"):
        handouts.handout(site, Linker("handouts/x.md", site.pages), {}, set())
