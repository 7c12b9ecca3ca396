"""Print the whole site as one PDF booklet with headless Chromium, offline.

Builds the site into build/site as make build does (the post-build step writes the booklet), opens its booklet page (print_page.html) from disk and
prints it to build/runners-back.pdf. HTML stays the main output; the PDF is a convenience.

    python -m scripts.booklet_pdf [--paper A4|Letter] [--out FILE]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def print_pdf(html: Path, out: Path, paper: str = "A4") -> int:
    """Print one built page to PDF; returns the PDF's size in bytes."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(html.as_uri(), wait_until="load")
        page.emulate_media(media="print")
        page.pdf(path=str(out), format=paper, print_background=True, prefer_css_page_size=False)
        browser.close()
    return out.stat().st_size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paper", default="A4", choices=["A4", "Letter"])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "runners-back.pdf")
    args = parser.parse_args()
    site = ROOT / "build" / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "macros.build", "-d", str(site)],
                   cwd=ROOT, env=env, check=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    size = print_pdf(site / "print_page.html", args.out, args.paper)
    print(f"Wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out} "
          f"({size / 1024:.0f} KB, {args.paper})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
