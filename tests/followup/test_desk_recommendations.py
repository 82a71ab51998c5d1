"""The desk's follow-up pages: the list of recommendations (filters, order, counts, pages), a
recommendation's page and its actions, the form to record or edit one, the sources and the
register of outside bodies; who may see and do what (the outsider, the secretariat and its
members), in Arabic, English and French."""

from datetime import date, timedelta
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mizan.audit.models import AuditEvent
from mizan.complaints.models import Category
from mizan.followup import services
from mizan.followup.models import (
    Addressee,
    Cluster,
    ExternalBody,
    Recommendation,
    ResponsibleBody,
    Source,
    SourceKind,
    StatusChange,
)
from tests.conftest import PASSWORD

LIST = reverse("followup:recommendations")
TODAY = timezone.localdate()
TORTURE = "ضمان خضوع كل من يرتكب أفعال تعذيب للتحقيق والملاحقة القضائية"
TORTURE_EN = "Ensure that all perpetrators of torture are investigated and prosecuted"
CUSTODY = "Guarantee access to a lawyer from the first hour of custody"
WOMEN = "تعزيز تمثيل المرأة في أجهزة إنفاذ القانون"


def lang(client, code):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = code
    return client


def as_user(client, user, code="en"):
    lang(client, code).force_login(user)
    return client


class Text(HTMLParser):
    """The words a reader sees: text nodes, not tags, attributes or addresses."""

    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.parts.append(" ".join(data.split()))


def words(response) -> str:
    parser = Text()
    parser.feed(response.content.decode())
    return " | ".join(parser.parts)


def row_texts(response) -> list[str]:
    return [row["text"] for row in response.context["rows"]]


def make(actor, source, text, **fields):
    return services.create_recommendation(actor=actor, source=source, text=text, **fields)


@pytest.fixture
def world(followup_staff, cat_source, places, prosecution):
    """org's recommendations: `torture` (CAT, due in the past, lead: the human-rights sector,
    supporting: the prosecution, English translation), `custody` (UPR, in English, due next year,
    in progress), `women` (CAT, no due date, implemented)."""
    officer = followup_staff["followup"]
    upr = services.create_source(actor=officer, kind=SourceKind.UPR, title_ar="الاستعراض الدوري الشامل، الجولة الرابعة",
                                 title_en="Universal Periodic Review, fourth cycle", body="Human Rights Council",
                                 symbol="A/HRC/58/12", date=date(2025, 1, 28), upr_cycle=4, upr_session=47)
    torture = make(officer, cat_source, TORTURE, language="ar", text_en=TORTURE_EN, symbol="CAT/C/EGY/CO/5",
                   paragraph="12", themes=list(Category.objects.filter(code__in=["torture", "due_process"])),
                   affected_groups=["detainee", "journalists"], sdg_targets=["16.3", "16.10"], position="supported",
                   due_on=TODAY - timedelta(days=30), issued_on=date(2023, 12, 1),
                   bodies=[("lead", places["hr"], None), ("supporting", None, prosecution)])
    custody = make(officer, upr, CUSTODY, language="en", symbol="A/HRC/58/12", paragraph="45.3",
                   recommending_states=["Brazil", "Tunisia"], position="noted", due_on=TODAY + timedelta(days=365),
                   issued_on=date(2025, 1, 28), themes=list(Category.objects.filter(code="due_process")),
                   bodies=[("lead", None, prosecution)])
    services.set_recommendation_status(actor=officer, recommendation=custody, status="in_progress")
    women = make(officer, cat_source, WOMEN, language="ar", issued_on=date(2023, 12, 1), status="implemented",
                 themes=list(Category.objects.filter(code="women")))
    return {"torture": torture, "custody": custody, "women": women, "upr": upr, "cat": cat_source}


@pytest.fixture
def addressed(followup_staff, conference, org, other_org):
    """The secretariat's recommendation of its conference, addressed to org and other_org."""
    return make(followup_staff["sec"], conference, "تعزيز وحدات حقوق الإنسان في الأجهزة الأمنية",
                addressees=[org, other_org], due_on=TODAY - timedelta(days=1))


# --- navigation -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("code", "label"), [("ar", "المتابعة"), ("en", "Follow-up"), ("fr", "Suivi")])
def test_the_desk_menu_leads_to_the_follow_up(client, followup_staff, code, label):
    as_user(client, followup_staff["officer"], code)

    html = client.get(reverse("desk:queue")).content.decode()

    assert f'<a href="{LIST}">{label}</a>' in html


def test_a_follow_up_officer_lands_on_the_recommendations_after_login(client, followup_staff):
    lang(client, "en")

    login = client.post(reverse("login"), {"username": "followup", "password": PASSWORD})
    response = client.get(login["Location"])
    page = client.get(LIST)

    assert (login.status_code, login["Location"]) == (302, reverse("desk:queue"))
    assert (response.status_code, response["Location"]) == (302, LIST)
    assert f'<a href="{LIST}" aria-current="page">Follow-up</a>' in page.content.decode()
    assert 'href="/desk/"' in page.content.decode()  # the brand, which sends them here again
    assert '>Cases</a>' not in page.content.decode()


