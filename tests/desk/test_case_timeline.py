"""The case history in people's words: labels, allegation numbers and full names, in Arabic,
English and French, with names and labels isolated so a mixed-direction line keeps its
punctuation where it belongs."""

import re

import pytest
from django.utils import translation

from mizan.accounts.models import Role
from mizan.complaints.models import Category, RoutingRule, TimelineEvent
from mizan.complaints.services import (
    add_allegation,
    assign_case,
    mark_duplicate,
    set_categories,
    set_urgency,
    transition_case,
    update_allegation,
)
from mizan.complaints.timeline import describe, describe_all
from tests.conftest import make_user
from tests.desk.test_case_support import english, page

FSI, PDI = "\u2068", "\u2069"


def bdi(text):
    return f"{FSI}{text}{PDI}"


@pytest.fixture
def khaled(org, places):
    """A case officer whose login name is nothing like his name."""
    user = make_user("k.hassan", org, Role.CASE_OFFICER, places["hr"])
    user.first_name, user.last_name = "خالد", "حسن"
    user.save(update_fields=["first_name", "last_name"])
    return user


@pytest.fixture
def story(file_case, staff, places, khaled):
    """A case routed by a rule, with an allegation added and one changed, then assigned,
    re-rated, re-classified and reviewed."""
    RoutingRule.objects.create(organisation=places["hr"].organisation, category=Category.objects.get(code="torture"),
                               facility=places["station"], unit=places["prisons"])
    case, _ = file_case(facility=str(places["station"].pk))  # allegations 1 (torture), 2 (arbitrary detention)
    add_allegation(actor=staff["officer"], case=case, category=Category.objects.get(code="excessive_force"))
    update_allegation(actor=staff["officer"], allegation=case.allegations.order_by("pk").first(),
                      category=Category.objects.get(code="due_process"))
    assign_case(actor=staff["supervisor"], case=case, officer=khaled)
    set_urgency(actor=staff["supervisor"], case=case, urgency="high")
    set_categories(actor=staff["supervisor"], case=case,
                   categories=[Category.objects.get(code="torture"), Category.objects.get(code="children")])
    transition_case(actor=staff["supervisor"], case=case, to="under_review")
    return case


def texts(case, language):
    with translation.override(language):
        return [row.text for row in describe_all(case.timeline.all())]


def test_timeline_in_english_says_labels_numbers_and_names(story):
    assert texts(story, "en") == [
        "Complaint received (channel: Web portal).",
        f"Receipt acknowledged; reference {story.reference} issued.",
        f"Routed to {bdi('Prisons administration')} by the routing rule "
        f"“{bdi('Torture and ill-treatment, Dokki police station')}”.",
        f"Allegation 3 added: {bdi('Excessive use of force')}.",
        f"Allegation 1 changed: {bdi('Due process and fair trial')}.",
        f"Assigned to {bdi('Prisons administration')} / {bdi('خالد حسن')}.",
        "Urgency changed from Normal to High; deadlines recalculated.",
        f"Categories changed: {bdi('Children and juveniles')}, {bdi('Torture and ill-treatment')}.",
        "Status changed from “Received” to “Under review”.",
    ]


def test_timeline_in_arabic(story):
    assert texts(story, "ar") == [
        "وردت الشكوى (قناة التقديم: البوابة الإلكترونية).",
        f"أُكِّد استلام الشكوى وصدر لها الرقم المرجعي {story.reference}.",
        f"وُجِّهت إلى {bdi('قطاع الحماية المجتمعية')} بموجب قاعدة التوجيه "
        f"«{bdi('التعذيب وسوء المعاملة، قسم شرطة الدقي')}».",
        f"أُضيف الادعاء 3: {bdi('الاستخدام المفرط للقوة')}.",
        f"عُدِّل الادعاء 1: {bdi('ضمانات المحاكمة العادلة والإجراءات القانونية')}.",
        f"أُسندت إلى {bdi('قطاع الحماية المجتمعية')} / {bdi('خالد حسن')}.",
        "تغيّرت درجة الاستعجال من عادية إلى عالية، وأُعيد حساب المهل.",
        f"عُدِّلت التصنيفات: {bdi('حقوق الطفل والأحداث')}، {bdi('التعذيب وسوء المعاملة')}.",
        "تغيّرت الحالة من «مستلَمة» إلى «قيد الفحص».",
    ]


