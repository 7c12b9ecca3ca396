"""Unit tests for hooks/palette_css.py, on the palette stylesheet of the installed Material."""

from __future__ import annotations

from pathlib import Path

import material
import pytest
from mkdocs.exceptions import PluginError

from conftest import load_hook

palette_css = load_hook("palette_css")

_STYLESHEETS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"


def _material_palette() -> str:
    (path,) = _STYLESHEETS.glob("palette.*.min.css")
    return path.read_text(encoding="utf-8")


def test_only_the_switching_rule_goes():
    css = _material_palette()
    stripped = palette_css.without_switching_rule(css)
    assert "data-md-color-switching" in css and "data-md-color-switching" not in stripped
    removed = len(css) - len(stripped)
    assert 0 < removed < 200, "more than the one rule was taken out"
    # Everything else is untouched, braces still balanced.
    assert stripped.count("{") == stripped.count("}") == css.count("{") - 1
    assert "[data-md-color-scheme=slate]" in stripped


def test_a_stylesheet_without_the_rule_stops_the_build():
    with pytest.raises(PluginError, match="data-md-color-switching"):
        palette_css.without_switching_rule("[data-md-color-scheme=slate]{--md-hue:232}")


def test_the_built_site_serves_the_stripped_stylesheet(site_dir):
    (built,) = (site_dir / "assets" / "stylesheets").glob("palette.*.min.css")
    assert built.read_text(encoding="utf-8") == \
        palette_css.without_switching_rule(_material_palette())
