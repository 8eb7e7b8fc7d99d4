"""Text folding for search as you type: "Élodie" and "elodie" are the same key."""
from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower case, accents removed, punctuation turned into single spaces.

    >>> fold("Grand Marc, casquette ROUGE — Élodie")
    'grand marc casquette rouge elodie'
    """
    decomposed = unicodedata.normalize("NFKD", text or "")
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = bare.casefold().replace("œ", "oe").replace("æ", "ae").replace("ß", "ss")
    return _NOT_WORD.sub(" ", bare).strip()


def like_escape(text: str) -> str:
    """Escape LIKE wildcards (use with ``escape='\\\\'``)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
