"""MkDocs hook: keep Material's compiled Jinja templates between builds.

MkDocs compiles every theme template from source on each build (about 0.2 s here). Jinja's own
on-disk bytecode cache skips that while a template's source is unchanged: it checks each template's
checksum, writes atomically, and the output is the same. The folder is named after the Jinja and
MkDocs versions, since either could change the compiled code; delete .cache/ at any time.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
import mkdocs


def on_env(env, config, **kwargs):
    # .cache/ is git-ignored.
    directory = (Path(config["config_file_path"]).parent / ".cache" / "jinja"
                 / f"jinja{jinja2.__version__}-mkdocs{mkdocs.__version__}")
    directory.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(directory))
    return env
