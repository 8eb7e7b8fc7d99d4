"""Milieu application core: vault, services, sync, reports, CLI. No widgets here."""
