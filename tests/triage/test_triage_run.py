"""The triage task: run on submission, what it stores, idempotence, duplicates, personal data."""

from datetime import date

from mizan.complaints.models import Category
from mizan.complaints.services import post_message, set_categories
from mizan.triage.engine import run_triage
from mizan.triage.models import CaseSignature, PiiSpan, SignatureBand, Suggestion
from mizan.triage.privacy import MASK, redacted_message, redacted_narrative
from mizan.triage.related import find_related
from mizan.triage.tasks import triage_case

TORTURE = "ضربوني في القسم وكهربوني حتى وقعت على اعتراف، ولسه بيضربوا أخويا لحد دلوقتي"
ANON = {"anonymous": True, "complainant": {}}


def pending(case):
    return sorted((s.kind, s.value) for s in case.suggestions.filter(status=Suggestion.Status.PENDING))


def person(national_id="", phone="", name="سعاد محمود"):
    return {"anonymous": False, "complainant": {"name": name, "national_id": national_id, "phone": phone}}


def test_task_runs_on_submission_and_stores_suggestions(triaged):
    case = triaged(TORTURE, categories=[], **ANON)

    suggestions = {(s.kind, s.value): s for s in case.suggestions.all()}

    # A confession signed after the beatings is a due-process matter too (issue 14's lexicon).
    assert sorted(suggestions) == [("category", "due_process"), ("category", "torture"), ("urgency", "critical")]
    torture = suggestions[("category", "torture")]
    assert (torture.status, torture.source, torture.decided_by, torture.decided_at) == ("pending", "lexicon", None, None)
    assert 0.5 <= torture.confidence <= 1.0
    assert {"ضربوني في القسم", "وكهربوني"} <= set(torture.reasons["triggers"])  # a blow in custody: one phrase
    urgency = suggestions[("urgency", "critical")]
    assert urgency.reasons["signals"][0]["code"] == "ongoing_torture"
    assert "لسه بيضربوا" in urgency.reasons["signals"][0]["triggers"][0]


def test_task_is_not_run_before_commit(file_case):
    # Without the commit (callbacks not executed) nothing is suggested: the task only sees
    # committed cases.
    case, _ = file_case(TORTURE, categories=[], **ANON)

    assert case.suggestions.count() == 0


def test_task_skips_categories_already_on_the_case(triaged):
    case = triaged(TORTURE, categories=["torture"], **ANON)

    assert pending(case) == [("category", "due_process"), ("urgency", "critical")]


def test_task_suggests_no_urgency_the_case_already_has(triaged):
    case = triaged("أخي مضرب عن الطعام منذ عشرة أيام", categories=[], urgency="critical", **ANON)

    assert [k for k, _ in pending(case)].count("urgency") == 0


def test_rerun_does_not_duplicate_suggestions(triaged):
    case = triaged(TORTURE, categories=[], **ANON)
    before = list(case.suggestions.order_by("pk").values_list("pk", "kind", "value", "status"))

    counts = triage_case.call(case.pk)
    run_triage(case.pk)

    assert counts["created"] == 0
    assert list(case.suggestions.order_by("pk").values_list("pk", "kind", "value", "status")) == before


def test_rerun_never_touches_a_decided_suggestion(triaged, staff):
    case = triaged(TORTURE, categories=[], **ANON)
    suggestion = case.suggestions.get(kind="urgency")
    Suggestion.objects.filter(pk=suggestion.pk).update(status="rejected", decided_by=staff["officer"])

    counts = run_triage(case.pk)

    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.decided_by) == ("rejected", staff["officer"])
    assert counts["kept"] == 1
    assert case.suggestions.filter(kind="urgency").count() == 1


def test_category_change_supersedes_what_is_no_longer_suggested(triaged, staff, committed):
    case = triaged(TORTURE, categories=[], **ANON)
    torture = case.suggestions.get(kind="category", value="torture")

    with committed():
        set_categories(actor=staff["officer"], case=case, categories=[Category.objects.get(code="torture")])

    torture.refresh_from_db()
    assert torture.status == "superseded"
    assert pending(case) == [("category", "due_process"), ("urgency", "critical")]


def test_superseded_suggestion_is_revived_not_duplicated(triaged, staff, committed):
    case = triaged(TORTURE, categories=[], **ANON)
    torture = case.suggestions.get(kind="category", value="torture")
    with committed():
        set_categories(actor=staff["officer"], case=case, categories=[Category.objects.get(code="torture")])

    with committed():
        set_categories(actor=staff["officer"], case=case, categories=[])

    torture.refresh_from_db()
    assert torture.status == "pending"
    assert case.suggestions.filter(kind="category", value="torture").count() == 1


