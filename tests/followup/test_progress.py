"""Progress reports on a recommendation: the status they set, their evidence files (the upload
policy of complaints), their visibility, the desk's form and section, and the API."""

import json
import os
from datetime import date

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from mizan.accounts.models import ApiToken
from mizan.audit.models import AuditEvent
from mizan.complaints.errors import Invalid, NotAllowed
from mizan.complaints.services import Upload
from mizan.followup import progress, services
from mizan.followup.models import (
    Evidence,
    Goal,
    Measure,
    Phase,
    ProgressReport,
    Recommendation,
    ResponsibleBody,
    StatusChange,
    Strategy,
)
from mizan.followup.views_progress import report_section
from tests.security.files import HTML, PDF, metadata_of, photo

TEXT = "ضمان خضوع كل من يرتكب أفعال تعذيب للتحقيق والملاحقة القضائية"
NARRATIVE = "أُحيل مشروع تعديل قانون الإجراءات الجنائية إلى مجلس النواب"


@pytest.fixture
def recommendation(followup_staff, cat_source, places):
    rec = services.create_recommendation(actor=followup_staff["followup"], source=cat_source, text=TEXT,
                                         symbol="CAT/C/EGY/CO/5", paragraph="12", due_on=date(2027, 6, 30))
    ResponsibleBody.objects.create(recommendation=rec, role="lead", unit=places["hr"])
    return rec


def evidence_files():
    root = default_storage.path(progress.EVIDENCE_DIR)
    return sorted(os.listdir(root)) if os.path.isdir(root) else []


def report(actor, rec, **fields):
    values = {"period_end": date(2026, 6, 30), "status": "in_progress", "narrative": NARRATIVE,
              "visibility": "internal", **fields}
    return progress.create_progress_report(actor=actor, recommendation=rec, **values)


# --- the domain -----------------------------------------------------------------------------------

def test_a_report_sets_the_status_keeps_its_evidence_and_is_audited(recommendation, followup_staff):
    officer = followup_staff["officer"]  # a case officer: reports progress, edits no recommendation
    before_files = evidence_files()

    made = report(officer, recommendation, period_start=date(2026, 1, 1),
                  files=[Upload("محضر.pdf", PDF), Upload("photo.jpg", photo("JPEG"))])

    saved = ProgressReport.objects.get(pk=made.pk)
    assert (saved.organisation_id, saved.status, saved.period_start, saved.period_end, saved.narrative,
            saved.visibility, saved.created_by) == (
        recommendation.organisation_id, "in_progress", date(2026, 1, 1), date(2026, 6, 30), NARRATIVE, "internal",
        officer)
    assert Recommendation.objects.get(pk=recommendation.pk).status == "in_progress"
    assert list(StatusChange.objects.filter(recommendation=recommendation).values_list(
        "from_status", "to_status", "period_end")) == [("", "not_started", None),
                                                       ("not_started", "in_progress", date(2026, 6, 30))]
    files = list(Evidence.objects.filter(report=made).order_by("pk"))
    assert [(f.original_name, f.content_type) for f in files] == [("محضر.pdf", "application/pdf"),
                                                                  ("photo.jpg", "image/jpeg")]
    assert len(evidence_files()) == len(before_files) + 2
    with default_storage.open(f"evidence/{files[1].stored_name}", "rb") as handle:
        kept = handle.read()
    assert metadata_of(kept)["gps"] == {} and 0x010F not in metadata_of(kept)["exif"]  # no GPS, no device
    event = AuditEvent.objects.get(action="followup.report.create")
    assert (event.target_id, event.data) == (str(made.pk), {
        "recommendation": recommendation.pk, "measure": None, "status": "in_progress", "visibility": "internal",
        "evidence": 2})


def test_a_bad_file_is_refused_and_nothing_is_written(recommendation, followup_staff):
    before = (ProgressReport.objects.count(), Evidence.objects.count(), AuditEvent.objects.count(), evidence_files())

    with pytest.raises(Invalid):
        report(followup_staff["followup"], recommendation, files=[Upload("ok.pdf", PDF), Upload("page.pdf", HTML)])

    assert (ProgressReport.objects.count(), Evidence.objects.count(), AuditEvent.objects.count(),
            evidence_files()) == before
    assert Recommendation.objects.get(pk=recommendation.pk).status == "not_started"


