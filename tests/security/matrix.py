"""The permission matrix: every URL of the platform and every operation of the API, each persona,
each method, and the answer the access rules give (no tests here; see test_permission_matrix.py).

How to read it:

- `ROUTES` classifies every URL pattern Django's resolver knows (key: the route as the resolver
  spells it, then the view) and `API` every operation of the OpenAPI schema (key: "METHOD /path").
  A pattern or an operation that is in neither makes the matrix test fail: a new view has to be
  put here, with who may use it, before the suite passes.
- Each entry names, per method, a rule: `rule(world, persona) -> expected answer`. The rules are
  written from the access helpers (`complaints.access.PERMISSIONS` through `can`,
  `reports.access`, `reports.exports.may_*`, `reports.imports.may_import`, the workflow table)
  and from the project's rule that a page or object not meant for someone answers "not found":
  never what a view happens to return.
- Expected answers: OK (2xx or 3xx, never to a login page), DENIED (403), NOT_FOUND (404, the
  same answer as for an id that does not exist), LOGIN (anonymous: sent to the login page),
  METHOD (405), UNAUTHORIZED (401, the API without a valid token), ADMIN_LOGIN (sent to the
  admin's login), ADMIN_MISSING (the admin's "does not exist" redirect, identical to that of a
  missing id), OK_NOTHING (an allowed page acting on a row that is not the persona's: nothing may
  change), INVALID / REFUSED_INPUT (400: the input is refused, not the persona; for an id of the
  other organisation, exactly like an unknown id), Redirect(url), or an exact status.
- `CROSS` adds requests no pattern of their own stands for: an id of the other organisation in
  one's own case's URL or form, and org's staff on other_org's objects.

Personas: `anonymous`; in `org` one user per role (`intake`, `officer` who may reveal identities,
`officer2` who may not, `supervisor` who may, `supervisor2` who may not, `analyst`, `auditor`,
`admin`: organisation admin with `is_staff`); in `other_org` the `outsider` (a supervisor who may
reveal) and `outsider_admin` (its organisation admin, `is_staff`); `complainant` and
`complainant_other`, anonymous visitors following org's case A / other_org's case X with their
receipt; for the API `token:<persona>` (a bearer token), `token:revoked`, and `session:<persona>`
(a logged-in browser without a token, which the API must not take for one).

The world (`build_world`) holds real objects of both organisations: cases with an attachment, an
allegation, a triage suggestion, a notification, a reveal request, exports (done, with their
files), an import run, API tokens, and complainants who follow their case with their receipt.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import time
from dataclasses import dataclass
from datetime import timedelta
from types import SimpleNamespace

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.sessions.backends.db import SessionStore
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from mizan.accounts.models import (
    AccountSecurity,
    ApiToken,
    Facility,
    Governorate,
    Holiday,
    Organisation,
    Role,
    Unit,
)
from mizan.complaints import access, workflow
from mizan.complaints.intake import clean_intake
from mizan.complaints.models import (
    Category,
    DeadlinePolicy,
    Notification,
    RetentionRule,
    RevealRequest,
    RoutingRule,
)
from mizan.complaints.services import Upload, post_message, submit_complaint
from mizan.followup import access as followup_access
from mizan.portal.views import TRACK_KEY
from mizan.reports import access as report_access
from mizan.reports import exports
from mizan.reports.imports import may_import
from mizan.reports.models import Export, ImportRun, PublicationSettings
from mizan.triage.models import Suggestion
from tests.conftest import login_code, make_user

# --- expected answers --------------------------------------------------------------------------

OK, DENIED, NOT_FOUND, LOGIN, METHOD = "ok", "denied", "not_found", "login", "method"
UNAUTHORIZED, ADMIN_LOGIN, ADMIN_MISSING = "unauthorized", "admin_login", "admin_missing"
INVALID = "invalid"  # 400 for a persona who may do this: the input is refused, not the persona
# An answer like OK for a page the persona may use, about rows that are not theirs (an admin
# action on another organisation's row, an id of another organisation in one's own case):
# nothing may change, and the answer must be the one for an id that does not exist.
OK_NOTHING = "ok_nothing_changed"
REFUSED_INPUT = "refused_input"  # 400: an id of another organisation is refused like an unknown one
WRITING = ("POST", "PUT", "PATCH", "DELETE")


@dataclass(frozen=True)
class Redirect:
    url: str


# --- personas ----------------------------------------------------------------------------------

ORG_STAFF = ("intake", "officer", "officer2", "supervisor", "supervisor2", "analyst", "auditor", "admin", "followup")
OUTSIDERS = ("outsider", "outsider_admin", "sec")
STAFF = (*ORG_STAFF, *OUTSIDERS)
HTML_PERSONAS = ("anonymous", *STAFF)
PORTAL_PERSONAS = (*HTML_PERSONAS, "complainant", "complainant_other")
# The admin site looks at `is_staff` and at the org_admin role only: one staff member without
# `is_staff` stands for every other role there (the admin's own permission check sends them all
# to its login alike).
ADMIN_PERSONAS = ("anonymous", "supervisor", "admin", "outsider_admin")
ADMIN_MODEL_PERSONAS = ("supervisor", "admin", "outsider_admin")  # anonymous: as supervisor, on the site's pages
API_PERSONAS = ("anonymous", "complainant", *(f"token:{p}" for p in STAFF), "token:revoked",
                "session:supervisor", "session:outsider")



def user_of(world, persona: str):
    """The staff user behind a persona ("token:officer" -> officer), or None."""
    name = persona.split(":", 1)[-1]
    return world.users.get(name)


def member_of_org(world, persona) -> bool:
    user = user_of(world, persona)
    return user is not None and user.membership.organisation_id == world.org.pk


def can(world, persona, action) -> bool:
    user = user_of(world, persona)
    return user is not None and access.can(user, action)


def sees_cases(world, persona) -> bool:
    """May read org's cases: a role with `view_case`, in org."""
    return member_of_org(world, persona) and can(world, persona, "view_case")


# --- the world -----------------------------------------------------------------------------------

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
NARRATIVE_A = "احتجزوني في قسم الدقي ثلاثة أيام بدون عرض على النيابة وضربوني"
NARRATIVE_X = "اعتقلوني في مركز الرباط يومين دون سبب"


def _place(model, organisation, **fields):
    return model.objects.create(organisation=organisation, **fields)


def _file(organisation, narrative, **raw):
    raw.setdefault("categories", ["torture", "arbitrary_detention"])
    raw.setdefault("anonymous", False)
    raw.setdefault("complainant", {"name": "منى عبد الله", "national_id": "29001011234567", "phone": "01001234567"})
    raw["narrative"] = narrative
    cleaned, errors = clean_intake(organisation, raw)
    assert errors == {}, errors
    return submit_complaint(organisation=organisation, channel="web", actor="complainant", **cleaned)


