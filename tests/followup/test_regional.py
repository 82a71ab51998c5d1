"""Regional follow-up: a secretariat addresses a conference's recommendations to its members (`org`,
a ministry; `other_org`, a national institution). Each member reports its own progress and
chooses what it shares; the secretariat reads only what was shared (its table by member and
theme, the shared reports with their evidence); members never read each other's internal or
shared reports, only what a member published."""

import json
from datetime import date

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from mizan.accounts.models import ApiToken
from mizan.complaints.models import Category
from mizan.complaints.services import Upload
from mizan.followup import access, progress, regional, services
from mizan.followup.models import Addressee
from mizan.followup.views_progress import report_section
from tests.security.files import PDF

TEXTS = ["تعزيز وحدات حقوق الإنسان في الأجهزة الأمنية", "تدريب العاملين في أماكن الاحتجاز على المعايير الدولية",
         "إنشاء آلية لتلقي شكاوى النزلاء"]


@pytest.fixture
def addressed(followup_staff, conference, org, other_org):
    """Three conference recommendations addressed to both members: torture; torture and detention; none."""
    themes = [[Category.objects.get(code="torture")],
              [Category.objects.get(code="torture"), Category.objects.get(code="arbitrary_detention")], []]
    return [services.create_recommendation(actor=followup_staff["sec"], source=conference, text=text, themes=theme,
                                           addressees=[org, other_org]) for text, theme in zip(TEXTS, themes)]


def write(actor, rec, *, visibility, status="in_progress", period_end=date(2026, 6, 30), narrative="", files=()):
    return progress.create_progress_report(actor=actor, recommendation=rec, period_end=period_end, status=status,
                                           narrative=narrative or f"{status} {visibility}", visibility=visibility,
                                           files=files)


def readable(user, rec) -> set[str]:
    return set(access.reports_for(user).filter(recommendation=rec).values_list("narrative", flat=True))


def test_each_reader_sees_only_what_the_members_chose_to_show(addressed, followup_staff, org, other_org):
    rec = addressed[0]
    ministry, nhri, sec = followup_staff["followup"], followup_staff["nhri_followup"], followup_staff["sec"]
    write(ministry, rec, visibility="internal", narrative="ministry internal")
    write(ministry, rec, visibility="secretariat", narrative="ministry shared")
    write(nhri, rec, visibility="internal", narrative="nhri internal")
    write(followup_staff["admin"], rec, visibility="public", narrative="ministry public")  # may publish

    assert readable(ministry, rec) == {"ministry internal", "ministry shared", "ministry public"}
    assert readable(nhri, rec) == {"nhri internal", "ministry public"}  # never the other's internal or shared
    assert readable(sec, rec) == {"ministry shared", "ministry public"}  # never an internal report
    assert readable(followup_staff["outsider"], rec) == {"nhri internal", "ministry public"}  # nhri's supervisor


def test_the_shared_status_is_the_latest_shared_report_and_internal_ones_never_move_it(addressed, followup_staff,
                                                                                       org):
    rec, ministry = addressed[0], followup_staff["followup"]
    addressee = lambda: Addressee.objects.get(recommendation=rec, organisation=org)  # noqa: E731

    write(ministry, rec, visibility="internal", status="partly_implemented")
    assert (addressee().status, addressee().shared_status) == ("partly_implemented", "")
    shared = write(ministry, rec, visibility="secretariat", status="in_progress", period_end=date(2026, 3, 31))
    assert (addressee().shared_status, addressee().shared_at) == ("in_progress", shared.created_at)
    write(ministry, rec, visibility="secretariat", status="implemented", period_end=date(2025, 12, 31))
    assert addressee().shared_status == "in_progress"  # an older period does not replace the latest
    progress.set_report_visibility(actor=ministry, report=shared, visibility="internal")
    assert addressee().shared_status == "implemented"  # taken back: the latest still shared counts
    assert addressee().status == "implemented"  # the member's own status: its last report


def test_the_table_counts_shared_statuses_by_member_and_theme(addressed, followup_staff, org, other_org):
    ministry = followup_staff["followup"]
    write(ministry, addressed[0], visibility="secretariat", status="implemented")
    write(ministry, addressed[1], visibility="secretariat", status="in_progress")
    write(ministry, addressed[2], visibility="internal", status="implemented")  # not counted as shared
    write(followup_staff["nhri_followup"], addressed[0], visibility="internal", status="implemented")

    with translation.override("en"):
        themes, rows = regional.implementation_table(addressed[0].organisation)

    expected_order = sorted(Category.objects.filter(code__in=["torture", "arbitrary_detention"]),
                            key=lambda c: (c.position, c.code))
    assert themes == [*expected_order, None]  # None: the column of recommendations without a theme
    by_member = {r.organisation.slug: r for r in rows}
    assert sorted(by_member) == ["moi-hr", "nhri"]
    cells = {(c.theme.code if c.theme else None): (c.counts, c.not_shared) for c in by_member["moi-hr"].cells}
    assert cells == {"torture": ([("In progress", 1), ("Implemented", 1)], 0),
                     "arbitrary_detention": ([("In progress", 1)], 0),
                     None: ([], 1)}
    assert [(c.counts, c.not_shared) for c in by_member["nhri"].cells] == [([], 2), ([], 1), ([], 1)]
    assert (by_member["moi-hr"].addressed, by_member["moi-hr"].shared, by_member["moi-hr"].shared_nothing) == (
        3, 2, False)
    assert (by_member["nhri"].addressed, by_member["nhri"].shared, by_member["nhri"].shared_nothing) == (3, 0, True)


