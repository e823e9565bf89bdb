"""The shipped resources are found the same way from a checkout, a wheel, a zipped package
and a bundle: through importlib.resources (crmdesk/paths.py), never next to __file__."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

from crmdesk import paths

ROOT = Path(__file__).resolve().parents[2]


def test_resource_names_list_the_tree() -> None:
    names = paths.resource_names()
    on_disk = sorted(p.relative_to(ROOT / "crmdesk" / "resources").as_posix()
                     for p in (ROOT / "crmdesk" / "resources").rglob("*")
                     if p.is_file() and "__pycache__" not in p.parts)
    assert names == on_disk
    assert "fonts/DejaVuSans.ttf" in names and "logo.png" in names
    assert paths.resource_names("fonts") == [n for n in names if n.startswith("fonts/")]
    assert paths.resource_dir("fonts") == ROOT / "crmdesk" / "resources" / "fonts"


def test_resources_from_a_zipped_package(tmp_path: Path) -> None:
    """A package imported from a zip (zipapp, some freezers) still finds every resource:
    files as temporary copies, folders as a temporary tree, bytes directly."""
    archive = tmp_path / "crmdesk.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in (ROOT / "crmdesk").rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                zf.write(path, path.relative_to(ROOT).as_posix())
    script = f"""
import sys
sys.path.insert(0, {str(archive)!r})
import crmdesk
assert crmdesk.__file__.startswith({str(archive)!r}), crmdesk.__file__
from crmdesk import paths
font = paths.resource("fonts/DejaVuSans.ttf")
assert font.is_file() and font.stat().st_size > 100_000, font
assert paths.resource_bytes("logo.png").startswith(bytes.fromhex("89504e47"))
folder = paths.resource_dir("fonts")
assert sorted(p.name for p in folder.iterdir()) == sorted(
    n.split("/")[-1] for n in paths.resource_names("fonts")), list(folder.iterdir())
assert "fonts/DejaVuSans.ttf" in paths.resource_names()
print(font, folder)
"""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=60)
    assert done.returncode == 0, done.stderr
    font, folder = done.stdout.split()
    # The temporary copies are gone once the process has ended.
    assert not Path(font).exists() and not Path(folder).exists()


def test_no_resource_is_looked_up_next_to_the_source() -> None:
    """A bundle or a zip has no crmdesk/resources next to the .py files: code reads them
    through paths.resource*(), with '/'-joined names."""
    offenders = []
    for path in (ROOT / "crmdesk").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if path.name != "paths.py" and re.search(r"__file__\)?[^\n]*resources", text):
            offenders.append(str(path))
        if re.search(r"resource(?:_bytes|_dir)?\(\s*[rf]?['\"][^'\"]*\\\\", text):
            offenders.append(f"{path}: a backslash in a resource name")
    assert offenders == []
