"""Envois (worker) and coordination (La Piaule) screens for the weekly bundle (issue 5)."""
