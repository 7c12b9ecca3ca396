"""data/care_levels.yml: the levels of care, most urgent first. Their signs are in data/warning_signs.yml."""

from __future__ import annotations

from pathlib import Path

from .base import CitedText, Model, Text
from .core import SiteData, load_cited_entries
from .errors import DataError

HELP_PAGE = "when-to-get-help.md"


class CareLevel(Model):
    id: Text
    label: Text  # "Emergency"
    heading: Text  # the action: "Call 999 or go to A&E now"
    icon: Text
    summary: Text
    action: Text
    sources: list[Text]  # what the summary and action rest on
    fits: list[CitedText] | None = None  # self-care: what pain that can be looked after at home is like


class CareLevelsFile(Model):
    care_levels: list[CareLevel]


def load(site: SiteData, path: Path) -> None:
    """Load data/care_levels.yml into ``site.care_levels`` (needs ``site.sources``)."""
    levels = load_cited_entries(site, path, CareLevelsFile, "care_levels")
    site.care_levels = {level.id: level for level in levels}


def level(site: SiteData, level_id: str, where: str) -> CareLevel:
    """The care level ``level_id``; ``where`` names the file or page that asks, for the message."""
    if level_id not in site.care_levels:
        raise DataError(where, f"unknown care level '{level_id}' "
                               f"(known: {', '.join(site.care_levels)})")
    return site.care_levels[level_id]
