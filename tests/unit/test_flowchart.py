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
from runnersback.model.signs import WarningSign
from runnersback.render import flowchart
from runnersback.render.html import Linker

FILE = "data/flowchart.yml"


# A small registry for the small charts below: one emergency and one urgent sign.
TEST_SIGNS = {
    "numb-legs": WarningSign(id="numb-legs", level="emergency", text="Both legs numb",
                             short="Numb legs", sources=["nhs-back-pain"]),
    "fever": WarningSign(id="fever", level="urgent", text="A fever", short="Fever",
                         sources=["nhs-back-pain"]),
}
SIGN_OF = {"emergency": "numb-legs", "urgent": "fever"}


def _site(tmp_path: Path | None = None) -> sitedata.SiteData:
    """Real sources, care levels and pages. With ``tmp_path``, data files are named as if in data/,
    and the registry is TEST_SIGNS; without it, the real registry."""
    site = sitedata.SiteData(data_dir=(tmp_path or ROOT) / "data", docs_dir=ROOT / "docs")
    site.data_dir.mkdir(exist_ok=True)
    real = sitedata.SiteData(data_dir=ROOT / "data", docs_dir=ROOT / "docs")
    sitedata.load_sources(real, ROOT / "data" / "sources.yml")
    sitedata.load_care_levels(real, ROOT / "data" / "care_levels.yml")
    sitedata.load_warning_signs(real, ROOT / "data" / "warning_signs.yml")
    site.kinds, site.sources, site.care_levels = real.kinds, real.sources, real.care_levels
    site.signs = real.signs if tmp_path is None else dict(TEST_SIGNS)
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
    signs: [numb-legs]
    question: Are both legs numb?
    answers:
      - label: "Yes"
        next: call-999
        sign: true
      - label: "No"
        next: fever
  - id: fever
    signs: [fever]
    question: Do you have a fever?
    answers:
      - label: "Yes"
        next: today
        sign: true
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
    outcomes as (id, care level). A question with a level asks that level's sign of TEST_SIGNS."""
    out = ["questions:"]
    for qid, level, yes, no in questions:
        out += [f"  - id: {qid}"] + ([f"    signs: [{SIGN_OF[level]}]"] if level else []) + [
            f"    question: Question {qid}?", "    answers:", '      - label: "Yes"',
            f"        next: {yes}"] + (["        sign: true"] if level else []) + [
            '      - label: "No"', f"        next: {no}"]
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


def test_question_with_unknown_sign(tmp_path):
    message = _error(tmp_path, GOOD.replace("signs: [fever]", "signs: [fevr]"))
    assert "entry 'fever', field 'signs[1]': unknown warning sign 'fevr'" in message, message
    assert "data/warning_signs.yml" in message


def test_signs_of_two_levels_in_one_question(tmp_path):
    message = _error(tmp_path, GOOD.replace("signs: [fever]", "signs: [fever, numb-legs]"))
    assert "entry 'fever', field 'signs'" in message and "different care levels" in message, message


def test_sign_question_needs_a_marked_answer(tmp_path):
    message = _error(tmp_path, GOOD.replace("        next: today\n        sign: true\n",
                                            "        next: today\n"))
    assert "entry 'fever', field 'answers'" in message and "sign: true" in message, message


def test_marked_answer_without_signs(tmp_path):
    message = _error(tmp_path, GOOD.replace("        next: easy\n", "        next: easy\n        sign: true\n"))
    assert "entry 'sore', field 'answers'" in message and "asks about no signs" in message, message


def test_too_many_signs_for_one_screen(tmp_path):
    site = _site(tmp_path)
    for i in range(6):
        site.signs[f"s{i}"] = TEST_SIGNS["fever"].model_copy(update={"id": f"s{i}"})
    path = site.data_dir / "flowchart.yml"
    path.write_text(GOOD.replace("signs: [fever]", "signs: [s0, s1, s2, s3, s4, s5]"), encoding="utf-8")
    with pytest.raises(DataError, match=r"entry 'fever', field 'signs'.*6 signs; at most 5"):
        flowchart_model.load(site, path)


