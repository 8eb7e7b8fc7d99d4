"""``milieu demo --weeks N [--seed S]``: fill the vault with synthetic, invented data."""
from __future__ import annotations

import time

from app import demo
from app.activity.demo import generate as activity_demo  # conflicts, staff support, presence
from app.directory.sample import demo_referrals, import_sample
from app.errors import InvalidInput


def register(sub) -> None:
    p = sub.add_parser("demo", help="add synthetic floor data (invented people) for demos and tests")
    p.add_argument("--weeks", type=int, default=26, help="how many weeks back from today (default 26)")
    p.add_argument("--seed", type=int, default=1, help="random seed: the same seed gives the same data")
    p.add_argument("--per-week", type=int, default=None, help="contacts a week (default: the pilot's ~12)")
    p.add_argument("--people", type=int, default=None, help="number of people (default: the pilot's ratio)")
    p.set_defaults(handler=cmd_demo)


def cmd_demo(ctx) -> int:

    args = ctx.args
    if args.weeks < 1 or args.weeks > 52 * 20:
        raise InvalidInput("--weeks must be between 1 and 1040.")
    if (args.per_week is not None and args.per_week < 1) or (args.people is not None and args.people < 1):
        raise InvalidInput("--per-week and --people must be at least 1.")
    vault = ctx.unlocked_vault()
    try:
        started = time.perf_counter()
        with vault.session() as s:
            stats = demo.generate(
                s, weeks=args.weeks, seed=args.seed, contacts_per_week=args.per_week, people=args.people
            )
        # Other areas' sample data goes here, each in its own session (e.g. the
        # directory's sample import, issue 4).
        with vault.session() as s:
            import_sample(s)
            demo_referrals(s, seed=args.seed)
        with vault.session() as s:
            activity_demo(s, stats.start, stats.end, seed=args.seed)
        elapsed = time.perf_counter() - started
    finally:
        vault.lock()
    print(
        f"Demo data added: {stats.contacts} contacts with {stats.people} people, {stats.supply_items} supply items, "
        f"from {stats.start} to {stats.end} ({elapsed:.1f} s). All names are invented."
    )
    return 0
