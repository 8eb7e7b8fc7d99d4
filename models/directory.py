"""Referral directory: an Open Referral HSDS 3.x subset plus the worker's local notes.

Each HSDS record keeps its HSDS ``id`` in ``hsds_id`` (unique), so a re-import
updates in place. Tables are prefixed ``dir_`` to keep HSDS names (contact,
location...) free for other areas. The directory is reference data shared by
every site (each imports the same file), so it does not travel in bundles;
referrals do (models/referral.py).

The search index ``dir_service_fts`` is an FTS5 virtual table created by
migration 0003 and kept in sync by app.directory.search; it is not a mapped
table, so schema comparisons must skip it (see ``include_name``).
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, utcnow

SEARCH_INDEX_TABLE = "dir_service_fts"

SERVICE_STATUSES = ("active", "inactive", "defunct", "temporarily closed")
LOCATION_TYPES = ("physical", "postal", "virtual")
ADDRESS_TYPES = ("physical", "postal", "virtual")
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")  # index = date.weekday()


def include_name(name, type_, parent_names) -> bool:
    """alembic ``include_name`` filter: the FTS5 index and its shadow tables are not models."""
    return not (type_ == "table" and name and name.startswith(SEARCH_INDEX_TABLE))


def _hsds_id() -> Mapped[str]:
    return mapped_column(String(64), unique=True)


class DirOrganization(Base):
    __tablename__ = "dir_organization"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    hsds_id: Mapped[str] = _hsds_id()
    name: Mapped[str] = mapped_column(String(300))
    alternate_name: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    email: Mapped[str | None] = mapped_column(String(200))
    website: Mapped[str | None] = mapped_column(String(500))
    # The description as the source wrote it (HTML), when ``description`` is its plain text.
    description_source: Mapped[str | None] = mapped_column(Text)

    services: Mapped[list["DirService"]] = relationship(back_populates="organization")


class DirService(Base):
    """Filters of the search read small indexes only: every page read is a page decrypted."""

    __tablename__ = "dir_service"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    hsds_id: Mapped[str] = _hsds_id()
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("dir_organization.id", ondelete="SET NULL"), index=True
    )
    name: Mapped[str] = mapped_column(String(300))
    # Lower case, accents removed: lists sort "Épicerie" between "Dépannage" and "Friperie".
    sort_name: Mapped[str] = mapped_column(String(300), default="", index=True)
    alternate_name: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    description_source: Mapped[str | None] = mapped_column(Text)  # as the source wrote it (HTML)
    url: Mapped[str | None] = mapped_column(String(500))
    email: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20), default="active", index=True)
    interpretation_services: Mapped[str | None] = mapped_column(Text)
    application_process: Mapped[str | None] = mapped_column(Text)
    fees_description: Mapped[str | None] = mapped_column(Text)
    wait_time: Mapped[str | None] = mapped_column(Text)
    eligibility_description: Mapped[str | None] = mapped_column(Text)
    minimum_age: Mapped[int | None] = mapped_column(Integer)
    maximum_age: Mapped[int | None] = mapped_column(Integer)
    alert: Mapped[str | None] = mapped_column(Text)
    assured_date: Mapped[date | None] = mapped_column(Date)  # HSDS: last verified
    last_modified: Mapped[datetime | None] = mapped_column(DateTime)
    # Local knowledge (exported as attributes of the "milieu" taxonomy).
    local_notes: Mapped[str] = mapped_column(Text, default="")
    is_free: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    walk_in: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    closed_on_holidays: Mapped[bool] = mapped_column(Boolean, default=False)
    added_by_hand: Mapped[bool] = mapped_column(Boolean, default=False)
    locally_edited_at: Mapped[datetime | None] = mapped_column(DateTime)
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # From La Piaule's directory file (app.directory.publication): the hash of its item in
    # the last file applied, and "new" / "changed" / "withdrawn" until the worker opens it.
    published_hash: Mapped[str | None] = mapped_column(String(64))
    publication_change: Mapped[str | None] = mapped_column(String(20))

    organization: Mapped[DirOrganization | None] = relationship(back_populates="services")


class DirLocation(Base):
    __tablename__ = "dir_location"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    hsds_id: Mapped[str] = _hsds_id()
    location_type: Mapped[str] = mapped_column(String(20), default="physical")
    name: Mapped[str | None] = mapped_column(String(300))
    alternate_name: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    description_source: Mapped[str | None] = mapped_column(Text)  # as the source wrote it (HTML)
    transportation: Mapped[str | None] = mapped_column(Text)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)


class DirAddress(Base):
    __tablename__ = "dir_address"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    hsds_id: Mapped[str] = _hsds_id()
    location_id: Mapped[int] = mapped_column(ForeignKey("dir_location.id", ondelete="CASCADE"), index=True)
    attention: Mapped[str | None] = mapped_column(String(200))
    address_1: Mapped[str] = mapped_column(String(300))
    address_2: Mapped[str | None] = mapped_column(String(300))
    city: Mapped[str] = mapped_column(String(200))
    region: Mapped[str | None] = mapped_column(String(200))
    state_province: Mapped[str] = mapped_column(String(100))
    postal_code: Mapped[str] = mapped_column(String(20))
    country: Mapped[str] = mapped_column(String(2))
    address_type: Mapped[str] = mapped_column(String(20), default="physical")


class DirServiceAtLocation(Base):
    __tablename__ = "dir_service_at_location"
    __table_args__ = (
        Index("ix_dir_service_at_location_location", "location_id", "service_id"),
        Index("ix_dir_service_at_location_service", "service_id", "location_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    hsds_id: Mapped[str] = _hsds_id()
    service_id: Mapped[int] = mapped_column(ForeignKey("dir_service.id", ondelete="CASCADE"))
    location_id: Mapped[int] = mapped_column(ForeignKey("dir_location.id", ondelete="CASCADE"))
    description: Mapped[str | None] = mapped_column(Text)


class DirPhone(Base):
    """A phone number; like HSDS's tabular form it may belong to several records at once."""

    __tablename__ = "dir_phone"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    hsds_id: Mapped[str] = _hsds_id()
    service_id: Mapped[int | None] = mapped_column(ForeignKey("dir_service.id", ondelete="CASCADE"), index=True)
    location_id: Mapped[int | None] = mapped_column(ForeignKey("dir_location.id", ondelete="CASCADE"), index=True)
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("dir_organization.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[str] = mapped_column(String(60))
    extension: Mapped[int | None] = mapped_column(Integer)
    type: Mapped[str | None] = mapped_column(String(20))
    description: Mapped[str | None] = mapped_column(Text)


class DirSchedule(Base):
    """HSDS 3 schedule (RFC 5545 subset). A row with a date range and no hours is a closure."""

    __tablename__ = "dir_schedule"
    # Covers the "open now" pre-filter: it reads this index, never the table.
    __table_args__ = (Index(
        "ix_dir_schedule_running", "day_mask", "opens_min", "closes_min", "service_id", "service_at_location_id",
        "location_id",
    ),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    hsds_id: Mapped[str] = _hsds_id()
    service_id: Mapped[int | None] = mapped_column(ForeignKey("dir_service.id", ondelete="CASCADE"), index=True)
    location_id: Mapped[int | None] = mapped_column(ForeignKey("dir_location.id", ondelete="CASCADE"), index=True)
    service_at_location_id: Mapped[int | None] = mapped_column(
        ForeignKey("dir_service_at_location.id", ondelete="CASCADE"), index=True
    )
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    dtstart: Mapped[date | None] = mapped_column(Date)
    until: Mapped[date | None] = mapped_column(Date)
    timezone: Mapped[float | None] = mapped_column(Float)
    count: Mapped[int | None] = mapped_column(Integer)
    wkst: Mapped[str | None] = mapped_column(String(2))
    freq: Mapped[str | None] = mapped_column(String(10))
    interval: Mapped[int | None] = mapped_column(Integer)
    byday: Mapped[str | None] = mapped_column(String(40))
    byweekno: Mapped[str | None] = mapped_column(String(200))
    bymonthday: Mapped[str | None] = mapped_column(String(200))
    byyearday: Mapped[str | None] = mapped_column(String(400))
    opens_at: Mapped[str | None] = mapped_column(String(8))  # HH:MM[:SS], local time
    closes_at: Mapped[str | None] = mapped_column(String(8))
    # Derived from the fields above (app.directory.hours.derived): a fast SQL pre-filter for
    # "open now". Bit d of day_mask = weekday d (0 = Monday); minutes after midnight.
    day_mask: Mapped[int] = mapped_column(Integer, default=0)
    opens_min: Mapped[int | None] = mapped_column(Integer)
    closes_min: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str | None] = mapped_column(Text)
    schedule_link: Mapped[str | None] = mapped_column(String(500))
    attending_type: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)


