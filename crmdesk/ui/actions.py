"""One place that declares the window's actions: text, shortcut, tooltip and icon."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

Shortcut = QKeySequence.StandardKey | str


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str
    shortcuts: tuple[Shortcut, ...] = ()
    tip: str = ""
    icon: QStyle.StandardPixmap | None = None


SPECS = [
    ActionSpec("new_book", "&New Book…", (), "Create a new, empty client book",
               QStyle.StandardPixmap.SP_FileDialogNewFolder),
    ActionSpec("open_book", "&Open Book…", (QKeySequence.StandardKey.Open,),
               "Open another client book", QStyle.StandardPixmap.SP_DialogOpenButton),
    ActionSpec("open_demo", "Open &Demo Book", (), "Open a book of sample clients to explore"),
    ActionSpec("quit", "&Quit", (QKeySequence.StandardKey.Quit,), "Close crmdesk"),
    ActionSpec("new_customer", "&New Customer", (QKeySequence.StandardKey.New,),
               "Add a new customer (Ctrl+N)", QStyle.StandardPixmap.SP_FileIcon),
    ActionSpec("save", "&Save", (QKeySequence.StandardKey.Save,),
               "Save the profile (Ctrl+S)", QStyle.StandardPixmap.SP_DialogSaveButton),
    ActionSpec("revert", "Re&vert / Cancel", ("Esc",),
               "Discard unsaved changes to the profile (Esc)",
               QStyle.StandardPixmap.SP_DialogCancelButton),
    ActionSpec("archive", "&Archive", (QKeySequence.StandardKey.Delete,),
               "Move the selected customers to the Trash (Del)",
               QStyle.StandardPixmap.SP_TrashIcon),
    ActionSpec("restore", "&Restore from Trash", (),
               "Bring the selected customers back to the list",
               QStyle.StandardPixmap.SP_DialogResetButton),
    ActionSpec("undo", "&Undo", ("Ctrl+Z",), "Undo the last change (Ctrl+Z)",
               QStyle.StandardPixmap.SP_ArrowBack),
    ActionSpec("redo", "&Redo", ("Ctrl+Shift+Z", "Ctrl+Y"),
               "Redo the change you undid (Ctrl+Shift+Z)", QStyle.StandardPixmap.SP_ArrowForward),
    ActionSpec("find", "&Find Customer", (QKeySequence.StandardKey.Find,),
               "Jump to the search box (Ctrl+F)"),
    ActionSpec("refresh", "&Refresh", (QKeySequence.StandardKey.Refresh,),
               "Reload the list from the book (F5)", QStyle.StandardPixmap.SP_BrowserReload),
    ActionSpec("save_view", "Save Current &View…", (),
               "Keep this search, filter and sort under a name"),
    ActionSpec("delete_view", "&Delete Saved View", (), "Remove the selected saved view"),
    ActionSpec("region", "Default Phone &Region…", (),
               "The country used for phone numbers typed without +code"),
    ActionSpec("quick_capture", "&Quick Capture…", ("Ctrl+L",),
               "Log a walk-in, call or message in seconds (Ctrl+L)",
               QStyle.StandardPixmap.SP_FileDialogContentsView),
    ActionSpec("log_interaction", "&Log Interaction…", ("Ctrl+I",),
               "Log an interaction with the selected customer (Ctrl+I)",
               QStyle.StandardPixmap.SP_FileDialogDetailedView),
    ActionSpec("add_follow_up", "Add &Follow-up…", ("Ctrl+Shift+U",),
               "Add a follow-up or promise for the selected customer (Ctrl+Shift+U)"),
    ActionSpec("export_ics", "&Export Follow-ups to Calendar…", (),
               "Save open follow-ups of the next 90 days as an .ics file"),
    ActionSpec("staff", "&Staff Members…", (), "Add or edit staff members and their roles"),
    ActionSpec("cadence", "Contact &Cadence…", (),
               "How often each segment expects to hear from you"),
    ActionSpec("funnel", "&Funnel Report…", (),
               "How customers moved through the stages over a period"),
    ActionSpec("stages", "Lifecycle &Stages…", (), "Rename or reorder the lifecycle stages"),
    ActionSpec("record_purchase", "Record &Purchase…", ("Ctrl+Shift+B",),
               "Record a purchase for the selected customer; it earns points (Ctrl+Shift+B)"),
    ActionSpec("redeem_points", "&Redeem Points…", ("Ctrl+Shift+R",),
               "Spend the selected customer's points on a reward (Ctrl+Shift+R)"),
    ActionSpec("adjust_points", "&Bonus or Adjustment…", (),
               "Give bonus points or correct a balance, with a reason"),
    ActionSpec("statement", "Loyalty &Statement…", (QKeySequence.StandardKey.Print,),
               "A PDF loyalty statement for the selected customer (Ctrl+P)",
               QStyle.StandardPixmap.SP_FileDialogInfoView),
    ActionSpec("batch_statements", "Statements for &Many Customers…", (),
               "Loyalty statements for the current list or a segment, as PDF"),
    ActionSpec("loyalty_programme", "&Loyalty Programme…", (),
               "Points per purchase, tiers, expiry, rewards and the statement letterhead"),
    ActionSpec("import_contacts", "&Import Contacts…", ("Ctrl+Shift+I",),
               "Bring in contacts from vCard (.vcf) or CSV files, or a whole book (.json)",
               QStyle.StandardPixmap.SP_ArrowDown),
    ActionSpec("undo_import", "Undo an Earlier &Import…", (),
               "Take back an import as a whole"),
    ActionSpec("export_vcf", "Export List as &vCard…", (),
               "The customers of the current list as vCard 4.0"),
    ActionSpec("export_csv", "Export List as &CSV…", (),
               "The customers of the current list as a spreadsheet-safe CSV file"),
    ActionSpec("export_xlsx", "Export List as &Spreadsheet (.xlsx)…", (),
               "The customers of the current list as a spreadsheet for LibreOffice or "
               "Excel: postcodes and phones keep their leading zeros"),
    ActionSpec("export_google_csv", "Export List for &Google Contacts…", (),
               "The customers of the current list as a CSV in Google Contacts' layout"),
    ActionSpec("export_outlook_csv", "Export List for &Outlook…", (),
               "The customers of the current list as a CSV in Outlook's layout"),
    ActionSpec("export_book", "Export &Whole Book (JSON)…", (),
               "Everything in the book, for another crmdesk to import"),
    ActionSpec("back_up", "&Back Up Now…", (), "A consistent copy of the book, now"),
    ActionSpec("restore_backup", "Restore from Bac&kup…", (),
               "Replace the book by a backup (the current book is kept aside)"),
    ActionSpec("encrypt_book", "&Encrypt Book…", (),
               "Protect the book with a passphrase (SQLCipher): a lost laptop reveals nothing"),
    ActionSpec("change_passphrase", "Change &Passphrase…", (),
               "Change the passphrase of this encrypted book"),
    ActionSpec("audit", "&Audit Trail…", (),
               "Who viewed, changed, exported or printed which customer, and when"),
    ActionSpec("export_customer_data", "Export Everything About This &Customer…", (),
               "A JSON and a PDF of everything the book holds about the selected customer"),
    ActionSpec("forget_customer", "&Forget This Customer…", (),
               "Erase what identifies the selected customer; totals stay, anonymised"),
    ActionSpec("duplicates", "Find &Duplicates…", (),
               "Customers entered twice: same e-mail, same phone or similar name"),
    ActionSpec("lock", "&Lock Window", ("Ctrl+Shift+L",),
               "Hide all client data until your password or PIN is typed (Ctrl+Shift+L)"),
    ActionSpec("switch_user", "Sign In as Someone &Else…", (),
               "Hand the window to another staff member"),
    ActionSpec("my_password", "Change My Password or &PIN…", (),
               "Your password signs you in; your PIN unlocks the window"),
    ActionSpec("lock_after", "Lock After &Idle Time…", (),
               "Minutes without keyboard or mouse before the window locks itself"),
    ActionSpec("remember_passphrase", "Remember Passphrase on This &Computer", (),
               "Keep the book's passphrase in the system keyring, so it opens without asking"),
    ActionSpec("about", "&About crmdesk", (), ""),
]


def build_actions(parent: QWidget, slots: dict[str, Callable[[], object]]) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}
    for spec in SPECS:
        action = QAction(spec.text, parent)
        keys = [QKeySequence(k) for k in spec.shortcuts]
        if keys:
            action.setShortcuts(keys)
        if spec.tip:
            action.setToolTip(spec.tip)
            action.setStatusTip(spec.tip)
        if spec.icon is not None:
            action.setIcon(parent.style().standardIcon(spec.icon))
        else:
            action.setIcon(QIcon())
        slot = slots.get(spec.name)
        if slot is not None:
            action.triggered.connect(lambda _checked=False, s=slot: s())
        actions[spec.name] = action
    return actions
