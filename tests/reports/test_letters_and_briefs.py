"""Letters and meeting briefs as PDF: read back with pypdf, rendered as PNG."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from crmdesk.reports import brief_pdf
from crmdesk.services import (
    access,
    business,
    interactions,
    loyalty_ledger,
    meeting_brief,
    messaging,
)
from crmdesk.services.customers import PostalAddress
from crmdesk.services.interactions import FollowUpData, InteractionData
from crmdesk.store.book import Book
from crmdesk.store.models import utcnow
from tests.conftest import add

HOSTILE = '<b>&"Peña"{{ 7*7 }}<script>=cmd'
TODAY = dt.date.today()


def _text(pdf: Path | bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def _client(**extra: object) -> int:
    fields: dict[str, object] = dict(
        salutation="Sra.", language="es", emails=("lola@example.es",),
        consents={"post": TODAY, "email": TODAY},
        addresses=[PostalAddress("home", "Calle Mayor 1", "Madrid", "", "28001", "España")])
    fields.update(extra)
    return add("Dolores", "Peña", region="ES", **fields)


def test_a_letter_has_the_letterhead_address_and_text(book: Book, tmp_path: Path) -> None:
    business.save(business.Business("Banco Ejemplo", "Gran Vía 1\n28013 Madrid"))
    cid = _client(company=HOSTILE)
    draft = messaging.compose(cid, "Thank you", "letter")
    out = messaging.deliver(draft, tmp_path / "l.pdf").file
    assert out is not None and out.stat().st_mode & 0o077 == 0
    reader, text = _text(out)
    assert len(reader.pages) == 1
    for expected in ("Banco Ejemplo", "Gran Vía 1", "Sra. Dolores Peña", "Calle Mayor 1",
                     "28001 Madrid", "ESPAÑA", "Gracias", "Estimada Sra. Peña:", HOSTILE):
        assert expected in text, expected
    assert "49" not in text.replace("28001", "")
    assert reader.metadata is not None and reader.metadata.creator == "crmdesk"


def test_a_letter_renders_to_an_image(book: Book, tmp_path: Path) -> None:
    """The letter rasterises (pypdfium2) to an A4 page of white paper with ink on it, the
    letterhead at the top and the text below it."""
    import pypdfium2

    cid = _client()
    messaging.deliver(messaging.compose(cid, "Reactivation", "letter"), tmp_path / "l.pdf")
    document = pypdfium2.PdfDocument(tmp_path / "l.pdf")
    try:
        image = document[0].render(scale=40 / 72).to_pil().convert("L")
    finally:
        document.close()
    width, height = image.size
    assert (width, height) == (round(595.28 * 40 / 72), round(841.89 * 40 / 72))
    ink = sum(image.histogram()[:128]) / (width * height)
    assert 0.002 < ink < 0.2
    assert image.crop((0, 0, width, height // 8)).getextrema()[0] < 128  # the letterhead
    assert image.crop((0, height // 4, width, height // 2)).getextrema()[0] < 128  # the text


def test_a_long_letter_numbers_its_pages(book: Book, tmp_path: Path) -> None:
    cid = _client(language="en", salutation="Mrs")
    draft = messaging.compose(cid, "Thank you", "letter")
    draft.body += "\n\n" + "\n\n".join(f"Paragraph {n}: " + "words " * 60 for n in range(40))
    messaging.deliver(draft, tmp_path / "long.pdf")
    reader, text = _text(tmp_path / "long.pdf")
    assert len(reader.pages) > 2 and f"page 1 of {len(reader.pages)}" in text
    assert "Paragraph 39" in text


def _rich(cid: int, *, spanish: bool) -> None:
    """Everything a brief can show, at the longest."""
    for n in range(12):
        interactions.log(InteractionData(
            customer_id=cid, channel="phone", direction="in" if n % 2 else "out",
            notes=("Llamada larga sobre la cartera " if spanish else "A long call about ")
            * 30, subject=f"Contact {n}", outcome="Outcome " * 20,
            happened_at=utcnow() - dt.timedelta(days=n + 1)))
    for n in range(10):
        interactions.add_follow_up(FollowUpData(
            customer_id=cid, what=f"Promise {n} " + "to send the documents " * 10,
            due_at=utcnow() + dt.timedelta(days=n - 3), is_promise=n % 2 == 0))
    loyalty_ledger.record_purchase(cid, 1_234_56)


def test_the_brief_fits_one_page_for_a_rich_profile(book: Book, tmp_path: Path) -> None:
    from crmdesk.services import catalog

    long = "Lives between Madrid and Lisbon with three children, two dogs and a sailing boat. " \
        * 30
    cid = add("Maximiliana", "Von Habsburg-Lothringen y de Borbón-Dos Sicilias",
              salutation="Dr", emails=("max@example.com", "max.work@example.com"),
              phones=("+1 905 555 1234",), life_situation=long, interests=long, needs=long,
              notes=long + HOSTILE, notes_private=True, occupation="Surgeon",
              company="Hospital Universitario de la Princesa y Asociados",
              segment="VIP", preferred_channel="email", best_time="Mornings before 10",
              birthday=TODAY.replace(year=TODAY.year - 57) - dt.timedelta(days=0)
              if not (TODAY.month == 2 and TODAY.day == 29) else dt.date(1970, 3, 1))
    assert catalog.SALUTATIONS
    _rich(cid, spanish=False)
    out = meeting_brief.write([cid], tmp_path / "brief.pdf", brief_pdf.render)
    reader, text = _text(out)
    assert len(reader.pages) == 1
    for expected in ("Maximiliana", "Address as", "Dear Dr", "Open promises", "OVERDUE",
                     "Last contacts", "Contact 0", "Life situation", "Notes (private)",
                     "Birthday today", "turns 57", "Tier", "Lifetime value"):
        assert expected in text, expected
    assert "Contact 5" not in text  # the last five contacts only
    assert out.stat().st_mode & 0o077 == 0


def test_the_brief_of_a_spanish_client_fits_one_page(book: Book, tmp_path: Path) -> None:
    cid = _client(address_form="informal", preferred_name="Lola", life_situation="Casada, "
                  "dos hijos. " * 80, interests="Ópera, vela y cocina vasca. " * 60)
    _rich(cid, spanish=True)
    out = meeting_brief.write([cid], tmp_path / "b.pdf", brief_pdf.render)
    reader, text = _text(out)
    assert len(reader.pages) == 1 and "Hola Lola" in text and "informal, Spanish" in text


def test_briefs_for_tomorrows_meetings(book: Book, tmp_path: Path) -> None:
    from crmdesk.services import agenda

    a, b, c = _client(), add("Tom", "Baker"), add("Ana", "Hoy")
    now = utcnow()
    tomorrow_noon = agenda.end_of_local_day(now) + dt.timedelta(hours=12)
    for cid in (b, a):
        interactions.add_follow_up(FollowUpData(customer_id=cid, what="Meeting",
                                                due_at=tomorrow_noon))
    interactions.add_follow_up(FollowUpData(customer_id=c, what="Today",
                                            due_at=agenda.end_of_local_day(now)))
    ids = meeting_brief.tomorrow_ids(now)
    assert sorted(ids) == sorted([a, b])
    out = meeting_brief.write(ids, tmp_path / "tomorrow.pdf", brief_pdf.render)
    assert len(PdfReader(out).pages) == 2


def test_receptionists_do_not_print_briefs_and_executives_not_others_exclusive(
        book: Book, tmp_path: Path) -> None:
    from crmdesk.services import staff

    boss = staff.add("Marta", "manager")
    eva, ivo = staff.add("Eva", "executive"), staff.add("Ivo", "executive")
    rita = staff.add("Rita", "receptionist")
    access.set_password(boss, "marta-secret-1")
    access.sign_in("Marta", "marta-secret-1")
    for sid, pw in ((eva, "eva-secret-1"), (ivo, "ivo-secret-1"), (rita, "rita-secret-1")):
        access.set_password(sid, pw)
    cid = _client(relationship_type="exclusive", owner="Eva", notes="Secret", notes_private=True)
    access.sign_in("Rita", "rita-secret-1")
    with pytest.raises(access.AccessDenied, match="print meeting briefs"):
        meeting_brief.write([cid], tmp_path / "r.pdf", brief_pdf.render)
    access.sign_in("Ivo", "ivo-secret-1")
    with pytest.raises(access.AccessDenied):
        meeting_brief.gather(cid)
    access.sign_in("Eva", "eva-secret-1")
    assert meeting_brief.gather(cid).notes == "Secret"
    assert not (tmp_path / "r.pdf").exists()
