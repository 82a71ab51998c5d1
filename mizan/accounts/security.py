"""Staff account security: the second factor, login lockout with back-off, session expiry and
logout everywhere.

Domain functions take the acting user and run in one transaction with their audit row. Audit
rows hold ids, action names, keyed hashes of typed user names and counts, never a secret, a
code, a user name or an address.

Who must use a second factor (`two_factor_required`): everyone whose membership can reveal
identities (`can_reveal_identity`), every supervisor, analyst, auditor and organisation admin
(they see statistics and exports, the audit log, or decide who may reveal), every Django-admin
user (`is_staff`, `is_superuser`), and every member of an organisation that turned on
`require_2fa_for_all`. Intake and case officers without the reveal right may enrol by choice.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in
from django.db import models, transaction
from django.db.models import Q
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.audit.logins import username_hash
from mizan.audit.models import record
from mizan.core.datakeys import data_vault  # follows rotate_data_key without a restart
from mizan.lib import totp
from mizan.lib.vault import Vault, keyed_hash

from .models import AccountSecurity, LoginFailures, RecoveryCode, Role, membership_of

RECOVERY_CODE_COUNT = 10
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/i/l: read off paper without doubt
RECOVERY_CODE_LENGTH = 10  # about 50 bits each
ALWAYS_TWO_FACTOR_ROLES = frozenset({Role.SUPERVISOR, Role.ANALYST, Role.AUDITOR, Role.ORG_ADMIN})
FAILURES_FORGOTTEN_AFTER = timedelta(hours=24)  # a streak with no failure for a day starts over

# Session keys, set at every login (see `start_session`).
SESSION_AUTH_AT = "mizan.auth_at"
SESSION_SEEN_AT = "mizan.seen_at"
SESSION_GENERATION = "mizan.generation"
SEEN_GRANULARITY = 60  # seconds: the last-activity time is written at most once a minute

# The audit actions written here, labelled for the audit page.
AUDIT_ACTION_LABELS = {
    "auth.login_locked": _("Login refused: account locked"),
    "auth.lockout": _("Account locked after failed logins"),
    "auth.lockout_cleared": _("Account lock lifted"),
    "auth.2fa_failed": _("Wrong two-factor code"),
    "auth.2fa_enabled": _("Two-factor authentication turned on"),
    "auth.2fa_disabled": _("Two-factor authentication removed"),
    "auth.2fa_reset": _("Two-factor authentication reset by an administrator"),
    "auth.2fa_recovery_used": _("Recovery code used"),
    "auth.2fa_recovery_regenerated": _("New recovery codes made"),
    "auth.logout_everywhere": _("Logged out everywhere"),
    "auth.session_expired": _("Session expired"),
}


# --- who must use a second factor -------------------------------------------------------------

def two_factor_required(user) -> bool:
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser or user.is_staff:
        return True
    member = membership_of(user)
    if member is None:
        return False
    return (member.can_reveal_identity or member.role in ALWAYS_TWO_FACTOR_ROLES
            or member.organisation.require_2fa_for_all)


def has_two_factor(user) -> bool:
    return AccountSecurity.objects.filter(
        user_id=user.pk, totp_confirmed_at__isnull=False).exclude(totp_secret_enc="").exists()


def recovery_codes_left(user) -> int:
    return RecoveryCode.objects.filter(user_id=user.pk, used_at__isnull=True).count()


def _organisation(user):
    member = membership_of(user)
    return member.organisation if member else None


# --- the secret, sealed --------------------------------------------------------------------------

def _vault(key_ring: str) -> Vault:
    """A vault over an explicit key ring (sealing and unsealing use `data_vault()`, the ring in force)."""
    return Vault(key_ring)


def _context(user_id: int) -> str:
    return f"accounts.totp.user{user_id}"


def seal_secret(secret_b32: str, user_id: int) -> str:
    """The vault ciphertext of a TOTP secret, bound to its user (`totp_secret_enc`)."""
    return data_vault().encrypt(secret_b32, _context(user_id))


def _unseal(token: str, user_id: int) -> str:
    return data_vault().decrypt(token, _context(user_id))


def _now_ts() -> float:
    return timezone.now().timestamp()


def provisioning_uri(user, secret_b32: str) -> str:
    return totp.provisioning_uri(secret_b32, account=user.get_username(), issuer=settings.MIZAN_2FA_ISSUER)


# --- recovery codes --------------------------------------------------------------------------------

def _recovery_hash(user_id: int, code: str) -> str:
    return keyed_hash(settings.MIZAN_HASH_KEY, f"recovery-code:{user_id}", code)


def normalise_recovery_code(code: str) -> str:
    return "".join(ch for ch in (code or "").lower() if ch.isascii() and ch.isalnum())


def _new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes with fresh ones; return them (the only time they exist)."""
    codes = set()
    while len(codes) < RECOVERY_CODE_COUNT:
        codes.add("".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_CODE_LENGTH)))
    RecoveryCode.objects.filter(user_id=user.pk).delete()
    RecoveryCode.objects.bulk_create([RecoveryCode(user_id=user.pk, code_hash=_recovery_hash(user.pk, c))
                                      for c in sorted(codes)])
    half = RECOVERY_CODE_LENGTH // 2
    return [f"{c[:half]}-{c[half:]}" for c in sorted(codes)]


