"""Audit rows for logins, logouts and failed logins (Django's auth signals).

A failed attempt records only a keyed hash of the user name that was typed — enough to see
repeated attempts on one account, never the name itself, the password or the IP address.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from mizan.accounts.models import membership_of
from mizan.lib.vault import keyed_hash

from .models import record


def username_hash(username: str) -> str:
    return keyed_hash(settings.MIZAN_HASH_KEY, "audit:login-username", (username or "").strip().casefold())


def _organisation(user):
    member = membership_of(user)
    return member.organisation if member else None


@receiver(user_logged_in, dispatch_uid="mizan.audit.login")
def on_login(sender, request, user, **kwargs):
    record(action="auth.login", organisation=_organisation(user), actor=user, data={})


@receiver(user_logged_out, dispatch_uid="mizan.audit.logout")
def on_logout(sender, request, user, **kwargs):
    if user is None:  # logging out without a session: nobody to record
        return
    record(action="auth.logout", organisation=_organisation(user), actor=user, data={})


@receiver(user_login_failed, dispatch_uid="mizan.audit.login_failed")
def on_login_failed(sender, credentials, request=None, **kwargs):
    model = get_user_model()
    username = str(credentials.get(model.USERNAME_FIELD) or credentials.get("username") or "")
    # Filed under the account's organisation when the name is an existing account, so that
    # organisation's auditors see attempts on their staff; unknown names belong to no one.
    user = model._default_manager.filter(**{model.USERNAME_FIELD: username}).first() if username else None
    record(action="auth.login_failed", organisation=_organisation(user) if user else None,
           actor=None, actor_label="anonymous", data={"username_hash": username_hash(username)})
