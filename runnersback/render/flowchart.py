"""The decision flowchart "What should I do about my back pain?", drawn twice from the checked graph
(runnersback/model/flowchart.py):

- :func:`steps`: numbered questions whose answers link to the next step or to an outcome card. The
  version for phones, keyboards and screen readers; docs/assets/js/flowchart.js turns it into one
  question at a time, and without JavaScript everything is simply there.
- :func:`drawing`: the whole chart as boxes and arrows in HTML and CSS (no diagram library, no script):
  a vertical line of questions where the answer that leads on goes down and the others go across to an
  outcome or a side question. It is what the page prints: one A4 sheet.
"""

from __future__ import annotations

from ..model.care import level as care_level
from ..model.core import SiteData
from ..model.flowchart import Answer, Flowchart, Outcome, Question, chart_of
from .care import card_heading, cited_once
from .citations import cited_text
from .html import Linker, esc


# --- The step-by-step version ----------------------------------------------------------------------

def _answer_text(site: SiteData, chart: Flowchart, answer: Answer) -> str:
    """What an answer says, readable on paper: "No: go to step 2", "Yes: Emergency – Call 999 ..."."""
    target = answer.next
    if target in chart.questions:
        return f"{esc(answer.label)}: go to step {chart.number(target)}"
    outcome = chart.outcomes[target]
    care = site.care_levels[outcome.care]
    return (f'{esc(answer.label)}: <span class="fc-badge fc-badge--{esc(outcome.care)}">'
            f'<span class="fc-icon" aria-hidden="true">{esc(care.icon)}</span> '
            f'{esc(care.label)}</span> – {esc(outcome.title)}')


def _step(site: SiteData, linker: Linker, chart: Flowchart, question: Question,
          cited: set[str]) -> str:
    number = chart.number(question.id)
    out = [f'<li class="fc-step" id="{chart.anchor(question.id)}" '
           f'data-fc-question="{esc(question.id)}">',
           f'<h2 class="fc-step__q"><span class="fc-step__n">Step {number}:</span> '
           f'{esc(question.question)}</h2>']
    if question.signs:
        signs = [site.signs[sign_id] for sign_id in question.signs]
        out.append(cited_once(site, linker, signs, cited, "fc-step__sources", "fc-step__signs"))
    if question.hint:
        out.append(f'<p class="fc-step__hint">{cited_text(site, linker, question.hint, cited)}</p>')
    out.append('<ul class="fc-answers">\n' + "\n".join(
        f'<li><a class="fc-answer" href="#{chart.anchor(answer.next)}">'
        f'{_answer_text(site, chart, answer)}</a></li>' for answer in question.answers)
        + "\n</ul>")
    out.append("</li>")
    return "\n".join(out)


def _outcome(site: SiteData, linker: Linker, chart: Flowchart, outcome: Outcome, cited: set[str]) -> str:
    care = care_level(site, outcome.care, chart.file)
    # The anchor sits on the heading, where a link to the outcome lands (on the page and in the
    # booklet, which prefixes it with the chapter's name).
    heading = card_heading(care.model_copy(update={"heading": outcome.title})).replace(
        "<h3 ", f'<h3 id="{chart.anchor(outcome.id)}" ', 1)
    advice = "\n".join(f"<li>{cited_text(site, linker, item, cited)}</li>" for item in outcome.advice)
    out = [f'<section class="care-card care-card--{esc(outcome.care)} fc-outcome">',
           heading,
           f'<p class="care-card__action"><strong>What to do:</strong> {esc(care.action)}</p>',
           f"<ul>\n{advice}\n</ul>"]
    if outcome.links:
        links = "\n".join(f"<li>{linker.a(link.page, link.text)}</li>"
                          for link in outcome.links)
        out.append(f'<p class="fc-outcome__more"><strong>Read more:</strong></p>\n'
                   f'<ul class="fc-outcome__links">\n{links}\n</ul>')
    out.append("</section>")
    return "\n".join(out)


def steps(site: SiteData, linker: Linker, cited: set[str]) -> str:
    """Numbered questions, then one care card per outcome. Works without JavaScript."""
    chart = chart_of(site)
    questions = "\n".join(_step(site, linker, chart, q, cited) for q in chart.questions.values())
    outcomes = "\n".join(_outcome(site, linker, chart, o, cited) for o in chart.outcomes.values())
    return (f'<div class="fc" data-fc data-fc-start="{chart.anchor(chart.start)}">\n'
            f'<ol class="fc-steps">\n{questions}\n</ol>\n'
            f'<h2 class="fc-outcomes__title" id="fc-outcomes">What your answers mean</h2>\n'
            f'<div class="fc-outcomes">\n{outcomes}\n</div>\n</div>')


# --- The drawing -------------------------------------------------------------------------------------