def test_signature_and_band_keys_are_stored(triaged):
    case = triaged(TORTURE, categories=[], **ANON)

    assert CaseSignature.objects.filter(case=case).count() == 1
    assert SignatureBand.objects.filter(signature_id=case.pk, organisation=case.organisation).count() == 32


def test_same_complainant_is_a_possible_duplicate(triaged):
    first = triaged("احتجزوني ثلاثة أيام في قسم الدقي", categories=[], **person(national_id="29001011234567"))
    second = triaged("أطالب بتعويض عن أرضي التي صودرت", categories=[], **person(national_id="29001011234567"))

    link = second.suggestions.get(kind="duplicate")

    assert (link.value, link.source) == (str(first.pk), "identity_hash")
    assert link.reasons["links"] == [{"reason": "same_national_id", "score": 1.0}]


def test_same_phone_in_another_format_is_found(triaged):
    first = triaged("احتجزوني ثلاثة أيام في قسم الدقي", categories=[], **person(phone="01001234567"))
    second = triaged("أطالب بتعويض عن أرضي التي صودرت", categories=[], **person(phone="+20 100 123 4567"))

    assert [r.reason for r in find_related(second) if r.case == first] == ["same_phone"]


def test_different_people_are_not_linked(triaged):
    triaged("احتجزوني ثلاثة أيام في قسم الدقي", categories=[], **person(national_id="29001011234567"))
    second = triaged("أطالب بتعويض عن أرضي التي صودرت", categories=[], **person(national_id="28502021234568"))

    assert find_related(second) == []
    assert second.suggestions.filter(kind__in=["duplicate", "related"]).count() == 0


NARRATIVE = ("اعتقلوا أخي من أمام الجامعة يوم الأحد الماضي واقتادوه إلى جهة غير معلومة، "
             "وسألنا في كل أقسام الشرطة فأنكروا وجوده لديهم ولم نعرف مكانه حتى اليوم")
RESPELLED = ("إعتقلوا اخي مِن أمام الجامعه يوم الاحد الماضي وإقتادوه الى جهه غير معلومه، "
             "وسألنا في كل اقسام الشرطه فانكروا وجوده لديهم ولم نعرف مكانه إلى الآن")


def test_reworded_copy_is_a_near_duplicate_of_the_earlier_case(triaged):
    first = triaged(NARRATIVE, categories=[], **ANON)
    unrelated = triaged("الكفيل أخذ جواز سفري ولا يعطيني راتبي منذ ستة أشهر", categories=[], **ANON)
    copy = triaged(RESPELLED, categories=[], **ANON)

    links = {(s.kind, s.value): s for s in copy.suggestions.filter(kind__in=["duplicate", "related"])}

    assert list(links) == [("duplicate", str(first.pk))]
    assert links[("duplicate", str(first.pk))].source == "minhash"
    assert links[("duplicate", str(first.pk))].confidence >= 0.6
    assert unrelated.suggestions.filter(kind__in=["duplicate", "related"]).count() == 0


def test_earlier_case_sees_the_later_copy_as_related_after_a_rerun(triaged):
    first = triaged(NARRATIVE, categories=[], **ANON)
    copy = triaged(RESPELLED, categories=[], **ANON)

    run_triage(first.pk)

    assert [(s.kind, s.value) for s in first.suggestions.filter(kind__in=["duplicate", "related"])] == [
        ("related", str(copy.pk))]


def test_near_duplicates_of_another_organisation_are_not_found(triaged, other_org):
    from mizan.complaints.services import submit_complaint

    theirs, _ = submit_complaint(organisation=other_org, narrative=NARRATIVE, channel="web")
    run_triage(theirs.pk)
    ours = triaged(RESPELLED, categories=[], **ANON)

    assert find_related(ours) == []


def test_same_facility_within_three_days_is_related(triaged, places):
    station = str(places["station"].pk)
    first = triaged("أخذوا مني هاتفي عند الباب", categories=[], facility=station,
                    incident_date=date(2026, 10, 1).isoformat(), **ANON)
    near = triaged("منعوني من الزيارة وطردوني", categories=[], facility=station,
                   incident_date=date(2026, 10, 4).isoformat(), **ANON)
    far = triaged("الطعام لا يصلح للأكل", categories=[], facility=station,
                  incident_date=date(2026, 10, 5).isoformat(), **ANON)
    elsewhere = triaged("رفضوا تحرير المحضر", categories=[], facility=str(places["prison"].pk),
                        incident_date=date(2026, 10, 1).isoformat(), **ANON)

    near_links = [(s.kind, s.value, s.source) for s in near.suggestions.filter(kind="related")]

    assert near_links == [("related", str(first.pk), "facility_date")]
    assert [r.case for r in find_related(far)] == [near]
    assert find_related(elsewhere) == []


