"""The coordination report's big counts (contacts, codes, people, supplies) in portable SQL.

A period splits into whole months, read from the per-worker roll-ups that each import
remakes (models.coordination.refresh_rollups), and the partial months at its edges, read
from the typed rows: a report over five years of a hundred workers reads a few thousand
roll-up rows, not every contact. People are counted per worker (a (worker, pseudonym)
pair), from each person's first and last day (with their age and gender beside them) and,
only for those seen on both sides of the period's start, one index probe for a contact
inside it.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import and_, exists, func, literal, select
from sqlalchemy.orm import Session

from app.report.aggregate import Tallies
from app.report.period import Period
from models import coordination as coord


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def split(p: Period) -> tuple[tuple[str, str] | None, list[tuple[date, date]]]:
    """(first and last whole month inside the period, or None; the day windows left at its edges)."""
    first = p.start if p.start.day == 1 else _next_month(p.start)
    end = first  # whole months are [first, end)
    while _next_month(end) <= p.end:
        end = _next_month(end)
    if end == first:
        return None, [(p.start, p.end)]
    windows = [w for w in ((p.start, first), (end, p.end)) if w[0] < w[1]]
    return (f"{first:%Y-%m}", _month_before(end)), windows


def _month_before(day: date) -> str:
    return f"{date(day.year - (day.month == 1), (day.month - 2) % 12 + 1, 1):%Y-%m}"


def _peer(table, peer_id):
    return True if peer_id is None else table.c.peer_id == peer_id


def _months(table, months, peer_id):
    return and_(table.c.month >= months[0], table.c.month <= months[1], _peer(table, peer_id))


def _days(table, window, peer_id):
    return and_(table.c.day >= window[0], table.c.day < window[1], _peer(table, peer_id))


def counts(session: Session, t: Tallies, p: Period, peer_id: int | None) -> None:
    months, windows = split(p)
    c, cp, mt, mc = coord.contact, coord.contact_person, coord.month_total, coord.month_code
    if months:
        for month, n, unidentified, people in session.execute(
            select(mt.c.month, func.sum(mt.c.contacts), func.sum(mt.c.unidentified), func.sum(mt.c.people))
            .where(_months(mt, months, peer_id)).group_by(mt.c.month)
        ):
            t.contacts_by_month[month] += int(n)
            t.unidentified += int(unidentified)
            t.people_by_month[month] += int(people)
        for kind, into in ((coord.TYPE, t.types), (coord.THEME, t.themes)):
            for code, n in session.execute(select(mc.c.code, func.sum(mc.c.n)).where(
                mc.c.kind == kind, _months(mc, months, peer_id)).group_by(mc.c.code)):
                into[code] += int(n)
    for window in windows:
        for month, n, unidentified in session.execute(
            select(c.c.month, func.count(), func.coalesce(func.sum(c.c.unidentified_count), 0))
            .where(_days(c, window, peer_id)).group_by(c.c.month)
        ):
            t.contacts_by_month[month] += n
            t.unidentified += int(unidentified)
        for table, into in ((coord.contact_type, t.types), (coord.contact_theme, t.themes)):
            for code, n in session.execute(
                select(table.c.code, func.count()).where(_days(table, window, peer_id)).group_by(table.c.code)
            ):
                into[code] += n
        pairs = select(cp.c.peer_id, cp.c.person_uid, cp.c.month).where(_days(cp, window, peer_id)).distinct().subquery()
        for month, n in session.execute(select(pairs.c.month, func.count()).group_by(pairs.c.month)):
            t.people_by_month[month] += n
    _people(session, t, p, peer_id)
    _supplies(session, t, months, windows, peer_id)


def _people(session: Session, t: Tallies, p: Period, peer_id: int | None) -> None:
    """People of the period, new people (first contact ever inside it), by age and gender:
    the new ones through one covering index by first day; the returning ones (first seen
    before the period, last seen since its start) by last day, each with one index probe
    for a contact inside the period."""
    ps, cp = coord.person_seen, coord.contact_person
    new = (select(ps.c.first_month, ps.c.age_bracket, ps.c.gender, func.count())
           .where(ps.c.first_day >= p.start, ps.c.first_day < p.end, _peer(ps, peer_id))
           .group_by(ps.c.first_month, ps.c.age_bracket, ps.c.gender))
    for month, age, gender, n in session.execute(new):
        t.people += n
        t.new_people += n
        t.new_by_month[month] += n
        t.age_gender[(age, gender)] += n
    came = exists().where(cp.c.peer_id == ps.c.peer_id, cp.c.person_uid == ps.c.person_uid,
                          cp.c.day >= p.start, cp.c.day < p.end)
    back = (select(ps.c.age_bracket, ps.c.gender, func.count())
            .where(ps.c.last_day >= p.start, ps.c.first_day < p.start, came, _peer(ps, peer_id))
            .group_by(ps.c.age_bracket, ps.c.gender))
    for age, gender, n in session.execute(back):
        t.people += n
        t.age_gender[(age, gender)] += n


def _supplies(session: Session, t: Tallies, months, windows, peer_id: int | None) -> None:
    mc, g, item = coord.month_code, coord.supply_given, coord.supply_item
    name = func.coalesce(item.c.name, literal("?"))
    if months:
        # Sum each worker's item over the months first, then name the few sums.
        per_item = (select(mc.c.peer_id, mc.c.code, func.sum(mc.c.n).label("n"))
                    .where(mc.c.kind == coord.SUPPLY, _months(mc, months, peer_id))
                    .group_by(mc.c.peer_id, mc.c.code).subquery())
        for item_name, n in session.execute(
            select(name, func.sum(per_item.c.n))
            .select_from(per_item.outerjoin(item, and_(item.c.peer_id == per_item.c.peer_id,
                                                       item.c.uid == per_item.c.code)))
            .group_by(name)
        ):
            t.supplies[item_name] += int(n)
    for window in windows:
        for item_name, n in session.execute(
            select(name, func.sum(g.c.quantity))
            .select_from(g.outerjoin(item, and_(item.c.peer_id == g.c.peer_id, item.c.uid == g.c.item_uid)))
            .where(_days(g, window, peer_id)).group_by(name)
        ):
            t.supplies[item_name] += int(n)
