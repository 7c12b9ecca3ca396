"""Benchmark: build time, page weight, search speed and Lighthouse scores, printed as tables.

Targets (issue "Accessibility, speed and search quality"):
  build under 3 s on 2 cores, and at most 1.5 times a build of the same Markdown with macros and
  checks off; at most 90 KB gzip transferred by a first visit to any page; Lighthouse (mobile)
  accessibility, best practices and SEO 100, performance 98 or more.

    python -m scripts.benchmark [--no-lighthouse] [--pages causes.html,index.html] [--runs 5]
                                [--lighthouse-runs 3]

Since issue 18 ("A simpler core"): no page slower than the same content in stock Material. The
Lighthouse section ends with the causes article, every element of it, as raw HTML in a stock
Material site (font: false, search and offline, nothing else) against the site's own pages,
interleaved.

Side by side, to judge a change (only this is run):

    python -m scripts.benchmark --compare without-x=/tmp/x.yml [--compare ...] [--runs 7]
                                [--compare-pages causes.html] [--no-lighthouse]

builds the site and each other config in turns, with the site built twice (the second, "again",
shows the benchmark's own run-to-run spread), then runs Lighthouse on the pages given, in turns.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import html as html_lib
import http.server
import io
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from scripts.booklet_pdf import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1763856000"}
# Builds are timed as a contributor's machine runs them: with Python's compiled-module cache, which
# some sandboxes and CI images switch off (it would add compiling this project's own modules,
# about 25 ms, to every full build).
BUILD_ENV = {k: v for k, v in ENV.items() if k != "PYTHONDONTWRITEBYTECODE"}
# Both comparison builds: the same pages and theme, without strict mode or MkDocs validation.
_CHECKS_OFF = """INHERIT: {root}/mkdocs.yml
docs_dir: {root}/docs
theme:
  custom_dir: {root}/overrides
watch: []
strict: false
validation:
  links: {{not_found: info, anchors: info, absolute_links: info, unrecognized_links: info}}
  nav: {{omitted_files: info, not_found: info}}
"""
# The same site with macros turned off (the comparison): no mkdocs-macros; search as
# configured. The post-build step (booklet, checks) runs after either engine, so neither build
# here counts it.
PLAIN_CONFIG = _CHECKS_OFF + """hooks: []
plugins:
{search}  - offline
"""
# Printed too, for comparison: the bare Markdown, without any plugin but search.
BARE_CONFIG = _CHECKS_OFF + """hooks: []
plugins:
  - search
  - offline
"""
# A stock Material site for the "no slower than stock Material" target: nothing of this site's theme.
# One addition: the offline plugin's iframe-worker shim comes from this site's local copy, as the
# offline plugin's documentation suggests, not from unpkg.com (the benchmark makes no request to
# another host).
SHIM = "assets/vendor/iframe-worker/shim.js"
STOCK_CONFIG = f"""site_name: Stock Material
use_directory_urls: false
theme:
  name: material
  font: false
plugins:
  - search
  - offline
extra:
  polyfills:
    - {SHIM}
"""
STOCK_ARTICLE = "causes.html"  # the article put into the stock site
STOCK_PAGES = ("causes.html", "index.html", "flowchart.html", "conditions/sciatica.html")
TARGET_KB = 90
CATEGORIES_AT_100 = ("accessibility", "best-practices", "seo")  # Lighthouse targets besides speed


def timed_build(config: Path, out: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config),
                             "-d", str(out)], cwd=ROOT, env=BUILD_ENV, capture_output=True,
                            text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"Build with {config} failed:\n{result.stdout}{result.stderr}")
    return elapsed


def finish(site: Path) -> Path:
    """The post-build step on a timed build, as make build runs it: the pages a reader gets
    (policy, abbreviations, the booklet). Not timed: build times compare the engines' work."""
    subprocess.run([sys.executable, "-m", "macros.postbuild", str(site)], cwd=ROOT, env=BUILD_ENV,
                   check=True, capture_output=True)
    return site


