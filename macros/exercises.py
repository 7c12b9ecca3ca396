"""Exercise cards from data/exercises.yml: one consistent, printable form for every exercise."""

from __future__ import annotations

from .citations import cite
from .html import Linker, esc
from .schema import DataError
from .sitedata import EXERCISE_GROUPS, SiteData


def exercise_card(site: SiteData, linker: Linker, exercise: dict, cited: set[str]) -> str:
    steps = "\n".join(f"<li>{esc(step)}</li>" for step in exercise["steps"])
    return f"""<section class="exercise-card" aria-labelledby="exercise-{esc(exercise['id'])}">
<h3 class="exercise-card__name" id="exercise-{esc(exercise['id'])}">{esc(exercise['name'])}</h3>
<dl class="exercise-card__facts">
<dt>Works</dt>
<dd>{esc(exercise['works'])}</dd>
<dt>How to do it</dt>
<dd><ol>
{steps}
</ol></dd>
<dt>How much</dt>
<dd>{esc(exercise['dose'])}</dd>
<dt>Take care</dt>
<dd>{esc(exercise['avoid'])}</dd>
</dl>
<p class="exercise-card__sources">Source: {cite(site, linker, exercise['sources'], cited)}</p>
</section>"""


def exercise_cards(site: SiteData, linker: Linker, group: str, cited: set[str]) -> str:
    """Every exercise of ``group``, in data order."""
    if group not in EXERCISE_GROUPS:
        raise DataError(f"docs/{linker.current_src}",
                        f"unknown exercise group '{group}' (known: {', '.join(EXERCISE_GROUPS)})")
    cards = [exercise_card(site, linker, e, cited) for e in site.exercises.values()
             if e["group"] == group]
    if not cards:
        raise DataError("data/exercises.yml", f"no exercises in group '{group}'")
    return '<div class="exercise-cards">\n' + "\n".join(cards) + "\n</div>"
