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

from conftest import ROOT, as_shown, build_site, pdf_pages
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
def test_a_picked_sheet_prints_on_one_a4_sheet_and_its_address_reopens_it_without_the_note(
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

    # The address holds the choices, not the note (it may be about a patient: never in the
    # browser's history or a bookmark). A bookmark reopens the same form and sheet, less the note.
    address = page.url
    assert "#" in address and "pick=" in address, address
    assert "note=" not in address and "slowly" not in address, address
    again = new_page()
    again.goto(address)
    for exercise_id, name in NAMES.items():
        box = again.get_by_role("checkbox", name=name, exact=True)
        assert box.is_checked() == (exercise_id in PICKS), name
        expect(again.locator(f'[data-exercise="{exercise_id}"]')).to_be_visible(
            visible=exercise_id in PICKS)
    assert dose(again, "bridge").get_by_label("Repetitions").input_value() == "12"
    assert dose(again, "bridge").get_by_label("Each", exact=True).input_value() == "week"
    assert again.get_by_label("Note for the patient (optional)").input_value() == ""
    assert again.get_by_label("Review date (optional)").input_value() == "2026-12-20"
    again.get_by_label("Note for the patient (optional)").fill(NOTE)
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
    assert page.locator("#sheet img:not(#sheet-logo)").count() == 0
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
            assert " ".join(as_shown(fact).split()) in text, (exercise["id"], fact)
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
    # A saved programme listed with its buttons, its share link showing, and a logo chosen.
    page.get_by_label("Name for the exercises ticked below").fill("A programme with a long name, " * 2)
    page.get_by_role("button", name="Save as a programme").click()
    page.get_by_role("button", name="Share link A programme").click()
    page.get_by_label("Logo (a PNG or JPEG picture)").set_input_files(
        files=[{"name": "logo.png", "mimeType": "image/png", "buffer": _png(40, 20, (0, 90, 0))}])
    expect(page.locator("#sheet-logo")).to_be_visible()
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


def _print_a4(page, tmp_path: Path, name: str, paper: str = "A4") -> Path:
    page.emulate_media(media="print")
    pdf = tmp_path / f"{name}-{paper}.pdf"
    pdf.write_bytes(page.pdf(format=paper, print_background=True))
    page.emulate_media(media="screen")
    return pdf


def _fill_the_header(page) -> None:
    """The sheet's header at its fullest: every clinic field long, and a logo of the largest size the
    builder keeps (300 by 120 px), as this browser would have kept them."""
    import base64
    import json
    clinic = {"name": "Riverside Physiotherapy and Sports Injury Clinic", "phone": "01632 960 123",
              "address": "Unit 2, The Old Mill, Mill Lane, Oxbridge OX1 2AB", "web": "riverside-physio.example"}
    logo = "data:image/png;base64," + base64.b64encode(_png(300, 120, (220, 0, 0))).decode()
    page.evaluate("([clinic, logo]) => { localStorage.setItem('runnersback.clinic', clinic); "
                  "localStorage.setItem('runnersback.clinic.logo', logo); }", [json.dumps(clinic), logo])


def _assert_first_sheet_is_safe(pdf: Path, picks, what) -> str:
    """Every warning sign, the disclaimer and the address on the first sheet, with each exercise."""
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    text = " ".join(first.split())
    for sign in SIGNS:
        assert sign["text"] in text, (what, sign["id"])
    assert "general information, not a diagnosis" in text, what
    assert SITE_URL in text.replace(" ", ""), what
    for name in picks:
        assert NAMES[name] in text, (what, name)
    return text


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("how", ["typed", "address"])
@pytest.mark.parametrize("kind", list(HOSTILE_NOTES))
def test_a_hostile_note_leaves_the_warning_signs_on_the_first_sheet(shared_page, base_url, tmp_path,
                                                                      kind, how, paper):
    """With the clinic's header filled in (a logo too), on A4 and US Letter (18 mm shorter)."""
    from urllib.parse import quote
    note = HOSTILE_NOTES[kind]
    page = shared_page()
    page.goto(base_url + PAGE)
    _fill_the_header(page)
    page.goto(base_url + PAGE + "#pick=" + ",".join(THREE) + "&note=Plain")
    page.reload()
    expect(page.locator("#sheet-logo")).to_be_visible()
    expect(page.locator("#sheet-clinic")).to_contain_text("Riverside")
    plain = _print_a4(page, tmp_path, "plain", paper)
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
    pdf = _print_a4(page, tmp_path, "hostile", paper)
    assert pdf_pages(pdf.read_bytes(), tmp_path) == 1, (kind, paper)
    text = _assert_first_sheet_is_safe(pdf, THREE, (kind, paper))
    assert "Riverside Physiotherapy" in text
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


# Saved programmes (exercises and doses under a name, in this browser) and their share links.
PROGRAMME = "Sciatica, first week"


def _png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A PNG of one colour, written by hand (no imaging library in the test tools)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    row = b"\x00" + bytes(rgb) * width
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(row * height)) + chunk(b"IEND", b""))


