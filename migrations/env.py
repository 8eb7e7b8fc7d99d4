"""Alembic environment: always called with an open connection from app.schema."""
from alembic import context

import models

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - offline SQL generation is not supported
    raise RuntimeError("Milieu runs migrations programmatically with an open connection.")

context.configure(
    connection=connection,
    target_metadata=models.Base.metadata,
    render_as_batch=True,  # SQLite needs table rebuilds for most ALTERs
)
with context.begin_transaction():
    context.run_migrations()
