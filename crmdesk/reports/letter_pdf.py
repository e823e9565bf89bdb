"""Letters to clients as PDF: the statements' letterhead and address block (where a window
envelope shows it), the date in the client's language, the subject and the text.

The text is the client's message as written: every string reaches a Paragraph escaped,
so `<b>&"Peña"` or `{{ 7*7 }}` print as typed; Korean, Japanese and Chinese text is drawn
in a font that has its glyphs (reports/cjk), embedded. The PDF carries the date it was
made."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from crmdesk.reports import cjk
from crmdesk.reports import statement_pdf as sp
from crmdesk.services import locale_text


@dataclass
class LetterData:
    customer_id: int
    language: str
    full_name: str
    address_lines: list[str]
    business_name: str
    business_lines: list[str]
    logo: bytes
    issued: dt.date
    subject: str
    body: str


class _LetterTop(sp._Drawn):
    """The address block (left) and the date (right)."""

    def __init__(self, d: LetterData):
        super().__init__()
        self.d = d
        self.HEIGHT = max(27 * sp.mm, 14 + 13.5 * min(7, len(d.address_lines)))

    def draw(self) -> None:
        top = self.HEIGHT
        for i, line in enumerate(self.d.address_lines[:7]):
            self.text(0, top - 10 - i * 13.5, line, sp.FONT, 10, width=sp.WIDTH - 70 * sp.mm)
        self.text(sp.WIDTH, top - 10, locale_text.long_date(self.d.issued, self.d.language),
                  sp.FONT, 9.5, sp.MUTED, right=True, width=65 * sp.mm)


class _LetterCanvas(sp._StatementCanvas):
    def _decorate(self, page: int, pages: int) -> None:
        assert self.statement is not None
        data, logo = self.statement
        assert isinstance(data, LetterData)
        if page == 1:
            rule_y = sp.draw_letterhead(self, logo, data.business_name, data.business_lines)
        else:
            top = sp.PAGE_H - 12 * sp.mm
            self.setFillColor(sp.MUTED)
            cjk.draw(self, sp.MARGIN, top - 4 * sp.mm,
                     sp._fit(f"{data.full_name} · {data.subject}", sp.WIDTH * 0.65, sp.FONT, 8),
                     sp.FONT, 8)
            cjk.draw(self, sp.PAGE_W - sp.MARGIN, top - 4 * sp.mm,
                     sp._fit(data.business_name, sp.WIDTH * 0.33, sp.FONT, 8), sp.FONT, 8,
                     right=True)
            rule_y = top - 6.5 * sp.mm
        left = " · ".join(p for p in (data.business_name,
                                       locale_text.short_date(data.issued, data.language)) if p)
        page_text = ("" if pages == 1 else
                     (f"página {page} de {pages}" if data.language == "es"
                      else f"page {page} of {pages}"))
        sp.draw_rules_and_footer(self, rule_y, left, page_text)


def _styles() -> dict[str, Any]:
    styles = sp._styles()
    if "letter" not in styles:
        styles["letter"] = sp._style("letter", 10.5, leading=15, spaceAfter=9)
        styles["letter_subject"] = sp._style("letter_subject", 11, font=sp.BOLD,
                                             spaceAfter=10, textColor=sp.INK)
    return styles


def paragraphs(text: str) -> list[Paragraph]:
    """The text's paragraphs (blank lines between them), line breaks kept, escaped."""
    style = _styles()["letter"]
    out = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        if block.strip():
            lines = [cjk.markup(line, sp.FONT) for line in block.strip("\n").split("\n")]
            out.append(Paragraph("<br/>".join(lines), style))
    return out


def letter_story(d: LetterData, logo: ImageReader) -> list[Flowable]:
    story: list[Flowable] = [sp._StatementStart(d, logo), Spacer(1, sp.LETTERHEAD),  # type: ignore[arg-type]
                             _LetterTop(d), Spacer(1, 12 * sp.mm)]
    if d.subject:
        story.append(Paragraph(cjk.markup(d.subject, sp.BOLD), _styles()["letter_subject"]))
    story += paragraphs(d.body)
    return story


_LOGOS: dict[bytes, ImageReader] = {}  # decoded once for a batch of letters


def render(letters: Iterable[LetterData], out: str | Path | BinaryIO) -> int:
    """Every letter into one PDF (each on its own pages, numbered on its own)."""
    sp.register_fonts()
    logos = _LOGOS
    if len(logos) > 4:
        logos.clear()
    story: list[Flowable] = []
    count = 0
    first: LetterData | None = None
    for d in letters:
        if count:
            story.append(PageBreak())
        first = first or d
        logo = logos.get(d.logo)
        if logo is None:
            logo = logos[d.logo] = ImageReader(io.BytesIO(d.logo))
        story += letter_story(d, logo)
        count += 1
    title = (f"{first.subject or 'Letter'} – {first.full_name}" if count == 1 and first
             else f"Letters ({count})")
    target = str(out) if isinstance(out, Path) else out
    doc = BaseDocTemplate(target, pagesize=A4, leftMargin=sp.MARGIN, rightMargin=sp.MARGIN,
                          topMargin=sp.TOP, bottomMargin=sp.BOTTOM, title=title,
                          author=(first.business_name if first else "") or "crmdesk",
                          subject="Letter", creator="crmdesk", invariant=0)
    frame = Frame(sp.MARGIN, sp.BOTTOM, sp.WIDTH, sp.PAGE_H - sp.TOP - sp.BOTTOM, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="letter", frames=[frame])])
    doc.build(story, canvasmaker=_LetterCanvas)
    return count
