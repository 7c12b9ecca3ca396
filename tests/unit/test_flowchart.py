"""Unit tests for the decision flowchart (runnersback/model/flowchart.py, runnersback/render/flowchart.py,
data/flowchart.yml): every build-time
check names the step or outcome at fault, the real chart sends each kind of runner to the right place,
and both renderings link up, escape data and cite their sources."""

from __future__ import annotations

import re
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT
from runnersback.model import flowchart as flowchart_model, site as sitedata
from runnersback.model.errors import DataError
from runnersback.render import flowchart
from runnersback.render.html import Linker

FILE = "data/flowchart.yml"


def _site(tmp_path: Path | None = None) -> sitedata.SiteData:
    """Real sources, care levels and pages. With ``tmp_path``, data files are named as if in data/."""
    site = sitedata.SiteData(data_dir=(tmp_path or ROOT) / "data", docs_dir=ROOT / "docs")
    site.data_dir.mkdir(exist_ok=True)
    real = sitedata.SiteData(data_dir=ROOT / "data", docs_dir=ROOT / "docs")
    sitedata.load_sources(real, ROOT / "data" / "sources.yml")
    sitedata.load_care_levels(real, ROOT / "data" / "care_levels.yml")
    site.kinds, site.sources, site.care_levels = real.kinds, real.sources, real.care_levels
    site.pages = sitedata.find_pages(ROOT / "docs")
    return site


@pytest.fixture(scope="module")
def real() -> sitedata.SiteData:
    site = _site()
    flowchart_model.load(site, ROOT / "data" / "flowchart.yml")
    return site


# A small valid chart; each test below breaks one thing in it.
GOOD = """\
questions:
  - id: red
    level: emergency
    question: Are both legs numb?
    answers:
      - label: "Yes"
        next: call-999
      - label: "No"
        next: fever
  - id: fever
    level: urgent
    question: Do you have a fever?
    answers:
      - label: "Yes"
        next: today
      - label: "No"
        next: sore
  - id: sore
    question: Does it hurt only when you run?
    answers:
      - label: "Yes"
        next: easy
      - label: "No"
        next: physio
outcomes:
  - id: call-999
    care: emergency
    title: Call 999
    advice:
      - text: Call now.
        sources: [nhs-back-pain]
  - id: today
    care: urgent
    title: See a doctor today
    advice:
      - text: Get an urgent appointment.
        sources: [nhs-back-pain]
  - id: easy
    care: self-care
    title: Run easier
    advice:
      - text: Run easier.
        sources: [sore-back]
    links:
      - page: stretching.md
        text: Stretching
  - id: physio
    care: see-professional
    title: See a physio
    advice:
      - text: See a physio.
        sources: [clinic]
"""


def _chart(questions, outcomes=(("call-999", "emergency"), ("today", "urgent"),
                                ("physio", "see-professional"), ("easy", "self-care"))) -> str:
    """A chart from a compact description: questions as (id, level or None, yes, no) in file order,
    outcomes as (id, care level)."""
    out = ["questions:"]
    for qid, level, yes, no in questions:
        out += [f"  - id: {qid}"] + ([f"    level: {level}"] if level else []) + [
            f"    question: Question {qid}?", "    answers:", '      - label: "Yes"',
            f"        next: {yes}", '      - label: "No"', f"        next: {no}"]
    out.append("outcomes:")
    for oid, care in outcomes:
        out += [f"  - id: {oid}", f"    care: {care}", f"    title: Outcome {oid}", "    advice:",
                "      - text: Some advice.", "        sources: [clinic]"]
    return "\n".join(out) + "\n"


def _load(tmp_path: Path, text: str) -> sitedata.SiteData:
    site = _site(tmp_path)
    path = site.data_dir / "flowchart.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    flowchart_model.load(site, path)
    return site


def _error(tmp_path: Path, text: str) -> str:
    with pytest.raises(DataError) as err:
        _load(tmp_path, text)
    message = str(err.value)
    assert message.startswith(FILE), message
    return message


# --- Checks ------------------------------------------------------------------------------------------

def test_good_chart_loads(tmp_path):
    chart = _load(tmp_path, GOOD).flowchart
    assert list(chart.questions) == ["red", "fever", "sore"]
    assert chart.start == "red" and chart.anchor("sore") == "step-3"
    assert chart.anchor("easy") == "outcome-easy"


