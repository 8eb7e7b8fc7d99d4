"""``milieu report --format docx`` and the Bilan's Word export: app.report.docx_export lays
the document out; this module paints its charts with the same QtCharts as the PDF."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice

from app.atomic import atomic_write
from app.report.docx_export import to_docx
from app.report.model import Report, Table
from views.activity import charts
from views.activity.report_pdf import ensure_app

PX_PER_CM = 96 / 2.54


def _png(table: Table, width_cm: float, height_cm: float, outside: bool, lang: str) -> bytes | None:
    if not charts.has_chart(table, outside):
        return None
    width = int(width_cm * PX_PER_CM)
    height = max(int(height_cm * PX_PER_CM), charts.preferred_height(table, outside)) \
        if table.key in charts.HORIZONTAL else int(height_cm * PX_PER_CM)
    image = charts.render_image(charts.build_chart(table, lang, outside=outside, font_size=8), width, height,
                                scale=1.5)
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG", 80)  # light compression: zlib's default level costs most of the export's time
    return bytes(buf.data())


def write_docx(report: Report, path: Path, outside: bool = True) -> Path:
    ensure_app()
    data = to_docx(report, outside=outside,
                   chart=lambda table, w, h: _png(table, w, h, outside, report.lang))
    atomic_write(Path(path), data)
    return Path(path)
