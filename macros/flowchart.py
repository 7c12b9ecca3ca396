"""The decision flowchart "What should I do about my back pain?", from data/flowchart.yml.

One decision graph, checked at build time and drawn twice:

- :func:`steps`: numbered questions whose answers link to the next step or to an outcome card. The
  version for phones, keyboards and screen readers; docs/assets/js/flowchart.js turns it into one
  question at a time, and without JavaScript everything is simply there.
- :func:`drawing`: the whole chart as boxes and arrows in HTML and CSS (no diagram library, no script):
  a vertical line of questions where the answer that leads on goes down and the others go across to an
  outcome or a side question. It is what the page prints: one A4 sheet.

The checks make an unsafe chart impossible to build: every warning sign of the registry
(data/warning_signs.yml) must be asked on every path that ends at an outcome less urgent than the sign,
and an answer that says "I have this sign" may lead only to outcomes at least as urgent.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from pathlib import Path

from .care import card_heading, level as care_level
from .citations import cite
from .html import Linker, esc
from .schema import (BOOL, MAPPING, TEXT, DataError, Field, Record, check_entries, list_of,
                     load_yaml, top_level)
from .sitedata import CITED_TEXT, SiteData, check_refs

ANSWER = Record({"label": Field(TEXT), "next": Field(TEXT), "sign": Field(BOOL, required=False)},
                id_field=None)
LINK = Record({"page": Field(TEXT), "text": Field(TEXT)}, id_field=None)
QUESTION = Record({
    "id": Field(TEXT), "question": Field(TEXT), "short": Field(TEXT, required=False),
    "signs": Field(list_of(TEXT), required=False),
    "hint": Field(MAPPING, required=False, record=CITED_TEXT),
    "answers": Field(list_of(MAPPING), record=ANSWER),
})
MAX_SIGNS = 5  # one screen per question on a phone, and no more than an NHS care card lists
OUTCOME = Record({
    "id": Field(TEXT), "care": Field(TEXT), "title": Field(TEXT),
    "advice": Field(list_of(MAPPING), record=CITED_TEXT),
    "links": Field(list_of(MAPPING), required=False, record=LINK),
})


@dataclass
class Flowchart:
    """The checked graph. ``questions`` and ``outcomes`` keep the file's order."""

    file: str
    questions: dict[str, dict]
    outcomes: dict[str, dict]

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
        return [answer["next"] for answer in self.questions[question_id]["answers"]]

    def asking(self, sign_id: str) -> list[str]:
        """The questions that ask about a warning sign."""
        return [qid for qid, q in self.questions.items() if sign_id in (q.get("signs") or [])]


# --- Loading and checking ------------------------------------------------------------------------

def load(site: SiteData, path: Path) -> None:
    """Parse and check data/flowchart.yml; store the graph on ``site.flowchart``."""
    if not path.exists():
        site.flowchart = None
        return
    file = site.rel(path)
    doc = top_level(load_yaml(path, file), file=file, keys={"questions": True, "outcomes": True})
    questions = check_entries(doc["questions"], QUESTION, file=file, what="questions")
    outcomes = check_entries(doc["outcomes"], OUTCOME, file=file, what="outcomes")
    if not questions:
        raise DataError(file, "the flowchart needs at least one question", field="questions")
    chart = Flowchart(file, {q["id"]: q for q in questions}, {o["id"]: o for o in outcomes})
    for outcome in outcomes:
        if outcome["id"] in chart.questions:
            raise DataError(file, f"duplicate id: a question (line {chart.questions[outcome['id']].line})"
                                  f" already uses it", line=outcome.line, entry=outcome["id"],
                            field="id")
    _check_levels(site, chart)
    _check_signs(site, chart)
    _check_answers(chart)
    _check_cycles(chart)
    _check_order(chart)
    _check_reachable(chart)
    _check_links(site, chart)
    check_refs(outcomes, key="sources", known=site.sources, file=file, what="source")
    _check_safety(site, chart)
    site.flowchart = chart


def _check_levels(site: SiteData, chart: Flowchart) -> None:
    check_refs(list(chart.outcomes.values()), key="care", known=site.care_levels, file=chart.file,
               what="care level")
    for question in chart.questions.values():
        if question.get("hint"):
            check_refs(question["hint"], key="sources", known=site.sources, file=chart.file,
                       what="source", entry=question["id"], path="hint")


