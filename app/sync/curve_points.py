"""Strict checks of raw public keys (docs/bundle-format.md, section 3).

``cryptography`` accepts any 32 bytes as an Ed25519 public key and defers the check
to verification; a key file must be refused at once when its key is not a point.
"""
from __future__ import annotations

P = 2**255 - 19
D = (-121665 * pow(121666, P - 2, P)) % P
SQRT_M1 = pow(2, (P - 1) // 4, P)


def ed25519_point_is_valid(raw: bytes) -> bool:
    """RFC 8032 5.1.3 decoding: y canonical (< p), x recoverable, and not "-0"."""
    if len(raw) != 32:
        return False
    y = int.from_bytes(raw, "little") & ((1 << 255) - 1)
    sign = raw[31] >> 7
    if y >= P:  # non-canonical: y = p + k encodes the same point as k
        return False
    u, v = (y * y - 1) % P, (D * y * y + 1) % P
    x = (u * pow(v, 3, P) * pow(u * pow(v, 7, P), (P - 5) // 8, P)) % P
    check = (v * x * x) % P
    if check == (-u) % P:
        x = (x * SQRT_M1) % P
    elif check != u:
        return False  # no square root: not on the curve
    return not (x == 0 and sign == 1)


def x25519_key_is_canonical(raw: bytes) -> bool:
    """RFC 7748 u-coordinate: top bit clear (it is masked on use) and u < p."""
    return len(raw) == 32 and raw[31] & 0x80 == 0 and int.from_bytes(raw, "little") < P
