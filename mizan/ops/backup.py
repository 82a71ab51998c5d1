"""Backups of a running platform and their restore (`manage.py backup`, `manage.py restore`).

An archive is one file, `mizan-backup-<UTC time>.tar.gz.enc`: a gzip-compressed tar, sealed
(AES-256-GCM in authenticated chunks, `mizan.lib.sealedstream`) under a key derived from the
first entry of MIZAN_DATA_KEY. Inside the tar:

    database/mizan.sqlite3   SQLite: the online backup API's copy (one read transaction)
    database/mizan.pgdump    PostgreSQL: `pg_dump --format=custom` of an exported snapshot
    files/...                the uploaded files (MEDIA_ROOT), copied after the snapshot
    models/<sha256>.joblib   trained triage models (VAR_DIR/models), referenced by the database
    manifest.json            format, versions, migrations, vendor, time, the SHA-256 and size of
                             every other member, and row counts read from the same snapshot

The keys (var/keys/, or the environment) are never put in an archive: without data_key it
cannot be opened, and without hash_key receipts and the audit chain are useless, so a stolen
archive gives nothing away. The keys are backed up separately (README, "Operations").

Consistency: the database is copied as one transaction-consistent snapshot (SQLite's backup API
holds one read transaction in WAL mode, so writers go on; PostgreSQL's pg_dump uses a
REPEATABLE READ snapshot that we export, and the row counts and migration state are read in that
same snapshot). Files are copied afterwards: an attachment's file is written before its row is
committed, so every attachment in the snapshot has its file (one deleted in the meantime is
reported as a warning). Files of transactions still open are copied too; nothing refers to them.

Restore reads and checks the whole archive into a private staging folder (inside MEDIA_ROOT, so
files move into place by renaming) before it changes anything.
"""

from __future__ import annotations

import base64
import contextlib
import gzip
import hashlib
import json
import os
import secrets
import shutil
import socket
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import DatabaseError, connection, connections

from mizan.accounts.models import Organisation
from mizan.audit.models import AuditEvent, verify_chain
from mizan.complaints.models import Attachment, Case
from mizan.core.models import WorkerHeartbeat
from mizan.lib.sealedstream import SealedReader, SealedStreamError, SealedWriter, UnknownKey
from mizan.lib.vault import keyed_hash
from mizan.triage.models import TriageModel

FORMAT = "mizan-backup"
FORMAT_VERSION = 1
PURPOSE = "mizan backup"
SUFFIX = ".tar.gz.enc"
MANIFEST = "manifest.json"
DATABASE_MEMBERS = {"sqlite": "database/mizan.sqlite3", "postgresql": "database/mizan.pgdump"}
STAGING_PREFIX = ".mizan-restore-"
MAX_MANIFEST_BYTES = 64 << 20
HEARTBEAT_FRESH = timedelta(seconds=60)  # db_worker beats every 15 s
READ_SIZE = 1 << 20
# libpq connection options that may come from DATABASE_URL's query string (Django's OPTIONS).
LIBPQ_OPTIONS = {"sslmode", "sslrootcert", "sslcert", "sslkey", "sslpassword", "sslcrl", "application_name",
                 "connect_timeout", "target_session_attrs", "service", "passfile", "options", "gssencmode",
                 "channel_binding", "keepalives", "keepalives_idle"}

KEYS_NOTICE = (
    "The keys (everything in var/keys/: data_key, hash_key, secret_key and any retired data keys; "
    "or MIZAN_DATA_KEY, MIZAN_HASH_KEY and SECRET_KEY) are NOT in this backup, on purpose. The "
    "archive is encrypted with data_key and cannot be restored without it; receipts and the audit "
    "chain need hash_key. Back the keys up separately (offline, e.g. on removable media kept in a "
    "safe), never beside the backups."
)


class BackupError(Exception):
    """Refused or failed with nothing changed; the message says why and what to do."""

    exit_code = 1


class RestoreIncomplete(BackupError):
    """The restore changed the database or the files, then something failed or did not check out."""

    exit_code = 3


# --- keys -------------------------------------------------------------------------------------

def _data_keys() -> list[tuple[str, bytes]]:
    """The entries of the MIZAN_DATA_KEY ring as (id, raw key), the encrypting one first."""
    ring = []
    for entry in settings.MIZAN_DATA_KEY.split(","):
        key_id, sep, material = entry.strip().partition(":")
        if not sep:
            continue
        material = material.strip()
        raw = base64.urlsafe_b64decode(material + "=" * (-len(material) % 4))
        ring.append((key_id, raw))
    if not ring:
        raise BackupError("MIZAN_DATA_KEY holds no key; the platform cannot run without it.")
    return ring


def hash_key_check() -> str:
    """A fingerprint of MIZAN_HASH_KEY (an HMAC of a fixed text; it reveals nothing of the key)."""
    return keyed_hash(settings.MIZAN_HASH_KEY, "backup-hash-key-check", FORMAT)


