"""The demo generator's invented words and proportions (aliases, supplies, types, notes...):
fictional, never a real person's details."""
from __future__ import annotations

MEN = [
    "Marc", "Luc", "Guy", "Réjean", "Sylvain", "Benoît", "Gilles", "Jacques", "Normand", "Denis", "Stéphane",
    "Mathieu", "François", "Yvon", "Gaétan", "Richard", "Pierre", "Jean-Guy", "Michel", "Alain", "Serge",
    "Éric", "Patrice", "Kevin", "Jonathan", "Maxime", "Samuel", "Olivier", "Hugo", "Raymond", "Ghislain",
    "Bruno", "Carl", "Dany", "Frédéric", "Mario", "Réal", "Roger", "Yves", "André",
]
WOMEN = [
    "Julie", "Élodie", "Sylvie", "Josée", "Chantal", "Nathalie", "Manon", "Karine", "Mélanie", "Isabelle",
    "Geneviève", "Lise", "Ginette", "Francine", "Carole", "Émilie", "Audrey", "Marie-Ève", "Sophie", "Line",
    "Nancy", "Annie", "Valérie", "Martine",
]
# Height and familiar forms only: no descriptor of body size or age (non-stigmatising names).
QUALIFIERS = {"m": ["Grand", "Petit", "P'tit"], "f": ["Grande", "Petite", "P'tite"]}
ITEMS = [  # noun, grammatical gender (m/f), plural
    ("casquette", "f", False), ("tuque", "f", False), ("sac à dos", "m", False), ("manteau", "m", False),
    ("foulard", "m", False), ("chemise à carreaux", "f", False), ("veste", "f", False), ("bottes", "f", True),
    ("lunettes", "f", True), ("chapeau", "m", False), ("béret", "m", False), ("coton ouaté", "m", False),
    ("imperméable", "m", False), ("sacoche", "f", False),
]
COLOURS = [  # masculine, feminine (plural adds an s unless invariable)
    ("rouge", "rouge"), ("vert", "verte"), ("bleu", "bleue"), ("noir", "noire"), ("jaune", "jaune"),
    ("orange", "orange"), ("gris", "grise"), ("brun", "brune"), ("mauve", "mauve"), ("blanc", "blanche"),
]
INVARIABLE = {"orange", "gris"}
TRAITS = [
    "à la guitare", "aux chats", "du parc", "de la gare", "aux mots croisés", "au vélo", "aux échecs",
    "du dépanneur", "aux journaux", "au chien", "des bandes dessinées", "du terminus", "aux écouteurs",
    "à la planche", "du banc", "aux livres d'histoire",
]

SUPPLIES = [  # name, unit, low-stock level, winter item
    ("Barres tendres", "", 20, False),
    ("Bas", "paire", 10, True),
    ("Bouteilles d'eau", "", 12, False),
    ("Trousses d'hygiène", "", 5, False),
    ("Tuques", "", 5, True),
    ("Mitaines", "paire", 5, True),
    ("Couvertures", "", 3, True),
    ("Sacs de couchage", "", 2, True),
    ("Billets d'autobus", "", 10, False),
]

TYPES = [("listening", 40), ("awareness", 14), ("referral", 12), ("accompaniment", 8), ("mediation", 5), ("crisis", 3)]
THEMES = [
    ("housing", 18), ("mental_health", 16), ("substance_use", 12), ("economic_hardship", 12),
    ("social_exclusion", 10), ("food", 8), ("physical_health", 6), ("family", 5), ("violence", 3),
    ("justice", 4), ("addiction", 4), ("immigration", 2), ("deviance", 2),
]
PLACES = [
    ("lib_entrance", 16), ("lib_adults", 20), ("lib_computers", 16), ("lib_reading", 8), ("lib_youth", 3),
    ("lib_washrooms", 3), ("lib_outside", 9), ("street_downtown", 20), ("elsewhere", 5),
]
DURATIONS = [(5, 20), (10, 25), (15, 20), (20, 12), (30, 12), (45, 6), (60, 5)]
INITIATORS = [("person", 45), ("worker", 40), ("staff", 15)]
AGES = [("age_under_18", 4), ("age_18_24", 12), ("age_25_34", 20), ("age_35_49", 26), ("age_50_64", 24), ("age_65_plus", 6), (None, 8)]
LANGS = [(("fr",), 85), (("fr", "en"), 8), (("en",), 3), (("es", "fr"), 2), (("ar", "fr"), 1), (("uk",), 1)]
GROUPS = [("single_parent", 4), ("newcomer", 4), ("refugee", 1), ("youth", 3), ("senior", 3)]
NOTES = [
    "", "", "", "",
    "Parle de sa recherche de logement.",
    "Inquiet pour son chèque du mois.",
    "Bonne humeur, a demandé des nouvelles des ateliers.",
    "Orientée vers la banque alimentaire.",
    "A besoin d'aide pour remplir un formulaire.",
    "Fatigue importante, a dormi dehors.",
    "Souhaite reprendre contact avec un organisme.",
    "Discussion sur le respect des autres usagers.",
    "Demande où faire laver ses vêtements.",
    "Rendez-vous médical à venir, veut être accompagné.",
    "Tension avec un autre usager, calmée par la discussion.",
]
