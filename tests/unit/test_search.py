"""Search and filters: FTS5 prefixes, accents, partial phone digits, the e-mail index."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from crmdesk.services import customer_query, saved_views
from crmdesk.services.customer_query import CustomerFilter, customer_ids, fts_query
from crmdesk.store.db import db
from tests.conftest import add


def _seed() -> dict[str, int]:
    return {
        "lola": add("Dolores", "Peña", preferred_name="Lola", emails=("lola.pena@example.com",),
                    phones=("+1 905-555-1234",), segment="VIP", stage="growth",
                    company="Peña & Hijos", tags=["opera"], owner="Ana Ruiz"),
        "lukasz": add("Łukasz", "Wiśniewski", emails=("lukasz@example.pl",),
                      phones=("+48 501 234 567",), segment="Standard", stage="knowledge",
                      relationship_type="exclusive", tags=["golf", "wine"]),
        "nguyen": add("Hương", "Nguyễn", emails=("huong@mail.example.net",),
                      phones=("+84 90 123 4567",), segment="VIP", stage="retention",
                      notes="Met at the charity gala", owner="Ben Carter"),
    }


def test_words_accents_and_prefixes(book: object) -> None:
    ids = _seed()
    assert customer_ids(CustomerFilter(text="pena")) == [ids["lola"]]
    assert customer_ids(CustomerFilter(text="Peñ")) == [ids["lola"]]
    assert customer_ids(CustomerFilter(text="lola pe")) == [ids["lola"]]
    assert customer_ids(CustomerFilter(text="lukasz")) == [ids["lukasz"]]
    assert customer_ids(CustomerFilter(text="nguyen huong")) == [ids["nguyen"]]
    assert customer_ids(CustomerFilter(text="charity")) == [ids["nguyen"]]
    assert customer_ids(CustomerFilter(text="hijos")) == [ids["lola"]]
    assert customer_ids(CustomerFilter(text="wine")) == [ids["lukasz"]]
    assert customer_ids(CustomerFilter(text="zzz")) == []


def test_partial_phone_digits(book: object) -> None:
    ids = _seed()
    assert customer_ids(CustomerFilter(text="5551")) == [ids["lola"]]
    assert customer_ids(CustomerFilter(text="555-12")) == [ids["lola"]]
    assert customer_ids(CustomerFilter(text="(905) 555")) == [ids["lola"]]
    assert customer_ids(CustomerFilter(text="501 234")) == [ids["lukasz"]]
    assert customer_ids(CustomerFilter(text="234 567")) == [ids["nguyen"], ids["lukasz"]]
    assert customer_ids(CustomerFilter(text="+84 90")) == [ids["nguyen"]]


def test_email_input_uses_the_email_index(book: object) -> None:
    ids = _seed()
    assert customer_ids(CustomerFilter(text="Lola.Pena@")) == [ids["lola"]]
    assert customer_ids(CustomerFilter(text="lola.pena@example.com")) == [ids["lola"]]
    assert customer_ids(CustomerFilter(text="@example.pl")) == [ids["lukasz"]]
    assert customer_ids(CustomerFilter(text="nobody@example.com")) == []
    plan = " ".join(str(r) for r in db.execute_sql(
        "EXPLAIN QUERY PLAN SELECT customer_id FROM customer_email "
        "WHERE address_key >= ? AND address_key < ?", ("a@", "a@\U0010ffff")))
    assert "customer_email_key" in plan


def test_filters_and_sort(book: object) -> None:
    ids = _seed()
    assert customer_ids(CustomerFilter(segment="VIP")) == [ids["nguyen"], ids["lola"]]
    assert customer_ids(CustomerFilter(stage="knowledge")) == [ids["lukasz"]]
    assert customer_ids(CustomerFilter(relationship="exclusive")) == [ids["lukasz"]]
    assert customer_ids(CustomerFilter(owner="Ben Carter")) == [ids["nguyen"]]
    assert customer_ids(CustomerFilter(tag="opera")) == [ids["lola"]]
    assert customer_ids(CustomerFilter(segment="VIP", text="pena")) == [ids["lola"]]
    by_stage = customer_ids(CustomerFilter(sort="stage"))
    assert by_stage == [ids["lukasz"], ids["lola"], ids["nguyen"]]
    assert customer_ids(CustomerFilter(sort="stage", descending=True)) == by_stage[::-1]
    assert customer_query.count() == 3


def test_saved_views_round_trip(book: object) -> None:
    ids = _seed()
    saved_views.save(" VIP  clients ", CustomerFilter(segment="VIP", sort="stage",
                                                    descending=True))
    assert saved_views.names() == ["VIP clients"]
    flt = saved_views.load("VIP clients")
    assert (flt.segment, flt.sort, flt.descending) == ("VIP", "stage", True)
    assert customer_ids(flt) == [ids["nguyen"], ids["lola"]]
    saved_views.save("VIP clients", CustomerFilter(segment="Standard"))
    assert saved_views.load("VIP clients").segment == "Standard"
    saved_views.delete("VIP clients")
    assert saved_views.names() == []


def test_fold_removes_case_and_accents() -> None:
    from crmdesk.services.search_index import fold, sort_name

    assert [fold(w) for w in ("Peña", "Łukasz", "Øster", "Nguyễn", "Großmann", "Ærø")] == [
        "pena", "lukasz", "oster", "nguyen", "grossmann", "aero"]
    assert sort_name(" Dolores ", "Peña ") == "pena dolores"


def test_fts_query_shapes() -> None:
    assert fts_query("") is None
    assert fts_query("  ") is None
    assert fts_query('lo"la') == '"lo"* AND "la"*'
    assert fts_query("905-555") == 'phones : "905555"*'
    assert fts_query("12") == '"12"*'


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_any_typed_text_is_a_valid_query(text: str) -> None:
    expression = fts_query(text)
    if expression is not None:
        assert expression.count('"') % 2 == 0


def test_random_search_text_never_raises(book: object) -> None:
    _seed()

    @settings(max_examples=200, deadline=None)
    @given(st.text(max_size=30))
    def run(text: str) -> None:
        customer_ids(CustomerFilter(text=text))

    run()


def _hidden_client_office() -> dict[str, int]:
    """Eva's exclusive client (company, tags, segment and notes hidden from Rita), an ordinary
    client with the same company, a manager, Eva and a receptionist (Rita)."""
    from crmdesk.services import access, staff

    for name, role in (("Marta", "manager"), ("Eva", "executive"), ("Rita", "receptionist")):
        access.set_password(staff.add(name, role), f"{name.lower()}-secret-1")
    return {
        "hidden": add("Lola", "Peña", emails=("lola@example.es",), company="Banco Sur",
                      relationship_type="exclusive", owner="Eva", segment="VIP",
                      tags=["yacht"], occupation="Shipowner", notes="Collects Goya"),
        "open": add("Carla", "Ruiz", emails=("carla@example.com",), company="Banco Sur",
                    segment="Standard", tags=["golf"]),
    }


def test_search_and_filters_never_select_what_the_person_may_not_see(book: object) -> None:
    """The four probes of a receptionist (company, tag word, segment filter, tag filter) and
    an occupation find nothing of an exclusive client she sees at contact level only; her
    name, e-mail and phone still find her; a manager finds her every way."""
    from crmdesk.services import access, lifecycle

    ids = _hidden_client_office()
    probes = [CustomerFilter(text="banco"), CustomerFilter(text="yacht"),
              CustomerFilter(segment="VIP"), CustomerFilter(tag="yacht"),
              CustomerFilter(text="shipowner"), CustomerFilter(text="lola banco"),
              CustomerFilter(text="lola", segment="VIP")]
    for who, sees in (("Rita", False), ("Marta", True)):
        access.sign_in(who, f"{who.lower()}-secret-1")
        for flt in probes:
            found = customer_ids(flt)
            assert (ids["hidden"] in found) == sees, (who, flt)
            # the board and the list's quick count go through the same rule
            on_board = lifecycle.column_ids("knowledge", flt)
            assert (ids["hidden"] in on_board) == sees, (who, flt)
            assert (lifecycle.column_counts(flt)["knowledge"] == len(found)), (who, flt)
            hits = customer_query.text_only_count(flt, 2)
            assert hits in (None, len(found)), (who, flt, hits)
            first = customer_query.first_page(flt, 50, len(found), 2)
            assert (ids["hidden"] in first) == sees, (who, flt)
        assert ids["open"] in customer_ids(CustomerFilter(text="banco"))
        for text in ("lola", "pena", "lola@example.es", "@example.es"):
            assert ids["hidden"] in customer_ids(CustomerFilter(text=text)), (who, text)
        access.reset()


def test_the_trash_search_keeps_hidden_fields_hidden(book: object) -> None:
    from crmdesk.services import access, customers

    ids = _hidden_client_office()
    customers.set_archived([ids["hidden"], ids["open"]], True)
    access.sign_in("Rita", "rita-secret-1")
    assert customer_ids(CustomerFilter(text="banco", archived=True)) == [ids["open"]]
    assert customer_ids(CustomerFilter(text="lola", archived=True)) == [ids["hidden"]]
    access.reset()


def test_the_accents_taken_as_folded_are_those_the_fts_tokenizer_strips() -> None:
    """search_index.folds_as_indexed lets a broad search take a name starting with what was
    typed for a hit without asking FTS; it must only say so of letters SQLite's tokenizer
    (unicode61, remove_diacritics 2) folds as `fold` does: held for every letter of the set,
    in the SQLite of plain books and in SQLCipher's of encrypted ones."""
    import sqlite3

    from crmdesk.services.search_index import _latin_with_accents, fold, folds_as_indexed

    modules = [sqlite3]
    try:
        from sqlcipher3 import dbapi2 as sqlcipher  # type: ignore[import-untyped]

        modules.append(sqlcipher)
    except ImportError:  # (a build without SQLCipher has no encrypted books)
        pass
    letters = sorted(ch for ch in _latin_with_accents() if not ch.isascii())
    assert {"á", "é", "ñ", "ü", "ç", "ễ", "ś", "ź"} <= set(letters)
    assert not {"ø", "ł", "ß", "æ", "đ"} & set(letters)
    for module in modules:
        con = module.connect(":memory:")
        con.execute("CREATE VIRTUAL TABLE t USING fts5(x, "
                    "tokenize = 'unicode61 remove_diacritics 2')")
        con.executemany("INSERT INTO t (rowid, x) VALUES (?, ?)",
                        [(i, f"q{ch}q {ch.upper()}z") for i, ch in enumerate(letters)])
        for i, ch in enumerate(letters):
            for word in (f"q{ch}q", f"{ch.upper()}z"):
                found = con.execute("SELECT rowid FROM t WHERE t MATCH ?",
                                    (f'"{fold(word)}"',)).fetchall()
                assert (i,) in found, (module.__name__, ch, word)
        con.close()
    assert folds_as_indexed("Martínez Núñez") and folds_as_indexed("O'Brien")
    assert not folds_as_indexed("Øster") and not folds_as_indexed("Łukasz")
    assert not folds_as_indexed("明") and not folds_as_indexed(None)