def _key_paths() -> list[Path]:
    """Where keys and secrets may live on disk: never copied into an archive, even inside MEDIA_ROOT.

    That is var/keys/ and every file named by a `*_FILE` variable (settings read any secret so).
    """
    paths = [Path(settings.VAR_DIR) / "keys"]
    paths += [Path(value) for name, value in os.environ.items() if name.endswith("_FILE") and value]
    return [_resolved(path) for path in paths]


# --- small helpers ----------------------------------------------------------------------------

def _resolved(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def media_root() -> Path:
    if not isinstance(default_storage, FileSystemStorage):
        raise BackupError("backup supports uploaded files kept in a local folder (FileSystemStorage) only.")
    return Path(default_storage.location)


def models_root() -> Path:
    return Path(settings.VAR_DIR) / "models"


def _sqlite_path() -> Path:
    name = str(connection.settings_dict["NAME"])
    if name == ":memory:" or name.startswith("file:"):
        raise BackupError(f"the SQLite database {name!r} is not a file; only a file database can be backed up.")
    return Path(name)


def _tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        raise BackupError(f"{name} was not found on PATH. Install the PostgreSQL client tools of the server's "
                          "version (Debian: apt-get install postgresql-client).")
    return path


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _private_dir(path: Path) -> Path:
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def human_size(size: int) -> str:
    """Bytes in plain English units (command output is not translated)."""
    if size < 1024:
        return f"{size} bytes"
    value, unit = size / 1024, "KB"
    for bigger in ("MB", "GB", "TB"):
        if value < 1024:
            break
        value, unit = value / 1024, bigger
    return f"{value:.1f} {unit}"


def _count_files(root: Path) -> int:
    if not root.is_dir():
        return 0
    total = 0
    for dirpath, dirnames, filenames in os.walk(root):
        if Path(dirpath) == root:
            dirnames[:] = [d for d in dirnames if not d.startswith(STAGING_PREFIX)]
        total += len(filenames)
    return total


# --- PostgreSQL connection parameters -----------------------------------------------------------

def _pg_params() -> dict[str, str]:
    """libpq keywords of Django's default database (DATABASE_URL), password included."""
    conf = connection.settings_dict
    params = {"dbname": conf.get("NAME"), "user": conf.get("USER"), "password": conf.get("PASSWORD"),
              "host": conf.get("HOST"), "port": str(conf.get("PORT") or "")}
    for key, value in (conf.get("OPTIONS") or {}).items():
        if key in LIBPQ_OPTIONS and value not in (None, ""):
            params[key] = str(value)
    return {key: value for key, value in params.items() if value}


def _pg_command_env() -> tuple[str, dict[str, str]]:
    """(conninfo without the password, environment with PGPASSWORD): the password stays off `ps`."""
    from psycopg.conninfo import make_conninfo

    params = _pg_params()
    password = params.pop("password", None)
    env = dict(os.environ)
    env["PGOPTIONS"] = "-c client_min_messages=warning"
    if password:
        env["PGPASSWORD"] = password
    return make_conninfo(**params), env


# --- what a snapshot holds ----------------------------------------------------------------------

@dataclass
class Snapshot:
    vendor: str
    server_version: str
    migrations: list[list[str]]
    row_counts: dict[str, int]
    attachments: list[tuple[str, str, int]]  # stored name, sha256, size
    model_files: list[str]  # sha256 of trained triage models
    extra: dict = field(default_factory=dict)


def _model_tables() -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=False, include_views=False))


def _read_snapshot(cursor, vendor: str, server_version: str) -> Snapshot:
    """Migration state, row counts, attachments and model files, read with `cursor` (DB-API)."""
    if vendor == "sqlite":
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    else:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    existing = {row[0] for row in cursor.fetchall()}
    if "django_migrations" not in existing:
        raise BackupError("the database has no django_migrations table: it was never migrated, nothing to back up.")
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
    migrations = [[app, name] for app, name in cursor.fetchall()]
    counts = {}
    for table in _model_tables():
        if table in existing:
            cursor.execute(f"SELECT COUNT(*) FROM {_quote(table)}")  # noqa: S608 - our own table names, quoted
            counts[table] = cursor.fetchone()[0]
    attachments, model_files = [], []
    if Attachment._meta.db_table in existing:
        cursor.execute(f"SELECT stored_name, sha256, size FROM {_quote(Attachment._meta.db_table)}")  # noqa: S608
        attachments = [tuple(row) for row in cursor.fetchall()]
    if TriageModel._meta.db_table in existing:
        cursor.execute(f"SELECT DISTINCT sha256 FROM {_quote(TriageModel._meta.db_table)}")  # noqa: S608
        model_files = sorted(row[0] for row in cursor.fetchall())
    return Snapshot(vendor, server_version, migrations, counts, attachments, model_files)


