"""The lexicon classifier and urgency detection on fresh complaint sentences."""

import pytest
from django.utils import translation

from mizan.triage.classify import predict_categories
from mizan.triage.lexicon import THRESHOLD, LexiconClassifier, analyse_text, detect_urgency

lexicon = LexiconClassifier()


def codes(text):
    return {guess.code for guess in lexicon.predict(text)}


def guess_for(text, code):
    return next(guess for guess in lexicon.guesses(text) if guess.code == code)


# One fresh sentence per register: (register, text, expected category, a trigger word as written).
REGISTERS = [
    ("MSA", "اقتحم أفراد الأمن منزلنا ليلاً واعتقلوا والدي دون أن يبرزوا أي أمر قضائي",
     "arbitrary_detention", "أمر قضائي"),
    ("Egyptian", "الظابط خبطني بالقلم على وشي قدام الناس وبعدين كهربوني في الحجز",
     "torture", "كهربوني"),
    ("Gulf", "ولدي طقوه في المركز وكفخوه لين ما نزف", "torture", "طقوه"),
    ("Levantine", "أخي صار له شهر بالنظارة من يوم شحطوه من الشغل", "arbitrary_detention", "بالنظارة من"),
    ("Moroccan", "البوليس رفدوه من الدار وحبسوه بلا سبب", "arbitrary_detention", "وحبسوه بلا سبب"),
    ("Algerian", "خويا راهو محبوس من جمعة وما جابوهش للمحكمة", "arbitrary_detention", "راهو محبوس"),
    ("Tunisian", "هزوه للبوستة وكي مشينا نسألو قالولنا ماكانش عندنا", "arbitrary_detention", "هزوه للبوستة"),
    ("French", "Mon fils a été tabassé et roué de coups dans la voiture de police", "torture", "tabassé"),
    ("English", "The guards kicked and punched my husband until he lost a tooth", "torture", "kicked"),
]


@pytest.mark.parametrize(("register", "text", "code", "trigger"), REGISTERS, ids=[r[0] for r in REGISTERS])
def test_lexicon_finds_category_in_each_register(register, text, code, trigger):
    guess = guess_for(text, code)

    assert code in codes(text)
    assert guess.confidence >= THRESHOLD
    assert trigger in guess.triggers


def test_lexicon_triggers_are_the_words_as_written_with_harakat_and_spelling():
    text = "ابني تَعَرَّضَ لِلتَّعْذِيبِ في الحجز"

    guess = guess_for(text, "torture")

    assert guess.triggers == ("تَعَرَّضَ لِلتَّعْذِيبِ", "الحجز")
    start = text.index(guess.triggers[0])
    assert text[start:start + len(guess.triggers[0])] == guess.triggers[0]


def test_lexicon_phrase_weighs_more_than_a_single_word():
    phrase = guess_for("تعرض للضرب المبرح", "torture")
    single = guess_for("طلبت جواز السفر", "movement")  # a passport: any paperwork, alone
    two = guess_for("طلبت جواز السفر في المطار", "movement")

    assert (phrase.confidence, single.confidence, two.confidence) == (0.7769, 0.4512, 0.6988)


def test_lexicon_single_word_alone_is_not_suggested():
    # A word that alone is ambiguous needs a second piece of evidence.
    assert codes("طلبت جواز السفر") == set()
    assert codes("طلبت جواز السفر في المطار") == {"movement"}


# The issue's examples, word for word: a single unambiguous term suggests its category, and formal
# Arabic is understood.
ISSUE = [
    ("تعذيب", "torture", ("تعذيب",)),
    ("ابني عذبوه في القسم", "torture", ("عذبوه في القسم",)),
    ("خضوع كل من يرتكب أفعال تعذيب للتحقيق والملاحقة", "torture", ("أفعال تعذيب",)),
    ("ضمان وصول النساء والفتيات ضحايا العنف إلى الحماية", "women", ("النساء والفتيات",)),
]


@pytest.mark.parametrize(("text", "code", "triggers"), ISSUE, ids=[i[0] for i in ISSUE])
def test_issue_sentences_are_suggested_their_category(text, code, triggers):
    guess = guess_for(text, code)

    assert guess.confidence >= THRESHOLD
    assert guess.triggers[: len(triggers)] == triggers


