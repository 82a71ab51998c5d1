"""Installations ("sites") for the backup and restore tests, each run as separate processes.

A site is a database (a new SQLite file, or on PostgreSQL a new database created for the test
run and dropped after it) plus its own MEDIA_ROOT and var folder. `manage.py backup`,
`manage.py restore` and the writers run in subprocesses with the site's environment, as an
operator and the platform would run them; the test reads the databases directly to compare them.

The suite runs on PostgreSQL when DATABASE_URL is set (`make test-postgres`); the tools
pg_dump, pg_restore and psql must then be installed: a missing tool fails the tests, it never
skips them.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
PG_URL = os.environ.get("DATABASE_URL", "")
ON_POSTGRES = bool(PG_URL)
RUN_ID = os.environ.get("DATABASE_TEST_NAME", f"test_mizan_{os.getpid()}")


def _pg_url(dbname: str) -> str:
    parts = urlsplit(PG_URL)
    return urlunsplit((parts.scheme, parts.netloc, f"/{dbname}", parts.query, ""))


def _pg_admin():
    import psycopg

    return psycopg.connect(PG_URL, autocommit=True)


class Site:
    """One installation: database + MEDIA_ROOT + var, and the commands run against it."""

    def __init__(self, root: Path, name: str):
        self.root = root
        self.name = name
        self.media = root / "files"
        self.var = root / "var"
        self.sqlite_path = root / "mizan.sqlite3"
        self.dbname = f"{RUN_ID}_ops_{name}"

    # --- environment and commands -------------------------------------------------------------
    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.pop("SQLITE_PATH", None)
        env.pop("DATABASE_URL", None)
        env.update(MIZAN_VAR_DIR=str(self.var), MEDIA_ROOT=str(self.media), PYTHONPATH=str(ROOT),
                   MIZAN_TASKS_INLINE="always", DJANGO_SETTINGS_MODULE="mizan.settings")
        if ON_POSTGRES:
            env["DATABASE_URL"] = _pg_url(self.dbname)
        else:
            env["SQLITE_PATH"] = str(self.sqlite_path)
        return env

    def run(self, *args: str, expect: int | None = 0, env: dict | None = None, timeout: int = 300):
        result = subprocess.run([sys.executable, *args], cwd=ROOT, env=env or self.env(), capture_output=True,
                                text=True, timeout=timeout, check=False)
        if expect is not None and result.returncode != expect:
            pytest.fail(f"{' '.join(args)} exited {result.returncode}, expected {expect}\n"
                        f"--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}")
        return result

    def manage(self, *args: str, **kwargs):
        return self.run("manage.py", *args, **kwargs)

    def tool(self, *args: str, **kwargs):
        return self.run("-m", "tests.ops.sitetool", *args, **kwargs)

    def popen_tool(self, *args: str) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", "tests.ops.sitetool", *args], cwd=ROOT, env=self.env(),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def backup(self, out: Path) -> tuple[Path, str]:
        """Run `manage.py backup --output out/`; return the archive and the command's output."""
        out.mkdir(parents=True, exist_ok=True)
        before = set(out.iterdir())
        result = self.manage("backup", "--output", f"{out}/")
        made = sorted(set(out.iterdir()) - before)
        assert [path.name.endswith(".tar.gz.enc") for path in made] == [True], made
        return made[0], result.stdout + result.stderr

    # --- the database, read directly --------------------------------------------------------------
    def create_database(self, template: "Site | None" = None) -> None:
        """A new, empty database; or a copy of `template`'s (a site no process uses any more)."""
        if ON_POSTGRES:
            with _pg_admin() as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{self.dbname}" WITH (FORCE)')
                like = f' TEMPLATE "{template.dbname}"' if template else ""
                admin.execute(f'CREATE DATABASE "{self.dbname}"{like}')
        elif template:
            source, copy = sqlite3.connect(template.sqlite_path), sqlite3.connect(self.sqlite_path)
            try:
                source.backup(copy)  # page by page, whatever the journal mode
            finally:
                copy.close()
                source.close()

    def drop(self) -> None:
        if ON_POSTGRES:
            with _pg_admin() as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{self.dbname}" WITH (FORCE)')

    def connect(self):
        if ON_POSTGRES:
            import psycopg

            return psycopg.connect(_pg_url(self.dbname))
        return sqlite3.connect(self.sqlite_path)

    def query(self, sql: str) -> list[tuple]:
        connection = self.connect()
        try:
            cursor = connection.cursor()
            cursor.execute(sql)
            return [tuple(row) for row in cursor.fetchall()]
        finally:
            connection.close()

    def tables(self) -> set[str]:
        if ON_POSTGRES:
            rows = self.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        elif not self.sqlite_path.exists():
            return set()
        else:
            rows = self.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        return {row[0] for row in rows}

    def rows(self, table: str) -> list[tuple]:
        """Every row of `table`, in a stable order (whatever its key columns are)."""
        return sorted(self.query(f'SELECT * FROM "{table}"'), key=repr)

    def count(self, table: str) -> int:
        return self.query(f'SELECT COUNT(*) FROM "{table}"')[0][0]

    def dump(self) -> dict[str, list[tuple]]:
        """The whole database: every table's rows."""
        return {table: self.rows(table) for table in sorted(self.tables())}

    def files(self) -> dict[str, str]:
        """SHA-256 of every file under MEDIA_ROOT, by relative path."""
        if not self.media.exists():
            return {}
        return {path.relative_to(self.media).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
                for path in sorted(self.media.rglob("*")) if path.is_file()}

    def state(self) -> tuple:
        """Everything a restore could change: database rows and files."""
        return self.dump(), self.files()