def _plugin_block(name: str) -> str:
    """A plugin's entry in mkdocs.yml, as written there, with relative paths made absolute."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(rf"^  - {re.escape(name)}:\n(?:(?:      .*)?\n)+", text, re.M)
    if not match:
        sys.exit(f"mkdocs.yml has no '{name}' plugin block for the comparison build")
    return re.sub(r"(_template: )(\S+)", lambda m: f"{m.group(1)}{ROOT / m.group(2)}",
                  match.group(0))


def build_times(runs: int, work: Path) -> tuple[float, float, float]:
    """Medians of full builds, of the same site with macros and checks off, and of bare builds,
    taken in turns so that a busy moment of the machine spreads over all three."""
    plain, bare = work / "plain.yml", work / "bare.yml"
    plain.write_text(PLAIN_CONFIG.format(root=ROOT, search=_plugin_block("search")), encoding="utf-8")
    bare.write_text(BARE_CONFIG.format(root=ROOT), encoding="utf-8")
    configs = {"full": ROOT / "mkdocs.yml", "plain": plain, "bare": bare}
    for name, config in configs.items():
        timed_build(config, work / name)  # not counted: fills the module and file caches
    times: dict[str, list[float]] = {name: [] for name in configs}
    for _ in range(runs):
        for name, config in configs.items():
            times[name].append(timed_build(config, work / name))
    return tuple(statistics.median(times[name]) for name in configs)


def compare_builds(configs: dict[str, Path], runs: int, work: Path) -> dict[str, list[float]]:
    """Build times of each config, taken in turns (one untimed warm-up each), so that a busy
    moment of the machine spreads over all of them."""
    for name, config in configs.items():
        timed_build(config, work / name)
    times: dict[str, list[float]] = {name: [] for name in configs}
    for _ in range(runs):
        for name, config in configs.items():
            times[name].append(timed_build(config, work / name))
    return times


def print_build_comparison(times: dict[str, list[float]], base: str = "site") -> None:
    """Each build's median and range, and its difference from ``base`` round by round (median,
    lowest to highest). The row "again" is the site built a second time: its difference is the
    benchmark's own spread, which a change has to beat."""
    print(f"Build time, side by side ({len(times[base])} rounds in turns), seconds")
    print("| build | median | lowest-highest | minus the site, round by round: median (range) |")
    print("|---|---|---|---|")
    for name, values in times.items():
        diffs = [v - b for v, b in zip(values, times[base])]
        diff = ("-" if name == base else f"{statistics.median(diffs):+.3f} "
                f"({min(diffs):+.3f} to {max(diffs):+.3f})")
        print(f"| {name} | {statistics.median(values):.3f} | {min(values):.3f}-{max(values):.3f} "
              f"| {diff} |")


def stock_site(site: Path, work: Path, page: str = STOCK_ARTICLE) -> Path:
    """A stock Material site whose one page holds the built ``page``'s <article>, every element of
    it, as raw HTML: the same content without anything this site's theme, hooks or styles add."""
    article = re.search(r"<article\b.*?</article>", (site / page).read_text(encoding="utf-8"),
                        re.S).group(0)
    project = work / "stock"
    source = project / "docs" / Path(page).with_suffix(".md")
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_text(article + "\n", encoding="utf-8")
    (project / "docs" / SHIM).parent.mkdir(parents=True, exist_ok=True)
    (project / "docs" / SHIM).write_bytes((ROOT / "docs" / SHIM).read_bytes())
    (project / "mkdocs.yml").write_text(STOCK_CONFIG, encoding="utf-8")
    timed_build(project / "mkdocs.yml", project / "site")
    return project / "site"


def _nav_block() -> str:
    """The ``nav:`` of mkdocs.yml, as written there."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return re.search(r"^nav:\n(?:[ ].*\n)+", text, re.M).group(0)


def _theme_block() -> str:
    """The palette and features of mkdocs.yml's theme, as written there (not custom_dir)."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return re.search(r"^  palette:\n(?:    .*\n|\n)+?^  features:\n(?:    - .*\n)+", text, re.M).group(0)


