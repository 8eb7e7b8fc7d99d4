"""Today's lists kept from the operations' changes (Changes.ids) equal a fresh read, after every
kind of save: new, edited, moved to another day, follow-up ticked, deleted, a person renamed,
and with lists full (a small limit) where a line leaving must make the page read again."""
from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from app import people, today
from app.contacts import ContactInput
from app.ops import Entity
from app.ops import floor as floor_ops

DAY = date.today()


def _at(rng: random.Random, day: date) -> datetime:
    return datetime.combine(day, time(8)) + timedelta(minutes=rng.randrange(0, 600))


def _form(rng, person_ids, day):
    on = rng.choice([None, day, day - timedelta(days=rng.randrange(1, 9)), day + timedelta(days=2)])
    return ContactInput(
        occurred_at=_at(rng, rng.choice([day, day, day - timedelta(days=1)])),
        person_ids=rng.sample(person_ids, rng.randrange(1, 3)), types=["referral"],
        follow_up_on=on,
    )


def _fresh(s, limit_day, limit_due):
    return ([r.id for r in today.day_contacts(s, DAY, limit=limit_day)],
            [(f.contact.id, f.overdue) for f in today.follow_ups_due(s, DAY, limit=limit_due)])


def test_lists_kept_from_changes_equal_a_fresh_read(vault):
    rng = random.Random(11)
    with vault.session() as s:
        person_ids = [people.create_person(s, f"Personne {n}").id for n in range(6)]
    for limit_day, limit_due in ((500, 50), (4, 3)):
        reads = 0
        with vault.session() as s:
            day_rows = today.day_contacts(s, DAY, limit=limit_day)
            follow_ups = today.follow_ups_due(s, DAY, limit=limit_due)
        saved: list[int] = []
        for _step in range(60):
            with vault.session() as s:
                kind = rng.random()
                if not saved or kind < 0.45:
                    done = floor_ops.save_contact(s, floor_ops.ContactSave(_form(rng, person_ids, DAY)))
                    saved.append(done.value)
                elif kind < 0.7:
                    done = floor_ops.save_contact(s, floor_ops.ContactSave(
                        _form(rng, person_ids, DAY), contact_id=rng.choice(saved)))
                elif kind < 0.8:
                    done = floor_ops.set_follow_up_done(s, rng.choice(saved), True)
                elif kind < 0.9:
                    gone = saved.pop(rng.randrange(len(saved)))
                    done = floor_ops.delete_contact(s, gone)
                else:  # a rename names no ids: the page reads everything again
                    people.update_person(s, rng.choice(person_ids), alias=f"Renommée {rng.random():.4f}")
                    done = None
            with vault.session() as s:
                ids = done.changes.ids(Entity.CONTACT) if done else None
                merged = None
                if ids is not None:
                    shown = day_rows + [f.contact for f in follow_ups]
                    wanted = today.lines_to_read(ids, done.changes.ids(Entity.PERSON) or (), shown)
                    delta = today.today_delta(s, DAY, wanted)
                    day_part = today.merge_day(day_rows, delta, DAY, limit=limit_day)
                    due_part = today.merge_follow_ups(follow_ups, delta, DAY, limit=limit_due)
                    if day_part is not None and due_part is not None:
                        merged = (day_part, due_part)
                if merged is None:
                    reads += 1
                    merged = (today.day_contacts(s, DAY, limit=limit_day),
                              today.follow_ups_due(s, DAY, limit=limit_due))
                day_rows, follow_ups = merged
                assert ([r.id for r in day_rows], [(f.contact.id, f.overdue) for f in follow_ups]) == \
                    _fresh(s, limit_day, limit_due)
                assert day_rows == today.day_contacts(s, DAY, limit=limit_day)  # the lines' content too
        if limit_day == 500:
            assert reads <= 10  # only renames (and nothing else) read everything again
        else:
            assert reads > 0  # full lists that lost a line were read again


def test_the_week_counts_after_a_save_equal_the_full_query(vault):
    """Today's week counts after a save (one raw statement) count what week_counts counts:
    live contacts of Monday to Sunday, each person once, the edges of the week included rightly."""
    last_week = DAY - timedelta(days=7)  # a whole week in the past (a contact cannot be dated later than now)
    monday = today.week_start(last_week)
    with vault.session() as s:
        ids = [people.create_person(s, f"Semaine {n}").id for n in range(3)]
        for when, who in ((datetime.combine(monday, time.min), ids[:1]),          # Monday 00:00: in
                          (datetime.combine(monday, time.min) - timedelta(microseconds=1), ids[1:2]),  # out
                          (datetime.combine(monday + timedelta(days=7), time.min) - timedelta(seconds=1), ids),
                          (datetime.combine(monday + timedelta(days=7), time.min), ids[2:])):  # the next Monday: out
            floor_ops.save_contact(s, floor_ops.ContactSave(ContactInput(occurred_at=when, person_ids=list(who),
                                                                         types=["referral"])))
        gone = floor_ops.save_contact(s, floor_ops.ContactSave(ContactInput(
            occurred_at=datetime.combine(monday, time(9)), person_ids=ids[:1], types=["referral"]))).value
        floor_ops.delete_contact(s, gone)
    with vault.session() as s:
        quick, full = today.week_counts(s, last_week), _week_counts_reference(s, last_week)
    assert quick == full and (quick.contacts, quick.people) == (2, 3)


def _week_counts_reference(session, day):
    """The counts as SQLAlchemy wrote them before they moved to the raw cursor."""
    from sqlalchemy import distinct, func, select

    from models.contacts import Contact, contact_person

    start = today.week_start(day)
    low, high = datetime.combine(start, time.min), datetime.combine(start + timedelta(days=7), time.min)
    contacts, persons = session.execute(
        select(func.count(distinct(Contact.id)), func.count(distinct(contact_person.c.person_id)))
        .select_from(Contact).outerjoin(contact_person, contact_person.c.contact_id == Contact.id)
        .where(Contact.deleted_at.is_(None), Contact.occurred_at >= low, Contact.occurred_at < high)
    ).one()
    return today.WeekCounts(start, contacts, persons)
