"""`manage.py train_triage`: confirmed labels, metrics against the lexicon, activation,
rollback, listing, and refusal of a tampered model file."""

import random
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from mizan.audit.models import AuditEvent
from mizan.complaints.models import Category
from mizan.complaints.services import set_categories
from mizan.triage.classify import predict_categories
from mizan.triage.model import LinearSVCBaseline, TextCategoriser, iterative_folds
from mizan.triage.models import Suggestion, TriageModel
from mizan.triage.registry import ModelIntegrityError, forget, load_model, models_dir
from mizan.triage.training import confirmed_examples

ANON = {"anonymous": True, "complainant": {}}

# An organisation's own way of writing three kinds of complaint, in words the lexicon barely
# knows: a model trained on them must beat it.
HOUSE_STYLE = {
    "detention_conditions": ["انقطعت المياه عن العنبر {n} منذ {d} أيام", "العنبر {n} بلا مياه للشرب منذ {d} أيام",
                             "المياه مقطوعة في العنبر {n} والحر شديد منذ {d} أيام"],
    "property": ["لم يسلموا الأمانات بعد خروجه وفيها {item}", "الأمانات لم ترد إليه وبينها {item}",
                 "طالبنا بالأمانات ومنها {item} ولم نستلم شيئا"],
    "movement": ["منعوه من عبور بوابة {place} رغم التصريح", "التصريح لم يقبل عند بوابة {place} وأعادوه",
                 "بوابة {place} رفضت عبوره بالتصريح"],
}
# Three kinds written with the lexicon's own words: the lexicon is already perfect on them.
TEXTBOOK = {
    "torture": ["تعرض للتعذيب يوم {d}", "تعرض للضرب المبرح مرة {n}", "ضربوه وكهربوه في القسم رقم {n}"],
    "movement": ["منعوه من السفر يوم {d}", "عليه منع سفر منذ {n} أشهر", "ممنوع من السفر منذ {n} سنوات"],
    "privacy": ["داهموا البيت فجرا مرة {n}", "فتشوا هاتفه وقرأوا رسائله يوم {d}", "قرأوا رسائله الخاصة مرة {n}"],
}


def texts(templates, per_category=20, seed=7):
    rng = random.Random(seed)
    fill = {
        "n": lambda: str(rng.randint(1, 9)), "d": lambda: rng.choice(["السبت", "الأحد", "الاثنين", "الخميس"]),
        "item": lambda: rng.choice(["ساعة", "محفظة", "خاتم", "مفاتيح", "نقود"]),
        "place": lambda: rng.choice(["الشمال", "الجسر", "الميناء", "السوق"]),
    }
    rows = []
    for i in range(per_category):
        for code, options in templates.items():
            template = options[i % len(options)]
            rows.append((template.format(**{key: make() for key, make in fill.items()}), code))
    return rows


@pytest.fixture
def confirmed(file_case, staff):
    """confirmed(rows) files each (text, code) at the desk: categories a person chose."""

    def build(rows):
        return [file_case(text, actor=staff["intake"], channel="walk_in", categories=[code], **ANON)[0]
                for text, code in rows]

    return build


def train(*args):
    out = StringIO()
    call_command("train_triage", "--org", "moi-hr", *args, stdout=out)
    return out.getvalue()


def test_confirmed_examples_are_only_cases_a_person_labelled(file_case, triaged, staff):
    by_staff, _ = file_case("عذبوه", actor=staff["intake"], channel="walk_in", categories=["torture"], **ANON)
    by_complainant, _ = file_case("عذبوه", categories=["torture"], **ANON)
    changed, _ = file_case("منعوه من السفر", categories=[], **ANON)
    set_categories(actor=staff["officer"], case=changed, categories=[Category.objects.get(code="movement")])
    rejected = triaged("فتشوا هاتفه في الكمين", categories=[], **ANON)
    Suggestion.objects.filter(case=rejected, kind="category").update(status="rejected")

    examples = {e.case_id: set(e.codes) for e in confirmed_examples(by_staff.organisation)}

    assert examples == {by_staff.pk: {"torture"}, changed.pk: {"movement"}, rejected.pk: set()}
    assert by_complainant.pk not in examples


def test_train_triage_trains_reports_and_activates_a_better_model(confirmed, org):
    confirmed(texts(HOUSE_STYLE))

    output = train()

    row = TriageModel.objects.get()
    assert row.is_active and row.n_examples == 60
    assert row.labels == ["detention_conditions", "movement", "property"]
    assert set(row.metrics) == {"folds", "model", "lexicon", "label_counts", "seed"}
    assert row.metrics["folds"] == 5
    assert row.metrics["model"]["micro_f1"] > row.metrics["lexicon"]["micro_f1"]
    assert (models_dir() / f"{row.sha256}.joblib").exists()
    assert "Examples: 60 confirmed cases; categories learnt: detention_conditions=20, movement=20, property=20" in output
    assert "5-fold cross-validated F1 on the same held-out cases:" in output
    assert f"  model    {row.metrics['model']['micro_f1']:7.3f} {row.metrics['model']['macro_f1']:7.3f}" in output
    assert f"  lexicon  {row.metrics['lexicon']['micro_f1']:7.3f} {row.metrics['lexicon']['macro_f1']:7.3f}" in output
    assert f"Version {row.pk} activated: its micro-F1 beats the lexicon's." in output
    assert list(AuditEvent.objects.filter(action__startswith="triage.model").values_list("action", flat=True)) == [
        "triage.model_train", "triage.model_activate"]


