"""Cold-start triage lexicon: how people actually write each kind of human-rights complaint.

Used to suggest categories and urgency before any model has been trained on an organisation's own
cases. It is written by hand for real complaints (web forms, letters typed up at a desk, WhatsApp
messages copied into the portal), not for the demo corpus.

Conventions the matcher relies on:
- Entries are surface forms, 1-4 words, as complainants write them: MSA, then Egyptian, Gulf,
  Levantine and Maghrebi (Darija, Algerian, Tunisian) forms. The engine (`mizan.lib.arabic`)
  normalises and stems both sides, so alef/yeh/teh-marbuta variants and simple clitics are not
  listed twice; dialect verb forms are (their prefixes and suffixes defeat light stemming).
- Multi-word entries are phrases: they should match as an ordered run of analysed terms, not as a
  bag of words ("مضرب عن الطعام" must not fire on "مضرب" meaning "beaten").
- Some entries begin with, or contain, a negation or "without" ("بدون محامي", "ما نعرف وينه",
  "no lawyer", "sans avocat"): the negation is part of the signal. Negation cues in `NEGATIONS`
  should only be looked for in a short window BEFORE a matched span, never inside it.
- "sans"/"without"/"بدون"/"بلا" are deliberately not negation cues: "détenu sans avocat" is a
  due-process signal, not a denial.
- Words that appear in nearly every complaint (الشرطة، قسم، الضابط، النيابة، police, prison
  alone) are context, not category signals, and are left out on purpose.
- Urgency phrases often carry their urgency in words the search engine treats as stop-words
  (لسه، لسا، للحين، هلق، مازال، still, now). Match urgency signals on normalised tokens WITHOUT
  stop-word removal so that "لسه بيضربوه" is not reduced to "يضرب".
- A few Maghrebi terms written in Latin letters (hogra, harraga) sit in the French lists because
  that is where they occur: in French-language complaints from the Maghreb.
- `other` is the fallback and deliberately has no terms.
- Where a light stem is shared with an unrelated common word, the entry is guarded rather than
  dropped: `OTHER_WORD_ENDINGS` (at the end of this file) names the endings of the other word,
  and one-word entries whose stemming cuts a ب/ك/ل ask for that letter in the text.
"""

