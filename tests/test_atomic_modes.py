"""Files the app writes through a path are owner-only from their first byte, not only once complete."""
from __future__ import annotations

import os
import stat

from app.atomic import atomic_path


def test_a_path_writer_never_exposes_its_content_to_others(tmp_path):
    old_umask = os.umask(0o022)  # a usual desktop umask: new files readable by all
    try:
        target = tmp_path / "rapport.pdf"
        with atomic_path(target) as tmp:
            with open(tmp, "wb") as fh:  # as QPdfWriter or VACUUM INTO open it
                fh.write(b"%PDF-1.4 contenu")
                assert stat.S_IMODE(os.fstat(fh.fileno()).st_mode) & 0o077 == 0
    finally:
        os.umask(old_umask)
    assert target.read_bytes() == b"%PDF-1.4 contenu"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.pdf"]
