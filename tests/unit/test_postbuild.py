"""The post-build step (macros/postbuild) on a built folder, whichever engine wrote it: it adds the
policy, and it fails on a broken link, a page without its banner or footer, or a missing sign."""

from __future__ import annotations

import shutil

from conftest import ROOT

from macros import postbuild
from macros.postbuild import csp


def _copy(site_dir, tmp_path):
    out = tmp_path / "site"
    shutil.copytree(site_dir, out)
    return out


def _strip_policy(html: str) -> str:
    return csp._POLICY_META.sub("", html, count=1)


def test_the_step_adds_the_policy_to_every_page_and_passes_a_good_site(site_dir, tmp_path):
    out = _copy(site_dir, tmp_path)
    for path in postbuild.html_files(out):
        path.write_text(_strip_policy(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert postbuild.run(out, ROOT) == []
    for path in postbuild.html_files(out):
        assert 'http-equiv="Content-Security-Policy"' in path.read_text(encoding="utf-8"), path.name
    # Run again on its own output: the same bytes (the policy is replaced, not added twice).
    before = (out / "index.html").read_text(encoding="utf-8")
    assert postbuild.run(out, ROOT) == []
    assert (out / "index.html").read_text(encoding="utf-8") == before


def test_the_step_fails_on_a_broken_link_and_on_a_page_without_banner_or_footer(site_dir, tmp_path):
    out = _copy(site_dir, tmp_path)
    about = out / "about.html"
    html = about.read_text(encoding="utf-8")
    html = html.replace("</article>", '<p><a href="causes.html#not-there">x</a></p></article>', 1)
    html = html.replace('class="rb-announce"', 'class="other"').replace('class="page-info"', 'class="x"')
    about.write_text(html, encoding="utf-8")
    problems = "\n".join(postbuild.run(out, ROOT))
    assert "about.html" in problems and "not-there" in problems
    assert "docs/about.md: no warning banner" in problems
    assert "docs/about.md: no \"about this page\" block" in problems
