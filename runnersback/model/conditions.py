"""data/conditions.yml: the back problems, the signs of the comparison table, and the checks and
queries on them (related conditions both ways, the sources a condition page rests on).

Each condition has a stub page ``docs/conditions/<id>.md``; the loader checks that data and pages
match both ways.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any, Iterator

from .base import CitedText, Model, Slug, Text, describe, load_yaml, unique_ids, validate
from .core import SiteData, find_refs
from .errors import DataError, raise_all

PAGES_DIR = "conditions"
INDEX_PAGE = f"{PAGES_DIR}/index.md"

# Topic pages a "what helps" item may link to (id = file name under docs/ without .md).
TOPIC_PAGES = ("causes", "rice-and-heat", "stretching", "core-strength", "surfaces-and-training",
               "shoes", "when-to-get-help")
# The self-care topic pages: each lists the conditions whose "what helps" links it, under "Conditions
# this can help" (conditions_helped_by). A condition whose care says stop running links none of them.
SELF_CARE_TOPICS = ("rice-and-heat", "stretching", "core-strength", "surfaces-and-training", "shoes")
# Advice to stop running (not to cut back): a condition that gives it sets care.stop_running.
_STOP_RUNNING = re.compile(r"\bstop(s|ping)? running\b", re.IGNORECASE)

# Values of the comparison table for signs that are not free text, most to least typical.
SCALE = ("yes", "often", "sometimes", "rarely", "no")

# Lists that must not be empty: a page section with nothing in it says nothing.
_NON_EMPTY = ("signs", "worse_with", "helps", "sources")


class SignItem(Model):
    """A usual sign of a condition. A line that names a registry warning sign more urgent than the
    condition's usual level (by the sign's `words`) must say so with `warning`: the page then adds
    what to do, so it never calls a warning sign usual."""

    text: Text
    sources: list[Text]
    warning: Text | None = None  # a sign id of data/warning_signs.yml


class HelpItem(Model):
    text: Text
    sources: list[Text]
    topic: Text | None = None  # a topic page (TOPIC_PAGES) that says more


class CareBlock(Model):
    level: Text  # the usual care level
    why: list[CitedText] | None = None  # why the usual level applies; the page then lists every
    # registry sign more urgent than it (data/warning_signs.yml): a condition never drops one
    stop_running: bool | None = None  # true: the care is to stop running until a clinician says
    # you may start (a stress fracture). No self-care topic page then lists the condition as one it
    # can help; a condition whose "what helps" or care says "stop running" must set it


class Diagnosis(Model):
    who: list[Text]
    how: Text
    sources: list[Text]


class Related(Model):
    id: Slug  # the other condition
    difference: Text
    sources: list[Text]


class ReturnStart(Model):
    """Where a condition's return to running starts, and what is different about it."""

    start: Text  # a stage id of data/return_to_running.yml (checked when that file is loaded)
    when: CitedText  # when the first stage may begin
    notes: list[CitedText]  # what is different for this condition


class Condition(Model):
    id: Slug
    name: Text
    short_name: Text | None = None  # for the comparison table
    also_called: list[Text]
    summary: Text
    what_it_is: CitedText
    signs: list[SignItem]
    worse_with: list[CitedText]
    helps: list[HelpItem]
    care: CareBlock
    return_to_running: ReturnStart
    diagnosis: Diagnosis
    related: list[Related]
    comparison: dict[str, str]  # comparison sign id -> a SCALE value, or text for free-text signs
    sources: list[Text]
    reviewed: datetime.date


class ComparisonSign(Model):
    id: Slug
    label: Text
    question: Text | None = None
    free_text: bool | None = None


class ConditionsFile(Model):
    comparison_signs: list[ComparisonSign]
    conditions: list[Condition]


# --- Loading -------------------------------------------------------------------------------------