def test_missing_file_leaves_no_chart(tmp_path):
    site = _site(tmp_path)
    flowchart_model.load(site, tmp_path / "nope.yml")
    assert site.flowchart is None


def test_dangling_answer(tmp_path):
    message = _error(tmp_path, GOOD.replace("next: physio", "next: physoi"))
    assert re.match(rf"{FILE}:\d+: entry 'sore', field 'answers\[2\]\.next': ", message), message
    assert "'physoi'" in message and "neither a question nor an outcome" in message


def test_cycle(tmp_path):
    text = GOOD.replace("next: physio", "next: again").replace("outcomes:", """\
  - id: again
    question: Again?
    answers:
      - label: "Yes"
        next: sore
      - label: "No"
        next: physio
outcomes:""")
    message = _error(tmp_path, text)
    assert "circle" in message and "entry 'again'" in message, message
    assert "step 3 ('sore') → step 4 ('again') → step 3 ('sore')" in message


def test_answer_leading_to_its_own_question(tmp_path):
    message = _error(tmp_path, GOOD.replace("next: easy", "next: sore"))
    assert "entry 'sore', field 'answers[1].next'" in message and "cycle" in message, message


def test_answer_leading_back_to_an_earlier_step(tmp_path):
    # No cycle, but step 3 says "go to step 2": a reader on paper would be sent backwards.
    message = _error(tmp_path, _chart([("red", "emergency", "call-999", "fever"),
                                       ("sore", None, "easy", "physio"),
                                       ("fever", "urgent", "today", "sore")]))
    assert "entry 'fever', field 'answers[2].next'" in message and "step 2 ('sore')" in message, message
    assert "in the order they are asked" in message


def test_unreachable_step(tmp_path):
    text = GOOD.replace("outcomes:", """\
  - id: orphan
    question: Is anyone there?
    answers:
      - label: "Yes"
        next: easy
      - label: "No"
        next: physio
outcomes:""")
    message = _error(tmp_path, text)
    assert re.match(rf"{FILE}:\d+: entry 'orphan': ", message), message
    assert "step 4 ('orphan')" in message and "nobody can reach it" in message


def test_unreachable_outcome(tmp_path):
    text = GOOD + """\
  - id: lost
    care: self-care
    title: Lost
    advice:
      - text: Nobody gets here.
        sources: [clinic]
"""
    message = _error(tmp_path, text)
    assert "entry 'lost'" in message and "outcome 'lost'" in message and "reach" in message, message


def test_outcome_without_care_level(tmp_path):
    message = _error(tmp_path, GOOD.replace("    care: self-care\n", ""))
    assert re.match(rf"{FILE}:\d+: entry 'easy', field 'care': required field is missing", message)


def test_outcome_with_unknown_care_level(tmp_path):
    message = _error(tmp_path, GOOD.replace("care: self-care", "care: selfcare"))
    assert "entry 'easy', field 'care': unknown care level 'selfcare'" in message, message
    assert "self-care" in message  # lists the known levels


def test_question_with_unknown_level(tmp_path):
    message = _error(tmp_path, GOOD.replace("level: urgent", "level: urgnet"))
    assert "entry 'fever', field 'level': unknown care level 'urgnet'" in message, message


def test_unknown_link_target(tmp_path):
    message = _error(tmp_path, GOOD.replace("page: stretching.md", "page: stretches.md"))
    assert "entry 'easy', field 'links[1].page'" in message and "'stretches.md'" in message, message


def test_self_care_path_skipping_an_emergency_question(tmp_path):
    # "sore" is asked first, so a runner reaches self-care without being asked about numb legs.
    message = _error(tmp_path, _chart([("sore", None, "easy", "red"),
                                       ("red", "emergency", "call-999", "fever"),
                                       ("fever", "urgent", "today", "physio")]))
    assert re.match(rf"{FILE}:\d+: entry 'easy', field 'care': ", message), message
    assert "self-care outcome without asking emergency step 2 ('red')" in message
    assert "step 1 ('sore') → outcome 'easy'" in message


