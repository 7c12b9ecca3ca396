"""The exercise library (data/exercises.yml): every exercise a physio can put on a sheet carries what
a patient needs on paper (its picture with a text alternative, steps, a dose, what to take care
with) and at least one source that is more than community advice; every group has a page."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from runnersback.model import site as sitedata
from runnersback.model.exercises import EXERCISE_GROUPS
from runnersback.render.figures import figure_svg

SITE = sitedata.load(ROOT / "data", ROOT / "docs")
EXERCISES = list(SITE.exercises.values())
# The page that shows each group's cards ({{ exercises("group") }}).
GROUP_PAGES = {"stretch": "stretching.md", "core": "core-strength.md",
               "mobility": "more-exercises.md", "strength": "more-exercises.md"}


def test_the_library_holds_at_least_twenty_exercises_in_every_group():
    assert len(EXERCISES) >= 20, len(EXERCISES)
    assert {e.group for e in EXERCISES} == set(EXERCISE_GROUPS)


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_every_exercise_has_its_picture_steps_dose_cautions_and_a_source(exercise):
    alt = " ".join(exercise.figure.alt.split())
    assert len(alt.split()) >= 8, (exercise.id, "a text alternative that says what the body does")
    svg = figure_svg(exercise.figure)
    assert f"<title>{alt}</title>" in " ".join(svg.split()), exercise.id
    assert 2 <= len(exercise.steps) <= 5, exercise.id
    for step in exercise.steps:
        assert step.rstrip().endswith("."), (exercise.id, step)
        assert len(step.split()) < 20, (exercise.id, step)
    assert re.search(r"\d", exercise.dose.text()), (exercise.id, "a dose in numbers")
    assert len(exercise.avoid.split()) >= 5, exercise.id
    kinds = {SITE.sources[s].kind for s in exercise.sources}
    assert kinds - {"community"}, (exercise.id, "needs a source that is not community advice")


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_every_source_of_an_exercise_says_how_it_is_done_or_what_it_is_cited_for(exercise):
    for source_id in exercise.sources:
        source = SITE.sources[source_id]
        assert source.good_for and source.limits, (exercise.id, source_id)
    # The exercise's own source (not only the shared dose rule) is first.
    assert exercise.sources[0] != "nhs-inform" or exercise.group == "core", exercise.id


@pytest.mark.parametrize("group", EXERCISE_GROUPS)
def test_every_group_is_shown_on_its_page(group):
    text = (ROOT / "docs" / GROUP_PAGES[group]).read_text(encoding="utf-8")
    assert f'{{{{ exercises("{group}") }}}}' in text, (group, GROUP_PAGES[group])
