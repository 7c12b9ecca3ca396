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
from runnersback.render import care

ROOT = Path(__file__).resolve().parent.parent
PARTIAL = Path("overrides/partials/safety-banner.html")
COMMAND = "python -m macros.banner"


def partial(site: SiteData) -> str:
    """The partial's text: the banner's words from the registry; links made relative by the
    theme's `url` filter, so the banner works on every page and from disk."""
    banner = care.banner(site)  # escaped HTML text
    sources = "; ".join(f'<a href="{{{{ \'sources.html\' | url }}}}#{s["anchor"]}">{s["label"]}</a>'
                        for s in banner["sources"])
    for text in (banner["heading"], banner["signs"], sources):
        if any(mark in text.replace("{{ 'sources.html' | url }}", "") for mark in ("{{", "{%", "{#")):
            raise ValueError(f"the banner's text holds template syntax: {text}")
    return f"""{{#- Written by `{COMMAND}` from data/warning_signs.yml and data/care_levels.yml: do not
    edit. Red-flag guidance is never more than one click away: a bar on every page, not dismissible. -#}}
<p class="rb-announce">
    <strong>{banner["heading"]}</strong> if you have back pain and: {banner["signs"]}.
    <a href="{{{{ 'when-to-get-help.html' | url }}}}">All warning signs</a>
    <small class="cite">[{sources}]</small>
  </p>
"""


def stale(project: Path, site: SiteData) -> str | None:
    """Why the partial in ``project`` is not the registry's banner, or None when it is."""
    path = project / PARTIAL
    if not path.exists():
        return f"{PARTIAL} is missing: run `{COMMAND}`"
    if path.read_text(encoding="utf-8") != partial(site):
        return (f"{PARTIAL} does not match data/warning_signs.yml and data/care_levels.yml: "
                f"run `{COMMAND}`")
    return None


def main() -> int:
    site = sitedata.load(ROOT / "data", ROOT / "docs")
    (ROOT / PARTIAL).write_text(partial(site), encoding="utf-8")
    print(f"wrote {PARTIAL}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
