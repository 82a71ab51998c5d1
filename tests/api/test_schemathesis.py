"""Schemathesis over the whole API v1, generated from its own OpenAPI document.

For every operation of `/api/v1/openapi.json`, schemathesis (Hypothesis underneath) generates
requests, valid and not, and sends them to the WSGI application in this process; two checks must
hold for each answer: no 5xx (`not_a_server_error`), and the body matches the schema declared for
its status (`response_schema_conformance`). Staff operations are called with a valid token of a
case officer, so they get past authentication; the database holds the suite's personas and a few
cases, so generated references and receipts sometimes meet real rows. The number of examples per
operation is bounded (EXAMPLES) so the whole run stays well under two minutes.
"""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from mizan.accounts.models import ApiToken

EXAMPLES = 30

# Django's WSGI handler, what mizan/wsgi.py serves (its start-up key check needs the database,
# which a module-level import at collection time may not touch).
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def officer_token(staff, file_case):
    for narrative in ("احتجزوني في القسم يومين بدون عرض على النيابة", "ضربوني في قسم الدقي"):
        file_case(narrative)
    return ApiToken.issue(staff["officer"])[1]


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """What Django's test client does around a request: the WSGI handler would otherwise close
    the database connection at the end of each request, and with it the test's transaction."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def no_throttle(settings):
    settings.MIZAN_THROTTLE_SUBMIT_PER_HOUR = 10**9
    settings.MIZAN_THROTTLE_TRACK_PER_HOUR = 10**9


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much, HealthCheck.data_too_large])
def test_api_answers_match_the_schema_and_are_never_5xx(case, officer_token):
    headers = {"Accept-Language": "en"}
    if case.operation.tags and {"Cases (staff)", "Follow-up (staff)"} & set(case.operation.tags):
        headers["Authorization"] = f"Bearer {officer_token}"
    case.call_and_validate(headers=headers, checks=[not_a_server_error, response_schema_conformance])
