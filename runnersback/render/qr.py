"""QR codes for page addresses, as inline SVG, made at build time by segno (no network).

Byte mode, error correction level M (about 15% of the code can be lost), and a fixed mask (pattern 2):
any of the eight masks decodes, and a fixed one spares segno scoring all eight for every page.
"""

from __future__ import annotations

import segno

BORDER = 2  # quiet zone, in modules; CSS gives the printed code its size


def matrix(text: str) -> list[list[int]]:
    """The QR code for ``text`` as rows of modules (1 is dark), without the quiet zone (for tests)."""
    code = segno.make(text, error="m", mode="byte", mask=2, micro=False, boost_error=False)
    return [[1 if module else 0 for module in row] for row in code.matrix]


def svg(text: str, *, css_class: str) -> str:
    """An inline SVG of the code for ``text``, written by segno: one path of horizontal strokes in
    user units (CSS sets the size); ``text`` is also its title (segno escapes both)."""
    code = segno.make(text, error="m", mode="byte", mask=2, micro=False, boost_error=False)
    return code.svg_inline(border=BORDER, svgclass=css_class, lineclass="qrline", omitsize=True,
                           title=f"QR code for {text}", dark="#000")