def _snapshot_sqlite(target: Path) -> Snapshot:
    source_path = _sqlite_path()
    if not source_path.is_file():
        raise BackupError(f"the SQLite database {source_path} does not exist.")
    # mode=rw: never create an empty database by mistake.
    source = sqlite3.connect(_resolved(source_path).as_uri() + "?mode=rw", uri=True, timeout=30)
    copy = sqlite3.connect(target)
    try:
        source.execute("PRAGMA busy_timeout = 30000")
        # pages=-1: the whole database in one step, i.e. in one read transaction of the source.
        # In WAL mode that is a consistent snapshot and writers are not blocked meanwhile.
        source.backup(copy, pages=-1)
        copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
        check = copy.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise BackupError(f"the copy of the SQLite database fails its integrity check: {check}")
        return _read_snapshot(copy.cursor(), "sqlite", sqlite3.sqlite_version)
    except sqlite3.Error as error:
        raise BackupError(f"the SQLite online backup failed: {error}") from error
    finally:
        copy.close()
        source.close()


def _snapshot_postgres(target: Path) -> Snapshot:
    import psycopg

    pg_dump = _tool("pg_dump")
    conninfo, env = _pg_command_env()
    try:
        conn = psycopg.connect(**_pg_params())
    except psycopg.Error as error:
        raise BackupError(f"cannot connect to the PostgreSQL database: {error}") from error
    try:
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        conn.read_only = True
        with conn.cursor() as cursor:
            # pg_dump works in this transaction's snapshot, and so do the counts read below.
            cursor.execute("SELECT pg_export_snapshot(), current_setting('server_version')")
            snapshot_id, server_version = cursor.fetchone()
            result = subprocess.run(
                [pg_dump, "--format=custom", f"--snapshot={snapshot_id}", f"--file={target}", "--no-password",
                 f"--dbname={conninfo}"],
                env=env, capture_output=True, text=True, check=False,
            )
            if result.returncode != 0:
                raise BackupError(f"pg_dump failed (exit code {result.returncode}): {result.stderr.strip()}")
            snapshot = _read_snapshot(cursor, "postgresql", server_version)
        version = subprocess.run([pg_dump, "--version"], capture_output=True, text=True, check=False)
        snapshot.extra["pg_dump"] = version.stdout.strip()
        return snapshot
    except psycopg.Error as error:
        raise BackupError(f"reading the PostgreSQL snapshot failed: {error}") from error
    finally:
        conn.rollback()
        conn.close()


# --- writing an archive -----------------------------------------------------------------------