def _save_programme(page, name: str = PROGRAMME) -> None:
    """Tick two exercises, change the bridge's dose, type a note, and save under ``name``."""
    for exercise_id in ("pelvic-tilt", "bridge"):
        page.get_by_role("checkbox", name=NAMES[exercise_id], exact=True).check()
    dose(page, "bridge").get_by_label("Repetitions").fill("12")
    dose(page, "bridge").get_by_label("Each", exact=True).select_option("week")
    page.get_by_label("Note for the patient (optional)").fill(NOTE)
    page.get_by_label("Name for the exercises ticked below").fill(name)
    page.get_by_role("button", name="Save as a programme").click()
    expect(page.get_by_role("status").filter(has_text="Saved")).to_contain_text(name)


def _assert_programme_form(page) -> None:
    """The form as _save_programme left it, without its note."""
    for exercise_id, name in NAMES.items():
        assert page.get_by_role("checkbox", name=name, exact=True).is_checked() == (
            exercise_id in ("pelvic-tilt", "bridge")), exercise_id
    assert dose(page, "bridge").get_by_label("Repetitions").input_value() == "12"
    assert dose(page, "bridge").get_by_label("Each", exact=True).input_value() == "week"
    expect(page.locator('[data-exercise="bridge"] .exercise-card__dose')).to_contain_text("12 repetitions")
    assert page.get_by_label("Note for the patient (optional)").input_value() == ""
    assert "note=" not in page.url


@pytest.mark.parametrize("origin", ["http", "file"])
def test_a_saved_programme_survives_a_new_page_and_a_reload_from_disk(new_page, base_url, file_url, origin):
    root = base_url if origin == "http" else file_url
    page = new_page()
    page.goto(root + PAGE)
    expect(page.get_by_text("No programmes saved in this browser yet.")).to_be_visible()
    _save_programme(page)
    stored = page.evaluate("localStorage.getItem('runnersback.programmes')")
    assert PROGRAMME in stored and "slowly" not in stored and "note" not in stored, stored

    # A new page of the same browser lists it, and opens it with its doses (and no note).
    other = page.context.new_page()
    other.goto(root + PAGE)
    programmes = other.get_by_role("list", name="Saved programmes")
    expect(programmes.get_by_role("listitem")).to_have_count(1)
    expect(programmes).to_contain_text(PROGRAMME + " (2 exercises)")
    other.get_by_role("button", name="Open " + PROGRAMME).click()
    _assert_programme_form(other)
    expect(other.get_by_role("status").filter(has_text="Opened")).to_contain_text("The note and review date are empty")

    # Reloaded (from disk, for a copy on a USB stick), it is still there.
    other.reload()
    expect(other.get_by_role("list", name="Saved programmes")).to_contain_text(PROGRAMME)
    other.close()


