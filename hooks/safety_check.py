"""MkDocs hook: the build fails if a page that must list the warning signs lacks any of them.

The help page, the flowchart and every handout list every sign of data/warning_signs.yml; every
condition page lists every emergency sign and every sign more urgent than its usual care level.
The check itself is runnersback/checks/safetycheck.py; this file only feeds it each finished page.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from runnersback.checks import safetycheck  # noqa: E402
from runnersback.model import site as sitedata  # noqa: E402
from runnersback.model.errors import DataError  # noqa: E402

_site = None


def on_config(config, **kwargs):
    global _site
    root = Path(config["config_file_path"]).parent
    try:
        _site = sitedata.load(root / "data", Path(config["docs_dir"]))
    except DataError as exc:
        raise PluginError(f"Bad data: {exc}") from exc
    return config


@event_priority(-90)  # after the macros and the other page hooks
def on_post_page(output: str, page, config, **kwargs) -> str:
    src = page.file.src_uri
    missing = safetycheck.missing_signs(_site, src, output)
    if missing:
        where = "its safety box" if src.startswith("handouts/") else "the page"
        raise PluginError(
            f"docs/{src}: {where} lacks warning sign(s) of data/warning_signs.yml: "
            + ", ".join(f"'{sid}' ({_site.signs[sid].text})" for sid in missing)
            + ". Render them with the site's macros; never drop a shared sign")
    return output
