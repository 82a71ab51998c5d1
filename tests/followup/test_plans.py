"""Plans: strategies, dated phases, goals and measures; a measure's status history and the
recommendations it answers; the plan work lists (unanswered, overdue, next due); the desk pages,
their permissions (the outsider included) and their query counts."""

import re
from datetime import date, timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from mizan.accounts.models import Unit
from mizan.audit.models import AuditEvent
from mizan.complaints.errors import Conflict, Invalid, NotAllowed
from mizan.followup import plans, services
from mizan.followup.models import (
    Goal,
    Measure,
    MeasureStatusChange,
    Phase,
    Strategy,
)

TEXT = "ضمان خضوع كل من يرتكب أفعال تعذيب للتحقيق والملاحقة القضائية"


def english(client, user):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(user)
    return client


@pytest.fixture
def plan(followup_staff, places, prosecution):
    """The ministry's phased plan: one strategy, one phase, one goal, one measure led by the
    human-rights sector with the public prosecution as partner."""
    officer = followup_staff["followup"]
    strategy = plans.create_strategy(actor=officer, title_ar="الخطة المرحلية الأولى لتنفيذ الاستراتيجية العربية",
                                     title_en="First phased plan of the Arab strategy", starts_on=date(2026, 1, 1),
                                     ends_on=date(2028, 12, 31))
    phase = plans.create_phase(actor=officer, strategy=strategy, title_ar="المرحلة الأولى", title_en="First phase",
                               starts_on=date(2026, 1, 1), ends_on=date(2026, 12, 31))
    goal = plans.create_goal(actor=officer, phase=phase, title_ar="تعزيز المساءلة", title_en="Stronger accountability")
    measure = plans.create_measure(actor=officer, goal=goal, title_ar="تدريب ضباط الأقسام على ضمانات الاحتجاز",
                                   title_en="Train station officers in the safeguards of custody",
                                   lead_unit=places["hr"], partner_externals=[prosecution],
                                   budget_line="بند ٣/٢ التدريب", starts_on=date(2026, 2, 1), due_on=date(2026, 6, 30))
    return {"strategy": strategy, "phase": phase, "goal": goal, "measure": measure}


@pytest.fixture
def recommendation(followup_staff, cat_source):
    return services.create_recommendation(actor=followup_staff["followup"], source=cat_source, text=TEXT,
                                          symbol="CAT/C/EGY/CO/5", paragraph="12", due_on=date(2027, 6, 30))


# --- the domain -----------------------------------------------------------------------------------------

def test_a_plan_is_numbered_level_by_level_and_every_step_is_audited(plan, followup_staff, places, prosecution):
    officer = followup_staff["followup"]
    second = plans.create_measure(actor=officer, goal=plan["goal"], title_ar="نشر دليل الحقوق في الأقسام")
    phase_two = plans.create_phase(actor=officer, strategy=plan["strategy"], title_ar="المرحلة الثانية")

    measure = Measure.objects.get(pk=plan["measure"].pk)
    assert [(m.number, m.title_ar) for m in Measure.objects.filter(goal=plan["goal"])] == [
        (1, "تدريب ضباط الأقسام على ضمانات الاحتجاز"), (2, "نشر دليل الحقوق في الأقسام")]
    assert (plan["phase"].number, phase_two.number, plan["goal"].number, second.status) == (1, 2, 1, "planned")
    assert (measure.organisation, measure.lead, list(measure.partner_externals.all()), measure.budget_line) == (
        plan["strategy"].organisation, places["hr"], [prosecution], "بند ٣/٢ التدريب")
    assert list(measure.history.values_list("from_status", "to_status")) == [("", "planned")]
    assert list(AuditEvent.objects.filter(action__startswith="followup.").exclude(
        action="followup.source.create").values_list("action", flat=True).order_by("id")) == [
        "followup.strategy.create", "followup.phase.create", "followup.goal.create", "followup.measure.create",
        "followup.measure.create", "followup.phase.create"]


def test_a_number_already_used_is_refused_and_nothing_is_written(plan, followup_staff):
    before = (Phase.objects.count(), AuditEvent.objects.count())
    with translation.override("en"), pytest.raises(Invalid) as refused:
        plans.create_phase(actor=followup_staff["followup"], strategy=plan["strategy"], title_ar="مكررة", number=1)
    assert refused.value.fields == {"number": "This number is already used at this level of the plan."}
    assert (Phase.objects.count(), AuditEvent.objects.count()) == before


