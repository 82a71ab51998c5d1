"""Recommendations: recording, editing, status history, responsible bodies, clusters, and who
sees what (own organisation, addressed members, the secretariat, an outsider)."""

from datetime import date

import pytest
from django.http import Http404

from mizan.audit.models import AuditEvent
from mizan.complaints.errors import Conflict, Invalid, NotAllowed
from mizan.complaints.models import Category
from mizan.followup import access, projections, services
from mizan.followup.intake import clean_recommendation, sdg_targets
from mizan.followup.models import Addressee, Recommendation, StatusChange

TEXT = "ضمان خضوع كل من يرتكب أفعال تعذيب للتحقيق والملاحقة القضائية"


@pytest.fixture
def recommendation(followup_staff, cat_source, places, prosecution):
    cleaned, errors = clean_recommendation(cat_source.organisation, {
        "source": str(cat_source.pk), "text": TEXT, "language": "ar", "symbol": "CAT/C/EGY/CO/5", "paragraph": "12",
        "themes": ["torture", "due_process"], "sdg_targets": ["- 16.3 - Promote the rule of law", "١٦٫١٠"],
        "affected_groups": ["Detainee", "journalists"], "position": "supported", "due_on": "2027-06-30",
        "bodies": [{"role": "lead", "unit": places["hr"].pk}, {"role": "supporting", "external": prosecution.pk}],
    })
    assert errors == {}
    return services.create_recommendation(actor=followup_staff["followup"], **cleaned)


def test_a_recommendation_is_recorded_with_its_facts_history_and_audit(recommendation, followup_staff, org):
    rec = Recommendation.objects.get(pk=recommendation.pk)

    assert (rec.organisation, rec.text, rec.reference) == (org, TEXT, "CAT/C/EGY/CO/5, para. 12")
    assert sorted(rec.themes.values_list("code", flat=True)) == ["due_process", "torture"]
    assert rec.sdg_targets == ["16.3", "16.10"]
    assert rec.affected_groups == ["detainee", "journalists"]  # our code, and a group as written
    assert [(b.role, b.unit_id is not None) for b in rec.responsible.order_by("role")] == [
        ("lead", True), ("supporting", False)]
    assert list(rec.history.values_list("from_status", "to_status")) == [("", "not_started")]
    assert list(AuditEvent.objects.filter(action="followup.recommendation.create").values_list(
        "target_id", "actor")) == [(str(rec.pk), followup_staff["followup"].pk)]


def test_status_changes_are_kept_in_order_with_their_notes(recommendation, followup_staff):
    officer = followup_staff["followup"]
    services.set_recommendation_status(actor=officer, recommendation=recommendation, status="in_progress",
                                       note="أُحيل مشروع القانون إلى البرلمان", period_end=date(2026, 6, 30))
    services.set_recommendation_status(actor=officer, recommendation=recommendation, status="partly_implemented")

    rec = Recommendation.objects.get(pk=recommendation.pk)
    assert rec.status == "partly_implemented" and rec.version == 3
    assert list(rec.history.values_list("from_status", "to_status", "note")) == [
        ("", "not_started", ""), ("not_started", "in_progress", "أُحيل مشروع القانون إلى البرلمان"),
        ("in_progress", "partly_implemented", "")]
    assert AuditEvent.objects.filter(action="followup.recommendation.status").count() == 2


def test_an_edit_is_refused_when_someone_else_changed_it_first(recommendation, followup_staff):
    officer = followup_staff["followup"]
    version = recommendation.version
    services.update_recommendation(actor=officer, recommendation=recommendation, position="noted",
                                   expected_version=version)

    with pytest.raises(Conflict):
        services.update_recommendation(actor=officer, recommendation=recommendation, paragraph="13",
                                       expected_version=version)
    assert Recommendation.objects.get(pk=recommendation.pk).paragraph == "12"


@pytest.mark.parametrize("who", ["intake", "officer", "analyst", "auditor", "outsider", "nhri_followup", "sec"])
def test_who_may_not_edit_changes_nothing(recommendation, followup_staff, who):
    before = (Recommendation.objects.get(pk=recommendation.pk).position, AuditEvent.objects.count())

    with pytest.raises(NotAllowed):
        services.update_recommendation(actor=followup_staff[who], recommendation=recommendation, position="noted")

    assert (Recommendation.objects.get(pk=recommendation.pk).position, AuditEvent.objects.count()) == before


def test_outsiders_find_nothing(recommendation, followup_staff):
    assert access.get_recommendation_for_user(followup_staff["supervisor"], recommendation.pk) == recommendation
    for who in ("outsider", "nhri_followup", "sec"):
        with pytest.raises(Http404):
            access.get_recommendation_for_user(followup_staff[who], recommendation.pk)
        assert not access.recommendations_for(followup_staff[who]).exists()


