"""The printed referral slip: a real PDF, in French with its accents, and nothing about the person."""
from __future__ import annotations

import unicodedata
from datetime import date

import pypdf
import pytest
from sqlalchemy import select

from app.directory.sample import import_sample
from app.directory.services import service_detail
from models.directory import DirService
from views.directory.slip import write_slip_pdf


def pdf_text(path) -> str:
    text = "".join(page.extract_text() for page in pypdf.PdfReader(str(path)).pages)
    # Ligatures ("ﬁ") back to letters, and the spacing pypdf puts between words.
    return " ".join(unicodedata.normalize("NFKC", text).split())


def detail_of(vault, name):
    with vault.session() as s:
        import_sample(s)
        service_id = s.scalars(select(DirService.id).where(DirService.name == name)).one()
        return service_detail(s, service_id)


def test_slip_renders_to_pdf_in_french_with_accents(vault, tmp_path, french):
    detail = detail_of(vault, "Comptoir alimentaire Le Grenier")
    target = tmp_path / "fiche.pdf"
    write_slip_pdf(detail, target, site="Bibliothèque de test", today=date(2026, 11, 26))
    assert target.read_bytes().startswith(b"%PDF")
    assert target.stat().st_mode & 0o077 == 0
    text = pdf_text(target)
    for expected in (
        "Fiche de référence", "Bibliothèque de test", "Comptoir alimentaire Le Grenier",
        "48, rue du Marché", "Drummondville (QC) J2B 0A2", "819-555-0102", "Heures d'ouverture",
        "Mardi : 13 h à 16 h", "Fermé les jours fériés", "Sans rendez-vous : on peut s'y présenter directement.",
        "Apportez vos sacs réutilisables.", "Informations vérifiées le vendredi 2 octobre 2026.",
    ):
        assert expected in text, expected


def test_slip_of_a_night_shelter_says_when_it_closes(vault, tmp_path, french):
    detail = detail_of(vault, "Refuge de nuit Le Phare")
    target = tmp_path / "refuge.pdf"
    write_slip_pdf(detail, target)
    text = pdf_text(target)
    assert "Tous les jours : 19 h à 7 h (le lendemain)" in text
    # Local notes are the worker's knowledge, not the person's: the slip leaves them out.
    assert "intoxiquées" not in text
