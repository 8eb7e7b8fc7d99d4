"""What every page and dialog is given (passed in, never reached for as a global)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from app.vault import Vault
    from views.bus import DataBus


@dataclass
class AppContext:
    vault: "Vault"          # open sessions with ``with ctx.vault.session() as s:``
    bus: "DataBus"          # emit what changed; pages listen
    extras: dict = field(default_factory=dict)  # shell services (dialogs, tasks, drafts...)

    def notify(self, *entities: str) -> None:
        self.bus.changed.emit(set(entities))
