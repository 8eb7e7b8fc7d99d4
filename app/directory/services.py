"""One service: everything its page and its printed slip show, local edits, adding by hand.

Local edits change the directory in place (it is reference data, not synced);
each write refreshes the service's search text.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.directory import search_index
from app.directory.hours import Hours, derived
from app.directory.hsds_validate import time_of_day
from app.directory.languages import language_name
from app.directory.search import fold, hours_by_service
from app.errors import InvalidInput
from models.base import utcnow
from models.directory import (
    SERVICE_STATUSES, WEEKDAYS, DirAddress, DirLanguage, DirLocation, DirOrganization, DirPhone, DirSchedule,
    DirService, DirServiceAtLocation, DirServiceTerm, DirTaxonomyTerm,
)

VERIFY_AFTER_DAYS = 365
HAND_TAXONOMY = "milieu-categories"
EDITABLE_TEXT = (
    "name", "description", "eligibility_description", "fees_description", "application_process",
    "alert", "local_notes", "url", "email", "interpretation_services",
)
EDITABLE_FLAGS = ("is_free", "walk_in", "closed_on_holidays")


class ServiceNotFound(InvalidInput):
    code = "directory_service_not_found"


@dataclass(frozen=True)
class PhoneLine:
    number: str
    extension: int | None
    type: str | None
    description: str | None


@dataclass(frozen=True)
class AddressLines:
    lines: tuple[str, ...]     # street, city line, as printed on an envelope
    location_name: str | None
    transportation: str | None


@dataclass
class ServiceDetail:
    id: int
    hsds_id: str
    name: str
    organization: str
    description: str
    status: str
    url: str | None
    email: str | None
    eligibility: str | None
    fees: str | None
    application_process: str | None
    interpretation_services: str | None
    alert: str | None
    assured_date: date | None
    local_notes: str
    is_free: bool
    walk_in: bool
    closed_on_holidays: bool
    added_by_hand: bool
    minimum_age: int | None
    maximum_age: int | None
    hours: Hours
    phones: list[PhoneLine] = field(default_factory=list)
    addresses: list[AddressLines] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    publication_change: str | None = None  # new / changed / withdrawn by La Piaule's last file

    def needs_verification(self, today: date) -> bool:
        """Never verified, or last verified more than 12 months ago."""
        return self.assured_date is None or today - self.assured_date > timedelta(days=VERIFY_AFTER_DAYS)


def _get(session: Session, service_id: int) -> DirService:
    service = session.get(DirService, service_id)
    if service is None:
        raise ServiceNotFound(f"No service {service_id} in the directory.")
    return service


def service_detail(session: Session, service_id: int) -> ServiceDetail:
    svc = _get(session, service_id)
    conn = session.connection()
    hours = hours_by_service(conn, [svc.id])[svc.id]
    sal_locations = list(session.scalars(
        select(DirServiceAtLocation.location_id).where(DirServiceAtLocation.service_id == svc.id)
    ))
    phones = list(session.scalars(select(DirPhone).where(DirPhone.service_id == svc.id).order_by(DirPhone.id)))
    if not phones and sal_locations:
        phones = list(session.scalars(select(DirPhone).where(DirPhone.location_id.in_(sal_locations)).order_by(DirPhone.id)))
    if not phones and svc.organization_id:
        phones = list(session.scalars(select(DirPhone).where(DirPhone.organization_id == svc.organization_id)))
    addresses = []
    for location in session.scalars(select(DirLocation).where(DirLocation.id.in_(sal_locations)).order_by(DirLocation.id)):
        for addr in session.scalars(select(DirAddress).where(DirAddress.location_id == location.id).order_by(DirAddress.id)):
            if addr.address_type == "postal" and len(addresses) > 0:
                continue
            lines = [addr.address_1]
            if addr.address_2:
                lines.append(addr.address_2)
            lines.append(" ".join(filter(None, [f"{addr.city} ({addr.state_province})", addr.postal_code])))
            addresses.append(AddressLines(tuple(lines), location.name, location.transportation))
    languages = sorted({
        lang.name or lang.code or ""
        for lang in session.scalars(select(DirLanguage).where(
            (DirLanguage.service_id == svc.id) | (DirLanguage.location_id.in_(sal_locations))
        ))
    } - {""}, key=fold)
    categories = sorted(session.scalars(
        select(DirTaxonomyTerm.name).join(DirServiceTerm, DirServiceTerm.term_id == DirTaxonomyTerm.id)
        .where(DirServiceTerm.service_id == svc.id)
    ), key=fold)
    return ServiceDetail(
        id=svc.id, hsds_id=svc.hsds_id, name=svc.name,
        organization=svc.organization.name if svc.organization else "",
        description=svc.description or "", status=svc.status, url=svc.url, email=svc.email,
        eligibility=svc.eligibility_description, fees=svc.fees_description,
        application_process=svc.application_process, interpretation_services=svc.interpretation_services,
        alert=svc.alert, assured_date=svc.assured_date, local_notes=svc.local_notes or "",
        is_free=svc.is_free, walk_in=svc.walk_in, closed_on_holidays=svc.closed_on_holidays,
        added_by_hand=svc.added_by_hand, minimum_age=svc.minimum_age, maximum_age=svc.maximum_age,
        publication_change=svc.publication_change,
        hours=hours,
        phones=[PhoneLine(p.number, p.extension, p.type, p.description) for p in phones],
        addresses=addresses, languages=languages, categories=categories,
    )


# ---- local edits ------------------------------------------------------------
@dataclass
class HoursPeriod:
    """One line of opening hours as the worker types it: days, opens, closes ("19:00", "07:00")."""

    days: tuple[int, ...]      # weekdays, 0 = Monday; empty = every day
    opens: str
    closes: str


@dataclass
class ServiceInput:
    """What the worker can type for a service (added by hand, or edited)."""

    name: str
    organization: str = ""
    description: str = ""
    address_1: str = ""
    city: str = ""
    postal_code: str = ""
    state_province: str = "QC"
    phone: str = ""
    hours: list[HoursPeriod] | None = None   # None: leave as is
    categories: list[str] | None = None      # names; None: leave as is
    languages: list[str] | None = None       # codes (fr, en, ar...); None: leave as is
    eligibility_description: str = ""
    fees_description: str = ""
    application_process: str = ""
    local_notes: str = ""
    is_free: bool = False
    walk_in: bool = False
    closed_on_holidays: bool = False


def _new_id() -> str:
    return str(uuid.uuid4())


def _check_time(value: str) -> str:
    try:
        return time_of_day(value)
    except ValueError as exc:
        raise InvalidInput(f"Opening hours: {exc}.") from None


def _organization(session: Session, name: str) -> DirOrganization:
    """The organisation of that name, or a new one."""
    org = session.scalars(select(DirOrganization).where(DirOrganization.name == name)).first()
    if org is None:
        org = DirOrganization(hsds_id=_new_id(), name=name, description="")
        session.add(org)
    return org


def add_service(session: Session, data: ServiceInput, today: date | None = None) -> int:
    """A service the worker adds by hand (verified today, since they just checked it)."""
    if not data.name.strip():
        raise InvalidInput("A service needs a name.")
    org = _organization(session, data.organization.strip()) if data.organization.strip() else None
    svc = DirService(hsds_id=_new_id(), name=data.name.strip(), sort_name=fold(data.name.strip()), status="active", organization=org,
                     added_by_hand=True, assured_date=today or date.today(), local_notes="")
    session.add(svc)
    session.flush()
    _apply(session, svc, data)
    return svc.id


def update_service(session: Session, service_id: int, data: ServiceInput) -> int:
    svc = _get(session, service_id)
    if not data.name.strip():
        raise InvalidInput("A service needs a name.")
    svc.name = data.name.strip()
    svc.sort_name = fold(svc.name)
    if data.organization.strip() and (svc.organization is None or svc.organization.name != data.organization.strip()):
        svc.organization = _organization(session, data.organization.strip())
    _apply(session, svc, data)
    return svc.id


def _apply(session: Session, svc: DirService, data: ServiceInput) -> None:
    svc.description = data.description.strip() or None
    svc.eligibility_description = data.eligibility_description.strip() or None
    svc.fees_description = data.fees_description.strip() or None
    svc.application_process = data.application_process.strip() or None
    svc.local_notes = data.local_notes.strip()
    svc.is_free, svc.walk_in, svc.closed_on_holidays = data.is_free, data.walk_in, data.closed_on_holidays
    svc.locally_edited_at = utcnow()
    if data.address_1.strip() or data.city.strip():
        _set_address(session, svc, data)
    if data.phone.strip():
        phone = session.scalars(select(DirPhone).where(DirPhone.service_id == svc.id).order_by(DirPhone.id)).first()
        if phone is None:
            session.add(DirPhone(hsds_id=_new_id(), service_id=svc.id, number=data.phone.strip(), type="voice"))
        else:
            phone.number = data.phone.strip()
    if data.hours is not None:
        set_hours(session, svc.id, data.hours)
    if data.categories is not None:
        _set_categories(session, svc, data.categories)
    if data.languages is not None:
        _set_languages(session, svc, data.languages)
    session.flush()
    search_index.ensure(session.connection())
    search_index.reindex(session.connection(), [svc.id])


def _set_address(session: Session, svc: DirService, data: ServiceInput) -> None:
    sal = session.scalars(select(DirServiceAtLocation).where(DirServiceAtLocation.service_id == svc.id)).first()
    if sal is None:
        location = DirLocation(hsds_id=_new_id(), location_type="physical", name=svc.name)
        session.add(location)
        session.flush()
        session.add(DirServiceAtLocation(hsds_id=_new_id(), service_id=svc.id, location_id=location.id))
        location_id = location.id
    else:
        location_id = sal.location_id
    addr = session.scalars(select(DirAddress).where(DirAddress.location_id == location_id).order_by(DirAddress.id)).first()
    if addr is None:
        addr = DirAddress(hsds_id=_new_id(), location_id=location_id, country="CA", address_type="physical")
        session.add(addr)
    addr.address_1 = data.address_1.strip()
    addr.city = data.city.strip()
    addr.postal_code = data.postal_code.strip()
    addr.state_province = data.state_province.strip() or "QC"


def set_hours(session: Session, service_id: int, periods: list[HoursPeriod]) -> None:
    """Replace the service's weekly opening hours (closures are kept)."""
    sals = select(DirServiceAtLocation.id).where(DirServiceAtLocation.service_id == service_id)
    rows = session.scalars(select(DirSchedule).where(
        (DirSchedule.service_id == service_id) | DirSchedule.service_at_location_id.in_(sals)
    )).all()
    for row in rows:
        if row.opens_at is not None:
            session.delete(row)
    for period in periods:
        if any(d not in range(7) for d in period.days):
            raise InvalidInput("Opening hours: unknown week day.")
        byday = ",".join(WEEKDAYS[d] for d in sorted(set(period.days))) or None
        opens, closes = _check_time(period.opens), _check_time(period.closes)
        session.add(DirSchedule(
            hsds_id=_new_id(), service_id=service_id, freq="WEEKLY", byday=byday, opens_at=opens, closes_at=closes,
            **derived(opens, closes, byday, "WEEKLY"),
        ))
    session.flush()


