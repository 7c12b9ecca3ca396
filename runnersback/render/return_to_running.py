"""The return-to-running plan (data/return_to_running.yml): its stages, the pain rule, cross-training,
where each condition starts, and a log to print; and the "Getting back to running" section of each
condition page. The plan page lists the warning signs with the ``safety_box`` macro
(handouts.safety_box), which draws them from the registry.
"""

from __future__ import annotations

from ..model import return_to_running as model
from ..model.care import level as care_level
from ..model.conditions import Condition, page_src
from ..model.core import SiteData
from ..model.errors import DataError
from ..model.return_to_running import PLAN_PAGE, ReturnToRunning, Stage
from . import care
from .citations import cite, cited_text, cited_text_list
from .html import Linker, esc

PARTS = ("who", "stages", "pain_rule", "cross_training", "by_condition", "log")
LOG_COLUMNS = ("Date", "Stage", "Pain during (0 to 10)", "Pain next morning (0 to 10)",
               "Any warning sign? If yes, stop and get help", "Notes")
LOG_ROWS = 6  # empty rows to fill in by hand


def stage_anchor(stage_id: str) -> str:
    return f"stage-{stage_id}"


def _table(class_: str, caption: str, headers: tuple[str, ...], rows: list[str]) -> str:
    """A captioned table in its own block, which scrolls sideways where the table is wider than a
    phone: a named region in the Tab order, so a keyboard can scroll it too (WCAG 2.1.1)."""
    head = "\n".join(f'<th scope="col">{esc(name)}</th>' for name in headers)
    return (f'<div class="{class_} rtr-scroll" role="region" aria-label="{esc(caption)}" tabindex="0">\n'
            f'<table>\n<caption>{esc(caption)}</caption>\n'
            f"<thead>\n<tr>\n{head}\n</tr>\n</thead>\n<tbody>\n" + "\n".join(rows)
            + "\n</tbody>\n</table>\n</div>")


def _start(site: SiteData, plan: ReturnToRunning, c: Condition) -> tuple[int, Stage]:
    """The stage a condition's return starts at, and its number in the plan."""
    number = model.stage_number(site, c.return_to_running.start)
    return number, plan.stages[number - 1]


def _plan(site: SiteData, where: str) -> ReturnToRunning:
    if site.return_to_running is None:
        raise DataError(where, "data/return_to_running.yml is not loaded")
    return site.return_to_running


def plan_part(site: SiteData, linker: Linker, part: str, cited: set[str]) -> str:
    """One part of the plan page (``return_to_running("stages")`` and so on)."""
    where = f"docs/{linker.current_src}"
    if part not in PARTS:
        raise DataError(where, f"return_to_running: unknown part '{part}' (known: {', '.join(PARTS)})")
    plan = _plan(site, where)
    render = {"who": lambda: cited_text_list(site, linker, plan.who, cited, class_="rtr-who"),
              "stages": lambda: stages(site, linker, plan, cited),
              "pain_rule": lambda: pain_rule(site, linker, plan, cited),
              "cross_training": lambda: cross_training(site, linker, plan, cited),
              "by_condition": lambda: by_condition(site, linker, cited),
              "log": lambda: log_table()}
    return render[part]()


def stages(site: SiteData, linker: Linker, plan: ReturnToRunning, cited: set[str]) -> str:
    """The stages in order, each with its session, how many, what to reach, and cross-training."""
    rows = []
    for number, stage in enumerate(plan.stages, 1):
        others = [c.name for c in plan.cross_training if stage.id in c.stages]
        extra = (f'<dt class="rtr-stage__other">Other days</dt>\n'
                 f'<dd class="rtr-stage__other">{esc(", ".join(others))}</dd>\n' if others else "")
        rows.append(
            f'<li class="rtr-stage" id="{stage_anchor(stage.id)}">\n'
            f'<p class="rtr-stage__name"><strong>Stage {number}: {esc(stage.name)}</strong></p>\n'
            f"<p>{cited_text(site, linker, stage.what, cited)}</p>\n"
            f'<dl class="rtr-stage__dose">\n'
            f"<dt>Each session</dt>\n<dd>{esc(stage.amount)}</dd>\n"
            f"<dt>How many</dt>\n<dd>{esc(stage.sessions)}</dd>\n"
            f"<dt>Move on when</dt>\n<dd>{cited_text(site, linker, stage.move_on, cited)}</dd>\n"
            f"{extra}</dl>\n</li>")
    return (f'<p class="rtr-amounts">{cited_text(site, linker, plan.amounts, cited)}</p>\n'
            '<ol class="rtr-stages">\n' + "\n".join(rows) + "\n</ol>")


