"""Load and check every data file, in the order they build on each other. The one place that reads
``data/``; the result is a :class:`SiteData` for the renderers."""

from __future__ import annotations

from pathlib import Path

from . import care, conditions, exercises, flowchart, pages, regions, return_to_running, signs, sources
from .core import SiteData, check_refs, find_pages, find_refs
from .errors import DataError

load_sources = sources.load
load_regions = regions.load
load_care_levels = care.load
load_exercises = exercises.load
load_warning_signs = signs.load
load_return_to_running = return_to_running.load


def load(data_dir: Path, docs_dir: Path, default_region: str | None = None) -> SiteData:
    """Load and check all data. Raises DataError with every problem of the first file that has any."""
    site = SiteData(data_dir=data_dir, docs_dir=docs_dir, pages=find_pages(docs_dir))
    sources.load(site, data_dir / "sources.yml")
    if (data_dir / "regions.yml").exists():
        regions.load(site, data_dir / "regions.yml")
        regions.set_default(site, default_region)
    care.load(site, data_dir / "care_levels.yml")
    signs.load(site, data_dir / "warning_signs.yml")
    if (data_dir / "exercises.yml").exists():
        exercises.load(site, data_dir / "exercises.yml")
    conditions.load(site, data_dir / "conditions.yml")
    flowchart.load(site, data_dir / "flowchart.yml")
    return_to_running.load(site, data_dir / "return_to_running.yml")  # checks conditions' starts
    regions.check_placeholders(site)  # {emergency}, {urgent}... known, in every file
    pages.check_review_dates(site)  # no page past its next review
    return site


__all__ = ["SiteData", "DataError", "load", "load_sources", "load_regions", "load_care_levels", "load_exercises",
           "load_warning_signs", "load_return_to_running",
           "find_pages", "check_refs", "find_refs"]
