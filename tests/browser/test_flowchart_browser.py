"""The flowchart page in a real browser: runners walk it by clicking answers, with JavaScript on (one
question at a time, Back, Start over, the browser's Back button) and off (plain links to anchors); it
works by keyboard, fits a phone, prints as the chart on one A4 sheet and stays light."""

from __future__ import annotations

import gzip
import re
import subprocess

import pytest
import yaml

from conftest import ROOT, pdf_pages

PAGE = "flowchart.html"
# Step numbers follow the order of the questions in the data, so the tests read them from there.
QUESTIONS = [q["id"] for q in yaml.safe_load(
    (ROOT / "data" / "flowchart.yml").read_text(encoding="utf-8"))["questions"]]


def step(question_id: str) -> str:
    return f"step-{QUESTIONS.index(question_id) + 1}"


NO = ["No"] * QUESTIONS.index("age")  # every warning-sign question before age
SCIATICA = [*NO, "20 to 50", "No", "Yes"]  # an adult, no morning stiffness, pain down one leg


# The hash changes as the link is followed; the script's hashchange handler shows the new step and
# focuses its heading a moment later. Waiting for the hash alone races that handler.
ARRIVED = """id => {
  if (location.hash !== "#" + id) return false;
  if (!document.querySelector(".fc--js")) return true;  // JavaScript off: the anchor is all there is
  const el = document.getElementById(id), focused = document.activeElement;
  return el !== null && (focused === el || el.contains(focused));
}"""


def arrive(page, anchor: str) -> None:
    """Wait until the reader is at ``anchor``: in the address bar and, with the script, in focus."""
    page.wait_for_function(ARRIVED, arg=anchor, timeout=10_000)


def answer(page, label: str) -> None:
    """Click the answer ``label`` of the step the reader is on (the one the URL points at)."""
    current = page.evaluate("location.hash.slice(1)") or "step-1"
    link = page.locator(f"#{current} a.fc-answer").filter(has_text=re.compile(rf"^{label}:"))
    target = link.get_attribute("href").split("#", 1)[1]
    link.click()
    arrive(page, target)


def walk(page, labels: list[str]) -> str:
    for label in labels:
        answer(page, label)
    return page.evaluate("location.hash.slice(1)")


def visible_items(page) -> list[str]:
    return page.eval_on_selector_all(
        ".fc-step, .fc-outcome",
        "els => els.filter(e => e.offsetParent !== null)"
        ".map(e => e.id || e.querySelector('h3').id)")


# Paths through the real chart: answers in order, and where they end.
# Paths through the real chart: answers in order, and where they end. The full table of runner
# stories is in test_triage_stories.py; these check how the page behaves on the way.
PATHS = [
    pytest.param(["Yes"], "outcome-emergency-nerves", "Emergency", id="numb-both-legs"),
    pytest.param(["No"] * QUESTIONS.index("unwell") + ["Yes"], "outcome-urgent", "Urgent",
                 id="fever-or-weight-loss"),
    pytest.param(["No"] * QUESTIONS.index("pregnancy") + ["Yes"], "outcome-maternity", "Urgent",
                 id="pregnant-pain-in-waves"),
    pytest.param(SCIATICA, "outcome-sciatica", "See a professional", id="numb-one-leg"),
    pytest.param([*NO, "Under 20", "Yes"], "outcome-spondylolysis", "See a professional",
                 id="young-arching"),
    pytest.param([*NO, "20 to 50", "No", "No", "No", "Yes"], "outcome-running-only", "Self-care",
                 id="only-while-running"),
]


@pytest.mark.parametrize("labels, outcome, level", PATHS)
def test_walk_with_javascript(new_page, base_url, labels, outcome, level):
    page = new_page()
    page.goto(base_url + PAGE)
    assert visible_items(page) == ["step-1"], "one question at a time"
    assert walk(page, labels) == outcome
    assert visible_items(page) == [outcome]
    heading = page.locator(f"#{outcome}")
    assert heading.inner_text().split(":")[0].strip().endswith(level)
    # Focus moves to the new heading, so a screen reader reads it next.
    assert page.evaluate("document.activeElement.id") == outcome


@pytest.mark.parametrize("labels, outcome, level", PATHS[:1] + PATHS[2:3] + PATHS[-1:])
def test_walk_without_javascript(new_page, base_url, labels, outcome, level):
    page = new_page(javascript_enabled=False)
    page.goto(base_url + PAGE)
    # Everything is there: every step, every outcome, no buttons.
    assert len(visible_items(page)) == page.locator(".fc-step, .fc-outcome").count() >= 20
    assert page.locator(".fc-controls").count() == 0
    assert walk(page, labels) == outcome
    assert level in page.locator(f"#{outcome}").inner_text()
    assert page.locator(f"#{outcome}").is_visible()


LEG, BEFORE_LEG = step("one-leg"), step("morning-stiffness")


