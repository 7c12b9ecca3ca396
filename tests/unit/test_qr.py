"""QR codes of page addresses (runnersback/render/qr.py, segno): codes of every size read back with a
real decoder, and the SVG draws exactly the code's dark modules. The printed pages' codes are decoded
in tests/browser/test_print.py."""

from __future__ import annotations

import random
import re
import string
import subprocess

from runnersback.render import qr

# Lengths either side of each version's capacity at level M (versions 1 to 10), and the longest.
LENGTHS = [1, 2, 13, 14, 15, 25, 26, 27, 41, 42, 43, 61, 62, 63, 83, 84, 85, 105, 106, 107,
           121, 122, 123, 151, 152, 153, 177, 178, 179, 212, 213]


def _text(length: int) -> str:
    rng = random.Random(length)
    return "".join(rng.choice(string.ascii_letters + string.digits + "/:.-_#?=&%")
                   for _ in range(length))


def _pbm(rows: list[list[int]], scale: int = 4, border: int = 4) -> bytes:
    """A plain bitmap of the code with the standard four-module quiet zone, for zbarimg."""
    n = len(rows)
    lines = []
    for r in range(-border, n + border):
        line = "".join(("1" if 0 <= r < n and 0 <= c < n and rows[r][c] else "0") * scale
                       for c in range(-border, n + border))
        lines += [line] * scale
    side = (n + 2 * border) * scale
    return f"P1\n{side} {side}\n".encode() + "\n".join(lines).encode() + b"\n"


def test_codes_of_every_version_decode_to_their_text(tmp_path):
    texts = {length: _text(length) for length in LENGTHS}
    texts[0] = "https://runners-back.github.io/runners-back/conditions/herniated-disc.html"
    images = []
    for length, text in texts.items():
        image = tmp_path / f"{length}.pbm"
        image.write_bytes(_pbm(qr.matrix(text)))
        images.append((image, text))
    sizes = {len(qr.matrix(text)) for text in texts.values()}
    assert sizes == {17 + 4 * version for version in range(1, 11)}  # every version is exercised
    for image, text in images:
        result = subprocess.run(["zbarimg", "--quiet", "--raw", str(image)],
                                capture_output=True, text=True)
        assert result.stdout.rstrip("\n") == text, (len(text), result.stderr)


def test_svg_path_draws_exactly_the_dark_modules():
    text = "https://runners-back.github.io/runners-back/causes.html"
    svg = qr.svg(text, css_class="page-qr")
    rows = qr.matrix(text)
    size = len(rows)
    assert f'viewBox="0 0 {size + 2 * qr.BORDER} {size + 2 * qr.BORDER}"' in svg
    drawn = [[0] * size for _ in range(size)]
    x = y = 0.0
    for move, dx, dy, width in re.findall(r"([Mm])(-?[\d.]+) (-?[\d.]+)h(\d+)", svg):
        x, y = (float(dx), float(dy)) if move == "M" else (x + float(dx), y + float(dy))
        row = int(y - 0.5) - qr.BORDER
        for column in range(int(x) - qr.BORDER, int(x) - qr.BORDER + int(width)):
            drawn[row][column] = 1
        x += int(width)
    assert drawn == rows


def test_svg_escapes_its_title_and_class():
    svg = qr.svg("https://example.org/?a=1&b=<2>", css_class='x"y')
    assert "<title>QR code for https://example.org/?a=1&amp;b=&lt;2&gt;</title>" in svg
    assert """class='x"y'""" in svg  # segno quotes with ' where the value holds "
