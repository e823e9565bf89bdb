"""The readable half of a subject-access pack: everything held about a customer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from crmdesk.reports import cjk
from crmdesk.reports.statement_pdf import BOLD, FONT, register_fonts

_BODY = ParagraphStyle("pack-body", fontName=FONT, fontSize=9, leading=12)
_HEAD = ParagraphStyle("pack-head", fontName=BOLD, fontSize=12, leading=16, spaceBefore=8,
                       spaceAfter=4)
_TITLE = ParagraphStyle("pack-title", fontName=BOLD, fontSize=16, leading=20, spaceAfter=6)
_LABELS = {"interactions": "Interactions", "follow_ups": "Follow-ups and promises",
           "stage_history": "Lifecycle stages", "purchases": "Purchases",
           "points": "Loyalty points", "audit_trail": "Who looked at or changed this record"}


def _line(pairs: dict[str, Any]) -> Paragraph:
    # Every user string escaped, and Korean, Japanese or Chinese in a font that has it.
    text = " · ".join(f"<b>{cjk.markup(str(k), BOLD)}</b>: {cjk.markup(str(v), FONT)}"
                      for k, v in pairs.items() if v not in (None, "", [], {}))
    return Paragraph(text or "—", _BODY)


def render_pack(pack: dict[str, Any], out: Path) -> None:
    register_fonts()
    profile = pack["profile"]
    name = " ".join(p for p in (profile.get("given_name"), profile.get("family_name")) if p)
    story: list[Any] = [
        Paragraph(cjk.markup(f"Everything this book holds about {name or 'this customer'}",
                             BOLD), _TITLE),
        Paragraph(cjk.markup(f"Customer number {pack['customer_id']} · exported "
                         f"{pack['exported_at'][:16].replace('T', ' ')} UTC · added "
                         f"{(pack.get('created_at') or '')[:10]}", FONT), _BODY),
        Paragraph("Profile", _HEAD)]
    for key, value in profile.items():
        if isinstance(value, list):
            value = "; ".join(", ".join(str(v) for v in item.values() if v)
                              if isinstance(item, dict) else str(item) for item in value)
        elif isinstance(value, dict):
            value = ", ".join(f"{k} since {v}" for k, v in value.items())
        if value not in (None, ""):
            story.append(_line({key.replace("_", " ").capitalize(): value}))
    for key, title in _LABELS.items():
        rows = pack.get(key, [])
        story.append(Paragraph(f"{title} ({len(rows)})", _HEAD))
        story += [_line(row) for row in rows[:2000]] or [Paragraph("None.", _BODY)]
    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=18 * mm, bottomMargin=18 * mm,
                            title=f"Subject access: {name}", author="crmdesk",
                            subject="Everything held about a customer")
    story.insert(2, Spacer(1, 3 * mm))
    doc.build(story)
