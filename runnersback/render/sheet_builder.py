"""The exercise sheet builder for clinicians (docs/handouts/sheet-builder.md).

Two parts, both from data/exercises.yml:

- the sheet: every exercise card, grouped, then the safety box and the site's address. With
  JavaScript off (and before it runs) this is the page's printable fallback: every exercise.
- the form (``hidden`` until docs/assets/js/sheet-builder.js shows it): a checkbox per exercise,
  its dose, a note and a review date. The script hides the cards not picked, writes the doses,
  note and date into the sheet as text, and keeps the choices in the page's address.

Everything the script needs is in this HTML: the page works from disk with no other file.
"""

from __future__ import annotations

from ..model.clinic import MAX_CHARS as CLINIC_MAX_CHARS
from ..model.core import SiteData
from ..model.exercises import DOSE_LIMITS, Exercise
from .citations import cite
from .exercises import exercise_card
from .handouts import large_print_switch, safety_box
from .html import Linker, esc
from .pagemeta import qr_svg

GROUP_TITLES = {"stretch": "Stretches", "core": "Core strength exercises", "mobility": "Back mobility",
                "strength": "Strength and balance"}

# Dose inputs: name, label, allowed range (the script clamps values read from an address to these).
DOSE_NUMBERS = tuple((name, label, *DOSE_LIMITS[name]) for name, label in (
    ("sets", "Sets"), ("reps", "Repetitions"), ("hold", "Hold, in seconds"), ("times", "How many times")))
# The note: at most this many characters and lines (more lines join the last), so that it can never
# push the warning signs, the disclaimer or the address off the first sheet.
NOTE_MAX_CHARS = 200
NOTE_MAX_LINES = 3
# The clinic's details for the sheet's header: entered once in the form and kept in that browser only
# (localStorage, never the address), or set for a clinic's own copy in mkdocs.yml (extra.clinic).
CLINIC_FIELDS = (("name", "Clinic name"), ("phone", "Phone"), ("address", "Address"),
                 ("web", "Web address"))
# The clinic's logo, as the browser keeps it: scaled down to at most this many pixels (width,
# height), so localStorage holds it; printed at most 40 by 14 mm.
LOGO_MAX_PX = (300, 120)
PROGRAMME_MAX_CHARS = 60  # a saved programme's name


def groups(site: SiteData) -> dict[str, list[Exercise]]:
    """The exercises by group, groups in the order they first appear in the data."""
    found: dict[str, list[Exercise]] = {}
    for exercise in site.exercises.values():
        found.setdefault(exercise.group, []).append(exercise)
    return found


def _dose_inputs(exercise: Exercise) -> str:
    """The dose's fields, each starting from the usual dose (data/exercises.yml): a clinician
    changes one and the others stay. The usual values ride along in data- attributes, so the
    script can write the same words as the pages (model/exercises.Dose.text)."""
    eid, usual = esc(exercise.id), exercise.dose
    fields = []
    for name, label, low, high in DOSE_NUMBERS:
        value = getattr(usual, name)
        value = "" if value is None else str(value)
        fields.append(f'<span class="sheet-form__field"><label for="{name}-{eid}">{esc(label)}</label>\n'
                      f'<input type="number" id="{name}-{eid}" name="{name}" min="{low}" max="{high}" '
                      f'step="1" inputmode="numeric" value="{value}" data-usual="{value}"></span>')
    checked = " checked" if usual.each_side else ""
    fields.append(f'<span class="sheet-form__field"><input type="checkbox" id="side-{eid}" name="side" '
                  f'data-usual="{"1" if usual.each_side else ""}"{checked}>\n'
                  f'<label for="side-{eid}">On each side</label></span>')
    options = "".join(f'<option value="{per}"{" selected" if usual.per == per else ""}>{per}</option>\n'
                      for per in ("day", "week"))
    fields.append(f'<span class="sheet-form__field"><label for="per-{eid}">Each</label>\n'
                  f'<select id="per-{eid}" name="per" data-usual="{usual.per}">\n{options}</select></span>')
    extra = "".join(f' data-{attr}="{esc(str(value))}"' for attr, value in (
        ("reps-up-to", usual.reps_up_to), ("hold-up-to", usual.hold_up_to),
        ("build-up", usual.build_up)) if value is not None)
    return (f'<fieldset class="sheet-form__dose" id="dose-{eid}" data-dose-for="{eid}"{extra} hidden>\n'
            f'<legend>Dose: {esc(exercise.name)}</legend>\n'
            f'<p class="sheet-form__usual">Usual dose: {esc(usual.text())} '
            'Change only what you need; the rest stays as usual.</p>\n'
            + "\n".join(fields) + "\n</fieldset>")


