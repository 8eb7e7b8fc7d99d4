"""Bundle tables: keys, the other party's public keys, bundles sent and received,
and La Piaule's copy of each worker's records (coordination side)."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class SyncKey(Base):
    """This vault's own secrets: signing key, receiving key, pseudonym secret.

    They live only inside the encrypted database.
    """

    __tablename__ = "sync_key"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)  # signing | receiving | pseudonym
    algorithm: Mapped[str] = mapped_column(String(16))  # ed25519 | x25519 | hmac-sha256
    secret: Mapped[bytes] = mapped_column(LargeBinary)
    public: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SyncPeer(Base):
    """The other party's public keys: La Piaule (worker side) or a worker (coordination side)."""

    __tablename__ = "sync_peer"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    role: Mapped[str] = mapped_column(String(16))  # coordination | worker
    label: Mapped[str] = mapped_column(String(200), default="")
    signing_public: Mapped[bytes] = mapped_column(LargeBinary)
    receiving_public: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    key_id: Mapped[str] = mapped_column(String(64), unique=True)  # hex key id used in bundle headers
    fingerprint: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class BundleSent(Base):
    """Worker side: a bundle that was written completely. Its bytes are kept (the database
    is encrypted) so the same file can be written again."""

    __tablename__ = "bundle_sent"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sequence: Mapped[int] = mapped_column(Integer, unique=True)
    full: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    weeks: Mapped[str] = mapped_column(String(400))  # comma-separated ISO weeks
    last_change_id: Mapped[int] = mapped_column(Integer)
    record_count: Mapped[int] = mapped_column(Integer)
    counts: Mapped[str] = mapped_column(Text)  # canonical JSON, same as in the payload
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    recipient_key_id: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(200))
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)  # loaded only to write it again
    # When La Piaule's directory file said it received this bundle (same sequence and hash).
    receipt_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)


class BundleReceived(Base):
    """Coordination side: a bundle imported from a worker."""

    __tablename__ = "bundle_received"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    peer_id: Mapped[int] = mapped_column(ForeignKey("sync_peer.id"), index=True)
    sequence: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    full: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)  # when the worker wrote it (UTC)
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    weeks: Mapped[str] = mapped_column(String(400))
    record_count: Mapped[int] = mapped_column(Integer)
    counts: Mapped[str] = mapped_column(Text)
    warnings: Mapped[str] = mapped_column(Text, default="")
    file_name: Mapped[str] = mapped_column(String(200), default="")


class SyncRecord(Base):
    """Coordination side: the latest version of each worker's record, independent of the
    worker's schema. ``data`` is the filtered snapshot (JSON) or None for a tombstone."""

    __tablename__ = "sync_record"
    __table_args__ = (UniqueConstraint("peer_id", "entity", "uid"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    peer_id: Mapped[int] = mapped_column(ForeignKey("sync_peer.id"))
    entity: Mapped[str] = mapped_column(String(40), index=True)
    uid: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    data: Mapped[str | None] = mapped_column(Text, default=None)
    bundle_sequence: Mapped[int] = mapped_column(Integer)