def test_issue_incommunicado_sentence_raises_the_signal_and_the_category():
    text = "مفيش حد بالاسم ده عندنا"

    with translation.override("en"):
        signals = detect_urgency(text)

    assert [(s.code, s.level, s.triggers) for s in signals] == [("incommunicado", "critical", ("مفيش حد بالاسم ده",))]
    # A denial of custody is a disappearance and, by the guidelines, an arbitrary detention too.
    assert [(g.code, g.confidence, g.triggers) for g in lexicon.predict(text)] == [
        ("arbitrary_detention", 0.7769, ("مفيش حد بالاسم ده",)),
        ("disappearance", 0.7769, ("مفيش حد بالاسم ده",)),
    ]


# A single unambiguous word of a category suggests it, in each language.
STRONG_ALONE = [
    ("disappearance", "اختفى أخي"), ("disappearance", "Mon frère a disparu"),
    ("disappearance", "He was abducted"), ("right_to_life", "الوفيات أثناء الاحتجاز"),
    ("right_to_life", "He died in custody"), ("women", "اغتصاب"), ("women", "She was raped"),
    ("children", "طفل"), ("children", "un enfant"), ("children", "a juvenile"),
    ("torture", "torture"), ("torture", "They tortured him"), ("disability", "أصم"),
    ("migrants_trafficking", "لاجئ"), ("discrimination", "تمييز"), ("older_persons", "مسن"),
]


@pytest.mark.parametrize(("code", "text"), STRONG_ALONE, ids=[t for _c, t in STRONG_ALONE])
def test_one_unambiguous_word_suggests_its_category(code, text):
    assert code in codes(text)


# A stated age decides the children and older-persons categories; a number of years does not.
AGES = [
    ("ابني عمره ١٥ سنة", {"children"}), ("عنده خمستاشر سنة", {"children"}),
    ("البالغة من العمر ستة عشر عاما", {"children"}), ("a 15-year-old boy", {"children"}),
    ("il a 16 ans", {"children"}), ("دون سن الثامنة عشرة", {"children"}), ("under the age of 18", {"children"}),
    ("والدي البالغ من العمر خمسة وسبعين عاما", {"older_persons"}), ("أبي في السبعين من عمره", {"older_persons"}),
    ("a man aged 70", {"older_persons"}), ("plus de 70 ans", {"older_persons"}),
    ("محبوس ١٥ سنة", set()), ("condamné à 15 ans", set()), ("il a passé 15 ans en prison", set()),
    ("سنة 2015", set()), ("شاب عمره 25 سنة", set()),
]


@pytest.mark.parametrize(("text", "expected"), AGES, ids=[a[0] for a in AGES])
def test_stated_age_decides_children_and_older_persons(text, expected):
    assert codes(text) & {"children", "older_persons"} == expected


def test_stated_age_trigger_is_the_age_as_written():
    assert guess_for("ولدي عمره ١٤", "children").triggers == ("عمره ١٤",)


def test_a_blow_is_torture_in_custody_excessive_force_in_the_street_and_nothing_alone():
    assert codes("ضربوه") == set()
    assert codes("ضربوه في القسم") == {"torture"}
    assert codes("ضربوه في الشارع") == {"excessive_force"}
    assert codes("The guards kicked and punched him") == {"torture"}


def test_without_must_come_before_the_words_it_denies():
    # "without a judicial order" is arbitrary; "with a reasoned judicial order" (a law) is not.
    assert "arbitrary_detention" in codes("اعتقلوا والدي دون أن يبرزوا أي أمر قضائي")
    assert "arbitrary_detention" not in {g.code for g in lexicon.guesses("لا يجوز تفتيشها إلا بأمر قضائي مسبب")}


def test_feminine_and_her_words_do_not_meet_the_masculine():
    # موقوفة / يضربها speak of a woman; the stemmer alone would fold them into موقوف / يضربه.
    assert codes("أختي موظفة وزوجها يضربها") == {"women"}
    assert lexicon.guesses("أخي موظف وزوجته تضربه") == []


def test_or_carries_a_denial_to_the_next_word():
    assert codes("He was not arrested or mistreated in any way") == set()
    assert "torture" in codes("He was arrested and mistreated")


