"""MinHash signatures, LSH band keys and `near_duplicate_pairs` (pure, no database)."""

from mizan.triage.minhash import (
    BANDS,
    NUM_PERM,
    band_keys,
    estimated_jaccard,
    from_bytes,
    near_duplicate_pairs,
    signature,
    signature_of_shingles,
    to_bytes,
)

ORIGINAL = ("تعرض ابني للضرب المبرح داخل مركز الشرطة وعلقوه من يديه حتى وقع على اعتراف، "
            "وما زال محتجزا منذ ثلاثة أسابيع دون أن يعرض على النيابة العامة")
# The same complaint sent again: harakat, hamza on alef, teh marbuta as heh, one word changed.
REWORDED = ("تَعَرَّضَ إبني للضرب المبرّح داخل مركز الشرطه وعلّقوه من يديه حتى وقّع على إعتراف، "
            "وما زال محتجزاً منذ ثلاثة اسابيع دون ان يُعرض على النيابة")
UNRELATED = "الكفيل أخذ جواز سفري ولا يعطيني راتبي منذ ستة أشهر وأريد العودة إلى بلدي"


def test_signature_has_128_values_and_round_trips_through_bytes():
    sig = signature(ORIGINAL)

    assert sig.shape == (NUM_PERM,)
    assert len(to_bytes(sig)) == NUM_PERM * 8
    assert (from_bytes(to_bytes(sig)) == sig).all()


def test_signature_is_stable_for_the_same_text():
    assert (signature(ORIGINAL) == signature(ORIGINAL)).all()
    assert band_keys(signature(ORIGINAL)) == band_keys(signature(ORIGINAL))


def test_signature_and_band_keys_are_those_already_stored():
    # Signatures and band keys are stored and looked up: a faster computation must give exactly
    # the values of the first implementation (BLAKE2b shingle hashes, then (a·x + b) mod 2^61-1).
    sig = signature(ORIGINAL)
    keys = band_keys(sig)

    assert [int(value) for value in sig[:4]] == [16162048, 6530581, 73865691, 60587417]
    assert (keys[0], keys[31]) == ("0038622bb165791eed", "31f11027cbf3cc16f2")


def test_signature_of_shingles_equals_signature_of_the_text():
    from mizan.lib.arabic import shingles

    for text in (ORIGINAL, REWORDED, UNRELATED, "قصير", ""):
        assert (signature_of_shingles(shingles(text, 5)) == signature(text)).all()


def test_band_keys_one_per_band_and_numbered():
    keys = band_keys(signature(ORIGINAL))

    assert len(keys) == BANDS
    assert [key[:2] for key in keys] == [f"{i:02d}" for i in range(BANDS)]


def test_reworded_copy_with_other_spelling_is_a_near_duplicate():
    score = estimated_jaccard(signature(ORIGINAL), signature(REWORDED))

    assert score >= 0.6


def test_unrelated_complaint_is_far():
    assert estimated_jaccard(signature(ORIGINAL), signature(UNRELATED)) < 0.2


def test_empty_text_matches_nothing():
    assert estimated_jaccard(signature(""), signature("")) == 0.0


def test_near_duplicate_pairs_finds_the_copies_and_only_them():
    docs = [
        ("a1", ORIGINAL),
        ("a2", REWORDED),
        ("b1", "اعتقلوا أخي من أمام الجامعة يوم الأحد واقتادوه إلى جهة غير معلومة ولم نعرف مكانه حتى الآن"),
        ("b2", "اعتقلوا اخي من امام الجامعه يوم الاحد واقتادوه الى جهه غير معلومه ولم نعرف مكانه حتى اليوم"),
        ("c", UNRELATED),
        ("d", "Mon frère a été arrêté à la sortie du stade et personne ne sait où il est détenu"),
        ("e", "My brother was arrested outside the stadium and nobody knows where he is held"),
        ("f", "تعرض ابني للضرب في القسم"),
        ("g", ""),
    ]

    pairs = near_duplicate_pairs(docs)

    assert pairs == {frozenset({"a1", "a2"}), frozenset({"b1", "b2"})}


def test_near_duplicate_pairs_precision_on_a_small_set():
    # Eight different complaints on related subjects, each with one respelled copy: every pair
    # found must be a true copy, and every copy must be found.
    bases = [
        "ضربوني في قسم الدقي وأخذوا هاتفي ولم يعيدوه حتى اليوم رغم أنني قدمت طلبا مكتوبا",
        "ابني محتجز في سجن المنيا منذ شهرين دون محاكمة ولا نعرف التهمة الموجهة إليه",
        "منعوني من السفر في مطار القاهرة دون أي قرار مكتوب وقالوا إن اسمي على قائمة",
        "داهموا منزلنا في الجيزة فجرا وكسروا الباب وصادروا الأجهزة دون إذن من النيابة",
        "والدي مريض بالقلب ومحتجز في مركز الإصلاح ولا يسمحون بإدخال الدواء له منذ أسبوع",
        "رفض الضابط تحرير محضر بسرقة سيارتي وطلب مني العودة بعد أسبوعين بلا سبب",
        "اعتقلوا أخي من أمام الجامعة يوم الأحد واقتادوه إلى جهة غير معلومة حتى الآن",
        "تعرضت للتحرش أثناء التفتيش في الكمين ولم تكن هناك شرطية لتفتيش النساء",
    ]
    docs = []
    for i, text in enumerate(bases):
        docs.append((f"{i}", text))
        docs.append((f"{i}'", text.replace("ة", "ه").replace("أ", "ا").replace("إ", "ا") + "."))
    truth = {frozenset({f"{i}", f"{i}'"}) for i in range(len(bases))}

    pairs = near_duplicate_pairs(docs)

    true_positives = pairs & truth
    precision = len(true_positives) / len(pairs)
    recall = len(true_positives) / len(truth)
    assert (precision, recall) == (1.0, 1.0)


def test_near_duplicate_pairs_threshold_is_respected():
    docs = [("x", ORIGINAL), ("y", REWORDED)]
    score = estimated_jaccard(signature(ORIGINAL), signature(REWORDED))

    assert near_duplicate_pairs(docs, threshold=score) == {frozenset({"x", "y"})}
    assert near_duplicate_pairs(docs, threshold=min(score + 0.01, 1.01)) == set()
