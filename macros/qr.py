"""QR codes for page addresses, as inline SVG, made at build time.

Every printed page carries a code for its web address. A general encoder (segno) spent about 4 ms on
each, most of it on work that is the same for every address of a given length: where each bit goes,
and the mask over it. This one does only what the site needs, and keeps that layout per version:

- byte mode, error correction level M (about 15% of the code can be lost), versions 1 to 10
  (addresses of up to 213 bytes);
- a fixed mask (pattern 2: every third column). Any of the eight masks decodes; choosing the
  "best" one per code only tunes how evenly dark and light modules spread.

tests/unit/test_qr.py reads codes of every length back with a real decoder (zbarimg) and checks the
fixed patterns against segno; the print tests decode the codes on printed pages.
Reference: ISO/IEC 18004:2015; the layout steps follow Project Nayuki's QR Code generator (MIT).
"""

from __future__ import annotations

import functools
import html
import re

# Level M, per version: error-correction codewords per block, and the blocks as
# (number of blocks, data codewords in each).
_LEVEL_M = {
    1: (10, ((1, 16),)),
    2: (16, ((1, 28),)),
    3: (26, ((1, 44),)),
    4: (18, ((2, 32),)),
    5: (24, ((2, 43),)),
    6: (16, ((4, 27),)),
    7: (18, ((4, 31),)),
    8: (22, ((2, 38), (2, 39))),
    9: (22, ((3, 36), (2, 37))),
    10: (26, ((4, 43), (1, 44))),
}
_ALIGNMENT_CENTRES = {
    1: (), 2: (6, 18), 3: (6, 22), 4: (6, 26), 5: (6, 30), 6: (6, 34),
    7: (6, 22, 38), 8: (6, 24, 42), 9: (6, 26, 46), 10: (6, 28, 50),
}
_MASK = 2  # the pattern number written into the format information; _mask_flips is that pattern
_FORMAT_LEVEL_M = 0b00
BORDER = 2  # quiet zone, in modules; CSS gives the printed code its size
_DARK_RUN = re.compile(rb"\x01+")


def _mask_flips(x: int) -> bool:
    """Mask pattern 2: dark and light swap in every third column."""
    return x % 3 == 0


def _gf_tables() -> tuple[list[int], list[int]]:
    """Exponent and logarithm tables of GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1."""
    exp, log = [0] * 512, [0] * 256
    value = 1
    for power in range(255):
        exp[power] = value
        log[value] = power
        value <<= 1
        if value & 0x100:
            value ^= 0x11D
    for power in range(255, 512):
        exp[power] = exp[power - 255]
    return exp, log


_EXP, _LOG = _gf_tables()


@functools.lru_cache(maxsize=None)
def _generator(degree: int) -> tuple[int, ...]:
    """Coefficients (highest power first, leading 1 dropped) of (x - a^0)(x - a^1)...(x - a^(d-1))."""
    poly = [1]
    for root in range(degree):
        poly = [a ^ (_EXP[_LOG[b] + root] if b else 0) for a, b in zip(poly + [0], [0] + poly)]
    return tuple(poly[1:])


def _error_correction(data: list[int], degree: int) -> list[int]:
    """Reed-Solomon remainder of ``data`` (the block's error-correction codewords)."""
    generator = [_LOG[g] for g in _generator(degree)]
    remainder = [0] * degree
    for byte in data:
        factor = byte ^ remainder[0]
        if factor:
            log_factor = _LOG[factor]
            remainder = [r ^ _EXP[g + log_factor] for r, g in zip(remainder[1:] + [0], generator)]
        else:
            remainder = remainder[1:] + [0]
    return remainder


def _bch(value: int, generator: int, degree: int) -> int:
    """``value`` followed by its BCH check bits (format and version information)."""
    remainder = value
    for _ in range(degree):
        remainder = (remainder << 1) ^ ((remainder >> (degree - 1)) * generator)
    return value << degree | remainder


