"""The suite runs every test file it has. pytest skips folders matching `norecursedirs`, whose
default includes "build": the strict-build fault tests sat in tests/build and never ran in CI."""

from __future__ import annotations

from fnmatch import fnmatch
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def test_no_test_folder_is_skipped_by_pytest(pytestconfig):
    skipped = pytestconfig.getini("norecursedirs")
    folders = {path.parent for path in TESTS.rglob("test_*.py")}
    assert len(folders) >= 3, folders
    for folder in folders:
        for part in folder.relative_to(TESTS.parent).parts:
            hits = [pattern for pattern in skipped if fnmatch(part, pattern)]
            assert not hits, f"pytest never collects {folder}: '{part}' matches norecursedirs {hits}"
