"""Exercise cards from data/exercises.yml: one consistent, printable form for every exercise."""

from __future__ import annotations

from ..model.core import SiteData
from ..model.exercises import Exercise, in_group
from .citations import cite
from .html import Linker, esc


def exercise_card(site: SiteData, linker: Linker, exercise: Exercise, cited: set[str]) -> str:
    steps = "\n".join(f"<li>{esc(step)}</li>" for step in exercise.steps)
    return f"""<section class="exercise-card" aria-labelledby="exercise-{esc(exercise.id)}">
<h3 class="exercise-card__name" id="exercise-{esc(exercise.id)}">{esc(exercise.name)}</h3>
<dl class="exercise-card__facts">
<dt>Works</dt>
<dd>{esc(exercise.works)}</dd>
<dt>How to do it</dt>
<dd><ol>
{steps}
</ol></dd>
<dt>How much</dt>
<dd class="exercise-card__dose">{esc(exercise.dose)}</dd>
<dt>Take care</dt>
<dd>{esc(exercise.avoid)}</dd>
</dl>
<p class="exercise-card__sources">Source: {cite(site, linker, exercise.sources, cited)}</p>
</section>"""


def exercise_cards(site: SiteData, linker: Linker, group: str, cited: set[str]) -> str:
    """Every exercise of ``group``, in data order."""
    cards = [exercise_card(site, linker, e, cited)
             for e in in_group(site, group, f"docs/{linker.current_src}")]
    return '<div class="exercise-cards">\n' + "\n".join(cards) + "\n</div>"
