"""Care routes by country (data/regions.yml): the model refuses bad data naming file, entry and
field; the renderer puts every region's words wherever a text names a route; the post-build check
fails a page whose routes leave a region out."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import ROOT

from macros import postbuild
from runnersback.checks import safetycheck
from runnersback.model import regions as regiondata, site as sitedata
from runnersback.model.errors import DataError
from runnersback.render import regions

DATA = ROOT / "data"


@pytest.fixture(scope="module")
def site():
    return sitedata.load(DATA, ROOT / "docs")


def _project(tmp_path, file: str, old: str, new: str):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    text = (data / file).read_text(encoding="utf-8")
    assert old in text, f"data/{file} no longer has {old!r}: update this test"
    (data / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    return data


def test_every_region_has_every_route_and_a_public_source(site):
    assert list(site.regions) == ["uk", "northern-ireland", "ireland", "us", "canada", "australia",
                                  "new-zealand"]
    for region in site.regions.values():
        assert region.emergency and region.hospital and region.urgent and region.gp, region.id
        assert any(site.sources[s].kind == "public-health" for s in region.sources), region.id
    assert site.regions["new-zealand"].emergency == "111"
    assert "111" not in site.regions["new-zealand"].urgent
    assert site.regions["australia"].emergency == "000"
    assert "111" not in site.regions["northern-ireland"].urgent  # Northern Ireland has no NHS 111


def _load_error(tmp_path, file: str, old: str, new: str) -> str:
    """The build's message when ``old`` in data/``file`` becomes ``new``."""
    with pytest.raises(DataError) as error:
        sitedata.load(_project(tmp_path, file, old, new), ROOT / "docs")
    return str(error.value)


def test_a_misspelt_placeholder_stops_the_build_naming_file_entry_and_field(tmp_path):
    message = _load_error(tmp_path, "care_levels.yml", "or go to {hospital} now", "or go to {hopsital} now")
    assert "data/care_levels.yml" in message and "entry 'emergency'" in message
    assert "field 'heading'" in message and "unknown placeholder '{hopsital}'" in message


def test_a_region_without_a_field_stops_the_build_naming_it(tmp_path):
    message = _load_error(tmp_path, "regions.yml", "    emergency: \"000\"\n", "")
    assert "data/regions.yml:" in message and "entry 'australia'" in message
    assert "field 'emergency'" in message


def test_an_unknown_source_or_default_region_stops_the_build(tmp_path, site):
    data = _project(tmp_path, "regions.yml", "sources: [healthline-nz]", "sources: [healthlien-nz]")
    with pytest.raises(DataError, match="entry 'new-zealand', field 'sources'"):
        sitedata.load(data, ROOT / "docs")
    with pytest.raises(DataError, match="extra.region 'narnia'"):
        sitedata.load(DATA, ROOT / "docs", "narnia")
    assert sitedata.load(DATA, ROOT / "docs", "australia").default_region == "australia"


def test_a_route_holds_every_region_and_search_reads_the_default_only(site):
    html = regions.route(site, "emergency")
    # One span for each wording, naming every region that uses it: each region exactly once.
    named = re.findall(r'<span data-region="([^"]+)"', html)
    assert sorted(r for ids in named for r in ids.split()) == sorted(site.regions)
    assert len(named) == len({r.emergency for r in site.regions.values()})
    assert '<span data-region="uk northern-ireland">999</span>' in html
    assert '<span data-region="australia" data-search-exclude>000</span>' in html
    assert "data-search-exclude" not in regions.route(site, "emergency", searchable=False)
    with pytest.raises(ValueError, match="unknown route"):
        regions.route(site, "ambulance")


def test_placeholders_in_text_become_routes_and_in_attributes_the_default_words(site):
    html = regions.expand_html(site, '<p title="Call {emergency}">Go to {hospital} or {nothing}</p>')
    assert html.startswith('<p title="Call 999">Go to <span class="rg rg--hospital">')
    assert '<span data-region="us" data-search-exclude>the ER (emergency room)</span>' in html
    assert '<span data-region="ireland canada australia new-zealand" data-search-exclude>' \
           'the emergency department</span>' in html
    assert html.endswith(" or {nothing}</p>")
    assert regiondata.expand_plain(site, "Call {emergency}", "new-zealand") == "Call 111"


def test_the_care_routes_table_names_every_country_and_cites_each(site):
    from runnersback.render.html import Linker
    html = regions.care_routes(site, Linker("when-to-get-help.md", site.pages), cited := set())
    for region in site.regions.values():
        assert f"<th scope=\"row\">{region.name}</th>" in html
        for source_id in region.sources:
            assert f"#src-{source_id}" in html, (region.id, source_id)
    assert cited == set(), "the screen-only table stays out of the printed footer's sources"


def test_the_region_script_falls_back_to_the_default_and_knows_every_region(site):
    script = regions.head_script(site)
    assert '"new-zealand"' in script and 'r="{default}"' in script
    css = regions.region_css(site)
    assert 'html:not([data-region]) .rg>[data-region~="{default}"]' in css
    assert 'html[data-region="canada"] .rg>[data-region~="canada"]' in css


def test_the_safety_check_runs_for_every_region(site, site_dir):
    html = (site_dir / "flowchart.html").read_text(encoding="utf-8")
    assert safetycheck.missing_routes(site, html) == []
    # A region left out of the banner, or its number changed in a card: named, region by region.
    for region_id, number in (("new-zealand", "111"), ("australia", "000")):
        broken = html.replace(f'<span data-region="{region_id}">{number}</span>', "", 1)
        problems = safetycheck.missing_routes(site, broken)
        assert f"the banner does not give {site.regions[region_id].name}'s emergency number " \
               f"({number})" in problems
    broken = html.replace('data-search-exclude>000</span>', 'data-search-exclude>0000</span>')
    assert any("an emergency card" in p and "Australia" in p
               for p in safetycheck.missing_routes(site, broken))
    problems = postbuild.page_problems(site, "flowchart.md", broken)
    assert any("Australia" in p and "data/regions.yml" in p for p in problems)
