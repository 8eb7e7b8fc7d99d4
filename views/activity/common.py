"""Labels and small helpers of the activity screens."""
from __future__ import annotations

from views import vocabulary
from views.vocabulary import level_text  # noqa: F401 - "3 – name", as the report writes a level
from views.floor.common import ui_language


def one_decimal(value: float) -> str:
    """A figure with one decimal, with a decimal comma in French (2,5 h)."""
    return f"{value:.1f}".replace(".", "," if ui_language() == "fr" else ".")


def responder_labels() -> dict[str, str]:
    return vocabulary.labels(vocabulary.CONFLICT_RESPONDER)


def outcome_labels() -> dict[str, str]:
    return vocabulary.labels(vocabulary.CONFLICT_OUTCOME)


def intensity_levels() -> dict[int, tuple[str, str]]:
    """Level -> (name, what it looks like): shown in the form so every entry means the same."""
    hints = vocabulary.labels(vocabulary.CONFLICT_INTENSITY_HINT)
    return {level: (name, hints[level]) for level, name in vocabulary.labels(vocabulary.CONFLICT_INTENSITY).items()}


def support_kind_labels() -> dict[str, str]:
    return vocabulary.labels(vocabulary.STAFF_SUPPORT_KIND)


def party_labels() -> dict[str, str]:
    return vocabulary.labels(vocabulary.CONFLICT_PARTIES)
