"""Referral directory: HSDS import/export, search as you type, hours, referrals.

No Qt here: views/directory/ shows it, app/commands/directory.py runs it headless.
"""