def test_a_measures_status_has_its_history_with_notes(plan, followup_staff):
    measure = plan["measure"]
    officer = followup_staff["officer"]  # a case officer reports progress, edits no plan
    plans.set_measure_status(actor=officer, measure=measure, status="in_progress", note="بدأت الدورة الأولى",
                             expected_version=measure.version)
    plans.set_measure_status(actor=officer, measure=measure, status="in_progress")  # nothing new: nothing written
    plans.set_measure_status(actor=followup_staff["followup"], measure=measure, status="completed")

    measure = Measure.objects.get(pk=measure.pk)
    assert (measure.status, measure.version) == ("completed", 3)
    assert list(measure.history.values_list("from_status", "to_status", "note", "by__username")) == [
        ("", "planned", "", "followup"), ("planned", "in_progress", "بدأت الدورة الأولى", "officer"),
        ("in_progress", "completed", "", "followup")]
    assert AuditEvent.objects.filter(action="followup.measure.status").count() == 2


def test_a_status_from_a_stale_page_is_refused(plan, followup_staff):
    measure = plan["measure"]
    version = measure.version
    plans.set_measure_status(actor=followup_staff["followup"], measure=measure, status="delayed")
    with pytest.raises(Conflict):
        plans.set_measure_status(actor=followup_staff["officer"], measure=measure, status="completed",
                                 expected_version=version)
    assert Measure.objects.get(pk=measure.pk).status == "delayed"


@pytest.mark.parametrize("who", ["intake", "officer", "analyst", "auditor", "outsider", "nhri_followup", "sec"])
def test_who_may_not_edit_the_plan_changes_nothing(plan, recommendation, followup_staff, who):
    actor = followup_staff[who]
    before = (Phase.objects.count(), Goal.objects.count(), Measure.objects.get(pk=plan["measure"].pk).title_ar,
              plan["measure"].recommendations.count(), AuditEvent.objects.count())

    for attempt in (lambda: plans.create_phase(actor=actor, strategy=plan["strategy"], title_ar="مرحلة"),
                    lambda: plans.create_goal(actor=actor, phase=plan["phase"], title_ar="هدف"),
                    lambda: plans.update_measure(actor=actor, measure=plan["measure"], title_ar="تغيير"),
                    lambda: plans.update_strategy(actor=actor, strategy=plan["strategy"], title_ar="تغيير"),
                    lambda: plans.link_recommendations(actor=actor, measure=plan["measure"],
                                                       recommendations=[recommendation])):
        with pytest.raises(NotAllowed):
            attempt()

    assert (Phase.objects.count(), Goal.objects.count(), Measure.objects.get(pk=plan["measure"].pk).title_ar,
            plan["measure"].recommendations.count(), AuditEvent.objects.count()) == before


@pytest.mark.parametrize("who", ["intake", "analyst", "auditor", "outsider", "nhri_followup", "sec"])
def test_who_may_not_report_progress_sets_no_status(plan, followup_staff, who):
    with pytest.raises(NotAllowed):
        plans.set_measure_status(actor=followup_staff[who], measure=plan["measure"], status="completed")
    assert not MeasureStatusChange.objects.filter(to_status="completed").exists()


def test_a_measure_answers_its_own_and_addressed_recommendations_never_an_outsiders(
        plan, recommendation, followup_staff, conference, org, other_org):
    officer = followup_staff["followup"]
    addressed = services.create_recommendation(actor=followup_staff["sec"], source=conference, addressees=[org],
                                               text="إنشاء وحدات لحقوق الإنسان في الأجهزة الأمنية")
    theirs = services.create_recommendation(actor=followup_staff["nhri_followup"], text="زيارة أماكن الاحتجاز",
                                            source=services.create_source(actor=followup_staff["nhri_followup"],
                                                                          kind="nhri_report", title_ar="التقرير السنوي"))
    measure = plans.link_recommendations(actor=officer, measure=plan["measure"],
                                         recommendations=[recommendation, addressed])
    plans.link_recommendations(actor=officer, measure=measure, recommendations=[recommendation])  # already there
    with pytest.raises(NotAllowed):
        plans.link_recommendations(actor=officer, measure=measure, recommendations=[theirs])

    assert set(measure.recommendations.values_list("pk", flat=True)) == {recommendation.pk, addressed.pk}
    assert [e.data for e in AuditEvent.objects.filter(action="followup.measure.link")] == [
        {"recommendations": sorted([recommendation.pk, addressed.pk])}]
    plans.unlink_recommendation(actor=officer, measure=measure, recommendation=addressed)
    assert list(measure.recommendations.values_list("pk", flat=True)) == [recommendation.pk]