def build_world():
    """Both organisations with every kind of object a URL can name. Runs in the caller's transaction."""
    org = Organisation.objects.create(
        slug="moi-hr", kind="ministry", country="EG", reference_prefix="EG", weekend_days="4,5",
        name_ar="إدارة حقوق الإنسان بوزارة الداخلية", name_en="Human-rights department, Ministry of Interior",
        is_default_intake=True)
    other = Organisation.objects.create(
        slug="nhri", kind="nhri", country="MA", reference_prefix="NHRI", weekend_days="5,6",
        name_ar="المؤسسة الوطنية لحقوق الإنسان", name_en="National human-rights institution")
    giza = _place(Governorate, org, code="giza", name_ar="الجيزة", name_en="Giza")
    hr = _place(Unit, org, code="hr", name_ar="قطاع حقوق الإنسان", name_en="Human-rights sector", is_intake=True)
    station = _place(Facility, org, kind="police_station", governorate=giza, name_ar="قسم شرطة الدقي",
                     name_en="Dokki police station")
    secretariat = Organisation.objects.create(
        slug="arab-sec", kind="secretariat", country="TN", reference_prefix="SEC", weekend_days="5,6",
        name_ar="الأمانة العامة لمجلس وزراء الداخلية العرب", name_en="General Secretariat of the Council of Arab "
        "Ministers of the Interior", accepts_public_complaints=False)
    rabat = _place(Governorate, other, code="rabat", name_ar="الرباط", name_en="Rabat")
    other_unit = _place(Unit, other, code="plaintes", name_ar="وحدة الشكايات", name_en="Complaints unit",
                        is_intake=True)
    _place(Facility, other, kind="police_station", governorate=rabat, name_ar="مخفر الرباط", name_en="Rabat post")
    holiday = Holiday.objects.create(organisation=org, date=timezone.localdate() + timedelta(days=40), name="عيد")

    users = {
        "intake": make_user("intake", org, Role.INTAKE_OFFICER, hr),
        "officer": make_user("officer", org, Role.CASE_OFFICER, hr, can_reveal=True),
        "officer2": make_user("officer2", org, Role.CASE_OFFICER, hr),
        "supervisor": make_user("supervisor", org, Role.SUPERVISOR, hr, can_reveal=True),
        "supervisor2": make_user("supervisor2", org, Role.SUPERVISOR, hr),
        "analyst": make_user("analyst", org, Role.ANALYST),
        "auditor": make_user("auditor", org, Role.AUDITOR),
        "admin": make_user("orgadmin", org, Role.ORG_ADMIN, two_factor=True),
        "outsider": make_user("outsider", other, Role.SUPERVISOR, other_unit, can_reveal=True),
        "outsider_admin": make_user("outsider_admin", other, Role.ORG_ADMIN, two_factor=True),
        # The follow-up: org's follow-up officer (no case), and a regional secretariat's.
        "followup": make_user("followup", org, Role.FOLLOWUP_OFFICER, hr),
        "sec": make_user("sec", secretariat, Role.FOLLOWUP_OFFICER),
    }
    get_user_model().objects.filter(pk__in=[users["admin"].pk, users["outsider_admin"].pk]).update(is_staff=True)
    for user in users.values():
        user.refresh_from_db()

    case_a, receipt_a = _file(org, NARRATIVE_A, facility=str(station.pk))
    case_b, _receipt_b = _file(org, "أخذوا أخي من البيت ولا نعرف مكانه", categories=["disappearance"],
                               anonymous=True, complainant={})
    case_x, receipt_x = _file(other, NARRATIVE_X, categories=["arbitrary_detention"])
    post_message(actor=users["officer"], case=case_a, body="صورة المحضر", internal=False,
                 files=[Upload("mahdar.pdf", PDF)])
    post_message(actor=users["outsider"], case=case_x, body="ملف", internal=False, files=[Upload("x.pdf", PDF)])
    for case in (case_a, case_b, case_x):
        case.refresh_from_db()

    suggestion = Suggestion.objects.create(case=case_a, kind=Suggestion.Kind.URGENCY, value="high",
                                           confidence=0.9, source="lexicon")
    suggestion_x = Suggestion.objects.create(case=case_x, kind=Suggestion.Kind.URGENCY, value="high",
                                             confidence=0.9, source="lexicon")
    # A category suggestion: "accept and add the allegation" is offered for categories only.
    category_suggestion = Suggestion.objects.create(case=case_a, kind=Suggestion.Kind.CATEGORY, value="movement",
                                                    confidence=0.9, source="lexicon")
    notification = Notification.objects.create(user=users["officer"], case=case_a, kind="assigned",
                                               data={"reference": case_a.reference})
    reveal_request = RevealRequest.objects.create(case=case_a, requester=users["officer"], reason="أحتاج الاتصال بها")
    reveal_request_x = RevealRequest.objects.create(case=case_x, requester=users["outsider"], reason="للاتصال")

    def export(by, kind, *, unredacted=False, organisation=org):
        name = f"matrix-{by.username}-{kind}-{int(unredacted)}.csv"
        default_storage.save(f"{exports.EXPORT_DIR}/{name}", ContentFile(b"reference\r\nEG-0\r\n"))
        return Export.objects.create(
            organisation=organisation, requested_by=by, kind=kind, format="csv", language="ar",
            unredacted=unredacted, reason="للتحقيق" if unredacted else "", status=Export.Status.DONE,
            row_count=1, progress=1, file_name=name, size=16, finished_at=timezone.now(),
            expires_at=timezone.now() + timedelta(days=7))

    exports_ = {
        # the admin's: seen by the admin and by org's supervisors (README: "requester and supervisors")
        "cases": export(users["admin"], Export.Kind.CASES),
        # personal data: seen by supervisors, downloaded only by the supervisor who asked
        "unredacted": export(users["supervisor"], Export.Kind.CASES, unredacted=True),
        "statistics": export(users["analyst"], Export.Kind.STATISTICS),
        "other": export(users["outsider"], Export.Kind.CASES, organisation=other),
    }
    import_run = ImportRun.objects.create(organisation=org, requested_by=users["intake"], original_name="a.csv",
                                          format="csv", language="ar", status=ImportRun.Status.REJECTED,
                                          total_rows=1, rejected_count=1,
                                          rejected=[{"row": 2, "errors": [{"column": "narrative", "message": "x"}]}])

    tokens = {name: ApiToken.issue(user, name="matrix")[1] for name, user in users.items()}
    revoked, tokens["revoked"] = ApiToken.issue(users["officer"], name="revoked")
    ApiToken.objects.filter(pk=revoked.pk).update(revoked_at=timezone.now())
    # A token's last use is written at most once a minute; a last use "tomorrow" keeps the
    # bookkeeping write out of the requests this matrix fingerprints.
    ApiToken.objects.update(last_used_at=timezone.now() + timedelta(days=1))

    category = Category.objects.filter(is_active=True, parent__isnull=False).order_by("pk").first() \
        or Category.objects.filter(is_active=True).order_by("pk").first()
    routing = RoutingRule.objects.filter(organisation=org).first()
    admin_objects = {
        "accounts.organisation": org, "accounts.unit": hr, "accounts.governorate": giza,
        "accounts.facility": station, "accounts.holiday": holiday,
        "accounts.membership": users["officer2"].membership,
        "accounts.apitoken": ApiToken.objects.filter(user=users["officer2"]).first(),
        "complaints.category": category,
        "complaints.routingrule": routing,
        "complaints.deadlinepolicy": DeadlinePolicy.objects.filter(organisation=org).first(),
        "complaints.retentionrule": RetentionRule.objects.filter(organisation=org).first(),
        "reports.publicationsettings": PublicationSettings.objects.filter(organisation=org).first(),
        "auth.user": users["officer2"],
        "auth.group": Group.objects.create(name="matrix"),
        "django_tasks_database.dbtaskresult": DBTaskResult.objects.create(
            status="SUCCESSFUL", args_kwargs={"args": [], "kwargs": {}}, task_path="mizan.core.tasks.nothing",
            backend_name="default", run_after=timezone.now(), exception_class_path="", traceback=""),
    }
    sessions = {}
    for name, user in users.items():
        client = Client()
        client.force_login(user)
        sessions[name] = client.cookies[settings.SESSION_COOKIE_NAME].value
    for name, (case, _receipt) in (("complainant", (case_a, receipt_a)), ("complainant_other", (case_x, receipt_x))):
        store = SessionStore()
        store[TRACK_KEY] = {"id": case.pk, "at": int(time.time())}
        store.create()
        sessions[name] = store.session_key
    world = SimpleNamespace(sessions=sessions,
        org=org, other=other, users=users, unit=hr, station=station, case_a=case_a, case_b=case_b,
        case_x=case_x, receipts={"complainant": (case_a, receipt_a), "complainant_other": (case_x, receipt_x)},
        attachment=case_a.attachments.get(), attachment_x=case_x.attachments.get(),
        allegation=case_a.allegations.first(), suggestion=suggestion, suggestion_x=suggestion_x,
        category_suggestion=category_suggestion,
        notification=notification, reveal_request=reveal_request, reveal_request_x=reveal_request_x,
        exports=exports_, import_run=import_run, tokens=tokens, category=category, admin_objects=admin_objects,
        markers=[case_a.reference, case_b.reference, NARRATIVE_A, "Human-rights sector", "Dokki police station"],
    )
    _make_missing_objects(world)
    matrix_progress.build(world)
    matrix_imports.build(world)
    matrix_recommendations.build(world)
    matrix_assist.build(world)
    matrix_plans.build(world)
    return world


def _make_missing_objects(world):
    """Admin rows the platform does not create by itself, so that their object URLs resolve."""
    objects = world.admin_objects
    if objects["complaints.routingrule"] is None:
        objects["complaints.routingrule"] = RoutingRule.objects.create(organisation=world.org, unit=world.unit)
    if objects["complaints.deadlinepolicy"] is None:
        objects["complaints.deadlinepolicy"] = DeadlinePolicy.objects.create(
            organisation=world.org, urgency="low", first_action_days=10, resolution_days=90)
    if objects["complaints.retentionrule"] is None:
        objects["complaints.retentionrule"] = RetentionRule.objects.create(organisation=world.org, status="closed", days=3650)
    if objects["reports.publicationsettings"] is None:
        objects["reports.publicationsettings"] = PublicationSettings.objects.create(organisation=world.org)