class _Layout:
    """The fixed part of one version's symbol: function patterns, and the module order data fills."""

    def __init__(self, version: int):
        self.size = size = 17 + 4 * version
        self.modules = [[False] * size for _ in range(size)]  # [row][column]
        self.function = [[False] * size for _ in range(size)]
        for i in range(size):  # timing patterns
            self._set(i, 6, i % 2 == 0)
            self._set(6, i, i % 2 == 0)
        for cx, cy in ((3, 3), (size - 4, 3), (3, size - 4)):  # finder patterns with separators
            for dy in range(-4, 5):
                for dx in range(-4, 5):
                    if 0 <= cx + dx < size and 0 <= cy + dy < size:
                        self._set(cx + dx, cy + dy, max(abs(dx), abs(dy)) not in (2, 4))
        centres = _ALIGNMENT_CENTRES[version]
        last = len(centres) - 1
        for i, cx in enumerate(centres):
            for j, cy in enumerate(centres):
                if (i, j) in ((0, 0), (0, last), (last, 0)):
                    continue  # those corners hold finder patterns
                for dy in range(-2, 3):
                    for dx in range(-2, 3):
                        self._set(cx + dx, cy + dy, max(abs(dx), abs(dy)) != 1)
        self._draw_format()
        if version >= 7:
            bits = _bch(version, 0x1F25, 12)
            for i in range(18):
                a, b = size - 11 + i % 3, i // 3
                self._set(a, b, bits >> i & 1 == 1)
                self._set(b, a, bits >> i & 1 == 1)
        # Data modules in placement order: two-column strips from the right, zigzagging up and
        # down, stepping over the vertical timing pattern. Kept as positions in the flat symbol.
        self.order: list[int] = []
        right = size - 1
        while right >= 1:
            if right == 6:
                right = 5
            upward = (right + 1) & 2 == 0
            for vert in range(size):
                y = size - 1 - vert if upward else vert
                for x in (right, right - 1):
                    if not self.function[y][x]:
                        self.order.append(y * size + x)
            right -= 2
        # The symbol with every data bit 0: the function patterns, and the mask on the data
        # modules. A data bit 1 flips its module.
        self.blank = bytearray(size * size)
        for y in range(size):
            for x in range(size):
                self.blank[y * size + x] = (self.modules[y][x] if self.function[y][x]
                                            else _mask_flips(x))

    def _set(self, x: int, y: int, dark: bool) -> None:
        self.modules[y][x] = dark
        self.function[y][x] = True

    def _draw_format(self) -> None:
        size = self.size
        bits = _bch(_FORMAT_LEVEL_M << 3 | _MASK, 0x537, 10) ^ 0x5412
        bit = [bits >> i & 1 == 1 for i in range(15)]
        for i in range(6):
            self._set(8, i, bit[i])
        self._set(8, 7, bit[6])
        self._set(8, 8, bit[7])
        self._set(7, 8, bit[8])
        for i in range(9, 15):
            self._set(14 - i, 8, bit[i])
        for i in range(8):
            self._set(size - 1 - i, 8, bit[i])
        for i in range(8, 15):
            self._set(8, size - 15 + i, bit[i])
        self._set(8, size - 8, True)  # the dark module


@functools.lru_cache(maxsize=None)
def _layout(version: int) -> _Layout:
    return _Layout(version)


def _data_codewords(version: int) -> int:
    return sum(count * words for count, words in _LEVEL_M[version][1])


def _count_bits(version: int) -> int:
    """Length of the character count in byte mode."""
    return 8 if version < 10 else 16


def _codewords(data: bytes, version: int) -> list[int]:
    """The data (byte mode, padded) and its error correction, interleaved block by block."""
    ec_per_block, groups = _LEVEL_M[version]
    capacity = _data_codewords(version)
    count_bits = _count_bits(version)
    # The bit stream as one integer: mode (byte), character count, the bytes; then the terminator
    # (up to four 0 bits), 0 bits to a whole codeword, and the two pad codewords in turn.
    data_bits = 8 * len(data)
    stream = (0b0100 << count_bits | len(data)) << data_bits | int.from_bytes(data, "big")
    length = 4 + count_bits + data_bits
    padded = min(length + 4, capacity * 8)
    padded += -padded % 8
    words = list((stream << (padded - length)).to_bytes(padded // 8, "big"))
    missing = capacity - len(words)
    words += ([0xEC, 0x11] * missing)[:missing]
    blocks, start = [], 0
    for count, size in groups:
        for _ in range(count):
            blocks.append(words[start:start + size])
            start += size
    ec_blocks = [_error_correction(block, ec_per_block) for block in blocks]
    longest = max(len(block) for block in blocks)
    result = [block[i] for i in range(longest) for block in blocks if i < len(block)]
    result += [block[i] for i in range(ec_per_block) for block in ec_blocks]
    return result


def matrix(text: str) -> list[bytearray]:
    """The QR code for ``text`` as rows of modules (1 is dark), without the quiet zone."""
    data = text.encode("utf-8")
    for version in _LEVEL_M:
        if 4 + _count_bits(version) + 8 * len(data) <= 8 * _data_codewords(version):
            break
    else:
        raise ValueError(f"address too long for a QR code here ({len(data)} bytes, at most 213): "
                         f"{text}")
    layout = _layout(version)
    words = _codewords(data, version)
    bits = format(int.from_bytes(bytes(words), "big"), f"0{8 * len(words)}b")
    symbol = bytearray(layout.blank)
    for position, bit in zip(layout.order, bits):  # remainder bits past the codewords stay 0
        if bit == "1":
            symbol[position] ^= 1
    size = layout.size
    return [symbol[row:row + size] for row in range(0, size * size, size)]


def svg(text: str, *, css_class: str) -> str:
    """An inline SVG of the code for ``text``: one path of horizontal strokes, one per run of dark
    modules, in user units (CSS sets the size). ``text`` is also its title."""
    rows = matrix(text)
    size = len(rows) + 2 * BORDER
    moves = []
    last_x, last_y = 0, 0.0
    for r, row in enumerate(rows):
        y = r + BORDER + 0.5  # a stroke one unit wide, centred on the module row
        for run in _DARK_RUN.finditer(row):
            x1, x2 = run.start() + BORDER, run.end() + BORDER
            dy = y - last_y
            moves.append(f"{'m' if moves else 'M'}{x1 - last_x} {int(dy) if dy == int(dy) else dy}"
                         f"h{x2 - x1}")
            last_x, last_y = x2, y
    title = html.escape(f"QR code for {text}", quote=False)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" '
            f'class="{html.escape(css_class)}"><title>{title}</title>'
            f'<path class="qrline" stroke="#000" d="{"".join(moves)}"/></svg>')
