"""Import every operation module, so the registry lists every operation (tests, docs)."""
from app.ops import privacy, supplies  # noqa: F401
from app.ops import activity, directory, report, settings, sync  # noqa: F401