def stock_site_as_configured(site: Path, work: Path, page: str = STOCK_ARTICLE) -> Path:
    """Stock Material configured as this site is (its palette toggle, theme features and
    navigation of every page, and a table of contents from the article's headings) but with
    nothing of the site's own: no overrides, stylesheets, scripts, hooks or macros.

    The like-for-like comparison: ``stock_site`` has a one-page navigation and no table of
    contents, furniture any real Material site has.
    """
    project = work / "stock-as-configured"
    nav = _nav_block()
    for md in re.findall(r"([\w/-]+\.md)", nav):
        built = (site / md).with_suffix(".html").read_text(encoding="utf-8")
        title = html_lib.unescape(re.sub(r"<[^>]+>", "", re.search(r"<h1\b[^>]*>(.*?)</h1>", built, re.S)
                                          .group(1))).strip()
        source = project / "docs" / md
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text(f"# {title}\n\nA page of the same navigation.\n", encoding="utf-8")
    article = re.search(r"<article\b[^>]*>(.*?)</article>", (site / page).read_text(encoding="utf-8"),
                        re.S).group(1)
    article = re.sub(r"<h1\b.*?</h1>", "", article, count=1, flags=re.S)
    # Headings become Markdown again, so that stock Material builds the table of contents.
    def heading(match: re.Match) -> str:
        text = html_lib.unescape(re.sub(r"<[^>]+>", "", re.sub(r'<a class="headerlink".*?</a>', "",
                                                               match.group(3), flags=re.S))).strip()
        return f"\n\n{'#' * int(match.group(1))} {text} {{ #{match.group(2)} }}\n\n"
    article = re.sub(r'<h([23]) id="([^"]+)"[^>]*>(.*?)</h\1>', heading, article, flags=re.S)
    title = html_lib.unescape(re.sub(r"<[^>]+>", "", re.search(
        r"<h1\b[^>]*>(.*?)</h1>", (site / page).read_text(encoding="utf-8"), re.S).group(1))).strip()
    (project / "docs" / Path(page).with_suffix(".md")).write_text(f"# {title}\n{article}\n",
                                                                   encoding="utf-8")
    (project / "docs" / SHIM).parent.mkdir(parents=True, exist_ok=True)
    (project / "docs" / SHIM).write_bytes((ROOT / "docs" / SHIM).read_bytes())
    (project / "mkdocs.yml").write_text(
        STOCK_CONFIG.replace("  font: false\n", "  font: false\n" + _theme_block())
        + "markdown_extensions:\n  - attr_list\n  - md_in_html\n  - toc:\n      permalink: true\n"
        + nav, encoding="utf-8")
    timed_build(project / "mkdocs.yml", project / "site")
    return project / "site"


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the browser accepts it, as GitHub Pages serves them.

    Without compression the figures would describe a server nobody uses.
    """

    cache: dict[Path, bytes] = {}

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = self.cache.get(path)
        if body is None:
            body = self.cache[path] = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


def serve(directory: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    handler = functools.partial(_GzipHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def kind_of(url: str, content_type: str) -> str:
    if "search_index" in url or "/search/" in url:
        return "search"
    if "html" in content_type:
        return "html"
    if "css" in content_type:
        return "css"
    if "javascript" in content_type:
        return "js"
    if content_type.startswith("image/"):
        return "images"
    if "font" in content_type:
        return "fonts"
    return "other"


def page_weights(browser, base: str, pages: list[str]) -> list[dict]:
    """Bytes a first visit transfers, raw and gzip, by kind of file."""
    rows = []
    for path in pages:
        context = browser.new_context()
        page = context.new_page()
        responses = []
        page.on("response", lambda response: responses.append(response))
        page.goto(base + path, wait_until="networkidle")
        row = {"page": path}
        for response in responses:
            try:
                body = response.body()
            except Exception:  # noqa: BLE001 - redirects and aborted requests have no body
                continue
            kind = kind_of(response.url, response.headers.get("content-type", ""))
            raw, packed = row.get(kind, (0, 0))
            row[kind] = (raw + len(body), packed + len(gzip.compress(body, 9)))
        row["total"] = tuple(sum(v[i] for k, v in row.items() if k != "page") for i in (0, 1))
        rows.append(row)
        context.close()
    return rows


def search_latency(browser, base: str, query: str = "pinched nerve",
                   runs: int = 5) -> tuple[float, float]:
    """Median milliseconds (1) from opening search to ready, which includes downloading the index
    (lazy-search.js holds it back until then), and (2) from the last keystroke to the first result."""
    ready, typing = [], []
    for _ in range(runs):
        page = browser.new_page()
        page.goto(base + "index.html", wait_until="networkidle")
        box = page.locator(".md-search__input")
        start = page.evaluate("performance.now()")
        box.click()
        page.wait_for_function("() => { const m = document.querySelector('.md-search-result__meta');"
                               " return m && m.textContent && !/Initializing/i.test(m.textContent); }")
        ready.append(page.evaluate("performance.now()") - start)
        box.press_sequentially(query[:-1], delay=30)
        page.wait_for_timeout(300)  # earlier keystrokes are handled
        start = page.evaluate("performance.now()")
        box.press(query[-1])
        page.wait_for_function(
            "q => [...document.querySelectorAll('.md-search-result__item')].length > 0 && "
            "document.querySelector('.md-search__input').value === q", arg=query)
        typing.append(page.evaluate("performance.now()") - start)
        page.close()
    return statistics.median(ready), statistics.median(typing)


def lighthouse(url: str) -> dict[str, float | None]:
    """One Lighthouse run (mobile defaults): the four category scores, total blocking time, and the
    script time (evaluation and parsing, on Lighthouse's slowed CPU) of Material's bundle."""
    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    flags = " ".join(CHROMIUM_ARGS)
    result = subprocess.run(
        [str(binary), url, "--output=json", "--quiet", f"--chrome-flags={flags}",
         "--only-categories=performance,accessibility,best-practices,seo"],
        capture_output=True, text=True, env={**ENV, "CHROME_PATH": CHROMIUM}, timeout=180)
    if result.returncode != 0:
        sys.exit(f"Lighthouse failed on {url}: {result.stderr.strip().splitlines()[-1:]}")
    report = json.loads(result.stdout)
    scores = {name: cat["score"] * 100 for name, cat in report["categories"].items()}
    scores["tbt"] = report["audits"]["total-blocking-time"]["numericValue"]
    scores["bundle"] = bundle_script_ms(report)
    # Lighthouse's measure of this machine's CPU speed: its fixed 4x slowdown models a phone only
    # on a fast desktop, and it warns below 1000.
    scores["host"] = report["environment"]["benchmarkIndex"]
    return scores


def bundle_script_ms(report: dict) -> float | None:
    """Script evaluation and parse time of Material's bundle in a Lighthouse report (its
    "JavaScript execution time" audit, which scales the measured time to the slowed phone CPU).
    None when the audit does not list it: the page has no bundle, or it took under the audit's
    50 ms listing threshold."""
    items = report["audits"]["bootup-time"].get("details", {}).get("items", [])
    times = [item.get("scripting", 0) + item.get("scriptParseCompile", 0) for item in items
             if re.search(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$", item["url"])]
    return sum(times) if times else None


def lighthouse_summary(url: str, runs: int) -> dict[str, float | tuple[float, float] | None]:
    """Median of several runs, plus the lowest and highest performance score and blocking time:
    a single run swings with whatever else the machine is doing (Lighthouse's own advice is the
    median of five)."""
    return summarise([lighthouse(url) for _ in range(runs)])


def lighthouse_side_by_side(urls: dict[str, str], runs: int) -> dict[str, dict]:
    """Lighthouse on each of ``urls`` in turns, ``runs`` rounds: a slow moment of the machine
    falls on every page alike, so the medians can be compared with each other."""
    results: dict[str, list[dict]] = {label: [] for label in urls}
    for _ in range(runs):
        for label, url in urls.items():
            results[label].append(lighthouse(url))
    return {label: summarise(values) for label, values in results.items()}


def print_side_by_side(summaries: dict[str, dict], runs: int) -> None:
    print(f"| page | performance | blocking time ms | Material bundle script ms |  "
          f"(Lighthouse mobile, {runs} rounds in turns: median (lowest-highest))")
    print("|---|---|---|---|")
    for label, scores in summaries.items():
        (low, high), (tbt_low, tbt_high) = scores["performance_range"], scores["tbt_range"]
        bundle = "-" if scores["bundle"] is None else f"{scores['bundle']:.0f}"
        print(f"| {label} | {scores['performance']:.0f} ({low:.0f}-{high:.0f}) "
              f"| {scores['tbt']:.0f} ({tbt_low:.0f}-{tbt_high:.0f}) | {bundle} |", flush=True)


def summarise(results: list[dict]) -> dict[str, float | tuple[float, float] | None]:
    summary = {}
    for key in results[0]:
        values = [r[key] for r in results if r[key] is not None]
        summary[key] = statistics.median(values) if values else None
    for key in ("performance", "tbt"):
        summary[key + "_range"] = (min(r[key] for r in results), max(r[key] for r in results))
    return summary


def kb(value: int) -> str:
    return f"{value / 1024:.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", help="comma-separated pages (default: all)")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--lighthouse-runs", type=int, default=3,
                        help="Lighthouse runs per page; the table shows the median (default 3)")
    parser.add_argument("--compare", action="append", default=[], metavar="NAME=CONFIG",
                        help="only compare the site, side by side, with the build of CONFIG")
    parser.add_argument("--compare-pages", default="causes.html",
                        help="pages Lighthouse compares with --compare (default causes.html)")
    parser.add_argument("--stock-only", action="store_true",
                        help="only the comparison with stock Material")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.compare:
            return compare(args, work)
        if args.stock_only:
            timed_build(ROOT / "mkdocs.yml", work / "full")
            stock_comparison(finish(work / "full"), work, args.lighthouse_runs)
            return 0
        full, plain, bare = build_times(args.runs, work)
        site = finish(work / "full")
        print(f"Build time (median of {args.runs}): {full:.2f} s full, {plain:.2f} s with macros "
              f"and checks off; ratio {full / plain:.2f} (targets: < 3 s, ratio <= 1.5)")
        print(f"  For comparison: {bare:.2f} s for the bare Markdown without the booklet or hooks "
              f"(ratio {full / bare:.2f})\n")

        pages = (args.pages.split(",") if args.pages else
                 sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                        if p.name not in ("404.html",) and "assets" not in p.parts))
        index = next(iter(sorted((site / "search").glob("search_index.*"))), None)
        base, server = serve(site)
        from playwright.sync_api import sync_playwright
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            rows = page_weights(browser, base, pages)
            latency = search_latency(browser, base)
            browser.close()

        kinds = ["html", "css", "js", "search", "images", "other"]
        print(f"First-visit transfer per page, KB raw / gzip (target: <= {TARGET_KB} KB gzip)")
        header = ["page"] + kinds + ["total", "ok"]
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for row in rows:
            cells = [row["page"]] + [f"{kb(row[k][0])} / {kb(row[k][1])}" if k in row else "-"
                                     for k in kinds]
            total = row["total"]
            cells += [f"{kb(total[0])} / {kb(total[1])}", "yes" if total[1] <= TARGET_KB * 1024 else "NO"]
            print("| " + " | ".join(cells) + " |")
        if index:
            raw = index.read_bytes()
            print(f"\nSearch index: {index.name} {kb(len(raw))} KB raw, "
                  f"{kb(len(gzip.compress(raw, 9)))} KB gzip")
        print(f"Search: {latency[0]:.0f} ms from opening search to ready (index downloaded then), "
              f"{latency[1]:.0f} ms from the last keystroke to results (medians of 5)")

        if not args.no_lighthouse:
            print(f"\nLighthouse, mobile, median of {args.lighthouse_runs} runs, lowest to highest "
                  "in brackets (targets: performance >= 98; the rest 100)")
            print("| page | performance | accessibility | best practices | SEO "
                  "| blocking time ms | Material bundle script ms |")
            print("|---|---|---|---|---|---|---|")
            below, imperfect, host = [], [], []
            for path in pages:
                scores = lighthouse_summary(base + path, args.lighthouse_runs)
                (low, high), (tbt_low, tbt_high) = scores["performance_range"], scores["tbt_range"]
                others = " | ".join(f"{scores[k]:.0f}" for k in CATEGORIES_AT_100)
                bundle = "-" if scores["bundle"] is None else f"{scores['bundle']:.0f}"
                print(f"| {path} | {scores['performance']:.0f} ({low:.0f}-{high:.0f}) | {others} "
                      f"| {scores['tbt']:.0f} ({tbt_low:.0f}-{tbt_high:.0f}) | {bundle} |",
                      flush=True)
                host.append(scores["host"])
                if scores["performance"] < 98:
                    below.append(path)
                if any(scores[k] < 100 for k in CATEGORIES_AT_100):
                    imperfect.append(path)
            print(f"\nPerformance >= 98: {len(pages) - len(below)} of {len(pages)} pages"
                  + (f"; below: {', '.join(below)}" if below else ""))
            print(f"Accessibility, best practices and SEO 100: {len(pages) - len(imperfect)} of "
                  f"{len(pages)} pages" + (f"; below: {', '.join(imperfect)}" if imperfect else ""))
            print(f"Host CPU (Lighthouse benchmark index; its 4x slowdown assumes 1500 to 2000, "
                  f"and it warns below 1000): median per page {min(host):.0f} to {max(host):.0f}")
            stock_comparison(site, work, args.lighthouse_runs)
        server.shutdown()
    return 0


def stock_comparison(site: Path, work: Path, runs: int) -> None:
    """The target "no page slower than the same content in stock Material": the stock site with
    the causes article against the site's own pages, in turns."""
    servers = [serve(site), serve(stock_site(site, work)), serve(stock_site_as_configured(site, work))]
    bare = f"stock Material, bare: {STOCK_ARTICLE} article"
    configured = f"stock Material as configured: {STOCK_ARTICLE} article"
    urls = {bare: servers[1][0] + STOCK_ARTICLE, configured: servers[2][0] + STOCK_ARTICLE}
    urls.update({path: servers[0][0] + path for path in STOCK_PAGES})
    print(f"\nAgainst stock Material (font: false, search, offline), the {STOCK_ARTICLE} <article>: "
          "bare (one page, no table of contents), and as configured (this site's palette, "
          "features, navigation and table of contents; none of its overrides, styles, scripts "
          "or hooks)")
    summaries = lighthouse_side_by_side(urls, runs)
    print_side_by_side(summaries, runs)
    for label in (bare, configured):
        stock_tbt = summaries[label]["tbt"]
        slower = [name for name in STOCK_PAGES if summaries[name]["tbt"] > stock_tbt]
        print(f"Blocking time above {label} ({stock_tbt:.0f} ms): "
              + (", ".join(slower) if slower else "none"))
    for _, server in servers:
        server.shutdown()


