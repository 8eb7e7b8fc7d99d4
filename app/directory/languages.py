"""Names of the languages a service may be offered in, as stored in the directory (French)."""
from __future__ import annotations

# ISO 639-1 codes common in Centre-du-Québec services and among newcomers.
NAMES = {
    "fr": "Français", "en": "Anglais", "es": "Espagnol", "ar": "Arabe", "fa": "Persan",
    "prs": "Dari", "ps": "Pachto", "uk": "Ukrainien", "ru": "Russe", "zh": "Chinois",
    "vi": "Vietnamien", "pt": "Portugais", "ht": "Créole haïtien", "sw": "Swahili",
    "rw": "Kinyarwanda", "ti": "Tigrigna", "so": "Somali", "ur": "Ourdou", "hi": "Hindi",
    "tl": "Tagalog", "asl": "Langue des signes (ASL)", "lsq": "Langue des signes québécoise (LSQ)",
    "atj": "Atikamekw", "abe": "Abénakis",
}


def language_name(code: str) -> str:
    return NAMES.get(code.strip().lower(), code.strip())
