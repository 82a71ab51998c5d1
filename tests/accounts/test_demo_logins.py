"""The demo loader enrols the accounts that must use two-factor authentication and prints their
authenticator keys beside the passwords, so that `make run` gives a usable demo."""

import io

from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mizan.accounts import security
from mizan.accounts.models import AccountSecurity
from mizan.lib import totp

LOGIN, LOGIN_CODE = reverse("login"), reverse("login_code")


def test_demo_logins_carry_a_working_authenticator_key_where_two_factor_is_required(db, tmp_path):
    logins = tmp_path / "demo-logins.txt"
    call_command("seed_demo", count=0, logins_file=str(logins), stdout=io.StringIO())
    lines = {line.split()[0]: line for line in logins.read_text(encoding="utf-8").splitlines()}

    with_key = sorted(name for name, line in lines.items() if "2FA key: " in line)
    assert with_key == sorted(f"{prefix}{suffix}" for prefix in ("", "nhri_")
                              for suffix in ("admin", "officer", "supervisor", "analyst", "auditor"))
    for name in ("officer", "nhri_analyst"):
        username, password = lines[name].split()[:2]
        secret = lines[name].rsplit("2FA key: ", 1)[1].strip()
        state = AccountSecurity.objects.get(user__username=username)
        assert state.has_two_factor and secret not in state.totp_secret_enc
        client = Client()
        assert client.post(LOGIN, {"username": username, "password": password}).url == LOGIN_CODE
        code = totp.totp(totp.secret_bytes(secret), timezone.now().timestamp())
        assert client.post(LOGIN_CODE, {"code": code}).status_code == 302
        assert client.get(reverse("desk:notifications")).status_code == 200

    username, password = lines["intake"].split()[:2]
    client = Client()
    assert client.post(LOGIN, {"username": username, "password": password}).url == reverse("desk:queue")
    assert not security.has_two_factor(client.get(reverse("desk:queue")).wsgi_request.user)