@pytest.mark.parametrize("origin", ["http", "file"])
def test_back_start_over_and_browser_history(new_page, base_url, file_url, origin):
    page = new_page()
    page.goto((base_url if origin == "http" else file_url) + PAGE)
    back = page.get_by_role("button", name="Back", exact=True)
    assert not back.is_visible()  # no controls on the first question
    assert walk(page, SCIATICA) == "outcome-sciatica"
    assert page.locator("#outcome-sciatica").is_visible()
    back.click()
    arrive(page, LEG)
    assert visible_items(page) == [LEG]
    assert page.evaluate("document.activeElement.textContent").startswith(f"Step {LEG[5:]}:")
    page.go_back()  # the browser's own Back button
    arrive(page, BEFORE_LEG)
    assert visible_items(page) == [BEFORE_LEG]
    page.go_forward()
    arrive(page, LEG)
    # The path survives a reload: Back still goes to the previous question.
    page.reload()
    assert visible_items(page) == [LEG]
    back.click()
    arrive(page, BEFORE_LEG)
    page.get_by_role("button", name="Start over").click()
    arrive(page, "step-1")
    assert visible_items(page) == ["step-1"]
    assert page.evaluate("document.activeElement.textContent").startswith("Step 1:")


def test_arriving_at_a_step_from_a_link(new_page, base_url):
    page = new_page()
    page.goto(base_url + PAGE + "#step-8")
    assert visible_items(page) == ["step-8"]
    page.get_by_role("button", name="Back", exact=True).click()  # stays on the page
    arrive(page, "step-1")
    assert page.url.startswith(base_url + PAGE)


# Addresses a reader may arrive on that are not a step: none, the chart's own anchor, the title's
# permalink, an old bookmark of an anchor that no longer exists.
@pytest.mark.parametrize("arrival", ["", "#chart", "#what-should-i-do-about-my-back-pain", "#gone"])
def test_back_after_arriving_on_an_address_that_is_not_a_step(new_page, base_url, arrival):
    page = new_page()
    page.goto(base_url + PAGE + arrival)
    assert visible_items(page) == ["step-1"]
    page.locator("#step-1 a.fc-answer").filter(has_text=re.compile(r"^No:")).click()
    arrive(page, "step-2")
    assert visible_items(page) == ["step-2"]
    page.go_back()  # the browser's Back button, pressed once
    page.wait_for_function("() => !document.getElementById('step-1').hidden", timeout=5_000)
    assert visible_items(page) == ["step-1"], f"arrived on {arrival or 'no hash'}: Back left step 2 on screen"
    assert page.url == base_url + PAGE + arrival  # still on the page, where the reader arrived
    page.go_forward()
    arrive(page, "step-2")
    assert visible_items(page) == ["step-2"]


def test_drawing_boxes_lead_to_the_steps(new_page, base_url):
    page = new_page()
    page.goto(base_url + PAGE)
    page.locator(".fc-chart a.fc-q", has_text="tingling down one leg").click()
    arrive(page, LEG)
    assert visible_items(page) == [LEG]


def test_keyboard_only(new_page, base_url):
    page = new_page()
    page.goto(base_url + PAGE)
    # Tab from the top of the page to the first answer, then answer with Enter.
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('fc-answer')"):
            break
    else:
        pytest.fail("no answer reachable with Tab")
    assert page.evaluate("document.activeElement.textContent").startswith("Yes:")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # "No: go to step 2"
    arrive(page, "step-2")
    assert page.evaluate("document.activeElement.textContent").startswith("Step 2:")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#step-2') !== null")


@pytest.mark.parametrize("javascript_enabled", [True, False])
def test_fits_a_phone(new_page, base_url, javascript_enabled):
    page = new_page(javascript_enabled=javascript_enabled, viewport={"width": 360, "height": 740})
    page.goto(base_url + PAGE)
    # Nothing in the page's content, chart boxes included, sticks out of the screen.
    right = page.eval_on_selector_all(".md-content *", "els => Math.max(...els.map("
                                      "e => e.getBoundingClientRect().right))")
    assert right <= 360
    # Answers are big enough to tap (WCAG 2.2 target size).
    sizes = page.eval_on_selector_all("#step-1 a.fc-answer", "els => els.map("
                                      "e => [e.offsetWidth, e.offsetHeight])")
    assert all(w >= 44 and h >= 44 for w, h in sizes), sizes


@pytest.mark.parametrize("walk_first", [False, True])
def test_prints_the_chart_on_one_a4_page(new_page, base_url, tmp_path, walk_first):
    page = new_page()
    page.goto(base_url + PAGE)
    if walk_first:  # the one-question view does not change the printout
        walk(page, SCIATICA)
    pdf = page.pdf(format="A4")
    assert pdf_pages(pdf, tmp_path) == 1
    (tmp_path / "chart.pdf").write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "chart.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    for words in ("What should I do about my back pain?", "Everyday back ache or stiffness",
                  "Possible trapped", "Last reviewed"):
        assert words in text, words
    # The legend's emergency line runs over two lines, beside the urgent one: read it as it flows.
    flowing = subprocess.run(["pdftotext", str(tmp_path / "chart.pdf"), "-"],
                             capture_output=True, text=True, check=True).stdout
    assert "Call 999 or your local emergency number, or go to A&E (the emergency department) now" in " ".join(flowing.split())
    assert "Step 1:" not in text  # the step-by-step version is for screens


def test_dark_mode_chart_is_readable(new_page, base_url):
    page = new_page(color_scheme="dark")
    page.goto(base_url + PAGE)
    colours = page.eval_on_selector(".fc-chart .fc-q", "e => [getComputedStyle(e).color, "
                                    "getComputedStyle(e).backgroundColor]")
    assert colours[0] != colours[1]


def test_page_weight(site_dir):
    def gz(name: str) -> int:
        return len(gzip.compress((site_dir / name).read_bytes(), compresslevel=9))
    extra = gz(PAGE) - gz("about.html")
    assert extra <= 20 * 1024, f"flowchart.html is {extra} bytes (gzip) heavier than about.html"
