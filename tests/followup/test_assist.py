"""The text engine's suggestions for recommendations (`triage.followup`) and the decisions on
them (`followup.assist`): themes with their trigger words, a responsible body learnt from the
organisation's own past assignments, near-duplicates across sources (MinHash, measured on a
labelled set), idempotent runs, decisions audited, who may decide, and the layers (the follow-up
imports neither search nor triage)."""

from pathlib import Path

import pytest

from mizan.audit.models import AuditEvent
from mizan.complaints.errors import Conflict, Invalid, NotAllowed
from mizan.complaints.models import Category
from mizan.followup import assist, projections, services
from mizan.followup.models import Cluster, FollowupSuggestion, Recommendation, SourceKind
from mizan.triage import followup as triage_followup
from mizan.triage.followup import NEAR_DUPLICATE, run_suggestions, shared_passages
from mizan.triage.minhash import band_keys, estimated_jaccard, signature
from mizan.triage.models import RecommendationBand, RecommendationSignature
from tests.followup.near_duplicate_pairs import DIFFERENT, SAME
from tests.followup.past_assignments import PAST
from tests.layers import imports_of

LAWYER_AR = "ضمان حق المحتجزين في الاتصال بمحامٍ منذ لحظة القبض عليهم"
LAWYER_AR_2 = "ضمان حق المحتجز في الاتصال بمحام وبأسرته منذ لحظة القبض عليه"
TORTURE_EN = "Ensure that all allegations of torture in police custody are promptly and impartially investigated"
TORTURE_FR = "Mettre fin à la torture et aux mauvais traitements dans les lieux de détention"


def states(recommendation) -> list[tuple[str, str]]:
    """(value, status) of the recommendation's suggestions, by value."""
    return sorted(FollowupSuggestion.objects.filter(recommendation=recommendation).values_list("value", "status"))


def suggestions(recommendation, kind=None) -> list[tuple]:
    rows = FollowupSuggestion.objects.filter(recommendation=recommendation).order_by("kind", "-confidence", "value")
    if kind:
        rows = rows.filter(kind=kind)
    return [(s.kind, s.value, s.confidence, s.reasons, s.status) for s in rows]


@pytest.fixture(autouse=True)
def _fresh_body_models():
    # A model trained by one test must not serve the next one's rows (ids are reused after a rollback).
    triage_followup._BODY_MODELS.clear()
    yield
    triage_followup._BODY_MODELS.clear()


@pytest.fixture
def officer(followup_staff):
    return followup_staff["followup"]


@pytest.fixture
def recommend(officer, cat_source):
    def build(text, *, source=None, actor=None, **fields):
        return services.create_recommendation(actor=actor or officer, source=source or cat_source, text=text,
                                              **fields)

    return build


@pytest.fixture
def upr(officer):
    return services.create_source(actor=officer, kind=SourceKind.UPR, title_ar="الاستعراض الدوري الشامل، الجولة الرابعة",
                                  upr_cycle=4, upr_session=48)


@pytest.fixture
def bodies(places, prosecution):
    return {"prisons": ("lead", places["prisons"], None), "hr": ("lead", places["hr"], None),
            "prosecution": ("lead", None, prosecution)}


@pytest.fixture
def past(recommend, bodies):
    """The 32 past assignments of tests/followup/past_assignments.py, in order."""
    return [recommend(text, bodies=[bodies[key]]) for key, text in PAST]


# --- themes ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "language", "expected"), [
    (LAWYER_AR, "ar", [("due_process", 0.7769, ["الاتصال بمحامٍ"])]),
    (TORTURE_EN, "en", [("torture", 0.8775, ["allegations of torture", "custody"])]),
    (TORTURE_FR, "fr", [("torture", 0.9727, ["torture", "mauvais traitements", "détention"]),
                        ("disappearance", 0.7769, ["lieux de détention"])]),
])
def test_themes_are_suggested_with_their_trigger_words(recommend, text, language, expected):
    rec = recommend(text, language=language)

    run_suggestions([rec.pk])

    assert suggestions(rec, "theme") == [
        ("theme", code, confidence, {"triggers": triggers, "source": "lexicon"}, "pending")
        for code, confidence, triggers in expected]


