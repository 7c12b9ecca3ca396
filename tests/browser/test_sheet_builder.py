"""The exercise sheet builder (handouts/sheet-builder.html), driven in Chromium as a physio uses it:
pick exercises, change a dose, type a note, print; reopen the address; and the page with
JavaScript off. Printed to PDF and read back with poppler (pdfinfo, pdftotext)."""

from __future__ import annotations

import gzip
import subprocess
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from conftest import ROOT, pdf_pages
from runnersback.model.exercises import Dose
from test_accessibility import AXE, _need, run_axe

PAGE = "handouts/sheet-builder.html"
EXERCISES = yaml.safe_load((ROOT / "data" / "exercises.yml").read_text(encoding="utf-8"))["exercises"]
SIGNS = yaml.safe_load((ROOT / "data" / "warning_signs.yml").read_text(encoding="utf-8"))["signs"]
NAMES = {e["id"]: e["name"] for e in EXERCISES}
USUAL = {e["id"]: Dose(**e["dose"]).text() for e in EXERCISES}  # the dose in words, as pages show it
SITE_URL = "https://runners-back.github.io/runners-back/"  # mkdocs.yml default; tests do not set SITE_URL
# Markup and an ampersand: the sheet must show them as typed, never run them as HTML.
NOTE = "Go <b>slowly</b> & stop if it hurts"
PICKS = ("hamstring-stretch", "bridge")  # one of each group
# gzip bytes: the builder has its own budget (CONTRIBUTING, "Keeping pages light"); other pages 90 KB.
FIRST_VISIT_LIMIT = 110 * 1024


def printed_text(page, tmp_path: Path, name: str) -> tuple[int, str]:
    """Print ``page`` as the browser's Print command does (A4) and read the PDF back: its number of
    sheets and its text, with the layout's line breaks and spacing run together."""
    page.emulate_media(media="print")
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(page.pdf(format="A4", print_background=True))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    page.emulate_media(media="screen")
    return pdf_pages(pdf.read_bytes(), tmp_path), " ".join(text.split())


def dose(page, exercise_id: str):
    """The dose inputs of one exercise: a group named after it, as a screen reader finds it."""
    return page.get_by_role("group", name=f"Dose: {NAMES[exercise_id]}")


def make_sheet(page, url: str) -> None:
    page.goto(url)
    for exercise_id in PICKS:
        page.get_by_role("checkbox", name=NAMES[exercise_id], exact=True).check()
    dose(page, "bridge").get_by_label("Sets").fill("2")
    dose(page, "bridge").get_by_label("Repetitions").fill("12")
    dose(page, "bridge").get_by_label("How many times").fill("3")
    dose(page, "bridge").get_by_label("Each", exact=True).select_option("week")
    page.get_by_label("Note for the patient (optional)").fill(NOTE)
    page.get_by_label("Review date (optional)").fill("2026-12-20")


