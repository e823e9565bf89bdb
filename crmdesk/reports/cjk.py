"""Text DejaVu has no glyphs for (Korean, Japanese, Chinese) is drawn in a CJK font that
has them, embedded as a subset of the glyphs used (a few KB per PDF), so every reader on
every machine shows the names:

1. the font $CRMDESK_CJK_FONT names, when set;
2. the fonts crmdesk ships (resources/fonts: CJKHanKana.ttf, a 2.3 MB cut of Droid Sans
   Fallback with the Han characters of GB 2312, JIS X 0208, Big5 and KS X 1001 and the kana;
   CJKHangul.ttf, a 1.3 MB cut of NanumGothic with every Hangul syllable), the same PDF on
   every machine;
3. a system CJK TrueType font, for a character the shipped cuts lack;
4. last, ReportLab's built-in CID fonts, which are not embedded: a reader without Adobe's
   Asian fonts shows them as boxes or blanks (pdfium, poppler without the CID packages).
Each run of text gets the first font that has all of its characters."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont

KOREAN, JAPANESE, CHINESE, CHINESE_TRADITIONAL = (
    "HYSMyeongJo-Medium", "HeiseiKakuGo-W5", "STSong-Light", "MSung-Light")
_BY_COUNTRY = {"KR": KOREAN, "JP": JAPANESE, "CN": CHINESE, "TW": CHINESE_TRADITIONAL,
               "HK": CHINESE_TRADITIONAL}


# TrueType fonts with CJK glyphs an operating system usually has: embedded (as a subset of
# the glyphs used, a few KB) when present, so every reader shows the names.
SYSTEM_FONTS = [
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/droid/DroidSansFallback.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/unfonts-core/UnDotum.ttf",
    "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
    "C:/Windows/Fonts/malgun.ttf", "C:/Windows/Fonts/msgothic.ttc",
    "C:/Windows/Fonts/simsun.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
]
EMBEDDED = "CJKFallback"


def shipped_fonts() -> list[str]:
    """The CJK fonts inside the package (packaging/make_cjk_fonts.py builds them)."""
    from crmdesk import paths

    return [str(paths.resource("fonts/CJKHanKana.ttf")), str(paths.resource("fonts/CJKHangul.ttf"))]


@lru_cache(maxsize=1)
def embedded_fonts() -> tuple[str, ...]:
    """The CJK TrueType fonts ReportLab can embed, registered, in the order they are tried:
    $CRMDESK_CJK_FONT, the shipped ones, the system's (none: CID fonts only)."""
    import os

    from reportlab.pdfbase.ttfonts import TTFont

    env = os.environ.get("CRMDESK_CJK_FONT", "")
    names: list[str] = []
    for path in ([env] if env else []) + shipped_fonts() + SYSTEM_FONTS:
        if not path or not os.path.isfile(path):
            continue
        name = f"{EMBEDDED}-{os.path.basename(path)}"  # one name per file, cached as such
        try:
            pdfmetrics.registerFont(TTFont(name, path, subfontIndex=0))
        except Exception:  # noqa: BLE001 - an unusable font file: try the next one
            continue
        names.append(name)
    return tuple(names)


@lru_cache(maxsize=8)
def _register(name: str) -> str:
    pdfmetrics.registerFont(UnicodeCIDFont(name))
    return name


@lru_cache(maxsize=4)
def _covered(font: str) -> frozenset[int]:
    face: Any = getattr(pdfmetrics.getFont(font), "face", None)
    return frozenset(getattr(face, "charToGlyph", {}) or ())


def cid_font(text: str, country: str = "") -> str:
    """The font for a run DejaVu cannot draw: a CJK TrueType font that has all of it
    (embedded_fonts, embedded), else a CID font: Hangul → Korean, kana → Japanese, Han alone → the
    client's country (Japan, Taiwan, Hong Kong, Korea) or simplified Chinese."""
    for system in embedded_fonts():
        if all(ord(ch) in _covered(system) or ch.isspace() for ch in text):
            return system
    if any("\uac00" <= ch <= "\ud7af" or "\u1100" <= ch <= "\u11ff" or
           "\u3130" <= ch <= "\u318f" for ch in text):
        return _register(KOREAN)
    if any("\u3040" <= ch <= "\u30ff" or "\u31f0" <= ch <= "\u31ff" for ch in text):
        return _register(JAPANESE)
    return _register(_BY_COUNTRY.get(country.upper(), CHINESE))


def runs(text: str, font: str, country: str = "") -> Iterator[tuple[str, str]]:
    """(piece, font) runs of `text`: DejaVu where it has the glyph, a CID font elsewhere.
    Spaces and punctuation stay with the run they are in."""
    covered = _covered(font)
    if all(ord(ch) in covered for ch in text):
        yield text, font
        return
    current: list[str] = []
    inside: bool | None = None
    for ch in text:
        has = ord(ch) in covered
        if inside is not None and has and unicodedata.category(ch)[0] == "Z":
            has = inside  # spaces stay in the run they are in
        if inside is None or has == inside:
            current.append(ch)
            inside = has if inside is None else inside
            continue
        piece = "".join(current)
        yield piece, font if inside else cid_font(piece, country)
        current, inside = [ch], has
    if current:
        piece = "".join(current)
        yield piece, font if inside else cid_font(piece, country)


def needs_fallback(text: str, font: str) -> bool:
    covered = _covered(font)
    return any(ord(ch) not in covered for ch in text)


def width(text: str, font: str, size: float, country: str = "") -> float:
    return sum(pdfmetrics.stringWidth(piece, name, size)
               for piece, name in runs(text, font, country))


def draw(canvas: Any, x: float, y: float, text: str, font: str, size: float, *,
         right: bool = False, country: str = "") -> None:
    """drawString / drawRightString, with each run in the font that has its glyphs."""
    if not needs_fallback(text, font):
        canvas.setFont(font, size)
        (canvas.drawRightString if right else canvas.drawString)(x, y, text)
        return
    if right:
        x -= width(text, font, size, country)
    for piece, name in runs(text, font, country):
        canvas.setFont(name, size)
        canvas.drawString(x, y, piece)
        x += pdfmetrics.stringWidth(piece, name, size)
    canvas.setFont(font, size)


def markup(text: str, font: str, country: str = "") -> str:
    """Paragraph markup of user text: escaped, CJK runs in <font> tags."""
    if not needs_fallback(text, font):
        return escape(text)
    return "".join(escape(piece) if name == font else f'<font name="{name}">{escape(piece)}'
                   "</font>" for piece, name in runs(text, font, country))
