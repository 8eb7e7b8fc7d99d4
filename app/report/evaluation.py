"""The evaluation part of the report (issue 13), from plain rows: one pure function for both sides.

Before and after: the report's period against a baseline period (conflicts per month and
per 1,000 visits, intensity, share of levels 4-5, police or ambulance calls, the change in
percent), needs left unmet, people reached by group of interest, and the staff
questionnaire's first round against its latest.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from app.report import labels as words
from app.report.model import BAR, NO_CHART, TREND, Report, RowSum, Table
from app.report.period import Period
from models.activity import INTENSITIES

MIN_MONTHS = 3  # fewer months, or fewer conflicts, and a comparison says more about chance
MIN_CONFLICTS = 10
HIGH = (4, 5)


@dataclass(frozen=True, slots=True)
class IncidentRow:
    day: date
    intensity: int
    emergency: bool  # police or ambulance came


@dataclass
class EvaluationInput:
    incidents: list[IncidentRow] = field(default_factory=list)  # the report's period
    baseline_incidents: list[IncidentRow] = field(default_factory=list)
    visits: dict[str, int] = field(default_factory=dict)  # "YYYY-MM" -> visits, any month
    needs: list[tuple[str, str]] = field(default_factory=list)  # ("YYYY-MM", need code) of the period
    groups: dict[str, tuple[int, int]] = field(default_factory=dict)  # group -> (interventions, people)
    survey: list[tuple[str, str, int]] = field(default_factory=list)  # (round, item, score)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)  # unmet_need, group, staff_survey
    highlights: str = ""


@dataclass
class Stats:
    months: float
    conflicts: int
    per_month: float | None
    visits: int | None
    per_1000: float | None
    mean: float | None
    maximum: int | None
    share_high: float | None
    emergency: int
    visit_months: int
    all_months: int

    @property
    def enough(self) -> bool:
        return self.months >= MIN_MONTHS and self.conflicts >= MIN_CONFLICTS


def month_fractions(p: Period) -> dict[str, float]:
    """How much of each month the period covers (a whole month counts 1)."""
    out = {}
    for key in p.months():
        year, month = int(key[:4]), int(key[5:])
        first = date(year, month, 1)
        after = date(year + (month == 12), month % 12 + 1, 1)
        out[key] = (min(after, p.end) - max(first, p.start)).days / (after - first).days
    return out


def stats(p: Period, incidents: list[IncidentRow], visits: dict[str, int]) -> Stats:
    fractions = month_fractions(p)
    months = sum(fractions.values())
    known = [m for m in fractions if m in visits]
    seen = sum(visits[m] * fractions[m] for m in known)
    counted = [i for i in incidents if f"{i.day.year:04d}-{i.day.month:02d}" in visits]
    levels = [i.intensity for i in incidents]
    n = len(incidents)
    return Stats(
        months=months, conflicts=n,
        per_month=round(n / months, 2) if months else None,
        visits=round(seen) if known else None,
        per_1000=round(len(counted) / seen * 1000, 2) if seen else None,
        mean=round(sum(levels) / n, 2) if n else None,
        maximum=max(levels) if levels else None,
        share_high=round(100 * sum(1 for v in levels if v in HIGH) / n, 1) if n else None,
        emergency=sum(1 for i in incidents if i.emergency),
        visit_months=len(known), all_months=len(fractions),
    )


def change(before, after, comparable: bool) -> float | None:
    if not comparable or before is None or after is None or before == 0:
        return None
    return round(100 * (after - before) / before, 1)


def _round_months(value: float) -> str:
    return str(int(value)) if abs(value - round(value)) < 0.05 else f"{value:.1f}"


def _notes(which: str, p: Period, s: Stats, lang: str) -> list[str]:
    w = lambda key: words.text(key, lang)  # noqa: E731
    out = []
    if not s.enough:
        out.append(w("too_little_data").format(
            which=w(which), period=words.period(p, lang), conflicts=s.conflicts, months=_round_months(s.months),
            min_conflicts=MIN_CONFLICTS, min_months=MIN_MONTHS))
    if not s.visit_months:
        out.append(w("no_visits").format(which=w(which)))
    elif s.visit_months < s.all_months:
        out.append(w("partial_visits").format(which=w(which), known=s.visit_months, months=s.all_months))
    return out


def _comparison(report: Report, baseline: Period, data: EvaluationInput) -> list[Table]:
    lang = report.lang
    w = lambda key: words.text(key, lang)  # noqa: E731
    before = stats(baseline, data.baseline_incidents, data.visits)
    after = stats(report.period, data.incidents, data.visits)
    ok = before.enough and after.enough
    report.evaluation_notes += _notes("baseline", baseline, before, lang) + _notes("current", report.period, after, lang)
    report.evaluation_notes.append(w("change_note"))
    lines = [  # (key, baseline, report period, decimals)
        ("conflicts", before.conflicts, after.conflicts, 0),
        ("conflicts_per_month", before.per_month, after.per_month, 2),
        ("conflicts_per_1000_visits", before.per_1000, after.per_1000, 2),
        ("intensity_mean", before.mean, after.mean, 2),
        ("intensity_max", before.maximum, after.maximum, 0),
        ("share_high_intensity", before.share_high, after.share_high, 1),
        ("emergency_calls", before.emergency, after.emergency, 0),
        ("visits", before.visits, after.visits, 0),
    ]
    rows, row_decimals = [], {}
    for r, (key, b, a, decimals) in enumerate(lines):
        # Counts over periods of different lengths are not compared; their rates are.
        comparable = ok and key not in ("conflicts", "emergency_calls", "visits")
        rows.append([w(key), b, a, change(b, a, comparable)])
        row_decimals[r] = decimals
    comparison = Table("baseline_comparison", ["indicator", "baseline", "current", "change_pct"], rows,
                       decimals={3: 1}, chart=NO_CHART, row_decimals=row_decimals)

    by_month_before = Counter(f"{i.day.year:04d}-{i.day.month:02d}" for i in data.baseline_incidents)
    by_month_after = Counter(f"{i.day.year:04d}-{i.day.month:02d}" for i in data.incidents)
    trend_rows = [[words.month(m, lang), by_month_before.get(m, 0), None] for m in baseline.months()]
    marker = len(trend_rows)
    trend_rows += [[words.month(m, lang), None, by_month_after.get(m, 0)] for m in report.period.months()]
    trend = Table("conflicts_trend", ["month", "baseline", "current"], trend_rows, chart=TREND,
                  chart_columns=(1, 2), marker=marker)

    def shares(incidents: list[IncidentRow]) -> Counter:
        counts = Counter(i.intensity for i in incidents)
        return Counter({level: round(100 * counts[level] / len(incidents), 1) for level in INTENSITIES}) \
            if incidents else Counter()

    sb, sa = shares(data.baseline_incidents), shares(data.incidents)
    levels = Table("intensity_comparison", ["level", "baseline_share", "current_share"],
                   [[w(f"intensity_{level}"), sb.get(level, 0.0), sa.get(level, 0.0)] for level in INTENSITIES],
                   decimals={1: 1, 2: 1}, chart=BAR, chart_columns=(1, 2))
    return [comparison, trend, levels]


def _label(data: EvaluationInput, list_name: str, code: str, lang: str) -> str:
    return data.labels.get(list_name, {}).get(code) or words.text(code, lang)


def _needs(report: Report, data: EvaluationInput) -> list[Table]:
    lang = report.lang
    by_need = Counter(code for _month, code in data.needs)
    by_month = Counter(month for month, _code in data.needs)
    known = list(data.labels.get("unmet_need", {}))
    codes = known + sorted(set(by_need) - set(known))
    return [
        Table("unmet_needs_by_need", ["need", "unmet_needs"],
              [[_label(data, "unmet_need", c, lang), by_need.get(c, 0)] for c in codes if by_need.get(c) or c in known],
              chart=BAR if by_need else NO_CHART),
        Table("unmet_needs_by_month", ["month", "unmet_needs"],
              [[words.month(m, lang), by_month.get(m, 0)] for m in report.period.months()],
              chart=BAR if by_need else NO_CHART),
    ]


def _groups(report: Report, data: EvaluationInput) -> Table:
    known = list(data.labels.get("group", {}))
    codes = known + sorted(set(data.groups) - set(known))
    rows = [[_label(data, "group", c, report.lang), *data.groups.get(c, (0, 0))] for c in codes]
    return Table("groups", ["group", "interventions", "people"], rows, people_columns=frozenset({2}),
                 chart_columns=(1,))


def _survey(report: Report, data: EvaluationInput) -> list[Table]:
    lang = report.lang
    w = lambda key: words.text(key, lang)  # noqa: E731
    rounds = sorted({r for r, _item, _score in data.survey})
    if not rounds:
        return []
    first, latest = rounds[0], rounds[-1]
    scores: dict[tuple[str, str], list[int]] = defaultdict(list)
    for r, item, score in data.survey:
        if r in (first, latest):
            scores[(r, item)].append(score)
    known = list(data.labels.get("staff_survey", {}))
    items = [i for i in known if scores.get((first, i)) or scores.get((latest, i))]
    items += sorted({i for _r, i in scores} - set(items))

    def mean(values: list[int]) -> float | None:
        return round(sum(values) / len(values), 2) if values else None

    compared = latest != first
    means, distribution = [], []
    for item in items:
        label = _label(data, "staff_survey", item, lang)
        a, b = scores.get((first, item), []), scores.get((latest, item), [])
        row = [label, mean(a), len(a)]
        if compared:
            row += [mean(b), len(b), round(sum(b) / len(b) - sum(a) / len(a), 2) if a and b else None]
        means.append(row)
        for r, values in ((first, a), (latest, b)) if compared else ((first, a),):
            counts = Counter(values)
            distribution.append([f"{label} – {r}", *(counts.get(s, 0) for s in range(1, 6)), len(values)])
    columns = ["survey_item", "mean_of", "answers_of"] + (["mean_of", "answers_of", "change"] if compared else [])
    headers = {1: f"{w('mean_of')} {first}", 2: f"{w('answers_of')} {first}"}
    if compared:
        headers.update({3: f"{w('mean_of')} {latest}", 4: f"{w('answers_of')} {latest}", 5: w("change")})
    else:
        report.evaluation_notes.append(w("one_round").format(round=first))
    mean_table = Table(
        "survey_means", columns, means, people_columns=frozenset({2, 4} if compared else {2}),
        decimals={1: 2, 3: 2, 5: 2}, chart_columns=(1, 3) if compared else (1,), header_labels=headers,
        guarded={1: (2,), 3: (4,), 5: (2, 4)} if compared else {1: (2,)},
    )
    dist_table = Table(
        "survey_distribution", ["survey_item"] + [f"score_{s}" for s in range(1, 6)] + ["total"], distribution,
        people_columns=frozenset(range(1, 7)), chart=NO_CHART, sums=(RowSum((1, 2, 3, 4, 5), 6),),
    )
    return [mean_table, dist_table]


def extend(report: Report, data: EvaluationInput, baseline: Period | None) -> Report:
    """Add the evaluation's tables to ``report`` (in place; returned for chaining)."""
    report.baseline = baseline
    report.highlights = data.highlights
    head: list[Table] = _comparison(report, baseline, data) if baseline is not None else []
    tail = _needs(report, data) + [_groups(report, data)] + _survey(report, data)
    report.tables = head + report.tables + tail
    third = "unmet_needs_by_need" if data.needs else "activity_by_month"
    report.summary_tables = (
        ("conflicts_trend", "intensity_comparison", third) if baseline is not None
        else ("activity_by_month", "conflicts_by_month", third if data.needs else "by_type")
    )
    return report