@pytest.mark.parametrize("who", ["intake", "analyst", "auditor", "outsider", "nhri_followup", "sec"])
def test_who_may_not_report_changes_nothing(recommendation, followup_staff, who):
    before = (ProgressReport.objects.count(), AuditEvent.objects.count(),
              Recommendation.objects.get(pk=recommendation.pk).status)

    with pytest.raises(NotAllowed):
        report(followup_staff[who], recommendation)

    assert (ProgressReport.objects.count(), AuditEvent.objects.count(),
            Recommendation.objects.get(pk=recommendation.pk).status) == before


def test_publishing_needs_a_role_that_may_publish(recommendation, followup_staff):
    with pytest.raises(NotAllowed):
        report(followup_staff["followup"], recommendation, visibility="public")
    assert not ProgressReport.objects.exists()

    made = report(followup_staff["supervisor"], recommendation, visibility="public")
    assert made.visibility == "public"


def test_an_own_recommendation_cannot_be_shared_with_a_secretariat(recommendation, followup_staff):
    with pytest.raises(Invalid) as refused:
        report(followup_staff["followup"], recommendation, visibility="secretariat")

    assert set(refused.value.fields) == {"visibility"}
    assert not ProgressReport.objects.exists()


def test_bad_input_is_named_field_by_field():
    cleaned, errors = progress.clean_progress_report({"status": "done", "period_end": "30/06/2026",
                                                      "period_start": "", "narrative": "  ", "visibility": "world"})
    assert set(errors) == {"status", "period_end", "narrative", "visibility"}

    with translation.override("en"):
        cleaned, errors = progress.clean_progress_report({"status": "implemented", "period_start": "٢٠٢٦-٠٧-٠١",
                                                          "period_end": "2026-06-30", "narrative": "تم"})
    assert errors == {"period_start": "The start of the period must come before its end."}
    assert cleaned["period_start"] == date(2026, 7, 1)


@pytest.fixture
def measure(org):
    strategy = Strategy.objects.create(organisation=org, title_ar="الخطة المرحلية الأولى")
    phase = Phase.objects.create(strategy=strategy, number=1, title_ar="المرحلة الأولى")
    goal = Goal.objects.create(phase=phase, number=1, title_ar="الهدف الأول")
    return Measure.objects.create(goal=goal, organisation=org, number=1, title_ar="تدريب الضباط على المعايير الدولية")


def test_a_report_on_a_measure_sets_the_measures_status(measure, followup_staff):
    made = progress.create_progress_report(actor=followup_staff["officer"], measure=measure,
                                           period_end=date(2026, 6, 30), status="completed", narrative=NARRATIVE,
                                           files=[Upload("list.pdf", PDF)])

    with translation.override("en"):
        assert (made.measure, made.recommendation, made.status, progress.status_label(made)) == (
            measure, None, "completed", "Completed")
    assert Measure.objects.get(pk=measure.pk).status == "completed"
    assert made.evidence.get().original_name == "list.pdf"
    with pytest.raises(Invalid):  # a measure has no secretariat to share with
        progress.create_progress_report(actor=followup_staff["officer"], measure=measure, period_end=date(2026, 9, 30),
                                        status="completed", narrative=NARRATIVE, visibility="secretariat")
    with pytest.raises(NotAllowed):  # another organisation's measure
        progress.create_progress_report(actor=followup_staff["nhri_followup"], measure=measure,
                                        period_end=date(2026, 9, 30), status="delayed", narrative=NARRATIVE)
    assert (ProgressReport.objects.count(), Measure.objects.get(pk=measure.pk).status) == (1, "completed")


# --- the desk ------------------------------------------------------------------------------------------

def form(**fields):
    return {"status": "partly_implemented", "period_start": "2026-01-01", "period_end": "2026-06-30",
            "narrative": NARRATIVE, "visibility": "internal", **fields}


