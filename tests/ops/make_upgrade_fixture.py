"""Make the upgrade fixture of a release: its demo data, as that release's own code wrote it.

    .venv/bin/python tests/ops/make_upgrade_fixture.py --ref c7474b6 [--count 60]

1. checks out REF in a temporary git worktree (removed afterwards; the working tree is not
   touched) and runs that release's code with this venv (cwd and PYTHONPATH = the worktree);
2. makes a test-only key set with the release's own `python -m mizan.lib.keyfiles`;
3. for SQLite (a new file) and PostgreSQL (a new database on DATABASE_URL's server, default
   postgres://postgres@127.0.0.1:5432/test, dropped afterwards): `manage.py migrate`,
   `manage.py seed_demo --count COUNT`, then `tests/ops/upgrade_probe.py state` (still the
   release's code) for the manifest;
4. writes tests/ops/upgrade/<REF>/:
       sqlite.sql.gz            the SQLite database, `sqlite3` iterdump
       postgresql.sql.gz        the PostgreSQL database, `pg_dump --no-owner --no-privileges`
       keys/                    secret_key, data_key, hash_key of the fixture (test-only!)
       demo-logins-<backend>.txt  seed_demo's logins (random per load, so one per backend)
       files-<backend>/         MEDIA_ROOT, when the demo stored any file
       manifest.json            ref, date, migration leaf nodes, row counts per table, sampled
                                cases (reference, hash of the decrypted identities, timeline
                                entries and digest, attachments' SHA-256), audit chain head

`tests/ops/test_upgrade.py` restores it, migrates it with the current code and checks it.
Refresh it at each release (see README, Operations → Upgrade). Needs git, pg_dump and psql of
the server's major version; a missing tool is an error.
"""

import argparse
import gzip
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).resolve().with_name("upgrade_probe.py")
FIXTURES = Path(__file__).resolve().with_name("upgrade")
DEFAULT_PG = "postgres://postgres@127.0.0.1:5432/test"
KEY_FILES = ("secret_key", "data_key", "hash_key")
BACKENDS = ("sqlite", "postgresql")
# Everything an installation reads from the environment; the fixture's processes get only theirs.
_OWN_PREFIXES = ("MIZAN_", "DATABASE_", "SQLITE_")
_OWN_NAMES = {"SECRET_KEY", "SECRET_KEY_FILE", "MEDIA_ROOT", "EMAIL_BACKEND", "DJANGO_SETTINGS_MODULE",
              "PYTHONPATH", "ALLOWED_HOSTS", "DEBUG"}


def pg_url(base: str, dbname: str) -> str:
    parts = urlsplit(base)
    return urlunsplit((parts.scheme, parts.netloc, f"/{dbname}", parts.query, ""))


def installation_env(code: Path, var: Path, media: Path, *, sqlite_path: Path | None = None,
                     database_url: str | None = None, **extra: str) -> dict[str, str]:
    """The environment of an installation whose keys are in `var/keys/` (as `make keys` makes)."""
    env = {name: value for name, value in os.environ.items()
           if not name.startswith(_OWN_PREFIXES) and name not in _OWN_NAMES}
    env.update(PYTHONPATH=str(code), DJANGO_SETTINGS_MODULE="mizan.settings", MIZAN_VAR_DIR=str(var),
               MEDIA_ROOT=str(media), MIZAN_TASKS_INLINE="always", **extra)
    if database_url:
        env["DATABASE_URL"] = database_url
    else:
        env["SQLITE_PATH"] = str(sqlite_path)
    return env


def run(args: list[str], *, cwd: Path, env: dict[str, str], timeout: int = 1800,
        stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """Run `args`; a non-zero exit raises with the command's output."""
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, timeout=timeout, check=False,
                            input=stdin)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, args))} exited {result.returncode}\n--- stdout\n"
                           f"{result.stdout.decode(errors='replace')[-4000:]}\n--- stderr\n"
                           f"{result.stderr.decode(errors='replace')[-4000:]}")
    return result


def need_tools(*tools: str) -> None:
    missing = [tool for tool in tools if not shutil.which(tool)]
    if missing:
        raise SystemExit(f"{', '.join(missing)} not found on PATH (PostgreSQL client: "
                         "apt-get install postgresql-client)")