def test_a_programme_is_renamed_and_deleted_only_when_confirmed(new_page, base_url):
    page = new_page()
    page.goto(base_url + PAGE)
    _save_programme(page)
    _save_programme(page, "Bridge only")
    programmes = page.get_by_role("list", name="Saved programmes")
    expect(programmes.get_by_role("listitem")).to_have_count(2)

    # Rename: by keyboard, Enter saves; focus comes back to its Rename button.
    page.get_by_role("button", name="Rename " + PROGRAMME).press("Enter")
    renamed = page.get_by_label("New name for \u201c" + PROGRAMME + "\u201d")
    expect(renamed).to_be_focused()
    renamed.fill("Sciatica, week one")
    renamed.press("Enter")
    expect(page.get_by_role("button", name="Rename Sciatica, week one")).to_be_focused()
    expect(programmes).not_to_contain_text(PROGRAMME)
    expect(page.get_by_role("status").filter(has_text="Renamed")).to_be_visible()
    # A name already taken is refused.
    page.get_by_role("button", name="Rename Bridge only").click()
    page.get_by_label("New name for \u201cBridge only\u201d").fill("sciatica, WEEK one")
    page.get_by_role("button", name="Save the name").click()
    expect(page.get_by_role("status").filter(has_text="Choose another name")).to_be_visible()
    page.get_by_role("button", name="Cancel").click()

    # Delete asks first: "Cancel" keeps it, "OK" deletes it.
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Delete Sciatica, week one").click()
    expect(programmes.get_by_role("listitem")).to_have_count(2)
    assert asked and "Sciatica, week one" in asked[0], asked
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Delete Sciatica, week one").click()
    expect(programmes.get_by_role("listitem")).to_have_count(1)
    expect(page.get_by_role("status").filter(has_text="Deleted")).to_be_visible()
    page.reload()
    expect(page.get_by_role("list", name="Saved programmes")).to_contain_text("Bridge only")
    expect(page.get_by_role("list", name="Saved programmes")).not_to_contain_text("Sciatica")


@pytest.mark.parametrize("origin", ["http", "file"])
def test_a_shared_link_opens_the_exercises_and_doses_and_nothing_else(new_page, base_url, file_url, origin):
    root = base_url if origin == "http" else file_url
    page = new_page()
    page.goto(root + PAGE)
    for label, value in CLINIC.items():
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_label("Review date (optional)").fill("2026-12-20")
    _save_programme(page)
    # The note is never in the page's own address (the browser's history, a bookmark)...
    assert "note=" not in page.url and "slowly" not in page.url
    page.get_by_role("button", name="Share link " + PROGRAMME).click()
    link = page.get_by_label("Link to share").input_value()
    # ... its link does not: no note, no review date, no clinic, nothing typed.
    assert link.startswith(root + PAGE + "#pick="), link
    for never in ("note", "review", "slowly", "Riverside", "Mill", "2026-12-20", "clinic", "data:"):
        assert never not in link, (never, link)
    expect(page.get_by_role("status").filter(has_text="not the note")).to_be_visible()

    fresh = new_page()  # another browser: nothing stored
    fresh.goto(link)
    _assert_programme_form(fresh)
    assert not fresh.get_by_label("Clinic name", exact=True).input_value()
    assert fresh.locator("#sheet-review").is_hidden()


# Storage refused: as a full store or an older private window (every write throws), and as storage
# turned off for the site (every use of localStorage throws, even reading it).
NO_STORAGE = {
    "full": """Storage.prototype.setItem = function () {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); };""",
    "blocked": """Object.defineProperty(window, "localStorage", {
        get() { throw new DOMException("The operation is insecure.", "SecurityError"); }});""",
}


