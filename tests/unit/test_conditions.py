"""Unit tests for the condition pages (runnersback/model/conditions.py, runnersback/render/conditions.py,
data/conditions.yml): the loader's checks
on bad data, and the rendered pages, overview and "helped by" lists."""

from __future__ import annotations

import copy
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from runnersback.model import conditions as conditions_model, site as sitedata
from runnersback.model.errors import DataError
from runnersback.render import conditions
from runnersback.render.html import Linker, esc

DATA_FILES = ("sources.yml", "care_levels.yml", "warning_signs.yml", "conditions.yml",
              "return_to_running.yml")


def make_site(data_dir: Path, docs_dir: Path = ROOT / "docs", pages: set[str] | None = None):
    """SiteData with sources, care levels, warning signs, conditions and the return-to-running plan
    (not the flowchart or exercises)."""
    site = sitedata.SiteData(data_dir=data_dir, docs_dir=docs_dir,
                             pages=sitedata.find_pages(docs_dir) if pages is None else pages)
    sitedata.load_sources(site, data_dir / "sources.yml")
    sitedata.load_care_levels(site, data_dir / "care_levels.yml")
    sitedata.load_warning_signs(site, data_dir / "warning_signs.yml")
    conditions_model.load(site, data_dir / "conditions.yml")
    # Condition pages say where their return to running starts, a stage of this file.
    sitedata.load_return_to_running(site, data_dir / "return_to_running.yml")
    return site


@pytest.fixture(scope="module")
def site():
    return make_site(ROOT / "data")


def linker(site, src: str) -> Linker:
    return Linker(src, site.pages)


def render(site, condition_id: str, cited: set | None = None) -> str:
    return conditions.condition_page(site, linker(site, f"conditions/{condition_id}.md"),
                                     condition_id, set() if cited is None else cited)


# --- Bad data ------------------------------------------------------------------------------------

REAL_TEXT = (ROOT / "data" / "conditions.yml").read_text(encoding="utf-8")


def load_edited(tmp_path: Path, old: str, new: str, *, count: int = 1) -> DataError:
    """Copy the data files, replace ``old`` by ``new`` in conditions.yml, load, return the error."""
    data = tmp_path / "data"
    data.mkdir()
    for name in DATA_FILES:
        shutil.copy(ROOT / "data" / name, data / name)
    assert REAL_TEXT.count(old) >= count, f"test is out of date: {old!r} not in conditions.yml"
    text = REAL_TEXT.replace(old, new, count)
    (data / "conditions.yml").write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as err:
        make_site(data)
    return err.value


def line_of(text: str, needle: str) -> int:
    """1-based line of the first occurrence of ``needle``."""
    start = text.index(needle) + (1 if needle.startswith("\n") else 0)
    return text[:start].count("\n") + 1


def assert_names(err: DataError, *, entry: str, field: str, line: int | None = None,
                 problem: str = "") -> None:
    message = str(err)
    assert message.startswith("data/conditions.yml:"), message
    assert err.file == "data/conditions.yml"
    assert err.line is not None, message
    if line is not None:
        assert err.line == line, message
    assert f"entry '{entry}'" in message and err.entry == entry, message
    assert f"field '{field}'" in message and err.field == field, message
    assert problem in message, message


def test_missing_required_field(tmp_path):
    summary = "    summary: Pain, tingling or numbness that runs from your bottom"
    err = load_edited(tmp_path, summary, "    # summary removed")
    assert_names(err, entry="sciatica", field="summary", line=line_of(REAL_TEXT, "  - id: sciatica"),
                 problem="required field is missing")


def test_wrong_type(tmp_path):
    err = load_edited(tmp_path, "also_called: [pinched nerve, trapped nerve, nerve pain down the leg, "
                                "numb or tingling leg, lumbar radiculopathy]", "also_called: pinched nerve")
    assert_names(err, entry="sciatica", field="also_called", problem="expected a list of text")


