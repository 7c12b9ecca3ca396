"""The warning banner partial (macros/banner.py): written from the registry, and refused when stale."""

from __future__ import annotations

import shutil

from conftest import ROOT

from macros import banner
from runnersback.model import site as sitedata


def test_the_committed_banner_partial_is_the_registry_s():
    site = sitedata.load(ROOT / "data", ROOT / "docs")
    assert banner.stale(ROOT, site) is None, "run `python -m macros.banner`"


def test_a_stale_banner_partial_is_named_with_the_command_that_fixes_it(tmp_path):
    site = sitedata.load(ROOT / "data", ROOT / "docs")
    (tmp_path / "overrides" / "partials").mkdir(parents=True)
    shutil.copy(ROOT / banner.PARTIAL, tmp_path / banner.PARTIAL)
    text = (tmp_path / banner.PARTIAL).read_text(encoding="utf-8")
    (tmp_path / banner.PARTIAL).write_text(text.replace("chest pain", "a headache"), encoding="utf-8")
    problem = banner.stale(tmp_path, site)
    assert problem and "python -m macros.banner" in problem and str(banner.PARTIAL) in problem
