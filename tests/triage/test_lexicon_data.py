"""The cold-start triage lexicon: shape, size, hygiene and a sanity table of fresh complaints.

The sanity tables go through the engine itself (`LexiconClassifier`, `detect_urgency`): a fresh
complaint must be suggested its category, and context words alone must suggest nothing.
"""

from functools import cache

import pytest

from mizan.lib.arabic import analyse, normalise, tokenise
from mizan.triage.lexicon import LexiconClassifier, detect_urgency
from mizan.triage.lexicon_data import (
    AGE_CATEGORIES,
    BOUND_TERMS,
    CATEGORY_CONTEXT,
    CATEGORY_TERMS,
    NEGATIONS,
    OTHER_WORD_ENDINGS,
    PRIVATIVES,
    SIGNAL_CATEGORIES,
    STRONG_TERMS,
    URGENCY_SIGNALS,
    WEAK_TERMS,
    WHOLE_WORD_CATEGORIES,
)

CATEGORY_CODES = {
    "torture", "arbitrary_detention", "disappearance", "detention_conditions", "due_process",
    "excessive_force", "right_to_life", "discrimination", "privacy", "movement",
    "expression_assembly", "women", "children", "disability", "older_persons",
    "migrants_trafficking", "police_conduct", "property", "other",
}
LANGS = ("ar", "fr", "en")
MINIMUM = {"ar": 40, "fr": 20, "en": 20}
# Every list of category words: name → code → lang → entries.
CATEGORY_LISTS = {"CATEGORY_TERMS": CATEGORY_TERMS, "STRONG_TERMS": STRONG_TERMS, "WEAK_TERMS": WEAK_TERMS,
                  "BOUND_TERMS": BOUND_TERMS, "CATEGORY_CONTEXT": CATEGORY_CONTEXT}

lexicon = LexiconClassifier()


@cache
def _analysed(entry: str, lang: str) -> list[str]:
    return analyse(entry, None if lang == "ar" else lang)


def _all_lists():
    for name, lists in CATEGORY_LISTS.items():
        for code, by_lang in lists.items():
            for lang in LANGS:
                yield f"{name} {code}/{lang}", by_lang[lang]
    for code, signal in URGENCY_SIGNALS.items():
        for lang in LANGS:
            yield f"urgency {code}/{lang}", signal[lang]


def test_category_codes_are_exactly_the_taxonomy():
    assert set(CATEGORY_TERMS) == CATEGORY_CODES


def test_every_category_has_the_three_languages():
    assert {code: sorted(by_lang) for code, by_lang in CATEGORY_TERMS.items()} == {
        code: ["ar", "en", "fr"] for code in CATEGORY_CODES
    }


def test_every_other_list_names_taxonomy_categories_in_the_three_languages():
    problems = [(name, code) for name, lists in CATEGORY_LISTS.items() if name != "CATEGORY_TERMS"
                for code, by_lang in lists.items()
                if code not in CATEGORY_CODES - {"other"} or sorted(by_lang) != ["ar", "en", "fr"]]
    assert problems == []
    assert set(AGE_CATEGORIES) | set(WHOLE_WORD_CATEGORIES) <= CATEGORY_CODES
    assert {code for links in SIGNAL_CATEGORIES.values() for code, _strong in links} <= CATEGORY_CODES
    assert set(SIGNAL_CATEGORIES) <= set(URGENCY_SIGNALS)


def test_an_entry_is_in_one_list_of_its_category_only():
    # The same words both strong and weak (or both evidence and setting) would make the weight
    # depend on which list the matcher happened to read first.
    seen: dict[tuple[str, str, str], str] = {}
    doubles = []
    for name, lists in CATEGORY_LISTS.items():
        for code, by_lang in lists.items():
            for lang in LANGS:
                for entry in by_lang[lang]:
                    key = (code, lang, normalise(entry))
                    if key in seen and seen[key] != name:
                        doubles.append((code, entry, seen[key], name))
                    seen.setdefault(key, name)
    assert doubles == []


def test_strong_terms_are_single_terms():
    # A longer entry is a phrase and already strong wherever it is listed.
    longer = [(code, entry) for code, by_lang in STRONG_TERMS.items() for lang in LANGS
              for entry in by_lang[lang] if len(_analysed(entry, lang)) != 1]
    assert longer == []


def test_other_is_left_as_the_fallback():
    assert sum(len(CATEGORY_TERMS["other"][lang]) for lang in LANGS) <= 5


