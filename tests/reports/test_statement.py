"""Loyalty statements read back with pypdf: greeting, balances, every row, escaping, fonts,
metadata, page numbering; batches with safe names that leave nothing half-written."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from crmdesk.reports import statement_batch, statement_pdf
from crmdesk.reports.statement_data import BatchContext, gather
from crmdesk.services import business, loyalty_ledger, loyalty_programme
from crmdesk.services.customers import PostalAddress
from crmdesk.services.loyalty_programme import RewardInfo
from crmdesk.services.periods import parse_period
from tests.conftest import add

NOW = dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC)
OCTOBER = parse_period("2026-10")


def on(day: int, month: int = 10) -> dt.datetime:
    return dt.datetime(2026, month, day, 10, tzinfo=dt.UTC)


def text_of(pdf: bytes | Path) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    return reader, [page.extract_text() for page in reader.pages]


def render(cid: int, period=OCTOBER) -> bytes:  # type: ignore[no-untyped-def]
    out = io.BytesIO()
    statement_pdf.render_one(gather(cid, period, BatchContext.load(NOW)), out)
    return out.getvalue()


@pytest.fixture
def lola(book: object) -> int:
    business.save(business.Business("Banca Øster & Peña", "Calle Mayor 1\n28013 Madrid"))
    loyalty_programme.save_rewards([RewardInfo(0, "Coffee", 100, True),
                                    RewardInfo(0, "Spa day", 8_000, True)])
    cid = add("Dolores", "Peña", preferred_name="Lola", salutation="Mrs",
              addresses=[PostalAddress("home", "Gran Vía 7", "Madrid", "", "28013", "Spain")])
    loyalty_ledger.record_purchase(cid, 120_00, on=dt.date(2026, 9, 14), now=NOW)  # before
    loyalty_ledger.record_purchase(cid, 45_50, on=dt.date(2026, 10, 3), description="Lunch",
                                   now=NOW)
    loyalty_ledger.add_bonus(cid, 30, "Birthday bonus", now=on(9))
    loyalty_ledger.redeem(cid, 100, "Coffee", now=on(20))
    loyalty_ledger.adjust(cid, -5, "Double-counted voucher", now=on(28))
    loyalty_ledger.record_purchase(cid, 10_00, on=dt.date(2026, 11, 2), now=NOW)  # after
    return cid


def test_statement_shows_greeting_balances_and_every_row(lola: int) -> None:
    reader, pages = text_of(render(lola))
    text = "\n".join(pages)
    assert "Dear Mrs Peña," in text
    assert "Loyalty statement" in text and "October 2026" in text
    assert "Mrs Dolores Peña" in text and "Gran Vía 7" in text and "28013 Madrid" in text
    assert "Banca Øster & Peña" in text
    # Opening 120, +45 +30 −100 −5 = closing 90.
    assert re.search(r"1 Oct 2026\s*Opening balance\s*120", text)
    assert re.search(r"31 Oct 2026\s*Closing balance\s*90", text)
    rows = [
        r"3 Oct 2026\s*Purchase \$45\.50 · Lunch\s*\+45\s*165",
        r"9 Oct 2026\s*Bonus: Birthday bonus\s*\+30\s*195",
        r"20 Oct 2026\s*Reward: Coffee\s*−100\s*95",
        r"28 Oct 2026\s*Adjustment: Double-counted voucher\s*−5\s*90",
    ]
    for row in rows:
        assert re.search(row, text), row
    assert "$10.00" not in text  # bought after the period
    assert "Page 1 of 1" in text
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Loyalty statement October 2026 – Dolores Peña"
    assert meta.author == "Banca Øster & Peña"
    assert meta.subject == "Loyalty points statement"


def test_rewards_and_tier_progress_are_personal(lola: int) -> None:
    text = "\n".join(text_of(render(lola))[1])
    assert "You collected 195 points in the last 12 months. 805 more make you a Silver " \
           "member." in text.replace("\n", " ")
    # 90 points: the coffee (100) is not affordable yet; the statement says how far it is.
    assert "your first reward is 10 points away (Coffee)" in text
    loyalty_ledger.add_bonus(lola, 8_000, "Anniversary", now=on(30))
    text = "\n".join(text_of(render(lola))[1])
    assert "Rewards you can already choose" in text
    assert "Coffee — 100 points" in text and "Spa day — 8,000 points" in text
    assert "one of our Gold members" in text  # 8,195 qualifying points in the window


def test_spanish_client_gets_a_spanish_statement(book: object) -> None:
    cid = add("José", "García López", salutation="Sr.", language="es")
    loyalty_ledger.record_purchase(cid, 1_234_00, on=dt.date(2026, 10, 5), now=NOW)
    text = "\n".join(text_of(render(cid))[1])
    assert "Estimado Sr. García López," in text
    assert "Extracto de puntos" in text and "Octubre 2026" in text
    assert re.search(r"5 oct 2026\s*Compra 1\.234,00 \$\s*\+1\.234\s*1\.234", text)
    assert "Saldo final" in text and "Página 1 de 1" in text


@pytest.mark.parametrize(("salutation", "expected", "absent"), [
    ("Sra.", "Es usted socia Silver", "socio"),
    ("Sr.", "Es usted socio Silver", "socia"),
    ("", "Su nivel es Silver", "socio Silver"),
])
def test_the_spanish_statement_agrees_with_the_client(book: object, salutation: str,
                                                       expected: str, absent: str) -> None:
    """"Socia" for Sra. Peña, "socio" for Sr. García; where the form of address does not
    say, a wording that needs no gender."""
    cid = add("Lola", "Peña", salutation=salutation, language="es")
    loyalty_ledger.record_purchase(cid, 1_000_00, on=dt.date(2026, 10, 5), now=NOW)
    text = " ".join("\n".join(text_of(render(cid))[1]).split())
    assert expected in text
    assert absent not in text


def test_rewards_carry_their_spanish_name_to_spanish_clients(book: object) -> None:
    """A reward named "Coffee" with the Spanish name "Café": a Spanish client reads "Café"
    in the rewards they can choose and in the history of what they chose; an English client
    reads "Coffee"."""
    from crmdesk.services import loyalty_programme
    from crmdesk.services.loyalty_programme import RewardInfo

    loyalty_programme.save_rewards([RewardInfo(0, "Coffee", 100, True, "Café"),
                                    RewardInfo(0, "Spa day", 8_000, True)])
    es = add("Lola", "Peña", salutation="Sra.", language="es")
    en = add("Ann", "Smith", salutation="Ms", language="en")
    for cid in (es, en):
        loyalty_ledger.record_purchase(cid, 400_00, on=dt.date(2026, 10, 5), now=NOW)
        loyalty_ledger.redeem(cid, 100, "Coffee", now=on(20))
    spanish = " ".join("\n".join(text_of(render(es))[1]).split())
    english = " ".join("\n".join(text_of(render(en))[1]).split())
    assert "Café — 100 puntos" in spanish and "Canje: Café" in spanish
    assert "Coffee" not in spanish
    assert "Coffee — 100 points" in english and "Café" not in english


def test_markup_in_user_text_prints_literally(book: object) -> None:
    cid = add("<b>Bob", "& Co</b>", salutation="Mr",
              addresses=[PostalAddress("home", '<img src="/etc/passwd"/> 1 Road', "<i>Town</i>",
                                       "", "", "")])
    loyalty_ledger.record_purchase(cid, 5_00, on=dt.date(2026, 10, 2),
                                   description='<font size="40">big</font>', now=NOW)
    loyalty_ledger.adjust(cid, 1, "<para>&amp; more", now=on(3))
    reader, pages = text_of(render(cid))
    text = "\n".join(pages)
    assert "Dear Mr & Co</b>," in text
    assert "<b>Bob & Co</b>" in text
    assert '<img src="/etc/passwd"/> 1 Road' in text and "<i>Town</i>" in text
    assert '<font size="40">big</font>' in text and "<para>&amp; more" in text
    # Only the logo is embedded as an image: no picture was injected through the data.
    images = [img for page in reader.pages for img in page.images]
    assert len(images) == 1


@pytest.mark.parametrize("name", ["Łukasz Żółć", "Øster Ærø", "Nguyễn Thị Ánh", "Ñuño Peña"])
def test_unicode_names_print_with_the_embedded_font(book: object, name: str) -> None:
    given, family = name.split(" ", 1)
    cid = add(given, family)
    reader, pages = text_of(render(cid))
    assert name in pages[0]
    fonts = {str(f["/BaseFont"]) for f in
             reader.pages[0]["/Resources"]["/Font"].values()}  # type: ignore[index]
    assert fonts and all("DejaVuSans" in f for f in fonts)


def test_long_statement_numbers_its_pages_and_repeats_the_header(book: object) -> None:
    cid = add("Many", "Rows")
    for day in range(1, 32):
        for _ in range(3):
            loyalty_ledger.add_bonus(cid, day, f"Visit {day}", now=on(day))
    _, pages = text_of(render(cid))
    assert len(pages) >= 2
    for n, page in enumerate(pages, 1):
        assert f"Page {n} of {len(pages)}" in page
        assert re.search(r"Date\s*Description\s*Points\s*Balance", page)
    text = "\n".join(pages)
    assert len(re.findall(r"Bonus: Visit \d+", text)) == 93
    assert re.search(r"31 Oct 2026\s*Closing balance\s*1,488", text)  # 3 × (1 + … + 31)


def test_first_page_renders_to_an_image(lola: int) -> None:
    """The first page rasterises (pypdfium2, from PyPI: no poppler needed) to an A4 page that
    is mostly white paper with real ink on it, the letterhead at the top."""
    import pypdfium2

    document = pypdfium2.PdfDocument(render(lola))
    try:
        image = document[0].render(scale=40 / 72).to_pil().convert("L")
    finally:
        document.close()
    width, height = image.size
    assert (width, height) == (round(595.28 * 40 / 72), round(841.89 * 40 / 72))
    histogram = image.histogram()
    ink = sum(histogram[:128]) / (width * height)
    assert 0.005 < ink < 0.25
    top = image.crop((0, 0, width, height // 6))
    assert top.getextrema()[0] < 128  # the letterhead and logo are drawn


def test_safe_file_names() -> None:
    assert statement_batch.safe_stem('a<b>:c"d/e\\f|g?h*i') == "a_b_c_d_e_f_g_h_i"
    assert statement_batch.safe_stem("CON") == "_CON"
    assert statement_batch.safe_stem("  trailing dots... ") == "trailing dots"
    assert statement_batch.safe_stem("Peña\x00\x1f Lola") == "Peña_ Lola"
    assert len(statement_batch.safe_stem("x" * 500)) == statement_batch.MAX_STEM
    assert statement_batch.safe_stem("...") == "statement"


def test_batch_writes_one_file_per_customer_and_cancel_leaves_no_part(
        book: object, tmp_path: Path) -> None:
    ids = [add("Ana", f"Name{i}") for i in range(4)]
    ids.append(add("Bad", 'Na<me>?:"'))
    folder = tmp_path / "out"
    written = statement_batch.write_each(ids, OCTOBER, folder)
    assert len(written) == 5 and all(p.exists() for p in written)
    assert (folder / f'Na_me_ Bad {ids[-1]:06d} 2026-10.pdf').exists()
    other = tmp_path / "cancelled"
    done = statement_batch.write_each(ids, OCTOBER, other, progress=lambda n, total: n < 2)
    assert len(done) == 2
    assert sorted(p.name for p in other.iterdir()) == sorted(p.name for p in done)
    combined = tmp_path / "all.pdf"
    assert statement_batch.write_combined(ids, OCTOBER, combined,
                                          progress=lambda n, total: n < 3) is None
    assert list(tmp_path.glob("*all*")) == []


def test_combined_pdf_numbers_each_statement_on_its_own(book: object, tmp_path: Path) -> None:
    a = add("Short", "One")
    b = add("Long", "Two")
    for day in range(1, 32):
        for _ in range(3):
            loyalty_ledger.add_bonus(b, 1, f"Visit {day}", now=on(day))
    out = statement_batch.write_combined([a, b], OCTOBER, tmp_path / "all.pdf")
    assert out is not None
    reader, pages = text_of(out)
    assert "Page 1 of 1" in pages[0] and "Dear Short One" in pages[0]
    rest = pages[1:]
    assert len(rest) >= 2
    assert all(f"Page {n} of {len(rest)}" in page for n, page in enumerate(rest, 1))
    assert all("Long Two" in page for page in rest)
    assert out.stat().st_mode & 0o777 == 0o600


def test_parallel_batch_writes_every_statement(book, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ids = [add("Par", f"Allel{i:02d}") for i in range(45)]
    for cid in ids[:5]:
        loyalty_ledger.add_bonus(cid, 10, "Hello", now=on(2))
    seen: list[int] = []
    written = statement_batch.write_each_parallel(
        book.path, ids, OCTOBER, tmp_path / "out", jobs=2,
        progress=lambda done, total: seen.append(done) or True)
    assert len(written) == 45 and seen[-1] == 45
    assert len(list((tmp_path / "out").glob("*.pdf"))) == 45
    assert not list((tmp_path / "out").glob(".*part"))