def test_a_theme_already_recorded_is_not_suggested_and_translations_serve_other_languages(recommend):
    rec = recommend(TORTURE_EN, language="en", themes=[Category.objects.get(code="torture")])
    spanish = recommend("Garantizar el acceso a un abogado", language="es", text_ar=LAWYER_AR)

    run_suggestions([rec.pk, spanish.pk])

    assert suggestions(rec, "theme") == []
    assert suggestions(spanish, "theme") == [
        ("theme", "due_process", 0.7769, {"triggers": ["الاتصال بمحامٍ"], "source": "lexicon"}, "pending")]


# --- responsible bodies ---------------------------------------------------------------------------

def test_no_body_is_suggested_before_enough_past_assignments(recommend, bodies, places):
    for key, text in PAST[:assist.BODY_MIN_EXAMPLES - 1]:
        recommend(text, bodies=[bodies[key]])
    rec = recommend("تحسين ظروف الاحتجاز في السجون وتوفير الرعاية الصحية للنزلاء")

    run_suggestions([rec.pk])

    assert assist.lead_body_examples(rec.organisation_id) == 29
    assert suggestions(rec, "body") == []


@pytest.mark.parametrize(("text", "body", "confidence", "examples"), [
    ("تحسين ظروف الاحتجاز في السجون وتوفير الرعاية الصحية للنزلاء", "prisons", 0.95,
     [(1, 0.4864), (0, 0.4037), (5, 0.1076)]),
    ("Investigate allegations of ill-treatment by police officers", "prosecution", 0.867, [(20, 0.6266), (22, 0.0932)]),
    ("تدريب منتسبي الأجهزة الأمنية على حقوق الإنسان", "hr", 0.8918, [(26, 0.5073), (24, 0.3905), (25, 0.2316)]),
    ("Améliorer les conditions de détention", "prisons", 1.0, [(8, 0.517), (10, 0.1466)]),
])
def test_a_body_is_suggested_from_the_most_similar_past_assignments(past, recommend, bodies, text, body, confidence,
                                                                     examples):
    rec = recommend(text)
    role, unit, external = bodies[body]
    value = f"unit:{unit.pk}" if unit else f"external:{external.pk}"

    run_suggestions([rec.pk])

    assert suggestions(rec, "body") == [("body", value, confidence, {
        "examples": [{"id": past[i].pk, "score": score} for i, score in examples], "learnt_from": 32}, "pending")]


def test_a_body_already_responsible_is_not_suggested(past, recommend, places):
    rec = recommend("تحسين ظروف الاحتجاز في السجون وتوفير الرعاية الصحية للنزلاء",
                    bodies=[("supporting", places["prisons"], None)])

    run_suggestions([rec.pk])

    assert suggestions(rec, "body") == []


# --- near-duplicates ------------------------------------------------------------------------------

def _alike(first: str, second: str) -> bool:
    one, two = signature(first), signature(second)
    return bool(set(band_keys(one)) & set(band_keys(two))) and estimated_jaccard(one, two) >= NEAR_DUPLICATE


def test_near_duplicates_on_the_labelled_pairs_precision_15_of_16_recall_15_of_16():
    """At NEAR_DUPLICATE = 0.5 on tests/followup/near_duplicate_pairs.py: 15 of the 16 pairs that
    ask the same thing are found (recall 0.94), and 15 of the 16 pairs found are right
    (precision 0.94); the miss is an Arabic rewording of a limit on pre-trial detention
    ("…وضمان المراجعة القضائية الدورية له" / "…وضمان مراجعته القضائية بصورة دورية", 0.49), the
    false alarm two UPR recommendations that share "Adopt a law on … in line with international
    standards" (data protection / asylum, 0.52)."""
    found_same = [_alike(a, b) for a, b in SAME]
    found_different = [_alike(a, b) for a, b in DIFFERENT]

    assert (sum(found_same), len(SAME)) == (15, 16)
    assert (sum(found_different), len(DIFFERENT)) == (1, 16)
    assert [i for i, found in enumerate(found_same) if not found] == [11]
    assert [i for i, found in enumerate(found_different) if found] == [4]