def test_the_trunk_prefixes_table_is_the_phone_metadata() -> None:
    """The table of trunk prefixes (which spares a phone search importing phonenumbers)
    says what phonenumbers' metadata says, for every number that could be a calling code."""
    from crmdesk.services import search_index, trunk_prefixes

    differ = {cc: (trunk_prefixes.trunk_prefix(cc), search_index.trunk_prefix_from_metadata(cc))
              for cc in range(0, 1000)
              if trunk_prefixes.trunk_prefix(cc) != search_index.trunk_prefix_from_metadata(cc)}
    assert not differ, ("regenerate crmdesk/services/trunk_prefixes.py from "
                        f"search_index.trunk_prefix_from_metadata: (table, metadata) {differ}")
    assert search_index.phone_tokens("+442079460018") == "442079460018 02079460018"
    assert search_index.phone_tokens("+36301234567") == "36301234567 06301234567"
    assert search_index.phone_tokens("+14165550100") == "14165550100"


def test_a_phone_search_and_its_matched_number_do_not_import_phonenumbers(
        tmp_path: object) -> None:
    """The first phone search in the window (the matched number shown, its national form)
    used to import phonenumbers (110 ms) while the list repainted."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from crmdesk.store.book import open_book\n"
        "from crmdesk.services import customer_query, search_index\n"
        f"open_book({str(tmp_path)!r} + '/b.db')\n"
        "from crmdesk.store.db import db\n"
        "db.execute_sql(\"INSERT INTO customer_phone_search (rowid, digits) VALUES (1, ?)\", "
        "(search_index.phone_tokens('+442079460018'),))\n"
        "customer_query.customer_ids(customer_query.CustomerFilter(text='020 7946'))\n"
        "print(search_index.trunk_national('+33612345678', '33612345678'))\n"
        "print('phonenumbers' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["0612345678", "False"]


def _sqlite_modules() -> list[object]:
    import sqlite3

    modules: list[object] = [sqlite3]
    try:
        from sqlcipher3 import dbapi2 as sqlcipher  # type: ignore[import-untyped]

        modules.append(sqlcipher)
    except ImportError:  # (a build without SQLCipher has no encrypted books)
        pass
    return modules


def test_letters_kept_as_they_are_are_letters_of_a_word_in_fts5() -> None:
    """Every character of the Basic Multilingual Plane that leading_words keeps as it is
    (search_index._kept_letter) is, in SQLite's own tokenizer, part of the word it stands
    in and not ASCII there: 'q<ch>q' is one word, which no plain ASCII word matches."""
    from crmdesk.services.search_index import _kept_letter

    kept = [chr(code) for code in range(0x80, 0x10000)
            if not 0xD800 <= code < 0xE000 and _kept_letter(chr(code))]
    assert {"ø", "ł", "æ", "đ", "д", "明", "ı"} <= set(kept)
    # (the Kelvin sign, the ligature fi and ß ('ss' case-folded) may become ASCII; accents,
    # marks and punctuation are not kept letters)
    assert not {"\u212a", "\ufb01", "ß", "é", "\u0301", "\u00b7", "\u2013"} & set(kept)
    for module in _sqlite_modules():
        con = module.connect(":memory:")  # type: ignore[attr-defined]
        con.execute("CREATE VIRTUAL TABLE t USING fts5(x, "
                    "tokenize = 'unicode61 remove_diacritics 2')")
        con.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row')")
        con.executemany("INSERT INTO t (rowid, x) VALUES (?, ?)",
                        [(code, f"q{ch}q") for code, ch in ((ord(c), c) for c in kept)])
        # each row one word (the documents of all words add up to the rows), each of three
        # letters, none in ASCII
        words = con.execute("SELECT term, doc FROM v").fetchall()
        assert sum(doc for _term, doc in words) == len(kept), module
        odd = [term for term, _doc in words if len(term) != 3 or term.isascii()]
        assert not odd, (module, odd[:20])
        con.close()


@settings(max_examples=400, deadline=None)
@given(name=st.text(st.sampled_from("ab Zé-ñøŁ明'\u0301\u00b7K\u212a9_ .ü"), max_size=12),
       typed=st.lists(st.text("abzekno9", min_size=1, max_size=3), min_size=1, max_size=2))
def test_leading_words_decide_a_first_words_match_as_fts5_does(name: str,
                                                               typed: list[str]) -> None:
    """Where leading_words tells the first words of a name, whether they are the ASCII words
    typed (the last one a prefix) is what FTS5's own '^' phrase query says."""
    from crmdesk.services.search_index import leading_words

    held = leading_words(name, len(typed))
    if held is None:
        return
    *whole, last = typed
    ours = len(held) >= len(typed) and held[len(whole)].startswith(last) and \
        held[:len(whole)] == whole
    for module in _sqlite_modules():
        con = module.connect(":memory:")  # type: ignore[attr-defined]
        con.execute("CREATE VIRTUAL TABLE t USING fts5(name, "
                    "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')")
        con.execute("INSERT INTO t (rowid, name) VALUES (1, ?)", (name,))
        found = con.execute("SELECT count(*) FROM t WHERE t MATCH ?",
                            (f'name : ^"{" ".join(typed)}"*',)).fetchone()[0]
        con.close()
        assert ours is bool(found), (module, name, typed, held)
