"""The strict build: mistakes an editor can make fail it, with a message that names the page.

Each test breaks a scratch copy of the project in one way and runs the real build.
"""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from conftest import build_site

pytestmark = pytest.mark.slow


def _append(project: Path, page: str, text: str) -> None:
    path = project / "docs" / page
    path.write_text(path.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")


def _fails(project: Path, tmp_path: Path) -> str:
    result = build_site(project, tmp_path / "out")
    assert result.returncode != 0, "the build should have failed"
    return result.stdout + result.stderr


def test_the_real_site_builds(site_dir):
    assert (site_dir / "index.html").is_file()
    assert (site_dir / "search" / "search_index.js").is_file(), "offline search index missing"


def test_broken_link_fails_naming_the_page(scratch_project, tmp_path):
    _append(scratch_project, "about.md", "See [nowhere](no-such-page.md).")
    log = _fails(scratch_project, tmp_path)
    assert "about.md" in log and "no-such-page.md" in log


def test_missing_anchor_fails_naming_the_page(scratch_project, tmp_path):
    _append(scratch_project, "about.md", "See [causes](causes.md#no-such-heading).")
    log = _fails(scratch_project, tmp_path)
    assert "about.md" in log and "no-such-heading" in log


def test_undefined_variable_fails_naming_the_page(scratch_project, tmp_path):
    _append(scratch_project, "about.md", "Hello {{ no_such_variable }}.")
    log = _fails(scratch_project, tmp_path)
    assert "about.md" in log and "no_such_variable" in log


def test_unknown_macro_fails_naming_the_page(scratch_project, tmp_path):
    _append(scratch_project, "about.md", "{{ no_such_macro() }}")
    log = _fails(scratch_project, tmp_path)
    assert "about.md" in log and "no_such_macro" in log


def test_unknown_source_id_fails_naming_the_page(scratch_project, tmp_path):
    _append(scratch_project, "about.md", '{{ cite("no-such-source") }}')
    log = _fails(scratch_project, tmp_path)
    assert "docs/about.md" in log and "unknown source id 'no-such-source'" in log


def test_broken_link_in_raw_html_fails_naming_the_page(scratch_project, tmp_path):
    # Links inside HTML (which macros emit) are not seen by MkDocs' own validation.
    _append(scratch_project, "about.md", '<p><a href="causes.html#not-there">x</a></p>')
    log = _fails(scratch_project, tmp_path)
    assert "about.html" in log and "not-there" in log


def test_resource_from_another_host_fails(scratch_project, tmp_path):
    _append(scratch_project, "about.md", '<p><img src="https://example.org/x.png" alt="x"></p>')
    log = _fails(scratch_project, tmp_path)
    assert "about.html" in log and "another host" in log


def test_missing_review_date_fails_naming_the_page(scratch_project, tmp_path):
    path = scratch_project / "docs" / "about.md"
    path.write_text(path.read_text(encoding="utf-8").replace("next_review: 2027-05-23\n", ""),
                    encoding="utf-8")
    log = _fails(scratch_project, tmp_path)
    assert "docs/about.md" in log and "next_review" in log


def test_bad_data_fails_naming_file_entry_and_field(scratch_project, tmp_path):
    path = scratch_project / "data" / "care_levels.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("    heading: Call 999", "    headin: Call 999"),
                    encoding="utf-8")
    log = _fails(scratch_project, tmp_path)
    assert "data/care_levels.yml" in log and "entry 'emergency'" in log and "field 'headin'" in log


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
