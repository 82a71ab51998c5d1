"""Staff sessions: expiry, logout everywhere, and no desk before the required second factor.

Runs after authentication and messages. For a logged-in user, on every request:
1. the session ends when the user logged out everywhere since it began (generation), when it
   is older than MIZAN_SESSION_MAX_HOURS, or idle for MIZAN_SESSION_IDLE_MINUTES; the user is
   sent to the login page (htmx requests get `HX-Redirect`);
2. a user who must use a second factor and has none is sent to enrolment from every page but
   enrolment itself, logout and the language switch;
3. the time of last activity is kept (written at most once a minute).
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from . import security
from .models import AccountSecurity

ENROL_URL = "desk:two_factor_setup"
OPEN_WHILE_ENROLLING = ("login", "login_code", "logout", "set_language", ENROL_URL)


def _go(request, url: str):
    if request.headers.get("HX-Request"):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return redirect(url)


class StaffSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return self.get_response(request)
        try:  # read with the user in this request (backends.AccountBackend)
            state = user.security
        except AccountSecurity.DoesNotExist:
            state = None
        problem = security.session_problem(request.session, state.session_generation if state else 0)
        if problem:
            return self._end(request, user, problem)
        enrolled = state is not None and state.has_two_factor
        if not enrolled and security.two_factor_required(user) and not self._open(request):
            return _go(request, reverse(ENROL_URL))
        security.touch_session(request.session)
        return self.get_response(request)

    @staticmethod
    def _open(request) -> bool:
        return request.path_info in {reverse(name) for name in OPEN_WHILE_ENROLLING}

    @staticmethod
    def _end(request, user, problem: str):
        if problem in ("idle", "absolute"):
            security.record_session_end(user, problem)
        # Not logout(): that would record a "logged out" row for something the user did not do.
        request.session.flush()
        request.user = AnonymousUser()
        if problem == "ended":
            messages.warning(request, _("Your session has ended. Please log in again."))
        else:
            messages.warning(request, _("Your session has expired. Please log in again."))
        url = reverse("login")
        if request.method in ("GET", "HEAD") and not request.headers.get("HX-Request"):
            url += "?" + urlencode({"next": request.get_full_path()}, safe="/")
        return _go(request, url)