def _check_signs(site: SiteData, chart: Flowchart) -> None:
    """Each question's signs are registry signs of one level, with a "yes" answer and a "no" one."""
    for question in chart.questions.values():
        signs = question.get("signs") or []
        where = dict(line=question.line, entry=question["id"])
        marked = [a for a in question["answers"] if a.get("sign")]
        if not signs:
            if marked:
                raise DataError(chart.file, "an answer is marked 'sign: true' but the question asks "
                                            "about no signs", field="answers", **where)
            continue
        for i, sign_id in enumerate(signs, 1):
            if sign_id not in site.signs:
                raise DataError(chart.file, f"unknown warning sign '{sign_id}' (known: "
                                            f"{', '.join(site.signs)}; see data/warning_signs.yml)",
                                field=f"signs[{i}]", **where)
        levels = {site.signs[sign_id]["level"] for sign_id in signs}
        if len(levels) > 1:
            raise DataError(chart.file, f"its signs are of different care levels ("
                                        f"{', '.join(sorted(levels))}); ask each level apart",
                            field="signs", **where)
        if len(signs) > MAX_SIGNS:
            raise DataError(chart.file, f"asks about {len(signs)} signs; at most {MAX_SIGNS} fit one "
                                        f"screen, so split it", field="signs", **where)
        if not marked or len(marked) == len(question["answers"]):
            raise DataError(chart.file, "a question about signs needs an answer marked 'sign: true' "
                                        "(I have one) and one without it (I have none)",
                            field="answers", **where)


def _check_answers(chart: Flowchart) -> None:
    known = list(chart.questions) + list(chart.outcomes)
    for question in chart.questions.values():
        answers = question["answers"]
        if len(answers) < 2:
            raise DataError(chart.file, "a question needs at least two answers", line=question.line,
                            entry=question["id"], field="answers")
        labels: set[str] = set()
        for i, answer in enumerate(answers, 1):
            where = dict(line=getattr(answer, "line", question.line), entry=question["id"])
            if answer["label"] in labels:
                raise DataError(chart.file, f"two answers are labelled '{answer['label']}'",
                                field=f"answers[{i}].label", **where)
            labels.add(answer["label"])
            if answer["next"] not in known:
                raise DataError(chart.file, f"answer '{answer['label']}' leads to '{answer['next']}',"
                                            f" which is neither a question nor an outcome",
                                field=f"answers[{i}].next", **where)
            if answer["next"] == question["id"]:
                raise DataError(chart.file, f"answer '{answer['label']}' leads back to the same "
                                            f"question (a cycle)", field=f"answers[{i}].next",
                                **where)


def _check_cycles(chart: Flowchart) -> None:
    """No path may come back to a question it has already asked."""
    done: set[str] = set()

    def visit(node: str, path: list[str]) -> None:
        if node in chart.outcomes or node in done:
            return
        for i, target in enumerate(chart.targets(node), 1):
            if target in path:
                loop = path[path.index(target):] + [node, target]
                question = chart.questions[node]
                raise DataError(chart.file, "the answers go round in a circle: "
                                + " → ".join(chart.name(n) for n in loop),
                                line=getattr(question["answers"][i - 1], "line", question.line),
                                entry=node, field=f"answers[{i}].next")
            visit(target, path + [node])
        done.add(node)

    for question_id in chart.questions:
        visit(question_id, [])


def _check_order(chart: Flowchart) -> None:
    """Answers lead forward, so "go to step N" on paper always means a later step."""
    for question in chart.questions.values():
        for i, answer in enumerate(question["answers"], 1):
            target = answer["next"]
            if target in chart.questions and chart.number(target) < chart.number(question["id"]):
                raise DataError(chart.file, f"answer '{answer['label']}' leads back to "
                                            f"{chart.name(target)}; list the questions in the order "
                                            f"they are asked",
                                line=getattr(answer, "line", question.line), entry=question["id"],
                                field=f"answers[{i}].next")


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


def _check_reachable(chart: Flowchart) -> None:
    reached = _reachable(chart)
    for question in chart.questions.values():
        if question["id"] not in reached:
            raise DataError(chart.file, f"no answer leads to {chart.name(question['id'])}, so nobody "
                                        f"can reach it", line=question.line, entry=question["id"])
    for outcome in chart.outcomes.values():
        if outcome["id"] not in reached:
            raise DataError(chart.file, f"no answer leads to {chart.name(outcome['id'])}, so nobody "
                                        f"can reach it", line=outcome.line, entry=outcome["id"])


def _check_links(site: SiteData, chart: Flowchart) -> None:
    for outcome in chart.outcomes.values():
        for i, link in enumerate(outcome.get("links") or [], 1):
            if link["page"] not in site.pages:
                raise DataError(chart.file, f"links to '{link['page']}', which is not a page under "
                                            f"docs/", line=getattr(link, "line", outcome.line),
                                entry=outcome["id"], field=f"links[{i}].page")


