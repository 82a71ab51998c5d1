"""Plumbing of the JSON API: one error shape, the request language, bearer tokens, throttling, docs.

Every answer that is not a success is `{"error": {"code", "message", "fields"}}` with a 4xx
status (5xx only for a bug), including what ninja and Django would otherwise answer as HTML or
plain text: unknown paths, wrong methods, bodies over the size limit, schema validation errors.
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import sys
from datetime import timedelta

from django.conf import settings
from django.core import signals
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path, re_path
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError
from ninja.openapi.docs import DocsBase
from ninja.renderers import BaseRenderer
from ninja.responses import NinjaJSONEncoder
from ninja.security import HttpBearer
from ninja.throttling import BaseThrottle

from mizan.accounts.models import ApiToken, membership_of
from mizan.complaints.errors import DomainError
from mizan.core.throttle import WINDOW, hit

logger = logging.getLogger(__name__)

SUPPORTED_LANGUAGES = {code for code, _name in settings.LANGUAGES}
# A token's last use is written at most this often, so reading the API is not a write per request.
TOKEN_TOUCH_INTERVAL = timedelta(minutes=1)


# --- the error shape ------------------------------------------------------------------------

class ErrorDetail(Schema):
    code: str
    message: str
    fields: dict[str, str]


class ErrorOut(Schema):
    """Every error the API returns."""

    error: ErrorDetail


class ApiError(Exception):
    """An error a view chooses to answer with (unknown receipt, unknown unit, ...)."""

    def __init__(self, status: int, code: str, message, fields: dict | None = None):
        super().__init__(str(message))
        self.status, self.code, self.message, self.fields = status, code, message, fields or {}


def errors(*statuses: int) -> dict:
    """Response declarations for the error statuses an operation can answer with."""
    return dict.fromkeys(statuses, ErrorOut)


def error_body(code: str, message, fields: dict | None = None) -> dict:
    return {"error": {"code": code, "message": str(message),
                      "fields": {str(k): str(v) for k, v in (fields or {}).items()}}}


def not_found(message=None) -> ApiError:
    return ApiError(404, "not_found", message or _("Not found."))


# --- rendering and language -----------------------------------------------------------------

class JSONRenderer(BaseRenderer):
    """UTF-8 JSON without \\u escapes, so Arabic stays readable (and a third smaller)."""

    media_type = "application/json"
    charset = "utf-8"

    def render(self, request, data, *, response_status):
        return json.dumps(data, ensure_ascii=False, cls=NinjaJSONEncoder)


def language_for(request) -> str | None:
    """Accept-Language, for API clients only, unless the user already chose (`?lang=`, cookie).

    The portal ignores Accept-Language on purpose (a shared computer must not switch language by
    itself); an integrating system, however, has no other way to ask for a language.
    """
    if request.GET.get("lang") in SUPPORTED_LANGUAGES:
        return None
    if request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) in SUPPORTED_LANGUAGES:
        return None
    for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        base = code.split("-")[0].lower()
        if base in SUPPORTED_LANGUAGES:
            return base
    return None


def _json_response(status: int, body: dict) -> HttpResponse:
    return HttpResponse(JSONRenderer().render(None, body, response_status=status), status=status,
                        content_type="application/json; charset=utf-8")


def api_view(view):
    """Wrap every API URL: the request language, and JSON for what ninja answers in plain text."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        lang = language_for(request)
        with translation.override(lang) if lang else contextlib.nullcontext():
            if lang:
                request.LANGUAGE_CODE = lang
            response = view(request, *args, **kwargs)
            if response.status_code == 405 and not response.get("Content-Type", "").startswith("application/json"):
                allow = response.get("Allow", "")
                response = _json_response(405, error_body("method_not_allowed", _("This method is not allowed here.")))
                response["Allow"] = allow
            response["Content-Language"] = translation.get_language()
        patch_vary_headers(response, ["Accept-Language"])
        return response

    # Clients of the public endpoints are other systems, not browsers holding our session cookie;
    # staff endpoints authenticate with a bearer header, which a cross-site form cannot send.
    wrapper.csrf_exempt = True
    return wrapper


def json_not_found(request, *args, **kwargs):
    return _json_response(404, error_body("not_found", _("Not found.")))


# --- exception handlers ----------------------------------------------------------------------

_PYDANTIC_MESSAGES = {
    "missing": lambda: _("This field is required."),
    "string_type": lambda: _("Enter text."),
    "string_too_long": lambda: _("The text is too long."),
    "bool_type": lambda: _("Enter true or false."),
    "bool_parsing": lambda: _("Enter true or false."),
    "int_type": lambda: _("Enter a whole number."),
    "int_parsing": lambda: _("Enter a whole number."),
    "int_from_float": lambda: _("Enter a whole number."),
    "greater_than_equal": lambda: _("The number is too small."),
    "less_than_equal": lambda: _("The number is too large."),
    "enum": lambda: _("Unknown value."),
    "literal_error": lambda: _("Unknown value."),
    "list_type": lambda: _("Enter a list."),
    "dict_type": lambda: _("Enter an object."),
    "model_type": lambda: _("Enter an object."),
    "model_attributes_type": lambda: _("Enter an object."),
    "date_type": lambda: _("Enter a date as YYYY-MM-DD (Gregorian calendar)."),
    "date_parsing": lambda: _("Enter a date as YYYY-MM-DD (Gregorian calendar)."),
    "date_from_datetime_parsing": lambda: _("Enter a date as YYYY-MM-DD (Gregorian calendar)."),
    "date_from_datetime_inexact": lambda: _("Enter a date as YYYY-MM-DD (Gregorian calendar)."),
}


