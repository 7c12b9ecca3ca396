"""Layout a keyboard or zoom user meets, which axe cannot see (it checks markup, not layout).

- Reflow (WCAG 1.4.10): at 320 CSS px (a 1280 px window at 400%) and at 280 px, no line of text runs
  past the right edge of the page; only a box that scrolls sideways on its own (a data table) may
  hold wider text. Each line is hit-tested (elementFromPoint), so text the reader cannot see (the
  closed menu drawer, off to the left) does not count.
- Focus not obscured (2.4.11): walking every control of a page with Tab on a phone, with the warning
  banner showing, no focused control is covered by the sticky header or anything else.
- Target size (2.5.8): every link, button and form control is at least 24 by 24 CSS px, or has no
  other target within a 24 px circle around its centre (the spacing exception), or is a link inside
  a sentence (the inline exception).
"""

from __future__ import annotations

import pytest

from conftest import source_pages

# Every line box of text on the page, in one evaluate. A line past the right edge fails unless an
# ancestor scrolls sideways (overflow-x auto/scroll) and that box fits inside the page. Blocks left
# unpainted off screen (content-visibility: auto, site.css) are laid out first, through the CSSOM.
OVERFLOWING_TEXT = r"""() => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync("* { content-visibility: visible !important; }");
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  const width = document.documentElement.clientWidth;
  const scrolls = el => { const s = getComputedStyle(el).overflowX; return s === "auto" || s === "scroll"; };
  const found = [], seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!node.data.trim() || !parent || !parent.checkVisibility({visibilityProperty: true})) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) {
      if (rect.width < 1 || rect.height < 1 || rect.right <= width + 0.5) continue;
      let box = parent, inScroller = false;
      for (; box && box !== document.body; box = box.parentElement) {
        if (scrolls(box) && box.getBoundingClientRect().right <= width + 0.5) { inScroller = true; break; }
      }
      if (inScroller) continue;
      // Hit-test a point of the line that is on screen: what the reader can see there.
      const top = rect.top + window.scrollY;
      window.scrollTo(0, Math.max(0, top - innerHeight / 2));
      const r = [...range.getClientRects()].find(q => Math.abs(q.top + window.scrollY - top) < 1) || rect;
      const x = Math.min(Math.max(r.left + 2, 1), width - 2), y = r.top + r.height / 2;
      if (r.right < 1 || y < 0 || y > innerHeight) continue;
      const hit = document.elementFromPoint(x, y);
      if (!hit || !(parent.contains(hit) || (hit.contains(parent) && hit !== document.body
                                               && hit !== document.documentElement))) continue;
      const text = node.data.trim().replace(/\s+/g, " ").slice(0, 60);
      const key = text + "|" + Math.round(r.right - width);
      if (seen.has(key)) continue;
      seen.add(key);
      found.push(`"${text}" ends ${Math.round(rect.right - width)} px past the edge`);
    }
  }
  window.scrollTo(0, 0);
  return found;
}"""


@pytest.mark.parametrize("width", [320, 280])
@pytest.mark.parametrize("path", source_pages())
def test_text_stays_inside_narrow_screens(shared_page, base_url, path, width):
    page = shared_page(viewport={"width": width, "height": 640})
    page.goto(base_url + path, wait_until="load")
    overflowing = page.evaluate(OVERFLOWING_TEXT)
    assert not overflowing, f"{path} at {width} px: text runs past the right edge:\n" + "\n".join(overflowing[:15])


# The focused element after each Tab: where it is, and what the reader sees at its centre (at the
# centre of each of its line boxes, for a link that wraps onto a second line; of its part on screen,
# for a region taller than the screen).
FOCUSED = r"""() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const rect = el.getBoundingClientRect();
  const name = (el.tagName.toLowerCase() + " " + (el.getAttribute("aria-label") || el.textContent || el.id || "")
                .trim().replace(/\s+/g, " ")).slice(0, 70);
  if (rect.width < 1 || rect.height < 1 || !el.checkVisibility({visibilityProperty: true}))
    return {name, hidden: true};
  const mine = hit => hit && (hit === el || el.contains(hit) || (hit.tagName === "LABEL" && hit.control === el));
  let onScreen = false, by = "";
  for (const r of el.getClientRects()) {
    // The centre of the part on screen (a tall region's top half may be all that shows).
    const top = Math.max(r.top, 0), bottom = Math.min(r.bottom, innerHeight);
    const x = r.left + r.width / 2, y = (top + bottom) / 2;
    if (r.width < 1 || bottom - top < 1 || x < 0 || x >= innerWidth) continue;
    onScreen = true;
    const hit = document.elementFromPoint(x, y);
    if (mine(hit)) return {name, covered: false};
    by = hit ? hit.tagName.toLowerCase() + "." + hit.className : "nothing";
  }
  return {name, covered: true, onScreen, by, top: Math.round(rect.top)};
}"""

