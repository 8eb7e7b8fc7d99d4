"""Operations: every write to the vault, as ``(session, input) -> Done``.

One module per area (app/ops/floor.py, directory.py, ...). Views never open a
session: they hand an operation to the runner (views/ops_runner.py), which runs it
on the single writer thread and emits ``Done.changes`` on the bus.
"""
from app.ops.changes import NOTHING, Changes, Done, Entity
from app.ops.registry import OPERATIONS, operation, producible

__all__ = ["NOTHING", "OPERATIONS", "Changes", "Done", "Entity", "operation", "producible"]
