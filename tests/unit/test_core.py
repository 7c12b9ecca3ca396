"""Unit tests for the shared core: data validation, links, escaping, citations, care cards,
page footer and the built-site link check."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from runnersback.checks import linkcheck
from runnersback.model import site as sitedata
from runnersback.model.base import Model, Text, load_yaml, unique_ids, validate
from runnersback.model.errors import DataError, raise_all
from runnersback.render import regions
from runnersback.render import care, citations, pagemeta
from runnersback.render.html import Linker, LinkError, attrs, esc, page_url


# --- validation ------------------------------------------------------------------------------------

def _yaml(tmp_path: Path, text: str) -> list:
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    return load_yaml(path, "data/x.yml")


class Thing(Model):
    id: Text
    name: Text
    tags: list[Text] | None = None


class Things(Model):
    things: list[Thing]


def check_entries(entries, file: str) -> None:
    """Validate ``entries`` as the list under ``things:``, then check their ids are unique."""
    doc = validate(Things, {"things": entries}, file)
    raise_all(unique_ids(doc.things, file))


def test_unknown_field_names_file_line_entry_and_field(tmp_path):
    entries = _yaml(tmp_path, "- id: a\n  name: A\n- id: b\n  nmae: B\n")
    with pytest.raises(DataError) as err:
        check_entries(entries, file="data/x.yml")
    assert str(err.value).startswith("data/x.yml:3: entry 'b', field 'nmae': unknown field")


def test_missing_field(tmp_path):
    with pytest.raises(DataError, match=r"data/x.yml:1: entry 'a', field 'name': required field is missing"):
        check_entries(_yaml(tmp_path, "- id: a\n"), file="data/x.yml")


def test_wrong_type(tmp_path):
    with pytest.raises(DataError, match=r"field 'tags': expected a list of text, got text 'one'"):
        check_entries(_yaml(tmp_path, "- id: a\n  name: A\n  tags: one\n"), file="data/x.yml")


def test_duplicate_id(tmp_path):
    with pytest.raises(DataError, match=r"data/x.yml:3: entry 'a', field 'id': duplicate id \(first used on line 1\)"):
        check_entries(_yaml(tmp_path, "- id: a\n  name: A\n- id: a\n  name: B\n"),
                      file="data/x.yml")


def test_invalid_yaml_names_the_line(tmp_path):
    with pytest.raises(DataError, match=r"data/x.yml:3: not valid YAML"):
        _yaml(tmp_path, "- id: a\n  name: A\n  - oops\n")


def test_unknown_reference_names_entry_and_field_path(tmp_path):
    entries = _yaml(tmp_path, "- id: a\n  items:\n    - text: t\n      sources: [nope]\n")
    with pytest.raises(DataError, match=r"data/x.yml:3: entry 'a', field 'items\[1\]\.sources': "
                                        r"unknown source 'nope' \(known: ok\)"):
        sitedata.check_refs(entries, key="sources", known={"ok"}, file="data/x.yml", what="source")


def test_nested_id_is_a_reference_not_an_entry(tmp_path):
    # A condition's `related` items carry the related condition's id; errors still name the condition.
    entries = _yaml(tmp_path, "- id: a\n  related:\n    - id: b\n      sources: [nope]\n")
    with pytest.raises(DataError, match=r"entry 'a', field 'related\[1\]\.sources'"):
        sitedata.check_refs(entries, key="sources", known={"ok"}, file="data/x.yml", what="source")


def test_known_reference_and_absent_value_pass(tmp_path):
    entries = _yaml(tmp_path, "- id: a\n  level: null\n  items:\n    - sources: [ok]\n")
    sitedata.check_refs(entries, key="sources", known={"ok"}, file="data/x.yml", what="source")
    sitedata.check_refs(entries, key="level", known={"ok"}, file="data/x.yml", what="level")


# --- html ------------------------------------------------------------------------------------------

def test_esc_and_attrs_escape_data():
    assert esc('<b> & "q"') == "&lt;b&gt; &amp; &#34;q&#34;"
    assert attrs(class_="a", title='x"y', hidden=True, data_x=None) == ' class="a" title="x&#34;y" hidden'


def test_page_urls_and_relative_links():
    assert page_url("index.md") == "index.html"
    assert page_url("conditions/index.md") == "conditions/index.html"
    assert page_url("conditions/si-joint.md") == "conditions/si-joint.html"
    pages = {"index.md", "causes.md", "conditions/si-joint.md"}
    assert Linker("conditions/si-joint.md", pages).href("causes.md", "gait") == "../causes.html#gait"
    assert Linker("causes.md", pages).href("conditions/si-joint.md") == "conditions/si-joint.html"
    with pytest.raises(LinkError, match="causes.md: macro links to 'nope.md'"):
        Linker("causes.md", pages).href("nope.md")


# --- data, citations, care -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def site():
    data = sitedata.SiteData(data_dir=ROOT / "data", docs_dir=ROOT / "docs",
                             pages=sitedata.find_pages(ROOT / "docs"))
    sitedata.load_sources(data, ROOT / "data" / "sources.yml")
    sitedata.load_regions(data, ROOT / "data" / "regions.yml")
    sitedata.load_care_levels(data, ROOT / "data" / "care_levels.yml")
    sitedata.load_warning_signs(data, ROOT / "data" / "warning_signs.yml")
    return data


def test_every_source_kind_is_known_and_labelled(site):
    assert set(site.kinds) >= {"personal", "community", "practitioner", "physician", "public-health"}
    for source in site.sources.values():
        assert source.kind in site.kinds


def test_cite_links_each_source_and_shows_its_kind(site):
    cited: set[str] = set()
    html = citations.cite(site, Linker("conditions/si-joint.md", site.pages),
                          ["clinic", "nhs-back-pain"], cited)
    assert 'href="../sources.html#src-clinic"' in html
    assert ">practitioner<" in html and ">public guidance<" in html
    assert cited == {"clinic", "nhs-back-pain"}


def test_cite_rejects_unknown_ids_naming_the_page(site):
    with pytest.raises(DataError, match=r"docs/about.md: unknown source id 'nope'"):
        citations.cite(site, Linker("about.md", site.pages), ["nope"], set())


def test_care_levels_are_the_four_in_order(site):
    assert list(site.care_levels) == ["emergency", "urgent", "see-professional", "self-care"]


def test_care_card_has_level_in_text_and_icon(site):
    html = care.care_card(site, Linker("index.md", site.pages), "emergency", set())
    assert "Emergency:</span> Call {emergency} or your local emergency number" in html
    shown = regions.expand_html(site, html)
    assert ('Emergency:</span> Call <span class="rg rg--emergency">'
            '<span data-region="uk northern-ireland">999</span>'
            '<span data-region="ireland" data-search-exclude>112 or 999</span>') in shown
    assert 'class="care-card__icon" aria-hidden="true"' in html
    with pytest.raises(DataError, match="unknown care level 'soon'"):
        care.care_card(site, Linker("index.md", site.pages), "soon", set())


def test_red_flags_cover_the_public_guidance_signs(site):
    html = care.red_flags(site, Linker("index.md", site.pages), cited := set())
    text = html.lower()
    for sign in ("both legs", "genitals", "peeing", "hard to walk", "chest pain", "accident",
                 "temperature", "weight", "night", "cough", "shoulder blades", "cancer", "immune",
                 "steroid", "foot drop"):
        assert sign in text, sign
    # Only emergency and urgent signs: the box is what needs acting on today.
    assert "periods" not in text and "3 months" not in text
    assert {"nhs-back-pain", "nice-cks"} <= cited
    assert 'href="when-to-get-help.html"' in html


def test_care_level_data_is_escaped(site):
    level = site.care_levels["urgent"].model_copy(update={"heading": "Call <b>now</b> & wait"})
    site.care_levels["urgent"] = level
    try:
        html = care.care_card(site, Linker("index.md", site.pages), "urgent", set())
    finally:
        sitedata.load_care_levels(site, ROOT / "data" / "care_levels.yml")
    assert "Call &lt;b&gt;now&lt;/b&gt; &amp; wait" in html


# --- page footer -----------------------------------------------------------------------------------

def test_page_footer_lists_sources_and_dates(site):
    meta = {"reviewed": datetime.date(2026, 11, 23), "next_review": datetime.date(2027, 5, 23)}
    html = pagemeta.page_footer(site, Linker("about.md", site.pages), meta=meta, title="About",
                                address="https://example.org/about.html", cited={"clinic"})
    assert "23 November 2026" in html and "23 May 2027" in html
    assert "Clinic article" in html and "not a diagnosis" in html
    assert "<svg" in html and "https://example.org/about.html" in html


def test_page_footer_requires_review_dates(site):
    with pytest.raises(DataError, match=r"docs/about.md: field 'next_review'"):
        pagemeta.page_footer(site, Linker("about.md", site.pages),
                             meta={"reviewed": datetime.date(2026, 1, 1)}, title="t", address="a",
                             cited=set())


def test_qr_code_is_inline_svg_without_network():
    svg = pagemeta.qr_svg("https://example.org/a.html")
    assert svg.startswith("<svg") and "page-qr" in svg  # inline in HTML: no namespace needed


# --- link check ------------------------------------------------------------------------------------

def test_linkcheck_finds_missing_files_anchors_and_offsite_resources(tmp_path):
    (tmp_path / "a.html").write_text(
        '<h1 id="top">A</h1>\n<a href="b.html#here">ok</a>\n<a href="b.html#gone">x</a>\n'
        '<a href="#top">ok</a>\n<a href="missing.html">x</a>\n<a href="https://nhs.uk/">ok</a>\n'
        '<script src="https://cdn.example/x.js"></script>\n<link rel="canonical" href="https://x/">\n'
        '<img src="/abs.png" alt="">', encoding="utf-8")
    (tmp_path / "b.html").write_text('<p id="here">B</p>', encoding="utf-8")
    problems = linkcheck.check_site(tmp_path)
    assert len(problems) == 4, problems
    assert any("a.html:3" in p and "no element with id 'gone' in b.html" in p for p in problems)
    assert any("a.html:5" in p and "'missing.html' does not exist" in p for p in problems)
    assert any("a.html:7" in p and "another host" in p for p in problems)
    assert any("a.html:9" in p and "absolute path" in p for p in problems)


def test_background_check_reports_what_the_check_of_the_files_reports(tmp_path):
    """Pages handed over while the build runs are checked as written; a file changed afterwards
    (as the booklet is) is read again, and one never handed over (the 404 page) is read too."""
    a = '<h1 id="top">A</h1>\n<a href="b.html#here">ok</a>\n<a href="b.html#gone">x</a>\n'
    (tmp_path / "a.html").write_text(a, encoding="utf-8")
    (tmp_path / "b.html").write_text('<p id="old">B</p>', encoding="utf-8")
    (tmp_path / "c.html").write_text('<a href="missing.html">x</a>', encoding="utf-8")
    check = linkcheck.Background()
    check.add("a.html", a)
    check.add("b.html", '<p id="old">B</p>')
    (tmp_path / "b.html").write_text('<p id="here">B</p>', encoding="utf-8")  # changed later
    problems = check.finish(tmp_path)
    assert problems == linkcheck.check_site(tmp_path)
    assert len(problems) == 2, problems
    assert any("no element with id 'gone' in b.html" in p for p in problems)
    assert any(p.startswith("c.html:1") and "'missing.html' does not exist" in p for p in problems)



def test_an_id_that_is_not_a_slug_fails_naming_file_line_entry_and_field(tmp_path):
    """Ids become HTML ids, anchors and attributes: lower-case words and hyphens only."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "warning_signs.yml"
    text = path.read_text(encoding="utf-8")
    assert "  - id: chest-pain\n" in text
    path.write_text(text.replace("  - id: chest-pain\n", '  - id: Chest pain" onclick="x\n', 1),
                    encoding="utf-8")
    with pytest.raises(DataError, match=r"data/warning_signs.yml:\d+: entry 'Chest pain\" onclick=\"x', "
                                        r"field 'id': expected an id of lower-case letters"):
        sitedata.load(data, ROOT / "docs")
