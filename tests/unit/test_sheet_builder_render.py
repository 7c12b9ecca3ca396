"""The sheet builder's renderer (runnersback/render/sheet_builder.py): every exercise of the data,
grouped, each with a labelled checkbox and dose inputs; the whole safety box; data escaped."""

from __future__ import annotations

import dataclasses
import re

import pytest

from conftest import ROOT
from runnersback.model import site as sitedata
from runnersback.render import sheet_builder
from runnersback.render.html import Linker, esc

SITE_URL = "https://example.org/runners-back/"


@pytest.fixture(scope="module")
def site():
    return sitedata.load(ROOT / "data", ROOT / "docs")


def render(site) -> str:
    return sheet_builder.sheet_builder(site, Linker("handouts/sheet-builder.md", site.pages),
                                       SITE_URL, set())


def test_every_exercise_has_a_labelled_checkbox_dose_inputs_and_a_card(site):
    html = render(site)
    for exercise in site.exercises.values():
        eid = exercise.id
        assert (f'<input type="checkbox" id="pick-{eid}" name="pick" value="{eid}">\n'
                f'<label for="pick-{eid}">{esc(exercise.name)}</label>') in html, eid
        assert f"<legend>Dose: {esc(exercise.name)}</legend>" in html, eid
        for name in ("sets", "reps", "hold", "times", "per"):
            assert f'<label for="{name}-{eid}">' in html and f'id="{name}-{eid}"' in html, (eid, name)
        card = html[html.index(f'data-exercise="{eid}"'):]
        assert f'<dd class="exercise-card__dose">{esc(exercise.dose.text())}</dd>' in card, eid
        # Each dose field starts from the usual dose.
        for name in ("sets", "reps", "hold", "times"):
            value = getattr(exercise.dose, name)
            assert f'name="{name}" min=' in html and (
                f'id="{name}-{eid}"' in html), (eid, name)
            field = html[html.index(f'id="{name}-{eid}"'):]
            field = field[:field.index(">")]
            assert f'value="{"" if value is None else value}"' in field, (eid, name, field)
        for step in exercise.steps:
            assert f"<li>{esc(step)}</li>" in card, (eid, step)
    # One fieldset per group, in data order, and the form waits for the script.
    legends = re.findall(r'<fieldset class="sheet-form__group">\n<legend>([^<]+)</legend>', html)
    assert legends == ["Stretches", "Core strength exercises", "Back mobility", "Strength and balance"]
    assert '<form class="sheet-form" id="sheet-form" aria-label="Make the sheet" hidden>' in html
    assert f'<span class="sheet__address">{SITE_URL}</span>' in html


def test_the_sheet_holds_the_whole_safety_box(site):
    html = render(site)
    start = html.index('<div class="red-flags handout__flags">')
    box = html[start:html.index('class="red-flags__sources"', start)]
    for sign in site.signs.values():
        assert f"<li>{esc(sign.text)}</li>" in box, sign.id


def test_data_is_escaped(site):
    hostile = '<img src=x onerror="alert(1)"> & more'
    bridge = site.exercises["bridge"].model_copy(update={
        "id": 'bridge"><script>x()</script>', "name": hostile,
        "dose": site.exercises["bridge"].dose.model_copy(update={"build_up": hostile}),
        "steps": [hostile], "avoid": hostile, "works": hostile})
    changed = dataclasses.replace(site, exercises={**site.exercises, "bridge": bridge})
    html = render(changed)
    assert "<img" not in html and "<script" not in html
    assert 'onerror="' not in html
    escaped = esc(hostile)
    assert f">{escaped}</label>" in html
    assert f"<legend>Dose: {escaped}</legend>" in html
    assert f"Usual dose: Start with 5 repetitions. 3 times a week. {escaped}" in html
    assert f'<dd class="exercise-card__dose">Start with 5 repetitions. 3 times a week. {escaped}</dd>' in html
    assert f'data-build-up="{escaped}"' in html
    assert 'value="bridge&#34;&gt;&lt;script&gt;x()&lt;/script&gt;"' in html
