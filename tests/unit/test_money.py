"""One strict money parser (services/validation.py): what parses means what it says."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmdesk.services import loyalty_programme, validation
from crmdesk.services.validation import InvalidValue, parse_money


@pytest.mark.parametrize(("text", "cents"), [
    ("1234.56", 1234_56), ("1,234.56", 1234_56), ("1.234,56", 1234_56), ("12", 12_00),
    ("12.5", 12_50), ("12,5", 12_50), ("12,50", 12_50), ("0.01", 1), (" 7 ", 7_00),
    ("1,234", 1234_00), ("1,234,567.89", 1_234_567_89), ("1.234.567,89", 1_234_567_89),
    ("1 234,56", 1234_56), ("1\u00a0234.56", 1234_56), ("1'234.56", 1234_56),
    ("1234567", 1_234_567_00), ("1000000000", 10**11),
])
def test_usual_ways_of_writing_an_amount_are_read_exactly(text: str, cents: int) -> None:
    assert parse_money(text) == cents
    assert loyalty_programme.parse_amount(text) == cents


@pytest.mark.parametrize("text", [
    "1,2,3", "1e5", "1E5", "1_000", "1_000.00", "12.505", "1,234.567", "NaN", "nan", "inf",
    "-inf", "Infinity", "", "   ", "abc", "12..5", "1,,234", ".5", "12.", "1.2.3", "1,23,456",
    "12,34,56", "1,234,56", "1.234.56", "0x10", "١٢٣", "１２", "12 50", "1 2", "+-1",
    "10000000000.01", "99999999999999999999", "1,234.5,6", "--5", "1.234,567", "12,345.6.7",
    "1, 234", "1 ,234", "1.234", "€12", "12€", "\x00", "1\x002",
])
def test_malformed_amounts_are_refused_with_one_line(text: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_money(text)
    assert "\n" not in str(caught.value) and str(caught.value)
    with pytest.raises(loyalty_programme.LoyaltyError):
        loyalty_programme.parse_amount(text)


def test_absurd_magnitudes_are_refused() -> None:
    assert parse_money("10,000,000,000.00") == validation.MAX_MONEY_CENTS == 10**12
    with pytest.raises(InvalidValue):
        parse_money("10000000000.01")
    with pytest.raises(loyalty_programme.LoyaltyError):  # one purchase: a billion at most
        loyalty_programme.parse_amount("1000000000.01")


def test_negatives_only_where_allowed() -> None:
    with pytest.raises(InvalidValue):
        parse_money("-12.50")
    assert parse_money("-12.50", allow_negative=True) == -12_50
    assert parse_money("-1.234,50", allow_negative=True) == -1234_50


def test_a_decimal_comma_book_reads_a_lone_point_as_thousands() -> None:
    assert parse_money("1.234", decimal_comma=True) == 1234_00
    with pytest.raises(InvalidValue):
        parse_money("1,234", decimal_comma=True)  # three decimals


def _formats(cents: int) -> list[str]:
    units, rest = divmod(cents, 100)
    plain = f"{units}.{rest:02d}"
    grouped = f"{units:,}.{rest:02d}"
    spanish = f"{units:,}".replace(",", ".") + f",{rest:02d}"
    out = [plain, grouped, spanish, plain.replace(".", ",")]
    if rest == 0:
        out.append(str(units))
    return out


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_every_formatted_amount_round_trips(cents: int) -> None:
    for text in _formats(cents):
        assert parse_money(text) == cents, text


_amount_chars = st.text(st.sampled_from("0123456789.,'_ eE+-\u00a0xn"), max_size=16)


def _means(text: str, cents: int) -> bool:
    """Re-reading: the digits of the text, with the decimal mark found, are the amount."""
    body = text.strip()
    digits = "".join(ch for ch in body if ch.isdigit())
    marks = [(i, ch) for i, ch in enumerate(body) if ch in ".,"]
    value = Decimal(digits or "0")
    if marks:
        i, ch = marks[-1]
        tail = len([c for c in body[i + 1:] if c.isdigit()])
        if tail <= 2 and [m for m in marks if m[1] == ch] == [marks[-1]]:
            value = value / (10 ** tail)
    return value * 100 == abs(cents)


@settings(max_examples=2000, deadline=None)
@given(_amount_chars)
def test_every_string_that_parses_means_what_it_says(text: str) -> None:
    try:
        cents = parse_money(text, allow_negative=True)
    except InvalidValue as exc:
        assert "\n" not in str(exc) and str(exc)
        return
    assert _means(text, cents), (text, cents)
    assert "e" not in text.lower() and "_" not in text and "x" not in text
    assert abs(cents) <= validation.MAX_MONEY_CENTS
    # The same amount formatted again reads back the same.
    for formatted in _formats(abs(cents)):
        assert parse_money(formatted) == abs(cents)


def test_cli_purchase_refuses_malformed_amounts_and_records_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from crmdesk.cli import main
    from crmdesk.store.db import close_database

    db = str(tmp_path / "b.db")
    assert main(["add", "--db", db, "--given", "Ana", "--family", "X"]) == 0
    close_database()
    for text in ("1,2,3", "1e5", "1_000", "12.505", "-5"):
        capsys.readouterr()
        assert main(["purchase", "--db", db, "--customer", "1", "--amount", text]) == 1
        close_database()
        err = capsys.readouterr().err
        assert err.startswith("crmdesk: ") and err.count("\n") == 1, err
    assert main(["purchase", "--db", db, "--customer", "1", "--amount", "1.234,50",
                 "--json"]) == 0
    close_database()
    done = json.loads(capsys.readouterr().out)
    assert done["amount_cents"] == 1234_50 and done["balance"] == done["points"]


def test_cli_points_are_whole_numbers_written_plainly(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from crmdesk.cli import main
    from crmdesk.store.db import close_database, db

    path = str(tmp_path / "b.db")
    assert main(["add", "--db", path, "--given", "Ana", "--family", "X"]) == 0
    close_database()
    for text in ("1_000", "1e5", "\u0661\u0660", "12.5", "0x10"):  # int() took some of these
        for argv in (["adjust", "--points", text, "--reason", "r"],
                     ["adjust", "--points", text, "--reason", "r", "--bonus"],
                     ["redeem", "--points", text]):
            capsys.readouterr()
            assert main([*argv, "--db", path, "--customer", "1"]) == 2, (argv, text)
            close_database()
            assert "is not a number of points" in capsys.readouterr().err
    assert main(["adjust", "--db", path, "--customer", "1", "--points", "+25", "--reason",
                 "welcome", "--bonus"]) == 0
    from crmdesk.store.book import open_book

    open_book(path)
    assert db.execute_sql("SELECT sum(points) FROM points_entry").fetchone()[0] == 25
    close_database()


def test_three_decimals_after_a_lone_point_say_how_to_write_thousands() -> None:
    with pytest.raises(InvalidValue, match=r"1\.234,00 or 1,234\.00"):
        parse_money("1.234")