@pytest.mark.parametrize("origin", ["http", "file"])
def test_a_picked_sheet_prints_on_one_a4_sheet_and_its_address_reopens_it(
        new_page, base_url, file_url, tmp_path, origin):
    root = base_url if origin == "http" else file_url
    page = new_page()
    make_sheet(page, root + PAGE)
    # The note is text on the sheet, not markup.
    assert page.locator("#sheet-note").text_content() == NOTE
    assert page.locator("#sheet b").count() == 0

    sheets, text = printed_text(page, tmp_path, "picked")
    assert sheets == 1, f"the sheet prints on {sheets} A4 pages"
    for exercise_id, name in NAMES.items():
        assert (name in text) == (exercise_id in PICKS), name
    assert "2 sets of 12 repetitions. 3 times a week." in text
    assert NOTE in text
    assert "Review date: 20 December 2026" in text
    for sign in SIGNS:  # the safety box, whole
        assert sign["text"] in text, sign["id"]
    assert SITE_URL in text.replace(" ", "")
    # Only the sheet: not the page's instructions, form or footer.
    for screen_only in ("How to make a sheet", "Print the sheet", "Note for the patient",
                        "Last reviewed", "Make an exercise sheet"):
        assert screen_only not in text, screen_only

    # The address holds the choices: a bookmark reopens the same form and the same sheet.
    address = page.url
    assert "#" in address and "pick=" in address, address
    again = new_page()
    again.goto(address)
    for exercise_id, name in NAMES.items():
        box = again.get_by_role("checkbox", name=name, exact=True)
        assert box.is_checked() == (exercise_id in PICKS), name
        expect(again.locator(f'[data-exercise="{exercise_id}"]')).to_be_visible(
            visible=exercise_id in PICKS)
    assert dose(again, "bridge").get_by_label("Repetitions").input_value() == "12"
    assert dose(again, "bridge").get_by_label("Each", exact=True).input_value() == "week"
    assert again.get_by_label("Note for the patient (optional)").input_value() == NOTE
    assert again.get_by_label("Review date (optional)").input_value() == "2026-12-20"
    assert again.locator("#sheet-note").text_content() == NOTE
    reopened_sheets, reopened = printed_text(again, tmp_path, "reopened")
    assert (reopened_sheets, reopened) == (sheets, text)


def test_unchanged_doses_keep_the_site_s_dose_and_unticking_restores_it(page, base_url):
    page.goto(base_url + PAGE)
    card_dose = page.locator('[data-exercise="bridge"] .exercise-card__dose')
    usual = USUAL["bridge"]
    page.get_by_role("checkbox", name=NAMES["bridge"], exact=True).check()
    assert card_dose.text_content() == usual
    assert dose(page, "bridge").get_by_label("Repetitions").input_value() == "5"  # the usual dose
    dose(page, "bridge").get_by_label("Hold, in seconds").fill("5")
    assert card_dose.text_content() == "Hold 5 seconds. " + usual
    page.get_by_role("checkbox", name=NAMES["bridge"], exact=True).uncheck()
    assert card_dose.text_content() == usual
    assert page.locator("#hold-bridge").input_value() == ""
    # Nothing picked: nothing in the address, and the sheet says so on screen.
    assert "#" not in page.url
    expect(page.locator("#sheet-empty")).to_be_visible()


def test_an_address_cannot_put_markup_or_out_of_range_doses_on_the_sheet(page, base_url):
    page.goto(base_url + PAGE + "#pick=bridge,nonsense&bridge.reps=9999&bridge.sets=-3"
              "&note=%3Cimg%20src%3Dx%3E&review=not-a-date")
    assert page.locator("#sheet img").count() == 0
    assert page.locator("#sheet-note").text_content() == "<img src=x>"
    assert page.locator('[data-exercise="bridge"] .exercise-card__dose').text_content() \
        == "1 set of 50 repetitions. 3 times a week."
    assert not page.locator("#sheet-review").is_visible()
    assert page.locator("[data-exercise]:visible").count() == 1


def test_print_button_opens_the_print_dialog(page, base_url):
    page.goto(base_url + PAGE)
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.get_by_role("button", name="Print the sheet").click()
    assert page.evaluate("window.__printed") == 1


def test_keyboard_ticks_an_exercise_and_reaches_its_dose(page, base_url):
    page.goto(base_url + PAGE)
    box = page.get_by_role("checkbox", name=NAMES["pelvic-tilt"], exact=True)
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "sets-pelvic-tilt"
    page.keyboard.type("3")
    # Read in the page: Playwright's page.url follows replaceState a moment later, and under load
    # that moment came after the check (20 exercises on the page).
    page.wait_for_function("location.href.includes('pelvic-tilt.sets=3')")
    expect(page.locator('[data-exercise="pelvic-tilt"] .exercise-card__dose')).to_have_text(
        "3 sets of 5 repetitions.")


