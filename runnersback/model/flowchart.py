"""The decision flowchart "What should I do about my back pain?": data/flowchart.yml as a checked graph.

The checks make an unsafe chart impossible to build: every warning sign of the registry
(data/warning_signs.yml) must be asked on every path that ends at an outcome less urgent than the sign,
and an answer that says "I have this sign" may lead only to outcomes at least as urgent. They run in stages
(answers, cycles, order, reachability, links and sources, safety); each stage reports every problem it
finds, and a stage runs only when the ones before it found none, since it relies on them.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from pathlib import Path

from .base import CitedText, Model, Slug, Text, load_yaml, unique_ids, validate
from .core import SiteData, find_refs
from .errors import DataError, raise_all


class Answer(Model):
    label: Text
    next: Text  # a question or an outcome id
    sign: bool = False  # choosing this answer means "I have one of the question's signs"


class Link(Model):
    page: Text  # a page under docs/
    text: Text


class Question(Model):
    id: Slug
    question: Text
    short: Text | None = None  # for the drawing
    signs: list[Text] | None = None  # warning signs it asks about, by id from data/warning_signs.yml
    hint: CitedText | None = None
    answers: list[Answer]


class Outcome(Model):
    id: Slug
    care: Text  # a care level
    title: Text
    advice: list[CitedText]
    links: list[Link] | None = None


class FlowchartFile(Model):
    questions: list[Question]
    outcomes: list[Outcome]


@dataclass
class Flowchart:
    """The checked graph. ``questions`` and ``outcomes`` keep the file's order."""

    file: str
    questions: dict[Slug, Question]
    outcomes: dict[Slug, Outcome]

    @property
    def start(self) -> str:
        return next(iter(self.questions))

    def number(self, question_id: str) -> int:
        return list(self.questions).index(question_id) + 1

    def anchor(self, node_id: str) -> str:
        if node_id in self.questions:
            return f"step-{self.number(node_id)}"
        return f"outcome-{node_id}"

    def name(self, node_id: str) -> str:
        """How messages name a node: "step 3 ('unwell')" or "outcome 'sciatica'"."""
        if node_id in self.questions:
            return f"step {self.number(node_id)} ('{node_id}')"
        return f"outcome '{node_id}'"

    def targets(self, question_id: str) -> list[str]:
        return [answer.next for answer in self.questions[question_id].answers]

    def asking(self, sign_id: str) -> list[str]:
        """The questions that ask about a warning sign."""
        return [qid for qid, q in self.questions.items() if sign_id in (q.signs or [])]


MAX_SIGNS = 5  # one screen per question on a phone, and no more than an NHS care card lists


# --- Loading and checking ------------------------------------------------------------------------

def load(site: SiteData, path: Path) -> None:
    """Parse and check data/flowchart.yml; store the graph on ``site.flowchart``."""
    if not path.exists():
        site.flowchart = None
        return
    file = site.rel(path)
    doc: FlowchartFile = validate(FlowchartFile, load_yaml(path, file), file)
    raise_all(unique_ids(doc.questions, file) + unique_ids(doc.outcomes, file))
    if not doc.questions:
        raise DataError(file, "the flowchart needs at least one question", field="questions")
    chart = Flowchart(file, {q.id: q for q in doc.questions}, {o.id: o for o in doc.outcomes})
    raise_all([DataError(file, f"duplicate id: a question (line {chart.questions[o.id].line})"
                               f" already uses it", line=o.line, entry=o.id, field="id")
               for o in doc.outcomes if o.id in chart.questions])
    raise_all(_check_levels(site, chart) + _check_signs(site, chart) + _check_answers(chart))
    raise_all(_check_cycles(chart))
    raise_all(_check_order(chart))
    raise_all(_check_reachable(chart))
    raise_all(_check_links(site, chart) + find_refs(doc.outcomes, key="sources", known=site.sources,
                                                     file=file, what="source"))
    raise_all(_check_safety(site, chart))
    site.flowchart = chart


def chart_of(site: SiteData) -> Flowchart:
    """The site's flowchart, for the page that shows it."""
    if site.flowchart is None:
        raise DataError("data/flowchart.yml", "the flowchart page needs this file")
    return site.flowchart


def _check_levels(site: SiteData, chart: Flowchart) -> list[DataError]:
    return (find_refs(list(chart.outcomes.values()), key="care", known=site.care_levels,
                      file=chart.file, what="care level")
            + [problem for question in chart.questions.values() if question.hint
               for problem in find_refs(question.hint, key="sources", known=site.sources,
                                        file=chart.file, what="source", entry=question.id,
                                        path="hint")])


