"""Public-key exchange, the same on both sides: the worker sets La Piaule as recipient, La Piaule
trusts a worker. Read the file, have the fingerprint checked by phone, then store it; and save
this vault's own public key for the other side."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from app.atomic import read_limited
from app.errors import MilieuError
from views.sync.pickers import Pickers


def accept_public_key(ctx, pickers: Pickers, picker_title: str, question: str,
                      store: Callable, fail: Callable[[BaseException], None]) -> bool:
    """Ask for a public-key file, show ``question`` (%1 = label, %2 = fingerprint) as a destructive
    confirmation, then run the operation ``store(session, identity)``. True when it was handed to the
    runner (a refusal then goes to ``fail``)."""
    from app.sync import keys

    path = pickers.open_file(picker_title, QCoreApplication.translate("PublicKeys", "Public keys (*.pub *.txt);;All files (*)"))
    if not path:
        return False
    try:
        identity = keys.parse_public_file(read_limited(Path(path), keys.MAX_PUBLIC_FILE) or b"\0" * (keys.MAX_PUBLIC_FILE + 1))
    except (MilieuError, OSError) as exc:
        fail(exc)
        return False
    question = question.replace("%1", identity.label).replace("%2", identity.fingerprint)
    if not ctx.extras["dialogs"].confirm(QCoreApplication.translate("PublicKeys", "Check the fingerprint"), question,
                                         destructive=True):
        return False

    def refused(exc: BaseException) -> bool:
        if not isinstance(exc, MilieuError):
            return False
        fail(exc)
        return True

    ctx.ops.run(store, identity, on_error=refused)
    return True


def save_own_key(ctx, pickers: Pickers, title: str, result: QLabel, fail: Callable[[BaseException], None],
                 suggested: str | None = None) -> bool:
    """Write this vault's public key where the user chooses; ``result`` says its fingerprint."""
    from app.atomic import atomic_write
    from app.sync import rows as sync_rows

    identity = ctx.ops.read(sync_rows.own_identity)
    path = pickers.save_file(title, suggested or f"milieu-{identity.short_id}.pub")
    if not path:
        return False
    try:
        atomic_write(Path(path), identity.to_text().encode("utf-8"))
    except OSError as exc:
        fail(exc)
        return False
    result.setText(
        QCoreApplication.translate("PublicKeys", "Public key saved. Its fingerprint is %1.")
        .replace("%1", identity.fingerprint)
    )
    return True
