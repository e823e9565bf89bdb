"""Builds the CJK fallback fonts crmdesk ships (crmdesk/resources/fonts/), so that Korean,
Japanese and Chinese names print on every machine, with or without a system CJK font:

- CJKHanKana.ttf: Droid Sans Fallback (Apache-2.0, Debian's fonts-droid-fallback) cut to
  the kana, the CJK punctuation and full-width forms, and the Han characters of GB 2312,
  JIS X 0208, Big5 and KS X 1001 (hanja): the characters of names in China, Japan,
  Taiwan/Hong Kong and Korea.
- CJKHangul.ttf: NanumGothic (OFL-1.1, Debian's fonts-nanum) cut to the 11,172 Hangul
  syllables and the jamo. Droid has no Hangul. "Nanum" is a Reserved Font Name of its
  licence, so the cut font is renamed ("crmdesk Hangul").

Both keep TrueType outlines (ReportLab embeds TrueType only, as a subset of the glyphs a
PDF uses). Run once when the sources change, with fontTools installed:

    apt-get install fonts-droid-fallback fonts-nanum
    .venv/bin/pip install fonttools && .venv/bin/python packaging/make_cjk_fonts.py
"""

from __future__ import annotations

from pathlib import Path

from fontTools import subset  # type: ignore[import-untyped]
from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

DROID = Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")
NANUM = Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf")
OUT = Path(__file__).resolve().parents[1] / "crmdesk" / "resources" / "fonts"
# ASCII and the no-break space (a run keeps the spaces inside it: "민준 김"), CJK punctuation,
# full-width forms.
COMMON = [(0x20, 0x7F), (0xA0, 0xA1), (0x3000, 0x3040), (0xFF00, 0xFFF0)]
KANA = [(0x3040, 0x3100), (0x31F0, 0x3200)]
HANGUL = [(0xAC00, 0xD7A4), (0x1100, 0x1200), (0x3130, 0x3190)]


def _encodable(ch: str, codec: str) -> bool:
    try:
        ch.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def _han() -> set[int]:
    return {c for c in range(0x4E00, 0xA000)
            if any(_encodable(chr(c), codec) for codec in ("gb2312", "shift_jis", "big5",
                                                          "euc_kr"))}


def _cut(source: Path, codepoints: set[int], target: Path, family: str = "") -> None:
    font = TTFont(source)
    cmap = font.getBestCmap()
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.notdef_outline = True
    options.name_IDs = ["*"]
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "TSI0", "TSI1", "TSI2", "TSI3", "TSI5"]
    cutter = subset.Subsetter(options)
    cutter.populate(unicodes=sorted(c for c in codepoints if c in cmap))
    cutter.subset(font)
    if family:  # a Modified Version of an OFL font may not use its Reserved Font Name
        names = font["name"]
        for record in list(names.names):
            if record.nameID in (1, 3, 4, 6, 16, 17, 18):
                names.removeNames(nameID=record.nameID)
        names.setName(family, 1, 3, 1, 0x409)
        names.setName("Regular", 2, 3, 1, 0x409)
        names.setName(f"{family} Regular (from NanumGothic)", 3, 3, 1, 0x409)
        names.setName(family, 4, 3, 1, 0x409)
        names.setName(family.replace(" ", ""), 6, 3, 1, 0x409)
    font.save(target)
    print(f"{target.name}: {len(font.getBestCmap()):,} characters, "
          f"{target.stat().st_size / 1e6:.2f} MB")


def main() -> None:
    ranges = {c for lo, hi in COMMON + KANA for c in range(lo, hi)}
    _cut(DROID, _han() | ranges, OUT / "CJKHanKana.ttf")
    _cut(NANUM, {c for lo, hi in HANGUL + COMMON for c in range(lo, hi)},
         OUT / "CJKHangul.ttf", family="crmdesk Hangul")


if __name__ == "__main__":
    main()
