"""The weekly bundle: keys, canonical payload, signed and encrypted envelope,
export on the worker's side and verify/import on La Piaule's (coordination) side.

The format is specified in docs/bundle-format.md; tests/vectors/ holds its test vectors.
"""