def test_wrong_type_inside_a_cited_item(tmp_path):
    err = load_edited(tmp_path, "      - text: It is usually in one leg only.",
                      "      - text: 42")
    assert_names(err, entry="sciatica", field="signs[2].text",
                 line=line_of(REAL_TEXT, "      - text: It is usually in one leg only."),
                 problem="expected text")


def test_unknown_field(tmp_path):
    err = load_edited(tmp_path, "    name: Sciatica\n", "    name: Sciatica\n    colour: red\n")
    assert_names(err, entry="sciatica", field="colour", problem="unknown field")


def test_duplicate_id(tmp_path):
    err = load_edited(tmp_path, "\n  - id: herniated-disc\n", "\n  - id: sciatica\n")
    assert_names(err, entry="sciatica", field="id",
                 line=line_of(REAL_TEXT, "\n  - id: herniated-disc\n"), problem="duplicate id")


def test_unknown_related_condition(tmp_path):
    err = load_edited(tmp_path, "      - id: herniated-disc\n", "      - id: slipped-disk\n")
    assert_names(err, entry="sciatica", field="related[1].id",
                 line=line_of(REAL_TEXT, "      - id: herniated-disc\n"),
                 problem="unknown condition 'slipped-disk'")


def test_related_to_itself(tmp_path):
    err = load_edited(tmp_path, "      - id: herniated-disc\n", "      - id: sciatica\n")
    assert_names(err, entry="sciatica", field="related[1].id", problem="related to itself")


def test_unknown_source(tmp_path):
    old = "      - text: It is usually in one leg only.\n        sources: [nhs-sciatica]"
    err = load_edited(tmp_path, old, old.replace("nhs-sciatica", "nhs-sciatika"))
    assert_names(err, entry="sciatica", field="signs[2].sources", line=line_of(REAL_TEXT, old),
                 problem="unknown source 'nhs-sciatika'")


def test_unknown_source_in_overall_list(tmp_path):
    old = "    sources: [nhs-sciatica, nhs-back-pain, nice-ng59"
    err = load_edited(tmp_path, old, old.replace("nice-ng59", "nice-ng95"))
    assert_names(err, entry="sciatica", field="sources", problem="unknown source 'nice-ng95'")


def test_cited_source_missing_from_overall_list(tmp_path):
    old = "    sources: [nhs-sciatica, nhs-back-pain, nice-ng59, nice-cks, nhs-inform, clinic, forum-help, "
    err = load_edited(tmp_path, old, old.replace(" forum-help,", ""))
    assert_names(err, entry="sciatica", field="signs[5].sources",
                 problem="source 'forum-help' is cited here but missing")


def test_empty_sources(tmp_path):
    old = "      - text: It is usually in one leg only.\n        sources: [nhs-sciatica]"
    err = load_edited(tmp_path, old, old.replace("[nhs-sciatica]", "[]"))
    assert_names(err, entry="sciatica", field="signs[2].sources", problem="at least one source")


def test_unknown_care_level(tmp_path):
    err = load_edited(tmp_path, "      level: see-professional\n", "      level: see-a-pro\n")
    assert_names(err, entry="sciatica", field="care.level", problem="unknown care level 'see-a-pro'")


def test_unknown_usual_care_level(tmp_path):
    err = load_edited(tmp_path, "      level: see-professional\n", "      level: see-a-pro\n")
    assert_names(err, entry="sciatica", field="care.level", problem="unknown care level 'see-a-pro'")


def test_a_condition_cannot_list_its_own_raising_signs(tmp_path):
    # Signs that need more urgent help come from the registry; a condition may not pick among them.
    err = load_edited(tmp_path, "      level: see-professional\n",
                      "      level: see-professional\n      raise: []\n")
    assert_names(err, entry="sciatica", field="care.raise", problem="unknown field")


