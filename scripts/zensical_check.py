"""Check a Zensical build of the site: every page is there with its content.

Run in an environment with Zensical and the site's own dependencies but without MkDocs:

    python -m venv /tmp/zensical && /tmp/zensical/bin/pip install zensical==0.0.73 \\
        pydantic==2.14.4 segno==1.6.6 PyYAML==6.0.3
    /tmp/zensical/bin/python -m macros.build --engine zensical && \\
        /tmp/zensical/bin/python -m scripts.zensical_check site

For every Markdown page under docs/: the built page exists, carries the warning banner, the "about
this page" block and its Content Security Policy, holds its title, has no macro call or
token left in it, and shows what each macro the page calls renders (a citation, a care card, the
flowchart's steps...). Exits 1 with a line per problem.
"""

from __future__ import annotations

import re
import sys
from html import unescape
from pathlib import Path

from runnersback.model.core import find_pages
from runnersback.model.pages import front_matter
from runnersback.render.html import page_url

ROOT = Path(__file__).resolve().parent.parent

# What each macro leaves in the built page: a class (or id) only its output has.
MARKERS = {
    "cite": 'class="cite"',
    "page_summary": 'class="in-short"',
    "red_flags": 'class="red-flags"',
    "care_levels": 'id="care-emergency"',
    "care_card": "care-card",
    "sign_cards": "care-card",
    "exercises": 'class="exercise-card"',
    "sources_list": 'class="source-entry"',
    "condition_page": 'class="condition-summary"',
    "conditions_overview": 'class="condition-card"',
    "conditions_helped_by": "helped-by",
    "flowchart_steps": 'class="fc-step"',
    "flowchart_drawing": 'class="fc-chart"',
    "handout": 'class="handout"',
    "handout_list": 'id="topic-handouts"',
    "return_to_running": 'class="rtr-',
    "safety_box": 'class="red-flags handout__flags"',
    "sheet_builder": "data-sheet-builder",
    "page_footer": 'class="page-info"',
    "route": 'class="rg rg--',
    "care_routes": "data-care-routes",
}
_CALL = re.compile(r"\{\{\s*(\w+)\(")


def problems(site_dir: Path) -> list[str]:
    found = []
    docs = ROOT / "docs"
    for src in sorted(find_pages(docs)):
        built = site_dir / page_url(src)
        if not built.exists():
            found.append(f"{src}: no built page {built.relative_to(site_dir)}")
            continue
        html = built.read_text(encoding="utf-8")
        article = html.split('<article', 1)[-1]
        for marker, what in (('class="rb-announce"', "the warning banner"),
                             ('class="page-info"', 'the "about this page" block'),
                             ('http-equiv="Content-Security-Policy"', "the Content Security Policy "
                              "(run it through python -m macros.build --engine zensical)")):
            if marker not in html:
                found.append(f"{src}: no {what}")
        text = (docs / src).read_text(encoding="utf-8")
        body = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)  # a YAML comment is no heading
        heading = re.search(r"^# (.+?)\s*$", body, re.M)
        title = heading.group(1) if heading else front_matter(text).get("title")
        plain = " ".join(unescape(re.sub(r"<[^>]+>", "", article)).split())
        if src == "print_page.md":  # the booklet: its cover shows the site's name, its <title> this
            plain = " ".join(unescape(html.split("<title>", 1)[-1].split("</title>", 1)[0]).split())
        if title and " ".join(str(title).split()) not in plain:
            found.append(f"{src}: its title {title!r} is not in the page")
        for leftover in ("{{", "{%", "rbhtml"):
            if leftover in article:
                found.append(f"{src}: {leftover!r} left in the page (a macro did not run)")
        for macro in sorted(set(_CALL.findall(text))):
            marker = MARKERS.get(macro)
            if marker is None:
                found.append(f"{src}: calls {macro}(), which this check does not know")
            elif marker not in article:
                found.append(f"{src}: {macro}() rendered nothing ({marker} missing)")
        words = len(re.sub(r"<[^>]+>", " ", article).split())
        if words < 40:
            found.append(f"{src}: only {words} words in the page")
    return found


def main() -> int:
    site_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    found = problems(site_dir)
    for line in found:
        print(line)
    pages = len(find_pages(ROOT / "docs"))
    print(f"{pages} pages checked, {len(found)} problems" if found else f"{pages} pages checked: ok")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
