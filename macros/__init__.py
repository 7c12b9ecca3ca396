"""The site's macros module: mkdocs-macros (mkdocs.yml: ``module_name: macros``) and Zensical's macros
extension both load it. Registration only; the work is in runnersback/ (model, render, checks).

Zensical loads this file by its path, without putting the project on the import path; the one
line below lets it import the project's packages as MkDocs does.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PROJECT = str(Path(__file__).resolve().parent.parent)
if _PROJECT not in sys.path:  # Zensical: the project is not importable until it is on the path
    sys.path.append(_PROJECT)

from macros.registration import define_env, on_post_page_macros, on_pre_page_macros  # noqa: E402

__all__ = ["define_env", "on_pre_page_macros", "on_post_page_macros"]
