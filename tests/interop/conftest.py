"""Fixtures of the interop tests: the per-program files of tests/interop/fixtures."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