def test_active_model_serves_predictions_with_its_source(confirmed, org):
    confirmed(texts(HOUSE_STYLE))
    train()
    row = TriageModel.objects.get()

    guesses = predict_categories("انقطعت المياه عن العنبر الثالث منذ يومين", org)

    assert [(g.code, g.source) for g in guesses][0] == ("detention_conditions", f"model:{row.pk}")
    assert "المياه" in guesses[0].triggers


def test_active_model_leaves_unknown_categories_to_the_lexicon(confirmed, org):
    confirmed(texts(HOUSE_STYLE))
    train()

    guesses = predict_categories("تعرض للتعذيب في القسم", org)

    assert ("torture", "lexicon") in [(g.code, g.source) for g in guesses]


def test_triage_task_uses_the_active_model(confirmed, triaged, org):
    confirmed(texts(HOUSE_STYLE))
    train()
    row = TriageModel.objects.get()

    case = triaged("المياه مقطوعة عن العنبر الخامس منذ أسبوع", categories=[], **ANON)

    suggestion = case.suggestions.get(kind="category", value="detention_conditions")
    assert suggestion.source == f"model:{row.pk}"


def test_model_not_better_than_the_lexicon_is_stored_but_not_activated(confirmed):
    confirmed(texts(TEXTBOOK))

    output = train()

    row = TriageModel.objects.get()
    assert row.metrics["lexicon"]["micro_f1"] == 1.0
    assert row.is_active is False
    assert "does not beat the lexicon's (use --activate force to activate it anyway)" in output


def test_activate_force_overrides_and_no_never_activates(confirmed):
    confirmed(texts(TEXTBOOK))

    forced = train("--activate", "force")
    train("--activate", "no")

    first, second = TriageModel.objects.order_by("pk")
    assert (first.is_active, second.is_active) == (True, False)
    assert "activated by force" in forced


def test_too_few_examples_is_refused(confirmed):
    confirmed(texts(HOUSE_STYLE, per_category=5))

    with pytest.raises(CommandError, match="15 confirmed examples; at least 30 are needed"):
        train()
    assert TriageModel.objects.count() == 0


def test_min_examples_option_lowers_the_bar(confirmed):
    confirmed(texts(HOUSE_STYLE, per_category=5))

    train("--min-examples", "10", "--activate", "no")

    assert TriageModel.objects.get().n_examples == 15


def test_unknown_organisation_is_refused(db):
    with pytest.raises(CommandError, match="Unknown organisation"):
        call_command("train_triage", "--org", "nowhere", stdout=StringIO())


def test_rollback_returns_to_the_replaced_version_then_to_the_lexicon(confirmed, org):
    confirmed(texts(HOUSE_STYLE))
    train()
    train("--activate", "force", "--seed", "1")
    first, second = TriageModel.objects.order_by("pk")
    assert (first.is_active, second.is_active, second.replaces_id) == (False, True, first.pk)

    output = train("--rollback")

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.is_active, second.is_active) == (True, False)
    assert f"Version {second.pk} deactivated; version {first.pk} is active again." in output

    output = train("--rollback")

    assert TriageModel.objects.filter(is_active=True).count() == 0
    assert "the lexicon is used again" in output
    assert predict_categories("تعرض للتعذيب في القسم", org)[0].source == "lexicon"
    with pytest.raises(CommandError, match="nothing to roll back"):
        train("--rollback")


def test_list_shows_versions_active_marker_and_integrity(confirmed):
    confirmed(texts(HOUSE_STYLE))
    train()
    train("--activate", "no", "--seed", "1")
    first, second = TriageModel.objects.order_by("pk")
    assert first.sha256 != second.sha256
    (models_dir() / f"{second.sha256}.joblib").write_bytes(b"not the model")

    output = train("--list")

    lines = output.splitlines()
    assert lines[1].startswith(f"* {first.pk:>7}") and lines[1].endswith("ok")
    assert lines[2].startswith(f"  {second.pk:>7}") and lines[2].endswith("REFUSED (missing or altered)")


def test_tampered_model_file_is_refused_and_the_lexicon_serves(confirmed, org):
    confirmed(texts(HOUSE_STYLE))
    train()
    row = TriageModel.objects.get(is_active=True)
    path = models_dir() / f"{row.sha256}.joblib"
    path.write_bytes(path.read_bytes() + b"\0")
    forget()

    with pytest.raises(ModelIntegrityError, match="refusing to load it"):
        load_model(row.sha256)
    guesses = predict_categories("تعرض للتعذيب في القسم", org)

    assert {g.source for g in guesses} == {"lexicon"}


