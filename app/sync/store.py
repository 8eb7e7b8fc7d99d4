"""Where La Piaule's copy of the workers' records lives: the coordination vault itself
(default, nothing to set up) or a PostgreSQL 15+ database (many workers, several
supervisors at once), with the same tables, migrations and code.

The vault keeps its keys and the list of trusted workers; PostgreSQL receives only the
pseudonymous copy (imported records, typed tables, bundles received, the workers'
public keys and labels, the code lists' labels). Its URL sits in the vault's settings
without any password: libpq reads that from PGPASSFILE / ~/.pgpass, or the caller
passes one it prompted for.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterator

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app import schema, settings
from app.errors import MilieuError

DATABASE_URL = "coordination.database_url"
MIN_SERVER = 15
READ_CACHE_KIB = 256 * 1024  # SQLite page cache of the warm reading connection
LOCAL_HOSTS = ("", "localhost", "127.0.0.1", "::1")
# Shared with the store: what its reports show (none of it is secret).
COPIED_SETTINGS = (settings.SITE_NAME, "pilot_start", "pilot_end")


_MIGRATED: set[str] = set()


class StoreError(MilieuError):
    code = "store_unavailable"
    exit_code = 50


class StoreUnsupported(MilieuError):
    code = "store_unsupported"
    exit_code = 51


def normalise(url_text: str):
    """(URL for SQLAlchemy with psycopg 3 and TLS unless local, the password given in it or None)."""
    try:
        url = make_url(url_text)
    except ArgumentError as exc:
        raise StoreUnsupported("The database URL is not a valid postgresql:// URL.") from exc
    if url.get_backend_name() != "postgresql":
        raise StoreUnsupported("Only PostgreSQL (postgresql://...) can hold the coordination store.")
    password = url.password
    url = URL.create("postgresql+psycopg", url.username, None, url.host, url.port, url.database, url.query)
    host = url.host or ""
    query = dict(url.query)
    if host not in LOCAL_HOSTS and not host.startswith("/") and query.get("sslmode") not in (
        "require", "verify-ca", "verify-full"
    ):
        query["sslmode"] = "require"  # the pseudonymous copy still never crosses a network in clear
    return url.set(query=query), password


def saved_url(session: Session) -> str | None:
    return settings.get(session, DATABASE_URL) or None


def make_store_engine(url_text: str, password: str | None = None) -> Engine:
    url, in_url = normalise(url_text)
    args = {"password": password or in_url} if (password or in_url) else {}
    engine = create_engine(url, connect_args=args, pool_pre_ping=True, pool_size=4, max_overflow=4)
    try:
        with engine.connect() as conn:
            version = conn.dialect.server_version_info or (0,)
    except OperationalError as exc:
        engine.dispose()
        message = str(exc.orig).strip().splitlines()[0] if exc.orig else "connection failed"
        raise StoreError(f"The coordination database cannot be reached: {message}.") from exc
    if version[0] < MIN_SERVER:
        engine.dispose()
        raise StoreUnsupported(f"The coordination database needs PostgreSQL {MIN_SERVER} or newer.")
    return engine


def migrate(engine: Engine) -> None:
    """The same alembic migrations as the vault; a store from a newer Milieu is refused."""
    state = schema.SchemaState(engine)
    state.refuse_if_too_new()
    if not state.up_to_date:
        schema.upgrade(engine)


def needs_password(exc: StoreError) -> bool:
    return "password" in str(exc).lower()


class Store:
    """The coordination store of an unlocked coordination vault."""

    def __init__(self, vault, password: str | None = None):
        self.vault = vault
        with vault.session() as s:
            url = saved_url(s)
        self.url = url
        self.engine = vault.engine if url is None else make_store_engine(url, password)
        self._sessions = None if url is None else sessionmaker(bind=self.engine, expire_on_commit=False)
        if url is not None and url not in _MIGRATED:  # once per process: alembic takes a while
            migrate(self.engine)
            _MIGRATED.add(url)

    @property
    def separate(self) -> bool:
        return self.url is not None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction on the store (the vault's own session when the store is the vault)."""
        if self._sessions is None:
            with self.vault.session() as s:
                yield s
            return
        with self._sessions.begin() as s:
            yield s

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read that sees one state: every query of a report sees a bundle whole or not at
        all. SQLite's read transaction is a snapshot already; PostgreSQL needs REPEATABLE READ."""
        if self._sessions is None:
            # The warm connection keeps its decrypted pages in memory (never on disk) from one
            # report to the next: a new keyed connection decrypts the whole store again.
            with self.vault.warm_session() as s:
                s.execute(text(f"PRAGMA cache_size = -{READ_CACHE_KIB}"))
                yield s
            return
        with Session(bind=self.engine.execution_options(isolation_level="REPEATABLE READ"),
                     expire_on_commit=False) as s, s.begin():
            yield s

    def close(self) -> None:
        if self._sessions is not None:
            self.engine.dispose()


def open_store(vault, password_prompt: Callable[[], str] | None = None) -> Store:
    """The store; when PostgreSQL asks for a password that .pgpass does not give, prompt once."""
    try:
        return Store(vault)
    except StoreError as exc:
        if password_prompt is None or not needs_password(exc):
            raise
        return Store(vault, password_prompt())


def attach_postgresql(vault, url_text: str, password: str | None = None) -> Store:
    """Put the coordination store of a new coordination vault on PostgreSQL: migrate the
    database, share the site name and pilot period, and save the URL (never a password)."""
    url, in_url = normalise(url_text)
    engine = make_store_engine(url_text, password)
    try:
        migrate(engine)
        with vault.session() as local, Session(bind=engine) as remote, remote.begin():
            copied = {k: v for k, v in settings.get_all(local).items() if k in COPIED_SETTINGS}
            if copied:
                settings.set_many(remote, copied)
    finally:
        engine.dispose()
    with vault.session() as s:
        settings.set_many(s, {DATABASE_URL: url.render_as_string(hide_password=True)})
    return Store(vault, password or in_url)


@contextmanager
def read_session(vault) -> Iterator[Session]:
    """One consistent read of the coordination store of an unlocked vault (for the GUI:
    a password comes from PGPASSFILE / ~/.pgpass)."""
    store = Store(vault)
    try:
        with store.reading() as s:
            yield s
    finally:
        store.close()


@contextmanager
def opened(vault) -> Iterator[Store]:
    store = Store(vault)
    try:
        yield store
    finally:
        store.close()
