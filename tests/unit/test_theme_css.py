"""Unit tests for hooks/theme_css.py, on the stylesheets of the installed Material."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
from mkdocs.exceptions import PluginError

from conftest import load_hook

theme_css = load_hook("theme_css")

_STYLESHEETS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
_NOTHING = re.compile(r"(?!)")


def _material(name: str) -> str:
    (path,) = _STYLESHEETS.glob(f"{name}.*.min.css")
    return path.read_text(encoding="utf-8")


def _selectors(css: str) -> list[str]:
    """Every selector of every style rule (a rough split, the same for both sides of a test)."""
    selectors = []
    for prelude in re.findall(r"(?:^|[{};])([^{};@]+)\{", css):
        selectors += theme_css._split_selectors(prelude)
    return selectors


def test_only_the_switching_rule_goes_from_the_palette():
    css = _material("palette")
    stripped = theme_css.without_switching_rule(css)
    assert "data-md-color-switching" in css and "data-md-color-switching" not in stripped
    removed = len(css) - len(stripped)
    assert 0 < removed < 200, "more than the one rule was taken out"
    # Everything else is untouched, braces still balanced.
    assert stripped.count("{") == stripped.count("}") == css.count("{") - 1
    assert "[data-md-color-scheme=slate]" in stripped


def test_a_palette_without_the_rule_stops_the_build():
    with pytest.raises(PluginError, match="data-md-color-switching"):
        theme_css.without_switching_rule("[data-md-color-scheme=slate]{--md-hue:232}")


@pytest.mark.parametrize("name", ["main", "palette"])
def test_filtering_nothing_gives_material_s_stylesheet_back_unchanged(name):
    css = _material(name)
    assert theme_css.without_selectors(css, _NOTHING) == css


def test_only_content_tab_selectors_go_from_the_main_stylesheet():
    css = _material("main")
    stripped = theme_css.without_tabs(css)
    assert ".tabbed-" in css and ".tabbed-" not in stripped
    assert stripped.count("{") == stripped.count("}")
    before = [s for s in _selectors(css) if ".tabbed-" not in s]
    assert _selectors(stripped) == before, "a selector other than a content tab's went"
    # A rule shared with other blocks keeps them.
    assert ".md-typeset .grid>details" in stripped
    assert 10_000 < len(css) - len(stripped) < 40_000


def test_filtering_keeps_strings_keyframes_and_statements_and_drops_emptied_blocks():
    css = ('@charset "UTF-8";a,.x b{content:"{;}"}@media (min-width:1px){.x{c:1}}'
           '@keyframes k{0%{o:0}to{o:1}}@media print{.y,.x:is(.z,.w){d:2}}')
    assert theme_css.without_selectors(css, re.compile(r"\.x\b")) == (
        '@charset "UTF-8";a{content:"{;}"}@keyframes k{0%{o:0}to{o:1}}@media print{.y{d:2}}')


def test_a_main_stylesheet_without_content_tabs_stops_the_build():
    with pytest.raises(PluginError, match="content-tab"):
        theme_css.without_tabs(".md-typeset .grid>*{margin:0}")


def test_content_tabs_cannot_be_switched_on_unnoticed():
    with pytest.raises(PluginError, match="pymdownx.tabbed"):
        theme_css.on_config({"markdown_extensions": ["toc", "pymdownx.tabbed"]})
    config = {"markdown_extensions": ["toc"]}
    assert theme_css.on_config(config) is config


def test_the_built_site_serves_the_stripped_stylesheets(site_dir):
    stylesheets = site_dir / "assets" / "stylesheets"
    (palette,) = stylesheets.glob("palette.*.min.css")
    assert palette.read_text(encoding="utf-8") == \
        theme_css.without_switching_rule(_material("palette"))
    (main,) = stylesheets.glob("main.*.min.css")
    assert main.read_text(encoding="utf-8") == theme_css.without_tabs(_material("main"))
