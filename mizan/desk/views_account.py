"""Staff login in two steps, and the account-security pages of the desk.

Login: the password first (per-client throttle, per-account lockout with back-off); a user with
a second factor then gives a code from the authenticator app or a recovery code, and only then
is logged in (`django.contrib.auth.login`). Users who must use a second factor and have none
are sent to enrolment by `accounts.middleware` until they have one.

Account page: turn the second factor on (QR code drawn here as SVG, or the key typed in), make
new recovery codes, replace the authenticator, turn it off where it is not required, and log
out everywhere.
"""

from __future__ import annotations

import math

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from mizan.accounts import security
from mizan.core import throttle

PENDING_KEY = "mizan.pending_login"
PENDING_SECONDS = 300  # the code must follow the password within five minutes
CODE_MAX_CHARS = 64


# --- helpers ------------------------------------------------------------------------------------

def _next_url(request, value: str | None) -> str:
    if value and url_has_allowed_host_and_scheme(value, allowed_hosts={request.get_host()},
                                                 require_https=request.is_secure()):
        return value
    return reverse(settings.LOGIN_REDIRECT_URL)


def _locked_message(seconds: int) -> str:
    minutes = max(1, math.ceil(seconds / 60))
    return ngettext(
        "Too many failed attempts. Wait %(minutes)s minute and try again.",
        "Too many failed attempts. Wait %(minutes)s minutes and try again.", minutes) % {"minutes": minutes}


def _throttled_message() -> str:
    return _("Too many login attempts from this connection. Wait a while and try again.")


def _code(request) -> str:
    return (request.POST.get("code") or "")[:CODE_MAX_CHARS]


def _no_store(response):
    response["Cache-Control"] = "no-store"
    return response


def _finish_login(request, user, backend: str) -> None:
    login(request, user, backend=backend)
    security.clear_failures(user.get_username())


def _qr_svg(uri: str) -> str:
    """The otpauth URI as an inline SVG QR code, drawn here (no outside service, no script)."""
    title = escape(_("QR code to scan with your authenticator app"))
    return segno.make(uri, error="m").svg_inline(
        scale=5, border=4, dark="#000", light="#fff", title=title, svgclass="qr-code", lineclass=None)


def _grouped(secret: str) -> str:
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


# --- login, step one: the password --------------------------------------------------------------

@sensitive_post_parameters("password")
@csrf_protect
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def login_view(request):
    next_url = request.POST.get("next") if request.method == "POST" else request.GET.get("next")
    context = {"next": next_url or "", "refusal": None}
    if request.method != "POST":
        return render(request, "desk/login.html", {**context, "form": AuthenticationForm(request)})

    username = (request.POST.get("username") or "")[:150]
    form = AuthenticationForm(request, initial={"username": username})
    if not throttle.hit(request, "login", settings.MIZAN_THROTTLE_LOGIN_PER_HOUR):
        return render(request, "desk/login.html", {**context, "form": form, "refusal": _throttled_message()}, status=429)
    wait = security.refuse_if_locked(username)
    if wait:
        return render(request, "desk/login.html", {**context, "form": form, "refusal": _locked_message(wait)}, status=429)
    form = AuthenticationForm(request, data=request.POST)
    if not form.is_valid():
        locked = security.register_failure(username)
        if locked:
            return render(request, "desk/login.html", {**context, "form": AuthenticationForm(request, initial={"username": username}),
                                                       "refusal": _locked_message(locked)}, status=429)
        return render(request, "desk/login.html", {**context, "form": form})

    user = form.get_user()
    if security.has_two_factor(user):
        request.session.cycle_key()
        request.session[PENDING_KEY] = {
            "user": user.pk, "backend": user.backend, "at": int(timezone.now().timestamp()),
            "generation": security.session_generation(user), "next": _next_url(request, next_url),
        }
        return redirect("login_code")
    _finish_login(request, user, user.backend)
    return redirect(_next_url(request, next_url))


# --- login, step two: the code --------------------------------------------------------------------

def _pending_user(request):
    pending = request.session.get(PENDING_KEY)
    if not isinstance(pending, dict) or timezone.now().timestamp() - pending.get("at", 0) > PENDING_SECONDS:
        return None, None
    user = get_user_model()._default_manager.filter(pk=pending.get("user"), is_active=True).first()
    if user is None or security.session_generation(user) != pending.get("generation"):
        return None, None
    return user, pending


