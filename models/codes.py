"""Editable code lists: contact types, themes, places, age brackets, groups...

The database and bundles store the stable ``code``; screens show the label in
the user's language. Items are renamed or retired, never deleted, so old
records keep a meaning.
"""
from __future__ import annotations

from sqlalchemy import Boolean, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, SyncMixin

# Names of the lists (CodeItem.list_name).
CONTACT_TYPE = "contact_type"
THEME = "theme"
PLACE = "place"
AGE_BRACKET = "age_bracket"
GENDER = "gender"
LANGUAGE = "language"
GROUP = "group"
INITIATOR = "initiator"
CONSENT = "consent"
UNMET_NEED = "unmet_need"  # what was asked for and could not be obtained (issue 13)
STAFF_SURVEY = "staff_survey"  # items of the staff questionnaire (issue 13)

LISTS = (CONTACT_TYPE, THEME, PLACE, AGE_BRACKET, GENDER, LANGUAGE, GROUP, INITIATOR, CONSENT, UNMET_NEED, STAFF_SURVEY)

# CodeItem.category of places: reports split library floor and street work.
PLACE_LIBRARY = "library"
PLACE_STREET = "street"
PLACE_OTHER = "other"


class CodeItem(SyncMixin, Base):
    __tablename__ = "code_item"
    __table_args__ = (UniqueConstraint("list_name", "code", name="uq_code_item_list_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    list_name: Mapped[str] = mapped_column(String(32))
    code: Mapped[str] = mapped_column(String(40))
    label_fr: Mapped[str] = mapped_column(String(120))
    label_en: Mapped[str] = mapped_column(String(120), default="")
    category: Mapped[str] = mapped_column(String(20), default="")  # e.g. place kind
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)

    def label(self, lang: str = "fr") -> str:
        if lang.startswith("en") and self.label_en:
            return self.label_en
        return self.label_fr