def load(site: SiteData, path: Path) -> None:
    """Load and check ``data/conditions.yml`` into ``site.conditions`` and ``site.condition_meta``.

    Needs ``site.sources``, ``site.care_levels`` and ``site.pages`` to be loaded first.
    """
    file = site.rel(path)
    doc: ConditionsFile = validate(ConditionsFile, load_yaml(path, file), file)
    raise_all(unique_ids(doc.comparison_signs, file) + unique_ids(doc.conditions, file))
    known_ids = [c.id for c in doc.conditions]
    problems: list[DataError] = []
    for condition in doc.conditions:
        problems += _check_condition(site, condition, file=file, known_ids=known_ids,
                                     signs=doc.comparison_signs)
        problems += _check_warning_words(site, condition, file=file, signs=doc.comparison_signs)
        problems += _check_stop_running(condition, file=file)
    raise_all(problems)
    site.conditions = {c.id: c for c in doc.conditions}
    site.condition_meta = {"comparison_signs": {s.id: s for s in doc.comparison_signs},
                           "scale": SCALE}
    check_pages(site, file=file)


def _error(file: str, condition: Condition, field: str, problem: str, node: Any = None) -> DataError:
    line = getattr(node, "line", None) or condition.line
    return DataError(file, problem, line=line, entry=condition.id, field=field)


def _check_condition(site: SiteData, c: Condition, *, file: str, known_ids: list[str],
                     signs: list[ComparisonSign]) -> list[DataError]:
    problems: list[DataError] = []
    for name in _NON_EMPTY:
        if not getattr(c, name):
            problems.append(_error(file, c, name, "the list is empty; give at least one item", c))
    if not c.return_to_running.notes:
        problems.append(_error(file, c, "return_to_running.notes", "the list is empty; say what is "
                               "different for this condition", c.return_to_running))

    # Every source id, wherever it is cited, is known and listed in the entry's own `sources`.
    problems += find_refs(c, key="sources", known=site.sources, file=file, what="source")
    for field, ids, node in sorted(_cited_sources(c), key=lambda found: found[0] != "sources"):
        if not ids:
            problems.append(_error(file, c, field, "needs at least one source", node))
        for source_id in ids:
            if field != "sources" and source_id not in c.sources and source_id in site.sources:
                problems.append(_error(file, c, field, f"source '{source_id}' is cited here but "
                                       f"missing from the condition's 'sources' list", node))

    # Topic pages.
    for i, item in enumerate(c.helps, 1):
        if item.topic is not None and item.topic not in TOPIC_PAGES:
            problems.append(_error(file, c, f"helps[{i}].topic", f"unknown topic page "
                                   f"'{item.topic}' (known: {', '.join(TOPIC_PAGES)})", item))

    # The usual care level. The page adds every registry sign of the more urgent levels.
    problems += find_refs(c.care, key="level", known=site.care_levels, file=file,
                          what="care level", entry=c.id, path="care")

    # Related conditions.
    for i, item in enumerate(c.related, 1):
        if item.id not in known_ids:
            problems.append(_error(file, c, f"related[{i}].id", f"unknown condition '{item.id}' "
                                   f"(known: {', '.join(known_ids)})", item))
        if item.id == c.id:
            problems.append(_error(file, c, f"related[{i}].id",
                                   "a condition cannot be related to itself", item))
    related_ids = [item.id for item in c.related]
    for other in dict.fromkeys(related_ids):
        if related_ids.count(other) > 1:
            problems.append(_error(file, c, "related", f"condition '{other}' is listed twice", c))

    # Comparison values: one for every sign, from the scale unless the sign takes free text.
    comparison = c.comparison
    sign_ids = [s.id for s in signs]
    for sign_id in comparison:
        if sign_id not in sign_ids:
            problems.append(_error(file, c, f"comparison.{sign_id}", f"unknown comparison sign "
                                   f"(known: {', '.join(sign_ids)})", c))
    for sign in signs:
        field = f"comparison.{sign.id}"
        if sign.id not in comparison:
            problems.append(_error(file, c, field, "required value is missing (every condition "
                                   "needs a value for every comparison sign)", c))
            continue
        value = comparison[sign.id]
        if sign.free_text:
            if not value.strip():
                problems.append(_error(file, c, field, "expected text, got an empty string", c))
        elif value not in SCALE:
            problems.append(_error(file, c, field, f"expected one of {', '.join(SCALE)}, "
                                   f"got {describe(value)}", c))
    return problems


