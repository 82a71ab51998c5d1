"""Cold-start triage lexicon: how people actually write each kind of human-rights complaint.

Used to suggest categories and urgency before any model has been trained on an organisation's own
cases. It is written by hand for real complaints (web forms, letters typed up at a desk, WhatsApp
messages copied into the portal) and for the formal and legal Arabic of laws, treaty-body and UPR
recommendations, national institutions' reports and official letters — not for the demo corpus
nor for the evaluation set (tests/data/triage_eval/), which measures it.

The lists, per category and language (ar, fr, en):
- CATEGORY_TERMS: phrases (strong: a phrase suggests its category alone) and single words that
  alone are ambiguous (weak: they need a second piece of evidence).
- STRONG_TERMS: single words that suggest their category alone (تعذيب، اختفى، طفل، migrant).
- WEAK_TERMS: phrases that do not (garde à vue, جواز السفر: facts, not findings).
- BOUND_TERMS: words that are evidence only in the category's setting (a blow: torture in
  custody, excessive force in the street).
- CATEGORY_CONTEXT: the setting itself (custody, the street, the police, a woman as the person
  concerned), never evidence alone.
- OTHER_MEANINGS and PASSING_MENTIONS: phrases in which a category's word means something else
  (custody of a child in a divorce) or only names a relative ("my children").
- SETTINGS and IMPLIED_CATEGORIES: the guidelines' clarifications as rules (a denial of custody
  is an arbitrary detention too); BOUND_WINDOW, BLOCKED_NEAR, WEAK_NEEDS_SETTING and
  DENIAL_IS_THE_COMPLAINT: where a word counts.
- URGENCY_SIGNALS: urgency, by signal; SIGNAL_CATEGORIES says which signals are category
  evidence too; TIMED_SIGNALS, URGENCY_FROM_CATEGORIES and CRITICAL_WITH set a signal's level
  from the time the text states and the categories beside it. AGE_*: stated ages decide children
  and older persons; DURATION_*, LONG_AGO and FRESH_TIMES read how long something has lasted.
- ARABIZI: Arabic written in Latin letters and digits ("khouya chedouh lbolis").

Conventions the matcher relies on:
- Entries are surface forms, 1-6 words, as complainants write them: MSA, then Egyptian, Gulf,
  Levantine and Maghrebi (Darija, Algerian, Tunisian) forms, then formal and legal wording. The
  engine (`mizan.lib.arabic`) normalises and stems both sides, so alef/yeh/teh-marbuta variants
  and simple clitics are not listed twice; dialect verb forms are (their prefixes and suffixes
  defeat light stemming), and so are the forms of a weak word, which counts only as written.
- Multi-word entries are phrases: they should match as an ordered run of analysed terms, not as a
  bag of words ("مضرب عن الطعام" must not fire on "مضرب" meaning "beaten").
- Some entries begin with, or contain, a negation or "without" ("بدون محامي", "ما نعرف وينه",
  "no lawyer", "sans avocat"): the negation is part of the signal, and such entries are matched
  with their small words. Negation cues in `NEGATIONS` are only looked for in a short window
  BEFORE a matched span, never inside it.
- "sans"/"without"/"بدون"/"بلا" are deliberately not negation cues (they are PRIVATIVES):
  "détenu sans avocat" is a due-process signal, not a denial.
- Words that appear in nearly every complaint (الشرطة، قسم، الضابط، النيابة، police, prison
  alone) are context, not category signals: they sit in CATEGORY_CONTEXT, or nowhere.
- Urgency phrases often carry their urgency in words the search engine treats as stop-words
  (لسه، لسا، للحين، هلق، مازال، مش عندنا، still, now). Match urgency signals on normalised tokens
  WITHOUT stop-word removal so that "لسه بيضربوه" is not reduced to "يضرب".
- A few Maghrebi terms written in Latin letters (hogra, harraga) sit in the French lists because
  that is where they occur: in French-language complaints from the Maghreb. Arabizi proper
  (Arabic in Latin letters and digits) has its own list, ARABIZI, matched on consonant skeletons.
- `other` is the fallback and deliberately has no terms.
- Where a light stem is shared with an unrelated common word, the entry is guarded rather than
  dropped: `OTHER_WORD_ENDINGS` (at the end of this file) names the endings of the other word,
  one-word entries whose stemming cuts a ب/ك/ل ask for that letter in the text, and
  WHOLE_WORD_CATEGORIES keep feminine and "her" forms apart from the masculine.
"""

CATEGORY_TERMS: dict[str, dict[str, list[str]]] = {
    "torture": {
        "ar": [
            # MSA
            "تعرض للتعذيب", "تعرضت للتعذيب", "سوء المعاملة",
            "معاملة مهينة", "معاملة قاسية", "معاملة لاإنسانية", "إيذاء جسدي", "اعتداء بالضرب",
            "ضرب مبرح", "انهالوا عليه بالضرب", "صعق كهربائي",
            "صعقوه بالكهرباء", "تعليق من اليدين", "علقوه", "علقوني", "تفلقة",
            "جلدوه", "حرق بالسجائر", "أطفأوا السجائر", "نزع الأظافر", "الإغراق بالماء",
            "الحرمان من النوم", "منعوه من النوم", "معصوب العينين", "عصبوا عينيه", "الوقوف لساعات",
            "انتزاع اعتراف", "اعتراف تحت التعذيب", "أجبروه على الاعتراف", "أجبروني على الاعتراف",
            "تعذيب نفسي", "آثار التعذيب", "آثار الضرب", "كسروا ضلوعه", "كسروا يده",
            "كسروا أسنانه", "اعتدوا عليه بالضرب",
            # Egyptian
            "ضربوه بالأقلام", "ضرب على قفاه",
            "شلوت", "شلاليت", "بالكهربا", "سحلوني",
            "بهدلوه ضرب", "ضربوه بالخرطوم", "بالكرباج",
            "علموا على جسمه", "وشه وارم",
            # Gulf
            "عطوه كفوف",
            "دعسوا عليه", "ضربوه بالعقال", "بالخيزران",
            # Levantine
            "عم يعذبوه", "قتلوه ضرب", "قتلوني ضرب",
            "وضعية الشبح", "بساط الريح", "الكرسي الألماني", "حطوه عالدولاب",
            "ضربوه بالكبل", "بالخيزرانة",
            # Maghrebi
            "عطاوه طريحة", "كلا طريحة", "ضربوه بالمسطرة",
            "طيحو عليه بالضرب", "دارو ليه الطيارة", "الشيفون", "الدجاجة المصلية",
            "ضربوه بالكرافاش", "راهم يضربو فيه", "ضربوه حتى طاح", "ضربوني بالصباط",
            "عذبوني فالكوميسارية", "دارو ليه الشيفون",
            # Formal and legal Arabic (laws, treaty bodies, UPR, NHRI reports), more verb forms
            # and dialect variants (issue 14)
            "أفعال التعذيب", "مناهضة التعذيب", "منع التعذيب", "ضروب المعاملة", "المعاملة القاسية",
            "المعاملة اللاإنسانية", "المعاملة المهينة", "العقوبة القاسية", "الحاطة بالكرامة",
            "المهينة أو الحاطة بالكرامة", "سوء معاملة", "إساءة المعاملة", "إساءة معاملة",
            "الإيذاء الجسدي", "الاعتداء الجسدي", "الإكراه البدني", "انتزاع الاعترافات",
            "الاعترافات المنتزعة", "اعترافات منتزعة", "تحت الإكراه", "تحت التعذيب", "تحت الضرب",
            "بروتوكول إسطنبول", "الآلية الوقائية الوطنية", "الآلية الوطنية لمنع التعذيب",
            "ادعاءات التعذيب", "شكاوى التعذيب", "آثار تعذيب", "ضرب مبرحا", "ضربا مبرحا", "ضربوه ضربا",
            "ضربه ضربا", "انهالوا عليه", "انهالوا علي", "الاعتداء عليه بالضرب", "اعتدوا علي بالضرب",
            "تعرض للضرب", "تعرضت للضرب", "تعرض لسوء", "تعرضت لسوء", "صعق بالكهرباء", "الصعق بالكهرباء",
            "بالسوط", "الضرب على", "الحرق بالسجائر", "الإغراق",
            "العنف الجنسي أثناء الاحتجاز", "ضربوه علقة", "علقة موت", "خدوه التلاجة", "اتبهدل ضرب",
            "ضربوه لحد", "ضربوني لحد", "ضربوه في الحجز", "ضربوه في القسم", "ضربوني في القسم",
            "عذبوه في القسم", "ضربوه بالمركز", "طقوه بالتوقيف", "عذبوه بالسجن", "أكل قتلة",
            "أكلت قتلة", "قتلة بالفرع", "ضربوه بالفرع", "عذبوه بالفرع", "ضربوه فالكوميسارية",
            "ضربوني فالكوميسارية", "داز عليه العذاب", "عذبوه فالحبس",
            "انهالوا",
            "يعلقونه", "يعلقوه", "بيعلقوه", "يُعلق", "يصعقونه", "كهربا", "بالكابلات",
            "بالكابل", "بالكيبل", "بالخرطوم", "بالخراطيم", "بالحزام", "بالسجاير", "حرقوه", "محروقة",
            "صريخه", "صراخه",
            "اعترف", "يعترف", "بتعترف", "اعتراف", "الاعتراف", "ليعترف", "ينتزع", "انتُزع",
            "تحت التهديد", "بالإكراه", "يهددونه", "تهديد", "هددوه", "عرّوه", "عريانين", "عرايا",
            "عراة", "قلعوا هدومهم", "اقلعوا هدومكم", "قلعوه هدومه", "يحيدو الحوايج", "حيدو الحوايج",
            "معصوب", "عصبوا عيونه", "مغمض العيون", "مغمضين", "كيس على", "كيس عراسه", "كيس عراسي",
            "الشبح", "الدولاب", "باطن القدمين", "تحت رجليه", "ثلاجة", "التلاجة", "مية ساقعة",
            "ماء بارد", "يصبون علي", "ما خلوه ينام", "يهينونه", "أهانوه", "أهانوهم", "إهانة", "مهين",
            "الإذلال", "ذل", "يذلونه",
            "آلية وقائية وطنية", "الآلية الوقائية", "البروتوكول الاختياري لاتفاقية مناهضة التعذيب",
            "البروتوكول الاختياري لاتفاقية مناهضة", "زيارة أماكن الحرمان من الحرية",
        ],
        "fr": [
            "mauvais traitements",
            "passage à tabac", "roué de coups",
            "électrochocs",
            "décharges électriques", "suspendu par les bras", "poulet rôti", "le chiffon",
            "simulacre de noyade", "aveux sous la torture", "aveux extorqués",
            "privation de sommeil", "yeux bandés", "traitements cruels",
            "inhumains et dégradants", "brûlures de cigarette", "humiliations",
            "coups de câble", "traces de coups", "côtes cassées", "forcé d'avouer",
            # Formal and legal wording, more forms (issue 14)
            "actes de torture", "mauvais traitement", "traitements inhumains",
            "traitements dégradants", "traitement inhumain", "traitement dégradant", "peines cruelles",
            "violences physiques", "violences en détention", "violences en garde à vue",
            "frappé au commissariat", "battu au commissariat", "aveux obtenus sous la torture",
            "aveux sous la contrainte", "prévention de la torture", "Protocole d'Istanbul",
            "mécanisme national de prévention", "allégations de torture", "coups de bâton",
            "coups de matraque en détention", "frappé à coups",
            "tuyau", "plante des pieds", "câble", "câbles",
            "matraque", "suspendu", "électricité", "brûlé", "brûlures", "couvert de bleus",
            "hurler", "avouer", "faire avouer", "aveux",
            "nu", "nus", "déshabillé", "humilié", "humiliés", "cagoule", "privé de sommeil",
            "violée", "viol",
            "maltraitance en détention", "maltraitance policière",
        ],
        "en": [
            "ill-treatment", "ill-treated",
            "electric shocks", "hung from", "suspended by his",
            "whipped", "flogged", "burned with cigarettes", "cigarette burns", "blindfolded",
            "sleep deprivation", "forced confession", "confession under torture",
            "forced to confess", "stress positions", "inhuman or degrading",
            "cruel treatment", "broken ribs",
            "marks on his body",
            # Formal and legal wording, more forms (issue 14)
            "acts of torture", "cruel, inhuman", "inhuman treatment", "degrading treatment",
            "ill treatment", "physical abuse", "physically abused",
            "beaten in custody", "beaten by police", "beaten by guards", "coerced confession",
            "confessions obtained under", "under duress", "Istanbul Protocol",
            "national preventive mechanism", "prevention of torture", "allegations of torture",
            "electric shock", "sexual violence in custody",
            "hoses", "cable", "cables", "soles of",
            "suspended", "electricity", "burned", "burns", "screaming",
            "screams", "naked", "stripped", "humiliated",
            "hood", "raped", "sexual assault", "abused",
        ],
    },
    "arbitrary_detention": {
        "ar": [
            # MSA, legal terms across the region
            "ضبط وإحضار",
            "تجديد الحبس",
            "اعتقال تعسفي", "احتجاز تعسفي", "دون سند قانوني", "بدون أمر قضائي", "دون مذكرة توقيف",
            "بلا تهمة", "دون توجيه اتهام", "تجاوز مدة الاحتجاز", "رغم قرار الإفراج",
            "رغم إخلاء سبيله", "لم يفرج عنه", "انتهت مدة حبسه",
            "أنهى مدة العقوبة", "الاعتقال الإداري", "التوقيف الإداري", "الحاكم الإداري",
            "زوار الفجر",
            "الاحتفاظ به", "تدوير", "قضية جديدة وهو محبوس",
            # Egyptian
            "اتاخد من البيت", "ركبوه البوكس", "عملوله تدوير",
            # Gulf
            "حطوه بالتوقيف", "حجزوني بالمركز",
            "مسجون بدون حكم",
            # Levantine
            "أخدوه عالفرع", "وقفوه عالحاجز",
            "معتقل من",
            # Maghrebi
            "حكموني البوليس", "حكموه البوليس", "راهو محبوس", "داوه للبوسطة", "جاو الحاكم",
            "داوني للكوميسارية", "داوه للكوميسارية",
            "لاكاردافو", "ركبوه فالسطافيط", "الصطافيط", "هزوه للبوسطة", "هزوه للبوستة",
            "حبسوه بلا سبب", "باقي فالحبس",
            # Formal and legal Arabic (laws, treaty bodies, UPR, NHRI reports), more verb forms
            # and dialect variants (issue 14)
            "الاحتجاز السابق للمحاكمة", "الاحتجاز قبل المحاكمة", "الاحتجاز المطول",
            "الاحتجاز لفترات طويلة", "مدة الحبس الاحتياطي", "الاحتجاز دون تهمة", "دون توجيه تهم",
            "دون توجيه تهمة", "الاحتجاز دون محاكمة", "احتجازه تعسفيا", "اعتقاله تعسفيا",
            "احتجز تعسفيا", "اعتقل تعسفيا", "احتجازهم تعسفيا", "توقيف تعسفي", "الحبس التعسفي",
            "الإيقاف التعسفي", "الاعتقال التعسفي", "الاحتجاز غير القانوني", "احتجاز غير قانوني",
            "الاعتقال غير القانوني", "احتجازه دون", "القبض عليه دون", "القبض علي دون",
            "قانونية الاحتجاز", "مشروعية الاحتجاز",
            "قانونية احتجازه", "الاعتقال الاحترازي", "الاحتجاز الإداري",
            "انتهاء محكوميته",
            "انقضاء محكوميته", "قضى مدة", "أنهى محكوميته",
            "الإفراج الفوري", "ظل محتجزا", "لا يزال محتجزا", "ما زال محتجزا",
            "محتجز منذ", "محتجزا منذ", "موقوف منذ", "معتقل منذ", "محبوس منذ", "مسجون منذ",
            "محبوس بقاله", "محبوس من", "لسه محبوس", "خدوه القسم",
            "خدوه على القسم", "حبسوه في", "اتقبض عليا", "مسكوه من", "مسكوني من", "موقوف من",
            "حجزوه بالمركز", "للحين موقوف", "للحين محبوس", "موقوف بدون", "بالنظارة من", "موقوف بلا",
            "مسجون بلا محاكمة", "حبسوه بلا", "أخدوه عالمخفر", "باقي محبوس", "مازال محبوس",
            "شدوه البوليس", "داوه للحبس",
            "بلا سبب", "بدون سبب", "من غير سبب", "دون سبب", "دون أي سبب", "من غير أي سبب", "بدون تهمة",
            "من غير تهمة", "دون تهمة", "بلا دليل", "بدون دليل", "من غير دليل", "دون محاكمة",
            "بدون محاكمة", "من غير محاكمة",
            "ما قالوا ليش", "ما قالوا لنا ليش",
            "ولا أحد يقول ليش", "محدش قالنا ليه", "ما حدا قال ليش", "ما قالولوش علاش",
            "بلا ما يقولو علاش", "لا أحد يقول لماذا", "لم يخبروه بسبب", "دون إبلاغه بسبب",
            "دون معرفة السبب", "لم يعرض على النيابة", "ما عرضوه على النيابة", "ما اتعرضش", "ما عرضوه",
            "ما شافش وكيل", "دون أن يعرض", "دون عرضه", "لم يُعرض", "ولم يعرض",
            "رغم البراءة", "رغم براءته",
            "خلصت محكوميتي", "خلص محكوميته", "انتهت محكوميته", "انتهت مدة",
            "أنهى مدة", "بعد انتهاء", "بيتدور", "التدوير", "قضية جديدة", "حبس احتياطي",
            "محبوس احتياطي", "الحبس الاحتياطي المطول", "تجاوزت المدة", "تجاوز المدة", "تتجاوز المدة",
            "تجاوزت الحد", "فوق المدة", "أكثر من المدة", "المدة القانونية", "الأجل القانوني",
            "الحد الأقصى", "حملة عشوائية", "اعتقالات عشوائية", "حملة اعتقالات", "اعتقالات جماعية",
            "اعتقال جماعي", "احتجاز إداري", "حجز إداري",
            "بقرار من المحافظ", "بأمر المحافظ", "الاحتجاز الوقائي", "الحجز الوقائي", "بحجة حمايتها",
            "لحمايتها", "رهينة", "بدالي", "بداله", "بدلا منه", "بدلا من أخيه", "للضغط على",
            "عشان يسلم نفسه", "حتى يسلم نفسه", "لأن ابنه مطلوب", "لأنو إبنو مطلوب", "بسبب قرابته",
            "اعتقلوه بدلا", "أخذوه بداله", "مركز الإبعاد", "مركز الترحيل", "محتجز في مركز",
            "منطقة العبور", "الاحتجاز دون", "احتجازه لمدة", "احتجزوه لمدة", "بقي محتجزا",
            "حطوه في التوقيف", "حطوه بالنظارة", "بات في الحجز", "بات في الزنزانة",
            "بات في القسم", "من غير ما يعرضوه",
            "دون مذكرة اعتقال", "بدون مذكرة اعتقال", "دون أمر بالقبض", "بدون أمر قبض", "دون أي مذكرة",
            "دون إبراز أي مذكرة", "دون أي محاكمة", "بدون أي محاكمة", "دون أي تهمة", "بدون أي تهمة",
            "بلا أي تهمة", "دون توجيه أي تهمة", "من غير أي تهمة",
            "من غير ما يتعرض", "ما اتعرضش على النيابة", "ما عرضوه عالنيابة", "ما عرضوه على القاضي",
            "ما حدا عرضو عالقاضي", "ما شافش وكيل الملك", "ما شافش وكيل الجمهورية", "دون أن يعرض على",
            "دون عرضه على", "لم يُعرض على القاضي",
            "بلا ما يقولو", "بلا ما يقولولنا", "بدون ما يقولوا", "من غير ما يقولوا",
            "بدون ما يقولولنا", "من غير ما يقولولنا ليه", "ما قالولناش علاش",
            "من غير ما يعرضوني", "من غير ما يعرضونا", "من غير ما يعرضوها", "بدون ما يعرضوني",
            "بدون ما يعرضوه", "بدون ما يعرضوها", "من غير ما يعرضوه على النيابة", "ما عرضونيش",
            "ما عرضوهش", "من غير ما يتعرض على النيابة", "من غير ما يشوف النيابة",
            "من غير ما يشوف قاضي", "من غير ما يشوف وكيل النيابة", "بلا ما يعرضوه",
            "بلا ما يشوف وكيل", "بلا ما يشوف القاضي", "من غير ما يشوف القاضي",
            "من غير ما القاضي يشوفه", "ما شاف قاضي", "ما شافش قاضي",
            "ولا شاف قاضي", "لم يمثل أمام قاض", "لم يعرض على أي قاض", "دون أن يمثل أمام",
            "اتجدد حبسه", "جددوا حبسه", "يجددوا حبسه", "تجديد حبسه", "بيجددوا حبسه", "يجددون حبسه",
            "دون رقابة قضائية", "بدون رقابة قضائية", "دون أي رقابة قضائية", "خارج رقابة القضاء",
            "دون إشراف قضائي", "الإيداع القسري", "إيداعهم قسرا", "إيداعه قسرا", "الإيداع الإجباري",
            "احتجاز المهاجرين", "مراكز الترحيل", "مراكز الاحتجاز الإداري", "بدائل الاحتجاز",
            "الاحتجاز التعسفي", "الحرمان التعسفي من الحرية", "سجين رأي", "سجناء الرأي", "معتقل رأي",
            "معتقلي الرأي", "سجين سياسي", "سجناء سياسيين", "معتقل سياسي", "المعتقلين السياسيين",
            "معتقلين سياسيين", "السجناء السياسيين", "قرار بالإفراج", "قرار الإفراج عنه",
            "قرار المحكمة بالإفراج", "أمر بالإفراج", "أمر الإفراج", "لم ينفذ قرار الإفراج",
            "لم تنفذ قرار", "رغم الإفراج عنه", "انتهاء مدة محكوميته", "انتهاء مدة عقوبته",
            "انتهت عقوبته", "خلص حكمه", "خلصت مدته", "ما زال موقوفا", "لا يزال موقوفا",
            "مازال موقوف", "ما زال محبوسا", "لا يزال محبوسا", "ما زال معتقلا", "لا يزال معتقلا",
            "لسه في القسم", "لسه في الحجز", "ولسه في القسم", "للحين في التوقيف",
            "مازال فالكوميسارية", "باقي فالكوميسارية", "لهلق موقوف", "لهلأ موقوف", "أخدوه من البيت",
            "خدوه من البيت", "شالوه من البيت", "أخذوه من المنزل", "اقتادوه من منزله",
            "اقتيد من منزله", "أخذوه من البيت", "خذوه من الدار", "داوه من الدار", "شدوه من الدار",
            "هزوه من الدار", "أخدوه من الشغل", "خدوه من الشغل", "أخذوه من عمله", "اقتيد من عمله",
            "أخدوه عالحاجز", "أخذوه من الحاجز", "اعتقلوه من", "اعتقلوا ابني من",
            "تعسفيا", "تعسفي", "التعسفي", "تعسفية",
        ],
        "fr": [
            "arrestation arbitraire",
            "détention arbitraire",
            "détenu sans motif",
            "rafle",
            "emprisonné sans", "détenu sans jugement", "sans inculpation", "toujours détenu",
            "détention administrative", "enlevé par la police",
            # Formal and legal wording, more forms (issue 14)
            "détenu arbitrairement", "arrêté arbitrairement", "arrestations arbitraires",
            "détentions arbitraires", "détention illégale", "détenu illégalement",
            "privé de sa liberté", "détention provisoire prolongée",
            "toujours en détention", "pas été libéré", "malgré son acquittement",
            "purgé sa peine", "au-delà du délai", "garde à vue prolongée", "détenu depuis",
            "incarcéré depuis", "maintenu en détention", "légalité de la détention", "détenu sans",
            "arrêté sans",
            "sans motif", "sans raison", "sans aucune raison", "sans charge", "sans jugement",
            "sans procès", "sans preuve", "sans décision",
            "sans être présenté", "jamais présenté", "n'a pas été présenté", "toujours en garde à vue",
            "arrêté depuis", "délai légal", "durée légale",
            "arrestations massives",
            "en otage",
            "protection administrative",
            "sans mandat d'arrêt", "sans aucune inculpation",
            "jamais présenté à un juge", "sans voir un juge",
            "sans date de procès", "sans jugement depuis",
            "présenté à aucun juge",
            "sans contrôle judiciaire", "rétention administrative", "centre de rétention",
            "centres de rétention", "zone de transit", "internement d'office", "internement forcé",
            "hospitalisation sans consentement", "détenu d'opinion", "détenus d'opinion",
            "prisonnier d'opinion", "prisonniers d'opinion", "prisonnier politique",
            "prisonniers politiques", "détenus politiques", "toujours au poste",
            "toujours en prison", "malgré l'ordre de libération",
            "malgré la décision de libération", "peine purgée", "jamais vu de juge",
            "emmené de chez lui", "enlevé à son domicile", "arrêté chez lui",
            "arrêté à son domicile",
        ],
        "en": [
            "arbitrary arrest", "arbitrarily detained",
            "held without charge", "held without trial",
            "remanded",
            "arrest warrant", "administrative detention",
            "imprisoned without", "still held", "despite a release order",
            "beyond the legal limit", "dragged away",
            "held for days", "detained since",
            # Formal and legal wording, more forms (issue 14)
            "arbitrarily arrested", "arbitrary detention", "arbitrary arrests",
            "deprived of his liberty",
            "unlawful detention", "unlawfully detained", "illegal detention", "illegally detained",
            "detained without charge", "prolonged detention", "remand", "preventive detention",
            "still detained", "still in detention", "still in custody", "in custody since",
            "despite being acquitted",
            "habeas corpus", "legality of detention",
            "lawfulness of detention",
            "without charge", "no charge", "no charges", "without trial", "without any reason",
            "for no reason", "no reason", "without a reason", "without evidence", "no evidence",
            "not been charged", "never charged", "not charged", "never brought before",
            "not brought before", "without being brought",
            "rounded up", "round-up", "mass arrests", "arbitrarily",
            "hostage",
            "administrative custody", "protective custody",
            "no arrest warrant", "without any charge", "without being charged",
            "never brought before a judge", "not brought before a judge", "never seen a judge",
            "without seeing a judge", "has not seen a prosecutor", "without any trial",
            "without judicial review", "without judicial oversight", "no judicial review",
            "involuntary commitment", "involuntarily committed", "forced hospitalisation",
            "forced hospitalization", "immigration detention", "deportation centre",
            "deportation center", "transit zone", "prisoner of conscience",
            "prisoners of conscience", "political prisoner", "political prisoners",
            "not seen a judge", "has not seen a judge", "not seen a prosecutor",
            "never seen a prosecutor", "not been brought before", "still at the station",
            "still in prison", "took him from our house", "took him from his home",
            "taken from his home", "taken from our home", "took him from his house",
            "took him from work", "taken from his work", "took him at a checkpoint",
            "taken at a checkpoint",
        ],
    },
    "disappearance": {
        "ar": [
            # MSA
            "تنكر وجوده", "تنكر احتجازه", "أنكرت الجهات", "لم يبلغوا أسرته",
            "التحقيق سري",
            "اقتاده مجهولون", "اختفاء قسري", "إخفاء قسري",
            "مختفي قسريا", "اختفاؤه", "مجهول المصير", "مصيره مجهول",
            "مكان احتجازه مجهول", "مكانه مجهول", "لا نعرف مكانه", "لا نعلم مكانه",
            "انقطع الاتصال به", "انقطعت أخباره", "لا أخبار عنه", "أنكروا وجوده", "ينكرون احتجازه",
            "أنكروا احتجازه", "نفوا احتجازه", "غير مسجل في السجلات", "لم يظهر منذ",
            "ظهر في النيابة بعد", "بمعزل عن العالم الخارجي", "ممنوع من الاتصال", "معزول عن العالم",
            "مكان سري", "سجن سري", "مقر احتجاز غير رسمي",
            "إلى جهة مجهولة", "جهة غير معلومة", "اقتادوه إلى جهة", "لا يعرف أحد مكانه",
            # Egyptian
            "مفيش حد بالاسم ده",
            "منعرفش مكانه", "منعرفش هو فين", "محدش عارف هو فين", "ملوش أثر", "مالوش أي أثر",
            "من ساعة ما خدوه", "مختفي من ساعتها", "ملقناهوش",
            # Gulf
            "سيارة بدون لوحات أخذته", "ما خلونا نكلمه",
            "ما ندري وينه", "ما نعرف وينه", "ما أحد يدري عنه", "من يوم شلوه",
            # Levantine
            "ما منعرف وين",
            "ما بنعرف وينو", "ما حدا بيعرف وينو", "اختفى عالحاجز", "انقطعت أخبارو",
            "من وقت ما أخدوه", "مغيب قسريا",
            # Maghrebi
            "ماعلاباليناش وين", "قالولنا ماكانش عندنا",
            "سيارة بلا نمرة شداتو", "الفاميلة ما عرفاتش فين", "ما عرفاتش فين",
            "ما عرفناش فين", "ما نعرفوش فين", "ما عرفنا عليه والو", "غبر", "تغبر",
            "قالو ماشي عندنا", "ما لقيناه فحتى بلاصة",
            # Formal and legal Arabic (laws, treaty bodies, UPR, NHRI reports), more verb forms
            # and dialect variants (issue 14)
            "حالات الاختفاء", "ضحايا الاختفاء", "المختفين قسرا", "المختفين قسريا", "مختفون قسرا",
            "الأشخاص المختفين", "الكشف عن مصير", "مصير ومكان", "مكان وجوده", "أماكن وجودهم",
            "مكان وجودهم", "الاحتجاز السري", "أماكن احتجاز سرية", "أماكن الاحتجاز السرية",
            "الاحتجاز بمعزل", "بمعزل عن العالم", "إنكار احتجازه", "عدم الاعتراف باحتجازه",
            "لم يعترفوا باحتجازه", "أنكرت احتجازه", "أنكرت وجوده", "نفت وجوده", "نفوا وجوده",
            "نفت احتجازه", "لا يوجد أحد بهذا الاسم", "لا يوجد شخص بهذا الاسم", "غير موجود لدينا",
            "ليس موجودا لدينا", "لا نعرف عنه شيئا", "لا نعلم عنه شيئا", "لا نعرف مصيره",
            "انقطعت أخبارهم", "اقتادوه إلى مكان", "اختفائه قسريا", "أخفي قسرا", "اختفى قسرا",
            "محدش يعرف مكانه", "منعرفش عنه حاجة", "مانعرفش عنه حاجة", "منعرفش عنه أي حاجة",
            "منعرفش راح فين", "مش عارفين مكانه", "اختفى من", "ما نعرف عنه شي", "ما ندري وين وداوه",
            "محد يعرف وينه", "محد يدري وينه", "ما بنعرف عنو شي", "ما منعرف عنو شي",
            "ما في حدا بهالاسم", "ما حدا بيعرف وين", "غبروه",
            "حتى واحد بهاد السمية", "بهاد السمية",
            "أماكن غير معلنة", "أماكن احتجاز غير معلنة", "أماكن الاحتجاز غير الرسمية",
            "أماكن احتجاز غير رسمية", "مراكز غير رسمية", "مراكز احتجاز غير رسمية",
            "بعدم وجوده لديها", "عدم وجوده لديها", "بعدم وجودهم لديها",
        ],
        "fr": [
            "disparition forcée",
            "porté disparu", "lieu de détention inconnu", "détenu au secret",
            "détention au secret", "la police nie", "nient le détenir",
            "aucune trace", "enlèvement",
            "destination inconnue", "lieu secret", "centre de détention secret", "sort inconnu",
            "n'a pas réapparu", "réapparu", "aucun registre",
            "privé de tout contact", "détention non reconnue",
            # Formal and legal wording, more forms (issue 14)
            "disparitions forcées", "personnes disparues", "au secret", "nie le détenir",
            "nient sa détention", "nie sa détention", "reconnaître sa détention", "sans nouvelles",
            "aucune nouvelle", "sort et lieu", "lieu où il se trouve", "lieu de détention",
            "détention secrète", "lieux de détention secrets",
            "lieux de détention non officiels", "détention non officielle",
        ],
        "en": [
            "no one knows where", "enforced disappearance", "forcibly disappeared",
            "missing since", "whereabouts unknown", "unknown whereabouts", "held incommunicado",
            "secret detention", "secret prison", "unknown location",
            "deny holding him", "denied holding him", "denied any knowledge",
            "taken to an unknown", "no trace of",
            "reappeared", "unacknowledged detention", "fate unknown",
            # Formal and legal wording, more forms (issue 14)
            "enforced disappearances", "held in secret", "denied holding", "deny holding",
            "no record of his arrest", "refused to acknowledge", "fate and whereabouts",
            "heard nothing from", "nobody knows where", "don't know where",
            "unofficial places of detention", "unofficial detention",
        ],
    },
    "detention_conditions": {
        "ar": [
            # MSA
            "لم ينقل إلى المستشفى", "رفضوا نقله للمستشفى", "الطعام قليل", "الطعام المقدم",
            "إدخال الطعام", "إدخال الأدوية", "إدخال الملابس", "الزيارة", "حاجز زجاجي",
            "لم يعرض على طبيب", "العرض على طبيب", "انفراديا", "إضراب عن الطعام", "منع المراسلات",
            "العلاج الذي أحضرناه", "ظروف الاحتجاز", "ظروف السجن", "زنزانة ضيقة",
            "حبس انفرادي", "عزل انفرادي", "زنزانة التأديب", "غرفة التأديب", "التأديب",
            "منع الزيارة", "منعوا الزيارة", "ممنوع من الزيارة", "الزيارة العائلية",
            "الحرمان من الزيارة", "الحرمان من العلاج",
            "منعوا عنه الدواء", "لا يحصل على دوائه", "الإهمال الطبي", "إهمال طبي", "مستشفى السجن",
            "عيادة السجن", "طبيب السجن", "الطعام سيئ", "طعام فاسد", "لا يوجد طعام", "مياه الشرب",
            "دورات المياه", "بدون تهوية", "سوء التهوية", "الرطوبة", "الحشرات", "الجرب",
            "أمراض جلدية", "النوم على الأرض", "بدون فراش", "الأغطية", "البرد الشديد",
            "الحر الشديد", "منع التريض", "التريض", "الاستحمام", "الأدوات الشخصية", "ملابس الشتاء",
            "الكانتين", "مريض ولا يعالج", "يحتاج إلى علاج", "نقله إلى المستشفى", "العنبر",
            "الزنازين",
            # Egyptian
            "الجوابات", "مش راضيين يدخلوله العلاج", "العلاج اللي جبناه", "الزيارة اتمنعت",
            "مش بيخرجوه التريض", "الأوضة ضلمة", "أوضة ضلمة", "فترة الإيراد", "مش بيدخلوا الأكل",
            "مش بيدخلوله الأكل", "مش بيدخلوا الدوا", "الدوا بتاعه", "مش بيعالجوه", "مفيش ميه",
            "مفيش تهوية", "نايم على الأرض", "البطاطين", "الزيارة ممنوعة", "الزيارة من ورا السلك",
            "الزيارة عشر دقايق", "الأوضة مليانة", "مفيش شمس",
            # Gulf
            "يطلب البخاخ", "ما يعطونه البخاخ", "ما خلونا نزوره", "ما أحد فتح له", "الأكل ما ينوكل",
            "ما يعطونه علاجه", "ما يعطونه الدواء", "ما يخلونا نزوره", "منعونا من زيارته",
            "الأكل ما يكفي", "الأكل خايس", "الحمامات وسخة", "ما فيه تكييف", "الحر بالعنبر",
            # Levantine
            "ما عم يعطوه الأنسولين", "ما في طبيب", "ما حدا سأل فيه", "ممنوعين نزورو", "المهجع",
            "المنفردة", "بالمنفردة", "ما عم يعطوه دوا", "ما عم يعطوه الدوا", "ما في أكل",
            "الأكل قليل", "ما عم يخلونا نزورو", "القمل", "عم يناموا عالأرض",
            # Maghrebi
            "ما بغاوش يعطيوه الدوا", "الدوا اللي جبنا ليه", "ما خلاوناش نزوروه",
            "ما كيعطيوهش الماكلة", "فالكاشو", "الماكلة خايبة", "ماكلة الحبس", "القفة",
            "منعو القفة", "ما عطاوهش الدوا", "منعونا من الزيارة", "الحبس عامر", "ناعسين فالأرض",
            "الطبيب ديال الحبس", "ما داوهش للسبيطار", "القفة ديالو",
            # Formal and legal Arabic (laws, treaty bodies, UPR, NHRI reports), more verb forms
            # and dialect variants (issue 14)
            "أوضاع الاحتجاز", "أوضاع السجون", "ظروف المعيشة", "أوضاع المحتجزين", "أوضاع السجناء",
            "ظروف السجناء", "معاملة السجناء", "القواعد النموذجية الدنيا", "قواعد نيلسون مانديلا",
            "قواعد مانديلا", "اكتظاظ السجون", "الحبس الانفرادي", "الحبس الانفرادي المطول",
            "الأدوية اللازمة",
            "المرافق الصحية", "الصرف الصحي", "النظافة الشخصية", "مستلزمات النظافة", "الفوط الصحية",
            "الغذاء الكافي", "الوجبات", "الزيارات العائلية", "حق الزيارة", "زيارة الأسرة",
            "زيارة ذويه", "منع من الزيارة", "منعت الزيارة", "منع الزيارات", "التهوية", "الإضاءة",
            "درجات الحرارة", "الفسحة", "فصل المحتجزين", "فصل الأحداث عن البالغين", "فصل المتهمين",
            "زيارة أماكن الاحتجاز", "الزيارات الرقابية", "زيارات رقابية", "الزيارات المفاجئة",
            "زيارة غير معلنة", "زيارة معلنة", "مراكز الإصلاح", "الطاقة الاستيعابية", "غرفة الحجز",
            "غرف الحجز", "الزنزانة", "زنزانة", "لا يوجد طبيب", "بدون علاج", "حرمانه من العلاج",
            "حرمانه من الدواء", "حرمانه من الزيارة", "الحرمان من الرعاية", "سوء التغذية", "البطانيات",
            "الأغطية الكافية", "المياه الساخنة", "ينامون على الأرض", "ننام على الأرض", "الزنزانة زحمة",
            "الحجز زحمة", "التلاجة", "مفيش أكل", "الأكل وحش", "مفيش دكتور", "الدكتور مش بيجي",
            "الزيارة اتلغت", "ممنوع الزيارة", "مش بيدخلوا العلاج", "ما فيه دكتور", "ما يعطونه أكل",
            "زحمة بالعنبر", "الأكل مو زين", "ما يعالجونه", "المهجع مليان", "ما في تدفاية",
            "ما في شوفاج", "البرد بالزنزانة", "ما في حمامات", "ما عم يعالجوه", "ما عم يطعموه",
            "ما كاينش الطبيب", "ما كاين حتى طبيب", "الحبس عامر بزاف", "ما كيعالجوهش",
            "متحشر", "متحشرين", "محشورين", "مكدسين", "متكدسين", "زحمة", "مليانة", "مليان",
            "تلاتين واحد", "ثلاثين واحد", "أربعين واحد", "فوق الطاقة", "ما في مكان", "مفيش مكان",
            "ينام", "ننام", "ينامون", "كنعسو", "على البلاط", "على الأرض", "عالأرض", "فالأرض",
            "بلا فرشة", "بدون بطانية", "بلا بطانية", "بطانية", "فرشة", "الحمام", "الحمامات",
            "بيت الراحة", "المرحاض", "المراحيض", "الدوش", "المية", "الماء", "مي سخنة", "مية سخنة",
            "الماء الساخن", "مقطوعة", "الاكل", "الأكلة", "الماكلة", "الطعام", "الأكل بايظ", "بايظ",
            "فاسد", "خايس", "الحر", "حر", "البرد", "برد", "بالبرد", "الشمس", "بلا هوا", "بلا تهوية",
            "ريحة", "رطوبة", "حشرات", "قمل", "جرب", "صراصير", "زيارة", "زيارته", "نزوره", "نزورو",
            "نشوفه", "نشوفو", "يشوفوا ولادهن", "ممنوعين", "ما خلّونا نزورو", "منعونا", "الأمانات",
            "العلاج", "علاجه", "علاجو", "الدوا", "دوا", "دواه", "أدويته", "الأدوية", "الأنسولين",
            "أنسولين", "البخاخ", "بخاخه", "الطبيب", "طبيب", "الدكتور", "دكتور", "العيادة", "المستشفى",
            "للمستشفى", "السبيطار", "للسبيطار", "يعالجوه", "يعالجونه", "ما عالجوه", "الإسعاف",
            "غسيل كلى", "يغسل كلى", "الغسيل الكلوي", "الكيماوي", "عملية", "العملية", "بنادول", "مسكن",
            "المرض", "مريض", "سكر", "السكري", "سكري", "ضغط", "ربو", "صرع", "قلب", "الانفرادي",
            "للانفرادي", "الانفرادية", "العزل", "معزول", "العقاب", "عقوبة", "مقيد", "مكلبش",
            "بالكلبشات", "مقيد بالسرير", "الأوضة", "بأوضة", "الغرفة", "عنبر", "الجناح", "القاووش",
            "المساجين", "السجناء", "النزلاء", "النزيل", "السجين", "الموقوفين", "المحتجزين",
            "المعتقلين", "الحراس", "الإدارة", "إدارة السجن", "إدارة المركز", "مركز الإيواء",
            "مراكز الإيواء", "مركز الاحتجاز", "مركز إيداع", "الإصلاحية", "مركز الإصلاح",
            "مراكز الإصلاح والتأهيل", "مؤسسة عقابية", "المؤسسة السجنية", "الفورة", "التعليم",
            "التكوين المهني", "الإيداع", "يفصل", "الفصل", "فصل الأحداث",
            "مراقبة", "تحت مراقبة", "انتحر", "ينتحر", "إضراب", "مضرب",
            "الزيارات موقوفة", "منع الزيارات عنه",
            "منعوا عنه الزيارة",
            "مع البالغين", "مع بالغين", "مع موقوفين بالغين", "مع ستات كبار", "مع رجالة كبار",
            "مع ناس كبار", "مع كبار", "مع المساجين الكبار", "مسجونين تانيين", "سجناء آخرين",
            "نزلاء آخرين", "على يد مسجونين", "على ايد مسجونين", "المساجين التانيين",
            "الإفراج الصحي", "إفراج صحي", "الإفراج لأسباب صحية", "إدخال الحليب", "بإدخال الحليب",
            "إدخال الحفاضات", "الحفاضات", "بيغسلوا كلى", "يغسلوا كلى", "بيغسل كلى", "غسيل الكلى",
        ],
        "fr": [
            "pas transféré à l'hôpital", "couffin refusé", "lettres confisquées",
            "hygiène déplorable", "conditions de détention", "conditions carcérales",
            "surpopulation carcérale", "cellule surpeuplée",
            "isolement", "mise à l'isolement", "quartier disciplinaire", "privé de visites",
            "droit de visite", "visite refusée", "permis de visite", "couffin",
            "nourriture avariée", "nourriture insuffisante", "eau potable", "hygiène",
            "gale", "punaises", "soins médicaux", "privé de soins",
            "refus de soins", "négligence médicale", "infirmerie", "médecin de la prison",
            "médicaments", "dort par terre", "sans matelas", "couvertures", "promenade",
            "chaleur étouffante", "aération", "sanitaires", "toilettes", "douche",
            # Formal and legal wording, more forms (issue 14)
            "conditions de vie", "accès aux soins", "privé de visite", "visites familiales",
            "règles Nelson Mandela", "Ensemble de règles minima", "règles minima",
            "protections hygiéniques", "isolement prolongé", "cellule d'isolement",
            "pas de médecin", "sans soins", "privé de médicaments", "malnutrition", "la cellule",
            "une cellule", "visites suspendues", "privé de parloir", "visites de contrôle",
            "visite inopinée", "lieux de privation de liberté",
            "entassés", "surpeuplée", "trente dans", "dorment", "dormir", "par terre", "sur le sol",
            "matelas", "couverture", "douches", "eau", "eau chaude", "nourriture", "repas", "manger",
            "chaleur", "froid", "humidité", "visite", "visites", "médicament", "traitement", "soins",
            "médecin", "hôpital", "insuline", "dialyse", "malade", "maladie", "diabète", "asthme",
            "épilepsie", "menotté", "enchaîné", "cellule", "cellules", "prisonniers", "détenus",
            "détenues", "codétenus", "administration", "pénitentiaire", "séparés des adultes",
            "avec des adultes", "avec les adultes", "autres détenus",
            "libération pour raisons médicales", "raisons de santé",
        ],
        "en": [
            "not taken to hospital", "food we bring", "family visits banned", "glass barrier",
            "detention conditions", "prison conditions",
            "cramped cell", "solitary confinement", "isolation cell", "punishment cell",
            "disciplinary cell", "family visits", "visits banned", "denied visits",
            "visiting rights", "medical care", "medical neglect", "denied medication",
            "denied treatment", "no medicine", "his medication", "prison clinic", "prison doctor",
            "bad food", "rotten food", "not enough food", "clean water", "drinking water",
            "sanitation", "no ventilation", "sleeping on the floor", "no mattress", "blankets",
            "scabies", "lice", "cockroaches", "extreme heat", "no sunlight", "exercise yard",
            "hygiene", "toilets",
            # Formal and legal wording, more forms (issue 14)
            "conditions of detention",
            "no visits", "not allowed to visit", "visits were suspended", "visits suspended",
            "hygiene products", "sanitary pads", "Nelson Mandela Rules", "Standard Minimum Rules",
            "no doctor", "medical attention", "denied medical", "medication", "poor food",
            "inadequate food", "food is", "monitoring visits", "unannounced visits",
            "places of detention", "malnutrition",
            "crammed", "packed", "thirty of us", "no space", "sleep", "sleeping", "on the floor",
            "mattress", "blanket", "toilet", "shower", "water", "hot water", "food", "meals", "hungry",
            "heat", "in the sun", "in the open", "cold", "visit", "visits", "visiting", "medicine",
            "medications", "treatment", "doctor", "clinic", "hospital", "insulin", "inhaler",
            "dialysis", "surgery", "sick", "ill", "diabetes", "asthma", "epilepsy", "heart condition",
            "isolation", "shackled", "chained", "handcuffed to", "cell", "cells", "inmates",
            "prisoners", "detainees", "prison administration",
            "exercise",
            "with adults", "with adult men", "separately from adults", "fellow prisoners",
            "other inmates", "fellow inmates", "other prisoners", "compassionate release",
            "medical release", "diapers", "baby milk",
        ],
    },
    "due_process": {
        "ar": [
            # MSA
            "منعوا المحامي", "دون حضور محام", "بدون محامي", "حرمانه من محام",
            "لم يسمحوا للمحامي", "التحقيق بدون محامي", "حضور المحامي", "الاستعانة بمحام",
            "لم يعرض على النيابة", "العرض على النيابة", "تأخير العرض على النيابة",
            "لم يبلغ بالتهم", "لم يخبروه بالتهمة", "التهم الموجهة",
            "تهمة ملفقة", "قضية ملفقة", "لفقوا له قضية", "تلفيق", "محضر ملفق", "قضية مفبركة",
            "محاكمة عادلة", "محاكمة غير عادلة", "محكمة عسكرية", "محكمة أمن الدولة",
            "محكمة استثنائية", "حكم غيابي", "محاكمة جماعية", "حق الدفاع", "الاطلاع على الملف",
            "أجبروه على التوقيع", "وقع على أوراق", "بصموه",
            "الطعن بالنقض", "جلسة تجديد", "تأجيل الجلسة", "تأجيل المحاكمة",
            "بدون مترجم", "قرينة البراءة", "المهلة القانونية", "الأجل القانوني",
            "لم يمثل أمام قاض", "أدلة ملفقة", "شهود زور", "حكم جائر",
            # Egyptian
            "مفيش محامي", "المحامي ممنوع", "مش راضيين يدخلوا المحامي", "من غير محامي",
            "ملفقين له قضية", "لبسوه قضية", "لبسوني قضية", "اتعرض على النيابة",
            "عرضوه على النيابة", "ما اتعرضش على النيابة", "محدش قاله تهمته", "تهمته إيه",
            "مش عارفين تهمته", "تجديد 15 يوم", "تجديد 45 يوم", "ماضي على المحضر",
            # Gulf
            "ما خلوه يكلم محامي", "ما عنده محامي", "ما ندري وش التهمة", "هيئة التحقيق والادعاء",
            "المحكمة الجزائية المتخصصة", "بدون محاكمة",
            # Levantine
            "ما خلوه يشوف محامي", "بلا محامي", "ما منعرف شو تهمته", "لفقولو تهمة", "ركبولو ملف",
            "المحكمة الميدانية", "محكمة الإرهاب", "ما انعرض على قاضي", "محكمة أمن الدولة العسكرية",
            # Maghrebi
            "ما خلاوهش يشوف المحامي", "ما قالولوش علاش", "ما عرفناش علاش", "لفقو ليه",
            "وقع على المحضر بزز", "سنيوه المحضر",
            "ما تقدمش للوكيل", "الضابطة القضائية", "ما قراش المحضر", "حكموا عليه بلا دليل",
            # Formal and legal Arabic (laws, treaty bodies, UPR, NHRI reports), more verb forms
            # and dialect variants (issue 14)
            "ضمانات المحاكمة العادلة", "المحاكمة العادلة", "الحق في الدفاع", "حقوق الدفاع",
            "المساعدة القانونية", "المساعدة القضائية", "العون القضائي", "العون القانوني",
            "الضمانات القانونية", "الضمانات الإجرائية", "الضمانات الأساسية", "إبلاغه بأسباب",
            "إبلاغهم بأسباب", "إبلاغه بالتهم", "أسباب القبض", "أسباب توقيفه", "أسباب اعتقاله",
            "المثول أمام", "أمام قاض", "أمام القاضي", "العرض على القاضي", "دون عرضه على",
            "لم يعرض على", "استقلال القضاء", "استقلالية القضاء", "المحاكم العسكرية",
            "المحاكم الاستثنائية", "محاكمة المدنيين", "المحاكم الخاصة", "الأدلة المنتزعة",
            "مقبولية الأدلة", "الحق في الطعن", "الحق في الاستئناف", "حق الاستئناف", "درجتي التقاضي",
            "علنية المحاكمة", "محاكمة علنية", "محاكمة سرية", "الأحكام الغيابية",
            "قانون الإجراءات الجنائية", "قانون الإجراءات الجزائية", "قانون المسطرة الجنائية",
            "التوقيف للنظر", "الحق في مترجم", "مترجم شفوي", "تأجيل الجلسات", "إطالة أمد التقاضي",
            "بطء التقاضي", "محضر الاستدلال", "وقع على محضر", "التوقيع على محضر",
            "التوقيع على اعتراف", "البصم على", "الاتصال بمحام", "التواصل مع محاميه", "حضور محام",
            "لم يسمح للمحامي", "منع المحامي", "منعوا محاميه", "هيئة الدفاع", "المحامي مدخلش",
            "مخلوش المحامي", "محدش قاله", "مضوه على ورق", "مضوه على المحضر", "ماضي على ورق",
            "اتعرض على النيابة بعد", "ما عرضوه على القاضي", "ما يدري وش تهمته", "وقعوه على ورق",
            "ما خلوه يحكي مع محامي", "ما عرضوه عالقاضي", "مضوه على ورقة", "بصموه على إفادة",
            "ما عرضوهش على وكيل الملك", "ما قدموهش للوكيل",
            "توكيل محام", "ممنوع عنه المحامي", "ما خلوا المحامي", "ما خلاوش المحامي", "المحامي ما",
            "ولا محامي", "ولا حتى المحامي",
            "غيابيا", "غيابى", "اتأجلت", "تأجلت", "أجلوا",
            "تأجيل", "ما عرضوه", "ما اتعرضش", "ما شافش", "ما انعرض", "لم يعرض", "لم يمثل",
            "دون أن يعرض", "ما حدا عرضو", "ما قدموهش", "يقدم إلى النيابة",
            "يقدم إلى",
            "ملفق", "ملفقة", "لفقوا", "لفقو", "لبسوه", "هنلبسك", "نلبسك", "مفبركة", "فبركوا",
            "يمضي", "امضى", "مضى على", "مضوه", "مضيت", "بصم", "بصمت", "سنيوه", "سيني", "ما قراش",
            "ما خلاونيش نقراه", "دون أن يقرأه", "لا يعرف القراءة", "ما يقرا", "لا يفهم", "مش فاهم",
            "ما يفهم", "ما كيفهمش", "ما فهم", "لغة لا يفهمها", "لا يتقن", "لا يحسن", "مترجم",
            "المترجم", "ترجمان", "الترجمان", "الترجمة", "مترجم محلف", "لغة الإشارة", "مترجم إشارة",
            "يحققون وياه",
            "دون حضور", "بدون حضور", "من غير حضور",
            "مراقب السلوك", "محكمة الأحداث", "المحكمة العسكرية",
            "البطلان", "باطلة", "بطلان", "شاهد زور",
            "ربع ساعة", "دقائق", "سريعة", "صوري", "صورية", "عادلة", "العادلة", "تجديد حبسه",
            "اتجدد حبسه", "جددوا", "التجديد", "يجدد",
            "ما عرضوه على النيابة", "ما عرضوه عالنيابة", "ما عرضوهش على النيابة", "ما عرضوه على وكيل",
            "ولا خلوه يكلم المحامي", "ما خلوه يكلم المحامي", "ممنوع عنو المحامي", "منعوا عنه المحامي",
            "ما عندهم محامي", "ما عندو محامي", "ولا قاضي", "ما شاف قاضي", "ما يشوف قاضي",
            "ما شافش قاضي", "ما شافش المحامي", "ولا المحامي", "الاعترافات المنتزعة", "اعتراف انتزع",
            "اعترافات انتزعت", "قبول الاعترافات", "استبعاد الاعترافات", "بطلان الاعتراف",
            "إعادة المحاكمة",
            "الإجراءات القضائية",
            "ترجمان محلف", "الاستعانة بمترجم", "الاستعانة بترجمان",
            "بطلان الإجراءات",
            "بلا محاكمة", "دون محاكمة", "دون أي محاكمة", "من غير محاكمة", "الحبس الاحتياطي المطول",
            "حبس احتياطي مطول", "بيتدور", "التدوير", "تدوير", "قضية جديدة",
            "ورقة اعتراف", "وقعت على اعتراف", "وقعني على اعتراف", "وقع على ورقة", "وقعت على ورقة",
            "فرصة للطعن", "للطعن فيه", "دون إمكانية الطعن", "بلا طعن",
            "لم يبلغ بالقرار", "دون إبلاغه بالقرار", "يحققون معه بروحه",
            "حققوا معه لوحده", "التحقيق معه وحده",
        ],
        "fr": [
            "sans avocat", "privé d'avocat", "droit à un avocat", "refus d'avocat",
            "assistance d'un avocat", "présenté au parquet", "présentation au parquet",
            "procureur du roi", "procureur de la république", "délai légal",
            "dépassement du délai", "chefs d'accusation", "sans connaître les charges",
            "motifs de son arrestation", "dossier fabriqué", "accusations fabriquées",
            "procès équitable", "procès inéquitable", "tribunal militaire", "signer le PV",
            "forcé de signer", "signé sans lire", "droits de la défense", "interprète",
            "sans interprète", "audience reportée", "renvoi de l'audience",
            "condamné par contumace", "présomption d'innocence", "jugement expéditif",
            "faux témoignages", "sans preuve", "accès au dossier",
            # Formal and legal wording, more forms (issue 14)
            "garanties du procès équitable", "aide juridictionnelle", "assistance juridique",
            "accès à un avocat", "accès à son avocat", "informé des motifs", "présenté à un juge",
            "présenté devant un juge", "présenté au procureur", "tribunaux militaires",
            "juridictions d'exception", "aveux obtenus", "signer un procès-verbal",
            "garanties juridiques", "garanties fondamentales", "indépendance de la justice",
            "indépendance du pouvoir judiciaire", "droit de faire appel", "code de procédure pénale",
            "aucun avocat", "ni avocat",
            "par défaut", "par contumace", "reporté",
            "renvoyé", "renvoi", "chef d'accusation",
            "fabriqué", "fait signer",
            "sans le lire", "sans lire", "sans comprendre", "ne comprend pas", "ne sait pas lire",
            "traduction", "traducteur", "langue des signes",
            "sans la présence", "aucun parent",
            "nullité", "expéditif", "quelques minutes", "loi antiterroriste",
            "antiterroriste",
            "procédures judiciaires", "nouveau procès", "recours",
            "sans recours",
            "sans procès", "sans jugement", "sans date de procès", "jamais jugé", "signé des aveux",
            "sans possibilité de recours",
        ],
        "en": [
            "no lawyer", "without a lawyer", "denied a lawyer", "access to a lawyer",
            "never told the charges", "fabricated charges",
            "trumped-up charges", "framed", "brought before a judge",
            "fair trial", "unfair trial", "military court", "state security court", "mass trial",
            "forced to sign", "signed a statement", "interpreter", "without an interpreter",
            "hearing postponed", "right to appeal", "in absentia",
            "presumption of innocence", "sham trial", "due process", "without evidence",
            "false witnesses", "renewed his detention",
            # Formal and legal wording, more forms (issue 14)
            "fair-trial guarantees", "fair trial guarantees", "legal aid", "legal assistance",
            "legal representation", "access to counsel", "right to counsel", "without legal counsel",
            "not informed of the charges", "informed of the charges", "reasons for his arrest",
            "reasons for the arrest", "promptly brought", "before a judge", "judicial review",
            "independence of the judiciary", "military courts", "special courts", "trial in absentia",
            "coerced confessions", "denied access to his lawyer", "signed papers", "made him sign",
            "made me sign", "secret trial", "closed trial", "procedural safeguards",
            "legal safeguards", "code of criminal procedure",
            "postponed",
            "adjourned", "brought before",
            "what he is accused of", "fabricated",
            "without reading", "could not read", "cannot read",
            "does not read", "does not understand", "didn't understand", "translation", "translator",
            "sign language", "without a parent",
            "no parent", "minutes", "anti-terrorism",
            "terrorism law",
            "admissible as evidence",
            "judicial proceedings", "retrial",
            "without trial", "without a trial", "never tried", "to be tried", "signed a confession",
            "no chance to appeal", "without the possibility of appeal",
            "prolonged pre-trial detention",
        ],
    },
    "excessive_force": {
        "ar": [
            # MSA
            "لم يبد أي مقاومة", "دون أي مقاومة", "دون مقاومة", "سحبوه على الأرض", "طرحوه أرضا",
            "لووا ذراعه", "على رقبته", "الأصفاد ضيقة", "بعقب البندقية",
            "رشونا بالمياه", "دفعوه بقوة", "استخدام مفرط للقوة", "القوة المفرطة", "إطلاق النار",
            "أطلقوا النار", "أطلقوا الرصاص", "رصاص حي", "طلقات الخرطوش",
            "الغاز المسيل للدموع", "غاز مسيل", "الهراوات", "ضرب المتظاهرين",
            "تفريق بالقوة", "فض بالقوة", "المدرعة", "دهسته سيارة الشرطة", "دهس", "خراطيم المياه",
            "مدافع المياه", "أصيب برصاصة", "أصيب بطلق ناري", "طلق ناري", "إصابة في العين",
            "الاعتداء على المتظاهرين", "سحلوه في الشارع",
            "الكلاب البوليسية", "الصاعق الكهربائي", "ضربوه أثناء القبض", "عنف الشرطة", "عنف أمني",
            "مداهمة عنيفة", "ضربوه أمام الناس", "إصابات المتظاهرين", "أطلق عليه النار", "رصاصة في",
            # Egyptian
            "مكنتش بقاوم", "مكانش بيقاوم", "طرحني على الأرض", "حط رجله على رقبتي", "لوى دراعي",
            "الكلبشات ضيقة", "الكلابشات", "ضربوا علينا نار", "ضرب خرطوش", "ضربوا غاز",
            "المدرعة دهسته", "طلقة في رجله", "ضربوا علينا خرطوش",
            "العساكر ضربونا", "ضربوه قدام الناس",
            # Gulf
            "طيحني على الأرض", "سحبني من ثوبي", "رشتنا بالماي", "ما كان يقاوم", "طقوه بالشارع",
            "رموا علينا مسيل", "ضربونا بالعصي", "طلقوا علينا رصاص",
            # Levantine
            "كعب البارودة", "بكعب البارودة", "ما كان عم يقاوم", "قوصوا علينا", "قوصوه",
            "رشوا علينا غاز", "ضربوا المظاهرة", "فرقوا الناس بالقوة", "انضرب بالشارع",
            "رصاصة برجلو",
            # Maghrebi
            "طيحوه فالأرض", "ما كانش كيقاوم", "المينوط", "ضربونا بالزراويط", "الزرواطة",
            "بالزراوط", "القرطاس", "ضربوه بالقرطاس", "تيراو عليه",
            "القمع", "قمعونا", "قمع الوقفة", "التدخل العنيف", "التدخل الأمني العنيف", "تعنيف",
            "عنفوه", "عنفونا", "تعنيف المحتجين", "ضربونا فالشارع",
            # Formal and legal Arabic (laws, treaty bodies, UPR, NHRI reports), more verb forms
            # and dialect variants (issue 14)
            "الإفراط في استخدام القوة", "استخدام القوة", "القوة المميتة", "القوة القاتلة",
            "الأسلحة النارية", "تفريق المتظاهرين", "فض التجمعات", "فض المظاهرات", "تفريق التجمعات",
            "فض الاعتصام", "الأسلحة الأقل فتكا", "الضرورة والتناسب", "مبدأي الضرورة والتناسب",
            "التناسب", "قنابل مسيلة", "الغاز المسيل", "أطلقت النار", "أطلق النار",
            "إطلاق الرصاص", "الرصاص", "بالرصاص", "ضربوه في الشارع", "ضربوني في الشارع",
            "فضوا الوقفة", "فضوا الاعتصام", "ضربونا بالعصيان",
            "فرقوا المظاهرة", "رشوا الغاز", "تدخل عنيف",
            "برصاص الأمن", "برصاص الشرطة", "برصاص الجيش", "برصاص قوات", "أطلقوا عليه النار",
            "الرصاص الحي", "اتضرب بالنار", "ضربوه بالنار", "طخوه", "طخّت", "طخوا علينا",
            "يأشر علينا بالسلاح", "وجه السلاح", "وجهوا السلاح", "صوب السلاح", "صوبوا السلاح",
            "شهر السلاح", "أشهر سلاحه", "طلعونا بالقوة", "أخرجونا بالقوة",
            "بأعقاب البنادق",
            "رصاص مطاط", "بالرصاص المطاطي", "خردق", "بالخردق", "رش خرطوش",
        ],
        "fr": [
            "sans sommation", "sans résistance", "crosse du fusil", "menottes trop serrées",
            "genou sur le cou", "plaqué au sol", "CRS", "forces anti-émeute",
            "usage disproportionné", "force excessive", "violences policières",
            "bavure policière", "balles réelles", "tirs à balles réelles", "balles en caoutchouc",
            "flash-ball", "LBD", "gaz lacrymogène", "canon à eau",
            "charge policière", "dispersion violente",
            "intervention musclée", "répression violente", "réprimé", "blessé par balle",
            "tabassé en pleine rue", "écrasé par un véhicule", "plaquage ventral",
            "clé d'étranglement", "taser", "brutalités policières", "brutalisé",
            "chiens policiers", "tireurs embusqués", "ont tiré sur",
            # Formal and legal wording, more forms (issue 14)
            "usage excessif de la force", "recours excessif à la force", "usage de la force",
            "force létale", "armes à feu", "tiré sur", "ont tiré", "grenades", "tirs", "dispersion",
            "interpellation violente",
            "à terre", "lacrymogène",
            "gaz", "grenade", "tiré", "bras cassé", "œil",
            "perdu un œil", "chargé",
            "balle réelle", "braqué son arme", "braqué une arme", "par la force", "de force",
        ],
        "en": [
            "without warning", "did not resist", "didn't resist", "no resistance",
            "knee on his neck", "handcuffs too tight", "rifle butt", "pinned to the ground",
            "thrown to the ground", "excessive force", "disproportionate force",
            "police brutality", "police violence", "opened fire", "shot at", "live ammunition",
            "live rounds", "rubber bullets", "tear gas", "water cannon",
            "baton charge", "dispersed by force", "violently dispersed", "crackdown",
            "shot in the", "gunshot wound", "armoured vehicle", "armored vehicle", "taser",
            "tasered", "chokehold", "pepper spray", "police dogs", "snipers", "brutalised",
            "brutalized", "pellets",
            # Formal and legal wording, more forms (issue 14)
            "use of force", "lethal force", "deadly force", "firearms", "dispersed the protest",
            "beat protesters", "stun grenades", "necessity and proportionality", "disproportionate",
            "shot him", "shot at the crowd", "while arresting", "beat him in the street",
            "beaten in the street",
            "sticks", "stick", "clubs", "canisters", "gas", "fired", "shot",
            "lost an eye", "baton",
            "fired at", "shot my", "pointed a gun", "pointed his gun", "pointed their guns",
            "by force", "forcibly",
        ],
    },
    "right_to_life": {
        "ar": [
            # MSA
            "وفاة", "توفي", "مات", "ماتت", "قتل", "لقي حتفه",
            "لقي مصرعه", "فارق الحياة", "استشهد", "الجثة", "جثمانه", "تسلم الجثة",
            "استلام الجثمان", "رفضوا تسليم الجثة", "تشريح الجثة", "الطب الشرعي",
            "تقرير الطب الشرعي", "شهادة الوفاة", "سبب الوفاة", "الوفاة داخل السجن",
            "الوفاة أثناء الاحتجاز", "مات تحت التعذيب", "القتل خارج نطاق القضاء", "إعدام ميداني",
            "تصفية جسدية", "صفوه", "حكم بالإعدام", "تنفيذ حكم الإعدام", "دفنوه",
            "دفن دون علم أهله", "رصاصة قاتلة", "القصاص", "غرق",
            # Egyptian
            "مات في القسم", "مات في الحجز", "اتقتل", "اتصفى", "طلع جثة", "لقيناه ميت",
            "استلمنا الجثة", "قالوا مات بهبوط", "قالوا انتحر", "المشرحة",
            # Gulf
            "توفي بالسجن", "مات بالتوقيف", "انقتل", "ذبحوه",
            # Levantine
            "استشهد تحت التعذيب", "طلعت جثته", "سلمونا أغراضه", "سلمونا هويته", "مات بالفرع",
            "قتلوه عالحاجز",
            # Maghrebi
            "مات فالكوميسارية", "مات فالحبس", "تقتل", "لقاوه ميت", "الطبيب الشرعي", "التشريح",
            "مات فالسبيطار", "ماتو فالبحر",
            # Formal and legal Arabic (laws, treaty bodies, UPR, NHRI reports), more verb forms
            # and dialect variants (issue 14)
            "الحق في الحياة", "عقوبة الإعدام", "أحكام الإعدام", "تنفيذ أحكام الإعدام",
            "وقف اختياري", "إلغاء عقوبة الإعدام", "الإعدام خارج نطاق القضاء", "الإعدام بإجراءات موجزة",
            "الإعدام التعسفي", "حالات الوفاة", "الوفيات أثناء الاحتجاز", "الوفيات في أماكن الاحتجاز",
            "الوفاة في الحجز", "التحقيق في الوفيات", "الحرمان التعسفي من الحياة", "بروتوكول مينيسوتا",
            "القتل العمد", "جرائم القتل", "أعمال القتل", "توفي داخل", "مات داخل", "وفاته داخل",
            "وفاة ابني", "وفاة والدي", "وفاة أخي", "وفاة زوجي", "وفاة شقيقي", "وفاة نجلي",
            "أزهقت روحه", "قتل برصاص", "قتل على يد", "تسليم الجثة", "تسليم الجثمان", "استلام الجثة",
            "مات جوه", "اتوفى في", "اتوفى جوه", "مات عندن", "توفى فالكوميسارية",
            "ضرب نار", "ضربوا نار", "طخ", "طخوه", "طخّت", "قوصوه", "اتضرب بالنار", "بالنار",
            "أطلق النار", "أطلقوا النار", "الرصاص", "رصاصة", "برصاصة", "برصاص", "الذخيرة الحية",
            "الرصاص الحي", "أصيب برصاصة", "اتصاب في راسه", "انصاب", "حالته خطر", "بين الحياة والموت",
            "العناية المركزة", "العمليات", "القوة المميتة", "القوة القاتلة",
            "الدفاع الشرعي", "الدفاع عن النفس", "يهدد حياته", "تهديد بالقتل", "هددني بالقتل",
            "يهددني بالقتل", "هددوه بالقتل", "بالقتل", "التصفية", "قبر", "القبر", "الدفن", "يدفنوه",
            "ندفنه", "الدفنة", "المتوفين", "المتوفى", "جرائم الشرف", "جريمة شرف",
            "ما يسمى جرائم الشرف", "قتلها أخوها", "الانتحار", "انتحر", "انتحار", "نطت من", "رمت نفسها",
            "وقع ومات", "ومات", "وماتت", "مات على", "مات في", "مات بعد",
        ],
        "fr": [
            "mort", "mort en détention", "décédé", "décès", "mort en garde à vue",
            "abattu", "exécuté", "exécution extrajudiciaire", "exécution sommaire",
            "cadavre", "dépouille", "autopsie", "médecin légiste",
            "certificat de décès", "cause du décès", "mort suspecte", "mort sous la torture",
            "peine de mort", "peine capitale", "remise du corps", "enterré sans", "liquidé",
            "a succombé", "succombé à ses blessures", "noyé", "retrouvé mort",
            # Formal and legal wording, more forms (issue 14)
            "droit à la vie", "décès en garde à vue", "morts en détention", "décès en détention",
            "moratoire sur les exécutions",
            "privation arbitraire de la vie", "trouvé la mort", "perdu la vie",
            "exécutions extrajudiciaires", "exécutions sommaires",
            "balles réelles", "tiré", "blessé par balle", "vie",
            "menaces de mort", "menacé de mort", "tuer", "recours à la force", "force létale",
            "armes à feu", "crime d'honneur", "crimes d'honneur", "suicide", "s'est pendu", "pendu",
            "enterrer",
            "abolition de la peine", "entre la vie",
            "exécution", "exécutions",
        ],
        "en": [
            "died", "death", "died in custody", "death in custody",
            "shot dead", "extrajudicial killing", "extrajudicial execution",
            "death penalty", "death sentence", "corpse", "autopsy",
            "forensic report", "coroner", "death certificate", "cause of death",
            "suspicious death", "died under torture", "died in prison", "buried without",
            "hand over the body", "lost his life", "fatally", "drowned", "found dead",
            "was murdered",
            # Formal and legal wording, more forms (issue 14)
            "right to life", "capital punishment", "moratorium on executions", "deaths in custody",
            "arbitrary deprivation of life", "Minnesota Protocol", "unlawful killing",
            "unlawful killings", "shot and killed", "lost their lives", "abolish the death penalty",
            "shot", "shooting", "live ammunition", "live fire", "opened fire",
            "between life and death", "intensive care", "death threats", "threatened to kill",
            "the next one is you", "lethal", "firearms", "honour crimes", "honor crimes", "suicide",
            "hanged", "bury", "buried", "dying", "life",
            "executed", "execution",
            "body", "executions",
        ],
    },
    "discrimination": {
        "ar": [
            # MSA
            "أمثالي", "أمثالكم", "أصولهم القبلية", "التفرقة في المعاملة", "تفرقة",
            "فيروس نقص المناعة", "مصاب بالإيدز", "بديني", "الأمازيغية", "بسبب لغتي",
            "أنتم الأجانب", "تمييز عنصري", "بسبب ديني", "بسبب ديانتي",
            "بسبب مذهبي", "بسبب طائفتي", "طائفي", "بسبب عرقي", "بسبب لوني", "لون بشرتي",
            "بسبب بشرتي", "بسبب جنسيتي", "لأني أجنبي", "بسبب أصلي", "بسبب قبيلتي", "لأني من قبيلة",
            "بسبب لهجتي", "بسبب اسمي", "لأنني مسيحي", "لأني مسيحي", "لأني شيعي", "لأني سني",
            "لأني قبطي", "لأني بهائي", "فئة البدون", "من البدون", "عديمي الجنسية",
            "غير محددي الجنسية", "الأقليات", "أقلية", "أمازيغي", "كردي", "نوبي", "بشرة سمراء",
            "ذوي البشرة السوداء", "معاملة غير متساوية", "عدم المساواة", "تحيز ضدي",
            "ازدراء الأديان", "خطاب كراهية", "إساءة عنصرية", "ألفاظ عنصرية",
            "حرموني من الوظيفة بسبب", "رفضوا توظيفي بسبب", "مثلي الجنس", "المثليين",
            # Egyptian
            "بتوع الصعيد", "بيعاملني غير", "عشان ديانتي", "بيعاملونا وحش عشان",
            "فرقوا في المعاملة", "يا نصراني", "قالولي يا كافر",
            # Gulf
            "خضيري", "رافضي", "مجوسي",
            # Levantine
            "إنتو الأجانب", "ما إلكن حق", "إنتو السوريين", "لأنو أنا فلسطيني", "لأنو أنا سوري",
            "عنصرية ضد السوريين", "عنصرية ضد الفلسطينيين", "على الهوية",
            # Maghrebi
            "ما كتهضرش غير بالأمازيغية", "حيت أجنبي", "حنا الأفارقة", "حيت أنا أمازيغي",
            "حيت أنا كحل", "قالو ليا يا عزي", "كحلوش", "عنصرية ضد الأفارقة", "حيت أنا مسيحي",
            "حيت أنا من الجنوب", "قالولي يا عبد",
            # Formal and legal Arabic (laws, treaty bodies, UPR, NHRI reports), more verb forms
            # and dialect variants (issue 14)
            "عدم التمييز", "التمييز ضد", "التمييز على أساس", "أشكال التمييز", "التمييز العنصري",
            "القضاء على التمييز", "مناهضة التمييز", "التحريض على الكراهية", "المساواة أمام القانون",
            "المساواة في المعاملة", "على أساس الدين", "على أساس العرق", "على أساس الجنسية",
            "على أساس الأصل", "على أساس اللون", "على أساس الجنس", "على أساس الإعاقة",
            "على أساس الانتماء", "الأقليات الدينية", "الأقليات العرقية", "الأقليات الإثنية",
            "بسبب جنسيته", "بسبب جنسيتها", "بسبب دينه", "بسبب دينها", "بسبب لونه", "بسبب لون بشرته",
            "بسبب أصله", "بسبب لهجته", "بسبب مذهبه", "بسبب طائفته", "بسبب قبيلته", "بسبب انتمائه",
            "لأنه أجنبي", "لأنها أجنبية", "لأنه مسيحي", "لأنه شيعي", "لكونه أجنبيا", "لكونها امرأة",
            "معاملة مختلفة", "بشكل مختلف", "غير متساوية", "يفرقون بين",
            "عشان لوني", "بيفرقوا بينا", "لأنك أجنبي", "عشانه أجنبي", "لأنو سوري", "لأنو فلسطيني",
            "لأني سوري", "لأني فلسطيني", "حيت كحل", "حيت أفريقي",
            "ارجع بلادك", "ارجع لبلادك", "ارجعوا بلدكم", "ارجعوا لبلدكم", "روح لبلدك", "روحوا بلادكم",
            "ارجع لبلدك", "سير لبلادك", "رجع لبلادك", "ارجعي لبلدك", "كل السوريين", "أنتم السوريين",
            "أنتم الشيعة", "انتو الشيعة", "أنتم السنة", "أنتم المسيحيين", "أنتم البدو",
            "انتو الصعايدة", "أنتم المصريين", "انتو المصريين", "أنتم الأفارقة", "انتوما الأفارقة",
            "يا عبد", "يا عبيد", "يا أسود", "يا سودة", "يا زنجي", "يا وصيف", "عبيد", "زنوج",
            "يا بدوي", "يا نوري", "يا غجري", "خانة الديانة", "خانة الدين", "بسبب ديانته",
            "بسبب عقيدتي", "لأني شيعية", "لأنني شيعي", "لأنني مسيحية", "لأني بهائية", "لأنني أجنبي",
            "لأنني أجنبية", "بهائي", "بهائية", "البهائيين", "قبطي", "الأقباط", "الإيزيديين", "الدروز",
            "العلويين", "الأمازيغ", "الأكراد", "الكرد", "النوبيين", "البدون", "عديمو الجنسية",
            "مكتومي القيد", "مكتوم القيد", "بسبب لون بشرتي", "لون بشرته", "عشان لونا", "عشان لوننا",
            "عشان لونه", "بسبب بشرتي السمراء", "ذوي البشرة السمراء", "السود", "أصحاب البشرة السوداء",
            "أبناء قبيلتنا", "من قبيلة", "أبناء القبيلة", "عرشهم", "من العرش", "ولاد عرشهم",
            "أهل قريتنا", "بسبب منطقتي", "لأننا من منطقة", "من المنطقة الفلانية", "بسبب اسمه",
            "بسبب لكنتي", "على قدم المساواة", "المساواة مع", "مثل غيرهم", "كغيرهم", "بخلاف غيرهم",
            "دون غيرهم", "بينما حصل زملائي", "نقل جنسيتها", "منح جنسيتها", "جنسيتها لأطفالها",
            "جنسية الأم", "أمهات مواطنات", "متزوجة من أجنبي", "متزوجة من أجنبية", "أبناء المواطنات",
            "زوجها الأجنبي", "أبوهم أجنبي", "بوهم أجنبي", "محرم", "بدون محرم", "إذن ولي الأمر",
            "موافقة ولي الأمر", "ولي أمرها", "نزع حجابها", "نزع الحجاب", "بسبب الحجاب", "محجبة",
            "المحجبات", "بسبب النقاب", "المنقبات", "العابرين جنسيا", "العابرات جنسيا", "متحولة جنسيا",
            "مجتمع الميم", "مثلي", "الشواذ", "بسبب ميولي", "التنميط العنصري", "التنميط",
            "خطاب الكراهية", "التحريض", "الكراهية", "ازدراء", "معاملة تمييزية", "تعامل تمييزي",
            "يفرقون", "بيفرقوا", "يميزون", "ميزوا", "مميز ضد", "على أساس", "أصوله", "الإيدز",
            "فيروس نقص المناعة البشرية", "متعايش مع", "حاملي الفيروس", "المصابين بفيروس",
            "لازم أبوها", "لازم الأب", "موافقة الأب", "إذن الأب", "لازم محرم", "موافقة الزوج",
            "إذن الزوج", "لأنني أم", "لأني امرأة", "لأنها امرأة", "لأنني امرأة",
            "لأمهات مواطنات",
            "زواج مختلط", "الزواج المختلط", "رمى القرآن", "رمى المصحف", "دعس على القرآن",
            "دعس على المصحف", "أهانوا القرآن", "إهانة المصحف", "ترخيص كنيسة", "ترخيص الكنيسة",
            "بناء الكنائس", "فصلوني لأني حامل", "فصلوها لأنها حامل", "طردوني لأني حامل",
        ],
        "fr": [
            "couleur de ma peau", "séropositif",
            "propos racistes", "insultes racistes", "couleur de peau",
            "origine ethnique", "délit de faciès", "contrôle au faciès", "traitement différent",
            "inégalité de traitement", "minorité", "amazigh", "berbère", "subsaharien",
            "subsaharienne", "chrétien", "juif", "chiite", "confession", "appartenance tribale",
            "apatride", "refus d'embauche", "homophobie", "homosexuel", "sexisme",
            "stigmatisation", "propos haineux",
            # Formal and legal wording, more forms (issue 14)
            "non-discrimination", "discrimination raciale", "à cause de ma couleur",
            "en raison de sa religion", "en raison de son origine", "en raison de sa nationalité",
            "égalité devant la loi", "égalité de traitement", "minorités",
            "retourne dans ton pays", "retourner en Afrique", "rentre chez toi", "sale Arabe",
            "sale Noir", "négro", "singe", "esclave", "vous les Africains", "vous les étrangers",
            "les Syriens", "à cause de ma religion", "à cause de sa religion",
            "à cause de mon origine", "à cause de sa couleur", "en raison de mon origine",
            "en raison de ma religion", "le voile", "voilée", "hijab",
            "séropositivité", "VIH", "trans", "transgenre", "LGBT", "homosexuels",
            "orientation sexuelle", "identité de genre", "profilage racial", "au faciès", "égalité",
            "sur un pied d'égalité", "ses enfants", "transmettre sa nationalité",
            "transmission de la nationalité", "autorisation du père",
            "tutelle", "mahram", "apatrides", "Kurdes", "Amazighs",
            "Berbères", "tribu",
            "je porte le voile", "porte le voile",
            "autorisation paternelle", "accord du père", "autorisation du mari",
            "parce que je suis une femme", "parce que je suis une mère",
            "mariage mixte", "licenciée après avoir annoncé", "parce que je suis enceinte",
            "permis de construire une église",
        ],
        "en": [
            "colour of my skin", "color of my skin", "people like you", "foreigners cause", "HIV",
            "racial slurs", "because of my religion", "because of my skin", "skin colour",
            "skin color", "because of my ethnicity", "ethnic origin", "sectarian", "minority",
            "treated differently", "unequal treatment", "racial profiling", "stateless", "bidoon",
            "tribal origin", "homophobic", "gay", "sexism", "slur",
            "because I am Christian", "Shia", "Bahai", "hate speech",
            # Formal and legal wording, more forms (issue 14)
            "racial discrimination", "because of his religion", "because of my nationality",
            "because of his nationality", "because of my accent", "equal treatment",
            "equality before the law", "ethnic minority", "religious minority", "slurs",
            "go back to your country", "go back to Africa", "go home", "called me a slave", "slave",
            "monkey", "you foreigners", "you people", "all Syrians", "because of my colour",
            "because of my color", "because of his colour", "because of her religion",
            "because of our religion", "because she wears", "headscarf", "hijab", "veil", "Kurdish",
            "Kurds", "Amazigh", "Coptic", "Copts", "Bahá'í", "Shiite", "Sunni", "tribe", "tribal",
            "caste", "bedoon", "HIV-positive", "transgender", "trans women", "LGBT", "LGBTI",
            "sexual orientation", "gender identity", "pass on her nationality",
            "pass on their nationality", "nationality to her children", "nationality through me",
            "father's permission", "male guardian's permission", "guardian's consent", "mahram",
            "equal footing", "on an equal basis", "equality", "profiling", "Arab name", "Kurdish name",
            "unequal", "treated us like",
            "father's consent", "male guardian", "husband's permission", "guardian's permission",
            "because I am a woman", "because I am a mother",
            "mixed marriage", "interfaith marriage", "fired because I was pregnant",
            "because she was pregnant", "church permit", "insulted the Quran",
        ],
    },
    "privacy": {
        "ar": [
            # MSA
            "نسخت محتوياته", "نسخوا محتويات", "فتح الفيسبوك", "قرأ منشوراتي", "مسح الصور",
            "صوروه فيديو", "نشروا الفيديو", "كشف عن إصابته", "كشفوا عن مرضه",
            "سرية المعلومات الطبية", "تقرأ رسائله", "قراءة رسائلي", "تفتيش", "فتشوا",
            "فتشوا البيت", "فتشوا المنزل", "تفتيش المنزل", "اقتحام المنزل", "اقتحموا البيت",
            "مداهمة المنزل", "داهموا البيت", "بدون إذن تفتيش", "إذن تفتيش", "كسروا الباب",
            "خلعوا الباب", "دخلوا البيت", "فتشوا الهاتف", "فتشوا تليفوني", "فتشوا موبايلي",
            "فتحوا الموبايل", "اطلعوا على محادثاتي", "قرأوا رسائلي", "الرسائل الخاصة",
            "محادثات الواتساب", "كلمة السر", "الباسورد", "أجبروني على فتح الهاتف", "مراقبة",
            "يراقبونني", "تحت المراقبة", "مراقبة الهاتف", "تنصت على",
            "تسجيل المكالمات", "البيانات الشخصية", "بياناتي الشخصية", "نشروا صوري",
            "نشر صوري", "تسريب بياناتي", "التشهير", "الحياة الخاصة", "حرمة المنزل", "حرمة المسكن",
            "برنامج تجسس", "اخترقوا حسابي", "اختراق حسابي", "صور خاصة", "تفتيش ذاتي",
            # Egyptian
            "يقلب في الصور", "قعد يقلب في", "الفيديو اتنشر", "افتح الموبايل", "فتح الموبايل",
            "فتشوا الشقة", "قلبوا الشقة", "كسروا باب الشقة", "فتحوا الواتس", "قلبوا في التليفون",
            "خلوني أفتح التليفون", "بيراقبوني", "تليفوني متراقب", "متراقب", "نزلوا صوري",
            "كمين وفتشوا",
            # Gulf
            "فتشوا جوالي", "فتشوا الجوال", "فتحوا الجوال", "يراقبون حسابي", "تهكير", "اختراق",
            "بيغاسوس", "حسابي في السناب",
            # Levantine
            "فاتوا عالبيت", "قلبوه فوقاني تحتاني", "فوقاني تحتاني", "قلبوا البيت", "كبسوا البيت",
            "فتشوا تلفوني", "أخدوا التلفون وفتحوه", "عم يراقبوني", "عم يلحقوني", "مراقبين البيت",
            # Maghrebi
            "فتشو الدار", "دخلو للدار", "هجمو على الدار", "فتشو التيليفون", "فتشو البورطابل",
            "حلو التيليفون", "كيتبعوني", "كيراقبوني",
            # Formal and legal Arabic (laws, treaty bodies, UPR, NHRI reports), more verb forms
            # and dialect variants (issue 14)
            "الحق في الخصوصية", "حرمة الحياة الخاصة", "حرمة المساكن", "حماية البيانات",
            "سرية المراسلات", "سرية الاتصالات", "مراقبة الاتصالات", "اعتراض الاتصالات",
            "المراقبة الجماعية", "المراقبة الإلكترونية", "برامج التجسس", "التفتيش دون إذن",
            "تفتيش المنازل", "تفتيش منزله", "تفتيش منزلي", "تفتيش هاتفه", "تفتيش هاتفي", "فتشوا هاتفه",
            "فتشوا هاتفي", "فتحوا هاتفي", "فتحوا هاتفه", "صوري الخاصة", "نشر صور", "نشروا صورته",
            "نشروا صورتي", "نشر بياناته", "تسريب", "كشف هويته", "إفشاء", "السر المهني", "دخلوا المنزل",
            "اقتحموا المنزل", "داهموا المنزل", "داهموا منزلنا", "داهموا منزلي", "اقتحموا منزلنا",
            "دون إذن قضائي", "بدون إذن قضائي", "دون إذن تفتيش", "فتشوا منزلي", "فتشوا منزلنا",
            "فتش منزلي", "فتشوا التليفون", "فتحوا التليفون", "قلبوا في موبايلي", "دخلوا الشقة",
            "فتحوا جوالي", "فتشولي تلفوني", "فتشو ليا التيليفون", "دخلو لدار",
            "فتحوا تلفوني", "فتحوا التلفون", "فتحوه", "افتح جوالك", "افتح تلفونك", "حلّولو التليفون",
            "دخلو لتيليفونو", "قلبوا في", "يقلب في", "يقلبو", "يقرا رسايلي", "يقرا رسايل",
            "قراو الميساجات", "الميساجات", "رسايلي", "رسائله", "رسايلو", "محادثاتي", "محادثاته",
            "المحادثات", "الواتساب", "الواتس", "واتساب", "الشات", "الصور", "صوري", "صورتي", "صورته",
            "التصاور", "تصاوري", "صوّروا", "صورني", "يصورني", "يصورون", "يصور", "تصوير", "الكاميرا",
            "كاميرا", "كاميرات", "نشروا", "نشر", "حطوا التصويرة", "صفحة فيسبوك", "صفحه على الفيس",
            "جروب", "بياناتي", "بيانات", "البيانات", "المعطيات", "المعطيات الشخصية",
            "معلوماتي", "معلومات شخصية", "ملفي الطبي", "الملف الطبي", "السر الطبي", "بصماته", "البصمة",
            "بصمة الوجه", "البيومترية", "تسربت", "سربوا", "مسربة", "يتبعوا فيا", "يلاحقني",
            "يلاحقونني", "تتبعني", "تراقب", "مراقب", "يراقب", "المخابرات", "استدعوني وقرولي",
            "اعتراض المراسلات", "المراسلات", "الاتصالات", "مكالماتي", "دخلوا علينا", "جاو للحوش",
            "اقتحموا", "اقتحمت", "داهموا", "داهمت", "مداهمة", "فتشو", "فتش", "فتشت", "قلبو كلشي",
            "بعثرت", "بلا إذن", "بدون إذن", "من غير إذن نيابة", "بلا ورقة", "بدون مذكرة", "دون إذن",
            "حرمة", "للمساكن حرمة", "غرف النوم", "الشنطة", "شنطة", "حقيبتي", "هدومها الداخلية",
            "الداخلية", "ملابسي الداخلية",
            "صوروني", "صورونا", "التصويرة", "حطوا صورتي", "نشروا التصويرة",
        ],
        "fr": [
            "copié le contenu", "lu mes messages", "secret médical", "statut sérologique",
            "perquisition", "perquisition illégale", "perquisitionné", "fouille du domicile",
            "fouillé la maison", "sans mandat de perquisition", "violation de domicile",
            "défoncé la porte", "fouillé mon téléphone", "téléphone fouillé", "mot de passe",
            "code de mon téléphone", "messages privés", "conversations whatsapp", "surveillance",
            "surveillé", "écoutes téléphoniques", "mis sur écoute", "espionnage",
            "logiciel espion", "Pegasus", "piratage", "compte piraté", "données personnelles",
            "fuite de données", "vie privée", "photos publiées", "diffamation", "filature",
            "suivi par des agents", "caméras", "fouille corporelle",
            # Formal and legal wording, more forms (issue 14)
            "droit à la vie privée", "protection des données", "fouillé mon domicile",
            "fouillé notre maison", "fouille de mon téléphone", "fouillé son téléphone",
            "secret des correspondances", "interception des communications", "photos intimes",
            "mon téléphone", "son téléphone", "téléphone", "déverrouiller", "mes messages",
            "ses messages", "messages", "conversations", "photos", "ma photo", "mon nom", "publié",
            "publiée", "publié mon nom", "page Facebook", "dossier médical", "séropositivité",
            "données", "fichier", "fiché", "fichés", "caméra", "photographient", "photographié",
            "filmé", "suivie", "me suit", "la suit", "une voiture la suit", "écoute", "fouillé",
            "sans mandat", "domicile", "intimité",
            "publié ma photo", "diffusé ma photo",
        ],
        "en": [
            "copied my data", "went through my photos", "read my messages", "my medical status",
            "HIV status", "searched my house", "searched our house", "searched the house",
            "house search", "raided", "raid", "broke down the door", "without a search warrant",
            "search warrant", "searched my phone", "went through my phone", "forced me to unlock",
            "password", "private messages", "whatsapp messages",
            "under surveillance", "monitored", "phone tapped", "Pegasus",
            "hacked", "personal data", "data leak", "published my photos", "leaked",
            "forced entry", "strip search", "body search",
            # Formal and legal wording, more forms (issue 14)
            "right to privacy", "private life", "data protection", "searched my home",
            "searched his home", "searched our home", "searched the apartment",
            "went through his phone", "unlock his phone", "unlock my phone", "read his messages",
            "published his photos", "intercepted", "interception of communications",
            "mass surveillance", "raided our home", "raided my home", "raided his home",
            "my phone", "his phone", "her phone", "phone", "unlock", "unlocked", "messages", "chats",
            "WhatsApp", "photos", "pictures", "private photos", "my name", "posted", "published",
            "shared my", "medical file", "medical records", "data", "fingerprints", "biometric",
            "face scan", "camera", "cameras", "filmed", "photographed", "following me", "followed",
            "stalking", "monitoring", "spying", "intelligence", "calls", "searched", "went through",
            "without a warrant", "no warrant", "bedroom", "diaries", "personal papers", "laptop",
            "laptops",
            "posted my photo", "published my photo", "shared my photo", "posted my picture",
        ],
    },
    "movement": {
        "ar": [
            # MSA
            "سجل المطلوبين", "مدرج في قوائم", "تشابه أسماء", "تشابه الأسماء", "احتجاز جواز السفر",
            "سحب جواز سفري", "أوقف في كل كمين", "منع من السفر", "ممنوع من السفر", "قرار منع السفر",
            "منعي من السفر", "قائمة الممنوعين", "قوائم الترقب", "ترقب الوصول", "منعوني في المطار",
            "أوقفوني في المطار", "سحب جواز السفر", "مصادرة الجواز", "حجز الجواز",
            "رفض إصدار جواز", "تصريح سفر", "إذن سفر", "موافقة أمنية",
            "تصريح أمني", "المنفذ الحدودي", "المعبر", "منعوني من العبور", "حظر التنقل",
            "حظر التجول", "تقييد التنقل", "الإقامة الجبرية", "إقامة جبرية", "النفي خارج البلاد",
            "التدابير الاحترازية", "حرية التنقل", "نقاط التفتيش", "منعونا من المرور",
            "منع من العودة", "حرمانه من العودة", "رفض دخوله", "سحب الجنسية", "إسقاط الجنسية",
            "منع المغادرة",
            # Egyptian
            "تشابه اسم", "متشابه في الاسم", "كل كمين يوقفوني", "رجعوني من المطار",
            "نزلوني من الطيارة", "وقفوني في المطار", "على قوايم الترقب", "الجواز محجوز",
            "مش راضيين يدوني الجواز", "مش راضيين يجددوا الباسبور", "إمضاء في القسم",
            "تدابير احترازية",
            # Gulf
            "منع سفر", "عليه منع سفر", "ما خلوني أسافر", "ما خلوني أطلع", "رجعوني من المنفذ",
            "جوازي محجوز",
            # Levantine
            "رجعوني عالحدود", "ما خلوني سافر", "مطلوب للأمن", "مراجعة الفرع", "منع مغادرة",
            "ما عطوني جواز",
            # Maghrebi
            "منعوني من السفر", "ما خلاونيش نسافر", "حبسوني فالمطار", "الباسبور", "حجزو الباسبور",
            "ما بغاوش يعطيوني الباسبور", "الإجراء S17", "S17", "الاستشارة الحدودية",
            "ما خلاونيش نخرج",
            # Formal and legal Arabic (laws, treaty bodies, UPR, NHRI reports), more verb forms
            # and dialect variants (issue 14)
            "الحق في حرية التنقل", "حرية السفر", "الحق في مغادرة", "مغادرة البلاد", "مغادرة أي بلد",
            "العودة إلى بلده", "المنع من السفر", "حظر السفر", "قرارات حظر السفر", "حظر سفر",
            "منعت من السفر", "منعوه من السفر", "منعني من السفر", "منعها من السفر",
            "المراقبة الإدارية",
            "تقييد حرية التنقل", "القيود على التنقل", "قيود السفر", "منعوني من الخروج",
            "ممنوع من المغادرة", "منع من مغادرة", "منعه من مغادرة", "منعوه من مغادرة", "في المطار",
            "المطار", "المعبر الحدودي", "منعوني من العودة", "منعه من العودة",
            "رفض إصدار", "سحبوا جوازي", "سحبوا جوازه", "منعوني أسافر",
            "ممنوع سفر", "منع سفر علي", "ممنوع سافر", "ما خلاوهش يسافر", "منعوه من السفر فالمطار",
            "ممنوع تسافر", "ممنوع أسافر", "ممنوع يسافر", "اتمنعت من السفر", "اتمنع من السفر",
            "ما أقدر أسافر", "مش عارف اسافر", "ما فيني سافر", "ما نقدرش نسافر", "ما نجمش نسافر",
            "ما يقدر يسافر", "مانعيني أطلع", "ما خلوني أرجع", "ما خلاونيش نرجع", "ما فيني إطلع",
            "ما فيني ارجع", "عالقة", "عالق", "عالقين", "الجواز", "جوازي", "جوازه", "جوازها",
            "الباسبورت", "ساحب جوازي", "ساحبين جوازي", "حاجزين جوازي", "محتفظ بجوازي",
            "يحتفظ بجواز", "ماخدة جوازها", "خد الجواز", "خذوا الجواز", "الجواز عند", "جواز عند",
            "تجديد الجواز", "يجدد الجواز", "ما بتجدد", "منتهي", "الجوازات", "موظف الجوازات",
            "عسكري الجوازات", "ختم", "يختم", "بالمطار", "فالمطار", "مطار", "بمعبر", "معبر", "الحدود",
            "عالحدود", "الحدود البرية", "المنفذ", "المنافذ", "البوابة", "الباراج", "الحاجز", "حاجز",
            "الحواجز", "نقطة التفتيش", "الكمين", "كمين", "يوقفونا", "بيوقفنا", "يحبسنا", "يأخرونا",
            "بيأخرونا", "ساعات على", "ساعتين كل", "كل يوم ساعة", "ما خلوناش نعدوا", "ممنوع يدخل",
            "ممنوع ندخل", "منعونا من الدخول", "منعونا من الخروج", "حظر تجول", "حظر التجوال",
            "منع التجول", "مراجعة أمنية", "مسجل في الإجراء", "الإجراء", "عليك منع", "عليه منع",
            "قرار منع", "قرارات منع", "سحب جنسيتي", "ساحبين جنسيتي", "سحبوا جنسيته", "نزع الجنسية",
            "بلا جنسية", "لا جواز", "تصريح", "التصريح", "تصاريح", "إذن خروج", "تأشيرة الخروج",
            "الفيزا", "الخروج والعودة", "المغادرة", "مغادرة", "العودة", "السفر", "سفر", "التنقل",
            "تنقلي",
        ],
        "fr": [
            "passeport retenu", "homonymie", "liste des personnes recherchées", "ISTN",
            "interdit de voyager", "interdiction de voyager", "refoulé à l'aéroport",
            "bloqué à l'aéroport", "passeport confisqué", "confiscation du passeport",
            "refus de passeport", "renouvellement du passeport", "mesure S17", "fiché S17",
            "assignation à résidence", "assigné à résidence", "liberté de circulation",
            "contrôle judiciaire", "interdiction de quitter", "poste frontière", "barrage",
            "check-point", "couvre-feu", "exil", "empêché de rentrer", "retour refusé",
            "autorisation de sortie", "déchu de sa nationalité", "consultation préalable",
            # Formal and legal wording, more forms (issue 14)
            "interdiction de sortie", "quitter le territoire", "bloqué à la frontière",
            "retrait du passeport", "renouveler mon passeport", "renouvellement de passeport",
            "à l'aéroport", "droit de quitter", "interdit de quitter", "passeport",
            "mon passeport", "son passeport", "gardé mon passeport", "retenu mon passeport",
            "confisqué mon passeport", "délivrer un passeport", "refuse de délivrer", "renouveler",
            "carte de réfugié", "frontière", "frontières", "police des frontières", "point de passage",
            "renvoyé de l'autre côté", "aéroport", "interdiction", "interdit de sortie",
            "interdiction de sortie du territoire", "quitter le pays", "sortir du pays", "rentrer",
            "retourner", "voyager", "circuler", "circulation", "laissez-passer", "assigné",
            "attendre des heures", "bloqué", "bloquée", "coincé", "coincée",
        ],
        "en": [
            "passport was kept", "passport retained", "name similarity", "wanted list",
            "held at the crossing", "travel ban", "banned from travelling",
            "banned from traveling", "barred from travel", "stopped at the airport",
            "passport confiscated", "confiscated my passport", "passport withheld",
            "refused a passport", "exit permit", "no-fly", "watchlist",
            "border crossing", "denied exit", "denied entry", "not allowed to leave",
            "freedom of movement", "house arrest", "checkpoint", "curfew", "exile",
            "not allowed to return", "prevented from leaving", "security clearance", "exit visa",
            "stripped of citizenship",
            # Formal and legal wording, more forms (issue 14)
            "right to leave", "leave the country", "return to his country", "confiscated passports",
            "turned back at the border", "exit ban", "not allowed to travel",
            "prevented from travelling", "prevented from traveling", "movement restrictions",
            "at the airport", "passport",
            "my passport", "his passport", "her passport", "kept my passport", "took my passport",
            "took their passports", "holds my passport", "border", "border police", "crossing",
            "roadblock", "airport", "travel", "travelling", "traveling", "return home", "stranded",
            "stuck", "can't leave", "cannot leave", "can't travel", "cannot travel", "ban", "banned",
            "barred", "turned back", "sent back", "stripped of", "citizenship",
            "nationality revoked",
        ],
    },
    "expression_assembly": {
        "ar": [
            # MSA
            "استدعوني بسبب", "حققوا معي بسبب", "مصادر التمويل", "منع الاجتماع", "رغم الإخطار",
            "بسبب تعليق", "انتقدت", "انتقاد الحكومة", "حذف المنشور", "حذف الحساب", "لافتات",
            "رفعنا لافتات", "نطالب بحقوقنا", "توقيع تعهد", "تعهد بعدم", "حرية التعبير",
            "حرية الرأي", "بسبب رأيي", "بسبب آرائه", "بسبب منشور", "منشور على فيسبوك",
            "فيسبوك", "تويتر", "تيك توك", "يوتيوب", "مقال",
            "ناشط حقوقي", "نشر أخبار كاذبة",
            "إساءة استخدام وسائل التواصل", "إهانة الرئيس", "إهانة الملك", "المس بالمقدسات",
            "الانضمام لجماعة", "جماعة محظورة",
            "احتجاج", "احتجاجات", "وقفة احتجاجية", "وقفة سلمية", "مسيرة سلمية",
            "تجمع سلمي", "التجمهر", "فض الاعتصام", "حرية التجمع", "تكوين الجمعيات", "حل الجمعية",
            "جمعية أهلية", "نقابة", "حزب معارض", "معارض سياسي", "المعارضة", "منع الندوة",
            "حجب الموقع", "حجب المواقع", "الرقابة على الصحف", "تكميم الأفواه", "كتاب ممنوع",
            "قصيدة", "كاريكاتير", "إغلاق الصحيفة", "سحب الترخيص", "الجرائم الإلكترونية",
            "إثارة الرأي العام", "الإخلال بالنظام العام",
            # Egyptian
            "عشان كتب بوست", "بوست على الفيس", "عمل شير", "نزل المظاهرة", "اتقبض عليه في المظاهرة",
            "لايك على بوست", "نشر فيديو",
            # Gulf
            "يبوني أوقع تعهد", "أوقع تعهد", "كتبت تغريدة", "بسبب تغريدة", "غرد", "غردت",
            "حسابه في تويتر", "سنابات", "مقطع فيديو", "الإساءة للرموز", "المساس بالذات", "هاشتاق",
            "تعاطف مع",
            # Levantine
            "نشرت بوست", "إجاني استدعاء", "مين وراك", "مين وراي", "كتب عالفيسبوك", "الحراك",
            "طلع بمظاهرة", "إطالة اللسان", "الذم والقدح", "ذم وقدح", "إثارة النعرات",
            "نقابة المعلمين",
            # Maghrebi
            "حيت كتبت", "كتبت فالفيسبوك", "مسح البوست", "حبسوه على بوست", "حراك الريف",
            "الحراك الشعبي", "المحتجين", "بوست فالفيسبوك", "لايف", "إهانة هيئة منظمة",
            "إهانة موظف عمومي", "التحريض على التجمهر", "التجمهر غير المرخص",
            "المساس بالوحدة الوطنية", "تهديد الوحدة الوطنية", "الرابور", "أغنية راب",
            # Formal and legal Arabic (laws, treaty bodies, UPR, NHRI reports), more verb forms
            # and dialect variants (issue 14)
            "حرية الصحافة", "حرية الإعلام", "حق التجمع", "الحق في التجمع", "الحق في التظاهر",
            "التجمعات السلمية", "المدافعات عن حقوق الإنسان", "منظمات المجتمع المدني", "المجتمع المدني",
            "الفضاء المدني", "قانون الجمعيات", "تسجيل الجمعيات", "حل الجمعيات", "التعبير عن الرأي",
            "التعبير عن آرائه", "الرأي المخالف", "المعارضين السياسيين", "السجناء السياسيين",
            "معتقلي الرأي", "سجناء الرأي", "الأخبار الكاذبة", "إهانة رئيس الدولة",
            "المدافعين عن حقوق الإنسان", "المدافعين عن حقوق", "العمل الصحفي", "التشهير", "القذف",
            "ازدراء الأديان", "كتب بوست", "عمل لايف", "نزل مظاهرة", "بسبب تغريداته", "سناب",
            "بسبب مقطع", "حكي عالفيسبوك", "كتب عالفيس", "حيت كتب", "حيت دار لايف",
            "الوقفة", "وقفة", "المسيرة", "مسيرة", "المسيرات", "مسيرات", "الاحتجاج", "الاحتجاجات",
            "التجمع", "تجمع", "تجمع غير مرخص", "تجمهر", "الشعارات", "شعارات", "هتفوا", "هتافات",
            "يافطة", "لافتة", "عريضة", "العريضة", "وقع عريضة", "بيان", "البيان", "المقال", "مقالا",
            "كتبت", "كتب", "نشرت", "نشر", "منشور", "منشوري", "منشوراتي", "منشوراته", "البوست",
            "الفيسبوك", "الفيس", "فايسبوك", "إكس", "انستغرام", "فيديو", "الفيديو", "أغنية", "الأغنية",
            "رسم", "تعليق", "تعليق ساخر", "انتقد", "انتقاد", "ينتقد", "بينتقد", "ساخر",
            "الفساد", "الانتخابات", "السياسة", "سياسي", "سياسية",
            "معارض", "الرأي", "رأيه", "رأيي", "سجين رأي", "معتقل رأي", "الإساءة لرموز", "الإساءة ل",
            "إهانة", "المساس", "نشر أخبار", "أخبار كاذبة", "الشائعات", "إشاعات", "الجمعية", "جمعيتنا",
            "جمعية", "الجمعيات", "الجمعية العامة", "مقر الجمعية", "منظمتنا", "الحزب", "حزب",
            "الحرم الجامعي", "الأساتذة المتعاقدين",
            "المعطلين", "الصحيفة", "الجريدة", "جريدة", "جريدة إلكترونية",
            "حجب", "استدعاء", "استدعوني", "استدعوه", "جاني استدعاء", "التحقيق معي",
            "اسكتي", "اسكت", "خفف حكي", "بطل كتابة", "تعهد",
            "المدافع", "المدافعين",
            "بحل جمعيتنا", "حل جمعيتنا", "إغلاق الجمعية", "إغلاق مقر الجمعية", "حل النقابة",
        ],
        "fr": [
            "supprimer mon compte", "supprimer la publication", "banderoles", "convoqué pour",
            "dénonçant la corruption", "engagement écrit", "liberté d'expression",
            "liberté d'opinion", "publication facebook", "post facebook", "statut facebook",
            "tweet", "vidéo sur youtube", "live facebook", "journaliste",
            "activiste", "défenseur des droits",
            "sit-in", "rassemblement pacifique", "marche pacifique",
            "liberté de réunion", "liberté d'association", "association dissoute",
            "parti d'opposition", "opposant", "censure", "site bloqué",
            "atteinte à l'unité nationale", "outrage à corps constitué", "fausses nouvelles",
            "fausses informations", "rappeur", "caricature", "délit d'opinion", "offense au roi",
            "publication sur les réseaux",
            # Formal and legal wording, more forms (issue 14)
            "liberté de la presse", "réunion pacifique", "société civile",
            "défenseurs des droits humains", "défenseurs des droits de l'homme",
            "prisonniers d'opinion", "détenus d'opinion", "prisonnier d'opinion",
            "manifestation pacifique", "critiqué", "critiquant", "diffamation",
            "marche", "marches", "rassemblement", "grève", "grévistes",
            "association", "assemblée générale", "opposition", "journalistes",
            "presse", "délits de presse", "écrits", "article", "publication", "publié",
            "réseaux", "Facebook", "YouTube", "vidéo", "chanson", "critiquer", "pétition", "slogans",
            "banderole", "élections", "politique", "militants", "défenseur", "défenseurs", "convoqué",
            "convocation",
            "dissolution de l'association", "dissous notre association", "fermé notre association",
        ],
        "en": [
            "delete my account", "delete the post", "banners", "summoned over", "pledge not to",
            "criticising the", "criticizing the", "freedom of expression", "free speech",
            "because of a post", "facebook post", "tweet", "tweets", "social media post",
            "youtube video", "human rights defender",
            "protester", "sit-in",
            "peaceful assembly", "rally", "trade union", "freedom of association",
            "opposition party", "censorship", "blocked website", "false news",
            "insulting the president", "defamation charges", "cybercrime law",
            "criticised the government", "criticized the government", "critical of the government",
            "political opinions", "peaceful protest",
            # Formal and legal wording, more forms (issue 14)
            "freedom of opinion", "freedom of the press", "press freedom", "freedom of assembly",
            "civil society", "prisoners of conscience", "political prisoners",
            "online posts", "criticising", "criticizing", "criticised", "criticized",
            "peaceful demonstration", "defamation",
            "march", "marches", "rallies", "protests", "protesting", "demonstrations", "assembly",
            "assemblies", "strike", "strikers", "union", "association", "NGO", "published",
            "reporting", "press", "article", "post", "posts", "posted", "Facebook", "Twitter",
            "tweeted", "YouTube", "video", "song", "rapper", "cartoon", "criticism", "petition",
            "slogans", "banner", "elections", "political", "opposition",
            "summoned",
            "dissolved our association", "shut down our association", "closed our NGO",
            "dissolved the association",
        ],
    },
    "women": {
        "ar": [
            # MSA
            "حضور شرطية", "تفتيش جسدي", "فتشني رجل", "احتجزوا زوجتي", "للضغط على زوجها",
            "مشاكل عائلية", "اعتدى علي زوجي", "تحرش جنسي", "تحرش بي", "تحرشوا بها",
            "اعتداء جنسي", "عنف جنسي", "هتك عرض", "كشف العذرية",
            "فحص العذرية", "التهديد بالاغتصاب", "عنف أسري", "العنف المنزلي", "زوجي يضربني",
            "ضربني زوجي", "طليقي", "طليقها", "زواج قسري",
            "زواج مبكر", "زواج القاصرات", "جرائم الشرف", "جريمة شرف", "ختان الإناث", "ختان البنات",
            "عروها", "جردوها من ملابسها", "خلعوا ملابسها", "مفتشة", "بدون مفتشة", "فتشها رجل",
            "لمسوها", "زوجتي حامل", "الولاية الذكورية", "إذن ولي الأمر", "ولي أمري", "حقوق المرأة",
            "لأني امرأة", "التمييز ضد المرأة", "ابتزاز جنسي", "امرأة معنفة", "دار إيواء",
            "أمر حماية", "العنف ضد المرأة", "أهلي يضربوني",
            # Egyptian
            "جوزي ضربني", "دي مشاكل بيت", "ارجعي لجوزك", "خدوا مراتي", "حبسوا مراتي",
            "جيبوا شرطية", "اتحرش بيا", "بيتحرش بيا", "عاكسني", "المعاكسة", "لمسني",
            "مد إيده عليا", "قلعوها هدومها", "قلعوني هدومي", "جوزي بيضربني", "جوزها بيضربها",
            "طليقي بيهددني", "قايمة العفش", "كشف عذرية", "بيتحرشوا بالبنات",
            # Gulf
            "فتشني بيده", "ودوا زوجتي المركز", "زوجي يعنفني", "تحرش فيني", "تحرش فيها",
            "زوجي يطقني", "رجلي يضربني", "بلاغ تغيب", "دار الحماية", "قضية عضل", "أبوي يضربني",
            # Levantine
            "أخدوا مرتي", "جوزي عم يعنفني", "زوجي عنفني", "تحرش فيي", "تلطيش", "جوزي عم يضربني",
            "زوجي بيضربني", "غسل العار", "قتلها أخوها", "جوزي بيهددني",
            # Maghrebi
            "شداو مراتي", "فتشني راجل", "تحرش بيا", "كيتحرش بيا", "تعداو عليها", "غتاصبوها",
            "راجلي كيضربني", "العنف الزوجي", "العنف ضد النساء", "طلقني", "الطلاق للشقاق",
            # Formal and legal Arabic (laws, treaty bodies, UPR, NHRI reports), more verb forms
            # and dialect variants (issue 14)
            "النساء والفتيات", "المرأة والفتاة", "العنف القائم على النوع الاجتماعي",
            "العنف القائم على نوع الجنس", "العنف الجنساني", "العنف الجنسي والجنساني",
            "الاغتصاب الزوجي", "المساواة بين الجنسين", "المساواة بين الرجل والمرأة", "تمكين المرأة",
            "النهوض بالمرأة", "تشويه الأعضاء التناسلية للإناث", "ما يسمى بجرائم الشرف", "قواعد بانكوك",
            "النساء المحتجزات", "النساء السجينات", "المرضعات", "ملاجئ", "دور الإيواء",
            "نظام الولاية", "الاتجار بالنساء", "حقوق النساء", "وضع المرأة", "مشاركة المرأة",
            "قضايا المرأة", "صحة المرأة", "ضحايا العنف الأسري", "ضحايا العنف المنزلي",
            "ضحايا العنف الجنسي", "المعنفات", "النساء المعنفات", "اعتداء جنسي عليها", "زوجها يضربها",
            "يضربني زوجي", "يعنفني", "بسبب كوني امرأة", "لأنني امرأة", "لأنها امرأة", "لكونها امرأة",
            "زوجي السابق", "عنف منزلي", "زوجتي الحامل", "بيتحرش بيها", "اتحرش بيها",
            "اتحرشوا بيا", "رجلها يضربها", "زوجها يطقها", "جوزها عم يضربها", "عم يتحرش فيها",
            "راجلها كيضربها", "كيتحرش بيها",
            "يضربها", "بيضربها", "كيضربها", "يضربوا فيها", "يضرب فيها", "ضربها", "ضربوها", "بتضربني",
            "تضربني", "يضربني", "بيضربني", "كيضربني", "بضربني", "عم يضربني", "يطقني", "يطقها",
            "يعنفها", "عنفها", "يحبسها", "حبسها في البيت", "يحبسني في البيت", "مانعني أطلع",
            "يمنعها من الخروج", "ما تنجمش تخرج", "تقفل عليي", "يقفل عليها", "يهددها", "هددها",
            "يهددني بالقتل", "هددني بالقتل", "هددها بالموس", "بالموس", "زوجوها", "يزوجها",
            "يبي يزوجها", "زواج", "الزواج", "تزويج", "زوجوها غصب", "غصب عنها", "بالسيف", "بالعافية",
            "رغما عنها", "بيتحرش", "اتحرش", "التحرش", "يحسس", "حسس", "يلمسني", "يلمسها", "لمسها",
            "يدخل عليها", "يفوت عليي", "يعتدي عليها", "اعتدى عليها", "يعتدي", "اغتصبها", "اغتصبوني",
            "الاغتصاب", "بيعاكس", "معاكسة", "يلاحقني", "يلاحقها", "يصورني", "يراسلني", "يبتزني",
            "يبتزها", "ابتزاز", "الشرف", "العار", "قضية آداب", "آداب", "الدعارة", "فوط صحية",
            "الفوط الصحية", "طبيبة نساء", "طبيبة", "الرضاعة", "حليب", "الولادة", "الطلق", "وضعها",
            "الإجهاض", "سجن النساء", "عنبر النساء", "قسم النساء", "السجانة", "شرطية",
            "شرطيات", "الحجاب", "عبايتي", "العباية", "مطلقة", "الوصية عليها", "الولاية",
            "ولي أمرها", "ولي الأمر", "الوصاية", "جنسيتها", "نقل جنسيتها", "العنف الأسري",
            "حماية الأسرة", "دار الإيواء", "مأوى", "ملجأ", "الملاجئ", "ضحايا العنف", "العنف ضد",
            "مطلقتي", "ختان", "الختان", "قتلها", "يقتلها", "هددوا بقتلها",
            "المحتجزات", "السجينات", "النزيلات", "موقوفة", "محبوسة", "معتقلة", "محتجزة", "مسجونة",
            "مدافعات", "المدافعات",
            "الموقوفات", "المعتقلات", "بيحسس", "حسس عليا", "حجاب",
            "محجبة", "لأنني أم", "الأم", "أم", "أمهات", "الأمهات", "ولي أمر", "محرم",
            "لازم أبوها", "لازم الأب", "موافقة الأب", "إذن الأب", "موافقة ولي الأمر", "بدون محرم",
            "لازم محرم", "موافقة الزوج", "إذن الزوج",
            "لأمهات مواطنات", "أمهات مواطنات", "الأم المواطنة", "أبناء المواطنات",
            "أطفال المواطنات", "متزوجة من أجنبي", "جنسية الأم", "منح جنسيتها", "تمنح جنسيتها",
            "المدافعات عن حقوق الإنسان", "مدافعات عن حقوق الإنسان", "زواج الأطفال",
            "تزويج القاصرات", "تزويج الأطفال", "الزواج القسري", "الاستغلال الجنسي",
            "الاتجار بالنساء والفتيات", "يبيعوا في البنات", "بيع البنات", "معاج محرم", "معاها محرم",
            "معك محرم", "مع محرم", "بيضرب مراته", "يضرب زوجته", "يضرب مرته", "بيضرب مرته",
            "كيضرب مراتو", "يضربها زوجها", "بيضربها جوزها", "تضربها حماتها",
        ],
        "fr": [
            "policière", "fouillée par un policier", "ma femme arrêtée", "affaire de famille",
            "retourne chez ton mari", "harcèlement", "harcèlement sexuel", "harcelée",
            "agression sexuelle", "agressée sexuellement", "viol", "tentative de viol",
            "attouchements", "violences conjugales", "violence domestique",
            "violences faites aux femmes", "mari violent", "mon mari me frappe", "mon ex-mari",
            "mariage forcé", "mariage précoce", "crime d'honneur", "test de virginité",
            "déshabillée", "fouillée par un homme", "chantage sexuel", "sextorsion",
            "femme battue", "foyer pour femmes", "ordonnance de protection",
            "tutelle masculine", "répudiation",
            "droits des femmes",
            # Formal and legal wording, more forms (issue 14)
            "femmes et filles", "violence à l'égard des femmes", "violences à l'égard des femmes",
            "violences fondées sur le genre", "violence basée sur le genre", "violences sexistes",
            "femmes détenues", "égalité des sexes",
            "mutilations génitales féminines", "crimes d'honneur", "viol conjugal", "victime de viol",
            "viol collectif", "femme enceinte", "mon ancien mari",
            "la frappe", "me frappe", "il la frappe", "battue", "frappée", "la bat", "enfermée",
            "l'empêche de sortir", "m'empêche de sortir", "mariée de force", "marier de force",
            "mariage", "me toucher", "touchée", "harceler", "me harcèle", "la harcèle", "agressée",
            "menace de mort", "menacée", "protections hygiéniques", "serviettes hygiéniques",
            "gynécologue", "accouchement", "allaitantes", "prison des femmes",
            "quartier des femmes", "voile", "tutelle",
            "foyer d'accueil", "refuge", "victimes de violence", "violences", "femmes victimes",
            "égalité femmes-hommes", "égalité entre femmes et hommes",
            "détenue", "détenues",
            "mère divorcée", "voilée",
            "autorisation du père", "autorisation paternelle", "accord du père",
            "autorisation du mari",
            "nationalité de la mère", "transmettre sa nationalité", "mères marocaines",
            "défenseures des droits", "mariage des enfants", "mariage d'enfants",
            "exploitation sexuelle", "prostitution forcée", "bat sa femme", "frappe sa femme",
        ],
        "en": [
            "female officer", "male officer searched me", "my wife was detained", "family matter",
            "back to your husband", "harassment", "sexual harassment", "harassed me",
            "sexual assault", "sexually assaulted", "attempted rape", "groped",
            "domestic violence", "my husband beats me", "my husband hit me", "abusive husband",
            "ex-husband", "marital violence", "forced marriage", "honour killing", "honor killing",
            "genital mutilation", "virginity test", "sexual blackmail", "sextortion",
            "women's shelter", "protection order",
            "male guardian", "guardianship", "gender-based violence", "women's rights",
            # Formal and legal wording, more forms (issue 14)
            "women and girls", "violence against women", "gender equality", "marital rape",
            "women detainees", "female detainees", "women prisoners", "female prisoners",
            "Bangkok Rules", "honour crimes", "honor crimes", "so-called honour", "early marriage",
            "female genital mutilation", "sexual violence", "sexual abuse", "sexually abused",
            "because I am a woman", "because she is a woman", "sexually harassed",
            "beats me", "beats her", "hits me", "hits her", "beat her", "locked me", "locks me",
            "locks her", "does not let me leave", "doesn't let me leave", "not allowed to leave",
            "married off", "forced to marry", "marry", "marriage", "touched me", "touched her",
            "touches me", "harasses", "harassed", "sexual", "threatened to kill her", "kill her",
            "sanitary pads", "sanitary", "gynaecologist", "gynecologist", "give birth", "childbirth",
            "breastfeeding", "women's section", "women's prison", "female guard", "headscarf", "veil",
            "shelter", "shelters", "victims of violence",
            "employer's son", "massage", "prostitution", "sexual exploitation",
            "father's consent", "father's permission", "husband's permission",
            "guardian's permission",
            "citizen mothers", "mother's nationality", "pass on her nationality",
            "women human rights defenders", "child marriage", "forced prostitution",
            "beats his wife", "beating his wife", "hits his wife",
        ],
    },
    "children": {
        "ar": [
            # MSA
            "دار الرعاية", "دون حضور ولي أمره", "بدون ولي أمر", "التسول",
            "استغلال الأطفال", "طفلة",
            "قاصرة", "حدث جانح", "قضايا الأحداث", "محكمة الأحداث",
            "نيابة الأحداث", "دار الأحداث", "إصلاحية الأحداث", "الإصلاحية", "مركز رعاية الأحداث",
            "تلميذة", "طالب في المدرسة", "المدرسة", "المرحلة الإعدادية",
            "المرحلة الابتدائية", "ابني القاصر", "ابني الصغير", "ابنتي الصغيرة",
            "لم يبلغ الثامنة عشرة", "دون سن 18", "أقل من 18", "تحت السن القانوني", "سن الرشد",
            "عمالة الأطفال", "تشغيل الأطفال", "أطفال الشوارع", "زواج الأطفال",
            "تجنيد الأطفال", "الحرمان من التعليم",
            "حماية الطفل", "خط نجدة الطفل",
            # Egyptian
            "العيل", "ولد صغير", "بنت صغيرة", "لسه عيل", "طالب ثانوي",
            "المؤسسة العقابية للأحداث",
            # Gulf
            "بزر", "بنتي الصغيرة", "دار الملاحظة", "دار الملاحظة الاجتماعية",
            "طالب متوسط",
            # Levantine
            "ولد زغير", "بنت زغيرة", "لسا زغير", "معهد الأحداث",
            "ولادي الزغار",
            # Maghrebi
            "الدري", "الدراري", "وليدي", "بنيتي", "مركز حماية الطفولة",
            "مركز الإصلاح والتهذيب", "الخادمات الصغيرات", "خادمة قاصر", "الصغار",
            "مازال ما عندوش 18", "قاصر فالحبس", "تلميذ فالإعدادي",
            # Formal and legal Arabic (laws, treaty bodies, UPR, NHRI reports), more verb forms
            # and dialect variants (issue 14)
            "قضاء الأحداث", "الأحداث الجانحين", "الأحداث المخالفين", "الأحداث في نزاع",
            "محاكم الأحداث", "دور الأحداث", "إصلاحيات الأحداث", "مراكز الأحداث", "احتجاز الأحداث",
            "الأحداث المحتجزين", "الأحداث الموقوفين", "سن المسؤولية الجنائية", "المسؤولية الجنائية",
            "عمل الأطفال", "تزويج القاصرات", "تزويج الأطفال", "تزويج الفتيات", "الفتيات والفتيان",
            "الفتيان", "التعليم الإلزامي", "التسرب المدرسي", "دون سن الرشد", "دون سن الثامنة عشرة",
            "عيالي الصغار", "العيال الصغيرين", "الولد الصغير", "ابنتي القاصر",
            "الجهال", "البزورة", "العيال", "ابني الزغير",
            "صغيري", "صغاري", "صغار", "ولادي", "الولاد", "ولادنا", "عيالي", "عيالنا", "بناتي",
            "ولدي الصغير", "الولد", "البنت", "بالمدرسة", "فالمدرسة", "المدارس", "مدرسة", "المدرس",
            "المعلمة", "المعلم", "الأستاذ", "مدير المدرسة", "الفصل", "الصف", "ثانوي", "إعدادي",
            "ابتدائي", "الدرس", "الدرس الخصوصي", "البكالوريا", "الباكالوريا", "الامتحان", "الورشة",
            "ورشة", "حضيرة", "خدّموه", "عمالة",
            "يتسول", "يتسولون", "الشحاتة", "يشحت", "يتيم", "أيتام", "الأيتام", "دار الأيتام", "ملجأ",
            "إصلاحية", "الأحداث", "احداث", "حدث", "الحدث", "العقوبة البدنية", "عقوبة بدنية",
            "الضرب في المدارس", "قيد", "الرضع",
            "رضيعها", "حليب", "الحفاضات",
        ],
        "fr": [
            "mendicité",
            "moins de 18 ans",
            "élève", "tribunal pour enfants",
            "juge des mineurs", "juge des enfants", "centre de rééducation",
            "délinquance juvénile", "avec des adultes", "travail des enfants", "enfants des rues",
            "mariage de mineure", "petite bonne",
            "déscolarisé", "protection de l'enfance",
            # Formal and legal wording, more forms (issue 14)
            "justice des mineurs", "justice juvénile", "mariage des enfants", "mariage de mineures",
            "âge de la responsabilité pénale", "mineurs non accompagnés", "enfants non accompagnés",
            "mon fils", "ma fille", "fils", "fille", "petit", "petite", "garçon", "garçons", "filles",
            "école", "collège", "lycée", "bac", "classe", "enseignant", "instituteur",
            "directeur de l'école", "élèves", "scolarité", "apprenti", "atelier", "orphelin",
            "orphelins", "orphelinat", "juvénile", "châtiments corporels", "lait", "couches",
        ],
        "en": [
            "school children",
            "detained with adults", "begging", "minor",
            "minors", "under eighteen",
            "juvenile court", "juvenile detention",
            "reform school", "with adults", "child labour", "child labor", "street children",
            "child marriage", "kid",
            "child protection", "child soldier", "school student", "high school",
            # Formal and legal wording, more forms (issue 14)
            "juvenile justice", "age of criminal responsibility", "unaccompanied minors",
            "children in detention", "school",
            "my son", "my daughter", "son", "daughter", "boy", "boys", "girl", "girls", "kids",
            "schools", "teacher", "headmaster", "class", "classmates", "pupils", "students", "student",
            "exam", "workshop", "orphan", "orphans", "orphanage", "corporal punishment",
            "milk", "nappies", "diapers", "agency wrote",
        ],
    },
    "disability": {
        "ar": [
            # MSA
            "معاقة", "ذوي الإعاقة", "ذوي الاحتياجات الخاصة", "احتياجات خاصة",
            "ذوي الهمم", "أصحاب الهمم", "كرسي متحرك", "كفيفة",
            "فاقد البصر", "ضعيف البصر", "الصم والبكم", "لغة الإشارة", "مترجم إشارة",
            "شلل نصفي", "شلل دماغي", "بتر", "طرف صناعي", "عكازات",
            "توحد", "متوحد", "طيف التوحد", "متلازمة داون", "إعاقة ذهنية", "إعاقة عقلية",
            "تخلف عقلي", "مرض نفسي", "مريض نفسي", "اضطراب نفسي", "فصام", "إعاقة حركية",
            "إعاقة سمعية", "إعاقة بصرية", "بطاقة الخدمات المتكاملة", "بطاقة الإعاقة",
            "الترتيبات التيسيرية", "إمكانية الوصول", "بدون مصعد", "نسبة العجز", "مريض عقليا",
            "صرع",
            # Egyptian
            "عنده إعاقة", "رجله مقطوعة", "فاقد السمع", "ضعيف السمع", "سماعة طبية", "عنده توحد",
            "عنده ضمور", "كارت الخدمات",
            # Gulf
            "من ذوي الإعاقة", "بطاقة ذوي الإعاقة", "سماعة الأذن",
            # Levantine
            "عندو إعاقة", "كرسي بعجلات", "إجرو مقطوعة", "متخلف عقليا", "ما بيسمع ولا بيحكي",
            # Maghrebi
            "فيه إعاقة", "كيعاني من إعاقة", "ما كيسمعش", "ما كيشوفش", "الكرسي ديال المعاقين",
            "في وضعية إعاقة", "وضعية إعاقة", "هبيل", "مريض بالعقل",
            # Formal and legal Arabic (laws, treaty bodies, UPR, NHRI reports), more verb forms
            # and dialect variants (issue 14)
            "الإعاقة النفسية الاجتماعية", "الإعاقات النفسية", "الأمراض النفسية", "المرضى النفسيين",
            "مستشفى الأمراض العقلية", "المصحات النفسية", "مصحة نفسية", "الأهلية القانونية",
            "فاقدي الأهلية", "الأشخاص ذوي الإعاقة", "الولوجيات", "سهولة الوصول",
            "إمكانية وصول الأشخاص", "التوحد", "متلازمة", "الكرسي المتحرك", "على كرسي", "منحدر",
            "مريض نفسيا", "مريضة نفسيا", "حالته النفسية", "مريض عقلي", "إعاقة جسدية", "ذوي الاحتياجات",
            "شلل رباعي", "كرسي", "بكرسي", "الكرسي", "مبتورة", "مقطوعة", "رجلو مقطوعة", "فقد ساقه",
            "فقدت ساقي", "ساق", "الصرع", "نوبة", "النوبة", "نوبات", "يتمثل", "الاشارة", "إشارة",
            "بالإشارة", "لغة إشارة", "سماعة", "مرافق", "مرافقة", "المصعد", "مصعد", "الدرج", "ما يتكلم",
            "ما بيحكي", "ما يسمع", "ما يشوف", "ضعيف النظر", "نظره ضعيف", "برايل", "بطريقة برايل",
            "حالة نفسية", "مرض عقلي", "عقليا", "نفسيا", "الأمراض العقلية", "مستشفى الأمراض", "مصحة",
            "داون", "تأخر عقلي", "ذهنية", "الأصوات", "هلوسة",
        ],
        "fr": [
            "personne handicapée",
            "en situation de handicap", "fauteuil roulant", "non-voyant",
            "sourd-muet", "langue des signes",
            "prothèse", "béquilles", "autisme",
            "déficience intellectuelle", "handicap mental", "maladie mentale",
            "troubles psychiatriques", "schizophrène", "carte de handicap", "accessibilité",
            "aménagement raisonnable", "mobilité réduite", "invalidité", "infirme", "épileptique",
            # Formal and legal wording, more forms (issue 14)
            "personnes handicapées", "troubles mentaux", "santé mentale", "déficience", "non-voyante",
            "personne en situation de handicap", "hôpital psychiatrique", "capacité juridique",
            "aménagements raisonnables",
            "malvoyante", "braille", "tiers-temps", "fauteuil", "béquille", "rampe", "ascenseur",
            "épilepsie", "crise", "schizophrénie", "psychiatrique", "trouble", "troubles",
            "déficience visuelle", "déficience auditive", "amputée", "trisomique",
        ],
        "en": [
            "visually impaired",
            "hard of hearing", "sign language", "mute",
            "prosthetic", "crutches",
            "down syndrome", "intellectual disability", "learning disability", "mental illness",
            "mentally ill", "schizophrenia", "reasonable accommodation",
            "accessibility", "disability card", "special needs", "mobility impairment", "epilepsy",
            # Formal and legal wording, more forms (issue 14)
            "persons with disabilities", "people with disabilities", "mental health condition",
            "psychiatric", "sign-language", "hearing impaired", "visually-impaired", "legal capacity",
            "mentally disabled", "physically disabled",
            "schizophrenic", "epileptic", "seizure", "seizures", "mental", "voices", "braille", "ramp",
            "lift", "elevator", "stairs", "hearing aid", "cannot hear", "cannot speak", "can't hear",
            "can't speak", "lost his leg", "lost my leg", "leg", "prosthesis", "down's syndrome",
            "cerebral palsy", "accessible",
        ],
    },
    "older_persons": {
        "ar": [
            # MSA
            "الطاعن في السن",
            "كبار السن", "كبير في السن", "كبيرة في السن", "رجل مسن", "امرأة مسنة", "شيخ كبير",
            "العجزة", "دار المسنين", "دار رعاية المسنين", "دار العجزة",
            "معاش التقاعد", "التقاعد", "أصحاب المعاشات", "الزهايمر", "الخرف",
            "أمراض الشيخوخة", "طاعن في السن", "والدي المسن", "والدتي المسنة", "جدي العجوز",
            "جدتي العجوزة",
            "عقوق الوالدين", "تركوه وحيدا",
            "التأمينات الاجتماعية", "صرف المعاش",
            # Egyptian
            "راجل كبير", "ست كبيرة", "الحاج العجوز", "راجل عجوز", "ست عجوزة",
            "على المعاش", "طلع على المعاش", "المعاش بتاعه", "أبويا الكبير", "سنه كبير",
            # Gulf
            "شياب", "الوالد كبير بالسن", "الوالدة كبيرة بالسن", "أبوي شايب", "عجوز كبيرة",
            "الوالد متقاعد",
            # Levantine
            "الختيار", "كبير بالعمر", "كبيرة بالعمر",
            "معاش التقاعد تبعو",
            # Maghrebi
            "الشيباني", "كبير فالسن", "الريتريت", "دار العجزة ديال",
            "مسكين كبير", "الواليد كبير",
            # Formal and legal Arabic (laws, treaty bodies, UPR, NHRI reports), more verb forms
            # and dialect variants (issue 14)
            "المتقدمين في السن", "المتقدمين في العمر", "الأشخاص المسنين", "حقوق كبار السن",
            "رعاية المسنين", "دور رعاية المسنين", "المعاشات التقاعدية", "المعاش التقاعدي",
            "سن التقاعد", "معاشه التقاعدي", "راتب التقاعد", "المعاش", "معاش", "جدتي", "كبير السن",
            "كبيرة السن", "كبار في السن", "العجائز",
        ],
        "fr": [
            "personne âgée", "personnes âgées",
            "vieille dame", "vieil homme",
            "retraité", "pension de retraite", "maison de retraite",
            "EHPAD", "hospice", "sénior", "troisième âge", "grand-père", "grand-mère", "Alzheimer",
            "démence", "perte d'autonomie", "âgé et malade", "mon vieux père", "ma vieille mère",
            "maltraitance des personnes âgées", "caisse de retraite", "vieillesse",
            # Formal and legal wording, more forms (issue 14)
            "pension", "ma grand-mère", "mon grand-père", "son grand-père", "sa grand-mère",
            "vieille femme", "vieux", "vieille",
        ],
        "en": [
            "elderly man",
            "elderly woman", "old man", "old woman", "older person", "older persons",
            "senior citizen", "pension", "retired", "retirement", "nursing home",
            "care home", "old people's home", "grandfather", "grandmother", "dementia",
            "alzheimer's", "frail", "in his seventies", "in his eighties", "in her seventies",
            "in her eighties", "old age",
            # Formal and legal wording, more forms (issue 14)
            "older people", "elderly father", "elderly mother", "elderly people", "elderly persons",
            "aged parents",
        ],
    },
    "migrants_trafficking": {
        "ar": [
            # MSA
            "التسول", "أخذوا جوازاتهم", "أخذوا جوازاتهن", "وعدوها بعمل", "وعدوه بعمل",
            "عرض عمل وهمي", "يشغلونهن بالقوة", "استغلال العاملات", "تسول الأطفال",
            "طالب لجوء", "طالبي اللجوء", "لجوء", "مفوضية اللاجئين",
            "مفوضية الأمم المتحدة", "بطاقة اللجوء", "هجرة غير شرعية",
            "الهجرة غير النظامية", "مخالف لنظام الإقامة", "مخالفة الإقامة",
            "الترحيل", "ترحيل", "رحلوه", "مرحل", "أمر ترحيل",
            "قرار الترحيل", "الإبعاد", "مركز الترحيل", "مركز الإيواء", "الكفالة",
            "نظام الكفالة", "نقل الكفالة", "بلاغ هروب", "العمالة المنزلية", "عاملة منزلية",
            "العمال الأجانب", "العمالة الوافدة", "وافد", "عامل أجنبي", "الكفيل أخذ جوازي",
            "لم يدفع راتبي", "رواتب متأخرة", "الأجور المتأخرة", "سخرة", "العمل القسري",
            "العمل الجبري", "الاتجار بالبشر", "تجارة البشر", "تهريب المهاجرين", "المهربين",
            "استغلال جنسي", "الدعارة القسرية", "مكتب الاستقدام", "الاستقدام", "الإعادة القسرية",
            "مهاجرين أفارقة",
            # Egyptian
            "كارت المفوضية", "الكارت الأصفر", "سافر بعقد", "مكتب السفريات", "الكفيل مش بيديني",
            "اللاجئين السودانيين",
            # Gulf
            "الكفيل ما يعطيني راتبي", "بلاغ تغيب عن العمل", "الخادمة هربت", "العمالة",
            "تسفير", "التسفير", "شؤون الخادمات",
            "مكتب العمل", "راتبي ما وصل",
            # Levantine
            "بيشغلوهن", "أخدوا جوازاتهن", "عأساس شغل", "اللاجئين السوريين", "مخيم اللاجئين",
            "المخيم", "العاملات الأجنبيات", "رحلوني", "الترحيل القسري",
            "كسر إقامة", "كاسر إقامة", "إقامتي منتهية",
            # Maghrebi
            "خدا ليها الباسبور", "خدموها بزز", "يخدمها برا", "كيخدموها بزز",
            "لحريك", "المهاجرين الأفارقة", "الأفارقة جنوب الصحراء", "الكارت دو سيجور",
            "رجعوهم للحدود", "رماوهم فالصحرا", "الحراكة",
            # Formal and legal Arabic (laws, treaty bodies, UPR, NHRI reports), more verb forms
            # and dialect variants (issue 14)
            "الاتجار بالأشخاص", "الاتجار في الأشخاص", "الاتجار بالنساء والأطفال", "ضحايا الاتجار",
            "مكافحة الاتجار", "العمال المهاجرين", "العمال المنزليين", "عمال المنازل", "عاملات المنازل",
            "ملتمسي اللجوء", "طلب اللجوء", "حق اللجوء", "عدم الإعادة القسرية", "مبدأ عدم الإعادة",
            "احتجاز المهاجرين", "مراكز احتجاز المهاجرين", "مصادرة جوازات", "حجز جوازات",
            "الأجور غير المدفوعة", "عدم دفع الأجور", "أجور متأخرة",
            "الاستغلال في العمل", "عبودية الدين", "أعمال السخرة", "العمل سخرة", "وكالات التوظيف",
            "المهاجرين غير النظاميين", "المهاجرين في وضع غير نظامي", "عديمي الجنسية",
            "الإقامة", "عاملة أجنبية", "صاحب العمل", "كارت اللاجئ", "هروب من الكفيل",
            "حرك لإسبانيا", "الباطو",
            "العاملة", "عاملة", "العاملات", "العامل", "العمال", "عمال",
            "فلبينية", "الفلبين", "إثيوبية", "الإثيوبية", "إثيوبيا", "اثيوبي", "بنغالي", "بنغلاديش",
            "بنغلاديشي", "نيبالي", "النيبالي", "هندي", "سريلانكية", "إندونيسية", "نيجيري",
            "النيجيريات", "سوداني", "سودانيين", "السودانيين", "إريتري", "سنغالي", "إيفواري", "أفارقة",
            "الأفارقة", "جنوب الصحراء", "سوريين", "السوريين", "السوري", "سوري", "فلسطيني", "فلسطينية",
            "الفلسطينيين", "عراقي", "يمني", "صومالي", "وافدة", "الوافد", "أجنبي", "أجنبية", "الأجانب",
            "مقيم", "مقيمة", "كفيله", "كفيلها", "كفالته", "صاحبة العمل", "صاحب الشغل", "الباطرون",
            "ماما", "بابا", "المدام", "مدام", "مكتب التوظيف", "الوكالة",
            "الراتب", "راتبي", "رواتب", "الرواتب", "مستحقاتي", "المستحقات",
            "مكافأة نهاية الخدمة", "أجر", "أجري", "الأجر", "بلا أجر", "ما عطتنا رواتب", "ما يعطي",
            "ما في يعطي", "بلاغ تغيب", "تغيب", "إقامتي", "إقامته", "إقامتها",
            "بلا إقامة", "الفيزا", "فيزا", "التأشيرة", "تأشيرة", "السفارة", "سفارة", "القنصلية",
            "تذكرة", "التذكرة", "ترحيله", "يرحلوه", "مركز الإبعاد", "بنبعده", "يبعدونه",
            "القارب", "قارب", "مهربين", "السماسرة", "يبيعوا", "يبيعون", "باعوها", "بيع",
            "يشغلها", "شغلوها", "يشتغل بلاش", "بلاش", "بالسكن", "السكن", "سكن العمال", "مخيم", "الخيم",
            "الخيام", "الأمن العام", "الجوازات", "يبغى روح بلاد", "روح بلاد", "بلادي", "لبلدي",
            "لبلادي",
            "المرحلين", "مرحلين", "المرحلون",
        ],
        "fr": [
            "clandestin", "migrants irréguliers", "promesse d'emploi",
            "offre d'emploi fictive", "forcée à travailler", "passeports confisqués",
            "demandeur d'asile",
            "demandeuse d'asile", "droit d'asile", "HCR", "UNHCR", "en situation irrégulière",
            "carte de séjour", "titre de séjour", "permis de séjour", "expulsion", "expulsé",
            "expulsée", "reconduite à la frontière", "refoulement", "rétention administrative",
            "centre de rétention", "harga", "migration irrégulière", "passeurs",
            "passeur", "embarcation", "traite des êtres humains", "trafic d'êtres humains",
            "travail forcé", "exploitation", "domestique étrangère", "employée de maison",
            "salaire impayé", "salaires impayés", "subsahariens",
            "abandonnés dans le désert", "esclavage",
            # Formal and legal wording, more forms (issue 14)
            "traite des personnes", "victimes de traite", "travailleurs migrants",
            "travailleuses migrantes", "travailleuses domestiques", "travailleurs domestiques",
            "demandeurs d'asile", "demande d'asile", "non-refoulement", "rétention des migrants",
            "passeport confisqué par", "son employeur", "mon employeur", "sans titre de séjour",
            "étrangers", "travailleur étranger",
            "travailleuse domestique", "domestique", "domestiques", "bonne", "Madame", "patronne",
            "patron", "employeur", "agence de recrutement", "agence", "revendue", "vendue", "vendus",
            "salaire", "payée", "payé", "pas payé", "éthiopienne", "éthiopien", "philippine",
            "sénégalais", "ivoirien", "malgache", "nigérian", "soudanais", "syriens", "syrien",
            "palestiniens", "étranger", "étrangère", "séjour", "visa", "consulat", "ambassade",
            "expulser", "refoulé", "renvoyé", "frontière", "bateau", "camp",
        ],
        "en": [
            "took their passports", "promised a job", "fake job offer", "forced to work",
            "migrant worker",
            "asylum seeker", "UNHCR", "irregular status",
            "iqama", "visa expired", "overstayed", "deportation", "deported", "deport",
            "immigration detention", "sponsor", "domestic worker",
            "employer took my passport", "unpaid wages", "wages withheld", "forced labour",
            "forced labor", "trafficking", "human trafficking", "smuggler",
            "smugglers", "smuggling", "recruitment agency", "debt bondage", "slavery", "expelled",
            "refoulement", "pushback", "pushed back",
            # Formal and legal wording, more forms (issue 14)
            "trafficking in persons", "trafficking victims", "victims of trafficking",
            "domestic workers", "irregular migrants", "asylum seekers", "non-refoulement",
            "my employer", "residency", "expat", "expatriate",
            "foreign worker", "foreign workers", "labour camp", "labor camp", "recruitment fees",
            "madam", "maid", "employer", "agency", "salary", "wages", "not been paid", "not paid",
            "unpaid", "end-of-service", "gratuity", "absconding", "visa", "residence card", "embassy",
            "consulate", "deportation centre", "Filipino", "Ethiopian", "Bangladeshi",
            "Nepali", "Nepalese", "Indian", "Sri Lankan", "Nigerian", "Sudanese", "Eritrean", "Syrian",
            "Syrians", "Palestinian", "foreigner", "foreigners", "boat", "coast guard",
            "camp", "massage centre", "sold",
        ],
    },
    "police_conduct": {
        "ar": [
            # MSA
            "رفض الضابط", "رفض الموظف", "رفض تحرير", "رفضوا تحرير", "رفض تسجيل", "رفضوا تسجيل",
            "رفض استلام", "مبلغا ماليا", "مبلغ مالي مقابل", "لم يعطني إيصالا", "بلهجة مهينة",
            "بطريقة مهينة", "بأسلوب مهين", "رفض إعطائي اسمه", "رفض ذكر اسمه", "اشتك لمن تشاء",
            "ابتزاز", "تعطيل الملف", "تعطيل المعاملة", "تعمد تعطيل", "الموظف المختص غير موجود",
            "نسخة من المحضر", "مقابل إطلاق سراحه", "مقابل الإفراج عنه", "يرفض تسجيل",
            "رفض تحرير محضر", "رفضوا تحرير محضر", "رفض تسجيل البلاغ", "رفضوا تسجيل البلاغ",
            "رفض استلام الشكوى", "رفضوا استلام شكواي", "لم يحرروا المحضر", "عدم تحرير محضر",
            "لم يسجلوا بلاغي", "إهمال الشكوى", "تجاهلوا البلاغ", "تجاهلوا شكواي",
            "لم يتخذوا أي إجراء", "لم يحركوا ساكنا", "ماطلوا", "التسويف", "ألفاظ نابية",
            "ألفاظ خارجة", "شتائم", "شتيمة", "سب الدين", "سبوا أمي",
            "أهانني", "إهانات", "صرخ في وجهي", "طردوني من القسم", "طردني الضابط",
            "طلب رشوة", "طلبوا رشوة", "طلبوا فلوس", "طلب مني مبلغ", "ابتزاز مالي",
            "ابتزوني", "إتاوة", "ضابط فاسد", "فساد", "محسوبية", "واسطة", "انحاز للخصم", "تواطؤ",
            "متواطئ مع", "قريب الضابط", "استغلال السلطة", "استغلال النفوذ", "إساءة استعمال السلطة",
            "تجاوز السلطة", "سوء معاملة المواطنين", "بلاغ كيدي", "محضر كيدي", "حفظ المحضر",
            "عدم احترام", "تعامل بعنجهية", "تأخير في الإجراءات",
            # Egyptian
            "رفض يكتب المحضر", "رفض يعمل محضر", "رفض يستلم", "اشتكي للي انت عايزه", "روح اشتكي",
            "طلب مني فلوس", "عشان يخلي أخويا يروح", "تعالى بعدين", "مرضيوش يدوني محضر",
            "خليه يبات", "مش راضيين يعملوا محضر", "رفضوا يعملوا محضر", "مرضيوش يعملوا محضر",
            "مرضيوش يكتبوا المحضر", "زعقلي", "شتمني بأمي", "بألفاظ خارجة", "عايزين فلوس",
            "حق الشاي", "إكرامية", "ركنوا المحضر", "المحضر اتركن", "قلبوا المحضر عليا",
            "كل ما أروح يقولولي", "بقالي شهر بروح", "عملوا محضر ضدي",
            # Gulf
            "يكلمني بطريقة ما تصير", "بطريقة ما تصير", "ما عطوني رقم البلاغ", "رفض يسجل البلاغ",
            "قال روح اشتك", "ما رضوا يسجلون البلاغ", "ما قبلوا البلاغ", "رفضوا البلاغ",
            "البلاغ ما تحرك", "تلفظ علي", "سبني الشرطي", "يتمصخر علي",
            # Levantine
            "رفض ياخد الشكوى", "رجعني لبرا", "ما إلكن دور", "حكاني بطريقة مهينة", "طلب مني حق",
            "ما قبلوا ياخدوا الشكوى", "رفضوا ياخدوا إفادتي", "ما رضيوا يسجلوا", "بدهم مصاري",
            "بدو مصاري", "طلب مني مصاري", "برطلة", "مسبات", "سب عليي", "كفر علي",
            "بهدلني", "صرخ فيي",
            # Maghrebi
            "رفض ياخد الشكاية", "ما بغاش يسجل", "سير تشكي", "كيقولو لي سير", "بغا الفلوس باش",
            "ما بغاوش ياخدو الشكاية", "رفضو ياخدو الشكاية", "ما دارو والو", "ما داروش المحضر",
            "طلب القهوة", "بغا القهوة", "التدويرة", "حكرونا", "تحكرت", "المحكور",
            "سبني بالوالدين", "كلام خايب", "كلام ساقط", "ما حتارمونيش", "الشكاية ما تحركتش",
            "عطيتو الرشوة",
            # Formal and legal Arabic (laws, treaty bodies, UPR, NHRI reports), more verb forms
            # and dialect variants (issue 14)
            "إساءة استخدام السلطة", "استغلال الوظيفة", "الشطط في استعمال السلطة", "مدونة قواعد السلوك",
            "قواعد سلوك الموظفين", "سلوك أفراد الشرطة", "مساءلة أفراد الشرطة", "تجاوزات أفراد",
            "تجاوزات رجال الأمن", "تجاوزات الشرطة", "المخالفات المسلكية", "المساءلة التأديبية",
            "الإجراءات التأديبية", "الامتناع عن تسجيل", "رفض تلقي الشكوى", "رفض تلقي البلاغ",
            "عدم تسجيل الشكاوى", "عدم تسجيل", "رفض الشرطي", "التقصير في", "إهانة المواطنين",
            "التعامل مع الجمهور", "لم يتخذ أي إجراء", "لم يحرك ساكنا", "طلب مبلغ", "طلبوا مبلغ",
            "مقابل مادي", "ألفاظا نابية", "ألفاظ بذيئة", "كلام بذيء", "صرخ في", "استهزأ", "سخر مني",
            "معاملة سيئة", "تعامل معي بسوء", "رفض استقبالي", "طلب الرشوة", "دفع رشوة",
            "مرضيش يعمل محضر", "مرضيش يكتب", "رفض يعمل", "مش راضي يعمل", "هزقني", "زعق فيا",
            "اتريق عليا", "عايز فلوس", "طلب فلوس", "ما رضى يسجل", "ما سجلوا البلاغ", "تلفظ علينا",
            "سبني", "رفض يسجل", "طلب مصاري", "بهدلونا", "ما بغاش يسجل الشكاية", "بغا الرشوة", "سبنا",
            "ما سوى شي", "ما سووا شي", "ما سوى محضر", "ما سووا محضر", "ما نقدر نسوي شي", "ما عملوا شي",
            "ما عملوش حاجة", "ما عملوش محضر", "ماعملوش محضر", "معملوش محضر",
            "مش عايزين يعملوا حاجة", "ما حرك حتى شي", "ما حركوا ساكن", "ما حركوش", "لا يمكننا فعل شيء",
            "لا نستطيع فعل شيء", "ما فينا نعمل شي", "ما فيني اعمل شي", "ما بيسوا شي",
            "ما عملوا ولا شي", "وقفوا يتفرجوا", "ما كتب ضبط", "ما كتبوا ضبط", "ما كتبوش",
            "ما كتبو والو", "رفض يفتح محضر", "رفض فتح محضر", "رفضوا فتح محضر",
            "يفتح محضر", "مش راضي يفتح", "مش راضيين يفتحوا", "ما بغاتش تاخد الشكاية", "ما بغاوش يسجلو",
            "ما بغاش ياخد", "رفض أخذ أقوالي", "رفضوا أخذ إفادتي",
            "رفض تسجيل إفادتي", "لم يأت أحد", "ما جا حد", "ما جاش حد", "ما إجا حدا",
            "محدش جه",
            "روحي صالحيه", "روحي صالحي", "صالحوا بعض", "تصالحي معاه", "تصالحو بيناتكم",
            "تفاهموا بيناتكم", "اتصالحوا", "هيدي مشاكل عيلة", "مشاكل عيلة", "مشاكل عائلية",
            "هادشي ديال الدار", "ارجعي لزوجك", "ارجعي لبيتك",
            "روحي بيتك",
            "مش شغلنا", "مو شغلنا", "ما إلنا علاقة", "مالناش دعوة", "ملكش فيه", "لا دخل لنا",
            "دون أن يتخذوا", "ولم يفعلوا شيئا", "لم يفعلوا شيئا", "ولم يحققوا", "لم يحقق أحد",
            "لم يُحقق", "ما حققوا",
            "ما تحركت الشكاية",
            "ما بغاش يعطيني سميتو", "رفض يعطيني رقمه", "شتمونا",
            "بيشتمونا", "يشتمني", "ضحك علينا", "ضحكوا عليا", "ضحكوا علي", "ضحك علي", "بيتريق", "اتريق",
            "يتمسخر", "تمسخر", "استهزأ بي", "استهزؤوا", "سخروا مني", "يا كلب", "يا حمار", "يا حيوان",
            "كلام وسخ", "بألفاظ", "ألفاظ", "بكلام بذيء",
            "نلفقلك قضية", "هنلبسك", "هلبسك قضية", "نلبسك قضية", "بلبسك قضية", "هيلبسك", "يلفق لي",
            "سيلفق لي", "سيلفق له", "هددني الضابط", "هددني الشرطي", "يهددني الضابط",
            "تمر سيارة الشرطة",
            "باش يخلي",
            "يطلبوا مصاري", "عم يطلبوا مصاري",
            "إتاوات",
            "تسجيل البلاغات",
            "تسجيل الشكاوى", "الامتناع عن", "يساءل تأديبيا",
            "المساءلة", "معاملة الجمهور", "التنميط العنصري",
            "التنميط",
            "أعضاء هيئة الشرطة", "عضو هيئة الشرطة", "رجال الشرطة",
            "أفراد الشرطة", "مساءلة", "تجاوزات", "الانتهاكات المرتكبة من", "السلوك المهني",
            "مدونة السلوك", "هيئة الشرطة",
            "شكوى ضد الضابط", "شكوى ضد الشرطي", "اشتكيت على الظابط",
            "اشتكيت على الضابط", "شكيت بالبوليس", "نشكي بالبوليسي", "بلاغ ضد الشرطي", "بلاغ ضد الشرطة",
            "ما جا حتى حد", "ما حدا إجا", "لم يحضر أحد",
            # a seizure without a record, a complaint not taken, the victim sent away or blamed, extortion
            "بدون وصل", "بلا وصل", "ما عطوني وصل", "ما عطونيش وصل", "ما عطاوني حتى وصل",
            "ما عطوني إيصال", "دون إيصال", "بدون إيصال", "بلا إيصال", "لم يعطوني إيصالا",
            "دون أي إيصال", "دون محضر", "بلا محضر", "بدون محضر", "ما عطوني أي محضر",
            "ما عطونيش محضر", "دون تحرير محضر", "دون أي محضر", "بدون أي ورقة", "بلا حتى ورقة",
            "مفيش حاجة متسجلة", "مش متسجل", "غير مسجل", "مالوش أثر عندنا",
            "ما إلو أثر",
            "بدل ما ياخدوا الشكوى", "بدل ما يسجلوا", "بدل ما يحميني",
            "بدل ما يحموني", "بدل ما يساعدوني", "هاتوا دليل", "هاتي دليل", "جيبوا دليل",
            "استنوا ٢٤ ساعة", "انتظروا ٢٤ ساعة", "قبل مرور أسبوع", "قبل مرور ٢٤ ساعة",
            "لبسك هو السبب", "ليش طالعة",
            "ليه نازلة", "ما كتبوا ولا كلمة", "ما كتبوا شي", "لم يكتبوا شيئا", "لم يدونوا",
            "لم يأت أي محقق", "لم يحضر أي محقق", "ما إجا حدا يعاين", "محدش جه يعاين",
            "ما وصلنا نتيجة", "ما في نتيجة", "بلا نتيجة", "دون نتيجة",
            "روحوا وإلا", "وإلا نشدوكم", "وإلا نحبسكم",
            "وإلا هنحبسكم", "امشي يلا", "روح من هنا", "اطلع برا",
            "سيري فحالك", "سير فحالك", "مبيدفعش", "ما بيدفع", "من غير ما يدفع", "بدون ما يدفع",
            "بلا ما يخلص", "حتى نوقعو", "حتى نوقع", "لازم نوقع", "نوقع على تنازل",
            "مقابل تسليم الجثة", "حتى نتنازل",
        ],
        "fr": [
            "son matricule", "revenez plus tard", "contre sa libération", "a refusé d'enregistrer",
            "refus d'enregistrer la plainte", "ont refusé ma plainte", "main courante",
            "plainte classée", "plainte ignorée", "aucune suite", "inaction", "négligence",
            "lenteur", "délai excessif", "insultes", "insulté", "injures",
            "propos injurieux", "propos humiliants", "humilié", "humiliation", "manque de respect",
            "mépris", "corruption", "pot-de-vin", "racket", "rançonné",
            "extorsion", "abus de pouvoir", "abus d'autorité", "excès de pouvoir", "partialité",
            "complicité avec", "piston", "menacé par le policier", "agent véreux",
            "policier corrompu", "plainte abusive",
            # Formal and legal wording, more forms (issue 14)
            "refusé de prendre ma plainte", "refusé ma plainte", "refusé d'enregistrer", "déontologie",
            "manquements", "sanctions disciplinaires", "aucune suite donnée", "méprisant", "tutoyé",
            "demandé de l'argent", "corruption policière",
            "ils se sont moqués", "s'est moqué", "moqué",
            "contre de l'argent", "refusé d'enregistrer ma plainte", "refusé de prendre",
            "pas voulu prendre", "pas voulu enregistrer", "aucune enquête", "classée sans suite",
            "sans suite", "réglez ça", "régler ça en famille",
            "retournez chez vous",
            "représailles", "insultées", "humiliée", "tutoiement",
            "plainte contre la police",
            "plainte contre un policier", "plainte contre l'agent",
            "sans reçu", "sans récépissé", "aucun reçu", "sans procès-verbal",
            "sans aucun document", "sans aucun papier", "au lieu de prendre ma plainte",
            "au lieu d'enregistrer", "au lieu de me protéger", "sans payer",
            "signer pour récupérer", "nous a renvoyés",
            "rentrez chez vous", "ramenez des preuves", "aucun numéro de plainte", "pas de numéro",
            "plainte contre les gendarmes", "plainte contre la gendarmerie",
            "plainte contre les policiers",
        ],
        "en": [
            "badge number", "exchange for his release", "come back later", "refused to register",
            "refused to file", "no police report", "ignored my complaint", "ignored my report",
            "failed to act", "delay", "delays", "took months", "insulted", "insults",
            "verbal abuse", "abusive language", "swore at me", "cursed at me", "humiliated",
            "humiliating", "disrespectful", "rude", "asked for money",
            "demanded money", "extortion", "corruption", "corrupt officer", "abuse of power",
            "abuse of authority", "collusion", "nepotism", "wasta",
            "false report against me",
            # Formal and legal wording, more forms (issue 14)
            "refused to take my complaint", "refused to accept my complaint", "refused to register my",
            "code of conduct", "disciplinary", "police accountability", "negligence",
            "never followed up", "no action was taken", "ignored", "shouted at", "mocked",
            "laughed at", "asked me for money", "asked for a bribe", "demanded a bribe", "corrupt",
            "refused to write",
            "refused to open",
            "did nothing", "nothing we can do", "not their problem",
            "not our problem",
            "reconcile", "settle it", "family matter",
            "threatened to arrest",
            "no receipt", "without a receipt",
            "never investigated",
            "no investigation", "took no action", "still waiting",
            "dinars", "complaint against the officer",
            "complaint against the police", "complained about the police",
            "laughed at me",
            "without any paper", "without a record", "no record of it",
            "instead of taking my complaint", "instead of opening a case", "instead of registering",
            "instead of helping", "instead of protecting", "didn't open a case",
            "did not open a case", "never opened a case", "what I was wearing",
            "without paying", "unless we sign", "unless we signed",
            "told us to go home", "sent us away", "nobody came", "no one came", "no progress",
        ],
    },
    "property": {
        "ar": [
            # MSA
            "التحفظ على سيارتي", "أخذت أوراق", "أخذوا اللابتوب", "أخذوا الجوالات",
            "بدون إيصال استلام", "مصادرة الأموال", "مصادرة الممتلكات",
            "الاستيلاء على", "استولوا على", "التحفظ على الأموال", "تجميد الأموال", "تجميد حسابي",
            "تجميد الحسابات البنكية", "الحجز على", "حجزوا السيارة", "حجز السيارة", "سحب السيارة",
            "أخذوا سيارتي", "أخذوا فلوسي", "أخذوا أموالي", "أخذوا الذهب", "المصوغات", "نهب",
            "هدموا البيت", "هدم المنزل", "قرار إزالة", "هدم المحل", "تجريف الأرض",
            "نزع الملكية", "نزع ملكية", "تهجير قسري", "إخلاء قسري", "طردونا من بيتنا", "قطعة أرض",
            "العقار", "مصادرة البضاعة", "كسروا المحل", "تخريب", "أتلفوا", "إتلاف",
            "لم يعيدوا أغراضي", "لم يرجعوا الموبايل", "الأحراز", "لم يردوا المضبوطات",
            "وضع اليد",
            # Egyptian
            "مرجعهوش", "مرجعوهاش", "خدوا فلوس", "خدوا الدهب", "خد الموبايل", "ياخدوا العربية",
            "عربية فول", "العربية اتحجزت في", "خدوا اللابتوب", "خدوا العربية", "حجزوا العربية",
            "العربية اتحجزت", "خدوا الموبايل ومرجعوهوش", "خدوا فلوسي", "مرجعوش الحاجة",
            "شالوا الفرشة", "شالوا البضاعة", "حجزوا التوكتوك", "حجزوا الموتوسيكل", "البلدية شالت",
            "إزالة",
            # Gulf
            "أخذوا اللابتوب والجوالات", "سحبوا السيارة", "أخذوا جوالي وما رجعوه", "أخذوا أغراضي",
            "ما رجعوا أغراضي", "حجزوا سيارتي",
            # Levantine
            "أخدوا مصاري", "كسروا التلفزيون", "ما رجعولي", "أخدوا السيارة", "صادروا السيارة",
            "أخدوا المصاري", "أخدوا الدهب", "عفشوا البيت",
            "الحجز الاحتياطي على الأموال", "ختموا المحل", "الشمع الأحمر", "صادروا الأرض",
            # Maghrebi
            "خداو ليا", "ما رجعوش ليا", "داو ليا السلعة", "حجزو الطوموبيل", "الموطور",
            "حجزو ليا الموطور", "خداو ليا الفلوس", "الفراشة", "حجزو السلعة", "السلعة ديالي",
            "الكروسة", "حجزو الكروسة", "هدمو البراكة", "هدمو الدار",
            # Formal and legal Arabic (laws, treaty bodies, UPR, NHRI reports), more verb forms
            # and dialect variants (issue 14)
            "الحق في الملكية", "حق الملكية", "عمليات الإخلاء", "هدم المنازل", "هدم منازل",
            "الهدم العقابي", "مصادرة الأراضي", "تجميد الأصول", "التعويض العادل", "رد الممتلكات",
            "إعادة الممتلكات", "رد المضبوطات", "احتجزوا هاتفي", "أخذوا هاتفي", "أخذوا هاتفه",
            "سحبوا هاتفه", "أخذوا موبايلي", "أخذوا جوالي", "أخذوا المال", "أخذوا نقودي",
            "مصادرة سيارتي", "حجز سيارتي", "التحفظ على", "هدم منزلي", "هدموا منزلنا",
            "خدوا الموبايل",
            "خدوا التليفون", "مرجعوش", "مرجعوهوش", "ما رجعوا الجوال", "أخذوا الجوال", "أخدوا التلفون",
            "داو ليا التيليفون", "ما رجعوش",
            "خدوا الفلوس", "خد الفلوس", "أخذوا الفلوس", "أخذوا فلوس", "خذاولهم", "خذاو", "خداو", "داو",
            "هزو", "أخدوا", "أخذوا", "خدوا", "خد", "خذوا", "شالوا", "شالو", "حجزوا", "حجزت", "حجزو",
            "حاجزين", "محجوزة", "صادر", "صادرت", "صادرو", "المصادرة",
            "ما رجعوها", "ما رجعوه", "ما رجعوهن", "ما رجعوهمش", "ما رجعوهاش", "مرجعتش", "مرجعليش",
            "مرجعهاش", "ما ردوه", "ما ردوها", "لم يُرد", "لم تُرد", "لم ترد إلي", "لم تُعَد",
            "لم يُعد", "لم يعيدوه", "لم يعيدوها", "ما عطاونا", "ما له أثر", "مفيش حاجة متسجلة",
            "مصوغات", "المجوهرات",
            "حرقوا",
            "حرقو", "أحرقوا", "حرق", "كسروا", "كسرو", "خربوا", "دمروا", "هدمو", "هدّت", "طيحو البراكة",
            "بالجرافة", "الجرافة", "جرافات", "الجرافات", "البلدوزر", "جرفوا", "أزالوا", "الإزالة",
            "طردونا", "طلعونا", "طردوهم", "طردني", "أخرجونا", "إخلاء", "الإخلاء", "حكم إخلاء",
            "طلعونا بالقوة", "رموا أغراضنا",
            "بدون تعويض", "بلا تعويض",
            "قطعوا الشجر",
            "الكفالة", "مبلغ الكفالة", "بلا وصل", "بدون إيصال",
            "من غير إيصال", "ولا ورقة", "ولا وصل", "ما عطاوني حتى وصل", "محضر بالمضبوطات", "مجمد",
            "تجميد", "جمدوا", "الحساب مجمد", "حجزوا الحساب", "حاجزين مصاري", "الديوانة",
            "الجمارك", "الكتيبة خذت", "سكنوا فيه", "استولت", "استولوا", "الاستيلاء", "سرقوا", "سرقو",
        ],
        "fr": [
            "ordinateur saisi", "jamais restitué", "toujours pas rendu", "saisie",
            "saisie de biens",
            "exproprié", "maison démolie", "expulsion forcée",
            "spolié", "pillage", "volé mon argent", "ont pris mon argent",
            "biens saisis", "voiture saisie", "véhicule confisqué",
            "marchandise saisie", "charrette", "étal", "gel des avoirs", "compte bloqué",
            "comptes gelés", "scellés", "fermeture du commerce", "terres agricoles",
            "non restitué", "objets saisis",
            # Formal and legal wording, more forms (issue 14)
            "droit de propriété", "expulsions forcées", "pas été restitué", "toujours pas restitué",
            "pris mon téléphone", "saisi mon téléphone", "saisi ma voiture", "ma maison démolie",
            "restitution",
            "saisi", "saisies", "pris mon", "pris ma", "ont pris", "ont emporté", "emporté",
            "pas rendu", "jamais rendu", "rendu", "restitué", "restituer", "récupérer",
            "cassées", "cassé",
            "rasé",
            "bulldozer", "expulsé", "expulsée", "expulsion", "huissier",
            "jetés", "relogement",
            "sans reçu", "gelé", "bloqué", "douane",
        ],
        "en": [
            "took the laptop", "took our phones", "still not returned",
            "seized", "seizure", "seized my car", "took my money",
            "took my car", "never returned", "looting",
            "bulldozed", "evicted", "forced eviction", "expropriation",
            "land grab", "frozen assets", "bank account frozen", "assets frozen", "sealed my shop",
            "goods seized", "street vendor", "property damage",
            "destroyed my", "took my phone",
            # Formal and legal wording, more forms (issue 14)
            "right to property", "forced evictions", "house demolitions", "took his phone",
            "seized his", "seized my", "my belongings", "his belongings", "my property",
            "our house was demolished", "restitution",
            "took my", "took his", "took our", "took the", "taken", "took away", "never gave back",
            "not returned", "returned", "give back",
            "broken", "smashed", "destroyed",
            "bulldozer",
            "eviction", "thrown in the street",
            "title deed", "no receipt", "frozen", "customs",
            "set on fire", "burned", "burnt",
        ],
    },
    "other": {"ar": [], "fr": [], "en": []},
}

# Single words that suggest their category ON THEIR OWN (STRONG_WEIGHT, like a phrase): words
# that in a complaint or a legal text almost always mean that category (تعذيب، اختفى، طفل، إعاقة،
# migrant, viol…). Every other single word of CATEGORY_TERMS is ambiguous alone (ضربوه may be
# excessive force in the street, محتجز is any detainee, passport may be any paperwork) and needs
# a second piece of evidence. Each entry here must analyse to ONE term (a longer entry is a
# phrase, strong wherever it is listed); words whose stem is shared with a common other word are
# guarded in OTHER_WORD_ENDINGS (طائفية is not الطائف, مصادرة is not مصادر "sources").
STRONG_TERMS: dict[str, dict[str, list[str]]] = {
    "torture": {
        "ar": [
            "تعذيب", "عذبوه", "عذبوني", "عذبوها", "عذبوهم", "عذبونا", "عذبه", "عذبها", "يعذبونه",
            "يعذبوه", "يعذبونني", "يعذبوني", "بيعذبوه", "اتعذب", "تعذبت", "صعقوه", "صعقوني", "صعقوها",
            "كهربوه", "كهربوني", "كهربوها", "كهربونا", "شبحوه", "فلقوه", "الفلقة", "الصعق", "سلخوه",
            "سلخوني",
        ],
        "fr": [
            "torture", "torturée", "torturés", "maltraité", "maltraitée",
            "sévices", "tabassé", "tabassée", "électrocuté", "bastonnade", "falaqa",
        ],
        "en": [
            "torture", "tortured", "torturing", "mistreated", "mistreatment", "maltreatment",
            "maltreated", "electrocuted", "waterboarding", "falaka", "bastinado",
        ],
    },
    "disappearance": {
        "ar": [
            "مختفي", "اختفى", "اختطفوه", "اختطاف", "خطفوه", "مخطوف", "أخفوه", "مغيب", "المغيبين",
            "ختطفوه", "انخطف", "اختفائه",
        ],
        "fr": [
            "disparu", "disparue", "disparus", "kidnappé", "introuvable", "incommunicado",
        ],
        "en": [
            "disappeared", "abducted", "abduction", "incommunicado", "whereabouts", "vanished",
        ],
    },
    "detention_conditions": {
        "ar": [
            "اكتظاظ", "مكتظة", "الكاشو",
            "مع الكبار",
        ],
        "fr": [
            "surpopulation", "surpeuplement", "insalubre", "insalubrité", "cachot", "mitard",
            "parloir",
        ],
        "en": [
            "overcrowding", "overcrowded", "solitary",
        ],
    },
    "excessive_force": {
        "ar": [
            "خرطوش", "القناصة", "قناص", "الكريموجين", "لاكريموجين",
        ],
        "fr": [
            "lacrymogènes", "matraqué", "matraques", "bavure", "chevrotine",
        ],
        "en": [
            "batons", "truncheons", "birdshot",
        ],
    },
    "right_to_life": {
        "ar": [
            "قتلوه", "قتلوها", "قتلوهم", "اغتيال", "اغتالوه", "مقتل", "الإعدام", "إعدام", "أعدموه",
            "قتيل", "القتلى",
            "قتلته", "قتلها", "قتلى", "بالإعدام", "يحتضر", "اتوفى", "وفاته", "الوفاة", "جثته",
            "جثة", "بتصفيتي", "تصفيته", "تصفية",
        ],
        "fr": [
            "tué", "tuée", "tués", "assassiné", "extrajudiciaire", "homicide", "meurtre",
            "morte", "décédée", "corps", "morgue",
        ],
        "en": [
            "killed", "murdered", "extrajudicial", "killing", "killings",
            "dead", "deaths", "morgue",
        ],
    },
    "discrimination": {
        "ar": [
            "عنصرية", "عنصري", "طائفية", "تمييزية", "تمييزي",
            "العنصرية", "الطائفية",
            "تمييز", "التمييز", "تمييزا",
        ],
        "fr": [
            "discrimination", "discriminations", "discriminé", "discriminée", "discriminatoire",
            "racisme", "raciste", "xénophobie",
        ],
        "en": [
            "discrimination", "discriminated", "discriminatory", "racism", "racist", "xenophobia",
            "xenophobic",
        ],
    },
    "privacy": {
        "ar": [
            "الخصوصية", "التنصت", "التجسس", "يتجسسون",
            "يتنصتون", "تنصتوا", "يتجسس", "يراقبون", "يراقبوني",
        ],
        "fr": [
            "écoutes",
        ],
        "en": [
            "privacy", "surveillance", "wiretap", "wiretapped", "spyware",
        ],
    },
    "expression_assembly": {
        "ar": [
            "صحفي", "صحفية", "الصحفيين", "مدون", "المدونين", "ناشط", "ناشطة", "الناشطين", "مظاهرة",
            "مظاهرات", "التظاهر", "المتظاهرين", "متظاهرين", "اعتصام", "تغريدة", "تغريدات", "تدوينة",
            "تدوينات", "بوست", "نقابي",
            "المظاهرة", "المظاهرات", "الاعتصام", "المعتصمين", "معتصمين", "اعتصموا", "تظاهروا",
            "الصحفي", "الصحفية", "صحفيين", "صحفيا", "الصحافة", "التدوينة", "تغريدتي", "تغريداته",
            "مدونين", "الناشط", "الناشطة", "ناشطين", "النقابة", "النقابيين", "النقابية",
        ],
        "fr": [
            "blogueur", "militant", "militante", "Hirak",
            "manifestation", "manifestant", "manifestants", "syndicat", "syndicaliste",
            "manifestations", "syndical", "syndicale",
        ],
        "en": [
            "journalist", "journalists", "blogger", "activist", "activists", "protest", "protesters",
            "protestors",
            "demonstration", "demonstrators",
        ],
    },
    "women": {
        "ar": [
            "اغتصاب", "اغتصبوها", "اغتصبني", "تحرش", "معنفة", "سيداو", "يتحرش",
            "حامل", "حاملة", "حبلى", "الحوامل", "حوامل", "الحمل",
        ],
        "fr": [
            "violée", "excision", "féminicide", "CEDAW",
            "enceinte", "enceintes", "grossesse",
        ],
        "en": [
            "rape", "raped", "FGM", "CEDAW", "femicide",
            "pregnant", "pregnancy",
        ],
    },
    "children": {
        "ar": [
            "طفل", "أطفال", "الطفولة", "قاصر", "قاصرين", "قاصرات", "ياهل", "يهال", "عيل",
            "تلميذ", "تلاميذ", "رضيع", "رضع", "مراهق", "مراهقين",
        ],
        "fr": [
            "enfant", "enfants", "mineur", "mineure", "mineurs", "adolescent", "adolescente",
            "collégien", "lycéen", "écolier", "bébé", "nourrisson",
        ],
        "en": [
            "child", "children", "juvenile", "juveniles", "teenager", "teenage", "schoolboy",
            "schoolgirl", "underage", "baby", "infant", "pupil",
        ],
    },
    "disability": {
        "ar": [
            "إعاقة", "معاق", "معاقين", "المعوقين", "كفيف", "المكفوفين", "ضرير", "أعمى", "أصم", "أبكم",
            "مشلول", "شلل", "مبتور", "عكاز", "مكفوف",
            "الفصام", "الزهايمر", "زهايمر", "صماء", "مكفوفة", "معوق", "معوقة", "المعاقين", "الإعاقة",
            "إعاقته", "إعاقتها", "إعاقتي",
        ],
        "fr": [
            "handicap", "handicapé", "handicapée", "handicapés", "aveugle", "sourd", "sourde",
            "malvoyant", "paralysé", "paraplégique", "tétraplégique", "autiste", "trisomie", "amputé",
        ],
        "en": [
            "disability", "disabilities", "disabled", "wheelchair", "deaf", "blind", "paralysed",
            "paralyzed", "paraplegic", "amputee", "autism", "autistic", "psychosocial",
        ],
    },
    "older_persons": {
        "ar": [
            "مسن", "مسنة", "المسنين", "عجوز", "الشيخوخة", "متقاعد", "المتقاعدين", "شايب", "ختيار",
            "ختيارة", "شيباني", "شيبانية", "عزوزة",
        ],
        "fr": [
            "retraitée", "octogénaire", "septuagénaire", "nonagénaire", "vieillard",
        ],
        "en": [
            "elderly", "pensioner", "pensioners", "retiree", "octogenarian",
        ],
    },
    "migrants_trafficking": {
        "ar": [
            "لاجئ", "لاجئة", "لاجئين", "مهاجر", "مهاجرين", "مهاجرة", "الكفيل", "كفيلي", "الحراقة",
            "الحريك", "الوافدين",
            "الشغالة", "شغالة", "الخادمة", "خادمة",
        ],
        "fr": [
            "migrant", "migrants", "migrante", "réfugié", "réfugiée", "réfugiés", "sans-papiers",
            "harraga", "kafala", "clandestins",
        ],
        "en": [
            "migrant", "migrants", "refugee", "refugees", "asylum", "trafficked", "undocumented",
            "kafala", "housemaid",
        ],
    },
    "police_conduct": {
        "ar": [
            "رشوة", "الرشوة", "رشاوى", "برطيل", "الحكرة", "شتموني", "شتمني", "سبوني", "أهانوني",
            "مماطلة", "المماطلة", "تقاعس",
            "تأديبيا",
        ],
        "fr": [
            "bakchich", "hogra", "injurié",
        ],
        "en": [
            "bribe", "bribes", "bribery", "misconduct",
        ],
    },
    "property": {
        "ar": [
            "مصادرة", "صادروا", "نهبوا", "هدموا", "المضبوطات", "تعفيش", "عفشوا",
        ],
        "fr": [
            "confisqué", "confisquée", "confiscation", "démoli", "démolie", "démolition",
            "expropriation", "spoliation", "pillé", "fourrière",
        ],
        "en": [
            "confiscated", "confiscation", "demolished", "demolition", "looted", "expropriated",
            "impounded",
        ],
    },
}

# The SETTING of a category: words that alone say nothing about it (a police station is in most
# complaints) but that make an ambiguous word of the category enough. A blow in custody is
# torture, a blow in the street or at a protest excessive force, a death in custody a death the
# State answers for (`lexicon.CONTEXT_WEIGHT`). Matched like entries; never evidence alone.
_CUSTODY = {
    "ar": [
            "الحجز", "حجز", "القسم", "قسم الشرطة", "السجن", "سجن", "بالسجن", "التوقيف", "بالتوقيف",
            "الفرع", "بالفرع", "المخفر", "الزنزانة", "الزنازين", "المعتقل", "مركز الشرطة",
            "مركز الاحتجاز", "مراكز الاحتجاز", "أماكن الاحتجاز", "التحقيق", "الاستجواب", "المحقق",
            "المحققين", "الحراس", "الحارس", "السجان", "السجانين", "الكوميسارية", "الكوميساريا",
            "البوسطة", "البوستة", "الحبس", "فالحبس", "الإصلاحية", "إصلاحية", "مركز الإصلاح", "النظارة",
            "بالنظارة", "عالنظارة", "المباحث", "أمن الدولة", "الأمن الوطني", "المعتقلين", "المحتجزين",
            "السجناء", "النزلاء", "المساجين", "محتجز", "معتقل", "موقوف", "محبوس", "مسجون", "احتجازه",
            "اعتقاله", "توقيفه", "احتجازي", "اعتقالي", "توقيفي", "المركز الأمني", "الأمن العام",
            "الشرطة العسكرية", "مركز الترحيل", "مركز الإيواء", "فالكوميسارية", "الدائرة", "المقر",
            "الأحداث",
        "في المركز", "بالمركز", "المراكز الأمنية", "دار التوقيف",
    ],
    "fr": [
            "garde à vue", "commissariat", "au poste", "prison", "cellule", "détention", "détenu",
            "détenus", "gardien", "gardiens", "interrogatoire", "gendarmerie", "centre de détention",
            "centre de rétention", "maison d'arrêt", "pénitencier", "geôliers", "enquêteurs",
            "incarcéré",
    ],
    "en": [
            "custody", "detention", "detention centre", "detention center", "cell", "prison", "jail",
            "police station", "the station", "interrogation", "interrogator", "interrogators",
            "guards", "guard", "warden", "prison officers", "detained", "detainee", "detainees",
            "inmates", "prisoner", "prisoners", "lock-up", "holding cell", "military intelligence",
            "security service",
    ],
}
_STREET = {
    "ar": [
            "الشارع", "بالشارع", "فالشارع", "الطريق", "مظاهرة", "المظاهرة", "مظاهرات", "الوقفة",
            "وقفة", "الاحتجاج", "احتجاج", "احتجاجات", "المتظاهرين", "المحتجين", "الاعتصام", "المسيرة",
            "أثناء القبض", "عند القبض", "أثناء اعتقاله", "أثناء توقيفه", "الكمين", "الحاجز", "عالحاجز",
            "نقطة التفتيش", "الحملة", "المداهمة", "أمام الناس", "قدام الناس", "الملعب", "السوق",
            "الجمهور", "الحشود", "تفريق", "فض", "قوات مكافحة الشغب", "الأمن المركزي", "القوات الخاصة",
            "الدورية",
        "الحارة", "بالحارة", "الحي", "الزنقة", "فالزنقة", "الرصيف", "الموقف", "موقف", "البوابة",
        "الدوار", "عالدوار", "الميدان", "ميدان", "مسيرة", "اعتصام", "المعتصمين", "الإضراب",
        "المظاهرات", "التظاهرة", "تظاهرة", "الاستاد", "الماتش", "المباراة", "الجامعة", "أمام المبنى",
        "أمام مقر", "أمام الجميع", "قدام العباد", "أمام المارة", "المارة", "كمين", "حاجز",
        "نقطة تفتيش", "البنزينة", "محطة", "الطريق العام", "فضوا", "فرقوا", "حملة", "مداهمة", "داهمت",
        "داهموا", "الإخلاء", "إخلاء", "المخيم", "الشباب", "الناس", "أثناء القبض عليه", "القوى الأمنية",
        "قوات الأمن", "عناصر الأمن", "الجيش", "العسكر", "عساكر", "العساكر", "عسكري", "الجنود", "الدرك", "دركي",
        "الدركي", "البوليسية", "الشرطة البلدية", "الحرس البلدي", "الطابور", "طابور",
        "لما قبضوا عليه", "وقت القبض", "عند توقيفه", "أثناء توقيفي",
    ],
    "fr": [
            "la rue", "en pleine rue", "manifestation", "manifestants", "rassemblement", "sit-in",
            "marche", "interpellation", "lors de son arrestation", "lors de mon arrestation",
            "barrage", "contrôle", "la foule", "dispersé", "disperser", "patrouille", "stade",
            "devant tout le monde",
        "rue", "quartier", "place", "trottoir", "arrêt de bus", "cortège", "devant", "public",
        "militaires", "soldats", "forces de sécurité", "police municipale", "gendarmes",
        "arrestation", "expulsion", "évacuation", "campement",
    ],
    "en": [
            "the street", "in the street", "on the street", "protest", "protesters", "demonstration",
            "demonstrators", "rally", "crowd", "during the arrest", "during his arrest",
            "during my arrest", "when they arrested", "checkpoint", "raid", "patrol", "stadium",
            "market", "in public", "in front of everyone", "riot police", "dispersed", "sit-in",
            "march",
        "street", "square", "sidewalk", "bus stop", "roadblock", "in front of", "public", "arrest",
        "soldiers", "security forces", "municipal guards", "coast guard", "army", "queue",
        "arrested", "eviction", "camp", "neighbourhood", "neighborhood",
    ],
}
_POLICE = {
    "ar": [
        "الشرطة", "الشرطي", "شرطي", "القسم", "المخفر", "الظابط", "الضابط", "ظابط", "ضابط", "الأمين", "أمين الشرطة",
        "امين شرطه", "البوليس", "الكوميسارية", "الكوميساريا", "المركز", "مركز الشرطة", "مراكز الشرطة",
        "الحاكم", "العسكري", "الدورية", "النجدة", "المعاون", "رئيس المركز", "المباحث", "الأمن", "الكمين", "الحاجز",
        "البوسطة", "الجندرمة", "الدرك", "المحقق", "عناصر الأمن", "رجال الأمن", "الشرطيات", "شرطيات",
        "الضباط", "ضباط", "الظباط", "العساكر", "عساكر", "العسكر", "الجنود", "جنود", "عناصر", "العناصر",
        "الأجهزة", "المخابرات", "الجدارمية", "البوليسية", "البوليسي", "امناء شرطه",
        "الدركي", "دركي", "القوى الأمنية", "قوات الأمن", "الحرس",
        "عنصر الأمن", "عالحاجز", "عالمخفر", "عالقسم", "عالكمين", "المناوب", "الضابط المناوب", "المخزني",
        "المخازنية", "القايد", "دورية", "دورية المرور", "شرطة المرور", "إنفاذ القانون",
        "بإنفاذ القانون", "الموظفين المكلفين بإنفاذ القانون", "موظفي إنفاذ القانون",
    ],
    "fr": [
        "police", "policier", "policiers", "commissariat", "agent", "agents", "gendarmes", "gendarmerie",
        "officier", "brigadier", "poste de police", "gendarme", "militaires", "soldats", "forces de sécurité",
        "commissaire", "douaniers", "gardien",
        "forces de l'ordre", "agent de police", "policière", "flic", "flics", "la police",
    ],
    "en": [
        "police", "officer", "officers", "policeman", "policemen", "police station", "the station",
        "constable", "sergeant", "checkpoint", "soldiers", "security forces", "guards", "gendarmes",
        "border police", "coast guard", "militia",
        "law enforcement", "desk sergeant", "duty officer", "traffic police", "patrol", "cop", "cops",
    ],
}
# A woman or a girl as the person the complaint is about: what makes a blow, a threat or a
# marriage a matter of women's rights.
_WOMAN = {
    "ar": [
        "زوجتي", "مراتي", "مرتي", "مرتو", "مراته", "زوجته", "أختي", "ختي", "أختو", "بنتي", "ابنتي",
        "بنتو", "ابنته", "امرأة", "سيدة", "السيدة", "حرمة", "فتاة", "البنات", "بنات",
        "الفتيات", "النساء", "نساء", "الستات", "ستات", "المرأة", "أنا مطلقة", "أرملة",
        "الحامل", "أمي", "والدتي", "خالتي", "عمتي", "بنت عمي", "بنت خالي", "زوجها", "جوزها", "راجلها",
        "رجلها", "زوجي", "جوزي", "راجلي", "رجلي",
        "موظفة", "طالبة",
        "ناشطة", "صحفية", "محامية",
    ],
    "fr": [
        "ma femme", "ma sœur", "ma fille", "femme", "femmes", "fille", "filles", "mère", "épouse",
        "divorcée", "veuve", "jeune femme",
    ],
    "en": [
        "my wife", "my sister", "my daughter", "woman", "women", "girl", "girls", "mother",
        "female", "wife", "widow", "divorced",
    ],
}
_ARREST = {
    "ar": [
        "اعتقال", "اعتقلوني", "اعتقلوه", "اعتقلوها", "احتجاز", "احتجزوني", "احتجزوه", "محتجز", "توقيف",
        "أوقفوه", "موقوف", "اقتادوه", "اقتادوني", "مسكوني", "مسكوه", "خدوني", "خدوه", "حبسوني",
        "حبسوه", "اتقبض عليه", "اتمسك", "اتحبس", "محبوس", "شلوه", "شلوني", "بالتوقيف", "سجنوه",
        "شحطوه", "شحطوني", "لموني", "لموه", "حجزوني", "حجزوه", "بالنظارة", "عالنظارة", "شدوني", "شدوه",
        "شدوها", "هزوه", "هزوني", "رفدوه", "رفدوني", "يحتجز", "احتجزت", "احتجزوا", "احتجز", "اعتقل",
        "اعتقلت", "اعتقلوا", "مقبوض عليه", "حاجزينه", "حابسينو", "اتاخد", "اتاخدت", "اتقبض", "مسكوها",
        "مسكونا", "وقفوه", "وقفوني", "أوقفوني", "أوقفته", "أوقف", "أوقفت", "احتجزوها",
        "حبسوها", "سجنوني", "شداوه", "حكموه", "حكموني", "خذوه", "خذوني", "داوه", "داوني", "شالوه",
        "أخدوه", "أخذوه", "اقتيد", "اقتيادي", "انسجن", "انسجنت", "انحبس", "انحبست", "محجوز", "معتقل",
        "مسجون", "مقبوض", "موقوفين", "محتجزين", "المحتجز", "الموقوف", "في التوقيف", "في الحجز",
        "فالكوميسارية", "في الكوميسارية", "الحجز", "الاحتجاز", "التوقيف", "السجن", "الحبس",
    ],
    "fr": [
        "arrestation", "arrêté", "arrêtée", "interpellé", "interpellée", "interpellation",
        "emmené au commissariat", "conduit au commissariat", "embarqué par la police", "incarcéré",
        "écroué", "retenu au poste", "rétention", "retenu", "gardé", "maintenu", "emmené", "embarqué",
        "conduit au poste", "conduit au centre", "placé", "détenu", "détenue", "arrêtés",
        "interpellés", "emprisonné", "détention",
    ],
    "en": [
        "arrested", "detained", "detention", "jailed", "held at", "held in", "kept at", "kept in",
        "picked up", "custody", "imprisoned", "been held", "has been held", "have been held",
    ],
}
_JUSTICE = {
    "ar": [
        "المحامي", "محامي", "محاميه", "محاميها", "محامٍ", "بمحام", "موكلي", "موكلتي", "الموكل",
        "الدفاع", "النيابة", "وكيل النيابة", "وكيل الملك", "وكيل الجمهورية", "المدعي العام",
        "قاضي التحقيق", "القاضي", "قاضي", "قاض", "المحكمة", "الجلسة", "جلسة", "المحاكمة", "محاكمة",
        "القضية", "الحكم", "حكم عليه", "حكموا عليه", "اتحكم", "انحكم", "التهمة", "تهمته", "تهمتو",
        "التهم", "بالتهم", "متهم", "المتهم", "اتهام", "الاتهام", "المحضر", "محضر", "الضبط", "إفادتي",
        "إفادته", "الإفادة", "أقواله", "أقوالي", "الأقوال", "اعتراف", "الاعتراف", "اعترافات", "يعترف",
        "اعترف", "اعترفت", "الاستجواب", "استجوابه", "استجوابي", "التحقيق معه", "حققوا معه",
        "حققوا معاه", "الجنايات", "محكمة الجنايات", "الدائرة", "الاستئناف", "النقض", "الطعن", "الأدلة",
        "دليل", "الشهود", "الشاهد", "الملف", "ملف القضية", "ملفه", "الملف عند", "عرضوه",
    ],
    "fr": [
        "avocat", "son avocat", "mon avocat", "l'avocat", "mon client", "ma cliente", "la défense",
        "procureur", "parquet", "juge", "le juge", "tribunal", "audience", "procès", "condamné",
        "condamnation", "présenté", "présentée", "déféré", "accusé", "accusation", "charges",
        "procès-verbal", "PV", "signer", "signé", "aveux", "avouer", "interrogatoire", "audition",
        "auditionné", "juridiction", "appel", "cassation", "preuves", "témoins", "juge d'instruction",
    ],
    "en": [
        "lawyer", "lawyers", "attorney", "counsel", "my client", "our client", "defence", "defense",
        "prosecutor", "prosecution", "judge", "court", "hearing", "trial", "tried", "sentenced",
        "convicted", "charge", "charges", "charged", "accused", "statement", "sign", "signed",
        "confession", "confess", "confessions", "interrogation", "questioned", "interrogated",
        "appeal", "evidence", "witnesses", "public prosecution", "case file", "legal counsel",
    ],
}
_BELONGINGS = {
    "ar": [
        "فلوسي", "الفلوس", "فلوس", "المصاري", "مصاري", "النقود", "نقودي", "المبلغ", "مبلغ", "الدهب",
        "الذهب", "ذهبي", "دهبي", "الموبايل", "الموبايلات", "التليفونات", "التلفون", "تلفوني", "الهاتف",
        "هاتفي", "هاتفه", "جوالي", "الجوال", "لابتوب", "اللابتوب", "الحاسوب", "الكاميرا", "السيارة",
        "سيارتي", "العربية", "عربيتي", "الطوموبيل", "الموتور", "الرخصة", "البضاعة", "بضاعتي", "السلعة",
        "سلعتي", "الكشك", "المحل", "محلي", "الخيام", "الخيمة", "خيمتنا", "البراكة", "الكاشات", "الدار",
        "البيت", "بيتنا", "منزلنا", "الشقة", "أغراضنا", "الأغراض", "الحوايج", "حوايجنا", "العفش",
        "الأثاث", "أثاث", "فرش", "الفراش", "الأرض", "أرضي", "أرضنا", "الشجر", "السور", "إيصال", "وصل",
        "الأمانات", "أماناتي", "حسابي", "الممتلكات", "ممتلكاتي", "ممتلكاته", "أغراضه", "أغراضي",
        "مقتنياته", "مقتنياتي", "سند ملكية", "ملكية", "الملكية", "تعويض", "التعويض",
        "في الحجز", "بالحجز",
    ],
    "fr": [
        "argent", "mon argent", "téléphone", "ordinateur", "caméra", "caméras", "voiture", "véhicule",
        "marchandise", "commerce", "boutique", "maison", "logement", "meubles", "affaires", "terrain",
        "terre", "récépissé", "compte", "propriété", "titre de propriété", "indemnisation",
    ],
    "en": [
        "money", "cash", "dollars", "phone", "phones", "laptop", "camera", "cameras", "car", "vehicle",
        "goods", "shop", "stall", "house", "home", "tents", "generators", "water tanks", "furniture",
        "belongings", "land", "receipt", "account", "compensation", "merchandise", "cart",
    ],
}
# Taken or held by the authorities: the setting of arbitrary detention plus the verbs of taking.
_TAKEN = {
    "ar": [
        "يحققوا معه", "عم يحققوا مع", "يحققون معه", "يحققوا مع", "حققوا معه", "انسجن", "انسجنت", "سجنوه",
        "أخدوه", "أخذوه", "خدوه", "خذوه", "شالوه", "داوه", "شدوه", "اقتادوه", "اقتادته", "اقتيد",
        "مسكوا", "مسكو", "قبضوا", "قبض على", "قبضوا على", "القبض عليه", "اتقبض عليه", "اتاخد", "اتاخدت",
        "اعتقلوا", "اعتقلت", "اعتقل", "أوقفوا", "أوقفت", "وقفوه", "حكموه", "هزوه", "جابوه", "شحطوه",
        "أخدوا", "أخذوا", "خداوه", "شد", "حطوه", "حطوني", "خلاوه", "خلّوه", "أبقوه", "تركوه",
    ],
    "fr": [
        "arrêté", "arrêtée", "arrêtés", "interpellé", "interpellée", "emmené", "emmenée", "embarqué",
        "embarquée", "emprisonné", "incarcéré", "placé en garde à vue", "garde à vue", "détenu", "détenue",
        "prison", "en prison", "enlevé", "retenu", "retenue", "gardé", "maintenu",
    ],
    "en": [
        "arrested", "detained", "taken", "took him", "took her", "took my", "picked up", "held", "jailed",
        "imprisoned", "in prison", "in custody", "locked up", "kept", "seized", "abducted", "taken away",
    ],
}
# Places alone (الحجز، السجن، prison) say where someone is, not that they were taken.
_PLACES = {"الحجز", "الاحتجاز", "التوقيف", "السجن", "الحبس", "فالكوميسارية", "في الكوميسارية", "في التوقيف",
           "في الحجز", "بالتوقيف", "بالنظارة", "عالنظارة", "détention", "custody", "detention"}
_ARRESTED = {lang: [entry for entry in dict.fromkeys(_ARREST[lang] + _TAKEN[lang]) if entry not in _PLACES]
             for lang in _TAKEN}
_DISPERSED = {
    "ar": [
        "الغاز", "غاز", "مسيل", "المسيل", "المسيلة", "القنابل المسيلة", "قنابل الغاز", "الهراوات", "بالهراوات",
        "بالعصي", "بالعصيان", "بالماتراك", "بالزرواطة", "الرصاص المطاطي", "رصاص مطاطي", "رصاص مطاط", "فض", "فضوا",
        "فرقوا", "ففرقتنا", "تفريق", "قوات مكافحة الشغب", "الأمن المركزي", "استخدام القوة", "القوة المفرطة",
        "الأسلحة النارية", "أطلقوا النار", "طخوا", "طخت", "رشوا",
    ],
    "fr": [
        "gaz lacrymogène", "gaz lacrymogènes", "lacrymogènes", "matraque", "matraques", "balles en caoutchouc",
        "dispersé", "dispersée", "disperser", "dispersion", "recours à la force", "usage de la force",
        "force excessive", "tiré", "tirs",
    ],
    "en": [
        "tear gas", "batons", "rubber bullets", "dispersed", "disperse", "dispersal", "use of force",
        "excessive force", "fired", "firearms", "riot police", "water cannon",
    ],
}
_ARRESTED_OR_DISPERSED = {lang: list(dict.fromkeys(_ARRESTED[lang] + _DISPERSED[lang])) for lang in _ARRESTED}
CATEGORY_CONTEXT: dict[str, dict[str, list[str]]] = {
    "property": _BELONGINGS,
    "due_process": _JUSTICE,
    "arbitrary_detention": _ARREST,
    "police_conduct": _POLICE,
    "women": _WOMAN,
    "torture": _CUSTODY,
    "right_to_life": _CUSTODY,
    # detention_conditions has no setting adding weight: with it any one weak word (the food, a
    # doctor, a visit) was enough. Custody only gates its weak words (WEAK_NEEDS_SETTING).
    "excessive_force": _STREET,
    # An arrest makes a protest, a post or a song the reason someone was taken; force against a
    # gathering makes it a protest dispersed.
    "expression_assembly": _ARRESTED_OR_DISPERSED,
}


# Phrases that, although longer than one word, are not enough alone (SINGLE_WEIGHT): facts
# every complaint about custody states ("garde à vue", police custody, الحبس الاحتياطي) say
# that a person was held, not that the holding was arbitrary.
WEAK_TERMS: dict[str, dict[str, list[str]]] = {
    "detention_conditions": {
        "ar": [
            # health care is a detainee's right, and everyone's: it needs the setting of custody
            "الرعاية الصحية", "الرعاية الطبية", "الخدمات الصحية", "الحصول على الرعاية",
            "العلاج الطبي",
        ],
        "fr": [
            "soins de santé",
        ],
        "en": [
            "access to health care", "health care", "healthcare",
        ],
    },
    "due_process": {
        "ar": [
            # time limits of custody, guardians, special courts: facts of a procedure, not yet its violation
            "أكثر من 24 ساعة", "48 ساعة", "24 ساعة", "خلال أربع وعشرين ساعة", "أربع وعشرين ساعة",
            "ثمان وأربعين ساعة", "يعرض على", "عرضه على", "ولي أمره", "ولي أمر", "القضاء العسكري",
            "أمن الدولة", "نيابة أمن الدولة", "قانون الإرهاب",
        ],
        "fr": [
        ],
        "en": [
        ],
    },
    "police_conduct": {
        "ar": [
            # laughter, nothing done: misconduct at a station or a checkpoint
            "يضحك", "يضحكون", "ويضحك", "ضحكوا", "يتفرجوا", "يماطل",
            "لم يتحرك أحد", "ما حدا تحرك", "محدش اتحرك", "ولم يحركوا",
        ],
        "fr": [
            "ricanaient", "rigolaient", "se moquaient",
        ],
        "en": [
            "laughed", "laughing", "joked",
            "case number",
        ],
    },
    # Social media is where a post was published, and where private photos are leaked.
    "expression_assembly": {
        "ar": ["وسائل التواصل الاجتماعي", "مواقع التواصل", "منصات التواصل", "وسائل التواصل"],
        "fr": ["réseaux sociaux"],
        "en": ["social media"],
    },
    # Signs that someone was taken by officials or is out of contact, not yet that the authorities
    # hide them (the urgency signal "no_contact" says the same, see SIGNAL_CATEGORIES).
    "disappearance": {
        "ar": [
            "سيارة بدون أرقام", "عربية من غير نمر", "سألنا في الأقسام", "لفينا كل الأقسام",
            "لفينا عليه الأقسام", "ما رجع البيت", "لم يعد إلى المنزل", "مفقود", "سألنا بكل المراكز",
        ],
        "fr": ["cherché dans les commissariats", "on le cherche partout", "emmené par des inconnus", "enlevé"],
        "en": ["every police station", "never came back", "missing", "taken away by"],
    },
    "arbitrary_detention": {
        "ar": [
            "الحبس الاحتياطي", "الحراسة النظرية", "الحبس المؤقت", "الإيقاف التحفظي", "رهن الاعتقال",
            "الاعتقال الاحتياطي", "الاحتجاز الاحتياطي", "قبض على", "القبض على", "القبض عليه",
            "قبض عليه", "ألقي القبض", "تم القبض", "قبضوا عليه", "قبضوا علي", "الإيداع بالسجن",
            "الحرمان من الحرية", "سلب الحرية", "حرمانه من حريته", "سلب حريته", "المحرومين من حريتهم",
            "أماكن الحرمان من الحرية",
            # A release, an acquittal, a missing warrant: arbitrary when a detention goes with it
            "حكم ببراءته", "حكم البراءة", "إخلاء سبيله", "إخلاء سبيل", "الإفراج عنه",
            "الإفراج عنهم", "طلع براءة", "أخذ براءة", "بلا إذن", "بدون إذن", "من غير إذن",
            "دون إذن", "بلا ورقة", "بدون مذكرة", "دون مذكرة", "من غير مذكرة", "بلا مذكرة",
            "بدون أمر", "دون أمر", "من غير ورق", "بشكل عشوائي", "عشوائيا", "بقرار إداري",
            "بدون إذن النيابة", "من غير إذن النيابة", "من غير اذن نيابة", "بلا إذن من النيابة",
            "دون إذن من النيابة", "بدون إذن من النيابة", "دون إذن النيابة", "دون أمر من النيابة",
            "دون أي إذن", "بدون أي إذن", "قرار إخلاء سبيل", "قرار إخلاء سبيله",
            # no reason given or a pretext (arbitrary once someone was taken)
            "يقول لنا ليش", "يقولنا ليه", "يقولوا لنا ليش", "قالولنا ليه", "ما نعرف ليش",
            "منعرفش ليه", "ما بنعرف ليش", "ما عرفناش علاش", "ما نعرفوش علاش", "لا نعرف لماذا",
            "لا نعرف السبب", "لم يخبرونا بالسبب", "دون ذكر السبب", "دون توضيح", "دون أي تفسير",
            "بلا تفسير", "بحجة", "بدعوى",
            "عدم حمل", "بدون هوية", "بلا أوراق", "بسبب خلاف",
        ],
        "fr": [
            "garde à vue", "détention provisoire", "détention préventive", "placé en détention",
            "mandat de dépôt", "privation de liberté", "privé de liberté", "privés de liberté",
            "sans mandat", "sans aucun mandat", "pas de mandat", "aucun mandat", "acquitté",
            "mise en liberté",
            "sans explication", "sans aucune explication", "sans nous dire pourquoi",
            "ne savons pas pourquoi", "on ne sait pas pourquoi", "sous prétexte",
            "sans papiers d'identité",
        ],
        "en": [
            "police custody", "taken into custody", "pre-trial detention", "pretrial detention",
            "kept in custody", "locked up", "deprivation of liberty", "deprived of liberty",
            "deprived of their liberty",
            "served his sentence", "completed his sentence", "acquitted", "after his acquittal",
            "release order", "without a warrant", "no warrant", "without showing a warrant",
            "without any warrant", "showed no warrant",
            "no idea why", "don't know why", "do not know why", "didn't tell us why",
            "without telling us why", "without explanation", "without any explanation",
            "under the pretext", "on the pretext", "no ID",
        ],
    },
    "movement": {
        "ar": [
            "جواز السفر", "جواز سفري", "جواز سفرها", "جواز سفره", "تجديد جواز", "تجديد جواز سفري",
            "رفض تجديد جواز السفر", "وثائق السفر", "وثيقة سفر", "تجديد جوازه", "إصدار جواز",
            "جواز سفر", "تجديد جواز السفر",
        ],
        "fr": [
        ],
        "en": [
            "residence permit", "travel document", "passport renewal",
        ],
    },
    "migrants_trafficking": {
        "ar": [
            "تجديد الإقامة", "انتهاء الإقامة", "إقامة منتهية", "تصريح الإقامة", "بطاقة الإقامة",
            "الإقامة منتهية", "الإقامة خالصة", "ما عندي إقامة", "الإقامة انتهت", "جواز السفر",
            "جواز سفري",
            "جوازات سفرهم", "جوازات سفرهن",
        ],
        "fr": [
        ],
        "en": [
            "residence permit", "work permit", "residency permit",
            "kept my passport", "withheld my passport",
        ],
    },
    "children": {
        "ar": [
            "شهادة الميلاد", "شهادة ميلاد", "تسجيل المولود", "تسجيل المواليد",
        ],
        "fr": [
            "acte de naissance",
        ],
        "en": [
            "birth certificate", "birth registration",
        ],
    },
}

# Words that are evidence of a category only in its setting (CATEGORY_CONTEXT): a blow or a
# push is torture in custody, excessive force in the street or at a protest, and nothing the
# lexicon can tell alone (a brother, a neighbour, a husband). Weak (SINGLE_WEIGHT) once in it.
BOUND_TERMS: dict[str, dict[str, list[str]]] = {
    "torture": {
        "ar": [
            "يضربونه", "يضربوه", "بيضربوه", "بيضربوهم", "بيضربونا", "يضربوهم", "يضرب فيه",
            "يضربوا فيه", "يضربو فيه", "عم يضربوه", "كيضربوه", "يُضرب", "ويضرب", "ضربوه", "ضربوني",
            "ضربوها", "ضربونا", "ضربوهم", "ضربه", "ضربني", "يضربوا", "يضربون", "بيضربوا", "صفعه",
            "يصفع", "صفعني", "لطمه", "ركلوه", "رفسوه", "يرفسون", "رفسوني", "دعس", "داس", "اتضرب",
            "خبطوني", "خبطوه", "طقوه", "طقوني", "يطقونه", "كفخوه", "كفخوني", "لطموه", "صفعوه",
            "صفعوني", "لطشوه", "لطشوني", "نفخوه", "نفخوني", "فشخوه", "طريحة", "تعداو عليه",
            "تعداو عليا", "اعتدوا عليه", "اعتدى", "الاعتداء", "اعتداء", "كدمات", "زرقا", "آثار",
            "علامات",
        ],
        "fr": [
            "frappé", "frappée", "frappés", "battu", "battus", "giflé", "gifles", "coups de pied",
            "coups de poing", "violenté", "bleus", "traces", "ecchymoses",
        ],
        "en": [
            "beaten", "beat me", "beat him", "beating", "beatings", "kicked", "punched", "slapped",
            "beat her", "beat us", "beat my", "hit me", "hit him", "assaulted him", "assaulted me",
            "bruises", "bruised", "beat",
        ],
    },
    "excessive_force": {
        "ar": [
            "ضربوه", "ضربوني", "ضربوها", "ضربونا", "ضربوهم", "ضربوا", "ضرب", "ضربه", "ضربني", "يضربوا",
            "يضربون", "بيضربوا", "زقوه", "زقه", "زقني", "زقوها", "دفعوه", "دفعه", "دفعها", "دفعني",
            "دفعوني", "رموه", "رماني", "رمته", "رمتهم", "رموها", "سحلوه", "سحبوه", "سحبتهم",
            "شدني من شعري", "شدها من شعرها", "صفعه", "يصفع", "صفعني", "لطمه", "ركلوه", "رفسوه",
            "يرفسون", "رفسوني", "هجموا", "هجمو", "هجمت", "انهالوا", "طاحوا فيه", "بالعصي", "بالعصا",
            "بالعصيان", "بالشومه", "بالشوم", "بالماتراك", "بالزرواطة", "بالزراويط", "بالهراوات",
            "بالهراوة", "بالعصاية", "بالبونية", "ضرب نار", "طخ", "الغاز", "غاز", "مسيل الدموع",
            "المسيل", "المسيلة", "القنابل المسيلة", "قنابل الغاز", "رشوا", "رش", "رصاص مطاطي",
            "قنابل صوتية", "انكسر", "انكسرت", "اتكسرت", "كسروا", "فقد عينه", "فقدت عيني", "انصاب",
            "أصيب", "إصابة", "جرحى", "مصابين", "نزف", "تنزف",
            "بكعب البندقية",
        ],
        "fr": [
            "frappé", "frappés", "frappée", "poussé", "poussée", "bousculé", "giflé", "tabassé",
            "traîné", "plaqué", "coups", "coups de pied", "jeté à terre", "blessé", "blessés",
            "blessée", "menotté",
            "coups de matraque",
        ],
        "en": [
            "beat", "beaten", "hit", "pushed", "shoved", "slapped", "kicked", "punched", "dragged",
            "injured", "wounded", "broken", "handcuffed", "pinned",
        ],
    },
}

# Categories whose ambiguous single words are, on the project's labelled demo narratives
# (`mizan/complaints/demo/narratives.json`, not the evaluation set), right often enough to be
# suggested alone: their threshold is SINGLE_WEIGHT's score (0.45) instead of THRESHOLD. On the
# 280 narratives, thresholds 0.45 and 0.5 compared per category: discrimination F1 0.69 → 0.80
# at 0.45 (P 0.75, R 0.86); every other category lost F1 or stayed equal, and keeps 0.5.
CATEGORY_THRESHOLDS: dict[str, float] = {"discrimination": 0.45}

# Phrases in which a word of the category has another meaning (OTHER_MEANINGS: the words inside
# say nothing of it) or only names a relative or a title (PASSING_MENTIONS: weak evidence,
# whatever the strength of the word inside). Matched like entries; where one matches, it wins
# over every entry of that category it overlaps. The guidelines' hard cases: custody of a child
# in a divorce is not a child's rights violation, "the wait is killing me" is not a killing, a
# debt (دين) is not a religion; "my children" are most often the complainant's family, not the
# subject — they still count with a second piece of evidence (an age, a school, a detention).
OTHER_MEANINGS: dict[str, dict[str, list[str]]] = {
    "detention_conditions": {
        "ar": ["تأشيرة زيارة", "لتأشيرة زيارة", "فيزا زيارة", "تأشيرة الزيارة", "زيارة عائلية انتهت"],
        "fr": ["visa de visite", "visa touristique"],
        "en": ["visit visa", "tourist visa", "visitor visa"],
    },
    "right_to_life": {
        "ar": [
            "قتلني الانتظار", "قتلنا الانتظار", "قاتلني الانتظار", "موت الانتظار", "قتلتني البيروقراطية",
            "ذبحني الانتظار", "موتونا بالانتظار", "موتوني بالانتظار",
        ],
        "fr": ["l'attente me tue", "ça me tue", "mort de rire", "mort de fatigue"],
        "en": ["the wait is killing me", "the waiting is killing", "killing me", "dead tired", "dying to"],
    },
    "torture": {
        "ar": ["تعذيب حقيقي", "عذاب حقيقي", "عذاب الانتظار", "تعذيب نفسي للمراجعين"],
        "fr": ["une vraie torture", "un vrai supplice"],
        "en": ["real torture", "sheer torture", "absolute torture"],
    },
    "discrimination": {
        "ar": ["بسبب دين", "بسبب الدين", "بسبب ديون", "سداد الدين", "سداد دين", "دين تجاري", "الدين المستحق"],
        "fr": [],
        "en": [],
    },
    "children": {
        "ar": [
            "حضانة أطفالي", "حضانة طفلي", "حضانة الأطفال", "حضانة أولادي", "حضانة ولادي", "حضانة عيالي",
            "حضانة طفليّ", "بحضانة طفلي", "حكم بحضانة", "حكم الحضانة", "الحضانة والرؤية", "رؤية الأطفال",
            "منذ طفولته", "منذ طفولتي", "منذ الطفولة", "منذ صغره", "من صغره",
        ],
        "fr": [
            "la garde de mes enfants", "garde des enfants", "droit de visite et d'hébergement",
            "depuis son enfance", "depuis l'enfance",
        ],
        "en": ["custody of my children", "custody of the children",
               "child custody", "custody of my son", "custody of my daughter", "visitation schedule",
               "since childhood", "since his childhood"],
    },
}
PASSING_MENTIONS: dict[str, dict[str, list[str]]] = {
    "children": {
        "ar": [
            "أطفالي", "أطفاله", "أطفالها", "أطفالنا", "أطفالهم", "وأطفالي", "وأطفاله", "وأطفالها",
            "وأطفالنا", "طفليّ", "طفلاي", "طفلاه", "أم لثلاثة أطفال", "أب لثلاثة أطفال",
            "قدام الدراري", "قدام عيالي", "قدام ولادي", "أمام أطفالي", "قدام العيال", "تاع الدراري",
            "ديال الدراري", "عيالي", "عيالى", "ولادي", "أولادي", "لعيالي",
        ],
        "fr": ["mes enfants", "ses enfants", "nos enfants", "leurs enfants", "nos deux enfants",
               "mes deux enfants", "ses deux enfants", "devant mes enfants"],
        "en": ["my children", "his children", "her children", "our children", "their children",
               "my kids", "my two children", "our two children", "in front of my children",
               "in front of the kids", "in front of the children"],
    },
}

# Settings the rules of IMPLIED_CATEGORIES read (not categories, never evidence alone).
_CONFESSION = {
    "ar": [
        "اعتراف", "الاعتراف", "اعترافات", "الاعترافات", "يعترف", "ليعترف", "باش يعترف", "عشان يعترف",
        "بتعترف", "تعترف", "اعترفت", "اعترف", "يعترفوا", "إفادة", "أقوال", "وقع على", "وقعت على", "يوقع على",
        "وقعوه", "وقعوني", "التوقيع", "يمضي", "امضى", "بصم", "بصموه", "ينتزع", "انتزاع", "منتزعة",
    ],
    "fr": ["avouer", "aveux", "aveu", "faire avouer", "signer", "signé", "confession"],
    "en": ["confess", "confession", "confessions", "confessed", "to sign", "signed", "agreed to say",
           "admit"],
}
_OFFICIALS = {lang: list(dict.fromkeys(_POLICE[lang] + _CUSTODY[lang])) for lang in _POLICE}
# A threat (not a blow): misconduct when an officer makes it.
_THREAT = {
    "ar": [
        "هدد", "هددني", "هددنا", "هدده", "هددها", "هددوه", "هددوني", "هددونا", "هددوها", "يهدد", "يهددني",
        "يهدده", "يهددها", "يهددنا", "يهددون", "يهددونه", "يهددوني", "بيهدده", "بيهددني", "بيهددنى", "بيهددنا",
        "عم يهددوني", "كيهددني", "كيهددوني", "تهديد", "تهديدات", "التهديد", "توعد", "توعده", "توعدني",
        "وإلا", "ولا هنكمل", "لو مجاش", "لو ما", "إذا ما", "هلبسك", "هنلبسك", "سيلفق", "سيعتقل", "هيحبسك",
        "بيحبسك", "بنحبسك", "نشدوكم", "بسلمك", "بسلّمك",
    ],
    "fr": ["menacé", "menacée", "menace", "menaces", "menaçant", "menacer", "sinon", "intimidé", "intimidation"],
    "en": ["threatened", "threatening", "threat", "threats", "or else", "intimidated", "intimidation"],
}
# Touching, remarks on the body, advances: harassment when an officer does it.
_HARASSMENT = {
    "ar": [
        "يحسس", "حسس", "يتحسس", "يلمسني", "لمسني", "يلمسها", "لمسها", "لمس جسدي", "يعلقون على جسدي",
        "تحرش", "يتحرش", "بيتحرش", "اتحرش", "تحرشوا", "يتحرشون", "بيدخل عليها", "يدخل عليها", "يراسلني",
        "بيكلمنى بالليل", "يكلمني بالليل", "تطلعي معي", "بتطلعي معي", "تنامي معي", "شفتج", "زينة",
        "تفتيشا جسديا", "تفتيش جسدي", "فتشني", "فتشتني", "هدومها الداخلية", "ملابسها الداخلية",
    ],
    "fr": ["touchée", "attouchements", "tripotée", "harcelée", "harcèlement", "avances", "palpée", "fouille au corps"],
    "en": ["touched her", "touched me", "groped", "harassed", "harassing", "advances", "body search",
           "messaging me", "comments about my body"],
}
# Private people as the authors of a blow or of harassment: a husband, a neighbour, an employer.
# A complaint about them reaches the police, but the blow is not torture nor excessive force.
_PRIVATE_ACTORS = {
    "ar": [
        "زوجي", "جوزي", "زوجها", "جوزها", "راجلها", "راجلي", "رجلها", "طليقي", "طليقها", "أبوي", "أبويا",
        "خطيبي", "خطيبها", "الجيران", "جيراننا", "جارنا", "جاري", "ابن الجيران", "ولد الجيران", "كفيلي",
        "الكفيل", "كفيلها", "صاحب العمل", "صاحبة العمل", "صاحبة المنزل", "صاحب البيت", "مدام", "المدام",
        "المعلم", "المدرس", "الأستاذ", "صاحب الورشة", "المدير", "مديري", "واحد",
        "واحد منهم", "زملائه", "قريب", "أحد أقاربي", "حماتي", "أمو",
    ],
    "fr": [
        "mon mari", "son mari", "mon ex-mari", "mon père", "le voisin", "des voisins", "voisin", "voisins",
        "l'employeur", "mon employeur", "madame", "patron", "un proche",
    ],
    "en": [
        "my husband", "her husband", "my father", "a relative", "neighbour", "neighbours", "neighbor",
        "neighbors", "employer", "madam", "sponsor", "teacher", "boss",
    ],
}
# Touching a person's body: sexual violence, torture when an official does it to someone held.
_TOUCHING = {
    "ar": ["يحسس", "حسس", "يتحسس", "يلمسني", "لمسني", "يلمسها", "لمسها", "لمس جسدي", "لمس جسمي", "مسك جسمي",
           "يعلقون على جسدي", "يعتدي عليها", "اعتدى عليها", "يعتدي عليهن", "بيدخل عليها", "يدخل عليها"],
    "fr": ["touchée", "attouchements", "tripotée", "palpée", "touché son corps", "touché mon corps"],
    "en": ["touched her", "touched me", "touched my", "groped", "fondled"],
}
# What a text that is not a complaint says: an invitation, the logistics of a meeting, a request
# for information or documents, research. In such a text a category word is a topic, not an
# event: one word alone suggests nothing (see `lexicon.NOT_A_COMPLAINT_CAP`).
_NOT_A_COMPLAINT = {
    "ar": [
        "دعوتكم لحضور", "يسرنا دعوتكم", "يسر الأمانة", "نرجو تأكيد الحضور", "تأكيد الحضور", "تأكيد المشاركة",
        "حجز الغرف", "الغرف الفندقية", "قاعة المؤتمرات", "جدول الأعمال", "ورشة العمل", "لورشة العمل",
        "الدورة التدريبية", "دورة تدريبية", "أسماء المشاركين", "الاجتماع التنسيقي", "أرغب في الحصول على",
        "أود الحصول على", "الحصول على التقارير", "التقارير السنوية", "أعد بحثا", "رسالة ماجستير",
        "طالب ماجستير", "طالبة ماجستير", "أطروحة دكتوراه", "كيف أحجز", "كيف أحجز موعدا", "أرجو الإفادة",
        "ما هي الأوراق المطلوبة", "الأوراق المطلوبة", "ايه الورق المطلوب", "ازاى اطلع",
        "إزاي أطلع", "كيف أطلع", "كيف أستخرج", "ساعات العمل", "مواعيد العمل", "أوقات الدوام", "شكرا على",
        "شكرا لكم على", "نشكركم على",
    ],
    "fr": [
        "confirmer votre présence", "confirmer votre participation", "ordre du jour", "atelier de formation",
        "session de formation", "je souhaite obtenir", "à qui dois-je m'adresser", "quels documents",
        "horaires d'ouverture", "merci pour votre aide", "mémoire de master",
    ],
    "en": [
        "confirm attendance", "confirm your attendance", "rsvp", "training workshop", "training session",
        "the agenda", "hotel rooms", "need advice on", "how can i get",
        "how do i get", "opening hours", "office hours", "thank you for your help", "master's thesis",
        "charity run", "awareness campaign", "awareness day",
    ],
}
# A veil, a headscarf, an abaya: a woman's dress, the reason she is refused or taken.
_VEIL = {
    "ar": ["حجاب", "الحجاب", "حجابها", "حجابي", "محجبة", "محجبات", "النقاب", "نقاب", "منقبة", "عباية", "العباية",
           "عبايتي", "عبايتها", "الخمار", "خمار", "الطرحة", "طرحة"],
    "fr": ["voile", "voilée", "voilées", "foulard", "hijab", "niqab", "burkini"],
    "en": ["veil", "veiled", "headscarf", "hijab", "niqab", "abaya"],
}
# Officers themselves (not their stations, not interrogators): who makes a threat misconduct.
_OFFICERS = {
    "ar": [
        "الشرطي", "شرطي", "الظابط", "الضابط", "ظابط", "ضابط", "الضباط", "ضباط", "أمين الشرطة", "أمين شرطة",
        "امين شرطه", "الأمين", "البوليس", "البوليسي", "البوليسية", "العسكري", "عسكري", "العساكر", "الدركي",
        "دركي", "الجدارمية", "الحاكم", "المعاون", "رئيس المركز", "المباحث", "الأمن الوطني", "أمن الدولة",
        "رجال الأمن", "عناصر الأمن", "عنصر", "العنصر", "الدورية", "الشرطة", "الشرطيات",
    ],
    "fr": ["policier", "policiers", "gendarme", "gendarmes", "agent", "agents", "officier", "commissaire", "la police"],
    "en": ["officer", "officers", "policeman", "policemen", "the police", "soldier", "soldiers", "guard"],
}
# A law, a recommendation, a policy: urgent for no one (see `lexicon.detect_urgency`).
_NORMATIVE = {
    "ar": [
        "توصي اللجنة", "تحث اللجنة", "يساور اللجنة", "تعرب اللجنة", "تشجع اللجنة", "تأسف اللجنة", "تلاحظ اللجنة",
        "الدولة الطرف", "ينبغي للدولة", "يُعاقب", "يعاقب بالسجن", "يعاقب بالحبس", "يُحظر على", "تلتزم الدولة",
        "النظر في التصديق", "اعتماد استراتيجية", "تعزيز تدريب", "يُعد مرتكبا", "يعد مرتكبا", "يجرم", "يُجرّم",
        "وفقا للمادة", "تنص المادة", "بموجب المادة", "لا يجوز", "يحظر", "يُحظر", "يمنع استعمال",
    ],
    "fr": ["l'État partie", "État partie", "Le Comité recommande", "Le Comité exhorte", "Le Comité",
           "recommande à l'État"],
    "en": ["State party", "The Committee recommends", "The Committee urges", "The Committee",
           "recommends that the State"],
}
# Someone died (a death in custody when custody is named beside it).
_DEATH = {
    "ar": ["مات", "ماتت", "توفي", "توفى", "توفيت", "وفاته", "وفاة", "قتل", "قُتل", "استشهد", "لقيناه ميت", "جثته",
           "الجثة", "جثمان", "جثمانه", "المتوفى"],
    "fr": ["mort", "morte", "décédé", "décédée", "décès", "tué", "corps", "cadavre"],
    "en": ["died", "dead", "death", "killed", "body"],
}
# Held in a place of detention (not "القسم" or "المركز" alone: a class, a centre).
_HELD = {
    "ar": [
        "في الحجز", "بالحجز", "فى الحجز", "في التوقيف", "بالتوقيف", "بالنظارة", "في النظارة", "عالنظارة", "في السجن",
        "بالسجن", "فالحبس", "في الحبس", "الإصلاحية", "الاصلاحيه", "الأحداث", "فالكوميسارية", "في الكوميسارية",
        "محتجز", "محتجزة", "موقوف", "موقوفة", "معتقل", "معتقلة", "محبوس", "محبوسة", "مسجون", "مسجونة",
        "مركز الشرطة", "قسم الشرطة", "مخفر", "المخفر", "مركز الاحتجاز", "مركز احتجاز", "مركز الترحيل",
    ],
    "fr": ["en détention", "détenu", "détenue", "en garde à vue", "garde à vue", "en prison", "au commissariat",
           "au poste", "centre de rétention", "incarcéré", "incarcérée"],
    "en": ["in detention", "detained", "in custody", "in prison", "in jail", "police station", "at the station",
           "detention centre", "detention center", "locked up", "held"],
}
# A complaint or a report being filed, taken or written down (what an officer refuses or puts off).
_REPORT = {
    "ar": [
        "محضر", "المحضر", "محضرا", "المحاضر", "بلاغ", "البلاغ", "بلاغي", "بلاغا", "بلاغنا", "البلاغات", "شكوى",
        "الشكوى", "شكواي", "شكوتي", "شكوانا", "شكاوى", "الشكاوى", "شكاية", "الشكاية", "شكايتي", "شكايات",
        "إفادتي", "أقوالي", "ضبط", "الضبط", "للإبلاغ", "الإبلاغ", "أبلغ", "نبلغ", "أبلغ عن", "أشتكي", "اشتكي",
        "نشتكي", "نشكي", "أشكي", "أقدم شكوى", "تقديم شكوى", "نقدم شكوى", "قدم شكوى", "أعمل محضر", "نعمل محضر",
        "أسجل بلاغ", "يكتب", "يكتبوا", "يكتبو", "يسجل", "يسجلوا", "يسجلو", "يسجلون", "يحرر", "يحرروا", "يحررون",
        "قبول", "تلقي", "استلام", "تسجيل", "تحرير", "يستلم", "يستلموا", "اتصلت بالشرطة", "اتصلنا بالشرطة",
        "اتصلت بالنجدة", "اتصلنا بالنجدة", "كلمت الشرطة", "كلمنا الشرطة", "كلمنا البوليس", "عيطت للبوليس",
        "عيطنا للبوليس", "اتصلنا بالبوليس", "اتصلنا بالشرطة", "بلغنا الشرطة", "بلغت الشرطة",
    ],
    "fr": [
        "plainte", "ma plainte", "plaintes", "déposition", "ma déposition", "procès-verbal", "PV", "main courante",
        "signalement", "enregistrer", "prendre ma plainte", "porter plainte", "déposer plainte", "déclaration",
        "appelé la police", "appelé les gendarmes", "appelé le 17", "alerté la police",
    ],
    "en": [
        "report", "police report", "complaint", "my complaint", "complaints", "my statement", "take my statement",
        "file", "register", "record", "write down", "open a case", "FIR", "report it", "called the police",
        "call the police", "called 911", "emergency call", "alerted the police",
    ],
}
# Refusing (an officer refusing a report, a passport office refusing a passport).
_REFUSAL = {
    "ar": [
        "رفض", "رفضوا", "رفضت", "رفضو", "يرفض", "يرفضون", "يرفضوا", "بيرفض", "بيرفضوا", "رافض", "رافضين", "امتنع",
        "امتنعوا", "امتنعت", "يمتنع", "يمتنعون", "الامتناع", "ما رضي", "ما رضيوا", "ما رضى", "ما رضوا",
        "ما رضيش", "مرضيش", "مرضيوش", "ما رضاش", "مش راضي", "مش راضيين", "مو راضي", "مو راضين", "مب راضي",
        "ما قبلوا", "ما قبلش", "مقبلش", "ما قبلوش", "ما بغاش", "ما بغاوش", "ما بغاتش", "ما حبش",
        "ما وافق", "ما وافقوا", "لم يقبل", "لم يقبلوا", "لم يوافق", "لم يوافقوا", "ما عطاني وجه", "ما عطانا وجه",
        # not written down, not taken: the negation itself refuses the report
        "ما سجلوا", "ما سجلوش", "لم يسجلوا", "لم يسجل", "ما كتبوا", "ما كتبوش", "لم يكتبوا",
        "ما حرروا", "ما حرروش", "لم يحرروا", "لم يحرر", "ما خدوش", "ما أخذوا", "ما استلموا", "لم يستلموا",
        "ما عملوش", "معملوش", "ما داروش", "ما دارش",
    ],
    "fr": [
        "refusé", "refuse", "refusent", "refusait", "refusaient", "n'a pas voulu", "ont pas voulu", "ne veut pas",
        "ne veulent pas", "pas voulu", "n'a pas enregistré", "n'ont pas enregistré", "n'a pas pris",
        "n'ont pas pris", "jamais enregistré",
    ],
    "en": [
        "refused", "refuse", "refuses", "refusing", "would not", "wouldn't", "declined", "did not want to",
        "didn't want to", "won't", "will not", "unwilling", "didn't register", "did not register",
        "didn't record", "did not record", "didn't take", "did not take", "didn't write", "never registered",
        "never recorded",
    ],
}
# Putting someone off: come back tomorrow, too busy, made to wait (with a report: a delay).
_PUT_OFF = {
    "ar": [
        "تعالى بكرة", "تعال بكرة", "تعالى بعدين", "تعال بعدين", "تعا بكرة", "تعا بعدين", "ارجع بكرة",
        "ارجع بعدين", "ارجعي بكرة", "ارجعوا بكرة", "ارجع الأسبوع", "ارجع باكر", "راجعنا بكرة", "راجعنا بعدين",
        "راجعنا باكر", "فوت بكرة", "رجع غدا", "رجع غدوة", "ارجع غدا", "سير حتى لغدا", "أرجع غدا", "نرجع غدا",
        "العودة غدا", "العودة لاحقا", "العودة في وقت لاحق", "العودة الأسبوع", "مش فاضي", "مو فاضي", "مب فاضي",
        "ما عنده وقت", "ما عندنا وقت", "معندناش وقت", "يقولولي بكرة", "يقولوا بكرة", "كل مرة بكرة", "بكرة بكرة",
        "استنى برا", "انتظر برا", "خلونا نستنى", "خلونا ننطر", "ساعات ننتظر", "ساعات نستنى",
    ],
    "fr": [
        "revenir plus tard", "revenir demain", "revenir un autre jour", "revenir la semaine", "revenez demain",
        "repasser", "repassez", "trop occupé", "fait attendre", "attendu des heures", "attendre dehors",
    ],
    "en": [
        "come back later", "come back tomorrow", "come back next week", "come back another day", "return later",
        "return tomorrow", "too busy", "wait outside", "kept us waiting", "kept me waiting", "made us wait",
        "made me wait", "waited for hours",
    ],
}
# Asking for money, and money (an officer asking for it: a bribe).
_DEMAND = {
    "ar": [
        "طلب مني", "طلبوا مني", "طلب منا", "طلبوا منا", "طلب", "طلبوا", "طالبني", "طالبوني", "طالبنا", "بدو",
        "بدهم", "بدو مني", "عايز", "عاوز", "عايزين", "عاوزين", "يبي", "يبون", "يبغى", "يبغون", "بغا", "بغاو",
        "هات", "هاتوا", "هاتي", "اشترط", "باش يخلي",
    ],
    "fr": ["demandé", "m'a demandé", "nous a demandé", "exigé", "réclamé", "voulait", "voulaient", "en échange de"],
    "en": ["asked for", "asked me for", "asked us for", "demanded", "wanted", "wants", "in exchange for"],
}
_MONEY = {
    "ar": [
        "فلوس", "الفلوس", "مصاري", "المصاري", "مبلغ", "مبلغا", "المبلغ", "مبالغ", "جنيه", "جنيهات", "ألف", "آلاف",
        "ليرة", "ليرات", "دينار", "دنانير", "درهم", "دراهم", "ريال", "ريالات", "دولار", "دولارات", "يورو",
        "حق الشاي", "حق القهوة", "القهوة", "قهوة", "إكرامية", "ميتين", "خمسمية",
    ],
    "fr": ["argent", "dinars", "dirhams", "euros", "francs", "pourboire", "café", "billets", "somme"],
    "en": ["money", "cash", "dollars", "pounds", "dinars", "dirhams", "euros", "riyals", "lira", "tip", "fee"],
}
# Insulting, shouting, mocking, contempt: misconduct where the police are named.
_INSULT = {
    "ar": [
        "شتمني", "شتمونا", "شتموه", "شتمنا", "شتموني", "شتمها", "شتموها", "يشتمني", "يشتمونا", "بيشتمونا",
        "بيشتمني", "سبني", "سبوني", "سبونا", "سبوه", "سبها", "سبنا", "يسبني", "بيسبني", "بيسبونا", "لعن أبوي",
        "أهانني", "أهانونا", "أهانوني", "أهانها", "بهدلني", "بهدلونا", "هزقني", "هزقونا", "زعقلي", "زعق فيا",
        "زعق فينا", "عيط عليا", "عيط علينا", "صرخ علي", "صرخ في", "صرخ فيي", "صرخ فينا", "صاح في وجهي",
        "يمسخر عليي", "تمسخر علي", "تمسخر عليا", "يتمسخر علينا", "استهزأ بي", "استهزأ بنا", "سخر مني",
        "سخروا مني", "سخروا منا", "يسخر مني", "يتريق عليا", "اتريق عليا", "اتريقوا علينا", "كلام بشع",
        "كلام وسخ", "كلام بذيء", "كلام ساقط", "كلام خايب", "بألفاظ", "ألفاظ نابية", "ألفاظ بذيئة",
        "عبارات مسيئة", "عبارات نابية", "كلمات نابية", "بفظاظة", "بوقاحة", "بقلة أدب", "بقلة احترام",
        "بعنجهية", "بتكبر", "باحتقار", "احتقرني", "حقرني", "حكرني", "حكرونا", "كيحقرونا", "يحقرونا", "ذلوني",
        "ذلونا", "يذلنا",
    ],
    "fr": [
        "m'a insulté", "m'a insultée", "nous a insultés", "ont insulté", "insulté", "insultée", "injurié",
        "injuriée", "traité de", "traitée de", "m'a traité", "crié sur", "hurlé sur", "moqué", "moqués", "moquée",
        "avec mépris", "méprisant", "tutoyé", "grossier", "grossièrement", "vulgaire", "impoli",
    ],
    "en": [
        "insulted me", "insulted us", "insulted him", "insulted her", "insulted", "swore at", "cursed at",
        "cursed us", "shouted at", "yelled at", "screamed at", "mocked", "mocking", "laughed at", "rude", "rudely",
        "called me a", "called us a", "called him a", "called her a", "disrespectful", "abusive language",
        "verbal abuse", "degrading remarks",
    ],
}
# Not coming, not acting, ignoring: negligence where the police are named.
_INACTION = {
    "ar": [
        "ما جاوش", "ما جاو", "ما إجوا", "ما اجو", "ما جوا", "محدش جه", "محدش جا", "ما حد جا", "ما حدا إجا",
        "لم يأتوا", "لم يحضروا", "ما حضروا", "ما وصلوا", "ما وصلو", "وصلوا بعد", "تأخروا", "بعد ساعات",
        "ما تحركوا", "ما تحركوش", "ما تحرك", "لم يتحركوا", "لم يتحرك", "ما سألوا", "ما سألوش", "ما حققوا",
        "ما حققوش", "لم يحققوا", "لم يحقق", "ما عملوا شي", "ما عملوش حاجة", "ما عملوش أي حاجة", "ما دارو والو",
        "ما دار والو", "ما داروا والو", "ما دارو حتى حاجة", "ما سووا شي", "ما سوى شي", "لم يفعلوا",
        "لم يتخذوا", "تجاهلوا", "تجاهل", "تجاهلني", "تجاهلونا", "طنشوا", "طنشوني", "طنشونا", "أهملوا",
        "تقاعسوا", "ما اهتموا", "ما اهتموش", "ولا حد سأل",
    ],
    "fr": [
        "jamais venue", "jamais venus", "jamais venu", "pas venue", "pas venus", "n'est pas venue",
        "n'ont rien fait", "rien fait", "aucune enquête", "ignoré", "ignorée", "ignorés", "des heures plus tard",
        "n'a pas enquêté", "pas bougé", "aucune suite",
    ],
    "en": [
        "never came", "didn't come", "did not come", "never showed up", "didn't show up", "nobody came",
        "never arrived", "took hours", "hours later", "never investigated", "did not investigate",
        "didn't investigate", "did nothing", "ignored", "ignoring", "never called back", "failed to",
        "never followed up", "lost the file",
    ],
}
# Why something was done to someone: "because", "when they saw" (before who the person is).
_REASON = {
    "ar": [
        "لأن", "لأنه", "لأنها", "لأني", "لأنني", "لأننا", "لأنهم", "لأنو", "لانو", "عشان", "علشان", "عشانه",
        "عشاني", "عشانها", "عشانا", "حيت", "بسبب", "بحكم", "لكون", "لكوني", "لكونه", "لكونها", "لكوننا", "كونه",
        "كوني", "كونها", "كوننا", "كونهم", "لمجرد", "لما عرف", "لما عرفوا", "لما عرفت", "لما شاف", "لما شافوا",
        "لما سمع", "لما سمعوا", "عندما علم", "عندما علموا", "عندما عرف", "بمجرد أن علم", "بعد ما عرف",
        "بعد ما عرفوا", "ملي عرف", "ملي عرفو", "ملي شاف", "كي عرف", "كي شاف", "كي عرفو",
    ],
    "fr": [
        "parce que", "parce qu'", "à cause de", "à cause", "en raison de", "car", "vu que", "du fait de",
        "pour le seul fait", "quand il a vu", "quand ils ont vu", "quand il a su", "en apprenant", "en voyant",
        "dès qu'il a su",
    ],
    "en": [
        "because", "because of", "for being", "just for being", "when he heard", "when he realised",
        "when he realized", "when they saw", "when they heard", "when they found out", "when he found out",
        "once he heard", "once they knew", "once he learned", "on account of", "due to",
    ],
}
# Who someone is: a religion, a sect, an origin, a colour, a nationality, a language, a sex, a
# disability (the grounds of discrimination, after a word of _REASON).
_IDENTITY = {
    "ar": [
        "ديني", "دينه", "دينها", "ديننا", "ديانتي", "ديانته", "ديانتها", "ديانتنا", "عقيدتي", "عقيدته",
        "مذهبي", "مذهبه", "مذهبنا", "طائفتي", "طائفته", "طائفتنا", "الطائفة", "مسيحي", "مسيحية", "مسيحيين",
        "مسيحيون", "مسلم", "مسلمة", "مسلمين", "يهودي", "يهودية", "يهود", "قبطي", "قبطية", "أقباط", "نصراني",
        "نصرانية", "نصارى", "شيعي", "شيعية", "شيعة", "سني", "سنية", "بهائي", "بهائية", "درزي", "دروز", "علوي",
        "علوية", "إيزيدي", "ملحد", "ملحدة", "مثلي", "مثلية", "أصول", "أصولي", "أصوله", "أصولنا", "أصلي", "أصله",
        "أصلها", "أصلنا", "عرقي", "عرقه", "العرق", "إثني", "الإثنية", "لوني", "لونه", "لونها", "لوننا",
        "بشرتي", "بشرته", "بشرتها", "أسود", "سوداء", "سود", "السود", "أسمر", "سمراء", "سمر", "كحل", "كحلوش",
        "كحلة", "زنجي", "أفريقي", "أفريقية", "أفارقة", "الأفارقة", "قبيلة", "قبيلتي", "قبيلته", "القبيلة",
        "عشيرة", "عشيرتي", "عشيرته", "عرشي", "منطقتي", "منطقته", "جنوبي", "صعيدي", "صعايدة", "بدوي", "بدوية",
        "بدو", "البدو", "لهجتي", "لهجته", "لهجتنا", "لكنتي", "لكنته", "لغتي", "لغته", "الأمازيغية", "أمازيغي",
        "أمازيغية", "شلح", "شلحة", "الشلحة", "بالشلحة", "قبايلي", "القبايلية", "كردي", "كردية", "كرد", "أكراد",
        "تركماني", "نوبي", "نوبية", "جنسيتي", "جنسيته", "جنسيتها", "البدون", "عديم الجنسية", "أجنبي", "أجنبية",
        "أجانب", "الأجانب", "وافد", "وافدين", "الوافدين", "لاجئ", "لاجئة", "لاجئين", "سوري", "سورية", "سوريين",
        "سوريون", "فلسطيني", "فلسطينية", "فلسطينيين", "عراقي", "عراقيين", "مصري", "مصرية", "مصريين", "سوداني",
        "سودانية", "سودانيين", "يمني", "يمنيين", "أردني", "لبناني", "مغربي", "جزائري", "تونسي", "ليبي", "صومالي",
        "إثيوبي", "إثيوبية", "إريتري", "تشادي", "نيجيري", "سنغالي", "هندي", "باكستاني", "بنغالي", "فلبيني",
        "فلبينية", "نيبالي", "آسيوي", "أفغاني", "امرأة", "أنثى", "معاق", "معاقة", "إعاقتي", "إعاقته", "كفيف",
        "أصم", "محجبة", "منقبة", "حجابي", "حجابها",
    ],
    "fr": [
        "chrétien", "chrétienne", "chrétiens", "musulman", "musulmane", "musulmans", "juif", "juive", "juifs",
        "copte", "chiite", "sunnite", "religion", "confession", "origine", "origines", "ethnie", "ethnique",
        "race", "noir", "noire", "noirs", "peau", "couleur", "africain", "africaine", "africains", "arabe", "arabes",
        "maghrébin", "berbère", "amazigh", "kabyle", "kurde", "rom", "roms", "tsigane", "gitan", "étranger",
        "étrangère", "étrangers", "syrien", "syrienne", "syriens", "subsaharien", "nationalité", "apatride",
        "réfugié", "réfugiée", "réfugiés", "accent", "nom", "femme", "voile", "voilée", "homosexuel", "handicap",
        "handicapé", "handicapée", "enceinte",
    ],
    "en": [
        "Christian", "Christians", "Muslim", "Muslims", "Jewish", "Jew", "Jews", "Copt", "Coptic", "Shia",
        "Shiite", "Sunni", "Bahai", "Druze", "Alawite", "Yazidi", "atheist", "Hindu", "religion", "faith",
        "beliefs", "religious", "sect", "Bedouin", "tribe", "tribal", "clan", "caste", "origin", "origins",
        "ethnicity", "ethnic", "race", "black", "dark skin", "skin", "colour", "color", "African", "Africans",
        "Arab", "Arabic", "Amazigh", "Berber", "Kurdish", "Kurd", "Roma", "gypsy", "foreign", "foreigner",
        "foreigners", "Syrian", "Syrians", "Palestinian", "Palestinians", "Sudanese", "Egyptian", "Iraqi",
        "Yemeni", "Somali", "Ethiopian", "Eritrean", "Asian", "Indian", "Pakistani", "Bangladeshi", "Filipino",
        "Filipina", "Nepali", "Afghan", "nationality", "stateless", "bidoon", "refugee", "refugees", "accent",
        "dialect", "surname", "woman", "female", "gay", "lesbian", "transgender", "disabled", "disability",
        "wheelchair", "blind", "deaf", "pregnant", "hijab", "headscarf", "veil",
    ],
}
# A place or a paper of travel, and what stops it: together, a restriction of movement.
_TRAVEL = {
    "ar": [
        "المطار", "مطار", "بالمطار", "فالمطار", "في المطار", "الحدود", "عالحدود", "الحدودي", "الحدودية", "المعبر",
        "معبر", "المنفذ", "منفذ", "الجسر", "عالجسر", "الميناء", "الطيارة", "الطائرة", "الرحلة", "رحلتي",
        "الجوازات", "الجواز", "جوازي", "جوازه", "جوازها", "جواز سفري", "جواز سفره", "جواز سفر", "جواز السفر",
        "باسبور", "الباسبور", "باسبوري", "الباسبورت", "باسبورت", "السفر", "سفر", "أسافر", "نسافر", "يسافر",
        "تسافر", "تسافري", "نسافرو", "يسافرو", "مسافر", "مسافرة", "أطلع برا", "أطلع من البلد", "نطلع من البلاد",
        "نخرج من البلاد", "تخرج من البلاد", "يخرج من البلاد", "الخروج من البلاد", "مغادرة البلاد", "مغادرة البلد",
        "دخول البلاد", "العودة إلى البلاد", "الرجوع للبلد", "العبور", "عبور", "نعبر", "تعبروا", "أعبر",
    ],
    "fr": [
        "aéroport", "l'aéroport", "frontière", "la frontière", "vol", "avion", "embarquer", "embarquement",
        "passeport", "mon passeport", "son passeport", "voyager", "voyage", "sortir du territoire",
        "quitter le pays", "quitter le territoire", "sortir du pays", "rentrer au pays", "poste frontière",
    ],
    "en": [
        "airport", "the airport", "border", "the border", "border crossing", "flight", "plane", "board",
        "boarding", "passport", "my passport", "his passport", "her passport", "travel", "travelling", "traveling",
        "leave the country", "leaving the country", "abroad",
    ],
}
_PREVENTED = {
    "ar": [
        "منعوني", "منعوه", "منعوها", "منعونا", "منعني", "منعه", "منعها", "منع", "منعت", "ممنوع", "ممنوعة",
        "ممنوعين", "يمنعوني", "يمنعونه", "بيمنعوني", "رجعوني", "رجعوه", "رجعونا", "رجعني", "رجعوها",
        "أرجعوني", "أعادوني", "أعادوه", "وقفوني", "أوقفوني", "وقفوه", "أوقفوه", "حجزوني", "ما خلوني",
        "ما خلونيش", "ما خلاونيش", "ما خلوه", "ما خلاوهش", "ما خلونا", "ما خلاوناش", "مخلونيش", "ما سمحوا",
        "ما سمحولي", "لم يسمحوا", "لم يسمح", "رفضوا", "رفض", "رفضت", "يرفضون", "سحبوا", "سحب", "سحبت",
        "حجزوا", "حجز", "حجزو", "حجزت", "محجوز", "صادروا", "احتجزوا", "مش راضيين", "مش راضي", "ما عم يعطوني",
        "ما بغاوش يعطيوني", "ما تقدرش", "ما نقدرش", "ما أقدر", "مقدرش", "ما قدرت", "مش قادر", "ما فيني",
        "ما فيك", "منعي", "قرار منع", "عليه منع", "علي منع", "عليك منع",
    ],
    "fr": [
        "empêché", "empêchée", "empêchés", "empêcher", "refusé", "refusent", "refuse", "refoulé", "refoulée",
        "interdit", "interdite", "interdiction", "bloqué", "bloquée", "retenu", "retenue", "confisqué", "saisi",
        "pas le droit", "pas pu", "ne peux pas", "ne peut pas",
    ],
    "en": [
        "not allowed", "refused", "refuse", "refuses", "denied", "barred", "banned", "ban", "stopped",
        "turned back", "turned away", "sent back", "prevented", "blocked", "confiscated", "seized", "withheld",
        "flagged", "cannot", "can't", "unable",
    ],
}
SETTINGS: dict[str, dict[str, list[str]]] = {
    "held": _HELD,
    "normative": _NORMATIVE,
    "death": _DEATH,
    "officers": _OFFICERS,
    "custody": _CUSTODY,
    "veil": _VEIL,
    "not_a_complaint": _NOT_A_COMPLAINT,
    "touching": _TOUCHING,
    "private": _PRIVATE_ACTORS,
    "threat": _THREAT,
    "harassment": _HARASSMENT,
    "police": _POLICE,
    "arrest": _ARRESTED,
    "confession": _CONFESSION,
    "officials": _OFFICIALS,
    "report": _REPORT,
    "refusal": _REFUSAL,
    "put_off": _PUT_OFF,
    "demand": _DEMAND,
    "money": _MONEY,
    "insult": _INSULT,
    "inaction": _INACTION,
    "reason": _REASON,
    "identity": _IDENTITY,
    "travel": _TRAVEL,
    "prevented": _PREVENTED,
}

# Categories whose weak evidence counts only where the text has this setting: food, a doctor, the
# cold, health care are conditions of detention in custody, and of nothing the lexicon can tell
# elsewhere (a housemaid locked in, a formal text on older persons' health care).
WEAK_NEEDS_SETTING: dict[str, str] = {"detention_conditions": "custody"}

# Categories, urgency signals and settings where a denied word is the complaint itself: "no food",
# "ما يخرجش للفسحة", "لم يُسمح لنا بزيارته" complain of detention conditions, "مش بتديله الانسولين" is a
# medical emergency, "would not take my statement" still speaks of a report; a negation cue before
# such a word does not lower or cancel it.
DENIAL_IS_THE_COMPLAINT = frozenset({"detention_conditions", "medical_emergency", "untreated_illness", "@report"})

# A blow (BOUND_TERMS) is evidence only with a word of the category's setting at most this many
# words away: "ضربوه في القسم" is torture, "ضربوه على السلم ... ثم القسم ينكر" is not told where.
BOUND_WINDOW: dict[str, int] = {"torture": 8, "excessive_force": 8}

# A blow (BOUND_TERMS) that a private person is named with, this many words either side at
# most, is no evidence of these categories, whatever the setting.
BLOCKED_NEAR: dict[str, tuple[str, int]] = {
    "torture": ("private", 3), "excessive_force": ("private", 3), "police_conduct": ("private", 3),
}

# What the guidelines' clarifications say one finding implies: (category implied, what implies
# it — a category suggested, "signal:<code>" an urgency signal found or "setting:<name>" a
# setting —, the setting it needs in the text or None, and how many words apart at most the two
# may be, or None). The implied category is suggested on the evidence of the other, with its
# triggers: incommunicado detention is arbitrary detention too; an arrest for a post, a song or a
# protest is arbitrary; a confession forced by violence or threats is a due-process violation
# as well as torture; sexual violence by officials is torture, and their harassment and threats misconduct.
IMPLIED_CATEGORIES: tuple[tuple[str, str, str | None, int | None, tuple[str, int | None] | None], ...] = (
    ("arbitrary_detention", "signal:incommunicado", None, None, None),
    ("arbitrary_detention", "signal:prolonged_incommunicado", None, None, None),
    ("arbitrary_detention", "disappearance", "arrest", None, None),
    ("arbitrary_detention", "expression_assembly", "arrest", 12, None),
    ("due_process", "torture", "confession", None, None),
    ("due_process", "setting:confession", "threat", 8, None),
    ("torture", "signal:sexual_violence", "officials", None, None),
    ("torture", "setting:touching", "officials", 12, None),
    ("police_conduct", "setting:harassment", "police", 8, None),
    ("women", "setting:harassment", None, None, None),
    # a reason that names who the person is: discrimination
    ("discrimination", "setting:reason", "identity", 4, None),
    ("women", "discrimination", "veil", None, None),
    ("women", "setting:veil", "arrest", 10, None),
    ("police_conduct", "setting:threat", "officers", 12, None),
    ("police_conduct", "signal:reprisal_threat", "police", None, None),
    # refusing or putting off a report, asking for money, insults and negligence, by the police
    ("police_conduct", "setting:refusal", "report", 4, ("police", 12)),
    ("police_conduct", "setting:put_off", "report", 15, ("police", None)),
    ("police_conduct", "setting:demand", "money", 5, ("police", 8)),
    ("police_conduct", "setting:insult", "police", 10, None),
    ("police_conduct", "setting:inaction", "police", 10, None),
    # stopped at a border or an airport, a passport refused or withheld: movement
    ("movement", "setting:prevented", "travel", 5, None),
)

# Urgency signals that are also evidence of a category, and whether strong (alone enough):
# their lists keep the small words categories drop ("قالوا مش عندنا", "they said he is not here").
SIGNAL_CATEGORIES: dict[str, tuple[tuple[str, bool], ...]] = {
    "incommunicado": (("disappearance", True),),
    "prolonged_incommunicado": (("disappearance", True),),
    "no_contact": (("disappearance", False),),
    "untreated_illness": (("detention_conditions", False),),
    "death_in_custody": (("right_to_life", True),),
    "imminent_execution": (("right_to_life", True),),
    "sexual_violence": (("women", False),),
    "child_detained": (("children", True),),
    "ongoing_torture": (("torture", True),),
    "imminent_deportation": (("migrants_trafficking", True),),
    "medical_emergency": (("detention_conditions", False),),
    "hunger_strike": (("detention_conditions", False),),
}


URGENCY_SIGNALS: dict[str, dict] = {
    "ongoing_torture": {
        "level": "critical",
        "label_en": "Torture or beatings said to be happening now",
        "label_fr": "Torture ou coups qui se poursuivraient en ce moment",
        "label_ar": "تعذيب أو ضرب يُقال إنه مستمر الآن",
        "ar": [
            # MSA
            "يضرب يوميا", "يعلق من ذراعيه", "يتعرض للضرب", "يتعرض للتعذيب", "يعذب يوميا",
            "لا يزال يتعرض للتعذيب", "ما زال يتعرض للتعذيب", "ما زالوا يعذبونه",
            "يتعرض للتعذيب حاليا", "التعذيب مستمر", "يعذبونه يوميا", "يعذبونه الآن",
            "يضربونه كل يوم", "يتعرض للضرب يوميا", "نسمع صراخه", "أسمع صراخه", "يستمرون في تعذيبه",
            # Egyptian
            "لسه بيضربوه", "لسه بيعذبوه", "بيعذبوه دلوقتي", "بيضربوه كل يوم", "كل يوم بيضربوه",
            "بيكهربوه", "لسه بيتعذب", "سامعين صوته بيصرخ", "خايفين يموتوه من الضرب",
            # Gulf
            "للحين يعذبونه", "للحين يطقونه", "يطقونه كل يوم", "يعذبونه للحين",
            # Levantine
            "عم يضربوه", "عم يعذبوه", "لهلق عم يضربوه", "لسا عم يعذبوه", "كل يوم عم يضربوه",
            "عم يشبحوه",
            # Maghrebi
            "باقين كيضربوه", "مازال كيتعذب", "راهم يضربو فيه", "راهم يعذبو فيه", "كل نهار كيضربوه",
            "مازال كيعذبوه",
            "وهم بيضربوه", "وهم يضربونه", "بيعذبوه", "بيعذبوني", "بنسمع صريخه", "سامعين صريخه",
            "نسمعوا فيه يعيط", "قاعدين يضربوا", "قاعدين يضربو فيه", "للضرب المتكرر",
            "الضرب المتكرر", "نسمع ضرب", "تصرخ كل ليلة", "نسمع صراخها",
        ],
        "fr": [
            "battu quotidiennement", "est encore torturé", "toujours torturé",
            "continuent de le frapper", "continuent de le torturer", "le frappent chaque jour",
            "le torturent encore", "torturé en ce moment", "on l'entend crier",
            "sévices continuent", "la torture continue", "frappé quotidiennement",
            "torturé chaque jour", "battu chaque nuit", "frappé en ce moment",
            "ils le frappent encore", "toujours battu", "électrocuté chaque jour",
            "coups répétés", "on l'entend hurler", "crie chaque nuit",
        ],
        "en": [
            "is beaten daily", "being beaten daily", "still being beaten", "still being tortured",
            "being tortured now", "beating him every day", "beaten every day",
            "torturing him right now", "the torture continues", "keep beating him",
            "they are still beating", "tortured daily", "continue to torture",
            "being beaten right now", "beaten every night", "tortured every day",
            "still torturing him", "beatings continue", "being electrocuted",
            "repeatedly beaten", "screaming every night", "we hear him screaming",
            "hear her screaming",
        ],
    },
    "medical_emergency": {
        "level": "critical",
        "label_en": "Urgent medical need in custody",
        "label_fr": "Urgence médicale en détention",
        "label_ar": "حالة طبية طارئة أثناء الاحتجاز",
        "ar": [
            # MSA
            "لا يستطيع الوقوف", "لا يقوى على الوقوف", "حالته تتدهور", "الإغماء",
            "العلاج الكيميائي", "جلسات العلاج", "آلام في الصدر", "ألم في صدره", "أزمة ربو",
            "نوبة قلبية", "فقد الوعي", "حالته خطيرة", "حالة حرجة", "حالته حرجة",
            "ينزف", "نزيف", "نزيف داخلي", "فاقد الوعي", "غائب عن الوعي", "مغمى عليه", "أغمي عليه",
            "غيبوبة", "بدون إنسولين", "الأنسولين", "أزمة قلبية", "جلطة",
            "ذبحة صدرية", "ضيق تنفس", "يحتاج عملية عاجلة", "يحتاج نقل للمستشفى",
            "رفضوا نقله للمستشفى", "تدهور حالته", "صحته تتدهور",
            "نوبات صرع", "تشنجات", "على وشك الموت",
            "بين الحياة والموت", "على وشك الولادة", "يتقيأ دما", "جروحه ملتهبة", "غرغرينا",
            # Egyptian
            "مش قادر يقف", "تعبان جدا", "بينزف", "حالته بتسوء",
            "مش قادر يتنفس", "محتاج مستشفى فورا", "هيموت", "بيموت", "بيرجع دم",
            "سخن جدا",
            # Gulf
            "يطلب البخاخ", "تعب وايد", "ما يقدر يتنفس",
            "حالته تعبانة وايد", "بيموت بالسجن", "ما عطوه الإنسولين",
            # Levantine
            "تعبان كتير", "ما عم يقدر يتنفس", "رح يموت",
            "وضعه الصحي كتير سيء", "عم ينزف", "فات بغيبوبة",
            # Maghrebi
            "ما كيقدرش يوقف", "ما يقدرش يوقف",
            "غادي يموت", "راه غادي يموت", "كيموت", "حالتو خايبة بزاف",
            "ما عطاوهش الأنسولين", "خاصو السبيطار",
            "حالته خطر", "في العمليات", "العناية المركزة", "في العناية", "يتقيأ", "بيستفرغ",
            "يستفرغ", "طاح من الحر", "ضربة شمس", "ما عم يقدر ياخد نفس",
            "ما قادر ياخد نفس", "مش قادر ياخد نفسه", "ضيق نفس", "منعوا عنه البخاخ",
            "منعوا عنو البخاخ", "بدون بخاخ", "جالها الطلق", "الطلق",
            "طاح فالزنزانة", "طاح فالحبس", "وقع في الزنزانة", "نوبتين", "نوبة صرع", "دواء القلب",
            "بيغسلوا كلى", "يغسل كلى", "غسيل كلى",
            "ما جابولوش دكتور", "بدون علاج منذ", "حرارته عالية",
            "الغسيل الكلوي", "جلسات الغسيل", "جلسات الغسيل الكلوي",
        ],
        "fr": [
            "ne tient plus debout", "douleurs thoraciques",
            "s'est effondré", "état critique", "urgence médicale", "saigne", "saignement",
            "hémorragie", "inconscient", "évanoui", "perdu connaissance", "coma",
            "insuline", "sans insuline", "crise cardiaque", "AVC",
            "ne peut plus respirer", "difficultés respiratoires", "doit être hospitalisé",
            "opération urgente", "refus d'hospitalisation", "son état se dégrade",
            "convulsions", "risque de mourir", "va mourir",
            "sur le point d'accoucher", "gangrène", "blessures infectées",
            "vomit du sang", "fractures",
            "entre la vie et la mort", "soins intensifs", "réanimation", "en train d'accoucher",
            "contractions", "traitement cardiaque", "sans ses médicaments", "crise d'épilepsie",
            "vomit",
            "dialyse", "séances de dialyse",
        ],
        "en": [
            "chest pain", "inhaler", "collapsed", "critical condition",
            "medical emergency", "bleeding", "unconscious", "fainted", "coma",
            "insulin", "without insulin", "heart attack", "stroke",
            "can't breathe", "cannot breathe", "difficulty breathing", "needs surgery",
            "urgent surgery", "condition is deteriorating", "health is deteriorating",
            "seizures", "high fever", "between life and death",
            "going to die", "might die", "about to give birth",
            "infected wounds", "vomiting blood", "broken bones",
            "intensive care", "ICU", "in labour", "in labor", "labour pains", "vomiting",
            "heatstroke", "without his inhaler", "heart medication",
            "dialysis", "dialysis sessions",
        ],
    },
    "untreated_illness": {
        "level": "high",
        "label_en": "A detainee with a serious illness left without treatment",
        "label_fr": "Détenu gravement malade privé de soins",
        "label_ar": "محتجز مصاب بمرض خطير دون علاج",
        "ar": [
            "مريض ربو", "مريض سكر", "مريض قلب", "مريض سرطان", "العلاج الكيماوي",
            "مرض السل", "عنده سكر وضغط", "مريض ضغط", "عنده ربو", "معو سكري",
            "مشكل ف القلب", "عندو السكر", "مريض بالقلب", "مريضة بالقلب", "مريض بالسكري",
            "مريض بالربو", "مريض بالصرع", "يحتضر", "الإفراج الصحي", "من غير علاجه",
            "بدون دواه", "بلا دوا", "ما عطوه الدوا", "منعوا عنه الدواء", "ما يعطونه علاجه",
            "ما كيعطيوهش الدوا",
        ],
        "fr": [
            "problèmes cardiaques", "asthme", "diabétique", "cardiaque", "cancer", "chimiothérapie",
            "tuberculose", "malade du cœur", "insuffisance rénale", "sans traitement",
            "privé de ses médicaments", "privé de soins", "ne reçoit plus son traitement",
            "maladie chronique", "sclérose",
        ],
        "en": [
            "heart problems", "asthma", "diabetic", "heart condition", "cancer", "chemotherapy",
            "tuberculosis", "kidney failure", "without treatment",
            "without his medication", "denied his medication", "chronic illness", "cataract",
            "needs surgery",
            "diabetes", "schizophrenia", "epilepsy",
        ],
    },
    "abuse_at_home": {
        "level": "high",
        "label_en": "Forced marriage or abuse at home said to be going on",
        "label_fr": "Mariage forcé ou violences à domicile qui se poursuivraient",
        "label_ar": "زواج قسري أو عنف منزلي يُقال إنه مستمر",
        "ar": [
            "يبي يزوجها", "بدهم يزوجوها", "بيزوجوها", "زوجوها بالسيف", "زوجوها غصب",
            "يحبسها في البيت", "حبسها في البيت", "مانعني أطلع", "ما تنجمش تخرج", "يمنعها من الخروج",
            "يضربني كل يوم", "بيضربني كل يوم", "كيضربها كل نهار", "يضربها كل يوم",
            "تقفل عليي الباب", "قافلة عليها الباب", "يقفل عليها",

        ],
        "fr": [
            "mariée de force", "veulent la marier", "va la marier", "l'empêche de sortir",
            "m'empêche de sortir", "me frappe tous les jours", "la frappe tous les jours",
            "m'enferme", "l'enferme", "enfermée à clé", "ne me laisse pas sortir",
            "ne la laisse pas sortir", "il la frappe", "elle me frappe", "me bat",
        ],
        "en": [
            "locked me in", "locks me in", "locks her in", "does not let me leave",
            "doesn't let me leave", "not allowed to leave", "hits me", "beats me", "beats her",
            "forced to marry", "marry her off", "married off", "she hits me", "he hits me",
            "won't let me go",
        ],
    },
    "hunger_strike": {
        "level": "high",
        "label_en": "Hunger strike",
        "label_fr": "Grève de la faim",
        "label_ar": "إضراب عن الطعام",
        "ar": [
            # MSA
            "يضرب عن الطعام", "تضرب عن الطعام", "يضربون عن الطعام", "إضراب عن الطعام",
            "مضرب عن الطعام", "مضربة عن الطعام", "أضرب عن الطعام", "إضراب مفتوح عن الطعام",
            "إضراب عن الأكل", "مضرب عن الأكل", "مضرب عن الماء", "إضراب عن الماء",
            "إضراب عن الطعام والشراب", "دخل في إضراب", "خاض إضرابا", "معركة الأمعاء الخاوية",
            "الأمعاء الخاوية", "امتنع عن الطعام", "يمتنع عن تناول الطعام", "الامتناع عن الطعام",
            "يرفض الطعام", "فقد من وزنه", "خيط فمه", "إضراب عن الدواء",
            # Egyptian
            "بطل ياكل", "بطل أكل", "رافض ياكل", "رافض الأكل", "مضرب عن الأكل بقاله", "خس كتير",
            "وزنه نزل",
            # Gulf
            "رافض ياكل شي", "نقص وزنه", "مضرب عن الأكل بالسجن",
            # Levantine
            "ما عم ياكل", "مضرب عن الأكل من", "نزل وزنو", "رافض ياكل من",
            # Maghrebi
            "الإضراب على الماكلة", "داير الإضراب", "دخل فالإضراب", "مضرب على الماكلة",
            "رافض الماكلة", "دار الإضراب عن الطعام", "ما بقاش كياكل", "نقص ليه الوزن",
        ],
        "fr": [
            "grève de la faim", "refuse toute nourriture", "refuse de boire",
            "grévistes de la faim", "nourri de force", "alimentation forcée", "grève de la soif",
            "refuse de s'alimenter", "refuse de manger", "cesse de s'alimenter",
            "a perdu du poids", "kilos perdus", "jeûne de protestation", "s'est cousu la bouche",
            "refuse son traitement", "gréviste de la faim", "entamé une grève",
        ],
        "en": [
            "hunger strike", "on hunger strike", "hunger-striking", "hunger striker",
            "refusing food", "refuses to eat", "stopped eating", "thirst strike",
            "dry hunger strike", "refusing water", "lost weight", "lost kilos", "sewn his lips",
            "force-fed", "force feeding", "refusing medication",
        ],
    },
    "suicide_risk": {
        "level": "critical",
        "label_en": "Risk of suicide or self-harm",
        "label_fr": "Risque de suicide ou d'automutilation",
        "label_ar": "خطر انتحار أو إيذاء للنفس",
        "ar": [
            # MSA
            "لا يريد أن يعيش", "اكتئاب شديد", "يفكر في إيذاء نفسه", "انتحار", "ينتحر",
            "حاول الانتحار", "محاولة انتحار", "يفكر في الانتحار", "أفكار انتحارية",
            "يهدد بالانتحار", "هدد بالانتحار", "يؤذي نفسه", "إيذاء النفس", "أذى نفسه", "جرح نفسه",
            "قطع شرايينه", "شنق نفسه", "أقتل نفسي", "اكتئاب حاد", "ابتلع أقراص", "شرب سم",
            "حرق نفسه", "أضرم النار في نفسه", "صب البنزين على نفسه", "يريد أن يموت",
            # Egyptian
            "هينتحر", "حينتحر", "حاول ينتحر", "هقتل نفسي", "عايز يموت", "نفسي أموت",
            "مش عايز يعيش", "بلع حبوب", "قطع إيده",
            # Gulf
            "بيذبح نفسه", "يبي يموت", "بيقتل نفسه", "ناوي ينتحر", "بينتحر",
            # Levantine
            "يأذي حالو", "يفكر يأذي حالو", "بدو ينتحر", "رح ينتحر", "بدي اقتل حالي", "قتل حالو",
            "ما بدو يعيش", "ما عاد بدي عيش", "بدو يموت",
            # Maghrebi
            "يقتل راسو", "غادي يقتل راسو", "قتل روحو", "ضرب راسو بالموس", "شرط راسو", "يحرق راسو",
            "حرق راسو", "باغي يموت", "ما بقاش باغي يعيش",
            "يخبط راسه", "بيخبط راسه", "يضرب راسه في الحيط", "إنهاء حياته", "ينهي حياته",
            "رمت حالها", "رمت نفسها من",
        ],
        "fr": [
            "suicide", "se suicider", "suicidaire", "tentative de suicide",
            "menace de se suicider", "idées suicidaires", "pensées suicidaires", "veut mourir",
            "envie de mourir", "automutilation", "s'est tailladé", "s'est ouvert les veines",
            "tenté de se pendre", "s'immoler", "immolation", "s'est immolé",
            "avalé des médicaments", "surdose", "dépression sévère", "ne veut plus vivre",
            "se cogne la tête", "mettre fin à ses jours", "s'est jetée du balcon",
        ],
        "en": [
            "suicide", "suicidal", "attempted suicide", "suicide attempt", "tried to kill himself",
            "tried to kill herself", "kill himself", "kill herself", "kill myself", "wants to die",
            "want to die", "self-harm", "self harm", "harming himself", "harming herself",
            "cut his wrists", "cutting himself", "hanged himself", "tried to hang", "overdose",
            "swallowed pills", "set himself on fire", "self-immolation", "severe depression",
            "doesn't want to live", "end his life", "end my life",
            "banging his head", "jumped from the balcony", "take his own life",
        ],
    },
    "child_detained": {
        "level": "high",
        "label_en": "A child is said to be detained",
        "label_fr": "Un enfant serait détenu",
        "label_ar": "طفل يُقال إنه محتجز",
        "ar": [
            # MSA
            "مع الكبار", "مع كبار", "مع ناس كبار", "مع المساجين البالغين", "الحجز مع الكبار",
            "مع الكبار في الحجز", "طفلين محتجزين", "طفل محتجز", "قاصر محتجز", "احتجاز طفل",
            "احتجاز قاصر", "القبض على قاصر", "طفل في القسم", "قاصر في القسم", "حدث مع الكبار",
            "محتجز مع البالغين", "مع المساجين الكبار", "طفل في السجن", "أطفال في الحجز",
            "اعتقال الأطفال", "اعتقال طفل", "ابني القاصر محبوس", "طفلة محتجزة", "قاصرة محتجزة",
            "وهو قاصر", "رغم أنه قاصر", "قاصر موقوف", "طفل موقوف", "اعتقلوا ابني القاصر",
            # Egyptian
            "حطوه مع الكبار", "مع الكبار في القسم", "العيل في القسم", "حبسوا العيل", "مسكوا العيل",
            "الولد الصغير في الحجز", "لسه عيل ومحبوس",
            # Gulf
            "ياهل في التوقيف", "ولدي الصغير بالتوقيف", "شلوا الياهل", "ولدي القاصر موقوف",
            # Levantine
            "لسا زغير وموقوف", "ابني القاصر موقوف", "أخدوا الولد الزغير", "ولد زغير بالنظارة",
            # Maghrebi
            "شدو الدري", "الدري فالكوميسارية", "شدو ولدي القاصر", "شدو وليدي", "قاصر فالحبس",
            "الدري فالحبس",
            "مع ستات كبار", "مع رجالة كبار", "مع بالغين", "مع موقوفين بالغين",
        ],
        "fr": [
            "avec des adultes", "avec des hommes adultes", "dans une cellule d'adultes",
            "mineur détenu", "enfant détenu", "enfant arrêté", "enfant en détention",
            "mineur incarcéré", "mineurs incarcérés", "détenu avec des adultes",
            "mélangé aux adultes", "enfant au commissariat", "mineur au commissariat",
            "arrestation d'un mineur", "arrestation d'enfants", "alors qu'il est mineur",
            "mineur emprisonné", "adolescent arrêté", "adolescent détenu", "mineure détenue",
        ],
        "en": [
            "with adult men", "same cell as adult", "cell with adults", "child detained",
            "detained child", "child in detention", "minor detained", "detained minor",
            "juvenile detained", "child arrested", "arrested a child", "minor arrested",
            "children arrested", "held with adults", "detained with adults", "child in custody",
            "minor in custody", "juvenile in custody", "teenager arrested", "teenager detained",
            "underage detainee", "child prisoner",
        ],
    },
    "incommunicado": {
        "level": "critical",
        "label_en": "Whereabouts unknown or held without contact",
        "label_fr": "Lieu de détention inconnu ou détention au secret",
        "label_ar": "مكان الاحتجاز مجهول أو محتجز دون اتصال",
        "ar": [
            # MSA
            "التحقيق سري", "نزوره ولا نكلمه", "دون أي خبر", "تنكر وجوده", "تنكر كل الجهات",
            "أنكروا وجوده لديهم", "لم يبلغوا أسرته", "لم تبلغ أسرهم",
            "مكانه مجهول", "مكان احتجازه مجهول", "مكان احتجازه غير معروف",
            "لا نعرف مكانه", "لا نعلم مكانه", "ممنوع من الزيارة والاتصال", "ممنوع من الاتصال",
            "لا يسمح له بالاتصال", "معزول عن العالم الخارجي", "بمعزل عن العالم الخارجي",
            "انقطعت أخباره", "انقطع الاتصال به", "لا أخبار عنه", "أنكروا وجوده", "أنكروا احتجازه",
            "ينكرون وجوده", "اختفى منذ", "مختفي قسريا", "لم يظهر منذ",
            "مصيره مجهول", "مجهول المصير", "إلى جهة غير معلومة", "إلى جهة مجهولة",
            # Egyptian
            "قالولي مش هنا", "محدش راضي يقولنا", "منعرفش مكانه", "منعرفش هو فين",
            "محدش عارف مكانه", "من ساعة ما خدوه", "ملوش أثر",
            # Gulf
            "كلهم يقولون مو عندنا", "يقولون مو عندنا", "ما نعرف وينه", "ما ندري وينه",
            "من يوم ما شلوه", "ما ندري وين وداوه",
            # Levantine
            "قالولنا مش عنا", "ما منعرف وين", "ما بنعرف وينو",
            "من وقت ما أخدوه",
            # Maghrebi
            "ماعلاباليناش وين", "قالولنا ماكانش عندنا", "كيقول ماشي عندنا",
            "ماشي عندنا", "ما عرفناش فين", "ما نعرفوش فين هو", "قالو ماشي عندنا",
            "ليس لدينا", "غير موجود لدينا", "غير موجود عندنا", "لا يوجد لدينا", "لا يوجد عندنا",
            "لا يوجد أحد بهذا الاسم", "لا يوجد شخص بهذا الاسم", "لا علم لنا به", "ليس محتجزا لدينا",
            "ليس موقوفا لدينا", "نفوا وجوده", "نفت وجوده", "ينفون وجوده", "أنكرت وجوده",
            "أنكرت احتجازه", "ينكرون احتجازه", "تنكر احتجازه", "لا نعرف عنه شيئا", "لا نعلم عنه شيئا",
            "لا نعرف أين هو", "لا نعلم أين هو", "لا نعرف أين", "لا نعلم أين", "لا أحد يخبرنا",
            "لا أحد يعرف أين", "لم يخبرنا أحد", "رفضوا إخبارنا", "يرفضون إخبارنا", "يرفضون الإفصاح",
            "لم نتمكن من معرفة مكانه", "لا خبر عنه", "بلا أي خبر", "لم نسمع عنه شيئا", "لا نعرف مصيره",
            "مصيره غير معروف", "مكان وجوده", "مفيش حد بالاسم دا",
            "مالوش عندنا", "ملوش عندنا", "مش موجود عندنا", "مش موجود هنا", "مش عندنا حد بالاسم ده",
            "منعرفش عنه حاجة", "مانعرفش عنه حاجة", "معرفناش هو فين", "معرفناش هو فى انهى مكان",
            "محدش عارف هو فين", "كل قسم يقول",
            "ما عندنا أحد بهالاسم",
            "مو موجود عندنا", "ما ندري عنه", "ما ندري عنه شي", "ما نعرف عنه شي", "ما ندري وين هو",
            "ما نعرف وين هو", "محد يدري وينه", "محد يعرف وينه", "ما أحد راضي يقول",
            "مش موجود عنا", "مش موجودين عنا", "ما عنا حدا بهالاسم", "ما في حدا بهالاسم",
            "ما بنعرف عنو شي", "ما منعرف عنو شي", "ما حدا بيعترف", "ما حدا راضي يقلنا",
            "ما حدا عم يقلنا", "بينكروا إنو عندن", "بينكر",
            "ما كاينش عندنا", "ماكاينش عندنا", "موش هوني", "موش عندنا", "ما عندناش خبر",
            "ماعندناش خبر", "ما عندنا حتى خبر", "ما كاين حتى خبر", "ما نعرفو عليه شي", "ما نعرفوش فين",
            "قالوا مش عندنا", "قالولنا مش عندنا", "قالولي مش عندنا", "بيقولوا مش عندنا",
            "بيقول مش عندنا", "يقولوا مش عندنا", "قالوا مش هنا", "قالولنا مش هنا", "بيقولوا مش هنا",
            "يقول مش هنا", "بيقول مش هنا", "قالوا مو عندنا", "قالوا مب عندنا", "قالوا لنا مو عندنا",
            "يقولون مب عندنا", "قالوا ليس لدينا", "قالوا ليس عندنا", "أخبرونا أنه ليس لديهم",
            "قيل لنا إنه غير موجود", "قالوا مش عنا", "بيقولوا مش عنا", "قالو ما عندناش",
            "قالولنا ما عندناش", "قالولنا موش هوني", "قالولنا موش عندنا", "قالولنا ماكاينش",
            "مفيش حد بالاسم ده", "مفيش حد اسمه كده",
            "يقول ما عندنا", "يقولون ما عندنا", "الكل يقول ما عندنا", "كلهم يقولون ما عندنا",
            "يقولولنا ما عندناش", "يقولولنا ما عندنا", "قالوا ما عندنا", "لا نعرف شيئا عن مصير",
            "لم يعترف أحد باحتجازه", "لم يعترف أحد بوجوده", "ما حدا اعترف", "محدش اعترف",
            "ما حد اعترف إنه عندهم", "محدش اعترف انه عندهم", "لم تعترف السلطات باحتجازه",
            "لم تعترف السلطات",
            "نبي نعرف وين", "بدنا نعرف وين", "نريد أن نعرف أين", "ما رح تشوفيه", "مش هتشوفيه",
            "لن تريه",
            "ونبي نعرف وين", "نبغى نعرف وين",
        ],
        "fr": [
            "sans aucune nouvelle", "tous nient le détenir",
            "lieu de détention inconnu", "aucun contact avec lui", "enlevé par des inconnus",
            "détenu au secret", "au secret", "incommunicado", "privé de tout contact",
            "interdit de contact", "nient le détenir", "nient sa détention", "disparu depuis",
            "porté disparu", "destination inconnue", "sort inconnu",
            "aucune trace de lui",
            "il n'est pas ici", "n'est pas ici", "ne le détiennent pas", "ne le détient pas",
            "ne le détenons pas", "nie le détenir", "sans nouvelles de", "sans nouvelles",
            "aucune nouvelle", "personne ne veut nous dire où", "refuse de nous dire où",
            "refusent de nous dire où", "on ne sait pas où", "nous ne savons pas où", "ignorons où",
            "aucun registre", "aucune trace",
            "disent qu'il n'est pas là", "dit qu'il n'est pas là", "qu'il n'est pas ici",
            "personne ne reconnaît le détenir", "n'ont jamais reconnu", "ne reconnaissent pas",
            "nous voulons savoir où", "vous ne le reverrez",
        ],
        "en": [
            "every station denied", "whereabouts unknown", "unknown whereabouts",
            "no news since", "no contact since", "no one knows where", "denied any contact",
            "no family contact", "held in secret", "not allowed any contact", "held incommunicado",
            "incommunicado", "denied holding him", "missing since", "disappeared since",
            "forcibly disappeared", "unknown location", "fate unknown",
            "said he was not there", "said he is not there", "they don't have him",
            "don't have anyone", "no one by that name", "nobody by that name", "anyone by that name",
            "no record of him", "no record of his arrest", "no news of him", "no news from him",
            "no news of her", "heard nothing from him", "nobody will tell us where",
            "nobody would tell us where", "no one will tell us where", "refuse to tell us where",
            "refused to tell us where", "won't tell us where", "don't know where he is",
            "do not know where he is", "don't know where they took",
            "deny holding", "denied holding", "denies holding",
            "said he is not here", "said he was not here", "told us he is not here",
            "told us he was not here", "said he's not here", "they don't have anyone",
            "we don't have anyone",
            "no one admits holding him", "nobody admits", "never acknowledged",
            "have not acknowledged",
            "we want to know where", "you will never see him",
        ],
    },
    "prolonged_incommunicado": {
        "level": "high",
        "label_en": "Whereabouts unknown for weeks or longer",
        "label_fr": "Lieu de détention inconnu depuis des semaines ou plus",
        "label_ar": "مكان الاحتجاز مجهول منذ أسابيع أو أكثر",
        "ar": [
            "مختفي منذ سنوات", "مختفي من سنين", "من سنين ما نعرف عنه", "منذ سنوات لا نعرف",
            "منذ شهور لا نعرف", "من شهور ما نعرف", "صرلنا سنين",
            "بقالنا سنين", "منذ أشهر لا خبر", "من شهور ما في خبر",
            "غائب منذ سنوات", "مفقود منذ سنوات", "من سنين ما شفناه", "هذي سنين وحنا ندور",
            "مختفي من شهور", "مختفي منذ أشهر",
        ],
        "fr": [
            "disparu depuis des années", "disparu depuis des mois",
            "sans nouvelles depuis des mois", "sans nouvelles depuis des années",
            "depuis des années nous le cherchons", "depuis des mois nous le cherchons",
            "aucune nouvelle depuis des mois", "aucune nouvelle depuis des années",
            "disparu depuis un an", "disparu depuis deux ans", "nous cherchons depuis des mois",
            "toujours disparu", "toujours sans nouvelles", "cela fait des mois",
            "cela fait des années",
        ],
        "en": [
            "missing for years", "missing for months", "no news for months", "no news for years",
            "for years we have looked", "searching for months", "searching for years",
            "still missing after", "missing since last year", "disappeared years ago",
            "disappeared months ago", "no word for months", "no word for years", "for months now",
            "for years now",
        ],
    },
    "missing_person": {
        "level": "high",
        "label_en": "A person, often a girl, said to be missing or abducted",
        "label_fr": "Personne, souvent une jeune fille, disparue ou enlevée",
        "label_ar": "شخص، غالبًا فتاة، يُقال إنه مفقود أو مخطوف",
        "ar": [
            "اتخطفت", "خطفوها", "خطفها", "اختطفت", "اختطفوها", "اختطفها", "غابت عن البيت",
            "غاب عن البيت", "اختفت ابنتي", "اختفت بنتي", "اختفت أختي", "بنتي مختفية",
            "ابنتي مفقودة", "ما رجعت البيت", "ما رجعتش البيت", "ما رجعت للدار",
        ],
        "fr": [
            "ma fille a disparu", "ma fille est introuvable", "enlevée", "kidnappée",
            "a été enlevée", "n'est pas rentrée", "elle a disparu", "disparue depuis",
            "ma sœur a disparu", "portée disparue", "enlèvement de ma fille", "ils l'ont enlevée",
            "fugue", "introuvable depuis", "sans nouvelles d'elle",
        ],
        "en": [
            "my daughter is missing", "kidnapped my daughter", "was kidnapped",
            "has been kidnapped", "abducted my daughter", "she is missing", "went missing",
            "has gone missing", "did not come home", "never came home", "my sister is missing",
            "taken by a man", "abducted her", "kidnapped her", "missing girl",
        ],
    },
    "no_contact": {
        "level": "critical",
        "label_en": "No contact with a person since they were taken",
        "label_fr": "Aucun contact avec la personne depuis qu'elle a été emmenée",
        "label_ar": "انقطع الاتصال بالشخص منذ أن أُخذ",
        "ar": [
            "بملابس مدنية", "لابسين مدني", "بلباس مدني", "بالحوايج المدنية", "بالزي المدني", "ملثمين",
            "سيارة بدون لوحات", "سيارة بلا نمرة", "بلا لوحات", "بدون لوحات", "عربية ملاكي",
            "هاتفه مغلق", "لا يرد على هاتفه", "تليفونه مقفول", "موبايله مقفول", "جواله مقفل",
            "جواله مسكر", "تلفونو مسكر", "تيليفونو طافي", "التيليفون ديالو طافي", "تليفونه مغلق",
            "ما عم يرد عالتلفون", "ما يرد على جواله", "ما كيجاوبش", "نحوسو عليه", "ما حدا شافو",
            "ما لقيناهش", "لفينا الأقسام", "لفينا على الأقسام", "بنلف على الأقسام", "رحنا كل المراكز",
            "درنا كاع الكوميساريات", "ما شفناه", "من وقتها ما شفناه",
            "لم نره منذ", "لا خبر", "ولا خبر", "أي خبر عنه",
        ],
        "fr": [
            "voiture banalisée", "son téléphone est éteint", "téléphone éteint", "hommes en civil",
            "policiers en civil", "en civil", "cagoulés", "sans plaque", "n'est jamais rentré",
            "pas rentré", "aucune nouvelle depuis", "nous le cherchons", "fait le tour des commissariats",
            "ne répond plus", "plus de nouvelles", "pas de nouvelles", "sans nouvelle", "ne l'avons plus revu",
            "n'a pas donné signe de vie",
        ],
        "en": [
            "unmarked car", "phone is off", "phone has been off", "phone is switched off",
            "plain-clothes", "plainclothes", "in plain clothes", "masked men", "without plates",
            "no plates", "never came home", "did not come home", "has not come back", "not answering",
            "no answer on his phone", "searched every station", "went to every station",
            "haven't seen him since", "have not seen him since", "no word from him", "no sign of him",
        ],
    },
    "reprisal_threat": {
        "level": "high",
        "label_en": "Threats or reprisals against the complainant or family",
        "label_fr": "Menaces ou représailles contre le plaignant ou sa famille",
        "label_ar": "تهديد أو انتقام من الشاكي أو أسرته",
        "ar": [
            # MSA
            "عقابا لي", "اتصالات تهديد",
            "بسحب الشكوى", "أطلب الحماية", "نطلب الحماية", "هددوا بإيذائه",
            "تهديد بالانتقام", "خوفا من الانتقام", "هددوا عائلتي", "هددوا أهلي", "يهددون عائلتي",
            "انتقاما مني", "عقابا على الشكوى", "بسبب شكواي", "بعد تقديم الشكوى", "لأنني اشتكيت",
            "أجبروني على التنازل", "التنازل عن الشكوى", "ضغطوا علينا للتنازل", "وقعوني على تنازل",
            "نقلوه عقابا", "نقلوه لسجن بعيد", "التغريب", "هددوا باعتقال", "هددوا بأخذ أولادي",
            "توعدني", "توعدوني", "يتوعدونه", "سحب الشكوى",
            # Egyptian
            "مسحبتش الشكوى", "هلبسك قضية", "هيلبسني قضية", "خايف على عيالي",
            "هددوني لو اشتكيت", "بيهددوا أهلي", "بعد ما اشتكيت", "عشان اشتكيت",
            "هنلبسك قضية", "هيلبسوني قضية", "هيودوني ورا الشمس", "ورا الشمس", "اتنازل عن المحضر",
            "خايفين يأذوه",
            # Gulf
            "يهددوني إذا اشتكيت", "قالوا لو تشتكي", "خايف يأذوني", "هددوني أسحب البلاغ",
            # Levantine
            "منشان اشتكيت", "بدهم يأذوني", "هددوني إذا بشتكي", "قالولي سحاب الشكوى",
            # Maghrebi
            "سحب الشكاية", "غادي تشوف",
            "كيهددو العائلة", "حيت شكيت", "من بعد ما شكيت", "غادي يأذيوني", "بغاو نتنازل",
            "نتنازل على الشكاية",
            "إذا ما سحبت", "لو ما سحبت",
            "إذا تشكي", "لو تشكي", "إذا اشتكيت", "نلفقلك", "إن تكلمت", "لو اتكلمت",
            "إذا حكيت", "اسكتي ولا", "اسكت ولا", "بتلحقه", "سكروا فمكم",
            "بنسفركم", "نبلغ عليكم", "يبلغ عني",
            "قدام الدار كل ليلة", "تقف أمام منزلنا",
            "يلاحقني", "يراقبون البيت", "عشان ما أشتكي", "هددوني لو", "يهددونني إن",
            "بسلمك للأمن", "بسلمك للشرطة", "بنسلمك", "هنسلمك",
        ],
        "fr": [
            "appels menaçants", "demande de protection",
            "menaces de représailles", "représailles", "peur des représailles",
            "par crainte de représailles", "si je porte plainte", "retirer ma plainte",
            "retirer la plainte", "pressions pour retirer", "contraint de retirer", "désistement",
            "forcé de me désister", "intimidation",
            "menacent ma famille",
            "transféré en représailles", "vengeance",
            "devant chez moi", "une voiture la suit",
            "une voiture me suit", "on me suit", "nous suit", "menacé de représailles",
            "menacée de représailles", "pour me faire taire", "si je parle",
            "retirer ma plainte sinon",
        ],
        "en": [
            "threatening calls", "asked for protection", "threatened my family",
            "threat of reprisal", "reprisal", "reprisals", "retaliation", "retaliate",
            "afraid of retaliation", "fear of reprisals", "because I complained",
            "withdraw my complaint", "withdraw the complaint", "drop the complaint",
            "pressure to withdraw", "forced to withdraw", "intimidation",
            "harassing my family", "transferred as punishment", "punished for complaining",
            "stop talking", "keep quiet", "unless I pay",
            "outside my house every night", "parked outside my house", "following me",
            "followed me", "if I complain", "if I speak",
            "false absconding report", "absconding report",
        ],
    },
    "death_in_custody": {
        "level": "critical",
        "label_en": "Death in custody or at the hands of officials",
        "label_fr": "Décès en détention ou du fait d'agents publics",
        "label_ar": "وفاة أثناء الاحتجاز أو على يد موظفين رسميين",
        "ar": [
            # MSA
            "مات في السجن", "مات في الزنزانة", "توفي في السجن", "توفي داخل السجن",
            "توفي أثناء احتجازه", "الوفاة أثناء الاحتجاز", "وفاة محتجز", "وفاة سجين", "وفاة معتقل",
            "مات تحت التعذيب", "قتل تحت التعذيب", "توفي تحت التعذيب", "مات من التعذيب",
            "مات من الضرب", "قتلوه بالضرب", "رفضوا تسليم الجثة", "آثار تعذيب على الجثة",
            "الجثة عليها آثار", "ادعوا أنه انتحر", "مات بسبب الإهمال الطبي", "دفن دون علم",
            "برصاص الشرطة", "قتلته الشرطة", "تشريح الجثة",
            # Egyptian
            "مات في الحجز", "مات في القسم", "قتلوه في القسم", "قتلوه ضرب", "طلع جثة", "خرج جثة",
            "لقيناه ميت", "قالوا مات بهبوط", "قالوا انتحر في الحجز", "مات من الإهمال",
            # Gulf
            "مات بالتوقيف", "توفي بالتوقيف", "توفي بالسجن", "مات بالسجن",
            # Levantine
            "مات بالفرع", "استشهد تحت التعذيب", "سلمونا جثته", "سلمونا هويته", "مات بالنظارة",
            # Maghrebi
            "مات فالكوميسارية", "مات فالحبس", "توفى فالحبس", "مات فالكاشو", "لقاوه ميت فالزنزانة",
            "قتلوه البوليس",
            "توفي في مركز التوقيف", "توفى في دار التوقيف", "مات في مركز",
            "ما سلمونا الجثة", "لم يسلموا الجثة", "دفنه دون تشريح",
            "بدون تشريح", "تسليم جثمان",
        ],
        "fr": [
            "mort après les coups", "décédé au commissariat", "mort en détention",
            "décès en détention", "mort en garde à vue", "mort au commissariat", "mort en prison",
            "décédé en prison", "mort dans sa cellule", "retrouvé mort", "retrouvé pendu",
            "mort sous la torture", "décédé sous la torture", "mort suite aux coups",
            "tué par la police", "abattu par la police", "mort suspecte", "enterré sans",
            "sans autopsie", "refusent de rendre le corps", "retrouvé le corps",
        ],
        "en": [
            "died after the beating", "body showed signs", "died at the station",
            "died in custody", "death in custody", "died in detention", "died in prison",
            "died in his cell", "found dead", "found hanged", "died under torture",
            "beaten to death", "killed in custody", "killed by police", "shot dead by",
            "died of medical neglect", "buried without", "suspicious death",
            "without an autopsy", "won't release the body", "will not release the body",
        ],
    },
    "sexual_violence": {
        "level": "critical",
        "label_en": "Sexual violence or the threat of it",
        "label_fr": "Violences sexuelles ou menace de violences sexuelles",
        "label_ar": "عنف جنسي أو تهديد به",
        "ar": [
            # MSA
            "تتعرض للتحرش", "يتحرش بها", "يتحرشون بها",
            "التهديد بالاغتصاب", "هددوه باغتصاب", "هددوني بالاغتصاب", "هددوا باغتصاب زوجته",
            "ابتزاز جنسي",
            "طلب مني علاقة", "مقابل الإفراج",
            # Egyptian
            "طلب مني أنام معاه",
            # Gulf
            "تحرش فيني",
            # Levantine
            # Maghrebi
            "يتحرش بيها كل يوم", "بيتحرش بيا", "عم يتحرش فيي", "يتحرش فيني كل يوم", "كل ليلة يجي",
            "يهددني بالاغتصاب", "هدد باغتصابها", "يبتزني جنسيا", "يطلب مني علاقة",
            "يساومني على جسدي", "عم يعتدي عليها", "يعتدي عليها كل ليلة", "بيدخل عليها",
            "يدخل عليها بالليل", "يفوت عليي بالليل",
            "يبيعوا في البنات",
        ],
        "fr": [
            "harcelée par un gardien",
            "menace de viol", "menacée de viol",
            "chantage sexuel", "faveurs sexuelles",
            "menace de la violer", "reviendra ce soir", "revient chaque nuit",
            "entre dans sa chambre la nuit", "tente d'entrer dans ma chambre",
            "me harcèle chaque jour", "continue de me harceler", "relations sexuelles en échange",
            "exige des relations", "menace de m'agresser",
        ],
        "en": [
            "harassed by a guard", "threatened with rape",
            "threatened to rape",
            "sexual favours", "sexual favors", "sex in exchange",
            "sexual blackmail",
            "comes into her room at night", "comes into my room", "will come back tonight",
            "keeps harassing", "harasses me every day", "every night he comes",
            "still being abused", "tries to enter my room", "demanding sex",
        ],
    },
    "life_at_risk": {
        "level": "critical",
        "label_en": "The complainant fears for someone's life",
        "label_fr": "Le plaignant craint pour la vie d'une personne",
        "label_ar": "الشاكي يخشى على حياة شخص",
        "ar": [
            # MSA
            "تدخلوا فورا", "التدخل العاجل", "نخشى على حياته", "نخشى على حياتها", "نخاف على حياته",
            "حياته في خطر", "حياتها في خطر", "خطر على حياته", "تهديد لحياته", "مهدد بالموت",
            "قد يموت", "نخشى أن يموت", "نخشى أن يقتلوه", "ننقذ حياته", "إنقاذ حياته", "تدخل عاجل",
            "نطلب التدخل فورا", "زيارة عاجلة",
            # Egyptian
            "اعملوا حاجة", "اتحركوا بسرعة", "خايفين على حياته", "خايفين يموت", "خايفين يموتوه",
            "الحقوه", "الحقونا", "أرجوكم الحقوه", "أبوس إيديكم",
            # Gulf
            "نخاف يموت", "الله يخليكم الحقوا عليه", "تكفون", "نترجاكم",
            # Levantine
            "تحركوا بسرعة", "دخيلكن تحركو", "دخيلكن", "دخيلكم", "رح يموت عندهم",
            "الحقوه قبل ما يموت",
            # Maghrebi
            "ديرو شي حاجة", "عافاكم ديرو شي حاجة", "عتقوه", "عتقونا", "غادي يموت ليهم",
            "الله يرحم والديكم",
            "تهديد بالقتل", "هددني بالقتل", "يهددني بالقتل", "هددها بالقتل", "يهددها بالقتل",
            "بتصفيتي", "يهددني بتصفيتي", "هددها بالموس", "هددوه بالقتل", "هددوني بالقتل",
            "أخشى على حياتي", "حياتي في خطر", "خايف على حياتي", "خايفة على حياتي", "هيموتوه",
            "هيقتلوه", "رح يقتلوه", "بدهم يقتلوه", "غادي يقتلوه", "أنت التالي",
        ],
        "fr": [
            "danger pour sa vie", "aidez-nous vite", "intervenir immédiatement",
            "craignons pour sa vie", "crainte pour sa vie", "sa vie en danger", "danger de mort",
            "risque de mourir", "en danger de mort", "intervention urgente",
            "intervenir d'urgence", "sauvez-le", "sauver sa vie", "visite urgente",
            "avant qu'il soit trop tard", "il risque sa vie", "je vous en supplie",
            "menaces de mort", "menacé de mort", "menacée de mort", "peur pour ma vie",
            "va le tuer", "vont le tuer", "tu es le prochain", "entre la vie et la mort",
        ],
        "en": [
            "life is in danger", "in mortal danger", "danger to his life", "risk to his life",
            "urgent help", "please act quickly", "intervene immediately", "fear for his life",
            "fear for her life", "his life in danger", "her life in danger", "life is at risk",
            "may die", "could die", "save his life", "urgent intervention", "intervene urgently",
            "urgent visit",
            "death threats", "threatened to kill", "threatened to kill me", "fear for my life",
            "afraid for my life", "the next one is you", "you are next", "will kill him",
            "going to kill him",
        ],
    },
    "imminent_execution": {
        "level": "critical",
        "label_en": "Execution said to be imminent",
        "label_fr": "Exécution qui serait imminente",
        "label_ar": "تنفيذ حكم إعدام يُقال إنه وشيك",
        "ar": [
            # MSA
            "تنفيذ حكم الإعدام", "موعد تنفيذ الإعدام", "سيعدم", "سيتم إعدامه", "إعدامه قريبا",
            "حكم إعدام نهائي", "غرفة الإعدام",
            "نقلوه لغرفة الإعدام", "إحالة أوراقه إلى المفتي", "أحيلت أوراقه للمفتي",
            "تنفيذ القصاص", "عنبر الإعدام", "جناح الإعدام", "تنفيذ الحكم خلال أيام",
            # Egyptian
            "هيعدموه", "هيتعدم", "البدلة الحمراء", "لابس البدلة الحمراء", "أوراقه للمفتي",
            # Gulf
            "بيعدمونه", "بينفذون فيه القصاص", "القصاص قريب",
            # Levantine
            "بدهم يعدموه", "رح يعدموه", "رح ينعدم",
            # Maghrebi
            "غادي يعدموه",
            "بينفذون حكم الإعدام", "ينفذون حكم الإعدام", "بينفذون فيه",
            "تنفيذ الإعدام", "نقلوه للإعدام", "قبل تنفيذ الحكم", "الإعدام بكرة", "الإعدام غدا",
            "إعدامه غدا", "إعدامه خلال أيام",
        ],
        "fr": [
            "exécuté demain", "exécution imminente",
            "couloir de la mort", "va être exécuté", "sera exécuté",
            "date d'exécution", "exécution prévue", "qisas",
            "risque d'exécution", "menacé d'exécution", "exécution programmée",
            "exécution fixée",
            "exécution cette semaine", "exécuté cette semaine", "exécution dans quelques jours",
            "va être pendu",
        ],
        "en": [
            "executed tomorrow", "execution next week", "imminent execution",
            "execution date", "scheduled execution", "due to be executed", "will be executed",
            "going to be executed",
            "facing execution", "execution chamber", "qisas", "about to be executed",
            "risk of execution", "execution is scheduled",
            "executed this week", "execution this week", "to be executed", "executed within days",
            "hanged tomorrow",
        ],
    },
    "imminent_deportation": {
        "level": "high",
        "label_en": "Deportation or forced return said to be imminent",
        "label_fr": "Expulsion ou renvoi forcé qui serait imminent",
        "label_ar": "ترحيل أو إعادة قسرية يُقال إنها وشيكة",
        "ar": [
            # MSA
            "سيتم ترحيله", "قرار ترحيل", "أمر ترحيل", "ترحيل وشيك", "ترحيله إلى بلده",
            "الإعادة القسرية", "ترحيل قسري", "طلب تسليم", "سيسلمونه", "ترحيله غدا", "قرار الإبعاد",
            "قرار إبعاد", "مطلوب في بلده", "سيعذب إذا رجع", "محتجز في مركز الترحيل",
            "تسليمه إلى بلده",
            # Egyptian
            "هيرحلوه", "هيترحل", "هيرحلوه بكرة", "محجوز في الترحيلات",
            # Gulf
            "بيسفرونه", "راح يسفرونه", "بيرحلونه", "في الترحيل",
            # Levantine
            "رح يرحلوه", "بدهم يرحلوه", "رح يرجعوه على سوريا", "بدهم يسلموه",
            # Maghrebi
            "غادي يرحلوه", "غادي يرجعوه لبلادو", "باغيين يرحلوه",
            "بنبعده", "بيبعدونه", "يبعدونه", "بنسفرك", "يرحلوكم", "يرحلوني", "ويرحلوني",
            "يديونا للحدود", "يرجعوني",

            "يرحلونا", "بيرحلونا", "غادي يرحلونا", "راح يرحلونا", "بدهم يرحلونا",
        ],
        "fr": [
            "expulsion imminente", "va être expulsé", "sera expulsé", "menacé d'expulsion",
            "arrêté d'expulsion", "ordre d'expulsion", "reconduite à la frontière", "renvoi forcé",
            "refoulement", "extradition", "extradé", "renvoyé dans son pays", "expulsion prévue",
            "vol d'expulsion", "renvoi imminent", "mesure d'éloignement", "expulsé demain",
            "demande d'extradition",
            "l'expulser", "nous expulser",
        ],
        "en": [
            "put on a plane", "deportation flight", "removal tomorrow", "about to be deported",
            "will be deported", "going to be deported", "deportation order",
            "imminent deportation", "facing deportation", "scheduled for deportation",
            "deported tomorrow", "removal order", "extradition", "extradited", "forcibly returned",
            "refoulement", "sent back to", "persecution if returned",
            "flight back", "send me back", "will be sent back",
            "pushed back",
        ],
    },
}

# Signals whose level the stated time decides (`lexicon.detect_urgency`): with a time of
# `lexicon.LONG_DAYS` or more in the text, the signal becomes the one named here (None: no
# urgency — a death in custody long ago is a case to investigate, not an emergency).
TIMED_SIGNALS: dict[str, str | None] = {
    "incommunicado": "prolonged_incommunicado",
    "no_contact": "prolonged_incommunicado",
    "death_in_custody": None,
}
# Signals made by a suggested category (or "setting:<name>") and a setting together: (signal,
# category or setting, setting, at most this many words apart or None). A child (an age under
# 18, طفل، قاصر) and an arrest or custody: a child detained; a death next to custody: a death in
# custody. Made this way only, a signal of FRESH_ONLY needs a fresh time (since yesterday) too.
URGENCY_FROM_CATEGORIES: tuple[tuple[str, str, str, int | None], ...] = (
    ("child_detained", "children", "arrest", 8),
    ("child_detained", "children", "held", 8),
    ("death_in_custody", "setting:death", "custody", 6),
)
FRESH_ONLY = frozenset({"death_in_custody"})
# Signals that count only where the text has this setting: a serious illness without treatment is
# urgent for a detainee (the guidelines' "high"), not in a complaint about a school.
SIGNAL_NEEDS_SETTING: dict[str, str] = {"untreated_illness": "custody"}
# A signal that becomes critical when this category is suggested too: a child detained and
# beaten (the guidelines' "a child held ... and being abused").
CRITICAL_WITH: dict[str, str] = {"child_detained": "torture"}

# Cues that, shortly BEFORE a matched entry, deny it ("لم يتم ضربي", "il n'a pas été frappé").
# "بدون"/"بلا"/"sans"/"without" are not here on purpose: they are part of many entries.
NEGATIONS: dict[str, list[str]] = {
    "ar": [
        "لم", "لن", "لا", "ما", "مش", "مو", "مب", "ليس", "ليست", "لست", "مكانش", "ما فيه أحد", "ما في أحد",
        "ما أحد", "محد", "لا أحد", "ولا أحد", "ما حد",
        "ماكانش", "مفيش", "مافيش", "ماشي", "عمري ما", "ولا مرة", "أبدا", "محدش", "ما حدا",
        "حتى واحد ما",
    ],
    "fr": ["pas", "ne", "n'", "jamais", "aucun", "aucune", "ni", "personne ne", "nullement"],
    "en": [
        "not", "no", "never", "didn't", "did not", "wasn't", "was not", "weren't",
        "were not", "haven't", "hasn't", "hadn't", "don't", "doesn't", "nobody", "none",
        "neither", "nor",
    ],
}

# A negation cue just before one of NORMATIVE_AFTER, or just after one of NORMATIVE_BEFORE,
# states a rule ("لا يجوز احتجاز أي شخص…", "nul ne peut être détenu…", "shall not be
# subjected to torture"): the text is about what follows, so it is not denied.
NORMATIVE_AFTER: list[str] = [
    "يجوز", "ينبغي", "يجب", "يحق", "يسمح", "يمكن", "peut", "doit", "saurait", "sauraient", "peuvent",
]
NORMATIVE_BEFORE: list[str] = ["shall", "should", "must", "may", "can"]

# "Without" words. Not negation cues (they do not deny what follows), but an entry that holds
# one, or a negation cue, says what did NOT happen and is matched word for word, small words
# included (see `lexicon._entries`).
PRIVATIVES: dict[str, list[str]] = {
    "ar": ["بدون", "بلا", "دون", "غير", "بغير"],
    "fr": ["sans"],
    "en": ["without"],
}

# Entry words whose light stem is also the stem of a common word with another meaning, with the
# endings that make the text's word that other word. The ending is what the text's word has
# after the shared stem once its article, conjunction and preposition are set aside; "" is the
# bare stem. Such a word in any entry (alone or in a phrase) does not match a text word with one
# of these endings; every other form still does.
OTHER_WORD_ENDINGS: dict[str, tuple[str, ...]] = {
    # عيل "kid" (Egyptian: العيل، لسه عيل) — عيلة، العيلة، عيلتي "family" (Egyptian, Levantine).
    "عيل": ("ة", "ه", "ت"),
    # مرحّل "deported" (مرحلين، المرحلين) — المرحلة "the stage", مرحلتين "two stages".
    "مرحل": ("ة", "ه", "ت"),
    # عنصري، عنصرية "racist, racism" — العنصر "the agent" (Levantine for a security man),
    # عنصر أمن "a security man", عنصره "its element".
    "عنصري": ("", "ه"),
    "عنصرية": ("", "ه"),
    # طائفية "sectarianism" — الطائف (the city), طائفة "a sect, a number of".
    "طائفية": ("", "ه", "ت"),
    # تمييزي، تمييزية "discriminatory" — التمييز (also محكمة التمييز, the court of cassation in
    # Jordan, Iraq and Kuwait), تمييزا "to tell apart"; the bare word counts only as a weak entry.
    "تمييزي": ("", "ا", "ه"),
    "تمييزية": ("", "ا", "ه"),
    # الخصوصية "privacy" — خصوصا "especially", بخصوص "about", الخصوصي "private (school, sector)".
    "الخصوصية": ("", "ا", "ي"),
    # التنصت "wiretapping" — تنص "(the article) provides", the commonest verb of a legal text.
    "التنصت": ("",),
    # بوست "a post" — بوس "kisses", بوسني "Bosnian".
    "بوست": ("", "ني", "ه", "ي"),
    # نقابي "trade unionist" — النقاب "the face veil".
    "نقابي": ("",),
    # مصادرة "confiscation" — مصادر "sources".
    "مصادرة": ("",),
    # صادروا "they confiscated" — صادر "issued", الصادرات "exports".
    "صادروا": ("", "ه", "ات", "ين", "ون"),
    # مظاهرة "a demonstration" — مظاهر "aspects", مظاهرها "its forms".
    "مظاهرة": ("", "ها", "هم"),
    "مظاهرات": ("", "ها", "هم"),
    # مدون "blogger" — مدونة "a code" (مدونة الأسرة، مدونة السلوك).
    "مدون": ("ه", "ت", "ات"),
    # طلب "asked for" (a bribe) — الطلبة "the students", طلبت "I asked".
    "طلب": ("ه", "ت", "ات"),
    # أعمى "blind" — أعم "more general".
    "أعمى": ("",),
}

# The light stemmer folds a feminine form into the masculine (موقوفة → موقوف، طبيبة → طبيب،
# شرطية → شرطة) and a verb's object "her" into "him" (يضربها → يضرب): exactly what tells a
# complaint about a woman. Every Arabic word of these categories' lists (their context included)
# meets only the same word, give or take its clitics (و، ال، ب…) and one of these pronoun endings.
WHOLE_WORD_CATEGORIES = frozenset({"women"})
WHOLE_WORD_SUFFIXES = ("ي", "ه", "ها", "هم", "هن", "نا", "كم", "ك", "و", "ا", "تي", "ته", "تها", "تو", "تنا")

# The conjunction/preposition letters ب، ك، ل at the start of a word are sometimes the word's own
# first letter (كهربوه "they electrocuted him", بضاعتي "my goods", كفيف "blind"); the light
# stemmer cannot tell and cuts them, so كهربوه meets هرب "fled" (هربت، هربوا) and بضاعتي meets
# ضاع "got lost". A ONE-WORD entry whose stemming cut such a letter therefore matches a text word
# only if that word has the same letter before the stem (كهربوني، وكهربوها). Not for the dialect
# present marker ب/ك before a verb's ي/ت/ن/ا (بيضربوه، كيضربوه): the MSA and Gulf forms without it
# (يضربوه) are the same verb. In the text, the article counts for ل: Maghrebi writes the article
# as ل (لحريك = الحريك).
ROOT_LETTER_CLITICS = "بكل"
PRESENT_MARKERS = "بك"
IMPERFECT_PREFIXES = "يتنا"

# A stated age decides two categories: under 18 is a child (the Convention on the Rights of the
# Child), 60 or over an older person (the UN's usage). `lexicon._stated_ages` reads a number —
# digits or the words of AGE_NUMBERS — as an age only with a cue:
# - a word of AGE_CUES just before it (عمره ١٥، بعمر ١٦، aged 15, âgée de 16 ans);
# - a unit of AGE_UNITS after it and a phrase of AGE_PERSONS just before it, or before one small
#   word of AGE_FILLERS (ابن ١٥ سنة، عنده ١٥ سنة، طفل من ١٢ عاما، a boy of 15 years, un garçon de
#   15 ans, il a 16 ans);
# - "year old" after it (15-year-old, 15 years old), or "من عمره / من العمر" (في السبعين من عمره);
# - 18 after a word of AGE_UNDER (دون الثامنة عشرة، under 18, moins de 18 ans) is a child;
#   60 or more after a word of AGE_OVER (تجاوز السبعين، over seventy, plus de 70 ans) is old.
# A number of years alone (محبوس ١٥ سنة، condamné à 15 ans) is never an age.
# Arabizi: Arabic written in Latin letters and digits (3 ع، 7 ح، 5/kh خ، 2 ء/ق، 9 ق), as people
# type it on phones. Spelling varies (chedouh, chadouh, shadouh; 3andna, 3andena), so both sides
# are reduced to a consonant skeleton (`lexicon._arabizi_key`: sh → ch, kh → 5, 7 → h, vowels
# dropped, doubled letters single) and matched token by token. Keys as in the other lists: a
# category code (evidence: a phrase suggests alone, a single word is weak unless listed in
# ARABIZI_STRONG), "context:<code>" (the category's setting), "@<setting>" (a setting of
# IMPLIED_CATEGORIES) or "signal:<code>" (an urgency signal).
ARABIZI: dict[str, list[str]] = {
    "@arrest": [
        "chedouh", "chadouh", "chedou", "chadou", "chedouha", "chedoni", "hakmouh", "hakmouha", "hakmouni",
        "5adhouh", "khadhouh", "5dawh", "khdawh", "5dah", "khdah", "et2abad", "it2abad", "et2abadet", "atba2",
        "meskouh", "mesko", "masakouh", "dakhlouh", "dakhlouha", "7absouh", "habsouh", "7absouha", "e3ta9louh",
        "i3ta9louh", "3ta9louh", "arrestawh", "daouh", "dawh", "hezzouh", "ha9ouh",
    ],
    "context:arbitrary_detention": [
        "chedouh", "chadouh", "hakmouh", "5adhouh", "khadhouh", "et2abad", "it2abad", "7absouh", "habsouh",
        "dakhlouh l7abs", "dakhlouha l7abs", "l7abs", "f l7abs", "mazal f commissariat", "f lcommissariat",
    ],
    "context:police_conduct": [
        "lbolis", "bolis", "elbolis", "el bolis", "lcommissariat", "commissariat", "el2esm", "el 2esm", "2esm",
        "l2esm", "zabet", "el zabet", "dabet", "chorta", "shorta", "l7akem", "el7akem", "poste", "lposte",
    ],
    "@police": [
        "lbolis", "bolis", "elbolis", "el bolis", "lcommissariat", "commissariat", "el2esm", "el 2esm", "2esm",
        "l2esm", "zabet", "el zabet", "dabet", "chorta", "shorta", "l7akem", "el7akem", "poste", "lposte",
    ],
    "@officials": [
        "lbolis", "bolis", "elbolis", "lcommissariat", "commissariat", "el2esm", "2esm", "zabet", "el zabet",
        "poste", "fil poste", "l7abs", "f l7abs",
    ],
    "context:torture": [
        "lcommissariat", "f lcommissariat", "fel commissariat", "fil poste", "f poste", "el2esm", "fel 2esm",
        "l7abs", "f l7abs", "mkalbesh", "mkelbech",
    ],
    "context:excessive_force": [
        "2odam el nas", "9odam ennas", "9dam nas", "qodam el nas", "fel char3", "f zan9a", "fi zan9a",
        "la marche", "f la marche", "mow2af", "fel mow2af",
    ],
    "disappearance": [
        "mesh 3andena", "mesh 3andna", "mech 3andna", "mesh 3ndna", "makaynch 3ndna", "makaynch 3andna",
        "makach 3andna", "ma3andnach", "ma 3andnach", "mafeesh 7ad 3aref", "mafich 7ad 3aref", "ma7adech 3aref",
        "ma3rfna fin", "ma3rafnach fin", "ma3rfnach fin", "mana3rfouch fin", "ma na3rfouch fin", "mazal ma3rfna",
        "ma3andna 7atta 5bar", "7atta 5bar", "hatta khbar", "mafich 5bar", "mafeesh 5abar", "ma3ndna 7ta 5bar",
        "mesh mawgoud", "mech mawjoud", "ma na3rfou 3lih walou", "ma3rfna 3lih walou", "fen howa", "fin howa",
        "win howa", "wen howa",
    ],
    "signal:incommunicado": [
        "mesh 3andena", "mesh 3andna", "mech 3andna", "makaynch 3ndna", "makaynch 3andna", "makach 3andna",
        "ma3andnach", "mafeesh 7ad 3aref", "mafich 7ad 3aref", "ma3rfna fin", "ma3rfnach fin", "mazal ma3rfna",
        "ma3andna 7atta 5bar", "7atta 5bar", "mafich 5bar", "mafeesh 5abar", "ma na3rfou 3lih walou",
    ],
    "torture": [
        "darbouh", "drabouh", "darabouh", "yodhrbou fih", "yedrbou fih", "yadarbou fih", "kaydarbouh",
        "kaydrbouh", "bidrabouh", "beyedrabouh", "3azbouh", "3adbouh", "t3adab", "kahrbouh", "9al3ouh hdoumo",
        "2ala3o hedomo", "2al3ouh hdoumo", "3arrawh",
    ],
    "signal:imminent_deportation": ["yrahlouna", "yra7louna", "yrahlouh", "yra7louh", "ghodwa yrahlouna"],
    "signal:ongoing_torture": [
        "9a3din yodhrbou", "9a3din yedrbou", "ga3din yedrbou", "mazal yedrbou", "mazal kaydrbouh", "lessa bydrabouh",
        "lsa byedrbouh", "lessa beyedrabouh", "nasm3ou fih y3ayet", "nesm3ou y3ayet",
    ],
    "women": [
        "kaydrebha", "kaydarbha", "yedrebha", "bidrabha", "beyedrabha", "hddedha", "hadedha", "7amla", "hamla",
        "7amel", "hamel", "rajelha", "rajlha", "jouzha", "gozha",
    ],
    "context:women": [
        "khti", "o5ti", "okhti", "5ti", "mrati", "marti", "merati", "bnti", "binti", "mama", "mmi", "yemma",
    ],
    "right_to_life": [
        "b lmous", "bel mous", "bil mous", "hddedha b lmous", "y9atlouh", "9atlouh", "2atalouh", "mat f",
    ],
    "privacy": [
        "sowrouni", "sawrouni", "sawrouh", "tsawri", "tsawer", "nashrou tsawri",
        "fatchou telephone", "fet7o telephone",
    ],
    "detention_conditions": [
        "makla", "makach makla", "mafich makla", "tbib", "ma jabouch tbib", "ma bghawch yjibo", "dwa", "ma 3tawhch dwa",
        "lwja3", "bard", "zham",
    ],
    "children": [
        "wlidi", "weldi", "waldi", "ebny", "ibni", "drari", "derri", "sghir", "bnti",
    ],
    "migrants_trafficking": [
        "yrahlouna", "yra7louna", "yrahlouh", "yra7louh", "rahlouh", "ra7louh", "harrag", "7arrag", "7ar9a",
    ],
    "police_conduct": [
        "rj3i l darek", "rja3 l darek", "rj3i ldarek", "roh l darek", "rou7 ldarek", "ma bghawch y3tiwna",
        "ma bghawch yakhdou chikaya", "ma 5alawnach", "ma khallawnach",
    ],
    "expression_assembly": [
        "la marche", "f la marche", "lmasira", "masira", "wa9fa", "tdwina",
    ],
}
ARABIZI_STRONG: dict[str, list[str]] = {
    "torture": ["3azbouh", "3adbouh", "kahrbouh"],
    "women": ["7amla", "hamla"],
    "migrants_trafficking": ["yrahlouna", "yra7louna"],
}
ARABIZI_UNITS = ["sana", "sna", "snin", "3am", "3ame", "ans"]
ARABIZI_AGE_CUES = ["3omrah", "3omro", "3omrou", "3omri", "3mrou", "omrou", "3omrha"]
ARABIZI_AGE_PERSONS = ["3andou", "3andha", "3ando", "3ndo", "3andi", "3andah"]

# How long something has lasted, for arbitrary detention (held beyond the legal limit of police
# custody: days) and urgency (incommunicado for days is critical, for weeks or longer high).
# `lexicon._durations` reads a unit of DURATION_UNITS (its length in days) as a duration when a
# number (digits, AGE_NUMBERS or DURATION_NUMBERS) or a word of DURATION_MARKERS stands just
# before it (بقاله ٨ أيام، منذ ثلاثة أسابيع، من شهور، for six days, depuis vingt mois), or when it
# is a dual (يومين، أسبوعين); a sentence (محكوم ٣ سنين، condamné à six mois) is not a duration
# of detention. FRESH_TIMES are the words of "since yesterday" (من امبارح، من البارح، depuis
# hier): a detention that began a day ago.
DURATION_UNITS: dict[str, dict[str, float]] = {
    "ar": {
        "ساعة": 0.1, "ساعات": 0.3, "ساعتين": 0.1, "ساعه": 0.1,
        "يوم": 1, "أيام": 1, "يومين": 2, "يوما": 1, "ايام": 1, "تيام": 1, "ليلة": 1, "ليلتين": 2, "ليالي": 1,
        "ليال": 1, "نهار": 1, "أسبوع": 7, "أسابيع": 7, "أسبوعين": 14, "جمعة": 7, "جمعتين": 14,
        "سيمانة": 7, "سيمانات": 7, "شهر": 30, "شهرين": 60, "أشهر": 30, "شهور": 30, "سنة": 365,
        "سنتين": 730, "سنين": 365, "سنوات": 365, "عام": 365, "عاما": 365, "عامين": 730, "أعوام": 365,
    },
    "fr": {
        "heures": 0.3, "jour": 1, "jours": 1, "nuit": 1, "nuits": 1, "semaine": 7, "semaines": 7,
        "mois": 30, "an": 365, "ans": 365, "année": 365, "années": 365,
    },
    "en": {
        "hours": 0.3, "day": 1, "days": 1, "night": 1, "nights": 1, "week": 7, "weeks": 7, "month": 30,
        "months": 30, "year": 365, "years": 365,
    },
}
# The duals and plurals that say a number alone (يومين: two days; أيام: a few days).
DURATION_DUALS: tuple[str, ...] = ("ساعتين", "يومين", "ليلتين", "أسبوعين", "جمعتين", "شهرين", "سنتين", "عامين")
DURATION_PLURALS: tuple[str, ...] = (
    "ساعات", "أيام", "ايام", "تيام", "ليالي", "ليال", "أسابيع", "سيمانات", "أشهر", "شهور", "سنين", "سنوات", "أعوام",
    "heures", "jours", "nuits", "semaines", "ans", "années", "hours", "days", "nights", "weeks", "months", "years",
)
DURATION_NUMBERS: dict[str, dict[str, int]] = {
    "ar": {"واحد": 1, "واحدة": 1, "اثنين": 2, "تنين": 2, "جوج": 2, "زوز": 2, "كم": 3, "عدة": 3, "بضعة": 3, "بضع": 3},
    "fr": {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
           "neuf": 9, "vingt": 20, "trente": 30, "quarante": 40, "plusieurs": 3, "quelques": 3, "des": 3},
    "en": {"a": 1, "an": 1, "one": 1, "several": 3, "few": 3, "many": 3},
}
DURATION_MARKERS: dict[str, list[str]] = {
    "ar": ["منذ", "من", "مند", "بقاله", "بقالو", "بقالها", "بقالهم", "بقالي", "بقالنا", "صار له", "صارله",
           "صار لها", "صار لي", "صارلي", "صرلو", "صرلها", "صرلي", "صرلنا", "صرلن", "له", "لها", "هذا له",
           "طوال", "لمدة", "مدة", "خلال"],
    "fr": ["depuis", "pendant", "durant", "il y a", "voilà", "cela fait", "ça fait"],
    "en": ["for", "since", "over", "past", "last", "ago", "nearly", "almost", "about"],
}
DURATION_SENTENCES: dict[str, list[str]] = {
    "ar": ["محكوم", "محكوما", "حكم", "حكموا", "حكموه", "حكمو", "الحكم", "بالسجن", "بالحبس", "سجنا", "حبسا", "عقوبة",
           "غرامة", "اتحكم", "انحكم", "نافذة", "موقوفة التنفيذ", "المؤبد"],
    "fr": ["condamné", "condamnée", "condamnation", "peine", "écopé", "ferme", "sursis"],
    "en": ["sentenced", "sentence", "convicted", "jail term", "prison term"],
}
# Times long past: "الشهر الماضي", "last year" (days), and a year written in digits after a word of
# DURATION_MARKERS ("منذ 2014", "depuis 2019"), which `lexicon._durations` reads as a year ago.
LONG_AGO: dict[str, dict[str, float]] = {
    "ar": {"الشهر الماضي": 30, "الشهر اللي فات": 30, "الشهر الفايت": 30, "السنة الماضية": 365,
           "العام الماضي": 365, "السنة اللي فاتت": 365, "العام اللي فات": 365, "من زمان": 365, "من سنين": 365,
           "من شهور": 30},
    "fr": {"le mois dernier": 30, "le mois passé": 30, "l'année dernière": 365, "l'an dernier": 365,
           "l'année passée": 365},
    "en": {"last month": 30, "last year": 365, "a year ago": 365, "months ago": 30, "years ago": 365},
}
FRESH_TIMES: dict[str, list[str]] = {
    "ar": ["امبارح", "إمبارح", "أمس", "الأمس", "البارح", "البارحة", "مبارح", "مبارحة", "اليوم", "الليلة",
           "الليلة الماضية", "الليلة اللي فاتت", "ليلة أمس", "الصبح", "الصباح", "هذا الصباح", "من الفجر",
           "من ساعات", "قبل ساعات", "منذ ساعات", "أول أمس", "أول امبارح", "أول البارح"],
    "fr": ["hier", "hier soir", "cette nuit", "ce matin", "aujourd'hui", "avant-hier", "la nuit dernière",
           "depuis quelques heures", "il y a quelques heures"],
    "en": ["yesterday", "last night", "this morning", "today", "tonight", "hours ago", "a few hours",
           "the day before yesterday"],
}

AGE_CATEGORIES: dict[str, tuple[int, int]] = {"children": (0, 17), "older_persons": (60, 130)}
AGE_CUES: dict[str, list[str]] = {
    "ar": ["عمره", "عمرها", "عمري", "عمرو", "عمرا", "عمرهم", "عمرهما", "عمر", "العمر", "بعمر", "عمرك"],
    "arabizi": ARABIZI_AGE_CUES,
    "fr": ["âgé", "âgée", "âgés", "âgées"],
    "en": ["aged", "age"],
}
AGE_UNITS: dict[str, list[str]] = {
    "ar": ["سنة", "سنين", "سنوات", "عام", "عاما", "سنتين", "ربيعا"],
    "arabizi": ARABIZI_UNITS,
    "fr": ["ans", "an"],
    "en": ["year", "years", "yr", "yrs"],
}
AGE_PERSONS: dict[str, list[str]] = {
    "arabizi": ARABIZI_AGE_PERSONS,
    "ar": ["ابن", "بنت", "عنده", "عندها", "عندو", "عندا", "عندي", "عندهم", "عندهن", "ذو", "ذات", "ذي", "يبلغ",
           "تبلغ", "البالغ",
           "البالغة", "طفل", "طفلة", "ولد", "فتاة", "فتى", "شاب", "شابة", "رجل", "امرأة", "سيدة", "مسن", "مسنة",
           "صبي", "صبية"],
    "fr": ["garçon", "fille", "enfant", "adolescent", "adolescente", "jeune", "homme", "femme", "mineur",
           "mineure", "fils", "frère", "sœur", "père", "mère", "dame", "vieillard", "élève", "collégien",
           "lycéen", "bébé", "il a", "elle a", "qui a", "j'ai", "il avait", "elle avait"],
    "en": ["boy", "girl", "child", "man", "woman", "teenager", "son", "daughter", "brother", "sister",
           "father", "mother", "detainee"],
}
AGE_FILLERS: dict[str, list[str]] = {
    "ar": ["من", "حوالي", "نحو", "قرابة", "تقريبا"],
    "fr": ["de", "d'environ", "environ", "presque", "a"],
    "en": ["of", "about", "around", "nearly", "aged"],
}
AGE_UNDER: dict[str, list[str]] = {
    "ar": ["دون", "تحت", "أقل", "أصغر", "يتجاوز", "تتجاوز", "يتعدى", "تتعدى", "قبل"],
    "fr": ["moins", "sous"],
    "en": ["under", "below", "younger"],
}
AGE_OVER: dict[str, list[str]] = {
    "ar": ["فوق", "تجاوز", "تجاوزت", "يتجاوز", "تتجاوز", "تخطى", "تخطت", "جاوز", "ناهز", "يناهز", "تناهز"],
    "fr": ["plus", "dépassé", "passé"],
    "en": ["over", "past", "beyond"],
}
AGE_NUMBERS: dict[str, dict[str, int]] = {
    "ar": {
        "سنتين": 2, "ثلاث": 3, "ثلاثة": 3, "تلات": 3, "تلاتة": 3, "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5,
        "ست": 6, "ستة": 6, "سبع": 7, "سبعة": 7, "ثماني": 8, "ثمان": 8, "ثمانية": 8, "تمن": 8, "تمانية": 8,
        "تسع": 9, "تسعة": 9, "عشر": 10, "عشرة": 10,
        "أحد عشر": 11, "إحدى عشرة": 11, "حداشر": 11, "احداشر": 11, "إحدعش": 11,
        "اثنا عشر": 12, "اثني عشر": 12, "اثنتا عشرة": 12, "اثنتي عشرة": 12, "اتناشر": 12, "اطناشر": 12,
        "ثنعش": 12, "اثنعش": 12,
        "ثلاث عشرة": 13, "ثلاثة عشر": 13, "تلتاشر": 13, "تلطاشر": 13, "ثلطعش": 13, "تلتعش": 13,
        "أربع عشرة": 14, "أربعة عشر": 14, "أربعتاشر": 14, "اربعتاشر": 14, "ربعطاش": 14, "أربعطعش": 14,
        "اربعطعش": 14, "اربعتعش": 14,
        "خمس عشرة": 15, "خمسة عشر": 15, "خمستاشر": 15, "خمسطاش": 15, "خمسطاشر": 15, "خمسطعش": 15, "خمستعش": 15,
        "ست عشرة": 16, "ستة عشر": 16, "ستاشر": 16, "سطاش": 16, "سطاشر": 16, "ستطعش": 16, "سطعش": 16, "ستعش": 16,
        "سبع عشرة": 17, "سبعة عشر": 17, "سبعتاشر": 17, "سبعطاش": 17, "سبعطاشر": 17, "سبعطعش": 17, "سبعتعش": 17,
        "ثماني عشرة": 18, "ثمانية عشر": 18, "ثمان عشرة": 18, "تمنتاشر": 18, "تمنطاش": 18, "ثمنطعش": 18,
        "العاشرة": 10, "العاشر": 10, "الحادية عشرة": 11, "الحادي عشر": 11, "الثانية عشرة": 12,
        "الثاني عشر": 12, "الثالثة عشرة": 13, "الثالث عشر": 13, "الرابعة عشرة": 14, "الرابع عشر": 14,
        "الخامسة عشرة": 15, "الخامس عشر": 15, "السادسة عشرة": 16, "السادس عشر": 16, "السابعة عشرة": 17,
        "السابع عشر": 17, "الثامنة عشرة": 18, "الثامن عشر": 18, "الثامنة عشر": 18,
        "تسع عشرة": 19, "تسعة عشر": 19, "تسعتاشر": 19, "تسعطاش": 19, "تسعطعش": 19,
        "عشرين": 20, "عشرون": 20, "ثلاثين": 30, "ثلاثون": 30, "أربعين": 40, "أربعون": 40, "خمسين": 50,
        "خمسون": 50, "ستين": 60, "ستون": 60, "الستين": 60, "الستينات": 60, "سبعين": 70, "سبعون": 70,
        "السبعين": 70, "السبعينات": 70, "ثمانين": 80, "ثمانون": 80, "تمانين": 80, "الثمانين": 80,
        "الثمانينات": 80, "تسعين": 90, "تسعون": 90, "التسعين": 90, "التسعينات": 90,
    },
    "fr": {
        "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
        "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19, "soixante": 60, "soixante-dix": 70, "quatre-vingt": 80,
        "quatre-vingts": 80, "quatre-vingt-dix": 90,
    },
    "en": {
        "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    },
}