def pain_table(site: SiteData, linker: Linker, plan: ReturnToRunning, cited: set[str]) -> str:
    """The pain rule's bands as a table: what to do, for which scores, and what it means. Two
    columns, so it reads on a phone without scrolling sideways."""
    rows = []
    for band in plan.pain_rule.bands:
        means = cited_text(site, linker, band.means, cited)
        if band.care:
            level = care_level(site, band.care, "data/return_to_running.yml")
            means += (f' <span class="rtr-band__care">'
                      f'{care.level_badge(site, band.care, "data/return_to_running.yml")} '
                      f'{esc(level.heading)}.</span>')
        rows.append(f'<tr class="rtr-band rtr-band--{esc(band.id)}">\n'
                    f'<th scope="row">{esc(band.action)}</th>\n'
                    f'<td><span class="rtr-band__scores"><strong>Pain during:</strong> '
                    f'<span class="rtr-band__during">{esc(band.during.words())}</span>. '
                    f'<strong>Next morning:</strong> '
                    f'<span class="rtr-band__morning">{esc(band.next_morning)}</span>.</span> '
                    f"{means}</td>\n</tr>")
    return _table("rtr-pain", "The pain rule", ("What to do", "When, and what it means"), rows)


def stop_now(site: SiteData, linker: Linker, plan: ReturnToRunning, cited: set[str]) -> str:
    """What stops the plan at once, whatever the score: each line with its care level, named from
    data/care_levels.yml."""
    rows = []
    for line in plan.pain_rule.stop_now:
        level = care_level(site, line.care, "data/return_to_running.yml")
        rows.append(f'<li class="rtr-stop rtr-stop--{esc(line.care)}">'
                    f'{cited_text(site, linker, line, cited)} <span class="rtr-band__care">'
                    f'{care.level_badge(site, line.care, "data/return_to_running.yml")} '
                    f"{esc(level.heading)}.</span></li>")
    return '<ul class="rtr-stops">\n' + "\n".join(rows) + "\n</ul>"


def pain_rule(site: SiteData, linker: Linker, plan: ReturnToRunning, cited: set[str]) -> str:
    """The four bands, what stops the plan at once, how to score, and where the rule comes from.
    The page follows it with every warning sign (the ``safety_box`` macro)."""
    rule = plan.pain_rule
    borrowed = "\n".join(f"<p>{cited_text(site, linker, item, cited)}</p>" for item in rule.borrowed)
    # The table first: on paper it then sits whole below the stages.
    return (pain_table(site, linker, plan, cited) + "\n" + stop_now(site, linker, plan, cited) + "\n"
            + cited_text_list(site, linker, rule.how, cited, class_="rtr-how") + "\n"
            + f'<div class="rtr-borrowed">\n{borrowed}\n</div>')


def cross_training(site: SiteData, linker: Linker, plan: ReturnToRunning, cited: set[str]) -> str:
    """Each cross-training activity, why it helps, and the stages it fits (linked)."""
    numbers = {stage.id: n for n, stage in enumerate(plan.stages, 1)}
    rows = []
    for item in plan.cross_training:
        fits = ", ".join(f'<a href="#{stage_anchor(sid)}">{numbers[sid]}</a>' for sid in item.stages)
        rows.append(f'<tr>\n<th scope="row">{esc(item.name)}</th>\n'
                    f"<td>{cited_text(site, linker, item.why, cited)}</td>\n<td>{fits}</td>\n</tr>")
    return _table("rtr-cross", "Cross-training, and the stages it fits",
                  ("Activity", "Why it helps", "Stages"), rows)