# --- fingerprint: "nothing changed" ---------------------------------------------------------------

# Bookkeeping a refused request may write by design: the session itself (activity time, a flash
# message), the statistics cache, and the per-client throttle counters (a refused guess counts).
NOT_FINGERPRINTED = {"django_session", settings.CACHES["default"].get("LOCATION", ""), "core_throttlebucket"}


def fingerprint() -> dict:
    """Row count and a hash of every row of every table (the audit log included), and every
    file under MEDIA_ROOT (path, size, SHA-256)."""
    tables = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names()):
            if table in NOT_FINGERPRINTED:
                continue
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 (introspected)
            rows = sorted(repr(row) for row in cursor.fetchall())
            tables[table] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
    files = {}
    root = settings.MEDIA_ROOT or default_storage.location
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            with open(path, "rb") as handle:
                files[os.path.relpath(path, root)] = hashlib.sha256(handle.read()).hexdigest()
    return {"tables": tables, "files": files}


def changes(before: dict, after: dict) -> list[str]:
    """What differs between two fingerprints, by table or file name."""
    names = sorted(set(before["tables"]) | set(after["tables"]))
    out = [f"table {t}: {before['tables'].get(t)} -> {after['tables'].get(t)}"
           for t in names if before["tables"].get(t) != after["tables"].get(t)]
    files = sorted(set(before["files"]) ^ set(after["files"]))
    out += [f"file {f}" for f in files]
    out += [f"file changed {f}" for f in before["files"] if f in after["files"] and before["files"][f] != after["files"][f]]
    return out


# --- enumerating what exists -----------------------------------------------------------------------

def _view_name(pattern) -> str:
    callback = getattr(pattern.callback, "view_class", pattern.callback)
    name = f"{getattr(callback, '__module__', '?')}.{getattr(callback, '__qualname__', '?')}"
    return f"name={pattern.name}" if "<locals>" in name else name  # a wrapped partial: its URL name


def resolver_routes() -> list[str]:
    """Every URL pattern of mizan/urls.py, recursively: "route -> view" (the API's operations
    are listed by `api_operations`; their patterns here are the API's paths)."""
    found = []

    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                found.append(f"/{prefix}{pattern.pattern} -> {_view_name(pattern)}")

    walk(get_resolver().url_patterns, "")
    return found


@functools.cache
def api_operations() -> tuple[str, ...]:
    """Every operation of the OpenAPI schema served at /api/v1/openapi.json: "METHOD /path"."""
    from mizan.api.api import api

    schema = api.get_openapi_schema()
    return tuple(f"{method.upper()} {path}" for path, operations in schema["paths"].items() for method in operations
                 if method in ("get", "post", "put", "patch", "delete", "head", "options"))


def router_operations() -> list[str]:
    """Every operation registered on the API's routers, in the schema or not: "METHOD /path"."""
    from mizan.api.api import api

    base = "/api/v1"
    return [f"{method} {base}{prefix}{path}" for prefix, router in api._routers
            for path, view in router.path_operations.items() for operation in view.operations
            for method in operation.methods]


def api_paths() -> set[str]:
    """The API's paths in the resolver's spelling ("api/v1/cases/<reference>")."""
    return {re.sub(r"\{(\w+)\}", r"<\1>", op.split(" ", 1)[1].lstrip("/")) for op in api_operations()}


# --- rules -------------------------------------------------------------------------------------------

def everyone(answer=OK):
    return lambda w, p: answer


def for_logged_in(inner):
    """login_required: anonymous visitors (and complainants, who are anonymous too) go to the login."""
    def rule(w, p):
        return LOGIN if user_of(w, p) is None else inner(w, p)
    return rule


def page_for(predicate):
    """A desk page for some roles: others learn nothing about it (404)."""
    return for_logged_in(lambda w, p: OK if predicate(w, p) else NOT_FOUND)


def member_page(w, p):
    return OK  # any staff member, each seeing their own organisation's


def case_action(predicate):
    """An action on org's case: 404 unless the case is seen, then 403 unless `predicate`."""
    return for_logged_in(lambda w, p: NOT_FOUND if not sees_cases(w, p) else OK if predicate(w, p) else DENIED)


def allowed(action):
    return lambda w, p: can(w, p, action)


def logged_in_method_not_allowed(w, p):
    return LOGIN if user_of(w, p) is None else METHOD


def step_roles(name):
    step = workflow.by_name(name)
    return lambda w, p: access.role_of(user_of(w, p)) in step.roles


# Exports and imports: reports.access, and the permissions behind them.

def export_visible(key):
    def predicate(w, p):
        user = user_of(w, p)
        return user is not None and report_access.exports_for(user).filter(pk=w.exports[key].pk).exists()
    return predicate


def export_downloadable(key):
    def predicate(w, p):
        user = user_of(w, p)
        return export_visible(key)(w, p) and report_access.may_download(user, w.exports[key])
    return predicate


def import_visible(w, p):
    user = user_of(w, p)
    return user is not None and report_access.imports_for(user).filter(pk=w.import_run.pk).exists()


def may(check):
    return lambda w, p: user_of(w, p) is not None and check(user_of(w, p))


# --- entries -------------------------------------------------------------------------------------------

@dataclass
class Entry:
    """One URL pattern (or API operation) with its expected answer per method."""

    url: object  # str, or world -> str
    rules: dict  # method -> rule
    missing: object = None  # world -> the same URL with an id that does not exist (404 twin)
    data: object = None  # (world, persona, method) -> POST data / JSON body
    setup: object = None  # (world, persona) -> None, before the fingerprint
    personas: tuple = HTML_PERSONAS
    public: bool = False  # a public page: shows org's public reference data to anyone
    json: bool = False
    headers: object = None  # (world, persona) -> extra headers
    note: str = ""
    added_by_others: bool = False
    stubs: object = None  # {"module.attribute": replacement} during the request: slow work beside the point


    def url_for(self, world):
        return self.url(world) if callable(self.url) else self.url


def case_url(suffix=""):
    return lambda w: f"/desk/cases/{w.case_a.reference}/{suffix}"


def case_missing(suffix=""):
    return lambda w: f"/desk/cases/EG-2099-999999/{suffix}"


def _case_post(extra=None):
    def data(w, p, method):
        case = w.case_a.__class__.objects.get(pk=w.case_a.pk)
        values = extra(w) if callable(extra) else dict(extra or {})
        return {"version": case.version, **values}
    return data


def _needs_approval(w, p):
    Organisation.objects.filter(pk=w.org.pk).update(identity_reveal_needs_approval=True)
    RevealRequest.objects.filter(case=w.case_a).delete()


def _complainant_post(w, p, method):
    if p in w.receipts:
        case, receipt = w.receipts[p]
        return {"receipt": receipt, "reference": case.reference}
    return {"receipt": "1234 5678 9012 3456", "reference": w.case_a.reference}


def _track_case_post(w, p, method):
    return {"action": "reply", "body": "عندي أوراق أخرى"}


def _complainant_only(w, p):
    return p in w.receipts


def _own_complainant(w, p):
    return p == "complainant"


def _desk_complaint(w, p, method):
    return {"narrative": "جاء إلى المكتب وقال إنهم احتجزوه يومين", "channel": "walk_in", "language": "ar",
            "relation": "self", "anonymous": "1", "received_date": timezone.localdate().isoformat(),
            "categories": ["arbitrary_detention"]}


def _portal_complaint(w, p, method):
    return {"narrative": "احتجزوني في القسم يومين بدون عرض على النيابة", "identity": "anonymous",
            "relation": "self", "categories": ["arbitrary_detention"]}


def _enrolled(w, p):
    user = user_of(w, p)
    return user is not None and AccountSecurity.objects.filter(user=user, totp_confirmed_at__isnull=False).exists()


def _enrolled_or(status):
    return lambda w, p: OK if _enrolled(w, p) else status


def _code_for(w, p, method):
    return {"code": login_code(user_of(w, p)) if _enrolled(w, p) else "000000"}


