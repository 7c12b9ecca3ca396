"""Data problems, named so an editor can jump straight to them.

``data/conditions.yml:42: entry 'sciatica', field 'care.raise[1].level': unknown care level 'urgnet'``.
A :class:`DataError` carries every problem found in a file at once: the first one in its attributes,
the others in ``more``, each on a line of its own in the message.
"""

from __future__ import annotations

from typing import Iterable


class DataError(Exception):
    """A problem in a data file or a page. The message is meant for the person editing that file."""

    def __init__(self, file: str, problem: str, *, line: int | None = None,
                 entry: str | None = None, field: str | None = None,
                 more: Iterable["DataError"] = ()):
        self.file, self.problem, self.line, self.entry, self.field = file, problem, line, entry, field
        self.more = list(more)
        super().__init__("\n".join([self.one_line(), *(e.one_line() for e in self.more)]))

    def one_line(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        context = ([f"entry '{self.entry}'"] if self.entry is not None else []) + \
                  ([f"field '{self.field}'"] if self.field is not None else [])
        return f"{where}: " + (", ".join(context) + ": " if context else "") + self.problem

    @property
    def problems(self) -> list["DataError"]:
        """Every problem, this one first."""
        return [self, *self.more]


def raise_all(problems: list[DataError]) -> None:
    """Raise one DataError carrying every problem found, if any."""
    if problems:
        first, *rest = [p for found in problems for p in found.problems]
        raise DataError(first.file, first.problem, line=first.line, entry=first.entry,
                        field=first.field, more=rest)