def add_closure(session: Session, service_id: int, first: date, last: date, note: str = "") -> None:
    """A closure (holiday, renovation): no opening hours between these dates."""
    _get(session, service_id)
    if last < first:
        raise InvalidInput("A closure ends before it starts.")
    session.add(DirSchedule(hsds_id=_new_id(), service_id=service_id, valid_from=first, valid_to=last,
                            description=note.strip() or None))
    session.flush()


def _set_categories(session: Session, svc: DirService, names: list[str]) -> None:
    session.execute(delete(DirServiceTerm).where(DirServiceTerm.service_id == svc.id))
    for name in dict.fromkeys(n.strip() for n in names if n.strip()):
        term = session.scalars(select(DirTaxonomyTerm).where(DirTaxonomyTerm.name == name)).first()
        if term is None:
            term = DirTaxonomyTerm(hsds_id=_new_id(), name=name, description="", taxonomy=HAND_TAXONOMY)
            session.add(term)
            session.flush()
        session.add(DirServiceTerm(hsds_id=_new_id(), service_id=svc.id, term_id=term.id))


def _set_languages(session: Session, svc: DirService, codes: list[str]) -> None:
    session.execute(delete(DirLanguage).where(DirLanguage.service_id == svc.id, DirLanguage.phone_id.is_(None)))
    for code in dict.fromkeys(c.strip().lower() for c in codes if c.strip()):
        session.add(DirLanguage(hsds_id=_new_id(), service_id=svc.id, code=code, name=language_name(code)))


