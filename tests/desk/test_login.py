"""The staff login page (password, then the second factor where the user has one) and the audit
rows every login, logout and failed login leaves. Lockout, enrolment and sessions: tests/accounts."""

import json

from django.urls import reverse

from mizan.audit.logins import username_hash
from mizan.audit.models import AuditEvent, verify_chain
from tests.conftest import PASSWORD, login_code

from .test_queue_support import english

LOGIN = reverse("login")
LOGIN_CODE = reverse("login_code")
LOGOUT = reverse("logout")


def test_login_page_renders_rtl_with_autocomplete(client, db):
    response = client.get(LOGIN)
    body = response.content.decode()

    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in body
    assert 'autocomplete="username"' in body
    assert 'autocomplete="current-password"' in body
    assert 'type="password"' in body
    assert "error-summary" not in body


def test_login_success_redirects_to_queue_and_audits(client, staff, org):
    response = client.post(LOGIN, {"username": "officer", "password": PASSWORD})

    assert response.status_code == 302
    assert response.url == LOGIN_CODE
    assert not AuditEvent.objects.filter(action="auth.login").exists()  # not logged in yet

    response = client.post(LOGIN_CODE, {"code": login_code(staff["officer"])})

    assert response.status_code == 302
    assert response.url == reverse("desk:queue")
    event = AuditEvent.objects.get(action="auth.login")
    assert (event.organisation, event.actor, event.data) == (org, staff["officer"], {})
    assert verify_chain() == (AuditEvent.objects.count(), [])
    assert client.get(reverse("desk:queue")).status_code == 200


def test_login_with_password_alone_when_the_user_has_no_second_factor(client, staff):
    response = client.post(LOGIN, {"username": "intake", "password": PASSWORD})

    assert response.status_code == 302
    assert response.url == reverse("desk:queue")
    assert AuditEvent.objects.get(action="auth.login").actor == staff["intake"]


def test_login_password_step_alone_opens_nothing(client, staff):
    client.post(LOGIN, {"username": "supervisor", "password": PASSWORD})

    response = client.get(reverse("desk:queue"))

    assert response.status_code == 302
    assert response.url == f"{LOGIN}?next={reverse('desk:queue')}"


def test_login_code_page_renders_rtl_with_one_time_code_field(client, staff):
    client.post(LOGIN, {"username": "officer", "password": PASSWORD})

    response = client.get(LOGIN_CODE)
    body = response.content.decode()

    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in body
    assert 'autocomplete="one-time-code"' in body
    assert 'name="code"' in body
    assert response["Cache-Control"].startswith("max-age=0")


def test_login_follows_next(client, staff):
    client.post(LOGIN, {"username": "analyst", "password": PASSWORD, "next": reverse("desk:notifications")})

    response = client.post(LOGIN_CODE, {"code": login_code(staff["analyst"])})

    assert response.url == reverse("desk:notifications")


def test_login_ignores_next_on_another_site(client, staff):
    response = client.post(LOGIN, {"username": "intake", "password": PASSWORD, "next": "https://evil.example/"})

    assert response.url == reverse("desk:queue")


def test_login_failure_shows_error_summary_and_keeps_username(client, staff):
    response = english(client).post(LOGIN, {"username": "officer", "password": "wrong password"})
    body = response.content.decode()

    assert response.status_code == 200
    assert 'class="error-summary"' in body
    assert "Please enter a correct username and password." in body
    assert 'name="username" value="officer"' in body
    assert 'aria-invalid="true"' in body
    assert "wrong password" not in body


def test_login_failure_audit_row_has_only_keyed_hash(client, staff, org):
    client.post(LOGIN, {"username": "officer", "password": "wrong password"})

    event = AuditEvent.objects.get(action="auth.login_failed")
    assert (event.organisation, event.actor, event.actor_label) == (org, None, "anonymous")
    assert event.data == {"username_hash": username_hash("officer")}
    stored = json.dumps(event.data) + event.payload()
    assert "officer" not in stored
    assert "wrong password" not in stored
    assert "127.0.0.1" not in stored
    assert not AuditEvent.objects.filter(action="auth.login").exists()


def test_login_failure_for_unknown_name_belongs_to_no_organisation(client, staff):
    client.post(LOGIN, {"username": "مجهول", "password": "whatever it is"})

    event = AuditEvent.objects.get(action="auth.login_failed")
    assert (event.organisation, event.actor) == (None, None)
    assert event.data == {"username_hash": username_hash("مجهول")}
    assert "مجهول" not in event.payload()


def test_login_failure_hash_groups_attempts_on_one_name(client, staff):
    client.post(LOGIN, {"username": "officer", "password": "guess one"})
    client.post(LOGIN, {"username": " Officer ", "password": "guess two"})
    client.post(LOGIN, {"username": "officer2", "password": "guess three"})

    hashes = list(AuditEvent.objects.filter(action="auth.login_failed").order_by("id").values_list("data", flat=True))
    assert hashes[0] == hashes[1] != hashes[2]
    assert len(hashes[0]["username_hash"]) == 64


def test_logout_is_audited(client, staff, org):
    client.post(LOGIN, {"username": "supervisor", "password": PASSWORD})
    client.post(LOGIN_CODE, {"code": login_code(staff["supervisor"])})

    response = client.post(LOGOUT)

    assert response.status_code == 302
    event = AuditEvent.objects.get(action="auth.logout")
    assert (event.organisation, event.actor, event.data) == (org, staff["supervisor"], {})


def test_logout_without_session_records_nothing(client, db):
    client.post(LOGOUT)

    assert not AuditEvent.objects.filter(action="auth.logout").exists()


def test_login_of_user_without_membership_has_no_organisation(client, django_user_model):
    django_user_model.objects.create_user("lonely", password=PASSWORD)

    client.post(LOGIN, {"username": "lonely", "password": PASSWORD})

    event = AuditEvent.objects.get(action="auth.login")
    assert (event.organisation, event.actor.username) == (None, "lonely")
