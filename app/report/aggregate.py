"""The report's figures from plain rows: one pure function for every side."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Iterable

from app import vocabulary
from app.activity import presence as presence_hours
from app.report import labels as words
from app.report.model import LINE, NO_CHART, ColumnSum, Figure, Report, RowSum, Table
from app.report.period import Period
from app.report.rows import ReportInput
from models.activity import INTENSITIES, PARTIES, SUPPORT_KINDS
from models.referral import REFERRAL_OUTCOMES, REFERRAL_STATUSES

UNKNOWN = "unknown"


def _month_key(value) -> str:
    return f"{value.year:04d}-{value.month:02d}"


def _ordered(counts: Counter, known: Iterable[str], label_of) -> list[list]:
    """Known codes in their list order (zeros included), then any other code seen."""
    known = list(known)
    rest = sorted(code for code in counts if code not in known)
    return [[label_of(code), counts.get(code, 0)] for code in known + rest]


def _mean(values: list[int]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


@dataclass
class Tallies:
    """Counts the report is made of. ``tally`` makes them from plain rows; the worker's
    vault makes the same with SQL (app.report.worker), which scales to years of data."""

    contacts_by_month: Counter = field(default_factory=Counter)
    unidentified: int = 0
    types: Counter = field(default_factory=Counter)
    themes: Counter = field(default_factory=Counter)
    people: int = 0
    people_by_month: Counter = field(default_factory=Counter)
    new_people: int = 0
    new_by_month: Counter = field(default_factory=Counter)
    age_gender: Counter = field(default_factory=Counter)  # (age code or None, gender code or None) -> people
    referral_status: Counter = field(default_factory=Counter)
    referral_outcome: Counter = field(default_factory=Counter)
    supplies: Counter = field(default_factory=Counter)  # item name -> quantity given
    conflicts: list = field(default_factory=list)  # ConflictRow
    supports: list = field(default_factory=list)  # SupportRow
    presence: dict = field(default_factory=lambda: {None: []})
    presence_from: dict = field(default_factory=dict)
    schedule: presence_hours.Schedule = field(default_factory=presence_hours.Schedule)
    labels: dict = field(default_factory=dict)

    @property
    def interventions(self) -> int:
        return sum(self.contacts_by_month.values())


def people_tallies(t: "Tallies", pairs, seen_before: set, persons: dict) -> None:
    """Fill the people counts from (person, "YYYY-MM") pairs of the period.

    ``seen_before``: persons with a contact before the period (so not new);
    ``persons``: person -> (age code, gender code).
    """
    first_month: dict = {}
    for person, month in pairs:
        t.people_by_month[month] += 1
        if person not in first_month or month < first_month[person]:
            first_month[person] = month
    t.people = len(first_month)
    for person, month in first_month.items():
        if person not in seen_before:
            t.new_people += 1
            t.new_by_month[month] += 1
        t.age_gender[persons.get(person, (None, None))] += 1


def tally(data: ReportInput, period: Period) -> Tallies:
    """Tallies from plain rows (already limited to the period)."""
    t = Tallies(
        conflicts=list(data.conflicts), supports=list(data.supports), presence=data.presence,
        presence_from=data.presence_from, schedule=data.schedule, labels=data.labels,
    )
    pairs = set()
    for c in data.contacts:
        month = _month_key(c.occurred_at)
        t.contacts_by_month[month] += 1
        t.types.update(c.types)
        t.themes.update(c.themes)
        t.unidentified += c.unidentified
        for person in c.persons:
            pairs.add((person, month))
    seen_before = {p for p, day in data.first_seen.items() if day < period.start}
    persons = {k: (r.age_bracket, r.gender) for k, r in data.persons.items()}
    people_tallies(t, pairs, seen_before, persons)
    for r in data.referrals:
        t.referral_status[r.status] += 1
        t.referral_outcome[r.outcome] += 1
    for s in data.supplies:
        t.supplies[s.item] += s.quantity
    return t


def compute(
    data: "ReportInput | Tallies", period: Period, *, site: str = "", scope: str = "", lang: str = "fr",
    today: date | None = None,
) -> Report:
    """The report, from plain rows or from tallies."""
    t = data if isinstance(data, Tallies) else tally(data, period)
    today = today or date.today()
    w = lambda key: words.text(key, lang)  # noqa: E731 - short local alias
    code_labels = t.labels

    def fixed(list_name: str):
        """Label function of a fixed code list (the one vocabulary, as on screen)."""
        return lambda code: vocabulary.label(list_name, code, lang)

    def label(list_name: str, code: str | None) -> str:
        if not code or code == UNKNOWN:
            return w(UNKNOWN)
        return code_labels.get(list_name, {}).get(code) or w(code)

    months = period.months()

    # ---- people by age bracket and gender ----------------------------------
    cells: Counter = Counter()
    genders_seen: Counter = Counter()
    for (age, gender), n in t.age_gender.items():
        age, gender = age or UNKNOWN, gender or UNKNOWN
        cells[(age, gender)] += n
        genders_seen[gender] += n
    age_order = list(code_labels.get("age_bracket", {})) + [UNKNOWN]
    ages = [a for a in age_order if any(cells[(a, g)] for g in genders_seen)]
    ages += sorted({a for a, _ in cells} - set(ages))
    gender_order = [g for g in list(code_labels.get("gender", {})) + [UNKNOWN] if genders_seen[g]]
    gender_order += sorted(set(genders_seen) - set(gender_order))
    age_rows = [
        [label("age_bracket", a)] + [cells[(a, g)] for g in gender_order] + [sum(cells[(a, g)] for g in gender_order)]
        for a in ages
    ]
    age_headers = {i + 1: label("gender", g) for i, g in enumerate(gender_order)}

    supplies = t.supplies
    statuses, outcomes = t.referral_status, t.referral_outcome
    types, themes = t.types, t.themes

    # ---- conflicts ----------------------------------------------------------
    conflict_month: dict[str, list[int]] = defaultdict(list)
    for k in t.conflicts:
        conflict_month[_month_key(k.occurred_at)].append(k.intensity)
    intensities = [k.intensity for k in t.conflicts]
    by_intensity = Counter(intensities)
    by_parties = Counter(k.parties for k in t.conflicts)

    # ---- staff support --------------------------------------------------------
    support_count: Counter = Counter()
    support_staff: Counter = Counter()
    support_min: Counter = Counter()
    for s in t.supports:
        support_count[s.kind] += 1
        support_staff[s.kind] += s.staff_count
        support_min[s.kind] += s.duration_min

    # ---- presence (the future is not presence yet) ------------------------------
    presence_end = min(period.end, today + timedelta(days=1))
    per_worker = [
        presence_hours.hours(rows, max(period.start, t.presence_from.get(key, period.start)), presence_end,
                             t.schedule)
        for key, rows in t.presence.items()
    ]
    hours = presence_hours.Hours(sum(h.library_min for h in per_worker), sum(h.street_min for h in per_worker))
    interventions = t.interventions
    per_hour = round(interventions / hours.total_hours, 2) if hours.total_min else None

    figures = [
        Figure("interventions", interventions),
        Figure("people", t.people, people=True),
        Figure("new_people", t.new_people, people=True),
        Figure("unidentified", t.unidentified),
        Figure("referrals", sum(statuses.values())),
        Figure("supplies_given", sum(supplies.values())),
        Figure("conflicts", len(t.conflicts)),
        Figure("intensity_mean", _mean(intensities), decimals=2),
        Figure("intensity_max", max(intensities) if intensities else None),
        Figure("staff_support", len(t.supports)),
        Figure("staff_reached", sum(support_staff.values())),
        Figure("staff_support_hours", round(sum(support_min.values()) / 60, 1), decimals=1),
        Figure("library_hours", round(hours.library_min / 60, 1), decimals=1),
        Figure("street_hours", round(hours.street_min / 60, 1), decimals=1),
        Figure("presence_hours", round(hours.total_hours, 1), decimals=1),
        Figure("interventions_per_hour", per_hour, decimals=2),
    ]
    tables = [
        Table(
            "activity_by_month",
            ["month", "interventions", "people", "new_people"],
            [
                [words.month(m, lang), t.contacts_by_month[m], t.people_by_month[m], t.new_by_month[m]]
                for m in months
            ],
            people_columns=frozenset({2, 3}),
            chart_columns=(1, 2),
            # People by month do not add up (one person comes back month after month), except
            # over a single month; new people always do.
            sums=(ColumnSum(3, "new_people"),) + ((ColumnSum(2, "people"),) if len(months) == 1 else ()),
        ),
        Table("by_type", ["type", "interventions"],
              _ordered(types, code_labels.get("contact_type", {}), lambda c: label("contact_type", c))),
        Table("by_theme", ["theme", "interventions"],
              [r for r in _ordered(themes, code_labels.get("theme", {}), lambda c: label("theme", c)) if r[1]]),
        Table(
            "people_by_age_gender",
            ["age_bracket"] + [f"gender_{i}" for i in range(len(gender_order))] + ["total"],
            age_rows,
            people_columns=frozenset(range(1, len(gender_order) + 2)),
            header_labels=age_headers,
            chart_columns=tuple(range(1, len(gender_order) + 1)),
            sums=(RowSum(tuple(range(1, len(gender_order) + 1)), len(gender_order) + 1),
                  ColumnSum(len(gender_order) + 1, "people")),
        ),
        Table("referrals_by_status", ["status", "referrals"], _ordered(statuses, REFERRAL_STATUSES, fixed(vocabulary.REFERRAL_STATUS))),
        Table("referrals_by_outcome", ["outcome", "referrals"], _ordered(outcomes, REFERRAL_OUTCOMES, fixed(vocabulary.REFERRAL_OUTCOME))),
        Table("supplies_by_item", ["item", "quantity"],
              sorted(([k, v] for k, v in supplies.items()), key=lambda r: (-r[1], r[0]))),
        Table(
            "conflicts_by_month",
            ["month", "conflicts", "intensity_mean", "intensity_max"],
            [
                [words.month(m, lang), len(conflict_month[m]), _mean(conflict_month[m]),
                 max(conflict_month[m]) if conflict_month[m] else None]
                for m in months
            ],
            decimals={2: 2},
            chart=LINE,
            chart_columns=(1, 2, 3),
        ),
        Table("conflicts_by_intensity", ["level", "conflicts"],
              [[vocabulary.level_text(i, vocabulary.label(vocabulary.CONFLICT_INTENSITY, i, lang)), by_intensity.get(i, 0)]
               for i in INTENSITIES]),
        Table("conflicts_by_parties", ["parties", "conflicts"], _ordered(by_parties, PARTIES, fixed(vocabulary.CONFLICT_PARTIES))),
        Table(
            "staff_support_by_kind",
            ["kind", "sessions", "staff", "hours"],
            [[fixed(vocabulary.STAFF_SUPPORT_KIND)(k), support_count[k], support_staff[k], round(support_min[k] / 60, 1)]
             for k in list(SUPPORT_KINDS) + sorted(set(support_count) - set(SUPPORT_KINDS))],
            decimals={3: 1},
            chart=NO_CHART if not t.supports else "bar",
        ),
    ]
    return Report(
        period=period, site=site, scope=scope, generated_on=today, lang=lang, figures=figures, tables=tables,
        presence_note=w("presence_default_note"),
    )
