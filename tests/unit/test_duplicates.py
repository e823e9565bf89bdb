

def test_a_merged_away_customer_can_be_restored_in_a_book_that_never_joined(book) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.services import customers, duplicates
    from crmdesk.store.db import db
    from tests.conftest import add

    keep, other = add("Lola", "Peña"), add("Lola", "Pena")
    duplicates.merge(keep, other, duplicates.merged_profile(customers.load(keep),
                                                            customers.load(other)))
    assert customers.set_archived([other], False) == 1
    assert db.execute_sql("SELECT archived_at FROM customer WHERE id = ?",
                          (other,)).fetchone()[0] is None
