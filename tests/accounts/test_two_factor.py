"""Two-factor authentication: who must have it, enrolment, recovery codes, turning off and
replacing, and that nothing in the desk or the admin opens before it."""

import io
import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from mizan.accounts import security
from mizan.accounts.models import AccountSecurity, Membership, RecoveryCode, Role
from mizan.audit.models import AuditEvent
from mizan.complaints.access import can
from mizan.desk import urls as desk_urls
from mizan.lib import totp
from mizan.lib.vault import VaultError
from mizan.triage import urls as triage_urls
from tests.conftest import PASSWORD, enrol, login_code, make_user, totp_secret
from tests.desk.test_queue_support import english

from .conftest import LOGIN, LOGIN_CODE, log_in

SETUP = reverse("desk:two_factor_setup")
ACCOUNT = reverse("desk:account")
SAMPLE_KWARGS = {"reference": "EG-2026-000001", "pk": 1, "name": "review"}


def fresh(org, role, username="newcomer", **kwargs):
    """A user of `org` with `role` who has not set up two-factor authentication."""
    return make_user(username, org, role, two_factor=False, **kwargs)


def secret_of(user) -> str:
    state = AccountSecurity.objects.get(user=user)
    return security._unseal(state.totp_secret_enc, user.pk)


def code_now(secret: str, clock, offset: int = 0) -> str:
    return totp.hotp(totp.secret_bytes(secret), totp.step_at(clock.now.timestamp()) + offset)


def recovery_codes_in(response) -> list[str]:
    return re.findall(r"<code>([a-z0-9]{5}-[a-z0-9]{5})</code>", response.content.decode())


def every_protected_url() -> list[str]:
    """Every page of the desk and of triage, with sample arguments, and the admin."""
    urls = []
    for namespace, patterns in (("desk", desk_urls.urlpatterns), ("triage", triage_urls.urlpatterns)):
        for pattern in patterns:
            if pattern.name == "two_factor_setup":
                continue
            kwargs = {key: SAMPLE_KWARGS[key] for key in pattern.pattern.converters}
            urls.append(reverse(f"{namespace}:{pattern.name}", kwargs=kwargs))
    return [*urls, reverse("admin:index"), reverse("admin:accounts_membership_changelist")]


# --- who must have it --------------------------------------------------------------------------

@pytest.mark.parametrize(("role", "reveal", "required"), [
    (Role.INTAKE_OFFICER, False, False), (Role.INTAKE_OFFICER, True, True),
    (Role.CASE_OFFICER, False, False), (Role.CASE_OFFICER, True, True),
    (Role.SUPERVISOR, False, True), (Role.SUPERVISOR, True, True),
    (Role.ANALYST, False, True), (Role.AUDITOR, False, True), (Role.ORG_ADMIN, False, True),
])
def test_two_factor_required_by_role_and_reveal_right(org, role, reveal, required):
    user = fresh(org, role, can_reveal=reveal)

    assert security.two_factor_required(user) is required


@pytest.mark.parametrize("role", Role.values)
@pytest.mark.parametrize("reveal", [False, True])
def test_two_factor_required_for_every_right_to_reveal_see_statistics_or_audit(org, role, reveal):
    user = fresh(org, role, can_reveal=reveal)
    sensitive = any(can(user, action) for action in ("reveal_identity", "view_statistics", "view_audit"))

    assert not sensitive or security.two_factor_required(user)


def test_two_factor_required_for_admin_site_users_and_superusers(db):
    staff_user = get_user_model().objects.create_user("site-staff", password=PASSWORD, is_staff=True)
    superuser = get_user_model().objects.create_superuser("root", password=PASSWORD)
    plain = get_user_model().objects.create_user("plain", password=PASSWORD)

    assert [security.two_factor_required(u) for u in (staff_user, superuser, plain)] == [True, True, False]


def test_organisation_setting_requires_it_of_everyone_there_only(org, other_org):
    intake = fresh(org, Role.INTAKE_OFFICER)
    elsewhere = fresh(other_org, Role.CASE_OFFICER, username="elsewhere")

    org.require_2fa_for_all = True
    org.save(update_fields=["require_2fa_for_all"])
    intake.refresh_from_db()

    assert security.two_factor_required(intake) is True
    assert security.two_factor_required(elsewhere) is False


