"""Opening hours: several periods a day, periods crossing midnight, closures, public holidays."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from app.directory.holidays import easter, quebec_holidays
from app.directory.hours import HoursChange, hours_from_schedules


@dataclass
class Sched:
    opens_at: str | None = None
    closes_at: str | None = None
    byday: str | None = None
    bymonthday: str | None = None
    freq: str | None = "WEEKLY"
    valid_from: date | None = None
    valid_to: date | None = None
    dtstart: date | None = None
    interval: int | None = None
    description: str | None = None


def test_shelter_open_19_to_7_crosses_midnight():
    hours = hours_from_schedules([Sched("19:00", "07:00")])
    assert not hours.is_open(datetime(2026, 11, 26, 18, 59))
    assert hours.is_open(datetime(2026, 11, 26, 19, 0))
    assert hours.is_open(datetime(2026, 11, 26, 23, 59))
    assert hours.is_open(datetime(2026, 11, 27, 0, 0))
    assert hours.is_open(datetime(2026, 11, 27, 6, 59))
    assert not hours.is_open(datetime(2026, 11, 27, 7, 0))


def test_overnight_period_belongs_to_the_day_it_starts():
    # Friday and Saturday nights only: open early Saturday and Sunday, not early Friday or Monday.
    hours = hours_from_schedules([Sched("22:00", "03:00", byday="FR,SA")])
    assert hours.is_open(datetime(2026, 11, 28, 2, 0))       # Saturday 02:00 (Friday's night)
    assert hours.is_open(datetime(2026, 11, 29, 2, 0))       # Sunday 02:00 (Saturday's night)
    assert not hours.is_open(datetime(2026, 11, 27, 2, 0))   # Friday 02:00 (Thursday: closed)
    assert not hours.is_open(datetime(2026, 11, 30, 2, 0))   # Monday 02:00


def test_several_periods_a_day():
    hours = hours_from_schedules([Sched("11:30", "13:00"), Sched("17:00", "18:30")])
    assert hours.is_open(datetime(2026, 11, 26, 12, 0))
    assert not hours.is_open(datetime(2026, 11, 26, 15, 0))
    assert hours.is_open(datetime(2026, 11, 26, 18, 0))
    assert not hours.is_open(datetime(2026, 11, 26, 18, 30))


def test_round_the_clock_and_closing_at_24():
    always = hours_from_schedules([Sched("00:00", "00:00")])
    assert all(always.is_open(datetime(2026, 11, 26, h, 15)) for h in range(24))
    until_midnight = hours_from_schedules([Sched("18:00", "24:00", byday="MO")])
    assert until_midnight.is_open(datetime(2026, 11, 23, 23, 59))
    assert not until_midnight.is_open(datetime(2026, 11, 24, 0, 0))


def test_closure_dates_and_seasonal_validity():
    hours = hours_from_schedules([
        Sched("22:00", "08:00", valid_from=date(2026, 12, 1), valid_to=date(2027, 3, 31)),
        Sched(valid_from=date(2026, 12, 24), valid_to=date(2026, 12, 26), description="Fermé pour Noël"),
    ])
    assert not hours.is_open(datetime(2026, 11, 30, 23, 0))   # before the season
    assert hours.is_open(datetime(2026, 12, 1, 23, 0))
    assert not hours.is_open(datetime(2026, 12, 25, 23, 0))   # closed for Christmas
    assert not hours.is_open(datetime(2026, 12, 27, 7, 0))    # still the night of the 26th: closed
    assert hours.is_open(datetime(2026, 12, 27, 23, 0))       # the night of the 27th
    assert hours.closures[0].note == "Fermé pour Noël"


def test_closed_on_public_holidays():
    weekdays = [Sched("09:00", "17:00", byday="MO,TU,WE,TH,FR")]
    assert hours_from_schedules(weekdays, closed_on_holidays=False).is_open(datetime(2026, 6, 24, 10, 0))
    assert not hours_from_schedules(weekdays, closed_on_holidays=True).is_open(datetime(2026, 6, 24, 10, 0))
    assert hours_from_schedules(weekdays, closed_on_holidays=True).is_open(datetime(2026, 6, 25, 10, 0))


def test_quebec_holidays():
    assert easter(2026) == date(2026, 4, 5)
    days = quebec_holidays(2026)
    assert days[date(2026, 4, 3)] == "good_friday"
    assert days[date(2026, 5, 18)] == "patriots_day"
    assert days[date(2026, 9, 7)] == "labour_day"
    assert days[date(2026, 10, 12)] == "thanksgiving"
    assert date(2029, 7, 2) in quebec_holidays(2029)  # July 1st 2029 is a Sunday


def test_monthly_schedule():
    # First Monday of the month, and the 15th.
    hours = hours_from_schedules([
        Sched("09:00", "12:00", byday="1MO", freq="MONTHLY"),
        Sched("13:00", "15:00", bymonthday="15", freq="MONTHLY"),
    ])
    assert hours.is_open(datetime(2026, 12, 7, 10, 0))
    assert not hours.is_open(datetime(2026, 12, 14, 10, 0))
    assert hours.is_open(datetime(2026, 12, 15, 14, 0))


def test_weekly_lines_group_days_with_the_same_hours():
    hours = hours_from_schedules([
        Sched("09:00", "12:00", byday="MO,TU,WE,TH,FR"), Sched("13:00", "16:30", byday="MO,TU,WE,TH"),
        Sched("10:00", "14:00", byday="SA"),
    ])
    lines = [(l.first, l.last, l.spans) for l in hours.weekly_lines()]
    assert lines == [
        (0, 3, ((540, 720), (780, 990))),
        (4, 4, ((540, 720),)),
        (5, 5, ((600, 840),)),
    ]


def test_next_change_says_until_when_open_or_when_it_opens():
    # Thursday 26 November 2026.
    shelter = hours_from_schedules([Sched("19:00", "07:00")])
    change = shelter.next_change(datetime(2026, 11, 26, 23, 30))
    assert change.open_now and change.at == datetime(2026, 11, 27, 7, 0) and not change.all_day
    change = shelter.next_change(datetime(2026, 11, 26, 15, 0))
    assert not change.open_now and change.at == datetime(2026, 11, 26, 19, 0)
    weekdays = hours_from_schedules([Sched("09:00", "17:00", byday="MO,TU,WE,TH,FR")])
    change = weekdays.next_change(datetime(2026, 11, 27, 18, 0))  # Friday evening: Monday 9:00
    assert not change.open_now and change.at == datetime(2026, 11, 30, 9, 0)
    always = hours_from_schedules([Sched("00:00", "00:00")])
    change = always.next_change(datetime(2026, 11, 26, 10, 0))
    assert change.open_now and change.all_day and change.at is None


def test_next_change_joins_a_night_to_the_next_days_hours_and_skips_closures():
    # Open 19:00-24:00 and 00:00-08:00: one night, closing at 8:00.
    split_night = hours_from_schedules([Sched("19:00", "24:00"), Sched("00:00", "08:00")])
    change = split_night.next_change(datetime(2026, 11, 26, 22, 0))
    assert change.open_now and change.at == datetime(2026, 11, 27, 8, 0)
    holidays = hours_from_schedules([Sched("09:00", "17:00", byday="MO,TU,WE,TH,FR"),
                                     Sched(valid_from=date(2026, 12, 24), valid_to=date(2027, 1, 4))])
    # Closed for the holidays beyond the days a result looks ahead: "closed", no day given.
    assert holidays.next_change(datetime(2026, 12, 23, 18, 0)) == HoursChange(False, None)
    assert holidays.next_change(datetime(2026, 12, 31, 12, 0)) == HoursChange(False, datetime(2027, 1, 5, 9, 0))
