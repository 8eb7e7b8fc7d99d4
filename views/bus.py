"""One signal that tells every screen what changed (Anki's "changes" pattern).

Operations (app/ops) return ``Done(changes=Changes.of(Entity.CONTACT, ...))``; the
runner (views/ops_runner.py) emits those changes here and each widget refreshes
only when an entity it shows is among them.
"""
from PySide6.QtCore import QObject, Signal


class DataBus(QObject):
    changed = Signal(object)  # app.ops.Changes: a frozenset of app.ops.Entity