def test_timeline_in_french(story):
    nbsp = "\u00a0"
    assert texts(story, "fr") == [
        f"Plainte reçue (canal{nbsp}: Portail web).",
        f"Réception confirmée{nbsp}; numéro de référence {story.reference} attribué.",
        f"Orientée vers {bdi('Administration pénitentiaire')} par la règle d'orientation "
        f"«{nbsp}{bdi('Torture et mauvais traitements, Commissariat de Dokki')}{nbsp}».",
        f"Allégation 3 ajoutée{nbsp}: {bdi('Usage excessif de la force')}.",
        f"Allégation 1 modifiée{nbsp}: {bdi('Garanties procédurales et procès équitable')}.",
        f"Affectée à {bdi('Administration pénitentiaire')} / {bdi('خالد حسن')}.",
        f"Degré d'urgence modifié de Normale à Élevée{nbsp}; délais recalculés.",
        f"Catégories modifiées{nbsp}: {bdi('Enfants et mineurs')}, {bdi('Torture et mauvais traitements')}.",
        f"Statut modifié{nbsp}: «{nbsp}Reçue{nbsp}» → «{nbsp}En cours d'examen{nbsp}».",
    ]


def test_allegation_numbers_follow_the_organisations_digits(story, org):
    org.arabic_indic_digits = True
    org.save(update_fields=["arabic_indic_digits"])
    story.refresh_from_db()

    with translation.override("ar"):
        rows = [row.text for row in describe_all(story.timeline.filter(kind__startswith="allegation_"),
                                                 organisation=org)]

    assert rows == [f"أُضيف الادعاء ٣: {bdi('الاستخدام المفرط للقوة')}.",
                    f"عُدِّل الادعاء ١: {bdi('ضمانات المحاكمة العادلة والإجراءات القانونية')}."]


def test_one_row_described_alone_reads_the_same(story):
    event = story.timeline.get(kind="allegation_added")

    with translation.override("en"):
        assert describe(event) == event.describe() == f"Allegation 3 added: {bdi('Excessive use of force')}."


def test_an_arabic_name_in_an_english_line_is_isolated_so_the_full_stop_stays_last(file_case, staff, places):
    places["prisons"].name_en = ""  # no English name: the Arabic one is shown
    places["prisons"].save(update_fields=["name_en"])
    case, _ = file_case()
    assign_case(actor=staff["supervisor"], case=case, unit=places["prisons"])

    with translation.override("en"):
        text = describe(case.timeline.get(kind="assigned"))

    assert text == f"Assigned to {bdi('قطاع الحماية المجتمعية')} / no officer."
    # Without the isolation, "/ no officer." would be drawn inside the right-to-left name's run.
    assert text.index(PDI) < text.index("/ no officer.")


def test_duplicate_rows_on_both_cases(file_case, staff):
    case, _ = file_case()
    original, _ = file_case("الشكوى الأصلية")

    mark_duplicate(actor=staff["officer"], case=case, original=original)

    with translation.override("en"):
        assert describe(case.timeline.get(kind="duplicate_marked")) == f"Marked as a duplicate of {original.reference}."
        assert describe(original.timeline.get(kind="note")) == (
            f"{case.reference} was marked as a duplicate of this case.")


def test_removing_every_category_says_so(file_case, staff):
    case, _ = file_case()

    set_categories(actor=staff["supervisor"], case=case, categories=[])

    with translation.override("en"):
        assert describe(case.timeline.get(kind="categories_changed")) == "All categories removed."


def test_a_row_of_an_unknown_kind_reads_as_words_not_its_code(file_case):
    case, _ = file_case()
    event = TimelineEvent.objects.create(case=case, actor_kind="system", kind="something_new", data={})

    with translation.override("en"):
        assert describe(event) == "Change recorded."


def test_names_are_looked_up_once_per_kind_not_per_row(file_case, staff, khaled, django_assert_num_queries):
    case, _ = file_case()
    for _ in range(3):
        assign_case(actor=staff["supervisor"], case=case, officer=khaled)
        assign_case(actor=staff["supervisor"], case=case, officer=staff["officer"])
        add_allegation(actor=staff["officer"], case=case, category=Category.objects.get(code="privacy"))
    events = list(case.timeline.all())
    assert [e.kind for e in events].count("assigned") == 6

    # Categories, units, staff, allegations: one query each for the whole history.
    with django_assert_num_queries(4), translation.override("en"):
        rows = describe_all(events, organisation=case.organisation)

    assert [r.text for r in rows if r.event.kind == "allegation_added"] == [
        f"Allegation {n} added: {bdi('Privacy')}." for n in (3, 4, 5)]


def test_case_page_history_shows_no_id_or_login(client, story, staff, khaled):
    english(client).force_login(staff["supervisor"])

    html = client.get(page(story)).content.decode()

    timeline = html[html.index('<ol class="timeline">'):html.index("</ol>", html.index('<ol class="timeline">'))]
    visible = re.sub(r"<[^>]+>", " ", timeline)
    assert f"Allegation 3 added: {bdi('Excessive use of force')}." in visible
    assert f"Assigned to {bdi('Prisons administration')} / {bdi('خالد حسن')}." in visible
    assert "k.hassan" not in html
    for pk in story.allegations.values_list("pk", flat=True):
        assert f"#{pk}" not in visible
    assert "#" not in visible
    assert "excessive_force" not in visible and "torture" not in visible
