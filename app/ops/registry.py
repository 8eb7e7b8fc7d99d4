"""The operation registry: every write declares the entities it may change.

``@operation(Entity.CONTACT, Entity.PERSON)`` on ``def op(session, ...) -> Done``
records the operation, and checks at each call that what it reports changed is
within what it declared: a screen listening for an entity can then be checked
(tests/test_ops_listening.py) against the operations that produce it.
"""
from __future__ import annotations

import functools
from typing import Callable

from app.ops.changes import Changes, Done, Entity

# qualified name -> entities it may change
OPERATIONS: dict[str, frozenset[Entity]] = {}


class UndeclaredChange(AssertionError):
    """An operation reported a change to an entity it did not declare (a programming error)."""


def operation(*produces: Entity) -> Callable:
    declared = frozenset(Changes(produces))

    def wrap(fn: Callable[..., Done]) -> Callable[..., Done]:
        name = f"{fn.__module__}.{fn.__qualname__}"
        OPERATIONS[name] = declared

        @functools.wraps(fn)
        def run(session, *args, **kwargs) -> Done:
            done = fn(session, *args, **kwargs)
            if not isinstance(done, Done):
                raise TypeError(f"{name} must return Done, not {type(done).__name__}")
            extra = done.changes - declared
            if extra:
                raise UndeclaredChange(f"{name} changed {sorted(extra)} without declaring it")
            return done

        run.produces = declared  # type: ignore[attr-defined]
        run.operation_name = name  # type: ignore[attr-defined]
        return run

    return wrap


def producible() -> frozenset[Entity]:
    """Every entity some registered operation can change (import app.ops.all first)."""
    out: set[Entity] = set()
    for entities in OPERATIONS.values():
        out |= entities
    return frozenset(out)