# The whole library printed without JavaScript (every card and the safety box), in A4 sheets.
FALLBACK_SHEETS = 5
# The form's groups, in the order of the data (render/sheet_builder.GROUP_TITLES).
GROUPS = {"stretch": "Stretches", "core": "Core strength exercises", "mobility": "Back mobility",
          "strength": "Strength and balance"}


def test_form_lists_every_exercise_of_the_library_under_its_group(page, base_url):
    page.goto(base_url + PAGE)
    assert len(EXERCISES) >= 20
    legends = page.locator(".sheet-form__group > legend").all_text_contents()
    assert legends == list(dict.fromkeys(GROUPS[e["group"]] for e in EXERCISES)), legends
    for exercise in EXERCISES:
        group = page.locator(".sheet-form__group").filter(
            has=page.locator("legend", has_text=GROUPS[exercise["group"]]))
        expect(group.get_by_role("checkbox", name=exercise["name"], exact=True)).to_be_visible()
    # A new exercise can go on a sheet like the others, with its picture and its own dose.
    page.get_by_role("checkbox", name=NAMES["single-leg-balance"], exact=True).check()
    card = page.locator('[data-exercise="single-leg-balance"]')
    expect(card).to_be_visible()
    expect(card.locator("svg[role=img]")).to_have_accessible_name(
        " ".join(next(e for e in EXERCISES if e["id"] == "single-leg-balance")["figure"]["alt"].split()))
    expect(card.locator(".exercise-card__dose")).to_have_text(USUAL["single-leg-balance"])


def test_without_javascript_the_page_shows_and_prints_every_exercise(new_page, file_url, tmp_path):
    page = new_page(javascript_enabled=False)
    page.goto(file_url + PAGE)
    expect(page.locator("#sheet-form")).to_be_hidden()
    expect(page.locator(".sheet-builder__nojs")).to_be_visible()
    for name in NAMES.values():
        expect(page.get_by_role("heading", name=name, exact=True)).to_be_visible()
    sheets, text = printed_text(page, tmp_path, "fallback")
    # Every exercise, each with its pictures, then the safety box: about five cards a sheet.
    assert sheets <= FALLBACK_SHEETS, f"the fallback prints on {sheets} A4 pages"
    for exercise in EXERCISES:
        for fact in (exercise["name"], *exercise["steps"], USUAL[exercise["id"]], exercise["avoid"]):
            assert " ".join(fact.split()) in text, (exercise["id"], fact)
    for sign in SIGNS:
        assert sign["text"] in text, sign["id"]
    assert "Note:" in text and "Review date:" in text  # to fill in by hand
    assert SITE_URL in text.replace(" ", "")


@pytest.mark.parametrize("scheme, width", [("light", 390), ("dark", 1280)])
def test_form_in_use_is_accessible_and_fits_a_phone(new_page, base_url, scheme, width):
    """axe checks the page as first opened (test_accessibility.py); this checks it with the dose
    inputs and the picked sheet showing."""
    _need(AXE)
    page = new_page(color_scheme=scheme, viewport={"width": width, "height": 800})
    make_sheet(page, base_url + PAGE)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    violations = run_axe(page)
    assert not violations, "\n".join(violations)


def test_large_print_switch_sets_the_sheet_in_14_point(page, base_url, tmp_path):
    """The page's large-print switch (the handouts' own) prints 14 pt text on at most two
    sheets."""
    make_sheet(page, base_url + PAGE)
    size = "parseFloat(getComputedStyle(document.querySelector(%r)).fontSize) * 72 / 96"
    page.emulate_media(media="print")
    assert round(page.evaluate(size % ".sheet .exercise-card dd")) == 9
    page.emulate_media(media="screen")  # the switch is for the screen: it never prints
    page.get_by_label("Large print (14 pt)").check()
    page.emulate_media(media="print")
    for part in (".sheet .exercise-card dd", ".sheet .handout__flags li", ".sheet__note"):
        assert round(page.evaluate(size % part)) >= 12, part
    assert round(page.evaluate(size % ".sheet .exercise-card dd")) == 14
    sheets, text = printed_text(page, tmp_path, "large")
    assert sheets <= 2, sheets
    for sign in SIGNS:
        assert sign["text"] in text, sign["id"]


