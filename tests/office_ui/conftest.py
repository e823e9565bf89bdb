"""The office book in the window: real windows on books synced through the test hub.

The hub fixtures are those of tests/hub (a throw-away PostgreSQL, skipped when absent);
the window fixtures those of tests/ui."""

from __future__ import annotations

from tests.hub.conftest import hub, office, pg_server  # noqa: F401 - fixtures
from tests.ui.conftest import answers, drive, make_window, qsettings  # noqa: F401 - fixtures