# --- enrolment ------------------------------------------------------------------------------------

class TwoFactorError(Exception):
    """The action does not fit the account's state (already enrolled, not enrolled, required)."""


def start_enrolment(*, actor) -> str:
    """The secret of the actor's pending enrolment (made now if there is none), in base32.

    Side effects: stores the new secret sealed with the data key (not yet active). Raises
    TwoFactorError when the actor already has a confirmed second factor.
    """
    with transaction.atomic():
        state, _ = AccountSecurity.objects.select_for_update().get_or_create(user_id=actor.pk)
        if state.has_two_factor:
            raise TwoFactorError("already enrolled")
        if state.totp_secret_enc:
            return _unseal(state.totp_secret_enc, actor.pk)
        secret = totp.new_secret()
        state.totp_secret_enc = seal_secret(secret, actor.pk)
        state.totp_confirmed_at = None
        state.totp_last_step = None
        state.save(update_fields=["totp_secret_enc", "totp_confirmed_at", "totp_last_step"])
        return secret


def confirm_enrolment(*, actor, code: str) -> list[str] | None:
    """Turn on the pending second factor if `code` is its current code; None if it is not.

    Side effects: the code's time step is spent (replay guard); ten new recovery codes replace
    any old ones (returned, never stored in clear); the session generation is raised, so every
    other session of the actor (opened with the password alone) ends; audit `auth.2fa_enabled`.
    """
    with transaction.atomic():
        state = AccountSecurity.objects.select_for_update().filter(user_id=actor.pk).first()
        if state is None or not state.totp_secret_enc or state.has_two_factor:
            raise TwoFactorError("no pending enrolment")
        key = totp.secret_bytes(_unseal(state.totp_secret_enc, actor.pk))
        step = totp.match(key, code, _now_ts(), last_step=state.totp_last_step)
        if step is None:
            return None
        state.totp_confirmed_at = timezone.now()
        state.totp_last_step = step
        state.session_generation = models.F("session_generation") + 1
        state.save(update_fields=["totp_confirmed_at", "totp_last_step", "session_generation"])
        codes = _new_recovery_codes(actor)
        record(action="auth.2fa_enabled", organisation=_organisation(actor), actor=actor, target=actor, data={})
        return codes


# --- checking a code -------------------------------------------------------------------------------

@dataclass(frozen=True)
class CodeCheck:
    method: str | None = None  # "totp" or "recovery" when the code was good
    locked_for: int = 0  # seconds the account is locked (refused, or locked by this failure)

    @property
    def ok(self) -> bool:
        return self.method is not None


def _spend_code(user, code: str) -> str | None:
    """Use `code` (TOTP or recovery) once; the method that accepted it, or None."""
    state = AccountSecurity.objects.select_for_update().filter(user_id=user.pk).first()
    if state is None or not state.has_two_factor:
        return None
    key = totp.secret_bytes(_unseal(state.totp_secret_enc, user.pk))
    step = totp.match(key, code, _now_ts(), last_step=state.totp_last_step)
    if step is not None:
        # Conditional, so that two requests racing with the same code cannot both win.
        won = AccountSecurity.objects.filter(pk=state.pk).filter(
            Q(totp_last_step__isnull=True) | Q(totp_last_step__lt=step)).update(totp_last_step=step)
        return "totp" if won else None
    recovery = normalise_recovery_code(code)
    if len(recovery) != RECOVERY_CODE_LENGTH:
        return None
    used = RecoveryCode.objects.filter(user_id=user.pk, code_hash=_recovery_hash(user.pk, recovery),
                                       used_at__isnull=True).update(used_at=timezone.now())
    return "recovery" if used else None