INDIRECT_URGENCY = [
    "قالولنا مش عندنا", "كل قسم يقول مش هنا", "في المركز يقولون مب عندنا", "قالوا مو عندنا",
    "رحنا عالفرع قالولنا ما عنا حدا بهالاسم", "الكوميسارية قالولنا ماكاينش عندنا", "أنكروا وجوده",
    "They said he is not here", "we don't have anyone by that name", "ils nient le détenir",
    "les gendarmes disent qu'il n'est pas là", "منعرفش عنه حاجة من امبارح", "ما ندري عنه شي من أسبوع",
]


@pytest.mark.parametrize("text", INDIRECT_URGENCY)
def test_indirect_denial_of_custody_raises_incommunicado(text):
    # Held incommunicado for a week or more is the long-lasting kind (high), see below.
    assert {signal.code for signal in detect_urgency(text)} & {"incommunicado", "prolonged_incommunicado"}


# The guidelines: incommunicado detention that began in the last days is critical (torture and
# disappearance happen then), one that has lasted weeks or longer high; the time is often said
# indirectly.
INCOMMUNICADO_TIMES = [
    ("قالوا مش عندنا من امبارح", "incommunicado", "critical"),
    ("أنكروا وجوده منذ ثلاثة أيام", "incommunicado", "critical"),
    ("They said he is not here, since yesterday", "incommunicado", "critical"),
    ("Ils nient le détenir depuis trois jours", "incommunicado", "critical"),
    ("ما ندري عنه شي من أسبوع", "prolonged_incommunicado", "high"),
    ("قالولنا مش عندنا ومن شهور واحنا بندور عليه", "prolonged_incommunicado", "high"),
    ("We don't know where he is, for months now", "prolonged_incommunicado", "high"),
    ("Ils nient le détenir depuis deux ans", "prolonged_incommunicado", "high"),
    ("أنكروا وجوده منذ 2014", "prolonged_incommunicado", "high"),
]


@pytest.mark.parametrize(("text", "code", "level"), INCOMMUNICADO_TIMES, ids=[t[0] for t in INCOMMUNICADO_TIMES])
def test_incommunicado_level_follows_the_time_the_text_states(text, code, level):
    signals = detect_urgency(text)

    assert [(s.code, s.level) for s in signals] == [(code, level)]


def test_lexicon_phrase_needs_its_words_in_order():
    # "مضرب عن الطعام" is a phrase: "مضرب" alone (hit) must not raise a hunger strike.
    assert [s.code for s in detect_urgency("أخي مضرب عن الطعام منذ أسبوع")] == ["hunger_strike"]
    assert detect_urgency("الطعام سيئ والمضرب في الساحة") == []


def test_lexicon_several_entries_raise_confidence():
    one = guess_for("تعرض للتعذيب", "torture").confidence
    two = guess_for("تعرض للتعذيب وصعقوه بالكهرباء ونزع الأظافر", "torture").confidence

    assert two > one
    assert two <= 1.0


@pytest.mark.parametrize(("affirmed", "denied"), [
    ("أخي تعرض للضرب المبرح في القسم", "أخي لم يتعرض للضرب المبرح في القسم"),
    ("Il a été roué de coups au commissariat", "Il n'a pas été roué de coups au commissariat"),
    ("He was forced to confess at the station", "He was not forced to confess at the station"),
    ("ضربوه وكهربوه في القسم", "ما ضربوه ولا كهربوه في القسم"),
])
def test_lexicon_negation_lowers_the_score(affirmed, denied):
    assert "torture" in codes(affirmed)
    assert "torture" not in codes(denied)
    assert guess_for(denied, "torture").confidence < guess_for(affirmed, "torture").confidence


def test_lexicon_still_is_not_a_negation():
    # "ما زال" and "لا يزال" mean "still": the torture goes on, it is not denied.
    assert guess_for("ما زال يتعرض للضرب المبرح", "torture").confidence == 0.7769
    assert [s.code for s in detect_urgency("لا يزال مضربا عن الطعام")] == ["hunger_strike"]


def test_lexicon_negation_cue_inside_the_entry_is_part_of_the_signal():
    signals = detect_urgency("ما نعرف وينه من يوم ما شلوه")

    assert signals[0].code == "incommunicado"


def test_lexicon_context_words_alone_suggest_nothing():
    assert lexicon.guesses("راجعت قسم الشرطة وقابلت الضابط ثم ذهبت إلى النيابة") == []
    assert detect_urgency("I went to the police station with my lawyer on Monday") == []


