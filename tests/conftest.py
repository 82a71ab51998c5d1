"""Named personas and builders shared by the whole suite.

Two organisations: `org` (a ministry's human-rights department, Friday-Saturday weekend) where
every role has a user, and `other_org` (a national institution) whose `outsider` must learn
nothing about `org`'s cases.

Personas whose account requires two-factor authentication (see `accounts.security`) are enrolled
with a known secret (`totp_secret`); `login_code(user)` gives the code to type now. The test
client's `force_login` stands for a complete login, both steps; tests of the login itself use
the login form.

Parametrised matrices (hundreds of tests over the same organisations, users and cases) build
that world once per module with `module_world` and run each test in a savepoint inside it.
"""

import base64
import copy
import hashlib
import os
from datetime import date

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from mizan.accounts import security
from mizan.accounts.models import (
    AccountSecurity,
    Facility,
    Governorate,
    Membership,
    Organisation,
    Role,
    Unit,
)
from mizan.complaints.intake import clean_intake
from mizan.complaints.services import submit_complaint
from mizan.lib import totp

PASSWORD = "correct horse battery staple"


def module_world(django_db_blocker, build):
    """The body of a module-scoped fixture: `yield from module_world(django_db_blocker, build)`.

    `build()` runs once, in a transaction that stays open while the module's tests run and is
    rolled back after the last one; the files it or the tests wrote under MEDIA_ROOT are removed
    then. Each test asks for `db` as usual, which puts it in a savepoint inside that transaction,
    rolled back at its end: every test starts from the world exactly as `build()` left it. Hand
    the tests copies of the instances `build()` made (`fresh`), never those, which a test could
    change in memory. A module using this needs `django_db_setup` before it (ask for
    it in the fixture) and cannot hold tests that commit (transactional_db, live_server).
    """
    root = settings.MEDIA_ROOT
    existing = {os.path.join(d, n) for d, _s, names in os.walk(root) for n in names}
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            world = build()
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            raise
    try:
        yield world
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
        for folder, _dirs, names in os.walk(root):
            for name in names:
                path = os.path.join(folder, name)
                if path not in existing:
                    os.remove(path)


def fresh(instance):
    """A copy of the world's `instance` for one test, as `build()` left it (the row is too, at the
    start of every test): what the test changes in memory stays in its copy."""
    return copy.deepcopy(instance)


def build_org() -> Organisation:
    return Organisation.objects.create(
        slug="moi-hr", kind="ministry", country="EG", reference_prefix="EG", weekend_days="4,5",
        name_ar="إدارة حقوق الإنسان بوزارة الداخلية", name_en="Human-rights department, Ministry of Interior",
        name_fr="Direction des droits de l'homme, ministère de l'Intérieur", is_default_intake=True,
    )


def build_other_org() -> Organisation:
    return Organisation.objects.create(
        slug="nhri", kind="nhri", country="MA", reference_prefix="NHRI", weekend_days="5,6",
        name_ar="المؤسسة الوطنية لحقوق الإنسان", name_en="National human-rights institution",
        name_fr="Institution nationale des droits de l'homme",
    )


def build_places(org) -> dict:
    cairo = Governorate.objects.create(organisation=org, code="cairo", name_ar="القاهرة", name_en="Cairo", name_fr="Le Caire")
    giza = Governorate.objects.create(organisation=org, code="giza", name_ar="الجيزة", name_en="Giza", name_fr="Gizeh")
    hr = Unit.objects.create(organisation=org, code="hr", name_ar="قطاع حقوق الإنسان", name_en="Human-rights sector",
                             name_fr="Secteur des droits de l'homme", is_intake=True)
    prisons = Unit.objects.create(organisation=org, code="prisons", name_ar="قطاع الحماية المجتمعية",
                                  name_en="Prisons administration", name_fr="Administration pénitentiaire")
    station = Facility.objects.create(organisation=org, kind="police_station", governorate=giza,
                                      name_ar="قسم شرطة الدقي", name_en="Dokki police station", name_fr="Commissariat de Dokki")
    prison = Facility.objects.create(organisation=org, kind="correction_centre", governorate=cairo,
                                     name_ar="مركز إصلاح وتأهيل القاهرة", name_en="Cairo correction centre",
                                     name_fr="Centre de réhabilitation du Caire")
    return {"cairo": cairo, "giza": giza, "hr": hr, "prisons": prisons, "station": station, "prison": prison}


