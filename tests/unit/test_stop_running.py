"""A condition whose care says stop running (care.stop_running in data/conditions.yml) is never
listed under a self-care page's "Conditions this can help" (runnersback/model/conditions.py)."""

from __future__ import annotations

import pytest

from conftest import ROOT
from runnersback.model import conditions
from runnersback.model import site as sitedata
from runnersback.model.errors import DataError
from test_conditions import load_edited

FLAGGED = """      level: see-professional
      stop_running: true
      why:
        - text: A young runner"""


@pytest.fixture(scope="module")
def site():
    return sitedata.load(ROOT / "data", ROOT / "docs")


def test_the_stress_fractures_say_stop_running_and_no_self_care_page_lists_them(site):
    stopped = [cid for cid, c in site.conditions.items() if c.care.stop_running]
    assert stopped == ["spondylolysis", "stress-fracture"]
    for topic in conditions.SELF_CARE_TOPICS:
        listed = [cid for cid, _ in conditions.helped_by(site, topic, f"docs/{topic}.md")]
        assert not set(listed) & set(stopped), (topic, listed)


def test_a_self_care_topic_on_a_stop_running_condition_fails(tmp_path):
    old = "      - text: Core exercises chosen by a physio (physiotherapist), once the pain has settled.\n" \
          "        sources: [sore-back-maharam, nhs-exercises]\n"
    err = load_edited(tmp_path, old, old + "        topic: core-strength\n")
    assert err.file == "data/conditions.yml" and err.entry == "spondylolysis"
    assert err.field == "helps[2].topic" and "'core-strength' page must not list it" in str(err)


def test_advice_to_stop_running_without_the_flag_fails(tmp_path):
    err = load_edited(tmp_path, FLAGGED, FLAGGED.replace("      stop_running: true\n", ""))
    assert err.entry == "spondylolysis" and err.field == "care.stop_running"
    assert "'helps[1].text' says stop running" in str(err)


def test_a_page_listing_a_stop_running_condition_fails_naming_the_page(site):
    with pytest.raises(DataError, match=r"docs/when-to-get-help.md: .*would list spondylolysis, "
                                         r"stress-fracture as helped"):
        conditions.helped_by(site, "when-to-get-help", "docs/when-to-get-help.md")
