"""The warning-sign registry on the built site, and the build's refusal of data that would hide a sign.

Read from the built HTML with the standard parser, independent of the renderers: every sign of
data/warning_signs.yml is on the help page, in the flowchart and in every handout's safety box, and
every emergency sign is on every condition page. A scratch copy with one sign taken out of the
flowchart, or a condition page that leaves out a shared emergency sign, must fail the build and say
which file and entry.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, build_site

SIGNS = yaml.safe_load((ROOT / "data" / "warning_signs.yml").read_text(encoding="utf-8"))["signs"]
CONDITIONS = [c["id"] for c in yaml.safe_load(
    (ROOT / "data" / "conditions.yml").read_text(encoding="utf-8"))["conditions"]]
HANDOUTS = sorted(p.stem for p in (ROOT / "docs" / "handouts").glob("*.md") if p.stem != "index")


class _Text(HTMLParser):
    """The text of a page, or only of the elements with a given class (and what they contain)."""

    def __init__(self, within_class: str | None = None):
        super().__init__()
        self.within, self.depth, self.parts = within_class, 0, []

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.depth += 1
        elif self.within and self.within in (dict(attrs).get("class") or "").split():
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth or not self.within:
            self.parts.append(data)

    def text(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.parts))


def text_of(site_dir: Path, page: str, within_class: str | None = None) -> str:
    parser = _Text(within_class)
    parser.feed((site_dir / page).read_text(encoding="utf-8"))
    return parser.text()


def missing(text: str, signs: list[dict]) -> list[str]:
    return [s["id"] for s in signs if s["text"] not in text]


def test_the_registry_has_every_level_and_cites_every_sign():
    assert {s["level"] for s in SIGNS} == {"emergency", "urgent", "see-professional"}
    assert all(s["sources"] for s in SIGNS)


@pytest.mark.parametrize("page, within", [("when-to-get-help.html", "care-card"),
                                          ("flowchart.html", "fc-steps"),
                                          ("return-to-running.html", "handout__flags")])
def test_every_sign_is_on_the_help_page_the_flowchart_and_the_plan(site_dir, page, within):
    assert missing(text_of(site_dir, page, within), SIGNS) == []


@pytest.mark.parametrize("handout", HANDOUTS)
def test_every_handout_safety_box_holds_every_sign(site_dir, handout):
    box = text_of(site_dir, f"handouts/{handout}.html", "handout__flags")
    assert box, "no safety box"
    assert missing(box, SIGNS) == []


@pytest.mark.parametrize("condition", CONDITIONS)
def test_every_condition_page_shows_every_emergency_sign(site_dir, condition):
    section = text_of(site_dir, f"conditions/{condition}.html", "care-card--emergency")
    assert missing(section, [s for s in SIGNS if s["level"] == "emergency"]) == []


def test_every_page_banner_lists_every_emergency_sign_and_cites_it(site_dir):
    pages = [p for p in site_dir.rglob("*.html") if "assets" not in p.parts]
    assert len(pages) > 30
    for page in pages:
        banner = text_of(site_dir, page.relative_to(site_dir).as_posix(), "rb-announce").lower()
        for sign in SIGNS:
            if sign["level"] == "emergency":
                assert sign["short"].lower() in banner, (page.name, sign["id"])
        assert "NHS: Back pain".lower() in banner, page.name


# --- Faults that must stop the build ----------------------------------------------------------------

def _fails(project: Path, tmp_path: Path) -> str:
    result = build_site(project, tmp_path / "out")
    assert result.returncode != 0, "the build should have failed"
    return html.unescape(result.stdout + result.stderr)


def test_a_sign_taken_out_of_the_flowchart_fails_the_build(scratch_project, tmp_path):
    path = scratch_project / "data" / "flowchart.yml"
    text = path.read_text(encoding="utf-8")
    old = "signs: [rest-or-night-pain, cough-sneeze-poo, upper-back, one-leg-getting-weaker]"
    assert old in text, "test out of date"
    path.write_text(text.replace(old, "signs: [rest-or-night-pain, upper-back, one-leg-getting-weaker]"),
                    encoding="utf-8")
    log = _fails(scratch_project, tmp_path)
    assert "data/flowchart.yml" in log and "'cough-sneeze-poo'" in log
    # It names the less urgent outcome the sign's runner could reach, and the path there.
    assert re.search(r"entry '[a-z-]+', field 'care': urgent sign 'cough-sneeze-poo'", log), log


def test_a_sign_answer_leading_to_self_care_fails_the_build(scratch_project, tmp_path):
    path = scratch_project / "data" / "flowchart.yml"
    text = path.read_text(encoding="utf-8")
    old = '      - {label: "Yes", next: urgent, sign: true}\n      - {label: "No", next: health}'
    assert old in text, "test out of date"
    # "Yes, I have a fever" carries on to the next questions instead of to an urgent check: the
    # sign is still asked on every path, but a runner who has it can end at self-care.
    path.write_text(text.replace(old, '      - {label: "Yes", next: health, sign: true}\n'
                                      '      - {label: "No", next: health}'), encoding="utf-8")
    log = _fails(scratch_project, tmp_path)
    assert "data/flowchart.yml" in log and "entry 'unwell'" in log and "'fever'" in log
    assert "means the runner has urgent sign 'fever', but it can lead to outcome" in log


def test_a_condition_page_without_a_shared_emergency_sign_fails_the_build(scratch_project, tmp_path):
    # A condition page written by hand, leaving out the emergency signs the macro would list.
    page = scratch_project / "docs" / "conditions" / "sciatica.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"\{\{ condition_page\([^)]*\) \}\}",
                           "## When to get help\n\nSee a GP if it is no better.", text),
                    encoding="utf-8")
    log = _fails(scratch_project, tmp_path)
    assert "docs/conditions/sciatica.md" in log and "'saddle-numbness'" in log


def test_a_registry_sign_without_a_known_level_fails_naming_the_entry(scratch_project, tmp_path):
    path = scratch_project / "data" / "warning_signs.yml"
    text = path.read_text(encoding="utf-8")
    old = "  - id: chest-pain\n    level: emergency\n"
    assert old in text, "test out of date"
    path.write_text(text.replace(old, "  - id: chest-pain\n    level: self-care\n"), encoding="utf-8")
    log = _fails(scratch_project, tmp_path)
    assert "data/warning_signs.yml" in log and "'chest-pain'" in log and "level" in log


# The signs beyond an adult's spine (issue: safe beyond the spine). Each, taken out of the chart,
# stops the build: a question that asks it alone asks a sign already asked earlier instead.
BEYOND_THE_SPINE = ["bladder-bowel-feeling", "aneurysm", "kidney", "pregnancy-waves",
                    "pregnancy-unwell", "young-child", "child-warning", "hip-stress"]


@pytest.mark.parametrize("sign_id", BEYOND_THE_SPINE)
def test_each_sign_beyond_the_spine_taken_out_of_the_chart_fails_the_build(scratch_project, tmp_path,
                                                                           sign_id):
    path = scratch_project / "data" / "flowchart.yml"
    text = path.read_text(encoding="utf-8")
    line = re.search(rf"^    signs: \[[^\]]*\b{sign_id}\b[^\]]*\]$", text, re.M)
    assert line, f"test out of date: '{sign_id}' is asked by no question"
    others = [s.strip() for s in line.group(0).split("[")[1].rstrip("]").split(",")
              if s.strip() != sign_id]
    level = next(s["level"] for s in SIGNS if s["id"] == sign_id)
    stand_in = {"emergency": "chest-pain", "urgent": "fever"}[level]
    path.write_text(text.replace(line.group(0), f"    signs: [{', '.join(others or [stand_in])}]"),
                    encoding="utf-8")
    log = _fails(scratch_project, tmp_path)
    assert f"{level} sign '{sign_id}' (data/warning_signs.yml) is asked nowhere in the chart" in log, log


def test_a_condition_calling_a_warning_sign_usual_fails_the_build(scratch_project, tmp_path):
    # The slipped-disc page says coughing makes it worse, as a usual sign, without the urgent
    # warning the NHS back pain page gives it.
    path = scratch_project / "data" / "conditions.yml"
    text = path.read_text(encoding="utf-8")
    old = "        warning: cough-sneeze-poo\n"
    assert text.count(old) == 2, "test out of date"
    path.write_text(text.replace(old, "", 1), encoding="utf-8")
    log = _fails(scratch_project, tmp_path)
    assert re.search(r"entry 'sciatica', field 'signs\[\d\]\.text': names urgent warning sign "
                     r"'cough-sneeze-poo'", log), log


def test_a_comparison_table_calling_a_warning_sign_usual_fails_the_build(scratch_project, tmp_path):
    path = scratch_project / "data" / "conditions.yml"
    text = path.read_text(encoding="utf-8")
    old = "      pain-location: Deep in the bottom or low back\n"
    assert old in text, "test out of date"
    path.write_text(text.replace(old, "      pain-location: Deep in the bottom, groin or low back\n"),
                    encoding="utf-8")
    log = _fails(scratch_project, tmp_path)
    assert ("entry 'stress-fracture', field 'comparison.pain-location': names urgent warning sign "
            "'hip-stress'") in log, log
