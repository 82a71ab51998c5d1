"""Upgrades: the previous release's demo database, migrated by the current code, keeps everything.

Each folder of tests/ops/upgrade/ is a release's fixture (`tests/ops/make_upgrade_fixture.py`):
its demo data dumped from SQLite and from PostgreSQL, the keys it was made with, and a manifest
of what it held. For the backend the suite runs on (SQLite; PostgreSQL when DATABASE_URL is set,
`make test-postgres`) the dump is restored into a new database (a file in tmp_path; a new
PostgreSQL database, dropped afterwards), and the CURRENT code's `manage.py migrate` runs on it
in a subprocess with the fixture's keys, as an operator upgrading would. Then: every migration is
applied, `makemigrations --check` is clean, no table lost or gained rows, every sampled case's
identities decrypt to the same values and its timeline is unchanged, the audit chain verifies
and still holds the release's rows, and a demo officer logs in (password, then authenticator
code) and opens a case page. On PostgreSQL a missing psql fails the tests; nothing is skipped.
"""

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from tests.ops.make_upgrade_fixture import (
    PROBE,
    ROOT,
    installation_env,
    pg_admin,
    pg_url,
    restore_postgres,
    restore_sqlite,
    run,
)

FIXTURES = Path(__file__).resolve().with_name("upgrade")
RELEASES = sorted(path.parent.name for path in FIXTURES.glob("*/manifest.json"))
PG_URL = os.environ.get("DATABASE_URL", "")
BACKEND = "postgresql" if PG_URL else "sqlite"
RUN_ID = os.environ.get("DATABASE_TEST_NAME", f"test_mizan_{os.getpid()}")

# Tables whose row count may grow in an upgrade: the migrations recorded, and what `migrate`
# itself adds after it (post_migrate) for new models: content types and their permissions.
MAY_GROW = {"django_migrations", "auth_permission", "django_content_type"}
# SQLite FTS5 internals of the search index: b-tree pages (`_data`), segment index (`_idx`) and
# the term list (`search_vocab`), rewritten whenever the index is rebuilt or merged. The number
# of indexed documents (`search_fts`, `search_fts_docsize`) and `search_document` are exact.
FTS_INTERNALS = {"search_fts_data", "search_fts_idx", "search_vocab"}


