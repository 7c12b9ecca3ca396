"""Unit tests for hooks/theme_css.py, on the stylesheets of the installed Material."""

from __future__ import annotations

from pathlib import Path

import material
import pytest
from mkdocs.exceptions import PluginError

from conftest import load_hook

theme_css = load_hook("theme_css")

_STYLESHEETS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"


def _material(name: str) -> str:
    (path,) = _STYLESHEETS.glob(f"{name}.*.min.css")
    return path.read_text(encoding="utf-8")


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


def test_the_built_site_serves_the_stripped_stylesheets(site_dir):
    stylesheets = site_dir / "assets" / "stylesheets"
    (palette,) = stylesheets.glob("palette.*.min.css")
    assert palette.read_text(encoding="utf-8") == \
        theme_css.without_switching_rule(_material("palette"))
    # Material's main stylesheet is served as Material ships it.
    (main,) = stylesheets.glob("main.*.min.css")
    assert main.read_text(encoding="utf-8") == _material("main")