def check_code(*, user, code: str, purpose: str) -> CodeCheck:
    """Check a second-factor code of `user` for `purpose` ("login", "recovery_codes", ...).

    Refused without looking while the account is locked. Side effects: a good code is spent;
    a recovery code leaves audit `auth.2fa_recovery_used`; a wrong one counts as a failed
    login of the account (`register_failure`) and leaves audit `auth.2fa_failed`.
    """
    name = user.get_username()
    with transaction.atomic():
        wait = lockout_remaining(name)
        if wait:
            _record_refusal(name, user)
            return CodeCheck(locked_for=wait)
        method = _spend_code(user, code)
        organisation = _organisation(user)
        if method == "recovery":
            record(action="auth.2fa_recovery_used", organisation=organisation, actor=user, target=user,
                   data={"purpose": purpose, "remaining": recovery_codes_left(user)})
        if method:
            return CodeCheck(method=method)
        # At login nobody is logged in yet; on the account page the session is the user's.
        logged_in = purpose != "login"
        record(action="auth.2fa_failed", organisation=organisation, actor=user if logged_in else None,
               actor_label=None if logged_in else "anonymous", target=user, data={"purpose": purpose})
        return CodeCheck(locked_for=register_failure(name))


def regenerate_recovery_codes(*, actor, code: str) -> tuple[CodeCheck, list[str] | None]:
    """New recovery codes for the actor, if `code` is a good second-factor code.

    Side effects: the old codes stop working; audit `auth.2fa_recovery_regenerated`.
    Returns the check and the new codes (None when the check failed).
    """
    with transaction.atomic():
        if not has_two_factor(actor):
            raise TwoFactorError("not enrolled")
        check = check_code(user=actor, code=code, purpose="recovery_codes")
        if not check.ok:
            return check, None
        codes = _new_recovery_codes(actor)
        record(action="auth.2fa_recovery_regenerated", organisation=_organisation(actor), actor=actor,
               target=actor, data={})
        return check, codes


def disable_two_factor(*, actor, code: str, replace: bool = False) -> CodeCheck:
    """Remove the actor's second factor, if `code` is good.

    `replace=False` (turning it off) is refused with TwoFactorError when the account requires
    a second factor; `replace=True` removes it so that a new authenticator can be enrolled at
    once (the desk allows nothing else until then when it is required). Side effects: secret
    and recovery codes deleted; audit `auth.2fa_disabled` (`data.replace`).
    """
    with transaction.atomic():
        if not has_two_factor(actor):
            raise TwoFactorError("not enrolled")
        if not replace and two_factor_required(actor):
            raise TwoFactorError("required")
        check = check_code(user=actor, code=code, purpose="replace" if replace else "disable")
        if not check.ok:
            return check
        _remove_second_factor(actor)
        record(action="auth.2fa_disabled", organisation=_organisation(actor), actor=actor, target=actor,
               data={"replace": replace})
        return check


def _remove_second_factor(user) -> None:
    AccountSecurity.objects.filter(user_id=user.pk).update(
        totp_secret_enc="", totp_confirmed_at=None, totp_last_step=None)
    RecoveryCode.objects.filter(user_id=user.pk).delete()


def reset_two_factor(*, actor, user) -> None:
    """An administrator removes `user`'s second factor (lost phone and recovery codes).

    The user enrols again at their next login. Side effects: secret and recovery codes
    deleted, every session of the user ended, audit `auth.2fa_reset` (actor may be None for
    the operator's command).
    """
    with transaction.atomic():
        _remove_second_factor(user)
        AccountSecurity.objects.get_or_create(user_id=user.pk)
        AccountSecurity.objects.filter(user_id=user.pk).update(
            session_generation=models.F("session_generation") + 1)
        record(action="auth.2fa_reset", organisation=_organisation(user), actor=actor,
               actor_label=None if actor else "system", target=user, data={})


# --- failed logins: lockout with back-off ---------------------------------------------------------

def lock_seconds(lockouts_before: int) -> int:
    """1, 2, 4, ... minutes (settings), never more than the cap."""
    base = settings.MIZAN_LOGIN_LOCKOUT_SECONDS
    cap = settings.MIZAN_LOGIN_LOCKOUT_MAX_SECONDS
    return min(cap, base * 2 ** min(lockouts_before, 32))


def lockout_remaining(username: str) -> int:
    """Seconds for which logins with `username` are refused (0 when they are not)."""
    row = LoginFailures.objects.filter(username_hash=username_hash(username)).only("locked_until").first()
    if row is None or row.locked_until is None:
        return 0
    left = (row.locked_until - timezone.now()).total_seconds()
    return max(0, int(left + 0.999))


def _account_named(username: str):
    model = get_user_model()
    return model._default_manager.filter(**{model.USERNAME_FIELD: username}).first() if username else None


def _record_refusal(username: str, user=None) -> None:
    user = user or _account_named(username)
    record(action="auth.login_locked", organisation=_organisation(user) if user else None, actor=None,
           actor_label="anonymous", data={"username_hash": username_hash(username)})


def refuse_if_locked(username: str) -> int:
    """Seconds the account is still locked (0: go on). Side effect: audit `auth.login_locked`."""
    wait = lockout_remaining(username)
    if wait:
        with transaction.atomic():
            _record_refusal(username)
    return wait


