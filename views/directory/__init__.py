"""Répertoire: the referral directory's screens, the referral picker and the printed slip."""
