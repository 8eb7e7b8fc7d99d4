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
from json.decoder import scanstring

MAX_SAFE_INT = 2**53 - 1
KEY_RE = re.compile(r"^[a-z0-9_]{1,64}$")


class NotCanonical(ValueError):
    """The value or the bytes do not follow the canonical rules."""


_VALID_KEYS: set[str] = set()

# A whole bundle is tens of MiB of JSON: one json.dumps or json.loads call on it holds the
# GIL for seconds and freezes the window while the writer thread exports or imports. So
# large values go through the C encoder and scanner in parts of about PIECE nodes (a few
# milliseconds each), and the GIL can pass between parts. The bytes are the same.
PIECE = 20_000
SMALL = 256  # containers up to this many nodes are not remembered (most records)
SPLIT_DEPTH = 2  # decoding: the document and its arrays apart, each record in one call

_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)


def _check(value, depth: int = 0, sizes: dict | None = None) -> int:
    """Refuse anything outside the subset; return the number of nodes of ``value``. In
    ``sizes``, the node count of every container larger than SMALL, by id."""
    kind = type(value)
    if kind is str or kind is bool or value is None:
        return 1  # unpaired surrogates are caught when encoding to UTF-8
    if kind is int:
        if -MAX_SAFE_INT <= value <= MAX_SAFE_INT:
            return 1
        raise NotCanonical("integer out of range")
    if depth >= 32:
        raise NotCanonical("nesting deeper than 32 levels")
    nodes = 1
    if kind is list:
        for item in value:
            nodes += _check(item, depth + 1, sizes)
    elif kind is dict:
        for key, item in value.items():
            if key not in _VALID_KEYS:
                if not isinstance(key, str) or not KEY_RE.match(key):
                    raise NotCanonical(f"object key {key!r} is not allowed")
                if len(_VALID_KEYS) < 4096:  # the schema's field names; bounded against odd input
                    _VALID_KEYS.add(key)
            nodes += 1 + _check(item, depth + 1, sizes)
    else:
        raise NotCanonical(f"type {kind.__name__} is not allowed")
    if sizes is not None and nodes > SMALL:
        sizes[id(value)] = nodes
    return nodes


def _size(value, sizes: dict) -> int:
    if type(value) is list or type(value) is dict:
        return sizes.get(id(value), SMALL)
    return 1


def _text(value, sizes: dict, out: list) -> None:
    """Append the canonical text of ``value`` to ``out``, in parts of at most ~PIECE nodes."""
    if sizes.get(id(value), 0) <= PIECE:
        out.append(_ENCODER.encode(value))
        return
    if type(value) is list:
        members, opening, closing = value, "[", "]"
    else:
        members, opening, closing = sorted(value), "{", "}"
    out.append(opening)
    run: list = []
    weight = 0
    first = True

    def flush():
        nonlocal first
        if run:
            part = _ENCODER.encode(run if opening == "[" else {key: value[key] for key in run})
            out.append(part[1:-1] if first else "," + part[1:-1])
            first = False
            run.clear()

    for member in members:
        item = member if opening == "[" else value[member]
        size = _size(item, sizes)
        if size > PIECE:
            flush()
            if not first:
                out.append(",")
            if opening == "{":
                out.append(_ENCODER.encode(member) + ":")
            _text(item, sizes, out)
            first = False
            weight = 0
            continue
        run.append(member)
        weight += size
        if weight >= PIECE:
            flush()
            weight = 0
    flush()
    out.append(closing)


def _pieces(value):
    """The canonical UTF-8 bytes of ``value``, as a sequence of parts."""
    sizes: dict[int, int] = {}
    _check(value, 0, sizes)
    texts: list[str] = []
    _text(value, sizes, texts)
    texts.reverse()  # popped from the end: each text is freed once encoded
    try:
        while texts:
            yield texts.pop().encode("utf-8")
    except UnicodeEncodeError:
        raise NotCanonical("string is not valid Unicode") from None


def encode(value) -> bytes:
    """The canonical bytes of ``value`` (raises NotCanonical for anything outside the subset)."""
    return b"".join(_pieces(value))


def _no_floats(text: str):
    raise NotCanonical("non-integer number")


def _unique_keys(pairs):
    result = {}
    for key, item in pairs:
        if key in result:
            raise NotCanonical(f"duplicate key {key!r}")
        result[key] = item
    return result


_DECODER = json.JSONDecoder(parse_float=_no_floats, parse_constant=_no_floats, object_pairs_hook=_unique_keys)


class _Shape(Exception):
    """Not the shape the part-by-part reader follows: read it in one call instead."""


def _value(text: str, at: int, depth: int):
    """(value, end) of the JSON value at ``at``; the first levels in Python, the rest in C."""
    opening = text[at]
    if depth >= SPLIT_DEPTH or opening not in "[{":
        try:
            return _DECODER.scan_once(text, at)
        except StopIteration:
            raise _Shape from None
    at += 1
    if opening == "[":
        items: list = []
        if text[at] == "]":
            return items, at + 1
        while True:
            item, at = _value(text, at, depth + 1)
            items.append(item)
            at += 1
            if text[at - 1] == "]":
                return items, at
            if text[at - 1] != ",":
                raise _Shape
    result: dict = {}
    if text[at] == "}":
        return result, at + 1
    while True:
        if text[at] != '"':
            raise _Shape
        key, at = scanstring(text, at + 1)
        if text[at] != ":":
            raise _Shape
        if key in result:
            raise NotCanonical(f"duplicate key {key!r}")
        result[key], at = _value(text, at + 1, depth + 1)
        at += 1
        if text[at - 1] == "}":
            return result, at
        if text[at - 1] != ",":
            raise _Shape


def _loads(text: str):
    try:
        value, end = _value(text, 0, 0)
        if end == len(text):
            return value
    except NotCanonical:
        raise
    except (_Shape, IndexError, ValueError):
        pass
    return _DECODER.decode(text)  # not canonical JSON, or not JSON: the same answer as before


def decode(data: bytes):
    """Parse canonical bytes; refuse anything that would not re-encode to the same bytes."""
    try:
        value = _loads(data.decode("utf-8"))
    except NotCanonical:
        raise
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise NotCanonical(f"not valid JSON ({type(exc).__name__})") from None
    view, at = memoryview(data), 0
    for piece in _pieces(value):
        if view[at : at + len(piece)] != piece:
            raise NotCanonical("JSON is valid but not in canonical form")
        at += len(piece)
    if at != len(data):
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