def test_a_sign_answer_that_can_end_less_urgent_than_the_sign(tmp_path):
    # "Yes, a fever" leads on to the last question, so a runner with a fever can reach a physio or
    # self-care instead of an urgent check.
    text = GOOD.replace("        next: today\n        sign: true\n", "        next: sore\n        sign: true\n")
    text = text.replace('      - label: "No"\n        next: sore\n', '      - label: "No"\n        next: today\n')
    message = _error(tmp_path, text)
    assert re.match(rf"{FILE}:\d+: entry 'fever', field 'answers\[1\]\.next': ", message), message
    assert "answer 'Yes' means the runner has urgent sign 'fever'" in message
    assert "which is only 'see-professional'" in message or "which is only 'self-care'" in message


def test_a_sign_in_the_registry_that_no_question_asks(tmp_path):
    site = _site(tmp_path)
    site.signs["chest-pain"] = TEST_SIGNS["numb-legs"].model_copy(update={"id": "chest-pain"})
    path = site.data_dir / "flowchart.yml"
    path.write_text(GOOD, encoding="utf-8")
    with pytest.raises(DataError) as err:
        flowchart_model.load(site, path)
    message = str(err.value)
    assert "emergency sign 'chest-pain' (data/warning_signs.yml) is asked nowhere" in message, message
    assert "entry 'today', field 'care'" in message


def test_unknown_link_target(tmp_path):
    message = _error(tmp_path, GOOD.replace("page: stretching.md", "page: stretches.md"))
    assert "entry 'easy', field 'links[1].page'" in message and "'stretches.md'" in message, message


def test_self_care_path_skipping_an_emergency_question(tmp_path):
    # "sore" is asked first, so a runner reaches self-care without being asked about numb legs.
    message = _error(tmp_path, _chart([("sore", None, "easy", "red"),
                                       ("red", "emergency", "call-999", "fever"),
                                       ("fever", "urgent", "today", "physio")]))
    assert re.match(rf"{FILE}:\d+: entry 'easy', field 'care': ", message), message
    assert "emergency sign 'numb-legs' (data/warning_signs.yml) is asked only at step 2 ('red')" in message
    assert "reaches this self-care outcome without it: step 1 ('sore') → outcome 'easy'" in message


def test_one_branch_skipping_an_emergency_question(tmp_path):
    # The emergency question is asked on one branch only; "physio" is reachable both ways.
    message = _error(tmp_path, _chart([("first", None, "red", "fever"),
                                       ("red", "emergency", "call-999", "fever"),
                                       ("fever", "urgent", "today", "sore"),
                                       ("sore", None, "easy", "physio")]))
    assert "emergency sign 'numb-legs' (data/warning_signs.yml) is asked only at step 2 ('red')" in message, message
    assert "step 1 ('first') → step 3 ('fever')" in message


def test_see_professional_path_skipping_an_urgent_question(tmp_path):
    message = _error(tmp_path, _chart([("red", "emergency", "call-999", "sore"),
                                       ("sore", None, "physio", "fever"),
                                       ("fever", "urgent", "today", "easy")]))
    assert "entry 'physio'" in message, message
    assert "urgent sign 'fever'" in message and "see a professional outcome without it" in message


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
    assert "entry 'today'" in message and "emergency sign 'numb-legs'" in message, message
    assert "urgent outcome without it" in message


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

def _walk(chart: flowchart_model.Flowchart, yes: set[str], age: str = "20 to 50") -> tuple[str, list[str]]:
    """Answer "Yes" to the questions in ``yes``, the age question with ``age`` and "No" to every
    other; return the outcome reached and the questions asked."""
    node, asked = chart.start, []
    while node in chart.questions:
        asked.append(node)
        answers = chart.questions[node].answers
        if node == "age":
            node = next(a.next for a in answers if a.label == age)
        else:
            wanted = "Yes" if node in yes else "No"
            node = next(a.next for a in answers if a.label.split(",")[0] == wanted)
    return node, asked


