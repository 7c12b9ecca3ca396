"""Load every data file once, check each against its schema, and check references between them.

The one place that reads ``data/``. Renderers receive a :class:`SiteData` and never open files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .schema import (BOOL, DATE, MAPPING, TEXT, URL, YEAR_MONTH, DataError, Field, Mapping, Record,
                     check_entries, list_of, load_yaml, top_level)

# A piece of text with the sources that back it: the unit of cited advice in every data file.
CITED_TEXT = Record({"text": Field(TEXT), "sources": Field(list_of(TEXT))}, id_field=None)

KIND = Record({"id": Field(TEXT), "label": Field(TEXT), "tag": Field(TEXT), "description": Field(TEXT)})

SOURCE = Record({
    "id": Field(TEXT), "short": Field(TEXT), "title": Field(TEXT), "kind": Field(TEXT),
    "document": Field(TEXT, required=False), "date": Field(YEAR_MONTH, required=False),
    "publisher": Field(TEXT), "promotional": Field(BOOL, required=False),
    "url": Field(URL, required=False),
    "good_for": Field(TEXT), "limits": Field(TEXT),
})

CARE_LEVEL = Record({
    "id": Field(TEXT), "label": Field(TEXT), "heading": Field(TEXT), "icon": Field(TEXT),
    "summary": Field(TEXT), "action": Field(TEXT), "sources": Field(list_of(TEXT)),
    "fits": Field(list_of(MAPPING), required=False, record=CITED_TEXT),
})

WARNING_SIGN = Record({
    "id": Field(TEXT), "level": Field(TEXT), "text": Field(TEXT), "short": Field(TEXT),
    "sources": Field(list_of(TEXT)),
})

EXERCISE = Record({
    "id": Field(TEXT), "name": Field(TEXT), "group": Field(TEXT), "works": Field(TEXT),
    "steps": Field(list_of(TEXT)), "dose": Field(TEXT), "avoid": Field(TEXT),
    "sources": Field(list_of(TEXT)),
})
EXERCISE_GROUPS = ("core", "stretch")


@dataclass
class SiteData:
    data_dir: Path
    docs_dir: Path
    kinds: dict[str, dict] = field(default_factory=dict)
    sources: dict[str, dict] = field(default_factory=dict)
    care_levels: dict[str, dict] = field(default_factory=dict)  # in order, most urgent first
    signs: dict[str, dict] = field(default_factory=dict)  # the warning-sign registry, in file order
    exercises: dict[str, dict] = field(default_factory=dict)
    conditions: dict[str, dict] = field(default_factory=dict)
    condition_meta: dict[str, Any] = field(default_factory=dict)
    flowchart: Any = None
    pages: set[str] = field(default_factory=set)  # every Markdown page, as a path under docs/

    def signs_at(self, level_id: str) -> list[dict]:
        """The registry's warning signs at one care level, in file order."""
        return [sign for sign in self.signs.values() if sign["level"] == level_id]

    def more_urgent(self, level_id: str, than: str) -> bool:
        levels = list(self.care_levels)
        return levels.index(level_id) < levels.index(than)

    def rel(self, path: Path) -> str:
        """A data file's name as an editor sees it in messages: ``data/conditions.yml``."""
        try:
            return str(path.relative_to(self.data_dir.parent))
        except ValueError:
            return str(path)


def find_pages(docs_dir: Path) -> set[str]:
    return {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")
            if "includes" not in p.relative_to(docs_dir).parts}


def check_refs(entries: Any, *, key: str, known: Iterable[str], file: str, what: str,
               entry: str | None = None, path: str = "") -> None:
    """Check every value under ``key``, at any depth in ``entries``, names a known id.

    ``entries`` is a list of entries (mappings with an ``id``) or one entry. ``key`` may hold one id
    or a list of ids. The error names the entry and the field's path inside it, such as
    ``signs[2].sources`` (list items count from 1). Nested ``id`` keys are references, not entries.
    """
    known = dict.fromkeys(known)  # in the file's order for the message, with constant-time lookup
    for item in entries if isinstance(entries, list) else [entries]:
        name = item.get("id") if isinstance(item, dict) else None
        _check_refs_in(item, key, known, file, what, name if isinstance(name, str) else entry, path)


