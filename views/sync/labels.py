"""Translated labels for the bundle screens: kinds of records and error codes."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

def entity_label(entity: str) -> str:
    labels = {
        "contact": QCoreApplication.translate("SyncLabels", "Contacts"),
        "person": QCoreApplication.translate("SyncLabels", "People"),
        "referral": QCoreApplication.translate("SyncLabels", "Referrals"),
        "supply_item": QCoreApplication.translate("SyncLabels", "Supply items"),
        "stock_movement": QCoreApplication.translate("SyncLabels", "Stock movements"),
        "code_item": QCoreApplication.translate("SyncLabels", "List items"),
        "conflict": QCoreApplication.translate("SyncLabels", "Conflicts"),
        "staff_support": QCoreApplication.translate("SyncLabels", "Staff support"),
        "presence": QCoreApplication.translate("SyncLabels", "Presence hours"),
    }
    return labels.get(entity, entity)


def weekday_names() -> list[str]:
    return [QCoreApplication.translate("SyncLabels", "Monday"), QCoreApplication.translate("SyncLabels", "Tuesday"), QCoreApplication.translate("SyncLabels", "Wednesday"), QCoreApplication.translate("SyncLabels", "Thursday"), QCoreApplication.translate("SyncLabels", "Friday"), QCoreApplication.translate("SyncLabels", "Saturday"), QCoreApplication.translate("SyncLabels", "Sunday")]


def error_message(exc: Exception) -> str:
    """One sentence the user can act on, by stable error code; the English text otherwise."""
    messages = {
        "not_a_bundle": QCoreApplication.translate("SyncLabels", "This file is not a Milieu bundle."),
        "unsupported_version": QCoreApplication.translate("SyncLabels", "This bundle was made by a newer version of Milieu: update Milieu."),
        "unsupported_suite": QCoreApplication.translate("SyncLabels", "This bundle uses an encryption this version of Milieu does not read."),
        "malformed_header": QCoreApplication.translate("SyncLabels", "The beginning of this bundle is damaged."),
        "too_large": QCoreApplication.translate("SyncLabels", "This file is too large to be a bundle."),
        "truncated": QCoreApplication.translate("SyncLabels", "This bundle is incomplete (the copy was cut short). Ask for the file again."),
        "trailing_data": QCoreApplication.translate("SyncLabels", "This bundle has extra bytes at its end: it was altered."),
        "wrong_recipient": QCoreApplication.translate("SyncLabels", "This bundle was encrypted for another coordination key."),
        "unknown_signer": QCoreApplication.translate("SyncLabels", "This bundle comes from a worker whose key is not trusted yet."),
        "bad_signature": QCoreApplication.translate("SyncLabels", "The signature does not match: the file was altered or does not come from this worker."),
        "decryption_failed": QCoreApplication.translate("SyncLabels", "This bundle cannot be decrypted with this coordination key."),
        "payload_invalid": QCoreApplication.translate("SyncLabels", "The content of this bundle is damaged."),
        "header_mismatch": QCoreApplication.translate("SyncLabels", "The content of this bundle disagrees with its signed header."),
        "public_key_invalid": QCoreApplication.translate("SyncLabels", "This is not a valid Milieu public-key file."),
        "record_invalid": QCoreApplication.translate("SyncLabels", "A record of this bundle is malformed; nothing of it was imported.")
        + " (" + str(exc) + ")",
        "output_is_vault_file": QCoreApplication.translate("SyncLabels", "This file belongs to the vault itself; choose another place."),
        "sync_not_configured": QCoreApplication.translate("SyncLabels", "This action is not available yet: set the keys first."),
    }
    return messages.get(getattr(exc, "code", ""), str(exc))
