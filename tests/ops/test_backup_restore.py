"""`manage.py backup` and `manage.py restore` on a real installation, on SQLite and on PostgreSQL.

Every command runs in its own process against a site (see conftest.py); the databases are read
directly to compare them. "Nothing changed" is shown by comparing every row and every file
before and after.
"""

import base64
import gzip
import hashlib
import io
import json
import os
import tarfile
import time
from pathlib import Path, PurePosixPath

import pytest
from django.conf import settings

from mizan.lib.sealedstream import SealedWriter
from mizan.ops.backup import _data_keys, read_members
from tests.ops.conftest import ON_POSTGRES

CASES, ATTACHMENTS, AUDIT = "complaints_case", "complaints_attachment", "audit_auditevent"


def seal_members(path: Path, members: dict[str, bytes]) -> Path:
    """Write `members` (in this order) as a sealed archive with this installation's data key."""
    key_id, key = _data_keys()[0]
    with open(path, "wb") as handle:
        sealed = SealedWriter(handle, key_id=key_id, key=key, purpose="mizan backup")
        with gzip.GzipFile(fileobj=sealed, mode="wb") as unpacked, tarfile.open(fileobj=unpacked, mode="w|") as tar:
            for name, data in members.items():
                info = tarfile.TarInfo(name)
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
        sealed.close()
    return path


def staging_left(site) -> list[str]:
    return [p.name for p in site.media.iterdir() if p.name.startswith(".mizan-")] if site.media.exists() else []


def assert_untouched_and_empty(site) -> None:
    assert site.tables() == set()
    assert not site.media.exists()
    assert not site.sqlite_path.exists()


def wait_for(progress: Path, at_least: int, writer, timeout: float = 120) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if writer.poll() is not None:
            pytest.fail(f"the writer stopped early ({writer.returncode}): {writer.stderr.read()}")
        if progress.exists() and int(progress.read_text() or 0) >= at_least:
            return int(progress.read_text())
        time.sleep(0.05)
    pytest.fail(f"the writer did not reach {at_least} cases in {timeout} s")


# --- restore into a fresh place ----------------------------------------------------------------------

def test_restore_into_a_fresh_place_gives_back_every_case_file_and_audit_row(source, archive, sites):
    path, _ = archive
    fresh = sites("fresh")
    assert fresh.tables() == set()

    result = fresh.manage("restore", str(path))

    expected = source.dump()
    assert len(expected[CASES]) == 12 and len(expected[ATTACHMENTS]) == 30 and len(expected[AUDIT]) >= 12
    restored = fresh.dump()
    assert sorted(restored) == sorted(expected)
    for table in expected:  # every row of every table, cases and audit rows included
        assert restored[table] == expected[table], table
    assert fresh.files() == source.files()
    for stored_name, sha256, size in fresh.query(f"SELECT stored_name, sha256, size FROM {ATTACHMENTS}"):
        data = (fresh.media / "attachments" / stored_name).read_bytes()
        assert (hashlib.sha256(data).hexdigest(), len(data)) == (sha256, size)
        assert data == (source.media / "attachments" / stored_name).read_bytes()
    audit_rows = len(expected[AUDIT])
    assert f"Audit log OK: {audit_rows} rows, chain intact." in result.stdout
    assert f"Row counts match the manifest ({len(json.loads(read_members(path)['manifest.json'])['row_counts'])} tables)." in result.stdout
    assert fresh.manage("verify_audit").stdout == f"audit log OK: {audit_rows} rows, chain intact\n"
    # The restored platform works with the keys: every receipt opens its case, identities decrypt.
    receipts = source.people["receipts"]
    probed = json.loads(fresh.tool("probe", "--receipts", json.dumps(list(receipts))).stdout)
    assert probed == {receipt: {"reference": reference, "name": source.people["names"][reference]}
                      for receipt, reference in receipts.items()}
    assert staging_left(fresh) == []


def test_restore_check_only_verifies_and_changes_nothing(archive, empty):
    path, _ = archive
    fresh = empty
    result = fresh.manage("restore", "--check", str(path))
    assert "Archive OK:" in result.stdout
    assert "The target is empty." in result.stdout
    assert "Check complete: nothing was changed." in result.stdout
    assert_untouched_and_empty(fresh)


# --- a consistent snapshot while the platform writes -------------------------------------------------