class DirLanguage(Base):
    __tablename__ = "dir_language"
    __table_args__ = (Index("ix_dir_language_code_links", "code", "service_id", "location_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    hsds_id: Mapped[str] = _hsds_id()
    service_id: Mapped[int | None] = mapped_column(ForeignKey("dir_service.id", ondelete="CASCADE"), index=True)
    location_id: Mapped[int | None] = mapped_column(ForeignKey("dir_location.id", ondelete="CASCADE"), index=True)
    phone_id: Mapped[int | None] = mapped_column(ForeignKey("dir_phone.id", ondelete="CASCADE"), index=True)
    name: Mapped[str | None] = mapped_column(String(100))
    code: Mapped[str | None] = mapped_column(String(20))  # lower case
    note: Mapped[str | None] = mapped_column(Text)


class DirTaxonomyTerm(Base):
    """A category (HSDS taxonomy term), e.g. "Hébergement d'urgence"."""

    __tablename__ = "dir_taxonomy_term"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    hsds_id: Mapped[str] = _hsds_id()
    code: Mapped[str | None] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    parent_hsds_id: Mapped[str | None] = mapped_column(String(64))
    taxonomy: Mapped[str | None] = mapped_column(String(200))
    taxonomy_hsds_id: Mapped[str | None] = mapped_column(String(64))
    language: Mapped[str | None] = mapped_column(String(20))
    term_uri: Mapped[str | None] = mapped_column(String(500))


class DirServiceTerm(Base):
    """HSDS attribute linking a service to a taxonomy term (its categories)."""

    __tablename__ = "dir_service_term"
    __table_args__ = (
        Index("ix_dir_service_term_term", "term_id", "service_id"),
        Index("ix_dir_service_term_service", "service_id", "term_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    hsds_id: Mapped[str] = _hsds_id()
    service_id: Mapped[int] = mapped_column(ForeignKey("dir_service.id", ondelete="CASCADE"))
    term_id: Mapped[int] = mapped_column(ForeignKey("dir_taxonomy_term.id", ondelete="CASCADE"))
    link_type: Mapped[str | None] = mapped_column(String(100))
    value: Mapped[str | None] = mapped_column(Text)


class DirSourceId(Base):
    """The source's own id of a record whose HSDS id was made from it (ids that are not UUIDs)."""

    __tablename__ = "dir_source_id"
    __table_args__ = (UniqueConstraint("entity", "hsds_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity: Mapped[str] = mapped_column(String(30))
    hsds_id: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(200))
    source_id: Mapped[str] = mapped_column(String(200))
