"""Page flow of a paginated QTextDocument that Qt's layout does not give: keep a heading
with what follows it. (Repeating a table's header row is Qt's own: ``<thead>``.)"""
from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextBlockFormat, QTextCursor, QTextDocument

MIN_DATA_ROWS = 2  # a table starts on its heading's page only with its header and this many rows


def _page(y: float, page_height: float) -> int:
    return int(y // page_height)


def _table_start_bottom(doc: QTextDocument, cursor: QTextCursor) -> float | None:
    """Bottom of a table's header row and first rows: the part that must follow its heading."""
    table = cursor.currentTable()
    if table is None:
        return None
    header = table.format().headerRowCount()
    row = min(header + MIN_DATA_ROWS - 1, table.rows() - 1)
    bottom = 0.0
    layout = doc.documentLayout()
    for column in range(table.columns()):
        block = table.cellAt(row, column).lastCursorPosition().block()
        bottom = max(bottom, layout.blockBoundingRect(block).bottom())
    return bottom


def _is_image(block: QTextBlock) -> bool:
    fragments = block.begin()
    while not fragments.atEnd():
        if fragments.fragment().charFormat().isImageFormat():
            return True
        fragments += 1
    return False


def _follower_bottom(doc: QTextDocument, heading: QTextBlock) -> float | None:
    """Where the content a heading introduces (a chart and its table's start, a table's start,
    a paragraph's first line) ends; None when nothing follows."""
    block = heading.next()
    if not block.isValid():
        return None
    layout = doc.documentLayout()
    table_end = _table_start_bottom(doc, QTextCursor(block))
    if table_end is not None:
        return table_end
    if _is_image(block) and block.next().isValid():  # a chart, then its table: one section
        table_end = _table_start_bottom(doc, QTextCursor(block.next()))
        if table_end is not None:
            return table_end
    rect = layout.blockBoundingRect(block)
    lines = block.layout()
    if lines is not None and lines.lineCount():
        return rect.top() + lines.lineAt(0).rect().bottom()
    return rect.bottom()


def keep_headings_with_next(doc: QTextDocument, page_height: float) -> int:
    """Start a new page at each heading whose following content would begin on the next
    page (a heading stranded at a page's foot). Returns how many breaks were added."""
    if page_height <= 0:
        return 0
    layout = doc.documentLayout()
    added = 0
    block = doc.begin()
    while block.isValid():
        fmt = block.blockFormat()
        if fmt.headingLevel() and not fmt.pageBreakPolicy() & QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore:
            top = layout.blockBoundingRect(block).top()
            end = _follower_bottom(doc, block)
            at_page_top = top - _page(top, page_height) * page_height < 1
            if end is not None and not at_page_top and _page(top, page_height) != _page(end - 1, page_height):
                fmt.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).setBlockFormat(fmt)
                # Lay out again all that follows: Qt's incremental relayout of a format change
                # leaves later blocks placed but without lines (they would print nothing).
                doc.markContentsDirty(block.position(), doc.characterCount() - block.position())
                added += 1
        block = block.next()
    return added
