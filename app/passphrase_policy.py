"""The one passphrase policy (CLI init, passwd, coordination init, the GUI's screens).

A passphrase is accepted with at least MIN_LENGTH characters and a strength score of
at least MIN_SCORE. The estimate below is also the GUI's live feedback.

Counts bits from the character classes used, discounts repeated characters and
runs (aaaa, 1234), and credits passphrases made of several words. It guides the
worker toward a long phrase; it is not a cracking-time oracle.
"""
from __future__ import annotations

import math

from app.errors import InvalidInput

MIN_LENGTH = 10
MIN_SCORE = 1  # "weak" or better: refuses 1234567890, password12, aaaaaaaaaa
# Bits needed for scores 1..4 (weak, fair, good, strong).
THRESHOLDS = (28, 45, 60, 80)


def _pool(text: str) -> int:
    pool = 0
    if any(c.islower() for c in text):
        pool += 26
    if any(c.isupper() for c in text):
        pool += 26
    if any(c.isdigit() for c in text):
        pool += 10
    if any(not c.isalnum() for c in text):
        pool += 33
    return max(pool, 1)


def _effective_length(text: str) -> float:
    """Length where repeats and steady runs (aaa, abc, 123) count for little."""
    length = 0.0
    for i, c in enumerate(text):
        if i >= 2 and (
            (text[i - 1] == c and text[i - 2] == c)
            or (ord(c) - ord(text[i - 1]) == ord(text[i - 1]) - ord(text[i - 2]) and abs(ord(c) - ord(text[i - 1])) <= 1)
        ):
            length += 0.25
        else:
            length += 1.0
    distinct = len(set(text))
    return min(length, distinct * 3.0)


def estimate_bits(text: str) -> float:
    if not text:
        return 0.0
    # Human-chosen text carries about half the entropy of random characters.
    bits = 0.5 * _effective_length(text) * math.log2(_pool(text))
    words = [w for w in text.replace("-", " ").replace(".", " ").split() if len(w) >= 3]
    if len(words) >= 4:
        bits = max(bits, len(words) * 11.0)
    return bits


def score(text: str) -> int:
    """0 (too short or very weak) .. 4 (strong)."""
    if len(text) < MIN_LENGTH:
        return 0
    bits = estimate_bits(text)
    return sum(bits >= t for t in THRESHOLDS)


TOO_SHORT = f"The passphrase needs at least {MIN_LENGTH} characters."
TOO_WEAK = "The passphrase is too easy to guess; use several unrelated words."


def problem(passphrase: str) -> str:
    """Why ``passphrase`` is refused, in one sentence; "" when it is accepted."""
    if len(passphrase) < MIN_LENGTH or not passphrase.strip():
        return TOO_SHORT
    if score(passphrase) < MIN_SCORE:
        return TOO_WEAK
    return ""


def require(passphrase: str) -> None:
    """Raise InvalidInput (exit 9) for a passphrase the policy refuses."""
    why = problem(passphrase)
    if why:
        raise InvalidInput(why)