def test_a_secretariat_addresses_members_who_keep_their_own_status(followup_staff, conference, org, other_org):
    sec = followup_staff["sec"]
    rec = services.create_recommendation(actor=sec, source=conference, text="تعزيز وحدات حقوق الإنسان في الأجهزة الأمنية",
                                         addressees=[org, other_org], themes=[Category.objects.get(code="other")])

    # Each member reads it and sets its own status; the secretariat's own status does not move.
    assert access.get_recommendation_for_user(followup_staff["followup"], rec.pk) == rec
    services.set_recommendation_status(actor=followup_staff["followup"], recommendation=rec, status="in_progress")
    assert Addressee.objects.get(recommendation=rec, organisation=org).status == "in_progress"
    assert Addressee.objects.get(recommendation=rec, organisation=other_org).status == "not_started"
    assert Recommendation.objects.get(pk=rec.pk).status == "not_started"
    # its own history: addressed ("not started", from the day it was addressed), then its change
    assert list(StatusChange.objects.filter(recommendation=rec, organisation=org).order_by("pk").values_list(
        "from_status", "to_status")) == [("", "not_started"), ("not_started", "in_progress")]
    assert StatusChange.objects.filter(recommendation=rec, organisation=other_org).count() == 1
    # A member may not change what the secretariat recorded.
    with pytest.raises(NotAllowed):
        services.update_recommendation(actor=followup_staff["followup"], recommendation=rec, position="noted")


def test_only_a_secretariat_addresses_recommendations(followup_staff, cat_source, other_org):
    with pytest.raises(Invalid):
        services.create_recommendation(actor=followup_staff["followup"], source=cat_source, text=TEXT,
                                       addressees=[other_org])
    assert not Recommendation.objects.exists()


def test_clusters_gather_recommendations_and_vanish_when_empty(recommendation, followup_staff, cat_source):
    officer = followup_staff["followup"]
    second = services.create_recommendation(actor=officer, source=cat_source, text="التحقيق في جميع ادعاءات التعذيب")
    cluster = services.cluster_recommendations(actor=officer, recommendations=[recommendation, second],
                                               label="المساءلة عن التعذيب")

    assert set(cluster.recommendations.values_list("pk", flat=True)) == {recommendation.pk, second.pk}
    services.leave_cluster(actor=officer, recommendation=recommendation)
    services.leave_cluster(actor=officer, recommendation=second)
    assert not type(cluster).objects.filter(pk=cluster.pk).exists()


def test_bad_input_is_named_field_by_field(org, cat_source):
    cleaned, errors = clean_recommendation(org, {"source": "999999", "text": " ", "themes": ["torture", "nope"],
                                                 "due_on": "30/06/2027", "sdg_targets": ["peace"],
                                                 "bodies": [{"role": "lead"}], "position": "maybe"})

    assert set(errors) == {"source", "text", "themes", "due_on", "sdg_targets", "bodies", "position"}
    assert sdg_targets(["Target 5.2", "- 16.a - access", "١٦٫٣", "16.3"]) == ["5.2", "16.a", "16.3"]


def test_every_change_runs_the_registered_projections_once(followup_staff, cat_source):
    seen = []
    projections.register("test-recorder", seen.append)
    try:
        rec = services.create_recommendation(actor=followup_staff["followup"], source=cat_source, text=TEXT)
        services.set_recommendation_status(actor=followup_staff["followup"], recommendation=rec, status="implemented")
    finally:
        projections._projections[:] = [p for p in projections._projections if p[1] != "test-recorder"]

    assert [(c.recommendations, c.what) for c in seen] == [((rec.pk,), "created"), ((rec.pk,), "status")]


def test_the_migration_gives_addressees_created_before_it_their_first_history_row(followup_staff, conference, org,
                                                                                 other_org):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("mizan.followup.migrations.0006_addressee_first_history")
    rec = services.create_recommendation(actor=followup_staff["sec"], source=conference, text="توصية",
                                         addressees=[org, other_org])
    services.set_recommendation_status(actor=followup_staff["followup"], recommendation=rec, status="in_progress")
    StatusChange.objects.filter(recommendation=rec, organisation__in=[org, other_org], from_status="").delete()

    migration.backfill(apps, None)
    migration.backfill(apps, None)  # once only

    first = StatusChange.objects.filter(recommendation=rec, from_status="").order_by("organisation_id")
    assert sorted(first.values_list("organisation_id", "to_status")) == sorted(
        [(rec.organisation_id, "not_started"), (org.pk, "not_started"), (other_org.pk, "not_started")])
    assert {row.at for row in first.filter(organisation__in=[org, other_org])} == {
        Recommendation.objects.get(pk=rec.pk).created_at}