def test_pii_spans_are_stored_without_values(triaged, staff):
    narrative = "اتصلوا بي على هاتفي 01001234567 وطلبوا مني الحضور، بريدي mona@example.org"
    case = triaged(narrative, categories=[], **ANON)

    spans = list(PiiSpan.objects.filter(case=case).values_list("source", "source_id", "kind", "start", "end"))

    phone_start = narrative.index("01001234567")
    email_start = narrative.index("mona@example.org")
    assert spans == [
        ("narrative", None, "phone", phone_start, phone_start + 11),
        ("narrative", None, "email", email_start, email_start + 16),
    ]
    field_names = {f.name for f in PiiSpan._meta.get_fields()}
    assert field_names == {"id", "case", "source", "source_id", "kind", "start", "end"}


def test_redacted_narrative_masks_personal_data(triaged):
    case = triaged("رقمي القومي 29001011234567 واتصلوا على 01001234567 أمس", categories=[], **ANON)

    assert redacted_narrative(case) == f"رقمي القومي {MASK} واتصلوا على {MASK} أمس"


def test_redacted_narrative_before_any_scan_still_masks(file_case):
    case, _ = file_case("هاتفي 01001234567", categories=[], **ANON)

    assert PiiSpan.objects.filter(case=case).count() == 0
    assert redacted_narrative(case) == f"هاتفي {MASK}"


def test_message_spans_are_stored_and_redacted(triaged, staff, committed):
    case = triaged("احتجزوا أخي", categories=[], **ANON)
    message = post_message(actor=staff["officer"], case=case, body="اتصلت بالأسرة على 01001234567", internal=True)
    run_triage(case.pk)

    assert list(PiiSpan.objects.filter(case=case, source="message").values_list("source_id", "kind")) == [
        (message.pk, "phone")]
    assert redacted_message(message) == f"اتصلت بالأسرة على {MASK}"


def test_task_for_a_missing_case_does_nothing(db):
    assert run_triage(999_999) == {"case": 999_999, "missing": True}


def test_cases_already_linked_by_a_person_are_not_suggested_again(triaged, staff):
    from mizan.complaints.services import mark_duplicate

    first = triaged(NARRATIVE, categories=[], **ANON)
    copy = triaged(RESPELLED, categories=[], **ANON)
    mark_duplicate(actor=staff["officer"], case=copy, original=first)

    run_triage(copy.pk)
    run_triage(first.pk)

    assert copy.suggestions.get(kind="duplicate").status == "superseded"
    assert first.suggestions.filter(kind__in=["duplicate", "related"], status="pending").count() == 0


def test_a_case_marked_duplicate_is_not_offered_another_original(triaged, staff):
    from mizan.complaints.services import mark_duplicate

    first = triaged(NARRATIVE, categories=[], **ANON)
    second = triaged(RESPELLED, categories=[], **ANON)
    third = triaged(RESPELLED.replace("الماضي", "الفائت"), categories=[], **ANON)
    mark_duplicate(actor=staff["officer"], case=third, original=second)

    run_triage(third.pk)

    assert [(s.kind, s.value) for s in third.suggestions.filter(status="pending")
            if s.kind in ("duplicate", "related")] == [("related", str(first.pk))]


def test_pii_scan_task_picks_up_new_messages(triaged, staff):
    from mizan.complaints.services import post_complainant_message
    from mizan.triage.tasks import scan_case_pii

    case = triaged("احتجزوا أخي", categories=[], **ANON)
    message = post_complainant_message(case=case, body="بريدي mona@example.org")

    stored = scan_case_pii.call(case.pk)

    assert stored == 1
    assert list(PiiSpan.objects.filter(case=case).values_list("source", "source_id", "kind")) == [
        ("message", message.pk, "email")]
    assert scan_case_pii.call(999_999) == 0


# --- personal data in messages, stored when the message is written ---------------------------

def message_spans(case):
    return list(PiiSpan.objects.filter(case=case, source="message").values_list("source_id", "kind", "start", "end"))