def _check_safety(site: SiteData, chart: Flowchart) -> None:
    """The chart never sends someone with a warning sign to less urgent care than the sign needs.

    From the registry, not from the chart: for every sign, (1) every path from the start to an outcome
    less urgent than the sign passes a question that asks it, and (2) every answer that says "I have
    this sign" leads only to outcomes at least as urgent. ``asked[n]`` is the set of signs asked on
    *every* path to ``n``; questions are in path order (checked above), so one pass is enough.
    """
    asked: dict[str, set[str]] = {chart.start: set()}
    for question_id, question in chart.questions.items():
        on_the_way = asked[question_id] | set(question.get("signs") or [])
        for target in chart.targets(question_id):
            asked[target] = on_the_way if target not in asked else asked[target] & on_the_way
    for sign_id, sign in site.signs.items():
        needed = sign["level"]
        for outcome in chart.outcomes.values():
            if site.more_urgent(needed, outcome["care"]) and sign_id not in asked[outcome["id"]]:
                questions = chart.asking(sign_id)
                path = _path_to(chart, outcome["id"], avoid=questions)
                where = (f"asked only at {', '.join(chart.name(q) for q in questions)}"
                         if questions else "asked nowhere in the chart")
                raise DataError(
                    chart.file,
                    f"{needed} sign '{sign_id}' (data/warning_signs.yml) is {where}, so a path "
                    f"reaches this {site.care_levels[outcome['care']]['label'].lower()} outcome "
                    "without it: " + " → ".join(chart.name(n) for n in path)
                    + f". Ask it on every path before any outcome less urgent than '{needed}'",
                    line=outcome.line, entry=outcome["id"], field="care")
        for question_id in chart.asking(sign_id):
            question = chart.questions[question_id]
            for i, answer in enumerate(question["answers"], 1):
                if not answer.get("sign"):
                    continue
                for outcome_id in _outcomes_from(chart, answer["next"]):
                    care = chart.outcomes[outcome_id]["care"]
                    if site.more_urgent(needed, care):
                        raise DataError(
                            chart.file,
                            f"answer '{answer['label']}' means the runner has {needed} sign "
                            f"'{sign_id}', but it can lead to {chart.name(outcome_id)}, which is "
                            f"only '{care}'",
                            line=getattr(answer, "line", question.line), entry=question_id,
                            field=f"answers[{i}].next")


def _outcomes_from(chart: Flowchart, node: str) -> list[str]:
    """Every outcome reachable from a node (the node itself, if it is an outcome)."""
    seen, stack, found = set(), [node], []
    while stack:
        here = stack.pop()
        if here in seen:
            continue
        seen.add(here)
        if here in chart.outcomes:
            found.append(here)
        else:
            stack.extend(chart.targets(here))
    return found


def _path_to(chart: Flowchart, target: str, avoid: list[str]) -> list[str]:
    parent = _reachable(chart, avoid=avoid)
    path = [target]
    while parent.get(path[-1]) is not None:
        path.append(parent[path[-1]])
    return path[::-1]


def _chart(site: SiteData) -> Flowchart:
    if site.flowchart is None:
        raise DataError("data/flowchart.yml", "the flowchart page needs this file")
    return site.flowchart


# --- The step-by-step version ----------------------------------------------------------------------

def _answer_text(site: SiteData, chart: Flowchart, answer: dict) -> str:
    """What an answer says, readable on paper: "No: go to step 2", "Yes: Emergency – Call 999 ..."."""
    target = answer["next"]
    if target in chart.questions:
        return f"{esc(answer['label'])}: go to step {chart.number(target)}"
    outcome = chart.outcomes[target]
    care = site.care_levels[outcome["care"]]
    return (f'{esc(answer["label"])}: <span class="fc-badge fc-badge--{esc(outcome["care"])}">'
            f'<span class="fc-icon" aria-hidden="true">{esc(care["icon"])}</span> '
            f'{esc(care["label"])}</span> – {esc(outcome["title"])}')


