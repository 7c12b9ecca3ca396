"""What every data model shares: YAML with line numbers, the pydantic base model, field types, and
validation whose errors name file, line, entry and field (all of a file's errors at once).

Line numbers: the YAML loader records the line each mapping starts on; a pydantic error's ``loc``
(``('conditions', 3, 'signs', 1, 'text')``) is walked through the parsed file to the deepest mapping
on the way, which gives the line; after validation each model gets the line of its mapping, so
cross-checks name lines too.
"""

from __future__ import annotations

import datetime
import types
import typing
from pathlib import Path
from typing import Annotated, Any, Union

import yaml
from pydantic import (BaseModel, ConfigDict, PlainValidator, PrivateAttr, StringConstraints,
                      ValidationError, WithJsonSchema)

from .errors import DataError


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


def describe(value: Any) -> str:
    """A value as a message names it: "text 'one'", "a list", "true/false (True)"."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({value})"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, datetime.date):
        return f"a date ({value})"
    if isinstance(value, str):
        return f"text {value!r}"
    return f"{type(value).__name__} {value!r}"


# --- Models and field types ----------------------------------------------------------------------

class Model(BaseModel):
    """A data entry: unknown fields are errors, and types are taken as YAML gives them (strict: no
    "1" for 1, no "yes" for true). ``line`` is where the entry's mapping starts in its file."""

    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True)
    _line: int = PrivateAttr(default=0)

    @property
    def line(self) -> int:
        return self._line


# Text that says something: not empty, not only spaces.
_NOT_BLANK = r"\S"
Text = Annotated[str, StringConstraints(pattern=_NOT_BLANK)]
_HTTPS = r"^https://"
Url = Annotated[str, StringConstraints(pattern=_HTTPS)]

# An id: it becomes part of HTML ids, anchors and attributes, so lower-case words and hyphens only.
_SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Slug = Annotated[str, StringConstraints(pattern=_SLUG)]

_PARTIAL_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def _partial_date(value: Any) -> int | datetime.date | str:
    if isinstance(value, (int, datetime.date)) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        for fmt in ("%Y", "%Y-%m", "%Y-%m-%d"):
            try:
                datetime.datetime.strptime(value, fmt)
                return value
            except ValueError:
                pass
    raise ValueError(f"expected a date (YYYY, YYYY-MM or YYYY-MM-DD), got {describe(value)}")


# A publication date as precise as known: 2024, "2024-05" or 2024-05-01 (YAML reads that as a date).
PartialDate = Annotated[Any, PlainValidator(_partial_date), WithJsonSchema(
    {"anyOf": [{"type": "integer"}, {"type": "string", "pattern": _PARTIAL_DATE}]})]


class CitedText(Model):
    """A piece of text with the sources that back it: the unit of cited advice in every data file."""

    text: Text
    sources: list[Text]


# --- Validation ----------------------------------------------------------------------------------