def test_staff_message_pii_is_stored_when_it_is_written(triaged, staff):
    case = triaged("احتجزوا أخي", categories=[], **ANON)
    body = "كلمت أخاه على 01001234567 وبريده omar@example.org"

    message = post_message(actor=staff["officer"], case=case, body=body)  # no triage run after it

    phone, email = body.index("01001234567"), body.index("omar@example.org")
    assert message_spans(case) == [(message.pk, "phone", phone, phone + 11), (message.pk, "email", email, email + 16)]
    assert redacted_message(message) == f"كلمت أخاه على {MASK} وبريده {MASK}"


def test_internal_note_pii_is_stored_when_it_is_written(triaged, staff):
    case = triaged("احتجزوا أخي", categories=[], **ANON)

    note = post_message(actor=staff["officer"], case=case, body="رقمه القومي 29001011234567", internal=True)

    assert message_spans(case) == [(note.pk, "national_id", 12, 26)]
    assert redacted_message(note) == f"رقمه القومي {MASK}"


def test_complainant_message_pii_is_stored_when_it_is_written(triaged):
    from mizan.complaints.services import post_complainant_message

    case = triaged("احتجزوا أخي", categories=[], **ANON)

    message = post_complainant_message(case=case, body="IBAN EG380019000500000000263180002")

    assert message_spans(case) == [(message.pk, "iban", 5, 34)]
    assert redacted_message(message) == f"IBAN {MASK}"


def test_transition_notes_that_become_messages_are_scanned(triaged, staff):
    from mizan.complaints.models import CaseMessage, Status
    from mizan.complaints.services import transition_case

    case = triaged("احتجزوا أخي", categories=[], **ANON)
    officer = staff["officer"]
    case = transition_case(actor=officer, case=case, to=Status.UNDER_REVIEW, note="الشاكي على 0501234567")
    case = transition_case(actor=officer, case=case, to=Status.IN_PROGRESS)
    case = transition_case(actor=officer, case=case, to=Status.AWAITING_COMPLAINANT,
                           note="أرسل صورة البطاقة إلى mona@example.org")

    internal, question = CaseMessage.objects.filter(case=case).order_by("id")
    assert (internal.kind, question.kind) == ("internal", "to_complainant")
    assert [(source_id, kind) for source_id, kind, _s, _e in message_spans(case)] == [
        (internal.pk, "phone"), (question.pk, "email")]
    assert redacted_message(question) == f"أرسل صورة البطاقة إلى {MASK}"


def test_message_spans_are_written_in_the_message_transaction(triaged, staff):
    import pytest
    from django.db import transaction

    from mizan.complaints.models import CaseMessage

    case = triaged("هاتفي 01001234567", categories=[], **ANON)
    before = list(PiiSpan.objects.filter(case=case).values_list("source", "kind"))

    with pytest.raises(RuntimeError), transaction.atomic():
        post_message(actor=staff["officer"], case=case, body="بريدها mona@example.org")
        assert len(message_spans(case)) == 1  # visible inside the transaction, with the message
        raise RuntimeError("the request failed after the message was written")

    assert CaseMessage.objects.filter(case=case).count() == 0
    assert list(PiiSpan.objects.filter(case=case).values_list("source", "kind")) == before == [("narrative", "phone")]


def test_message_without_personal_data_stores_nothing_and_keeps_the_narrative_spans(triaged, staff):
    case = triaged("هاتفي 01001234567", categories=[], **ANON)

    message = post_message(actor=staff["officer"], case=case, body="سنتابع مع الإدارة يوم الأحد")

    assert message_spans(case) == []
    assert redacted_message(message) == "سنتابع مع الإدارة يوم الأحد"
    assert list(PiiSpan.objects.filter(case=case).values_list("source", "kind")) == [("narrative", "phone")]


def test_refused_message_stores_no_spans(triaged, staff):
    import pytest

    from mizan.complaints.errors import NotAllowed

    case = triaged("احتجزوا أخي", categories=[], **ANON)

    for user in (staff["outsider"], staff["auditor"]):
        with pytest.raises(NotAllowed):
            post_message(actor=user, case=case, body="هاتفه 01001234567", internal=True)

    assert PiiSpan.objects.filter(case=case).count() == 0


def test_triage_rerun_keeps_the_spans_of_messages_written_before(triaged, staff, committed):
    case = triaged("هاتفي 01001234567", categories=[], **ANON)
    message = post_message(actor=staff["officer"], case=case, body="بريده omar@example.org", internal=True)
    written = message_spans(case)

    counts = run_triage(case.pk)

    assert counts["pii_spans"] == 2
    assert message_spans(case) == written == [(message.pk, "email", 6, 22)]