def _start_again(request):
    request.session.pop(PENDING_KEY, None)
    messages.warning(request, _("The login took too long or was interrupted. Please start again."))
    return redirect("login")


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def login_code(request):
    user, pending = _pending_user(request)
    if user is None:
        return _start_again(request)
    context = {"error": None}
    if request.method == "POST":
        if not throttle.hit(request, "login", settings.MIZAN_THROTTLE_LOGIN_PER_HOUR):
            return render(request, "desk/login_code.html", {"error": _throttled_message()}, status=429)
        check = security.check_code(user=user, code=_code(request), purpose="login")
        if check.ok:
            del request.session[PENDING_KEY]
            _finish_login(request, user, pending["backend"])
            if check.method == "recovery":
                left = security.recovery_codes_left(user)
                messages.warning(request, ngettext(
                    "You logged in with a recovery code. %(count)s recovery code is left: make new ones on "
                    "the account page.",
                    "You logged in with a recovery code. %(count)s recovery codes are left: make new ones on "
                    "the account page.", left) % {"count": left})
            return redirect(pending["next"])
        if check.locked_for:
            request.session.pop(PENDING_KEY, None)
            messages.error(request, _locked_message(check.locked_for))
            return redirect("login")
        context["error"] = _("That code is not valid. Enter the current code from your app, or an unused "
                             "recovery code.")
    return render(request, "desk/login_code.html", context, status=200 if not context["error"] else 400)


@require_http_methods(["GET", "HEAD"])
def admin_login(request):
    """The Django admin's own login would skip the second step: send it to ours."""
    return redirect(f"{reverse('login')}?{request.GET.urlencode()}" if request.GET else reverse("login"))


# --- account page ------------------------------------------------------------------------------------

@login_required
@never_cache
@require_http_methods(["GET", "HEAD"])
def account(request):
    user = request.user
    return render(request, "desk/account.html", {
        "has_two_factor": security.has_two_factor(user),
        "required": security.two_factor_required(user),
        "codes_left": security.recovery_codes_left(user),
        "idle_minutes": settings.MIZAN_SESSION_IDLE_MINUTES,
        "max_hours": settings.MIZAN_SESSION_MAX_HOURS,
    })


def _render_codes(request, codes):
    return _no_store(render(request, "desk/recovery_codes.html", {
        "codes": codes, "required": security.two_factor_required(request.user)}))


@login_required
@sensitive_post_parameters("code")
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def two_factor_setup(request):
    user = request.user
    if security.has_two_factor(user):
        return redirect("desk:account")
    error = None
    if request.method == "POST":
        try:
            codes = security.confirm_enrolment(actor=user, code=_code(request))
        except security.TwoFactorError:  # the form of an enrolment that is no longer pending
            codes = None
        if codes is not None:
            security.start_session(request.session, user)  # this session stays; the others end
            return _render_codes(request, codes)
        error = _("That code is not right. Check that the time on your phone is correct and enter the code "
                  "the app shows now.")
    secret = security.start_enrolment(actor=user)
    uri = security.provisioning_uri(user, secret)
    return _no_store(render(request, "desk/two_factor_setup.html", {
        "secret": _grouped(secret), "uri": uri, "qr_svg": mark_safe(_qr_svg(uri)),  # noqa: S308 (segno's SVG)
        "error": error, "required": security.two_factor_required(user),
    }, status=400 if error else 200))


def _code_action_failed(request, check):
    if check.locked_for:
        messages.error(request, _locked_message(check.locked_for))
    else:
        messages.error(request, _("That code is not valid. Nothing was changed."))
    return redirect("desk:account")


@login_required
@sensitive_post_parameters("code")
@require_POST
def recovery_codes(request):
    if not security.has_two_factor(request.user):
        return redirect("desk:account")
    check, codes = security.regenerate_recovery_codes(actor=request.user, code=_code(request))
    if codes is None:
        return _code_action_failed(request, check)
    return _render_codes(request, codes)


@login_required
@sensitive_post_parameters("code")
@require_POST
def two_factor_disable(request):
    user = request.user
    if not security.has_two_factor(user):
        return redirect("desk:account")
    if security.two_factor_required(user):
        messages.error(request, _("Two-factor authentication is required for your account; it cannot be turned "
                                  "off. You can move it to a new authenticator instead."))
        return redirect("desk:account")
    check = security.disable_two_factor(actor=user, code=_code(request))
    if not check.ok:
        return _code_action_failed(request, check)
    messages.success(request, _("Two-factor authentication is off."))
    return redirect("desk:account")


@login_required
@sensitive_post_parameters("code")
@require_POST
def two_factor_replace(request):
    user = request.user
    if not security.has_two_factor(user):
        return redirect("desk:two_factor_setup")
    check = security.disable_two_factor(actor=user, code=_code(request), replace=True)
    if not check.ok:
        return _code_action_failed(request, check)
    messages.info(request, _("Your old authenticator no longer works. Set up the new one now."))
    return redirect("desk:two_factor_setup")


@login_required
@require_POST
def logout_everywhere(request):
    security.end_all_sessions(actor=request.user)
    request.session.flush()
    request.user = AnonymousUser()
    messages.success(request, _("You have been logged out on every device, this one included."))
    return redirect("login")