ROUTES: dict[str, Entry] = {
    # --- portal (public) ---
    "/ -> mizan.portal.views.home": Entry("/", {"GET": everyone(), "POST": everyone()},
                                        personas=PORTAL_PERSONAS, public=True),
    "complaint/new/ -> mizan.portal.views.file_complaint": Entry(
        "/complaint/new/", {"GET": everyone(), "POST": everyone()}, data=_portal_complaint,
        personas=PORTAL_PERSONAS, public=True),
    "complaint/received/ -> mizan.portal.views.confirmation": Entry(
        "/complaint/received/", {"GET": everyone(410), "POST": everyone(410)}, personas=PORTAL_PERSONAS,
        public=True, note="the receipt is shown once, right after filing; nobody else gets it: 410"),
    "complaint/receipt/ -> mizan.portal.views.receipt_print": Entry(
        "/complaint/receipt/", {"GET": everyone(METHOD),
                                "POST": lambda w, p: OK if _complainant_only(w, p) else NOT_FOUND},
        data=_complainant_post, personas=PORTAL_PERSONAS, public=True),
    "track/ -> mizan.portal.views.track": Entry(
        "/track/", {"GET": everyone(), "POST": lambda w, p: OK if _complainant_only(w, p) else NOT_FOUND},
        data=_complainant_post, personas=PORTAL_PERSONAS, public=True),
    "track/case/ -> mizan.portal.views.track_case": Entry(
        "/track/case/", {"GET": lambda w, p: OK if _complainant_only(w, p) else Redirect("/track/"),
                         "POST": lambda w, p: OK if _complainant_only(w, p) else Redirect("/track/")},
        data=_track_case_post, personas=PORTAL_PERSONAS, public=True),
    "track/files/<int:pk>/ -> mizan.portal.views.track_attachment": Entry(
        lambda w: f"/track/files/{w.attachment.pk}/",
        {"GET": lambda w, p: OK if _own_complainant(w, p) else NOT_FOUND,
         "POST": lambda w, p: OK if _own_complainant(w, p) else NOT_FOUND},
        missing=lambda w: "/track/files/999999/", personas=PORTAL_PERSONAS, public=True,
        note="a file of the case the visitor follows, and only that case's"),
    "statistics/ -> mizan.portal.views_statistics.statistics": Entry(
        "/statistics/", {"GET": everyone(), "POST": everyone(METHOD)}, personas=PORTAL_PERSONAS, public=True),
    "followup/ -> mizan.portal.views_followup.followup": Entry(
        "/followup/", {"GET": everyone(), "POST": everyone(METHOD)}, personas=PORTAL_PERSONAS, public=True,
        note="what each organisation chose to publish, as counts with small ones hidden"),

    # --- triage ---
    "desk/triage/cases/<str:reference>/suggestions/<int:pk>/accept/ -> mizan.triage.views.accept": Entry(
        lambda w: f"/desk/triage/cases/{w.case_a.reference}/suggestions/{w.suggestion.pk}/accept/",
        {"GET": logged_in_method_not_allowed, "POST": case_action(allowed("edit_case"))},
        missing=lambda w: f"/desk/triage/cases/EG-2099-999999/suggestions/{w.suggestion.pk}/accept/",
        data=_case_post()),
    "desk/triage/cases/<str:reference>/suggestions/<int:pk>/reject/ -> mizan.triage.views.reject": Entry(
        lambda w: f"/desk/triage/cases/{w.case_a.reference}/suggestions/{w.suggestion.pk}/reject/",
        {"GET": logged_in_method_not_allowed, "POST": case_action(allowed("edit_case"))},
        missing=lambda w: f"/desk/triage/cases/EG-2099-999999/suggestions/{w.suggestion.pk}/reject/"),
    "desk/triage/cases/<str:reference>/suggestions/<int:pk>/accept-with-allegation/ -> mizan.triage.views.accept_with_allegation": Entry(
        lambda w: f"/desk/triage/cases/{w.case_a.reference}/suggestions/{w.category_suggestion.pk}/accept-with-allegation/",
        {"GET": logged_in_method_not_allowed, "POST": case_action(allowed("edit_case"))},
        missing=lambda w: f"/desk/triage/cases/EG-2099-999999/suggestions/{w.category_suggestion.pk}/accept-with-allegation/",
        data=_case_post()),
    "desk/triage/cases/<str:reference>/suggestions/decide/ -> mizan.triage.views.decide": Entry(
        lambda w: f"/desk/triage/cases/{w.case_a.reference}/suggestions/decide/",
        {"GET": logged_in_method_not_allowed, "POST": case_action(allowed("edit_case"))},
        missing=lambda w: "/desk/triage/cases/EG-2099-999999/suggestions/decide/",
        data=_case_post(lambda w: {f"decision-{w.category_suggestion.pk}": "reject"})),

    # --- reports: dashboard, exports, imports ---
    # the follow-up dashboard: every staff role of its own organisation (followup.access "view_followup")
    "desk/followup/dashboard/ -> mizan.reports.views_followup.dashboard": Entry(
        "/desk/followup/dashboard/", {"GET": page_for(may(lambda u: followup_access.can(u, "view_followup"))),
                                      "POST": for_logged_in(lambda w, p: METHOD)}),
    "desk/followup/dashboard/report.pdf -> mizan.reports.views_followup.report": Entry(
        "/desk/followup/dashboard/report.pdf",
        {"GET": page_for(may(lambda u: followup_access.can(u, "view_followup"))),
         "POST": for_logged_in(lambda w, p: METHOD)},
        note="the follow-up report of the persona's own organisation; aggregates and public documents",
        # typesetting takes seconds and is tested in tests/reports/test_followup_report.py
        stubs={"mizan.reports.followup_report.render_pdf": lambda context: (b"%PDF-1.4 matrix stub", 1)}),
    "desk/followup/dashboard/publication/ -> mizan.reports.views_followup.publication": Entry(
        "/desk/followup/dashboard/publication/",
        {"GET": logged_in_method_not_allowed,
         "POST": page_for(may(lambda u: followup_access.can(u, "publish_followup")))},
        data=lambda w, p, m: {"published": "1"},
        note="switches the persona's own organisation's public follow-up page (publish_followup)"),
    "desk/reports/ -> mizan.reports.views_dashboard.dashboard": Entry(
        "/desk/reports/", {"GET": page_for(allowed("view_statistics")),
                           "POST": for_logged_in(lambda w, p: METHOD)}),
    "desk/reports/impact.pdf -> mizan.reports.views_impact.impact_report": Entry(
        "/desk/reports/impact.pdf", {"GET": page_for(allowed("view_statistics")),
                                     "POST": for_logged_in(lambda w, p: METHOD)},
        added_by_others=True, note="the dashboard's permission (view_statistics); aggregates only",
        # Drawing the PDF takes seconds and is tested in tests/reports/test_impact_report.py; the
        # figures are still gathered (for the organisation of the persona), only not typeset.
        stubs={"mizan.reports.impact.render_pdf": lambda context: (b"%PDF-1.4 matrix stub", 1)}),
    "desk/reports/exports/ -> mizan.reports.views_exports.export_list": Entry(
        "/desk/reports/exports/",
        {"GET": page_for(may(lambda u: exports.may_export_cases(u) or exports.may_export_statistics(u)
                                or may_import(u))),
         "POST": for_logged_in(lambda w, p: METHOD)}),
    "desk/reports/exports/cases/ -> mizan.reports.views_exports.export_cases": Entry(
        "/desk/reports/exports/cases/",
        {"GET": page_for(may(exports.may_export_cases)), "POST": page_for(may(exports.may_export_cases))},
        data=lambda w, p, m: {"columns": ["reference", "status"], "format": "csv"}),
    "desk/reports/exports/statistics/ -> mizan.reports.views_exports.export_statistics": Entry(
        "/desk/reports/exports/statistics/",
        {"GET": page_for(may(exports.may_export_statistics)), "POST": page_for(may(exports.may_export_statistics))},
        data=lambda w, p, m: {"format": "xlsx"}),
    "desk/reports/exports/<int:pk>/ -> mizan.reports.views_exports.export_detail": Entry(
        lambda w: f"/desk/reports/exports/{w.exports['cases'].pk}/",
        {"GET": page_for(export_visible("cases")), "POST": for_logged_in(lambda w, p: METHOD)},
        missing=lambda w: "/desk/reports/exports/999999/"),
    "desk/reports/exports/<int:pk>/download/ -> mizan.reports.views_exports.export_download": Entry(
        lambda w: f"/desk/reports/exports/{w.exports['unredacted'].pk}/download/",
        {"GET": page_for(export_downloadable("unredacted")), "POST": for_logged_in(lambda w, p: METHOD)},
        missing=lambda w: "/desk/reports/exports/999999/download/",
        note="an export holding personal data: downloaded by the supervisor who asked only"),
    "desk/reports/exports/import/ -> mizan.reports.views_imports.import_upload": Entry(
        "/desk/reports/exports/import/",
        {"GET": page_for(may(may_import)), "POST": page_for(may(may_import))},
        data=lambda w, p, m: {"file": ContentFile("narrative\r\nضربوني في القسم يومين\r\n".encode(), name="rows.csv")}),
    "desk/reports/exports/import/template.<str:fmt> -> mizan.reports.views_imports.import_template": Entry(
        "/desk/reports/exports/import/template.csv",
        {"GET": page_for(may(may_import)), "POST": for_logged_in(lambda w, p: METHOD)}),
    "desk/reports/exports/import/<int:pk>/ -> mizan.reports.views_imports.import_run": Entry(
        lambda w: f"/desk/reports/exports/import/{w.import_run.pk}/",
        {"GET": page_for(import_visible), "POST": for_logged_in(lambda w, p: METHOD)},
        missing=lambda w: "/desk/reports/exports/import/999999/"),

    # --- desk: queue, new case, notifications, audit ---
    "desk/ -> mizan.desk.views_queue.queue": Entry(
        "/desk/", {"GET": page_for(lambda w, p: can(w, p, "view_case") or can(w, p, "view_statistics")
                                   or followup_access.can(user_of(w, p), "view_followup")),
                   "POST": for_logged_in(lambda w, p: METHOD)},
        note="analysts are sent to the dashboard (aggregates only), follow-up officers to the recommendations"),
    "desk/new/ -> mizan.desk.views_queue.new_case": Entry(
        "/desk/new/", {"GET": page_for(allowed("create_case")), "POST": page_for(allowed("create_case"))},
        data=_desk_complaint),
    "desk/new/done/ -> mizan.desk.views_queue.new_case_done": Entry(
        "/desk/new/done/", {"GET": page_for(allowed("create_case")), "POST": for_logged_in(lambda w, p: METHOD)}),
    "desk/notifications/ -> mizan.desk.views_queue.notifications": Entry(
        "/desk/notifications/", {"GET": page_for(member_page), "POST": for_logged_in(lambda w, p: METHOD)}),
    "desk/notifications/read-all/ -> mizan.desk.views_queue.notifications_read_all": Entry(
        "/desk/notifications/read-all/", {"GET": logged_in_method_not_allowed, "POST": page_for(member_page)}),
    "desk/notifications/<int:pk>/open/ -> mizan.desk.views_queue.notification_open": Entry(
        lambda w: f"/desk/notifications/{w.notification.pk}/open/",
        {"GET": logged_in_method_not_allowed, "POST": page_for(lambda w, p: p == "officer")},
        missing=lambda w: "/desk/notifications/999999/open/", note="one's own notifications only"),
    "desk/audit/ -> mizan.desk.views_queue.audit_log": Entry(
        "/desk/audit/", {"GET": page_for(allowed("view_audit")), "POST": for_logged_in(lambda w, p: METHOD)}),

    # --- desk: the case page and its actions (org's case A) ---
    "desk/cases/<str:reference>/ -> mizan.desk.views_case.case_detail": Entry(
        case_url(), {"GET": case_action(lambda w, p: True), "POST": logged_in_method_not_allowed},
        missing=case_missing()),
    "desk/cases/<str:reference>/reveal/ -> mizan.desk.views_case.reveal": Entry(
        case_url("reveal/"), {"GET": logged_in_method_not_allowed, "POST": case_action(allowed("reveal_identity"))},
        missing=case_missing("reveal/"), data=lambda w, p, m: {"reason": "للاتصال بالشاكية"}),
    "desk/cases/<str:reference>/reveal-request/ -> mizan.desk.views_case.reveal_request": Entry(
        case_url("reveal-request/"),
        {"GET": logged_in_method_not_allowed, "POST": case_action(allowed("reveal_identity"))},
        missing=case_missing("reveal-request/"), data=lambda w, p, m: {"reason": "للاتصال بالشاكية"},
        setup=_needs_approval, note="with the organisation requiring a second person's approval, no request yet"),
    "desk/cases/<str:reference>/step/<slug:name>/ -> mizan.desk.views_case.transition": Entry(
        case_url("step/review/"), {"GET": logged_in_method_not_allowed, "POST": case_action(step_roles("review"))},
        missing=case_missing("step/review/"), data=_case_post(), note="the step 'review' of a received case"),
    "desk/cases/<str:reference>/assign/ -> mizan.desk.views_case.assign": Entry(
        case_url("assign/"), {"GET": logged_in_method_not_allowed, "POST": case_action(allowed("assign"))},
        missing=case_missing("assign/"), data=_case_post(lambda w: {"unit": str(w.unit.pk)})),
    "desk/cases/<str:reference>/take/ -> mizan.desk.views_case.take": Entry(
        case_url("take/"), {"GET": logged_in_method_not_allowed, "POST": case_action(allowed("take"))},
        missing=case_missing("take/"), data=_case_post()),
    "desk/cases/<str:reference>/messages/ -> mizan.desk.views_case.message": Entry(
        case_url("messages/"), {"GET": logged_in_method_not_allowed, "POST": case_action(allowed("note"))},
        missing=case_missing("messages/"), data=lambda w, p, m: {"kind": "note", "body": "ملاحظة داخلية"},
        note="an internal note"),
    "desk/cases/<str:reference>/categories/ -> mizan.desk.views_case.categories": Entry(
        case_url("categories/"), {"GET": logged_in_method_not_allowed, "POST": case_action(allowed("edit_case"))},
        missing=case_missing("categories/"), data=_case_post(lambda w: {"categories": [str(w.category.pk)]})),
    "desk/cases/<str:reference>/urgency/ -> mizan.desk.views_case.urgency": Entry(
        case_url("urgency/"), {"GET": logged_in_method_not_allowed, "POST": case_action(allowed("edit_case"))},
        missing=case_missing("urgency/"), data=_case_post({"urgency": "high"})),
    "desk/cases/<str:reference>/allegations/ -> mizan.desk.views_case.allegation_add": Entry(
        case_url("allegations/"), {"GET": logged_in_method_not_allowed, "POST": case_action(allowed("edit_case"))},
        missing=case_missing("allegations/"),
        data=_case_post(lambda w: {"category": str(w.category.pk), "summary": "ضرب"})),
    "desk/cases/<str:reference>/allegations/<int:pk>/ -> mizan.desk.views_case.allegation_edit": Entry(
        lambda w: f"/desk/cases/{w.case_a.reference}/allegations/{w.allegation.pk}/",
        {"GET": logged_in_method_not_allowed, "POST": case_action(allowed("edit_case"))},
        missing=lambda w: f"/desk/cases/EG-2099-999999/allegations/{w.allegation.pk}/",
        data=_case_post(lambda w: {"category": str(w.allegation.category_id), "summary": "ضرب واحتجاز"})),
    "desk/cases/<str:reference>/duplicate/ -> mizan.desk.views_case.duplicate": Entry(
        case_url("duplicate/"), {"GET": logged_in_method_not_allowed, "POST": case_action(allowed("mark_duplicate"))},
        missing=case_missing("duplicate/"), data=_case_post(lambda w: {"original": w.case_b.reference})),
    "desk/cases/<str:reference>/files/<int:pk>/ -> mizan.desk.views_case.attachment": Entry(
        lambda w: f"/desk/cases/{w.case_a.reference}/files/{w.attachment.pk}/",
        {"GET": case_action(lambda w, p: True), "POST": logged_in_method_not_allowed},
        missing=lambda w: f"/desk/cases/EG-2099-999999/files/{w.attachment.pk}/"),

    # --- desk: one's own account (every logged-in user, for themselves) ---
    "desk/account/ -> mizan.desk.views_account.account": Entry(
        "/desk/account/", {"GET": for_logged_in(everyone()), "POST": for_logged_in(everyone(METHOD))}),
    "desk/account/two-factor/ -> mizan.desk.views_account.two_factor_setup": Entry(
        "/desk/account/two-factor/", {"GET": for_logged_in(everyone()), "POST": for_logged_in(_enrolled_or(INVALID))},
        data=_code_for, note="enrolled: back to the account page; not enrolled: the typed code is not the new key's"),
    "desk/account/two-factor/recovery-codes/ -> mizan.desk.views_account.recovery_codes": Entry(
        "/desk/account/two-factor/recovery-codes/",
        {"GET": logged_in_method_not_allowed, "POST": for_logged_in(everyone())}, data=_code_for),
    "desk/account/two-factor/replace/ -> mizan.desk.views_account.two_factor_replace": Entry(
        "/desk/account/two-factor/replace/",
        {"GET": logged_in_method_not_allowed, "POST": for_logged_in(everyone())}, data=_code_for),
    "desk/account/two-factor/disable/ -> mizan.desk.views_account.two_factor_disable": Entry(
        "/desk/account/two-factor/disable/",
        {"GET": logged_in_method_not_allowed, "POST": for_logged_in(everyone())}, data=_code_for),
    "desk/account/logout-everywhere/ -> mizan.desk.views_account.logout_everywhere": Entry(
        "/desk/account/logout-everywhere/",
        {"GET": logged_in_method_not_allowed, "POST": for_logged_in(everyone())}),

    # --- desk: second-person approval of reveals ---
    "desk/reveal-requests/ -> mizan.desk.views_reveal.reveal_requests": Entry(
        "/desk/reveal-requests/", {"GET": page_for(allowed("approve_reveal")),
                                   "POST": for_logged_in(lambda w, p: METHOD)}),
    "desk/reveal-requests/<int:pk>/decide/ -> mizan.desk.views_reveal.reveal_decide": Entry(
        lambda w: f"/desk/reveal-requests/{w.reveal_request.pk}/decide/",
        {"GET": logged_in_method_not_allowed,
         "POST": page_for(lambda w, p: member_of_org(w, p) and can(w, p, "approve_reveal") and p != "officer")},
        missing=lambda w: "/desk/reveal-requests/999999/decide/",
        data=lambda w, p, m: {"decision": "refuse", "reason": "لا حاجة"},
        note="the officer's request: decided by another custodian of org"),

    # --- the API's own pages (its operations are in API below) ---
    "api/v1/openapi.json -> name=openapi-json": Entry(
        "/api/v1/openapi.json", {"GET": everyone(), "POST": everyone(METHOD)}, public=True,
        personas=("anonymous", "officer", "outsider")),
    "api/v1/docs -> name=openapi-view": Entry(
        "/api/v1/docs", {"GET": everyone(), "POST": everyone(METHOD)}, public=True,
        personas=("anonymous", "officer", "outsider")),
    "api/v1/ -> mizan.api.base.json_not_found": Entry(
        "/api/v1/", {"GET": everyone(NOT_FOUND), "POST": everyone(NOT_FOUND)}, public=True,
        personas=("anonymous", "officer", "outsider")),
    "api/v1/^.*$ -> mizan.api.base.json_not_found": Entry(
        "/api/v1/no-such-thing", {"GET": everyone(NOT_FOUND), "POST": everyone(NOT_FOUND)}, public=True,
        personas=("anonymous", "officer", "outsider")),

    # --- accounts and language ---
    "i18n/setlang/ -> django.views.i18n.set_language": Entry(
        "/i18n/setlang/", {"GET": everyone(), "POST": everyone()}, data=lambda w, p, m: {"language": "en"},
        public=True),
    "accounts/login/ -> mizan.desk.views_account.login_view": Entry(
        "/accounts/login/", {"GET": everyone(), "POST": everyone()},
        data=lambda w, p, m: {"username": "nobody", "password": "wrong"}, public=True,
        note="a wrong password: the form again (a failure counted, by design)"),
    "accounts/login/code/ -> mizan.desk.views_account.login_code": Entry(
        "/accounts/login/code/", {"GET": everyone(Redirect("/accounts/login/")),
                                  "POST": everyone(Redirect("/accounts/login/"))},
        data=lambda w, p, m: {"code": "123456"}, public=True, note="no password step pending: start again"),
    "accounts/logout/ -> django.contrib.auth.views.LogoutView": Entry(
        "/accounts/logout/", {"GET": everyone(METHOD), "POST": everyone()}, public=True),
    "admin/login/ -> mizan.desk.views_account.admin_login": Entry(
        "/admin/login/", {"GET": everyone(Redirect("/accounts/login/")), "POST": everyone(METHOD)}, public=True,
        personas=ADMIN_PERSONAS, note="the admin's own login would skip the second factor"),
}

