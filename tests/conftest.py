"""Shared fixtures: the real site, built once per run (for all test workers); a local web server;
Debian's Chromium.

Browser pages fail their test on any console error, uncaught exception, failed request or request to
another host: the site must work offline.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml
from filelock import FileLock

ROOT = Path(__file__).resolve().parent.parent

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")  # override on macOS
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 # No host but the test server resolves: a request to another host fails at once
                 # (the page guard still reports it). Cheaper than routing every request through
                 # Playwright, which holds each one for a round trip and turns the cache off.
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
# The site's name, as mkdocs.yml sets it (renaming the site is that one setting).
SITE_NAME = re.search(r"^site_name: (.+)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M).group(1)
SOURCE_DATE_EPOCH = "1763856000"  # fixed, so builds are reproducible

# Data text as the default region's reader sees it: {gp}, {emergency}... in that region's words
# (data/regions.yml, mkdocs.yml extra.region), as runnersback.model.regions.expand_plain writes them.
REGIONS = {r["id"]: r for r in yaml.safe_load((ROOT / "data" / "regions.yml").read_text(
    encoding="utf-8"))["regions"]}
DEFAULT_REGION = re.search(r"^  region: (\S+)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
                           re.M).group(1)


def as_shown(text: str, region_id: str = DEFAULT_REGION) -> str:
    from runnersback.model.regions import PLACEHOLDER, PLACEHOLDERS
    return PLACEHOLDER.sub(lambda m: REGIONS[region_id][PLACEHOLDERS[m.group(1)]]
                           if m.group(1) in PLACEHOLDERS else m.group(0), text)


def shown_text(locator, region_id: str = DEFAULT_REGION, leave_out: str = "script, style, template") -> str:
    """An element's text with only ``region_id``'s words of each route (its textContent holds
    every region's), and without what ``leave_out`` selects; whitespace collapsed. Unlike
    innerText, whether or not it is on screen (content-visibility skips what is not)."""
    return " ".join(locator.evaluate(
        """(el, [region, leaveOut]) => { const copy = el.cloneNode(true);
             copy.querySelectorAll(`.rg>[data-region]:not([data-region~="${region}"]), ${leaveOut}`)
                 .forEach(part => part.remove());
             return copy.textContent; }""", [region_id, leave_out]).split())


def build_site(project: Path, out: Path, extra_env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the real strict build of ``project`` into ``out``; returns the finished process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH,
           **(extra_env or {})}
    # As `make build`: MkDocs, then the post-build step (policy, checks); nothing kept on failure.
    return subprocess.run([sys.executable, "-m", "macros.build", "-d", str(out)],
                          cwd=project, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory, worker_id) -> Path:
    """The real site, built once for the whole run and read by every test worker.

    pytest-xdist's documented pattern for a session fixture that runs once: the workers share the
    parent of their temporary directories, and the first to take the lock builds; the others wait
    and read the same folder (and the same failure, if it fails). Tests must not change it.
    """
    shared = tmp_path_factory.getbasetemp()
    if worker_id != "master":  # under xdist: the run's directory, above each worker's own
        shared = shared.parent
    out, log = shared / "site", shared / "site-build.log"
    with FileLock(str(shared / "site.lock")):
        if not log.exists():
            result = build_site(ROOT, out)
            log.write_text(f"{result.returncode}\n{result.stdout}\n{result.stderr}", encoding="utf-8")
    returncode, _, output = log.read_text(encoding="utf-8").partition("\n")
    if returncode != "0":
        pytest.fail(f"The site does not build:\n{output}", pytrace=False)
    return out


def site_pages(site_dir: Path) -> list[str]:
    """Every page of the built site, as paths relative to its root.

    Left out: the 404 page (absolute links by design) and the booklet (all pages in one; its own test).
    """
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")
                  if p.name not in ("404.html", "print_page.html") and "assets" not in p.parts)


def source_pages() -> list[str]:
    """The built pages the site will have, known from docs/ before anything is built; the booklet
    (print_page.html, assembled after the build over docs/print_page.md) has tests of its own.

    For parametrising tests page by page, so that a slow check over every page spreads over workers.
    """
    from runnersback.render.html import page_url
    from runnersback.model.core import find_pages
    return sorted(page_url(src) for src in find_pages(ROOT / "docs") if src != "print_page.md")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output readable
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # A test that closes its page while a file is still being sent resets the connection.
        # That is the browser's choice, not a fault in the site: say nothing.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def base_url(site_dir) -> str:
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def file_url(site_dir) -> str:
    return site_dir.as_uri() + "/"


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (.ci/run does)", pytrace=False)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Every Content Security Policy violation (macros/postbuild/csp.py) in any frame, as the page's own event reports
# it. Chromium logs each as a console error too; the event also names the directive.
CSP_LISTENER = """document.addEventListener("securitypolicyviolation", event =>
  window.__rbPolicyViolation(`${event.effectiveDirective} blocked ${event.blockedURI || "?"}`
    + ` (${event.sample || "no sample"}) at ${event.sourceFile || event.documentURI}:${event.lineNumber}`),
  true);"""


class PageGuard:
    """Records what a page did wrong: console errors, page errors, policy violations, failed and
    off-site requests."""

    def __init__(self, page, allowed_prefixes: tuple[str, ...]):
        self.problems: list[str] = []
        self.allowed = allowed_prefixes + ("data:", "blob:", "about:")
        page.on("console", lambda msg: msg.type == "error" and
                self.problems.append(f"console error: {msg.text} ({msg.location.get('url')})"))
        page.on("pageerror", lambda exc: self.problems.append(f"page error: {exc}"))
        # ERR_ABORTED is the browser dropping a page's pending requests when the test moves on.
        page.on("requestfailed", lambda req: req.failure != "net::ERR_ABORTED" and
                self.problems.append(f"request failed: {req.url} ({req.failure})"))
        page.on("request", self._on_request)

    def _on_request(self, request) -> None:
        if not request.url.startswith(self.allowed):
            self.problems.append(f"request to another host: {request.url}")


def _open_page(browser, base_url: str, javascript_enabled: bool = True, color_scheme: str = "light",
               **options):
    """A page in a context of its own, with its guard; returns (context, page)."""
    context = browser.new_context(java_script_enabled=javascript_enabled,
                                  color_scheme=color_scheme, **options)
    page = context.new_page()
    page.guard = PageGuard(page, (base_url, "file://"))
    context.expose_binding("__rbPolicyViolation", lambda source, text:
                           page.guard.problems.append(f"policy violation: {text}"))
    context.add_init_script(CSP_LISTENER)  # runs in every document the page then opens
    return context, page


def _problems(pages) -> list[str]:
    return [f"{p.url}: {problem}" for p in pages for problem in p.guard.problems]


@pytest.fixture
def new_page(browser, base_url):
    """Factory: ``new_page(javascript_enabled=True, **context_options)``, a fresh context each time.

    Requests to other hosts fail (CHROMIUM_ARGS) and are reported; at the end of the test any
    recorded problem (console error, page error, policy violation, failed or off-site request)
    fails it.
    """
    opened = []

    def make(**options):
        opened.append(_open_page(browser, base_url, **options))
        return opened[-1][1]

    yield make
    problems = _problems(page for _, page in opened)
    for context, _ in opened:
        context.close()
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="session")
def _kept_pages(browser):
    kept: dict[str, tuple] = {}
    yield kept
    for context, _ in kept.values():
        context.close()


@pytest.fixture
def shared_page(_kept_pages, browser, base_url):
    """Factory like ``new_page``, for tests that open pages, read them, click, type and print (no
    routes, no listeners): one page per set of options stays open for the worker's whole run,
    since opening a page (a renderer process) costs more than loading one. After each test its
    storage is cleared, media emulation (``emulate_media``) goes back to the page's options, it goes
    blank, and its guard starts empty; the guard's problems fail the test as with ``new_page``.
    """
    used = []

    def make(**options):
        key = repr(sorted(options.items()))
        if key not in _kept_pages:
            _kept_pages[key] = _open_page(browser, base_url, **options)
            _track_emulation(_kept_pages[key][1], options.get("color_scheme", "light"))
        used.append(_kept_pages[key][1])
        return used[-1]

    yield make
    problems = _problems(used)
    for page in used:
        page.evaluate("() => { try { localStorage.clear(); sessionStorage.clear(); } catch (e) {} }")
        page.reset_emulation()
        page.goto("about:blank")
        page.guard.problems.clear()
    assert not problems, "\n".join(problems)


def _track_emulation(page, color_scheme: str) -> None:
    """Let a kept page undo a test's ``emulate_media`` (print, a palette) before the next test."""
    emulate, changed = page.emulate_media, []

    def emulate_media(**options):
        changed.append(options)
        emulate(**options)

    def reset_emulation():
        if changed:
            emulate(media="null", color_scheme=color_scheme)
            changed.clear()

    page.emulate_media, page.reset_emulation = emulate_media, reset_emulation


def assert_loaded_cleanly(page, path: str) -> None:
    """What every page has once loaded: one h1, the red-flag bar to the help page, when it was
    reviewed and that it is not a diagnosis. The page guard then fails the test on any console
    error or off-site request, given a moment for late ones to surface."""
    assert page.locator("article h1").count() == 1, f"{path}: expected one h1"
    bar = page.locator(".md-banner a", has_text="warning signs")
    assert bar.count() == 1, f"{path}: red-flag bar missing"
    info = page.locator(".page-info").inner_text()
    assert "Last reviewed" in info and "not a diagnosis" in info, path
    page.wait_for_timeout(100)


@pytest.fixture
def page(new_page):
    return new_page()


def search(page, start_url: str, query: str, timeout: float = 15_000) -> list[str]:
    """Type ``query`` into the real search box on ``start_url``.

    Returns the result pages in order, as paths relative to the site root ("conditions/sciatica.html"),
    without the highlight query or section anchor.
    """
    page.goto(start_url)
    page.locator(".md-search__input").click()
    return search_again(page, query, timeout)


def search_again(page, query: str, timeout: float = 15_000) -> list[str]:
    """Empty the open search box, as a reader would with Ctrl+A and Backspace, and type ``query``."""
    box = page.locator(".md-search__input")
    if box.input_value():
        box.press("Control+a")
        box.press("Backspace")
        page.locator(".md-search-result__item").first.wait_for(state="detached", timeout=timeout)
    box.press_sequentially(query, delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=timeout)
    root = page.url.split("#")[0].split("?")[0].rsplit("/", 1)[0] + "/"
    # Results update as each key is handled: read until two readings 300 ms apart agree.
    read = lambda: page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")
    hrefs, previous = read(), None
    for _ in range(20):
        if hrefs == previous:
            break
        page.wait_for_timeout(300)
        previous, hrefs = hrefs, read()
    pages = []
    for href in hrefs:
        path = href.split("#")[0].split("?")[0]
        path = path[len(root):] if path.startswith(root) else path
        if path not in pages:
            pages.append(path)
    return pages


def pdf_pages(pdf: bytes, tmp_path: Path) -> int:
    """Number of pages in a PDF, counted by poppler's pdfinfo."""
    path = tmp_path / "count.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.fixture
def scratch_project(tmp_path) -> Path:
    """A copy of the project to break on purpose: what the build reads, without the test tools in
    node_modules (about 100 MB, which the build never reads)."""
    dest = tmp_path / "project"
    shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(
        ".venv", ".git", "site", "__pycache__", ".pytest_cache", "build", "node_modules"))
    return dest
