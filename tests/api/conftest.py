"""Helpers for the API tests: JSON requests, bearer tokens, and the valid body of a complaint."""

import json

import pytest
from django.test import Client

from mizan.accounts.models import ApiToken


class ApiClient:
    """Django's test client speaking JSON, optionally with a bearer token or a receipt."""

    def __init__(self, client: Client):
        self.client = client

    @staticmethod
    def _headers(token=None, receipt=None, headers=None):
        # English unless a test asks otherwise, so that messages can be compared as written.
        out = {"Accept-Language": "en", **(headers or {})}
        if token is not None:
            out["Authorization"] = f"Bearer {token}"
        if receipt is not None:
            out["X-Receipt"] = receipt
        return out

    def get(self, path, params=None, *, token=None, receipt=None, headers=None):
        return self.client.get(path, params or {}, headers=self._headers(token, receipt, headers))

    def post(self, path, body=None, *, token=None, receipt=None, headers=None, raw=None):
        data = raw if raw is not None else json.dumps(body if body is not None else {}, ensure_ascii=False)
        return self.client.post(path, data=data, content_type="application/json",
                                headers=self._headers(token, receipt, headers))


@pytest.fixture
def api(client):
    return ApiClient(client)


@pytest.fixture
def token_for(db):
    """token_for(user) -> a raw bearer token of `user`."""

    def issue(user):
        _token, raw = ApiToken.issue(user)
        return raw

    return issue


@pytest.fixture
def tokens(staff, token_for):
    return {name: token_for(user) for name, user in staff.items()}


@pytest.fixture
def complaint_body(places):
    """The body of a valid, named complaint (Arabic, like most complainants write)."""

    def build(**overrides):
        body = {
            "narrative": "احتجزوا ابني في قسم شرطة الدقي أربعة أيام دون عرضه على النيابة",
            "language": "ar",
            "anonymous": False,
            "complainant": {"name": "سعاد محمود", "national_id": "28505051234567", "phone": "01112223334",
                            "email": "souad@example.org"},
            "relation": "family",
            "incident_date": "2026-09-15",
            "governorate": "giza",
            "facility": places["station"].pk,
            "categories": ["arbitrary_detention"],
            "vulnerabilities": ["detainee"],
            "identity_consent": True,
        }
        body.update(overrides)
        return body

    return build


def error_of(response) -> dict:
    """The `error` object of a JSON error answer, after checking the envelope has nothing else."""
    body = response.json()
    assert list(body) == ["error"]
    assert set(body["error"]) == {"code", "message", "fields"}
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return body["error"]