class ArchiveWriter:
    """A sealed archive being written to a private temporary file, renamed into place by `finish`."""

    def __init__(self, path: Path, *, work: Path, unique: bool = False):
        self.path = path
        self.unique = unique
        self.files: dict[str, dict] = {}
        self._work = work
        key_id, key = _data_keys()[0]
        self.key_id = key_id
        self._partial = path.with_name(f".{path.name}.{secrets.token_hex(4)}.partial")
        self._file = os.fdopen(os.open(self._partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")
        self._sealed = SealedWriter(self._file, key_id=key_id, key=key, purpose=PURPOSE)
        self._gzip = gzip.GzipFile(fileobj=self._sealed, mode="wb", compresslevel=6, mtime=0)
        self._tar = tarfile.open(fileobj=self._gzip, mode="w|", format=tarfile.PAX_FORMAT)  # noqa: SIM115

    def _add(self, name: str, handle, size: int, mtime: float) -> None:
        info = tarfile.TarInfo(name)
        info.size, info.mode, info.mtime = size, 0o600, int(mtime)
        self._tar.addfile(info, handle)

    def add_bytes(self, name: str, data: bytes, *, listed: bool = True) -> None:
        import io

        self._add(name, io.BytesIO(data), len(data), datetime.now(UTC).timestamp())
        if listed:
            self.files[name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}

    def add_path(self, name: str, path: Path, *, stable: bool = False) -> bool:
        """Copy the file at `path`, hashed as it is read; False if it vanished meanwhile.

        A file of the live platform is read once into a spool (it might change while being
        copied, and the tar header needs its size first); a `stable` file of our own staging is
        hashed, then streamed from disk.
        """
        digest, size = hashlib.sha256(), 0
        if stable:
            with open(path, "rb") as source:
                while chunk := source.read(READ_SIZE):
                    digest.update(chunk)
                    size += len(chunk)
                source.seek(0)
                self._add(name, source, size, os.fstat(source.fileno()).st_mtime)
            self.files[name] = {"sha256": digest.hexdigest(), "size": size}
            return True
        with tempfile.SpooledTemporaryFile(max_size=16 << 20, dir=self._work) as spool:
            try:
                with open(path, "rb") as source:
                    mtime = os.fstat(source.fileno()).st_mtime
                    while chunk := source.read(READ_SIZE):
                        digest.update(chunk)
                        spool.write(chunk)
                        size += len(chunk)
            except FileNotFoundError:
                return False
            spool.seek(0)
            self._add(name, spool, size, mtime)
        self.files[name] = {"sha256": digest.hexdigest(), "size": size}
        return True

    def finish(self, manifest: dict) -> Path:
        manifest["files"] = dict(sorted(self.files.items()))
        self.add_bytes(MANIFEST, json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False).encode(),
                       listed=False)
        self._tar.close()
        self._gzip.close()
        self._sealed.close()
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        final, number = self.path, 1
        while not self._claim(final):
            if not self.unique:
                self.abort()
                raise BackupError(f"{final} already exists; give another --output.")
            number += 1
            final = self.path.with_name(self.path.name.removesuffix(SUFFIX) + f"-{number}{SUFFIX}")
        _fsync_dir(final.parent)
        self.path = final
        return final

    def _claim(self, final: Path) -> bool:
        """Give the finished archive the name `final`, unless a file has it already."""
        try:
            os.link(self._partial, final)  # atomic, and never replaces an existing archive
        except FileExistsError:
            return False
        except OSError:  # a filesystem without hard links
            if final.exists():
                return False
            os.replace(self._partial, final)
            return True
        self._partial.unlink()
        return True

    def abort(self) -> None:
        with contextlib.suppress(Exception):
            self._tar.close()
            self._gzip.close()
            self._sealed.close()
        with contextlib.suppress(Exception):
            self._file.close()
        self._partial.unlink(missing_ok=True)


@dataclass
class BackupResult:
    path: Path
    manifest: dict
    warnings: list[str]


def _mizan_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("mizan")
    except PackageNotFoundError:
        return "unknown"


def _output_path(output: str | None, created: datetime) -> tuple[Path, bool]:
    """(archive path, whether a free name may be picked) from --output (a folder or a file)."""
    name = f"mizan-backup-{created:%Y%m%dT%H%M%SZ}{SUFFIX}"
    if not output:
        return Path(settings.VAR_DIR) / "backups" / name, True
    path = Path(output).expanduser()
    if path.is_dir() or output.endswith(os.sep):
        return path / name, True
    if path.exists():
        raise BackupError(f"{path} already exists; a backup never overwrites a file.")
    return path, False


def _media_files(root: Path, leave_out: list[Path], warnings: list[str]) -> Iterator[tuple[str, Path]]:
    """(name relative to MEDIA_ROOT, path) of every regular file in MEDIA_ROOT, in a stable order."""
    if not root.is_dir():
        return
    keys = _key_paths()
    skipped_keys = 0
    for dirpath, dirnames, filenames in os.walk(root):
        folder = Path(dirpath)
        kept = []
        for name in sorted(dirnames):
            real = _resolved(folder / name)
            if folder == root and name.startswith(STAGING_PREFIX):
                continue
            if any(_inside(real, key) for key in keys):
                skipped_keys += 1
                continue
            if not any(_inside(real, other) for other in leave_out):
                kept.append(name)
        dirnames[:] = kept
        for name in sorted(filenames):
            path = folder / name
            real = _resolved(path)
            if any(_inside(real, key) for key in keys):
                skipped_keys += 1
                continue
            if any(_inside(real, other) for other in leave_out):
                continue
            if path.is_symlink() or not path.is_file():
                warnings.append(f"{path} is not a regular file (a link?) and was not backed up")
                continue
            yield path.relative_to(root).as_posix(), path
    if skipped_keys:
        warnings.append(f"{skipped_keys} key file(s) or folder(s) found inside MEDIA_ROOT were left out "
                        "(keys never go into a backup); keep the keys outside MEDIA_ROOT")


def make_backup(output: str | None = None) -> BackupResult:
    """Write one archive of the database, the uploaded files and the model files; see the module doc."""
    vendor = connection.vendor
    if vendor not in DATABASE_MEMBERS:
        raise BackupError(f"backup supports SQLite and PostgreSQL, not {vendor}.")
    created = datetime.now(UTC).replace(microsecond=0)
    path, unique = _output_path(output, created)
    media = media_root()
    real_media, real_output = _resolved(media), _resolved(path.parent)
    if _inside(real_output, real_media):
        raise BackupError(f"the output folder {path.parent} is inside MEDIA_ROOT ({media}); choose a folder outside it.")
    _private_dir(path.parent)
    work = Path(tempfile.mkdtemp(prefix=".mizan-backup-", dir=path.parent))  # 0700
    warnings: list[str] = []
    writer = None
    try:
        dump = work / PurePosixPath(DATABASE_MEMBERS[vendor]).name
        snapshot = _snapshot_sqlite(dump) if vendor == "sqlite" else _snapshot_postgres(dump)
        os.chmod(dump, 0o600)
        writer = ArchiveWriter(path, work=work, unique=unique)
        writer.add_path(DATABASE_MEMBERS[vendor], dump, stable=True)
        dump.unlink()
        leave_out = [_resolved(models_root())]  # added below as models/
        if vendor == "sqlite":
            database = _resolved(_sqlite_path())
            leave_out += [Path(f"{database}{suffix}") for suffix in ("", "-wal", "-shm", "-journal")]
        media_count = media_bytes = 0
        for name, file_path in _media_files(media, leave_out, warnings):
            if writer.add_path(f"files/{name}", file_path):
                media_count += 1
                media_bytes += writer.files[f"files/{name}"]["size"]
        for stored_name, sha256, size in snapshot.attachments:
            entry = writer.files.get(f"files/attachments/{stored_name}")
            if entry is None:
                warnings.append(f"attachment file attachments/{stored_name} is missing from MEDIA_ROOT")
            elif (entry["sha256"], entry["size"]) != (sha256, size):
                warnings.append(f"attachment file attachments/{stored_name} does not match its recorded SHA-256")
        model_count = 0
        models = models_root()
        if models.is_dir():
            for model_path in sorted(models.glob("*.joblib")):
                if model_path.is_file() and not model_path.is_symlink() and writer.add_path(
                        f"models/{model_path.name}", model_path):
                    model_count += 1
        for sha256 in snapshot.model_files:
            entry = writer.files.get(f"models/{sha256}.joblib")
            if entry is None or entry["sha256"] != sha256:
                warnings.append(f"triage model file {sha256}.joblib is missing from {models} or changed")
        latest: dict[str, str] = {}
        for app, name in snapshot.migrations:
            latest[app] = max(latest.get(app, name), name)
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "mizan_version": _mizan_version(),
            "created_at": created.isoformat().replace("+00:00", "Z"),
            "host": socket.gethostname(),
            "database": {"vendor": vendor, "member": DATABASE_MEMBERS[vendor],
                         "server_version": snapshot.server_version, **snapshot.extra},
            "migrations": {"latest": latest, "applied": snapshot.migrations},
            "row_counts": snapshot.row_counts,
            "summary": {
                "cases": snapshot.row_counts.get(Case._meta.db_table, 0),
                "attachments": snapshot.row_counts.get(Attachment._meta.db_table, 0),
                "audit_events": snapshot.row_counts.get(AuditEvent._meta.db_table, 0),
                "media_files": media_count,
                "media_bytes": media_bytes,
                "triage_model_files": model_count,
            },
            "keys": {"included": False, "sealed_with_data_key": writer.key_id, "hash_key_check": hash_key_check()},
            "warnings": warnings,
        }
        final = writer.finish(manifest)
        writer = None
        return BackupResult(final, manifest, warnings)
    finally:
        if writer is not None:
            writer.abort()
        shutil.rmtree(work, ignore_errors=True)


