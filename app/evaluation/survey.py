"""The staff questionnaire: a handful of 1-5 items (code list ``staff_survey``, editable),
answered anonymously, on paper (entered by the worker) or at the kiosk screen.

A response has no name and no free text: the date, the team, the round ("YYYY-MM" of its
first day by default) and one score per item answered. The report compares the first
round with the latest.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import codes, history
from app.validation import OUT_OF_RANGE, REQUIRED, UNKNOWN_CODE, Collector
from models.codes import STAFF_SURVEY
from models.evaluation import SOURCE_KIOSK, SOURCE_PAPER, SurveyAnswer, SurveyResponse

ENTITY = SurveyResponse.__tablename__
SCORES = (1, 2, 3, 4, 5)


def snapshot(response: SurveyResponse) -> dict:
    """Answers as [item code, score] pairs: the form bundles carry (a list, not an object)."""
    return history.snapshot(response, extra={"answers": sorted([a.item_code, a.score] for a in response.answers)})


def items(session: Session, lang: str = "fr") -> list[tuple[str, str]]:
    """(code, label) of the active items, in the list's order."""
    return [(item.code, item.label(lang)) for item in codes.items(session, STAFF_SURVEY)]


def default_round(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def record(
    session: Session, answers: dict[str, int], *, answered_on: date, team: str = "", round_: str = "",
    source: str = SOURCE_PAPER, today: date | None = None,
) -> SurveyResponse:
    """Save one anonymous response (only the items answered; at least one)."""
    check = Collector()
    active = codes.active_codes(session, STAFF_SURVEY)
    given = {code: score for code, score in answers.items() if score is not None}
    if not given:
        check.add("answers", REQUIRED, "Answer at least one item.")
    for code, score in sorted(given.items()):
        if code not in active:
            check.add(f"answers[{code}]", UNKNOWN_CODE, f"Unknown item {code!r}.")
        elif score not in SCORES:
            check.add(f"answers[{code}]", OUT_OF_RANGE, "A score goes from 1 to 5.")
    if answered_on > (today or date.today()):
        check.add("answered_on", OUT_OF_RANGE, "The date is after today.")
    if source not in (SOURCE_PAPER, SOURCE_KIOSK):
        check.add("source", UNKNOWN_CODE, "Unknown source.")
    check.raise_if_any()
    response = SurveyResponse(
        answered_on=answered_on, team=team.strip()[:60], round=(round_.strip() or default_round(answered_on))[:20],
        source=source, answers=[SurveyAnswer(item_code=c, score=s) for c, s in sorted(given.items())],
    )
    session.add(response)
    session.flush()
    history.record_create(session, response, data=snapshot(response))
    return response


def delete(session: Session, response_id: int) -> None:
    response = session.get(SurveyResponse, response_id)
    if response is not None and response.deleted_at is None:
        history.record_delete(session, response, data=snapshot(response))


def teams(session: Session) -> list[str]:
    """Teams already named, for the kiosk's and the form's choices."""
    return sorted(t for t in session.scalars(select(SurveyResponse.team).distinct()) if t)


def answer_rows(session: Session) -> list[tuple[str, str, int]]:
    """(round, item code, score) of every live answer: what the report compares."""
    return [tuple(row) for row in session.execute(
        select(SurveyResponse.round, SurveyAnswer.item_code, SurveyAnswer.score)
        .join(SurveyResponse, SurveyResponse.id == SurveyAnswer.response_id)
        .where(SurveyResponse.deleted_at.is_(None))
    )]


def rounds(session: Session) -> list[tuple[str, int]]:
    """(round, responses) in order."""
    from sqlalchemy import func

    return [tuple(row) for row in session.execute(
        select(SurveyResponse.round, func.count()).where(SurveyResponse.deleted_at.is_(None))
        .group_by(SurveyResponse.round).order_by(SurveyResponse.round)
    )]