def test_near_duplicates_across_sources_are_suggested_once_with_shared_passages(recommend, upr):
    older = recommend(LAWYER_AR)
    unrelated = recommend("تمكين المؤسسة الوطنية لحقوق الإنسان من تلقي الشكاوى المتعلقة بالتمييز", source=upr)
    newer = recommend(LAWYER_AR_2, source=upr)

    counts = run_suggestions([older.pk, unrelated.pk, newer.pk])

    # One suggestion for the pair, held by the newer recommendation and naming the older one.
    assert suggestions(newer, "cluster") == [("cluster", str(older.pk), 0.6016, {
        "language": "ar", "passages": ["في الاتصال بمحام", "منذ لحظة القبض"]}, "pending")]
    assert suggestions(older, "cluster") == suggestions(unrelated, "cluster") == []
    assert counts["recommendations"] == 3
    assert RecommendationSignature.objects.filter(recommendation=newer).count() == 1
    assert RecommendationBand.objects.filter(signature__recommendation=newer).count() == 32


def test_a_translation_meets_a_recommendation_written_in_its_language(recommend, upr):
    arabic = recommend(LAWYER_AR)
    english = recommend("Guarantee detainees access to a lawyer and to their families from the moment of arrest",
                        language="en", text_ar=LAWYER_AR_2, source=upr)

    run_suggestions([arabic.pk, english.pk])

    assert [(kind, value, reasons["language"]) for kind, value, _c, reasons, _s in suggestions(english, "cluster")] \
        == [("cluster", str(arabic.pk), "ar")]


def test_recommendations_in_one_cluster_are_not_suggested_again(recommend, officer, upr):
    older, newer = recommend(LAWYER_AR), recommend(LAWYER_AR_2, source=upr)
    services.cluster_recommendations(actor=officer, recommendations=[older, newer], label="الحق في محام")

    run_suggestions([older.pk, newer.pk])

    assert suggestions(newer, "cluster") == []


def test_shared_passages_are_quoted_as_written():
    assert shared_passages("ضمان حقّ المحتجزين في الاتصال بمحامٍ", "ضمان حق المحتجزين في الاتصال بمحام") == [
        "ضمان حقّ المحتجزين في الاتصال بمحامٍ"]
    assert shared_passages("Ratify the Optional Protocol", "Establish a mechanism") == []


# --- idempotent runs ----------------------------------------------------------------------------------

def test_runs_are_idempotent_and_a_decision_is_never_asked_again(recommend, officer):
    rec = recommend(TORTURE_FR, language="fr")
    run_suggestions([rec.pk])
    torture = FollowupSuggestion.objects.get(recommendation=rec, value="torture")
    assist.decide_followup_suggestion(actor=officer, suggestion=torture, accept=False)

    again = run_suggestions([rec.pk])

    assert (again["created"], again["updated"], again["kept"], again["superseded"]) == (0, 1, 1, 0)
    assert states(rec) == [("disappearance", "pending"), ("torture", "rejected")]
    # Edited so that a suggestion is no longer made: withdrawn; made again: waiting again.
    services.update_recommendation(actor=officer, recommendation=rec, text="Veiller à ce que les plaintes pour "
                                                                          "torture soient examinées promptement")
    run_suggestions([rec.pk])
    assert states(rec) == [("disappearance", "superseded"), ("torture", "rejected")]
    services.update_recommendation(actor=officer, recommendation=rec, text=TORTURE_FR)
    run_suggestions([rec.pk])
    assert states(rec) == [("disappearance", "pending"), ("torture", "rejected")]


