"""Exercise pictures: the pose data (model/figures.py, in data/exercises.yml) and the SVG renderer
(render/figures.py)."""

from __future__ import annotations

import gzip
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import ROOT
from runnersback.model import site as sitedata
from runnersback.model.errors import DataError
from runnersback.model.figures import Figure
from runnersback.render import figures
from runnersback.render.figures import figure_svg, pose

EXERCISES = ROOT / "data" / "exercises.yml"
REAL_TEXT = EXERCISES.read_text(encoding="utf-8")
SVG = "{http://www.w3.org/2000/svg}"


def load_edited(tmp_path: Path, old: str, new: str) -> DataError:
    """data/exercises.yml with ``old`` replaced by ``new``, loaded: the error it raises."""
    assert old in REAL_TEXT, f"test is out of date: {old!r} not in exercises.yml"
    site = sitedata.SiteData(data_dir=tmp_path, docs_dir=ROOT / "docs")
    sitedata.load_sources(site, ROOT / "data" / "sources.yml")
    path = tmp_path / "exercises.yml"
    path.write_text(REAL_TEXT.replace(old, new, 1), encoding="utf-8")
    site.data_dir = ROOT / "data"  # so messages name the file as an editor knows it
    with pytest.raises(DataError) as err:
        sitedata.load_exercises(site, path)
    return err.value


def line_of(needle: str) -> int:
    return REAL_TEXT[:REAL_TEXT.index(needle)].count("\n") + 1


def test_a_pose_with_an_unknown_joint_fails_naming_file_entry_and_field(tmp_path):
    old = "        - label: Hold\n          angles: {trunk: 92, head: 90, arm: 285"
    err = load_edited(tmp_path, old, old.replace("arm: 285", "elbow_angle: 285"))
    message = str(err)
    assert err.entry == "hip-flexor-stretch", message
    assert err.field == "figure.positions[1].angles.elbow_angle", message
    assert re.match(r"\S*exercises\.yml:\d+: entry 'hip-flexor-stretch', field "
                    r"'figure\.positions\[1\]\.angles\.elbow_angle': unknown field \(allowed: trunk, "
                    r"head, arm,", message), message
    # The joint it replaced is now missing: named too, in the same message.
    assert "field 'figure.positions[1].angles.arm': required field is missing" in message
    assert err.line == line_of("        - label: Hold\n          angles: {trunk: 92") + 1


def test_a_wrong_angle_and_an_unknown_arrow_joint_are_named(tmp_path):
    err = load_edited(tmp_path, "arrows: [{joint: hip, direction: 0}]",
                      "arrows: [{joint: belly, direction: forward}]")
    problems = {p.field: p.problem for p in err.problems}
    assert problems["figure.arrows[1].joint"].startswith("expected one of 'hip', 'waist'"), problems
    assert problems["figure.arrows[1].direction"] == "expected a number, got text 'forward'", problems
    assert {p.entry for p in err.problems} == {"hip-flexor-stretch"}


def test_every_exercise_needs_a_picture_with_a_text_alternative(tmp_path):
    err = load_edited(tmp_path, "      alt: >-\n        Lying on the front.", "      alty: >-\n        x")
    fields = {p.field for p in err.problems}
    assert {"figure.alty", "figure.alt"} <= fields, fields
    assert err.entry == "back-extension"


def test_a_moving_arrow_needs_two_positions():
    with pytest.raises(ValueError, match="give two positions, or a direction"):
        Figure.model_validate({"alt": "x", "positions": [HOLD], "arrows": [{"joint": "hip"}]})


HOLD = {"label": "Hold", "angles": {"trunk": 90, "head": 90, "arm": 270, "forearm": 270,
                                    "thigh": 270, "shin": 270, "foot": 0}}


