"""The loaded site: every data file's entries by id, and the checks of references between files.

:class:`SiteData` is what renderers receive; they never open files. ``load`` (in site.py) fills it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from pydantic import BaseModel

from .base import load_yaml, unique_ids, validate
from .errors import DataError, raise_all

if TYPE_CHECKING:  # types only: those modules build on this one
    from .care import CareLevel
    from .conditions import Condition
    from .exercises import Exercise
    from .flowchart import Flowchart
    from .regions import Region
    from .return_to_running import ReturnToRunning
    from .signs import WarningSign
    from .sources import Kind, Source


@dataclass
class SiteData:
    data_dir: Path
    docs_dir: Path
    kinds: dict[str, "Kind"] = field(default_factory=dict)
    sources: dict[str, "Source"] = field(default_factory=dict)
    regions: dict[str, "Region"] = field(default_factory=dict)  # care routes by country
    default_region: str = ""  # shown before the reader chooses (mkdocs.yml extra.region)
    care_levels: dict[str, "CareLevel"] = field(default_factory=dict)  # most urgent first
    signs: dict[str, "WarningSign"] = field(default_factory=dict)  # the warning-sign registry
    exercises: dict[str, "Exercise"] = field(default_factory=dict)
    conditions: dict[str, "Condition"] = field(default_factory=dict)
    # "comparison_signs": {id: ComparisonSign}, "scale": the values a sign takes, most typical first
    condition_meta: dict[str, Any] = field(default_factory=dict)
    flowchart: "Flowchart | None" = None
    return_to_running: "ReturnToRunning | None" = None  # the graded return to running
    pages: set[str] = field(default_factory=set)  # every Markdown page, as a path under docs/

    def signs_at(self, level_id: str) -> list["WarningSign"]:
        """The registry's warning signs at one care level, in file order."""
        return [sign for sign in self.signs.values() if sign.level == level_id]

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


def _items(node: Any) -> Iterable[tuple[str, Any]]:
    """A mapping's or a model's fields, named as in the data file."""
    if isinstance(node, BaseModel):
        return ((info.alias or name, getattr(node, name))
                for name, info in type(node).model_fields.items())
    return node.items()


def find_refs(entries: Any, *, key: str, known: Iterable[str], file: str, what: str,
              entry: str | None = None, path: str = "") -> list[DataError]:
    """Every value under ``key``, at any depth in ``entries``, that names no known id.

    ``entries`` is a list of entries (models or mappings with an ``id``) or one entry. ``key`` may
    hold one id or a list of ids. Each problem names the entry and the field's path inside it, such
    as ``signs[2].sources`` (list items count from 1). Nested ``id`` keys are references, not entries.
    """
    known = dict.fromkeys(known)  # in the file's order for the message, with constant-time lookup
    problems: list[DataError] = []
    for item in entries if isinstance(entries, list) else [entries]:
        name = item.get("id") if isinstance(item, dict) else getattr(item, "id", None)
        _refs_in(item, key, known, file, what, name if isinstance(name, str) else entry, path,
                 problems)
    return problems


def check_refs(entries: Any, **kwargs: Any) -> None:
    """:func:`find_refs`, raising one DataError with every unknown reference."""
    raise_all(find_refs(entries, **kwargs))


def _refs_in(node: Any, key: str, known: dict[str, None], file: str, what: str, entry: str | None,
             path: str, problems: list[DataError]) -> None:
    if isinstance(node, list):
        for i, item in enumerate(node, 1):
            _refs_in(item, key, known, file, what, entry, f"{path}[{i}]", problems)
    elif isinstance(node, (dict, BaseModel)):
        for name, value in _items(node):
            here = f"{path}.{name}" if path else name
            if name != key:
                _refs_in(value, key, known, file, what, entry, here, problems)
                continue
            for value_id in value if isinstance(value, list) else [value]:
                if value_id is not None and value_id not in known:  # absent: the schema's concern
                    problems.append(DataError(
                        file, f"unknown {what} '{value_id}' (known: {', '.join(known)})",
                        line=getattr(node, "line", None), entry=entry, field=here))


def load_cited_entries(site: SiteData, path: Path, model: type[BaseModel], key: str) -> list:
    """Validate a file whose ``key`` lists entries with ids that cite sources; check the ids are
    unique and every source is known. Returns the entries."""
    file = site.rel(path)
    entries = getattr(validate(model, load_yaml(path, file), file), key)
    raise_all(unique_ids(entries, file))
    raise_all(find_refs(entries, key="sources", known=site.sources, file=file, what="source"))
    return entries