# --- reading an archive -----------------------------------------------------------------------

@contextlib.contextmanager
def _damaged_archive(path: Path) -> Iterator[None]:
    """Every way a file can fail to be a good archive, as one clear BackupError."""
    try:
        yield
    except UnknownKey as error:
        ring = ", ".join(key_id for key_id, _ in _data_keys())
        raise BackupError(
            f"{path} is encrypted with data key {error.key_id!r}, which is not in MIZAN_DATA_KEY (it holds: {ring}). "
            "Restore the keys from your key backup first. Nothing was changed.") from error
    except SealedStreamError as error:
        raise BackupError(f"{path} is not a complete, intact Mizan backup ({error}). Nothing was changed.") from error
    except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile, UnicodeDecodeError, ValueError) as error:
        raise BackupError(f"{path} is damaged or incomplete ({error}). Nothing was changed.") from error


def _open_archive(path: Path, stack: contextlib.ExitStack) -> tuple[tarfile.TarFile, gzip.GzipFile]:
    try:
        handle = stack.enter_context(open(path, "rb"))  # noqa: SIM115
    except OSError as error:
        raise BackupError(f"cannot read {path}: {error.strerror or error}") from error
    reader = SealedReader(handle, keys=dict(_data_keys()), purpose=PURPOSE)
    unpacked = stack.enter_context(gzip.GzipFile(fileobj=reader, mode="rb"))
    return stack.enter_context(tarfile.open(fileobj=unpacked, mode="r|")), unpacked  # noqa: SIM115


def _drain(unpacked: gzip.GzipFile) -> None:
    """Read past the tar's end: this checks the gzip trailer and authenticates the last sealed chunk."""
    while unpacked.read(READ_SIZE):
        pass


def _check_member_name(name: str) -> None:
    parts = PurePosixPath(name).parts
    ok = (
        name == MANIFEST
        or name in DATABASE_MEMBERS.values()
        or (len(parts) >= 2 and parts[0] == "files")
        or (len(parts) == 2 and parts[0] == "models" and parts[1].endswith(".joblib"))
    )
    if (not ok or name.startswith("/") or "\\" in name or any(part in ("", ".", "..") for part in parts)
            or name != PurePosixPath(name).as_posix()):
        raise BackupError(f"the archive holds an unexpected entry {name!r}; refusing it. Nothing was changed.")


