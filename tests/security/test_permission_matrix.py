"""Every persona against every URL and every API operation, with every method the matrix names.

The matrix (`tests/security/matrix.py`) says, from the access rules, what each persona must get:
allowed, denied, not found (the same answer as for an id that does not exist), or sent to the
login. A refused request with a writing method must change nothing: every row of every table
(the audit log included) and every file under MEDIA_ROOT are the same before and after. An
outsider (another organisation) never sees anything of `org` in any answer.

A URL pattern, an API operation or an admin model the matrix does not classify fails
`test_every_url_pattern_is_classified`, `test_every_api_operation_is_classified` or
`test_every_admin_model_is_classified`.

The world is built once for the module inside one transaction; each test runs in a savepoint
rolled back at its end, so an allowed request never changes what the next one sees.
"""

import contextlib
import json
import re
from http.cookies import SimpleCookie
from unittest import mock

import pytest
from django.conf import settings
from django.test import Client

from tests.conftest import module_world

from . import matrix as m

CASES = m.matrix_cases()


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    yield from module_world(django_db_blocker, m.build_world)


_BROWSER = []


def _client(world, persona):
    """A browser of `persona`: logged in (a session made once for the module), following a case
    with its receipt, or neither. Token personas send no cookie. One test client for the module
    (a new one would load the middleware again, whitenoise's scan of the static files included),
    its cookies emptied for each request."""
    if not _BROWSER:
        _BROWSER.append(Client())
    client = _BROWSER[0]
    client.cookies = SimpleCookie()
    name = persona.split(":", 1)[-1]
    if name in world.sessions and not persona.startswith("token:"):
        client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[name]
    return client


def _send(client, entry, world, persona, method, url, data=None):
    headers = entry.headers(world, persona) if entry.headers else {}
    if data is None:
        data = entry.data(world, persona, method) if entry.data else {}
    if method == "GET":
        return client.get(url, **headers)
    if entry.json:
        return client.generic(method, url, json.dumps(data), content_type="application/json", **headers)
    if method == "POST":
        return client.post(url, data, **headers)
    return client.generic(method, url, **headers)


CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"')


def _body(response) -> bytes:
    """The body, with the CSRF token (masked anew in every answer) taken out."""
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return CSRF.sub(b'name="csrfmiddlewaretoken"', response.content)


def _typed(sent, twin_data):
    """(value, twin's value) of the form fields where the twin names an id that does not exist."""
    if not twin_data:
        return []
    return [(str(sent[k]).encode(), str(v).encode()) for k, v in twin_data.items()
            if k in sent and sent[k] != v and min(len(str(v)), len(str(sent[k]))) >= 10]


def _check(expected, response, *, key, persona):
    status, location = response.status_code, response.get("Location", "")
    where = f"{persona} on {key}: got {status} {location}"
    if expected in (m.OK, m.OK_NOTHING):
        assert 200 <= status < 400, where
        assert "/login/?next=" not in location, where
        if not key.startswith("/desk/account"):
            assert location != "/desk/account/two-factor/", where
    elif expected == m.DENIED:
        assert status == 403, where
    elif expected == m.NOT_FOUND:
        assert status == 404, where
    elif expected == m.LOGIN:
        assert status == 302 and location.startswith("/accounts/login/?next="), where
    elif expected == m.ADMIN_LOGIN:
        assert status == 302 and location.startswith("/admin/login/?next="), where
    elif expected == m.ADMIN_MISSING:
        assert status == 302 and location == "/admin/", where
    elif expected in (m.INVALID, m.REFUSED_INPUT):
        assert status == 400, where
    elif expected == m.METHOD:
        assert status == 405, where
    elif expected == m.UNAUTHORIZED:
        assert status == 401, where
    elif isinstance(expected, m.Redirect):
        assert 300 <= status < 400 and location == expected.url, where
    else:
        assert status == expected, where


@pytest.mark.parametrize(("key", "persona", "method"), CASES, ids=[f"{p}-{meth}-{k}" for k, p, meth in CASES])
def test_permission_matrix(world, db, key, persona, method):
    entry = m.entry_for(key)
    expected = entry.rules[method](world, persona)
    client = _client(world, persona)
    if entry.setup:
        entry.setup(world, persona)
    refused_write = method in m.WRITING and expected not in (m.OK, m.INVALID)
    before = m.fingerprint() if refused_write else None

    sent = entry.data(world, persona, method) if entry.data else {}
    with contextlib.ExitStack() as stack:
        for target, replacement in (entry.stubs or {}).items():
            stack.enter_context(mock.patch(target, replacement))
        response = _send(client, entry, world, persona, method, entry.url_for(world), sent)
    body = _body(response)
    _check(expected, response, key=key, persona=persona)

    outsider = persona.split(":")[-1] in m.OUTSIDERS
    if entry.missing and (expected in (m.NOT_FOUND, m.ADMIN_MISSING, m.REFUSED_INPUT) or outsider):
        twin_url = entry.missing(world)
        twin_url, twin_data = twin_url if isinstance(twin_url, tuple) else (twin_url, None)
        twin = _send(client, entry, world, persona, method, twin_url, twin_data)
        twin_body = _body(twin)
        for typed, other in _typed(sent, twin_data):  # a form shows again what was typed in it
            body, twin_body = body.replace(typed, b"<typed>"), twin_body.replace(other, b"<typed>")
        assert (response.status_code, response.get("Location"), body) == (
            twin.status_code, twin.get("Location"), twin_body), (
            f"{persona} on {key}: the answer differs from the one for an id that does not exist")
    if outsider and not entry.public:
        text = body.decode("utf-8", "replace")
        typed = " ".join(str(v) for v in sent.values())  # one's own input shown again is no leak
        leaked = [marker for marker in world.markers if marker in text and marker not in typed]
        assert leaked == [], f"{persona} on {key} saw {leaked}"
    if refused_write:
        assert m.changes(before, m.fingerprint()) == [], f"{persona} {method} {key} changed something"


# --- nothing escapes the matrix -------------------------------------------------------------------

def test_every_url_pattern_is_classified():
    api_routes = {f"/{path}" for path in m.api_paths()}
    found = m.resolver_routes()
    unclassified = [r for r in found if r not in m.ROUTES and r not in m.SHADOWED
                    and r.split(" -> ")[0] not in api_routes]
    gone = sorted((set(m.ROUTES) | m.SHADOWED) - set(found))

    assert unclassified == [], "URL patterns the permission matrix does not classify: add them to tests/security/matrix.py"
    assert gone == [], "entries of the permission matrix for URL patterns that no longer exist"


def test_every_api_operation_is_classified():
    in_schema, on_routers = set(m.api_operations()), set(m.router_operations())

    assert sorted(on_routers - in_schema) == [], "operations missing from /api/v1/openapi.json"
    assert sorted(in_schema - set(m.API)) == [], "API operations the permission matrix does not classify"
    assert sorted(set(m.API) - in_schema) == [], "entries of the permission matrix for operations that no longer exist"


def test_every_admin_model_is_classified():
    from django.contrib import admin

    registered = {model._meta.label_lower for model in admin.site._registry}

    assert sorted(registered - set(m.ADMIN_MODELS)) == [], "admin models the permission matrix does not classify"
    assert sorted(set(m.ADMIN_MODELS) - registered) == []