# Django admin's own login, shadowed by admin/login/ above (never reached; kept classified so
# that a change in the order of mizan/urls.py is noticed).
SHADOWED = {"/admin/login/ -> django.contrib.admin.sites.AdminSite.login"}


# --- the Django admin ------------------------------------------------------------------------------

def is_staff(w, p):
    user = user_of(w, p)
    return user is not None and user.is_staff


def admin_site(inner):
    """AdminSite.admin_view: only active `is_staff` users get past its login."""
    return lambda w, p: ADMIN_LOGIN if not is_staff(w, p) else inner(w, p)


def org_admin_of(w, p, organisation) -> bool:
    user = user_of(w, p)
    return user is not None and user.membership.role == Role.ORG_ADMIN and user.membership.organisation_id == organisation.pk


# How each registered model is administered (accounts.admin.OrgScopedAdmin and the others):
#   "org"     rows of the admin's organisation only: another organisation's row is "does not exist"
#   "shared"  the rights taxonomy, the same for every organisation; no deletion (superuser only)
#   "django"  Django's own permissions (superusers only on this platform): 403
ADMIN_MODELS = {
    "auth.group": "django", "auth.user": "django", "django_tasks_database.dbtaskresult": "django",
    "accounts.organisation": "org", "accounts.unit": "org", "accounts.governorate": "org",
    "accounts.facility": "org", "accounts.holiday": "org", "accounts.membership": "org",
    "accounts.apitoken": "org", "complaints.category": "shared", "complaints.routingrule": "org",
    "complaints.deadlinepolicy": "org", "complaints.retentionrule": "org", "reports.publicationsettings": "org",
    "followup.thememapping": "org",
}
# Permissions the model admins withhold even from their organisation's admin.
ADMIN_NO_ADD = {"accounts.organisation", "accounts.apitoken"}
ADMIN_NO_DELETE = {"accounts.organisation", "complaints.category"}