def mark_verified(session: Session, service_id: int, today: date | None = None) -> None:
    """The worker checked the service's details (by phone, on site): reset the 12-month clock."""
    svc = _get(session, service_id)
    svc.assured_date = today or date.today()
    svc.locally_edited_at = utcnow()


def set_status(session: Session, service_id: int, status: str) -> None:
    if status not in SERVICE_STATUSES:
        raise InvalidInput(f"Unknown service status {status!r}.")
    _get(session, service_id).status = status


def service_input(session: Session, service_id: int) -> ServiceInput:
    """What the edit form shows for a service (its first address and phone, its weekly hours)."""
    svc = _get(session, service_id)
    detail = service_detail(session, service_id)
    sal = session.scalars(select(DirServiceAtLocation).where(DirServiceAtLocation.service_id == svc.id)).first()
    addr = None
    if sal is not None:
        addr = session.scalars(select(DirAddress).where(DirAddress.location_id == sal.location_id)
                               .order_by(DirAddress.id)).first()
    periods = [
        HoursPeriod(tuple(sorted(p.days)) if p.days is not None else (), _hhmm(p.opens), _hhmm(p.closes))
        for p in detail.hours.periods if not p.monthly
    ]
    codes = sorted({
        lang.code for lang in session.scalars(select(DirLanguage).where(DirLanguage.service_id == svc.id)) if lang.code
    })
    return ServiceInput(
        name=svc.name, organization=svc.organization.name if svc.organization else "",
        description=svc.description or "", address_1=addr.address_1 if addr else "",
        city=addr.city if addr else "", postal_code=addr.postal_code if addr else "",
        state_province=addr.state_province if addr else "QC",
        phone=detail.phones[0].number if detail.phones else "", hours=periods,
        categories=list(detail.categories), languages=codes,
        eligibility_description=svc.eligibility_description or "", fees_description=svc.fees_description or "",
        application_process=svc.application_process or "", local_notes=svc.local_notes or "",
        is_free=svc.is_free, walk_in=svc.walk_in, closed_on_holidays=svc.closed_on_holidays,
    )


def _hhmm(minutes: int) -> str:
    if minutes >= 24 * 60:
        return "24:00"
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
