"""Avatars: the person's photo in a circle, or their initials on a colour derived from
the name (the same name always gets the same colour, on every screen and every run), with
white letters at a contrast of at least 4.5:1 on every colour of the set."""

from __future__ import annotations

import functools
import zlib

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPixmap

# Twelve hues dark enough for white initials (each ≥ 4.5:1 against #ffffff, tested).
COLOURS = ["#1f5f99", "#7a3e9d", "#a3324b", "#2d6a4f", "#8a4b08", "#3d5a80", "#9c2f77",
           "#5a5f16", "#0f6b6b", "#6b4c9a", "#b03a2e", "#355e3b"]


def initials(name: str) -> str:
    """"Lola Peña" -> "LP", "Peña, Lola" -> "LP", "Ana" -> "A", "" -> "?"."""
    text = name.strip()
    if "," in text:  # "Family, Given" as the list writes it
        family, _, given = text.partition(",")
        text = f"{given.strip()} {family.strip()}"
    words = [w for w in text.replace("-", " ").split() if w[:1].isalnum()]
    if not words:
        return "?"
    letters = words[0][0] + (words[-1][0] if len(words) > 1 else "")
    return letters.upper()


def colour_for(name: str) -> QColor:
    """The colour of `name`'s avatar (stable: a checksum of the name, not Python's hash)."""
    text = name.strip()
    if "," in text:  # "Peña, Lola" as the list writes it is the same person as "Lola Peña"
        family, _, given = text.partition(",")
        text = f"{given.strip()} {family.strip()}"
    key = " ".join(text.casefold().split()).encode("utf-8")
    return QColor(COLOURS[zlib.crc32(key) % len(COLOURS)])


def paint(painter: QPainter, rect: QRectF, name: str, photo: QPixmap | None = None,
          letters: str | None = None) -> None:
    """Draw the avatar of `name` in `rect` (a circle as large as the rect's short side)."""
    side = min(rect.width(), rect.height())
    circle = QRectF(rect.x() + (rect.width() - side) / 2, rect.y() + (rect.height() - side) / 2,
                    side, side)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath()
    path.addEllipse(circle)
    if photo is not None and not photo.isNull():
        painter.setClipPath(path)
        scaled = photo.scaled(int(side * photo.devicePixelRatio()),
                              int(side * photo.devicePixelRatio()),
                              Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                              Qt.TransformationMode.SmoothTransformation)
        painter.drawPixmap(circle.toRect(), scaled)
    else:
        painter.fillPath(path, QBrush(colour_for(name)))
        font = QFont(painter.font())
        font.setBold(True)
        font.setPixelSize(max(6, int(side * 0.4)))
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(circle, int(Qt.AlignmentFlag.AlignCenter),
                         letters if letters is not None else initials(name))
    painter.restore()


@functools.lru_cache(maxsize=1024)
def _pixmap(name_key: str, size: int, scale: float, letters: str | None) -> QPixmap:
    pixmap = QPixmap(int(size * scale), int(size * scale))
    pixmap.setDevicePixelRatio(scale)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    paint(painter, QRectF(0, 0, size, size), name_key, None, letters)
    painter.end()
    return pixmap


def pixmap(name: str, size: int, scale: float = 1.0, photo: QPixmap | None = None,
           letters: str | None = None) -> QPixmap:
    """The avatar as a pixmap of `size` logical pixels (sharp at `scale`, e.g. 2 at 200 %)."""
    if photo is not None and not photo.isNull():
        result = QPixmap(int(size * scale), int(size * scale))
        result.setDevicePixelRatio(scale)
        result.fill(Qt.GlobalColor.transparent)
        painter = QPainter(result)
        paint(painter, QRectF(0, 0, size, size), name, photo)
        painter.end()
        return result
    return _pixmap(name, size, scale, letters)