def _clinic_form(clinic: dict) -> str:
    fields = "".join(
        f'<span class="sheet-form__field"><label for="clinic-{key}">{label}</label>\n'
        f'<input type="text" id="clinic-{key}" data-clinic="{key}" maxlength="{CLINIC_MAX_CHARS}" autocomplete="off" '
        f'value="{esc(clinic.get(key, ""))}"></span>\n' for key, label in CLINIC_FIELDS)
    # The logo: read in the browser, made small (at most LOGO_MAX_PX) and kept there as a picture.
    logo = ('<div class="sheet-form__logo">\n'
            '<span class="sheet-form__field"><label for="clinic-logo">Logo (a PNG or JPEG picture)</label>\n'
            '<input type="file" id="clinic-logo" accept="image/png,image/jpeg" '
            f'data-max-width="{LOGO_MAX_PX[0]}" data-max-height="{LOGO_MAX_PX[1]}"></span>\n'
            '<button type="button" class="sheet-form__small" id="clinic-logo-remove" hidden>'
            'Remove the logo</button>\n'
            '<p class="sheet-form__hint sheet-form__status" id="clinic-status" role="status"></p>\n'
            '</div>\n')
    return ('<fieldset class="sheet-form__clinic">\n<legend>Your clinic (printed at the top)</legend>\n'
            '<p class="sheet-form__hint">Kept in this browser only: never in the page address, never '
            'sent anywhere.</p>\n' + fields + logo + '</fieldset>\n')


def _programmes_form() -> str:
    """Saved programmes: the script lists them (localStorage) with buttons to open, rename, share
    and delete each, and saves the exercises and doses picked under a name. Never the note."""
    return ('<fieldset class="sheet-form__programmes" id="programmes">\n'
            '<legend>Saved programmes</legend>\n'
            '<p class="sheet-form__hint">Save the exercises and doses you often give under a name, '
            'then open them for the next person. They are kept in this browser only. The note and '
            'the review date are never saved or shared.</p>\n'
            '<p class="sheet-form__hint" id="programme-none">No programmes saved in this browser yet.</p>\n'
            '<ul class="sheet-form__list" id="programme-list" aria-label="Saved programmes" hidden></ul>\n'
            '<div class="sheet-form__save">\n'
            f'<span class="sheet-form__field"><label for="programme-name">Name for the exercises '
            f'ticked below</label>\n<input type="text" id="programme-name" maxlength="{PROGRAMME_MAX_CHARS}" '
            'autocomplete="off" aria-describedby="programme-name-hint"></span>\n'
            '<button type="button" class="sheet-form__small" id="programme-save">Save as a '
            'programme</button>\n'
            '<p class="sheet-form__hint" id="programme-name-hint">For example "Sciatica, first week". '
            'Do not use a patient\'s name.</p>\n</div>\n'
            '<div class="sheet-form__share" id="programme-share" hidden>\n'
            '<label for="programme-link">Link to share</label>\n'
            '<input type="text" id="programme-link" readonly aria-describedby="programme-link-hint">\n'
            '<p class="sheet-form__hint" id="programme-link-hint">It opens this page with the same '
            'exercises and doses, and nothing else. A link to a copy on disk works on this computer '
            'only.</p>\n</div>\n'
            '<p class="sheet-form__status" id="programme-status" role="status"></p>\n'
            '</fieldset>')


def _form(site: SiteData, clinic: dict) -> str:
    fieldsets = []
    for group, exercises in groups(site).items():
        rows = []
        for exercise in exercises:
            eid = esc(exercise.id)
            rows.append(f'<div class="sheet-form__exercise">\n'
                        f'<input type="checkbox" id="pick-{eid}" name="pick" value="{eid}">\n'
                        f'<label for="pick-{eid}">{esc(exercise.name)}</label>\n'
                        f'{_dose_inputs(exercise)}\n</div>')
        fieldsets.append(f'<fieldset class="sheet-form__group">\n'
                         f'<legend>{esc(GROUP_TITLES.get(group, group))}</legend>\n'
                         + "\n".join(rows) + "\n</fieldset>")
    return ('<form class="sheet-form" id="sheet-form" aria-label="Make the sheet" hidden>\n'
            '<p class="sheet-form__intro">Tick the exercises for this person, or open a saved '
            'programme. Change a dose only if you need to. The sheet below shows what you pick.</p>\n'
            + _programmes_form() + "\n"
            + "\n".join(fieldsets) + "\n"
            + _clinic_form(clinic) +
            '<div class="sheet-form__extra">\n'
            '<label for="sheet-note-input">Note for the patient (optional)</label>\n'
            f'<textarea id="sheet-note-input" name="note" rows="3" maxlength="{NOTE_MAX_CHARS}" '
            f'data-max-lines="{NOTE_MAX_LINES}" '
            'aria-describedby="sheet-note-hint"></textarea>\n'
            f'<p class="sheet-form__hint" id="sheet-note-hint">Up to {NOTE_MAX_CHARS} letters and {NOTE_MAX_LINES} lines. '
            'Do not type a name or anything '
            'that identifies the patient. The note is kept in this page\'s address, so it is saved '
            'in bookmarks and browser history.</p>\n'
            '<label for="sheet-review-input">Review date (optional)</label>\n'
            '<input type="date" id="sheet-review-input" name="review">\n'
            '</div>\n'
            '<p class="sheet-form__actions"><button type="button" class="md-button md-button--primary" '
            'id="sheet-print">Print the sheet</button></p>\n'
            '<p class="sheet-form__hint">Up to three exercises fit on one sheet. Four or more run on to a '
            'second, with the warning signs first. To make the same sheet again, bookmark this page now: '
            'its address keeps your choices.</p>\n'
            '</form>')


