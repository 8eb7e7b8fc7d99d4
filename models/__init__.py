"""SQLAlchemy 2 declarative models: the data, nothing else.

Importing this package registers every table on ``Base.metadata`` (alembic and
tests rely on it), so each model module is imported here.
"""
from models.base import Base, SyncMixin, utcnow
from models.core import AuditEvent, Draft, Setting
from models.history import RecordVersion
from models import codes, people, supplies, contacts  # noqa: F401,E402  (floor tables, issue 3)
from models import directory, referral  # noqa: F401,E402  (directory and referrals, issue 4)
from models import sync  # noqa: F401,E402  (bundles, issue 5)
from models import activity  # noqa: F401,E402  (conflicts, staff support, presence, issue 6)
from models import evaluation  # noqa: F401,E402  (baseline, visits, staff questionnaire, issue 13)
from models import coordination  # noqa: F401,E402  (typed coordination tables, issue 15)
from models import coordination_evaluation  # noqa: F401,E402  (their evaluation part, issue 13)
from models import privacy  # noqa: F401,E402  (Law 25 registers, issue 14)

__all__ = ["Base", "SyncMixin", "utcnow", "AuditEvent", "Draft", "Setting", "RecordVersion"]