# --- dumps and restores ---------------------------------------------------------------------------

def _write_gzip(path: Path, data: bytes) -> None:
    # mtime=0 and no file name: the same database gives the same bytes.
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0,
                                                compresslevel=9) as handle:
        handle.write(data)


def dump_sqlite(database: Path, out: Path) -> None:
    """`iterdump`, less the rows of virtual tables (FTS5 and its vocabulary view).

    Those rows are not stored in the tables themselves: the full-text index lives in its shadow
    tables (`search_fts_data`, ...), which the dump holds as ordinary tables, and `search_vocab`
    is computed from it. Inserting them again would fail (no such table until the schema is
    re-read) or index every document twice.
    """
    connection = sqlite3.connect(database)
    try:
        virtual = [name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")]
        skip = tuple(f'INSERT INTO "{name.replace(chr(34), chr(34) * 2)}" VALUES' for name in virtual)
        text = "\n".join(line for line in connection.iterdump() if not (skip and line.startswith(skip))) + "\n"
    finally:
        connection.close()
    _write_gzip(out, text.encode("utf-8"))


def restore_sqlite(dump: Path, database: Path) -> None:
    """A new SQLite file from an iterdump (FTS5 tables come back through writable_schema)."""
    if database.exists():
        raise FileExistsError(database)
    connection = sqlite3.connect(database)
    try:
        connection.executescript(gzip.decompress(dump.read_bytes()).decode("utf-8"))
    finally:
        connection.close()
    connection = sqlite3.connect(database)  # a new connection reads the restored schema
    try:
        problems = connection.execute("PRAGMA integrity_check").fetchall()
    finally:
        connection.close()
    if problems != [("ok",)]:
        raise RuntimeError(f"restored SQLite database {database} is damaged: {problems}")


def dump_postgres(database_url: str, out: Path) -> None:
    result = run(["pg_dump", "--no-owner", "--no-privileges", "--dbname", database_url],
                 cwd=ROOT, env=dict(os.environ))
    _write_gzip(out, result.stdout)


def restore_postgres(dump: Path, database_url: str) -> None:
    """Load a plain pg_dump into the (new, empty) database, in one transaction, stopping at an error."""
    run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", "--dbname", database_url,
         "-f", "-"], cwd=ROOT, env=dict(os.environ), stdin=gzip.decompress(dump.read_bytes()))


def pg_admin(base_url: str, sql: str) -> None:
    run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "--dbname", pg_url(base_url, "postgres"),
         "-c", sql], cwd=ROOT, env=dict(os.environ))


# --- making the fixture -----------------------------------------------------------------------------

def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()


