"""`manage.py rotate_data_key` and the start-up refusal of a lost data key."""

import io
import stat

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import CommandError, SystemCheckError

from mizan.accounts import security
from mizan.accounts.models import AccountSecurity
from mizan.audit.models import AuditEvent
from mizan.complaints import keys
from mizan.complaints.identity import IDENTITY_FIELDS, unseal
from mizan.complaints.models import Person
from mizan.complaints.reveal import reveal_identity
from mizan.core.datakeys import data_vault
from mizan.lib.keyfiles import ensure
from mizan.lib.vault import Vault, generate_key

PEOPLE = [
    {"name": "منى عبد الله", "national_id": "29001011234567", "phone": "01001234567", "email": "mona@example.org"},
    {"name": "Karim Ben Salah", "phone": "+212600112233", "address": "12 rue de Fès, Rabat"},
    {"name": "سعاد", "national_id": "28505051234568"},
    {"name": "أحمد محمود", "email": "ahmed@example.org", "address": "الدقي، الجيزة"},
    {"name": "Leila", "phone": "01112223334"},
]


@pytest.fixture
def key_files(settings, tmp_path):
    """The test data key in a key file, as on a real installation (var/keys/data_key)."""
    current, old = tmp_path / "data_key", tmp_path / "data_keys_old"
    current.write_text(settings.MIZAN_DATA_KEY + "\n")
    settings.MIZAN_DATA_KEY_PATH, settings.MIZAN_DATA_KEYS_OLD_PATH = str(current), str(old)
    return current, old


@pytest.fixture
def sealed(file_case, staff):
    """Five cases with identities, plus the TOTP secrets of the enrolled personas."""
    cases = [file_case(complainant=person)[0] for person in PEOPLE]
    assert AccountSecurity.objects.exclude(totp_secret_enc="").count() == 6
    return cases


def plaintexts() -> dict:
    """Every sealed value of the database, decrypted through the readers the platform uses."""
    values = {}
    for person in Person.objects.order_by("pk"):
        for field in IDENTITY_FIELDS:
            values[("person", person.pk, field)] = unseal(getattr(person, f"{field}_enc"), field, person.case_id)
    for row in AccountSecurity.objects.exclude(totp_secret_enc="").order_by("pk"):
        values[("totp", row.user_id)] = security._unseal(row.totp_secret_enc, row.user_id)
    return values


def key_ids() -> set:
    return set(keys.key_ids_in_use())


def test_rotation_reencrypts_every_value_without_loss(key_files, sealed):
    before = plaintexts()
    assert key_ids() == {"test1"}

    call_command("rotate_data_key", batch_size=2, stdout=io.StringIO())

    new_id = data_vault().primary
    assert new_id != "test1"
    assert key_ids() == {new_id}
    assert plaintexts() == before
    assert sum(1 for v in before.values() if v) == 14 + 6  # 14 identity fields given, 6 TOTP secrets
    current, old = key_files
    assert stat.S_IMODE(current.stat().st_mode) == 0o600 and stat.S_IMODE(old.stat().st_mode) == 0o600
    assert current.read_text().strip().partition(":")[0] == new_id
    assert old.read_text().strip().startswith("test1:")
    event = AuditEvent.objects.get(action="data_key.rotate")
    assert event.data == {"key_id": new_id, "reencrypted": 20, "batches": 6, "from_key_ids": ["test1"],
                          "verified": True}


def test_reads_keep_working_in_the_middle_of_a_rotation(key_files, sealed, staff, monkeypatch):
    before = plaintexts()
    reader_vault = data_vault()  # a process that started before the rotation
    seen_mixed = []
    real = keys.reencrypt_all

    def watched(**kwargs):
        def after_batch(report):
            ids = key_ids()
            seen_mixed.append(len(ids) == 2)
            assert plaintexts() == before
            case = sealed[0]
            revealed = reveal_identity(actor=staff["officer"], case=case, reason="check")
            assert revealed[0]["name"] == PEOPLE[0]["name"]
        return real(**{**kwargs, "after_batch": after_batch})

    monkeypatch.setattr(keys, "reencrypt_all", watched)
    call_command("rotate_data_key", batch_size=1, stdout=io.StringIO())

    assert any(seen_mixed)  # there were moments with values under both keys, and reads worked
    assert reader_vault.primary == "test1" and data_vault().primary != "test1"
    assert plaintexts() == before