def _check_signs(site: SiteData, chart: Flowchart) -> list[DataError]:
    """Each question's signs are registry signs of one level, with a "yes" answer and a "no" one."""
    problems: list[DataError] = []
    for question in chart.questions.values():
        signs = question.signs or []
        where = dict(line=question.line, entry=question.id)
        marked = [a for a in question.answers if a.sign]
        if not signs:
            if marked:
                problems.append(DataError(chart.file, "an answer is marked 'sign: true' but the "
                                          "question asks about no signs", field="answers", **where))
            continue
        unknown = [(i, sid) for i, sid in enumerate(signs, 1) if sid not in site.signs]
        problems += [DataError(chart.file, f"unknown warning sign '{sid}' (known: "
                               f"{', '.join(site.signs)}; see data/warning_signs.yml)",
                               field=f"signs[{i}]", **where) for i, sid in unknown]
        if unknown:
            continue
        levels = {site.signs[sid].level for sid in signs}
        if len(levels) > 1:
            problems.append(DataError(chart.file, f"its signs are of different care levels ("
                                      f"{', '.join(sorted(levels))}); ask each level apart",
                                      field="signs", **where))
        if len(signs) > MAX_SIGNS:
            problems.append(DataError(chart.file, f"asks about {len(signs)} signs; at most "
                                      f"{MAX_SIGNS} fit one screen, so split it", field="signs",
                                      **where))
        if not marked or len(marked) == len(question.answers):
            problems.append(DataError(chart.file, "a question about signs needs an answer marked "
                                      "'sign: true' (I have one) and one without it (I have none)",
                                      field="answers", **where))
    return problems


def _check_answers(chart: Flowchart) -> list[DataError]:
    problems: list[DataError] = []
    known = list(chart.questions) + list(chart.outcomes)
    for question in chart.questions.values():
        answers = question.answers
        if len(answers) < 2:
            problems.append(DataError(chart.file, "a question needs at least two answers", line=question.line,
                            entry=question.id, field="answers"))
        labels: set[str] = set()
        for i, answer in enumerate(answers, 1):
            where = dict(line=answer.line or question.line, entry=question.id)
            if answer.label in labels:
                problems.append(DataError(chart.file, f"two answers are labelled '{answer.label}'",
                                field=f"answers[{i}].label", **where))
            labels.add(answer.label)
            if answer.next not in known:
                problems.append(DataError(chart.file, f"answer '{answer.label}' leads to '{answer.next}',"
                                            f" which is neither a question nor an outcome",
                                field=f"answers[{i}].next", **where))
            if answer.next == question.id:
                problems.append(DataError(chart.file, f"answer '{answer.label}' leads back to the same "
                                            f"question (a cycle)", field=f"answers[{i}].next",
                                **where))
    return problems


def _check_cycles(chart: Flowchart) -> list[DataError]:
    """No path may come back to a question it has already asked."""
    problems: list[DataError] = []
    done: set[str] = set()

    def visit(node: str, path: list[str]) -> None:
        if node in chart.outcomes or node in done:
            return
        for i, target in enumerate(chart.targets(node), 1):
            if target in path:
                loop = path[path.index(target):] + [node, target]
                question = chart.questions[node]
                problems.append(DataError(chart.file, "the answers go round in a circle: "
                                + " → ".join(chart.name(n) for n in loop),
                                line=question.answers[i - 1].line or question.line,
                                entry=node, field=f"answers[{i}].next"))
                continue
            visit(target, path + [node])
        done.add(node)

    for question_id in chart.questions:
        visit(question_id, [])
    return problems


def _check_order(chart: Flowchart) -> list[DataError]:
    """Answers lead forward, so "go to step N" on paper always means a later step."""
    problems: list[DataError] = []
    for question in chart.questions.values():
        for i, answer in enumerate(question.answers, 1):
            target = answer.next
            if target in chart.questions and chart.number(target) < chart.number(question.id):
                problems.append(DataError(chart.file, f"answer '{answer.label}' leads back to "
                                            f"{chart.name(target)}; list the questions in the order "
                                            f"they are asked",
                                line=answer.line or question.line, entry=question.id,
                                field=f"answers[{i}].next"))
    return problems


