"""A real, temporary PostgreSQL server for the coordination tests: initdb + pg_ctl on
127.0.0.1 and a free port, password authentication (the password comes from a
PGPASSFILE, as a supervisor's would), run as a non-root user when the tests run as
root (PostgreSQL refuses root). Missing server binaries skip, except under CI=true,
where they fail: CI installs PostgreSQL (./dev test)."""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

USER = "milieu"
PASSWORD = "test-only-password"
OWNER = "postgres"  # who runs the server when the tests run as root


def _binaries() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4]))
    return Path(versions[-1]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, root: Path | None = None):
        """A new cluster in a temporary folder; with ``root``, the cluster kept there by an
        earlier run (benchmarks' --keep), started again on its port, or made there once."""
        bindir = _binaries()
        if bindir is None:
            message = "PostgreSQL server binaries (initdb, pg_ctl) are not installed"
            if os.environ.get("CI") == "true":
                pytest.fail(message + ": CI must run the coordination tests on PostgreSQL too.")
            pytest.skip(message)
        self.kept = root is not None
        self.root = Path(root) if root is not None else Path(tempfile.mkdtemp(prefix="milieu-pg-"))
        self.root.mkdir(parents=True, exist_ok=True)
        self.data = self.root / "data"
        again = (self.root / "port").exists() and self.data.exists()
        self.port = int((self.root / "port").read_text()) if again else _free_port()
        self.prefix: list[str] = []
        if os.geteuid() == 0:
            if not _has_user(OWNER):  # the Debian package makes it; else a dedicated system user
                subprocess.run(["useradd", "--system", "--no-create-home", OWNER], check=True, capture_output=True)
            owner = pwd.getpwnam(OWNER)
            os.chown(self.root, owner.pw_uid, owner.pw_gid)
            self.prefix = ["runuser", "-u", OWNER, "--"]
        pwfile = self.root / "pw"
        pwfile.write_text(PASSWORD)
        if self.prefix:
            os.chown(pwfile, pwd.getpwnam(OWNER).pw_uid, -1)
        if not again:
            self._run(str(bindir / "initdb"), "-D", str(self.data), "-U", USER, "-A", "scram-sha-256",
                      f"--pwfile={pwfile}", "--no-sync", "-E", "UTF8", "--locale=C")
            (self.root / "port").write_text(str(self.port))
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root} -c fsync=off -c max_connections=40"
        self._run(str(bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"), "-o", options,
                  "-w", "start")
        self.bindir = bindir
        self.passfile = Path(tempfile.mkdtemp(prefix="milieu-pgpass-")) / "pgpass"
        self.passfile.write_text(f"127.0.0.1:{self.port}:*:{USER}:{PASSWORD}\n")
        os.chmod(self.passfile, 0o600)
        self._count = len(list((self.root / "databases").glob("*"))) if again else 0

    def _run(self, *argv: str) -> None:
        subprocess.run(self.prefix + list(argv), check=True, capture_output=True, cwd=self.root)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A fresh, empty database; its URL (no password: that is in the PGPASSFILE)."""
        import psycopg

        self._count += 1
        name = f"coord_{self._count}"
        if self.kept:
            (self.root / "databases").mkdir(exist_ok=True)
            (self.root / "databases" / name).touch()
        with psycopg.connect(host="127.0.0.1", port=self.port, user=USER, password=PASSWORD,
                             dbname="postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "fast" if self.kept else "immediate",
                      "stop")
        finally:
            if not self.kept:
                shutil.rmtree(self.root, ignore_errors=True)
            shutil.rmtree(self.passfile.parent, ignore_errors=True)


def _has_user(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False