@pytest.mark.parametrize("code", sorted(CATEGORY_CODES - {"other"}))
def test_category_has_enough_entries_per_language(code):
    counts = {lang: len(CATEGORY_TERMS[code][lang]) for lang in LANGS}
    short = {lang: n for lang, n in counts.items() if n < MINIMUM[lang]}
    assert short == {}


def test_entries_are_clean_non_empty_strings():
    bad = [
        (where, entry)
        for where, entries in _all_lists()
        for entry in entries
        if not isinstance(entry, str) or not entry.strip() or entry != entry.strip()
        or "  " in entry
    ]
    assert bad == []


def test_no_entry_is_longer_than_six_words():
    long = [(where, entry) for where, entries in _all_lists() for entry in entries
            if len(entry.split()) > 6]
    assert long == []


def test_no_duplicates_after_normalisation_within_a_list():
    duplicates = []
    for where, entries in _all_lists():
        seen: dict[str, str] = {}
        for entry in entries:
            key = normalise(entry)
            if key in seen:
                duplicates.append((where, seen[key], entry))
            seen[key] = entry
    assert duplicates == []


def test_every_entry_survives_analysis():
    # An entry made only of stop-words could never match a category; urgency entries, matched
    # token by token, need a token at least.
    invisible = [(where, entry) for where, entries in _all_lists() for entry in entries
                 if not (tokenise(entry) if where.startswith("urgency") else _analysed(entry, where.split("/")[-1]))]
    assert invisible == []


def test_arabic_lists_are_written_in_arabic_script():
    def arabic_letters(text):
        return sum("\u0600" <= ch <= "\u06ff" for ch in text)

    latin_only = [(where, entry) for where, entries in _all_lists() if where.endswith("/ar")
                  for entry in entries if arabic_letters(entry) == 0 and entry != "S17"]
    assert latin_only == []


def test_every_urgency_signal_is_complete():
    problems = []
    for code, signal in URGENCY_SIGNALS.items():
        if signal.get("level") not in {"critical", "high"}:
            problems.append((code, "level"))
        for key in ("label_en", "label_fr", "label_ar"):
            if not isinstance(signal.get(key), str) or not signal[key].strip():
                problems.append((code, key))
        for lang in LANGS:
            if len(signal.get(lang, [])) < 15:
                problems.append((code, lang))
    assert problems == []


def test_urgency_signals_cover_the_required_situations():
    required = {
        "ongoing_torture", "medical_emergency", "hunger_strike", "suicide_risk",
        "child_detained", "incommunicado", "reprisal_threat", "death_in_custody",
        "sexual_violence",
    }
    assert required - set(URGENCY_SIGNALS) == set()


def test_arabic_urgency_labels_are_arabic():
    assert [code for code, s in URGENCY_SIGNALS.items()
            if not any("\u0600" <= ch <= "\u06ff" for ch in s["label_ar"])] == []


def test_negations_cover_the_three_languages():
    assert {lang: bool(NEGATIONS.get(lang)) for lang in LANGS} == {
        "ar": True, "fr": True, "en": True
    }
    assert {"لم", "ما", "مش", "pas", "not"} <= {cue for cues in NEGATIONS.values() for cue in cues}


def test_other_word_endings_guard_words_of_arabic_entries():
    # Each guarded word is a word of some Arabic entry (a stale key would guard nothing), and its
    # endings are short letter sequences ("" being the bare stem).
    words = {normalise(word) for _where, entries in _all_lists() if _where.endswith("/ar")
             for entry in entries for word in entry.split()}
    found = {word: normalise(word) in words or normalise("ال" + word) in words for word in OTHER_WORD_ENDINGS}
    assert found == dict.fromkeys(OTHER_WORD_ENDINGS, True)
    assert all(isinstance(ending, str) and len(ending) <= 2
               for endings in OTHER_WORD_ENDINGS.values() for ending in endings)


def test_without_is_not_a_negation_cue():
    # "détenu sans avocat" is a due-process signal, not a denial of one.
    cues = {cue for cues in NEGATIONS.values() for cue in cues}
    assert cues & {"بدون", "بلا", "دون", "sans", "without"} == set()
    assert {"بدون", "بلا", "دون", "sans", "without"} <= {word for words in PRIVATIVES.values() for word in words}


