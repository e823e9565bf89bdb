"""crmdesk: an offline-first desktop client book."""

import sys as _sys

__version__ = "0.1.0"
APP_NAME = "crmdesk"

# Peewee imports psycopg at its own import when it is installed (~80 ms at every start),
# for a PostgreSQL support crmdesk never uses through Peewee: the office hub talks to
# PostgreSQL with psycopg directly, and only when a hub is used (crmdesk.hub). So Peewee
# is imported here with psycopg hidden from it.
if "peewee" not in _sys.modules and "psycopg" not in _sys.modules:
    _sys.modules["psycopg"] = None  # type: ignore[assignment]
    try:
        import peewee as _peewee  # noqa: F401
    finally:
        del _sys.modules["psycopg"]