def test_unknown_topic_page(tmp_path):
    err = load_edited(tmp_path, "        topic: stretching\n", "        topic: stretches\n")
    assert_names(err, entry="sciatica", field="helps[3].topic",
                 line=line_of(REAL_TEXT, "      - text: Gentle stretches for your back and legs."),
                 problem="unknown topic page 'stretches'")


def test_comparison_value_outside_the_scale(tmp_path):
    err = load_edited(tmp_path, "      leg-numbness: often\n", "      leg-numbness: loads\n")
    assert_names(err, entry="sciatica", field="comparison.leg-numbness",
                 problem="expected one of yes, often, sometimes, rarely, no")


def test_unquoted_yes_gets_a_hint(tmp_path):
    err = load_edited(tmp_path, '      pain-below-knee: "yes"\n', "      pain-below-knee: yes\n")
    assert_names(err, entry="sciatica", field="comparison.pain-below-knee", problem="in quotes")


def test_comparison_value_missing(tmp_path):
    err = load_edited(tmp_path, "      leg-numbness: often\n", "")
    assert_names(err, entry="sciatica", field="comparison.leg-numbness",
                 problem="required value is missing")


def test_unknown_comparison_sign(tmp_path):
    err = load_edited(tmp_path, "      leg-numbness: often\n",
                      "      leg-numbness: often\n      leg-colour: often\n")
    assert_names(err, entry="sciatica", field="comparison.leg-colour",
                 problem="unknown comparison sign")


def test_condition_without_its_page(tmp_path):
    pages = {p for p in sitedata.find_pages(ROOT / "docs") if p != "conditions/si-joint.md"}
    with pytest.raises(DataError) as err:
        make_site(ROOT / "data", pages=pages)
    assert_names(err.value, entry="si-joint", field="id", problem="no page docs/conditions/si-joint.md")


def test_page_without_its_condition():
    pages = sitedata.find_pages(ROOT / "docs") | {"conditions/shin-splints.md"}
    with pytest.raises(DataError) as err:
        make_site(ROOT / "data", pages=pages)
    assert str(err.value).startswith("docs/conditions/shin-splints.md: ")
    assert "no condition in data/conditions.yml" in str(err.value)


def test_every_page_file_matches_the_data(site):
    files = {p.stem for p in (ROOT / "docs" / "conditions").glob("*.md")} - {"index"}
    assert files == set(site.conditions)
    for cid, c in site.conditions.items():
        text = (ROOT / "docs" / "conditions" / f"{cid}.md").read_text(encoding="utf-8")
        assert f"title: {c.name}\n" in text
        assert f"# {c.name}\n" in text
        assert f'{{{{ condition_page("{cid}") }}}}' in text


# --- Rendering -----------------------------------------------------------------------------------

def section_titles(html: str) -> list[str]:
    return re.findall(r"^## (.+?) \{ #[\w-]+ \}$", html, re.M)


def test_loads_in_file_order(site):
    assert list(site.conditions) == ["sciatica", "herniated-disc", "degenerative-disc",
                                     "spondylolysis", "muscle-strain", "si-joint",
                                     "stress-fracture", "muscle-imbalance"]
    assert "pain-location" in site.condition_meta["comparison_signs"]


def test_every_page_has_the_same_sections_in_the_same_order(site):
    expected = [title for _, title in conditions.SECTIONS]
    assert expected[:2] == ["What it is", "Signs in runners"] and expected[-1] == "Sources"
    for cid in site.conditions:
        html = render(site, cid)
        assert section_titles(html) == expected, cid
        # Summary and everyday names come before the first section.
        first = html.index("\n## ")
        assert "condition-summary" in html[:first] and "Also called:" in html[:first], cid


def test_also_called_names_are_in_the_page_text(site):
    html = render(site, "herniated-disc")
    assert "slipped disc" in html and "bulging disc" in html and "prolapsed disc" in html
    assert "pinched nerve" in render(site, "sciatica")


