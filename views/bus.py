"""One signal that tells every screen what changed (Anki's "changes" pattern).

Services return or imply the entities they touched; the caller emits
``bus.changed.emit({"contact", "person"})`` and each page refreshes only when
an entity it shows is in the set.
"""
from PySide6.QtCore import QObject, Signal


class DataBus(QObject):
    changed = Signal(set)  # set[str] of entity names, e.g. {"contact", "supply"}