def _continuation(chart: Flowchart, question_id: str) -> Answer:
    """The answer that carries on down the main line: the one to the latest later question, or, when
    every answer ends the chart, the last answer."""
    answers = chart.questions[question_id].answers
    onward = [a for a in answers if a.next in chart.questions]
    if onward:
        return max(onward, key=lambda a: chart.number(a.next))
    return answers[-1]


def _spine(chart: Flowchart) -> list[str]:
    spine = [chart.start]
    while True:
        target = _continuation(chart, spine[-1]).next
        if target in chart.outcomes:
            return spine
        spine.append(target)


def _box_text(site: SiteData, question: Question) -> str:
    """A chart box asks briefly: the question's short form, or its signs' short forms as questions."""
    if question.short:
        return question.short
    if question.signs:
        return " ".join(f"{site.signs[sign_id].short}?" for sign_id in question.signs)
    return question.question


def _q_box(site: SiteData, chart: Flowchart, question: Question) -> str:
    text = _box_text(site, question)
    return (f'<a class="fc-box fc-q" href="#{chart.anchor(question.id)}">'
            f'<span class="fc-n">{chart.number(question.id)}</span> {esc(text)}</a>')


def _out_box(site: SiteData, chart: Flowchart, outcome_id: str) -> str:
    outcome = chart.outcomes[outcome_id]
    care = site.care_levels[outcome.care]
    return (f'<a class="fc-box fc-out fc-out--{esc(outcome.care)}" '
            f'href="#{chart.anchor(outcome_id)}"><span class="fc-lvl"><span class="fc-icon" '
            f'aria-hidden="true">{esc(care.icon)}</span> {esc(care.label)}:</span> '
            f'{esc(outcome.title)}</a>')


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
        for answer in chart.questions[target].answers:
            below.extend(self.side_answer(answer))
        return _q_box(self.site, chart, chart.questions[target]), below

    def side_answer(self, answer: Answer) -> list[str]:
        """An answer of a side question: a short arrow down to its box, or "No: go to step 8"."""
        target = answer.next
        if target in self.chart.questions and target in self.drawn:
            return [_goto(self.chart, answer.label, target)]
        box, below = self.target_box(target)
        return [f'<span class="fc-arrow fc-arrow--sub">{esc(answer.label)}</span>', box, *below]

    def row(self, question_id: str) -> str:
        chart = self.chart
        question = chart.questions[question_id]
        down = _continuation(chart, question_id)
        across = [a for a in question.answers if a is not down]
        cells = [_q_box(self.site, chart, question)]
        below: list[str] = []
        if across:
            first, *rest = across
            box, below = self.target_box(first.next)
            cells += [f'<span class="fc-arrow fc-arrow--across">{esc(first.label)}</span>', box]
            for answer in rest:
                below.extend(self.side_answer(answer))
        cells.append(f'<span class="fc-arrow fc-arrow--down">{esc(down.label)}</span>')
        if below:
            cells.append('<div class="fc-below">\n' + "\n".join(below) + "\n</div>")
        return '<li class="fc-row">\n' + "\n".join(cells) + "\n</li>"

    def draw(self) -> str:
        rows = [self.row(q) for q in self.spine]
        end = _continuation(self.chart, self.spine[-1]).next
        rows.append(f'<li class="fc-row fc-row--end">\n{_out_box(self.site, self.chart, end)}\n</li>')
        return '<ol class="fc-spine">\n' + "\n".join(rows) + "\n</ol>"


def drawing(site: SiteData, linker: Linker, cited: set[str]) -> str:
    """The whole chart as boxes and arrows, laid out at build time. Every box links to its step or
    outcome in the step-by-step version, which holds the full advice and its sources."""
    chart = chart_of(site)
    first = chart.questions[chart.start].answers
    down = _continuation(chart, chart.start).label
    across = next((a.label for a in first if a is not _continuation(chart, chart.start)), "")
    legend = "\n".join(
        f'<li class="fc-legend__item fc-out--{esc(level_id)}"><span class="fc-lvl">'
        f'<span class="fc-icon" aria-hidden="true">{esc(care.icon)}</span> {esc(care.label)}:'
        f'</span> {esc(care.heading)}</li>'
        for level_id, care in site.care_levels.items())
    how = (f"Start at 1. Follow “{esc(down)}” down and “{esc(across)}” across to what to do."
           f'<span class="fc-screen-only"> Each box links to its step.</span>')
    # data-search-exclude: the drawing repeats the steps, which search already indexes.
    return (f'<figure class="fc-chart" aria-labelledby="fc-chart-how" data-search-exclude>\n'
            f'<figcaption class="fc-chart__caption">\n<p id="fc-chart-how">{how}</p>\n'
            f'<ul class="fc-legend">\n{legend}\n</ul>\n</figcaption>\n'
            f'{_Drawer(site, chart).draw()}\n</figure>')


__all__ = ["steps", "drawing"]