def _admin_entries() -> dict[str, Entry]:
    entries = {}
    for model, model_admin in admin.site._registry.items():
        label = model._meta.label_lower
        kind = ADMIN_MODELS.get(label)
        if kind is None:
            continue  # unclassified: the completeness test names it
        app, name = model._meta.app_label, model._meta.model_name
        base = f"/admin/{app}/{name}/"
        view = "django.contrib.admin.options"

        def obj_url(suffix, label=label, base=base):
            def build(w):
                obj = w.admin_objects[label]
                return f"{base}{obj.pk if obj is not None else 999998}/{suffix}"
            return build

        def missing(suffix, base=base):
            return lambda w: f"{base}999999/{suffix}"

        def rule(what, kind=kind, label=label):
            def inner(w, p):
                if kind == "django":
                    return DENIED
                if what == "add" and label in ADMIN_NO_ADD:
                    return DENIED
                if label == "reports.publicationsettings" and what == "add":
                    # one row per organisation: org has one, other_org none yet
                    own = user_of(w, p).membership.organisation_id
                    return DENIED if PublicationSettings.objects.filter(organisation_id=own).exists() else OK
                if what in ("list", "add"):
                    return OK
                if what == "delete" and label in ADMIN_NO_DELETE:
                    return DENIED  # checked before the row is looked up: the same for any id
                if kind == "org" and not org_admin_of(w, p, w.org):
                    return ADMIN_MISSING  # another organisation's row: "does not exist", like a missing id
                return OK
            return admin_site(inner)

        add_view = "django.contrib.auth.admin.UserAdmin.add_view" if label == "auth.user" else f"{view}.ModelAdmin.add_view"
        def action_rule(kind=kind, list_rule=rule("list")):
            def inner(w, p):
                answer = list_rule(w, p)
                if answer == OK and kind == "org" and not org_admin_of(w, p, w.org):
                    return OK_NOTHING  # org's row is not in their list: the action touches nothing
                return answer
            return inner

        entries[f"admin/{app}/{name}/ -> {view}.ModelAdmin.changelist_view"] = Entry(
            base, {"GET": rule("list"), "POST": action_rule()}, personas=ADMIN_MODEL_PERSONAS,
            data=_admin_action(label), note="POST: an action on org's row")
        entries[f"admin/{app}/{name}/add/ -> {add_view}"] = Entry(
            f"{base}add/", {"GET": rule("add"), "POST": rule("add")}, personas=ADMIN_MODEL_PERSONAS)
        for suffix, what, view_name, methods in (("history/", "history", "history_view", ("GET",)),
                                                 ("delete/", "delete", "delete_view", ("GET", "POST")),
                                                 ("change/", "change", "change_view", ("GET", "POST"))):
            entries[f"admin/{app}/{name}/<path:object_id>/{suffix} -> {view}.ModelAdmin.{view_name}"] = Entry(
                obj_url(suffix), {method: rule(what) for method in methods}, personas=ADMIN_MODEL_PERSONAS,
                missing=missing(suffix) if kind == "org" else None,
                data=(lambda w, p, m: {"post": "yes"}) if what == "delete" else None)
        entries[f"admin/{app}/{name}/<path:object_id>/ -> django.views.generic.base.RedirectView"] = Entry(
            obj_url(""), {"GET": admin_site(lambda w, p: OK)},
            personas=ADMIN_MODEL_PERSONAS, note="redirects to .../change/, checked there")
        if label == "auth.user":
            entries["admin/auth/user/<id>/password/ -> django.contrib.auth.admin.UserAdmin.user_change_password"] = Entry(
                obj_url("password/"), {"GET": rule("change"), "POST": rule("change")}, personas=ADMIN_MODEL_PERSONAS)
    return entries


