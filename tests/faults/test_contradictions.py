"""Pages that contradict each other cannot be built: each test seeds one contradiction the site once
had into a scratch copy and runs the real strict build, which must fail naming the file, the entry
and the field to mend.

- The return-to-running plan's pain rule and the self-care card share one pain limit (self-care
  `stop_run_above` in data/care_levels.yml): no band may let a runner run on above it, and the card
  must state it.
- A condition whose care says stop running (care.stop_running) is never listed under a self-care
  page's "Conditions this can help".
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from conftest import build_site

pytestmark = pytest.mark.slow


def _seed(project: Path, path: str, old: str, new: str) -> None:
    file = project / path
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path} no longer has {old!r} once: update this test"
    file.write_text(text.replace(old, new), encoding="utf-8")


def _fails(project: Path, tmp_path: Path) -> str:
    result = build_site(project, tmp_path / "out")
    assert result.returncode != 0, "the build should have failed"
    return html.unescape(result.stdout + result.stderr)


def test_a_pain_band_that_runs_on_above_the_self_care_limit_fails_the_build(scratch_project, tmp_path):
    # The contradiction of issue 23: pain of 3 to 5 during a run "acceptable", while the self-care
    # card says stop any run that makes the pain worse.
    _seed(scratch_project, "data/return_to_running.yml",
          "      during: {low: 3, high: 5}\n      run_on: false\n",
          "      during: {low: 3, high: 5}\n      run_on: true\n")
    log = _fails(scratch_project, tmp_path)
    assert "data/return_to_running.yml" in log and "entry 'stay', field 'run_on'" in log, log[-3000:]
    assert "pain of 3 to 5" in log and "above 2 out of 10" in log, log[-3000:]


def test_a_self_care_card_that_no_longer_states_the_limit_fails_the_build(scratch_project, tmp_path):
    _seed(scratch_project, "data/care_levels.yml", " (above 2 out of 10)", "")
    log = _fails(scratch_project, tmp_path)
    assert "data/care_levels.yml" in log and "entry 'self-care', field 'action'" in log, log[-3000:]


def test_a_limit_raised_on_the_card_alone_fails_the_build(scratch_project, tmp_path):
    # Raising the plan's band without the card (or the card without the plan) cannot pass either:
    # here the card is made stricter than the plan's "carry on" band.
    _seed(scratch_project, "data/care_levels.yml", "(above 2 out of 10)", "(above 1 out of 10)")
    _seed(scratch_project, "data/care_levels.yml", "    stop_run_above: 2\n", "    stop_run_above: 1\n")
    log = _fails(scratch_project, tmp_path)
    assert "entry 'carry-on', field 'run_on'" in log and "above 1 out of 10" in log, log[-3000:]


def test_a_stop_running_condition_listed_as_helped_by_a_topic_fails_the_build(scratch_project, tmp_path):
    # The contradiction of issue 23: the surfaces page listed the pelvic stress fracture under
    # "Conditions this can help", while its own page says stop running.
    _seed(scratch_project, "data/conditions.yml",
          "      - text: Once it has healed and your doctor agrees, build your running back slowly.\n"
          "        sources: [george-2024]\n",
          "      - text: Once it has healed and your doctor agrees, build your running back slowly.\n"
          "        sources: [george-2024]\n        topic: surfaces-and-training\n")
    log = _fails(scratch_project, tmp_path)
    assert "data/conditions.yml" in log and "entry 'stress-fracture', field 'helps[" in log, log[-3000:]
    assert "'surfaces-and-training' page must not list it" in log, log[-3000:]


def test_a_condition_that_says_stop_running_without_the_flag_fails_the_build(scratch_project, tmp_path):
    _seed(scratch_project, "data/conditions.yml",
          "      level: see-professional\n      stop_running: true\n"
          "      why:\n        - text: A young runner",
          "      level: see-professional\n      why:\n        - text: A young runner")
    log = _fails(scratch_project, tmp_path)
    assert "entry 'spondylolysis', field 'care.stop_running'" in log, log[-3000:]
    assert "says stop running" in log, log[-3000:]


def test_a_page_listing_the_conditions_helped_by_the_help_page_fails_the_build(scratch_project,
                                                                              tmp_path):
    # The stress fractures' "stop running and see a doctor" links the help page; a list of the
    # conditions that page "can help" would name them as helped.
    page = scratch_project / "docs" / "when-to-get-help.md"
    page.write_text(page.read_text(encoding="utf-8")
                    + '\n## Conditions this can help\n\n{{ conditions_helped_by("when-to-get-help") }}\n',
                    encoding="utf-8")
    log = _fails(scratch_project, tmp_path)
    assert "docs/when-to-get-help.md" in log and "stress-fracture" in log, log[-3000:]
    assert "care says stop running" in log, log[-3000:]
