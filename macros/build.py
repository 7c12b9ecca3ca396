"""Build the site with either engine, finish and check it, and only then put it in place.

    python -m macros.build                      # MkDocs, strict, into site/
    python -m macros.build -d out               # elsewhere
    python -m macros.build --engine zensical    # Zensical (its own venv; it writes site/ itself)

The engine writes into a staging folder beside the target; the post-build step (macros/postbuild)
finishes it; on any failure the staging folder and the target are removed, so nothing half-built
or unchecked is left to publish.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from . import postbuild

ROOT = Path(__file__).resolve().parent.parent


def engine_build(engine: str, staging: Path) -> int:
    if engine == "mkdocs":
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(staging)]
        return subprocess.run(command, cwd=ROOT).returncode
    # Zensical has no output option: it writes mkdocs.yml's site_dir (site/), moved aside at once.
    zensical = shutil.which("zensical", path=str(Path(sys.executable).parent)) or "zensical"
    written = ROOT / "site"
    code = subprocess.run([zensical, "build", "--clean"], cwd=ROOT).returncode
    if written.exists() and written.resolve() != staging.resolve():
        written.rename(staging)
    return code


def build(engine: str, target: Path) -> int:
    target = target.resolve()
    staging = target.with_name(f".{target.name}.building")
    shutil.rmtree(staging, ignore_errors=True)
    started = time.perf_counter()
    code = engine_build(engine, staging)
    built = time.perf_counter()
    problems = [f"{engine} build failed (exit {code})"] if code else []
    if not problems:
        problems = postbuild.run(staging, ROOT)
    if problems:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(target, ignore_errors=True)
        print("\n".join(problems), file=sys.stderr)
        print(f"Nothing published: {target} removed.", file=sys.stderr)
        return 1
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    print(f"{engine}: built in {built - started:.2f} s, finished and checked in "
          f"{time.perf_counter() - built:.2f} s: {target}", file=sys.stderr)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engine", choices=("mkdocs", "zensical"), default="mkdocs")
    parser.add_argument("-d", "--site-dir", type=Path, default=ROOT / "site")
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    return build(args.engine, args.site_dir)


if __name__ == "__main__":
    sys.exit(main())