# --- nothing opens before enrolment ----------------------------------------------------------------

@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.ANALYST, Role.AUDITOR, Role.ORG_ADMIN])
def test_every_desk_url_sends_a_required_user_to_enrolment(client, org, role):
    client.force_login(fresh(org, role))

    for url in every_protected_url():
        get, post = client.get(url), client.post(url)
        assert (get.status_code, get.url) == (302, SETUP), url
        assert (post.status_code, post.url) == (302, SETUP), url


def test_officer_with_reveal_right_sent_to_enrolment_after_password_login(client, org):
    user = fresh(org, Role.CASE_OFFICER, can_reveal=True)

    response = client.post(LOGIN, {"username": user.username, "password": PASSWORD})
    assert response.url == reverse("desk:queue")  # logged in: the password is all they have yet

    response = client.get(reverse("desk:queue"))
    assert (response.status_code, response.url) == (302, SETUP)
    assert client.get(SETUP).status_code == 200


def test_enrolment_cannot_be_skipped_with_htmx(client, org, staff):
    client.force_login(fresh(org, Role.SUPERVISOR))

    response = client.get(reverse("desk:queue"), HTTP_HX_REQUEST="true")

    assert response.status_code == 204
    assert response["HX-Redirect"] == SETUP


def test_enrolment_leaves_logout_and_language_open(client, org):
    client.force_login(fresh(org, Role.AUDITOR))

    assert client.post(reverse("set_language"), {"language": "en", "next": SETUP}).url == SETUP
    response = client.post(reverse("logout"))

    assert response.url == LOGIN
    assert client.get(reverse("desk:queue")).url == f"{LOGIN}?next={reverse('desk:queue')}"


def test_organisation_setting_sends_every_member_to_enrolment(client, org, other_org, staff):
    org.require_2fa_for_all = True
    org.save(update_fields=["require_2fa_for_all"])
    outsider_officer = fresh(other_org, Role.CASE_OFFICER, username="nhri-officer")

    client.force_login(staff["intake"])
    assert client.get(reverse("desk:queue")).url == SETUP

    client.force_login(outsider_officer)
    assert client.get(reverse("desk:queue")).status_code == 200


def test_user_who_need_not_have_it_uses_the_desk_without_it(client, staff):
    client.force_login(staff["officer2"])

    assert client.get(reverse("desk:queue")).status_code == 200
    assert client.get(reverse("desk:notifications")).status_code == 200


def test_admin_login_is_the_two_step_login(client, staff):
    response = client.get(reverse("admin:login"), {"next": "/admin/"})

    assert response.status_code == 302
    assert response.url == f"{LOGIN}?next=%2Fadmin%2F"
    unauthenticated = client.get(reverse("admin:index"))
    assert client.get(unauthenticated.url).url.startswith(LOGIN)


def test_admin_site_user_without_two_factor_gets_no_admin_page(client, db):
    root = get_user_model().objects.create_superuser("root", password=PASSWORD)

    response = client.post(LOGIN, {"username": "root", "password": PASSWORD, "next": "/admin/"})
    assert response.url == "/admin/"

    assert client.get("/admin/").url == SETUP
    assert client.get(reverse("admin:accounts_organisation_changelist")).url == SETUP
    enrol(root)
    assert client.get("/admin/").status_code == 200


# --- enrolment --------------------------------------------------------------------------------------

def test_enrolment_page_shows_key_uri_and_server_drawn_qr(client, org):
    user = fresh(org, Role.SUPERVISOR)
    client.force_login(user)

    response = english(client).get(SETUP)
    body = response.content.decode()
    secret = secret_of(user)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    grouped = " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))
    assert f'<p class="secret-key" dir="ltr" id="totp-secret">{grouped}</p>' in body
    assert f"otpauth://totp/Mizan%3Anewcomer?secret={secret}&amp;issuer=Mizan" in body
    assert '<svg width="' in body and 'class="qr-code"' in body
    assert "<title>QR code to scan with your authenticator app</title>" in body
    assert "<script>" not in body and " style=" not in body  # nothing the CSP would block
    assert "http://" not in body.split("<main", 1)[1].split("</main>")[0]  # no outside service