@pytest.mark.parametrize("how", list(NO_STORAGE))
def test_without_storage_the_builder_says_so_and_still_makes_a_sheet(new_page, base_url, how):
    page = new_page()
    page.context.add_init_script(NO_STORAGE[how])
    stacks = []
    page.on("pageerror", lambda error: stacks.append(error.stack or str(error)))
    page.goto(base_url + PAGE)
    expect(page.get_by_text("This browser is not keeping anything for this page")).to_be_visible()
    page.get_by_role("checkbox", name=NAMES["bridge"], exact=True).check()
    page.get_by_label("Name for the exercises ticked below").fill(PROGRAMME)
    page.get_by_role("button", name="Save as a programme").click()
    expect(page.get_by_role("status").filter(has_text="was not saved")).to_be_visible()
    page.get_by_label("Clinic name", exact=True).fill("Riverside Physio")
    expect(page.locator("#sheet-clinic")).to_contain_text("Riverside Physio")
    expect(page.get_by_role("status").filter(has_text="print on this sheet only")).to_be_visible()
    expect(page.locator('[data-exercise="bridge"]')).to_be_visible()
    # Material's own scripts do not expect storage to be blocked outright: only theirs may throw.
    assert not [stack for stack in stacks if "sheet-builder" in stack], stacks
    if how == "blocked":
        page.guard.problems[:] = [p for p in page.guard.problems if "The operation is insecure" not in p]


def _red_rows(pdf: Path, tmp_path: Path) -> tuple[float, float]:
    """Where the red of the test logo is on the first sheet: the top and bottom of its rows, as a
    share of the sheet's height (0 the top). pdftoppm's PPM, read by hand."""
    prefix = tmp_path / "sheet"
    subprocess.run(["pdftoppm", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(prefix)], check=True)
    data = next(tmp_path.glob("sheet*.ppm")).read_bytes()
    fields = data.split(maxsplit=4)
    width, height, pixels = int(fields[1]), int(fields[2]), fields[4]
    rows = [y for y in range(height) for x in range(width)
            if (lambda p: p[0] > 200 and p[1] < 60 and p[2] < 60)(pixels[3 * (y * width + x):3 * (y * width + x) + 3])]
    assert rows, "no red on the first sheet"
    return min(rows) / height, max(rows) / height


def test_a_logo_chosen_in_the_builder_prints_in_the_header_and_never_goes_in_the_address(
        new_page, base_url, tmp_path):
    page = new_page()
    page.goto(base_url + PAGE + "#pick=" + ",".join(THREE))
    page.get_by_label("Clinic name", exact=True).fill("Riverside Physio")
    page.get_by_label("Logo (a PNG or JPEG picture)").set_input_files(
        files=[{"name": "logo.png", "mimeType": "image/png", "buffer": _png(900, 150, (220, 0, 0))}])
    logo = page.locator("#sheet-logo")
    expect(logo).to_be_visible()
    # Made small in the browser (at most 300 by 120 px), so the browser can keep it.
    assert logo.evaluate("img => [img.naturalWidth, img.naturalHeight]") == [300, 50]
    expect(page.get_by_role("status").filter(has_text="Logo added")).to_be_visible()
    for never in ("data:", "base64", "logo", "iVBOR"):
        assert never not in page.url, page.url
    page.reload()  # kept in this browser
    expect(page.locator("#sheet-logo")).to_be_visible()

    pdf = _print_a4(page, tmp_path, "logo")
    assert pdf_pages(pdf.read_bytes(), tmp_path) == 1
    images = subprocess.run(["pdfimages", "-list", "-f", "1", "-l", "1", str(pdf)], capture_output=True,
                            text=True, check=True).stdout.splitlines()[2:]
    assert [line.split()[3:5] for line in images] == [["300", "50"]], images
    top, bottom = _red_rows(pdf, tmp_path)
    assert bottom < 0.12, f"the logo is at {top:.2f} to {bottom:.2f} of the sheet, not in its header"

    page.get_by_role("button", name="Remove the logo").click()
    expect(page.locator("#sheet-logo")).to_be_hidden()
    expect(page.get_by_label("Logo (a PNG or JPEG picture)")).to_be_focused()
    page.reload()
    expect(page.locator("#sheet-logo")).to_be_hidden()
    pdf = _print_a4(page, tmp_path, "no-logo")
    assert len(subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True,
                              check=True).stdout.splitlines()) == 2


