"""Exercise pictures as data: a simple line figure, seen from the side, in one or more positions.

Each position gives the direction of every body part in degrees (0 points the way the figure faces,
to the right; 90 up; 180 back, to the left; 270 or -90 down). Parts have fixed lengths
(render/figures.py), so every figure on the site has the same proportions. The figure is set down
on the floor: its lowest point touches the floor line. Supine figures have their head on the left,
prone ones on the right (the trunk's front is a quarter turn clockwise from the way it points).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .base import Model, Text

# The near limbs (drawn solid) and the far ones (drawn lighter, behind the trunk).
LIMBS = ("arm", "forearm", "thigh", "shin", "foot")
PARTS = ("trunk", "head", *LIMBS, *(f"far_{limb}" for limb in LIMBS))
# Points an arrow can follow: the ends of the parts, and the middle of the back.
Joint = Literal["hip", "waist", "shoulder", "head", "elbow", "hand", "knee", "ankle", "toe",
                "far_elbow", "far_hand", "far_knee", "far_ankle", "far_toe"]


class Angles(Model):
    """The direction of each body part. A far limb left out lies behind its near limb."""

    trunk: float
    head: float
    arm: float
    forearm: float
    thigh: float
    shin: float
    foot: float
    far_arm: float | None = None
    far_forearm: float | None = None
    far_thigh: float | None = None
    far_shin: float | None = None
    far_foot: float | None = None


class Position(Model):
    label: Text  # printed under the drawing: "Start", "End", "Hold"
    angles: Angles
    # How far the middle of the trunk bows towards the front (a hollow lower back), in figure units;
    # negative rounds the back.
    arch: float = 0
    # Parts seen end on (pointing at the reader), drawn at this share of their length.
    foreshortened: dict[Literal[PARTS], float] = Field(default_factory=dict)  # type: ignore[valid-type]
    # A wall or chair back to hold: a vertical line this far in front of the hip.
    wall: float | None = None


class Arrow(Model):
    """A movement: from where ``joint`` is in the first position to where it is in the last, drawn
    on the last; or, with ``direction``, a push: a short arrow pointing that way at the joint."""

    joint: Joint
    direction: float | None = None
    bend: float = 0.3  # how far the arrow curves, as a share of its length; negative curves the other way


class Figure(Model):
    alt: Text  # what the body is doing, for people who cannot see the picture
    positions: list[Position] = Field(min_length=1, max_length=3)
    arrows: list[Arrow] = Field(default_factory=list, max_length=2)
    floor: bool = True

    @model_validator(mode="after")
    def _moves_need_two_positions(self) -> "Figure":
        if len(self.positions) < 2 and any(a.direction is None for a in self.arrows):
            raise ValueError("an arrow without a direction follows a joint from the first position "
                             "to the last: give two positions, or a direction")
        return self
