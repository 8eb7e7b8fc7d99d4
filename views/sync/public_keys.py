"""Public-key exchange, the same on both sides: the worker sets La Piaule as recipient, La Piaule
trusts a worker. Read the file, have the fingerprint checked by phone, then store it."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication

from app.atomic import read_limited
from app.errors import MilieuError
from views.sync.pickers import Pickers


def accept_public_key(ctx, pickers: Pickers, picker_title: str, question: str,
                      store: Callable, fail: Callable[[Exception], None]) -> bool:
    """Ask for a public-key file, show ``question`` (%1 = label, %2 = fingerprint) as a destructive
    confirmation, then ``store(session, identity)`` and notify "bundle". True when stored."""
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
    try:
        with ctx.vault.session() as s:
            store(s, identity)
    except MilieuError as exc:
        fail(exc)
        return False
    ctx.notify("bundle")
    return True
