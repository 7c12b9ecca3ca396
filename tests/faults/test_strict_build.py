"""The strict build: mistakes an editor can make fail it, with a message that names the page.

Each test breaks a scratch copy of the project in one way and runs the real build.
"""

from __future__ import annotations

import filecmp

import pytest

from conftest import build_site

pytestmark = pytest.mark.slow


# Each fault: the file broken, the text replaced (None: the new text is appended), the new text,
# and what the build's message must name.
FAULTS = [
    pytest.param("docs/about.md", None, "See [nowhere](no-such-page.md).",
                 ["about.md", "no-such-page.md"], id="broken-link"),
    pytest.param("docs/about.md", None, "See [causes](causes.md#no-such-heading).",
                 ["about.md", "no-such-heading"], id="missing-anchor"),
    pytest.param("docs/about.md", None, "Hello {{ no_such_variable }}.",
                 ["about.md", "no_such_variable"], id="undefined-variable"),
    pytest.param("docs/about.md", None, "{{ no_such_macro() }}",
                 ["about.md", "no_such_macro"], id="unknown-macro"),
    pytest.param("docs/about.md", None, '{{ cite("no-such-source") }}',
                 ["docs/about.md", "unknown source id 'no-such-source'"], id="unknown-source-id"),
    # Links inside HTML (which macros emit) are not seen by MkDocs' own validation.
    pytest.param("docs/about.md", None, '<p><a href="causes.html#not-there">x</a></p>',
                 ["about.html", "not-there"], id="broken-link-in-raw-html"),
    pytest.param("docs/about.md", None, '<p><img src="https://example.org/x.png" alt="x"></p>',
                 ["about.html", "another host"], id="resource-from-another-host"),
    pytest.param("docs/about.md", "next_review: 2027-05-23\n", "",
                 ["docs/about.md", "next_review"], id="missing-review-date"),
    pytest.param("data/care_levels.yml", "    heading: Call {emergency}", "    headin: Call {emergency}",
                 ["data/care_levels.yml", "entry 'emergency'", "field 'headin'"], id="bad-data"),
    pytest.param("data/care_levels.yml", "    heading: Call {emergency} or your local emergency number,",
                 "    heading: Call {emergency},", ["data/care_levels.yml", "entry 'emergency'",
                                                   "field 'heading'", "names the emergency number: "
                                                   "add 'or your local emergency number'"],
                 id="emergency-number-alone"),
    pytest.param("data/care_levels.yml", "    heading: Call {emergency} or your local emergency number,",
                 "    heading: Call 999 or your local emergency number,",
                 ["data/care_levels.yml", "entry 'emergency'", "field 'heading'",
                  "names 999: write {emergency}"], id="999-written-out"),
    pytest.param("data/flowchart.yml", "Contact a {gp} today, or {urgent}.",
                 "Contact a {gp} today, or {urgnet}.",
                 ["data/flowchart.yml", "entry 'urgent-kidney'", "field 'advice[3].text'",
                  "unknown placeholder '{urgnet}'"], id="misspelt-placeholder"),
    pytest.param("data/regions.yml", "    hospital: the ER (emergency room)\n", "",
                 ["data/regions.yml", "entry 'us'", "hospital"], id="region-missing-field"),
    pytest.param("mkdocs.yml", "  region: uk\n", "  region: narnia\n",
                 ["mkdocs.yml", "extra.region 'narnia'", "known: uk, northern-ireland, ireland"], id="unknown-default-region"),
]


def test_the_real_site_builds(site_dir):
    assert (site_dir / "index.html").is_file()
    assert (site_dir / "search" / "search_index.js").is_file(), "offline search index missing"


@pytest.mark.parametrize("path, old, new, named", FAULTS)
def test_a_mistake_fails_the_build_naming_where_it_is(scratch_project, tmp_path, path, old, new,
                                                      named):
    file = scratch_project / path
    text = file.read_text(encoding="utf-8")
    if old is None:
        text += "\n" + new + "\n"
    else:
        assert old in text, f"{path} no longer has {old!r}: update this test"
        text = text.replace(old, new)
    file.write_text(text, encoding="utf-8")
    result = build_site(scratch_project, tmp_path / "out")
    assert result.returncode != 0, "the build should have failed"
    log = result.stdout + result.stderr
    missing = [name for name in named if name not in log]
    assert not missing, f"the build's message does not name {missing}:\n{log[-3000:]}"
    assert not (tmp_path / "out").exists(), "a failed build left a folder to publish"


def test_two_builds_are_byte_identical(site_dir, tmp_path):
    from conftest import ROOT
    second = tmp_path / "again"
    result = build_site(ROOT, second)
    assert result.returncode == 0, result.stderr
    comparison = filecmp.dircmp(site_dir, second)
    differing = _diff_files(comparison)
    assert not differing, f"files differ between two builds: {differing[:10]}"


def _diff_files(comparison: filecmp.dircmp, prefix: str = "") -> list[str]:
    out = [prefix + name for name in comparison.left_only + comparison.right_only]
    _, mismatch, errors = filecmp.cmpfiles(comparison.left, comparison.right, comparison.common_files,
                                           shallow=False)
    out += [prefix + name for name in mismatch + errors]
    for name, sub in comparison.subdirs.items():
        out += _diff_files(sub, f"{prefix}{name}/")
    return out