def _step(site: SiteData, linker: Linker, chart: Flowchart, question: dict, cited: set[str]) -> str:
    number = chart.number(question["id"])
    out = [f'<li class="fc-step" id="{chart.anchor(question["id"])}" '
           f'data-fc-question="{esc(question["id"])}">',
           f'<h2 class="fc-step__q"><span class="fc-step__n">Step {number}:</span> '
           f'{esc(question["question"])}</h2>']
    if question.get("signs"):
        signs = [site.signs[sign_id] for sign_id in question["signs"]]
        out.append('<ul class="fc-step__signs">\n'
                   + "\n".join(f"<li>{esc(sign['text'])}</li>" for sign in signs) + "\n</ul>")
        sources = sorted({s for sign in signs for s in sign["sources"]})
        out.append(f'<p class="fc-step__sources">{cite(site, linker, sources, cited)}</p>')
    if question.get("hint"):
        hint = question["hint"]
        out.append(f'<p class="fc-step__hint">{esc(hint["text"])} '
                   f'{cite(site, linker, hint["sources"], cited)}</p>')
    out.append('<ul class="fc-answers">\n' + "\n".join(
        f'<li><a class="fc-answer" href="#{chart.anchor(answer["next"])}">'
        f'{_answer_text(site, chart, answer)}</a></li>' for answer in question["answers"])
        + "\n</ul>")
    out.append("</li>")
    return "\n".join(out)


def _outcome(site: SiteData, linker: Linker, chart: Flowchart, outcome: dict, cited: set[str]) -> str:
    care = care_level(site, outcome["care"], chart.file)
    # The anchor sits on the heading: the booklet (print-site plugin) keeps only heading and
    # list-item ids unique when it puts every page on one.
    heading = card_heading({**care, "heading": outcome["title"]}).replace(
        "<h3 ", f'<h3 id="{chart.anchor(outcome["id"])}" ', 1)
    advice = "\n".join(f"<li>{esc(item['text'])} {cite(site, linker, item['sources'], cited)}</li>"
                       for item in outcome["advice"])
    out = [f'<section class="care-card care-card--{esc(outcome["care"])} fc-outcome">',
           heading,
           f'<p class="care-card__action"><strong>What to do:</strong> {esc(care["action"])}</p>',
           f"<ul>\n{advice}\n</ul>"]
    if outcome.get("links"):
        links = "\n".join(f"<li>{linker.a(link['page'], link['text'])}</li>"
                          for link in outcome["links"])
        out.append(f'<p class="fc-outcome__more"><strong>Read more:</strong></p>\n'
                   f'<ul class="fc-outcome__links">\n{links}\n</ul>')
    out.append("</section>")
    return "\n".join(out)


def steps(site: SiteData, linker: Linker, cited: set[str]) -> str:
    """Numbered questions, then one care card per outcome. Works without JavaScript."""
    chart = _chart(site)
    questions = "\n".join(_step(site, linker, chart, q, cited) for q in chart.questions.values())
    outcomes = "\n".join(_outcome(site, linker, chart, o, cited) for o in chart.outcomes.values())
    return (f'<div class="fc" data-fc data-fc-start="{chart.anchor(chart.start)}">\n'
            f'<ol class="fc-steps">\n{questions}\n</ol>\n'
            f'<h2 class="fc-outcomes__title" id="fc-outcomes">What your answers mean</h2>\n'
            f'<div class="fc-outcomes">\n{outcomes}\n</div>\n</div>')


# --- The drawing -------------------------------------------------------------------------------------

def _continuation(chart: Flowchart, question_id: str) -> dict:
    """The answer that carries on down the main line: the one to the latest later question, or, when
    every answer ends the chart, the last answer."""
    answers = chart.questions[question_id]["answers"]
    onward = [a for a in answers if a["next"] in chart.questions]
    if onward:
        return max(onward, key=lambda a: chart.number(a["next"]))
    return answers[-1]


def _spine(chart: Flowchart) -> list[str]:
    spine = [chart.start]
    while True:
        target = _continuation(chart, spine[-1])["next"]
        if target in chart.outcomes:
            return spine
        spine.append(target)


def _box_text(site: SiteData, question: dict) -> str:
    """A chart box asks briefly: the question's short form, or its signs' short forms as questions."""
    if question.get("short"):
        return question["short"]
    if question.get("signs"):
        return " ".join(f'{site.signs[sign_id]["short"]}?' for sign_id in question["signs"])
    return question["question"]


def _q_box(site: SiteData, chart: Flowchart, question: dict) -> str:
    text = _box_text(site, question)
    return (f'<a class="fc-box fc-q" href="#{chart.anchor(question["id"])}">'
            f'<span class="fc-n">{chart.number(question["id"])}</span> {esc(text)}</a>')


