"""Encrypted test books use a cheaper key derivation; a real run never does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_MAKE = """
import sys
from crmdesk.store.book import open_book
open_book(sys.argv[1], passphrase="correct horse battery")
from crmdesk.store.db import db
print(db.execute_sql("PRAGMA kdf_iter").fetchone()[0])
"""


def _kdf_of_a_new_book(path: Path, env: dict[str, str]) -> str:
    result = subprocess.run([sys.executable, "-c", _MAKE, str(path)], capture_output=True,
                            text=True, timeout=60, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()[-1]


def test_only_a_test_run_derives_keys_cheaply(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    assert env.get("CRMDESK_TEST_KDF_ITER") == "4000" and "PYTEST_CURRENT_TEST" in env
    assert _kdf_of_a_new_book(tmp_path / "test.db", env) == "4000"
    real = {k: v for k, v in env.items() if k != "PYTEST_CURRENT_TEST"}
    assert _kdf_of_a_new_book(tmp_path / "real.db", real) == "256000"
    real["CRMDESK_TEST_KDF_ITER"] = "1"
    assert _kdf_of_a_new_book(tmp_path / "asked.db", real) == "256000"
