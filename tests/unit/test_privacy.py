"""Privacy rights: the subject-access pack, and forgetting a customer so that nothing of
them is left in the file — aggregates kept."""

from __future__ import annotations

import json
from pathlib import Path

from pypdf import PdfReader

from crmdesk.services import customer_query, interactions, loyalty_ledger, privacy
from crmdesk.services.customers import PostalAddress
from crmdesk.services.importing import contact_import, files
from crmdesk.services.interactions import FollowUpData, InteractionData
from crmdesk.store.db import close_database, db
from crmdesk.store.models import utcnow
from tests.conftest import add

NAME, EMAIL, PHONE = "Quintanilla", "zq.unique@example.com", "+34612345678"


def _person(tmp_path: Path) -> int:
    card = tmp_path / "zq.vcf"
    card.write_bytes(f"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Other;Ana;;;\r\nEMAIL:{EMAIL}\r\n"
                     f"END:VCARD\r\n".encode())
    cid = add("Zacarías", NAME, emails=(EMAIL,), phones=("+34 612 34 56 78",),
              notes=f"{NAME} prefers mornings", tags=["VIP"],
              addresses=[PostalAddress("home", "Calle Quintanilla 5", "Madrid", "", "28013",
                                       "Spain")])
    read = files.read_path(card)  # an import that updated them keeps their old profile
    contact_import.apply(contact_import.plan(read.contacts, card.name, "US"))
    interactions.log(InteractionData(cid, "phone", "in", f"{NAME} called about the loan",
                                     subject=f"Loan for {NAME}"),
                     FollowUpData(cid, f"Send {NAME} the offer", utcnow()))
    loyalty_ledger.record_purchase(cid, 125_00, description=f"Gift for {NAME}")
    loyalty_ledger.adjust(cid, 5, f"Apology to {NAME}")
    return cid


def test_subject_access_pack_holds_everything(book, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cid = _person(tmp_path)
    json_path, pdf_path = privacy.write_pack(cid, tmp_path / "pack")
    pack = json.loads(json_path.read_text())
    assert pack["profile"]["family_name"] == NAME
    assert pack["profile"]["emails"][0]["value"] == EMAIL
    assert len(pack["interactions"]) == 1 and len(pack["purchases"]) == 1
    assert [p["kind"] for p in pack["points"]] == ["earn", "adjust"]
    assert any(e["action"] == "create" for e in pack["audit_trail"])
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf_path).pages)
    assert f"Everything this book holds about Zacarías {NAME}" in text
    assert EMAIL in text and "Loan for" in text
    assert json_path.stat().st_mode & 0o777 == 0o600


def test_forget_leaves_no_trace_but_keeps_the_totals(book, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cid = _person(tmp_path)
    other = add("Kept", "Person")
    report = privacy.forget(cid)
    assert (report.interactions, report.purchases, report.points_balance) == (1, 1, 130)
    assert customer_query.customer_ids(customer_query.CustomerFilter(text=NAME)) == []
    assert db.execute_sql("SELECT count(*), sum(amount_cents) FROM purchase").fetchone() == \
        (1, 125_00)
    assert loyalty_ledger.balance(cid) == 130 and loyalty_ledger.check_balances() == []
    assert db.execute_sql("SELECT count(*) FROM interaction").fetchone()[0] == 1
    privacy.purge_freed_space()
    close_database()
    raw = b"".join(Path(f"{book.path}{s}").read_bytes() for s in ("", "-wal")
                   if Path(f"{book.path}{s}").exists())
    for trace in (NAME.encode(), EMAIL.encode(), PHONE.encode(), b"612345678", b"Zacar",
                  b"Calle Quintanilla", b"zq.unique"):
        assert trace not in raw, trace
    assert b"Kept" in raw  # the other customer is untouched
    from crmdesk.store.book import open_book

    open_book(book.path)
    assert [e.action for e in privacy.audit.entries(cid)][0] == "forget"
    assert customer_query.customer_ids(customer_query.CustomerFilter(text="kept")) == [other]
