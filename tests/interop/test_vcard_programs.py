"""vCards as Evolution, KAddressBook, Apple Contacts, khard (vCard 4.0) and Outlook write them:
names with middle names and suffixes, spouses, anniversaries, URLs, IM, related people,
organisation cards and WebP photos, field by field."""

from __future__ import annotations

from crmdesk.services.importing import contact_import, files
from crmdesk.services.importing.contact import ImportedContact, image_mime
from tests.interop.conftest import FIXTURES


def cards(name: str) -> list[ImportedContact]:
    read = files.read_path(FIXTURES / name)
    assert all(c.error is None for c in read.contacts)
    return read.contacts


def points(values: list) -> list[tuple[str, str]]:
    return [(p.label, p.value) for p in values]


def test_evolution_card_keeps_spouse_anniversary_and_the_rest() -> None:
    [carmen] = cards("evolution.vcf")
    d = carmen.data
    assert (d.salutation, d.given_name, d.family_name, d.preferred_name) == (
        "Dr", "Carmen", "López", "Carmencita")
    assert points(d.emails) == [("home", "carmen@home.example"), ("work", "carmen@work.example"),
                                ("other", "carmen@other.example")]
    assert points(d.phones) == [("work", "+34 91 123 45 67 ext. 210"),
                                ("main", "+34 91 123 45 00"), ("mobile", "+34 612 345 678")]
    assert [a.label for a in d.addresses] == ["work", "other"]
    assert d.life_situation == "Spouse: Javier\nAnniversary: 17 September 2005"
    for kept in ("Middle name: María", "Name suffix: Jr.", "Web page: https://carmen.example",
                 "Assistant: Pablo", "Manager: Lucía", "IM: carmen@jabber.example"):
        assert kept in d.notes
    assert d.notes.startswith("Prefers Spanish.") and d.tags == ["VIP", "Madrid"]
    assert carmen.dropped == []


def test_kaddressbook_card() -> None:
    [klaus] = cards("kaddressbook.vcf")
    d = klaus.data
    assert d.life_situation == "Spouse: Helga\nAnniversary: 1 May 1980"
    assert "Assistant: Jens" in d.notes and "IM: klaus@xmpp.example" in d.notes
    assert [(a.label, a.street) for a in d.addresses] == [
        ("home", "Königsallee 10"), ("postal", "Postfach 1234")]
    assert klaus.dropped == []


def test_organisation_cards_are_not_split_into_two_names(book: object) -> None:
    apple, bank, siemens = cards("apple-company.vcf")
    assert all(c.organisation for c in (apple, bank, siemens))
    assert (apple.data.given_name, apple.data.family_name, apple.data.company) == (
        "Apple Computer AG", "", "Apple Computer AG")
    assert bank.data.given_name == "Banco Ejemplo S.A." and bank.data.family_name == ""
    assert siemens.data.given_name == "Siemens Aktiengesellschaft"
    assert points(apple.data.emails) == [("home", "info@apple.example")]
    plan = contact_import.plan([apple], "apple-company.vcf", "CH")
    assert plan.rows[0].clean is not None and plan.rows[0].clean.family_name == ""


def test_vcard4_related_anniversary_nicknames_impp_and_webp_photo() -> None:
    [hiro] = cards("khard-related.vcf")
    d = hiro.data
    assert d.preferred_name == "Hiro" and "Nickname: Tanaka-san" in d.notes
    assert d.life_situation == "Anniversary: 12 June 2010\nSpouse: Yuki Tanaka\nChild: Aiko"
    assert "Assistant: Kenji Sato" in d.notes and "IM: xmpp:hiroshi@example.jp" in d.notes
    assert "Web page: https://hiroshi.example.jp" in d.notes
    assert points(d.phones) == [("home", "+81-3-1234-5678"), ("main", "+81-3-9999-0000"),
                                ("mobile", "+81-90-1234-5678")]
    assert hiro.photo_mime == "image/webp" and hiro.photo is not None
    assert hiro.dropped == []  # GEO is not worth keeping, and is not reported


def test_unknown_properties_are_reported_per_card(book, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "x.vcf"
    path.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Ruiz;Eva;;;\r\nX-SHOE-SIZE:38\r\n"
                    "X-SHOE-SIZE:39\r\nEND:VCARD\r\n")
    [eva] = files.read_path(path).contacts
    assert eva.dropped == ["X-SHOE-SIZE"]
    plan = contact_import.plan([eva], "x.vcf", "US")
    assert plan.dropped() == {"X-SHOE-SIZE": 1}
    assert plan.rows[0].warnings == ["not kept: X-SHOE-SIZE"]


def test_webp_is_an_image() -> None:
    assert image_mime(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "image/webp"
    assert image_mime(b"RIFF\x00\x00\x00\x00WAVEfmt ") is None
