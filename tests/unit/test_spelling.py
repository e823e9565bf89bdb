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