def test_backup_while_the_platform_writes_is_a_transaction_consistent_snapshot(sites, tmp_path):
    live = sites("live", migrate=True)
    live.tool("populate", "--cases", "4")
    stop, progress = tmp_path / "stop", tmp_path / "progress"
    writer = live.popen_tool("write", "--stop", str(stop), "--progress", str(progress))
    try:
        wait_for(progress, 3, writer)
        before = int(progress.read_text())
        path, output = live.backup(tmp_path / "backups")
        after = int(progress.read_text())
        wait_for(progress, after + 3, writer)
    finally:
        stop.touch()
        _, errors = writer.communicate(timeout=120)
    assert writer.returncode == 0, errors
    assert "locked" not in errors
    assert "WARNING" not in output  # every attachment of the snapshot had its file

    restored = sites("snapshot")
    restored.manage("restore", str(path))

    source_cases = [row[0] for row in live.query(f"SELECT id FROM {CASES} ORDER BY id")]
    cases = [row[0] for row in restored.query(f"SELECT id FROM {CASES} ORDER BY id")]
    # Everything committed before the backup started is in it; the writes went on afterwards.
    assert 4 + before <= len(cases) < len(source_cases)
    assert cases == source_cases[: len(cases)]  # one writer: the snapshot is a prefix of its commits
    # Every case in the backup is whole: its creation audit row, its search document, its files.
    created = {int(row[0]) for row in restored.query(
        f"SELECT target_id FROM {AUDIT} WHERE action = 'case.create' AND target_type = 'case'")}
    assert created == set(cases)
    assert {row[0] for row in restored.query("SELECT case_id FROM search_document")} == set(cases)
    attachments = restored.query(f"SELECT stored_name, sha256 FROM {ATTACHMENTS}")
    assert len(attachments) >= len(cases)
    for stored_name, sha256 in attachments:
        assert hashlib.sha256((restored.media / "attachments" / stored_name).read_bytes()).hexdigest() == sha256
    # The audit log is a prefix of the live one, row for row, and its chain and head agree.
    audit = restored.query(f"SELECT * FROM {AUDIT} ORDER BY id")
    assert audit == live.query(f"SELECT * FROM {AUDIT} ORDER BY id")[: len(audit)]
    assert len(audit) < live.count(AUDIT)
    assert restored.manage("verify_audit").stdout == f"audit log OK: {len(audit)} rows, chain intact\n"


# --- what an archive holds -------------------------------------------------------------------------

def test_archive_is_private_encrypted_and_holds_no_keys(source, archive):
    path, output = archive
    assert path.stat().st_mode & 0o777 == 0o600
    assert "are NOT in this backup" in output and "Back the keys up separately" in output
    raw = path.read_bytes()
    for plaintext in ("ضربوني في قسم الدقي".encode(), b"%PDF-1.4", b"SQLite format 3", b"PGDMP", b"attachments/"):
        assert plaintext not in raw  # sealed: nothing readable without the data key
    members = read_members(path)
    manifest = json.loads(members.pop("manifest.json"))
    database = "database/mizan.pgdump" if ON_POSTGRES else "database/mizan.sqlite3"
    assert sorted(members) == sorted([database] + [f"files/{name}" for name in source.files()])
    assert manifest["files"] == {name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
                                 for name, data in members.items()}
    assert manifest["keys"]["included"] is False
    assert manifest["database"]["vendor"] == ("postgresql" if ON_POSTGRES else "sqlite")
    assert manifest["row_counts"][CASES] == 12 and manifest["row_counts"][AUDIT] == source.count(AUDIT)
    assert manifest["summary"]["attachments"] == 30 and manifest["summary"]["media_files"] == 30
    applied = source.query("SELECT app, name FROM django_migrations")
    assert sorted(map(tuple, manifest["migrations"]["applied"])) == sorted(applied)
    latest = {}
    for app, name in applied:
        latest[app] = max(latest.get(app, name), name)
    assert manifest["migrations"]["latest"] == latest
    secrets_ = [settings.SECRET_KEY, settings.MIZAN_HASH_KEY, settings.MIZAN_DATA_KEY]
    secrets_ += [entry.split(":", 1)[1] for entry in settings.MIZAN_DATA_KEY.split(",")]
    raw_keys = [key for _, key in _data_keys()]
    for name, data in members.items():
        assert not any(part in ("keys", "data_key", "hash_key", "secret_key") for part in PurePosixPath(name).parts)
        for secret in secrets_:
            assert secret.encode() not in data, name
        for key in raw_keys:
            assert key not in data, name