def test_the_lead_and_partners_are_bodies_of_the_organisation(plan, followup_staff, other_org):
    theirs = Unit.objects.create(organisation=other_org, code="x", name_ar="وحدة أخرى")
    with pytest.raises(Invalid):
        plans.update_measure(actor=followup_staff["followup"], measure=plan["measure"], lead_unit=theirs)
    assert Measure.objects.get(pk=plan["measure"].pk).lead_unit_id != theirs.pk
    with translation.override("en"):
        cleaned, errors = plans.clean_measure(plan["strategy"].organisation, {
            "title_ar": "تدبير", "lead": f"unit:{theirs.pk}", "partners": ["external:999999"],
            "starts_on": "2026-05-01", "due_on": "2026-01-01", "number": "٣"})
    assert (errors, cleaned["number"]) == ({"lead": "Choose a unit or an outside body of your organisation.",
                                            "partners": "Choose a unit or an outside body of your organisation.",
                                            "due_on": "The end cannot be before the start."}, 3)


# --- plan work ---------------------------------------------------------------------------------------------

def test_the_recommendations_no_measure_answers_yet(plan, recommendation, followup_staff, cat_source, conference,
                                                    org, other_org):
    officer = followup_staff["followup"]
    answered = services.create_recommendation(actor=officer, source=cat_source, text="التحقيق في كل ادعاء")
    closed = services.create_recommendation(actor=officer, source=cat_source, text="مراجعة القانون",
                                            status="implemented")
    addressed = services.create_recommendation(actor=followup_staff["sec"], source=conference, text="توصية المؤتمر",
                                               addressees=[org, other_org], due_on=date(2026, 12, 1))
    done_for_us = services.create_recommendation(actor=followup_staff["sec"], source=conference, text="توصية ثانية",
                                                 addressees=[org, other_org])
    services.set_recommendation_status(actor=officer, recommendation=done_for_us, status="implemented")
    services.set_recommendation_status(actor=followup_staff["nhri_followup"], recommendation=addressed,
                                       status="implemented")  # the other member's status does not count for us
    plans.link_recommendations(actor=officer, measure=plan["measure"], recommendations=[answered])

    assert list(plans.unanswered_recommendations(officer)) == [addressed, recommendation]
    assert closed not in plans.unanswered_recommendations(officer)
    assert list(plans.unanswered_recommendations(followup_staff["nhri_followup"])) == [done_for_us]


def test_overdue_and_due_soon_measures(plan, followup_staff, recommendation):
    officer = followup_staff["followup"]
    today = timezone.localdate()
    late = plans.create_measure(actor=officer, goal=plan["goal"], title_ar="متأخر", due_on=today - timedelta(days=1))
    plans.create_measure(actor=officer, goal=plan["goal"], title_ar="ملغى", due_on=today - timedelta(days=9),
                         status="cancelled")
    soon = plans.create_measure(actor=officer, goal=plan["goal"], title_ar="قريب", due_on=today + timedelta(days=10))
    plans.create_measure(actor=officer, goal=plan["goal"], title_ar="بعيد", due_on=today + timedelta(days=90))
    services.update_recommendation(actor=officer, recommendation=recommendation, due_on=today + timedelta(days=3))

    overdue = list(plans.overdue_measures(officer, today))
    assert overdue[-1] == late and all(m.due_on < today and m.status not in ("completed", "cancelled")
                                       for m in overdue)
    assert list(plans.measures_due(officer, today, today + timedelta(days=30))) == [soon]
    assert list(plans.recommendations_due(officer, today, today + timedelta(days=30))) == [recommendation]
    assert list(plans.overdue_measures(followup_staff["outsider"], today)) == []


# --- the pages --------------------------------------------------------------------------------------------------

def visible_text(response) -> str:
    body = response.content.decode().split("<main", 1)[1]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


def test_the_plans_page_lists_plans_and_records_a_new_one(client, plan, followup_staff):
    client = english(client, followup_staff["followup"])
    page = client.get("/desk/followup/plans/")
    assert page.status_code == 200
    assert "First phased plan of the Arab strategy" in visible_text(page)

    response = client.post("/desk/followup/plans/", {"title_ar": "خطة حقوق الإنسان ٢٠٢٧", "title_en": "",
                                                     "starts_on": "2027-01-01", "ends_on": "2026-01-01"})
    assert response.status_code == 400 and "The end cannot be before the start." in visible_text(response)
    response = client.post("/desk/followup/plans/", {"title_ar": "خطة حقوق الإنسان ٢٠٢٧", "starts_on": "2027-01-01"})
    strategy = Strategy.objects.get(title_ar="خطة حقوق الإنسان ٢٠٢٧")
    assert (response.status_code, response["Location"]) == (303, f"/desk/followup/plans/{strategy.pk}/")