def test_missing_model_file_is_refused(confirmed):
    confirmed(texts(HOUSE_STYLE))
    train()
    row = TriageModel.objects.get(is_active=True)
    (models_dir() / f"{row.sha256}.joblib").unlink()
    forget()

    with pytest.raises(ModelIntegrityError, match="cannot be read"):
        load_model(row.sha256)


def test_iterative_folds_spread_every_category():
    label_sets = [{"a"}] * 10 + [{"b"}] * 10 + [{"a", "rare"}] * 5

    folds = iterative_folds(label_sets, k=5, seed=0)

    assert sorted(folds.count(f) for f in range(5)) == [5, 5, 5, 5, 5]
    assert sorted(folds[i] for i, labels in enumerate(label_sets) if "rare" in labels) == [0, 1, 2, 3, 4]
    assert sorted(sum(1 for i, s in enumerate(label_sets) if "b" in s and folds[i] == f) for f in range(5)) == [2] * 5


def test_model_triggers_are_words_as_written():
    rows = texts(HOUSE_STYLE)
    model = TextCategoriser(["detention_conditions", "movement", "property"]).fit(
        [text for text, _ in rows], [{code} for _, code in rows])
    text = "الأمانات لم تُرَدّ إليه"

    guess = model.guesses(text)[0]

    assert guess.code == "property"
    assert guess.triggers[0] == "الأمانات"
    assert all(word in text for word in guess.triggers)


def test_train_triage_prints_the_linear_svc_baseline_on_the_same_folds(confirmed):
    confirmed(texts(HOUSE_STYLE))

    output = train("--baseline", "linear-svc", "--activate", "no")

    row = TriageModel.objects.get()
    baseline = row.metrics["baseline"]
    assert set(row.metrics) == {"folds", "model", "lexicon", "baseline", "label_counts", "seed"}
    assert set(baseline) == {"name", "micro_f1", "macro_f1"}
    assert baseline["name"] == "linear-svc"
    assert f"  linear-svc {baseline['micro_f1']:7.3f} {baseline['macro_f1']:7.3f}" in output
    assert f"  model      {row.metrics['model']['micro_f1']:7.3f} {row.metrics['model']['macro_f1']:7.3f}" in output
    # Ours must not do worse than the plain baseline.
    assert row.metrics["model"]["macro_f1"] >= baseline["macro_f1"]


def test_model_tunes_a_threshold_per_label_and_uses_it():
    rows = texts(HOUSE_STYLE)
    model = TextCategoriser(["detention_conditions", "movement", "property"]).fit(
        [text for text, _ in rows], [{code} for _, code in rows])

    assert set(model.thresholds) == {"detention_conditions", "movement", "property"}
    assert all(0.1 <= value <= 0.9 for value in model.thresholds.values())
    probabilities = model.probabilities(["بوابة السوق رفضت عبوره بالتصريح"])[0]
    chosen = {label for label, p in zip(model.labels, probabilities, strict=True) if p >= model.thresholds[label]}
    assert model.predict_codes(["بوابة السوق رفضت عبوره بالتصريح"]) == [chosen or {model.labels[probabilities.argmax()]}]


def test_model_trained_on_single_label_texts_always_predicts_one_label():
    rows = texts(HOUSE_STYLE)
    model = TextCategoriser(["detention_conditions", "movement", "property"]).fit(
        [text for text, _ in rows], [{code} for _, code in rows])
    model.thresholds = dict.fromkeys(model.labels, 0.99)  # nothing reaches them

    predicted = model.predict_codes(["نص لا علاقة له بأي فئة", "العنبر بلا مياه"])

    assert [len(codes) for codes in predicted] == [1, 1]
    assert predicted[1] == {"detention_conditions"}
    assert model.single_label is True


def test_model_trained_on_multi_label_texts_may_predict_nothing():
    rows = texts(HOUSE_STYLE)
    label_sets = [{code, "property"} if code == "movement" else {code} for _, code in rows]
    model = TextCategoriser(["detention_conditions", "movement", "property"]).fit([t for t, _ in rows], label_sets)
    model.thresholds = dict.fromkeys(model.labels, 0.99)

    assert model.single_label is False
    assert model.predict_codes(["نص لا علاقة له بأي فئة"]) == [set()]


def test_linear_svc_baseline_is_plain_tfidf_and_one_svm_per_label():
    rows = texts(HOUSE_STYLE)
    baseline = LinearSVCBaseline(["detention_conditions", "movement", "property"]).fit(
        [text for text, _ in rows], [{code} for _, code in rows])

    assert baseline.predict_codes(["العنبر بلا مياه للشرب منذ يومين"]) == [{"detention_conditions"}]
    assert baseline.vectoriser.sublinear_tf is False  # scikit-learn's defaults
    assert baseline.classifier.estimator.C == 1.0
