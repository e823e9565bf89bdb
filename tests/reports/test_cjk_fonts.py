"""Korean, Japanese and Chinese names print on a machine without any CJK font: the shipped
cuts of Droid Sans Fallback and NanumGothic are embedded (subset), in statements, letters
and briefs. Checked by rendering the pages with pdfium (which has no Asian fonts of its own)
and comparing pixels: boxes (.notdef) look alike, real glyphs do not."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from crmdesk.reports import cjk, statement_pdf
from crmdesk.reports.statement_data import BatchContext, gather
from crmdesk.services import loyalty_ledger, messaging
from crmdesk.services.customers import PostalAddress
from crmdesk.services.periods import parse_period
from tests.conftest import add

NOW = dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC)
TODAY = dt.date(2026, 11, 1)
# Names of each script, with characters from each shipped cut: Hangul, kana, simplified
# and traditional Han (Big5: 陳, 黃), and one Korean hanja.
NAMES = ["김민준", "박서연", "田中はな", "王伟", "陳大文", "黃志明", "李"]


@pytest.fixture
def no_system_fonts(monkeypatch):  # type: ignore[no-untyped-def]
    """As on a machine without any CJK font: only the shipped ones (and the CID fonts)."""
    monkeypatch.setattr(cjk, "SYSTEM_FONTS", [])
    monkeypatch.delenv("CRMDESK_CJK_FONT", raising=False)
    cjk.embedded_fonts.cache_clear()
    yield
    cjk.embedded_fonts.cache_clear()


def _drawn(text: str, font: str = statement_pdf.FONT) -> bytes:
    """`text` alone on a small page, drawn the way reports draw it, rendered to grey pixels."""
    statement_pdf.register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(200, 40))
    cjk.draw(canvas, 5, 12, text, font, 18)
    canvas.save()
    page = pdfium.PdfDocument(out.getvalue())[0]
    return bytes(page.render(scale=1).to_pil().convert("L").tobytes())


def _ink(pixels: bytes) -> int:
    return sum(1 for p in pixels if p < 128)


def test_shipped_fonts_have_every_name_and_nothing_but_them_is_needed(no_system_fonts) -> None:  # type: ignore[no-untyped-def]
    statement_pdf.register_fonts()
    fonts = cjk.embedded_fonts()
    assert fonts == tuple(f"{cjk.EMBEDDED}-{Path(p).name}" for p in cjk.shipped_fonts())
    for name in NAMES:
        chosen = {font for _piece, font in cjk.runs(f"Dear {name},", statement_pdf.FONT)}
        assert chosen & set(fonts), (name, chosen)  # a shipped font, not a CID one
        assert not chosen & {cjk.KOREAN, cjk.JAPANESE, cjk.CHINESE, cjk.CHINESE_TRADITIONAL}
    sizes = [Path(p).stat().st_size for p in cjk.shipped_fonts()]
    assert sum(sizes) < 4_000_000  # what the package pays for it (measured: 2.3 + 1.3 MB)


def test_names_render_as_glyphs_not_boxes(no_system_fonts) -> None:  # type: ignore[no-untyped-def]
    renders = {name: _drawn(name) for name in NAMES}
    for name, pixels in renders.items():
        assert _ink(pixels) > 40, name  # something is drawn
    # .notdef boxes are all the same; the glyphs of different characters are not.
    assert len(set(renders.values())) == len(NAMES)
    # ... and one-character names differ from the box DejaVu draws for the same character.
    box = io.BytesIO()
    canvas = Canvas(box, pagesize=(200, 40))
    canvas.setFont(statement_pdf.FONT, 18)
    canvas.drawString(5, 12, "李")
    canvas.save()
    boxed = bytes(pdfium.PdfDocument(box.getvalue())[0].render(scale=1).to_pil()
                  .convert("L").tobytes())
    assert boxed != renders["李"]


BASE14 = {"/Helvetica", "/Times-Roman", "/Courier", "/Symbol", "/ZapfDingbats"}


def _embedded(pdf: bytes) -> dict[str, bool]:
    """Each font of the PDF: whether it is embedded in the file (a base-14 font that every
    reader has, ReportLab's default, counts as such)."""
    out: dict[str, bool] = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            base = str(font["/BaseFont"]).split("+")[-1]
            if base in BASE14:
                continue
            descendants = font.get("/DescendantFonts")
            desc = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
            out[base] = bool(desc and any(k in desc.get_object()
                                          for k in ("/FontFile", "/FontFile2", "/FontFile3")))
    return out


def test_statement_embeds_the_cjk_font(book: object, no_system_fonts) -> None:  # type: ignore[no-untyped-def]
    cid = add("민준", "김", salutation="Mr", addresses=[
        PostalAddress("home", "세종대로 110", "서울", "", "04524", "KR")])
    loyalty_ledger.record_purchase(cid, 10_00, on=dt.date(2026, 10, 3), now=NOW)
    out = io.BytesIO()
    statement_pdf.render_one(gather(cid, parse_period("2026-10"), BatchContext.load(NOW)), out)
    fonts = _embedded(out.getvalue())
    assert fonts.get("crmdeskHangul") is True, fonts
    assert all(fonts.values()), fonts  # nothing left to the reader's fonts
    assert "김" in PdfReader(io.BytesIO(out.getvalue())).pages[0].extract_text()


def test_letters_and_briefs_use_the_cjk_fonts(book: object, no_system_fonts,  # type: ignore[no-untyped-def]
                                              tmp_path: Path) -> None:
    from crmdesk.reports import brief_pdf
    from crmdesk.services import meeting_brief

    cid = add("太郎", "田中", salutation="Mr", language="en", emails=("taro@example.jp",),
              consents={"email": TODAY, "post": TODAY, "sms": TODAY},
              addresses=[PostalAddress("home", "渋谷1-2-3", "東京", "", "150-0002", "JP")],
              notes="はなさんの誕生日")
    draft = messaging.compose(cid, "Thank you", "letter")
    draft.body += "\n\n田中様、ありがとうございました。"
    draft.subject = "お礼 · Thank you"
    messaging.deliver(draft, tmp_path / "letter.pdf")
    pdf = (tmp_path / "letter.pdf").read_bytes()
    fonts = _embedded(pdf)
    assert fonts.get("DroidSansFallback") is True and all(fonts.values()), fonts
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "ありがとうございました" in text and "お礼" in text
    assert PdfReader(io.BytesIO(pdf)).metadata.creation_date.year >= 2026  # not 2000-01-01
    out = io.BytesIO()
    brief_pdf.render([meeting_brief.gather(cid)], out)
    fonts = _embedded(out.getvalue())
    assert fonts.get("DroidSansFallback") is True and all(fonts.values()), fonts


def test_subject_access_pack_uses_the_cjk_fonts(book: object, no_system_fonts,  # type: ignore[no-untyped-def]
                                                tmp_path: Path) -> None:
    from crmdesk.services import interactions, privacy

    cid = add("민준", "김", salutation="Mr", notes="서울 지점 고객",
              addresses=[PostalAddress("home", "세종대로 110", "서울", "", "04524", "KR")])
    interactions.log(interactions.InteractionData(cid, "phone", "in", "김민준 님과 통화",
                                                  happened_at=NOW))
    _, pdf_path = privacy.write_pack(cid, tmp_path / "pack")
    pdf = pdf_path.read_bytes()
    fonts = _embedded(pdf)
    assert fonts.get("crmdeskHangul") is True and all(fonts.values()), fonts
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "김" in text and "세종대로" in text and "통화" in text
