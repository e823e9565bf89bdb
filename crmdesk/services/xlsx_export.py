"""A list of customers as a spreadsheet (.xlsx, Office Open XML), for LibreOffice Calc,
Excel, Numbers and Google Sheets: crmdesk's CSV layout (every e-mail, phone and address in
numbered columns with their labels), but every cell carries its type.

Why a spreadsheet file beside the CSV: a CSV has no types, and spreadsheets guess. LibreOffice
and Excel read a quoted "01327" as the number 1327 (LibreOffice keeps it only when "Format
quoted field as text" is ticked in its import dialog, off by default), so postcodes and
phones lose their leading zeros. In an .xlsx file a text cell is text: "01327", "+34 612…",
"=cmd|calc" are shown as written and never computed, so no anti-formula apostrophe is needed
either. Points are numbers (sums work), the header row stays in view and has filters.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from crmdesk.services import access, audit, csv_layouts, customers
from crmdesk.store.db import db

Progress = Callable[[int, int], bool]
MAX_CELL = 32_767  # characters a spreadsheet cell holds (Excel's limit, LibreOffice's too)
_NUMBERS = {"Points"}
_WIDE = {"Notes": 40, "Life Situation": 30, "Street": 28}


def _width(column: str) -> int:
    for part, width in _WIDE.items():
        if column.endswith(part):
            return width
    return max(12, min(24, len(column) + 2))


def _text(value: object) -> str:
    text = "" if value is None else str(value)
    # Characters XML 1.0 cannot hold (a NUL, a form feed from an old import) are left out;
    # tab, newline and carriage return stay.
    if any(ord(ch) < 32 and ch not in "\t\n\r" for ch in text):
        text = "".join(ch for ch in text if ord(ch) >= 32 or ch in "\t\n\r")
    if len(text) > MAX_CELL:
        text = text[:MAX_CELL - 1] + "…"
    return text


def export_xlsx(ids: list[int], out: Path, progress: Progress | None = None) -> int:
    """These customers as a one-sheet .xlsx in crmdesk's layout; text cells typed as text
    (leading zeros kept, nothing computed), points as numbers. The file is written whole or
    not at all, readable only by its owner, and the export is audited like the CSV's."""
    import xlsxwriter  # type: ignore[import-untyped]

    from crmdesk.services import exporting

    access.require("export")
    access.require_level(ids, access.Level.STANDARD, "export")
    counts = [max(1, exporting._most(t, ids)) for t in ("customer_email", "customer_phone",
                                                         "customer_address")]
    header = csv_layouts.header("crmdesk", counts)
    numeric = {i for i, column in enumerate(header) if column in _NUMBERS}
    with exporting.atomic_file(out) as part:
        book = xlsxwriter.Workbook(str(part), {
            "constant_memory": True, "tmpdir": str(part.parent),
            "strings_to_numbers": False, "strings_to_formulas": False,
            "strings_to_urls": False, "default_date_format": "yyyy-mm-dd"})
        try:
            sheet = book.add_worksheet("Customers")
            bold = book.add_format({"bold": True, "bg_color": "#E8EEF6", "bottom": 1})
            for col, column in enumerate(header):
                sheet.set_column(col, col, _width(column))
                sheet.write_string(0, col, column, bold)
            sheet.freeze_panes(1, 0)
            for n, cid in enumerate(ids, 1):
                points = db.execute_sql("SELECT points_balance FROM customer WHERE id = ?",
                                        (cid,)).fetchone()[0]
                data = customers.load_visible(cid)[0]  # private notes only for those who may
                for col, value in enumerate(csv_layouts.row("crmdesk", data, points, counts)):
                    if col in numeric and isinstance(value, int):
                        sheet.write_number(n, col, value)
                    else:
                        text = _text(value)
                        if text:
                            sheet.write_string(n, col, text)
                if n % 500 == 0:
                    exporting._step(progress, n, len(ids))
            sheet.autofilter(0, 0, len(ids), len(header) - 1)
        finally:
            book.close()
    audit.record("export", ids, f"Spreadsheet {out.name}")
    return len(ids)
