"""Schema versions: alembic run programmatically on an open connection."""
from __future__ import annotations

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine

from app.errors import SchemaTooNew
from migrations import SCRIPT_LOCATION


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", SCRIPT_LOCATION)
    return cfg


def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(_config())


def code_heads() -> set[str]:
    return set(_scripts().get_heads())


def known_revisions() -> set[str]:
    return {rev.revision for rev in _scripts().walk_revisions()}


def applied_revisions(current: set[str]) -> set[str]:
    """Every revision a database at ``current`` has run, dependencies included.

    alembic_version lists heads only, and a branch that another depends on is
    folded into its dependant, so compare closures rather than head sets.
    """
    if not current:
        return set()
    return {rev.revision for rev in _scripts().iterate_revisions(tuple(current), "base")}


def database_heads(conn: Connection) -> set[str]:
    return set(MigrationContext.configure(conn).get_current_heads())


def describe(heads: set[str]) -> str:
    return ",".join(sorted(heads)) or "empty"


class SchemaState:
    """Where a database stands against the code's migrations."""

    def __init__(self, engine: Engine):
        with engine.connect() as conn:
            self.current = database_heads(conn)
        self.unknown = self.current - known_revisions()

    @property
    def too_new(self) -> bool:
        return bool(self.unknown)

    @property
    def up_to_date(self) -> bool:
        return not self.unknown and applied_revisions(self.current) == known_revisions()

    @property
    def empty(self) -> bool:
        return not self.current

    def refuse_if_too_new(self) -> None:
        if self.too_new:
            raise SchemaTooNew(
                f"This database was written by a newer version of Milieu (schema {describe(self.unknown)}); "
                "update Milieu to open it."
            )


def upgrade(engine: Engine, target: str = "heads") -> None:
    # alembic.command pulls in alembic's whole runtime: loaded when a migration runs, not at start.
    from alembic import command

    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
