"""Painting the words a search matched in bold on the list's cells (accent- and
case-insensitively: 'pena' marks the 'Peña' of 'Lola Peña')."""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from crmdesk.services.search_index import fold

_WORD = re.compile(r"[^\W_]+")


def _folded_with_map(text: str) -> tuple[str, list[int]]:
    """`text` folded, and for each folded character the index of the character it came from."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        piece = fold(ch)
        out.append(piece)
        where.extend([i] * len(piece))
    return "".join(out), where


def matched_spans(text: str, words: list[str], digits: str = "") -> list[tuple[int, int]]:
    """(start, end) of the parts of `text` that the search words match: the start of each word
    of `text` that begins with a typed (folded) word; `digits` marks a run of digits found in
    a phone number (punctuation between the digits included)."""
    spans: list[tuple[int, int]] = []
    if digits:
        only = [(i, ch) for i, ch in enumerate(text) if ch.isdigit()]
        run = "".join(ch for _i, ch in only)
        at = run.find(digits)
        if at >= 0:
            spans.append((only[at][0], only[at + len(digits) - 1][0] + 1))
        return spans
    if not words:
        return spans
    folded, where = _folded_with_map(text)
    for token in _WORD.finditer(folded):
        for word in words:
            if token.group().startswith(word):
                start = where[token.start()]
                end = where[token.start() + len(word) - 1] + 1
                spans.append((start, end))
                break
    return spans


class HighlightDelegate(QStyledItemDelegate):
    """Draws a cell's text with the matched parts in bold; cells without a match are painted
    as usual (no cost while nobody searches)."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.words: list[str] = []
        self.digits = ""

    def set_search(self, text: str) -> None:
        text = text.strip()
        digits = "".join(ch for ch in text if ch.isdigit())
        if digits and re.fullmatch(r"[\d\s+().\-/]+", text) and len(digits) >= 3:
            self.words, self.digits = [], digits
        else:
            self.words, self.digits = _WORD.findall(fold(text.lstrip("@"))), ""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        if not (self.words or self.digits):
            super().paint(painter, option, index)
            return
        text = index.data(Qt.ItemDataRole.DisplayRole)
        spans = matched_spans(text, self.words, self.digits) if isinstance(text, str) else []
        if not spans:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect: QRect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        rect = rect.adjusted(3, 0, -3, 0)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(opt.palette.color(role))  # type: ignore[attr-defined]
        plain = opt.font  # type: ignore[attr-defined]
        bold = type(plain)(plain)
        bold.setBold(True)
        x = rect.left()
        pos = 0
        pieces: list[tuple[str, bool]] = []
        for start, end in sorted(spans):
            if start > pos:
                pieces.append((text[pos:start], False))
            pieces.append((text[max(start, pos):end], True))
            pos = max(pos, end)
        pieces.append((text[pos:], False))
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        for piece, strong in pieces:
            if not piece or x >= rect.right():
                continue
            painter.setFont(bold if strong else plain)
            metrics = painter.fontMetrics()
            room = rect.right() - x
            shown = metrics.elidedText(piece, Qt.TextElideMode.ElideRight, room)
            painter.drawText(QRect(x, rect.top(), room, rect.height()), int(align), shown)
            x += metrics.horizontalAdvance(shown)
            if shown != piece:
                break
        painter.restore()