CATEGORY_TERMS: dict[str, dict[str, list[str]]] = {
    "torture": {
        "ar": [
            # MSA
            "تعذيب", "عذبوه", "عذبوني", "عذبوها", "تعرض للتعذيب", "تعرضت للتعذيب", "سوء المعاملة",
            "معاملة مهينة", "معاملة قاسية", "معاملة لاإنسانية", "إيذاء جسدي", "اعتداء بالضرب",
            "ضرب مبرح", "ضربوه", "ضربوني", "ضربوها", "انهالوا عليه بالضرب", "صعق كهربائي",
            "صعقوه بالكهرباء", "صعقوني", "تعليق من اليدين", "علقوه", "علقوني", "الفلقة", "تفلقة",
            "جلدوه", "حرق بالسجائر", "أطفأوا السجائر", "نزع الأظافر", "الإغراق بالماء",
            "الحرمان من النوم", "منعوه من النوم", "معصوب العينين", "عصبوا عينيه", "الوقوف لساعات",
            "انتزاع اعتراف", "اعتراف تحت التعذيب", "أجبروه على الاعتراف", "أجبروني على الاعتراف",
            "تعذيب نفسي", "آثار التعذيب", "آثار الضرب", "كدمات", "كسروا ضلوعه", "كسروا يده",
            "كسروا أسنانه", "اعتدوا عليه بالضرب",
            # Egyptian
            "بيضربوه", "بيعذبوه", "اتعذب", "اتضرب", "ضربوه بالأقلام", "ضرب على قفاه", "خبطوني",
            "خبطوه", "رفسوه", "شلوت", "شلاليت", "كهربوه", "كهربوني", "بالكهربا", "سحلوه", "سحلوني",
            "بهدلوه ضرب", "ضربوه بالخرطوم", "بالكرباج", "نفخوه", "نفخوني", "فشخوه",
            "علموا على جسمه", "وشه وارم",
            # Gulf
            "طقوه", "طقوني", "يطقونه", "كفخوه", "كفخوني", "عطوه كفوف", "لطموه", "صفعوه", "صفعوني",
            "دعسوا عليه", "رفسوني", "ضربوه بالعقال", "بالخيزران",
            # Levantine
            "لطشوه", "لطشوني", "عم يضربوه", "عم يعذبوه", "قتلوه ضرب", "قتلوني ضرب", "شبحوه",
            "وضعية الشبح", "بساط الريح", "الكرسي الألماني", "حطوه عالدولاب", "فلقوه", "سلخوه",
            "سلخوني", "ضربوه بالكبل", "بالخيزرانة",
            # Maghrebi
            "طريحة", "عطاوه طريحة", "كلا طريحة", "ضربوه بالمسطرة", "تعذبت", "تعداو عليه",
            "تعداو عليا", "طيحو عليه بالضرب", "دارو ليه الطيارة", "الشيفون", "الدجاجة المصلية",
            "ضربوه بالكرافاش", "كيضربوه", "راهم يضربو فيه", "ضربوه حتى طاح", "ضربوني بالصباط",
            "عذبوني فالكوميسارية", "دارو ليه الشيفون",
        ],
        "fr": [
            "torture", "torturée", "tortures", "mauvais traitements", "maltraité", "sévices",
            "passage à tabac", "tabassé", "tabassée", "roué de coups", "frappé", "frappée",
            "coups de pied", "coups de poing", "gifles", "giflé", "électrocuté", "électrochocs",
            "décharges électriques", "suspendu par les bras", "poulet rôti", "le chiffon",
            "simulacre de noyade", "aveux sous la torture", "aveux extorqués",
            "privation de sommeil", "yeux bandés", "bastonnade", "falaqa", "traitements cruels",
            "inhumains et dégradants", "brûlures de cigarette", "humiliations", "violenté",
            "coups de câble", "ecchymoses", "traces de coups", "côtes cassées", "forcé d'avouer",
        ],
        "en": [
            "torture", "tortured", "torturing", "ill-treatment", "ill-treated", "mistreated",
            "mistreatment", "beaten", "beat me", "beat him", "beating", "kicked", "punched",
            "slapped", "electric shocks", "electrocuted", "hung from", "suspended by his",
            "whipped", "flogged", "burned with cigarettes", "cigarette burns", "blindfolded",
            "sleep deprivation", "forced confession", "confession under torture",
            "forced to confess", "waterboarding", "stress positions", "inhuman or degrading",
            "cruel treatment", "bruises", "falaka", "bastinado", "broken ribs",
            "marks on his body", "assaulted him", "assaulted me", "hit me", "hit him",
        ],
    },
    "arbitrary_detention": {
        "ar": [
            # MSA, legal terms across the region
            "ضبط وإحضار", "القبض علي", "قبضوا عليه", "قبضوا علي", "ألقي القبض", "تم القبض",
            "اعتقال", "اعتقلوني", "اعتقلوه", "اعتقلوها", "احتجاز", "احتجزوني", "احتجزوه", "محتجز",
            "توقيف", "أوقفوه", "موقوف", "اقتادوه", "اقتادوني", "الحبس الاحتياطي", "تجديد الحبس",
            "اعتقال تعسفي", "احتجاز تعسفي", "دون سند قانوني", "بدون أمر قضائي", "دون مذكرة توقيف",
            "بلا تهمة", "دون توجيه اتهام", "تجاوز مدة الاحتجاز", "رغم قرار الإفراج",
            "رغم إخلاء سبيله", "قرار إخلاء سبيل", "لم يفرج عنه", "انتهت مدة حبسه",
            "أنهى مدة العقوبة", "الاعتقال الإداري", "التوقيف الإداري", "الحاكم الإداري",
            "زوار الفجر", "رهن الاعتقال", "الحراسة النظرية", "الاعتقال الاحتياطي", "الحبس المؤقت",
            "الإيقاف التحفظي", "الاحتفاظ به", "الإيداع بالسجن", "تدوير", "قضية جديدة وهو محبوس",
            # Egyptian
            "مسكوني", "مسكوه", "خدوني", "خدوه", "حبسوني", "حبسوه", "اتقبض عليه", "اتمسك", "اتحبس",
            "اتاخد من البيت", "ركبوه البوكس", "محبوس", "عملوله تدوير", "قرار إخلاء سبيله",
            # Gulf
            "شلوه", "شلوني", "حطوه بالتوقيف", "بالتوقيف", "سجنوه", "حجزوني بالمركز",
            "مسجون بدون حكم",
            # Levantine
            "أخدوه عالفرع", "شحطوه", "شحطوني", "لموني", "لموه", "وقفوه عالحاجز", "حجزوني", "حجزوه",
            "بالنظارة", "عالنظارة", "معتقل من",
            # Maghrebi
            "حكموني البوليس", "حكموه البوليس", "راهو محبوس", "داوه للبوسطة", "جاو الحاكم", "شدوني",
            "شدوه", "شدوها", "داوني للكوميسارية", "داوه للكوميسارية", "هزوه", "هزوني", "رفدوه",
            "رفدوني", "لاكاردافو", "ركبوه فالسطافيط", "الصطافيط", "هزوه للبوسطة", "هزوه للبوستة",
            "حبسوه بلا سبب", "باقي فالحبس",
        ],
        "fr": [
            "arrestation arbitraire", "arrestation", "arrêté", "arrêtée", "interpellé",
            "interpellée", "interpellation", "garde à vue", "détention arbitraire",
            "détenu sans motif", "détention provisoire", "détention préventive", "mandat de dépôt",
            "sans mandat", "emmené au commissariat", "conduit au commissariat",
            "embarqué par la police", "rafle", "privé de liberté", "incarcéré", "écroué",
            "emprisonné sans", "détenu sans jugement", "sans inculpation", "toujours détenu",
            "détention administrative", "retenu au poste", "enlevé par la police",
            "placé en détention",
        ],
        "en": [
            "arrested", "arbitrary arrest", "arbitrarily detained", "detained", "detention",
            "held without charge", "held without trial", "taken into custody",
            "pre-trial detention", "pretrial detention", "remanded", "no warrant",
            "without a warrant", "arrest warrant", "administrative detention", "police custody",
            "locked up", "jailed", "imprisoned without", "still held", "despite a release order",
            "release order", "beyond the legal limit", "kept in custody", "dragged away",
            "held for days", "detained since",
        ],
    },
    "disappearance": {
        "ar": [
            # MSA
            "تنكر وجوده", "تنكر احتجازه", "أنكرت الجهات", "لم يبلغوا أسرته", "سيارة بدون لوحات",
            "سيارة بدون أرقام", "بملابس مدنية", "رجال بلباس مدني", "التحقيق سري",
            "لم يعد إلى المنزل", "اقتاده مجهولون", "اختطفوه", "اختفاء قسري", "إخفاء قسري",
            "مختفي قسريا", "اختفى", "اختفاؤه", "مختفي", "مجهول المصير", "مصيره مجهول",
            "مكان احتجازه مجهول", "مكانه مجهول", "لا نعرف مكانه", "لا نعلم مكانه",
            "انقطع الاتصال به", "انقطعت أخباره", "لا أخبار عنه", "أنكروا وجوده", "ينكرون احتجازه",
            "أنكروا احتجازه", "نفوا احتجازه", "غير مسجل في السجلات", "لم يظهر منذ",
            "ظهر في النيابة بعد", "بمعزل عن العالم الخارجي", "ممنوع من الاتصال", "معزول عن العالم",
            "سألنا في الأقسام", "مفقود", "مكان سري", "سجن سري", "مقر احتجاز غير رسمي",
            "إلى جهة مجهولة", "جهة غير معلومة", "اقتادوه إلى جهة", "لا يعرف أحد مكانه",
            # Egyptian
            "مفيش حد بالاسم ده", "عربية من غير نمر", "ناس لابسين مدني", "لفينا كل الأقسام",
            "منعرفش مكانه", "منعرفش هو فين", "محدش عارف هو فين", "ملوش أثر", "مالوش أي أثر",
            "من ساعة ما خدوه", "مختفي من ساعتها", "ملقناهوش", "لفينا عليه الأقسام",
            # Gulf
            "رحنا كل المراكز", "سيارة بدون لوحات أخذته", "ما خلونا نكلمه", "ما رجع البيت",
            "ما ندري وينه", "ما نعرف وينه", "ما أحد يدري عنه", "من يوم شلوه",
            # Levantine
            "سألنا بكل المراكز", "سيارة بلا نمرة", "ما حدا شافو", "خطفوه", "ما منعرف وين",
            "ما بنعرف وينو", "ما حدا بيعرف وينو", "اختفى عالحاجز", "انقطعت أخبارو",
            "من وقت ما أخدوه", "مغيب", "مغيب قسريا",
            # Maghrebi
            "ماعلاباليناش وين", "نحوسو عليه", "قالولنا ماكانش عندنا", "درنا كاع الكوميساريات",
            "سيارة بلا نمرة شداتو", "الفاميلة ما عرفاتش فين", "ما عرفاتش فين", "ختطفوه",
            "ما عرفناش فين", "ما نعرفوش فين", "ما عرفنا عليه والو", "غبر", "تغبر", "ما بانش",
            "ما لقيناهش", "قالو ماشي عندنا", "ما لقيناه فحتى بلاصة",
        ],
        "fr": [
            "voiture banalisée", "policiers en civil", "cherché dans les commissariats",
            "emmené par des inconnus", "disparition forcée", "disparu", "disparue",
            "porté disparu", "lieu de détention inconnu", "détenu au secret",
            "détention au secret", "incommunicado", "la police nie", "nient le détenir",
            "aucune trace", "introuvable", "enlevé", "enlèvement", "kidnappé",
            "destination inconnue", "lieu secret", "centre de détention secret", "sort inconnu",
            "n'a pas réapparu", "réapparu", "on le cherche partout", "aucun registre",
            "privé de tout contact", "détention non reconnue",
        ],
        "en": [
            "unmarked car", "plain-clothes men", "plain clothes", "every police station",
            "no one knows where", "enforced disappearance", "forcibly disappeared", "disappeared",
            "missing since", "whereabouts unknown", "unknown whereabouts", "held incommunicado",
            "incommunicado", "secret detention", "secret prison", "unknown location",
            "deny holding him", "denied holding him", "denied any knowledge", "abducted",
            "abduction", "taken to an unknown", "vanished", "no trace of", "never came back",
            "reappeared", "unacknowledged detention", "fate unknown",
        ],
    },
    "detention_conditions": {
        "ar": [
            # MSA
            "لم ينقل إلى المستشفى", "رفضوا نقله للمستشفى", "الطعام قليل", "الطعام المقدم",
            "إدخال الطعام", "إدخال الأدوية", "إدخال الملابس", "الزيارة", "حاجز زجاجي",
            "لم يعرض على طبيب", "العرض على طبيب", "انفراديا", "إضراب عن الطعام", "منع المراسلات",
            "العلاج الذي أحضرناه", "ظروف الاحتجاز", "ظروف السجن", "اكتظاظ", "مكتظة", "زنزانة ضيقة",
            "حبس انفرادي", "عزل انفرادي", "زنزانة التأديب", "غرفة التأديب", "التأديب",
            "منع الزيارة", "منعوا الزيارة", "ممنوع من الزيارة", "الزيارة العائلية",
            "الحرمان من الزيارة", "الحرمان من العلاج", "الرعاية الصحية", "الرعاية الطبية",
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
            "ما كيعطيوهش الماكلة", "الكاشو", "فالكاشو", "الماكلة خايبة", "ماكلة الحبس", "القفة",
            "منعو القفة", "ما عطاوهش الدوا", "منعونا من الزيارة", "الحبس عامر", "ناعسين فالأرض",
            "الطبيب ديال الحبس", "ما داوهش للسبيطار", "القفة ديالو",
        ],
        "fr": [
            "pas transféré à l'hôpital", "couffin refusé", "lettres confisquées",
            "hygiène déplorable", "conditions de détention", "conditions carcérales",
            "surpopulation carcérale", "surpeuplement", "cellule surpeuplée", "cachot", "mitard",
            "isolement", "mise à l'isolement", "quartier disciplinaire", "privé de visites",
            "droit de visite", "parloir", "visite refusée", "permis de visite", "couffin",
            "nourriture avariée", "nourriture insuffisante", "eau potable", "hygiène", "insalubre",
            "insalubrité", "gale", "punaises", "soins médicaux", "privé de soins",
            "refus de soins", "négligence médicale", "infirmerie", "médecin de la prison",
            "médicaments", "dort par terre", "sans matelas", "couvertures", "promenade",
            "chaleur étouffante", "aération", "sanitaires", "toilettes", "douche",
        ],
        "en": [
            "not taken to hospital", "food we bring", "family visits banned", "glass barrier",
            "detention conditions", "prison conditions", "overcrowding", "overcrowded",
            "cramped cell", "solitary confinement", "isolation cell", "punishment cell",
            "disciplinary cell", "family visits", "visits banned", "denied visits",
            "visiting rights", "medical care", "medical neglect", "denied medication",
            "denied treatment", "no medicine", "his medication", "prison clinic", "prison doctor",
            "bad food", "rotten food", "not enough food", "clean water", "drinking water",
            "sanitation", "no ventilation", "sleeping on the floor", "no mattress", "blankets",
            "scabies", "lice", "cockroaches", "extreme heat", "no sunlight", "exercise yard",
            "hygiene", "toilets",
        ],
    },
    "due_process": {
        "ar": [
            # MSA
            "محامي", "محام", "منعوا المحامي", "دون حضور محام", "بدون محامي", "حرمانه من محام",
            "لم يسمحوا للمحامي", "التحقيق بدون محامي", "حضور المحامي", "الاستعانة بمحام",
            "لم يعرض على النيابة", "العرض على النيابة", "تأخير العرض على النيابة",
            "أكثر من 24 ساعة", "48 ساعة", "لم يبلغ بالتهم", "لم يخبروه بالتهمة", "التهم الموجهة",
            "تهمة ملفقة", "قضية ملفقة", "لفقوا له قضية", "تلفيق", "محضر ملفق", "قضية مفبركة",
            "محاكمة عادلة", "محاكمة غير عادلة", "محكمة عسكرية", "محكمة أمن الدولة",
            "محكمة استثنائية", "حكم غيابي", "محاكمة جماعية", "حق الدفاع", "الاطلاع على الملف",
            "أجبروه على التوقيع", "وقع على أوراق", "بصموه", "قاضي التحقيق", "الاستجواب",
            "الاستئناف", "الطعن بالنقض", "جلسة تجديد", "تأجيل الجلسة", "تأجيل المحاكمة",
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
            "وقع على المحضر بزز", "سنيوه المحضر", "وكيل الملك", "وكيل الجمهورية",
            "ما تقدمش للوكيل", "الضابطة القضائية", "ما قراش المحضر", "حكموا عليه بلا دليل",
        ],
        "fr": [
            "avocat", "sans avocat", "privé d'avocat", "droit à un avocat", "refus d'avocat",
            "assistance d'un avocat", "présenté au parquet", "présentation au parquet", "déféré",
            "procureur du roi", "procureur de la république", "juge d'instruction", "délai légal",
            "dépassement du délai", "chefs d'accusation", "sans connaître les charges",
            "motifs de son arrestation", "dossier fabriqué", "accusations fabriquées",
            "procès équitable", "procès inéquitable", "tribunal militaire", "signer le PV",
            "forcé de signer", "signé sans lire", "droits de la défense", "interprète",
            "sans interprète", "audience reportée", "renvoi de l'audience",
            "condamné par contumace", "présomption d'innocence", "jugement expéditif",
            "faux témoignages", "sans preuve", "accès au dossier",
        ],
        "en": [
            "lawyer", "no lawyer", "without a lawyer", "denied a lawyer", "access to a lawyer",
            "attorney", "legal counsel", "never told the charges", "fabricated charges",
            "trumped-up charges", "framed", "brought before a judge", "public prosecution",
            "fair trial", "unfair trial", "military court", "state security court", "mass trial",
            "forced to sign", "signed a statement", "interpreter", "without an interpreter",
            "hearing postponed", "case file", "right to appeal", "in absentia",
            "presumption of innocence", "sham trial", "due process", "without evidence",
            "false witnesses", "renewed his detention",
        ],
    },
    "excessive_force": {
        "ar": [
            # MSA
            "لم يبد أي مقاومة", "دون أي مقاومة", "دون مقاومة", "سحبوه على الأرض", "طرحوه أرضا",
            "لووا ذراعه", "على رقبته", "الأصفاد ضيقة", "بعقب البندقية", "بكعب البندقية",
            "رشونا بالمياه", "دفعوه بقوة", "استخدام مفرط للقوة", "القوة المفرطة", "إطلاق النار",
            "أطلقوا النار", "أطلقوا الرصاص", "رصاص حي", "رصاص مطاطي", "خرطوش", "طلقات الخرطوش",
            "قنابل الغاز", "الغاز المسيل للدموع", "غاز مسيل", "الهراوات", "ضرب المتظاهرين",
            "تفريق بالقوة", "فض بالقوة", "المدرعة", "دهسته سيارة الشرطة", "دهس", "خراطيم المياه",
            "مدافع المياه", "أصيب برصاصة", "أصيب بطلق ناري", "طلق ناري", "إصابة في العين",
            "فقد عينه", "القناصة", "قناص", "الاعتداء على المتظاهرين", "سحلوه في الشارع",
            "الكلاب البوليسية", "الصاعق الكهربائي", "ضربوه أثناء القبض", "عنف الشرطة", "عنف أمني",
            "مداهمة عنيفة", "ضربوه أمام الناس", "إصابات المتظاهرين", "أطلق عليه النار", "رصاصة في",
            # Egyptian
            "مكنتش بقاوم", "مكانش بيقاوم", "طرحني على الأرض", "حط رجله على رقبتي", "لوى دراعي",
            "الكلبشات ضيقة", "الكلابشات", "ضربوا علينا نار", "ضرب خرطوش", "ضرب نار", "ضربوا غاز",
            "بالشوم", "بالعصيان", "المدرعة دهسته", "طلقة في رجله", "ضربوا علينا خرطوش",
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
            "بالزراوط", "القرطاس", "ضربوه بالقرطاس", "تيراو عليه", "الكريموجين", "لاكريموجين",
            "القمع", "قمعونا", "قمع الوقفة", "التدخل العنيف", "التدخل الأمني العنيف", "تعنيف",
            "عنفوه", "عنفونا", "تعنيف المحتجين", "ضربونا فالشارع",
        ],
        "fr": [
            "sans sommation", "sans résistance", "crosse du fusil", "menottes trop serrées",
            "genou sur le cou", "plaqué au sol", "CRS", "forces anti-émeute",
            "usage disproportionné", "force excessive", "violences policières", "bavure",
            "bavure policière", "balles réelles", "tirs à balles réelles", "balles en caoutchouc",
            "flash-ball", "LBD", "gaz lacrymogène", "lacrymogènes", "canon à eau", "matraques",
            "matraqué", "coups de matraque", "charge policière", "dispersion violente",
            "intervention musclée", "répression violente", "réprimé", "blessé par balle",
            "tabassé en pleine rue", "écrasé par un véhicule", "plaquage ventral",
            "clé d'étranglement", "taser", "brutalités policières", "brutalisé",
            "chiens policiers", "tireurs embusqués", "ont tiré sur", "chevrotine",
        ],
        "en": [
            "riot police", "without warning", "did not resist", "didn't resist", "no resistance",
            "knee on his neck", "handcuffs too tight", "rifle butt", "pinned to the ground",
            "thrown to the ground", "excessive force", "disproportionate force",
            "police brutality", "police violence", "opened fire", "shot at", "live ammunition",
            "live rounds", "rubber bullets", "birdshot", "tear gas", "water cannon", "batons",
            "baton charge", "truncheons", "dispersed by force", "violently dispersed", "crackdown",
            "shot in the", "gunshot wound", "armoured vehicle", "armored vehicle", "taser",
            "tasered", "chokehold", "pepper spray", "police dogs", "snipers", "brutalised",
            "brutalized", "pellets", "in front of everyone",
        ],
    },
    "right_to_life": {
        "ar": [
            # MSA
            "وفاة", "توفي", "مات", "ماتت", "قتل", "قتلوه", "قتلوها", "مقتل", "لقي حتفه",
            "لقي مصرعه", "فارق الحياة", "استشهد", "الجثة", "جثمانه", "تسلم الجثة",
            "استلام الجثمان", "رفضوا تسليم الجثة", "تشريح الجثة", "الطب الشرعي",
            "تقرير الطب الشرعي", "شهادة الوفاة", "سبب الوفاة", "الوفاة داخل السجن",
            "الوفاة أثناء الاحتجاز", "مات تحت التعذيب", "القتل خارج نطاق القضاء", "إعدام ميداني",
            "تصفية جسدية", "صفوه", "الإعدام", "حكم بالإعدام", "تنفيذ حكم الإعدام", "دفنوه",
            "دفن دون علم أهله", "اغتيال", "اغتالوه", "رصاصة قاتلة", "القصاص", "غرق",
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
        ],
        "fr": [
            "mort", "mort en détention", "décédé", "décès", "mort en garde à vue", "tué", "tuée",
            "abattu", "exécuté", "exécution extrajudiciaire", "exécution sommaire", "homicide",
            "meurtre", "assassiné", "cadavre", "dépouille", "autopsie", "médecin légiste",
            "certificat de décès", "cause du décès", "mort suspecte", "mort sous la torture",
            "peine de mort", "peine capitale", "remise du corps", "enterré sans", "liquidé",
            "a succombé", "succombé à ses blessures", "noyé", "retrouvé mort",
        ],
        "en": [
            "died", "death", "died in custody", "death in custody", "killed", "killing",
            "shot dead", "murdered", "extrajudicial killing", "extrajudicial execution",
            "execution", "executed", "death penalty", "death sentence", "corpse", "autopsy",
            "forensic report", "coroner", "death certificate", "cause of death",
            "suspicious death", "died under torture", "died in prison", "buried without",
            "hand over the body", "lost his life", "fatally", "drowned", "found dead",
            "was murdered",
        ],
    },
    "discrimination": {
        "ar": [
            # MSA
            "أمثالي", "أمثالكم", "أصولهم القبلية", "التفرقة في المعاملة", "تفرقة",
            "فيروس نقص المناعة", "مصاب بالإيدز", "بديني", "الأمازيغية", "بسبب لغتي",
            "أنتم الأجانب", "تمييز", "عنصرية", "عنصري", "تمييز عنصري", "بسبب ديني", "بسبب ديانتي",
            "بسبب مذهبي", "بسبب طائفتي", "طائفية", "طائفي", "بسبب عرقي", "بسبب لوني", "لون بشرتي",
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
        ],
        "fr": [
            "couleur de ma peau", "séropositif", "discrimination", "discriminé", "discriminée",
            "racisme", "raciste", "propos racistes", "insultes racistes", "couleur de peau",
            "origine ethnique", "délit de faciès", "contrôle au faciès", "traitement différent",
            "inégalité de traitement", "minorité", "amazigh", "berbère", "subsaharien",
            "subsaharienne", "chrétien", "juif", "chiite", "confession", "appartenance tribale",
            "apatride", "refus d'embauche", "xénophobie", "homophobie", "homosexuel", "sexisme",
            "stigmatisation", "propos haineux",
        ],
        "en": [
            "colour of my skin", "color of my skin", "people like you", "foreigners cause", "HIV",
            "discrimination", "discriminated", "discriminatory", "racism", "racist",
            "racial slurs", "because of my religion", "because of my skin", "skin colour",
            "skin color", "because of my ethnicity", "ethnic origin", "sectarian", "minority",
            "treated differently", "unequal treatment", "racial profiling", "stateless", "bidoon",
            "tribal origin", "xenophobia", "homophobic", "gay", "sexism", "slur",
            "because I am Christian", "Shia", "Bahai", "hate speech",
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
            "يراقبونني", "تحت المراقبة", "مراقبة الهاتف", "التنصت", "تنصت على", "التجسس",
            "يتجسسون", "تسجيل المكالمات", "البيانات الشخصية", "بياناتي الشخصية", "نشروا صوري",
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
        ],
        "en": [
            "copied my data", "went through my photos", "read my messages", "my medical status",
            "HIV status", "searched my house", "searched our house", "searched the house",
            "house search", "raided", "raid", "broke down the door", "without a search warrant",
            "search warrant", "searched my phone", "went through my phone", "forced me to unlock",
            "password", "private messages", "whatsapp messages", "surveillance",
            "under surveillance", "monitored", "wiretap", "phone tapped", "spyware", "Pegasus",
            "hacked", "personal data", "data leak", "privacy", "published my photos", "leaked",
            "forced entry", "strip search", "body search",
        ],
    },
    "movement": {
        "ar": [
            # MSA
            "سجل المطلوبين", "مدرج في قوائم", "تشابه أسماء", "تشابه الأسماء", "احتجاز جواز السفر",
            "سحب جواز سفري", "أوقف في كل كمين", "منع من السفر", "ممنوع من السفر", "قرار منع السفر",
            "منعي من السفر", "قائمة الممنوعين", "قوائم الترقب", "ترقب الوصول", "منعوني في المطار",
            "أوقفوني في المطار", "جواز السفر", "سحب جواز السفر", "مصادرة الجواز", "حجز الجواز",
            "رفض تجديد جواز السفر", "رفض إصدار جواز", "تصريح سفر", "إذن سفر", "موافقة أمنية",
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
        ],
        "en": [
            "passport was kept", "passport retained", "name similarity", "wanted list",
            "held at the crossing", "travel ban", "banned from travelling",
            "banned from traveling", "barred from travel", "stopped at the airport",
            "passport confiscated", "confiscated my passport", "passport withheld",
            "refused a passport", "passport renewal", "exit permit", "no-fly", "watchlist",
            "border crossing", "denied exit", "denied entry", "not allowed to leave",
            "freedom of movement", "house arrest", "checkpoint", "curfew", "exile",
            "not allowed to return", "prevented from leaving", "security clearance", "exit visa",
            "stripped of citizenship",
        ],
    },
    "expression_assembly": {
        "ar": [
            # MSA
            "استدعوني بسبب", "حققوا معي بسبب", "مصادر التمويل", "منع الاجتماع", "رغم الإخطار",
            "بسبب تعليق", "انتقدت", "انتقاد الحكومة", "حذف المنشور", "حذف الحساب", "لافتات",
            "رفعنا لافتات", "نطالب بحقوقنا", "توقيع تعهد", "تعهد بعدم", "حرية التعبير",
            "حرية الرأي", "بسبب رأيي", "بسبب آرائه", "بسبب منشور", "منشور على فيسبوك", "تدوينة",
            "تغريدة", "تغريدات", "بوست", "فيسبوك", "تويتر", "تيك توك", "يوتيوب", "مقال", "صحفي",
            "صحفية", "مدون", "ناشط", "ناشط حقوقي", "ناشطة", "نشر أخبار كاذبة",
            "إساءة استخدام وسائل التواصل", "إهانة الرئيس", "إهانة الملك", "المس بالمقدسات",
            "الانضمام لجماعة", "جماعة محظورة", "مظاهرة", "مظاهرات", "التظاهر", "متظاهرين",
            "احتجاج", "احتجاجات", "وقفة احتجاجية", "وقفة سلمية", "اعتصام", "مسيرة سلمية",
            "تجمع سلمي", "التجمهر", "فض الاعتصام", "حرية التجمع", "تكوين الجمعيات", "حل الجمعية",
            "جمعية أهلية", "نقابة", "نقابي", "حزب معارض", "معارض سياسي", "المعارضة", "منع الندوة",
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
            "الحراك الشعبي", "المحتجين", "بوست فالفيسبوك", "تدوينات", "لايف", "إهانة هيئة منظمة",
            "إهانة موظف عمومي", "التحريض على التجمهر", "التجمهر غير المرخص",
            "المساس بالوحدة الوطنية", "تهديد الوحدة الوطنية", "الرابور", "أغنية راب",
        ],
        "fr": [
            "supprimer mon compte", "supprimer la publication", "banderoles", "convoqué pour",
            "dénonçant la corruption", "engagement écrit", "liberté d'expression",
            "liberté d'opinion", "publication facebook", "post facebook", "statut facebook",
            "tweet", "vidéo sur youtube", "live facebook", "journaliste", "blogueur", "militant",
            "militante", "activiste", "défenseur des droits", "manifestation", "manifestant",
            "manifestants", "sit-in", "rassemblement pacifique", "marche pacifique", "Hirak",
            "liberté de réunion", "liberté d'association", "association dissoute", "syndicat",
            "syndicaliste", "parti d'opposition", "opposant", "censure", "site bloqué",
            "atteinte à l'unité nationale", "outrage à corps constitué", "fausses nouvelles",
            "fausses informations", "rappeur", "caricature", "délit d'opinion", "offense au roi",
            "publication sur les réseaux",
        ],
        "en": [
            "delete my account", "delete the post", "banners", "summoned over", "pledge not to",
            "criticising the", "criticizing the", "freedom of expression", "free speech",
            "because of a post", "facebook post", "tweet", "tweets", "social media post",
            "youtube video", "blogger", "journalist", "activist", "human rights defender",
            "protest", "protester", "protesters", "demonstration", "demonstrators", "sit-in",
            "peaceful assembly", "rally", "trade union", "freedom of association",
            "opposition party", "censorship", "blocked website", "false news",
            "insulting the president", "defamation charges", "cybercrime law",
            "criticised the government", "criticized the government", "critical of the government",
            "political opinions", "peaceful protest",
        ],
    },
    "women": {
        "ar": [
            # MSA
            "حضور شرطية", "تفتيش جسدي", "فتشني رجل", "احتجزوا زوجتي", "للضغط على زوجها",
            "مشاكل عائلية", "اعتدى علي زوجي", "تحرش", "تحرش جنسي", "تحرش بي", "تحرشوا بها",
            "اغتصاب", "اغتصبوها", "اغتصبني", "اعتداء جنسي", "عنف جنسي", "هتك عرض", "كشف العذرية",
            "فحص العذرية", "التهديد بالاغتصاب", "عنف أسري", "العنف المنزلي", "زوجي يضربني",
            "ضربني زوجي", "طليقي", "طليقها", "النفقة", "الحضانة", "الخلع", "زواج قسري",
            "زواج مبكر", "زواج القاصرات", "جرائم الشرف", "جريمة شرف", "ختان الإناث", "ختان البنات",
            "عروها", "جردوها من ملابسها", "خلعوا ملابسها", "مفتشة", "بدون مفتشة", "فتشها رجل",
            "لمسوها", "زوجتي حامل", "الولاية الذكورية", "إذن ولي الأمر", "ولي أمري", "حقوق المرأة",
            "لأني امرأة", "التمييز ضد المرأة", "ابتزاز جنسي", "امرأة معنفة", "معنفة", "دار إيواء",
            "أمر حماية", "العنف ضد المرأة", "أهلي يضربوني",
            # Egyptian
            "جوزي ضربني", "دي مشاكل بيت", "ارجعي لجوزك", "خدوا مراتي", "حبسوا مراتي",
            "جيبوا شرطية", "اتحرش بيا", "بيتحرش بيا", "عاكسني", "المعاكسة", "لمسني",
            "مد إيده عليا", "قلعوها هدومها", "قلعوني هدومي", "جوزي بيضربني", "جوزها بيضربها",
            "طليقي بيهددني", "قايمة العفش", "حق الرؤية", "كشف عذرية", "بيتحرشوا بالبنات",
            # Gulf
            "فتشني بيده", "ودوا زوجتي المركز", "زوجي يعنفني", "تحرش فيني", "تحرش فيها",
            "زوجي يطقني", "رجلي يضربني", "بلاغ تغيب", "دار الحماية", "قضية عضل", "أبوي يضربني",
            # Levantine
            "أخدوا مرتي", "جوزي عم يعنفني", "زوجي عنفني", "تحرش فيي", "تلطيش", "جوزي عم يضربني",
            "زوجي بيضربني", "غسل العار", "قتلها أخوها", "جوزي بيهددني",
            # Maghrebi
            "شداو مراتي", "فتشني راجل", "تحرش بيا", "كيتحرش بيا", "تعداو عليها", "غتاصبوها",
            "راجلي كيضربني", "العنف الزوجي", "العنف ضد النساء", "طلقني", "الطلاق للشقاق",
        ],
        "fr": [
            "policière", "fouillée par un policier", "ma femme arrêtée", "affaire de famille",
            "retourne chez ton mari", "harcèlement", "harcèlement sexuel", "harcelée",
            "agression sexuelle", "agressée sexuellement", "viol", "violée", "tentative de viol",
            "attouchements", "violences conjugales", "violence domestique",
            "violences faites aux femmes", "mari violent", "mon mari me frappe", "mon ex-mari",
            "mariage forcé", "mariage précoce", "crime d'honneur", "excision", "test de virginité",
            "déshabillée", "fouillée par un homme", "chantage sexuel", "sextorsion",
            "femme battue", "foyer pour femmes", "ordonnance de protection", "garde des enfants",
            "pension alimentaire", "tutelle masculine", "enceinte", "répudiation",
            "droits des femmes",
        ],
        "en": [
            "female officer", "male officer searched me", "my wife was detained", "family matter",
            "back to your husband", "harassment", "sexual harassment", "harassed me",
            "sexual assault", "sexually assaulted", "rape", "raped", "attempted rape", "groped",
            "domestic violence", "my husband beats me", "my husband hit me", "abusive husband",
            "ex-husband", "marital violence", "forced marriage", "honour killing", "honor killing",
            "genital mutilation", "FGM", "virginity test", "sexual blackmail", "sextortion",
            "women's shelter", "protection order", "custody of my children", "alimony",
            "male guardian", "guardianship", "pregnant", "gender-based violence", "women's rights",
        ],
    },
    "children": {
        "ar": [
            # MSA
            "عمره 10", "عمره 11", "عمره 12", "عمره 13", "عمره 14", "عمره 15", "عمره 16", "عمره 17",
            "دار الرعاية", "مع الكبار", "دون حضور ولي أمره", "بدون ولي أمر", "التسول",
            "استغلال الأطفال", "خمس عشرة سنة", "ست عشرة سنة", "سبع عشرة سنة", "طفل", "طفلة",
            "قاصر", "قاصرة", "قاصرين", "حدث جانح", "قضايا الأحداث", "محكمة الأحداث",
            "نيابة الأحداث", "دار الأحداث", "إصلاحية الأحداث", "الإصلاحية", "مركز رعاية الأحداث",
            "تلميذ", "تلميذة", "طالب في المدرسة", "المدرسة", "المرحلة الإعدادية",
            "المرحلة الابتدائية", "ابني القاصر", "ابني الصغير", "ابنتي الصغيرة",
            "لم يبلغ الثامنة عشرة", "دون سن 18", "أقل من 18", "تحت السن القانوني", "سن الرشد",
            "مع البالغين", "عمالة الأطفال", "تشغيل الأطفال", "أطفال الشوارع", "زواج الأطفال",
            "تجنيد الأطفال", "الحرمان من التعليم", "شهادة الميلاد", "تسجيل المولود", "رضيع",
            "حماية الطفل", "خط نجدة الطفل",
            # Egyptian
            "عيل", "العيل", "ولد صغير", "بنت صغيرة", "لسه عيل", "طالب ثانوي",
            "المؤسسة العقابية للأحداث",
            # Gulf
            "ياهل", "يهال", "بزر", "بنتي الصغيرة", "دار الملاحظة", "دار الملاحظة الاجتماعية",
            "طالب متوسط",
            # Levantine
            "مع كبار", "بعمر 15", "عمرا 16", "ولد زغير", "بنت زغيرة", "لسا زغير", "معهد الأحداث",
            "ولادي الزغار",
            # Maghrebi
            "الدري", "دراري", "الدراري", "وليدي", "بنيتي", "مركز حماية الطفولة",
            "مركز الإصلاح والتهذيب", "الخادمات الصغيرات", "خادمة قاصر", "الصغار",
            "مازال ما عندوش 18", "قاصر فالحبس", "تلميذ فالإعدادي",
        ],
        "fr": [
            "âgé de 15 ans", "âgé de 16 ans", "âgée de 16 ans", "âgé de 17 ans", "mendicité",
            "enfant", "mineur", "mineure", "mineurs", "moins de 18 ans", "adolescent",
            "adolescente", "collégien", "lycéen", "écolier", "élève", "tribunal pour enfants",
            "juge des mineurs", "juge des enfants", "centre de rééducation",
            "délinquance juvénile", "avec des adultes", "travail des enfants", "enfants des rues",
            "mariage de mineure", "petite bonne", "bébé", "nourrisson", "acte de naissance",
            "déscolarisé", "protection de l'enfance",
        ],
        "en": [
            "school children", "12-year-old", "13-year-old", "14-year-old", "15-year-old",
            "16-year-old", "17-year-old", "detained with adults", "begging", "child", "minor",
            "minors", "juvenile", "juveniles", "teenager", "teenage", "under eighteen",
            "schoolboy", "schoolgirl", "pupil", "juvenile court", "juvenile detention",
            "reform school", "with adults", "child labour", "child labor", "street children",
            "child marriage", "underage", "kid", "baby", "infant", "birth certificate",
            "child protection", "child soldier", "school student", "high school",
        ],
    },
    "disability": {
        "ar": [
            # MSA
            "إعاقة", "معاق", "معاقة", "ذوي الإعاقة", "ذوي الاحتياجات الخاصة", "احتياجات خاصة",
            "ذوي الهمم", "أصحاب الهمم", "كرسي متحرك", "كفيف", "كفيفة", "ضرير", "أعمى",
            "فاقد البصر", "ضعيف البصر", "أصم", "أبكم", "الصم والبكم", "لغة الإشارة", "مترجم إشارة",
            "شلل", "مشلول", "شلل نصفي", "شلل دماغي", "بتر", "مبتور", "طرف صناعي", "عكاز", "عكازات",
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
            "في وضعية إعاقة", "وضعية إعاقة", "مكفوف", "هبيل", "مريض بالعقل",
        ],
        "fr": [
            "handicap", "handicapé", "handicapée", "personne handicapée",
            "en situation de handicap", "fauteuil roulant", "non-voyant", "aveugle", "malvoyant",
            "sourd", "sourde", "sourd-muet", "langue des signes", "paralysé", "paraplégique",
            "tétraplégique", "amputé", "prothèse", "béquilles", "autisme", "autiste", "trisomie",
            "déficience intellectuelle", "handicap mental", "maladie mentale",
            "troubles psychiatriques", "schizophrène", "carte de handicap", "accessibilité",
            "aménagement raisonnable", "mobilité réduite", "invalidité", "infirme", "épileptique",
        ],
        "en": [
            "disability", "disabled", "disabilities", "wheelchair", "blind", "visually impaired",
            "deaf", "hard of hearing", "sign language", "mute", "paralysed", "paralyzed",
            "paraplegic", "amputee", "prosthetic", "crutches", "autism", "autistic",
            "down syndrome", "intellectual disability", "learning disability", "mental illness",
            "mentally ill", "psychosocial", "schizophrenia", "reasonable accommodation",
            "accessibility", "disability card", "special needs", "mobility impairment", "epilepsy",
        ],
    },
    "older_persons": {
        "ar": [
            # MSA
            "عمره 70", "عمره 75", "عمره 80", "عمره 85", "عمرها 80", "ثمانين عاما", "سبعين عاما",
            "تسعين عاما", "البالغ من العمر ثمانين", "الطاعن في السن", "مسن", "مسنة", "المسنين",
            "كبار السن", "كبير في السن", "كبيرة في السن", "رجل مسن", "امرأة مسنة", "شيخ كبير",
            "عجوز", "العجزة", "دار المسنين", "دار رعاية المسنين", "دار العجزة", "المتقاعدين",
            "متقاعد", "معاش التقاعد", "التقاعد", "أصحاب المعاشات", "الشيخوخة", "الزهايمر", "الخرف",
            "أمراض الشيخوخة", "طاعن في السن", "والدي المسن", "والدتي المسنة", "جدي العجوز",
            "جدتي العجوزة", "سبعين سنة", "ثمانين سنة", "تسعين سنة", "السبعين من عمره",
            "الثمانين من عمره", "فوق الستين", "عقوق الوالدين", "تركوه وحيدا",
            "التأمينات الاجتماعية", "صرف المعاش",
            # Egyptian
            "راجل كبير", "ست كبيرة", "الحاج العجوز", "تمانين سنة", "راجل عجوز", "ست عجوزة",
            "على المعاش", "طلع على المعاش", "المعاش بتاعه", "أبويا الكبير", "سنه كبير",
            # Gulf
            "شايب", "شياب", "الوالد كبير بالسن", "الوالدة كبيرة بالسن", "أبوي شايب", "عجوز كبيرة",
            "الوالد متقاعد",
            # Levantine
            "ختيار", "ختيارة", "الختيار", "كبير بالعمر", "كبيرة بالعمر", "عمرو سبعين",
            "معاش التقاعد تبعو",
            # Maghrebi
            "شيباني", "شيبانية", "الشيباني", "عزوزة", "كبير فالسن", "الريتريت", "دار العجزة ديال",
            "مسكين كبير", "الواليد كبير",
        ],
        "fr": [
            "âgé de 80 ans", "âgée de 80 ans", "âgé de 75 ans", "personne âgée", "personnes âgées",
            "vieillard", "vieille dame", "vieil homme", "septuagénaire", "octogénaire",
            "nonagénaire", "retraité", "retraitée", "pension de retraite", "maison de retraite",
            "EHPAD", "hospice", "sénior", "troisième âge", "grand-père", "grand-mère", "Alzheimer",
            "démence", "perte d'autonomie", "âgé et malade", "mon vieux père", "ma vieille mère",
            "maltraitance des personnes âgées", "caisse de retraite", "vieillesse",
            "plus de 70 ans", "plus de 80 ans",
        ],
        "en": [
            "75-year-old", "80-year-old", "81-year-old", "85-year-old", "elderly", "elderly man",
            "elderly woman", "old man", "old woman", "older person", "older persons",
            "senior citizen", "pensioner", "pension", "retired", "retirement", "nursing home",
            "care home", "old people's home", "grandfather", "grandmother", "dementia",
            "alzheimer's", "frail", "in his seventies", "in his eighties", "in her seventies",
            "in her eighties", "over seventy", "70 years old", "80 years old", "old age",
        ],
    },
    "migrants_trafficking": {
        "ar": [
            # MSA
            "التسول", "أخذوا جوازاتهم", "أخذوا جوازاتهن", "وعدوها بعمل", "وعدوه بعمل",
            "عرض عمل وهمي", "يشغلونهن بالقوة", "استغلال العاملات", "تسول الأطفال", "لاجئ", "لاجئة",
            "لاجئين", "طالب لجوء", "طالبي اللجوء", "لجوء", "مفوضية اللاجئين",
            "مفوضية الأمم المتحدة", "بطاقة اللجوء", "مهاجر", "مهاجرين", "هجرة غير شرعية",
            "الهجرة غير النظامية", "مخالف لنظام الإقامة", "مخالفة الإقامة", "تجديد الإقامة",
            "انتهاء الإقامة", "إقامة منتهية", "الترحيل", "ترحيل", "رحلوه", "مرحل", "أمر ترحيل",
            "قرار الترحيل", "الإبعاد", "مركز الترحيل", "مركز الإيواء", "الكفيل", "الكفالة",
            "نظام الكفالة", "نقل الكفالة", "بلاغ هروب", "العمالة المنزلية", "عاملة منزلية",
            "خادمة", "العمال الأجانب", "العمالة الوافدة", "وافد", "عامل أجنبي", "الكفيل أخذ جوازي",
            "لم يدفع راتبي", "رواتب متأخرة", "الأجور المتأخرة", "سخرة", "العمل القسري",
            "العمل الجبري", "الاتجار بالبشر", "تجارة البشر", "تهريب المهاجرين", "المهربين",
            "استغلال جنسي", "الدعارة القسرية", "مكتب الاستقدام", "الاستقدام", "الإعادة القسرية",
            "مهاجرين أفارقة",
            # Egyptian
            "كارت المفوضية", "الكارت الأصفر", "سافر بعقد", "مكتب السفريات", "الكفيل مش بيديني",
            "اللاجئين السودانيين",
            # Gulf
            "كفيلي", "الكفيل ما يعطيني راتبي", "بلاغ تغيب عن العمل", "الخادمة هربت", "العمالة",
            "الوافدين", "الإقامة منتهية", "الإقامة خالصة", "تسفير", "التسفير", "شؤون الخادمات",
            "مكتب العمل", "راتبي ما وصل",
            # Levantine
            "بيشغلوهن", "أخدوا جوازاتهن", "عأساس شغل", "اللاجئين السوريين", "مخيم اللاجئين",
            "المخيم", "ما عندي إقامة", "العاملات الأجنبيات", "رحلوني", "الترحيل القسري",
            "كسر إقامة", "كاسر إقامة", "إقامتي منتهية",
            # Maghrebi
            "خدا ليها الباسبور", "خدموها بزز", "يخدمها برا", "كيخدموها بزز", "الحراقة", "الحريك",
            "لحريك", "المهاجرين الأفارقة", "الأفارقة جنوب الصحراء", "الكارت دو سيجور",
            "رجعوهم للحدود", "رماوهم فالصحرا", "الخدامة", "الحراكة",
        ],
        "fr": [
            "clandestin", "clandestins", "migrants irréguliers", "promesse d'emploi",
            "offre d'emploi fictive", "forcée à travailler", "passeports confisqués", "migrant",
            "migrants", "migrante", "réfugié", "réfugiée", "réfugiés", "demandeur d'asile",
            "demandeuse d'asile", "droit d'asile", "HCR", "UNHCR", "en situation irrégulière",
            "carte de séjour", "titre de séjour", "permis de séjour", "expulsion", "expulsé",
            "expulsée", "reconduite à la frontière", "refoulement", "rétention administrative",
            "centre de rétention", "harraga", "harga", "migration irrégulière", "passeurs",
            "passeur", "embarcation", "traite des êtres humains", "trafic d'êtres humains",
            "travail forcé", "exploitation", "domestique étrangère", "employée de maison",
            "salaire impayé", "salaires impayés", "kafala", "subsahariens",
            "abandonnés dans le désert", "esclavage",
        ],
        "en": [
            "took their passports", "promised a job", "fake job offer", "forced to work",
            "migrant", "migrants", "migrant worker", "refugee", "refugees", "asylum",
            "asylum seeker", "UNHCR", "undocumented", "irregular status", "residence permit",
            "iqama", "visa expired", "overstayed", "deportation", "deported", "deport",
            "immigration detention", "sponsor", "kafala", "domestic worker", "housemaid",
            "employer took my passport", "unpaid wages", "wages withheld", "forced labour",
            "forced labor", "trafficking", "human trafficking", "trafficked", "smuggler",
            "smugglers", "smuggling", "recruitment agency", "debt bondage", "slavery", "expelled",
            "refoulement", "pushback", "pushed back",
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
            "لم يسجلوا بلاغي", "تقاعس", "إهمال الشكوى", "تجاهلوا البلاغ", "تجاهلوا شكواي",
            "لم يتخذوا أي إجراء", "لم يحركوا ساكنا", "مماطلة", "ماطلوا", "التسويف", "ألفاظ نابية",
            "ألفاظ خارجة", "شتائم", "شتيمة", "شتموني", "شتمني", "سبوني", "سب الدين", "سبوا أمي",
            "أهانوني", "أهانني", "إهانات", "صرخ في وجهي", "طردوني من القسم", "طردني الضابط",
            "رشوة", "طلب رشوة", "طلبوا رشوة", "طلبوا فلوس", "طلب مني مبلغ", "ابتزاز مالي",
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
            "بدو مصاري", "طلب مني مصاري", "برطيل", "برطلة", "مسبات", "سب عليي", "كفر علي",
            "بهدلني", "صرخ فيي",
            # Maghrebi
            "رفض ياخد الشكاية", "ما بغاش يسجل", "سير تشكي", "كيقولو لي سير", "بغا الفلوس باش",
            "ما بغاوش ياخدو الشكاية", "رفضو ياخدو الشكاية", "ما دارو والو", "ما داروش المحضر",
            "طلب القهوة", "بغا القهوة", "التدويرة", "الحكرة", "حكرونا", "تحكرت", "المحكور",
            "سبني بالوالدين", "كلام خايب", "كلام ساقط", "ما حتارمونيش", "الشكاية ما تحركتش",
            "عطيتو الرشوة",
        ],
        "fr": [
            "son matricule", "revenez plus tard", "contre sa libération", "a refusé d'enregistrer",
            "refus d'enregistrer la plainte", "ont refusé ma plainte", "main courante",
            "plainte classée", "plainte ignorée", "aucune suite", "inaction", "négligence",
            "lenteur", "délai excessif", "insultes", "insulté", "injures", "injurié",
            "propos injurieux", "propos humiliants", "humilié", "humiliation", "manque de respect",
            "mépris", "hogra", "corruption", "pot-de-vin", "bakchich", "racket", "rançonné",
            "extorsion", "abus de pouvoir", "abus d'autorité", "excès de pouvoir", "partialité",
            "complicité avec", "piston", "menacé par le policier", "agent véreux",
            "policier corrompu", "plainte abusive",
        ],
        "en": [
            "badge number", "exchange for his release", "come back later", "refused to register",
            "refused to file", "no police report", "ignored my complaint", "ignored my report",
            "failed to act", "delay", "delays", "took months", "insulted", "insults",
            "verbal abuse", "abusive language", "swore at me", "cursed at me", "humiliated",
            "humiliating", "disrespectful", "rude", "bribe", "bribery", "asked for money",
            "demanded money", "extortion", "corruption", "corrupt officer", "abuse of power",
            "abuse of authority", "misconduct", "collusion", "nepotism", "wasta",
            "false report against me",
        ],
    },
    "property": {
        "ar": [
            # MSA
            "التحفظ على سيارتي", "أخذت أوراق", "أخذوا اللابتوب", "أخذوا الجوالات",
            "بدون إيصال استلام", "مصادرة", "صادروا", "مصادرة الأموال", "مصادرة الممتلكات",
            "الاستيلاء على", "استولوا على", "التحفظ على الأموال", "تجميد الأموال", "تجميد حسابي",
            "تجميد الحسابات البنكية", "الحجز على", "حجزوا السيارة", "حجز السيارة", "سحب السيارة",
            "أخذوا سيارتي", "أخذوا فلوسي", "أخذوا أموالي", "أخذوا الذهب", "المصوغات", "نهب",
            "نهبوا", "هدموا البيت", "هدم المنزل", "قرار إزالة", "هدم المحل", "تجريف الأرض",
            "نزع الملكية", "نزع ملكية", "تهجير قسري", "إخلاء قسري", "طردونا من بيتنا", "قطعة أرض",
            "العقار", "بضاعتي", "مصادرة البضاعة", "كسروا المحل", "تخريب", "أتلفوا", "إتلاف",
            "لم يعيدوا أغراضي", "لم يرجعوا الموبايل", "الأحراز", "المضبوطات", "لم يردوا المضبوطات",
            "الأمانات", "وضع اليد",
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
            "أخدوا المصاري", "أخدوا الدهب", "عفشوا البيت", "تعفيش", "عفشوا",
            "الحجز الاحتياطي على الأموال", "ختموا المحل", "الشمع الأحمر", "صادروا الأرض",
            # Maghrebi
            "خداو ليا", "ما رجعوش ليا", "داو ليا السلعة", "حجزو الطوموبيل", "الطوموبيل", "الموطور",
            "حجزو ليا الموطور", "خداو ليا الفلوس", "الفراشة", "حجزو السلعة", "السلعة ديالي",
            "الكروسة", "حجزو الكروسة", "هدمو البراكة", "هدمو الدار",
        ],
        "fr": [
            "ordinateur saisi", "jamais restitué", "toujours pas rendu", "saisie",
            "saisie de biens", "confiscation", "confisqué", "confisquée", "expropriation",
            "exproprié", "démolition", "démoli", "maison démolie", "expulsion forcée",
            "spoliation", "spolié", "pillage", "pillé", "volé mon argent", "ont pris mon argent",
            "biens saisis", "fourrière", "voiture saisie", "véhicule confisqué",
            "marchandise saisie", "charrette", "étal", "gel des avoirs", "compte bloqué",
            "comptes gelés", "scellés", "fermeture du commerce", "terres agricoles",
            "non restitué", "objets saisis",
        ],
        "en": [
            "took the laptop", "took our phones", "still not returned", "confiscated",
            "confiscation", "seized", "seizure", "seized my car", "impounded", "took my money",
            "took my car", "never returned", "looted", "looting", "demolished", "demolition",
            "bulldozed", "evicted", "forced eviction", "expropriation", "expropriated",
            "land grab", "frozen assets", "bank account frozen", "assets frozen", "sealed my shop",
            "goods seized", "merchandise", "street vendor", "cart", "property damage",
            "destroyed my", "took my phone",
        ],
    },
    "other": {"ar": [], "fr": [], "en": []},
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
        ],
        "fr": [
            "battu quotidiennement", "est encore torturé", "toujours torturé",
            "continuent de le frapper", "continuent de le torturer", "le frappent chaque jour",
            "le torturent encore", "torturé en ce moment", "on l'entend crier",
            "sévices continuent", "la torture continue", "frappé quotidiennement",
            "torturé chaque jour", "battu chaque nuit", "frappé en ce moment",
            "ils le frappent encore", "toujours battu", "électrocuté chaque jour",
        ],
        "en": [
            "is beaten daily", "being beaten daily", "still being beaten", "still being tortured",
            "being tortured now", "beating him every day", "beaten every day",
            "torturing him right now", "the torture continues", "keep beating him",
            "they are still beating", "tortured daily", "continue to torture",
            "being beaten right now", "beaten every night", "tortured every day",
            "still torturing him", "beatings continue", "being electrocuted",
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
            "مريض ربو", "نوبة قلبية", "فقد الوعي", "حالته خطيرة", "حالة حرجة", "حالته حرجة",
            "ينزف", "نزيف", "نزيف داخلي", "فاقد الوعي", "غائب عن الوعي", "مغمى عليه", "أغمي عليه",
            "غيبوبة", "بدون إنسولين", "الأنسولين", "مريض سكر", "مريض قلب", "أزمة قلبية", "جلطة",
            "ذبحة صدرية", "ضيق تنفس", "يحتاج عملية عاجلة", "يحتاج نقل للمستشفى",
            "رفضوا نقله للمستشفى", "تدهور حالته", "صحته تتدهور", "مريض سرطان", "العلاج الكيماوي",
            "الغسيل الكلوي", "جلسات الغسيل", "نوبات صرع", "تشنجات", "على وشك الموت",
            "بين الحياة والموت", "على وشك الولادة", "يتقيأ دما", "جروحه ملتهبة", "غرغرينا", "مرض السل",
            # Egyptian
            "مش قادر يقف", "عنده سكر وضغط", "تعبان جدا", "وقع من طوله", "بينزف", "حالته بتسوء",
            "مش قادر يتنفس", "محتاج مستشفى فورا", "هيموت", "بيموت", "بيرجع دم", "مريض ضغط",
            "سخن جدا",
            # Gulf
            "عنده ربو", "يطلب البخاخ", "تعب وايد", "طاح على الأرض", "ما يقدر يتنفس",
            "حالته تعبانة وايد", "بيموت بالسجن", "ما عطوه الإنسولين",
            # Levantine
            "معو سكري", "وقع عالأرض", "تعبان كتير", "ما عم يقدر يتنفس", "رح يموت",
            "وضعه الصحي كتير سيء", "عم ينزف", "فات بغيبوبة",
            # Maghrebi
            "ما كيقدرش يوقف", "ما يقدرش يوقف", "طاح ف الأرض", "طاح فالأرض", "مشكل ف القلب",
            "عندو السكر", "غادي يموت", "راه غادي يموت", "كيموت", "حالتو خايبة بزاف",
            "ما عطاوهش الأنسولين", "خاصو السبيطار",
        ],
        "fr": [
            "ne tient plus debout", "problèmes cardiaques", "douleurs thoraciques", "asthme",
            "s'est effondré", "état critique", "urgence médicale", "saigne", "saignement",
            "hémorragie", "inconscient", "évanoui", "perdu connaissance", "coma", "diabétique",
            "insuline", "sans insuline", "cardiaque", "crise cardiaque", "AVC",
            "ne peut plus respirer", "difficultés respiratoires", "doit être hospitalisé",
            "opération urgente", "refus d'hospitalisation", "son état se dégrade", "cancer",
            "chimiothérapie", "dialyse", "convulsions", "risque de mourir", "va mourir",
            "sur le point d'accoucher", "tuberculose", "gangrène", "blessures infectées",
            "vomit du sang", "fractures",
        ],
        "en": [
            "heart problems", "chest pain", "asthma", "inhaler", "collapsed", "critical condition",
            "medical emergency", "bleeding", "unconscious", "fainted", "coma", "diabetic",
            "insulin", "without insulin", "heart condition", "heart attack", "stroke",
            "can't breathe", "cannot breathe", "difficulty breathing", "needs surgery",
            "urgent surgery", "condition is deteriorating", "health is deteriorating", "cancer",
            "chemotherapy", "dialysis", "seizures", "high fever", "between life and death",
            "going to die", "might die", "dying", "about to give birth", "tuberculosis",
            "infected wounds", "vomiting blood", "broken bones",
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
        ],
        "fr": [
            "suicide", "se suicider", "suicidaire", "tentative de suicide",
            "menace de se suicider", "idées suicidaires", "pensées suicidaires", "veut mourir",
            "envie de mourir", "automutilation", "s'est tailladé", "s'est ouvert les veines",
            "tenté de se pendre", "s'immoler", "immolation", "s'est immolé",
            "avalé des médicaments", "surdose", "dépression sévère", "ne veut plus vivre",
        ],
        "en": [
            "suicide", "suicidal", "attempted suicide", "suicide attempt", "tried to kill himself",
            "tried to kill herself", "kill himself", "kill herself", "kill myself", "wants to die",
            "want to die", "self-harm", "self harm", "harming himself", "harming herself",
            "cut his wrists", "cutting himself", "hanged himself", "tried to hang", "overdose",
            "swallowed pills", "set himself on fire", "self-immolation", "severe depression",
            "doesn't want to live", "end his life", "end my life",
        ],
    },
    "child_detained": {
        "level": "critical",
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
            "أنكروا وجوده لديهم", "لم يبلغوا أسرته", "لم تبلغ أسرهم", "بملابس مدنية",
            "سيارة بدون لوحات", "مكانه مجهول", "مكان احتجازه مجهول", "مكان احتجازه غير معروف",
            "لا نعرف مكانه", "لا نعلم مكانه", "ممنوع من الزيارة والاتصال", "ممنوع من الاتصال",
            "لا يسمح له بالاتصال", "معزول عن العالم الخارجي", "بمعزل عن العالم الخارجي",
            "انقطعت أخباره", "انقطع الاتصال به", "لا أخبار عنه", "أنكروا وجوده", "أنكروا احتجازه",
            "ينكرون وجوده", "اختفى منذ", "مختفي قسريا", "اختفاء قسري", "لم يظهر منذ",
            "مصيره مجهول", "مجهول المصير", "إلى جهة غير معلومة", "إلى جهة مجهولة",
            # Egyptian
            "قالولي مش هنا", "محدش راضي يقولنا", "منعرفش مكانه", "منعرفش هو فين",
            "محدش عارف مكانه", "من ساعة ما خدوه", "ملوش أثر",
            # Gulf
            "كلهم يقولون مو عندنا", "يقولون مو عندنا", "ما نعرف وينه", "ما ندري وينه",
            "من يوم ما شلوه", "ما ندري وين وداوه",
            # Levantine
            "قالولنا مش عنا", "سيارة بلا نمرة", "ما منعرف وين", "ما بنعرف وينو", "ما حدا شافو",
            "من وقت ما أخدوه",
            # Maghrebi
            "ماعلاباليناش وين", "قالولنا ماكانش عندنا", "نحوسو عليه", "كيقول ماشي عندنا",
            "ماشي عندنا", "ما عرفناش فين", "ما نعرفوش فين هو", "قالو ماشي عندنا", "ما بانش",
            "ما لقيناهش",
        ],
        "fr": [
            "sans aucune nouvelle", "voiture banalisée", "tous nient le détenir",
            "lieu de détention inconnu", "aucun contact avec lui", "enlevé par des inconnus",
            "détenu au secret", "au secret", "incommunicado", "privé de tout contact",
            "interdit de contact", "nient le détenir", "nient sa détention", "disparu depuis",
            "porté disparu", "disparition forcée", "destination inconnue", "sort inconnu",
            "aucune trace de lui",
        ],
        "en": [
            "unmarked car", "every station denied", "whereabouts unknown", "unknown whereabouts",
            "no news since", "no contact since", "no one knows where", "denied any contact",
            "no family contact", "held in secret", "not allowed any contact", "held incommunicado",
            "incommunicado", "denied holding him", "missing since", "disappeared since",
            "forcibly disappeared", "enforced disappearance", "unknown location", "fate unknown",
        ],
    },
    "reprisal_threat": {
        "level": "high",
        "label_en": "Threats or reprisals against the complainant or family",
        "label_fr": "Menaces ou représailles contre le plaignant ou sa famille",
        "label_ar": "تهديد أو انتقام من الشاكي أو أسرته",
        "ar": [
            # MSA
            "عاقبوني", "يعاقبونني", "عقابا لي", "هددها", "هدده", "هددوه", "اتصالات تهديد",
            "بسحب الشكوى", "أطلب الحماية", "نطلب الحماية", "هددوا بإيذائه", "هددوني",
            "تهديد بالانتقام", "خوفا من الانتقام", "هددوا عائلتي", "هددوا أهلي", "يهددون عائلتي",
            "انتقاما مني", "عقابا على الشكوى", "بسبب شكواي", "بعد تقديم الشكوى", "لأنني اشتكيت",
            "أجبروني على التنازل", "التنازل عن الشكوى", "ضغطوا علينا للتنازل", "وقعوني على تنازل",
            "أخشى على حياتي", "حياتي في خطر", "تهديد بالقتل", "هددني بالقتل", "هددني بالسلاح",
            "نقلوه عقابا", "نقلوه لسجن بعيد", "التغريب", "هددوا باعتقال", "هددوا بأخذ أولادي",
            "توعدني", "توعدوني", "يتوعدونه", "سحب الشكوى",
            # Egyptian
            "مسحبتش الشكوى", "هلبسك قضية", "هيلبسني قضية", "خايف على نفسي", "خايف على عيالي",
            "هددوني لو اشتكيت", "بيهددوني", "بيهددوا أهلي", "بعد ما اشتكيت", "عشان اشتكيت",
            "هنلبسك قضية", "هيلبسوني قضية", "هيودوني ورا الشمس", "ورا الشمس", "اتنازل عن المحضر",
            "خايف على حياتي", "خايفة على حياتي", "خايفين يأذوه",
            # Gulf
            "يهددوني", "يهددوني إذا اشتكيت", "قالوا لو تشتكي", "خايف يأذوني", "هددوني أسحب البلاغ",
            # Levantine
            "عم يهددوني", "منشان اشتكيت", "بدهم يأذوني", "هددوني إذا بشتكي", "قالولي سحاب الشكوى",
            # Maghrebi
            "كيعاقبوني", "بداو كيعاقبوني", "سحب الشكاية", "غادي تشوف", "كيهددوني",
            "كيهددو العائلة", "حيت شكيت", "من بعد ما شكيت", "غادي يأذيوني", "تهددت", "بغاو نتنازل",
            "نتنازل على الشكاية",
        ],
        "fr": [
            "appels menaçants", "demande de protection", "menacé", "menacée", "menaces",
            "menaces de représailles", "représailles", "peur des représailles",
            "par crainte de représailles", "si je porte plainte", "retirer ma plainte",
            "retirer la plainte", "pressions pour retirer", "contraint de retirer", "désistement",
            "forcé de me désister", "intimidation", "intimidé", "menaces de mort",
            "menacé de mort", "peur pour ma vie", "menacent ma famille",
            "transféré en représailles", "vengeance",
        ],
        "en": [
            "threatening calls", "asked for protection", "threatened me", "threatened my family",
            "threats", "threat of reprisal", "reprisal", "reprisals", "retaliation", "retaliate",
            "afraid of retaliation", "fear of reprisals", "because I complained",
            "withdraw my complaint", "withdraw the complaint", "drop the complaint",
            "pressure to withdraw", "forced to withdraw", "intimidation", "intimidated",
            "death threats", "threatened to kill", "fear for my life", "afraid for my life",
            "harassing my family", "transferred as punishment", "punished for complaining",
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
        ],
        "fr": [
            "mort après les coups", "décédé au commissariat", "mort en détention",
            "décès en détention", "mort en garde à vue", "mort au commissariat", "mort en prison",
            "décédé en prison", "mort dans sa cellule", "retrouvé mort", "retrouvé pendu",
            "mort sous la torture", "décédé sous la torture", "mort suite aux coups",
            "tué par la police", "abattu par la police", "mort suspecte", "enterré sans",
        ],
        "en": [
            "died after the beating", "body showed signs", "died at the station",
            "died in custody", "death in custody", "died in detention", "died in prison",
            "died in his cell", "found dead", "found hanged", "died under torture",
            "beaten to death", "killed in custody", "killed by police", "shot dead by",
            "died of medical neglect", "buried without", "suspicious death",
        ],
    },
    "sexual_violence": {
        "level": "critical",
        "label_en": "Sexual violence or the threat of it",
        "label_fr": "Violences sexuelles ou menace de violences sexuelles",
        "label_ar": "عنف جنسي أو تهديد به",
        "ar": [
            # MSA
            "تتعرض للتحرش", "يتحرش بها", "يتحرشون بها", "تحرش بها أحد الحراس", "اغتصاب",
            "اغتصبوها", "اغتصبوه", "اغتصبني", "اغتصبوني", "تعرضت للاغتصاب", "اعتداء جنسي",
            "اعتدى علي جنسيا", "عنف جنسي", "هتك عرض", "هتكوا عرضه", "تحرش جنسي", "تحرش بي جنسيا",
            "التهديد بالاغتصاب", "هددوه باغتصاب", "هددوني بالاغتصاب", "هددوا باغتصاب زوجته",
            "عروه", "عروني", "جردوه من ملابسه", "خلعوا ملابسي", "كشف العذرية", "أدخلوا عصا",
            "الأعضاء التناسلية", "أعضائه التناسلية", "المناطق الحساسة", "ابتزاز جنسي",
            "طلب مني علاقة", "مقابل الإفراج",
            # Egyptian
            "قلعوه هدومه", "قلعوني هدومي", "قلعوها هدومها", "اتحرشوا بيها", "جلسوه على قزازة",
            "مسك جسمي", "طلب مني أنام معاه",
            # Gulf
            "تحرش فيني", "تحرشوا فيه", "شلحوه ملابسه",
            # Levantine
            "شلحوه", "شلحوني تيابي", "تحرشوا فيي", "اعتدوا عليها",
            # Maghrebi
            "غتاصبوها", "تعداو عليها جنسيا", "القرعة", "جلسوه على القرعة", "تحرشو بيا",
            "حيدو ليه حوايجو",
        ],
        "fr": [
            "harcelée par un gardien", "viol", "violée", "violé", "tentative de viol",
            "menace de viol", "menacée de viol", "agression sexuelle", "agressée sexuellement",
            "agressé sexuellement", "violences sexuelles", "abus sexuels", "attouchements",
            "harcèlement sexuel", "déshabillé de force", "mis à nu", "mise à nu",
            "forcé à se déshabiller", "test de virginité", "sodomisé", "assis sur une bouteille",
            "parties génitales", "chantage sexuel", "faveurs sexuelles",
        ],
        "en": [
            "harassed by a guard", "rape", "raped", "attempted rape", "threatened with rape",
            "threatened to rape", "sexual assault", "sexually assaulted", "sexual abuse",
            "sexually abused", "sexual violence", "sexual harassment", "groped", "molested",
            "stripped naked", "forced to undress", "virginity test", "genitals", "sodomised",
            "sodomized", "sat on a bottle", "sexual favours", "sexual favors", "sex in exchange",
            "sexual blackmail",
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
        ],
        "fr": [
            "danger pour sa vie", "aidez-nous vite", "intervenir immédiatement",
            "craignons pour sa vie", "crainte pour sa vie", "sa vie en danger", "danger de mort",
            "risque de mourir", "en danger de mort", "intervention urgente",
            "intervenir d'urgence", "sauvez-le", "sauver sa vie", "visite urgente",
            "avant qu'il soit trop tard", "il risque sa vie", "je vous en supplie",
        ],
        "en": [
            "life is in danger", "in mortal danger", "danger to his life", "risk to his life",
            "urgent help", "please act quickly", "intervene immediately", "fear for his life",
            "fear for her life", "his life in danger", "her life in danger", "life is at risk",
            "may die", "could die", "save his life", "urgent intervention", "intervene urgently",
            "urgent visit", "please help him",
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
            "حكم إعدام نهائي", "محكوم بالإعدام", "محكوم عليه بالإعدام", "غرفة الإعدام",
            "نقلوه لغرفة الإعدام", "إحالة أوراقه إلى المفتي", "أحيلت أوراقه للمفتي",
            "تنفيذ القصاص", "حكم القصاص", "عنبر الإعدام", "جناح الإعدام", "تنفيذ الحكم خلال أيام",
            # Egyptian
            "هيعدموه", "هيتعدم", "البدلة الحمراء", "لابس البدلة الحمراء", "أوراقه للمفتي",
            # Gulf
            "بيعدمونه", "بينفذون فيه القصاص", "القصاص قريب",
            # Levantine
            "بدهم يعدموه", "رح يعدموه", "رح ينعدم",
            # Maghrebi
            "غادي يعدموه", "محكوم بالإعدام فالحبس",
        ],
        "fr": [
            "exécuté demain", "exécution imminente", "condamné à mort", "condamnation à mort",
            "peine de mort", "couloir de la mort", "va être exécuté", "sera exécuté",
            "date d'exécution", "exécution prévue", "peine capitale", "qisas",
            "risque d'exécution", "condamnée à mort", "menacé d'exécution", "exécution programmée",
            "exécution fixée",
        ],
        "en": [
            "executed tomorrow", "execution next week", "death row inmate", "imminent execution",
            "execution date", "scheduled execution", "due to be executed", "will be executed",
            "going to be executed", "sentenced to death", "death sentence", "death row",
            "facing execution", "execution chamber", "qisas", "about to be executed",
            "risk of execution", "execution is scheduled",
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
        ],
        "fr": [
            "expulsion imminente", "va être expulsé", "sera expulsé", "menacé d'expulsion",
            "arrêté d'expulsion", "ordre d'expulsion", "reconduite à la frontière", "renvoi forcé",
            "refoulement", "extradition", "extradé", "renvoyé dans son pays", "expulsion prévue",
            "vol d'expulsion", "renvoi imminent", "mesure d'éloignement", "expulsé demain",
            "demande d'extradition",
        ],
        "en": [
            "put on a plane", "deportation flight", "removal tomorrow", "about to be deported",
            "will be deported", "going to be deported", "deportation order",
            "imminent deportation", "facing deportation", "scheduled for deportation",
            "deported tomorrow", "removal order", "extradition", "extradited", "forcibly returned",
            "refoulement", "sent back to", "persecution if returned",
        ],
    },
}

# Cues that, shortly BEFORE a matched entry, deny it ("لم يتم ضربي", "il n'a pas été frappé").
# "بدون"/"بلا"/"sans"/"without" are not here on purpose: they are part of many entries.
NEGATIONS: dict[str, list[str]] = {
    "ar": [
        "لم", "لن", "لا", "ما", "مش", "مو", "مب", "ليس", "ليست", "لست", "مكانش",
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
}

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
