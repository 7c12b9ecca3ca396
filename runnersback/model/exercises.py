"""data/exercises.yml: exercises, each in a group (core strength or stretches)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from .base import Model, Slug, Text
from .core import SiteData, load_cited_entries
from .errors import DataError
from .figures import Figure

EXERCISE_GROUPS = ("core", "stretch")


class Exercise(Model):
    id: Slug
    name: Text
    group: Literal["core", "stretch"]  # EXERCISE_GROUPS
    works: Text
    steps: list[Text]
    dose: Text
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