# --- the list --------------------------------------------------------------------------------------------

def test_the_list_shows_each_row_in_the_readers_language(client, followup_staff, world, places):
    as_user(client, followup_staff["officer"])

    response = client.get(LIST)

    assert response.status_code == 200
    rows = {row["rec"].pk: row for row in response.context["rows"]}
    assert row_texts(response) == [TORTURE_EN, CUSTODY, WOMEN]  # due soonest first, no due date last
    torture = rows[world["torture"].pk]
    assert (torture["translated"], torture["status_label"], torture["overdue"], torture["themes"]) == (
        True, "Not started", True, ["Torture and ill-treatment", "Due process and fair trial"])
    assert torture["lead"] == places["hr"]
    assert rows[world["custody"].pk]["translated"] is False
    text = words(response)
    assert "CAT/C/EGY/CO/5, para. 12 | translation" in text
    assert "Not started | " in text and "Overdue" in text
    assert "Human-rights sector" in text and "Public prosecution" in text


def test_the_list_counts_every_status(client, followup_staff, world):
    as_user(client, followup_staff["officer"])

    response = client.get(LIST)

    assert [(item["code"], item["count"]) for item in response.context["counts"]] == [
        ("not_started", 1), ("in_progress", 1), ("partly_implemented", 0), ("implemented", 1),
        ("not_implemented", 0), ("no_longer_relevant", 0)]


@pytest.mark.parametrize(("params", "expected"), [
    ({"theme": "due_process"}, ["torture", "custody"]),
    ({"theme": "women"}, ["women"]),
    ({"status": "in_progress"}, ["custody"]),
    ({"kind": "upr"}, ["custody"]),
    ({"position": "supported"}, ["torture"]),
    ({"overdue": "1"}, ["torture"]),
    ({"due_before": (TODAY + timedelta(days=1)).isoformat()}, ["torture"]),
    ({"sort": "newest"}, ["custody", "women", "torture"]),
    ({"sort": "status"}, ["torture", "custody", "women"]),
])
def test_the_list_filters_and_sorts(client, followup_staff, world, params, expected):
    as_user(client, followup_staff["officer"])

    response = client.get(LIST, params)

    assert [row["rec"].pk for row in response.context["rows"]] == [world[name].pk for name in expected]


def test_the_list_filters_by_source_and_body(client, followup_staff, world, prosecution, places):
    as_user(client, followup_staff["officer"])

    by_source = client.get(LIST, {"source": world["upr"].pk})
    by_external = client.get(LIST, {"body": f"external-{prosecution.pk}"})
    by_unit = client.get(LIST, {"body": f"unit-{places['hr'].pk}"})

    assert [r["rec"].pk for r in by_source.context["rows"]] == [world["custody"].pk]
    assert [r["rec"].pk for r in by_external.context["rows"]] == [world["torture"].pk, world["custody"].pk]
    assert [r["rec"].pk for r in by_unit.context["rows"]] == [world["torture"].pk]


def test_an_unknown_filter_is_named_and_dropped(client, followup_staff, world, other_org):
    other_source = Source.objects.create(organisation=other_org, kind="other", title_ar="تقرير")
    as_user(client, followup_staff["officer"])

    response = client.get(LIST, {"source": other_source.pk, "status": "done", "sort": "loudest"})

    assert len(response.context["rows"]) == 3
    assert [str(n) for n in response.context["filters"].notes] == [
        "There is no such status; the list is not filtered by status.",
        "There is no such source; the list is not filtered by source.",
        "There is no such order; sorted by due date instead."]


def test_the_list_pages_by_25(client, followup_staff, cat_source):
    for number in range(27):
        make(followup_staff["followup"], cat_source, f"توصية رقم {number}")
    as_user(client, followup_staff["officer"])

    first, second = client.get(LIST), client.get(LIST, {"page": 2})

    assert (len(first.context["rows"]), len(second.context["rows"])) == (25, 2)
    assert "27 recommendations" in words(first)
    assert 'href="?page=2"' in first.content.decode()


def test_the_list_query_count_is_the_same_for_one_or_three_rows(client, followup_staff, cat_source, places,
                                                                 prosecution):
    officer = followup_staff["followup"]
    themes = list(Category.objects.filter(code__in=["torture", "women"]))
    bodies = [("lead", places["hr"], None), ("supporting", None, prosecution)]
    make(officer, cat_source, "الأولى", themes=themes, bodies=bodies, text_en="First")
    as_user(client, followup_staff["supervisor"])

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(LIST).status_code == 200
        return len(context.captured_queries)

    one = queries()
    make(officer, cat_source, "الثانية", themes=themes, bodies=bodies)
    make(officer, cat_source, "الثالثة", themes=themes[:1], bodies=bodies[:1])
    three = queries()

    assert three == one