def read_members(path: Path) -> dict[str, bytes]:
    """Every member of an archive by name, authenticated (for inspection and tests; restore streams)."""
    members = {}
    with _damaged_archive(path), contextlib.ExitStack() as stack:
        tar, unpacked = _open_archive(path, stack)
        for member in tar:
            _check_member_name(member.name)
            handle = tar.extractfile(member)
            members[member.name] = handle.read() if handle is not None else b""
        _drain(unpacked)
    return members


def _unpack(path: Path, staging: Path) -> dict:
    """Unpack the archive into `staging`, check every member against the manifest, return it."""
    seen: dict[str, tuple[str, int]] = {}
    manifest_bytes = None
    with _damaged_archive(path), contextlib.ExitStack() as stack:
        tar, unpacked = _open_archive(path, stack)
        for member in tar:
            _check_member_name(member.name)
            if not member.isfile():
                raise BackupError(f"the archive entry {member.name!r} is not a regular file; refusing it. "
                                  "Nothing was changed.")
            if member.name in seen or (member.name == MANIFEST and manifest_bytes is not None):
                raise BackupError(f"the archive holds {member.name!r} twice; refusing it. Nothing was changed.")
            source = tar.extractfile(member)
            if member.name == MANIFEST:
                manifest_bytes = source.read(MAX_MANIFEST_BYTES + 1)
                if len(manifest_bytes) > MAX_MANIFEST_BYTES:
                    raise BackupError("the archive's manifest is impossibly large; refusing it. Nothing was changed.")
                continue
            target = staging / member.name
            _private_dir(target.parent)
            digest, size = hashlib.sha256(), 0
            with os.fdopen(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as out:
                while chunk := source.read(READ_SIZE):
                    digest.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
            seen[member.name] = (digest.hexdigest(), size)
        _drain(unpacked)
    if manifest_bytes is None:
        raise BackupError(f"{path} has no manifest: it is incomplete or not a Mizan backup. Nothing was changed.")
    try:
        manifest = json.loads(manifest_bytes)
        listed = manifest["files"]
        if manifest["format"] != FORMAT:
            raise ValueError("not a Mizan backup manifest")
    except (ValueError, KeyError, TypeError) as error:
        raise BackupError(f"the manifest of {path} cannot be read ({error}). Nothing was changed.") from error
    if manifest.get("format_version", 0) > FORMAT_VERSION:
        raise BackupError(f"{path} uses backup format {manifest['format_version']}; this version of Mizan reads "
                          f"format {FORMAT_VERSION} and older. Upgrade the code first. Nothing was changed.")
    problems = []
    for name, entry in sorted(listed.items()):
        if name not in seen:
            problems.append(f"{name}: listed in the manifest but missing from the archive")
        elif seen[name] != (entry["sha256"], entry["size"]):
            problems.append(f"{name}: SHA-256 or size does not match the manifest")
    problems += [f"{name}: in the archive but not in the manifest" for name in sorted(set(seen) - set(listed))]
    if problems:
        shown = "; ".join(problems[:10]) + (f"; and {len(problems) - 10} more" if len(problems) > 10 else "")
        raise BackupError(f"{path} fails its checksums ({len(problems)} problem(s): {shown}). Nothing was changed.")
    return manifest


# --- compatibility ----------------------------------------------------------------------------

def check_compatible(manifest: dict) -> list[str]:
    """Refuse an archive this installation cannot take; return notices for the operator."""
    from django.db.migrations.loader import MigrationLoader

    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise BackupError(f"this backup holds a {vendor} database and this platform uses {connection.vendor}; "
                          "restore it on the same kind of database. Nothing was changed.")
    if manifest.get("keys", {}).get("hash_key_check") != hash_key_check():
        raise BackupError("MIZAN_HASH_KEY is not the key this backup was made with: receipts would not open their "
                          "cases and the audit chain would not verify. Restore the keys from your key backup "
                          "first. Nothing was changed.")
    applied = {tuple(item) for item in manifest["migrations"]["applied"]}
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = sorted(applied - known)
    if unknown:
        names = ", ".join(f"{app}.{name}" for app, name in unknown[:8]) + (" ..." if len(unknown) > 8 else "")
        raise BackupError(
            f"this backup was made by a newer version of Mizan than this code: its database has migrations this "
            f"code does not know ({names}). Install the version it was made with (it says Mizan "
            f"{manifest.get('mizan_version')}, this is {_mizan_version()}) or a newer one first, then restore. "
            "Nothing was changed.")
    notices = []
    pending = sorted(known - applied)
    if pending:
        notices.append(
            f"This backup was made by an older version of Mizan ({manifest.get('mizan_version')}); "
            f"{len(pending)} migration(s) of this code are not applied in it. Run "
            "`manage.py migrate` now, then `manage.py rebuild_search_index`, before starting the platform.")
    return notices


# --- the target ---------------------------------------------------------------------------------

def _database_exists() -> bool:
    """False for a SQLite file not yet there (connecting would create it empty)."""
    return connection.vendor != "sqlite" or _sqlite_path().exists()


def describe_target() -> list[str]:
    """What the configured database and MEDIA_ROOT hold that a restore would replace."""
    from django.contrib.auth import get_user_model

    held = []
    if _database_exists():
        try:
            with connection.cursor() as cursor:
                tables = set(connection.introspection.table_names(cursor))
                for model, label in ((Case, "cases"), (AuditEvent, "audit rows"), (Organisation, "organisations"),
                                     (get_user_model(), "users")):
                    if model._meta.db_table in tables:
                        cursor.execute(f"SELECT COUNT(*) FROM {_quote(model._meta.db_table)}")  # noqa: S608
                        count = cursor.fetchone()[0]
                        if count:
                            held.append(f"{count} {label}")
        except DatabaseError as error:
            raise BackupError(f"cannot read the target database: {error}. Nothing was changed.") from error
    files = _count_files(media_root())
    if files:
        held.append(f"{files} files in MEDIA_ROOT ({media_root()})")
    return held


def _recent_worker() -> bool:
    from django.utils import timezone

    if not _database_exists():
        return False
    try:
        return WorkerHeartbeat.objects.filter(seen_at__gte=timezone.now() - HEARTBEAT_FRESH).exists()
    except DatabaseError:
        return False  # no such table yet: nothing has ever run here


# --- restoring ----------------------------------------------------------------------------------

def _restore_sqlite(staged: Path) -> Path:
    target = _sqlite_path()
    connections.close_all()
    _private_dir(target.parent)
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.restore")
    try:
        try:
            os.replace(staged, temporary)  # the staging folder is usually on the same filesystem
        except OSError:
            shutil.copyfile(staged, temporary)
        os.chmod(temporary, 0o600)
        check = sqlite3.connect(temporary)
        try:
            check.execute("PRAGMA journal_mode = DELETE")
            result = check.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            check.close()
        if result != "ok":
            raise BackupError(f"the database in the archive fails its integrity check ({result}). Nothing was changed.")
        with open(temporary, "rb") as handle:
            os.fsync(handle.fileno())
        if target.exists():
            # Empty the old database's write-ahead log into it, so that no stale -wal file can be
            # replayed onto the restored one.
            with contextlib.suppress(sqlite3.Error):
                old = sqlite3.connect(target, timeout=30)
                try:
                    old.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                finally:
                    old.close()
        os.replace(temporary, target)
    except OSError as error:
        raise BackupError(f"cannot write the database file {target}: {error}. Nothing was changed.") from error
    finally:
        temporary.unlink(missing_ok=True)
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    _fsync_dir(target.parent)
    return target


def _restore_postgres(dump: Path, work: Path) -> str:
    """Replace the database's Mizan tables by the dump's, in one transaction (all or nothing)."""
    pg_restore, psql = _tool("pg_restore"), _tool("psql")
    conninfo, env = _pg_command_env()
    with connection.cursor() as cursor:
        existing = set(connection.introspection.table_names(cursor))
    ours = sorted(existing & (set(_model_tables()) | {"django_migrations"}))
    connections.close_all()
    script = work / "restore.sql"
    made = subprocess.run([pg_restore, "--clean", "--if-exists", "--no-owner", "--no-privileges",
                           f"--file={script}", str(dump)], env=env, capture_output=True, text=True, check=False)
    if made.returncode != 0:
        raise BackupError(f"pg_restore cannot read the dump (exit code {made.returncode}): {made.stderr.strip()}. "
                          "Nothing was changed.")
    # Tables of this code that the dump may not have (an older backup) are dropped first, in the
    # same transaction, so that `--clean` can drop what they refer to and `migrate` can recreate them.
    command = [psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", "--no-password",
               f"--dbname={conninfo}"]
    if ours:
        command += ["-c", "DROP TABLE IF EXISTS " + ", ".join(_quote(table) for table in ours) + " CASCADE"]
    command += ["-f", str(script)]
    done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    script.unlink(missing_ok=True)
    if done.returncode != 0:
        raise BackupError(f"restoring the PostgreSQL database failed and was rolled back, the database is as it was "
                          f"(psql exit code {done.returncode}): {done.stderr.strip()[-2000:]}")
    return connection.settings_dict["NAME"]


def _swap_media(staged: Path, root: Path, work: Path) -> None:
    """Put the staged files in place of MEDIA_ROOT's content (renames inside one filesystem)."""
    old = _private_dir(work / "old")
    for entry in sorted(root.iterdir()):
        if entry.name.startswith(STAGING_PREFIX):
            continue
        os.rename(entry, old / entry.name)
    if staged.is_dir():
        for entry in sorted(staged.iterdir()):
            os.rename(entry, root / entry.name)
    _fsync_dir(root)
    shutil.rmtree(old, ignore_errors=True)


def _restore_models(staged: Path) -> int:
    """Add the archive's model files that are missing (they are named by their SHA-256)."""
    if not staged.is_dir():
        return 0
    target = _private_dir(models_root())
    added = 0
    for path in sorted(staged.iterdir()):
        destination = target / path.name
        if not destination.exists():
            shutil.copyfile(path, destination)
            os.chmod(destination, 0o600)
            added += 1
    return added


def check_restored(manifest: dict) -> tuple[list[str], list[str]]:
    """(facts, problems) after a restore: row counts against the manifest, the audit chain, files."""
    connections.close_all()
    facts, problems = [], []
    try:
        with connection.cursor() as cursor:
            tables = set(connection.introspection.table_names(cursor))
            for table, expected in sorted(manifest["row_counts"].items()):
                if table not in tables:
                    problems.append(f"table {table} is missing after the restore")
                    continue
                cursor.execute(f"SELECT COUNT(*) FROM {_quote(table)}")  # noqa: S608
                actual = cursor.fetchone()[0]
                if actual != expected:
                    problems.append(f"table {table} has {actual} rows, the manifest says {expected}")
        if not problems:
            facts.append(f"Row counts match the manifest ({len(manifest['row_counts'])} tables).")
    except DatabaseError as error:
        problems.append(f"cannot count the restored rows: {error}")
    try:
        count, audit_problems = verify_chain()
        if audit_problems:
            problems += [f"audit log: {problem}" for problem in audit_problems]
        else:
            facts.append(f"Audit log OK: {count} rows, chain intact.")
    except DatabaseError as error:
        problems.append(f"cannot verify the audit log before `migrate` ({error}); run `manage.py migrate`, "
                        "then `manage.py verify_audit`")
    try:
        root = media_root()
        missing = [name for name, size in Attachment.objects.values_list("stored_name", "size")
                   if not (root / "attachments" / name).is_file() or (root / "attachments" / name).stat().st_size != size]
        if missing:
            problems.append(f"{len(missing)} attachment file(s) missing or of the wrong size, e.g. {missing[0]}")
        else:
            facts.append("Every attachment has its file.")
    except DatabaseError as error:
        problems.append(f"cannot list the restored attachments: {error}")
    return facts, problems


@dataclass
class RestoreResult:
    manifest: dict
    facts: list[str]
    notices: list[str]
    restored: bool


def restore_backup(archive: str | Path, *, force: bool = False, check_only: bool = False, say=print) -> RestoreResult:
    """Check `archive` completely, then (unless `check_only`) restore it; see the module doc."""
    path = Path(archive).expanduser()
    if not path.is_file():
        raise BackupError(f"{path} is not a file.")
    vendor = connection.vendor
    if vendor not in DATABASE_MEMBERS:
        raise BackupError(f"restore supports SQLite and PostgreSQL, not {vendor}.")
    root = media_root()
    created_root = not root.exists()
    _private_dir(root)
    work = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=root))
    changed = False
    try:
        manifest = _unpack(path, work)
        summary = manifest.get("summary", {})
        facts = [f"Archive OK: {len(manifest['files'])} members match the manifest (made {manifest['created_at']} "
                 f"by Mizan {manifest.get('mizan_version')} on {manifest['database']['vendor']}; "
                 f"{summary.get('cases', '?')} cases, {summary.get('attachments', '?')} attachments, "
                 f"{summary.get('audit_events', '?')} audit rows)."]
        notices = check_compatible(manifest)
        held = describe_target()
        if check_only:
            facts.append("The target holds " + ", ".join(held) + ": restoring needs --force." if held
                         else "The target is empty.")
            return RestoreResult(manifest, facts, notices, restored=False)
        if held and not force:
            raise BackupError("the target is not empty (" + ", ".join(held) + "). Restoring replaces all of it; "
                              "run again with --force to do so. Nothing was changed.")
        if _recent_worker() and not force:
            raise BackupError("a db_worker sent a heartbeat less than a minute ago: stop the platform (web and "
                              "workers) before restoring, or use --force. Nothing was changed.")
        for fact in facts:
            say(fact)
        staged_db = work / manifest["database"]["member"]
        # Both database restores are all or nothing: a failure in them leaves the target as it was.
        if vendor == "sqlite":
            where = _restore_sqlite(staged_db)
        else:
            where = _restore_postgres(staged_db, work)
        changed = True
        say(f"Database restored ({vendor}: {where}).")
        try:
            _swap_media(work / "files", root, work)
            added = _restore_models(work / "models")
        except OSError as error:
            raise RestoreIncomplete(f"the database was restored but putting the files back failed: {error}. "
                                    "Run the restore again with --force.") from error
        say(f"Files restored to {root} ({summary.get('media_files', '?')} files); "
            f"{added} triage model file(s) added.")
        checked, problems = check_restored(manifest)
        if problems:
            raise RestoreIncomplete("the restore finished but its checks FAILED: " + "; ".join(problems))
        return RestoreResult(manifest, checked, notices, restored=True)
    except OSError as error:
        if changed:
            raise RestoreIncomplete(f"the restore failed part-way: {error}. Run it again with --force.") from error
        raise BackupError(f"{error}. Nothing was changed.") from error
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if created_root and not changed:
            with contextlib.suppress(OSError):
                root.rmdir()
