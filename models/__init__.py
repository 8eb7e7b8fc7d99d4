"""SQLAlchemy 2 declarative models: the data, nothing else.

Importing this package registers every table on ``Base.metadata`` (alembic and
tests rely on it), so each model module is imported here.
"""
from models.base import Base, SyncMixin, utcnow
from models.core import AuditEvent, Draft, Setting
from models.history import RecordVersion

__all__ = ["Base", "SyncMixin", "utcnow", "AuditEvent", "Draft", "Setting", "RecordVersion"]