@pytest.fixture
def org(db):
    return build_org()


@pytest.fixture
def other_org(db):
    return build_other_org()


@pytest.fixture
def places(org):
    return build_places(org)


def totp_secret(username: str) -> str:
    """The known TOTP secret of a test persona (base32), the same in every run."""
    return base64.b32encode(hashlib.sha1(f"mizan-test:{username}".encode()).digest()).decode().rstrip("=")


def enrol(user, secret: str | None = None) -> str:
    """Give `user` a confirmed second factor with a known secret (a fixture: no audit row)."""
    secret = secret or totp_secret(user.get_username())
    AccountSecurity.objects.update_or_create(user=user, defaults={
        "totp_secret_enc": security.seal_secret(secret, user.pk), "totp_confirmed_at": timezone.now(),
        "totp_last_step": None})
    return secret


def login_code(user, secret: str | None = None) -> str:
    """A code `user`'s authenticator would accept now: the current step, or the next one when
    the current step was already spent (each step works once)."""
    secret = secret or totp_secret(user.get_username())
    step = totp.step_at(timezone.now().timestamp())
    last = AccountSecurity.objects.filter(user=user).values_list("totp_last_step", flat=True).first()
    if last is not None and last >= step:
        assert last == step, "no unspent code left in the window: move the clock in this test"
        step += 1
    return totp.hotp(totp.secret_bytes(secret), step)


def make_user(username, organisation, role, unit=None, can_reveal=False, email="", two_factor=None):
    """A staff user with a membership; enrolled in 2FA when their account requires it (or as told)."""
    user = get_user_model().objects.create_user(username=username, password=PASSWORD, email=email,
                                                first_name=username.title())
    Membership.objects.create(user=user, organisation=organisation, role=role, unit=unit,
                              can_reveal_identity=can_reveal)
    if two_factor or (two_factor is None and security.two_factor_required(user)):
        enrol(user)
    return user


def build_staff(org, other_org, places) -> dict:
    """One user per role in `org`, plus `outsider` (a supervisor of `other_org`).

    Enrolled in two-factor authentication because their account requires it: officer (reveals),
    supervisor, analyst, auditor, admin, outsider. Not enrolled: intake, officer2.
    """
    hr = places["hr"]
    return {
        "intake": make_user("intake", org, Role.INTAKE_OFFICER, hr),
        "officer": make_user("officer", org, Role.CASE_OFFICER, hr, can_reveal=True, email="officer@example.org"),
        "officer2": make_user("officer2", org, Role.CASE_OFFICER, hr),
        "supervisor": make_user("supervisor", org, Role.SUPERVISOR, hr, can_reveal=True, email="sup@example.org"),
        "analyst": make_user("analyst", org, Role.ANALYST),
        "auditor": make_user("auditor", org, Role.AUDITOR),
        "admin": make_user("orgadmin", org, Role.ORG_ADMIN),
        "outsider": make_user("outsider", other_org, Role.SUPERVISOR, can_reveal=True),
    }


@pytest.fixture
def staff(org, other_org, places):
    """build_staff: one user per role in `org`, plus `outsider` (a supervisor of `other_org`)."""
    return build_staff(org, other_org, places)


def case_filer(org):
    """file_case(narrative=..., **raw intake fields) -> (case, receipt), for `org`."""

    def build(narrative="ضربوني في قسم الدقي واحتجزوني ثلاثة أيام بدون عرض على النيابة", *, actor="complainant",
              channel="web", received_at=None, **raw):
        raw.setdefault("categories", ["torture", "arbitrary_detention"])
        raw.setdefault("anonymous", False)
        raw.setdefault("complainant", {"name": "منى عبد الله", "national_id": "29001011234567", "phone": "01001234567"})
        raw.setdefault("incident_date", date(2026, 10, 1).isoformat())
        raw["narrative"] = narrative
        cleaned, errors = clean_intake(org, raw)
        assert errors == {}, errors
        return submit_complaint(organisation=org, channel=channel, actor=actor, received_at=received_at, **cleaned)

    return build


@pytest.fixture
def file_case(org, places):
    """Builder: file_case(narrative=..., **raw intake fields) -> (case, receipt)."""
    return case_filer(org)