URGENT = [
    ("ongoing_torture", "critical", "لسه بيعذبوه في الحجز لحد النهارده", "لسه بيعذبوه"),
    ("medical_emergency", "critical", "My father is diabetic and they refuse him insulin in the cell", "insulin"),
    ("untreated_illness", "high", "أبوي مريض قلب ومحبوس في السجن المركزي", "مريض قلب"),
    ("hunger_strike", "high", "ابني دخل في إضراب عن الطعام منذ عشرة أيام", "إضراب عن الطعام"),
    ("suicide_risk", "critical", "He told us he wants to kill himself if he stays in that cell", "kill himself"),
    ("child_detained", "high", "ابني عمره ١٥ سنة ومحتجز مع الكبار", "مع الكبار"),
    ("child_detained", "critical", "ابني عمره ١٥ سنة وعذبوه في الحجز", "عمره ١٥ سنة"),
    ("incommunicado", "critical", "Depuis son arrestation, il est détenu au secret", "détenu au secret"),
    ("reprisal_threat", "high", "هددوني لو قدمت شكوى هيلفقوا لي قضية", "هددوني"),
]


@pytest.mark.parametrize(("code", "level", "text", "trigger"), URGENT, ids=[u[0] for u in URGENT])
def test_urgency_signal_detected_with_level_reason_and_trigger(code, level, text, trigger):
    with translation.override("en"):
        signals = detect_urgency(text)
    found = {s.code: s for s in signals}

    assert code in found
    assert found[code].level == level
    assert any(trigger in word for word in found[code].triggers)
    assert found[code].reason


def test_urgency_reason_is_in_the_active_language():
    text = "أخي مضرب عن الطعام"
    with translation.override("en"):
        english = detect_urgency(text)[0].reason
    with translation.override("fr"):
        french = detect_urgency(text)[0].reason
    with translation.override("ar"):
        arabic = detect_urgency(text)[0].reason

    assert (english, french, arabic) == ("Hunger strike", "Grève de la faim", "إضراب عن الطعام")


def test_urgency_critical_sorts_before_high():
    signals = detect_urgency("أخي مضرب عن الطعام ولسه بيضربوه كل يوم")

    assert [s.level for s in signals][0] == "critical"
    assert {s.code for s in signals} >= {"hunger_strike", "ongoing_torture"}


def test_urgency_negated_signal_is_not_raised():
    assert detect_urgency("He is not on hunger strike") == []


@pytest.mark.django_db
def test_predict_categories_without_model_uses_lexicon(org):
    guesses = predict_categories("The guards kicked and punched him", org)

    assert [(g.code, g.source) for g in guesses] == [("torture", "lexicon")]
    assert guesses[0].triggers == ("guards", "kicked", "punched")


# Words that share a stem (or, across French and English, a Snowball stem) with a lexicon entry
# but mean something else: (text, category it must not suggest, the word as written).
FALSE_FRIENDS = [
    # Levantine العنصر "the agent" is not عنصري/عنصرية "racist/racism".
    ("العنصر عالباب قال بدو مصاري ليطلع أخي من النظارة", "discrimination", "العنصر"),
    ("وقف عنصر أمن على الحاجز وطلب الهويات", "discrimination", "عنصر"),
    # English "confess" is not the French "confession" (a person's religion).
    ("I confess I was afraid to complain earlier", "discrimination", "confess"),
    # هربت "she fled" is not كهربوه "they electrocuted him" (stemmed هرب once its ك is cut).
    ("هربت من البيت بعد ما هددني جوزي", "torture", "هربت"),
    # المرحلة "the stage" is not مرحّل "deported".
    ("في المرحلة الأولى من التحقيق سألوني عن اسمي", "migrants_trafficking", "المرحلة"),
    # عيلة "family" is not عيل "kid" (Egyptian).
    ("عيلتي كلها راحت القسم تسأل عليه", "children", "عيلتي"),
    ("العيلة كلها قلقانة عليه", "children", "العيلة"),
    # ضاع "got lost" is not بضاعتي "my goods".
    ("ضاع حقي ومحدش سأل فيا", "property", "ضاع"),
    # French "carte" (card) is not the English "cart" of a street vendor.
    ("Il a confisqué ma carte grise sans raison", "property", "carte"),
]


