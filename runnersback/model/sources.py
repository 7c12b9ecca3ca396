"""data/sources.yml: the kinds of source (personal experience ... research) and every source."""

from __future__ import annotations

from pathlib import Path

from .base import Model, PartialDate, Slug, Text, Url, load_yaml, unique_ids, validate
from .core import SiteData, find_refs
from .errors import raise_all


class Kind(Model):
    id: Slug
    label: Text
    tag: Text  # the short word shown after each citation
    description: Text


class Source(Model):
    id: Slug
    short: Text  # the name a citation shows
    title: Text
    kind: Text  # a Kind id
    document: Text | None = None
    date: PartialDate | None = None
    publisher: Text
    promotional: bool | None = None  # true: the source sells something
    url: Url | None = None
    good_for: Text
    limits: Text


class SourcesFile(Model):
    kinds: list[Kind]
    sources: list[Source]


def load(site: SiteData, path: Path) -> None:
    """Load data/sources.yml into ``site.kinds`` and ``site.sources``."""
    file = site.rel(path)
    doc: SourcesFile = validate(SourcesFile, load_yaml(path, file), file)
    raise_all(unique_ids(doc.kinds, file) + unique_ids(doc.sources, file))
    raise_all(find_refs(doc.sources, key="kind", known=[k.id for k in doc.kinds], file=file,
                        what="source kind"))
    site.kinds = {k.id: k for k in doc.kinds}
    site.sources = {s.id: s for s in doc.sources}


__all__ = ["Kind", "Source", "SourcesFile", "load"]