def test_output_is_one_titled_image_that_escapes_its_alt_text():
    svg = figure_svg(Figure.model_validate(
        {"alt": 'Standing <b>tall</b> & "still"', "positions": [{**HOLD, "label": "<i>Hold</i>"}]}))
    root = ET.fromstring(svg)  # well-formed: the text is escaped, not markup
    assert root.tag == f"{SVG}svg" or root.tag == "svg"
    assert root.get("role") == "img"
    title = root.find("title") if root.find("title") is not None else root.find(f"{SVG}title")
    assert title is not None and title.text == 'Standing <b>tall</b> & "still"'
    assert list(root)[0] is title  # first child: the picture's accessible name
    assert "<b>" not in svg and "&lt;b&gt;tall&lt;/b&gt; &amp; &#34;still&#34;" in svg
    assert "<i>" not in svg and "&lt;i&gt;Hold&lt;/i&gt;" in svg


def test_drawn_in_the_text_colour_with_no_style_attribute_and_no_other_host():
    for exercise in sitedata.load(ROOT / "data", ROOT / "docs").exercises.values():
        svg = figure_svg(exercise.figure)
        assert "style=" not in svg and "<style" not in svg, exercise.id  # CSP: no inline styles
        assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', ""), exercise.id
        assert 'stroke="currentColor"' in svg, exercise.id
        colours = set(re.findall(r'(?:fill|stroke)="([^"]+)"', svg)) - {"none", "currentColor"}
        assert not colours, (exercise.id, colours)  # light, dark and print: the text colour only


def test_every_exercise_picture_is_small():
    # Measured: 0.9 to 1.5 KB each, about 0.5 KB gzip.
    for exercise in sitedata.load(ROOT / "data", ROOT / "docs").exercises.values():
        svg = figure_svg(exercise.figure).encode()
        assert len(svg) < 3000 and len(gzip.compress(svg)) < 1000, (exercise.id, len(svg))


def test_a_pose_is_set_down_on_the_floor_with_fixed_limb_lengths():
    body = pose(Figure.model_validate({"alt": "x", "positions": [HOLD]}).positions[0])
    p = body.points
    # Standing: the foot on the floor line, the hip above the knee above the ankle, by the lengths.
    assert p["ankle"][1] == pytest.approx(figures.LIMB_WIDTH / 2)
    assert p["knee"][1] - p["ankle"][1] == pytest.approx(figures.LENGTHS["shin"])
    assert p["hip"][1] - p["knee"][1] == pytest.approx(figures.LENGTHS["thigh"])
    assert p["head"][1] > p["shoulder"][1] > p["hip"][1]
    lying = pose(Figure.model_validate({"alt": "x", "positions": [
        {**HOLD, "angles": {**HOLD["angles"], "trunk": 180, "head": 180, "arm": 0, "forearm": 0,
                            "thigh": 0, "shin": 0, "foot": 90}}]}).positions[0])
    lowest = min(lying.points["head"][1] - figures.HEAD_RADIUS,
                 lying.points["hip"][1] - figures.TRUNK_WIDTH / 2)
    assert lowest == pytest.approx(0)  # lying on the floor, not above or under it


def test_far_limbs_are_drawn_lighter_only_when_they_differ():
    same = figure_svg(Figure.model_validate({"alt": "x", "positions": [HOLD]}))
    assert "stroke-opacity" not in same
    bent = {**HOLD, "angles": {**HOLD["angles"], "far_thigh": 0, "far_shin": 270}}
    assert 'stroke-opacity=".58"' in figure_svg(Figure.model_validate({"alt": "x", "positions": [bent]}))


def test_positions_are_labelled_side_by_side_and_the_arrow_is_drawn():
    two = Figure.model_validate({"alt": "x", "positions": [HOLD, {**HOLD, "label": "End", "angles": {
        **HOLD["angles"], "arm": 0, "forearm": 0}}], "arrows": [{"joint": "hand"}]})
    svg = figure_svg(two)
    assert re.findall(r">(\w+)</text>", svg) == ["Hold", "End"]
    assert svg.count('fill="currentColor" stroke="none" d=') == 1  # one arrowhead
    one = figure_svg(Figure.model_validate({"alt": "x", "positions": [HOLD]}))
    width = lambda s: float(re.search(r'viewBox="0 0 ([\d.]+)', s).group(1))  # noqa: E731
    assert width(svg) > 2 * width(one)
