"""data/exercises.yml: exercises, each in a group (core strength or stretches)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from .base import Model, Text, load_yaml, unique_ids, validate
from .core import SiteData, find_refs
from .errors import DataError, raise_all

EXERCISE_GROUPS = ("core", "stretch")


class Exercise(Model):
    id: Text
    name: Text
    group: Literal["core", "stretch"]  # EXERCISE_GROUPS
    works: Text
    steps: list[Text]
    dose: Text
    avoid: Text
    sources: list[Text]


class ExercisesFile(Model):
    exercises: list[Exercise]


def load(site: SiteData, path: Path) -> None:
    """Load data/exercises.yml into ``site.exercises`` (needs ``site.sources``)."""
    file = site.rel(path)
    doc: ExercisesFile = validate(ExercisesFile, load_yaml(path, file), file)
    raise_all(unique_ids(doc.exercises, file))
    raise_all(find_refs(doc.exercises, key="sources", known=site.sources, file=file,
                        what="source"))
    site.exercises = {e.id: e for e in doc.exercises}


def in_group(site: SiteData, group: str, where: str) -> list[Exercise]:
    """The exercises of ``group``, in file order; ``where`` names the page that asks."""
    if group not in EXERCISE_GROUPS:
        raise DataError(where, f"unknown exercise group '{group}' "
                               f"(known: {', '.join(EXERCISE_GROUPS)})")
    found = [e for e in site.exercises.values() if e.group == group]
    if not found:
        raise DataError("data/exercises.yml", f"no exercises in group '{group}'")
    return found