def test_related_links_go_both_ways(site):
    for cid, c in site.conditions.items():
        for item in c.related:
            other = item.id
            here, there = render(site, cid), render(site, other)
            assert f'href="{other}.html"' in here, (cid, other)
            assert f'href="{cid}.html"' in there, (other, cid)
    # The mirrored entry carries the stated difference of the condition that listed it.
    sciatica = render(site, "sciatica")
    difference = next(i.difference for i in site.conditions["stress-fracture"].related
                      if i.id == "sciatica")
    assert difference in sciatica
    assert [cid for cid, _ in conditions_model.related(site, "sciatica")] == [
        "herniated-disc", "muscle-strain", "si-joint", "stress-fracture"]


def test_every_page_links_another_condition_and_the_help_page(site):
    for cid in site.conditions:
        html = render(site, cid)
        others = set(re.findall(r'href="([\w-]+)\.html"', html)) & set(site.conditions)
        assert others - {cid}, cid
        assert 'href="../when-to-get-help.html"' in html, cid


def test_what_helps_links_topic_pages(site):
    html = render(site, "sciatica")
    assert 'href="../stretching.html"' in html and 'href="../rice-and-heat.html"' in html
    assert "Read more:" in html


def test_care_section_has_usual_card_and_every_more_urgent_sign(site):
    html = render(site, "sciatica")
    care = html[html.index("## When to get help"):html.index("## How it is diagnosed")]
    assert "care-card--see-professional" in care
    # More urgent levels from the least to the most urgent, each with every registry sign.
    assert care.index("care-card--see-professional") < care.index("care-card--urgent") \
        < care.index("care-card--emergency")
    urgent = care[care.index("care-card--urgent"):care.index("care-card--emergency")]
    emergency = care[care.index("care-card--emergency"):]
    for sign in site.signs.values():
        shown = {"urgent": urgent, "emergency": emergency}.get(sign.level)
        if shown is not None:
            assert esc(sign.text) in shown, sign.id
    assert "foot drop" in urgent
    assert 'href="../when-to-get-help.html"' in care


def test_a_self_care_condition_lists_the_see_a_professional_signs_too(site):
    cid = next(cid for cid, c in site.conditions.items() if c.care.level == "self-care")
    html = render(site, cid)
    care = html[html.index("## When to get help"):html.index("## How it is diagnosed")]
    professional = care[care.index("care-card--see-professional"):care.index("care-card--urgent")]
    for sign in site.signs_at("see-professional"):
        assert esc(sign.text) in professional, (cid, sign.id)


def test_every_cited_source_is_collected_for_the_footer(site):
    for cid, c in site.conditions.items():
        cited: set[str] = set()
        html = render(site, cid, cited)
        assert set(c.sources) <= cited, cid
        # Mirrored "tell apart" entries cite the other condition's sources; the page lists them too.
        assert cited == set(conditions_model.page_sources(site, cid)), cid
        listed = html[html.index("## Sources"):]
        for source_id in cited:
            assert f"#src-{source_id}" in listed, (cid, source_id)


def test_data_text_is_escaped(site):
    tricky = copy.deepcopy(site)
    tricky.conditions["sciatica"].name = "Nerve <pain> & co"
    tricky.conditions["sciatica"].also_called = ["<b>bold</b> & brash"]
    tricky.conditions["sciatica"].signs[0].text = "Hurts <script>alert(1)</script> & aches"
    page = render(tricky, "sciatica")
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; brash" in page
    assert "Hurts &lt;script&gt;alert(1)&lt;/script&gt; &amp; aches" in page
    assert "<script>" not in page and "<b>bold" not in page
    # The name appears, escaped, on the pages that link to it and on the overview.
    assert "Nerve &lt;pain&gt; &amp; co" in render(tricky, "si-joint")
    overview = conditions.overview(tricky, linker(tricky, "conditions/index.md"), set())
    assert "Nerve &lt;pain&gt; &amp; co" in overview and "<pain>" not in overview
    helped = conditions.helped_by(tricky, linker(tricky, "stretching.md"), "stretching")
    assert "Nerve &lt;pain&gt; &amp; co" in helped


