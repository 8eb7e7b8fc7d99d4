"""Conflicts, staff support and presence: validation, history for bundles, hours of a period."""
from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from app import history, people
from app.activity import conflicts, presence, staff_support
from app.activity.presence import PresenceRow, Schedule
from app.validation import ValidationFailed
from models.activity import SPAN_DAY, SPAN_WEEK

NOW = datetime(2026, 11, 26, 12, 0)


def test_conflict_is_saved_with_people_and_logged_for_the_bundle(vault):
    with vault.session() as s:
        person = people.create_person(s, "Grand Marc, casquette rouge")
        k = conflicts.create(s, occurred_at=datetime(2026, 11, 25, 15, 42, 31), intensity=3, parties="patron_staff",
                             place_code="lib_computers", handled_by=["staff", "worker"], outcome="calmed",
                             action_taken="Discussion à l'écart", person_ids=[person.id], now=NOW)
        uid, person_uid = k.uid, person.uid
    with vault.session() as s:
        [v1] = history.versions(s, "conflict", uid)
        data = json.loads(v1.data)
    assert data["intensity"] == 3 and data["handled_by"] == "worker staff"  # stable order
    assert data["person_uids"] == [person_uid]
    assert data["occurred_at"] == "2026-11-25T15:42:00"


def test_conflict_validation_lists_every_bad_field(vault):
    with vault.session() as s:
        with pytest.raises(ValidationFailed) as err:
            conflicts.create(s, occurred_at=datetime(2027, 1, 1), intensity=6, parties="crowd", outcome="?",
                             handled_by=["army"], place_code="moon", person_ids=[999], now=NOW)
    assert set(err.value.by_field()) == {"occurred_at", "intensity", "parties", "outcome", "handled_by", "place_code"}


def test_conflict_edit_and_delete_make_versions(vault):
    with vault.session() as s:
        k = conflicts.create(s, occurred_at=datetime(2026, 11, 20, 10, 0), intensity=2, now=NOW)
        kid, uid = k.id, k.uid
    with vault.session() as s:
        conflicts.update(s, kid, intensity=4, outcome="emergency_services", handled_by="police", now=NOW)
        assert conflicts.update(s, kid, intensity=4, now=NOW).version == 2  # nothing changed: no version
        conflicts.delete(s, kid)
    with vault.session() as s:
        ops = [(v.op, v.version) for v in history.versions(s, "conflict", uid)]
        assert ops == [("create", 1), ("update", 2), ("delete", 3)]
        assert conflicts.between(s, datetime(2026, 1, 1), datetime(2027, 1, 1)) == []


def test_staff_support_needs_a_topic_and_a_known_kind(vault):
    with vault.session() as s:
        with pytest.raises(ValidationFailed) as err:
            staff_support.create(s, occurred_on=date(2026, 11, 20), kind="lecture", topic=" ", staff_count=0,
                                 today=date(2026, 11, 26))
        assert set(err.value.by_field()) == {"kind", "topic", "staff_count"}
        made = staff_support.create(s, occurred_on=date(2026, 11, 20), kind="debrief", topic="Après l'incident",
                                    staff_count=4, duration_min=45, today=date(2026, 11, 26))
        assert history.last_version(s, "staff_support", made.uid).op == "create"


def test_presence_hours_follow_the_schedule_unless_entered():
    plan = Schedule()
    week = date(2026, 3, 2)  # a Monday
    assert presence.hours([], week, date(2026, 3, 9), plan).total_hours == 35
    assert presence.hours([], date(2026, 3, 4), date(2026, 3, 9), plan).total_hours == 21  # Wed-Fri: 3/5
    entered = [PresenceRow(week, SPAN_WEEK, 20 * 60, 5 * 60)]
    assert presence.hours(entered, week, date(2026, 3, 16), plan).total_hours == 25 + 35
    days = [PresenceRow(date(2026, 3, 3), SPAN_DAY, 6 * 60, 60), PresenceRow(date(2026, 3, 5), SPAN_DAY, 7 * 60, 0)]
    got = presence.hours(days + entered, week, date(2026, 3, 9), plan)
    assert (got.library_min, got.street_min) == (13 * 60, 60)  # days win over the week entry


def test_presence_entries_replace_each_other_and_go_back_to_the_schedule(vault):
    with vault.session() as s:
        presence.set_hours(s, date(2026, 3, 4), SPAN_WEEK, 20 * 60, 5 * 60)  # a Wednesday: its week
        presence.set_hours(s, date(2026, 3, 2), SPAN_WEEK, 22 * 60, 5 * 60)
        rows = presence.rows(s, date(2026, 3, 2), date(2026, 3, 9))
        assert [(r.starts_on, r.library_min) for r in rows] == [(date(2026, 3, 2), 22 * 60)]
        presence.set_schedule(s, 20 * 60, 15 * 60)
        assert presence.schedule(s) == Schedule(20 * 60, 15 * 60)
        presence.clear(s, date(2026, 3, 2), SPAN_WEEK)
        assert presence.rows(s, date(2026, 3, 2), date(2026, 3, 9)) == []
        with pytest.raises(ValidationFailed):
            presence.set_hours(s, date(2026, 3, 3), SPAN_DAY, 20 * 60, 5 * 60)  # 25 h in one day
