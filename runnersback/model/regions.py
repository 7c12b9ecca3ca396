"""data/regions.yml: where to go and whom to call, country by country (the care routes).

Only the route changes with the reader's country, never the warning signs. Texts in the other data
files name a route by a placeholder ({emergency}, {hospital}, {urgent}, {gp}); the renderer
(render/regions.py) puts every region's words in its place, and the page shows the reader's. An
unknown placeholder stops the build naming the file, entry and field.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterable

from pydantic import BaseModel

from .base import Model, Text
from .core import SiteData, _items, load_cited_entries
from .errors import DataError, raise_all

# placeholder -> the Region field it is replaced by
PLACEHOLDERS = {"emergency": "emergency", "hospital": "hospital", "urgent": "urgent", "gp": "gp"}
PLACEHOLDER = re.compile(r"\{([^{}\s]*)\}")
HELP_ANCHOR = "care-routes"  # the help page's table of every region's routes


class Region(Model):
    id: Text
    name: Text  # the country, as the region control names it
    emergency: Text  # the number to dial: "999"
    hospital: Text  # with its article: "A&E (the emergency department)", "the ER (emergency room)"
    urgent: Text  # a verb phrase: "call NHS 111"
    urgent_number: Text | None = None
    gp: Text  # "GP (family doctor)"
    notes: Text | None = None  # what differs inside the country
    sources: list[Text]


class RegionsFile(Model):
    regions: list[Region]


def load(site: SiteData, path: Path) -> None:
    """Load data/regions.yml into ``site.regions`` (needs ``site.sources``)."""
    file = site.rel(path)
    regions = load_cited_entries(site, path, RegionsFile, "regions")
    problems = []
    for region in regions:
        if not re.fullmatch(r"[a-z][a-z-]*", region.id):
            problems.append(DataError(file, "a region id is lower-case letters and hyphens (it is "
                                            "kept in the browser and used in CSS)",
                                      line=region.line, entry=region.id, field="id"))
        for field in PLACEHOLDERS.values():
            if PLACEHOLDER.search(getattr(region, field)):
                problems.append(DataError(file, "a route's words cannot hold a placeholder",
                                          line=region.line, entry=region.id, field=field))
    raise_all(problems)
    site.regions = {region.id: region for region in regions}
    site.default_region = site.default_region or next(iter(site.regions), "")


def set_default(site: SiteData, region_id: str | None, where: str = "mkdocs.yml") -> None:
    """The region a page shows before the reader chooses (mkdocs.yml ``extra.region``)."""
    if region_id is None:
        return
    if region_id not in site.regions:
        raise DataError(where, f"extra.region '{region_id}' is not a region of data/regions.yml "
                               f"(known: {', '.join(site.regions)})", field="extra.region")
    site.default_region = region_id


def placeholders(text: str) -> list[str]:
    """The placeholder names in ``text``: "Call {emergency}" -> ["emergency"]."""
    return PLACEHOLDER.findall(text)


def find_bad_placeholders(entries: Iterable[Any], file: str) -> list[DataError]:
    """Every text in ``entries`` (models or mappings, at any depth) with an unknown placeholder."""
    problems: list[DataError] = []
    for item in entries:
        name = getattr(item, "id", None)
        _walk(item, file, name if isinstance(name, str) else None, "", None, problems)
    return problems


def _walk(node: Any, file: str, entry: str | None, path: str, line: int | None,
          problems: list[DataError]) -> None:
    if isinstance(node, str):
        for name in placeholders(node):
            if name not in PLACEHOLDERS:
                problems.append(DataError(
                    file, f"unknown placeholder '{{{name}}}' (known: "
                          f"{', '.join('{' + p + '}' for p in PLACEHOLDERS)})",
                    line=line, entry=entry, field=path or None))
    elif isinstance(node, list):
        for i, item in enumerate(node, 1):
            _walk(item, file, entry, f"{path}[{i}]", line, problems)
    elif isinstance(node, (dict, BaseModel)):
        line = getattr(node, "line", None) or line
        for name, value in _items(node):
            _walk(value, file, entry, f"{path}.{name}" if path else name, line, problems)


def check_placeholders(site: SiteData) -> None:
    """Every placeholder in the data files that carry route words is known."""
    chart = site.flowchart
    files = [("data/care_levels.yml", list(site.care_levels.values())),
             ("data/warning_signs.yml", list(site.signs.values())),
             ("data/exercises.yml", list(site.exercises.values())),
             ("data/conditions.yml", list(site.conditions.values())),
             ("data/flowchart.yml", [*chart.questions.values(), *chart.outcomes.values()]
              if chart else []),
             ("data/return_to_running.yml", [site.return_to_running] if site.return_to_running
              else [])]
    raise_all([problem for file, entries in files
               for problem in find_bad_placeholders(entries, file)])


def route_words(site: SiteData, kind: str, region_id: str) -> str:
    """One region's words for a placeholder: route_words(site, "emergency", "us") -> "911"."""
    return getattr(site.regions[region_id], PLACEHOLDERS[kind])


def expand_plain(site: SiteData, text: str, region_id: str | None = None) -> str:
    """``text`` with each placeholder in one region's words (the default region's unless named):
    for places that cannot hold markup, such as an attribute."""
    region_id = region_id or site.default_region
    return PLACEHOLDER.sub(lambda m: route_words(site, m.group(1), region_id)
                           if m.group(1) in PLACEHOLDERS else m.group(0), text)


__all__ = ["Region", "RegionsFile", "PLACEHOLDERS", "HELP_ANCHOR", "load", "set_default",
           "placeholders", "find_bad_placeholders", "check_placeholders", "route_words",
           "expand_plain"]