@pytest.fixture(scope="session")
def pg_tools():
    """On PostgreSQL the client tools must be there: fail loudly, never skip."""
    if ON_POSTGRES:
        missing = [tool for tool in ("pg_dump", "pg_restore", "psql") if not shutil.which(tool)]
        if missing:
            pytest.fail(f"{', '.join(missing)} not found on PATH: install the PostgreSQL client "
                        "(apt-get install postgresql-client); the backup tests cannot run without it")


@pytest.fixture(scope="session")
def sites(tmp_path_factory, pg_tools):
    """Factory: sites("name", migrate=...) -> Site; every database it made is dropped at the end.

    `manage.py migrate` runs once, into a template site made the first time a migrated site is
    asked for; each migrated site is then a copy of its database (SQLite: the file copied;
    PostgreSQL: CREATE DATABASE ... TEMPLATE), as migrating it would have made it. Migrating
    takes seconds; copying, a fraction of one. Whatever migrate wrote under the template's
    MEDIA_ROOT or var folder (nothing, today) is copied too.
    """
    made: list[Site] = []
    template: list[Site] = []

    def migrated() -> Site:
        if not template:
            site = Site(tmp_path_factory.mktemp("site-template"), "template")
            site.create_database()
            made.append(site)
            site.manage("migrate", "--noinput", "-v", "0")
            template.append(site)
        return template[0]

    def make(name: str, *, migrate: bool = False) -> Site:
        site = Site(tmp_path_factory.mktemp(f"site-{name}"), name)
        site.create_database(migrated() if migrate else None)
        made.append(site)
        if migrate:
            for folder in ("media", "var"):  # whatever migrate may have written there
                if getattr(template[0], folder).exists():
                    shutil.copytree(getattr(template[0], folder), getattr(site, folder))
        return site

    yield make
    for site in made:
        site.drop()


@pytest.fixture(scope="session")
def source(sites):
    """A populated site, never written to after `populate` (tests compare against it)."""
    site = sites("source", migrate=True)
    site.people = json.loads(site.tool("populate", "--cases", "12").stdout)
    return site


@pytest.fixture(scope="session")
def empty(sites):
    """A site with nothing in it yet, shared by the tests that prove a refused restore changes nothing."""
    return sites("empty")


@pytest.fixture(scope="session")
def archive(source, tmp_path_factory):
    """A backup of `source`: (path, the command's output)."""
    return source.backup(tmp_path_factory.mktemp("backups"))
