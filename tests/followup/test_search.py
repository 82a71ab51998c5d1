"""Full-text search over recommendations: Arabic spelling variants, the desk's query language
(phrases, OR, exclusions), ranking, the index kept current by the follow-up's domain functions,
and organisations that never find each other's recommendations."""

import pytest
from django.core.management import call_command
from django.db import transaction

from mizan.complaints.models import Category
from mizan.followup import access, import_jobs, projections, services
from mizan.followup.models import Recommendation, SourceKind
from mizan.search.models import RecommendationDocument
from mizan.search.recommendations import attach_snippets, search_recommendations

TORTURE = "ضمان مُساءَلة أفراد الشرطة عن إساءة معاملة المحتجزين في أقسام الشرطة"
VISITS = "السماح للمؤسسة الوطنية بزيارة أماكن الاحتجاز دون إخطار مسبق"
HOSPITAL = "نقل المحتجزين المرضى إلى مستشفى خارج مكان الاحتجاز عند الحاجة"
LAWYER = "Guarantee access to a lawyer from the outset of deprivation of liberty"


def found(user, q) -> list[str]:
    """The texts of the recommendations `user` finds with `q`, best match first."""
    return [r.text for r in search_recommendations(access.recommendations_for(user), q, user=user)]


@pytest.fixture
def recommend(followup_staff, cat_source):
    def build(text, *, actor=None, source=None, **fields):
        actor = actor or followup_staff["followup"]
        return services.create_recommendation(actor=actor, source=source or cat_source, text=text, **fields)

    return build


@pytest.fixture
def library(recommend):
    return {name: recommend(text) for name, text in
            (("torture", TORTURE), ("visits", VISITS), ("hospital", HOSPITAL), ("lawyer", LAWYER))}


@pytest.mark.parametrize(("q", "expected"), [
    ("اساءه", [TORTURE]),  # إ -> ا and ة -> ه
    ("إساءة", [TORTURE]),
    ("مساءلة", [TORTURE]),  # written with harakat in the recommendation
    ("مُساءَلة", [TORTURE]),
    ("مستشفي", [HOSPITAL]),  # ى / ي
    ("الزيارة", [VISITS]),  # the article and the ta marbuta
    ("اماكن", [VISITS]),  # أ -> ا
    ("lawyers", [LAWYER]),  # English stems
])
def test_arabic_spelling_variants_find_each_other(library, followup_staff, q, expected):
    assert found(followup_staff["followup"], q) == expected


def test_phrases_or_and_exclusions(library, followup_staff):
    officer = followup_staff["followup"]

    assert sorted(found(officer, "المحتجزين")) == sorted([TORTURE, HOSPITAL])
    assert found(officer, "المحتجزين -مستشفى") == [TORTURE]
    assert found(officer, '"أماكن الاحتجاز"') == [VISITS]
    assert found(officer, '"الاحتجاز أماكن"') == []
    assert sorted(found(officer, "مستشفى OR lawyer")) == sorted([HOSPITAL, LAWYER])
    assert sorted(found(officer, "-الشرطة")) == sorted([VISITS, HOSPITAL, LAWYER])
    assert found(officer, "(مستشفى OR إخطار) -زيارة") == [HOSPITAL]


def test_another_organisation_never_finds_them(library, followup_staff, recommend, other_org):
    theirs_source = services.create_source(actor=followup_staff["nhri_followup"], kind=SourceKind.NHRI,
                                           title_ar="التقرير السنوي للمؤسسة")
    theirs = recommend("تدريب أفراد الشرطة على معاملة المحتجزين", actor=followup_staff["nhri_followup"],
                       source=theirs_source)

    assert found(followup_staff["nhri_followup"], "الشرطة") == [theirs.text]
    assert found(followup_staff["outsider"], "الشرطة") == [theirs.text]
    assert found(followup_staff["sec"], "الشرطة") == []
    assert sorted(found(followup_staff["supervisor"], "الشرطة")) == sorted([TORTURE])
    # Even handed another organisation's recommendations, the index answers for the reader's only.
    everything = Recommendation.objects.all()
    assert [r.text for r in search_recommendations(everything, "الشرطة", user=followup_staff["sec"])] == []
    assert [r.text for r in search_recommendations(everything, "الشرطة", user=None)] == []


def test_members_find_what_a_secretariat_addressed_to_them(followup_staff, conference, org, recommend):
    rec = recommend("إنشاء وحدات لحقوق الإنسان في الأجهزة الأمنية", actor=followup_staff["sec"],
                    source=conference, addressees=[org])

    assert found(followup_staff["followup"], "وحدات") == [rec.text]
    assert found(followup_staff["sec"], "وحدات") == [rec.text]
    assert found(followup_staff["nhri_followup"], "وحدات") == []
    # Addressed later: the member organisation finds it from then on.
    services.address_recommendation(actor=followup_staff["sec"], recommendation=rec,
                                    organisations=[followup_staff["nhri_followup"].membership.organisation])
    assert found(followup_staff["nhri_followup"], "وحدات") == [rec.text]