def names_sign(sign: Any, text: str) -> bool:
    """Whether ``text`` uses one of a warning sign's everyday words (at the start of a word)."""
    return any(re.search(r"\b" + re.escape(word), text, re.I) for word in sign.words or [])


def _check_warning_words(site: SiteData, c: Condition, *, file: str,
                         signs: list[ComparisonSign]) -> list[DataError]:
    """A condition never presents a warning sign more urgent than its usual level as one of its
    usual signs: it may name one only on a `signs` line marked `warning: <sign id>` (the page then
    says what to do), and its comparison-table values for such a sign cannot say it is common."""
    problems: list[DataError] = []
    usual = c.care.level
    if usual not in site.care_levels:  # reported by _check_condition
        return problems
    sooner = [sign for sign in site.signs.values() if site.more_urgent(sign.level, usual)]

    def named(text: str) -> list[Any]:
        return [sign for sign in sooner if names_sign(sign, text)]

    def problem(field: str, sign: Any, node: Any, advice: str) -> DataError:
        return _error(file, c, field, f"names {sign.level} warning sign '{sign.id}' ({sign.text}) "
                      f"in a condition whose usual level is '{usual}'; {advice}", node)

    move = "say it only on a `signs` line marked `warning: <sign id>`"
    plain = [("summary", c.summary, c), ("what_it_is.text", c.what_it_is.text, c.what_it_is)]
    plain += [(f"care.why[{i}].text", item.text, item) for i, item in enumerate(c.care.why or [], 1)]
    for field, text, node in plain:
        problems += [problem(field, sign, node, move) for sign in named(text)]
    for i, item in enumerate(c.signs, 1):
        if item.warning is not None and item.warning not in site.signs:
            problems.append(_error(file, c, f"signs[{i}].warning", f"unknown warning sign "
                                   f"'{item.warning}' (see data/warning_signs.yml)", item))
        problems += [problem(f"signs[{i}].text", sign, item, f"mark the line `warning: {sign.id}`")
                     for sign in named(item.text) if item.warning != sign.id]
    for comparison_sign in signs:
        value = c.comparison.get(comparison_sign.id)
        wording = f"{comparison_sign.label} {comparison_sign.question or ''}"
        if comparison_sign.free_text and value:  # text such as where it hurts
            problems += [problem(f"comparison.{comparison_sign.id}", sign, c,
                                 "leave it out of the comparison table's text")
                         for sign in named(value)]
        elif value in SCALE[:3]:  # yes, often, sometimes: the table would call the sign usual
            problems += [problem(f"comparison.{comparison_sign.id}", sign, c,
                                 "a comparison sign that is a warning sign cannot be "
                                 f"'{value}' here; leave it out of the table")
                         for sign in named(wording)]
    return problems


def _check_stop_running(c: Condition, *, file: str) -> list[DataError]:
    """A condition whose care says stop running is never listed under a self-care page's
    "Conditions this can help": it sets care.stop_running, and then links no self-care topic."""
    problems: list[DataError] = []
    says = [(f"helps[{i}].text", item) for i, item in enumerate(c.helps, 1)
            if _STOP_RUNNING.search(item.text)]
    says += [(f"care.why[{i}].text", item) for i, item in enumerate(c.care.why or [], 1)
             if _STOP_RUNNING.search(item.text)]
    if says and not c.care.stop_running:
        field, node = says[0]
        problems.append(_error(file, c, "care.stop_running", f"'{field}' says stop running: set "
                               "`stop_running: true` under care, so that no self-care page lists "
                               "this condition as one it can help", node))
    if c.care.stop_running:
        problems += [_error(file, c, f"helps[{i}].topic", f"this condition's care says stop "
                            f"running (care.stop_running), so the '{item.topic}' page must not list "
                            f"it under \"Conditions this can help\"; remove the topic", item)
                     for i, item in enumerate(c.helps, 1) if item.topic in SELF_CARE_TOPICS]
    return problems