# Fresh complaint sentences, one register per row: (register, text, expected category).
CATEGORY_SANITY = [
    ("MSA", "تعرض ابني للضرب المبرح داخل مركز الشرطة وعلقوه من يديه حتى وقّع على اعتراف",
     "torture"),
    ("Egyptian", "أخويا اتمسك من قدام البيت امبارح بالليل وخدوه على القسم ومحدش قالنا ليه",
     "arbitrary_detention"),
    ("Gulf", "شلوا ولدي من البيت الساعة ثنتين الفجر وحطوه بالتوقيف وما قالوا لنا ليش",
     "arbitrary_detention"),
    ("Levantine", "خيي انشحط من الشغل من أسبوعين وما حدا بيعرف وينو، سألنا بكل المراكز",
     "disappearance"),
    ("Moroccan", "البوليس شدو خويا فالزنقة وداوه للكوميسارية بلا ما يقولو ليه علاش",
     "arbitrary_detention"),
    ("Algerian", "خويا راهو محبوس وماعلاباليناش وين داوه، روحنا للكوميساريا وقالولنا ماكانش عندنا",
     "disappearance"),
    ("Tunisian", "هزوه للبوستة نهار السبت ومازال ما خرجش لتوا", "arbitrary_detention"),
    ("MSA", "الزنزانة مكتظة ولا توجد تهوية، والإدارة تمنع إدخال الأدوية التي نحضرها لوالدي",
     "detention_conditions"),
    ("Egyptian", "اتعرض على النيابة بعد أسبوع من غير محامي ومحدش قاله تهمته إيه", "due_process"),
    ("Egyptian", "رحت القسم أعمل محضر سرقة والظابط رفض يكتب المحضر وقالي روح اشتكي",
     "police_conduct"),
    ("Levantine", "العنصر عالباب قال بدو مصاري ليطلع أخي من النظارة", "police_conduct"),
    ("Moroccan", "ما بغاوش ياخدو الشكاية ديالي وقال ليا البوليسي سير تشكي", "police_conduct"),
    ("MSA", "أطلقت قوات الأمن الغاز المسيل للدموع والرصاص المطاطي على المتظاهرين السلميين",
     "excessive_force"),
    ("MSA", "أطلقت قوات الأمن الغاز المسيل للدموع والرصاص المطاطي على المتظاهرين السلميين",
     "expression_assembly"),
    ("Gulf", "استدعوني للمركز بسبب تغريدة انتقدت فيها البلدية ويبوني أوقع تعهد",
     "expression_assembly"),
    ("Egyptian", "أخويا مات في القسم وقالوا مات بهبوط والجثة عليها آثار ضرب", "right_to_life"),
    ("MSA", "داهموا البيت فجرا وفتشوا هاتفي وقرأوا رسائلي الخاصة دون أي إذن", "privacy"),
    ("Gulf", "رحت المطار ورجعوني من المنفذ وقالوا عليك منع سفر", "movement"),
    ("Moroccan", "حجزو الباسبور ديالي فالمطار وما بغاوش يعطيوني الباسبور", "movement"),
    ("MSA", "تعرضت للتحرش الجنسي من أحد أفراد الأمن أثناء التفتيش ولم تحضر أي شرطية", "women"),
    ("Egyptian", "جوزي بيضربني كل يوم ولما رحت القسم قالولي دي مشاكل بيت", "women"),
    ("Levantine", "ابني عمره 15 سنة وحطوه بالنظارة مع كبار", "children"),
    ("Gulf", "ولدي ياهل عمره ١٤ وودوه دار الملاحظة بدون ما يخبرونا", "children"),
    ("Moroccan", "خويا في وضعية إعاقة وما كاينش ولوج للكرسي المتحرك فالإدارة", "disability"),
    ("Levantine", "ستي ختيارة وخلوها واقفة بالشمس ساعات عالمعبر", "older_persons"),
    ("Egyptian", "أنا لاجئ ومعايا كارت المفوضية بس البوليس مسكني عشان الإقامة خلصت",
     "migrants_trafficking"),
    ("Gulf", "الكفيل أخذ جوازي وما يعطيني راتبي من ست شهور", "migrants_trafficking"),
    ("Levantine", "عفشوا البيت وأخدوا المصاري والدهب وما حدا رجعلنا شي", "property"),
    ("Moroccan", "حجزو ليا الكروسة والسلعة ديالي وما رجعوش ليا والو", "property"),
    ("MSA", "رفض الموظف خدمتي لأني مسيحي وسمعت منه ألفاظ عنصرية", "discrimination"),
    ("French", "Mon frère a été interpellé à la sortie de la mosquée et placé en garde à vue "
     "depuis quatre jours", "arbitrary_detention"),
    ("French", "Il a été tabassé au commissariat et menacé avec le chiffon", "torture"),
    ("French", "Le commissariat a refusé de prendre ma plainte, c'est de la hogra",
     "police_conduct"),
    ("French", "Je suis subsaharien, sans-papiers, et on m'a arrêté pour me renvoyer à la "
     "frontière", "migrants_trafficking"),
    ("English", "My brother was taken by plain-clothes men in an unmarked car last month",
     "disappearance"),
    ("English", "He is in solitary confinement and they deny him his medication",
     "detention_conditions"),
    ("English", "She was arrested over a Facebook post criticising the governor",
     "expression_assembly"),
    ("English", "The soldiers at the checkpoint confiscated my passport and told me I have a "
     "travel ban", "movement"),
]


