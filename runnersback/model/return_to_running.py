"""data/return_to_running.yml: the graded return to running (stages from brisk walks to speed work),
the pain rule that says when to move on, stay or step back, and the cross-training for each stage.

Each condition in data/conditions.yml says where its return starts (``return_to_running.start``, a
stage id); the loader checks those ids here, once both files are loaded.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from .base import CitedText, Model, Slug, Text, load_yaml, unique_ids, validate
from .care import pain_limit, pain_limit_words
from .core import SiteData, find_refs
from .errors import DataError, raise_all

PLAN_PAGE = "return-to-running.md"


class Stage(Model):
    id: Slug
    name: Text
    what: CitedText  # what a session is, and why
    amount: Text  # the time or distance of one session
    sessions: Text  # how many sessions, and how often
    move_on: CitedText  # what must be true before the next stage


class CrossTraining(Model):
    id: Slug
    name: Text
    why: CitedText
    stages: list[Text]  # the stages it fits (stage ids)


class Scores(Model):
    """Pain scores on the 0 to 10 scale, from ``low`` to ``high``; no ``high``: "or more"."""

    low: int = Field(ge=0, le=10)
    high: int | None = Field(default=None, ge=0, le=10)

    @property
    def top(self) -> int:
        return 10 if self.high is None else self.high

    def words(self) -> str:
        """"0 to 2", "6 or more", "Any score"."""
        if self.high is None:
            return "Any score" if self.low == 0 else f"{self.low} or more"
        return str(self.low) if self.high == self.low else f"{self.low} to {self.high}"


class PainBand(Model):
    id: Slug
    action: Text  # what to do: "Carry on"
    during: Scores  # pain during the session
    run_on: bool  # true: the runner may finish the session at these scores; false: stop it
    next_morning: Text  # pain the next morning
    means: CitedText
    care: Text | None = None  # a care level the band sends the runner to


class StopNow(Model):
    """What stops the plan at once, whatever the pain score: a registry sign as it shows during the
    plan, and the care level it leads to (never less urgent than the sign's own)."""

    text: Text
    sources: list[Text]
    care: Text  # a care level of data/care_levels.yml
    signs: list[Text]  # the registry signs it is (data/warning_signs.yml)


class PainRule(Model):
    how: list[CitedText]  # how to score the pain
    bands: list[PainBand]
    stop_now: list[StopNow]  # what stops the plan at once, whatever the score
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
    for key, known, what in (("sources", site.sources, "source"), ("care", site.care_levels,
                             "care level"), ("signs", site.signs, "warning sign")):
        problems += find_refs(plan.pain_rule.stop_now, key=key, known=known, file=file, what=what,
                              entry="stop_now", path="pain_rule.stop_now")
    raise_all(problems)
    raise_all(check_pain_limit(site, plan, file) + _check_stop_now(site, plan, file))
    site.return_to_running = plan
    check_condition_starts(site)


def check_pain_limit(site: SiteData, plan: ReturnToRunning, file: str) -> list[DataError]:
    """The plan and the self-care card say one thing: no band lets a runner run on with pain above
    the limit the self-care card states (care level ``stop_run_above``)."""
    level = pain_limit(site)
    if level is None:
        return [DataError("data/care_levels.yml", "no care level sets stop_run_above, the pain "
                          "score above which a run stops; the return-to-running plan's pain rule "
                          "keeps to it (set it on the self-care level)")]
    limit = level.stop_run_above
    card = (f"the '{level.id}' care card says stop any run {pain_limit_words(limit)} "
            f"(data/care_levels.yml, stop_run_above: {limit})")
    problems = []
    for band in plan.pain_rule.bands:
        if band.during.high is not None and band.during.high < band.during.low:
            problems.append(DataError(file, f"high ({band.during.high}) is below low "
                                            f"({band.during.low})", line=band.line, entry=band.id,
                                      field="during"))
        elif band.run_on and band.during.top > limit:
            problems.append(DataError(
                file, f"lets a runner run on with pain of {band.during.words().lower()} during a "
                      f"session, but {card}: set run_on: false, or keep 'during' to {limit} or "
                      f"less", line=band.line, entry=band.id, field="run_on"))
    return problems


def _check_stop_now(site: SiteData, plan: ReturnToRunning, file: str) -> list[DataError]:
    """A line that stops the plan sends the runner no less urgently than the signs it names."""
    problems = []
    for i, line in enumerate(plan.pain_rule.stop_now, 1):
        if not line.signs:
            problems.append(DataError(file, "name the registry signs this line is (signs: [...])",
                                      line=line.line, entry="stop_now",
                                      field=f"pain_rule.stop_now[{i}].signs"))
        for sign_id in line.signs:
            sign = site.signs[sign_id]
            if site.more_urgent(sign.level, line.care):
                problems.append(DataError(
                    file, f"sends the runner to '{line.care}', less urgent than {sign.level} sign "
                          f"'{sign_id}' ({sign.text})", line=line.line, entry="stop_now",
                    field=f"pain_rule.stop_now[{i}].care"))
    return problems


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
        if isinstance(node, Model):
            if "sources" in type(node).model_fields:  # cited text, and lines such as stop_now
                found.extend(s for s in node.sources if s not in found)
            for name in type(node).model_fields:
                if name != "sources":
                    walk(getattr(node, name))
        elif isinstance(node, list):
            for item in node:
                walk(item)

    if site.return_to_running is not None:
        walk(site.return_to_running)
    return found