@pytest.mark.parametrize(("text", "code", "word"), FALSE_FRIENDS, ids=[w for _t, _c, w in FALSE_FRIENDS])
def test_lexicon_false_friend_is_no_evidence(text, code, word):
    guesses = lexicon.guesses(text)  # every category with any evidence, below the threshold too

    assert all(word not in guess.triggers for guess in guesses)
    assert all(word not in trigger for signal in detect_urgency(text) for trigger in signal.triggers)
    if code != "property":  # "confisqué" is property evidence of its own
        assert code not in {guess.code for guess in guesses}


# The true forms of the same entries still count: (text, category, trigger as written).
TRUE_FORMS = [
    ("رفض الموظف خدمتي وسمعت منه ألفاظ عنصرية", "discrimination", "ألفاظ عنصرية"),
    ("هذا تصرف عنصري من الموظف", "discrimination", "عنصري"),
    ("عاملوني بعنصرية في المطار", "discrimination", "بعنصرية"),
    ("On m'a insulté à cause de ma confession chrétienne", "discrimination", "confession"),
    ("He was forced to confess at the station", "torture", "forced to confess"),
    ("الظابط كهربوني في الحجز", "torture", "كهربوني"),
    ("كهربوها في القسم", "torture", "كهربوها"),
    ("ضربوه وكهربوه", "torture", "وكهربوه"),
    ("الخادمة هربت من الكفيل", "migrants_trafficking", "الخادمة هربت"),
    ("أنا مرحل من السعودية", "migrants_trafficking", "مرحل"),
    ("المرحلين في المطار من أسبوع", "migrants_trafficking", "المرحلين"),
    ("ابني في المرحلة الإعدادية", "children", "المرحلة الإعدادية"),
    ("حبسوا العيل في القسم", "children", "العيل"),
    ("ده لسه عيل", "children", "عيل"),
    ("أخذوا بضاعتي من المحل", "property", "بضاعتي"),
]


@pytest.mark.parametrize(("text", "code", "trigger"), TRUE_FORMS, ids=[t for _x, _c, t in TRUE_FORMS])
def test_lexicon_true_form_still_counts(text, code, trigger):
    assert any(trigger in shown for shown in guess_for(text, code).triggers)


def test_urgency_dialect_electrocution_still_raises_ongoing_torture():
    signals = detect_urgency("لسه بيكهربوه في الحجز")

    assert [(s.code, s.triggers) for s in signals] == [("ongoing_torture", ("بيكهربوه",))]


SHARED = [
    "ضربوني في القسم وكهربوني حتى وقعت على اعتراف، ولسه بيضربوا أخويا لحد دلوقتي",
    "He was not forced to confess, but they beat him and he is still on hunger strike",
    "Il a été roué de coups au commissariat et il est détenu au secret depuis lundi",
    "ما زال يتعرض للضرب المبرح ولم يعرض على النيابة، and no lawyer was allowed",
]


@pytest.mark.parametrize("text", SHARED)
def test_one_shared_analysis_gives_the_same_guesses_and_signals(text):
    prepared = analyse_text(text)

    assert detect_urgency(prepared) == detect_urgency(text)
    assert lexicon.guesses(prepared) == lexicon.guesses(text)
    assert analyse_text(prepared) is prepared


def test_shared_analysis_normalises_the_text_once(monkeypatch):
    from mizan.triage import lexicon as module
    from mizan.triage.minhash import SHINGLE_SIZE, signature, signature_of_shingles

    calls = []
    real = module.normalise_with_map
    monkeypatch.setattr(module, "normalise_with_map", lambda text: calls.append(text) or real(text))
    text = SHARED[0]

    prepared = analyse_text(text)
    lexicon.predict(prepared)
    detect_urgency(prepared)
    sig = signature_of_shingles(prepared.shingles(SHINGLE_SIZE))

    assert calls == [text]
    assert (sig == signature(text)).all()


