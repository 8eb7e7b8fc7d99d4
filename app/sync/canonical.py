"""Canonical JSON: the same data always gives the same bytes (docs/bundle-format.md, section 5).

Rules: UTF-8; objects with ASCII keys sorted by code point; no insignificant
whitespace; only strings, integers (|n| <= 2**53 - 1), booleans, null, arrays and
objects (no floats); strings escaped as RFC 8785 (JCS) does. For this subset the
output is byte-identical to JCS.
"""
from __future__ import annotations

import json
import re
import zlib

MAX_SAFE_INT = 2**53 - 1
KEY_RE = re.compile(r"^[a-z0-9_]{1,64}$")


class NotCanonical(ValueError):
    """The value or the bytes do not follow the canonical rules."""


_VALID_KEYS: set[str] = set()


def _check(value, depth: int = 0) -> None:
    kind = type(value)
    if kind is str or kind is bool or value is None:
        return  # unpaired surrogates are caught when encoding to UTF-8
    if kind is int:
        if -MAX_SAFE_INT <= value <= MAX_SAFE_INT:
            return
        raise NotCanonical("integer out of range")
    if depth >= 32:
        raise NotCanonical("nesting deeper than 32 levels")
    if kind is list:
        for item in value:
            _check(item, depth + 1)
        return
    if kind is dict:
        for key, item in value.items():
            if key not in _VALID_KEYS:
                if not isinstance(key, str) or not KEY_RE.match(key):
                    raise NotCanonical(f"object key {key!r} is not allowed")
                if len(_VALID_KEYS) < 4096:  # the schema's field names; bounded against odd input
                    _VALID_KEYS.add(key)
            _check(item, depth + 1)
        return
    raise NotCanonical(f"type {kind.__name__} is not allowed")


def encode(value) -> bytes:
    """The canonical bytes of ``value`` (raises NotCanonical for anything outside the subset)."""
    _check(value)
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        raise NotCanonical("string is not valid Unicode") from None


def _no_floats(text: str):
    raise NotCanonical("non-integer number")


def _unique_keys(pairs):
    result = {}
    for key, item in pairs:
        if key in result:
            raise NotCanonical(f"duplicate key {key!r}")
        result[key] = item
    return result


def decode(data: bytes):
    """Parse canonical bytes; refuse anything that would not re-encode to the same bytes."""
    try:
        text = data.decode("utf-8")
        value = json.loads(
            text,
            parse_float=_no_floats,
            parse_constant=_no_floats,
            object_pairs_hook=_unique_keys,
        )
    except NotCanonical:
        raise
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise NotCanonical(f"not valid JSON ({type(exc).__name__})") from None
    if encode(value) != data:
        raise NotCanonical("JSON is valid but not in canonical form")
    return value


def compress(data: bytes) -> bytes:
    """zlib (RFC 1950) at level 6; any conforming zlib stream is accepted when reading."""
    return zlib.compress(data, 6)


def decompress(data: bytes, limit: int) -> bytes:
    """Inflate at most ``limit`` bytes; a longer output, trailing bytes or a broken stream raise."""
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as exc:
        raise NotCanonical(f"compressed payload is damaged ({exc})") from None
    if len(out) > limit or inflater.unconsumed_tail:
        raise NotCanonical("payload is larger than the allowed size")
    if not inflater.eof:
        raise NotCanonical("compressed payload is incomplete")
    if inflater.unused_data:
        raise NotCanonical("bytes after the end of the compressed payload")
    return out