def _admin_action(label):
    def data(w, p, method):
        obj = w.admin_objects.get(label)
        if obj is None:
            return {}
        action = "reset_two_factor" if label == "accounts.membership" else "delete_selected"
        return {"action": action, "_selected_action": [str(obj.pk)], "index": "0"}
    return data


def _admin_logout(answer):
    return lambda w, p: answer if is_staff(w, p) else Redirect("/admin/")


def _admin_site_entries() -> dict[str, Entry]:
    staff_ok = admin_site(lambda w, p: OK)
    sites = "django.contrib.admin.sites.AdminSite"
    return {
        f"admin/ -> {sites}.index": Entry("/admin/", {"GET": staff_ok, "POST": staff_ok}, personas=ADMIN_PERSONAS),
        f"admin/logout/ -> {sites}.logout": Entry(
            "/admin/logout/", {"GET": _admin_logout(METHOD), "POST": _admin_logout(OK)}, personas=ADMIN_PERSONAS,
            note="AdminSite.admin_view sends those it does not let in from its logout to its index"),
        f"admin/password_change/ -> {sites}.password_change": Entry(
            "/admin/password_change/", {"GET": staff_ok, "POST": staff_ok}, personas=ADMIN_PERSONAS,
            data=lambda w, p, m: {"old_password": "wrong"}),
        f"admin/password_change/done/ -> {sites}.password_change_done": Entry(
            "/admin/password_change/done/", {"GET": staff_ok, "POST": admin_site(everyone(METHOD))},
            personas=ADMIN_PERSONAS),
        f"admin/autocomplete/ -> {sites}.autocomplete_view": Entry(
            "/admin/autocomplete/", {"GET": admin_site(everyone(DENIED)), "POST": admin_site(everyone(METHOD))},
            personas=ADMIN_PERSONAS, note="no autocomplete field is declared: refused for every parameter"),
        f"admin/jsi18n/ -> {sites}.i18n_javascript": Entry(
            "/admin/jsi18n/", {"GET": staff_ok, "POST": admin_site(everyone(METHOD))}, personas=ADMIN_PERSONAS),
        "admin/r/<path:content_type_id>/<path:object_id>/ -> django.contrib.contenttypes.views.shortcut": Entry(
            lambda w: f"/admin/r/1/{w.case_a.pk}/", {"GET": admin_site(everyone(NOT_FOUND)),
                                                      "POST": admin_site(everyone(NOT_FOUND))},
            personas=ADMIN_PERSONAS, note="no model has a public address: 404"),
        f"admin/^(?P<app_label>auth|django_tasks_database|accounts|complaints|followup|reports)/$ -> {sites}.app_index": Entry(
            "/admin/accounts/", {"GET": staff_ok, "POST": staff_ok}, personas=ADMIN_PERSONAS),
        f"admin/(?P<url>.*)$ -> {sites}.catch_all_view": Entry(
            "/admin/no-such-page/", {"GET": admin_site(everyone(NOT_FOUND)), "POST": admin_site(everyone(NOT_FOUND))},
            personas=ADMIN_PERSONAS),
    }


ROUTES.update(_admin_entries())
ROUTES.update(_admin_site_entries())
ROUTES = {(key if key.startswith("/") else f"/{key}"): entry for key, entry in ROUTES.items()}


# --- the API's operations -----------------------------------------------------------------------------

def api_staff(predicate, *, case=True):
    """A staff operation: 401 without a valid token (a session cookie is not a token), 403 for a
    role without cases, 404 for a case of another organisation, then 403 unless `predicate`."""
    def rule(w, p):
        if not p.startswith("token:") or p == "token:revoked":
            return UNAUTHORIZED
        if not can(w, p, "view_case"):
            return DENIED
        if case and not member_of_org(w, p):
            return NOT_FOUND
        return OK if predicate(w, p) else DENIED
    return rule


def api_headers(w, p):
    if p.startswith("token:"):
        return {"HTTP_AUTHORIZATION": f"Bearer {w.tokens[p.split(':', 1)[1]]}"}
    if p in w.receipts:
        return {"HTTP_X_RECEIPT": w.receipts[p][1]}
    return {}


def _api_version(w):
    return w.case_a.__class__.objects.get(pk=w.case_a.pk).version


def _api(url, rule, *, method, missing=None, data=None, public=False, added_by_others=False):
    return Entry(url, {method: rule}, missing=missing, data=data, personas=API_PERSONAS, json=True,
                 headers=api_headers, public=public, added_by_others=added_by_others)


API: dict[str, Entry] = {
    "POST /api/v1/complaints": _api(
        "/api/v1/complaints", everyone(), method="POST", public=True,
        data=lambda w, p, m: {"narrative": "احتجزوني في القسم يومين بدون عرض على النيابة", "anonymous": True,
                              "categories": ["arbitrary_detention"]}),
    "GET /api/v1/proof-of-work": _api("/api/v1/proof-of-work", everyone(), method="GET", public=True,
                                      added_by_others=True),
    "GET /api/v1/track": _api("/api/v1/track", lambda w, p: OK if p == "complainant" else NOT_FOUND,
                              method="GET", public=True),
    "POST /api/v1/track/messages": _api(
        "/api/v1/track/messages", lambda w, p: OK if p == "complainant" else NOT_FOUND, method="POST",
        public=True, data=lambda w, p, m: {"body": "عندي أوراق أخرى"}),
    "GET /api/v1/taxonomy": _api("/api/v1/taxonomy", everyone(), method="GET", public=True),
    "GET /api/v1/governorates": _api("/api/v1/governorates", everyone(), method="GET", public=True),
    "GET /api/v1/facilities": _api("/api/v1/facilities", everyone(), method="GET", public=True),
    "GET /api/v1/cases": _api("/api/v1/cases", api_staff(lambda w, p: True, case=False), method="GET"),
    "GET /api/v1/cases/{reference}": _api(
        lambda w: f"/api/v1/cases/{w.case_a.reference}", api_staff(lambda w, p: True), method="GET",
        missing=lambda w: "/api/v1/cases/EG-2099-999999"),
    "POST /api/v1/cases/{reference}/transitions": _api(
        lambda w: f"/api/v1/cases/{w.case_a.reference}/transitions", api_staff(step_roles("review")),
        method="POST", missing=lambda w: "/api/v1/cases/EG-2099-999999/transitions",
        data=lambda w, p, m: {"to": "under_review", "version": _api_version(w)}),
    "POST /api/v1/cases/{reference}/assignment": _api(
        lambda w: f"/api/v1/cases/{w.case_a.reference}/assignment", api_staff(allowed("assign")),
        method="POST", missing=lambda w: "/api/v1/cases/EG-2099-999999/assignment",
        data=lambda w, p, m: {"unit": "hr", "version": _api_version(w)}),
    "POST /api/v1/cases/{reference}/messages": _api(
        lambda w: f"/api/v1/cases/{w.case_a.reference}/messages", api_staff(allowed("note")),
        method="POST", missing=lambda w: "/api/v1/cases/EG-2099-999999/messages",
        data=lambda w, p, m: {"body": "ملاحظة داخلية", "internal": True}),
}


# --- crossing organisations inside one's own URLs ---------------------------------------------------
# Not URL patterns of their own (the completeness tests ignore them): an id of the other
# organisation put into a URL or form of one's own case, and org's staff on other_org's case.

def _x(suffix=""):
    return lambda w: f"/desk/cases/{w.case_x.reference}/{suffix}"


def _x_post(extra):
    def data(w, p, method):
        return {"version": w.case_x.__class__.objects.get(pk=w.case_x.pk).version, **extra(w)}
    return data