def test_one_branch_skipping_an_emergency_question(tmp_path):
    # The emergency question is asked on one branch only; "physio" is reachable both ways.
    message = _error(tmp_path, _chart([("first", None, "red", "fever"),
                                       ("red", "emergency", "call-999", "fever"),
                                       ("fever", "urgent", "today", "sore"),
                                       ("sore", None, "easy", "physio")]))
    assert "without asking emergency step 2 ('red')" in message, message
    assert "step 1 ('first') → step 3 ('fever')" in message


def test_see_professional_path_skipping_an_urgent_question(tmp_path):
    message = _error(tmp_path, _chart([("red", "emergency", "call-999", "sore"),
                                       ("sore", None, "physio", "fever"),
                                       ("fever", "urgent", "today", "easy")]))
    assert "entry 'physio'" in message, message
    assert "see a professional outcome without asking urgent step 3 ('fever')" in message


def test_urgent_outcome_needs_emergency_questions_only(tmp_path):
    # An urgent outcome may come before other urgent questions...
    _load(tmp_path, _chart([("red", "emergency", "call-999", "fever"),
                            ("fever", "urgent", "today", "night"),
                            ("night", "urgent", "today", "sore"),
                            ("sore", None, "easy", "physio")]))
    # ...but not before an emergency question.
    message = _error(tmp_path, _chart([("fever", "urgent", "today", "red"),
                                       ("red", "emergency", "call-999", "sore"),
                                       ("sore", None, "easy", "physio")]))
    assert "entry 'today'" in message and "urgent outcome without asking emergency step 2" in message


def test_emergency_outcome_needs_no_question_first(tmp_path):
    _load(tmp_path, _chart([("first", None, "call-999", "red"),
                            ("red", "emergency", "call-999", "fever"),
                            ("fever", "urgent", "today", "sore"),
                            ("sore", None, "easy", "physio")]))


def test_unknown_source(tmp_path):
    message = _error(tmp_path, GOOD.replace("sources: [sore-back]", "sources: [sore-bak]"))
    assert "entry 'easy', field 'advice[1].sources': unknown source 'sore-bak'" in message, message


def test_unknown_field(tmp_path):
    message = _error(tmp_path, GOOD.replace("    question: Does it hurt", "    colour: red\n    question: Does it hurt"))
    assert "entry 'sore', field 'colour': unknown field" in message, message


def test_unknown_field_in_an_answer(tmp_path):
    message = _error(tmp_path, GOOD.replace('        next: easy\n', '        next: easy\n        nxt: easy\n'))
    assert "entry 'sore', field 'answers[1].nxt': unknown field" in message, message


def test_missing_field(tmp_path):
    message = _error(tmp_path, GOOD.replace("    title: Run easier\n", ""))
    assert "entry 'easy', field 'title': required field is missing" in message, message


def test_duplicate_question_id(tmp_path):
    message = _error(tmp_path, GOOD.replace("  - id: fever", "  - id: red"))
    assert "entry 'red', field 'id': duplicate id" in message, message


def test_duplicate_id_between_question_and_outcome(tmp_path):
    message = _error(tmp_path, GOOD.replace("  - id: physio", "  - id: sore").replace(
        "next: physio", "next: easy"))
    assert "entry 'sore', field 'id': duplicate id" in message, message


def test_question_needs_two_answers(tmp_path):
    text = _chart([("red", "emergency", "call-999", "fever"), ("fever", "urgent", "today", "sore"),
                   ("sore", None, "easy", "physio")], outcomes=(("call-999", "emergency"),
                                                                ("today", "urgent"), ("easy", "self-care")))
    text = text.replace('      - label: "No"\n        next: physio\n', "")
    message = _error(tmp_path, text)
    assert "entry 'sore', field 'answers'" in message and "two answers" in message, message


def test_answer_labels_are_unique(tmp_path):
    message = _error(tmp_path, GOOD.replace("""        next: easy
      - label: "No\"""", """        next: easy
      - label: "Yes\""""))
    assert "entry 'sore', field 'answers[2].label'" in message and "'Yes'" in message, message


def test_unquoted_yes_is_caught(tmp_path):
    # YAML reads a bare Yes as true: the schema says so rather than printing "True".
    message = _error(tmp_path, GOOD.replace('label: "Yes"', "label: Yes", 1))
    assert "entry 'red', field 'answers[1].label'" in message and "true/false" in message, message


