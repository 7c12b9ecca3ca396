"""Runner stories walked through the real flowchart page, with JavaScript on and off.

Each story is a runner: the warning signs they have (ids from data/warning_signs.yml), their age band
and how they would answer the other questions. The walker reads each step as the page shows it and
answers as that runner would: "Yes" when the step lists one of their signs, "No" otherwise. The care
level each story must reach is the editors' clinical judgement, written here by hand; it is never
derived from the chart. A story also fails if the registry rates one of its signs less urgently than
the level the story expects, so a sign cannot be quietly downgraded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest
import yaml
from playwright.sync_api import expect

from conftest import ROOT

PAGE = "flowchart.html"
LEVELS = ["emergency", "urgent", "see-professional", "self-care"]
LABELS = {"emergency": "Emergency", "urgent": "Urgent", "see-professional": "See a professional",
          "self-care": "Self-care"}
REGISTRY = {sign["id"]: sign for sign in
            yaml.safe_load((ROOT / "data" / "warning_signs.yml").read_text(encoding="utf-8"))["signs"]}


@dataclass
class Story:
    id: str
    story: str  # the runner, in a line: what a clinician would hear
    level: str  # where a careful clinician would send them
    signs: list[str] = field(default_factory=list)
    age: str = "20 to 50"
    answers: dict[str, str] = field(default_factory=dict)  # other questions, by question id
    outcome: str | None = None  # the outcome card, where it matters which one


STORIES = [
    # --- Emergency --------------------------------------------------------------------------------
    Story("marathoner-both-legs-numb", "Both legs went numb and tingly on a 20-mile run, and stayed so.",
          "emergency", ["both-legs"], outcome="emergency-nerves"),
    Story("saddle-numbness-after-gym", "After heavy squats, numb between the legs and back pain.",
          "emergency", ["saddle-numbness"], outcome="emergency-nerves"),
    Story("cannot-pee", "Back pain since Sunday's long run; since this morning cannot pee properly.",
          "emergency", ["bladder-bowel"], outcome="emergency-nerves"),
    Story("hard-to-walk-only", "Legs feel weaker each day and walking to the shop is hard; no numbness.",
          "emergency", ["legs-getting-weaker"], outcome="emergency-nerves"),
    Story("fell-on-ice", "Slipped on ice on a winter run, landed on the back, now severe pain.",
          "emergency", ["serious-accident"], outcome="emergency-injury"),
    Story("chest-pain-on-hills", "Back pain and a tight chest during hill repeats.",
          "emergency", ["chest-pain"], outcome="emergency-injury"),
    Story("sciatica-then-both-legs", "Sciatica in the left leg for weeks; now the right leg is numb too.",
          "emergency", ["one-leg", "both-legs"], outcome="emergency-nerves"),
    Story("over-50-saddle", "A 58-year-old with new back pain and numbness around the bottom.",
          "emergency", ["age", "saddle-numbness"], age="Over 50"),
    Story("cannot-feel-need-to-pee", "After a long run, she no longer notices when she needs a wee; "
          "low back ache.", "emergency", ["bladder-bowel-feeling"], outcome="emergency-nerves"),
    Story("aneurysm-older-runner", "A 71-year-old ex-smoker: sudden, severe low back and tummy pain on "
          "a walk, sweaty and faint.", "emergency", ["aneurysm", "age"], age="Over 50",
          outcome="emergency-injury"),
    Story("pregnant-and-nerve-signs", "Pregnant, with numbness around the bottom and trouble peeing.",
          "emergency", ["saddle-numbness", "bladder-bowel", "pregnancy-unwell"],
          outcome="emergency-nerves"),
    # --- Urgent -----------------------------------------------------------------------------------
    Story("fever-after-infection", "Back pain with a temperature, a week after a kidney infection.",
          "urgent", ["fever", "infection-risk"], outcome="urgent"),
    Story("night-pain-over-50", "A 55-year-old whose back pain wakes him and is eased by no position.",
          "urgent", ["rest-or-night-pain", "age"], age="Over 50", outcome="urgent"),
    Story("past-breast-cancer", "Treated for breast cancer four years ago; new back ache after a 10K.",
          "urgent", ["had-cancer"], outcome="urgent"),
    Story("losing-weight", "Ultra runner losing weight without trying, with a constant back ache.",
          "urgent", ["weight-loss"], outcome="urgent"),
    Story("lump-on-back", "A new lump low on her back that is sore after runs.",
          "urgent", ["lump-or-shape"], outcome="urgent"),
    Story("worse-on-coughing", "Low back pain that shoots when she coughs or sneezes.",
          "urgent", ["cough-sneeze-poo"], outcome="urgent"),
    Story("between-shoulder-blades", "Pain high in the back between the shoulder blades after a race.",
          "urgent", ["upper-back"], outcome="urgent"),
    Story("foot-slaps", "His right foot has started to slap on the road, and the leg feels weaker.",
          "urgent", ["one-leg-getting-weaker", "one-leg"], outcome="urgent"),
    Story("steroids-small-fall", "On steroid tablets for asthma; back pain after a small trip on a kerb.",
          "urgent", ["fragile-bones"], outcome="urgent"),
    Story("immune-suppressed", "Takes medicine that weakens the immune system; new back pain.",
          "urgent", ["infection-risk"], outcome="urgent"),
    Story("teen-with-fever", "A 17-year-old with back pain and a high temperature.",
          "urgent", ["fever", "age"], age="Under 20", outcome="urgent"),
    # Causes beyond the spine, pregnancy, children and the hip: each reaches its own route.
    Story("kidney-stone", "Pain in his side that comes in waves, and pink pee after a hot half "
          "marathon.", "urgent", ["kidney"], outcome="urgent-kidney"),
    Story("pregnant-waves", "28 weeks pregnant and still jogging; her back pain now comes in "
          "regular waves.", "urgent", ["pregnancy-waves"], outcome="maternity"),
    Story("new-mum-fever", "Three weeks after giving birth, back pain with a high temperature.",
          "urgent", ["pregnancy-unwell", "fever"], outcome="maternity"),
    Story("pregnant-pain-peeing", "Pregnant, low back pain and it stings when she pees.",
          "urgent", ["pregnancy-unwell", "kidney"], outcome="maternity"),
    Story("four-year-old", "A parent: their 4-year-old keeps saying their back hurts.",
          "urgent", ["young-child", "age"], age="Under 20", outcome="child-check"),
    Story("child-limping", "A 12-year-old footballer and cross-country runner limps and will not "
          "bend to tie his shoes.", "urgent", ["child-warning", "age"], age="Under 20",
          outcome="child-check"),
    Story("groin-pain-marathoner", "Marathon build-up; groin pain that makes her limp and hurts "
          "when she stands on that leg.", "urgent", ["hip-stress"], outcome="hip-stress-fracture"),
    Story("amenorrhoea-groin", "Marathoner, periods stopped, deep groin ache; no training jump.",
          "urgent", ["low-energy", "hip-stress"], outcome="hip-stress-fracture"),
    # --- See a professional -----------------------------------------------------------------------
    Story("buttock-ache-builds", "A deep ache in her buttock that builds with every run.",
          "see-professional", ["bone-stress"], outcome="stress-fracture"),
    Story("amenorrhoea-buttock", "Periods stopped, and a deep buttock ache that builds each run.",
          "see-professional", ["low-energy", "bone-stress"], outcome="stress-fracture"),
    Story("eating-too-little", "A lean male runner under-fuelling for his mileage, with back pain.",
          "see-professional", ["low-energy"], outcome="stress-fracture"),
    Story("teen-arching", "A 16-year-old cross-country runner; leaning back hurts most.",
          "see-professional", ["age"], age="Under 20", answers={"arching": "Yes"},
          outcome="spondylolysis"),
    Story("fourteen-year-old", "A 14-year-old with two weeks of back ache; arching does not hurt.",
          "see-professional", ["age"], age="Under 20", outcome="young"),
    Story("new-pain-at-60", "A 60-year-old parkrunner with new back pain and no other signs.",
          "see-professional", ["age"], age="Over 50", outcome="over-50"),
    Story("morning-stiffness", "A 30-year-old: four months of pain, stiff for an hour each morning, "
          "better once running.", "see-professional", ["inflammatory"], outcome="inflammatory"),
    Story("sciatica-stable", "Pain from the buttock down the back of one leg, not getting worse.",
          "see-professional", ["one-leg"], outcome="sciatica"),
    Story("stops-everyday-life", "Back pain that stops her lifting her toddler or running at all.",
          "see-professional", ["stops-you"], outcome="not-better"),
    Story("worried", "Not severe, but worried and not sleeping over it.",
          "see-professional", ["not-coping"], outcome="not-better"),
    Story("three-weeks-no-better", "Three weeks of rest, heat and stretches, and no better.",
          "see-professional", ["not-better"], outcome="not-better"),
    Story("severe-and-worse", "Pain getting worse every day despite easy running.",
          "see-professional", ["severe-or-worse"], outcome="not-better"),
    # --- Self-care --------------------------------------------------------------------------------
    Story("only-while-running", "Ache from mile 3 of every run that goes when he walks.",
          "self-care", answers={"only-running": "Yes"}, outcome="running-only"),
    Story("stiff-after-gardening", "Stiff low back after a weekend of gardening and a long run.",
          "self-care", outcome="everyday-ache"),
    # No warning sign, so self-care, though the story sounds like one of the new routes: a site that
    # sends every ache to the hospital is not believed.
    Story("pregnant-usual-ache", "20 weeks pregnant, an ache low in her back after a jog; no waves, "
          "bleeding or fever.", "self-care", outcome="everyday-ache"),
    Story("teen-sore-after-race", "A 17-year-old, stiff after a cross-country race; no limp or numbness.",
          "see-professional", ["age"], age="Under 20", outcome="young"),
    Story("side-stitch", "A stitch in his side during a fast run that goes when he stops.",
          "self-care", answers={"only-running": "Yes"}, outcome="running-only"),
    Story("older-runner-stiff", "A 45-year-old, stiff after a hilly long run, easing day by day.",
          "self-care", outcome="everyday-ache"),
]


# What the runner sees at the step in the address bar, read in one call (a round trip per step, not
# one per element): its question, the signs it lists and its answers. It waits until the address has
# moved on from the step just answered and, with the script, until the script shows the new step.
READ_STEP = r"""left => {
  const here = location.hash.slice(1) || "step-1";
  const step = document.getElementById(here);
  if (here === left || !step || step.getClientRects().length === 0) return null;
  // textContent, not innerText: a block the browser has not painted yet (content-visibility) has
  // no innerText.
  const texts = selector => [...step.querySelectorAll(selector)]
    .map(e => e.textContent.replace(/\s+/g, " ").trim());
  return {here, question: step.dataset.fcQuestion,
          shown: texts(".fc-step__signs li"), answers: texts("a.fc-answer")};
}"""

# Where to click an answer: brought into view, its centre. The click itself is the mouse's, so the
# browser decides what is under the pointer, as for a runner's tap.
ANSWER_CENTRE = r"""([here, index]) => {
  const answer = document.querySelectorAll(`#${here} a.fc-answer`)[index];
  answer.scrollIntoView({block: "center", behavior: "instant"});  // no smooth scrolling under the pointer
  const box = answer.getBoundingClientRect();
  return [box.x + box.width / 2, box.y + box.height / 2];
}"""


def _answer_index(answers: list[str], label: str) -> int | None:
    """The answer the runner picks: "Yes" matches "Yes" and "Yes, one or more"; others exactly."""
    pattern = re.compile(r"^Yes\b" if label == "Yes" else rf"^{re.escape(label)}:")
    matches = [i for i, text in enumerate(answers) if pattern.search(text)]
    return matches[0] if len(matches) == 1 else None


def walk(page, story: Story) -> str:
    """Answer step after step as the runner would, until an outcome; return the outcome's anchor."""
    have = {REGISTRY[s]["text"] for s in story.signs}
    left = None
    for _ in range(30):
        step = page.wait_for_function(READ_STEP, arg=left, timeout=10_000).json_value()
        here, question, shown = step["here"], step["question"], set(step["shown"])
        if here.startswith("outcome-"):
            return here
        if question == "age":
            label = story.age
        elif question in story.answers:
            label = story.answers[question]
        elif shown:
            label = "Yes" if have & shown else "No"
        else:
            label = "No"
        index = _answer_index(step["answers"], label)
        assert index is not None, f"{story.id}: no single answer '{label}' at {here} ({question})"
        page.mouse.click(*page.evaluate(ANSWER_CENTRE, [here, index]))
        left = here
    pytest.fail(f"{story.id}: no outcome after 30 steps")