def test_upgrade_fixture_of_the_previous_release_is_present():
    """No fixture would make the tests below vanish: fail instead (see README, Upgrade)."""
    assert RELEASES, f"no upgrade fixture in {FIXTURES}: run tests/ops/make_upgrade_fixture.py --ref <release>"
    for ref in RELEASES:
        manifest = json.loads((FIXTURES / ref / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["ref"] == ref
        assert set(manifest["backends"]) == {"sqlite", "postgresql"}, manifest["backends"].keys()


class Upgraded:
    """A release's fixture restored into a new database and migrated by the current code."""

    def __init__(self, ref: str, root: Path):
        self.ref = ref
        self.folder = FIXTURES / ref
        self.manifest = json.loads((self.folder / "manifest.json").read_text(encoding="utf-8"))
        self.before = self.manifest["backends"][BACKEND]
        self.var, self.media = root / "var", root / "files"
        self.sqlite_path = root / "mizan.sqlite3"
        self.dbname = f"{RUN_ID}_upgrade_{ref}"
        self.database_url = pg_url(PG_URL, self.dbname) if PG_URL else None

    def env(self) -> dict[str, str]:
        return installation_env(ROOT, self.var, self.media, sqlite_path=self.sqlite_path,
                                database_url=self.database_url, ALLOWED_HOSTS="testserver",
                                EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")

    def run(self, *args: str) -> str:
        """`python ARGS` with the current code and the fixture's keys; fails the test on an error."""
        try:
            result = run([sys.executable, *args], cwd=ROOT, env=self.env())
        except RuntimeError as error:
            pytest.fail(str(error))
        return result.stdout.decode("utf-8")

    def install(self) -> None:
        """Keys and files as an operator puts them back, then the database from the dump."""
        (self.var / "keys").mkdir(parents=True)
        (self.var / "static").mkdir()  # STATIC_ROOT, so whitenoise finds it
        os.chmod(self.var / "keys", 0o700)
        for key in self.manifest["keys"]["files"]:
            target = self.var / "keys" / key
            shutil.copyfile(self.folder / "keys" / key, target)
            os.chmod(target, 0o600)
        if self.before["files"]:
            shutil.copytree(self.folder / self.before["files"], self.media)
        else:
            self.media.mkdir()
        dump = self.folder / self.before["dump"]
        try:
            if self.database_url:
                self.drop()
                pg_admin(PG_URL, f'CREATE DATABASE "{self.dbname}"')
                restore_postgres(dump, self.database_url)
            else:
                restore_sqlite(dump, self.sqlite_path)
        except RuntimeError as error:
            pytest.fail(f"the {self.ref} fixture could not be restored:\n{error}")

    def drop(self) -> None:
        if self.database_url:
            pg_admin(PG_URL, f'DROP DATABASE IF EXISTS "{self.dbname}" WITH (FORCE)')

    def upgrade(self) -> None:
        self.migrate_output = self.run("manage.py", "migrate", "--noinput")
        self.plan = self.run("manage.py", "showmigrations", "--plan")
        references = ",".join(case["reference"] for case in self.before["cases"])
        last = self.before["audit"]["last_event"]
        self.after = json.loads(self.run(str(PROBE), "state", "--references", references,
                                         "--audit-event", str(last["id"])))
        self.verify_audit = self.run("manage.py", "verify_audit")
        self.makemigrations = self.run("manage.py", "makemigrations", "--check", "--dry-run")
        desk = self.before["desk"]
        self.login = json.loads(self.run(str(PROBE), "login", "--logins", str(self.folder / self.before["logins"]),
                                         "--username", desk["username"], "--reference", desk["reference"]))


@pytest.fixture(scope="module", params=RELEASES)
def upgraded(request, tmp_path_factory):
    if BACKEND == "postgresql":
        missing = [tool for tool in ("psql",) if not shutil.which(tool)]
        if missing:
            pytest.fail(f"{', '.join(missing)} not found on PATH: install the PostgreSQL client "
                        "(apt-get install postgresql-client); the upgrade test cannot run without it")
    site = Upgraded(request.param, tmp_path_factory.mktemp(f"upgrade-{request.param}"))
    try:
        site.install()
        site.upgrade()
        yield site
    finally:
        site.drop()


def test_upgrade_runs_the_current_code_on_the_restored_release(upgraded):
    assert upgraded.after["code"] == str(ROOT / "mizan")
    assert upgraded.after["vendor"] == upgraded.before["vendor"] == BACKEND


def test_upgrade_applies_every_migration(upgraded):
    migrations = upgraded.after["migrations"]
    assert migrations["unapplied"] == []
    unapplied = [line for line in upgraded.plan.splitlines() if line.strip().startswith("[ ]")]
    assert unapplied == [], upgraded.plan
    applied = {tuple(node) for node in migrations["applied"]}
    assert {tuple(node) for node in upgraded.before["migrations"]["applied"]} <= applied
    assert {tuple(node) for node in migrations["leaf_nodes"]} <= applied
    # Every migration of the release is still in the current code (none deleted or renamed).
    assert {tuple(node) for node in upgraded.before["migrations"]["applied"]} <= {
        tuple(node) for node in migrations["known"]}


def test_upgrade_leaves_no_model_change_without_a_migration(upgraded):
    assert "No changes detected" in upgraded.makemigrations


def test_upgrade_keeps_the_rows_of_every_table(upgraded):
    before, after = upgraded.before["row_counts"], upgraded.after["row_counts"]
    assert sorted(set(before) - set(after)) == [], "tables dropped by the upgrade"
    changed = {}
    for table, count in before.items():
        now = after[table]
        if table in FTS_INTERNALS:
            continue
        if (now < count) if table in MAY_GROW else (now != count):
            changed[table] = (count, now)
    assert changed == {}, f"row counts (before, after) changed by the upgrade: {changed}"
    assert after["complaints_case"] == before["complaints_case"] > 0
    assert after["search_document"] == before["complaints_case"]
    if BACKEND == "sqlite":
        assert after["search_fts"] == after["search_fts_docsize"] == before["complaints_case"]


def test_upgrade_gives_every_search_document_the_facets_of_its_case(upgraded):
    # Search migration 0003 fills `facets` from the cases in SQL; the code writes them in Python.
    assert upgraded.after["search_facets"] == {"checked": upgraded.before["row_counts"]["complaints_case"], "wrong": 0}


def test_upgrade_keeps_identities_timelines_and_files(upgraded):
    before = {case["reference"]: case for case in upgraded.before["cases"]}
    after = {case["reference"]: case for case in upgraded.after["cases"]}
    assert list(after) == list(before)
    kept = ("organisation", "status", "anonymous", "persons", "identities_given", "identity_sha256",
            "timeline_entries", "timeline_sha256", "attachments")
    for reference, case in before.items():
        assert "missing" not in after[reference], reference
        assert {key: after[reference][key] for key in kept} == {key: case[key] for key in kept}, reference
    # The sample holds identities that really decrypt, and both kinds of case.
    assert sum(case["identities_given"] for case in before.values()) >= 2
    assert any(case["anonymous"] for case in before.values())
    assert all(case["timeline_entries"] > 0 for case in before.values())
    assert upgraded.after["media_files"] == upgraded.before["media_files"]
    stored = set(upgraded.after["media_files"].values())
    for case in after.values():
        for attachment in case["attachments"]:
            assert attachment["sha256"] in stored, (case["reference"], attachment)


def test_upgrade_keeps_the_audit_chain(upgraded):
    audit, before = upgraded.after["audit"], upgraded.before["audit"]
    assert "chain intact" in upgraded.verify_audit
    assert audit["problems"] == []
    assert audit["rows"] >= before["rows"] > 0
    # The release's last row is still there, unchanged: the chain went on from it.
    assert audit["event"] == before["last_event"]
    if audit["rows"] == before["rows"]:
        assert audit["head"] == before["head"]


def test_upgrade_desk_serves_a_case_page_to_a_demo_officer(upgraded):
    steps = upgraded.login["steps"]
    assert steps["password"] == [302, "/accounts/login/code/"], upgraded.login
    assert steps["code"][0] == 302, upgraded.login
    assert steps["case_page"] == [200, ""], upgraded.login
    assert upgraded.login["shows_reference"] is True
