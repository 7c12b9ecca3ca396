"""Post-build: a Content Security Policy on every page, as a <meta http-equiv> tag (GitHub Pages
cannot send headers), computed from each page's final HTML.

The site loads nothing from other hosts, so the policy allows only the site itself ('self'), plus
each inline <script> and <style> of the page by its SHA-256 hash. A script that the build did not
write (injected into a page, or added later by hand) has no hash and does not run. Browsers ignore
some directives in a <meta> policy (frame-ancestors, report-uri, sandbox); they are left out.

- Styles need no 'unsafe-inline': the pages have no style="" attributes and no inline event
  handlers, and Material's scripts set styles through the CSSOM (element.style), which a policy
  does not restrict. Each page's one inline <style> (its print header) goes by its hash.
- img-src allows data: for the icons that Material's stylesheets draw from data: SVG URLs.
- From disk (file://), search runs in the iframe-worker shim's hidden frame. That frame is an
  about:blank document, which inherits this page's policy, and the shim writes one inline script
  into it. Its text is known at build time (the shim's own functions and the page's search-worker
  address), so it goes in by its hash too (``worker_frame_script``).

Not under ``mkdocs serve`` (the post-build step runs on a built folder): its live-reload script is
inline and differs on every request.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re



class PolicyError(ValueError):
    """The policy cannot be written (a page without <head>, a shim of another version)."""

SHIM = "assets/vendor/iframe-worker/shim.js"  # as linked in mkdocs.yml (extra.polyfills)

POLICY_BASE = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}

_POLICY_META = re.compile(r'\s*<meta http-equiv="Content-Security-Policy" content="[^"]*">')
_HEAD_START = re.compile(r'<head>(\s*<meta charset="[^"]*">)?', re.I)
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.I | re.S)
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>", re.I | re.S)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]*)""", re.I)
_SRC = re.compile(r"""\bsrc\s*=\s*["']?([^"'\s>]*)""", re.I)
# Types of <script> the browser runs; any other (application/json: Material's config) is data.
_RUN_TYPES = {"", "text/javascript", "application/javascript", "module"}


def source_hash(text: str) -> str:
    """The CSP hash source for an inline element's text: 'sha256-<base64>'."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_scripts(html: str) -> list[str]:
    """The text of each inline <script> the browser would run, in page order."""
    found = []
    for attrs, text in _SCRIPT.findall(html):
        kind = _TYPE.search(attrs)
        if _SRC.search(attrs) or (kind and kind.group(1).lower() not in _RUN_TYPES):
            continue
        found.append(text)
    return found


def inline_styles(html: str) -> list[str]:
    return _STYLE.findall(html)


def _function_source(js: str, name: str) -> str:
    """The text of ``function name(...){...}`` in minified ``js``: what Function.toString gives."""
    start = js.find(f"function {name}(")
    if start < 0:
        raise ValueError(f"no function {name}")
    depth = 0
    for i in range(js.index("{", start), len(js)):
        depth += {"{": 1, "}": -1}.get(js[i], 0)
        if depth == 0:
            return js[start:i + 1]
    raise ValueError(f"function {name} does not end")


def worker_frame_script(shim_js: str, worker_url: str) -> str:
    """The inline script that the iframe-worker shim (1.0.4) writes into its frame for
    ``new Worker(worker_url)``: its template's first <script>, with the two functions it embeds
    (``${c}``, ``${d}``) as their source text and the worker's address for the one other value."""
    try:
        template = shim_js[shim_js.index("document.write(`") + len("document.write(`"):]
        first = template[template.index("<script>") + len("<script>"):template.index(r"<\/script>")]
        names = re.findall(r"\$\{(\w+)\}", first)
        functions = {n: _function_source(shim_js, n) for n in names if f"function {n}(" in shim_js}
        values = set(names) - set(functions)
        if len(functions) != 2 or len(values) != 1:
            raise ValueError(f"placeholders {names}")
    except ValueError as error:
        raise PolicyError(f"csp: the iframe-worker shim ({SHIM}) is not as version 1.0.4 writes "
                          f"its frame ({error}); look at macros/postbuild/csp.py again") from error
    return re.sub(r"\$\{(\w+)\}", lambda m: functions.get(m.group(1), worker_url), first)


def search_worker_url(html: str) -> str | None:
    """The search worker's address as Material passes it to new Worker(): config "search"."""
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(config.group(1)).get("search") if config else None


def policy_for(html: str, shim_js: str | None = None) -> str:
    """The page's policy: POLICY_BASE, plus script-src and style-src with the hashes of the page's
    inline scripts and styles (and of the shim's frame script, where the page loads the shim)."""
    scripts = inline_scripts(html)
    worker = search_worker_url(html)
    loads_shim = any(src.endswith(SHIM) for src in re.findall(r'<script src="([^"]*)"', html))
    if shim_js is not None and loads_shim and worker:
        scripts.append(worker_frame_script(shim_js, worker))
    directives = {
        "default-src": POLICY_BASE["default-src"],
        "script-src": ["'self'"] + sorted({source_hash(s) for s in scripts}),
        "style-src": ["'self'"] + sorted({source_hash(s) for s in inline_styles(html)}),
        **POLICY_BASE,
    }
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


def add_policy(html: str, shim_js: str | None = None) -> str:
    """``html`` with its policy as the first element of <head> (after <meta charset>, which must
    come within the first 1024 bytes), so it is in force before any script or style. A policy
    already there is replaced."""
    html = _POLICY_META.sub("", html, count=1)
    head = _HEAD_START.search(html)
    if not head:
        raise PolicyError("csp: a page has no <head>")
    meta = f'\n<meta http-equiv="Content-Security-Policy" content="{policy_for(html, shim_js)}">'
    return html[:head.end()] + meta + html[head.end():]
