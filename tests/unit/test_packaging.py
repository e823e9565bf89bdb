"""What a Linux desktop needs to show crmdesk in its menus is present and well-formed."""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import crmdesk

ROOT = Path(__file__).resolve().parents[2]


def test_desktop_entry() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment, method-assign]
    entry.read(ROOT / "packaging" / "crmdesk.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    # No %f: `crmdesk FILE` is not how a book is opened (the first word is a command), and a
    # menu start expands %f to nothing.
    assert section["Exec"] == "crmdesk"
    assert section["Icon"] == "crmdesk"
    assert "Office;" in section["Categories"]


def test_metainfo_and_icon() -> None:
    tree = ET.parse(ROOT / "packaging" / "io.github.crmdesk.crmdesk.metainfo.xml")
    root = tree.getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("launchable") == "crmdesk.desktop"
    assert root.findtext("provides/binary") == "crmdesk"
    svg = ET.parse(ROOT / "crmdesk" / "resources" / "crmdesk.svg").getroot()
    assert svg.tag.endswith("svg") and svg.get("viewBox") == "0 0 256 256"


def _site_packages(python: Path) -> str:
    return subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True).stdout.strip()


def test_the_wheel_installed_elsewhere_writes_a_statement(tmp_path: Path) -> None:
    """Build the wheel, install it (not editable) into a fresh venv whose only other packages
    are this venv's dependencies, and write a statement from a folder outside the repo: the
    logo, the fonts and the icon must come from inside the installed package."""
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--no-build-isolation", "--wheel-dir", str(wheels), str(ROOT)],
                   check=True, capture_output=True, cwd=tmp_path)
    (wheel,) = wheels.glob("crmdesk-*.whl")
    assert wheel.name.startswith(f"crmdesk-{crmdesk.__version__}-")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        metadata = zf.read(f"crmdesk-{crmdesk.__version__}.dist-info/METADATA").decode()
    from crmdesk import paths

    # Every file under crmdesk/resources, at any depth (icons, help, translations...).
    missing = [n for n in paths.resource_names() if f"crmdesk/resources/{n}" not in names]
    assert missing == []
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert project["tool"]["setuptools"]["package-data"]["crmdesk"] == ["resources/**/*"]
    for data in ("crmdesk/resources/logo.png", "crmdesk/resources/crmdesk.svg",
                 "crmdesk/resources/fonts/DejaVuSans.ttf",
                 "crmdesk/resources/fonts/DejaVuSans-Bold.ttf",
                 "crmdesk/resources/fonts/LICENSE-DejaVu.txt"):
        assert data in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert f"Version: {crmdesk.__version__}" in metadata

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    # The dependencies: this venv's site-packages, appended after the new venv's own (where
    # the wheel goes). A path in a .pth file is not a site dir, so the editable install's
    # finder there is not run: what gets imported is the wheel (checked below).
    ours = Path(_site_packages(python))
    (ours / "zz_deps.pth").write_text(_site_packages(Path(sys.executable)) + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                    "--quiet", "--no-deps", "--no-index", str(wheel)],
                   check=True, capture_output=True)
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "CRMDESK_DB")}
    env["HOME"] = str(tmp_path)
    where = subprocess.run([str(python), "-c", "import crmdesk; print(crmdesk.__file__)"],
                           check=True, capture_output=True, text=True, cwd=work, env=env)
    assert Path(where.stdout.strip()).is_relative_to(venv)
    book = work / "book.db"
    run = [str(python), "-m", "crmdesk", "--db", str(book)]
    subprocess.run([*run, "demo", "--customers", "5"], check=True, capture_output=True,
                   cwd=work, env=env, timeout=120)
    pdf = work / "statement.pdf"
    done = subprocess.run([*run, "statement", "--customer", "1", "--period", "2026",
                           "--out", str(pdf)],
                          capture_output=True, text=True, cwd=work, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    assert b"DejaVuSans" in pdf.read_bytes()


def test_one_version() -> None:
    """The version is written once, in crmdesk/__init__.py; the rest read it."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "version" not in project["project"]
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "crmdesk.__version__"}
    tree = ET.parse(ROOT / "packaging" / "io.github.crmdesk.crmdesk.metainfo.xml")
    newest = tree.getroot().find("releases/release")
    assert newest is not None and newest.get("version") == crmdesk.__version__
    assert project["build-system"]["requires"] == ["setuptools>=77"]
    assert project["project"]["license"] == "MIT"
    licence = (ROOT / "LICENSE").read_text()
    assert licence.startswith("MIT License") and "Copyright (c) 2026 the crmdesk authors" in licence


def test_packaging_scripts_parse_and_the_spec_compiles() -> None:
    for script in ("build-bundle.sh", "smoke-test.sh", "wheel-check.sh", "install-bundle.sh",
                   "install-desktop-entry.sh"):
        path = ROOT / "packaging" / script
        assert os.access(path, os.X_OK), script
        shell = "sh" if path.read_text().startswith("#!/usr/bin/env sh") else "bash"
        done = subprocess.run([shell, "-n", str(path)], capture_output=True, text=True)
        assert done.returncode == 0, (script, done.stderr)
    spec = (ROOT / "packaging" / "crmdesk.spec").read_text()
    compile(spec, "crmdesk.spec", "exec")
    assert 'collect_data_files("crmdesk", includes=["resources/**/*"])' in spec
    assert "freeze_support()" in (ROOT / "packaging" / "crmdesk_main.py").read_text()


def test_the_smoke_test_fails_when_the_app_does(tmp_path: Path) -> None:
    """The bundle's smoke test is not a formality: an app that cannot write a statement (or
    whose window does not show) fails it, with the step named."""
    fake = tmp_path / "crmdesk"
    fake.write_text("#!/bin/sh\n"
                    'case "$*" in *--version*) echo "crmdesk 0.0"; exit 0 ;; esac\n'
                    'case "$*" in *demo*) exit 0 ;; esac\n'
                    'case "$*" in *statement*) echo "no fonts" >&2; exit 1 ;; esac\n'
                    'echo "shown_after_s=0.1"\n')
    fake.chmod(0o755)
    done = subprocess.run(["bash", str(ROOT / "packaging" / "smoke-test.sh"), str(fake)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert "smoke: FAILED: statement" in done.stderr
    fake.write_text(fake.read_text().replace('echo "shown_after_s=0.1"', "exit 0"))
    done = subprocess.run(["bash", str(ROOT / "packaging" / "smoke-test.sh"), str(fake)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode != 0 and "the window did not show" in done.stderr