def test_message_has_the_line_of_the_answer(tmp_path):
    message = _error(tmp_path, GOOD.replace("next: physio", "next: physoi"))
    line = GOOD.splitlines().index("        next: physio") + 1
    assert message.startswith(f"{FILE}:{line - 1}:"), message  # the answer's mapping starts on "- label"


# --- The real chart ------------------------------------------------------------------------------------

def _walk(chart: flowchart_model.Flowchart, yes: set[str]) -> tuple[str, list[str]]:
    """Answer "Yes" to the questions in ``yes`` and "No" to every other; return the outcome reached and
    the questions asked."""
    node, asked = chart.start, []
    while node in chart.questions:
        asked.append(node)
        wanted = "Yes" if node in yes else "No"
        node = next(a.next for a in chart.questions[node].answers if a.label == wanted)
    return node, asked


@pytest.mark.parametrize("yes, outcome, care", [
    ({"nerve-signs"}, "emergency", "emergency"),                       # numb in both legs / saddle / bladder
    ({"accident"}, "emergency", "emergency"),
    ({"unwell"}, "urgent", "urgent"),                                  # fever, weight loss
    ({"rest-pain"}, "urgent", "urgent"),                               # night pain, pain at rest
    ({"weak-leg"}, "urgent", "urgent"),                                # foot drop
    ({"young", "arching"}, "spondylolysis", "see-professional"),      # under 20, worse arching back
    ({"one-leg"}, "sciatica", "see-professional"),                     # numb or tingling down one leg
    ({"more-running", "deep-pain"}, "stress-fracture", "see-professional"),
    ({"old-strain"}, "lasting-strain", "see-professional"),            # buttock pain for months
    ({"two-weeks"}, "not-better", "see-professional"),
    ({"only-running"}, "running-only", "self-care"),                   # only while running
    (set(), "everyday-ache", "self-care"),
    ({"young", "only-running"}, "running-only", "self-care"),          # young, not worse arching
    ({"more-running", "only-running"}, "running-only", "self-care"),   # no deep pain
])
def test_runners_reach_the_right_outcome(real, yes, outcome, care):
    chart = real.flowchart
    reached, asked = _walk(chart, yes)
    assert reached == outcome and chart.outcomes[reached].care == care
    if care != "emergency":
        for question in chart.questions.values():
            if question.level == "emergency":
                assert question.id in asked


def test_red_flags_come_first(real):
    levels = [q.level for q in real.flowchart.questions.values()]
    first_plain = levels.index(None)
    assert set(levels[:first_plain]) == {"emergency", "urgent"}
    assert levels.index("urgent") > max(i for i, lvl in enumerate(levels) if lvl == "emergency")
    assert all(lvl is None for lvl in levels[first_plain:])


def test_real_data_sentences_are_short(real):
    chart = real.flowchart
    texts = [q.question for q in chart.questions.values()] + \
            [(q.hint or "") for q in chart.questions.values()] + \
            [item.text for o in chart.outcomes.values() for item in o.advice]
    for text in texts:
        for sentence in re.split(r"(?<=[.?!])\s+", text):
            assert len(sentence.split()) < 20, sentence


# --- Rendering ------------------------------------------------------------------------------------------

class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])


def _parse(html: str) -> _Ids:
    parser = _Ids()
    parser.feed(html)
    return parser


def _render(site):
    linker = Linker("flowchart.md", site.pages)
    cited: set[str] = set()
    return flowchart.steps(site, linker, cited), flowchart.drawing(site, linker, cited), cited


def test_every_anchor_resolves(real):
    steps, drawing, _ = _render(real)
    ids = set(_parse(steps).ids)
    for html in (steps, drawing):
        local = [h[1:] for h in _parse(html).hrefs if h.startswith("#")]
        assert local, "no links to steps"
        missing = [h for h in local if h not in ids]
        assert not missing, missing