def test_enrolment_secret_is_sealed_and_stays_the_same_until_confirmed(client, org):
    user = fresh(org, Role.SUPERVISOR)
    client.force_login(user)

    client.get(SETUP)
    first = AccountSecurity.objects.get(user=user)
    client.get(SETUP)
    second = AccountSecurity.objects.get(user=user)
    secret = secret_of(user)

    assert first.totp_secret_enc == second.totp_secret_enc
    assert first.totp_secret_enc.startswith("v1.test1.")
    assert secret not in first.totp_secret_enc
    assert first.totp_confirmed_at is None
    with pytest.raises(VaultError):  # bound to its user: useless in another user's row
        security._vault(settings.MIZAN_DATA_KEY).decrypt(first.totp_secret_enc, f"accounts.totp.user{user.pk + 1}")


def test_enrolment_with_a_wrong_code_changes_nothing(client, org, clock):
    user = fresh(org, Role.SUPERVISOR)
    client.force_login(user)
    client.get(SETUP)
    wrong = code_now(secret_of(user), clock, offset=5)

    response = english(client).post(SETUP, {"code": wrong})

    assert response.status_code == 400
    assert "That code is not right" in response.content.decode()
    assert AccountSecurity.objects.get(user=user).totp_confirmed_at is None
    assert RecoveryCode.objects.filter(user=user).count() == 0
    assert not AuditEvent.objects.filter(action="auth.2fa_enabled").exists()
    assert client.get(reverse("desk:queue")).url == SETUP


def test_enrolment_confirmed_shows_ten_recovery_codes_once_stored_hashed(client, org, clock):
    user = fresh(org, Role.SUPERVISOR)
    client.force_login(user)
    client.get(SETUP)

    response = client.post(SETUP, {"code": code_now(secret_of(user), clock)})
    codes = recovery_codes_in(response)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert len(codes) == len(set(codes)) == 10
    stored = list(RecoveryCode.objects.filter(user=user).values_list("code_hash", flat=True))
    assert len(stored) == 10
    assert all(len(h) == 64 for h in stored)
    assert not {c.replace("-", "") for c in codes} & set(stored)
    assert not any(c.replace("-", "") in h for c in codes for h in stored)
    state = AccountSecurity.objects.get(user=user)
    assert state.has_two_factor and state.totp_last_step == totp.step_at(clock.now.timestamp())
    event = AuditEvent.objects.get(action="auth.2fa_enabled")
    assert (event.organisation, event.actor, event.target_id, event.data) == (org, user, str(user.pk), {})
    # The desk opens; the codes are never shown again.
    assert client.get(reverse("desk:notifications")).status_code == 200
    assert client.get(SETUP).url == ACCOUNT
    assert not recovery_codes_in(client.get(ACCOUNT))


def test_enrolment_code_cannot_log_in_again(client, org, clock):
    user = fresh(org, Role.SUPERVISOR)
    client.force_login(user)
    client.get(SETUP)
    code = code_now(secret_of(user), clock)
    client.post(SETUP, {"code": code})
    client.post(reverse("logout"))

    response = log_in(client, user, code=code)

    assert response.status_code == 400
    assert client.get(reverse("desk:queue")).status_code == 302


def test_enrolment_ends_the_other_sessions_of_the_user(client, org, clock):
    user = fresh(org, Role.SUPERVISOR)
    elsewhere = Client()
    elsewhere.force_login(user)
    client.force_login(user)
    client.get(SETUP)

    client.post(SETUP, {"code": code_now(secret_of(user), clock)})

    assert client.get(reverse("desk:notifications")).status_code == 200
    assert elsewhere.get(reverse("desk:notifications")).url.startswith(LOGIN)


# --- login with the second factor -------------------------------------------------------------------

