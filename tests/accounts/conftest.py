"""A controllable clock for the staff-account tests, and the two-step login as a helper."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.conftest import PASSWORD, login_code

LOGIN = reverse("login")
LOGIN_CODE = reverse("login_code")


class Clock:
    """Stands in for django.utils.timezone.now; starts at the beginning of a 30-second step."""

    def __init__(self, start):
        self.now = start

    def __call__(self):
        return self.now

    def advance(self, **delta):
        self.now += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch):
    real = timezone.now()
    start = real - timedelta(seconds=real.timestamp() % 30, microseconds=0) + timedelta(seconds=1)
    start = start.replace(microsecond=0)
    fake = Clock(start)
    monkeypatch.setattr(timezone, "now", fake)
    return fake


def log_in(client, user, *, code=None, password=PASSWORD, next_url=None):
    """Both login steps through the forms; the response to the last POST."""
    data = {"username": user.get_username(), "password": password}
    if next_url:
        data["next"] = next_url
    response = client.post(LOGIN, data)
    if response.status_code == 302 and response.url == LOGIN_CODE:
        response = client.post(LOGIN_CODE, {"code": code or login_code(user)})
    return response