def test_reference_themes_source_and_bodies_are_searchable(followup_staff, recommend, places, prosecution):
    rec = recommend(LAWYER, symbol="CAT/C/EGY/CO/5", paragraph="14", themes=[Category.objects.get(code="due_process")],
                    bodies=[("lead", None, prosecution), ("supporting", places["prisons"], None)])
    officer = followup_staff["followup"]

    for q in ("CAT/C/EGY/CO/5", "catcegyco5", "ضمانات", "Committee against Torture", "مناهضة التعذيب",
              "النيابة", "Parquet", "pénitentiaire", "UN treaty body"):
        assert found(officer, q) == [rec.text], q


def test_a_reference_match_ranks_before_a_mention_in_the_text(followup_staff, recommend):
    in_text = recommend("تنفيذ التوصية الواردة في الوثيقة 52 بشأن الحبس الاحتياطي")
    in_reference = recommend("تقليص مدد الحبس الاحتياطي", symbol="A/HRC/52/12")

    assert found(followup_staff["followup"], "52 الحبس") == [in_reference.text, in_text.text]


def test_the_index_follows_edits_and_rollbacks(followup_staff, recommend):
    officer = followup_staff["followup"]
    rec = recommend(VISITS)
    services.update_recommendation(actor=officer, recommendation=rec, text=HOSPITAL)

    assert found(officer, "إخطار") == []
    assert found(officer, "مستشفى") == [HOSPITAL]

    with pytest.raises(RuntimeError), transaction.atomic():
        services.update_recommendation(actor=officer, recommendation=Recommendation.objects.get(pk=rec.pk),
                                       text=LAWYER)
        raise RuntimeError("rolled back")
    assert found(officer, "lawyer") == []
    assert found(officer, "مستشفى") == [HOSPITAL]


def test_imported_and_reimported_rows_are_indexed_with_their_batch(followup_staff, cat_source, tmp_path,
                                                                   django_capture_on_commit_callbacks):
    officer = followup_staff["followup"]

    def run(text):
        path = tmp_path / "recommendations.csv"
        path.write_bytes(("key,text,source,source_kind\r\n" + text).encode())
        with django_capture_on_commit_callbacks(execute=True):
            return import_jobs.import_file(actor=officer, organisation=cat_source.organisation, path=str(path),
                                           fmt="csv")

    first = run(f"K-1,{VISITS},{cat_source.title_en},treaty_body\r\n")
    assert (first.status, first.created_count) == ("done", 1)
    assert found(officer, "إخطار") == [VISITS]

    second = run(f"K-1,{HOSPITAL},{cat_source.title_en},treaty_body\r\n")
    assert (second.status, second.updated_count) == ("done", 1)
    assert found(officer, "إخطار") == []
    assert found(officer, "مستشفى") == [HOSPITAL]
    # The engine read it too, once committed: its suggestion follows the new text (0.7769 before).
    rec = Recommendation.objects.get(external_key="K-1")
    assert list(rec.suggestions.values_list("kind", "value", "confidence", "status")) == [
        ("theme", "detention_conditions", 0.8347, "pending")]


def test_translations_are_searched_too(followup_staff, recommend):
    rec = recommend(LAWYER, language="en", text_ar="ضمان الاستعانة بمحام منذ بداية الحرمان من الحرية",
                    text_fr="Garantir l'accès à un avocat dès le début de la privation de liberté")

    assert found(followup_staff["followup"], "محامي") == [rec.text]
    assert found(followup_staff["followup"], "avocats") == [rec.text]


def test_every_projection_is_registered_by_the_wings():
    assert {"search.recommendations", "triage.followup_suggestions"} <= set(projections.registered())


def test_rebuild_command_restores_a_lost_index(library, followup_staff, capsys):
    RecommendationDocument.objects.all().delete()
    assert found(followup_staff["followup"], "المحتجزين") == []

    call_command("rebuild_search_index", only="recommendations", batch_size=3)
    output = capsys.readouterr().out

    assert "Indexed 3/4 recommendations" in output and "Indexed 4/4 recommendations" in output
    assert "Search index of recommendations rebuilt: 4 recommendations." in output
    assert "cases" not in output
    assert sorted(found(followup_staff["followup"], "المحتجزين")) == sorted([TORTURE, HOSPITAL])


def test_snippets_mark_the_words_found_in_the_readers_language(followup_staff, recommend, settings):
    rec = recommend(LAWYER, language="en", text_ar="ضمان الاستعانة بمحامٍ منذ بداية الحرمان من الحرية")
    rows = list(search_recommendations(access.recommendations_for(followup_staff["followup"]), "محامي",
                                       user=followup_staff["followup"]))
    attach_snippets(rows, "محامي")

    assert rows == [rec]
    assert str(rows[0].search_snippet) == "ضمان الاستعانة <mark>بمحامٍ</mark> منذ بداية الحرمان من الحرية"


def test_an_empty_search_changes_nothing(library, followup_staff):
    everything = access.recommendations_for(followup_staff["followup"])

    assert search_recommendations(everything, "  ", user=followup_staff["followup"]) is everything
    assert len(found(followup_staff["followup"], "في")) == 4  # a stop-word only: not filtered