def test_the_desk_form_saves_a_report_with_its_files(client, recommendation, followup_staff):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(followup_staff["officer"])

    response = client.post(reverse("followup:report_new", args=[recommendation.pk]),
                           {**form(), "files": [SimpleUploadedFile("scan.pdf", PDF)]})

    assert response.status_code == 302
    assert response.url == reverse("followup:recommendation", args=[recommendation.pk]) + "#reports"
    made = ProgressReport.objects.get()
    assert (made.status, made.evidence.get().original_name) == ("partly_implemented", "scan.pdf")
    page = client.get(response.url).content.decode()
    assert NARRATIVE in page and "scan.pdf" in page and 'id="reports"' in page
    assert "Written by Officer on " in page  # by full name (the persona's), never the login name


def test_a_refused_file_is_named_in_the_page_language_and_nothing_is_saved(client, recommendation, followup_staff):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    client.force_login(followup_staff["officer"])
    files_before = evidence_files()

    response = client.post(reverse("followup:report_new", args=[recommendation.pk]),
                           {**form(narrative=""), "files": [SimpleUploadedFile("page.pdf", HTML)]})

    body = response.content.decode()
    assert response.status_code == 400
    assert "page.pdf" in body and "contient une page web ou un script" in body
    assert "Dites ce qui a été fait pendant cette période." in body
    assert (ProgressReport.objects.count(), evidence_files()) == (0, files_before)


def test_the_form_is_refused_to_roles_that_do_not_report_and_unknown_to_outsiders(client, recommendation,
                                                                                   followup_staff):
    url = reverse("followup:report_new", args=[recommendation.pk])
    client.force_login(followup_staff["analyst"])
    assert client.post(url, form()).status_code == 403
    client.force_login(followup_staff["outsider"])
    assert client.post(url, form()).status_code == 404
    assert client.get(url).status_code == 404
    assert not ProgressReport.objects.exists()


def test_the_desk_form_reports_on_a_measure(client, measure, followup_staff):
    url = reverse("followup:measure_report_new", args=[measure.pk])
    client.force_login(followup_staff["officer"])

    response = client.post(url, form(status="delayed"))

    assert (response.status_code, response.url) == (302, reverse("followup:measure", args=[measure.pk]) + "#reports")
    assert (Measure.objects.get(pk=measure.pk).status, ProgressReport.objects.get().measure) == ("delayed", measure)
    assert NARRATIVE in client.get(response.url).content.decode()
    client.force_login(followup_staff["nhri_followup"])
    assert client.post(url, form(status="completed")).status_code == 404
    assert Measure.objects.get(pk=measure.pk).status == "delayed"


def test_evidence_is_downloaded_by_those_who_read_the_report_only(client, recommendation, followup_staff):
    made = report(followup_staff["followup"], recommendation, files=[Upload("scan.pdf", PDF)])
    url = reverse("followup:evidence", args=[made.evidence.get().pk])

    client.force_login(followup_staff["analyst"])
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    for who in ("outsider", "nhri_followup", "sec"):
        client.force_login(followup_staff[who])
        assert client.get(url).status_code == 404


def test_a_report_is_shared_later_by_changing_its_visibility(client, followup_staff, conference, org, other_org):
    rec = services.create_recommendation(actor=followup_staff["sec"], source=conference, text=TEXT,
                                         addressees=[org, other_org])
    made = report(followup_staff["followup"], rec)
    client.force_login(followup_staff["followup"])

    response = client.post(reverse("followup:report_visibility", args=[made.pk]), {"visibility": "secretariat"})

    assert response.status_code == 302
    assert ProgressReport.objects.get(pk=made.pk).visibility == "secretariat"
    client.force_login(followup_staff["nhri_followup"])  # another member: not its report
    assert client.post(reverse("followup:report_visibility", args=[made.pk]),
                       {"visibility": "internal"}).status_code == 404
    assert ProgressReport.objects.get(pk=made.pk).visibility == "secretariat"


