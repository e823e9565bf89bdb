"""The import's fast paths give the same answers as the slow ones (issue 17)."""

from __future__ import annotations

import gc
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmdesk.services.importing import speed
from crmdesk.services.phone_fast import fast_e164
from crmdesk.services.validation import InvalidValue, normalise_phone

REGIONS = ["US", "CA", "GB", "DE", "FR", "ES", "IT", "BR", "MX", "AR", "IN", "CN", "JP", "AU",
           "NL", "CH", "RU", "SE", "PL", "ZA", "NG", "KR", "SG", "HK", "IE", "PT", "BE", "NZ", "BY"]
CODES = ["1", "44", "49", "33", "34", "39", "55", "52", "54", "91", "86", "81", "61", "31",
         "41", "7", "46", "48", "27", "234", "82", "65", "852", "353", "351", "800", "888",
         "0", "999", "1242", "3", "375"]


def _slow(text: str, region: str) -> str:
    try:
        return normalise_phone(text, region)
    except InvalidValue as exc:
        return f"refused: {exc}"


@st.composite
def typed_numbers(draw: st.DrawFn) -> str:
    plus = draw(st.booleans())
    body = draw(st.text("0123456789", min_size=2, max_size=14))
    if plus:
        body = draw(st.sampled_from(CODES)) + body
    seps = draw(st.lists(st.sampled_from(["", "", " ", "-", ".", "(", ")", "  "]),
                         min_size=len(body), max_size=len(body)))
    text = "".join(d + s for d, s in zip(body, seps, strict=True))
    return ("+" if plus else "") + draw(st.sampled_from(["", "(", " "])) + text


@settings(max_examples=3000, deadline=None)
@given(typed_numbers(), st.sampled_from(REGIONS))
def test_fast_path_answers_as_the_rule_does(text: str, region: str) -> None:
    fast = fast_e164(text, region)
    assert fast is None or fast == _slow(text, region)


@pytest.mark.parametrize(("text", "region", "e164"), [
    ("+1 416 200 0000", "US", "+14162000000"),
    ("(905) 555-0123", "US", "+19055550123"),
    ("905.555.0123", "CA", "+19055550123"),
    ("+34 612 34 56 78", "US", "+34612345678"),
    ("+44 20 7946 0018", "US", "+442079460018"),
    ("612 34 56 78", "ES", "+34612345678"),
    ("020 7946 0018", "GB", "+442079460018"),   # national forms with their trunk prefix
    ("07700 900123", "GB", "+447700900123"),
    ("030 123456", "DE", "+4930123456"),
    ("06 12 34 56 78", "FR", "+33612345678"),
    ("8 029 123 45 67", "BY", "+375291234567"),
])
def test_plain_numbers_take_the_fast_path(text: str, region: str, e164: str) -> None:
    assert fast_e164(text, region) == e164 == normalise_phone(text, region)


@pytest.mark.parametrize(("text", "region"), [
    ("011 44 20 7946 0018", "US"),    # an international prefix
    ("1 416 555 0100", "US"),         # the country code without +
    ("+1 212 555 1234 x12", "US"),    # an extension
    ("1-800-FLOWERS", "US"),          # letters
    ("+999 1234 5678", "US"),         # no such country
    ("555 0100", "US"),               # too short: refused by the rule, with its reason
    ("+375 8138841776", "US"),        # Belarus: phonenumbers strips the trunk 8 after +375
])
def test_the_rest_is_left_to_the_rule(text: str, region: str) -> None:
    assert fast_e164(text, region) is None


@pytest.mark.parametrize(("text", "region"), [
    ("+375 8138841776", "US"), ("8 029 123 45 67", "BY"), ("+39 06 6982 1234", "US"),
    ("06 6982 1234", "IT"), ("+7 8 495 123 45 67", "RU"), ("+1 1 416 555 0100", "US")])
def test_numbers_with_a_prefix_agree(text: str, region: str) -> None:
    fast = fast_e164(text, region)
    assert fast is None or fast == _slow(text, region)


