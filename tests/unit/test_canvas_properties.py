"""Property tests: quantiles, money text and the canvas commands' arguments."""

from __future__ import annotations

import statistics
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crmdesk.cli import main
from crmdesk.services import canvas
from crmdesk.store.db import close_database


@given(st.lists(st.floats(min_value=0, max_value=1e6, allow_nan=False), min_size=1))
def test_median_is_statistics_median(values: list[float]) -> None:
    assert canvas._quantile(values, 0.5) == pytest.approx(statistics.median(values))
    p90 = canvas._quantile(values, 0.9)
    assert p90 is not None and min(values) <= p90 <= max(values)


@settings(deadline=None)  # the first example imports numpy
@given(st.lists(st.floats(min_value=0, max_value=1e6, allow_nan=False)),
       st.integers(min_value=0, max_value=5), st.floats(min_value=0, max_value=1e6))
def test_segment_response_figures_match_the_plain_definitions(
        values: list[float], waiting: int, target: float) -> None:
    """The cards' median, p90 and share within target (one numpy sort) are the plain
    quantile and count over the same hours, also after hours are added."""
    from array import array

    from crmdesk.services import dashboard_columns

    row = canvas.SegmentRow("VIP", response_hours=array("d", values), unanswered=waiting)
    for _ in range(2):
        hours = list(row.response_hours)
        assert row.response_median_hours == canvas._quantile(hours, 0.5)
        assert row.response_p90_hours == canvas._quantile(hours, 0.9)
        total = len(hours) + waiting
        assert row.answered_within(target) == (
            sum(1 for h in hours if h <= target) / total if total else None)
        if hours:  # every group at once gives the same as one group alone
            import numpy as np

            seconds = [int(h * 3600) - 7200 for h in hours]  # whole seconds, some negative
            groups = np.array([i % 3 - 1 for i in range(len(seconds))])
            found = dashboard_columns.group_quantiles(groups, np.array(seconds), (0.5, 0.9),
                                                      3600)
            assert set(found) == set(groups.tolist())
            for g, (median, p90) in found.items():
                mine = [x / 3600 for i, x in enumerate(seconds) if i % 3 - 1 == g]
                assert (median, p90) == (canvas._quantile(mine, 0.5),
                                         canvas._quantile(mine, 0.9))
        row.response_hours.extend([target, target + 1])


@given(st.integers(min_value=-10**15, max_value=10**15))
def test_money_text_is_exact(cents: int) -> None:
    assert Decimal(canvas.money(cents) or "") == Decimal(cents) / 100
    assert Decimal((canvas.money_text(cents)).replace(",", "")) == Decimal(cents) / 100


@pytest.fixture(scope="module")
def book_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("props") / "b.db"
    assert main(["add", "--db", str(path), "--given", "A", "--family", "B"]) == 0
    close_database()
    return path


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["canvas", "dashboard"]),
       st.sampled_from(["--from", "--to", "--owner"]),
       st.text(min_size=1, max_size=30).filter(lambda t: not t.startswith("-")))
def test_any_argument_gives_figures_or_one_line(book_path: Path, capsys: pytest.CaptureFixture[str],
                                                command: str, option: str, value: str) -> None:
    args = [command, "--db", str(book_path), option, value, "--json"]
    try:
        code = main(args)
    finally:
        close_database()
    out = capsys.readouterr()
    assert code in (0, 1, 2)  # 2: refused by the argument layer (a NUL, not UTF-8)
    if code:
        assert out.out == "" and len(out.err.strip().splitlines()) == 1
        assert out.err.startswith("crmdesk: ")


def test_group_quantiles_of_values_too_wide_to_pack() -> None:
    import numpy as np

    from crmdesk.services import dashboard_columns

    values = [2**61, 5, -(2**61), 7, 9]
    found = dashboard_columns.group_quantiles(np.array([0, 1, 0, 1, 1]), np.array(values),
                                              (0.5,))
    assert found == {0: [canvas._quantile([2.0**61, -(2.0**61)], 0.5)],
                     1: [canvas._quantile([5, 7, 9], 0.5)]}