def test_interrupted_rotation_is_finished_with_resume(key_files, sealed, monkeypatch):
    before = plaintexts()
    real = keys.reencrypt_all

    def crash_after_first_batch(**kwargs):
        def after_batch(report):
            raise KeyboardInterrupt
        return real(**{**kwargs, "after_batch": after_batch})

    monkeypatch.setattr(keys, "reencrypt_all", crash_after_first_batch)
    with pytest.raises(KeyboardInterrupt):
        call_command("rotate_data_key", batch_size=2, stdout=io.StringIO())
    monkeypatch.setattr(keys, "reencrypt_all", real)
    new_id = data_vault().primary
    assert key_ids() == {"test1", new_id}
    assert keys.count_pending(new_id) == {"person identity": 14 - 7, "TOTP secret": 6}
    assert plaintexts() == before

    with pytest.raises(CommandError, match="unfinished"):
        call_command("rotate_data_key")
    assert data_vault().primary == new_id  # no second new key

    call_command("rotate_data_key", resume=True, stdout=io.StringIO())
    assert key_ids() == {new_id}
    assert plaintexts() == before
    call_command("rotate_data_key", resume=True, stdout=io.StringIO())  # idempotent
    assert AuditEvent.objects.filter(action="data_key.rotate").last().data["reencrypted"] == 0


def test_retired_old_key_can_leave_the_ring(key_files, sealed, settings):
    before = plaintexts()
    call_command("rotate_data_key", stdout=io.StringIO())
    current, old = key_files
    new_ring = current.read_text().strip()
    old.unlink()  # the old key retired
    settings.MIZAN_DATA_KEY = new_ring
    assert Vault(new_ring).keys.keys() == {data_vault().primary}
    assert keys.missing_key_ids() == {}
    call_command("check", stdout=io.StringIO())
    assert plaintexts() == before


def test_dry_run_writes_nothing(key_files, sealed):
    current, old = key_files
    before_tokens = list(Person.objects.order_by("pk").values_list("name_enc", flat=True))
    out = io.StringIO()
    call_command("rotate_data_key", dry_run=True, stdout=out)
    assert current.read_text().strip().startswith("test1:") and not old.exists()
    assert list(Person.objects.order_by("pk").values_list("name_enc", flat=True)) == before_tokens
    assert not AuditEvent.objects.filter(action="data_key.rotate").exists()
    assert "Would install a new key and re-encrypt 20 value(s). Nothing was written." in out.getvalue()


def test_missing_key_is_refused_at_start_up_with_its_id(sealed, settings):
    settings.MIZAN_DATA_KEY_PATH = None
    settings.MIZAN_DATA_KEY = generate_key()  # someone "fixed" a lost key by making a new one
    with pytest.raises(SystemCheckError, match="'test1' \\(20 value"):
        call_command("check")
    with pytest.raises(ImproperlyConfigured, match="'test1'"):
        keys.refuse_to_start_without_keys()
    with pytest.raises(CommandError, match="'test1'"):
        call_command("rotate_data_key")


def test_environment_keys_rotate_in_steps_then_resume(sealed, settings):
    before = plaintexts()
    settings.MIZAN_DATA_KEY_PATH = settings.MIZAN_DATA_KEYS_OLD_PATH = None
    with pytest.raises(CommandError, match="MIZAN_DATA_KEYS_OLD"):
        call_command("rotate_data_key")
    new = generate_key()
    settings.MIZAN_DATA_KEY = f"{new},{settings.MIZAN_DATA_KEY}"  # steps 1 and 2, by the operator
    call_command("rotate_data_key", resume=True, stdout=io.StringIO())
    assert key_ids() == {new.partition(":")[0]}
    assert plaintexts() == before


def test_make_keys_never_replaces_an_existing_data_key(tmp_path):
    (tmp_path / "data_key").write_text("kept:" + "A" * 43)
    created = ensure(tmp_path)
    assert created == ["secret_key", "hash_key"]
    assert (tmp_path / "data_key").read_text() == "kept:" + "A" * 43
