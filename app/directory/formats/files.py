"""Where a directory's files come from: a folder or a .zip, read the same way."""
from __future__ import annotations

import zipfile
from pathlib import Path, PurePosixPath

from app.directory.records import UnreadableDirectoryFile

MAX_ZIP_MEMBER = 512 * 1024 * 1024  # a zip bomb is refused, not unpacked


class Files:
    """Files under a root, by relative POSIX path ("data/services.csv")."""

    def __init__(self, label: str, names: list[str], opener):
        self.label = label
        self._names = names
        self._open = opener

    @classmethod
    def folder(cls, folder: Path) -> "Files":
        names = sorted(
            p.relative_to(folder).as_posix() for p in folder.rglob("*")
            if p.is_file() and len(p.relative_to(folder).parts) <= 3
        )
        return cls(folder.name, names, lambda name: (folder / name).read_bytes())

    @classmethod
    def zip(cls, path: Path) -> "Files":
        try:
            archive = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError):
            raise UnreadableDirectoryFile(f"{path.name} is not a readable .zip file.") from None
        members = {i.filename: i for i in archive.infolist() if not i.is_dir() and "__MACOSX" not in i.filename}

        def read(name: str) -> bytes:
            info = members[name]
            if info.file_size > MAX_ZIP_MEMBER:
                raise UnreadableDirectoryFile(f"{name} in {path.name} is too large to read.")
            try:
                return archive.read(info)
            except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
                raise UnreadableDirectoryFile(f"{name} in {path.name} cannot be read ({exc}).") from None
        return cls(path.name, sorted(members), read)

    def names(self) -> list[str]:
        return list(self._names)

    def read_bytes(self, name: str) -> bytes:
        return self._open(name)

    def read_text(self, name: str) -> str:
        try:
            return self.read_bytes(name).decode("utf-8-sig")
        except UnicodeDecodeError:
            raise UnreadableDirectoryFile(f"{PurePosixPath(name).name} is not UTF-8 text.") from None

    def find(self, base: str) -> list[str]:
        """Paths whose file name is ``base`` (any folder), shallowest first."""
        hits = [n for n in self._names if PurePosixPath(n).name.lower() == base.lower()]
        return sorted(hits, key=lambda n: (n.count("/"), n))