def test_a_plan_page_shows_the_tree_with_its_counts(client, plan, recommendation, followup_staff):
    plans.link_recommendations(actor=followup_staff["followup"], measure=plan["measure"],
                               recommendations=[recommendation])
    text = visible_text(english(client, followup_staff["analyst"]).get(f"/desk/followup/plans/{plan['strategy'].pk}/"))

    assert "Phase 1: First phase" in text and "Goal 1: Stronger accountability" in text
    assert ("1.1.1 Train station officers in the safeguards of custody Planned Overdue Human-rights sector "
            "1 February 2026 30 June 2026 1 0") in text
    assert "Add a phase" not in text  # the analyst reads, does not edit


def test_a_measure_is_added_attached_and_given_a_status_from_the_pages(client, plan, recommendation, followup_staff,
                                                                       places):
    client = english(client, followup_staff["followup"])
    response = client.post(f"/desk/followup/plans/goals/{plan['goal'].pk}/measures/new/", {
        "title_ar": "إنشاء سجل إلكتروني للمحتجزين", "lead": f"unit:{places['prisons'].pk}", "status": "planned",
        "due_on": "2026-11-30", "budget_line": "الموازنة العامة"})
    measure = Measure.objects.get(title_ar="إنشاء سجل إلكتروني للمحتجزين")
    assert (response.status_code, measure.number, measure.lead) == (303, 2, places["prisons"])

    page = client.get(f"/desk/followup/plans/measures/{measure.pk}/")
    assert TEXT in page.content.decode()  # offered: no measure answers it yet
    response = client.post(f"/desk/followup/plans/measures/{measure.pk}/recommendations/",
                           {"recommendations": [str(recommendation.pk)]})
    assert response.status_code == 303
    assert list(measure.recommendations.all()) == [recommendation]

    response = client.post(f"/desk/followup/plans/measures/{measure.pk}/status/",
                           {"status": "in_progress", "note": "بدأ التنفيذ", "version": "1"})
    assert response.status_code == 409  # the page was older than the attachment
    measure.refresh_from_db()
    response = client.post(f"/desk/followup/plans/measures/{measure.pk}/status/",
                           {"status": "in_progress", "note": "بدأ التنفيذ", "version": str(measure.version)})
    assert response.status_code == 303
    assert Measure.objects.get(pk=measure.pk).status == "in_progress"

    response = client.post(f"/desk/followup/plans/measures/{measure.pk}/recommendations/{recommendation.pk}/remove/")
    assert response.status_code == 303 and not measure.recommendations.exists()


def test_the_recommendation_page_shows_the_measures_of_our_plans_that_answer_it(client, plan, followup_staff,
                                                                                conference, org, other_org):
    rec = services.create_recommendation(actor=followup_staff["sec"], source=conference, addressees=[org, other_org],
                                         text="تدريب الضباط على ضمانات الاحتجاز")
    plans.link_recommendations(actor=followup_staff["followup"], measure=plan["measure"], recommendations=[rec])

    ours = visible_text(english(client, followup_staff["followup"]).get(f"/desk/followup/recommendations/{rec.pk}/"))
    theirs = visible_text(english(client, followup_staff["nhri_followup"]).get(
        f"/desk/followup/recommendations/{rec.pk}/"))
    secretariat = visible_text(english(client, followup_staff["sec"]).get(f"/desk/followup/recommendations/{rec.pk}/"))

    assert "Train station officers in the safeguards of custody" in ours
    for text in (theirs, secretariat):  # another organisation's plans stay out
        assert "Train station officers" not in text and "No measure of our plans answers it yet." in text


def test_editing_keeps_the_publication_and_clears_a_date(client, plan, followup_staff):
    plans.update_strategy(actor=followup_staff["supervisor"], strategy=plan["strategy"], is_public=True)
    client = english(client, followup_staff["followup"])  # edits plans, may not publish them
    response = client.post(f"/desk/followup/plans/{plan['strategy'].pk}/edit/", {
        "title_ar": "الخطة المرحلية الأولى", "starts_on": "2026-01-01", "ends_on": ""})
    phase = client.post(f"/desk/followup/plans/phases/{plan['phase'].pk}/edit/", {
        "title_ar": "المرحلة الأولى", "number": "", "starts_on": "", "ends_on": "2026-12-31"})

    strategy = Strategy.objects.get(pk=plan["strategy"].pk)
    assert (response.status_code, phase.status_code) == (303, 303)
    assert (strategy.title_ar, strategy.ends_on, strategy.is_public) == ("الخطة المرحلية الأولى", None, True)
    assert Phase.objects.filter(pk=plan["phase"].pk).values_list("number", "starts_on").get() == (1, None)