def test_a_file_that_is_not_a_png_or_jpeg_is_refused(new_page, base_url):
    page = new_page()
    page.goto(base_url + PAGE)
    page.get_by_label("Logo (a PNG or JPEG picture)").set_input_files(
        files=[{"name": "logo.svg", "mimeType": "image/svg+xml", "buffer": b"<svg xmlns='http://www.w3.org/2000/svg'/>"}])
    expect(page.get_by_role("status").filter(has_text="Choose a PNG or JPEG picture")).to_be_visible()
    expect(page.locator("#sheet-logo")).to_be_hidden()


def _card_length(exercise: dict) -> int:
    return len(" ".join([exercise["name"], *exercise["steps"], USUAL[exercise["id"]], exercise["avoid"]]))


# The three exercises of the data with the most to print (whatever exercises are added), and a note
# that fills its 200 letters.
LONGEST = tuple(e["id"] for e in sorted(EXERCISES, key=_card_length, reverse=True)[:3])


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_three_longest_exercises_with_the_header_full_keep_the_signs_on_sheet_1(shared_page, base_url, tmp_path,
                                                                              paper):
    from urllib.parse import quote
    page = shared_page()
    page.goto(base_url + PAGE)
    _fill_the_header(page)
    note = "Walk every day. " * 12
    page.goto(base_url + PAGE + "#pick=" + ",".join(LONGEST) + "&note=" + quote(note) + "&review=2026-12-20")
    page.reload()
    expect(page.locator("#sheet-logo")).to_be_visible()
    assert page.locator("[data-exercise]:visible").count() == 3
    pdf = _print_a4(page, tmp_path, "longest", paper)
    # One A4 sheet. US Letter is 18 mm shorter: the longest three may run on to a second sheet,
    # and the warning signs, which then come first, stay on the first (checked below).
    assert pdf_pages(pdf.read_bytes(), tmp_path) <= (1 if paper == "A4" else 2), (paper, LONGEST)
    _assert_first_sheet_is_safe(pdf, LONGEST if paper == "A4" else (), (paper, LONGEST))


@pytest.mark.parametrize("width", [320, 280])
def test_saved_programmes_reflow_and_their_buttons_are_big_enough_on_a_narrow_screen(new_page, base_url, width):
    """test_layout.py's reflow and target-size checks, with programmes listed (one being renamed),
    a share link and a logo showing: none of which is there when a page is first opened."""
    from test_layout import OVERFLOWING_TEXT, TARGETS
    page = new_page(viewport={"width": width, "height": 640})
    page.goto(base_url + PAGE)
    _save_programme(page, "Lower back, week one to week three, with a long name")
    _save_programme(page, "Bridge")
    page.get_by_role("button", name="Share link Bridge").click()
    page.get_by_role("button", name="Rename Bridge").click()
    page.get_by_label("Logo (a PNG or JPEG picture)").set_input_files(
        files=[{"name": "logo.png", "mimeType": "image/png", "buffer": _png(600, 100, (0, 0, 200))}])
    expect(page.locator("#sheet-logo")).to_be_visible()
    page.evaluate("window.scrollTo(0, 0)")  # as test_layout.py opens it: the header shows the site's name
    page.wait_for_timeout(300)
    overflowing = page.evaluate(OVERFLOWING_TEXT)
    assert not overflowing, "\n".join(overflowing[:15])
    if width == 320:  # test_layout.py checks targets at 360 px; the banner's own wrap at 280
        found = page.evaluate(TARGETS)
        assert not found["bad"], "\n".join(found["bad"][:20])


