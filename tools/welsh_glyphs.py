"""Add Welsh's accented w and y to Atkinson Hyperlegible (run once; the fonts are committed).

Atkinson Hyperlegible (2020) has no ŵ, Ŵ, ŷ, Ŷ, ẁ, ẃ, ẅ, Ẁ, Ẃ, Ẅ, ỳ or Ỳ. Welsh writes ŵ and ŷ
often ("grŵp", "dŵr", "tŷ"); without a glyph, the text engine falls back to w plus a
combining circumflex and sets the mark beside the letter, not over it ("grwp̂"). The font
already has every part: the letters and the combining accents its own â, Â, ý and Ý are
built from. This tool adds each missing letter as a composite of those parts, placed as the
font places the same accent on its other letters, maps it in the character table, and drops
the digital signature the change invalidates. The SIL Open Font License allows modified
versions (this copy reserves no font name); `assets/fonts/README.md` records the change.

Needs fontTools, which the game does not (`pip install fonttools==4.61.1` in a scratch
environment), then: `python tools/welsh_glyphs.py assets/fonts/AtkinsonHyperlegible-*.ttf`.
Running it again on a patched font changes nothing.
"""

from __future__ import annotations

import sys

from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import Glyph, GlyphComponent

#: Each new letter: (code point, glyph name, base, the font's own letter whose accent (glyph
#: and height) it takes, the font's own letter whose accent placement it copies). The offset
#: is the placing letter's, moved by the difference between the two bases' centres and the
#: two accents' centres, so italics keep their lean and y's accent sits over its arms.
NEW = (
    (0x0175, "wcircumflex", "w", "acircumflex", "acircumflex"),
    (0x0174, "Wcircumflex", "W", "Acircumflex", "Acircumflex"),
    (0x0177, "ycircumflex", "y", "acircumflex", "yacute"),
    (0x0176, "Ycircumflex", "Y", "Acircumflex", "Yacute"),
    (0x1E81, "wgrave", "w", "agrave", "agrave"),
    (0x1E80, "Wgrave", "W", "Agrave", "Agrave"),
    (0x1E83, "wacute", "w", "aacute", "aacute"),
    (0x1E82, "Wacute", "W", "Aacute", "Aacute"),
    (0x1E85, "wdieresis", "w", "adieresis", "adieresis"),
    (0x1E84, "Wdieresis", "W", "Adieresis", "Adieresis"),
    (0x1EF3, "ygrave", "y", "agrave", "yacute"),
    (0x1EF2, "Ygrave", "Y", "Agrave", "Yacute"),
)


def _centre(font: TTFont, name: str) -> float:
    glyph = font["glyf"][name]
    glyph.recalcBounds(font["glyf"])
    return (glyph.xMin + glyph.xMax) / 2 if glyph.numberOfContours else 0.0


def _component(name: str, x: int, y: int) -> GlyphComponent:
    part = GlyphComponent()
    part.glyphName, part.x, part.y, part.flags = name, x, y, 0x4  # ROUND_XY_TO_GRID
    return part


def patch(path: str) -> list[str]:
    """Add the missing letters to the font at `path`, in place; returns those added."""
    font = TTFont(path)
    glyf, hmtx = font["glyf"], font["hmtx"]
    order = font.getGlyphOrder()
    added = []
    for code, name, base, accent_from, place_from in NEW:
        if name in glyf or code in font.getBestCmap():
            continue
        accent = glyf[accent_from].components[1]
        place_base, placed = glyf[place_from].components[:2]
        x = placed.x + (_centre(font, base) - _centre(font, place_base.glyphName))
        x += _centre(font, placed.glyphName) - _centre(font, accent.glyphName)
        glyph = Glyph()
        glyph.numberOfContours = -1
        glyph.components = [
            _component(base, 0, 0),
            _component(accent.glyphName, round(x), accent.y),
        ]
        glyph.components[0].flags |= 0x200  # USE_MY_METRICS: the letter's own spacing
        glyf.glyphs[name] = glyph
        order.append(name)
        hmtx[name] = hmtx[base]
        for table in font["cmap"].tables:
            if table.isUnicode():
                table.cmap[code] = name
        if "GDEF" in font and font["GDEF"].table.GlyphClassDef:
            font["GDEF"].table.GlyphClassDef.classDefs[name] = 1  # a base glyph
        added.append(chr(code))
    if added:
        font.setGlyphOrder(order)
        glyf.glyphOrder = order
        if "DSIG" in font:
            del font["DSIG"]  # the signature covered the unmodified font
        font.save(path)
    return added


def main(paths: list[str]) -> int:
    for path in paths:
        print(f"{path}: added {''.join(patch(path)) or 'nothing (already there)'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
