"""Import every operation module, so the registry lists every operation (tests, docs)."""
from app.ops import codes, privacy, supplies  # noqa: F401