@pytest.mark.parametrize("yes, age, outcome, care", [
    ({"nerves"}, "20 to 50", "emergency-nerves", "emergency"),
    ({"injury"}, "20 to 50", "emergency-injury", "emergency"),
    ({"unwell"}, "20 to 50", "urgent", "urgent"),
    ({"health"}, "Over 50", "urgent", "urgent"),
    ({"pain-pattern"}, "Under 20", "urgent", "urgent"),
    ({"bone-stress"}, "20 to 50", "stress-fracture", "see-professional"),
    ({"arching"}, "Under 20", "spondylolysis", "see-professional"),
    (set(), "Under 20", "young", "see-professional"),
    (set(), "Over 50", "over-50", "see-professional"),
    ({"morning-stiffness"}, "20 to 50", "inflammatory", "see-professional"),
    ({"one-leg"}, "20 to 50", "sciatica", "see-professional"),
    ({"gp-signs"}, "20 to 50", "not-better", "see-professional"),
    ({"only-running"}, "20 to 50", "running-only", "self-care"),
    (set(), "20 to 50", "everyday-ache", "self-care"),
    ({"only-running"}, "Under 20", "young", "see-professional"),  # age comes first
])
def test_runners_reach_the_right_outcome(real, yes, age, outcome, care):
    chart = real.flowchart
    reached, asked = _walk(chart, yes, age)
    assert reached == outcome and chart.outcomes[reached].care == care
    # Whatever the path, every sign more urgent than where it ended was asked on the way.
    for sign_id, sign in real.signs.items():
        if real.more_urgent(sign.level, care):
            assert set(chart.asking(sign_id)) & set(asked), (sign_id, asked)


def _level(site, question) -> str | None:
    signs = question.signs or []
    return site.signs[signs[0]].level if signs else None


def test_red_flags_come_first(real):
    levels = [_level(real, q) for q in real.flowchart.questions.values()]
    last_emergency = max(i for i, lvl in enumerate(levels) if lvl == "emergency")
    last_urgent = max(i for i, lvl in enumerate(levels) if lvl == "urgent")
    assert set(levels[:last_emergency + 1]) == {"emergency"}
    assert set(levels[last_emergency + 1:last_urgent + 1]) == {"urgent"}
    assert all(lvl in (None, "see-professional") for lvl in levels[last_urgent + 1:])


def test_every_registry_sign_is_asked(real):
    for sign_id in real.signs:
        assert real.flowchart.asking(sign_id), sign_id


def test_real_data_sentences_are_short(real):
    chart = real.flowchart
    texts = [q.question for q in chart.questions.values()] + \
            [q.hint.text if q.hint else "" for q in chart.questions.values()] + \
            [item.text for o in chart.outcomes.values() for item in o.advice] + \
            [sign.text for sign in real.signs.values()]
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
    assert "Yes: <span" in steps and "Call {emergency} or your local emergency number, or go to {hospital} now" in steps


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
    questions = real.flowchart.questions.values()
    assert steps.count('class="cite"') == (sum(len(o.advice) for o in real.flowchart.outcomes.values())
                                           + sum(bool(q.signs) + bool(q.hint) for q in questions))
    signs = {s for q in questions for sign in q.signs or [] for s in real.signs[sign].sources}
    assert signs <= cited
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
    assert "Pain &lt;b&gt;here&lt;/b&gt; &amp; &#34;there&#34;?" in steps
    assert "A &amp; B &lt;i&gt;x&lt;/i&gt;" in steps
    assert "&lt;Yes&gt;: " in steps and "&lt;Yes&gt;</span>" in drawing


def test_drawing_layout_main_line_and_side_questions(real):
    chart = real.flowchart
    _, drawing, _ = _render(real)
    rows = re.findall(r'<li class="fc-row[^"]*">(.*?)</li>', drawing, re.S)
    spine = flowchart._spine(chart)
    assert len(rows) == len(spine) + 1  # plus the final outcome
    assert spine[0] == chart.start and "arching" not in spine
    # A side question hangs beside the step that asks it; a third answer goes across too.
    age = rows[spine.index("age")]
    assert f'href="#{chart.anchor("arching")}"' in age
    assert 'href="#outcome-spondylolysis"' in age and 'href="#outcome-young"' in age
    assert 'href="#outcome-over-50"' in age
    assert 'href="#outcome-everyday-ache"' in rows[-1] and "fc-row--end" in drawing


def test_missing_chart_fails_the_page(tmp_path):
    site = _site(tmp_path)
    with pytest.raises(DataError, match="flowchart"):
        flowchart.steps(site, Linker("flowchart.md", site.pages), set())
