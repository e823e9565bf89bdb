"""Loyalty statements as PDF: a letterhead, the client's address, a personal greeting, the
ledger of the period with running balance, tier progress, expiring points and rewards.

Every string from the book reaches a Paragraph escaped, and table cells are plain strings
(drawn literally), so a name like `<b>Bob & Co</b>` prints as typed and can inject nothing.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from crmdesk import paths
from crmdesk.reports import cjk
from crmdesk.reports.statement_data import StatementData
from crmdesk.reports.statement_text import words
from crmdesk.services import locale_text

FONT, BOLD = "DejaVuSans", "DejaVuSans-Bold"
INK = colors.HexColor("#1d2b3a")
ACCENT = colors.HexColor("#1f5fa8")
MUTED = colors.HexColor("#5b6675")
RULE = colors.HexColor("#c9d3de")
STRIPE = colors.HexColor("#f2f5f9")
PAGE_W, PAGE_H = A4
MARGIN = 18 * mm
TOP = 24 * mm          # room for the running header of later pages
LETTERHEAD = 16 * mm   # extra room on the first page of each statement
BOTTOM = 20 * mm
WIDTH = PAGE_W - 2 * MARGIN

_registered = False


def register_fonts() -> None:
    """The Unicode TrueType font shipped in crmdesk/resources/fonts (Łukasz, Øster, Nguyễn...)."""
    global _registered
    if _registered:
        return
    pdfmetrics.registerFont(TTFont(FONT, str(paths.resource("fonts/DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(BOLD, str(paths.resource("fonts/DejaVuSans-Bold.ttf"))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)
    _registered = True


def _style(name: str, size: float, **extra: Any) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=extra.pop("font", FONT), fontSize=size,
                          leading=extra.pop("leading", size * 1.3),
                          textColor=extra.pop("textColor", INK), **extra)


STYLES: dict[str, ParagraphStyle] = {}


def _styles() -> dict[str, ParagraphStyle]:
    if not STYLES:
        STYLES.update(
            body=_style("body", 9.5, spaceAfter=5),
            small=_style("small", 8.5, textColor=MUTED, spaceBefore=3),
            rewards=_style("rewards", 9.5, leading=15, spaceAfter=5),
        )
    return STYLES


def _p(text: str, style: str) -> Paragraph:
    """A paragraph of user text: always escaped."""
    return Paragraph(cjk.markup(text, FONT), _styles()[style])


def _fit(text: str, width: float, font: str = FONT, size: float = 8.5) -> str:
    """Cut `text` to fit `width` points on one line, ending with an ellipsis when cut."""
    text = " ".join(text.split())
    if cjk.width(text, font, size) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if cjk.width(text[:mid] + "…", font, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…"


class _StatementStart(Flowable):
    """Marks where a statement begins, so the canvas can number its pages on their own."""

    def __init__(self, data: StatementData, logo: ImageReader):
        super().__init__()
        self.data, self.logo = data, logo

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canv: Any = self.canv
        canv.statement = (self.data, self.logo)


class _ProgressBar(Flowable):
    def __init__(self, fraction: float, width: float = 90 * mm, height: float = 3.2 * mm):
        super().__init__()
        self.fraction, self.width, self.height = max(0.0, min(1.0, fraction)), width, height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height + 2 * mm

    def draw(self) -> None:
        c = self.canv
        c.translate(0, 2 * mm)  # the spare room goes below the bar
        c.setFillColor(STRIPE)
        c.setStrokeColor(RULE)
        c.roundRect(0, 0, self.width, self.height, self.height / 2, stroke=1, fill=1)
        if self.fraction > 0:
            c.setFillColor(ACCENT)
            c.roundRect(0, 0, max(self.height, self.width * self.fraction), self.height,
                        self.height / 2, stroke=0, fill=1)


class _StatementCanvas(rl_canvas.Canvas):
    """Draws letterhead, running header and 'page X of Y' once every page is known."""

    def __init__(self, *args: Any, **kwargs: Any):
        # Otherwise Helvetica, which the statement never uses, is listed on every page.
        kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT
        super().__init__(*args, **kwargs)
        self.statement: tuple[StatementData, ImageReader] | None = None
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        totals: dict[int, int] = {}
        for state in self._pages:
            key = id(state["statement"])
            totals[key] = totals.get(key, 0) + 1
        seen: dict[int, int] = {}
        for state in self._pages:
            self.__dict__.update(state)
            key = id(state["statement"])
            seen[key] = seen.get(key, 0) + 1
            if self.statement is not None:
                self._decorate(seen[key], totals[key])
            rl_canvas.Canvas.showPage(self)
        rl_canvas.Canvas.save(self)

    def _decorate(self, page: int, pages: int) -> None:
        assert self.statement is not None
        data, logo = self.statement
        w = words(data.language, data.gender)
        top = PAGE_H - 12 * mm
        if page == 1:
            rule_y = draw_letterhead(self, logo, data.business_name, data.business_lines)
        else:
            self.setFont(FONT, 8)
            self.setFillColor(MUTED)
            head = f"{w['title']} · {data.full_name} · {data.period.label(data.language)}"
            cjk.draw(self, MARGIN, top - 4 * mm, _fit(head, WIDTH * 0.65, FONT, 8), FONT, 8)
            cjk.draw(self, PAGE_W - MARGIN, top - 4 * mm,
                     _fit(data.business_name, WIDTH * 0.33, FONT, 8), FONT, 8, right=True)
            rule_y = top - 6.5 * mm
        issued = locale_text.short_date(data.issued, data.language)
        left = " · ".join(p for p in (data.business_name, f"{w['issued']} {issued}",
                                       f"{w['member']} {data.customer_id:06d}") if p)
        draw_rules_and_footer(self, rule_y, left, w["page"].format(page=page, pages=pages))


def draw_letterhead(canv: Any, logo: ImageReader, name: str, lines: list[str]) -> float:
    """The logo (left) and the business name and address (right) at the top of a first
    page, shared by statements and letters; returns where the rule below it goes."""
    top = PAGE_H - 12 * mm
    size = 17 * mm
    canv.drawImage(logo, MARGIN, top - size, size, size, preserveAspectRatio=True,
                   anchor="sw", mask="auto")
    x = PAGE_W - MARGIN
    canv.setFillColor(INK)
    canv.setFont(BOLD, 12)
    cjk.draw(canv, x, top - 4 * mm, _fit(name, 110 * mm, BOLD, 12), BOLD, 12, right=True)
    canv.setFont(FONT, 8)
    canv.setFillColor(MUTED)
    for i, line in enumerate(lines[:4]):
        cjk.draw(canv, x, top - 8.5 * mm - i * 3.6 * mm, _fit(line, 110 * mm, FONT, 8), FONT, 8,
                 right=True)
    return float(top - size - 3 * mm)


def draw_rules_and_footer(canv: Any, rule_y: float, left: str, right: str) -> None:
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.6)
    canv.line(MARGIN, rule_y, PAGE_W - MARGIN, rule_y)
    canv.line(MARGIN, BOTTOM - 6 * mm, PAGE_W - MARGIN, BOTTOM - 6 * mm)
    canv.setFont(FONT, 7.5)
    canv.setFillColor(MUTED)
    cjk.draw(canv, MARGIN, BOTTOM - 10 * mm, _fit(left, WIDTH * 0.75, FONT, 7.5), FONT, 7.5)
    if right:
        canv.drawRightString(PAGE_W - MARGIN, BOTTOM - 10 * mm, right)


def _num(value: int, language: str) -> str:
    return locale_text.integer(value, language)


class _Drawn(Flowable):
    """A block of fixed height drawn straight onto the canvas: no table or paragraph layout
    (those cost most of a statement's rendering time)."""

    HEIGHT = 10.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return WIDTH, self.HEIGHT

    def text(self, x: float, y: float, value: str, font: str, size: float,
             color: Any = INK, right: bool = False, width: float = WIDTH) -> None:
        c = self.canv
        c.setFillColor(color)
        cjk.draw(c, x, y, _fit(value, width, font, size), font, size, right=right)


class _TopBlock(_Drawn):
    """The client's address block (left, where a window envelope shows it) and the
    statement's title and details (right)."""

    def __init__(self, d: StatementData):
        super().__init__()
        self.d = d
        self.HEIGHT = max(27 * mm, 14 + 13.5 * min(7, len(d.address_lines)))

    def draw(self) -> None:
        d, w = self.d, words(self.d.language, self.d.gender)
        top = self.HEIGHT
        for i, line in enumerate(d.address_lines[:7]):
            self.text(0, top - 10 - i * 13.5, line, FONT, 10, width=WIDTH - 85 * mm)
        right = WIDTH
        self.text(right, top - 14, w["title"], BOLD, 15, ACCENT, right=True, width=80 * mm)
        details = [(w["period"], d.period.label(d.language)),
                   (w["issued"], locale_text.short_date(d.issued, d.language)),
                   (w["member"], f"{d.customer_id:06d}"), (w["tier"], d.tier)]
        for i, (label, value) in enumerate(details):
            y = top - 32 - i * 11.5
            self.text(right - 80 * mm, y, label, FONT, 8.5, MUTED, width=28 * mm)
            self.text(right, y, value, BOLD, 8.5, right=True, width=50 * mm)


class _Summary(_Drawn):
    """Opening, earned, used and closing, as four boxes."""

    HEIGHT = 15 * mm

    def __init__(self, d: StatementData):
        super().__init__()
        self.d = d

    def draw(self) -> None:
        d, w, n = self.d, words(self.d.language, self.d.gender), self.d.language
        c = self.canv
        box = WIDTH / 4
        cells = [(w["opening"], _num(d.opening, n), INK),
                 (w["earned"], ("+" if d.earned else "") + _num(d.earned, n), INK),
                 (w["used"], ("−" if d.used else "") + _num(d.used, n), INK),
                 (w["closing"], _num(d.closing, n), ACCENT)]
        for i, (label, value, color) in enumerate(cells):
            x = i * box
            c.setFillColor(STRIPE)
            c.rect(x + (1 if i else 0), 0, box - (1 if i < 3 else 0) - (1 if i else 0),
                   self.HEIGHT, stroke=0, fill=1)
            self.text(x + 8, self.HEIGHT - 13, label, FONT, 7.5, MUTED, width=box - 12)
            self.text(x + 8, 10, value, BOLD, 13, color, width=box - 12)


class _Line(_Drawn):
    """One line of text (a heading, the greeting, a signature), cut to fit."""

    def __init__(self, value: str, font: str = FONT, size: float = 9.5, color: Any = INK,
                 space_before: float = 0.0, space_after: float = 4.0):
        super().__init__()
        self.value, self.font, self.size, self.color = value, font, size, color
        self.HEIGHT = size * 1.25 + space_before + space_after
        self.space_after = space_after

    def draw(self) -> None:
        self.text(0, self.space_after + self.size * 0.25, self.value, self.font, self.size,
                  self.color)


def _heading(text: str) -> _Line:
    return _Line(text, BOLD, 10.5, ACCENT, space_before=10, space_after=4)


class _LedgerRows(Flowable):
    """The ledger as fixed-height rows drawn straight onto the canvas (several times faster
    than a platypus Table of the same size); splits across pages, repeating the header."""

    ROW = 12.6
    FONT_SIZE = 8.5

    def __init__(self, header: list[str], rows: list[tuple[str, str, str, str, bool]],
                 first_stripe: int = 0):
        super().__init__()
        self.header, self.rows, self.first_stripe = header, rows, first_stripe
        self.cols = [0.0, 24 * mm, WIDTH - 48 * mm, WIDTH]  # x of date, text; right edges

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return WIDTH, (len(self.rows) + 1) * self.ROW

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        fits = int(avail_height // self.ROW) - 1
        if fits < 3 or fits >= len(self.rows):
            return [] if fits < 3 else [self]
        return [_LedgerRows(self.header, self.rows[:fits], self.first_stripe),
                _LedgerRows(self.header, self.rows[fits:], self.first_stripe + fits)]

    def draw(self) -> None:
        c = self.canv
        row = self.ROW
        top = (len(self.rows) + 1) * row
        c.setFillColor(ACCENT)
        c.rect(0, top - row, WIDTH, row, stroke=0, fill=1)
        c.setFillColor(STRIPE)
        for i in range(len(self.rows)):
            if (self.first_stripe + i) % 2 == 1 and not self.rows[i][4]:
                c.rect(0, top - (i + 2) * row, WIDTH, row, stroke=0, fill=1)
        c.setStrokeColor(INK)
        c.setLineWidth(0.8)
        for i, r in enumerate(self.rows):
            if r[4] and i:  # a total row (closing balance) gets a rule above it
                c.line(0, top - (i + 1) * row, WIDTH, top - (i + 1) * row)
        baseline = 3.7
        text = c.beginText()
        text.setFillColor(colors.white)
        self._cells(text, self.header, top - row + baseline, BOLD)
        text.setFillColor(INK)
        for i, r in enumerate(self.rows):
            self._cells(text, list(r[:4]), top - (i + 2) * row + baseline, BOLD if r[4] else FONT)
        c.drawText(text)
        for x, y, value, font in self.wide:  # cells with CJK text, drawn run by run
            c.setFillColor(INK)
            cjk.draw(c, x, y, value, font, self.FONT_SIZE)
        self.wide = []

    wide: list[tuple[float, float, str, str]] = []

    def _cells(self, text: Any, cells: list[str], y: float, font: str) -> None:
        size = self.FONT_SIZE
        text.setFont(font, size)
        pad = 5.0
        for x, value in ((pad, cells[0]), (self.cols[1] + pad, cells[1])):
            if cjk.needs_fallback(value, font):
                self.wide = [*self.wide, (x, y, value, font)]
                continue
            text.setTextOrigin(x, y)
            text.textOut(value)
        for value, right in ((cells[2], self.cols[2] + 24 * mm), (cells[3], WIDTH)):
            if value:
                text.setTextOrigin(right - pad - pdfmetrics.stringWidth(value, font, size), y)
                text.textOut(value)


def _ledger(d: StatementData) -> _LedgerRows:
    w = words(d.language, d.gender)
    desc_width = WIDTH - 72 * mm - 10
    n = d.language
    rows: list[tuple[str, str, str, str, bool]] = [
        (locale_text.short_date(d.period.first, n), w["opening"], "", _num(d.opening, n), True)]
    for line in d.lines:
        rows.append((locale_text.short_date(line.day, n), _fit(line.description, desc_width),
                     locale_text.signed_points(line.points, n), _num(line.balance, n), False))
    if not d.lines:
        rows.append(("", w["no_activity"], "", "", False))
    # A period still running closes today, not on a day that has not come yet.
    rows.append((locale_text.short_date(min(d.period.last, d.issued), n), w["closing"], "",
                 _num(d.closing, n), True))
    return _LedgerRows([w["date"], w["description"], w["points"], w["balance"]], rows)


def _closing_sections(d: StatementData) -> list[Flowable]:
    w = words(d.language, d.gender)
    n = d.language
    parts: list[Flowable] = [_heading(w["your_tier"])]
    if d.next_tier and not d.tiered:
        parts.append(_p(w["tier_base"].format(
            qualifying=_num(d.qualifying, n), months=d.tier_window_months,
            points=_num(d.to_next, n), next=d.next_tier), "body"))
    elif d.next_tier:
        parts.append(_p(w["tier_next"].format(tier=d.tier, points=_num(d.to_next, n),
                                              months=d.tier_window_months, next=d.next_tier),
                        "body"))
    else:
        parts.append(_p(w["tier_top"].format(tier=d.tier), "body"))
    parts.append(_ProgressBar(d.progress))
    if d.expiring and d.expiring_by:
        parts.append(_p(w["expiring"].format(
            points=_num(d.expiring, n), date=locale_text.long_date(d.expiring_by, n)), "body"))
    else:
        parts.append(_p(w["no_expiring"], "small"))
    sections: list[Flowable] = [KeepTogether(parts)]
    if d.affordable:
        # One paragraph with line breaks: a paragraph per reward costs a line-breaking pass each.
        listing = "<br/>".join(
            "• " + escape(w["reward_line"].format(name=name, points=_num(cost, n)))
            for name, cost in d.affordable[:12])
        sections.append(KeepTogether([_heading(w["rewards"]),
                                      Paragraph(listing, _styles()["rewards"])]))
    elif d.next_reward:
        name, cost = d.next_reward
        sections.append(_p(w["rewards_none"].format(points=_num(cost - d.closing, n),
                                                    name=name), "body"))
    sections += [Spacer(1, 5 * mm), _Line(w["closing_words"])]
    if d.business_name:
        sections.append(_Line(d.business_name, BOLD, 11))
    return sections


def statement_story(d: StatementData, logo: ImageReader) -> list[Flowable]:
    """The flowables of one statement (several can follow each other in one document)."""
    w = words(d.language, d.gender)
    period = d.period.label(d.language)
    intro = (w["intro_tier"].format(period=period, tier=d.tier) if d.tiered
             else w["intro"].format(period=period))
    return [
        _StatementStart(d, logo), Spacer(1, LETTERHEAD), _TopBlock(d), Spacer(1, 7 * mm),
        _Line(f"{d.greeting},", BOLD, 11), _p(intro, "body"), Spacer(1, 2 * mm), _Summary(d),
        Spacer(1, 6 * mm), _ledger(d), *_closing_sections(d),
    ]


def render(statements: Iterable[StatementData], out: str | Path | BinaryIO, *, title: str,
           author: str, subject: str,
           each: Callable[[int], bool] | None = None) -> int:
    """Write the statements into one PDF (each numbered on its own); returns how many.

    `each(n)` is called as the n-th statement is laid out and may return False to stop
    (then nothing is written and 0 is returned)."""
    register_fonts()
    logos: dict[bytes, ImageReader] = {}
    story: list[Flowable] = []
    count = 0
    for data in statements:
        if count:
            story.append(PageBreak())
        logo = logos.get(data.logo)
        if logo is None:
            logo = logos[data.logo] = ImageReader(io.BytesIO(data.logo))
        story += statement_story(data, logo)
        count += 1
        if each is not None and not each(count):
            return 0
    target = str(out) if isinstance(out, Path) else out
    doc = BaseDocTemplate(target, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                          topMargin=TOP, bottomMargin=BOTTOM, title=title, author=author,
                          subject=subject, creator="crmdesk", invariant=0)
    frame = Frame(MARGIN, BOTTOM, WIDTH, PAGE_H - TOP - BOTTOM, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="statement", frames=[frame])])
    doc.build(story, canvasmaker=_StatementCanvas)
    return count


def render_one(data: StatementData, out: str | Path | BinaryIO) -> None:
    w = words(data.language, data.gender)
    render([data], out, title=data.title, author=data.business_name or "crmdesk",
           subject=w["subject"])
