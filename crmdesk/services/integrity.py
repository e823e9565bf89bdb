"""`crmdesk check`: SQLite integrity, foreign keys, schema version and the search index."""

from __future__ import annotations

from dataclasses import dataclass, field

from crmdesk.store import migrations
from crmdesk.store.db import db


@dataclass
class CheckReport:
    findings: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


#: the FTS5 tables whose own integrity check check_book runs
_OWN_CHECKS = tuple(f"FTS5 table main.{name}" for name in ("customer_fts", "customer_phone_search"))


def check_book() -> CheckReport:
    report = CheckReport()
    result = [r[0] for r in db.execute_sql("PRAGMA integrity_check")]
    # (SQLite 3.44 and later, SQLCipher's, check FTS5 indexes here too: the search indexes
    # are reported below on their own line, as an index to rebuild, not a damaged file)
    result = [line for line in result if not line.endswith(_OWN_CHECKS)] or ["ok"]
    if result == ["ok"]:
        report.findings.append("SQLite integrity: ok")
    else:
        report.problems += [f"SQLite integrity: {line}" for line in result[:20]]
    fk = db.execute_sql("PRAGMA foreign_key_check").fetchall()
    if fk:
        report.problems.append(f"{len(fk)} rows point at records that do not exist")
    else:
        report.findings.append("Foreign keys: ok")
    version = migrations.current_version(db.obj)
    if version == migrations.LATEST:
        report.findings.append(f"Schema version: {version} (latest)")
    else:
        report.problems.append(f"Schema version {version}, expected {migrations.LATEST}")
    try:
        db.execute_sql("INSERT INTO customer_fts(customer_fts) VALUES('integrity-check')")
    except Exception as exc:  # noqa: BLE001 - any failure here is a finding, not a crash
        report.problems.append(f"Search index is damaged: {exc}")
    customers = db.execute_sql("SELECT count(*) FROM customer").fetchone()[0]
    # The index holds exactly the customers on the list (not the Trash).
    missing = db.execute_sql(
        "SELECT count(*) FROM customer c WHERE c.archived_at IS NULL AND NOT EXISTS "
        "(SELECT 1 FROM customer_fts f WHERE f.rowid = c.id)").fetchone()[0]
    orphans = db.execute_sql(
        "SELECT count(*) FROM customer_fts f WHERE NOT EXISTS "
        "(SELECT 1 FROM customer c WHERE c.id = f.rowid AND c.archived_at IS NULL)"
    ).fetchone()[0]
    phones_missing = phones_orphans = 0
    if migrations.current_version(db.obj) >= migrations.PHONE_SEARCH_VERSION:
        # (its stored text is what a dense search's first page reads: it must be what the
        # trigrams were made of)
        try:
            db.execute_sql("INSERT INTO customer_phone_search(customer_phone_search) "
                           "VALUES('integrity-check')")
        except Exception as exc:  # noqa: BLE001 - any failure here is a finding, not a crash
            report.problems.append(f"Phone search index is damaged: {exc}")
        # The numbers' own index holds exactly the listed customers with a number.
        phones_missing = db.execute_sql(
            "SELECT count(*) FROM customer c WHERE c.archived_at IS NULL AND EXISTS (SELECT 1 "
            "FROM customer_phone p WHERE p.customer_id = c.id AND p.e164 GLOB '*[0-9]*') "
            "AND NOT EXISTS (SELECT 1 "
            "FROM customer_phone_search s WHERE s.rowid = c.id)").fetchone()[0]
        phones_orphans = db.execute_sql(
            "SELECT count(*) FROM customer_phone_search s WHERE NOT EXISTS (SELECT 1 FROM "
            "customer c WHERE c.id = s.rowid AND c.archived_at IS NULL)").fetchone()[0]
    if missing or orphans:
        report.problems.append(
            f"Search index out of step: {missing} customers missing, {orphans} stale entries")
    if phones_missing or phones_orphans:
        report.problems.append(
            f"Phone search index out of step: {phones_missing} customers missing, "
            f"{phones_orphans} stale entries")
    if not (missing or orphans or phones_missing or phones_orphans):
        report.findings.append(f"Search index: ok ({customers:,} customers)")
    from crmdesk.services.loyalty_ledger import check_balances

    ledger_problems = check_balances()
    if ledger_problems:
        report.problems += [f"Points ledger: {line}" for line in ledger_problems]
    else:
        entries = db.execute_sql("SELECT count(*) FROM points_entry").fetchone()[0]
        report.findings.append(f"Points ledger: every balance is the sum of its entries "
                               f"({entries:,} entries)")
    off = db.execute_sql(
        "SELECT count(*) FROM customer c WHERE c.last_contact_at IS NOT (SELECT "
        "max(happened_at) FROM interaction WHERE customer_id = c.id) OR c.next_follow_up_at "
        "IS NOT (SELECT min(due_at) FROM follow_up WHERE customer_id = c.id "
        "AND status = 'open')").fetchone()[0]
    if off:
        report.problems.append(f"Last contact / next follow-up out of step for {off:,} "
                               "customers")
    else:
        report.findings.append("Last contact and next follow-up: ok")
    archived = db.execute_sql(
        "SELECT count(*) FROM customer WHERE archived_at IS NOT NULL").fetchone()[0]
    report.findings.append(f"Customers: {customers - archived:,} active, {archived:,} in Trash")
    kept = dict(db.execute_sql("SELECT archived, n FROM customer_count").fetchall())
    if kept != {0: customers - archived, 1: archived}:
        report.problems.append(f"Customer counts out of step: {kept.get(0)} active and "
                               f"{kept.get(1)} in Trash recorded")
    from crmdesk.store import migration_funnel, migration_stage_counts

    if migration_stage_counts.present(db):  # the board's column counts (issue 17)
        off_stages = migration_stage_counts.out_of_step(db)
        if off_stages:
            report.problems.append("Stage counts out of step: " + ", ".join(
                f"{stage or '(none)'} {held:,} recorded, {counted:,} counted"
                for stage, (held, counted) in off_stages.items()))
        else:
            report.findings.append("Stage counts: ok")
    if migration_funnel.present(db):  # the funnel's steps kept by triggers (issue 17)
        off_steps = migration_funnel.out_of_step(db)
        if off_steps:
            report.problems.append(f"Funnel steps out of step with the stage history: "
                                   f"{off_steps:,} rows differ")
        else:
            steps = db.execute_sql("SELECT count(*) FROM stage_step").fetchone()[0]
            report.findings.append(f"Funnel steps: ok ({steps:,} stage changes)")
    # An organisation works for no one and no client works for themselves (what a save
    # refuses; a merge or two laptops' edits must not make it either).
    bad_orgs = db.execute_sql(
        "SELECT count(*) FROM customer WHERE organisation_id IS NOT NULL AND "
        "(organisation_id = id OR kind = 'organisation')").fetchone()[0]
    if bad_orgs:
        report.problems.append(f"{bad_orgs:,} organisations or clients work for an "
                               "organisation they cannot (themselves, or as an organisation)")
    else:
        report.findings.append("Organisations and contact persons: ok")
    from crmdesk.services import sync  # an office book: its sync bookkeeping too

    found, problems = sync.check()
    report.findings += found
    report.problems += problems
    return report