def _reachable(chart: Flowchart, avoid: list[str] = ()) -> dict[str, str | None]:
    """Breadth-first from the start: each reachable node and the question that first led to it."""
    parent: dict[str, str | None] = {chart.start: None}
    queue = deque([chart.start])
    while queue:
        node = queue.popleft()
        if node in chart.outcomes:
            continue
        for target in chart.targets(node):
            if target not in parent and target not in avoid:
                parent[target] = node
                queue.append(target)
    return parent


def _check_reachable(chart: Flowchart) -> list[DataError]:
    problems: list[DataError] = []
    reached = _reachable(chart)
    for question in chart.questions.values():
        if question.id not in reached:
            problems.append(DataError(chart.file, f"no answer leads to {chart.name(question.id)}, so nobody "
                                        f"can reach it", line=question.line, entry=question.id))
    for outcome in chart.outcomes.values():
        if outcome.id not in reached:
            problems.append(DataError(chart.file, f"no answer leads to {chart.name(outcome.id)}, so nobody "
                                        f"can reach it", line=outcome.line, entry=outcome.id))
    return problems


def _check_links(site: SiteData, chart: Flowchart) -> list[DataError]:
    problems: list[DataError] = []
    for outcome in chart.outcomes.values():
        for i, link in enumerate(outcome.links or [], 1):
            if link.page not in site.pages:
                problems.append(DataError(chart.file, f"links to '{link.page}', which is not a page under "
                                            f"docs/", line=link.line or outcome.line,
                                entry=outcome.id, field=f"links[{i}].page"))
    return problems


def _check_safety(site: SiteData, chart: Flowchart) -> list[DataError]:
    """The chart never sends someone with a warning sign to less urgent care than the sign needs.

    From the registry, not from the chart: for every sign, (1) every path from the start to an outcome
    less urgent than the sign passes a question that asks it, and (2) every answer that says "I have
    this sign" leads only to outcomes at least as urgent. ``asked[n]`` is the set of signs asked on
    *every* path to ``n``; questions are in path order (checked above), so one pass is enough.
    """
    problems: list[DataError] = []
    asked: dict[str, set[str]] = {chart.start: set()}
    for question_id, question in chart.questions.items():
        on_the_way = asked[question_id] | set(question.signs or [])
        for target in chart.targets(question_id):
            asked[target] = on_the_way if target not in asked else asked[target] & on_the_way
    for sign_id, sign in site.signs.items():
        needed = sign.level
        for outcome in chart.outcomes.values():
            if site.more_urgent(needed, outcome.care) and sign_id not in asked[outcome.id]:
                questions = chart.asking(sign_id)
                path = _path_to(chart, outcome.id, avoid=questions)
                where = (f"asked only at {', '.join(chart.name(q) for q in questions)}"
                         if questions else "asked nowhere in the chart")
                problems.append(DataError(
                    chart.file,
                    f"{needed} sign '{sign_id}' (data/warning_signs.yml) is {where}, so a path "
                    f"reaches this {site.care_levels[outcome.care].label.lower()} outcome "
                    "without it: " + " → ".join(chart.name(n) for n in path)
                    + f". Ask it on every path before any outcome less urgent than '{needed}'",
                    line=outcome.line, entry=outcome.id, field="care"))
        for question_id in chart.asking(sign_id):
            question = chart.questions[question_id]
            for i, answer in enumerate(question.answers, 1):
                if not answer.sign:
                    continue
                for outcome_id in _outcomes_from(chart, answer.next):
                    care = chart.outcomes[outcome_id].care
                    if site.more_urgent(needed, care):
                        problems.append(DataError(
                            chart.file,
                            f"answer '{answer.label}' means the runner has {needed} sign "
                            f"'{sign_id}', but it can lead to {chart.name(outcome_id)}, which is "
                            f"only '{care}'",
                            line=answer.line or question.line, entry=question_id,
                            field=f"answers[{i}].next"))
                        break
    return problems


def _outcomes_from(chart: Flowchart, node: str) -> list[str]:
    """Every outcome reachable from a node (the node itself, if it is an outcome), in file order."""
    seen, stack = set(), [node]
    while stack:
        here = stack.pop()
        if here in seen:
            continue
        seen.add(here)
        if here not in chart.outcomes:
            stack.extend(chart.targets(here))
    return [o for o in chart.outcomes if o in seen]


def _path_to(chart: Flowchart, target: str, avoid: list[str]) -> list[str]:
    parent = _reachable(chart, avoid=avoid)
    path = [target]
    while parent.get(path[-1]) is not None:
        path.append(parent[path[-1]])
    return path[::-1]
