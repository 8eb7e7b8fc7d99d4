"""Conflicts, staff support, presence and the "Bilan" page (issue 6)."""
