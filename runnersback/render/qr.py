"""QR codes for page addresses, as inline SVG, made at build time by segno (no network).

Byte mode, error correction level M (about 15% of the code can be lost), and a fixed mask (pattern 2):
any of the eight masks decodes, and a fixed one spares segno scoring all eight for every page.
"""

from __future__ import annotations

import html

import segno

BORDER = 2  # quiet zone, in modules; CSS gives the printed code its size


def matrix(text: str) -> list[list[int]]:
    """The QR code for ``text`` as rows of modules (1 is dark), without the quiet zone."""
    code = segno.make(text, error="m", mode="byte", mask=2, micro=False, boost_error=False)
    return [[1 if module else 0 for module in row] for row in code.matrix]


def _runs(row: list[int]):
    """(start, end) of each run of dark modules in a row."""
    start = None
    for x, module in enumerate(row + [0]):
        if module and start is None:
            start = x
        elif not module and start is not None:
            yield start, x
            start = None


def svg(text: str, *, css_class: str) -> str:
    """An inline SVG of the code for ``text``: one path of horizontal strokes, one per run of dark
    modules, in user units (CSS sets the size). ``text`` is also its title."""
    rows = matrix(text)
    size = len(rows) + 2 * BORDER
    moves = []
    last_x, last_y = 0, 0.0
    for r, row in enumerate(rows):
        y = r + BORDER + 0.5  # a stroke one unit wide, centred on the module row
        for start, end in _runs(row):
            x1, x2 = start + BORDER, end + BORDER
            dy = y - last_y
            moves.append(f"{'m' if moves else 'M'}{x1 - last_x} {int(dy) if dy == int(dy) else dy}"
                         f"h{x2 - x1}")
            last_x, last_y = x2, y
    title = html.escape(f"QR code for {text}", quote=False)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" '
            f'class="{html.escape(css_class)}"><title>{title}</title>'
            f'<path class="qrline" stroke="#000" d="{"".join(moves)}"/></svg>')