def _out_box(site: SiteData, chart: Flowchart, outcome_id: str) -> str:
    outcome = chart.outcomes[outcome_id]
    care = site.care_levels[outcome["care"]]
    return (f'<a class="fc-box fc-out fc-out--{esc(outcome["care"])}" '
            f'href="#{chart.anchor(outcome_id)}"><span class="fc-lvl"><span class="fc-icon" '
            f'aria-hidden="true">{esc(care["icon"])}</span> {esc(care["label"])}:</span> '
            f'{esc(outcome["title"])}</a>')


def _goto(chart: Flowchart, label: str, target: str) -> str:
    return (f'<a class="fc-goto" href="#{chart.anchor(target)}">{esc(label)}: go to step '
            f'{chart.number(target)}</a>')


class _Drawer:
    def __init__(self, site: SiteData, chart: Flowchart):
        self.site, self.chart = site, chart
        self.spine = _spine(chart)
        self.drawn: set[str] = set(self.spine)

    def target_box(self, target: str) -> tuple[str, list[str]]:
        """The box for an answer's target, and what hangs below it (a side question's answers)."""
        chart = self.chart
        if target in chart.outcomes:
            return _out_box(self.site, chart, target), []
        if target in self.drawn:
            return (f'<a class="fc-box fc-goto" href="#{chart.anchor(target)}">Go to step '
                    f'{chart.number(target)}</a>'), []
        self.drawn.add(target)
        below = []
        for answer in chart.questions[target]["answers"]:
            below.extend(self.side_answer(answer))
        return _q_box(self.site, chart, chart.questions[target]), below

    def side_answer(self, answer: dict) -> list[str]:
        """An answer of a side question: a short arrow down to its box, or "No: go to step 8"."""
        target = answer["next"]
        if target in self.chart.questions and target in self.drawn:
            return [_goto(self.chart, answer["label"], target)]
        box, below = self.target_box(target)
        return [f'<span class="fc-arrow fc-arrow--sub">{esc(answer["label"])}</span>', box, *below]

    def row(self, question_id: str) -> str:
        chart = self.chart
        question = chart.questions[question_id]
        down = _continuation(chart, question_id)
        across = [a for a in question["answers"] if a is not down]
        cells = [_q_box(self.site, chart, question)]
        below: list[str] = []
        if across:
            first, *rest = across
            box, below = self.target_box(first["next"])
            cells += [f'<span class="fc-arrow fc-arrow--across">{esc(first["label"])}</span>', box]
            for answer in rest:
                below.extend(self.side_answer(answer))
        cells.append(f'<span class="fc-arrow fc-arrow--down">{esc(down["label"])}</span>')
        if below:
            cells.append('<div class="fc-below">\n' + "\n".join(below) + "\n</div>")
        return '<li class="fc-row">\n' + "\n".join(cells) + "\n</li>"

    def draw(self) -> str:
        rows = [self.row(q) for q in self.spine]
        end = _continuation(self.chart, self.spine[-1])["next"]
        rows.append(f'<li class="fc-row fc-row--end">\n{_out_box(self.site, self.chart, end)}\n</li>')
        return '<ol class="fc-spine">\n' + "\n".join(rows) + "\n</ol>"


def drawing(site: SiteData, linker: Linker, cited: set[str]) -> str:
    """The whole chart as boxes and arrows, laid out at build time. Every box links to its step or
    outcome in the step-by-step version, which holds the full advice and its sources."""
    chart = _chart(site)
    first = chart.questions[chart.start]["answers"]
    down = _continuation(chart, chart.start)["label"]
    across = next((a["label"] for a in first if a is not _continuation(chart, chart.start)), "")
    legend = "\n".join(
        f'<li class="fc-legend__item fc-out--{esc(level_id)}"><span class="fc-lvl">'
        f'<span class="fc-icon" aria-hidden="true">{esc(care["icon"])}</span> {esc(care["label"])}:'
        f'</span> {esc(care["heading"])}</li>'
        for level_id, care in site.care_levels.items())
    how = (f"Start at 1. Follow “{esc(down)}” down and “{esc(across)}” across to what to do."
           f'<span class="fc-screen-only"> Each box links to its step.</span>')
    # data-search-exclude: the drawing repeats the steps, which search already indexes.
    return (f'<figure class="fc-chart" aria-labelledby="fc-chart-how" data-search-exclude>\n'
            f'<figcaption class="fc-chart__caption">\n<p id="fc-chart-how">{how}</p>\n'
            f'<ul class="fc-legend">\n{legend}\n</ul>\n</figcaption>\n'
            f'{_Drawer(site, chart).draw()}\n</figure>')


__all__ = ["load", "steps", "drawing", "Flowchart"]
