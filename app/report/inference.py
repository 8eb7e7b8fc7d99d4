"""What a careful reader can work out about hidden counts from the sums an export shows.

Counting hidden cells per line is not enough once the marks differ: "< 5" means 1 to 4,
and "x" means 0 or at least 5 (a count from 1 to 4 would read "< 5"). So women "x",
men "< 5", row total 6 still gives men = 1 (women cannot be 2 to 4). This module narrows
each hidden count's possible values through every sum, over and over, like a reader
would, and names the small counts left with one possible value.

Domains are sorted lists of disjoint integer intervals (low, high), both included.
"""
from __future__ import annotations

BIG = 10**9  # no upper bound known
SMALL = [(1, 4)]
NOT_SMALL = [(0, 0), (5, BIG)]
MAX_ROUNDS = 60  # narrowing converges in a few rounds on report tables; this bounds odd cases


def _merge(intervals) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for low, high in sorted(intervals):
        if out and low <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], high)
        else:
            out.append([low, high])
    return [(low, min(high, BIG)) for low, high in out]


def _add(a, b):
    return _merge((x1 + y1, x2 + y2) for x1, x2 in a for y1, y2 in b)


def _neg(a):
    return _merge((-high, -low) for low, high in a)


def _intersect(a, b):
    out = []
    for x1, x2 in a:
        for y1, y2 in b:
            low, high = max(x1, y1), min(x2, y2)
            if low <= high:
                out.append((low, high))
    return _merge(out)


def _single(domain) -> bool:
    return len(domain) == 1 and domain[0][0] == domain[0][1]


def narrowed(lines, values: dict, marks: dict, small_mark: str) -> dict:
    """Each hidden key -> the values a reader cannot rule out, given every line
    (parts add up to total) with the shown values in ``values``."""
    domains = {k: list(SMALL if mark == small_mark else NOT_SMALL) for k, mark in marks.items()}
    for _ in range(MAX_ROUNDS):
        changed = False
        for parts, total in lines:
            terms = [(k, 1) for k in parts] + [(total, -1)]
            known = sum(sign * values[k] for k, sign in terms if k not in domains and isinstance(values.get(k), int))
            unknown = [(k, sign) for k, sign in terms if k in domains]
            if not unknown:
                continue
            signed = [domains[k] if sign > 0 else _neg(domains[k]) for k, sign in unknown]
            before = [[(known, known)]]  # known + the unknowns before i, and after i
            for d in signed[:-1]:
                before.append(_add(before[-1], d))
            after = [[(0, 0)]]
            for d in reversed(signed[1:]):
                after.append(_add(after[-1], d))
            after.reverse()
            for i, (key, sign) in enumerate(unknown):
                # sign * x + known + rest = 0  ->  x = -sign * (known + rest)
                value = _add(before[i], after[i])
                value = _neg(value) if sign > 0 else value
                new = _intersect(domains[key], value)
                if new and new != domains[key]:
                    domains[key] = new
                    changed = True
        if not changed:
            break
    return domains


def pinned_small_counts(lines, values: dict, marks: dict, small_mark: str) -> set:
    """Keys of the small counts a reader can work out exactly."""
    domains = narrowed(lines, values, marks, small_mark)
    return {k for k, d in domains.items() if marks[k] == small_mark and _single(d)}
