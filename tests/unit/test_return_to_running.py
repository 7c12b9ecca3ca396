"""The return-to-running plan (runnersback/model/return_to_running.py, render/return_to_running.py,
data/return_to_running.yml and each condition's `return_to_running`): bad data stops the load naming
file, entry and field; the page, condition sections and handout are drawn from the data; the
post-build safety check holds the plan's box to every registry sign."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from runnersback.checks import safetycheck
from runnersback.model import site as sitedata
from runnersback.model.errors import DataError
from runnersback.render import handouts
from runnersback.render import return_to_running as render
from runnersback.render.html import Linker
from test_conditions import REAL_TEXT, assert_names, line_of, load_edited

PLAN_TEXT = (ROOT / "data" / "return_to_running.yml").read_text(encoding="utf-8")
SCIATICA_RETURN = """    return_to_running:
      start: brisk-walk
      when:
        text: Start once walking is comfortable. The NHS advises carrying on with daily life as much as you can.
        sources: [nhs-sciatica]
"""


@pytest.fixture(scope="module")
def site():
    return sitedata.load(ROOT / "data", ROOT / "docs")


def load_with(tmp_path: Path, file: str, old: str, new: str):
    """Load the whole site with ``old`` replaced by ``new`` in data/<file>; return the error."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    text = (data / file).read_text(encoding="utf-8")
    assert old in text, f"test out of date: {old!r} not in {file}"
    (data / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as err:
        sitedata.load(data, ROOT / "docs")
    return err.value


# --- Bad data ------------------------------------------------------------------------------------

def test_a_condition_without_its_return_to_running_fails_naming_file_entry_and_field(tmp_path):
    assert SCIATICA_RETURN in REAL_TEXT, "test out of date"
    start = REAL_TEXT.index(SCIATICA_RETURN)
    block = REAL_TEXT[start:REAL_TEXT.index("    diagnosis:", start)]
    err = load_edited(tmp_path, block, "")
    assert_names(err, entry="sciatica", field="return_to_running",
                 line=line_of(REAL_TEXT, "  - id: sciatica"), problem="required field is missing")


def test_a_condition_starting_at_an_unknown_stage_fails(tmp_path):
    err = load_with(tmp_path, "conditions.yml", SCIATICA_RETURN,
                    SCIATICA_RETURN.replace("start: brisk-walk", "start: jogging"))
    assert err.file == "data/conditions.yml" and err.entry == "sciatica"
    assert err.field == "return_to_running.start"
    assert "unknown stage 'jogging' (known: brisk-walk, walk-run" in str(err)


def test_a_condition_with_no_notes_fails(tmp_path):
    old = """      notes:
        - text: Let your leg guide you."""
    start = REAL_TEXT.index(old)
    end = REAL_TEXT.index("    diagnosis:", start)
    err = load_edited(tmp_path, REAL_TEXT[start:end], "      notes: []\n")
    assert_names(err, entry="sciatica", field="return_to_running.notes", problem="the list is empty")


@pytest.mark.parametrize("old, new, entry, field, problem", [
    ("    stages: [brisk-walk, walk-run, easy-runs]\n", "    stages: [brisk-walk, sprinting]\n",
     "treadmill", "stages", "unknown stage 'sprinting'"),
    ("      care: see-professional\n", "      care: see-a-doctor\n",
     "get-checked", "care", "unknown care level 'see-a-doctor'"),
    ("      sources: [george-2024, silbernagel-2007]\n", "      sources: [george-2042]\n",
     "brisk-walk", "move_on.sources", "unknown source 'george-2042'"),
    ("  - id: walk-run\n", "  - id: brisk-walk\n", "brisk-walk", "id", "duplicate id"),
    ("    amount: 20 to 30 minutes in all\n", "", "walk-run", "amount", "required field is missing"),
])
def test_bad_plan_data_fails_naming_file_entry_and_field(tmp_path, old, new, entry, field, problem):
    err = load_with(tmp_path, "return_to_running.yml", old, new)
    assert err.file == "data/return_to_running.yml", str(err)
    assert err.line is not None and err.entry == entry and err.field == field, str(err)
    assert problem in str(err)


def test_a_band_that_runs_on_above_the_self_care_limit_fails(tmp_path):
    err = load_with(tmp_path, "return_to_running.yml", "      during: {low: 3, high: 5}\n      run_on: false\n",
                    "      during: {low: 3, high: 5}\n      run_on: true\n")
    assert err.file == "data/return_to_running.yml" and err.entry == "stay" and err.field == "run_on"
    assert "pain of 3 to 5" in str(err) and "above 2 out of 10" in str(err)


def test_a_self_care_card_that_does_not_state_its_limit_fails(tmp_path):
    err = load_with(tmp_path, "care_levels.yml", " (above 2 out of 10)", "")
    assert err.file == "data/care_levels.yml" and err.entry == "self-care" and err.field == "action"


def test_a_stop_line_less_urgent_than_its_sign_fails(tmp_path):
    err = load_with(tmp_path, "return_to_running.yml", "      care: urgent\n      signs: [one-leg-getting-weaker]\n",
                    "      care: see-professional\n      signs: [one-leg-getting-weaker]\n")
    assert err.file == "data/return_to_running.yml" and err.field == "pain_rule.stop_now[1].care"
    assert "less urgent than urgent sign 'one-leg-getting-weaker'" in str(err)


def test_the_plan_stops_a_session_above_the_self_care_limit(site):
    limit = site.care_levels["self-care"].stop_run_above
    bands = site.return_to_running.pain_rule.bands
    assert limit == 2 and "above 2 out of 10" in site.care_levels["self-care"].action
    assert [b.during.words() for b in bands] == ["0 to 2", "3 to 5", "6 or more", "Any score"]
    assert [b.id for b in bands if b.run_on] == ["carry-on"]


def test_the_plan_file_names_its_schema():
    assert PLAN_TEXT.startswith("# yaml-language-server: $schema=schemas/return_to_running.schema.json\n")


# --- Rendering from the data ---------------------------------------------------------------------

def linker(site, src: str) -> Linker:
    return Linker(src, site.pages)


def test_stages_follow_the_data_and_escape_its_text(site):
    plan = site.return_to_running
    changed = plan.model_copy(update={"stages": [
        plan.stages[1].model_copy(update={"name": "Jog <fast> & walk"}), plan.stages[0]]})
    html = render.stages(site, linker(site, "return-to-running.md"), changed, set())
    assert html.index("Stage 1: Jog &lt;fast&gt; &amp; walk") < html.index(
        f"Stage 2: {plan.stages[0].name}")
    assert "<fast>" not in html


def test_each_stage_names_the_cross_training_that_fits_it(site):
    plan = site.return_to_running
    html = render.stages(site, linker(site, "return-to-running.md"), plan, set())
    last = html[html.index('id="stage-speed-and-hills"'):]
    fits = [c.name for c in plan.cross_training if "speed-and-hills" in c.stages]
    others = [c.name for c in plan.cross_training if "speed-and-hills" not in c.stages]
    assert fits and others
    assert all(name in last for name in fits) and not any(name in last for name in others)


def test_the_pain_rule_renders_every_band_and_cites_the_studies_it_borrows_from(site):
    cited: set[str] = set()
    html = render.plan_part(site, linker(site, "return-to-running.md"), "pain_rule", cited)
    for band in site.return_to_running.pain_rule.bands:
        assert f'<th scope="row">{band.action}</th>' in html, band.id
    assert "See a {gp} or physio in the next few days or weeks" in html  # the band's care level
    assert {"silbernagel-2007", "thomee-1997"} <= cited


def test_an_unknown_part_of_the_plan_names_the_page(site):
    with pytest.raises(DataError, match=r"docs/return-to-running.md: return_to_running: unknown "
                                         r"part 'stage'"):
        render.plan_part(site, linker(site, "return-to-running.md"), "stage", set())


def test_the_condition_section_links_its_starting_stage(site):
    cited: set[str] = set()
    c = site.conditions["stress-fracture"]
    html = render.condition_section(site, linker(site, "conditions/stress-fracture.md"), c, cited)
    assert '<a href="../return-to-running.html#stage-brisk-walk">Stage 1: Brisk walks</a>' in html
    assert c.return_to_running.when.text in html
    assert {"hoenig-2023", "george-2024"} <= cited


def test_the_log_has_its_columns_and_empty_rows():
    html = render.log_table()
    for name in ("Date", "Stage", "Pain during (0 to 10)", "Pain next morning (0 to 10)",
                 "Any warning sign? If yes, stop and get help", "Notes"):
        assert f'<th scope="col">{name}</th>' in html
    assert html.count("<tr>") == render.LOG_ROWS + 1 and render.LOG_ROWS >= 5


def test_the_handout_is_drawn_from_the_plan(site):
    meta = {"handout_of": "return-to-running.md"}
    html = handouts.handout(site, linker(site, "handouts/return-to-running.md"), meta, set())
    for stage in site.return_to_running.stages:
        assert f"<strong>{stage.name}:</strong> {stage.amount}" in html
    for band in site.return_to_running.pain_rule.bands:
        assert f"<strong>{band.action}</strong>" in html
    # Who the plan is for, the no-pain rule after a bone injury and what stops the plan at once
    # print too: the handout keeps every safety line of the plan.
    plan = site.return_to_running
    for line in [*plan.who, *plan.pain_rule.how, *plan.pain_rule.stop_now]:
        assert line.text in html, line.text
    assert "no pain at all" in html and site.care_levels["urgent"].heading in html
    assert safetycheck.missing_signs(site, "handouts/return-to-running.md", html) == []


# --- The post-build safety check -----------------------------------------------------------------

def test_the_safety_check_holds_the_plan_box_to_every_sign(site):
    box = handouts.safety_box(site, linker(site, "return-to-running.md"), set())
    page = f"<p>Plan</p>\n{box}\n<h2>Next</h2>"
    assert safetycheck.required_signs(site, "return-to-running.md") == list(site.signs)
    assert safetycheck.missing_signs(site, "return-to-running.md", page) == []
    one = site.signs["bladder-bowel"]
    cut = page.replace(f"<li>{one.text}</li>", "")
    assert safetycheck.missing_signs(site, "return-to-running.md", cut) == ["bladder-bowel"]
    # A sign elsewhere on the page does not count: it must be in the box.
    moved = cut.replace("<p>Plan</p>", f"<p>{one.text}</p>")
    assert safetycheck.missing_signs(site, "return-to-running.md", moved) == ["bladder-bowel"]