def _check_refs_in(node: Any, key: str, known: dict[str, None], file: str, what: str, entry: str | None,
                   path: str) -> None:
    if isinstance(node, list):
        for i, item in enumerate(node, 1):
            _check_refs_in(item, key, known, file, what, entry, f"{path}[{i}]")
    elif isinstance(node, dict):
        for name, value in node.items():
            here = f"{path}.{name}" if path else name
            if name != key:
                _check_refs_in(value, key, known, file, what, entry, here)
                continue
            for value_id in value if isinstance(value, list) else [value]:
                if value_id is not None and value_id not in known:  # absent: the schema's concern
                    raise DataError(file, f"unknown {what} '{value_id}' (known: {', '.join(known)})",
                                    line=getattr(node, "line", None), entry=entry, field=here)


def load_sources(site: SiteData, path: Path) -> None:
    file = site.rel(path)
    doc = top_level(load_yaml(path, file), file=file, keys={"kinds": True, "sources": True})
    site.kinds = {k["id"]: k for k in check_entries(doc["kinds"], KIND, file=file, what="kinds")}
    sources = check_entries(doc["sources"], SOURCE, file=file, what="sources")
    check_refs(sources, key="kind", known=site.kinds, file=file, what="source kind")
    site.sources = {s["id"]: s for s in sources}


def load_care_levels(site: SiteData, path: Path) -> None:
    file = site.rel(path)
    doc = top_level(load_yaml(path, file), file=file, keys={"care_levels": True})
    levels = check_entries(doc["care_levels"], CARE_LEVEL, file=file, what="care_levels")
    check_refs(levels, key="sources", known=site.sources, file=file, what="source")
    site.care_levels = {level["id"]: level for level in levels}


def load_warning_signs(site: SiteData, path: Path) -> None:
    file = site.rel(path)
    doc = top_level(load_yaml(path, file), file=file, keys={"signs": True})
    signs = check_entries(doc["signs"], WARNING_SIGN, file=file, what="signs")
    # The least urgent level (self-care) is where no warning sign applies: a sign cannot name it.
    sign_levels = list(site.care_levels)[:-1]
    check_refs(signs, key="level", known=sign_levels, file=file, what="care level for a sign")
    check_refs(signs, key="sources", known=site.sources, file=file, what="source")
    for sign in signs:
        if not sign["sources"]:
            raise DataError(file, "a warning sign needs at least one source", line=sign.line,
                            entry=sign["id"], field="sources")
    site.signs = {sign["id"]: sign for sign in signs}


def load_exercises(site: SiteData, path: Path) -> None:
    file = site.rel(path)
    doc = top_level(load_yaml(path, file), file=file, keys={"exercises": True})
    exercises = check_entries(doc["exercises"], EXERCISE, file=file, what="exercises")
    check_refs(exercises, key="group", known=EXERCISE_GROUPS, file=file, what="exercise group")
    check_refs(exercises, key="sources", known=site.sources, file=file, what="source")
    site.exercises = {e["id"]: e for e in exercises}


def load(data_dir: Path, docs_dir: Path) -> SiteData:
    """Load and check all data. Raises DataError on the first problem found."""
    from . import conditions, flowchart  # import here: they build on this module

    site = SiteData(data_dir=data_dir, docs_dir=docs_dir, pages=find_pages(docs_dir))
    load_sources(site, data_dir / "sources.yml")
    load_care_levels(site, data_dir / "care_levels.yml")
    load_warning_signs(site, data_dir / "warning_signs.yml")
    if (data_dir / "exercises.yml").exists():
        load_exercises(site, data_dir / "exercises.yml")
    conditions.load(site, data_dir / "conditions.yml")
    flowchart.load(site, data_dir / "flowchart.yml")
    return site


def check_page_meta(meta: dict, src: str) -> None:
    """Every page states when it was reviewed and when it will be next."""
    for key in ("reviewed", "next_review"):
        value = meta.get(key)
        if value is None:
            raise DataError(f"docs/{src}", "front matter needs a date (YYYY-MM-DD)", field=key)
        problem = DATE.check(value)
        if problem:
            raise DataError(f"docs/{src}", problem, field=key)
    if meta["next_review"] <= meta["reviewed"]:
        raise DataError(f"docs/{src}", "next review must come after the last review",
                        field="next_review")
    summary = meta.get("summary")
    if summary is not None:
        Record({"summary": Field(list_of(MAPPING), record=CITED_TEXT)}, id_field=None).check(
            Mapping(summary=summary), file=f"docs/{src}")


__all__ = ["SiteData", "load", "check_refs", "CITED_TEXT", "DataError", "check_page_meta", "Mapping"]