def test_new_and_edited_recommendations_queue_the_engine_on_commit(recommend, officer,
                                                                    django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        rec = recommend(LAWYER_AR)
    assert [v for _k, v, *_rest in suggestions(rec)] == ["due_process"]

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.set_recommendation_status(actor=officer, recommendation=rec, status="in_progress")
    assert callbacks == []  # a status changes nothing the engine reads

    with django_capture_on_commit_callbacks(execute=True):
        services.update_recommendation(actor=officer, recommendation=rec, text=TORTURE_EN, language="en")
    assert states(rec) == [("due_process", "superseded"), ("torture", "pending")]


# --- decisions ------------------------------------------------------------------------------------------

def test_accepting_a_theme_adds_it_and_is_audited(recommend, officer):
    rec = recommend(LAWYER_AR)
    run_suggestions([rec.pk])
    suggestion = FollowupSuggestion.objects.get(recommendation=rec, kind="theme")

    decided = assist.decide_followup_suggestion(actor=officer, suggestion=suggestion, accept=True)

    assert (decided.status, decided.decided_by) == ("accepted", officer)
    assert list(Recommendation.objects.get(pk=rec.pk).themes.values_list("code", flat=True)) == ["due_process"]
    assert list(AuditEvent.objects.filter(action__startswith="followup.suggestion").values_list(
        "action", "target_id", "data")) == [("followup.suggestion.accept", str(rec.pk), {
            "suggestion": suggestion.pk, "kind": "theme", "value": "due_process"})]
    assert AuditEvent.objects.filter(action="followup.recommendation.change", target_id=str(rec.pk)).count() == 1


def test_accepting_a_body_makes_it_lead_or_supporting(past, recommend, officer, bodies, places, prosecution):
    first = recommend("تحسين ظروف الاحتجاز في السجون وتوفير الرعاية الصحية للنزلاء")
    second = recommend("Improve conditions in places of detention and reduce overcrowding",
                       bodies=[("lead", None, prosecution)])
    run_suggestions([first.pk, second.pk])

    assist.decide_followup_suggestions(actor=officer, decisions=[
        assist.Decision(FollowupSuggestion.objects.get(recommendation=first, kind="body"), True),
        assist.Decision(FollowupSuggestion.objects.get(recommendation=second, kind="body"), True)])

    assert [(b.role, b.unit) for b in first.responsible.all()] == [("lead", places["prisons"])]
    assert sorted((b.role, b.unit_id or 0, b.external_id or 0) for b in second.responsible.all()) == [
        ("lead", 0, prosecution.pk), ("supporting", places["prisons"].pk, 0)]
    assert AuditEvent.objects.filter(action="followup.suggestion.accept").count() == 2


def test_accepting_a_pair_clusters_them_and_joins_their_clusters(recommend, officer, upr):
    a, b = recommend(SAME[6][0]), recommend(SAME[6][1], source=upr)
    c, d = recommend(SAME[7][0]), recommend(SAME[7][1], source=upr)
    x = recommend("وضع حد أقصى لمدة الحبس الاحتياطي")
    services.cluster_recommendations(actor=officer, recommendations=[a, x], label="التدريب")
    services.cluster_recommendations(actor=officer, recommendations=[c], label="المحامي")
    run_suggestions([a.pk, b.pk, c.pk, d.pk])
    pair_ab = FollowupSuggestion.objects.get(recommendation=b, kind="cluster")
    pair_cd = FollowupSuggestion.objects.get(recommendation=d, kind="cluster")
    assert (pair_ab.value, pair_cd.value) == (str(a.pk), str(c.pk))

    assist.decide_followup_suggestion(actor=officer, suggestion=pair_ab, accept=True)
    assist.decide_followup_suggestion(actor=officer, suggestion=pair_cd, accept=True)

    clusters = {r.pk: r.cluster.label for r in Recommendation.objects.filter(pk__in=[a.pk, b.pk, c.pk, d.pk, x.pk])}
    assert clusters == {a.pk: "التدريب", b.pk: "التدريب", x.pk: "التدريب", c.pk: "المحامي", d.pk: "المحامي"}
    # Both already in clusters: one cluster remains, the emptied one is gone.
    e = recommend(SAME[8][0])
    services.cluster_recommendations(actor=officer, recommendations=[e], label="الوحدات")
    f = recommend(SAME[8][1], source=upr)
    services.cluster_recommendations(actor=officer, recommendations=[f], label="وحدات حقوق الإنسان")
    run_suggestions([e.pk, f.pk])
    assist.decide_followup_suggestion(actor=officer, suggestion=FollowupSuggestion.objects.get(
        recommendation=f, kind="cluster"), accept=True)
    assert Recommendation.objects.get(pk=f.pk).cluster.label == "الوحدات"
    assert not Cluster.objects.filter(label="وحدات حقوق الإنسان").exists()


def test_a_fresh_pair_gets_a_new_cluster(recommend, officer, upr):
    older, newer = recommend(LAWYER_AR), recommend(LAWYER_AR_2, source=upr)
    run_suggestions([older.pk, newer.pk])

    assist.decide_followup_suggestion(actor=officer, suggestion=FollowupSuggestion.objects.get(
        recommendation=newer, kind="cluster"), accept=True)

    older.refresh_from_db()
    newer.refresh_from_db()
    assert older.cluster_id == newer.cluster_id and older.cluster.label == LAWYER_AR


@pytest.mark.parametrize("who", ["intake", "officer", "analyst", "auditor", "outsider", "nhri_followup", "sec"])
def test_who_may_not_decide_changes_nothing(recommend, followup_staff, who):
    rec = recommend(LAWYER_AR)
    run_suggestions([rec.pk])
    suggestion = FollowupSuggestion.objects.get(recommendation=rec)
    before = (AuditEvent.objects.count(), list(rec.themes.all()))

    with pytest.raises(NotAllowed):
        assist.decide_followup_suggestion(actor=followup_staff[who], suggestion=suggestion, accept=True)

    assert (AuditEvent.objects.count(), list(rec.themes.all())) == before
    assert FollowupSuggestion.objects.get(pk=suggestion.pk).status == "pending"


def test_a_batch_is_all_or_nothing(recommend, officer):
    rec = recommend(TORTURE_FR, language="fr")
    run_suggestions([rec.pk])
    torture = FollowupSuggestion.objects.get(recommendation=rec, value="torture")
    disappearance = FollowupSuggestion.objects.get(recommendation=rec, value="disappearance")
    assist.decide_followup_suggestion(actor=officer, suggestion=disappearance, accept=False)
    before = AuditEvent.objects.count()

    with pytest.raises(Conflict):
        assist.decide_followup_suggestions(actor=officer, decisions=[assist.Decision(torture, True),
                                                                     assist.Decision(disappearance, True)])
    with pytest.raises(Invalid):
        assist.decide_followup_suggestions(actor=officer, decisions=[])

    assert AuditEvent.objects.count() == before
    assert list(Recommendation.objects.get(pk=rec.pk).themes.all()) == []
    assert FollowupSuggestion.objects.get(pk=torture.pk).status == "pending"


def test_a_theme_that_no_longer_exists_cannot_be_accepted(recommend, officer):
    rec = recommend(LAWYER_AR)
    run_suggestions([rec.pk])
    Category.objects.filter(code="due_process").update(is_active=False)

    with pytest.raises(Conflict):
        assist.decide_followup_suggestion(actor=officer, suggestion=FollowupSuggestion.objects.get(
            recommendation=rec), accept=True)

    assert FollowupSuggestion.objects.get(recommendation=rec).status == "pending"


# --- layers -----------------------------------------------------------------------------------------------

FORBIDDEN = ("mizan.search", "mizan.triage", "mizan.reports", "mizan.desk", "mizan.portal", "mizan.api")


def test_the_followup_app_imports_neither_search_nor_triage_nor_a_face():
    package = Path(__file__).resolve().parents[2] / "mizan" / "followup"
    offending = {str(path.relative_to(package)): sorted(name for name in imports_of(path)
                                                        if name.startswith(FORBIDDEN))
                 for path in package.rglob("*.py")}

    assert {path: names for path, names in offending.items() if names} == {}
    # The wings register into it instead.
    assert {"search.recommendations", "triage.followup_suggestions"} <= set(projections.registered())
