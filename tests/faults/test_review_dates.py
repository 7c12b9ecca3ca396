"""A page past its next review date fails the strict build, naming the page and the date.

The check runs when the data loads (runnersback/model/pages.check_review_dates, called by
site.load), so it stops MkDocs and Zensical alike: both load through main.define_env.
$RUNNERSBACK_TODAY stands in for today's date.
"""

from __future__ import annotations

import datetime
import types

import pytest

from conftest import ROOT, build_site
from runnersback.model import pages, site as sitedata
from runnersback.model.errors import DataError

pytestmark = pytest.mark.slow


def _overdue(project, src: str = "about.md") -> None:
    """Review dates two and a half years before today (4 December 2026)."""
    file = project / "docs" / src
    text = file.read_text(encoding="utf-8")
    for old, new in (("reviewed: 2026-11-23\n", "reviewed: 2023-12-01\n"),
                     ("next_review: 2027-05-23\n", "next_review: 2024-06-01\n")):
        assert old in text, f"docs/{src} no longer has {old!r}: update this test"
        text = text.replace(old, new)
    file.write_text(text, encoding="utf-8")


def test_an_overdue_page_fails_the_build_naming_the_page_and_the_date(scratch_project, tmp_path):
    _overdue(scratch_project)
    result = build_site(scratch_project, tmp_path / "out")
    assert result.returncode != 0, "the build should have failed"
    log = result.stdout + result.stderr
    for named in ("docs/about.md:5", "field 'next_review'", "due on 2024-06-01"):
        assert named in log, f"the build's message does not name {named!r}:\n{log[-3000:]}"


def test_the_day_after_the_review_date_fails_and_names_the_handout_too(scratch_project, tmp_path):
    result = build_site(scratch_project, tmp_path / "out", {pages.TODAY_VARIABLE: "2027-05-24"})
    assert result.returncode != 0, "the build should have failed"
    log = result.stdout + result.stderr
    for named in ("docs/about.md", "docs/conditions/sciatica.md", "due on 2027-05-23",
                  "today is 2027-05-24", "its handout docs/handouts/sciatica.md"):
        assert named in log, f"the build's message does not name {named!r}:\n{log[-3000:]}"


def test_zensical_s_path_stops_too(scratch_project, monkeypatch):
    """Zensical calls define_env for each page, with the page set; the load fails first."""
    import macros
    _overdue(scratch_project)
    env = types.SimpleNamespace(project_dir=str(scratch_project), page=types.SimpleNamespace(),
                                conf={"docs_dir": "docs", "extra": {}})
    with pytest.raises(Exception, match=r"docs/about\.md:5: field 'next_review': .*2024-06-01"):
        macros.define_env(env)


def test_every_page_is_due_after_today_and_the_due_day_itself_passes(monkeypatch):
    site = sitedata.load(ROOT / "data", ROOT / "docs")  # checks against today's date
    due = min(pages.front_matter((ROOT / "docs" / src).read_text(encoding="utf-8"))
              .get("next_review", datetime.date.max) for src in site.pages)
    pages.check_review_dates(site, on=due)
    with pytest.raises(DataError, match=f"due on {due.isoformat()}"):
        pages.check_review_dates(site, on=due + datetime.timedelta(days=1))
    monkeypatch.setenv(pages.TODAY_VARIABLE, "2026-12-4")
    with pytest.raises(DataError, match=r"RUNNERSBACK_TODAY: '2026-12-4' is not a date \(YYYY-MM-DD\)"):
        pages.today()
    monkeypatch.setenv(pages.TODAY_VARIABLE, due.isoformat())
    assert pages.today() == due
