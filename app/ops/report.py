"""Report export: the figures of a period written to a CSV or Excel file (French, small counts hidden
unless asked). It writes a file, never the vault; it runs on the writer thread like every operation
so that a years-long period does not freeze the window."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from app.ops.changes import NOTHING, Done
from app.ops.registry import operation
from app.report import export
from app.report.period import Period
from app.report.reads import compute

TABLE_FORMATS = ("csv", "xlsx")


@operation()
def export_tables(session: Session, coordination_mode: bool, p: Period, peer_id: int | None, fmt: str,
                  path: Path, *, outside: bool = True, lang: str = "fr", baseline: Period | None = None) -> Done:
    """Compute the report then write it as ``fmt`` (csv or xlsx) at ``path``; value: the path."""
    if fmt not in TABLE_FORMATS:
        raise ValueError(f"Unknown report format {fmt!r}.")
    report = compute(session, coordination_mode, p, peer_id, lang=lang, baseline=baseline)
    return Done(NOTHING, export.write(report, Path(path), fmt, outside=outside))
