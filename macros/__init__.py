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


def define_env(env) -> None:
    from macros.registration import define_env as register  # here, so `python -m macros.x` runs clean
    register(env)


def on_pre_page_macros(env) -> None:  # mkdocs-macros only; Zensical's define_env sees the page
    from macros.registration import on_pre_page_macros as before_page
    before_page(env)
