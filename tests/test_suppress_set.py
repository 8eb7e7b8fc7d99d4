"""Small-count suppression across workers: no cell hidden in one worker's export can be
recovered from the all-workers export and the other workers' exports."""
from __future__ import annotations

from datetime import date, datetime

from app.report import aggregate, suppress, suppress_set
from app.report import period as periods
from app.report.rows import ContactRow, PersonRow, ReportInput

PERIOD = periods.custom(date(2026, 3, 1), date(2026, 3, 31))


def _worker(peer: int, people: int, contacts_each: int = 2) -> ReportInput:
    contacts, persons = [], {}
    for n in range(people):
        key = (peer, f"p{n}")
        persons[key] = PersonRow(key, "25_34", "man")
        for k in range(contacts_each):
            contacts.append(ContactRow(datetime(2026, 3, 2 + k, 10), (key,), ("listening",), ()))
    return ReportInput(contacts=contacts, persons=persons, first_seen={}, presence={peer: []})


def _merge(inputs: list[ReportInput]) -> ReportInput:
    out = ReportInput(presence={})
    for data in inputs:
        out.contacts += data.contacts
        out.persons.update(data.persons)
        out.presence.update(data.presence)
    return out


def _cells(report):
    found = {("figure", f.key): f.value for f in report.figures if f.people}
    for t in report.tables:
        for row in t.rows:
            for c in t.people_columns:
                found[(t.key, row[0], t.header_labels.get(c) or t.columns[c])] = row[c]
    return found


def test_all_workers_minus_the_others_does_not_reveal_a_hidden_cell():
    inputs = [_worker(1, 3), _worker(2, 10), _worker(3, 8)]  # worker 1: 3 people, a small count
    reports = [aggregate.compute(_merge(inputs), PERIOD, today=date(2026, 4, 1))]
    reports += [aggregate.compute(i, PERIOD, today=date(2026, 4, 1)) for i in inputs]

    # Each report suppressed on its own: 21 - 10 - 8 gives worker 1's hidden "3".
    alone = [_cells(suppress.for_outside(r)) for r in reports]
    assert alone[1][("figure", "people")] == suppress.MASK
    assert alone[0][("figure", "people")] - alone[2][("figure", "people")] - alone[3][("figure", "people")] == 3

    together = [_cells(r) for r in suppress_set.for_outside_set(reports)]
    exact = [_cells(r) for r in reports]
    for name, total in exact[0].items():
        shown = [together[i].get(name, 0) for i in range(1, len(reports))]
        for i, value in enumerate(shown):
            if suppress.is_mark(value):  # a hidden cell: another of its sum is hidden too
                others = [together[0].get(name)] + [v for j, v in enumerate(shown) if j != i]
                assert any(suppress.is_mark(v) for v in others), name
    assert together[1][("figure", "people")] == suppress.MASK
    # Exports made one by one from the set show the same as each would alone, or more hidden.
    for i, report in enumerate(suppress_set.for_outside_set(reports)):
        again = _cells(suppress.for_outside(report))
        assert all(again[k] == v or suppress.is_mark(again[k]) for k, v in together[i].items())