def test_login_refuses_a_wrong_code_and_stays_logged_out(client, staff, clock):
    client.post(LOGIN, {"username": "officer", "password": PASSWORD})

    response = english(client).post(LOGIN_CODE, {"code": code_now(totp_secret("officer"), clock, offset=3)})

    assert response.status_code == 400
    assert "That code is not valid" in response.content.decode()
    assert client.get(reverse("desk:queue")).url.startswith(LOGIN)
    event = AuditEvent.objects.get(action="auth.2fa_failed")
    assert (event.actor, event.target_id, event.data) == (None, str(staff["officer"].pk), {"purpose": "login"})


def test_login_accepts_the_previous_and_next_step_only(client, staff, clock):
    secret = totp_secret("auditor")
    for offset, expected in ((-2, 400), (2, 400), (-1, 302)):
        client.post(LOGIN, {"username": "auditor", "password": PASSWORD})
        response = client.post(LOGIN_CODE, {"code": code_now(secret, clock, offset)})
        assert response.status_code == expected, offset


def test_login_code_used_once_is_refused_the_second_time(client, staff, clock):
    code = code_now(totp_secret("supervisor"), clock)
    assert log_in(client, staff["supervisor"], code=code).status_code == 302
    client.post(reverse("logout"))

    response = log_in(client, staff["supervisor"], code=code)

    assert response.status_code == 400
    assert client.get(reverse("desk:queue")).url.startswith(LOGIN)
    clock.advance(seconds=30)
    assert log_in(client, staff["supervisor"], code=code_now(totp_secret("supervisor"), clock)).status_code == 302


def test_login_with_a_recovery_code_works_once(client, org, clock):
    user = fresh(org, Role.ANALYST)
    client.force_login(user)
    client.get(SETUP)
    codes = recovery_codes_in(client.post(SETUP, {"code": code_now(secret_of(user), clock)}))
    client.post(reverse("logout"))

    response = log_in(english(client), user, code=codes[3].upper().replace("-", " "))
    assert response.status_code == 302
    assert "9 recovery codes are left" in client.get(ACCOUNT).content.decode()
    client.post(reverse("logout"))
    again = log_in(client, user, code=codes[3])

    assert again.status_code == 400
    assert RecoveryCode.objects.filter(user=user, used_at__isnull=False).count() == 1
    event = AuditEvent.objects.get(action="auth.2fa_recovery_used")
    assert (event.actor, event.data) == (user, {"purpose": "login", "remaining": 9})


def test_login_code_step_needs_the_password_step_first(client, staff):
    response = client.post(LOGIN_CODE, {"code": login_code(staff["officer"])})

    assert response.url == LOGIN
    assert client.get(reverse("desk:queue")).url.startswith(LOGIN)


# --- account page: new codes, replace, turn off ------------------------------------------------------

def test_account_page_shows_status_and_no_off_switch_when_required(client, staff):
    english(client).force_login(staff["supervisor"])

    body = client.get(ACCOUNT).content.decode()

    assert "You have 0 unused recovery codes." in body
    assert reverse("desk:recovery_codes") in body
    assert reverse("desk:two_factor_replace") in body
    assert reverse("desk:two_factor_disable") not in body
    assert reverse("desk:logout_everywhere") in body
    assert "You are logged out after 30 minutes without activity." in body
    assert "Whatever you do, a session ends 12 hours after you logged in." in body


def test_new_recovery_codes_need_a_good_code_and_replace_the_old_ones(client, org, clock):
    user = fresh(org, Role.AUDITOR)
    client.force_login(user)
    client.get(SETUP)
    old = recovery_codes_in(client.post(SETUP, {"code": code_now(secret_of(user), clock)}))
    before = set(RecoveryCode.objects.filter(user=user).values_list("code_hash", flat=True))

    refused = client.post(reverse("desk:recovery_codes"), {"code": "000000"})
    assert refused.url == ACCOUNT
    assert set(RecoveryCode.objects.filter(user=user).values_list("code_hash", flat=True)) == before

    clock.advance(seconds=30)
    new = recovery_codes_in(client.post(reverse("desk:recovery_codes"), {"code": code_now(secret_of(user), clock)}))

    assert len(new) == 10 and not set(new) & set(old)
    assert set(RecoveryCode.objects.filter(user=user).values_list("code_hash", flat=True)).isdisjoint(before)
    assert AuditEvent.objects.filter(action="auth.2fa_recovery_regenerated", actor=user).count() == 1
    client.post(reverse("logout"))
    assert log_in(client, user, code=old[0]).status_code == 400
    assert log_in(client, user, code=new[0]).status_code == 302


