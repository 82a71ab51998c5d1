"""What a triage run stores is what the slow path computes from scratch.

The run reads everything in three statements of its own and writes only what changed
(`engine.run_triage`); the ORM building blocks it replaced are still there and still public:
`related.find_related` (each reason's query, the other cases as model instances), the MinHash
`signature` of the narrative, `privacy.store_pii_spans` (which replaces the spans), the
organisation's model looked up by `classify.predict_categories`, `Category.root`, and
`models.sync_suggested_urgency` (the waiting urgency read back through the ORM). For a handful of
cases linked in every way, through their first runs, re-runs and the changes that queue one
(a message, categories, a decision, a duplicate marked, the urgency, the narrative), the stored
rows must be exactly what those compute — not a copy of today's output.
"""

import hashlib
from collections import Counter

from mizan.complaints.models import Case, Category
from mizan.complaints.services import (
    mark_duplicate,
    post_message,
    set_categories,
    set_urgency,
    submit_complaint,
)
from mizan.lib.arabic import normalise
from mizan.triage.classify import predict_categories
from mizan.triage.engine import run_triage, wanted_suggestions
from mizan.triage.lexicon import analyse_text, detect_urgency
from mizan.triage.minhash import band_keys, signature, to_bytes
from mizan.triage.models import (
    CaseSignature,
    PiiSpan,
    SignatureBand,
    Suggestion,
    sync_suggested_urgency,
)
from mizan.triage.privacy import store_pii_spans
from mizan.triage.related import find_related
from mizan.triage.services import decide_suggestion

from .test_triage_run import NARRATIVE, RESPELLED, TORTURE

ANON = {"anonymous": True, "complainant": {}}
DECIDED = (Suggestion.Status.ACCEPTED, Suggestion.Status.REJECTED)


def person(national_id="", phone=""):
    return {"anonymous": False, "complainant": {"name": "سعاد محمود", "national_id": national_id, "phone": phone}}


def recomputed(case: Case) -> dict:
    """What a run should suggest for `case`, from the ORM building blocks."""
    text = analyse_text(case.narrative)
    present = {cc.category.root.code for cc in case.case_categories.select_related("category")}
    return wanted_suggestions(case, present=present, guesses=predict_categories(text, case.organisation),
                              signals=detect_urgency(text), related=find_related(case, signature(case.narrative)))


def spans(case):
    return list(PiiSpan.objects.filter(case=case).values_list("source", "source_id", "kind", "start", "end"))


def assert_as_recomputed(case: Case) -> None:
    case = Case.objects.get(pk=case.pk)
    # Suggestions: every one the slow path makes is pending with its confidence, source and
    # reasons, unless a person decided it; any other undecided row is superseded.
    wanted = recomputed(case)
    rows = {(s.kind, s.value): s for s in case.suggestions.all()}
    decided = {key for key, s in rows.items() if s.status in DECIDED}
    assert {key: (s.confidence, s.source, s.reasons) for key, s in rows.items() if s.status == "pending"} == {
        key: (data["confidence"], data["source"], data["reasons"]) for key, data in wanted.items() if key not in decided}
    assert {key for key, s in rows.items() if s.status == "superseded"} == set(rows) - set(wanted) - decided
    # The signature and its band keys: those of the narrative as it is, each key once.
    sig = signature(case.narrative)
    stored = CaseSignature.objects.get(case=case)
    assert (bytes(stored.signature), stored.text_hash, stored.organisation_id) == (
        to_bytes(sig), hashlib.sha256(normalise(case.narrative).encode("utf-8")).hexdigest(), case.organisation_id)
    assert Counter(SignatureBand.objects.filter(signature_id=case.pk).values_list("organisation_id", "key")) == Counter(
        (case.organisation_id, key) for key in band_keys(sig))
    # Personal-data spans: what a scan from scratch writes in their place.
    kept = spans(case)
    store_pii_spans(case)
    assert kept == spans(case)
    # The suggested urgency: what the waiting suggestion, read back through the ORM, records.
    before = (case.suggested_urgency, case.suggested_urgency_signals, case.suggested_urgency_at)
    assert sync_suggested_urgency(case) == case.suggested_urgency
    case.refresh_from_db()
    assert (case.suggested_urgency, case.suggested_urgency_signals, case.suggested_urgency_at) == before


