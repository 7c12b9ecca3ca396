"""The warning banner on every page (overrides/partials/safety-banner.html), written from the
warning-sign registry as a template partial: both engines render the theme's templates, and neither
passes what the macros module computes to the 404 page or to Zensical's templates.

    python -m macros.banner     # after changing data/warning_signs.yml or data/care_levels.yml

The build fails while the partial differs from the registry (macros/registration.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

from runnersback.model import site as sitedata
from runnersback.model.core import SiteData
from runnersback.render import care, regions
from runnersback.render.html import esc

ROOT = Path(__file__).resolve().parent.parent
PARTIAL = Path("overrides/partials/safety-banner.html")
# In <head> of every page, before any stylesheet: the reader's region set before the first paint,
# and the rules that show that region's numbers (data/regions.yml).
HEAD_PARTIAL = Path("overrides/partials/region-head.html")
COMMAND = "python -m macros.banner"
# The booklet's cover line (macros/postbuild/booklet.py): its emergency line names every region's route.
COVER_WARNING = ("If you have numbness in both legs or around your bottom, or new trouble peeing or "
                 "pooing, call {emergency} or your local emergency number, or go to {hospital} now.")


def cover_warning(site: SiteData) -> str:
    """The cover's emergency line as HTML, every region's words in it (the reader's shown)."""
    return regions.expand_html(site, esc(COVER_WARNING), searchable=False)


def partial(site: SiteData) -> str:
    """The partial's text: the banner's words from the registry; links made relative by the
    theme's `url` filter, so the banner works on every page and from disk."""
    banner = care.banner(site)  # escaped HTML text
    # The banner is outside the search index: every region's words, none left out of search.
    heading = regions.expand_html(site, banner["heading"], searchable=False)
    control = regions.region_control(site, "{{ 'when-to-get-help.html' | url }}")
    sources = "; ".join(f'<a href="{{{{ \'sources.html\' | url }}}}#{s["anchor"]}">{s["label"]}</a>'
                        for s in banner["sources"])
    for text in (heading, banner["signs"], sources):
        if any(mark in text.replace("{{ 'sources.html' | url }}", "") for mark in ("{{", "{%", "{#")):
            raise ValueError(f"the banner's text holds template syntax: {text}")
    return f"""{{#- Written by `{COMMAND}` from data/warning_signs.yml and data/care_levels.yml: do not
    edit. Red-flag guidance is never more than one click away: a bar on every page, not dismissible. -#}}
<p class="rb-announce">
    <strong>{heading}</strong> if you have back pain and: {banner["signs"]}.
    <a href="{{{{ 'when-to-get-help.html' | url }}}}">All warning signs</a>
    <small class="cite">[{sources}]</small>
    {control}
  </p>
<script>{regions.control_script()}</script>
"""


def head_partial(site: SiteData) -> str:
    """The head partial's text: the region rules and the script that applies the stored choice,
    with the site's default region (mkdocs.yml extra.region) filled in by the theme."""
    first = next(iter(site.regions))
    default = f'{{{{ config.extra.region or "{first}" }}}}'
    return f"""{{#- Written by `{COMMAND}` from data/regions.yml: do not edit. The reader's region
    (localStorage) on <html data-region>, before the first paint; without a choice or without
    JavaScript, the default region of mkdocs.yml (extra.region). -#}}
<style>{regions.region_css(site).replace("{default}", default)}</style>
<script>{regions.head_script(site).replace("{default}", default)}</script>
"""


def _written(site: SiteData) -> dict[Path, str]:
    return {PARTIAL: partial(site), HEAD_PARTIAL: head_partial(site)}


def stale(project: Path, site: SiteData) -> str | None:
    """Why the partial in ``project`` is not the registry's banner, or None when it is."""
    for name, text in _written(site).items():
        path = project / name
        if not path.exists():
            return f"{name} is missing: run `{COMMAND}`"
        if path.read_text(encoding="utf-8") != text:
            return (f"{name} does not match data/warning_signs.yml, data/care_levels.yml and "
                    f"data/regions.yml: run `{COMMAND}`")
    return None


def main() -> int:
    site = sitedata.load(ROOT / "data", ROOT / "docs")
    for name, text in _written(site).items():
        (ROOT / name).write_text(text, encoding="utf-8")
        print(f"wrote {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
