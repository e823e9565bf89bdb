"""Ledger rules: earning, redeeming, expiry, tiers, corrections, and the kept balance."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import peewee
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crmdesk.reports.statement_data import BatchContext, gather
from crmdesk.services import locale_text, loyalty_ledger, loyalty_programme, periods
from crmdesk.services.loyalty_ledger import LoyaltyError, add_months
from crmdesk.services.loyalty_programme import Programme, RewardInfo, Tier, tier_for
from crmdesk.store.db import db
from tests.conftest import add

NOW = dt.datetime(2026, 11, 20, 15, 0, tzinfo=dt.UTC)


def entries(cid: int) -> list[tuple[str, int]]:
    return [(k, p) for k, p in db.execute_sql(
        "SELECT kind, points FROM points_entry WHERE customer_id = ? ORDER BY id", (cid,))]


@pytest.mark.parametrize(("cents", "rate", "points"), [
    (12_50, "1", 12), (99, "1", 0), (100, "1", 1), (1_999, "1.5", 29), (1_000, "0.1", 1),
    (999, "0.1", 0), (123_456_78, "2", 246_913),
])
def test_earn_rounds_down_to_whole_points(cents: int, rate: str, points: int) -> None:
    assert Programme(points_per_unit=Decimal(rate)).earn(cents) == points


@pytest.mark.parametrize(("text", "cents"), [
    ("12.50", 1250), ("12,50", 1250), ("1,234.50", 123450), ("1.234,50", 123450),
    ("7", 700), (" 0.01 ", 1), ("1,234", 123400),
])
def test_amounts_are_read_exactly(text: str, cents: int) -> None:
    assert loyalty_programme.parse_amount(text) == cents


@pytest.mark.parametrize("text", ["", "abc", "12.505", "1e400", "NaN", "inf", "12..5"])
def test_bad_amounts_are_refused_with_a_message(text: str) -> None:
    with pytest.raises(LoyaltyError):
        loyalty_programme.parse_amount(text)


def test_tier_thresholds_are_reached_on_the_boundary() -> None:
    prog = Programme()
    assert tier_for(999, prog).tier == "Member"
    assert tier_for(1_000, prog).tier == "Silver"
    assert tier_for(4_999, prog).tier == "Silver" and tier_for(4_999, prog).to_next == 1
    assert tier_for(5_000, prog).tier == "Gold"
    top = tier_for(15_000, prog)
    assert top.tier == "Platinum" and top.next_tier is None and top.progress == 1.0
    assert tier_for(0, prog).progress == 0.0 and tier_for(0, prog).next_tier == "Silver"


def test_programme_settings_are_validated_and_kept(book: object) -> None:
    bad = Programme(tiers=[Tier("Gold", 5_000), Tier("Silver", 1_000)])
    with pytest.raises(LoyaltyError, match="rise"):
        loyalty_programme.save_programme(bad)
    with pytest.raises(LoyaltyError, match="currency"):
        loyalty_programme.save_programme(Programme(currency="euro"))
    loyalty_programme.save_programme(Programme(currency="eur", points_per_unit=Decimal("2"),
                                               expiry_months=12, base_tier="Blue"))
    prog = loyalty_programme.programme()
    assert (prog.currency, prog.points_per_unit, prog.expiry_months, prog.base_tier) == \
        ("EUR", Decimal("2"), 12, "Blue")


def test_default_currency_follows_the_book_region(book: object) -> None:
    from crmdesk.services import settings as book_settings

    assert loyalty_programme.programme().currency == "USD"
    book_settings.set_default_region("ES")
    assert loyalty_programme.programme().currency == "EUR"


def test_a_purchase_earns_points_and_counts_for_lifetime_value(book: object) -> None:
    cid = add("Lola", "Peña")
    result = loyalty_ledger.record_purchase(cid, 12_50, description="Watch strap", now=NOW)
    assert result.points == 12 and result.first_purchase
    assert not loyalty_ledger.record_purchase(cid, 50_00, now=NOW).first_purchase
    old = loyalty_ledger.record_purchase(cid, 100_00, on=dt.date(2025, 1, 10), now=NOW)
    assert entries(cid) == [("earn", 12), ("earn", 50), ("earn", 100)]
    summary = loyalty_ledger.summary(cid, NOW)
    assert summary.balance == 162 and summary.purchases == 3
    assert (summary.lifetime_cents, summary.last_12m_cents) == (162_50, 62_50)
    # The backdated purchase is on its own day, at noon local time.
    when = db.execute_sql("SELECT happened_at FROM points_entry WHERE purchase_id = ?",
                          (old.purchase_id,)).fetchone()[0]
    assert loyalty_ledger.parse_ts(when).astimezone().date() == dt.date(2025, 1, 10)


def test_purchase_rules(book: object) -> None:
    cid = add("Ana", "Ruiz")
    with pytest.raises(LoyaltyError, match="more than zero"):
        loyalty_ledger.record_purchase(cid, 0, now=NOW)
    with pytest.raises(LoyaltyError, match="future"):
        loyalty_ledger.record_purchase(cid, 100, on=dt.date(2027, 1, 1), now=NOW)
    with pytest.raises(LoyaltyError, match="no customer"):
        loyalty_ledger.record_purchase(999, 100, now=NOW)
    # Another currency counts for the record but earns no points automatically.
    foreign = loyalty_ledger.record_purchase(cid, 100_00, currency="gbp", now=NOW)
    assert foreign.points == 0
    assert loyalty_ledger.summary(cid, NOW).other_currencies == {"GBP": 100_00}
    assert db.execute_sql("SELECT count(*) FROM purchase").fetchone()[0] == 1


def test_redeem_is_refused_when_short_and_leaves_nothing(book: object) -> None:
    cid = add("Ben", "Carter")
    loyalty_ledger.record_purchase(cid, 300_00, now=NOW)
    loyalty_programme.save_rewards([RewardInfo(0, "Spa day", 250, True),
                                    RewardInfo(0, "Old gift", 10, False)])
    with pytest.raises(LoyaltyError, match="has 300 points.*needs 301 .1 short"):
        loyalty_ledger.redeem(cid, 301, now=NOW)
    with pytest.raises(LoyaltyError, match="costs 250"):
        loyalty_ledger.redeem(cid, 200, reward="spa DAY", now=NOW)
    with pytest.raises(LoyaltyError, match="no longer offered"):
        loyalty_ledger.redeem(cid, 10, reward="Old gift", now=NOW)
    with pytest.raises(LoyaltyError, match="no reward"):
        loyalty_ledger.redeem(cid, 10, reward="Yacht", now=NOW)
    assert entries(cid) == [("earn", 300)]
    loyalty_ledger.redeem(cid, 250, reward="spa day", now=NOW)
    assert entries(cid)[-1] == ("redeem", -250)
    assert loyalty_ledger.balance(cid) == 50
    with pytest.raises(LoyaltyError, match="short"):
        loyalty_ledger.redeem(cid, 250, reward="Spa day", now=NOW)


def test_adjust_needs_a_reason_and_never_goes_negative(book: object) -> None:
    cid = add("Eve", "Okafor")
    with pytest.raises(LoyaltyError, match="reason"):
        loyalty_ledger.adjust(cid, 10, "  ", now=NOW)
    with pytest.raises(LoyaltyError, match="negative"):
        loyalty_ledger.adjust(cid, -1, "Typo", now=NOW)
    loyalty_ledger.adjust(cid, 40, "Welcome gift promised on the phone", now=NOW)
    loyalty_ledger.adjust(cid, -15, "Double-counted voucher", now=NOW)
    assert entries(cid) == [("adjust", 40), ("adjust", -15)]
    with pytest.raises(LoyaltyError, match="not 0"):
        loyalty_ledger.adjust(cid, 0, "Nothing", now=NOW)


def test_the_ledger_is_append_only(book: object) -> None:
    cid = add("Farah", "Haddad")
    result = loyalty_ledger.record_purchase(cid, 10_00, now=NOW)
    with pytest.raises(peewee.IntegrityError, match="append-only"):
        db.execute_sql("UPDATE points_entry SET points = 1000")
    with pytest.raises(peewee.IntegrityError, match="reversal"):
        db.execute_sql("UPDATE purchase SET amount_cents = 1")
    # A correction is a new entry: reversing the purchase takes its points back.
    back = loyalty_ledger.reverse_purchase(result.purchase_id, "Returned the item", now=NOW)
    assert back.points == -10
    assert entries(cid) == [("earn", 10), ("earn", -10)]
    with pytest.raises(LoyaltyError, match="already reversed"):
        loyalty_ledger.reverse_purchase(result.purchase_id, "Again", now=NOW)
    assert loyalty_ledger.summary(cid, NOW).lifetime_cents == 0


def test_a_reversal_cannot_take_back_points_already_spent(book: object) -> None:
    cid = add("Gus", "Spent")
    first = loyalty_ledger.record_purchase(cid, 100_00, now=NOW)
    loyalty_ledger.redeem(cid, 80, now=NOW)
    back = loyalty_ledger.reverse_purchase(first.purchase_id, "Refund", now=NOW)
    assert back.points == -20 and loyalty_ledger.balance(cid) == 0


def at(year: int, month: int, day: int) -> dt.datetime:
    return dt.datetime(year, month, day, 12, tzinfo=dt.UTC)


def test_expiry_is_first_in_first_out_and_idempotent(book: object) -> None:
    cid = add("Ida", "Old")
    # Each purchase recorded on the day it was made.
    for amount, when in ((100_00, at(2024, 1, 10)), (50_00, at(2024, 6, 1)),
                         (30_00, at(2025, 1, 5))):
        loyalty_ledger.record_purchase(cid, amount, now=when)
    loyalty_ledger.redeem(cid, 120, now=at(2025, 2, 1))  # uses the oldest points first
    loyalty_ledger.record_purchase(cid, 20_00, now=at(2026, 5, 1))  # Jan 2024's 100 used up
    prog = loyalty_programme.programme()
    assert loyalty_ledger.expiring(cid, NOW, prog) == (30, dt.date(2027, 1, 5))
    assert loyalty_ledger.expire_due(NOW) == 1
    assert entries(cid)[-1] == ("expire", -30)  # 150 earned by June 2024, 120 of them spent
    assert loyalty_ledger.expire_due(NOW) == 0
    assert loyalty_ledger.expire_due(NOW, full=True) == 0
    assert loyalty_ledger.expire_due(NOW + dt.timedelta(days=1)) == 0
    assert loyalty_ledger.balance(cid) == 50
    # The expiry is dated when the newest expiring lot reached 24 months.
    when = db.execute_sql("SELECT happened_at FROM points_entry WHERE kind = 'expire'"
                          ).fetchone()[0]
    assert loyalty_ledger.parse_ts(when) == at(2026, 6, 1)
    later = dt.datetime(2027, 1, 6, 12, tzinfo=dt.UTC)
    assert loyalty_ledger.expire_due(later) == 1
    assert entries(cid)[-1] == ("expire", -30) and loyalty_ledger.balance(cid) == 20
    assert loyalty_ledger.expire_due(later) == 0


def test_a_purchase_dated_beyond_the_expiry_period_expires_at_once(book: object) -> None:
    cid = add("Bea", "Late")
    loyalty_ledger.record_purchase(cid, 100_00, on=dt.date(2023, 1, 1), now=NOW)
    assert entries(cid) == [("earn", 100), ("expire", -100)]
    assert loyalty_ledger.balance(cid) == 0


def test_expired_points_cannot_be_spent(book: object) -> None:
    cid = add("Jo", "Late")
    loyalty_ledger.record_purchase(cid, 100_00, now=at(2023, 1, 1))
    with pytest.raises(LoyaltyError, match="has 0 points"):
        loyalty_ledger.redeem(cid, 50, now=NOW)
    # A refused action writes nothing at all; the expiry is written by the next run.
    assert entries(cid) == [("earn", 100)]
    assert loyalty_ledger.expire_due(NOW) == 1
    assert entries(cid) == [("earn", 100), ("expire", -100)]


def test_qualifying_points_use_the_rolling_window(book: object) -> None:
    cid = add("Kim", "Window")
    loyalty_ledger.record_purchase(cid, 900_00, on=dt.date(2025, 11, 1), now=NOW)  # outside
    loyalty_ledger.record_purchase(cid, 990_00, on=dt.date(2026, 1, 1), now=NOW)
    loyalty_ledger.add_bonus(cid, 10, "Referral", now=NOW)
    loyalty_ledger.redeem(cid, 500, now=NOW)  # spending does not lower the tier
    status = loyalty_ledger.summary(cid, NOW).status
    assert (status.qualifying, status.tier, status.next_tier, status.to_next) == \
        (1_000, "Silver", "Gold", 4_000)


def test_balance_kept_by_triggers_matches_the_ledger(book: object) -> None:
    a, b = add("A", "One"), add("B", "Two")
    loyalty_ledger.record_purchase(a, 10_00, now=NOW)
    loyalty_ledger.add_bonus(b, 5, "Hello", now=NOW)
    assert loyalty_ledger.check_balances() == []
    # Moving entries (as a merge does) moves the kept balance too.
    db.execute_sql("UPDATE points_entry SET customer_id = ? WHERE customer_id = ?", (a, b))
    assert db.execute_sql("SELECT points_balance FROM customer ORDER BY id").fetchall() == \
        [(15,), (0,)]
    db.execute_sql("UPDATE customer SET points_balance = 99 WHERE id = ?", (b,))
    assert loyalty_ledger.check_balances() == [
        f"Customer {b}: balance 99 but the ledger sums to 0"]


def test_rewards_catalogue_round_trip(book: object) -> None:
    loyalty_programme.save_rewards([RewardInfo(0, "Coffee", 100, True),
                                    RewardInfo(0, "Lunch", 900, True)])
    coffee, lunch = loyalty_programme.rewards()
    loyalty_programme.save_rewards([RewardInfo(coffee.id, "Lunch", 100, True),
                                    RewardInfo(lunch.id, "Coffee", 900, False)])
    assert [(r.name, r.points_cost, r.active) for r in loyalty_programme.rewards()] == \
        [("Lunch", 100, True), ("Coffee", 900, False)]
    with pytest.raises(LoyaltyError, match="same name"):
        loyalty_programme.save_rewards([RewardInfo(0, "X", 1, True), RewardInfo(0, "x", 2, True)])
    assert len(loyalty_programme.rewards()) == 2


def test_add_months_clamps_to_short_months() -> None:
    assert add_months(dt.datetime(2024, 1, 31), 1) == dt.datetime(2024, 2, 29)
    assert add_months(dt.datetime(2026, 3, 31), -24) == dt.datetime(2024, 3, 31)
    assert add_months(dt.datetime(2026, 12, 15), 1) == dt.datetime(2027, 1, 15)


@pytest.mark.parametrize(("text", "first", "last", "label"), [
    ("2026-10", dt.date(2026, 10, 1), dt.date(2026, 10, 31), "October 2026"),
    ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29), "February 2024"),
    ("2026-Q3", dt.date(2026, 7, 1), dt.date(2026, 9, 30), "Q3 2026"),
    ("2026q4", dt.date(2026, 10, 1), dt.date(2026, 12, 31), "Q4 2026"),
    ("2026", dt.date(2026, 1, 1), dt.date(2026, 12, 31), "2026"),
])
def test_periods(text: str, first: dt.date, last: dt.date, label: str) -> None:
    period = periods.parse_period(text)
    assert (period.first, period.last, period.label()) == (first, last, label)


@pytest.mark.parametrize("text", ["2026-13", "2026-Q5", "Oct 2026", "", "26-10"])
def test_bad_periods_say_what_is_expected(text: str) -> None:
    with pytest.raises(periods.BadPeriod, match="YYYY|month"):
        periods.parse_period(text)


def test_money_and_numbers_in_both_languages() -> None:
    assert locale_text.money(123_450, "USD") == "$1,234.50"
    assert locale_text.money(123_450, "EUR", "es") == "1.234,50 €"
    assert locale_text.money(-5, "GBP") == "−£0.05"
    assert locale_text.integer(1234567, "es") == "1.234.567"
    assert periods.parse_period("2026-10").label("es") == "Octubre 2026"


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["purchase", "bonus", "redeem", "adjust"]),
                          st.integers(1, 5_000), st.integers(0, 900)), max_size=25),
       st.integers(0, 900), st.integers(1, 400))
def test_closing_is_opening_plus_the_period(book: object, ops: list[tuple[str, int, int]],
                                            start_back: int, length: int) -> None:
    """For random ledgers (including refused operations and expiry runs): the entries of any
    period sum to closing − opening, and the running balance ends at the closing balance."""
    db.execute_sql("DELETE FROM customer")
    cid = add("Prop", "Erty")
    for kind, amount, days_back in sorted(ops, key=lambda o: -o[2]):
        when = NOW - dt.timedelta(days=days_back)
        try:
            if kind == "purchase":
                loyalty_ledger.record_purchase(cid, amount * 10, on=when.date(), now=NOW)
            elif kind == "bonus":
                loyalty_ledger.add_bonus(cid, amount, "Bonus", now=when)
            elif kind == "redeem":
                loyalty_ledger.redeem(cid, amount, now=when)
            else:
                loyalty_ledger.adjust(cid, -amount, "Fix", now=when)
        except LoyaltyError:
            pass
    loyalty_ledger.expire_due(NOW)
    start = NOW - dt.timedelta(days=start_back)
    end = start + dt.timedelta(days=length)
    opening, lines = loyalty_ledger.ledger(cid, start, end)
    closing_opening, _ = loyalty_ledger.ledger(cid, end, None)
    assert closing_opening == opening + sum(line.points for line in lines)
    if lines:
        assert lines[-1].balance == closing_opening
    assert loyalty_ledger.balance(cid) >= 0
    assert loyalty_ledger.check_balances() == []
    # The statement of the same days agrees (its period is in whole local days).
    period = periods.between((NOW - dt.timedelta(days=start_back)).astimezone().date(),
                             (NOW - dt.timedelta(days=start_back - length)).astimezone().date())
    data = gather(cid, period, BatchContext.load(NOW))
    assert data.closing == data.opening + data.earned - data.used
    assert data.closing == (data.lines[-1].balance if data.lines else data.opening)
    assert data.closing == loyalty_ledger.ledger(cid, period.end_utc(), None)[0]


def test_a_book_of_the_previous_schema_keeps_its_rewards_without_spanish_names(
        tmp_path: Path) -> None:
    import peewee

    from crmdesk.store import migrations
    from crmdesk.store.book import open_book
    from crmdesk.store.db import close_database
    from crmdesk.store.db import db as proxy

    path = tmp_path / "old.db"
    database = peewee.SqliteDatabase(str(path))
    proxy.initialize(database)
    migrations.migrate(database, None, target=migrations.REWARD_NAMES_VERSION - 1)
    database.execute_sql("INSERT INTO reward (name, points_cost, active, created_at) VALUES "
                         "('Coffee', 100, 1, '2025-01-01T00:00:00Z')")
    database.close()
    open_book(path)
    try:
        assert migrations.current_version(proxy) == migrations.LATEST
        [coffee] = loyalty_programme.rewards()
        assert (coffee.name, coffee.name_es, coffee.name_in("es")) == ("Coffee", "", "Coffee")
    finally:
        close_database()