def test_stored_results_are_what_the_slow_path_computes(triaged, staff, places, committed, other_org):
    station = str(places["station"].pk)
    officer = staff["officer"]
    # The same text and phone at another organisation: never a candidate.
    theirs, _ = submit_complaint(organisation=other_org, narrative=NARRATIVE, channel="web", anonymous=False,
                                 complainant={"name": "سعاد محمود", "phone": "01001234567"})
    run_triage(theirs.pk)

    def filed(narrative, **raw):
        case = triaged(narrative, **raw)  # filed, and triaged when its transaction commits
        assert_as_recomputed(case)  # a case's links are those of the moment it ran: checked at once
        return case

    def rerun(case):
        run_triage(case.pk)
        assert_as_recomputed(case)

    first = filed(NARRATIVE + " اتصلوا بي على 01001234567", categories=[], facility=station,
                  incident_date="2026-10-01", **person(national_id="29001011234567", phone="01001234567"))
    copy = filed(RESPELLED, categories=["arbitrary_detention"], facility=station, incident_date="2026-10-03",
                 **person(phone="+20 100 123 4567"))
    torture = filed(TORTURE, categories=[], **person(national_id="29001011234567"))
    strike = filed("أخي مضرب عن الطعام منذ عشرة أيام، بريدي mona@example.org", categories=[], facility=station,
                   incident_date="2026-10-02", **ANON)
    alone = filed("الكفيل أخذ جواز سفري ولا يعطيني راتبي منذ ستة أشهر", categories=[], **ANON)
    # The runs' results are varied enough to compare: links of every reason, urgencies, spans.
    assert {("duplicate", "minhash"), ("duplicate", "identity_hash"), ("related", "facility_date"),
            ("urgency", "lexicon"), ("category", "lexicon")} <= set(Suggestion.objects.values_list("kind", "source"))
    assert PiiSpan.objects.filter(case__organisation=first.organisation).count() == 2
    assert not Suggestion.objects.filter(case__organisation=first.organisation, value=str(theirs.pk)).exists()

    # Re-runs: an earlier case now sees the later ones.
    for case in (first, copy, torture, strike, alone):
        rerun(case)
    assert Suggestion.objects.filter(case=first, kind="related").count() >= 2

    # Changes that queue a run, each followed by it (as the worker would).
    post_message(actor=officer, case=first, body="اتصلت بالأسرة على 01009876543", internal=True)
    rerun(first)
    assert [source for source, *_ in spans(first)] == ["message", "narrative"]
    nodes = [Category.objects.get(code="torture")]
    for depth in range(3):
        nodes.append(Category.objects.create(code=f"torture-sub-{depth}", parent=nodes[-1], label_ar="فرعي",
                                             label_en="sub", label_fr="sous"))
    # Sub-categories three and four levels down (the top-level code of the deeper one is walked
    # up through the ORM): the case has torture, which is no longer suggested.
    for node in nodes[2:]:
        with committed():
            set_categories(actor=officer, case=torture, categories=[node])
        assert_as_recomputed(torture)
        assert Suggestion.objects.get(case=torture, kind="category", value="torture").status == "superseded"
    decide_suggestion(actor=officer, suggestion=Suggestion.objects.get(case=strike, kind="urgency"), accept=False)
    rerun(strike)
    assert Suggestion.objects.get(case=strike, kind="urgency").status == "rejected"
    # Another day and a narrative without the address: links made again with other scores, the
    # span withdrawn, a new signature.
    links = dict(Suggestion.objects.filter(case=strike, kind="related").values_list("value", "confidence"))
    Case.objects.filter(pk=strike.pk).update(incident_date="2026-10-01", narrative="أخي مضرب عن الطعام منذ عشرة أيام")
    rerun(strike)
    assert dict(Suggestion.objects.filter(case=strike, kind="related").values_list("value", "confidence")) != links
    assert spans(strike) == []
    mark_duplicate(actor=officer, case=copy, original=first)
    rerun(copy)
    rerun(first)
    with committed():
        set_urgency(actor=officer, case=Case.objects.get(pk=torture.pk), urgency="critical")
    assert_as_recomputed(torture)
    assert Case.objects.get(pk=torture.pk).suggested_urgency is None  # as urgent as the suggestion now
    Case.objects.filter(pk=alone.pk).update(narrative=RESPELLED.replace("الماضي", "الفائت"))
    rerun(alone)  # a new signature and band keys, links it did not have
    assert Suggestion.objects.filter(case=alone, kind__in=["duplicate", "related"], status="pending").count() >= 2