def test_turning_off_is_refused_where_required(client, staff):
    english(client).force_login(staff["supervisor"])

    response = client.post(reverse("desk:two_factor_disable"), {"code": login_code(staff["supervisor"])}, follow=True)

    assert "it cannot be turned off" in response.content.decode()
    assert security.has_two_factor(staff["supervisor"])
    assert not AuditEvent.objects.filter(action="auth.2fa_disabled").exists()
    with pytest.raises(security.TwoFactorError):
        security.disable_two_factor(actor=staff["supervisor"], code=login_code(staff["supervisor"]))
    assert security.has_two_factor(staff["supervisor"])


def test_turning_off_where_not_required_needs_a_good_code(client, staff, org, clock):
    officer2 = staff["officer2"]
    enrol(officer2)
    RecoveryCode.objects.create(user=officer2, code_hash="x" * 64)
    client.force_login(officer2)

    client.post(reverse("desk:two_factor_disable"), {"code": code_now(totp_secret("officer2"), clock, 4)})
    assert security.has_two_factor(officer2)

    client.post(reverse("desk:two_factor_disable"), {"code": login_code(officer2)})

    assert not security.has_two_factor(officer2)
    assert AccountSecurity.objects.get(user=officer2).totp_secret_enc == ""
    assert RecoveryCode.objects.filter(user=officer2).count() == 0
    event = AuditEvent.objects.get(action="auth.2fa_disabled")
    assert (event.organisation, event.actor, event.data) == (org, officer2, {"replace": False})
    client.post(reverse("logout"))
    assert client.post(LOGIN, {"username": "officer2", "password": PASSWORD}).url == reverse("desk:queue")


def test_moving_to_a_new_authenticator_goes_straight_to_enrolment(client, staff, clock):
    supervisor = staff["supervisor"]
    client.force_login(supervisor)

    response = client.post(reverse("desk:two_factor_replace"), {"code": login_code(supervisor)})

    assert response.url == SETUP
    assert not security.has_two_factor(supervisor)
    assert client.get(reverse("desk:queue")).url == SETUP
    client.get(SETUP)
    assert secret_of(supervisor) != totp_secret("supervisor")
    assert AuditEvent.objects.get(action="auth.2fa_disabled").data == {"replace": True}


# --- administrators -----------------------------------------------------------------------------------

def test_admin_action_resets_two_factor_within_the_organisation(client, staff, org):
    admin_user = staff["admin"]
    admin_user.is_staff = True
    admin_user.save(update_fields=["is_staff"])
    client.force_login(admin_user)
    members = Membership.objects.filter(user__in=[staff["officer"], staff["outsider"]])

    client.post(reverse("admin:accounts_membership_changelist"),
                {"action": "reset_two_factor", "_selected_action": [m.pk for m in members]})

    assert not security.has_two_factor(staff["officer"])
    assert security.has_two_factor(staff["outsider"])  # another organisation: not in the admin's list
    event = AuditEvent.objects.get(action="auth.2fa_reset")
    assert (event.organisation, event.actor, event.target_id) == (org, admin_user, str(staff["officer"].pk))


def test_reset_two_factor_command_ends_sessions_and_requires_enrolment(client, staff):
    client.force_login(staff["auditor"])

    call_command("reset_two_factor", "auditor", stdout=io.StringIO())

    assert client.get(reverse("desk:audit")).url.startswith(LOGIN)
    client.post(LOGIN, {"username": "auditor", "password": PASSWORD})
    assert client.get(reverse("desk:audit")).url == SETUP
    assert AuditEvent.objects.get(action="auth.2fa_reset").actor_label == "system"
