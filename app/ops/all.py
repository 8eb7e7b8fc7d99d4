"""Import every operation module, so the registry lists every operation (tests, docs)."""
from app.ops import codes, directory, privacy, supplies  # noqa: F401
from app.ops import drafts, floor, people, referrals  # noqa: F401
from app.ops import evaluation  # noqa: F401
from app.ops import activity, report, settings, sync  # noqa: F401
from app.ops import backups  # noqa: F401