def test_the_htmx_filter_gets_the_results_only(client, followup_staff, world):
    as_user(client, followup_staff["officer"])

    response = client.get(LIST, {"theme": "women"}, HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert html.startswith('<div id="fu-results">') and "<html" not in html
    assert row_texts(response) == [WOMEN]
    assert "HX-Request" in response["Vary"]


def test_without_a_registered_search_words_filter_nothing(client, followup_staff, world):
    from mizan.followup import selectors

    registered = selectors._search
    selectors.register_search(None)
    try:
        as_user(client, followup_staff["officer"])
        response = client.get(LIST, {"q": "lawyer"})
    finally:
        selectors.register_search(registered)

    assert len(response.context["rows"]) == 3
    assert response.context["search_available"] is False
    assert 'type="search"' not in response.content.decode()


def test_the_list_uses_a_registered_search(client, followup_staff, world):
    from mizan.followup import selectors

    seen = []

    def search(queryset, q, *, user):
        seen.append((q, user.pk))
        return queryset.filter(text__contains=q)

    registered = selectors._search
    selectors.register_search(search)
    try:
        as_user(client, followup_staff["officer"])
        response = client.get(LIST, {"q": "lawyer"})
    finally:
        selectors.register_search(registered)

    assert row_texts(response) == [CUSTODY]
    assert seen == [("lawyer", followup_staff["officer"].pk)]


@pytest.mark.parametrize("code, expected", [
    ("ar", ["ضمان خضوع كل من يرتكب", "لم يبدأ", "متأخرة", "التعذيب وسوء المعاملة"]),
    # No French translation: the original (Arabic) is shown, unmarked.
    ("fr", [TORTURE, "Pas commencée", "En retard", "Torture et mauvais traitements"]),
])
def test_the_list_speaks_the_readers_language(client, followup_staff, world, code, expected):
    as_user(client, followup_staff["officer"], code)

    text = words(client.get(LIST))

    for word in expected:
        assert word in text, word


def test_the_list_shows_no_code_id_or_login_name(client, followup_staff, world):
    as_user(client, followup_staff["officer"])

    text = words(client.get(LIST))

    # Codes of statuses, themes, kinds and positions, login names, slugs and body keys.
    for code in ("not_started", "in_progress", "due_process", "treaty_body", "upr", "not_decided",
                 "partially_supported", "followup", "external-", "unit-", "moi-hr"):
        assert code not in text, code


# --- what a member of a secretariat sees -------------------------------------------------------------------

def test_a_member_lists_what_was_addressed_to_it_with_its_own_status(client, followup_staff, world, addressed):
    services.set_recommendation_status(actor=followup_staff["followup"], recommendation=addressed,
                                       status="partly_implemented")
    as_user(client, followup_staff["officer"])

    everything = client.get(LIST)
    addressed_only = client.get(LIST, {"scope": "addressed"})
    ours = client.get(LIST, {"scope": "own"})
    partly = client.get(LIST, {"status": "partly_implemented"})

    assert len(everything.context["rows"]) == 4
    assert [(r["rec"].pk, r["status"], r["addressed"]) for r in addressed_only.context["rows"]] == [
        (addressed.pk, "partly_implemented", True)]
    assert addressed.pk not in [r["rec"].pk for r in ours.context["rows"]]
    assert [r["rec"].pk for r in partly.context["rows"]] == [addressed.pk]
    assert "Addressed to us by a secretariat" in words(everything)
    # The secretariat's own status did not move, and the other member sees its own.
    assert Recommendation.objects.get(pk=addressed.pk).status == "not_started"


def test_the_secretariat_and_the_other_member_never_see_org_s_recommendations(client, followup_staff, world,
                                                                               addressed):
    for who in ("sec", "nhri_followup", "outsider"):
        as_user(client, followup_staff[who])
        response = client.get(LIST)
        # The secretariat owns it; other_org (the NHRI) is a member it was addressed to.
        assert [r["rec"].pk for r in response.context["rows"]] == [addressed.pk], who
        assert TORTURE_EN not in response.content.decode()


def test_staff_without_a_membership_find_nothing(client, db, world):
    from django.contrib.auth import get_user_model

    nobody = get_user_model().objects.create_user("nobody", password="x")
    client.force_login(nobody)

    assert client.get(LIST).status_code == 404
    assert client.get(reverse("followup:recommendation", args=[world["torture"].pk])).status_code == 404


# --- a recommendation's page ----------------------------------------------------------------------------

def detail(rec):
    return reverse("followup:recommendation", args=[rec.pk])


def action(name, rec):
    return reverse(f"followup:recommendation_{name}", args=[rec.pk])


def fresh(rec):
    return Recommendation.objects.get(pk=rec.pk)


def test_the_page_shows_every_fact_in_words(client, followup_staff, world):
    services.set_recommendation_status(actor=followup_staff["followup"], recommendation=world["torture"],
                                       status="in_progress", note="أُحيل مشروع القانون إلى البرلمان",
                                       period_end=date(2026, 6, 30))
    as_user(client, followup_staff["officer"])

    response = client.get(detail(world["torture"]))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    text = words(response)
    for expected in (
        f"Text | {TORTURE_EN} | This is a translation. The original is in Arabic: | {TORTURE}",
        "Source | Concluding observations of the Committee against Torture | UN treaty body · | "
        "Committee against Torture | · | CAT/C/EGY/CO/5 | · 1 December 2023",
        "Reference | CAT/C/EGY/CO/5, para. 12 | Type | Recommendation | Position of the state | Supported",
        "Themes | Torture and ill-treatment | Due process and fair trial",
        "Affected groups | Detainee | journalists | SDG targets | 16.3 | 16.10",
        "Lead | Human-rights sector | Supporting | Public prosecution",
        "Not in a cluster.",
        "Recorded as “Not started” | — | Followup | ",
        "From “Not started” to “In progress” | for the period ending 30 June 2026 | — | Followup | "
        "أُحيل مشروع القانون إلى البرلمان",
    ):
        assert expected in text, expected
    for code in ("not_started", "in_progress", "due_process", "treaty_body", "detainee", "followup", "external-"):
        assert code not in text, code


@pytest.mark.parametrize(("code", "expected"), [
    ("ar", ["المصدر", "الملاحظات الختامية للجنة مناهضة التعذيب", "هيئة معاهدات تابعة للأمم المتحدة",
            "الجهات المسؤولة", "سجل الحالة", "محتجز"]),
    ("fr", ["Source", "Organe conventionnel des Nations unies", "Organismes responsables", "Historique du statut",
            "Détenu(e)"]),
])
def test_the_page_speaks_the_readers_language(client, followup_staff, world, code, expected):
    as_user(client, followup_staff["officer"], code)

    text = words(client.get(detail(world["torture"])))

    for word in expected:
        assert word in text, word


def test_outsiders_find_no_page_and_no_form(client, followup_staff, world):
    rec = world["torture"]
    for who in ("outsider", "nhri_followup", "sec"):
        as_user(client, followup_staff[who])
        assert client.get(detail(rec)).status_code == 404, who
        assert client.get(reverse("followup:recommendation_edit", args=[rec.pk])).status_code == 404, who
    assert client.get(reverse("followup:recommendation", args=[999999])).status_code == 404


def test_a_reader_without_rights_sees_no_action(client, followup_staff, world):
    as_user(client, followup_staff["analyst"])

    response = client.get(detail(world["torture"]))

    assert "You can read this recommendation; your role cannot change it here." in words(response)
    assert 'action="' + action("status", world["torture"]) + '"' not in response.content.decode()


def test_the_status_changes_with_its_note_and_period(client, followup_staff, world):
    rec = world["torture"]
    as_user(client, followup_staff["officer"])  # case officers report progress

    response = client.post(action("status", rec), {"status": "partly_implemented", "note": "صدر القانون",
                                                    "period_end": "٢٠٢٦-٠٦-٣٠", "version": rec.version})

    assert (response.status_code, response["Location"]) == (303, detail(rec) + "#status")
    assert fresh(rec).status == "partly_implemented"
    change = StatusChange.objects.filter(recommendation=rec).last()
    assert (change.from_status, change.to_status, change.note, change.period_end, change.by) == (
        "not_started", "partly_implemented", "صدر القانون", date(2026, 6, 30), followup_staff["officer"])
    assert "Status recorded: “Partly implemented”." in words(client.get(detail(rec)))


def test_the_same_status_without_a_note_saves_nothing(client, followup_staff, world, addressed):
    as_user(client, followup_staff["officer"])
    before = StatusChange.objects.count()

    own = client.post(action("status", world["torture"]), {"status": "not_started", "version": 1}, follow=True)
    member = client.post(action("status", addressed), {"status": "in_progress", "version": 1}, follow=True)
    again = client.post(action("status", addressed), {"status": "in_progress", "version": 1}, follow=True)

    assert "Nothing was saved: the status is the same and there is no note." in words(own)
    assert "Status recorded: “In progress”." in words(member)
    assert "Nothing was saved: the status is the same and there is no note." in words(again)
    assert StatusChange.objects.count() == before + 1


def test_a_stale_status_form_is_refused_and_changes_nothing(client, followup_staff, world):
    rec = world["torture"]
    old = rec.version
    services.update_recommendation(actor=followup_staff["followup"], recommendation=rec, paragraph="13")
    as_user(client, followup_staff["supervisor"])
    followup_audit = AuditEvent.objects.filter(action__startswith="followup.")
    before = (StatusChange.objects.count(), followup_audit.count())

    response = client.post(action("status", rec), {"status": "implemented", "version": old})

    assert response.status_code == 409
    assert ("Someone else changed this record while you were working on it. Reload the page to see the latest "
            "version, then try again.") in words(response)
    assert '<details class="action" id="field-status-form" open>' in response.content.decode()
    assert (fresh(rec).status, StatusChange.objects.count(), followup_audit.count()) == ("not_started", *before)


def test_a_bad_status_form_is_shown_again_with_its_errors_in_arabic(client, followup_staff, world):
    rec = world["torture"]
    as_user(client, followup_staff["supervisor"], "ar")

    response = client.post(action("status", rec), {"status": "done", "period_end": "30/06/2026",
                                                    "note": "ملاحظة", "version": rec.version})

    html = response.content.decode()
    assert response.status_code == 400
    assert '<a href="#field-status-status">اختر حالة من القائمة.</a>' in html
    assert '<a href="#field-status-period_end">أدخل التاريخ بصيغة YYYY-MM-DD.</a>' in html
    assert 'ملاحظة</textarea>' in html
    assert fresh(rec).status == "not_started"


@pytest.mark.parametrize("who", ["analyst", "auditor", "intake"])
def test_roles_without_the_right_are_refused_and_nothing_changes(client, followup_staff, world, who):
    rec = world["torture"]
    as_user(client, followup_staff[who])
    followup_audit = AuditEvent.objects.filter(action__startswith="followup.")
    before = (StatusChange.objects.count(), ResponsibleBody.objects.count(), followup_audit.count())

    responses = [client.post(action("status", rec), {"status": "implemented", "version": rec.version}),
                 client.post(action("bodies", rec), {"lead": "", "version": rec.version}),
                 client.post(action("leave_cluster", rec), {"version": rec.version})]

    assert [r.status_code for r in responses] == [403] * 3
    assert "You are not allowed to do this." in words(responses[0])
    assert (StatusChange.objects.count(), ResponsibleBody.objects.count(), followup_audit.count()) == before
    assert fresh(rec).status == "not_started"


def test_an_outsider_posting_changes_nothing(client, followup_staff, world):
    rec = world["torture"]
    followup_audit = AuditEvent.objects.filter(action__startswith="followup.")
    before = (StatusChange.objects.count(), followup_audit.count(), fresh(rec).version)
    for who in ("outsider", "sec", "nhri_followup"):
        as_user(client, followup_staff[who])
        for name in ("status", "bodies", "cluster", "leave_cluster", "address"):
            assert client.post(action(name, rec), {"status": "implemented", "version": rec.version}).status_code == 404
    assert (StatusChange.objects.count(), followup_audit.count(), fresh(rec).version) == before


def test_responsible_bodies_are_set_from_the_page(client, followup_staff, world, places, prosecution):
    rec = fresh(world["custody"])
    as_user(client, followup_staff["followup"])

    response = client.post(action("bodies", rec), {"lead": f"unit-{places['prisons'].pk}",
                                                   "supporting": [f"unit-{places['hr'].pk}",
                                                                  f"external-{prosecution.pk}"],
                                                   "version": rec.version})

    assert response.status_code == 303
    assert {(b.role, b.unit_id, b.external_id) for b in ResponsibleBody.objects.filter(recommendation=rec)} == {
        ("lead", places["prisons"].pk, None), ("supporting", None, prosecution.pk),
        ("supporting", places["hr"].pk, None)}
    assert AuditEvent.objects.filter(action="followup.recommendation.change").last().data == {
        "fields": ["responsible"]}


def test_responsible_bodies_of_another_organisation_or_twice_are_refused(client, followup_staff, world, places,
                                                                         other_org):
    rec = fresh(world["custody"])
    theirs = ExternalBody.objects.create(organisation=other_org, name_ar="البرلمان")
    as_user(client, followup_staff["followup"])
    before = list(ResponsibleBody.objects.filter(recommendation=rec).values_list("role", "external_id"))

    foreign = client.post(action("bodies", rec), {"lead": f"external-{theirs.pk}", "version": rec.version})
    twice = client.post(action("bodies", rec), {"lead": f"unit-{places['hr'].pk}",
                                                "supporting": [f"unit-{places['hr'].pk}"], "version": rec.version})

    assert (foreign.status_code, twice.status_code) == (400, 400)
    assert "Choose a unit or an outside body of your organisation." in words(foreign)
    assert "Name each body once: as the lead or as supporting." in words(twice)
    assert list(ResponsibleBody.objects.filter(recommendation=rec).values_list("role", "external_id")) == before


def test_recommendations_are_followed_together_and_leave_their_cluster(client, followup_staff, world):
    torture, women = world["torture"], world["women"]
    as_user(client, followup_staff["followup"])

    page = client.get(detail(torture))
    # Same source (the CAT's) or a shared theme, the most recent first.
    assert [c.pk for c in page.context["forms"]["cluster"].candidates] == [world["custody"].pk, women.pk]
    joined = client.post(action("cluster", torture), {"others": [women.pk], "label": "المساءلة",
                                                      "version": torture.version})

    cluster = Cluster.objects.get()
    assert (joined.status_code, cluster.label) == (303, "المساءلة")
    assert set(cluster.recommendations.values_list("pk", flat=True)) == {torture.pk, women.pk}
    text = words(client.get(detail(torture)))
    assert "in the cluster: | المساءلة" in text and WOMEN in text
    left = client.post(action("leave_cluster", torture), {"version": fresh(torture).version})
    assert left.status_code == 303 and fresh(torture).cluster_id is None
    assert "The recommendation is no longer in the cluster." in words(client.get(detail(torture)))


def test_a_cluster_needs_another_recommendation_of_our_own(client, followup_staff, world, addressed):
    torture = world["torture"]
    as_user(client, followup_staff["followup"])

    empty = client.post(action("cluster", torture), {"version": torture.version})
    foreign = client.post(action("cluster", torture), {"others": [addressed.pk], "version": torture.version})

    assert (empty.status_code, foreign.status_code) == (400, 400)
    assert ("Choose at least one other recommendation that asks the same thing, or an existing cluster."
            in words(empty))
    assert "Choose recommendations from the list." in words(foreign)
    assert not Cluster.objects.exists()


# --- regional follow-up ------------------------------------------------------------------------------------

def test_a_member_reads_the_secretariats_recommendation_and_keeps_its_own_status(client, followup_staff,
                                                                                  addressed):
    as_user(client, followup_staff["officer"])

    page = client.get(detail(addressed))
    changed = client.post(action("status", addressed), {"status": "in_progress", "note": "شُكلت لجنة",
                                                        "version": addressed.version})
    edit = client.get(reverse("followup:recommendation_edit", args=[addressed.pk]))

    text = words(page)
    assert "addressed to us" in text and "Change our status" in text and "Our status history" in text
    assert "Edit the recommendation" not in text
    assert changed.status_code == 303
    assert Addressee.objects.get(recommendation=addressed, organisation__slug="moi-hr").status == "in_progress"
    assert fresh(addressed).status == "not_started"
    assert "From “Not started” to “In progress”" in words(client.get(detail(addressed)))
    assert edit.status_code == 403


def test_the_secretariat_sees_what_members_shared_never_their_own_status(client, followup_staff, addressed):
    services.set_recommendation_status(actor=followup_staff["followup"], recommendation=addressed,
                                       status="implemented", note="داخلي")
    Addressee.objects.filter(organisation__slug="nhri").update(shared_status="in_progress",
                                                               shared_at=timezone.now())
    as_user(client, followup_staff["sec"])

    page = client.get(detail(addressed))

    assert ("Member organisation | Status it shared | Human-rights department, Ministry of Interior | "
            "Nothing shared yet | National human-rights institution | In progress") in words(page)
    assert [(a["organisation"].slug, str(a["shared"])) for a in page.context["addressees"]] == [
        ("moi-hr", ""), ("nhri", "In progress")]
    assert "داخلي" not in page.content.decode()


def test_the_secretariat_addresses_more_members(client, followup_staff, conference, org, other_org):
    rec = make(followup_staff["sec"], conference, "نشر ثقافة حقوق الإنسان", addressees=[org])
    as_user(client, followup_staff["sec"])

    page = client.get(detail(rec))
    assert [m.slug for m in page.context["forms"]["address"].members] == ["nhri"]
    response = client.post(action("address", rec), {"members": ["nhri"], "version": rec.version})
    refused = client.post(action("address", rec), {"members": ["arab-sec"], "version": rec.version})

    assert response.status_code == 303
    assert sorted(Addressee.objects.filter(recommendation=rec).values_list("organisation__slug", flat=True)) == [
        "moi-hr", "nhri"]
    assert refused.status_code == 400
    assert "Choose member organisations from the list." in words(refused)


# --- recording and editing -------------------------------------------------------------------------------

NEW = reverse("followup:recommendation_new")


def form(**overrides):
    data = {"source_mode": "existing", "type": "recommendation", "text": "إلغاء الحبس الاحتياطي المطول",
            "language": "ar", "text_en": "End lengthy pre-trial detention", "symbol": "CAT/C/EGY/CO/5",
            "paragraph": "20", "issued_on": "2023-12-01", "themes": ["arbitrary_detention"],
            "groups": ["detainee"], "other_groups": "المحامون", "sdg_targets": "16.3",
            "recommending_states": "", "position": "partially_supported", "status": "not_started",
            "due_on": "2027-12-31"}
    data.update(overrides)
    return data


def test_a_recommendation_is_recorded_from_an_existing_source(client, followup_staff, cat_source, places,
                                                              prosecution):
    as_user(client, followup_staff["followup"])

    assert client.get(NEW, {"source": cat_source.pk}).context["values"]["source"] == str(cat_source.pk)
    response = client.post(NEW, form(source=cat_source.pk, lead=f"unit-{places['hr'].pk}",
                                     supporting=[f"external-{prosecution.pk}"]))

    rec = Recommendation.objects.get()
    assert (response.status_code, response["Location"]) == (303, detail(rec))
    assert (rec.source, rec.text, rec.text_en, rec.reference, rec.position, rec.due_on, rec.created_by) == (
        cat_source, "إلغاء الحبس الاحتياطي المطول", "End lengthy pre-trial detention", "CAT/C/EGY/CO/5, para. 20",
        "partially_supported", date(2027, 12, 31), followup_staff["followup"])
    assert (rec.affected_groups, rec.sdg_targets) == (["detainee", "المحامون"], ["16.3"])
    assert list(rec.themes.values_list("code", flat=True)) == ["arbitrary_detention"]
    assert {(b.role, b.unit_id, b.external_id) for b in rec.responsible.all()} == {
        ("lead", places["hr"].pk, None), ("supporting", None, prosecution.pk)}
    assert "Recommendation recorded." in words(client.get(detail(rec)))


def test_a_recommendation_and_its_new_source_are_recorded_together(client, followup_staff):
    as_user(client, followup_staff["followup"])

    response = client.post(NEW, form(source_mode="new", source_kind="nhri_report",
                                     source_title_ar="التقرير السنوي للمجلس القومي لحقوق الإنسان",
                                     source_date="2025-06-01", source_body="المجلس القومي لحقوق الإنسان"))

    rec = Recommendation.objects.get()
    assert response.status_code == 303
    assert (rec.source.kind, rec.source.title_ar, rec.source.date, rec.source.organisation.slug) == (
        "nhri_report", "التقرير السنوي للمجلس القومي لحقوق الإنسان", date(2025, 6, 1), "moi-hr")
    assert list(AuditEvent.objects.filter(action__startswith="followup.").values_list("action", flat=True)) == [
        "followup.source.create", "followup.recommendation.create"]


def test_a_bad_form_is_shown_again_and_nothing_is_written(client, followup_staff, cat_source):
    as_user(client, followup_staff["followup"])

    response = client.post(NEW, form(source_mode="new", source_kind="", text=" ", due_on="31/12/2027",
                                     sdg_targets="peace", lead="unit-999999"))

    html = response.content.decode()
    assert response.status_code == 400
    for field, message in (("text", "This field is required."), ("due_on", "Enter a date as YYYY-MM-DD."),
                           ("sdg_targets", "Write SDG targets as numbers such as 16.3 or 5.2."),
                           ("lead", "Choose a unit or an outside body of your organisation."),
                           ("source_kind", "Choose a value from the list."),
                           ("source_title_ar", "Give the title in at least one language.")):
        assert f'<a href="#field-{field}">{message}</a>' in html, field
    assert 'value="31/12/2027"' in html and "المحامون</textarea>" in html
    assert (Recommendation.objects.count(), Source.objects.count()) == (0, 1)


@pytest.mark.parametrize("who", ["officer", "analyst", "auditor", "intake"])
def test_only_editors_may_record(client, followup_staff, cat_source, who):
    as_user(client, followup_staff[who])

    assert client.get(NEW).status_code == 404
    assert client.post(NEW, form(source=cat_source.pk)).status_code == 404
    assert not Recommendation.objects.exists()


def test_a_source_of_another_organisation_is_refused_like_an_unknown_one(client, followup_staff, conference):
    as_user(client, followup_staff["followup"])

    theirs = client.post(NEW, form(source=conference.pk))
    unknown = client.post(NEW, form(source=999999))

    assert (theirs.status_code, unknown.status_code) == (400, 400)
    assert "Choose a source of your organisation." in words(theirs)
    assert not Recommendation.objects.exists()


def test_a_recommendation_is_edited_with_its_version(client, followup_staff, world):
    rec = world["torture"]
    Recommendation.objects.filter(pk=rec.pk).update(is_public=True)  # published: the form leaves that alone
    url = reverse("followup:recommendation_edit", args=[rec.pk])
    as_user(client, followup_staff["followup"])

    page = client.get(url)
    values = page.context["values"]
    assert (values["themes"], values["groups"], values["other_groups"], values["sdg_targets"]) == (
        ["torture", "due_process"], ["detainee"], "journalists", "16.3 16.10")
    data = {k: v for k, v in values.items() if v not in (None, [])}
    data.update({"themes": values["themes"], "groups": values["groups"], "supporting": values["supporting"],
                 "paragraph": "12 (b)", "position": "noted"})
    saved = client.post(url, data)
    stale = client.post(url, {**data, "paragraph": "13"})

    assert saved.status_code == 303
    assert (fresh(rec).paragraph, fresh(rec).position, fresh(rec).version, fresh(rec).is_public) == (
        "12 (b)", "noted", rec.version + 1, True)
    assert AuditEvent.objects.filter(action="followup.recommendation.change").last().data == {
        "fields": ["paragraph", "position"]}
    assert stale.status_code == 409
    assert "Someone else changed this record" in words(stale)
    assert fresh(rec).paragraph == "12 (b)"


# --- sources ----------------------------------------------------------------------------------------------

SOURCES = reverse("followup:sources")


def test_sources_are_listed_with_their_recommendations_and_recorded(client, followup_staff, world, addressed):
    as_user(client, followup_staff["followup"])

    page = client.get(SOURCES)
    created = client.post(SOURCES, {"kind": "special_procedure", "title_en": "Report of the Special Rapporteur "
                                    "on torture", "date": "2024-03-05", "symbol": "A/HRC/55/52/Add.1"})

    assert [(s.title_en or s.title_ar, s.n) for s in page.context["sources"]] == [
        ("11th conference of human-rights officials of Arab interior ministries", 1),
        ("Universal Periodic Review, fourth cycle", 1),
        ("Concluding observations of the Committee against Torture", 2)]
    assert "addressed to us" in words(page)
    assert created.status_code == 303
    source = Source.objects.get(kind="special_procedure")
    assert (source.title, source.date, source.organisation.slug) == (
        "Report of the Special Rapporteur on torture", date(2024, 3, 5), "moi-hr")
    assert "Source recorded: “Report of the Special Rapporteur on torture”." in words(client.get(SOURCES))


def test_a_source_without_a_title_is_refused(client, followup_staff):
    as_user(client, followup_staff["followup"], "fr")
    before = Source.objects.count()

    response = client.post(SOURCES, {"kind": "upr", "upr_cycle": "99"})

    assert response.status_code == 400
    html = response.content.decode()
    assert '<a href="#field-title_ar">Indiquez le titre dans au moins une langue.</a>' in html
    assert '<a href="#field-upr_cycle">Saisissez un nombre entier de 1 à 20.</a>' in html
    assert Source.objects.count() == before


def test_readers_may_list_sources_but_not_record_one(client, followup_staff, world):
    as_user(client, followup_staff["analyst"])
    before = Source.objects.count()

    page = client.get(SOURCES)
    refused = client.post(SOURCES, {"kind": "upr", "title_ar": "الاستعراض"})

    assert page.status_code == 200 and "Record a source" not in words(page)
    assert refused.status_code == 403 and Source.objects.count() == before


# --- the register of outside bodies ---------------------------------------------------------------------------

BODIES = reverse("followup:bodies")


def test_outside_bodies_are_added_renamed_and_deactivated(client, followup_staff, world, prosecution):
    as_user(client, followup_staff["followup"])

    added = client.post(BODIES, {"name_ar": "مجلس النواب", "name_en": "House of Representatives",
                                 "kind": "parliament"})
    parliament = ExternalBody.objects.get(name_ar="مجلس النواب")
    renamed = client.post(reverse("followup:body_edit", args=[prosecution.pk]), {
        "action": "rename", "name_ar": "النيابة العامة", "name_en": "Public Prosecution Office",
        "name_fr": "Parquet général", "kind": "judiciary"})
    deactivated = client.post(reverse("followup:body_edit", args=[parliament.pk]), {"action": "deactivate"})
    page = client.get(BODIES)

    assert [r.status_code for r in (added, renamed, deactivated)] == [303, 303, 303]
    assert ExternalBody.objects.get(pk=prosecution.pk).name_en == "Public Prosecution Office"
    assert ExternalBody.objects.get(pk=parliament.pk).is_active is False
    assert [(b.name_ar, b.n, b.is_active) for b in page.context["bodies"]] == [
        ("النيابة العامة", 2, True), ("مجلس النواب", 0, False)]
    assert list(AuditEvent.objects.filter(action__startswith="followup.body").values_list("action", "data")) == [
        ("followup.body.create", {"kind": "parliament"}),
        ("followup.body.change", {"fields": ["name_en", "name_fr"]}),
        ("followup.body.change", {"fields": ["is_active"]})]
    # No longer offered for new recommendations, still named where it was.
    assert f"external-{parliament.pk}" not in [key for key, _b in client.get(NEW).context["bodies"]]


def test_an_outside_body_needs_an_arabic_name_not_taken(client, followup_staff, prosecution):
    as_user(client, followup_staff["followup"], "ar")

    taken = client.post(BODIES, {"name_ar": "النيابة العامة", "kind": "judiciary"})
    empty = client.post(BODIES, {"name_en": "Parliament", "kind": "parliament"})

    assert (taken.status_code, empty.status_code) == (400, 400)
    assert '<a href="#field-new-name_ar">هذه الجهة الخارجية مسجلة بالفعل بهذا الاسم العربي.</a>' in (
        taken.content.decode())
    assert '<a href="#field-new-name_ar">هذا الحقل مطلوب.</a>' in empty.content.decode()
    assert ExternalBody.objects.count() == 1


def test_only_editors_change_the_register_and_outsiders_find_nothing(client, followup_staff, prosecution):
    edit = reverse("followup:body_edit", args=[prosecution.pk])
    as_user(client, followup_staff["officer"])
    refused = [client.post(BODIES, {"name_ar": "البرلمان", "kind": "parliament"}),
               client.post(edit, {"action": "deactivate"})]
    as_user(client, followup_staff["nhri_followup"])
    hidden = client.post(edit, {"action": "deactivate"})
    listed = client.get(BODIES)

    assert [r.status_code for r in refused] == [403, 403]
    assert hidden.status_code == 404
    assert listed.context["bodies"] == [] and "النيابة العامة" not in listed.content.decode()
    assert (ExternalBody.objects.count(), ExternalBody.objects.get().is_active) == (1, True)
    assert not AuditEvent.objects.filter(action__startswith="followup.body").exists()


def _queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_the_sources_and_bodies_lists_query_count_is_the_same_for_one_or_three(client, followup_staff, cat_source):
    officer = followup_staff["followup"]
    make(officer, cat_source, "الأولى")
    services.create_external_body(actor=officer, name_ar="البرلمان", kind="parliament")
    as_user(client, followup_staff["supervisor"])
    one = (_queries(client, SOURCES), _queries(client, BODIES))
    for number in (2, 3):
        source = services.create_source(actor=officer, kind="conference", title_ar=f"مؤتمر {number}")
        make(officer, source, f"توصية {number}")
        services.create_external_body(actor=officer, name_ar=f"جهة {number}")

    three = (_queries(client, SOURCES), _queries(client, BODIES))

    assert three == one