# The guidelines' clarifications as rules: a finding implies another category, with its triggers.
IMPLIED = [
    ("اعتقلوه بسبب تغريدة انتقد فيها الوزير", {"expression_assembly", "arbitrary_detention"},
     "arbitrary_detention", ("اعتقلوه", "بسبب تغريدة", "انتقد")),
    ("ضربوه في القسم عشان يعترف", {"torture", "due_process"},
     "due_process", ("ضربوه في القسم", "عشان يعترف", "يعترف")),
    ("الضابط كان يلمسني أثناء التحقيق", {"torture", "police_conduct", "women"},
     "torture", ("الضابط", "يلمسني", "التحقيق")),
    ("الشرطي هددني إذا اشتكيت عليه", {"police_conduct"},
     "police_conduct", ("الشرطي", "هددني", "هددني إذا اشتكيت")),
    ("khouya chedouh lbolis lbare7 w galo lina makaynch 3ndna", {"disappearance", "arbitrary_detention"},
     "arbitrary_detention", ("chedouh", "makaynch 3ndna")),
]


@pytest.mark.parametrize(("text", "expected", "code", "triggers"), IMPLIED, ids=[i[0] for i in IMPLIED])
def test_a_finding_implies_the_category_the_guidelines_give_it(text, expected, code, triggers):
    assert codes(text) == expected
    assert guess_for(text, code).triggers == triggers


# A category word with another meaning, a relative named in passing, a text that is not a
# complaint: no suggestion.
NOT_THE_CATEGORY = [
    "قتلني الانتظار في الجوازات",
    "I need advice on custody of my children after the divorce",
    "We came with our children to the office",
    "يسرنا دعوتكم لحضور ورشة العمل حول مناهضة التعذيب، نرجو تأكيد الحضور",
    "جوزي بيضربني وروحت القسم",  # domestic violence reported at a station: women's rights, no torture
    "The school refused her because of her epilepsy",  # conditions of detention need custody
]


@pytest.mark.parametrize("text", NOT_THE_CATEGORY)
def test_a_word_in_passing_or_of_another_meaning_is_not_the_category(text):
    assert codes(text) - {"women"} == set()
    assert detect_urgency(text) == []


def test_a_law_that_forbids_is_about_what_it_forbids():
    # "لا يجوز" states a rule: the detention it speaks of is not denied.
    assert guess_for("لا يجوز احتجاز أي شخص تعسفيا", "arbitrary_detention").confidence == 0.6988
    assert codes("لا يجوز احتجاز أي شخص تعسفيا") == {"arbitrary_detention"}


def test_arabizi_is_read_only_where_words_mix_letters_and_digits():
    assert analyse_text("khouya chedouh lbolis lbare7 w galo 3ndna").looks_arabizi is True
    assert analyse_text("khouya chedouh lbolis lbare7").looks_arabizi is False  # one such word only
    # "been", "bien" have the skeleton of "ibni" (my son): English and French stay themselves.
    assert analyse_text("I have been there, it is bien").looks_arabizi is False
    assert codes("I have been there, it is bien") == set()


def test_a_stated_age_in_brackets_or_after_is_is_an_age():
    assert codes("ابني يوسف (16 عامًا) محتجز") == {"children"}
    assert codes("My son is 14") == {"children"}
    assert codes("المادة (16) من القانون") == set()


URGENCY_RULES = [
    # a law or a recommendation is urgent for no one
    ("توصي اللجنة الدولة الطرف بوقف تنفيذ أحكام الإعدام", []),
    # a child and an arrest: a child detained
    ("اعتقلوا ابني وعمره ١٥ سنة", [("child_detained", "high")]),
    # a death next to custody, and recent: a death in custody; years ago it is not an emergency
    ("توفي أخي أمس في الحجز", [("death_in_custody", "critical")]),
    ("توفي أخي في الحجز منذ خمس سنوات", []),
    # sexual violence now is critical; the same act years ago is a complaint, not an emergency
    ("السجان بيدخل عليها بالليل", [("sexual_violence", "critical")]),
    ("اغتصبها سجان قبل سنتين", []),
    # a medicine withheld is the emergency: the negation is the complaint
    ("مش بيدوله الأنسولين في السجن", [("medical_emergency", "critical")]),
    # a serious illness is urgent for a detainee
    ("أبوي مريض قلب ومحبوس في السجن المركزي", [("untreated_illness", "high")]),
]


@pytest.mark.parametrize(("text", "expected"), URGENCY_RULES, ids=[u[0] for u in URGENCY_RULES])
def test_urgency_follows_the_guidelines_levels(text, expected):
    assert [(s.code, s.level) for s in detect_urgency(text)] == expected
