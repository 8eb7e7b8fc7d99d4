"""Evaluation operations (issue 13): the library's incidents and visits, the staff
questionnaire, the highlights for council."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from app.evaluation import baseline, highlights, survey, visits
from app.ops.changes import Changes, Done, Entity
from app.ops.registry import operation
from app.errors import InvalidInput
from models.codes import CodeItem
from app import codes


@operation(Entity.BASELINE_INCIDENT)
def import_incidents(session: Session, path: Path, *, skip_bad_rows: bool = False,
                     mapping: dict[str, int] | None = None) -> Done:
    """Value: the import's Outcome (added, updated, unchanged, skipped rows)."""
    out = baseline.import_file(session, path, skip_bad_rows=skip_bad_rows, mapping=mapping)
    return Done(Changes.of(Entity.BASELINE_INCIDENT) if out.added or out.updated else Changes(), out)


@operation(Entity.VISIT_COUNT)
def import_visits(session: Session, path: Path, *, skip_bad_rows: bool = False) -> Done:
    out = visits.import_file(session, path, skip_bad_rows=skip_bad_rows)
    return Done(Changes.of(Entity.VISIT_COUNT) if out.added or out.updated else Changes(), out)


@operation(Entity.VISIT_COUNT)
def set_month_visits(session: Session, month_start: date, count: int) -> Done:
    result = visits.set_visits(session, month_start, "month", count)
    return Done(Changes.of(Entity.VISIT_COUNT) if result != "unchanged" else Changes(), result)


@operation(Entity.SURVEY_RESPONSE)
def record_survey(session: Session, answers: dict[str, int], *, answered_on: date, team: str = "",
                  round_: str = "", source: str = "paper") -> Done:
    response = survey.record(session, answers, answered_on=answered_on, team=team, round_=round_, source=source)
    return Done(Changes.of(Entity.SURVEY_RESPONSE), response.id)


@operation(Entity.SETTING)
def set_highlights(session: Session, text: str) -> Done:
    """Value: the aliases of the vault found in the text (a warning, not a refusal)."""
    highlights.set_text(session, text)
    return Done(Changes.of(Entity.SETTING), highlights.names_in(session, text))


# The evaluation's editable lists (needs left unmet, questionnaire items): add, rename, retire.
EDITABLE_LISTS = ("unmet_need", "staff_survey")


def _editable(session: Session, item_id: int) -> None:
    item = session.get(CodeItem, item_id)
    if item is None or item.list_name not in EDITABLE_LISTS:
        raise InvalidInput("This item is not part of the evaluation's lists.")


@operation(Entity.CODE_ITEM)
def add_list_item(session: Session, list_name: str, label_fr: str, label_en: str = "") -> Done:
    if list_name not in EDITABLE_LISTS:
        raise InvalidInput("Only the evaluation's lists are edited here.")
    return Done(Changes.of(Entity.CODE_ITEM), codes.add_item(session, list_name, label_fr, label_en=label_en).id)


@operation(Entity.CODE_ITEM)
def rename_list_item(session: Session, item_id: int, label_fr: str) -> Done:
    _editable(session, item_id)
    codes.rename_item(session, item_id, label_fr=label_fr)
    return Done(Changes.of(Entity.CODE_ITEM), item_id)


@operation(Entity.CODE_ITEM)
def retire_list_item(session: Session, item_id: int, retired: bool = True) -> Done:
    """Retired items are no longer offered; past answers and contacts keep them."""

    _editable(session, item_id)
    codes.retire_item(session, item_id, retired)
    return Done(Changes.of(Entity.CODE_ITEM), item_id)
