"""'Did you mean …?': suggestions from the names of the book, in the service and the CLI."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from crmdesk.services import customers, spelling
from crmdesk.services.customer_query import CustomerFilter
from crmdesk.services.customers import CustomerData
from tests.conftest import add


def _seed() -> dict[str, int]:
    return {
        "lola": add("Lola", "Peña", segment="VIP"),
        "maria": add("María", "López"),
        "fernandez": add("Pablo", "Fernández"),
        "hernandez": add("Luis", "Hernández"),
    }


def test_a_typo_suggests_the_name_as_the_book_writes_it(book: object) -> None:
    _seed()
    assert spelling.did_you_mean(CustomerFilter(text="pnea"), 0) == ["Peña"]
    assert spelling.did_you_mean(CustomerFilter(text="maira lopes"), 0) == ["María López"]
    assert spelling.did_you_mean(CustomerFilter(text="fernandz"), 0)[:2] == [
        "Fernández", "Hernández"]
    # nothing to suggest: spelt right, digits, an e-mail, nothing alike, or enough hits
    assert spelling.did_you_mean(CustomerFilter(text="pena"), 0) == []
    assert spelling.did_you_mean(CustomerFilter(text="555 12"), 0) == []
    assert spelling.did_you_mean(CustomerFilter(text="pnea@example.com"), 0) == []
    assert spelling.did_you_mean(CustomerFilter(text="xqzwv"), 0) == []
    assert spelling.did_you_mean(CustomerFilter(text="pnea"), 5) == []


def test_a_suggestion_must_find_someone_with_the_same_filters(book: object) -> None:
    _seed()
    assert spelling.did_you_mean(CustomerFilter(text="pnea", segment="VIP"), 0) == ["Peña"]
    assert spelling.did_you_mean(CustomerFilter(text="pnea", segment="Standard"), 0) == []


def test_the_word_list_follows_renames(book: object) -> None:
    ids = _seed()
    assert spelling.did_you_mean(CustomerFilter(text="ordonez"), 0) == []
    data = customers.load(ids["maria"])
    assert isinstance(data, CustomerData)
    data.family_name = "Ordóñez"
    customers.update(ids["maria"], data, "US")
    assert spelling.did_you_mean(CustomerFilter(text="ordonex"), 0) == ["Ordóñez"]


def test_any_text_gives_a_list_of_strings_never_an_error(book: object) -> None:
    _seed()

    @settings(max_examples=150, deadline=None)
    @given(st.text(max_size=40))
    def run(text: str) -> None:
        found = spelling.did_you_mean(CustomerFilter(text=text), 0)
        assert isinstance(found, list) and all(isinstance(s, str) for s in found)

    run()


def test_cli_search_says_did_you_mean(book: object, capsys: object) -> None:
    from crmdesk import cli
    from crmdesk.store.db import close_database

    _seed()
    path = str(book.path)  # type: ignore[attr-defined]
    close_database()
    assert cli.main(["search", "--db", path, "pnea"]) == 0
    err = capsys.readouterr().err  # type: ignore[attr-defined]
    assert "Did you mean: Peña?" in err
    assert "0 found." in err
    close_database()


def test_the_word_list_is_kept_until_a_name_changes(book: object) -> None:
    """Reading the word list again costs ~0.5 s at 100,000 customers: an audit entry or a
    call logged keeps it; a customer added, renamed or archived, here or by another program,
    makes it read again."""
    import sqlite3
    from dataclasses import replace

    from crmdesk.services import interactions
    from crmdesk.store.db import db

    ids = _seed()
    first = spelling.name_words()
    interactions.log(interactions.InteractionData(ids["lola"], "phone", "in", "Called"))
    db.execute_sql("UPDATE customer SET notes = 'x' WHERE id = ?", (ids["maria"],))
    assert spelling.name_words() is first
    maria = customers.load(ids["maria"])
    customers.update(ids["maria"], replace(maria, family_name="Lopezz"), "ES")
    second = spelling.name_words()
    assert second is not first and "lopezz" in second
    other = sqlite3.connect(str(db.database))
    with other:
        other.execute("UPDATE customer SET sort_name = 'zuniga lola', given_name = 'Lola', "
                      "family_name = 'Zuñiga' WHERE id = ?", (ids["lola"],))
    other.close()
    third = spelling.name_words()
    assert third is not second and "zuniga" in third
    customers.set_archived([ids["fernandez"]], True)
    assert "fernandez" not in spelling.name_words()


def test_a_bulk_import_counts_its_names_once(book: object) -> None:
    """A large import sets the row-counting triggers aside and adds its total once: the
    names counter moves too, so the new names are offered, and the trigger is back."""
    from crmdesk.services.importing import contact_import
    from crmdesk.services.importing.contact import ImportedContact
    from crmdesk.store.db import db

    _seed()
    before = spelling.name_words()
    plan = contact_import.plan([ImportedContact(f"row {i}", CustomerData(
        given_name="Zacarías", family_name=f"Quintanilla{'abcdefghij'[i % 10]}{i // 10}"))
        for i in range(1_200)], "many.csv", "ES")
    contact_import.apply(plan)
    after = spelling.name_words()
    assert after is not before and "quintanillah" in after
    assert db.execute_sql("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND "
                          "name = 'customer_names_insert'").fetchone()[0] == 1


def test_a_book_of_the_previous_schema_gets_the_names_counter(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.services import integrity
    from crmdesk.store import migrations
    from crmdesk.store.book import open_book
    from crmdesk.store.db import close_database, db, open_database

    path = tmp_path / "old.db"
    database = open_database(path)
    migrations.migrate(database, None, target=migrations.NAME_COUNTER_VERSION - 1)
    close_database()
    open_book(path)
    try:
        assert migrations.current_version(db) == migrations.LATEST
        lola = add("Lola", "Peña")
        first = spelling.name_words()
        assert "pena" in first and spelling.name_words() is first
        db.execute_sql("UPDATE customer SET sort_name = 'zuniga lola' WHERE id = ?", (lola,))
        assert "zuniga" in spelling.name_words()
        assert not integrity.check_book().problems
    finally:
        close_database()