def by_condition(site: SiteData, linker: Linker, cited: set[str]) -> str:
    """Where each condition's return starts, linking to its page's section."""
    plan = _plan(site, f"docs/{linker.current_src}")
    rows = []
    for cid, c in site.conditions.items():
        rtr = c.return_to_running
        number, stage = _start(site, plan, c)
        rows.append(f'<tr>\n<th scope="row">{linker.a(page_src(cid), c.short_name or c.name, "back-to-running")}</th>\n'
                    f'<td><a href="#{stage_anchor(stage.id)}">Stage {number}: {esc(stage.name)}</a></td>\n'
                    f"<td>{cited_text(site, linker, rtr.when, cited)}</td>\n</tr>")
    return _table("rtr-conditions", "Where to start, by condition", ("Condition", "Start at", "When"),
                  rows)


def log_table() -> str:
    """An empty log to fill in by hand: one row per session."""
    empty = "<tr>\n" + "\n".join("<td></td>" for _ in LOG_COLUMNS) + "\n</tr>"
    return _table("rtr-log", "My return to running", LOG_COLUMNS, [empty] * LOG_ROWS)


def condition_section(site: SiteData, linker: Linker, c: Condition, cited: set[str]) -> str:
    """A condition page's "Getting back to running": where to start, when, what is different."""
    plan = _plan(site, f"docs/{linker.current_src}")
    rtr = c.return_to_running
    number, stage = _start(site, plan, c)
    start = linker.a(PLAN_PAGE, f"Stage {number}: {stage.name}", stage_anchor(stage.id))
    notes = cited_text_list(site, linker, rtr.notes, cited, class_="condition-return__notes")
    more = linker.a(PLAN_PAGE, "The return-to-running plan, with its pain rule and log")
    return (f'<p class="condition-return__start"><strong>Start at:</strong> {start}. '
            f"{cited_text(site, linker, rtr.when, cited)}</p>\n"
            f"{notes}\n"
            f'<p class="condition-return__more">{more}</p>')


def handout_body(site: SiteData, linker: Linker, meta: dict, cited: set[str]) -> str:
    """The plan's handout, above its safety box: who it is for, the stages, and the pain rule with
    what stops the plan at once. Nothing of the plan's safety is left to the page: who it is for,
    the stricter rule after a bone injury and the stop lines print too."""
    plan = _plan(site, f"docs/{linker.current_src}")
    # Each list cited once, after it, as in the safety box: the sheet has no room to spare.
    who = care.cited_once(site, linker, plan.who, cited, "rtr-sources", "rtr-who")
    stage_rows = "\n".join(
        f"<li><strong>{esc(stage.name)}:</strong> {esc(stage.amount)}. {esc(stage.sessions)}. "
        f"Move on when: {esc(stage.move_on.text)}</li>" for stage in plan.stages)
    stage_sources = sorted({s for stage in plan.stages for s in stage.move_on.sources})
    how = care.cited_once(site, linker, plan.pain_rule.how, cited, "rtr-sources", "rtr-how")
    # The bands as a list: a four-column table does not fit half a sheet.
    bands = "\n".join(
        f"<li><strong>{esc(band.action)}</strong> (pain during: {esc(band.during.words().lower())}; "
        f"next morning: {esc(band.next_morning[0].lower() + band.next_morning[1:])}). "
        f"{esc(band.means.text)}</li>" for band in plan.pain_rule.bands)
    band_sources = sorted({s for band in plan.pain_rule.bands for s in band.means.sources})
    return (f'<p class="handout__lead">{esc(meta.get("description", ""))}</p>\n'
            '<div class="handout__grid">\n'
            '<section class="handout__section">\n<h2>Who the plan is for</h2>\n'
            f"{who}\n<h2>The stages</h2>\n"
            f'<ol class="rtr-stages">\n{stage_rows}\n</ol>\n'
            f'<p class="rtr-sources">{cite(site, linker, stage_sources, cited)}</p>\n</section>\n'
            '<section class="handout__section">\n<h2>The pain rule</h2>\n'
            f'{how}\n<ul class="rtr-bands">\n{bands}\n</ul>\n'
            f'<p class="rtr-sources">{cite(site, linker, band_sources, cited)}</p>\n'
            f"{stop_now(site, linker, plan, cited)}\n</section>\n</div>")


__all__ = ["plan_part", "condition_section", "handout_body", "stage_anchor", "PARTS",
           "LOG_COLUMNS", "LOG_ROWS"]