def test_the_table_is_big_and_covers_every_level_and_sign():
    assert len(STORIES) >= 20
    assert {s.level for s in STORIES} == set(LEVELS)
    assert len({s.id for s in STORIES}) == len(STORIES)
    for story in STORIES:
        assert set(story.signs) <= set(REGISTRY), story.id
    # Every emergency and urgent sign of the registry is some story's only sign of its level,
    # so each is walked on its own at least once.
    alone = {s.signs[0] for s in STORIES if len(s.signs) == 1}
    alone |= {sign for s in STORIES for sign in s.signs
              if [REGISTRY[x]["level"] for x in s.signs].count(REGISTRY[sign]["level"]) == 1}
    for sign_id, sign in REGISTRY.items():
        if sign["level"] in ("emergency", "urgent"):
            assert sign_id in alone, f"no story walks the {sign['level']} sign '{sign_id}' on its own"


@pytest.mark.parametrize("story", STORIES, ids=lambda s: s.id)
def test_the_registry_rates_each_storys_worst_sign_at_its_level(story):
    """The most urgent of a story's signs is at the level the story needs: not lower (a downgraded
    sign) and not higher (a story whose expectation is wrong). No sign at all means self-care."""
    worst = min((LEVELS.index(REGISTRY[s]["level"]) for s in story.signs), default=len(LEVELS) - 1)
    assert LEVELS[worst] == story.level, (f"{story.id}: its worst sign is rated {LEVELS[worst]} in "
                                          f"data/warning_signs.yml; the story needs {story.level}")


@pytest.mark.parametrize("javascript_enabled", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("story", STORIES, ids=lambda s: s.id)
def test_story_reaches_the_right_care(shared_page, base_url, story, javascript_enabled):
    page = shared_page(javascript_enabled=javascript_enabled)
    page.goto(base_url + PAGE)
    outcome = walk(page, story)
    card = page.locator(f"#{outcome}")
    expect(card).to_be_visible()  # the script shows the outcome on hashchange, just after the hash
    level = card.locator(".care-card__level").inner_text().rstrip(":")
    assert level == LABELS[story.level], f"{story.id} ({story.story}) reached {outcome}: {level}"
    if story.outcome:
        assert outcome == f"outcome-{story.outcome}", story.id