def test_the_section_reads_the_same_number_of_queries_for_one_report_or_three(recommendation, followup_staff, rf):
    user = followup_staff["followup"]
    report(user, recommendation, files=[Upload("a.pdf", PDF)])

    def count():
        with CaptureQueriesContext(connection) as queries:
            section = report_section(user, recommendation=recommendation)
            for item in section["reports"]:
                list(item.evidence.all())
                str(item.created_by)
        return len(queries), len(section["reports"])

    one = count()
    report(user, recommendation, files=[Upload("b.pdf", PDF)], period_end=date(2026, 9, 30))
    report(user, recommendation, files=[Upload("c.pdf", PDF)], period_end=date(2026, 12, 31))
    three = count()
    assert (one[1], three[1]) == (1, 3)
    assert one[0] == three[0]


# --- the API -------------------------------------------------------------------------------------------

def api_post(client, user, pk, body, **headers):
    token = ApiToken.issue(user, name="test")[1]
    return client.post(f"/api/v1/recommendations/{pk}/progress", json.dumps(body), content_type="application/json",
                       HTTP_AUTHORIZATION=f"Bearer {token}", **headers)


def test_the_api_records_a_report_and_answers_201(client, recommendation, followup_staff):
    response = api_post(client, followup_staff["followup"], recommendation.pk,
                        {"status": "implemented", "note": NARRATIVE, "period_end": "2026-12-31"},
                        HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 201
    body = response.json()
    made = ProgressReport.objects.get()
    assert {k: v for k, v in body.items() if k != "created_at"} == {
        "id": made.pk, "recommendation": recommendation.pk, "organisation": "Human-rights department, Ministry of "
        "Interior", "status": "implemented", "status_label": "Implemented", "note": NARRATIVE, "period_start": None,
        "period_end": "2026-12-31", "visibility": "internal", "created_by": "Followup", "evidence": []}
    assert Recommendation.objects.get(pk=recommendation.pk).status == "implemented"


def test_the_api_answers_404_to_outsiders_403_to_roles_that_do_not_report_400_to_bad_input(
        client, recommendation, followup_staff):
    body = {"status": "implemented", "note": NARRATIVE, "period_end": "2026-12-31"}

    outsider = api_post(client, followup_staff["outsider"], recommendation.pk, body, HTTP_ACCEPT_LANGUAGE="en")
    missing = api_post(client, followup_staff["outsider"], 999999, body, HTTP_ACCEPT_LANGUAGE="en")
    analyst = api_post(client, followup_staff["analyst"], recommendation.pk, body, HTTP_ACCEPT_LANGUAGE="en")
    bad = api_post(client, followup_staff["followup"], recommendation.pk,
                   {"status": "done", "note": " ", "period_end": "31/12/2026"}, HTTP_ACCEPT_LANGUAGE="en")
    empty = api_post(client, followup_staff["followup"], recommendation.pk,
                     {"status": "implemented", "note": "  ", "period_end": "2026-12-31"}, HTTP_ACCEPT_LANGUAGE="fr")

    assert (outsider.status_code, outsider.json()) == (404, {"error": {
        "code": "not_found", "message": "No recommendation with this id.", "fields": {}}})
    assert (missing.status_code, missing.content) == (404, outsider.content)
    assert (analyst.status_code, analyst.json()["error"]["code"]) == (403, "forbidden")
    assert (bad.status_code, bad.json()["error"]["code"], sorted(bad.json()["error"]["fields"])) == (
        400, "invalid", ["period_end", "status"])
    assert (empty.status_code, empty.json()["error"]["fields"]) == (
        400, {"note": "Dites ce qui a été fait pendant cette période."})
    assert not ProgressReport.objects.exists()


def test_the_api_operation_is_described_in_the_openapi_schema(client):
    schema = client.get("/api/v1/openapi.json").json()

    operation = schema["paths"]["/api/v1/recommendations/{pk}/progress"]["post"]
    assert operation["operationId"] == "reportRecommendationProgress"
    assert sorted(operation["responses"]) == ["201", "400", "401", "403", "404", "409", "413"]
