"""data/care_levels.yml: the levels of care, most urgent first. Their signs are in data/warning_signs.yml."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import Field

from .base import CitedText, Model, Slug, Text
from .core import SiteData, load_cited_entries
from .errors import DataError, raise_all

HELP_PAGE = "when-to-get-help.md"
# A reader may be in none of the regions of data/regions.yml (or travelling): any sentence that names
# the emergency number, 999 or the {emergency} placeholder, also names this (CONTRIBUTING).
LOCAL_NUMBER = "local emergency number"
_NUMBER_999 = re.compile(r"(?<![\d#])999(?!\d)|\{emergency\}")
_LITERAL_999 = re.compile(r"(?<![\d#])999(?!\d)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def pain_limit_words(score: int) -> str:
    """How a care card states its pain limit, word for word: "above 2 out of 10"."""
    return f"above {score} out of 10"


class CareLevel(Model):
    id: Slug
    label: Text  # "Emergency"
    heading: Text  # the action: "Call 999 or your local emergency number, or go to A&E now"
    icon: Text
    summary: Text
    action: Text
    sources: list[Text]  # what the summary and action rest on
    fits: list[CitedText] | None = None  # self-care: what pain that can be looked after at home is like
    # Self-care: the pain score (0 to 10) above which a run stops. The action says so in the words of
    # pain_limit_words ("above 2 out of 10"); the return-to-running plan's pain rule keeps to it (no
    # band lets a runner run on above it: return_to_running.check_pain_limit).
    stop_run_above: int | None = Field(default=None, ge=0, le=10)


class CareLevelsFile(Model):
    care_levels: list[CareLevel]


def load(site: SiteData, path: Path) -> None:
    """Load data/care_levels.yml into ``site.care_levels`` (needs ``site.sources``)."""
    levels = load_cited_entries(site, path, CareLevelsFile, "care_levels")
    raise_all(_check_pain_limits(levels, site.rel(path)))
    raise_all(_check_local_number(levels, site.rel(path)))
    site.care_levels = {level.id: level for level in levels}


def _check_pain_limits(levels: list[CareLevel], file: str) -> list[DataError]:
    """At most one level sets the pain limit of a run, and its card states it in words."""
    problems: list[DataError] = []
    setting = [level for level in levels if level.stop_run_above is not None]
    for level in setting[1:]:
        problems.append(DataError(file, f"only one care level may set the pain limit of a run; "
                                        f"'{setting[0].id}' already does", line=level.line,
                                  entry=level.id, field="stop_run_above"))
    for level in setting:
        words = pain_limit_words(level.stop_run_above)
        if words not in level.action:
            problems.append(DataError(file, f"the action must state the pain limit that "
                                            f"stop_run_above sets, in the words '{words}'",
                                      line=level.line, entry=level.id, field="action"))
    return problems


def lone_999(text: str) -> list[str]:
    """Each sentence of ``text`` that names 999 (or {emergency}) but not "local emergency number"."""
    return [sentence for sentence in _SENTENCE_END.split(text)
            if _NUMBER_999.search(sentence) and LOCAL_NUMBER not in sentence.lower()]


def _check_local_number(levels: list[CareLevel], file: str) -> list[DataError]:
    """A level's heading, summary and action never name 999 alone: the banner, every card, the
    handouts' safety boxes and the flowchart's legend show them."""
    fields = ("heading", "summary", "action")
    return [DataError(file, f"'{sentence}' names the emergency number: add 'or your {LOCAL_NUMBER}' "
                            f"in the same sentence", line=level.line, entry=level.id, field=field)
            for level in levels for field in fields
            for sentence in lone_999(getattr(level, field))] + [
        DataError(file, "names 999: write {emergency}, so each reader sees their own country's "
                        "number (data/regions.yml)", line=level.line, entry=level.id, field=field)
        for level in levels for field in fields if _LITERAL_999.search(getattr(level, field))]


def pain_limit(site: SiteData) -> CareLevel | None:
    """The care level that sets the pain limit of a run (self-care), if any."""
    return next((level for level in site.care_levels.values()
                 if level.stop_run_above is not None), None)


def level(site: SiteData, level_id: str, where: str) -> CareLevel:
    """The care level ``level_id``; ``where`` names the file or page that asks, for the message."""
    if level_id not in site.care_levels:
        raise DataError(where, f"unknown care level '{level_id}' "
                               f"(known: {', '.join(site.care_levels)})")
    return site.care_levels[level_id]
