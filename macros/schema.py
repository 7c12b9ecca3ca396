"""Load YAML with line numbers and check entries against a small declarative schema.

Every data problem becomes a DataError whose message names the file, the line, the entry and the
field, so an editor can jump straight to it: ``data/conditions.yml:42: entry 'sciatica', field
'care': unknown care level 'urgnet'``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import yaml


class DataError(Exception):
    """A problem in a data file. The message is meant for the person editing that file."""

    def __init__(self, file: str, problem: str, *, line: int | None = None,
                 entry: str | None = None, field: str | None = None):
        self.file, self.problem, self.line, self.entry, self.field = file, problem, line, entry, field
        where = f"{file}:{line}" if line else file
        context = ([f"entry '{entry}'"] if entry is not None else []) + \
                  ([f"field '{field}'"] if field is not None else [])
        super().__init__(f"{where}: " + (", ".join(context) + ": " if context else "") + problem)


class Mapping(dict):
    """A YAML mapping that remembers the line it starts on (1-based)."""

    line: int = 0


# libyaml's C loader when PyYAML has it (about ten times faster); same safe constructors.
class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> Mapping:
    mapping = Mapping(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path, label: str | None = None) -> Any:
    """Parse a YAML file; mappings come back as :class:`Mapping` with ``.line`` set."""
    label = label or path.name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(label, f"cannot read file ({exc.strerror})") from exc
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataError(label, f"not valid YAML: {getattr(exc, 'problem', exc)}",
                        line=mark.line + 1 if mark else None) from exc


# --- Field types ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Type:
    """A field type: a name for messages and a check that returns a problem or None."""

    name: str
    check: Callable[[Any], str | None]


def _isinstance(kind: type | tuple, name: str) -> Type:
    return Type(name, lambda v: None if isinstance(v, kind) and not isinstance(v, bool) or
                (kind is bool and isinstance(v, bool)) else f"expected {name}, got {describe(v)}")


def describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({value})"
    if isinstance(value, (dict, Mapping)):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, (datetime.date,)):
        return f"a date ({value})"
    if isinstance(value, str):
        return f"text {value!r}"
    return f"{type(value).__name__} {value!r}"


def _text_check(v: Any) -> str | None:
    if not isinstance(v, str):
        return f"expected text, got {describe(v)}"
    if not v.strip():
        return "expected text, got an empty string"
    return None


TEXT = Type("text", _text_check)
BOOL = _isinstance(bool, "true or false")
INT = _isinstance(int, "a whole number")
MAPPING = _isinstance(dict, "a mapping")
DATE = Type("a date (YYYY-MM-DD)", lambda v: None if isinstance(v, datetime.date)
            else f"expected a date (YYYY-MM-DD), got {describe(v)}")
URL = Type("a web address (https://...)",
           lambda v: None if isinstance(v, str) and v.startswith("https://")
           else f"expected a web address starting with https://, got {describe(v)}")
YEAR_MONTH = Type("a date (YYYY, YYYY-MM or YYYY-MM-DD)",
                  lambda v: None if isinstance(v, (int, datetime.date)) or
                  (isinstance(v, str) and _is_partial_date(v))
                  else f"expected a date (YYYY, YYYY-MM or YYYY-MM-DD), got {describe(v)}")


def _is_partial_date(value: str) -> bool:
    for fmt in ("%Y", "%Y-%m", "%Y-%m-%d"):
        try:
            datetime.datetime.strptime(value, fmt)
            return True
        except ValueError:
            pass
    return False


def list_of(item: Type) -> Type:
    def check(v: Any) -> str | None:
        if not isinstance(v, list):
            return f"expected a list of {item.name}, got {describe(v)}"
        for i, element in enumerate(v, 1):
            problem = item.check(element)
            if problem:
                return f"item {i}: {problem}"
        return None
    return Type(f"a list of {item.name}", check)


def one_of(*choices: str) -> Type:
    return Type(f"one of {', '.join(choices)}",
                lambda v: None if v in choices else
                f"expected one of {', '.join(choices)}, got {describe(v)}")


# --- Records -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Field:
    """One field. ``record`` describes the items when the field holds mappings (or a list of them)."""

    type: Type
    required: bool = True
    record: "Record | None" = None


@dataclass
class Record:
    """The fields one kind of entry may have. ``check`` returns the entry's problems as DataErrors."""

    fields: dict[str, Field]
    id_field: str | None = "id"

    def check(self, entry: Any, *, file: str, entry_id: str | None = None,
              prefix: str = "") -> None:
        line = getattr(entry, "line", None)
        if not isinstance(entry, dict):
            raise DataError(file, f"expected a mapping, got {describe(entry)}", line=line,
                            entry=entry_id, field=prefix.rstrip(".") or None)
        if entry_id is None and self.id_field and isinstance(entry.get(self.id_field), str):
            entry_id = entry[self.id_field]
        for name in entry:
            if name not in self.fields:
                raise DataError(file, f"unknown field (allowed: {', '.join(self.fields)})",
                                line=line, entry=entry_id, field=prefix + str(name))
        for name, spec in self.fields.items():
            if name not in entry or entry[name] is None:
                if spec.required:
                    raise DataError(file, "required field is missing", line=line, entry=entry_id,
                                    field=prefix + name)
                continue
            value = entry[name]
            if spec.record is not None:
                if isinstance(value, list):
                    for i, item in enumerate(value, 1):
                        spec.record.check(item, file=file, entry_id=entry_id,
                                          prefix=f"{prefix}{name}[{i}].")
                else:
                    spec.record.check(value, file=file, entry_id=entry_id, prefix=f"{prefix}{name}.")
            problem = spec.type.check(value)
            if problem:
                raise DataError(file, problem, line=getattr(value, "line", line), entry=entry_id,
                                field=prefix + name)


def check_entries(entries: Any, record: Record, *, file: str, what: str) -> list[dict]:
    """Check a list of entries and that their ids are unique. Returns the list."""
    if not isinstance(entries, list):
        raise DataError(file, f"'{what}' must be a list of entries, got {describe(entries)}")
    seen: dict[str, int] = {}
    for entry in entries:
        record.check(entry, file=file)
        entry_id = entry.get(record.id_field) if record.id_field else None
        if entry_id is not None:
            if entry_id in seen:
                raise DataError(file, f"duplicate id (first used on line {seen[entry_id]})",
                                line=entry.line if isinstance(entry, Mapping) else None,
                                entry=entry_id, field=record.id_field)
            seen[entry_id] = getattr(entry, "line", 0)
    return entries


def top_level(document: Any, *, file: str, keys: dict[str, bool]) -> dict:
    """Check a file's top-level mapping: ``keys`` maps each allowed key to whether it is required."""
    if not isinstance(document, dict):
        raise DataError(file, f"expected a mapping at the top of the file, got {describe(document)}")
    for key in document:
        if key not in keys:
            raise DataError(file, f"unknown top-level key '{key}' (allowed: {', '.join(keys)})",
                            line=document.line if isinstance(document, Mapping) else None)
    for key, required in keys.items():
        if required and key not in document:
            raise DataError(file, f"missing top-level key '{key}'")
    return document
