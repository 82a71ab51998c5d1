"""Sessions that expire (idle and absolute), logout everywhere, the pending second step, cookies."""

from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse

from mizan.accounts import security
from mizan.accounts.models import AccountSecurity, ApiToken
from mizan.audit.models import AuditEvent
from tests.conftest import PASSWORD, login_code
from tests.desk.test_queue_support import english

from .conftest import LOGIN, LOGIN_CODE, log_in

PAGE = reverse("desk:notifications")


def is_in(client) -> bool:
    return client.get(PAGE).status_code == 200


def test_session_ends_after_thirty_idle_minutes(client, staff, clock):
    log_in(english(client), staff["officer"])
    clock.advance(minutes=29)
    assert is_in(client)
    clock.advance(minutes=29)  # activity moved the idle clock on
    assert is_in(client)

    clock.advance(minutes=30)
    response = client.get(PAGE, follow=True)

    assert response.redirect_chain == [(f"{LOGIN}?next={PAGE}", 302)]
    assert "Your session has expired. Please log in again." in response.content.decode()
    event = AuditEvent.objects.get(action="auth.session_expired")
    assert (event.actor, event.data) == (staff["officer"], {"reason": "idle"})
    assert not is_in(client)
    assert AuditEvent.objects.filter(action="auth.session_expired").count() == 1
    assert not AuditEvent.objects.filter(action="auth.logout").exists()


def test_session_ends_twelve_hours_after_login_even_when_active(client, staff, clock):
    log_in(client, staff["intake"])
    for _ in range(24):  # a request every 29 minutes: 11 h 36 min
        clock.advance(minutes=29)
        assert is_in(client)
    clock.advance(minutes=23)
    assert is_in(client)  # 11 h 59 min

    clock.advance(minutes=1)

    assert client.get(PAGE).url == f"{LOGIN}?next={PAGE}"
    assert AuditEvent.objects.get(action="auth.session_expired").data == {"reason": "absolute"}


@override_settings(MIZAN_SESSION_IDLE_MINUTES=5, MIZAN_SESSION_MAX_HOURS=1)
def test_session_limits_come_from_settings(client, staff, clock):
    client.force_login(staff["intake"])
    clock.advance(minutes=4, seconds=59)
    assert is_in(client)
    clock.advance(minutes=5)
    assert not is_in(client)

    client.force_login(staff["intake"])
    for _ in range(14):
        clock.advance(minutes=4)
        assert is_in(client)
    clock.advance(minutes=4)  # 60 minutes after the login
    assert not is_in(client)


def test_expired_session_answers_htmx_with_a_redirect_header(client, staff, clock):
    client.force_login(staff["supervisor"])
    clock.advance(minutes=31)

    response = client.get(reverse("desk:queue"), HTTP_HX_REQUEST="true")

    assert response.status_code == 204
    assert response["HX-Redirect"] == LOGIN


def test_a_session_that_never_went_through_login_is_refused(client, staff):
    client.force_login(staff["intake"])
    session = client.session
    for key in (security.SESSION_AUTH_AT, security.SESSION_SEEN_AT, security.SESSION_GENERATION):
        del session[key]
    session.save()

    response = english(client).get(PAGE, follow=True)

    assert "Your session has ended. Please log in again." in response.content.decode()
    assert not is_in(client)


def test_last_activity_is_written_at_most_once_a_minute(client, staff, clock):
    client.force_login(staff["intake"])
    seen = client.session[security.SESSION_SEEN_AT]
    clock.advance(seconds=59)
    client.get(PAGE)
    assert client.session[security.SESSION_SEEN_AT] == seen

    clock.advance(seconds=1)
    client.get(PAGE)

    assert client.session[security.SESSION_SEEN_AT] == seen + 60


# --- logout everywhere -----------------------------------------------------------------------------

def test_logout_everywhere_ends_every_session_of_the_user(client, staff, org):
    laptop, phone, colleague = Client(), Client(), Client()
    for device in (laptop, phone):
        device.force_login(staff["officer"])
    colleague.force_login(staff["supervisor"])
    english(client).force_login(staff["officer"])
    token, _raw = ApiToken.issue(staff["officer"])

    response = client.post(reverse("desk:logout_everywhere"), follow=True)

    assert response.redirect_chain == [(LOGIN, 302)]
    assert "You have been logged out on every device, this one included." in response.content.decode()
    assert [is_in(c) for c in (client, laptop, phone, colleague)] == [False, False, False, True]
    event = AuditEvent.objects.get(action="auth.logout_everywhere")
    assert (event.organisation, event.actor, event.target_id, event.data) == (org, staff["officer"],
                                                                             str(staff["officer"].pk), {})
    # Nothing else is revoked: the token, the second factor and the password still work.
    token.refresh_from_db()
    assert token.revoked_at is None
    assert security.has_two_factor(staff["officer"])
    assert log_in(laptop, staff["officer"]).status_code == 302 and is_in(laptop)


def test_logout_everywhere_needs_post_and_a_login(client, staff):
    client.force_login(staff["officer"])
    assert client.get(reverse("desk:logout_everywhere")).status_code == 405
    assert is_in(client)

    anonymous = Client()
    assert anonymous.post(reverse("desk:logout_everywhere")).url.startswith(LOGIN)
    assert not AuditEvent.objects.filter(action="auth.logout_everywhere").exists()
    assert AccountSecurity.objects.get(user=staff["officer"]).session_generation == 0


def test_logout_everywhere_refuses_a_second_step_begun_before_it(client, staff):
    client.post(LOGIN, {"username": "officer", "password": PASSWORD})
    other = Client()
    other.force_login(staff["officer"])
    other.post(reverse("desk:logout_everywhere"))

    response = client.post(LOGIN_CODE, {"code": login_code(staff["officer"])})

    assert response.url == LOGIN
    assert not is_in(client)


def test_second_step_must_follow_within_five_minutes(client, staff, clock):
    client.post(LOGIN, {"username": "officer", "password": PASSWORD})
    clock.advance(minutes=5, seconds=1)

    response = english(client).post(LOGIN_CODE, {"code": login_code(staff["officer"])}, follow=True)

    assert response.redirect_chain == [(LOGIN, 302)]
    assert "The login took too long or was interrupted. Please start again." in response.content.decode()
    assert not is_in(client)


def test_password_step_changes_the_session_key(client, staff):
    client.get(LOGIN)
    client.session.save()
    before = client.session.session_key

    client.post(LOGIN, {"username": "officer", "password": PASSWORD})

    assert client.session.session_key != before


# --- cookies -----------------------------------------------------------------------------------------

def test_session_cookie_is_http_only_same_site_and_dies_with_the_session(client, staff):
    response = client.post(LOGIN, {"username": "intake", "password": PASSWORD})
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]

    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["max-age"] == ""  # ends with the browser; the server ends it sooner
    assert settings.SESSION_COOKIE_AGE == settings.MIZAN_SESSION_MAX_HOURS * 3600 == 12 * 3600


@override_settings(SESSION_COOKIE_SECURE=True)
def test_session_cookie_is_secure_when_served_over_https(client, staff):
    response = client.post(LOGIN, {"username": "intake", "password": PASSWORD})

    assert response.cookies[settings.SESSION_COOKIE_NAME]["secure"] is True