@pytest.mark.parametrize(
    ("register", "text", "code"), CATEGORY_SANITY,
    ids=[f"{i}-{code}-{register}" for i, (register, _, code) in enumerate(CATEGORY_SANITY)],
)
def test_sanity_sentence_is_suggested_its_category(register, text, code):
    assert code in {guess.code for guess in lexicon.predict(text)}


def test_sanity_table_spans_registers_and_categories():
    registers = {register for register, _, _ in CATEGORY_SANITY}
    assert {"MSA", "Egyptian", "Gulf", "Levantine", "Moroccan", "Algerian", "Tunisian",
            "French", "English"} <= registers
    assert len({code for _, _, code in CATEGORY_SANITY}) == len(CATEGORY_CODES) - 1


URGENCY_SANITY = [
    ("لسه بيضربوه في القسم لحد دلوقتي ومحدش بيرد علينا", "ongoing_torture"),
    ("أخي مضرب عن الطعام منذ عشرين يوما في سجن المنطقة", "hunger_strike"),
    ("ابني مريض سكر ومحتجز وما عم يعطوه الأنسولين", "medical_emergency"),
    ("Il menace de se suicider dans sa cellule depuis hier", "suicide_risk"),
    ("Please help, we fear for his life after what they did to him", "life_at_risk"),
    ("هددوني لو اشتكيت هيلبسوني قضية مخدرات", "reprisal_threat"),
    ("He died in custody and the police refused to hand over the body", "death_in_custody"),
    ("ما منعرف وين أخدوه من يوم الخميس", "incommunicado"),
    ("أحيلت أوراقه للمفتي وصار يلبس البدلة الحمراء", "imminent_execution"),
    ("شدو الدري ديالي وحطوه مع ناس كبار فالكوميسارية", "child_detained"),
    ("هددوه باغتصاب زوجته إذا ما اعترف", "sexual_violence"),
    ("عندو قرار ترحيل لبلادو وغادي يرحلوه غدا", "imminent_deportation"),
]


@pytest.mark.parametrize(("text", "code"), URGENCY_SANITY, ids=[c for _, c in URGENCY_SANITY])
def test_sanity_sentence_raises_its_urgency_signal(text, code):
    assert code in {signal.code for signal in detect_urgency(text)}


# Context words alone (police station, officer, prosecution, prison) must not suggest anything.
NEUTRAL = [
    "ذهبت إلى قسم الشرطة صباح الأحد وقابلت الضابط المناوب ثم توجهت إلى النيابة العامة",
    "راجعت المخفر والضابط قال لي ارجع يوم الاثنين",
    "رحت القسم عشان أطلع ورقة وقالولي تعالى بكرة",
    "السلام عليكم أبي أقدم شكوى بخصوص موضوع صار لي الأسبوع اللي فات",
    "يا جماعة الخير بدي إحكي عن شي صار معي مبارح بالليل",
    "السلام عليكم، بغيت نشكي على حاجة وقعت ليا البارح فالدار",
    "I went to the police station on Sunday and spoke to the officer on duty",
    "We were told to come back on Monday with all the papers and the receipt",
    "Je suis allé au commissariat puis au tribunal avec mon cousin",
    "Ils m'ont dit de revenir lundi avec tous les papiers",
]


@pytest.mark.parametrize("text", NEUTRAL)
def test_context_words_alone_suggest_no_category(text):
    assert lexicon.predict(text) == []
    assert detect_urgency(text) == []
