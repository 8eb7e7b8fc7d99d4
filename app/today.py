"""What the Today page shows: today's contacts, follow-ups due or overdue, low stock, the week's counts."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from app import supplies
from app.lists import ContactFilter, ContactRow, contact_page, contact_rows_by_id
from models.contacts import Contact, contact_person


@dataclass(frozen=True)
class FollowUp:
    contact: ContactRow
    due_on: date
    overdue: bool


@dataclass(frozen=True)
class TodaySummary:
    day: date
    contacts: list[ContactRow]  # today's, newest first
    follow_ups: list[FollowUp]  # due today or overdue, oldest due first
    low_stock: list[supplies.SupplyRow]  # emptiest first
    week_start: date  # Monday
    week_contacts: int
    week_people: int  # distinct identified persons met this week


def _low_stock(session: Session) -> list[supplies.SupplyRow]:
    """Active items at or under their low-stock level, emptiest first (as supplies.low_stock)."""
    low = (r for r in supplies.item_rows(session) if r.is_low)
    return sorted(low, key=lambda r: (r.stock_on_hand - r.low_stock_level, r.name))


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def today_summary(session: Session, today: date | None = None, *, max_follow_ups: int = 50) -> TodaySummary:
    day = today or date.today()
    contacts, _next = contact_page(session, ContactFilter(date_from=day, date_to=day), limit=500)
    due = session.execute(
        select(Contact.id, Contact.follow_up_on)
        .where(
            Contact.follow_up_on.is_not(None), Contact.follow_up_on <= day,
            Contact.follow_up_done.is_(False), Contact.deleted_at.is_(None),
        )
        .order_by(Contact.follow_up_on, Contact.id)
        .limit(max_follow_ups)
    ).all()
    rows = {r.id: r for r in contact_rows_by_id(session, [cid for cid, _ in due])}
    follow_ups = [FollowUp(rows[cid], on, on < day) for cid, on in due if cid in rows]
    start = week_start(day)
    week = (
        Contact.deleted_at.is_(None),
        Contact.occurred_at >= datetime.combine(start, time.min),
        Contact.occurred_at < datetime.combine(start + timedelta(days=7), time.min),
    )
    week_contacts = session.scalar(select(func.count()).select_from(Contact).where(*week)) or 0
    week_people = session.scalar(
        select(func.count(distinct(contact_person.c.person_id)))
        .select_from(Contact)
        .join(contact_person, contact_person.c.contact_id == Contact.id)
        .where(*week)
    ) or 0
    return TodaySummary(
        day=day, contacts=contacts, follow_ups=follow_ups, low_stock=_low_stock(session),
        week_start=start, week_contacts=week_contacts, week_people=week_people,
    )