@st.composite
def national_numbers(draw: st.DrawFn) -> tuple[str, str]:
    """Numbers as people write them at home: a trunk prefix, the region's example numbers
    with a digit changed, or digits, in every region phonenumbers knows."""
    import phonenumbers

    region = draw(st.sampled_from(sorted(phonenumbers.SUPPORTED_REGIONS)))
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
    kind = draw(st.sampled_from([phonenumbers.PhoneNumberType.MOBILE,
                                 phonenumbers.PhoneNumberType.FIXED_LINE, None]))
    example = phonenumbers.example_number_for_type(region, kind) if kind is not None else None
    if example is not None:
        digits = "".join(c for c in phonenumbers.format_number(
            example, phonenumbers.PhoneNumberFormat.NATIONAL) if c.isdigit())
        at = draw(st.integers(0, len(digits) - 1))
        digits = digits[:at] + draw(st.sampled_from("0123456789")) + digits[at + 1:]
    else:
        digits = draw(st.sampled_from([meta.national_prefix or "", "0", "8", "1", ""])) + \
            draw(st.text("0123456789", min_size=4, max_size=12))
    return digits, region


@settings(max_examples=3000, deadline=None)
@given(national_numbers())
def test_national_forms_answer_as_the_rule_does(number: tuple[str, str]) -> None:
    text, region = number
    fast = fast_e164(text, region)
    assert fast is None or fast == _slow(text, region)


def test_the_collector_is_paused_and_comes_back() -> None:
    assert gc.isenabled()
    with speed.gc_paused():
        assert not gc.isenabled()
        with speed.gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause still holds
    assert gc.isenabled()

    @speed.without_gc
    def boom() -> None:
        assert not gc.isenabled()
        raise ValueError("bad row")

    with pytest.raises(ValueError):
        boom()
    assert gc.isenabled()


def test_a_collector_switched_off_stays_off() -> None:
    gc.disable()
    try:
        with speed.gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_fold_is_the_fold_of_each_character() -> None:
    from crmdesk.services.search_index import fold, fold_slowly

    for code in range(0x110000):
        if 0xD800 <= code < 0xE000:
            continue
        ch = chr(code)
        for text in (ch, f"Σ{ch}\u0301"):
            assert fold(text) == fold_slowly(text), hex(code)


@settings(max_examples=2000, deadline=None)
@given(st.text(max_size=40))
def test_fold_agrees_with_the_long_way(text: str) -> None:
    from crmdesk.services.search_index import fold, fold_slowly

    assert fold(text) == fold_slowly(text)
    assert fold("Peña Łukasz ØSTER straße") == "pena lukasz oster strasse"
    # a fold folds to itself, without capitals or marks ('𝐀lex' sorted among the capitals,
    # and a search's range of the names, in lower case, passed it by)
    assert fold(fold(text)) == fold(text) == fold(text).casefold()
    assert not any(unicodedata.combining(ch) for ch in fold(text))
    assert fold("𝐀lex ᴬna İstanbul") == "alex ana istanbul"


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab é\t\n\r\xa0\u2003\x0b\x1f\x85")) | st.characters(),
               max_size=300))
def test_squeezing_names_as_before(text: str) -> None:
    from crmdesk.services.importing.contact_import import _squeeze

    assert _squeeze(text) == " ".join(text.split())[:200]


LINE = st.text(alphabet=st.sampled_from(list('ABTELtype=;:,."_- xé\\"')), max_size=30)


def _vobject_or_error(raw: str) -> object:
    from crmdesk.services.importing import vcard_reader

    try:
        return vcard_reader.vobject_fields(raw)
    except Exception as exc:  # noqa: BLE001 - the error is part of the answer
        return type(exc).__name__


@settings(max_examples=3000, deadline=None)
@given(LINE | st.sampled_from(["TEL;TYPE=cell:+1 416", "item1.EMAIL;type=INTERNET:a@b.c",
                               "N:Peña;José;;;", "ADR;TYPE=home,pref:;;Gran Vía 7;Madrid",
                               "X-FOO_BAR;CHARSET=utf-8;ENCODING=QUOTED-PRINTABLE:=C3=A9",
                               'TEL;TYPE="cell":1', "TEL;;TYPE=x:1", "a.b.TEL:1", "TEL;:1",
                               "TEL;TYPE=:1", "TEL;TYPE=a,,b:1", "TEL;TYPE=a=b:c:d"]))
def test_the_line_fast_path_reads_as_vobject(raw: str) -> None:
    from crmdesk.services.importing import vcard_reader

    fast = vcard_reader.fast_fields(raw)
    if fast is not None:
        assert fast == _vobject_or_error(raw)


@settings(max_examples=2000, deadline=None)
@given(st.lists(LINE | st.sampled_from(["TEL;TYPE=cell:+1 416", "TEL;TYPE=cell:+34 612",
                                        "EMAIL;TYPE=home,pref:a@b.c", "N:Peña;José;;;",
                                        "item1.EMAIL;type=INTERNET:x@y.z", "TEL;CELL:1",
                                        "NOTE;ENCODING=QUOTED-PRINTABLE:=C3=A9"]),
                min_size=1, max_size=8))
