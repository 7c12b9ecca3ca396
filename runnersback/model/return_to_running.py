"""data/return_to_running.yml: the graded return to running (stages from brisk walks to speed work),
the pain rule that says when to move on, stay or step back, and the cross-training for each stage.

Each condition in data/conditions.yml says where its return starts (``return_to_running.start``, a
stage id); the loader checks those ids here, once both files are loaded.
"""

from __future__ import annotations

from pathlib import Path

from .base import CitedText, Model, Text, load_yaml, unique_ids, validate
from .core import SiteData, find_refs
from .errors import DataError, raise_all

PLAN_PAGE = "return-to-running.md"


class Stage(Model):
    id: Text
    name: Text
    what: CitedText  # what a session is, and why
    amount: Text  # the time or distance of one session
    sessions: Text  # how many sessions, and how often
    move_on: CitedText  # what must be true before the next stage


class CrossTraining(Model):
    id: Text
    name: Text
    why: CitedText
    stages: list[Text]  # the stages it fits (stage ids)


class PainBand(Model):
    id: Text
    action: Text  # what to do: "Carry on"
    during: Text  # pain during the session, 0 to 10
    next_morning: Text  # pain the next morning
    means: CitedText
    care: Text | None = None  # a care level the band sends the runner to


class PainRule(Model):
    how: list[CitedText]  # how to score the pain
    bands: list[PainBand]
    borrowed: list[CitedText]  # where the rule comes from, and what those studies were about


class ReturnToRunning(Model):
    who: list[CitedText]  # who the plan is for, and when to use it
    amounts: CitedText  # where the stages' times and distances come from
    stages: list[Stage]
    pain_rule: PainRule
    cross_training: list[CrossTraining]


def load(site: SiteData, path: Path) -> None:
    """Load and check ``data/return_to_running.yml`` into ``site.return_to_running``.

    Needs sources, care levels and conditions: it checks each condition's starting stage.
    """
    file = site.rel(path)
    plan: ReturnToRunning = validate(ReturnToRunning, load_yaml(path, file), file)
    problems = unique_ids(plan.stages, file) + unique_ids(plan.cross_training, file)
    problems += unique_ids(plan.pain_rule.bands, file)
    if not plan.stages:
        problems.append(DataError(file, "the plan needs at least one stage", field="stages"))
    raise_all(problems)
    stage_ids = [stage.id for stage in plan.stages]
    # Sources entry by entry, so that a problem names its stage, activity or band.
    problems = []
    for entries in (plan.stages, plan.cross_training, plan.pain_rule.bands):
        problems += find_refs(entries, key="sources", known=site.sources, file=file, what="source")
    for name in ("who", "amounts"):
        problems += find_refs(getattr(plan, name), key="sources", known=site.sources, file=file,
                              what="source", path=name)
    for name in ("how", "borrowed"):
        problems += find_refs(getattr(plan.pain_rule, name), key="sources", known=site.sources,
                              file=file, what="source", path=f"pain_rule.{name}")
    problems += find_refs(plan.cross_training, key="stages", known=stage_ids, file=file,
                          what="stage")
    problems += find_refs(plan.pain_rule.bands, key="care", known=site.care_levels, file=file,
                          what="care level")
    raise_all(problems)
    site.return_to_running = plan
    check_condition_starts(site)


def check_condition_starts(site: SiteData, file: str = "data/conditions.yml") -> None:
    """Every condition starts its return at a stage of the plan."""
    stage_ids = [stage.id for stage in site.return_to_running.stages]
    raise_all([DataError(file, f"unknown stage '{c.return_to_running.start}' (known: "
                               f"{', '.join(stage_ids)})",
                         line=c.return_to_running.line or c.line, entry=c.id,
                         field="return_to_running.start")
               for c in site.conditions.values() if c.return_to_running.start not in stage_ids])


def stage_number(site: SiteData, stage_id: str) -> int:
    return [stage.id for stage in site.return_to_running.stages].index(stage_id) + 1


def sources(site: SiteData) -> list[str]:
    """Every source the plan's data cites, in file order (for the sources page's back-links)."""
    found: list[str] = []

    def walk(node) -> None:
        if isinstance(node, CitedText):
            found.extend(s for s in node.sources if s not in found)
        elif isinstance(node, Model):
            for name in type(node).model_fields:
                walk(getattr(node, name))
        elif isinstance(node, list):
            for item in node:
                walk(item)

    if site.return_to_running is not None:
        walk(site.return_to_running)
    return found