def test_keys_inside_media_root_are_still_left_out(source, tmp_path):
    media = tmp_path / "var"  # a bad setup: MEDIA_ROOT is the whole var folder, keys included
    (media / "keys").mkdir(parents=True)
    (media / "attachments").mkdir()
    for path in (source.media / "attachments").iterdir():
        (media / "attachments" / path.name).write_bytes(path.read_bytes())
    values = {"secret_key": settings.SECRET_KEY, "data_key": settings.MIZAN_DATA_KEY, "hash_key": settings.MIZAN_HASH_KEY}
    for name, value in values.items():
        (media / "keys" / name).write_text(value)
    (media / "elsewhere").mkdir()
    (media / "elsewhere" / "django-secret").write_text(settings.SECRET_KEY)
    env = source.env()
    for name in ("SECRET_KEY", "MIZAN_DATA_KEY", "MIZAN_HASH_KEY"):
        env.pop(name)
    env.update(MIZAN_VAR_DIR=str(media), MEDIA_ROOT=str(media), SECRET_KEY_FILE=str(media / "elsewhere" / "django-secret"))
    out = tmp_path / "out"
    result = source.manage("backup", "--output", f"{out}/", env=env)
    assert "2 key file(s) or folder(s) found inside MEDIA_ROOT were left out" in result.stderr
    members = read_members(next(out.iterdir()))
    names = set(members) - {"manifest.json"}
    assert {name for name in names if name.startswith("files/")} == {
        f"files/attachments/{path.name}" for path in (source.media / "attachments").iterdir()}
    for data in members.values():
        for value in values.values():
            assert value.encode() not in data


# --- refusals: nothing changes ----------------------------------------------------------------------

