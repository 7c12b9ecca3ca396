"""Non-text contrast (WCAG 1.4.11) in both palettes, measured on what the browser draws: the logo
against the header behind it, and the lighter (far) limbs of the exercise pictures against the page.
axe checks text only."""

from __future__ import annotations

import pytest

CONTRAST = r"""
const lum = ([r, g, b]) => { const f = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
const rgba = s => { const m = s.match(/[\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
const over = (top, under) => top.slice(0, 3).map((c, i) => c * top[3] + under[i] * (1 - top[3]));
// The colour behind an element: its ancestors' backgrounds laid over each other, the page's last.
const background = el => {
  const layers = [];
  for (let e = el; e; e = e.parentElement) {
    const c = rgba(getComputedStyle(e).backgroundColor);
    if (c[3] > 0) layers.push(c);
    if (c[3] === 1) break;
  }
  let colour = [255, 255, 255];
  for (const c of layers.reverse()) colour = over(c, colour);
  return colour;
};
"""

# The logo as drawn: the <img> painted on a canvas; its figure is the colour of its most opaque
# pixels, laid over the header's background.
LOGO = CONTRAST + r"""
async () => {
  const img = document.querySelector(".md-header .md-logo img");
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 96;
  const ctx = canvas.getContext("2d");
  ctx.drawImage(img, 0, 0, 96, 96);
  const data = ctx.getImageData(0, 0, 96, 96).data;
  let best = null;
  for (let i = 0; i < data.length; i += 4)
    if (!best || data[i + 3] > best[3]) best = [data[i], data[i + 1], data[i + 2], data[i + 3]];
  const behind = background(img.parentElement);
  const figure = over([best[0], best[1], best[2], best[3] / 255], behind);
  return {ratio: ratio(figure, behind), figure: figure.map(Math.round), behind: behind.map(Math.round)};
}"""

# The far arm and leg of each exercise picture: the picture's colour at the path's stroke opacity.
FAR_LIMBS = CONTRAST + r"""
() => {
  const out = [];
  for (const svg of document.querySelectorAll(".exercise-figure")) {
    const colour = rgba(getComputedStyle(svg).color);
    const behind = background(svg);
    for (const path of svg.querySelectorAll("path[stroke-opacity]")) {
      const alpha = colour[3] * Number(path.getAttribute("stroke-opacity"));
      out.push(ratio(over([colour[0], colour[1], colour[2], alpha], behind), behind));
    }
  }
  return out;
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_logo_stands_out_from_the_header(shared_page, base_url, scheme):
    page = shared_page(color_scheme=scheme, viewport={"width": 1280, "height": 800})
    page.goto(base_url + "index.html", wait_until="load")
    found = page.evaluate(LOGO)
    assert found["ratio"] >= 3, (f"{scheme}: logo {found['figure']} on header {found['behind']}: "
                                 f"{found['ratio']:.2f}:1, under 3:1")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_exercise_pictures_far_limbs_stand_out(shared_page, base_url, scheme):
    page = shared_page(color_scheme=scheme, viewport={"width": 1280, "height": 800})
    page.goto(base_url + "stretching.html", wait_until="load")
    ratios = page.evaluate(FAR_LIMBS)
    assert len(ratios) >= 3, "no exercise picture with a far limb found"
    assert min(ratios) >= 3, f"{scheme}: far limbs at {min(ratios):.2f}:1, under 3:1"
