"""What every page and dialog is given (passed in, never reached for as a global)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from app.vault import Vault
    from views.bus import DataBus
    from views.ops_runner import OpRunner


@dataclass
class AppContext:
    vault: "Vault"          # only views/ops_runner.py opens its sessions (ctx.ops.run / read / fetch)
    bus: "DataBus"          # the runner emits what changed (app.ops.Changes); widgets listen
    extras: dict = field(default_factory=dict)  # shell services (dialogs, tasks, drafts...)

    @property
    def ops(self) -> "OpRunner":
        """The operation runner (made on first use, so a page built alone in a test has one)."""
        runner = self.extras.get("ops")
        if runner is None:
            from views.ops_runner import OpRunner
            from views.tasks import TaskRunner

            tasks = self.extras.setdefault("tasks", TaskRunner())
            runner = self.extras["ops"] = OpRunner(self, tasks, lambda: self.extras["dialogs"])
        return runner