def test_who_may_not_edit_gets_a_refusal_that_changes_nothing(client, plan, recommendation, followup_staff):
    client = english(client, followup_staff["analyst"])
    before = (Strategy.objects.count(), Phase.objects.count(), plan["measure"].recommendations.count(),
              AuditEvent.objects.count())
    assert client.post("/desk/followup/plans/", {"title_ar": "خطة"}).status_code == 403
    assert client.post(f"/desk/followup/plans/{plan['strategy'].pk}/phases/new/",
                       {"title_ar": "مرحلة"}).status_code == 403
    assert client.post(f"/desk/followup/plans/measures/{plan['measure'].pk}/recommendations/",
                       {"recommendations": [str(recommendation.pk)]}).status_code == 403
    assert client.post(f"/desk/followup/plans/measures/{plan['measure'].pk}/status/",
                       {"status": "completed", "version": "1"}).status_code == 403
    assert (Strategy.objects.count(), Phase.objects.count(), plan["measure"].recommendations.count(),
            AuditEvent.objects.count()) == before


def test_an_outsider_finds_no_plan(client, plan, followup_staff):
    urls = [f"/desk/followup/plans/{plan['strategy'].pk}/", f"/desk/followup/plans/{plan['strategy'].pk}/edit/",
            f"/desk/followup/plans/phases/{plan['phase'].pk}/edit/", f"/desk/followup/plans/goals/{plan['goal'].pk}/edit/",
            f"/desk/followup/plans/measures/{plan['measure'].pk}/",
            f"/desk/followup/plans/goals/{plan['goal'].pk}/measures/new/"]
    for who in ("outsider", "nhri_followup", "sec"):
        client.force_login(followup_staff[who])
        assert [client.get(url).status_code for url in urls] == [404] * len(urls)
        text = client.get("/desk/followup/plans/").content.decode()
        assert plan["strategy"].title_ar not in text


def test_the_plan_pages_speak_arabic_and_show_no_code_or_id(client, plan, followup_staff):
    client.force_login(followup_staff["followup"])
    page = client.get(f"/desk/followup/plans/measures/{plan['measure'].pk}/")
    text = visible_text(page)
    assert "التوصيات التي يستجيب لها هذا التدبير" in text and "مخطط" in text
    for leak in ("planned", "unit:", "external:", "followup"):
        assert leak not in text


@pytest.mark.parametrize("url", ["/desk/followup/plans/", "plan", "measure", "/desk/followup/plans/unanswered/",
                                 "/desk/followup/plans/overdue/", "/desk/followup/plans/due/"])
def test_each_list_takes_as_many_queries_for_one_row_or_three(client, plan, followup_staff, cat_source, url):
    officer = followup_staff["followup"]
    client = english(client, officer)
    today = timezone.localdate()

    def address():
        return {"plan": f"/desk/followup/plans/{plan['strategy'].pk}/",
                "measure": f"/desk/followup/plans/measures/{plan['measure'].pk}/"}.get(url, url)

    def add_row(n):
        phase = plans.create_phase(actor=officer, strategy=plan["strategy"], title_ar=f"مرحلة {n}")
        goal = plans.create_goal(actor=officer, phase=phase, title_ar=f"هدف {n}")
        plans.create_measure(actor=officer, goal=goal, title_ar=f"تدبير {n}", due_on=today - timedelta(days=n))
        plans.create_measure(actor=officer, goal=goal, title_ar=f"تدبير قريب {n}", due_on=today + timedelta(days=n))
        rec = services.create_recommendation(actor=officer, source=cat_source, text=f"توصية {n}",
                                              due_on=today + timedelta(days=n))
        plans.link_recommendations(actor=officer, measure=plan["measure"], recommendations=[rec])
        services.create_recommendation(actor=officer, source=cat_source, text=f"بلا تدبير {n}")
        plans.create_strategy(actor=officer, title_ar=f"خطة {n}")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(address()).status_code == 200
        return len(captured)

    add_row(1)
    one = queries()
    add_row(2)
    add_row(3)
    assert queries() == one
