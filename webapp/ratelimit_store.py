"""A rate-limit store the workers of one machine share, with no service to run.

Flask-Limiter's ``memory://`` store lives in one process, so with two gunicorn workers a
client gets two budgets. This store keeps the fixed-window counters in one SQLite file:
``sqlite:////dev/shm/amtoolkit/limits.db`` (``make run`` puts it on the RAM-backed
``/dev/shm`` when there is one, so nothing reaches the disk). Every worker opens its own
connection (SQLite connections must not cross a fork) and each increment is one
transaction, so the counts are exact across processes. Several machines need a shared
server instead: ``RATELIMIT_STORAGE_URI=redis://host:6379``.

Registered with the ``limits`` library under the ``sqlite`` scheme on import.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from pathlib import Path

from limits.storage import Storage

__all__ = ["SQLiteStorage"]

_SCHEMA = "CREATE TABLE IF NOT EXISTS counters (key TEXT PRIMARY KEY, value INTEGER, expiry REAL)"


class SQLiteStorage(Storage):
    """Fixed-window counters in a SQLite file shared by the processes of one machine."""

    STORAGE_SCHEME = ["sqlite"]  # noqa: RUF012 - the limits registry reads this list

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **_: object) -> None:
        super().__init__(uri, wrap_exceptions=wrap_exceptions)
        path = (uri or "").removeprefix("sqlite://")
        if not path.startswith("/"):
            raise ValueError("a sqlite rate-limit store needs an absolute path: sqlite:////path")
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()

    @property
    def base_exceptions(self) -> type[Exception]:
        return sqlite3.Error

    def _db(self) -> sqlite3.Connection:
        """This thread's connection, opened anew in each process."""
        pid = os.getpid()
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None or getattr(self._local, "pid", None) != pid:
            db = sqlite3.connect(self.path, timeout=5, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(_SCHEMA)
            self._local.db, self._local.pid = db, pid
        return db

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        now = time.time()
        db = self._db()
        db.execute("BEGIN IMMEDIATE")
        try:
            # Expired windows are dropped as they are met, so the file stays small.
            db.execute("DELETE FROM counters WHERE expiry <= ?", (now,))
            db.execute(
                "INSERT INTO counters (key, value, expiry) VALUES (?, ?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = value + excluded.value",
                (key, amount, now + expiry),
            )
            (value,) = db.execute("SELECT value FROM counters WHERE key = ?", (key,)).fetchone()
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return int(value)

    def get(self, key: str) -> int:
        row = (
            self._db()
            .execute("SELECT value FROM counters WHERE key = ? AND expiry > ?", (key, time.time()))
            .fetchone()
        )
        return int(row[0]) if row else 0

    def get_expiry(self, key: str) -> float:
        row = self._db().execute("SELECT expiry FROM counters WHERE key = ?", (key,)).fetchone()
        return float(row[0]) if row and row[0] > time.time() else time.time()

    def check(self) -> bool:
        try:
            self._db().execute("SELECT 1")
        except sqlite3.Error:
            return False
        return True

    def reset(self) -> int | None:
        db = self._db()
        (count,) = db.execute("SELECT COUNT(*) FROM counters").fetchone()
        db.execute("DELETE FROM counters")
        return int(count)

    def clear(self, key: str) -> None:
        self._db().execute("DELETE FROM counters WHERE key = ?", (key,))
