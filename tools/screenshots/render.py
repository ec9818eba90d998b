"""Draws a `tmux capture-pane -e` capture (text with SGR escape sequences) as a PNG, in
DejaVu Sans Mono on the Tango palette. Used by capture.sh for the README's screenshots.

usage: render.py CAPTURE.ans OUT.png COLS ROWS
"""
import re
import sys
import unicodedata

from PIL import Image, ImageDraw, ImageFont

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
SIZE = 15
REGULAR = ImageFont.truetype(FONT_DIR + "DejaVuSansMono.ttf", SIZE)
BOLD = ImageFont.truetype(FONT_DIR + "DejaVuSansMono-Bold.ttf", SIZE)
ITALIC = ImageFont.truetype(FONT_DIR + "DejaVuSansMono-Oblique.ttf", SIZE)
BOLD_ITALIC = ImageFont.truetype(FONT_DIR + "DejaVuSansMono-BoldOblique.ttf", SIZE)

DEFAULT_FG = (0xD4, 0xD4, 0xD4)
DEFAULT_BG = (0x1C, 0x1C, 0x1C)
# The Tango palette (GNOME Terminal's long-time default), one of those the themes were measured on.
BASE16 = [
    (0x2E, 0x34, 0x36), (0xCC, 0x00, 0x00), (0x4E, 0x9A, 0x06), (0xC4, 0xA0, 0x00),
    (0x34, 0x65, 0xA4), (0x75, 0x50, 0x7B), (0x06, 0x98, 0x9A), (0xD3, 0xD7, 0xCF),
    (0x55, 0x57, 0x53), (0xEF, 0x29, 0x29), (0x8A, 0xE2, 0x34), (0xFC, 0xE9, 0x4F),
    (0x72, 0x9F, 0xCF), (0xAD, 0x7F, 0xA8), (0x34, 0xE2, 0xE2), (0xEE, 0xEE, 0xEC),
]


def xterm256(n):
    if n < 16:
        return BASE16[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[n // 36], steps[(n // 6) % 6], steps[n % 6])
    level = 8 + (n - 232) * 10
    return (level, level, level)


class Style:
    def __init__(self):
        self.reset()

    def reset(self):
        self.fg = None
        self.bg = None
        self.bold = self.dim = self.italic = self.underline = self.reverse = False

    def copy(self):
        other = Style()
        other.__dict__.update(self.__dict__)
        return other

    def apply(self, params):
        codes = [int(p) if p else 0 for p in params.split(";")] if params else [0]
        i = 0
        while i < len(codes):
            c = codes[i]
            if c == 0:
                self.reset()
            elif c == 1:
                self.bold = True
            elif c == 2:
                self.dim = True
            elif c == 3:
                self.italic = True
            elif c == 4:
                self.underline = True
            elif c == 7:
                self.reverse = True
            elif c == 22:
                self.bold = self.dim = False
            elif c == 23:
                self.italic = False
            elif c == 24:
                self.underline = False
            elif c == 27:
                self.reverse = False
            elif 30 <= c <= 37:
                self.fg = BASE16[c - 30]
            elif 90 <= c <= 97:
                self.fg = BASE16[c - 90 + 8]
            elif 40 <= c <= 47:
                self.bg = BASE16[c - 40]
            elif 100 <= c <= 107:
                self.bg = BASE16[c - 100 + 8]
            elif c == 39:
                self.fg = None
            elif c == 49:
                self.bg = None
            elif c in (38, 48) and i + 1 < len(codes):
                if codes[i + 1] == 5 and i + 2 < len(codes):
                    colour = xterm256(codes[i + 2])
                    i += 2
                elif codes[i + 1] == 2 and i + 4 < len(codes):
                    colour = tuple(codes[i + 2:i + 5])
                    i += 4
                else:
                    colour = None
                if c == 38:
                    self.fg = colour
                else:
                    self.bg = colour
            i += 1

    def colours(self):
        fg = self.fg or DEFAULT_FG
        bg = self.bg or DEFAULT_BG
        if self.reverse:
            fg, bg = bg, fg
        if self.dim:
            fg = tuple((a + b) // 2 for a, b in zip(fg, bg))
        return fg, bg

    def font(self):
        if self.bold and self.italic:
            return BOLD_ITALIC
        if self.bold:
            return BOLD
        if self.italic:
            return ITALIC
        return REGULAR


# Braille cells (the charts' dots) drawn as dots, as terminals do: DejaVu Sans Mono has no
# glyphs for them. Bit -> (column, row) of the 2x4 grid.
BRAILLE_DOTS = [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2), (0, 3), (1, 3)]


def draw_braille(draw, char, left, top, cw, ch, fill):
    bits = ord(char) - 0x2800
    r = max(1, cw // 6)
    for bit, (col, row) in enumerate(BRAILLE_DOTS):
        if bits & (1 << bit):
            cx = left + cw * (1 + 2 * col) // 4
            cy = top + ch * (1 + 2 * row) // 8
            draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=fill)


SGR = re.compile(r"\x1b\[([0-9;]*)m")


def cells(text, cols, rows):
    """The screen as rows of (char, style, width) from the capture."""
    screen = []
    style = Style()
    for line in text.split("\n")[:rows]:
        row = []
        pos = 0
        for m in SGR.finditer(line):
            for ch in line[pos:m.start()]:
                width = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
                row.append((ch, style.copy(), width))
            style.apply(m.group(1))
            pos = m.end()
        for ch in line[pos:]:
            width = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
            row.append((ch, style.copy(), width))
        screen.append(row)
    while len(screen) < rows:
        screen.append([])
    return screen


def render(capture, out, cols, rows):
    text = open(capture, encoding="utf-8").read()
    if text.startswith("-----"):
        text = text.split("\n", 1)[1]
    ascent, descent = REGULAR.getmetrics()
    cw = round(REGULAR.getlength("M"))
    ch = ascent + descent
    pad = 12
    image = Image.new("RGB", (cols * cw + 2 * pad, rows * ch + 2 * pad), DEFAULT_BG)
    draw = ImageDraw.Draw(image)
    for y, row in enumerate(cells(text, cols, rows)):
        x = 0
        for char, style, width in row:
            if x >= cols:
                break
            fg, bg = style.colours()
            left, top = pad + x * cw, pad + y * ch
            draw.rectangle([left, top, left + width * cw - 1, top + ch - 1], fill=bg)
            if 0x2800 <= ord(char) <= 0x28FF:
                draw_braille(draw, char, left, top, cw, ch, fg)
            elif char != " ":
                draw.text((left, top), char, font=style.font(), fill=fg)
            if style.underline:
                draw.line([left, top + ascent + 1, left + width * cw - 1, top + ascent + 1], fill=fg)
            x += width
    image.save(out, optimize=True)


if __name__ == "__main__":
    render(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
