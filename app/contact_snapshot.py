"""What history and bundles record of a contact.

Apart from app.contacts so that app.people (which app.contacts builds on) can
snapshot the contacts a merge moves without importing app.contacts back.
"""
from __future__ import annotations

from app import history
from models.contacts import Contact


def contact_snapshot(contact: Contact) -> dict:
    """History/bundle snapshot: columns plus persons (uids), type/theme/unmet-need codes, supply lines (item uids)."""
    return history.snapshot(
        contact,
        extra={
            "person_uids": sorted(p.uid for p in contact.persons),
            "types": sorted(contact.type_codes),
            "themes": sorted(contact.theme_codes),
            "unmet_needs": sorted(contact.unmet_need_codes),
            "supplies": sorted(([line.item.uid, line.quantity] for line in contact.supplies)),
        },
    )
