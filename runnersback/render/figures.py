"""Exercise pictures: a line figure per position (data/exercises.yml, ``figure``) as one inline SVG.

One style for every exercise: thick round strokes in the text colour (``currentColor``, so the
picture follows the light and dark palettes and prints black), a filled head, the far arm and leg
lighter, a floor line, a label under each position and an arrow for the movement. Presentation
attributes only: the Content Security Policy blocks style attributes, and the picture needs no
stylesheet to draw. Its text alternative is the data's ``alt``, as the SVG's <title>.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..model.figures import LIMBS, Figure, Position
from .html import esc

# Lengths of the body parts in figure units (a standing figure is about 97 units tall). "head" is
# from the shoulder to the middle of the head.
LENGTHS = {"trunk": 30, "head": 9, "arm": 17, "forearm": 19, "thigh": 25, "shin": 24, "foot": 9}
TRUNK_WIDTH, LIMB_WIDTH, HEAD_RADIUS = 9, 5.5, 6
FAR_OPACITY = ".58"  # the far limbs at 3:1 or more in both palettes (WCAG 1.4.11; tests/browser/test_graphics.py)
PAD, LABEL_SPACE, GAP = 4, 11, 6
SCALE = 3  # CSS pixels per figure unit, before a stylesheet fits the picture to its box
WIDE = 2  # a picture this many times as wide as it is tall is printed across its card
PUSH_LENGTH = 13
# How far an arrow stops short of the joint it points at (the head is wider than a limb).
CLEARANCE = {"head": HEAD_RADIUS + 3}
ARROW_CLEARANCE = 5

Point = tuple[float, float]


@dataclass
class Body:
    """The points of one position, y upwards, the floor at 0."""

    points: dict[str, Point]
    trunk_bow: Point  # the control point of the trunk's curve
    far_legs: bool
    far_arms: bool
    wall: float | None

    def shifted(self, dx: float, dy: float) -> "Body":
        return Body({k: (x + dx, y + dy) for k, (x, y) in self.points.items()},
                    (self.trunk_bow[0] + dx, self.trunk_bow[1] + dy), self.far_legs, self.far_arms,
                    None if self.wall is None else self.wall + dx)


def _middle(a: Point, b: Point) -> Point:
    return (a[0] + b[0]) / 2, (a[1] + b[1]) / 2


def _toward(start: Point, angle: float, length: float) -> Point:
    rad = math.radians(angle)
    return start[0] + length * math.cos(rad), start[1] + length * math.sin(rad)


def pose(position: Position) -> Body:
    """Where each joint of ``position`` is, set down so that its lowest point touches the floor."""
    a = position.angles

    def length(part: str) -> float:
        return LENGTHS[part.removeprefix("far_")] * position.foreshortened.get(part, 1)

    def angle(part: str) -> float:
        value = getattr(a, part)
        return getattr(a, part.removeprefix("far_")) if value is None else value

    p: dict[str, Point] = {"hip": (0.0, 0.0)}
    p["shoulder"] = _toward(p["hip"], a.trunk, length("trunk"))
    p["head"] = _toward(p["shoulder"], a.head, length("head"))
    for side in ("", "far_"):
        p[side + "elbow"] = _toward(p["shoulder"], angle(side + "arm"), length(side + "arm"))
        p[side + "hand"] = _toward(p[side + "elbow"], angle(side + "forearm"), length(side + "forearm"))
        p[side + "knee"] = _toward(p["hip"], angle(side + "thigh"), length(side + "thigh"))
        p[side + "ankle"] = _toward(p[side + "knee"], angle(side + "shin"), length(side + "shin"))
        p[side + "toe"] = _toward(p[side + "ankle"], angle(side + "foot"), length(side + "foot"))
    bow = _toward(_middle(p["hip"], p["shoulder"]), a.trunk - 90, 2 * position.arch)  # a quadratic's middle is half way
    p["waist"] = ((p["hip"][0] + 2 * bow[0] + p["shoulder"][0]) / 4,
                  (p["hip"][1] + 2 * bow[1] + p["shoulder"][1]) / 4)
    far = {limb: getattr(a, f"far_{limb}") not in (None, getattr(a, limb)) for limb in LIMBS}
    body = Body(p, bow, any(far[x] for x in ("thigh", "shin", "foot")),
                any(far[x] for x in ("arm", "forearm")), position.wall)
    lowest = min([y - LIMB_WIDTH / 2 for y in _limb_ys(body)]
                 + [p["hip"][1] - TRUNK_WIDTH / 2, p["shoulder"][1] - TRUNK_WIDTH / 2,
                    p["waist"][1] - TRUNK_WIDTH / 2,
                    p["head"][1] - HEAD_RADIUS])
    return body.shifted(0, -lowest)


def _limb_ys(body: Body) -> list[float]:
    names = ["elbow", "hand", "knee", "ankle", "toe"]
    names += [f"far_{n}" for n in ("knee", "ankle", "toe") if body.far_legs]
    names += [f"far_{n}" for n in ("elbow", "hand") if body.far_arms]
    return [body.points[n][1] for n in names]


def _extent(body: Body) -> tuple[float, float, float]:
    """Leftmost and rightmost x, and the top, of everything drawn."""
    xs = [(x, LIMB_WIDTH / 2) for x, _ in body.points.values()]
    xs += [(body.points["head"][0], HEAD_RADIUS), (body.points["hip"][0], TRUNK_WIDTH / 2),
           (body.points["shoulder"][0], TRUNK_WIDTH / 2)]
    if body.wall is not None:
        xs.append((body.wall, 1))
    top = max(y for _, y in body.points.values()) + LIMB_WIDTH / 2
    top = max(top, body.points["head"][1] + HEAD_RADIUS)
    return min(x - r for x, r in xs), max(x + r for x, r in xs), top


def _n(value: float) -> str:
    """A coordinate in whole figure units (half a pixel on screen): short, and sharp enough."""
    text = str(round(value))
    return "0" if text == "-0" else text


class _Canvas:
    """Figure units (y up, floor at 0) to SVG units (y down) for one panel."""

    def __init__(self, dx: float, floor_y: float):
        self.dx, self.floor_y = dx, floor_y

    def xy(self, point: Point) -> str:
        return f"{_n(point[0] + self.dx)} {_n(self.floor_y - point[1])}"

    def line(self, *points: Point) -> str:
        """A polyline: the first point, then each step from the one before (shorter numbers)."""
        rounded = [(round(x + self.dx), round(self.floor_y - y)) for x, y in points]
        steps = " ".join(f"{_n(x - px)} {_n(y - py)}" for (px, py), (x, y) in zip(rounded, rounded[1:]))
        return f"M{rounded[0][0]} {rounded[0][1]}" + (f"l{steps}" if steps else "")


def _body_svg(body: Body, c: _Canvas) -> str:
    p = body.points
    parts = []
    far = []
    if body.far_arms:
        far.append(c.line(p["shoulder"], p["far_elbow"], p["far_hand"]))
    if body.far_legs:
        far.append(c.line(p["hip"], p["far_knee"], p["far_ankle"], p["far_toe"]))
    if far:
        parts.append(f'<path stroke-opacity="{FAR_OPACITY}" d="{"".join(far)}"/>')
    bow = f'Q{c.xy(body.trunk_bow)} ' if body.trunk_bow != _middle(p["hip"], p["shoulder"]) else "L"
    parts.append(f'<path stroke-width="{TRUNK_WIDTH}" d="M{c.xy(p["hip"])}{bow}{c.xy(p["shoulder"])}"/>')
    head = c.xy(p["head"]).split()
    parts.append(f'<circle cx="{head[0]}" cy="{head[1]}" r="{HEAD_RADIUS}" fill="currentColor" '
                 'stroke="none"/>')
    parts.append(f'<path d="{c.line(p["hip"], p["knee"], p["ankle"], p["toe"])}'
                 f'{c.line(p["shoulder"], p["elbow"], p["hand"])}"/>')
    return "".join(parts)


def _arrow_svg(start: Point, end: Point, bend: float, c: _Canvas) -> str:
    """A thin curved arrow from ``start`` to ``end``, its head a filled triangle."""
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy) or 1
    control = ((start[0] + end[0]) / 2 - dy * bend, (start[1] + end[1]) / 2 + dx * bend)
    tx, ty = end[0] - control[0], end[1] - control[1]
    t = math.hypot(tx, ty) or 1
    tx, ty = tx / t, ty / t
    size = min(5.0, length / 2)
    base = (end[0] - tx * size, end[1] - ty * size)
    left = (base[0] - ty * size * 0.6, base[1] + tx * size * 0.6)
    right = (base[0] + ty * size * 0.6, base[1] - tx * size * 0.6)
    return (f'<path stroke-width="1.6" d="M{c.xy(start)}Q{c.xy(control)} {c.xy(base)}"/>'
            f'<path fill="currentColor" stroke="none" d="M{c.xy(end)}L{c.xy(left)} {c.xy(right)}Z"/>')


def _clear_of_joint(start: Point, end: Point, clearance: float) -> tuple[Point, Point]:
    """The arrow shortened at both ends, so that it does not sit on the limbs it points at."""
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy)
    ux, uy = (dx / length, dy / length) if length else (0, 0)
    at_start, at_end = min(ARROW_CLEARANCE, length / 4), min(clearance, length / 3)
    return ((start[0] + ux * at_start, start[1] + uy * at_start),
            (end[0] - ux * at_end, end[1] - uy * at_end))


def figure_svg(figure: Figure) -> str:
    """The figure as one inline SVG: its positions side by side, each labelled, on a floor line."""
    bodies = [pose(position) for position in figure.positions]
    extents = [_extent(body) for body in bodies]
    left = min(e[0] for e in extents) - PAD
    right = max(e[1] for e in extents) + PAD
    top = max(e[2] for e in extents) + PAD
    panel = right - left
    width = panel * len(bodies) + GAP * (len(bodies) - 1)
    height = top + LABEL_SPACE
    out, floor = [], []
    for i, (body, position) in enumerate(zip(bodies, figure.positions)):
        c = _Canvas(i * (panel + GAP) - left, top)
        if body.wall is not None:
            out.append(f'<path stroke-width="2" d="{c.line((body.wall, 0), (body.wall, top - PAD))}"/>')
        out.append(_body_svg(body, c))
        floor.append(c.line((left + 1, 0), (right - 1, 0)))
        out.append(f'<text x="{_n(c.dx + (left + right) / 2)}" y="{_n(top + LABEL_SPACE - 2)}" '
                   f'text-anchor="middle" font-size="8" fill="currentColor" stroke="none">'
                   f'{esc(position.label)}</text>')
    if figure.floor:
        out.append(f'<path stroke-width="1.2" d="{"".join(floor)}"/>')
    last = bodies[-1]
    c = _Canvas((len(bodies) - 1) * (panel + GAP) - left, top)
    for arrow in figure.arrows:
        if arrow.direction is not None:  # a push: pointing at the joint, from the side it pushes
            end = _toward(last.points[arrow.joint], arrow.direction + 180,
                          CLEARANCE.get(arrow.joint, ARROW_CLEARANCE))
            start = _toward(end, arrow.direction + 180, PUSH_LENGTH)
        else:
            start, end = _clear_of_joint(bodies[0].points[arrow.joint], last.points[arrow.joint],
                                         CLEARANCE.get(arrow.joint, ARROW_CLEARANCE))
        out.append(_arrow_svg(start, end, arrow.bend, c))
    # Tall (standing, kneeling): printed beside the steps. Wide (lying, two positions side by side):
    # printed across the card, above the steps, so that it is large enough to read on paper.
    shape = (" exercise-figure--tall" if height > width
             else " exercise-figure--wide" if width >= WIDE * height else "")
    return (f'<svg class="exercise-figure{shape}" role="img" viewBox="0 0 {_n(width)} {_n(height)}" '
            f'width="{_n(width * SCALE)}" height="{_n(height * SCALE)}" fill="none" stroke="currentColor" '
            f'stroke-width="{LIMB_WIDTH}" stroke-linecap="round" stroke-linejoin="round">'
            f'<title>{esc(figure.alt)}</title>' + "".join(out) + "</svg>")