def test_a_line_whose_head_was_read_before_reads_as_if_it_were_new(lines: list[str]) -> None:
    """The heads remembered from earlier lines (the same 'TEL;TYPE=cell' on every card)
    give each line what reading it afresh gives: its own value, the head's types and
    parameters."""
    from crmdesk.services.importing import vcard_reader

    def afresh(raw: str) -> object:
        fields = vcard_reader.fast_fields(raw)
        if fields is None:
            try:
                fields = vcard_reader.vobject_fields(raw)
            except Exception as exc:  # noqa: BLE001 - the error is part of the answer
                return type(exc).__name__
        return vcard_reader._interpret(*fields)

    for raw in [*lines, *lines]:
        try:
            line: object = vcard_reader._parse_line(raw)
        except Exception as exc:  # noqa: BLE001 - the error is part of the answer
            line = type(exc).__name__
        assert line == afresh(raw), raw


def test_plain_card_lines_take_the_fast_path() -> None:
    from crmdesk.services.importing import vcard_reader

    for raw in ("N:Peña;José;;;", "TEL;TYPE=cell:+1 416 200 0000", "EMAIL;TYPE=home:a@b.es",
                "item1.X-ABLABEL:_$!<Other>!$_", "ADR;TYPE=home:;;;Madrid;;;"):
        assert vcard_reader.fast_fields(raw) == vcard_reader.vobject_fields(raw)


def _people(n: int, start: int = 0) -> list[object]:
    from crmdesk.services.customers import ContactPoint, CustomerData
    from crmdesk.services.importing.contact import ImportedContact

    return [ImportedContact(f"row {i + 2}", CustomerData(
        given_name=f"Ana{start + i}", family_name="Ruiz",
        phones=[ContactPoint("mobile", f"+1 416 555 {(start + i) % 10000:04d}")]))
        for i in range(n)]


def _schema() -> list[tuple[str, str]]:
    from crmdesk.store.db import db

    return db.execute_sql("SELECT name, sql FROM sqlite_master WHERE type IN ('index', "
                          "'trigger') ORDER BY name").fetchall()


def test_a_cancelled_large_import_keeps_every_index(book: object) -> None:
    from crmdesk.services.importing import contact_import
    from crmdesk.store.db import db

    before = _schema()
    plan = contact_import.plan(_people(contact_import.BULK_INDEXES + 1000), "many.csv", "US")
    calls = []

    def progress(done: int, total: int) -> bool:
        calls.append(done)
        return len(calls) < 2  # Cancel while the rows go in

    with pytest.raises(contact_import.ImportCancelled):
        contact_import.apply(plan, progress)
    assert _schema() == before
    assert db.execute_sql("SELECT count(*) FROM customer").fetchone()[0] == 0
    result = contact_import.apply(plan)
    assert result.created == contact_import.BULK_INDEXES + 1000 and _schema() == before
    plan = contact_import.plan(_people(10, 99_000), "few.csv", "US")
    assert contact_import.apply(plan).created == 10 and _schema() == before


def test_a_large_book_keeps_its_indexes_for_a_smaller_import(book: object) -> None:
    from crmdesk.services.importing import contact_import
    from crmdesk.store.db import db

    contact_import.apply(contact_import.plan(_people(8000), "first.csv", "US"))
    with db.atomic():
        conn = db.connection()
        assert contact_import._set_indexes_aside(conn, 6000, 8000) == []  # 8,000 held
        assert contact_import._set_indexes_aside(conn, 4999, 0) == []     # too few rows
        aside = contact_import._set_indexes_aside(conn, 9000, 8000)
        assert {"customer_sort", "customer_phone_e164"} <= {name for name, _ in aside}
        contact_import._put_indexes_back(conn, aside)


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab ;,\\nÉ\t")), max_size=30))
def test_a_card_name_reads_as_before(value: str) -> None:
    from crmdesk.services.importing import vcard_reader

    def before(v: str) -> list[str]:
        return [" ".join(x for x in (vcard_reader.unescape(y).strip()
                                     for y in vcard_reader._split(raw, ",")) if x)
                for raw in vcard_reader._split(v, ";")]

    card = vcard_reader.read_card([f"N:{value}"], "card 1")
    family, given = (before(value) + ["", ""])[:2]
    if family or given:
        assert (card.data.family_name, card.data.given_name) == (family, given)