def test_unknown_condition_on_a_page(site):
    with pytest.raises(DataError, match=r"docs/conditions/x.md: unknown condition 'x'"):
        conditions.condition_page(site, linker(site, "conditions/x.md"), "x", set())


def test_overview_cards_and_comparison_table(site):
    html = conditions.overview(site, linker(site, "conditions/index.md"), set())
    assert section_titles(html) == ["The conditions", "Compare the signs"]
    for cid, c in site.conditions.items():
        assert f'<a href="{cid}.html">' in html, cid
        assert f'id="condition-{cid}"' in html
    table = html[html.index("<table>"):html.index("</table>")]
    assert table.count('<th scope="row">') == len(site.conditions)
    signs = site.condition_meta["comparison_signs"]
    assert table.count('<th scope="col">') == len(signs) + 2  # condition, signs, care level
    # No class on the table, so Material styles it and wraps it for sideways scrolling.
    assert "<table>" in html
    assert "care-badge--see-professional" in table and "care-badge--self-care" in table
    assert 'href="../when-to-get-help.html"' in html


def test_comparison_tells_apart_pain_down_one_leg(site):
    """Sciatica, SI joint pain and a pulled muscle differ on the leg signs in the table."""
    values = {cid: site.conditions[cid].comparison for cid in ("sciatica", "si-joint",
                                                                  "muscle-strain")}
    below_knee = {cid: v["pain-below-knee"] for cid, v in values.items()}
    assert below_knee == {"sciatica": "yes", "si-joint": "rarely", "muscle-strain": "no"}
    assert len({v["leg-numbness"] for v in values.values()}) == 3


def test_helped_by_lists_conditions_linking_the_topic(site):
    html = conditions.helped_by(site, linker(site, "stretching.md"), "stretching")
    expected = [cid for cid, c in site.conditions.items()
                if any(h.topic == "stretching" for h in c.helps)]
    assert expected and re.findall(r'href="conditions/([\w-]+)\.html#what-helps"', html) == expected


def test_helped_by_with_no_conditions_renders_a_sentence(site):
    html = conditions.helped_by(site, linker(site, "causes.md"), "causes")
    assert html.startswith("<p") and "conditions/index.html" in html


def test_helped_by_unknown_topic(site):
    with pytest.raises(DataError, match=r"docs/stretching.md: .*unknown topic page 'stretchin'"):
        conditions.helped_by(site, linker(site, "stretching.md"), "stretchin")


def test_every_problem_of_the_file_is_reported_at_once(tmp_path):
    old = "      - text: It is usually in one leg only.\n        sources: [nhs-sciatica]"
    edited = REAL_TEXT.replace(old, old.replace("nhs-sciatica", "nhs-sciatika")).replace(
        "      level: see-professional\n", "      level: see-a-pro\n", 1)
    err = load_edited(tmp_path, REAL_TEXT, edited)
    lines = str(err).splitlines()
    assert len(err.problems) == len(lines) >= 2, lines
    assert any("field 'signs[2].sources': unknown source 'nhs-sciatika'" in l for l in lines), lines
    assert any("field 'care.level': unknown care level 'see-a-pro'" in l for l in lines), lines


def test_schema_problems_of_several_entries_come_together(tmp_path):
    text = REAL_TEXT.replace("    name: Sciatica\n", "    name: 42\n", 1).replace(
        "\n  - id: herniated-disc\n", "\n  - id: herniated-disc\n    colour: red\n", 1)
    err = load_edited(tmp_path, REAL_TEXT, text)
    assert [(p.entry, p.field) for p in err.problems] == [("sciatica", "name"),
                                                          ("herniated-disc", "colour")], str(err)