def _field_path(loc) -> str:
    # ninja's location starts with the source ("body", "query", ...); every body parameter is
    # called `payload`, which means nothing to a client, so the path starts inside it.
    parts = list(loc[1:])
    if loc and loc[0] == "body" and parts and parts[0] == "payload":
        parts = parts[1:]
    return ".".join(str(p) for p in parts) or "body"


def validation_fields(errors_list) -> dict[str, str]:
    fields: dict[str, str] = {}
    for err in errors_list:
        key = _field_path(err.get("loc", ()))
        message = _PYDANTIC_MESSAGES.get(err.get("type"), lambda: _("Enter a valid value."))()
        fields.setdefault(key, message)
    return fields


def _handle_api_error(request, exc: ApiError, api):
    return api.create_response(request, error_body(exc.code, exc.message, exc.fields), status=exc.status)


def _handle_domain_error(request, exc: DomainError, api):
    return api.create_response(request, error_body(exc.code, exc.message, exc.fields), status=exc.status)


def _handle_validation(request, exc: ValidationError, api):
    return api.create_response(
        request, error_body("invalid", _("Some information is missing or not valid."), validation_fields(exc.errors)),
        status=400)


def _handle_authentication(request, exc, api):
    response = api.create_response(
        request, error_body("unauthorized", _("Send a valid API token: Authorization: Bearer <token>.")), status=401)
    response["WWW-Authenticate"] = "Bearer"
    return response


def _handle_throttled(request, exc, api):
    return api.create_response(
        request, error_body("throttled", _("Too many requests. Please wait and try again later.")), status=429)


def _handle_http_error(request, exc: HttpError, api):
    if exc.status_code == 400:  # ninja raises this only for a body it cannot parse
        return api.create_response(request, error_body("invalid", _("The request body is not valid JSON.")), status=400)
    return api.create_response(request, error_body("error", exc.message), status=exc.status_code)


def _handle_404(request, exc, api):
    return api.create_response(request, error_body("not_found", _("Not found.")), status=404)


def _handle_permission_denied(request, exc, api):
    return api.create_response(request, error_body("forbidden", _("You are not allowed to do this.")), status=403)


def _handle_too_big(request, exc, api):
    return api.create_response(request, error_body("too_large", _("The request is too large.")), status=413)


def _handle_unexpected(request, exc, api):
    logger.error("API error on %s", request.path, exc_info=sys.exc_info())
    # What Django does for an uncaught exception, so error reporting (and the test client) see it.
    signals.got_request_exception.send(sender=None, request=request)
    return api.create_response(
        request, error_body("server_error", _("Something went wrong on our side. Please try again later.")), status=500)


# --- the API class ----------------------------------------------------------------------------

class MizanDocs(DocsBase):
    """Swagger UI served from our own static files (no CDN) with no inline script."""

    def render_page(self, request, api, **kwargs):
        return render(request, "api/docs.html", {"openapi_url": self.get_openapi_url(api, kwargs), "api": api})


class MizanAPI(NinjaAPI):
    def set_default_exception_handlers(self) -> None:
        handlers = [
            (Exception, _handle_unexpected),
            (ApiError, _handle_api_error),
            (DomainError, _handle_domain_error),
            (ValidationError, _handle_validation),
            (HttpError, _handle_http_error),
            (AuthenticationError, _handle_authentication),
            (Throttled, _handle_throttled),
            (Http404, _handle_404),
            (PermissionDenied, _handle_permission_denied),
            (RequestDataTooBig, _handle_too_big),
        ]
        for exc_class, handler in handlers:
            self.add_exception_handler(exc_class, functools.partial(handler, api=self))

    def _get_urls(self):
        result = []
        for pattern in super()._get_urls():
            if isinstance(pattern, URLPattern):
                if pattern.name == "api-root":  # ninja's raises Http404, which Django answers in HTML
                    pattern = path("", json_not_found, name="api-root")
                pattern.callback = api_view(pattern.callback)
            result.append(pattern)
        result.append(re_path(r"^.*$", api_view(json_not_found), name="api-not-found"))
        return result


# --- authentication and throttling ------------------------------------------------------------

class TokenAuth(HttpBearer):
    """A per-user token (`manage.py create_api_token <user>`), of an active user with a membership."""

    def authenticate(self, request, token):
        if not token or len(token) > 200:
            return None
        api_token = (ApiToken.objects.filter(token_hash=ApiToken.hash(token), revoked_at__isnull=True)
                     .select_related("user", "user__membership").first())
        if api_token is None or membership_of(api_token.user) is None:
            return None
        now = timezone.now()
        if api_token.last_used_at is None or now - api_token.last_used_at > TOKEN_TOUCH_INTERVAL:
            ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=now)
        request.user = api_token.user
        return api_token.user


class HourlyThrottle(BaseThrottle):
    """`core.throttle.hit` (keyed hashes, no addresses kept) with a limit read from settings."""

    def __init__(self, scope: str, setting: str):
        self.scope, self.setting = scope, setting

    def allow_request(self, request) -> bool:
        return hit(request, self.scope, getattr(settings, self.setting))

    def wait(self) -> float:
        window = WINDOW.total_seconds()
        return window - timezone.now().timestamp() % window
