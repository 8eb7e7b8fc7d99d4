"""The Bilan page's reads: the report of a period (worker or coordination vault), its pilot period."""
from __future__ import annotations

from sqlalchemy.orm import Session

from app.report import coordination, worker
from app.report.model import Report
from app.report.period import Period
from app.sync import keys


def is_coordination(session: Session) -> bool:
    return keys.mode(session) == keys.MODE_COORDINATION


def pilot_period(session: Session, coordination_mode: bool) -> Period:
    return coordination.pilot_period(session) if coordination_mode else worker.pilot_period(session)


def compute(session: Session, coordination_mode: bool, p: Period, peer_id: int | None = None, *,
            lang: str = "fr", baseline: Period | None = None) -> Report:
    """The report shown or exported (exact numbers; suppression happens at export), compared with
    ``baseline`` (the evaluation, issue 13). On a coordination vault ``session`` is on its store."""
    if coordination_mode:
        return coordination.report(session, p, peer_id, lang=lang, baseline=baseline)
    return worker.report(session, p, lang=lang, baseline=baseline)
