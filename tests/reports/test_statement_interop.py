"""Statements that open cleanly elsewhere: Korean, Japanese and Chinese names in a font that
has them, the real creation date, addresses as each country writes them, no "−0"."""

from __future__ import annotations

import datetime as dt
import io
import time

import pytest
from pypdf import PdfReader

from crmdesk.reports import cjk, statement_pdf
from crmdesk.reports.statement_data import BatchContext, address_block, gather
from crmdesk.services import address_format, loyalty_ledger
from crmdesk.services.customers import CustomerData, PostalAddress
from crmdesk.services.periods import parse_period
from tests.conftest import add

NOW = dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC)
OCTOBER = parse_period("2026-10")


def render(cid: int) -> bytes:
    out = io.BytesIO()
    statement_pdf.render_one(gather(cid, OCTOBER, BatchContext.load(NOW)), out)
    return out.getvalue()


def fonts(pdf: bytes) -> set[str]:
    reader = PdfReader(io.BytesIO(pdf))
    names: set[str] = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


@pytest.mark.parametrize(("given", "family", "cid_font"), [
    ("민준", "김", cjk.KOREAN), ("太郎", "田中", cjk.CHINESE), ("はな", "山田", cjk.JAPANESE),
    ("伟", "王", cjk.CHINESE)])
def test_cjk_names_get_a_font_with_their_glyphs(book: object, monkeypatch, given: str,  # type: ignore[no-untyped-def]
                                                family: str, cid_font: str) -> None:
    cid = add(given, family)
    loyalty_ledger.record_purchase(cid, 10_00, on=dt.date(2026, 10, 3), now=NOW)
    used = fonts(render(cid))
    assert "DejaVuSans" in used
    cjk_fonts = used - {"DejaVuSans", "DejaVuSans-Bold"}
    assert cjk_fonts, used  # the name is not drawn in DejaVu (empty boxes)
    for name in cjk_fonts:
        assert name == cid_font or name in {"NanumGothic", "DroidSansFallback", "crmdeskHangul",
                                            "DroidSansFallbackFull", "WenQuanYiMicroHei"}
    # the text is still the name, for search and screen readers
    text = PdfReader(io.BytesIO(render(cid))).pages[0].extract_text()
    assert "Dear" in text


def test_without_system_fonts_the_cid_fonts_are_used(book: object, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(cjk, "embedded_fonts", lambda: ())
    assert list(cjk.runs("Dear 민준 김,", "DejaVuSans")) == [
        ("Dear ", "DejaVuSans"), ("민준 김", cjk.KOREAN), (",", "DejaVuSans")]
    assert cjk.cid_font("田中", "JP") == cjk.JAPANESE
    assert cjk.cid_font("陳", "TW") == cjk.CHINESE_TRADITIONAL
    assert cjk.markup("<b>김</b>", "DejaVuSans") == (
        f'&lt;b&gt;<font name="{cjk.KOREAN}">김</font>&lt;/b&gt;')


def test_creation_date_is_when_it_was_made(book: object) -> None:
    cid = add("Ana", "Ruiz")
    reader = PdfReader(io.BytesIO(render(cid)))
    created = reader.metadata.creation_date
    assert created is not None and created.year == dt.date.today().year
    assert abs(created.timestamp() - time.time()) < 3600


def test_points_used_zero_has_no_minus(book: object) -> None:
    cid = add("Ana", "Ruiz")
    loyalty_ledger.record_purchase(cid, 10_00, on=dt.date(2026, 10, 3), now=NOW)
    text = PdfReader(io.BytesIO(render(cid))).pages[0].extract_text()
    assert "−0" not in text and "-0" not in text


@pytest.mark.parametrize(("address", "expected"), [
    (PostalAddress("home", "1600 Amphitheatre Pkwy", "Mountain View", "CA", "94043", "USA"),
     ["1600 Amphitheatre Pkwy", "Mountain View, CA 94043", "USA"]),
    (PostalAddress("home", "10 Downing Street", "London", "", "sw1a 2aa", "United Kingdom"),
     ["10 Downing Street", "LONDON", "SW1A 2AA", "UNITED KINGDOM"]),
    (PostalAddress("home", "Gran Vía 7", "Madrid", "Madrid", "28013", "España"),
     ["Gran Vía 7", "28013 Madrid", "ESPAÑA"]),
    (PostalAddress("home", "Calle Mayor 1", "Alcalá de Henares", "Madrid", "28801", "ES"),
     ["Calle Mayor 1", "28801 Alcalá de Henares (Madrid)", "ES"]),
    (PostalAddress("home", "Hauptstraße 5", "Berlin", "Berlin", "10115", "Germany"),
     ["Hauptstraße 5", "10115 Berlin", "GERMANY"]),
    (PostalAddress("home", "千代田1-1", "千代田区", "東京都", "100-0001", "Japan"),
     ["〒100-0001", "東京都千代田区", "千代田1-1", "JAPAN"]),
    (PostalAddress("home", "1-1 Chiyoda", "Chiyoda-ku", "Tokyo", "100-0001", "JP"),
     ["1-1 Chiyoda", "Chiyoda-ku, Tokyo 100-0001", "JP"]),
    (PostalAddress("home", "Rua 1", "Lisboa", "", "1000-001", "Portugal"),
     ["Rua 1", "1000-001 Lisboa", "PORTUGAL"]),
])
def test_addresses_are_written_as_their_country_writes_them(address: PostalAddress,
                                                            expected: list[str]) -> None:
    assert address_format.lines(address) == expected
    block = address_block(CustomerData(given_name="Ana", family_name="Ruiz",
                                       addresses=[address]))
    assert block == ["Ana Ruiz", *expected]