def _unwrap(annotation: Any) -> Any:
    """The model or type inside Optional[...], Annotated[...] and list[...] (for loc walking)."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        else:
            return annotation


def _model_at(model: type[BaseModel], loc: tuple) -> tuple[Any, Any]:
    """The model class that holds the last element of ``loc``, and the annotation of that element."""
    holder, annotation = model, model
    for part in loc:
        current = _unwrap(annotation)
        origin = typing.get_origin(current)
        if isinstance(part, int) and origin is list:
            annotation = typing.get_args(current)[0]
        elif isinstance(part, str) and origin is dict:
            annotation = typing.get_args(current)[1]
        elif isinstance(part, str) and isinstance(current, type) and issubclass(current, BaseModel):
            holder = current
            fields = {f.alias or name: f for name, f in current.model_fields.items()}
            if part not in fields:
                return holder, None
            annotation = fields[part].annotation
        else:
            return holder, None
    return holder, annotation


def _field_names(model: type[BaseModel]) -> str:
    return ", ".join(f.alias or name for name, f in model.model_fields.items())


def _kind(annotation: Any) -> str:
    inner = _unwrap(annotation)
    if typing.get_origin(inner) is list:
        item = _unwrap(typing.get_args(inner)[0])
        return "a list of " + ("text" if item is str else "mappings")
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        return "a mapping"
    return "text"


def _problem(error: dict, model: type[BaseModel]) -> str:
    kind, value, loc = error["type"], error.get("input"), error["loc"]
    holder, annotation = _model_at(model, loc)
    got = f"got {describe(value)}"
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return f"unknown field (allowed: {_field_names(holder)})"
    if kind == "string_type":
        hint = (' (write "yes" and "no" in quotes: YAML reads them as true/false)'
                if isinstance(value, bool) else "")
        return f"expected text, {got}{hint}"
    if kind == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern")
        if pattern == _NOT_BLANK:
            return "expected text, got an empty string"
        if pattern == _HTTPS:
            return f"expected a web address starting with https://, {got}"
        if pattern == _SLUG:
            return f"expected an id of lower-case letters, digits and hyphens (like 'back-pain'), {got}"
    if kind == "list_type":
        return f"expected {_kind(annotation)}, {got}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"expected a mapping, {got}"
    if kind == "bool_type":
        return f"expected true or false, {got}"
    if kind.startswith("date_"):
        return f"expected a date (YYYY-MM-DD), {got}"
    if kind == "int_type":
        return f"expected a whole number, {got}"
    if kind == "float_type":
        return f"expected a number, {got}"
    if kind == "literal_error":
        return f"expected one of {error['ctx']['expected'].replace(' or ', ', ')}, {got}"
    if kind == "value_error":
        return str(error["ctx"]["error"])
    return f"{error['msg']}, {got}"


def field_path(parts: tuple | list) -> str:
    """A field's path inside an entry as messages write it: ``care.raise[1].level`` (items from 1)."""
    out = ""
    for part in parts:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _locate(doc: Any, loc: tuple, kind: str) -> tuple[int | None, str | None, tuple]:
    """Line of the deepest mapping on ``loc``'s way, the entry's id, and the loc inside the entry."""
    line, node = getattr(doc, "line", None), doc
    for depth, part in enumerate(loc):
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        # An unknown field is named at its entry's line; a wrongly typed mapping at its own.
        if isinstance(node, Mapping) and (depth < len(loc) - 1 or kind != "extra_forbidden"):
            line = node.line
    entry, inside = None, loc
    if len(loc) >= 2 and isinstance(loc[0], str) and isinstance(loc[1], int):
        inside = loc[2:]
        try:
            found = doc[loc[0]][loc[1]]
            entry = found.get("id") if isinstance(found.get("id"), str) else None
        except (KeyError, IndexError, TypeError, AttributeError):
            pass
    return line, entry, inside


def validate(model: type[BaseModel], doc: Any, file: str, *, context: str | None = None) -> Any:
    """Validate a parsed file (or front matter) against ``model``. Raises one DataError with every
    problem; on success each model in the result knows its line."""
    if not isinstance(doc, dict):
        raise DataError(file, f"expected a mapping at the top of the file, got {describe(doc)}")
    try:
        result = model.model_validate(doc)
    except ValidationError as exc:
        problems = []
        errors = exc.errors(include_url=False)
        # Entry by entry, as pydantic found them, but a misspelt field before the field it misses.
        entries = list(dict.fromkeys(tuple(e["loc"][:2]) for e in errors))
        errors.sort(key=lambda e: (entries.index(tuple(e["loc"][:2])),
                                   e["type"] != "extra_forbidden"))
        for error in errors:
            loc = tuple(error["loc"])
            if len(loc) == 1 and error["type"] in ("missing", "extra_forbidden"):
                problem = (f"missing top-level key '{loc[0]}'" if error["type"] == "missing" else
                           f"unknown top-level key '{loc[0]}' (allowed: {_field_names(model)})")
                problems.append(DataError(file, problem, line=getattr(doc, "line", None)
                                          if error["type"] != "missing" else None))
                continue
            line, entry, inside = _locate(doc, loc, error["type"])
            problems.append(DataError(file, _problem(error, model), line=line, entry=entry,
                                      field=field_path(inside) or None))
        first, *rest = problems
        raise DataError(first.file, first.problem, line=first.line, entry=first.entry,
                        field=first.field, more=rest) from None
    _attach_lines(result, doc)
    return result


def _attach_lines(value: Any, raw: Any) -> None:
    if isinstance(value, BaseModel):
        if isinstance(raw, Mapping):
            value._line = raw.line
        if isinstance(raw, dict):
            for name, info in type(value).model_fields.items():
                _attach_lines(getattr(value, name), raw.get(info.alias or name))
    elif isinstance(value, list) and isinstance(raw, list):
        for item, raw_item in zip(value, raw):
            _attach_lines(item, raw_item)
    elif isinstance(value, dict) and isinstance(raw, dict):
        for key, item in value.items():
            _attach_lines(item, raw.get(key))


def unique_ids(entries: list, file: str) -> list[DataError]:
    """A problem for every entry whose id an earlier entry already uses."""
    seen: dict[str, int] = {}
    problems = []
    for entry in entries:
        if entry.id in seen:
            problems.append(DataError(file, f"duplicate id (first used on line {seen[entry.id]})",
                                      line=entry.line, entry=entry.id, field="id"))
        else:
            seen[entry.id] = entry.line
    return problems
