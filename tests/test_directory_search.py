"""Search as you type: accents, prefixes, ranking, filters, the index kept in sync with edits."""
from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from app.directory import services
from app.directory.hsds_import import import_file
from app.directory.sample import SAMPLE_DIRECTORY
from app.directory.search import SearchFilters, category_choices, match_expression, search_services
from models.directory import DirService

SHELTER = "Refuge de nuit Le Phare"
FOOD_BANK = "Comptoir alimentaire Le Grenier"
CLINIC = "Clinique de santé Le Carrefour"


@pytest.fixture
def directory(vault):
    with vault.session() as s:
        import_file(s, SAMPLE_DIRECTORY)
    return vault


def names(vault, query, filters=None, now=None):
    with vault.session() as s:
        return [h.name for h in search_services(s, query, filters, now=now)]


def test_search_ignores_accents_both_ways(directory):
    assert SHELTER in names(directory, "hebergement")
    assert SHELTER in names(directory, "HÉBERGEMENT")
    assert "Hébergement pour femmes victimes de violence" in names(directory, "hébérgément")


def test_each_word_is_a_prefix_and_all_words_must_match(directory):
    assert FOOD_BANK in names(directory, "comp")
    assert names(directory, "comptoir alim") == [FOOD_BANK]
    assert names(directory, "comptoir xyzzy") == []


def test_a_name_match_ranks_before_a_description_match(directory):
    # "soupe" is in the soup kitchen's organisation name and in the shelter's description only
    # through "souper"; "repas" is in one name and in another service's description.
    ranked = names(directory, "repas")
    assert ranked[0] == "Repas communautaires La Bonne Assiette"
    ranked = names(directory, "hébergement")
    assert ranked[0] == "Hébergement pour femmes victimes de violence"  # in its name
    assert ranked.index(SHELTER) < ranked.index("Intervention de crise Le Relais")  # category beats description


def test_categories_organisations_and_local_notes_are_searched(directory):
    assert CLINIC in names(directory, "santé physique")       # category
    assert FOOD_BANK in names(directory, "grenier")             # organisation and name
    assert SHELTER in names(directory, "intoxiquées")           # local note
    assert CLINIC in names(directory, "arabe")                  # local note ("parle arabe")


def test_query_syntax_is_inert(directory):
    for query in ['"', "NEAR(a b)", "a OR", "*", "-", "name:x", "'; DROP TABLE dir_service; --"]:
        names(directory, query)  # no error
    assert match_expression("  ") is None
    assert match_expression("d'urgence") == '"d"* "urgence"*'


def test_filters_free_walk_in_language_category(directory):
    walk_in = names(directory, "", SearchFilters(walk_in=True))
    assert FOOD_BANK in walk_in and CLINIC not in walk_in
    assert "Vêtements à petit prix et dépannage vestimentaire" not in names(directory, "", SearchFilters(free=True))
    assert names(directory, "clinique", SearchFilters(language="ar")) == [CLINIC]
    assert names(directory, "clinique", SearchFilters(language="uk")) == []
    with directory.session() as s:
        food = next(cid for cid, name, _n in category_choices(s) if name == "Alimentation")
    assert sorted(names(directory, "", SearchFilters(category_id=food))) == [
        FOOD_BANK, "Repas communautaires La Bonne Assiette",
    ]


def test_empty_query_lists_everything_by_name_ignoring_accents(directory):
    listed = names(directory, "")
    assert len(listed) == 15
    assert listed.index("Hébergement pour femmes victimes de violence") < listed.index("Information juridique gratuite")


def test_open_now_filter_around_midnight(directory):
    thursday_night = datetime(2026, 11, 26, 23, 30)
    friday_dawn = datetime(2026, 11, 27, 6, 59)
    friday_morning = datetime(2026, 11, 27, 7, 0)
    assert SHELTER in names(directory, "", SearchFilters(open_now=True), now=thursday_night)
    assert SHELTER in names(directory, "", SearchFilters(open_now=True), now=friday_dawn)
    assert SHELTER not in names(directory, "", SearchFilters(open_now=True), now=friday_morning)
    # The food bank takes walk-ins Tuesday and Thursday 13:00-16:00, and closes for the holidays.
    assert FOOD_BANK in names(directory, "", SearchFilters(open_now=True), now=datetime(2026, 11, 26, 13, 0))
    assert FOOD_BANK not in names(directory, "", SearchFilters(open_now=True), now=datetime(2026, 11, 26, 16, 0))
    assert FOOD_BANK not in names(directory, "", SearchFilters(open_now=True), now=datetime(2026, 12, 29, 14, 0))
    with directory.session() as s:
        [hit] = search_services(s, "refuge", now=friday_dawn)
    assert hit.open_now is True
    # The clinic closes on public holidays: Christmas 2026 is a Friday.
    assert CLINIC in names(directory, "clinique", SearchFilters(open_now=True), now=datetime(2026, 12, 24, 10, 0))
    assert names(directory, "clinique", SearchFilters(open_now=True), now=datetime(2026, 12, 25, 10, 0)) == []


def test_local_edit_and_added_service_are_found_at_once(directory):
    with directory.session() as s:
        shelter = s.scalars(select(DirService).where(DirService.name == SHELTER)).one()
        data = services.ServiceInput(name=SHELTER, local_notes="Casiers pour les vélos")
        services.update_service(s, shelter.id, data)
        services.add_service(s, services.ServiceInput(
            name="Popote roulante Saint-Exemple", organization="Bénévoles du quartier",
            categories=["Alimentation"], hours=[services.HoursPeriod((0, 2, 4), "11:00", "13:00")],
            phone="819-555-0150", is_free=True,
        ))
    assert names(directory, "velos") == [SHELTER]
    assert names(directory, "intoxiquées") == ["Site de réduction des méfaits Point de repère"]  # old note gone
    assert names(directory, "popote") == ["Popote roulante Saint-Exemple"]
    assert "Popote roulante Saint-Exemple" in names(directory, "benevoles")
    monday_noon = datetime(2026, 11, 23, 12, 0)
    assert "Popote roulante Saint-Exemple" in names(directory, "alim", SearchFilters(open_now=True), now=monday_noon)


def test_index_is_rebuilt_when_missing(directory):
    with directory.session() as s:
        s.connection().exec_driver_sql("DROP TABLE dir_service_fts")
    assert SHELTER in names(directory, "refuge")
