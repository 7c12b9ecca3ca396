"""data/exercises.yml: exercises, each in a group (core strength, stretches, back mobility, or
strength and balance)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from .base import Model, Slug, Text
from .core import SiteData, load_cited_entries
from .errors import DataError
from .figures import Figure

EXERCISE_GROUPS = ("core", "stretch", "mobility", "strength")
ExerciseGroup = Literal["core", "stretch", "mobility", "strength"]  # EXERCISE_GROUPS


# The limits of each number, as the sheet builder's inputs allow them (render/sheet_builder.py).
DOSE_LIMITS = {"sets": (1, 10), "reps": (1, 50), "hold": (1, 120), "times": (1, 10)}


def _range(low: int, high: int | None) -> str:
    return f"{low} to {high}" if high else str(low)


def _plural(n: int, word: str, high: int | None = None) -> str:
    return f"{_range(n, high)} {word}" + ("" if n == 1 and not high else "s")


class Dose(Model):
    """The usual dose, in numbers: a clinician's sheet changes one and keeps the rest."""
    sets: int | None = Field(None, ge=1, le=10)
    reps: int | None = Field(None, ge=1, le=50)
    reps_up_to: int | None = Field(None, ge=2, le=50)
    hold: int | None = Field(None, ge=1, le=120)  # seconds
    hold_up_to: int | None = Field(None, ge=2, le=120)
    each_side: bool = False
    times: int | None = Field(None, ge=1, le=10)
    per: Literal["day", "week"] = "day"
    build_up: Text | None = None  # how to build up; left off when a sheet changes the repetitions

    @model_validator(mode="after")
    def _ranges(self) -> "Dose":
        for low, high in (("reps", "reps_up_to"), ("hold", "hold_up_to")):
            if getattr(self, high) is not None and (getattr(self, low) is None
                                                    or getattr(self, high) <= getattr(self, low)):
                raise ValueError(f"{high} needs {low}, and must be more than it")
        if not (self.reps or self.hold or self.sets):
            raise ValueError("a dose needs reps, hold or sets")
        return self

    def text(self) -> str:
        """The dose in words, as pages, handouts and the sheet builder write it (the builder's
        script, docs/assets/js/sheet-builder.js, writes the same words from the same numbers)."""
        return dose_text(self.sets, self.reps, self.reps_up_to, self.hold, self.hold_up_to,
                         self.each_side, self.times, self.per, self.build_up)


def dose_text(sets, reps, reps_up_to, hold, hold_up_to, each_side, times, per, build_up) -> str:
    side = " on each side" if each_side else ""
    parts = []
    if hold:
        parts.append(f"hold {_plural(hold, 'second', hold_up_to)}")
    count = _plural(reps, "repetition", reps_up_to) if reps else ""
    start = "start with " if build_up else ""
    if sets:
        parts.append(start + _plural(sets, "set") + (f" of {count}" if count else "") + side)
    elif count:
        parts.append(start + count + side)
    elif side and parts:
        parts[-1] += side
    if times:
        often = {1: "once", 2: "twice"}.get(times, f"{times} times")
        parts.append(f"{often} a {per}")
    sentences = [part[0].upper() + part[1:] + "." for part in parts]
    if build_up:
        sentences.append(build_up)
    return " ".join(sentences)


class Exercise(Model):
    id: Slug
    name: Text
    group: ExerciseGroup
    works: Text
    steps: list[Text]
    dose: Dose
    avoid: Text
    sources: list[Text]
    figure: Figure  # the picture of its positions (render/figures.py)


class ExercisesFile(Model):
    exercises: list[Exercise]


def load(site: SiteData, path: Path) -> None:
    """Load data/exercises.yml into ``site.exercises`` (needs ``site.sources``)."""
    site.exercises = {e.id: e for e in load_cited_entries(site, path, ExercisesFile, "exercises")}


def in_group(site: SiteData, group: str, where: str) -> list[Exercise]:
    """The exercises of ``group``, in file order; ``where`` names the page that asks."""
    if group not in EXERCISE_GROUPS:
        raise DataError(where, f"unknown exercise group '{group}' "
                               f"(known: {', '.join(EXERCISE_GROUPS)})")
    found = [e for e in site.exercises.values() if e.group == group]
    if not found:
        raise DataError("data/exercises.yml", f"no exercises in group '{group}'")
    return found