def register_failure(username: str) -> int:
    """Count one failed login on `username`; the seconds of the lock it starts (0 for none).

    After MIZAN_LOGIN_MAX_FAILURES failures in a row the name is locked for lock_seconds(n),
    n being the number of lockouts before in this streak; the count then starts again. A good
    login ends the streak, and so does a day without failures. Side effect: audit
    `auth.lockout` when a lock starts; rows of streaks over for a day are deleted.
    """
    now = timezone.now()
    hashed = username_hash(username)
    with transaction.atomic():
        LoginFailures.objects.filter(last_failure_at__lt=now - FAILURES_FORGOTTEN_AFTER).exclude(
            locked_until__gt=now).delete()
        row, _ = LoginFailures.objects.select_for_update().get_or_create(
            username_hash=hashed, defaults={"last_failure_at": now})
        row.failures += 1
        row.last_failure_at = now
        locked = 0
        if row.failures >= settings.MIZAN_LOGIN_MAX_FAILURES:
            locked = lock_seconds(row.lockouts)
            row.locked_until = now + timedelta(seconds=locked)
            row.lockouts += 1
            row.failures = 0
        row.save(update_fields=["failures", "lockouts", "locked_until", "last_failure_at"])
        if locked:
            user = _account_named(username)
            record(action="auth.lockout", organisation=_organisation(user) if user else None, actor=None,
                   actor_label="anonymous", data={"username_hash": hashed, "seconds": locked})
        return locked


def clear_failures(username: str) -> None:
    """A complete, good login: the streak of failures is over."""
    with transaction.atomic():
        LoginFailures.objects.filter(username_hash=username_hash(username)).delete()


def lift_lockout(*, actor, username: str) -> bool:
    """An administrator ends a lock early. Side effect: audit `auth.lockout_cleared`."""
    with transaction.atomic():
        deleted, _ = LoginFailures.objects.filter(username_hash=username_hash(username)).delete()
        if deleted:
            user = _account_named(username)
            record(action="auth.lockout_cleared", organisation=_organisation(user) if user else None,
                   actor=actor, actor_label=None if actor else "system",
                   data={"username_hash": username_hash(username)})
        return bool(deleted)


# --- sessions ------------------------------------------------------------------------------------------

def session_generation(user) -> int:
    return AccountSecurity.objects.filter(user_id=user.pk).values_list("session_generation", flat=True).first() or 0


def start_session(session, user) -> None:
    """Mark a session just logged in: its start, its last activity, the user's generation."""
    now = int(_now_ts())
    session[SESSION_AUTH_AT] = now
    session[SESSION_SEEN_AT] = now
    session[SESSION_GENERATION] = session_generation(user)


def session_problem(session, generation: int) -> str | None:
    """Why this logged-in session must end ("ended", "absolute", "idle"), or None."""
    auth_at, seen_at = session.get(SESSION_AUTH_AT), session.get(SESSION_SEEN_AT)
    if session.get(SESSION_GENERATION) != generation or auth_at is None or seen_at is None:
        return "ended"  # logout everywhere, or a session that never went through a login
    now = _now_ts()
    if now - auth_at >= settings.MIZAN_SESSION_MAX_HOURS * 3600:
        return "absolute"
    if now - seen_at >= settings.MIZAN_SESSION_IDLE_MINUTES * 60:
        return "idle"
    return None


def touch_session(session) -> None:
    now = int(_now_ts())
    if now - session.get(SESSION_SEEN_AT, 0) >= SEEN_GRANULARITY:
        session[SESSION_SEEN_AT] = now


def record_session_end(user, reason: str) -> None:
    with transaction.atomic():
        record(action="auth.session_expired", organisation=_organisation(user), actor=user, data={"reason": reason})


def end_all_sessions(*, actor) -> None:
    """Logout everywhere: every session of the actor, on every device, including this one, ends.

    Nothing else changes (password, second factor, API tokens). Side effects: the session
    generation is raised; audit `auth.logout_everywhere`.
    """
    with transaction.atomic():
        AccountSecurity.objects.get_or_create(user_id=actor.pk)
        AccountSecurity.objects.filter(user_id=actor.pk).update(
            session_generation=models.F("session_generation") + 1)
        record(action="auth.logout_everywhere", organisation=_organisation(actor), actor=actor, target=actor,
               data={})


@receiver(user_logged_in, dispatch_uid="mizan.accounts.start_session")
def _on_logged_in(sender, request, user, **kwargs):
    # Every way into a session (the two-step login, and the test client's force_login) ends in
    # django.contrib.auth.login(); a session without these marks is refused by the middleware.
    if request is not None and hasattr(request, "session"):
        start_session(request.session, user)