def _load(backend: str, code: Path, work: Path, keys: Path, out: Path, *, count: int, pg_base: str) -> dict:
    """migrate + seed_demo with the release's code into a new database; dump it; its manifest part."""
    var, media = work / backend / "var", work / backend / "files"
    shutil.copytree(keys, var / "keys")
    logins = var / "demo-logins.txt"
    dbname = f"mizan_upgrade_fixture_{os.getpid()}"
    if backend == "postgresql":
        url = pg_url(pg_base, dbname)
        pg_admin(pg_base, f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
        pg_admin(pg_base, f'CREATE DATABASE "{dbname}"')
        env = installation_env(code, var, media, database_url=url)
    else:
        env = installation_env(code, var, media, sqlite_path=work / backend / "mizan.sqlite3")
    try:
        python = sys.executable
        print(f"[{backend}] migrate", flush=True)
        run([python, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=code, env=env)
        print(f"[{backend}] seed_demo --count {count}", flush=True)
        seeded = run([python, "manage.py", "seed_demo", "--count", str(count), "--logins-file", str(logins)],
                     cwd=code, env=env)
        state = json.loads(run([python, str(PROBE), "state"], cwd=code, env=env).stdout)
        if Path(state["code"]) != code / "mizan":
            raise RuntimeError(f"the probe ran {state['code']}, not the release's code in {code}")
        if state["migrations"]["unapplied"] or state["audit"]["problems"]:
            raise RuntimeError(f"the release's own database is not clean: {state['migrations']['unapplied']} "
                               f"{state['audit']['problems']}")
        dump = out / f"{backend}.sql.gz"
        if backend == "postgresql":
            dump_postgres(url, dump)
        else:
            dump_sqlite(work / backend / "mizan.sqlite3", dump)
    finally:
        if backend == "postgresql":
            pg_admin(pg_base, f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
    shutil.copyfile(logins, out / f"demo-logins-{backend}.txt")
    files = None
    if media.exists() and any(path.is_file() for path in media.rglob("*")):
        files = f"files-{backend}"
        shutil.copytree(media, out / files)
    desk = next(case for case in state["cases"] if case["officer"] == "officer")
    return {
        "vendor": state["vendor"],
        "dump": dump.name,
        "dump_bytes": dump.stat().st_size,
        "logins": f"demo-logins-{backend}.txt",
        "files": files,
        "seed_demo_output": seeded.stdout.decode().strip().splitlines()[-1:],
        "migrations": {key: state["migrations"][key] for key in ("leaf_nodes", "applied")},
        "row_counts": state["row_counts"],
        "media_files": state["media_files"],
        "audit": {key: state["audit"][key] for key in ("rows", "head", "last_event")},
        "cases": state["cases"],
        "desk": {"username": "officer", "reference": desk["reference"]},
    }


def make(ref: str, *, count: int, pg_base: str, backends: tuple[str, ...], dest: Path | None) -> Path:
    commit = _git("rev-parse", "--verify", f"{ref}^{{commit}}")
    short = _git("rev-parse", "--short=7", commit)
    out = dest or FIXTURES / short
    if "postgresql" in backends:
        need_tools("pg_dump", "psql")
    with tempfile.TemporaryDirectory(prefix=f"mizan-upgrade-{short}-") as tmp:
        work = Path(tmp)
        code = work / "code"
        _git("worktree", "add", "--detach", str(code), commit)
        try:
            keys = work / "keys"
            run([sys.executable, "-m", "mizan.lib.keyfiles", str(keys)], cwd=code,
                env=installation_env(code, work / "unused", work / "unused", sqlite_path=work / "unused.sqlite3"))
            staging = work / "out"
            staging.mkdir()
            shutil.copytree(keys, staging / "keys")
            parts = {backend: _load(backend, code, work, keys, staging, count=count, pg_base=pg_base)
                     for backend in backends}
        finally:
            _git("worktree", "remove", "--force", str(code))
        manifest = {
            "format": 1,
            "ref": short,
            "commit": commit,
            "subject": _git("log", "-1", "--format=%s", commit),
            "commit_date": _git("log", "-1", "--format=%cI", commit),
            "made_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "made_with": {
                "python": sys.version.split()[0], "sqlite": sqlite3.sqlite_version,
                "pg_dump": run(["pg_dump", "--version"], cwd=ROOT, env=dict(os.environ)).stdout.decode().strip()
                if "postgresql" in backends else None,
            },
            "seed_demo": {"count": count, "seed": 2026},
            "keys": {"folder": "keys", "files": list(KEY_FILES),
                     "note": "test-only keys made for this fixture; they protect fictional demo data only"},
            "backends": parts,
        }
        (staging / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True)
                                               + "\n", encoding="utf-8")
        if out.exists():
            shutil.rmtree(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(staging, out)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ref", required=True, help="the release (a commit, tag or branch)")
    parser.add_argument("--count", type=int, default=60, help="seed_demo --count (default 60)")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL") or DEFAULT_PG,
                        help=f"a PostgreSQL server to make the database on (default {DEFAULT_PG})")
    parser.add_argument("--backend", choices=BACKENDS, action="append",
                        help="only this backend (repeatable; default both)")
    parser.add_argument("--output", type=Path, help="folder to write (default tests/ops/upgrade/<ref>)")
    args = parser.parse_args()
    out = make(args.ref, count=args.count, pg_base=args.database_url,
               backends=tuple(args.backend or BACKENDS), dest=args.output)
    size = sum(path.stat().st_size for path in out.rglob("*") if path.is_file())
    print(f"wrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out} ({size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
