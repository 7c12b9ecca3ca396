"""python -m macros.postbuild SITE_DIR: finish and check a built site in place; exit 1 on a problem."""

from __future__ import annotations

import sys
from pathlib import Path

from . import run

ROOT = Path(__file__).resolve().parent.parent.parent

if __name__ == "__main__":
    found = run(Path(sys.argv[1] if len(sys.argv) > 1 else "site"), ROOT)
    print("\n".join(found), file=sys.stderr)
    sys.exit(1 if found else 0)