# Home, the flowchart, a condition page, the sheet builder and the return-to-running plan: the
# kinds of page with the most controls. Phone width, the warning banner at the top of the page.
FOCUS_PAGES = ["index.html", "flowchart.html", "conditions/sciatica.html", "handouts/sheet-builder.html",
               "return-to-running.html"]


@pytest.mark.parametrize("path", FOCUS_PAGES)
def test_focus_is_never_hidden_under_the_header(shared_page, base_url, path):
    page = shared_page(viewport={"width": 360, "height": 640})
    page.goto(base_url + path, wait_until="load")
    assert page.locator(".md-banner").is_visible(), "the warning banner should show"
    problems, seen, visited = [], [], 0
    for _ in range(400):
        page.keyboard.press("Tab")
        page.wait_for_timeout(30)  # let smooth scrolling and focus handlers settle
        state = page.evaluate(FOCUSED)
        if state is None:
            break
        key = (state["name"], state.get("top"), state.get("hidden"))
        if seen and key == seen[0]:
            break
        seen.append(key)
        if state.get("hidden"):
            continue
        visited += 1
        if state["covered"]:  # a transition may still be running (the search overlay closing)
            page.wait_for_timeout(400)
            state = page.evaluate(FOCUSED)
        if state["covered"]:
            where = "off screen" if not state["onScreen"] else f"under {state['by']}"
            problems.append(f"{state['name']!r} at y={state['top']}: {where}")
    assert visited > 10, f"{path}: only {visited} controls reached by Tab"
    assert not problems, f"{path}: focused controls hidden:\n" + "\n".join(problems[:20])


# Every target a finger can hit (links, buttons, form controls, labels of hidden inputs): its size,
# and whether the 2.5.8 exceptions apply. Spacing: a 24 px circle on an undersized target's centre
# meets no other target and no other undersized target's circle. Inline: a link inside a sentence
# (its block has text outside it).
TARGETS = r"""() => {
  const sel = "a[href], button, input:not([type=hidden]), select, textarea, summary, label[for], [tabindex]:not([tabindex='-1'])";
  const all = [...document.querySelectorAll(sel)].filter(el => {
    if (el.closest(".md-sidebar--primary, .md-search, [hidden]")) return false;  // drawer and search: closed
    const r = el.getBoundingClientRect();
    return r.width >= 1 && r.height >= 1 && el.checkVisibility({visibilityProperty: true, opacityProperty: true});
  });
  const boxes = all.map(el => ({el, r: el.getBoundingClientRect()}));
  const inline = el => {
    if (getComputedStyle(el).display !== "inline") return false;
    const block = el.parentElement.closest("p, li, dd, td, th, small, figcaption, label, span.cite, dt");
    if (!block) return false;
    const text = [...block.childNodes].filter(n => !(n.nodeType === 1 && (n === el || n.contains(el))))
      .map(n => n.textContent).join("");
    return text.replace(/[\s\[\];,.()]/g, "").length > 0;
  };
  const small = boxes.filter(b => (b.r.width < 23.5 || b.r.height < 23.5) && !inline(b.el));
  const centre = r => [r.left + r.width / 2, r.top + r.height / 2];
  const distToRect = ([x, y], r) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
  const bad = [];
  for (const b of small) {
    const c = centre(b.r);
    const clash = boxes.find(o => o !== b && !o.el.contains(b.el) && !b.el.contains(o.el) && (
      distToRect(c, o.r) < 12 || (small.includes(o) && Math.hypot(c[0] - centre(o.r)[0], c[1] - centre(o.r)[1]) < 24)));
    if (clash) bad.push(`${b.el.tagName.toLowerCase()} "${(b.el.textContent || b.el.getAttribute("aria-label") || "").trim().slice(0, 40)}" `
      + `${Math.round(b.r.width)}x${Math.round(b.r.height)} px, too close to "${(clash.el.textContent || "").trim().slice(0, 30)}"`);
  }
  return {count: boxes.length, undersized: small.length, bad};
}"""


@pytest.mark.parametrize("path", source_pages())
def test_tap_targets_are_big_enough_or_spaced(shared_page, base_url, path):
    page = shared_page(viewport={"width": 360, "height": 640})
    page.goto(base_url + path, wait_until="load")
    page.evaluate("""() => { const sheet = new CSSStyleSheet();
        sheet.replaceSync("* { content-visibility: visible !important; }");
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }""")
    found = page.evaluate(TARGETS)
    assert found["count"] > 10, f"{path}: only {found['count']} targets found"
    assert not found["bad"], (f"{path}: {len(found['bad'])} of {found['count']} targets under 24 by 24 px "
                              "and too close to another:\n" + "\n".join(found["bad"][:20]))