def compare(args, work: Path) -> int:
    """--compare: the site and each other build side by side, build time, first-visit weight and
    (unless --no-lighthouse) Lighthouse on --compare-pages."""
    configs = {"site": ROOT / "mkdocs.yml", "site again": ROOT / "mkdocs.yml"}
    for item in args.compare:
        name, _, config = item.partition("=")
        configs[name] = Path(config).resolve()
    # "site again" stays for Lighthouse too: the same pages from a second build and server, so the
    # spread between two identical targets (and any cost of going first in a round) shows.
    print_build_comparison(compare_builds(configs, args.runs, work))
    pages = args.compare_pages.split(",")
    servers = {name: serve(work / name) for name in configs}
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        print("\nFirst visit, KB gzip")
        for name, (base, _) in servers.items():
            weights = page_weights(browser, base, pages)
            print(f"  {name}: " + ", ".join(f"{row['page']} {kb(row['total'][1])} "
                                           f"(css {kb(row.get('css', (0, 0))[1])})"
                                           for row in weights))
        browser.close()
    if not args.no_lighthouse:
        print()
        urls = {f"{name}: {path}": base + path for path in pages
                for name, (base, _) in servers.items()}
        if STOCK_ARTICLE in pages:  # and the same article in stock Material
            stock_base, stock_server = serve(stock_site(work / "site", work))
            servers["stock"] = (stock_base, stock_server)
            urls[f"stock Material: {STOCK_ARTICLE} article"] = stock_base + STOCK_ARTICLE
        print_side_by_side(lighthouse_side_by_side(urls, args.lighthouse_runs),
                           args.lighthouse_runs)
    for _, server in servers.values():
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