def test_every_step_and_outcome_rendered_once(real):
    chart = real.flowchart
    steps, drawing, _ = _render(real)
    ids = _parse(steps).ids
    assert len(ids) == len(set(ids)), "duplicate ids"
    for node in [*chart.questions, *chart.outcomes]:
        assert ids.count(chart.anchor(node)) == 1, node
    assert steps.count('class="fc-step"') == len(chart.questions)
    assert steps.count('fc-outcome">') == len(chart.outcomes)
    # The drawing has each question once and each outcome at least once, all linking to the steps.
    hrefs = _parse(drawing).hrefs
    for question_id in chart.questions:
        assert drawing.count(f'class="fc-box fc-q" href="#{chart.anchor(question_id)}"') == 1
    for outcome_id in chart.outcomes:
        assert f"#{chart.anchor(outcome_id)}" in hrefs, outcome_id
    assert not _parse(drawing).ids or set(_parse(drawing).ids).isdisjoint(ids)


def test_answers_read_naturally_on_paper(real):
    steps, _, _ = _render(real)
    assert ">No: go to step 2</a>" in steps
    assert "Yes: <span" in steps and "Call 999 or go to A&amp;E now" in steps


def test_outcomes_use_the_care_level_vocabulary(real):
    chart = real.flowchart
    steps, drawing, _ = _render(real)
    for outcome in chart.outcomes.values():
        care = real.care_levels[outcome.care]
        assert f'care-card care-card--{outcome.care} fc-outcome' in steps
        assert f'<span class="care-card__level">{care.label}:</span>' in steps
    for care in real.care_levels.values():
        assert care.heading in drawing.replace("&amp;", "&")  # the legend
    # Level shown in text and icon, not only colour.
    assert '<span class="fc-icon" aria-hidden="true">!</span> Emergency:</span>' in drawing


def test_advice_is_cited_and_links_onward(real):
    steps, _, cited = _render(real)
    used = {s for o in real.flowchart.outcomes.values() for a in o.advice for s in a.sources}
    assert used <= cited
    assert steps.count('class="cite"') == sum(len(o.advice) for o in real.flowchart.outcomes.values())
    assert 'href="conditions/sciatica.html"' in steps and 'href="when-to-get-help.html"' in steps


def test_block_elements_do_not_touch(real):
    # Material's search indexer glues words across touching block tags.
    steps, drawing, _ = _render(real)
    for html in (steps, drawing):
        assert not re.search(r"</(li|p|ul|ol|h2|h3|section|div|figcaption)><", html), \
            re.search(r".{40}</(li|p|ul|ol|h2|h3|section|div|figcaption)><.{40}", html)


def test_data_is_escaped(tmp_path):
    text = GOOD.replace("Does it hurt only when you run?", "Pain <b>here</b> & \"there\"?").replace(
        "title: Run easier", "title: <script>alert(1)</script>").replace(
        "Run easier.", "A & B <i>x</i>").replace('label: "Yes"\n        next: easy',
                                                 'label: "<Yes>"\n        next: easy')
    site = _load(tmp_path, text)
    steps, drawing, _ = _render(site)
    for html in (steps, drawing):
        assert "<script>" not in html and "<b>here" not in html and "<Yes>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in steps and "&lt;script&gt;" in drawing
    assert "Pain &lt;b&gt;here&lt;/b&gt; &amp; &quot;there&quot;?" in steps
    assert "A &amp; B &lt;i&gt;x&lt;/i&gt;" in steps
    assert "&lt;Yes&gt;: " in steps and "&lt;Yes&gt;</span>" in drawing


def test_drawing_layout_main_line_and_side_questions(real):
    chart = real.flowchart
    _, drawing, _ = _render(real)
    rows = re.findall(r'<li class="fc-row[^"]*">(.*?)</li>', drawing, re.S)
    spine = flowchart._spine(chart)
    assert len(rows) == len(spine) + 1  # plus the final outcome
    assert spine[0] == chart.start and "arching" not in spine and "deep-pain" not in spine
    # A side question hangs beside the step that asks it, with a "go to" back to the main line.
    young = rows[spine.index("young")]
    assert f'href="#{chart.anchor("arching")}"' in young
    assert f"No: go to step {chart.number('one-leg')}" in young
    assert 'href="#outcome-everyday-ache"' in rows[-1] and "fc-row--end" in drawing


def test_missing_chart_fails_the_page(tmp_path):
    site = _site(tmp_path)
    with pytest.raises(DataError, match="flowchart"):
        flowchart.steps(site, Linker("flowchart.md", site.pages), set())
