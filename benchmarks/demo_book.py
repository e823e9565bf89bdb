"""The demo books the benchmarks share: built once under bench-out/, then reused."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path


def demo_book(size: int, directory: Path = Path("bench-out")) -> Path:
    """The path of a `size`-customer demo book (seed 1), built with `crmdesk demo` if missing."""
    path = (directory / f"book-{size}.db").resolve()
    if path.exists():
        print(f"  reusing {path}")
        return path
    directory.mkdir(exist_ok=True)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "crmdesk", "demo", "--db", str(path), "--customers",
                    str(size), "--seed", "1"], check=True, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    mb = path.stat().st_size / 1e6
    print(f"  demo book: {elapsed:.1f} s to build ({size / elapsed:,.0f} customers/s), {mb:.0f} MB")
    return path
