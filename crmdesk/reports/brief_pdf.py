"""The meeting brief as PDF: one page per client, whatever the book holds (long texts are
cut with an ellipsis, and the page shrinks to fit rather than spill onto a second one).

Every string from the book reaches a Paragraph escaped."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepInFrame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from crmdesk.reports import cjk
from crmdesk.reports import statement_pdf as sp
from crmdesk.services import locale_text as lt
from crmdesk.services.meeting_brief import Brief

MARGIN = 14 * mm
PAGE_W, PAGE_H = A4
WIDTH = PAGE_W - 2 * MARGIN
HEIGHT = PAGE_H - 2 * MARGIN - 8 * mm
STRIPE = colors.HexColor("#f2f5f9")
WARN = colors.HexColor("#a33a1f")


def _styles() -> dict[str, Any]:
    styles = sp._styles()
    if "b_name" not in styles:
        styles.update(
            b_name=sp._style("b_name", 17, font=sp.BOLD, leading=21, textColor=sp.ACCENT),
            b_kicker=sp._style("b_kicker", 8, textColor=sp.MUTED),
            b_lead=sp._style("b_lead", 10.5, font=sp.BOLD, leading=14, spaceBefore=2),
            b_text=sp._style("b_text", 9, leading=11.6),
            b_small=sp._style("b_small", 8, leading=10, textColor=sp.MUTED),
            b_head=sp._style("b_head", 9.5, font=sp.BOLD, textColor=sp.ACCENT, spaceBefore=7,
                             spaceAfter=2),
            b_item=sp._style("b_item", 8.8, leading=11.2, leftIndent=8, firstLineIndent=-8),
            b_warn=sp._style("b_warn", 9.5, font=sp.BOLD, textColor=WARN, spaceBefore=4),
        )
    return styles


def _p(text: str, style: str) -> Paragraph:
    chosen = _styles()[style]
    return Paragraph(cjk.markup(text, chosen.fontName), chosen)  # escaped, CJK in its font


def _cut(text: str, size: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[:size - 1].rstrip() + "…"


def _photo(data: bytes | None) -> Flowable | None:
    if not data:
        return None
    try:
        from PIL import Image as PILImage

        with PILImage.open(io.BytesIO(data)) as im:
            im = im.convert("RGB")
            im.thumbnail((300, 300))
            buf = io.BytesIO()
            im.save(buf, "JPEG", quality=88)
            w, h = im.size
    except Exception:  # noqa: BLE001 - a broken picture is left out, never stops the brief
        return None
    side = 28 * mm
    scale = side / max(w, h)
    buf.seek(0)
    return Image(buf, width=w * scale, height=h * scale)


def _facts(b: Brief) -> Table:
    left = [f"Stage: {b.stage} ({b.days_in_stage} days)"]
    if b.segment:
        left.append(f"Segment: {b.segment}")
    if b.relationship:
        left.append(b.relationship)
    if b.owner:
        left.append(f"Looked after by {b.owner}")
    right = [f"Tier: {b.tier}", f"Points: {lt.integer(b.points)}", f"Lifetime value: {b.lifetime}"]
    cells = [[_p(" · ".join(left), "b_text"), _p(" · ".join(right), "b_text")]]
    table = Table(cells, colWidths=[WIDTH * 0.56, WIDTH * 0.44], hAlign="LEFT")
    table.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), STRIPE),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 6),
                               ("TOPPADDING", (0, 0), (-1, -1), 4),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    return table


def brief_story(b: Brief) -> list[Flowable]:
    head: list[Flowable] = [
        _p("Meeting brief · confidential", "b_kicker"), _p(b.name, "b_name"),
        _p(f"Address as “{b.address_as}” ({b.form})", "b_lead"),
        _p(b.contact_how, "b_text"),
    ]
    if b.reach:
        head.append(_p(" · ".join(b.reach), "b_small"))
    if b.company:
        head.append(_p(b.company, "b_text"))
    photo = _photo(b.photo)
    top: Flowable
    if photo is not None:
        top = Table([[head, photo]], colWidths=[WIDTH - 32 * mm, 32 * mm])
        top.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("ALIGN", (1, 0), (1, 0), "RIGHT")]))
    else:
        top = KeepInFrame(WIDTH, 60 * mm, head, mode="shrink")
    story: list[Flowable] = [top, Spacer(1, 3 * mm), _facts(b)]
    if b.birthday_note:
        story.append(_p(b.birthday_note, "b_warn"))

    story.append(_p("Open promises and follow-ups", "b_head"))
    if b.open_items:
        for item in b.open_items:
            mark = "★ " if item.promise else "• "
            late = "OVERDUE · " if item.overdue else ""
            who = f" ({item.assignee})" if item.assignee else ""
            due = lt.short_date(item.due.astimezone().date())
            story.append(_p(f"{mark}{late}{due}: {_cut(item.what, 160)}{who}", "b_item"))
    else:
        story.append(_p("Nothing open.", "b_small"))

    story.append(_p("Last contacts", "b_head"))
    if b.contacts:
        for c in b.contacts:
            arrow = "→" if c.direction == "out" else "←"
            outcome = f" — outcome: {_cut(c.outcome, 90)}" if c.outcome else ""
            day = lt.short_date(c.when.astimezone().date())
            story.append(_p(f"{day} {arrow} {c.channel}: {_cut(c.summary, 170)}{outcome}",
                            "b_item"))
    else:
        story.append(_p("No contact logged yet.", "b_small"))

    for title, text in (("Life situation", b.life_situation),
                        ("Tastes and interests", b.interests),
                        ("Problems and needs", b.needs)):
        if text.strip():
            story += [_p(title, "b_head"), _p(_cut(text, 520), "b_text")]
    if b.rewards:
        story += [_p("Can redeem now", "b_head"),
                  _p(" · ".join(f"{name} ({lt.integer(cost)} points)"
                                for name, cost in b.rewards), "b_text")]
    if b.notes.strip():
        story += [_p("Notes (private)" if b.notes_private else "Notes", "b_head"),
                  _p(_cut(b.notes, 700), "b_text")]
    issued = b.issued.astimezone()
    story += [Spacer(1, 3 * mm),
              _p(f"Prepared {lt.short_date(issued.date())} {issued:%H:%M} · customer "
                 f"{b.customer_id:06d}", "b_small")]
    return [KeepInFrame(WIDTH, HEIGHT, story, mode="shrink")]


def render(briefs: list[Brief], out: str | Path | BinaryIO) -> None:
    """One page per brief, in one PDF."""
    sp.register_fonts()
    story: list[Flowable] = []
    for n, b in enumerate(briefs):
        if n:
            story.append(PageBreak())
        story += brief_story(b)
    title = f"Meeting brief – {briefs[0].name}" if len(briefs) == 1 else \
        f"Meeting briefs ({len(briefs)})"
    target = str(out) if isinstance(out, Path) else out
    doc = BaseDocTemplate(target, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                          topMargin=MARGIN, bottomMargin=MARGIN, title=title,
                          author="crmdesk", subject="Meeting brief", creator="crmdesk",
                          invariant=1)
    frame = Frame(MARGIN, MARGIN, WIDTH, PAGE_H - 2 * MARGIN, id="body", leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="brief", frames=[frame])])
    doc.build(story, canvasmaker=lambda *a, **k: _Canvas(*a, **k))


class _Canvas(sp.rl_canvas.Canvas):
    def __init__(self, *args: Any, **kwargs: Any):
        kwargs["initialFontName"] = sp.FONT
        super().__init__(*args, **kwargs)