def test_restore_refuses_a_damaged_cut_short_or_foreign_archive_and_changes_nothing(archive, sites, tmp_path):
    path, _ = archive
    target = sites("damaged")
    target.manage("restore", str(path))
    before = target.state()
    raw = path.read_bytes()
    flipped = bytearray(raw)
    flipped[len(raw) // 2] ^= 0x40
    plain_tar = io.BytesIO()
    with tarfile.open(fileobj=plain_tar, mode="w:gz") as tar:
        info = tarfile.TarInfo("manifest.json")
        tar.addfile(info, io.BytesIO(b""))
    bad = {
        "flipped": (bytes(flipped), "fails authentication"),
        "cut": (raw[: len(raw) * 2 // 3], "cut short"),
        "foreign": (plain_tar.getvalue(), "not a sealed stream"),
    }
    for name, (data, message) in bad.items():
        bad_path = tmp_path / f"{name}.tar.gz.enc"
        bad_path.write_bytes(data)
        result = target.manage("restore", "--force", str(bad_path), expect=1)
        assert message in result.stderr, (name, result.stderr)
        assert "Nothing was changed." in result.stderr
        assert target.state() == before, name
        assert staging_left(target) == []


def test_restore_refuses_members_that_do_not_match_the_manifest(archive, empty, tmp_path):
    path, _ = archive
    members = read_members(path)
    manifest = members.pop("manifest.json")
    attachment = next(name for name in members if name.startswith("files/attachments/"))
    changed = dict(members, **{attachment: members[attachment] + b"tampered"})
    missing = {name: data for name, data in members.items() if name != attachment}
    extra = dict(members, **{"files/attachments/planted": b"%PDF-1.4 planted"})
    escaping = dict(members, **{"files/../../outside": b"x"})
    fresh = empty
    for name, content, message in (
        ("changed", changed, f"{attachment}: SHA-256 or size does not match the manifest"),
        ("missing", missing, f"{attachment}: listed in the manifest but missing from the archive"),
        ("extra", extra, "files/attachments/planted: in the archive but not in the manifest"),
        ("escaping", escaping, "unexpected entry 'files/../../outside'"),
    ):
        bad = seal_members(tmp_path / f"{name}.tar.gz.enc", {**content, "manifest.json": manifest})
        result = fresh.manage("restore", str(bad), expect=1)
        assert message in result.stderr, (name, result.stderr)
        assert "Nothing was changed." in result.stderr
        assert_untouched_and_empty(fresh)
    assert not (tmp_path.parent / "outside").exists()


def test_restore_refuses_a_non_empty_target_without_force(source, archive, sites):
    path, _ = archive
    target = sites("busy")
    target.manage("restore", str(path))
    target.tool("more", "--cases", "1")  # the target moves on: one case more than the backup
    before = target.state()
    assert target.count(CASES) == 13

    check = target.manage("restore", "--check", str(path))
    assert "restoring needs --force" in check.stdout
    refused = target.manage("restore", str(path), expect=1)
    assert "the target is not empty (13 cases" in refused.stderr
    assert "run again with --force" in refused.stderr and "Nothing was changed." in refused.stderr
    assert target.state() == before

    target.manage("restore", "--force", str(path))
    assert target.dump() == source.dump()
    assert target.files() == source.files()
    # Identifiers continue after the restored ones (sequences restored too).
    target.tool("more", "--cases", "1")
    assert target.count(CASES) == 13


def test_restore_refuses_while_a_worker_is_alive_unless_forced(archive, sites):
    path, _ = archive
    idle = sites("idle", migrate=True)  # migrated but empty: only a worker's heartbeat
    now = "now()" if ON_POSTGRES else "strftime('%Y-%m-%d %H:%M:%f', 'now')"
    connection = idle.connect()
    connection.execute(f"INSERT INTO core_workerheartbeat (worker_id, seen_at) VALUES ('host:1', {now})")
    connection.commit()
    connection.close()
    before = idle.state()
    refused = idle.manage("restore", str(path), expect=1)
    assert "a db_worker sent a heartbeat less than a minute ago" in refused.stderr
    assert idle.state() == before
    idle.manage("restore", "--force", str(path))
    assert idle.count(CASES) == 12


def test_restore_refuses_a_backup_made_by_a_newer_schema(archive, empty, tmp_path):
    path, _ = archive
    members = read_members(path)
    manifest = json.loads(members.pop("manifest.json"))
    manifest["migrations"]["applied"].append(["complaints", "9999_from_a_newer_mizan"])
    manifest["migrations"]["latest"]["complaints"] = "9999_from_a_newer_mizan"
    newer = seal_members(tmp_path / "newer.tar.gz.enc", {**members, "manifest.json": json.dumps(manifest).encode()})
    fresh = empty
    result = fresh.manage("restore", str(newer), expect=1)
    assert "this backup was made by a newer version of Mizan" in result.stderr
    assert "complaints.9999_from_a_newer_mizan" in result.stderr and "Nothing was changed." in result.stderr
    assert_untouched_and_empty(fresh)


def test_restore_of_an_older_backup_works_and_says_to_migrate(sites, tmp_path):
    old = sites("old", migrate=True)
    old.manage("migrate", "triage", "zero", "-v", "0")  # as if made before the triage tables existed
    path, _ = old.backup(tmp_path / "backups")
    fresh = sites("from-old")
    result = fresh.manage("restore", str(path))
    assert "made by an older version of Mizan" in result.stdout
    assert "Run `manage.py migrate` now" in result.stdout
    assert "triage_suggestion" not in fresh.tables()
    fresh.manage("migrate", "--noinput", "-v", "0")
    assert "triage_suggestion" in fresh.tables()
    assert fresh.manage("verify_audit").stdout == "audit log OK: 0 rows, chain intact\n"


def test_restore_refuses_other_keys_and_changes_nothing(archive, empty):
    path, _ = archive
    fresh = empty
    other_data_key = "other:" + base64.urlsafe_b64encode(os.urandom(32)).decode()
    result = fresh.manage("restore", str(path), expect=1, env=dict(fresh.env(), MIZAN_DATA_KEY=other_data_key))
    key_id = settings.MIZAN_DATA_KEY.split(":", 1)[0]
    assert f"is encrypted with data key {key_id!r}, which is not in MIZAN_DATA_KEY (it holds: other)" in result.stderr
    assert "Restore the keys from your key backup first." in result.stderr
    result = fresh.manage("restore", str(path), expect=1,
                          env=dict(fresh.env(), MIZAN_HASH_KEY="not-the-hash-key-of-this-backup"))
    assert "MIZAN_HASH_KEY is not the key this backup was made with" in result.stderr
    assert_untouched_and_empty(fresh)


# --- backup errors ------------------------------------------------------------------------------------

def test_backup_that_cannot_be_made_fails_clearly_and_leaves_no_file(sites, tmp_path):
    out = tmp_path / "out"
    missing = sites("missing")
    if ON_POSTGRES:
        env = dict(missing.env(), PATH=str(tmp_path / "no-tools"))
        result = missing.manage("backup", "--output", f"{out}/", env=env, expect=1)
        assert "backup FAILED: pg_dump was not found on PATH" in result.stderr
        missing.drop()
        result = missing.manage("backup", "--output", f"{out}/", expect=1)
        assert "backup FAILED: cannot connect to the PostgreSQL database" in result.stderr
    else:
        result = missing.manage("backup", "--output", f"{out}/", expect=1)
        assert f"backup FAILED: the SQLite database {missing.sqlite_path} does not exist." in result.stderr
        assert not missing.sqlite_path.exists()
    assert list(out.iterdir()) == []
    inside = missing.manage("backup", "--output", f"{missing.media}/backups/", expect=1)
    assert "is inside MEDIA_ROOT" in inside.stderr