def test_first_visit_is_light_and_the_builder_loads_only_on_its_page(new_page, base_url):
    page = new_page()
    bodies: list[bytes] = []
    page.on("response", lambda response: bodies.append(response.body())
            if response.status == 200 else None)
    page.goto(base_url + PAGE, wait_until="networkidle")
    weight = sum(len(gzip.compress(body, 9)) for body in bodies)
    assert weight <= FIRST_VISIT_LIMIT, f"first visit: {weight} bytes gzip"
    for path in ("stretching.html", "handouts/stretching.html"):
        other = new_page()
        other.goto(base_url + path)
        loaded = other.evaluate("[...document.querySelectorAll('link[rel=stylesheet], script[src]')]"
                                ".map(e => e.href || e.src).join(' ')")
        assert "sheet-builder" not in loaded, path


# Notes a bookmark, a pasted link or a careless paste may hold. Each must leave the sheet whole:
# one A4 sheet with three exercises, every warning sign, the disclaimer and the address on it, at
# the size of a sheet with a plain note (a word too long to break makes the browser shrink it).
THREE = ("hamstring-stretch", "bridge", "pelvic-tilt")
LONG_WORD = "a" * 300
HOSTILE_NOTES = {
    "line breaks": "Start slowly" + "\n" * 400 + "then more" + "\nline" * 200,
    "one long word": LONG_WORD,
    "direction overrides": "\u202eStop if it hurts\u202c and \u2067rest\u2069 \u202a\u202b\u202d",
}
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def _word_height(pdf: Path, word: str) -> float:
    """Height in points of the first box of ``word`` on the first sheet (pdftotext -bbox)."""
    import re
    out = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    match = re.search(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">' + re.escape(word) + "<", out)
    assert match, word
    return float(match.group(2)) - float(match.group(1))


def _print_a4(page, tmp_path: Path, name: str) -> Path:
    page.emulate_media(media="print")
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(page.pdf(format="A4", print_background=True))
    page.emulate_media(media="screen")
    return pdf


@pytest.mark.parametrize("how", ["typed", "address"])
@pytest.mark.parametrize("kind", list(HOSTILE_NOTES))
def test_a_hostile_note_leaves_the_warning_signs_on_the_first_sheet(shared_page, base_url, tmp_path,
                                                                      kind, how):
    from urllib.parse import quote
    note = HOSTILE_NOTES[kind]
    page = shared_page()
    page.goto(base_url + PAGE + "#pick=" + ",".join(THREE) + "&note=Plain")
    plain = _print_a4(page, tmp_path, "plain")
    if how == "typed":
        # A paste into the box (its maxlength applies to typing, not to a paste by script).
        page.get_by_label("Note for the patient (optional)").evaluate(
            "(box, note) => { box.value = note; box.dispatchEvent(new Event('input', {bubbles: true})); }",
            note)
    else:
        page.goto(base_url + PAGE + "#pick=" + ",".join(THREE) + "&note=" + quote(note))
        page.wait_for_function("() => document.getElementById('sheet-note').textContent !== 'Plain'")
    shown = page.locator("#sheet-note").text_content()
    assert shown, kind
    assert len(shown) <= 200 and shown.count("\n") <= 2, (kind, len(shown), shown.count("\n"))
    assert "\n\n" not in shown and not set(shown) & set(BIDI), kind
    assert "#" in page.url and not set(page.url) & set(BIDI)
    pdf = _print_a4(page, tmp_path, "hostile")
    assert pdf_pages(pdf.read_bytes(), tmp_path) == 1, kind
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    text = " ".join(first.split())
    for sign in SIGNS:
        assert sign["text"] in text, (kind, sign["id"])
    assert "general information, not a diagnosis" in text
    assert SITE_URL in text.replace(" ", "")
    for name in THREE:
        assert NAMES[name] in text, (kind, name)
    # Same type size as with a plain note: nothing shrank the sheet to fit.
    assert abs(_word_height(pdf, "Emergency:") - _word_height(plain, "Emergency:")) < 0.05, kind


def test_changing_one_dose_field_keeps_the_rest_of_the_usual_dose(new_page, base_url, tmp_path):
    """A physio sets "twice a day" only: the repetitions and "on each side" stay, on the form, the
    sheet, the printed page and a reopened address; a new hold keeps "on each side" too."""
    page = new_page()
    page.goto(base_url + PAGE)
    for exercise_id in ("bird-dog", "hamstring-stretch"):
        page.get_by_role("checkbox", name=NAMES[exercise_id], exact=True).check()
    dose(page, "bird-dog").get_by_label("How many times").fill("2")
    dose(page, "hamstring-stretch").get_by_label("Hold, in seconds").fill("45")
    bird_dog = "Start with 5 repetitions on each side. Twice a day. Add 1 or 2 every few days, up to 10."
    hamstring = "Hold 45 seconds. 2 repetitions on each side."
    assert USUAL["bird-dog"] != bird_dog and USUAL["hamstring-stretch"] != hamstring
    expect(page.locator('[data-exercise="bird-dog"] .exercise-card__dose')).to_have_text(bird_dog)
    expect(page.locator('[data-exercise="hamstring-stretch"] .exercise-card__dose')).to_have_text(hamstring)
    assert dose(page, "bird-dog").get_by_label("Repetitions").input_value() == "5"
    assert dose(page, "bird-dog").get_by_label("On each side").is_checked()
    # Only what changed goes in the address.
    assert "bird-dog.times=2" in page.url and "bird-dog.reps" not in page.url, page.url
    sheets, text = printed_text(page, tmp_path, "one-field")
    assert sheets == 1
    assert bird_dog in text and hamstring in text
    again = new_page()
    again.goto(page.url)
    expect(again.locator('[data-exercise="bird-dog"] .exercise-card__dose')).to_have_text(bird_dog)
    expect(again.locator('[data-exercise="hamstring-stretch"] .exercise-card__dose')).to_have_text(hamstring)
    # Taking "on each side" off is a change too, and it is kept.
    dose(again, "bird-dog").get_by_label("On each side").uncheck()
    expect(again.locator('[data-exercise="bird-dog"] .exercise-card__dose')).to_have_text(
        "Start with 5 repetitions. Twice a day. Add 1 or 2 every few days, up to 10.")
    assert "bird-dog.side=0" in again.url


CLINIC = {"Clinic name": "Riverside Physio", "Phone": "01632 960 123",
          "Address": "2 Mill Lane, Oxbridge", "Web address": "riverside-physio.example"}


def test_clinic_details_are_kept_in_the_browser_printed_and_never_in_the_address(new_page, base_url,
                                                                                  tmp_path):
    page = new_page()
    page.goto(base_url + PAGE + "#pick=" + ",".join(THREE))
    for label, value in CLINIC.items():
        page.get_by_label(label, exact=True).fill(value)
    page.reload()  # kept in this browser
    for label, value in CLINIC.items():
        assert page.get_by_label(label, exact=True).input_value() == value, label
    sheets, text = printed_text(page, tmp_path, "clinic")
    assert sheets == 1
    for value in CLINIC.values():  # a web address may break at its hyphen at the end of a line
        assert value.replace("-", "") in text.replace("-", ""), value
        from urllib.parse import quote
        assert quote(value) not in page.url and value.replace(" ", "+") not in page.url, page.url
    assert "Riverside" not in page.url and "Mill" not in page.url, page.url
    assert "Name:" in text and "Date:" in text  # lines to write on
    for sign in SIGNS:
        assert sign["text"] in text, sign["id"]
    stored = page.evaluate("localStorage.getItem('runnersback.clinic')")
    assert "Riverside Physio" in stored
