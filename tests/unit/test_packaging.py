"""What a Linux desktop needs to show crmdesk in its menus is present and well-formed."""

from __future__ import annotations

import configparser
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_desktop_entry() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment, method-assign]
    entry.read(ROOT / "packaging" / "crmdesk.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"].split()[0] == "crmdesk"
    assert section["Icon"] == "crmdesk"
    assert "Office;" in section["Categories"]


def test_metainfo_and_icon() -> None:
    tree = ET.parse(ROOT / "packaging" / "io.github.crmdesk.crmdesk.metainfo.xml")
    root = tree.getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("launchable") == "crmdesk.desktop"
    assert root.findtext("provides/binary") == "crmdesk"
    svg = ET.parse(ROOT / "resources" / "crmdesk.svg").getroot()
    assert svg.tag.endswith("svg") and svg.get("viewBox") == "0 0 256 256"