def _sheet(site: SiteData, linker: Linker, site_url: str, cited: set[str], clinic: dict) -> str:
    sections = []
    for group, exercises in groups(site).items():
        cards = "\n".join(f'<div class="sheet__exercise" data-exercise="{esc(e.id)}">\n'
                          f'{exercise_card(site, linker, e, cited)}\n</div>' for e in exercises)
        sections.append(f'<section class="sheet__group" data-group="{esc(group)}" '
                        f'aria-labelledby="sheet-group-{esc(group)}">\n'
                        f'<h2 id="sheet-group-{esc(group)}">{esc(GROUP_TITLES.get(group, group))}</h2>\n'
                        f'<div class="exercise-cards">\n{cards}\n</div>\n</section>')
    # The configured logo (if any) is also kept in data-default: one chosen in the browser replaces
    # it there, and "Remove the logo" hides it there.
    logo = esc(linker.file_href(clinic["logo"])) if clinic.get("logo") else ""
    # Without one, the script makes the <img> when a logo is chosen (an <img> needs a src).
    logo_img = (f'<img class="sheet__logo" id="sheet-logo" alt="" src="{logo}" data-default="{logo}">\n'
                if logo else "")
    details = "".join(f'<span class="sheet__clinic-{key}" data-clinic-show="{key}">{esc(clinic.get(key, ""))}</span>\n'
                      for key, _ in CLINIC_FIELDS)
    return ('<div class="sheet" id="sheet">\n'
            '<div class="sheet__head">\n<div>\n'
            '<p class="sheet__title">Your exercises</p>\n'
            # Written in by hand, so no name is ever typed into the page.
            '<p class="sheet__patient"><strong>Name:</strong> <span class="sheet__blank"></span> '
            '<strong>Date:</strong> <span class="sheet__blank"></span></p>\n'
            # Filled in by hand on a sheet printed without JavaScript; by the form otherwise.
            '<p class="sheet__note"><strong>Note:</strong> <span class="sheet__blank" '
            'id="sheet-note"></span></p>\n'
            '<p class="sheet__review"><strong>Review date:</strong> <span class="sheet__blank" '
            'id="sheet-review"></span></p>\n'
            # At the top, beside the note: the one rule for every exercise on the sheet.
            '<p class="handout__more">Stop any exercise that makes your pain worse or causes new '
            f'pain. {cite(site, linker, ["nhs-inform"], cited)}</p>\n</div>\n'
            '<div class="sheet__site">\n<div>\n' + logo_img +
            f'<p class="sheet__clinic" id="sheet-clinic"{"" if any(clinic[k] for k, _ in CLINIC_FIELDS) else " hidden"}>\n'
            f'{details}</p>\n'
            "<p>This sheet is general information, not a diagnosis. More about back pain from "
            "running: "
            f'<span class="sheet__address">{esc(site_url)}</span></p>\n</div>\n{qr_svg(site_url)}\n'
            '</div>\n</div>\n'
            '<p class="sheet__empty" id="sheet-empty" hidden>No exercises picked yet. Tick them '
            'in the form above.</p>\n'
            + '<div class="sheet__groups">\n' + "\n".join(sections) + "\n</div>\n"
            '<h2 class="sheet__flags-title">When to get help</h2>\n'
            + safety_box(site, linker, cited) + "\n"
            '</div>')


def sheet_builder(site: SiteData, linker: Linker, site_url: str, cited: set[str],
                  clinic: dict | None = None) -> str:
    """The form and the sheet. ``site_url`` is the site's address, printed on the sheet; ``clinic``
    the clinic's details from the site's configuration (extra.clinic, checked by model/clinic.py),
    if any: its ``logo`` is a path under docs/."""
    clinic = {key: str((clinic or {}).get(key) or "").strip() for key in (*dict(CLINIC_FIELDS), "logo")}
    return ('<div class="sheet-builder" data-sheet-builder>\n'
            '<p class="sheet-builder__nojs">This page shows every exercise, because JavaScript is '
            'off or has not loaded. Print it as it is, or cross out what the person does not need.'
            '</p>\n'
            + large_print_switch() + "\n" + _form(site, clinic) + "\n"
            + _sheet(site, linker, site_url, cited, clinic) + "\n</div>")
