"""Opening hours in plain words ("Du lundi au vendredi : 9 h à 17 h"), for the page and the slip."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QLocale, QObject

from views.dates import short_date
from app.directory.hours import DAY_MINUTES, Hours, HoursChange, HoursLine


class DirectoryHours(QObject):
    """The words of opening hours (a QObject only for ``tr``: its class name is the context)."""

    def day_name(self, day: int) -> str:
        return (
            self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"), self.tr("Thursday"),
            self.tr("Friday"), self.tr("Saturday"), self.tr("Sunday"),
        )[day]

    def clock(self, minutes: int) -> str:
        """9 h, 9 h 30 (English: 9:00, 9:30)."""
        hours, rest = divmod(minutes % DAY_MINUTES, 60)
        if rest:
            return self.tr("%1:%2").replace("%1", str(hours)).replace("%2", f"{rest:02d}")
        return self.tr("%1:00").replace("%1", str(hours))

    def span(self, opens: int, closes: int) -> str:
        if opens == 0 and closes in (0, DAY_MINUTES):
            return self.tr("open 24 hours")
        text = self.tr("%1 to %2").replace("%1", self.clock(opens)).replace("%2", self.clock(closes))
        if closes <= opens:
            text = self.tr("%1 (next day)").replace("%1", text)
        return text

    def days(self, line: HoursLine) -> str:
        if line.first == 0 and line.last == 6:
            return self.tr("Every day")
        if line.first == line.last:
            return self.day_name(line.first)
        first, last = self.day_name(line.first).lower(), self.day_name(line.last).lower()
        if line.last == line.first + 1:
            text = self.tr("%1 and %2").replace("%1", first).replace("%2", last)
        else:
            text = self.tr("%1 to %2 (days)").replace("%1", first).replace("%2", last)
        return text[:1].upper() + text[1:]

    def line(self, line: HoursLine) -> str:
        spans = self.tr(", ").join(self.span(o, c) for o, c in line.spans)
        return self.labelled(self.days(line), spans)

    def labelled(self, label: str, text: str) -> str:
        return self.tr("%1: %2").replace("%1", label).replace("%2", text)

    def lines(self, hours: Hours, today: date | None = None) -> list[str]:
        """Every line a person needs: weekly hours, seasons, closures to come, holidays."""
        out = [self.line(line) for line in hours.weekly_lines()]
        for period in hours.periods:
            if period.monthly:
                out.append(self.tr("Some days of the month: %1").replace("%1", self.span(period.opens, period.closes)))
        seasons = {(p.valid_from, p.valid_to) for p in hours.periods if p.valid_from or p.valid_to}
        for first, last in sorted(seasons, key=lambda s: (s[0] or date.min, s[1] or date.max)):
            if first and last:
                out.append(self.tr("From %1 to %2 only").replace("%1", long_date(first)).replace("%2", long_date(last)))
            elif first:
                out.append(self.tr("From %1").replace("%1", long_date(first)))
            else:
                out.append(self.tr("Until %1").replace("%1", long_date(last)))
        for closure in hours.closures:
            if today and closure.last < today:
                continue
            if closure.first == closure.last:
                text = self.tr("Closed on %1").replace("%1", long_date(closure.first))
            else:
                text = self.tr("Closed from %1 to %2").replace("%1", long_date(closure.first)).replace(
                    "%2", long_date(closure.last))
            out.append(self.labelled(text, closure.note) if closure.note else text)
        if hours.closed_on_holidays:
            out.append(self.tr("Closed on public holidays"))
        out.extend(hours.notes or [])
        if not out:
            out.append(self.tr("Hours not given: call before going."))
        return out

    def now(self, is_open: bool | None) -> str:
        if is_open is None:
            return ""
        return self.tr("Open now") if is_open else self.tr("Closed now")

    def change(self, change: HoursChange | None, now: datetime) -> str:
        """"Ferme à 7 h", "Ouvre lundi à 9 h", "Ouvert 24 h", in one unbreakable piece."""
        if change is None:
            return ""
        if change.open_now and (change.all_day or change.at is None):
            text = self.tr("Open 24 hours")
        elif change.at is None:
            text = self.tr("Closed now")
        else:
            clock = self.clock(change.at.hour * 60 + change.at.minute)
            days = (change.at.date() - now.date()).days
            within_a_day = change.at - now < timedelta(days=1) if change.open_now else days == 0
            if within_a_day:
                text = self.tr("Closes at %1") if change.open_now else self.tr("Opens at %1")
            elif days == 1:
                text = self.tr("Closes tomorrow at %1") if change.open_now else self.tr("Opens tomorrow at %1")
            else:
                # The locale's own day names: "lundi" in French, "Monday" in English.
                if days < 7:
                    day = QLocale().dayName(change.at.isoweekday())
                    pattern = self.tr("Closes %2 at %1") if change.open_now else self.tr("Opens %2 at %1")
                else:  # a date takes an article in French: "Ouvre le 5 janv."
                    day = short_date(change.at.date())
                    pattern = self.tr("Closes on %2 at %1") if change.open_now else self.tr("Opens on %2 at %1")
                text = pattern.replace("%2", day)
            text = text.replace("%1", clock)
        return text.replace(" ", "\u00a0")  # a narrow result list never cuts it in two


def long_date(day: date) -> str:
    return QLocale().toString(day, QLocale.FormatType.LongFormat)

