"""The migrations build exactly the schema the models describe."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

import models
from app import schema


def test_migrated_schema_equals_models(vault):
    with vault.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), models.Base.metadata)
    assert diff == []
    assert schema.SchemaState(vault.engine).up_to_date
    with vault.engine.connect() as conn:
        applied = schema.applied_revisions(schema.database_heads(conn))
    assert applied == schema.known_revisions()
