"""Render the app icon (crmdesk/resources/crmdesk.svg) to a PNG for the bundles: PyInstaller
turns it into the Windows .ico and the macOS .icns. Usage: render_icon.py OUT.png [SIZE]"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    out = Path(argv[0])
    size = int(argv[1]) if len(argv) > 1 else 256
    _app = QGuiApplication.instance() or QGuiApplication([])
    svg = Path(__file__).resolve().parents[1] / "crmdesk" / "resources" / "crmdesk.svg"
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        print(f"render_icon: cannot read {svg}", file=sys.stderr)
        return 1
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out)):
        print(f"render_icon: cannot write {out}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
