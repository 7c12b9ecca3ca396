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
