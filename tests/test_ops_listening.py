"""One listening mechanism: every widget that shows data declares the entities it shows, and some
registered operation can produce each of them (a widget listening for a name nothing emits never
refreshes: pages once listened for "code" and "stock_movement", and the status bar for "supply_item"
while Dépannage announced "supply")."""
from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

from PySide6.QtCore import QObject

import app.ops.all  # noqa: F401 - registers every operation
import views
from app.ops import Entity, producible
from views import registry
from views.page import Page
from views.workspace import load_class

ROOT = Path(__file__).resolve().parent.parent

# Entities whose operations are still to come (none now: the code lists' operations landed).
# An entity leaves this set when its operation lands: the last test fails while one is no longer needed.
NOT_YET_PRODUCED: frozenset[Entity] = frozenset()

# Widgets that listen on the bus without an ``entities`` attribute, and what they listen for:
# the referral sub-form reloads its service picker after a directory change.
UNDECLARED: dict[str, frozenset[Entity]] = {"views.directory.referral_widgets": frozenset({Entity.DIRECTORY})}


def _listening_modules() -> list[str]:
    """Modules of views/ whose widgets listen on the bus (or declare what they show)."""
    names = []
    for info in pkgutil.walk_packages(views.__path__, "views."):
        path = ROOT / (info.name.replace(".", "/") + (".py" if not info.ispkg else "/__init__.py"))
        text = path.read_text("utf-8") if path.exists() else ""
        if "bus.changed.connect" in text or "entities = " in text:
            names.append(info.name)
    return names


def listeners() -> dict[str, frozenset]:
    """qualified class name -> the entities it listens for: pages, the quick-entry panel, status
    widgets, the window, open dialogs (every QObject class of views/ declaring ``entities``)."""
    found: dict[str, frozenset] = {}
    for name in _listening_modules():
        module = importlib.import_module(name)
        for value in vars(module).values():
            if (isinstance(value, type) and issubclass(value, QObject) and value.__module__ == name
                    and isinstance(getattr(value, "entities", None), frozenset)):
                found[f"{name}.{value.__qualname__}"] = value.entities
    for _page_id, spec in registry.PAGES:
        cls = load_class(spec)
        found[f"{cls.__module__}.{cls.__qualname__}"] = cls.entities
    for spec in registry.STATUS_WIDGETS:
        cls = load_class(spec)
        found[f"{cls.__module__}.{cls.__qualname__}"] = cls.entities
    found.update(UNDECLARED)
    return found


def _known(entity) -> bool:
    try:
        return Entity(entity) == entity
    except ValueError:
        return False


def test_every_shown_widget_declares_entities_of_the_one_enum():
    for _page_id, spec in registry.PAGES:
        assert issubclass(load_class(spec), Page) and load_class(spec).entities, spec
    for spec in registry.STATUS_WIDGETS:
        assert load_class(spec).entities, f"{spec} listens on the bus: it lists the entities it shows"
    for name, entities in listeners().items():
        unknown = sorted(e for e in entities if not _known(e))
        assert not unknown, f"{name} listens for {unknown}, which are not app.ops.Entity members"


def test_every_module_that_listens_declares_what_it_listens_for():
    listening = {name.rsplit(".", 1)[0] for name in listeners()} | set(UNDECLARED)
    for name in _listening_modules():
        text = (ROOT / (name.replace(".", "/") + ".py")).read_text("utf-8")
        if "bus.changed.connect" in text and name not in ("views.ops_runner", "views.bus"):
            assert name in listening, f"{name} listens on the bus without declaring ``entities``"


def test_every_listened_entity_can_be_produced_by_an_operation():
    can = producible()
    missing = {
        entity: sorted(name for name, entities in listeners().items() if entity in entities)
        for entity in {Entity(e) for e in set().union(*listeners().values())} if entity not in can
    }
    assert set(missing) <= NOT_YET_PRODUCED, f"listened for, produced by no operation: {missing}"


def test_the_allowance_for_operations_still_to_come_holds_only_what_is_missing():
    assert not (NOT_YET_PRODUCED & producible()), "an operation now produces these: drop them from NOT_YET_PRODUCED"