def _with_data(url, extra):
    """A twin: the same URL, the form naming an id that does not exist."""
    return lambda w: (url(w), {"version": w.case_x.__class__.objects.get(pk=w.case_x.pk).version, **extra})


OUTSIDER_ONLY = ("outsider",)
ORG_SIDE = ("supervisor", "officer")

CROSS: dict[str, Entry] = {
    "own case X, org's file": Entry(
        lambda w: f"/desk/cases/{w.case_x.reference}/files/{w.attachment.pk}/", {"GET": everyone(NOT_FOUND)},
        missing=lambda w: f"/desk/cases/{w.case_x.reference}/files/999999/", personas=OUTSIDER_ONLY),
    "own case X, org's allegation": Entry(
        lambda w: f"/desk/cases/{w.case_x.reference}/allegations/{w.allegation.pk}/", {"POST": everyone(NOT_FOUND)},
        missing=lambda w: f"/desk/cases/{w.case_x.reference}/allegations/999999/", personas=OUTSIDER_ONLY,
        data=_x_post(lambda w: {"category": str(w.allegation.category_id), "summary": "تغيير"})),
    "own case X, org's suggestion (accept)": Entry(
        lambda w: f"/desk/triage/cases/{w.case_x.reference}/suggestions/{w.suggestion.pk}/accept/",
        {"POST": everyone(NOT_FOUND)}, personas=OUTSIDER_ONLY, data=_x_post(lambda w: {}),
        missing=lambda w: f"/desk/triage/cases/{w.case_x.reference}/suggestions/999999/accept/"),
    "own case X, org's suggestion (accept and add the allegation)": Entry(
        lambda w: f"/desk/triage/cases/{w.case_x.reference}/suggestions/{w.category_suggestion.pk}/accept-with-allegation/",
        {"POST": everyone(NOT_FOUND)}, personas=OUTSIDER_ONLY, data=_x_post(lambda w: {}),
        missing=lambda w: f"/desk/triage/cases/{w.case_x.reference}/suggestions/999999/accept-with-allegation/"),
    "own case X, org's suggestion (decided in a batch)": Entry(
        lambda w: f"/desk/triage/cases/{w.case_x.reference}/suggestions/decide/",
        {"POST": everyone(NOT_FOUND)}, personas=OUTSIDER_ONLY,
        data=_x_post(lambda w: {f"decision-{w.category_suggestion.pk}": "accept"}),
        missing=_with_data(lambda w: f"/desk/triage/cases/{w.case_x.reference}/suggestions/decide/",
                           {"decision-999999": "accept"})),
    "own case X, org's suggestion (reject)": Entry(
        lambda w: f"/desk/triage/cases/{w.case_x.reference}/suggestions/{w.suggestion.pk}/reject/",
        {"POST": everyone(NOT_FOUND)}, personas=OUTSIDER_ONLY,
        missing=lambda w: f"/desk/triage/cases/{w.case_x.reference}/suggestions/999999/reject/"),
    "own case X, duplicate of org's case": Entry(
        _x("duplicate/"), {"POST": everyone(REFUSED_INPUT)}, personas=OUTSIDER_ONLY,
        data=_x_post(lambda w: {"original": w.case_a.reference}),
        missing=_with_data(_x("duplicate/"), {"original": "EG-2099-999999"})),
    "own case X, assigned to org's unit": Entry(
        _x("assign/"), {"POST": everyone(REFUSED_INPUT)}, personas=OUTSIDER_ONLY,
        data=_x_post(lambda w: {"unit": str(w.unit.pk)}), missing=_with_data(_x("assign/"), {"unit": "999999"})),
    "own case X, assigned to org's officer": Entry(
        _x("assign/"), {"POST": everyone(REFUSED_INPUT)}, personas=OUTSIDER_ONLY,
        data=_x_post(lambda w: {"officer": str(w.users["officer"].pk)}),
        missing=_with_data(_x("assign/"), {"officer": "999999"})),
    "API: own case X, assigned to org's officer": Entry(
        lambda w: f"/api/v1/cases/{w.case_x.reference}/assignment", {"POST": everyone(REFUSED_INPUT)},
        personas=("token:outsider",), json=True, headers=lambda w, p: api_headers(w, p),
        data=lambda w, p, m: {"officer": "officer", "version": w.case_x.__class__.objects.get(pk=w.case_x.pk).version},
        missing=lambda w: (f"/api/v1/cases/{w.case_x.reference}/assignment",
                           {"officer": "no-such-user", "version": w.case_x.__class__.objects.get(pk=w.case_x.pk).version})),
    "API: own case X, assigned to org's unit": Entry(
        lambda w: f"/api/v1/cases/{w.case_x.reference}/assignment", {"POST": everyone(REFUSED_INPUT)},
        personas=("token:outsider",), json=True, headers=lambda w, p: api_headers(w, p),
        data=lambda w, p, m: {"unit": "hr", "version": w.case_x.__class__.objects.get(pk=w.case_x.pk).version},
        missing=lambda w: (f"/api/v1/cases/{w.case_x.reference}/assignment",
                           {"unit": "no-such-unit", "version": w.case_x.__class__.objects.get(pk=w.case_x.pk).version})),
    "org's staff: other_org's case X": Entry(
        _x(), {"GET": for_logged_in(everyone(NOT_FOUND))}, missing=case_missing(), personas=ORG_SIDE),
    "org's staff: other_org's file": Entry(
        lambda w: f"/desk/cases/{w.case_x.reference}/files/{w.attachment_x.pk}/", {"GET": everyone(NOT_FOUND)},
        missing=lambda w: f"/desk/cases/EG-2099-999999/files/{w.attachment_x.pk}/", personas=ORG_SIDE),
    "org's staff: a note on other_org's case X": Entry(
        _x("messages/"), {"POST": everyone(NOT_FOUND)}, missing=case_missing("messages/"), personas=ORG_SIDE,
        data=lambda w, p, m: {"kind": "note", "body": "ملاحظة"}),
    "org's staff: other_org's reveal request": Entry(
        lambda w: f"/desk/reveal-requests/{w.reveal_request_x.pk}/decide/", {"POST": everyone(NOT_FOUND)},
        missing=lambda w: "/desk/reveal-requests/999999/decide/", personas=("supervisor",),
        data=lambda w, p, m: {"decision": "approve", "reason": "موافق"}),
    "org's staff: other_org's export": Entry(
        lambda w: f"/desk/reports/exports/{w.exports['other'].pk}/download/", {"GET": everyone(NOT_FOUND)},
        missing=lambda w: "/desk/reports/exports/999999/download/", personas=("supervisor",)),
    "API: org's staff on other_org's case X": Entry(
        lambda w: f"/api/v1/cases/{w.case_x.reference}", {"GET": everyone(NOT_FOUND)},
        missing=lambda w: "/api/v1/cases/NHRI-2099-999999", personas=("token:supervisor",), json=True,
        headers=lambda w, p: api_headers(w, p)),
    "complainant of X: org's case A's file": Entry(
        lambda w: f"/track/files/{w.attachment.pk}/", {"GET": everyone(NOT_FOUND)},
        missing=lambda w: "/track/files/999999/", personas=("complainant_other",)),
}


def matrix_cases():
    """(key, persona, method) for every classified entry: the test's parameters."""
    out = []
    for table in (ROUTES, API, CROSS):
        for key, entry in table.items():
            for method in entry.rules:
                for persona in entry.personas:
                    out.append((key, persona, method))
    return out


def entry_for(key) -> Entry:
    return ROUTES.get(key) or API.get(key) or CROSS[key]


# --- the follow-up's progress reports, evidence and regional pages (their own module) -------------
from . import matrix_progress  # noqa: E402 - its entries are built from the rules above

ROUTES.update(matrix_progress.ROUTES)
from . import matrix_imports  # noqa: E402 - its entries are built from the rules above

ROUTES.update(matrix_imports.ROUTES)
API.update(matrix_progress.API)
from . import matrix_recommendations  # noqa: E402 - its entries are built from the rules above

ROUTES.update(matrix_recommendations.ROUTES)
API.update(matrix_recommendations.API)
CROSS.update(matrix_recommendations.CROSS)
from . import matrix_plans  # noqa: E402 - its entries are built from the rules above

ROUTES.update(matrix_plans.ROUTES)
API.update(matrix_plans.API)
from . import matrix_assist  # noqa: E402 - its entries are built from the rules above

ROUTES.update(matrix_assist.ROUTES)
API.update(matrix_assist.API)
CROSS.update(matrix_assist.CROSS)
