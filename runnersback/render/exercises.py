"""Exercise cards from data/exercises.yml: one consistent, printable form for every exercise, with
its picture (render/figures.py)."""

from __future__ import annotations

from ..model.core import SiteData
from ..model.exercises import Exercise, in_group
from .citations import cite
from .figures import figure_svg
from .html import Linker, esc

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def week_log() -> str:
    """One box for each day of the week, named inside, to tick on paper: one line of the sheet."""
    boxes = "".join(f"<td>{day}</td>" for day in WEEKDAYS)
    return ('<table class="exercise-log">\n'
            f'<tr><th scope="row">Tick each day you do it</th>{boxes}</tr>\n</table>')


def exercise_card(site: SiteData, linker: Linker, exercise: Exercise, cited: set[str], *,
                  log: bool = False) -> str:
    """One exercise: its picture beside what it works, the steps, the dose and what to avoid;
    with ``log``, a tick-box row for the week (handouts)."""
    steps = "\n".join(f"<li>{esc(step)}</li>" for step in exercise.steps)
    return f"""<section class="exercise-card" aria-labelledby="exercise-{esc(exercise.id)}">
<h3 class="exercise-card__name" id="exercise-{esc(exercise.id)}">{esc(exercise.name)}</h3>
{week_log() + chr(10) if log else ""}<div class="exercise-card__body">
{figure_svg(exercise.figure)}
<dl class="exercise-card__facts">
<dt>Works</dt>
<dd>{esc(exercise.works)}</dd>
<dt>How to do it</dt>
<dd><ol>
{steps}
</ol></dd>
<dt>How much</dt>
<dd class="exercise-card__dose">{esc(exercise.dose.text())}</dd>
<dt>Take care</dt>
<dd>{esc(exercise.avoid)}</dd>
</dl>
</div>
<p class="exercise-card__sources">Source: {cite(site, linker, exercise.sources, cited)}</p>
</section>"""


def exercise_cards(site: SiteData, linker: Linker, group: str, cited: set[str], *,
                   log: bool = False) -> str:
    """Every exercise of ``group``, in data order."""
    cards = [exercise_card(site, linker, e, cited, log=log)
             for e in in_group(site, group, f"docs/{linker.current_src}")]
    return '<div class="exercise-cards">\n' + "\n".join(cards) + "\n</div>"
