"""Failed logins: per-account lockout that doubles (1, 2, 4 ... minutes, at most an hour), the same
answer for names that are no account, a good login ends it, and the per-client throttle."""

import io
import re
from datetime import timedelta

from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from mizan.accounts import security
from mizan.accounts.models import LoginFailures
from mizan.audit.logins import username_hash
from mizan.audit.models import AuditEvent
from mizan.core.models import ThrottleBucket
from mizan.lib import totp
from tests.conftest import PASSWORD, totp_secret
from tests.desk.test_queue_support import english

from .conftest import LOGIN, LOGIN_CODE, log_in

LOCKED = "Too many failed attempts."


def attempt(client, username, password="wrong password"):
    return client.post(LOGIN, {"username": username, "password": password})


def fail(client, username, times):
    return [attempt(client, username).status_code for _ in range(times)]


def logged_in(client) -> bool:
    return client.get(reverse("desk:notifications")).status_code == 200


def comparable(response) -> str:
    """The page without its per-response CSRF token."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def test_fifth_failure_locks_the_account_for_one_minute(client, staff, clock):
    english(client)
    statuses = fail(client, "intake", 4)
    fifth = attempt(client, "intake")

    assert statuses == [200, 200, 200, 200]
    assert fifth.status_code == 429
    assert "Wait 1 minute and try again." in fifth.content.decode()
    # Even the right password is refused, without being checked, until the minute is over.
    refused = attempt(client, "intake", PASSWORD)
    assert refused.status_code == 429 and not logged_in(client)
    clock.advance(seconds=59)
    assert attempt(client, "intake", PASSWORD).status_code == 429
    clock.advance(seconds=1)
    assert attempt(client, "intake", PASSWORD).status_code == 302
    assert logged_in(client)


def test_lock_doubles_each_time_and_stops_at_one_hour(client, staff, clock):
    english(client)
    waits = []
    for _ in range(9):
        statuses = fail(client, "intake", 5)
        assert statuses == [200, 200, 200, 200, 429]
        row = LoginFailures.objects.get(username_hash=username_hash("intake"))
        waits.append(int((row.locked_until - clock.now).total_seconds()))
        clock.advance(seconds=waits[-1] - 1)
        assert attempt(client, "intake", PASSWORD).status_code == 429
        clock.advance(seconds=1)

    assert waits == [60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]
    # Never locked for good: after the last lock the real user gets in, and that ends the streak.
    assert attempt(client, "intake", PASSWORD).status_code == 302
    assert not LoginFailures.objects.filter(username_hash=username_hash("intake")).exists()


def test_lock_message_in_minutes_rounded_up(client, staff, clock):
    english(client)
    for _ in range(2):
        fail(client, "intake", 5)
        clock.advance(seconds=security.lockout_remaining("intake"))
    fail(client, "intake", 4)

    fifth = attempt(client, "intake")

    assert "Wait 4 minutes and try again." in fifth.content.decode()
    clock.advance(seconds=61)
    assert "Wait 3 minutes and try again." in attempt(client, "intake", PASSWORD).content.decode()


def test_good_login_ends_the_streak(client, staff, clock):
    fail(client, "intake", 4)
    assert attempt(client, "intake", PASSWORD).status_code == 302
    client.post(reverse("logout"))

    assert fail(client, "intake", 4) == [200, 200, 200, 200]
    assert LoginFailures.objects.get(username_hash=username_hash("intake")).failures == 4


def test_a_day_without_failures_forgets_the_streak(client, staff, clock):
    fail(client, "intake", 4)
    clock.advance(hours=25)

    assert attempt(client, "intake").status_code == 200
    assert LoginFailures.objects.get(username_hash=username_hash("intake")).failures == 1


def test_unknown_user_name_gets_exactly_the_same_answers(client, staff, clock):
    english(client)
    known = [attempt(client, "officer2") for _ in range(6)]
    unknown = [attempt(client, "ghost-user") for _ in range(6)]

    assert [r.status_code for r in known] == [r.status_code for r in unknown] == [200, 200, 200, 200, 429, 429]
    for k, u in zip(known, unknown, strict=True):
        assert comparable(k).replace('value="officer2"', "") == comparable(u).replace('value="ghost-user"', "")


def test_second_step_failures_count_for_the_account(client, staff, clock):
    english(client)
    client.post(LOGIN, {"username": "officer", "password": PASSWORD})
    statuses = [client.post(LOGIN_CODE, {"code": "000000"}).status_code for _ in range(4)]
    fifth = client.post(LOGIN_CODE, {"code": "000000"}, follow=True)

    assert statuses == [400, 400, 400, 400]
    assert fifth.redirect_chain == [(LOGIN, 302)]
    assert "Wait 1 minute and try again." in fifth.content.decode()
    # Password and a good code are both refused while the lock lasts.
    assert attempt(client, "officer", PASSWORD).status_code == 429
    assert not logged_in(client)
    clock.advance(minutes=1)
    assert log_in(client, staff["officer"]).status_code == 302
    assert logged_in(client)


def test_password_step_does_not_end_a_streak_of_wrong_codes(client, staff, clock):
    for _ in range(4):
        client.post(LOGIN, {"username": "officer", "password": PASSWORD})
        client.post(LOGIN_CODE, {"code": "000000"})
    client.post(LOGIN, {"username": "officer", "password": PASSWORD})

    response = client.post(LOGIN_CODE, {"code": "000000"})

    assert response.url == LOGIN
    assert security.lockout_remaining("officer") == 60


def test_lockout_audit_rows_hold_only_a_keyed_hash(client, staff, org, clock):
    fail(client, "officer2", 6)
    fail(client, "ghost-user", 5)

    rows = list(AuditEvent.objects.filter(action__in=["auth.lockout", "auth.login_locked"]).order_by("id"))

    assert [(r.action, r.organisation, r.actor, r.data) for r in rows] == [
        ("auth.lockout", org, None, {"username_hash": username_hash("officer2"), "seconds": 60}),
        ("auth.login_locked", org, None, {"username_hash": username_hash("officer2")}),
        ("auth.lockout", None, None, {"username_hash": username_hash("ghost-user"), "seconds": 60}),
    ]
    assert AuditEvent.objects.filter(action="auth.login_failed").count() == 10  # 5 + 5: the refused one is not checked
    for row in rows:
        assert "officer2" not in row.payload() and "ghost" not in row.payload() and "127.0.0.1" not in row.payload()


def test_lockout_of_one_account_leaves_the_others_alone(client, staff, clock):
    fail(client, "officer2", 5)

    assert attempt(client, "intake", PASSWORD).status_code == 302


def test_lift_lockout_command_lets_the_user_in_at_once(client, staff, clock):
    fail(client, "intake", 5)

    call_command("lift_lockout", "intake", stdout=io.StringIO())

    assert attempt(client, "intake", PASSWORD).status_code == 302
    assert AuditEvent.objects.get(action="auth.lockout_cleared").data == {"username_hash": username_hash("intake")}


@override_settings(MIZAN_THROTTLE_LOGIN_PER_HOUR=3)
def test_per_client_throttle_refuses_past_the_hourly_limit_without_storing_the_address(client, staff, clock):
    english(client)
    for name in ("a", "b", "c"):
        attempt(client, name)

    response = attempt(client, "intake", PASSWORD)

    assert response.status_code == 429
    assert "Too many login attempts from this connection." in response.content.decode()
    assert not logged_in(client)
    bucket = ThrottleBucket.objects.get(scope="login")
    assert bucket.count == 4 and "127.0.0.1" not in bucket.client
    clock.advance(hours=1)
    assert attempt(client, "intake", PASSWORD).status_code == 302


def test_lock_seconds_back_off_formula(settings):
    settings.MIZAN_LOGIN_LOCKOUT_SECONDS = 60
    settings.MIZAN_LOGIN_LOCKOUT_MAX_SECONDS = 3600

    assert [security.lock_seconds(n) for n in range(8)] == [60, 120, 240, 480, 960, 1920, 3600, 3600]
    assert security.lock_seconds(10_000) == 3600


def test_lockout_applies_to_account_page_codes_too(client, staff, clock):
    client.force_login(staff["supervisor"])
    wrong = totp.hotp(totp.secret_bytes(totp_secret("supervisor")), totp.step_at(clock.now.timestamp()) + 9)
    for _ in range(5):
        client.post(reverse("desk:recovery_codes"), {"code": wrong})

    assert security.lockout_remaining("supervisor") == 60
    failed = AuditEvent.objects.filter(action="auth.2fa_failed")
    assert [(e.actor, e.data) for e in failed] == [(staff["supervisor"], {"purpose": "recovery_codes"})] * 5
    clock.advance(seconds=30)
    check, codes = security.regenerate_recovery_codes(
        actor=staff["supervisor"],
        code=totp.hotp(totp.secret_bytes(totp_secret("supervisor")), totp.step_at(clock.now.timestamp())))
    assert (check.ok, check.locked_for, codes) == (False, 30, None)
    assert clock.now + timedelta(seconds=30) == LoginFailures.objects.get().locked_until