def _cited_sources(node: Any, path: str = "") -> Iterator[tuple[str, list, Any]]:
    """Every ``sources`` list in an entry: (field path, the ids, the model holding them)."""
    if isinstance(node, Model):
        for name, info in type(node).model_fields.items():
            key, value = info.alias or name, getattr(node, name)
            here = f"{path}.{key}" if path else key
            if key == "sources" and isinstance(value, list):
                yield here, value, node
            else:
                yield from _cited_sources(value, here)
    elif isinstance(node, list):
        for i, item in enumerate(node, 1):
            yield from _cited_sources(item, f"{path}[{i}]")


def check_pages(site: SiteData, *, file: str = "data/conditions.yml") -> None:
    """Every condition has its page docs/conditions/<id>.md, and every such page has a condition."""
    expected = {page_src(cid): c for cid, c in site.conditions.items()}
    present = {p for p in site.pages
               if p.startswith(f"{PAGES_DIR}/") and p != INDEX_PAGE and p.count("/") == 1}
    problems = [DataError(file, f"no page docs/{src}: add a stub page that calls "
                                f'{{{{ condition_page("{condition.id}") }}}}',
                          line=condition.line or None, entry=condition.id, field="id")
                for src, condition in expected.items() if src not in present]
    problems += [DataError(f"docs/{src}", f"this page has no condition in {file} (add an entry "
                                          f"with id '{Path(src).stem}', or delete the page)")
                 for src in sorted(present - set(expected))]
    raise_all(problems)


# --- Queries -------------------------------------------------------------------------------------

def page_src(condition_id: str) -> str:
    return f"{PAGES_DIR}/{condition_id}.md"


def get(site: SiteData, condition_id: str, where: str) -> Condition:
    """The condition ``condition_id``; ``where`` names the page that asks, for the message."""
    if condition_id not in site.conditions:
        raise DataError(where, f"unknown condition '{condition_id}' "
                               f"(known: {', '.join(site.conditions)})")
    return site.conditions[condition_id]


def related(site: SiteData, condition_id: str) -> list[tuple[str, Related]]:
    """Conditions to tell this one apart from, both ways, in file order.

    If A lists B, B's page shows A as well, with A's stated difference. If both list each other, each
    page shows its own statement.
    """
    own = {item.id: item for item in site.conditions[condition_id].related}
    for other_id, other in site.conditions.items():
        for item in other.related:
            if item.id == condition_id and other_id not in own:
                own[other_id] = item
    return [(cid, own[cid]) for cid in site.conditions if cid in own]


def page_sources(site: SiteData, condition_id: str) -> list[str]:
    """The sources a condition page cites: its own, then those of "tell apart" entries that other
    conditions state about it (shown on its page too), then those of its care cards and the warning
    signs they list."""
    found = list(site.conditions[condition_id].sources)
    for _, item in related(site, condition_id):
        found += [sid for sid in item.sources if sid not in found]
    usual = site.conditions[condition_id].care.level
    for level_id, care in site.care_levels.items():
        if level_id == usual or site.more_urgent(level_id, usual):
            ids = list(care.sources)
            if level_id != usual:
                ids += [sid for sign in site.signs_at(level_id) for sid in sign.sources]
            found += [sid for sid in ids if sid not in found]
    return found


def helped_by(site: SiteData, topic: str, where: str) -> list[tuple[str, Condition]]:
    """Conditions whose "what helps" links the topic page ``topic``, in file order. A condition
    whose care says stop running is never among them: the load refuses it a self-care topic
    (_check_stop_running), and any other page that would list it fails here."""
    if topic not in TOPIC_PAGES:
        raise DataError(where, f"conditions_helped_by: unknown topic page '{topic}' "
                               f"(known: {', '.join(TOPIC_PAGES)})")
    found = [(cid, c) for cid, c in site.conditions.items()
             if any(item.topic == topic for item in c.helps)]
    stopped = [cid for cid, c in found if c.care.stop_running]
    if stopped:
        raise DataError(where, f"conditions_helped_by(\"{topic}\") would list "
                               f"{', '.join(stopped)} as helped, but its care says stop running "
                               f"(care.stop_running in data/conditions.yml)")
    return found
