"""data/warning_signs.yml: every sign that sends a runner to a GP, a physio, NHS 111 or A&E, once."""

from __future__ import annotations

from pathlib import Path

from .base import Model, Slug, Text
from .core import SiteData, find_refs, load_cited_entries
from .errors import DataError, raise_all


class WarningSign(Model):
    id: Slug
    level: Text  # a care level more urgent than self-care
    text: Text  # the sign in a runner's words
    short: Text  # how the printed chart and the banner ask it
    sources: list[Text]
    # Everyday words that name the sign: a condition less urgent than the sign may use them only on
    # a line marked with the sign (data/conditions.yml `warning:`), which then says what to do.
    words: list[Text] | None = None


class WarningSignsFile(Model):
    signs: list[WarningSign]


def load(site: SiteData, path: Path) -> None:
    """Load data/warning_signs.yml into ``site.signs`` (needs sources and care levels)."""
    file = site.rel(path)
    signs = load_cited_entries(site, path, WarningSignsFile, "signs")
    # The least urgent level (self-care) is where no warning sign applies: a sign cannot name it.
    problems = find_refs(signs, key="level", known=list(site.care_levels)[:-1], file=file,
                         what="care level for a sign")
    problems += [DataError(file, "a warning sign needs at least one source", line=sign.line,
                           entry=sign.id, field="sources") for sign in signs if not sign.sources]
    raise_all(problems)
    site.signs = {sign.id: sign for sign in signs}