@pytest.mark.parametrize("count", [4, 5])
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_with_four_or_more_exercises_the_warning_signs_come_first(shared_page, base_url, tmp_path, paper, count):
    """More than three cards may run on to a second sheet: the warning signs, the disclaimer and the
    address stay on the first, and every exercise is printed, on two sheets at most."""
    from urllib.parse import quote
    picks = tuple(e["id"] for e in sorted(EXERCISES, key=_card_length, reverse=True)[:count])
    page = shared_page()
    page.goto(base_url + PAGE)
    _fill_the_header(page)
    page.goto(base_url + PAGE + "#pick=" + ",".join(picks) + "&note=" + quote("Walk every day. " * 12))
    page.reload()
    assert page.locator("[data-exercise]:visible").count() == count
    order = page.evaluate("[...document.getElementById('sheet').children].map(e => e.className)")
    assert order.index("sheet__flags-title") < order.index("sheet__groups"), order
    pdf = _print_a4(page, tmp_path, "many", paper)
    sheets = pdf_pages(pdf.read_bytes(), tmp_path)
    assert sheets <= 2, (paper, picks, sheets)
    _assert_first_sheet_is_safe(pdf, (), (paper, picks))
    everything = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                         check=True).stdout.split())
    for exercise_id in picks:
        assert NAMES[exercise_id] in everything, exercise_id
    # Back to two: the warning signs follow the exercises again (from three they come first).
    for exercise_id in picks[:count - 2]:
        page.get_by_role("checkbox", name=NAMES[exercise_id], exact=True).uncheck()
    assert page.locator("[data-exercise]:visible").count() == 2
    order = page.evaluate("[...document.getElementById('sheet').children].map(e => e.className)")
    assert order[-2:] == ["sheet__flags-title", "red-flags handout__flags"], order


def test_a_clinic_s_own_copy_sets_its_details_and_logo_in_the_configuration(scratch_project, tmp_path,
                                                                              new_page):
    """extra.clinic in mkdocs.yml, logo included: on the sheet from disk with JavaScript on and off,
    until a clinician changes them in the builder; a logo that is not there stops the build."""
    config = scratch_project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    (scratch_project / "docs" / "assets" / "images").mkdir(parents=True, exist_ok=True)
    (scratch_project / "docs" / "assets" / "images" / "clinic-logo.png").write_bytes(_png(240, 80, (220, 0, 0)))
    clinic = ("  clinic:\n    name: Riverside Physio\n    phone: 01632 960 123\n"
              "    logo: assets/images/clinic-logo{}.png\n")
    config.write_text(text.replace("\nextra:\n", "\nextra:\n" + clinic.format("-missing"), 1), encoding="utf-8")
    failed = build_site(scratch_project, tmp_path / "bad")
    assert failed.returncode != 0
    assert "mkdocs.yml: field 'extra.clinic.logo'" in failed.stdout + failed.stderr, failed.stderr[-2000:]

    config.write_text(text.replace("\nextra:\n", "\nextra:\n" + clinic.format(""), 1), encoding="utf-8")
    out = tmp_path / "site"
    result = build_site(scratch_project, out)
    assert result.returncode == 0, result.stderr[-2000:]
    for javascript in (False, True):
        page = new_page(javascript_enabled=javascript)
        page.goto((out / PAGE).as_uri() + ("#pick=" + ",".join(THREE) if javascript else ""))
        logo = page.locator("#sheet-logo")
        expect(logo).to_be_visible()
        assert logo.evaluate("img => img.complete && img.naturalWidth") == 240  # the policy let it load
        expect(page.locator("#sheet-clinic")).to_contain_text("Riverside Physio")
    assert page.get_by_label("Clinic name", exact=True).input_value() == "Riverside Physio"
    pdf = _print_a4(page, tmp_path, "configured")
    assert pdf_pages(pdf.read_bytes(), tmp_path) == 1
    assert _red_rows(pdf, tmp_path)[1] < 0.12
    # A clinician's own choice wins in their browser: no logo, another name.
    page.get_by_role("button", name="Remove the logo").click()
    page.get_by_label("Clinic name", exact=True).fill("Hillside Clinic")
    page.reload()
    expect(page.locator("#sheet-logo")).to_be_hidden()
    expect(page.locator("#sheet-clinic")).to_contain_text("Hillside Clinic")
