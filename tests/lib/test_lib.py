"""Plain helpers: vault, digits, file types, key files, locale formatting."""

from datetime import date

import pytest
from django.utils import translation

from mizan.core.templatetags.mizan import day, num
from mizan.lib import keyfiles
from mizan.lib.digits import to_arabic_indic, to_ascii_digits
from mizan.lib.filetypes import sniff
from mizan.lib.vault import Vault, VaultError, generate_key, keyed_hash, random_digits


def test_vault_round_trip_and_rotation():
    old, new = generate_key(), generate_key()
    token = Vault(old).encrypt("أحمد", "person.name.case1")
    ring = Vault(f"{new},{old}")
    assert ring.decrypt(token, "person.name.case1") == "أحمد"
    assert ring.key_id_of(ring.encrypt("x", "c")) == new.split(":")[0]


def test_vault_refuses_wrong_key_and_wrong_context():
    token = Vault(generate_key()).encrypt("secret", "ctx")
    with pytest.raises(VaultError):
        Vault(generate_key()).decrypt(token, "ctx")
    with pytest.raises(VaultError):
        Vault("bad-key-without-id").encrypt("x", "c")


def test_keyed_hash_depends_on_purpose_and_key():
    assert keyed_hash("k", "receipt", "1") != keyed_hash("k", "phone", "1")
    assert keyed_hash("k", "receipt", "1") != keyed_hash("k2", "receipt", "1")
    assert len(keyed_hash("k", "receipt", "1")) == 64


def test_random_digits_are_digits():
    value = random_digits(16)
    assert len(value) == 16 and value.isdigit()


def test_digits_conversion():
    assert to_ascii_digits("٠١٢٣٤٥٦٧٨٩ ۴") == "0123456789 4"
    assert to_arabic_indic("2026") == "٢٠٢٦"


@pytest.mark.parametrize(("head", "expected"), [
    (b"%PDF-1.7\n", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n....", "image/png"),
    (b"\xff\xd8\xff\xe0", "image/jpeg"),
    (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image/webp"),
    (b"MZ\x90\x00", None),
    (b"<svg xmlns='http://www.w3.org/2000/svg'><script>", None),
    (b"<html><script>", None),
    (b"", None),
])
def test_sniff_decides_by_content(head, expected):
    assert sniff(head, head) == expected


def test_keyfiles_never_overwrite(tmp_path):
    assert sorted(keyfiles.ensure(tmp_path)) == ["data_key", "hash_key", "secret_key"]
    before = (tmp_path / "data_key").read_text()
    assert keyfiles.ensure(tmp_path) == []
    assert (tmp_path / "data_key").read_text() == before


class Org:
    arabic_indic_digits = True
    show_hijri = True


def test_num_and_day_follow_language_and_organisation():
    with translation.override("ar"):
        assert num(1234, Org()) == "١٬٢٣٤"
        assert num(1234) == "1,234"
        assert day(date(2026, 11, 22), Org()) == "٢٢ نوفمبر ٢٠٢٦ (١٢ جمادى الآخرة ١٤٤٨ هـ)"
    with translation.override("fr"):
        assert day(date(2026, 11, 22)) == "22 novembre 2026"
    with translation.override("en"):
        assert day(date(2080, 1, 1), Org()) == "1 January 2080"  # outside the Hijri converter's range