def test_the_members_page_is_the_secretariats_only(client, addressed, followup_staff):
    write(followup_staff["followup"], addressed[0], visibility="secretariat", status="implemented")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(followup_staff["sec"])

    body = client.get(reverse("followup:members")).content.decode()

    assert "Human-rights department, Ministry of Interior" in body and "National human-rights institution" in body
    assert "Implemented: 1" in body and "Not shared: 2" in body
    assert "Has shared nothing yet" in body  # the national institution
    for who in ("followup", "nhri_followup", "outsider", "supervisor"):
        client.force_login(followup_staff[who])
        assert client.get(reverse("followup:members")).status_code == 404
        assert client.get(reverse("followup:member_reports")).status_code == 404


def test_the_secretariat_reads_shared_reports_with_their_evidence_and_no_internal_one(client, addressed,
                                                                                      followup_staff):
    shared = write(followup_staff["followup"], addressed[0], visibility="secretariat", narrative="تقرير مشترك",
                   files=[Upload("scan.pdf", PDF)])
    internal = write(followup_staff["nhri_followup"], addressed[0], visibility="internal", narrative="تقرير داخلي",
                     files=[Upload("internal.pdf", PDF)])
    client.force_login(followup_staff["sec"])

    body = client.get(reverse("followup:member_reports")).content.decode()

    assert "تقرير مشترك" in body and "scan.pdf" in body
    assert "تقرير داخلي" not in body and "internal.pdf" not in body
    assert client.get(reverse("followup:evidence", args=[shared.evidence.get().pk])).status_code == 200
    assert client.get(reverse("followup:evidence", args=[internal.evidence.get().pk])).status_code == 404
    client.force_login(followup_staff["nhri_followup"])  # the other member: not the ministry's shared file
    assert client.get(reverse("followup:evidence", args=[shared.evidence.get().pk])).status_code == 404


def test_the_reports_list_filters_by_member_and_theme(client, addressed, followup_staff):
    write(followup_staff["followup"], addressed[0], visibility="secretariat", narrative="ministry on torture")
    write(followup_staff["nhri_followup"], addressed[2], visibility="secretariat", narrative="nhri untagged")
    client.force_login(followup_staff["sec"])
    url = reverse("followup:member_reports")

    assert [[r.narrative for r in rec.shared] for rec in client.get(url).context["rows"]] == [
        ["nhri untagged"], ["ministry on torture"]]
    assert [[r.narrative for r in rec.shared] for rec in client.get(url, {"member": "nhri"}).context["rows"]] == [
        ["nhri untagged"]]
    assert [rec.pk for rec in client.get(url, {"theme": "torture"}).context["rows"]] == [addressed[0].pk]


def test_the_reports_list_reads_the_same_number_of_queries_for_one_recommendation_or_three(client, addressed,
                                                                                           followup_staff):
    client.force_login(followup_staff["sec"])
    url = reverse("followup:member_reports")

    def count(n):
        for rec in addressed[:n]:
            if not rec.reports.exists():
                write(followup_staff["followup"], rec, visibility="secretariat", files=[Upload("a.pdf", PDF)])
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert len(response.context["rows"]) == n
        return len(queries)

    assert count(1) == count(3)


def test_the_recommendation_page_section_shows_each_reader_what_it_may_read(addressed, followup_staff):
    rec = addressed[1]
    write(followup_staff["followup"], rec, visibility="internal", narrative="ministry internal")
    write(followup_staff["followup"], rec, visibility="secretariat", narrative="ministry shared")
    write(followup_staff["nhri_followup"], rec, visibility="secretariat", narrative="nhri shared")

    def seen(who):
        section = report_section(followup_staff[who], recommendation=rec)
        return sorted((r.narrative, r.own) for r in section["reports"]), section["may_report"]

    assert seen("sec") == ([("ministry shared", False), ("nhri shared", False)], True)  # its own: it may report
    assert seen("followup") == ([("ministry internal", True), ("ministry shared", True)], True)
    assert seen("nhri_followup") == ([("nhri shared", True)], True)
    assert seen("analyst") == ([("ministry internal", True), ("ministry shared", True)], False)


def test_a_member_shares_through_the_api(client, addressed, followup_staff, org):
    token = ApiToken.issue(followup_staff["followup"], name="test")[1]

    response = client.post(f"/api/v1/recommendations/{addressed[0].pk}/progress", json.dumps({
        "status": "partly_implemented", "note": "ministry shared", "period_end": "2026-06-30",
        "visibility": "secretariat"}), content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}")

    assert (response.status_code, response.json()["visibility"]) == (201, "secretariat")
    assert Addressee.objects.get(recommendation=addressed[0], organisation=org).shared_status == "partly_implemented"
    assert readable(followup_staff["sec"], addressed[0]) == {"ministry shared"}
