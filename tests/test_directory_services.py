"""Local edits of the directory: adding by hand, hours, closures, "to verify" after 12 months."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from app.directory import services
from app.directory.sample import import_sample
from app.errors import InvalidInput
from models.directory import DirService


@pytest.fixture
def directory(vault):
    with vault.session() as s:
        import_sample(s)
    return vault


def test_bad_opening_hours_are_refused_and_nothing_is_added(directory):
    data = services.ServiceInput(name="Halte du soir", hours=[services.HoursPeriod((0,), "25:00", "07:00")])
    with pytest.raises(InvalidInput, match="Opening hours"), directory.session() as s:
        services.add_service(s, data)
    with directory.session() as s:
        assert s.scalar(select(func.count()).where(DirService.name == "Halte du soir")) == 0


def test_twelve_months_after_the_last_check_the_service_is_to_verify(directory):
    with directory.session() as s:
        legal = s.scalars(select(DirService.id).where(DirService.name == "Information juridique gratuite")).one()
        detail = services.service_detail(s, legal)
        assert detail.needs_verification(date(2026, 11, 26))          # verified 2024-05-01
        services.mark_verified(s, legal, date(2026, 11, 26))
        detail = services.service_detail(s, legal)
    assert not detail.needs_verification(date(2027, 11, 26))
    assert detail.needs_verification(date(2027, 11, 27))


def test_closure_and_new_hours_change_open_now(directory):
    with directory.session() as s:
        shelter = s.scalars(select(DirService.id).where(DirService.name == "Refuge de nuit Le Phare")).one()
        services.add_closure(s, shelter, date(2026, 12, 31), date(2026, 12, 31), "Fermé le 31 décembre")
        services.set_hours(s, shelter, [services.HoursPeriod((), "20:00", "08:00")])
        hours = services.service_detail(s, shelter).hours
    assert not hours.is_open(datetime(2026, 11, 26, 19, 30))   # opens at 20:00 now
    assert hours.is_open(datetime(2026, 11, 27, 7, 30))        # until 08:00
    assert not hours.is_open(datetime(2026, 12, 31, 22, 0))    # the closure
    assert [c.note for c in hours.closures] == ["Fermé le 31 décembre"]
    with pytest.raises(InvalidInput), directory.session() as s:
        services.add_closure(s, shelter, date(2027, 1, 2), date(2027, 1, 1))
