"""What `manage.py seed_followup_demo` loads: fictional recommendations, a phased plan and its
indicators, written for the project (never copied from a real document).

Recommendations are made from templates: a source's opening words (`OPENERS`), the thing asked
(`TOPICS`, an infinitive in English and French, a verbal noun in Arabic, so that every opening
takes every topic), sometimes a kind of place (`PLACES`) and a closing clause (`CLOSERS`). The
command draws the combinations with a seeded random generator, so the texts vary and the demo is
the same on every installation. Everything here is data in Arabic, English and French, not
interface text: nothing goes through gettext.
"""

from __future__ import annotations

from dataclasses import dataclass

# --- the secretariat ---------------------------------------------------------------------------------

SECRETARIAT = {
    "slug": "arab-hr-sec", "kind": "secretariat", "country": "TN", "reference_prefix": "SEC",
    "weekend_days": "5,6", "accepts_public_complaints": False, "is_default_intake": False,
    "name_ar": "الأمانة الفنية لمؤتمر مسؤولي حقوق الإنسان بوزارات الداخلية العربية",
    "name_en": "Technical secretariat of the conference of human-rights officials of Arab interior ministries",
    "name_fr": "Secrétariat technique de la conférence des responsables des droits de l'homme des ministères "
               "arabes de l'Intérieur",
}
SECRETARIAT_UNIT = ("followup", "وحدة متابعة توصيات المؤتمر", "Conference follow-up unit",
                    "Unité de suivi des recommandations de la conférence")
# The complaints demo's organisations (seed_demo): members of the secretariat's conference.
MEMBERS = ("moi-hr", "nhri")
MINISTRY = "moi-hr"

# (organisation slug or "sec", username suffix, role, unit code or None, is_staff): usernames follow
# seed_demo's scheme (the organisation's prefix, then the suffix).
USERS = [
    ("moi-hr", "", "followup", "followup_officer", "hr", False),
    ("nhri", "nhri_", "followup", "followup_officer", "complaints", False),
    ("sec", "sec_", "followup", "followup_officer", "followup", False),
    ("sec", "sec_", "admin", "org_admin", None, True),
]

# --- the register of outside bodies (the ministry's) -----------------------------------------------------

EXTERNAL_BODIES = [  # key, Arabic, English, French, kind
    ("justice", "وزارة العدل", "Ministry of Justice", "Ministère de la Justice", "government"),
    ("prosecution", "النيابة العامة", "Public prosecution", "Parquet général", "judiciary"),
    ("parliament", "لجنة حقوق الإنسان بمجلس النواب", "Human-rights committee of the House of Representatives",
     "Commission des droits de l'homme de la Chambre des représentants", "parliament"),
    ("health", "وزارة الصحة والسكان", "Ministry of Health and Population", "Ministère de la Santé et de la Population",
     "government"),
    ("foreign", "وزارة الخارجية – إدارة حقوق الإنسان", "Ministry of Foreign Affairs – human-rights department",
     "Ministère des Affaires étrangères – direction des droits de l'homme", "government"),
    ("nhri", "المجلس الوطني لحقوق الإنسان", "National Council for Human Rights", "Conseil national des droits de l'homme",
     "independent"),
    ("women", "المجلس الوطني للمرأة", "National Council for Women", "Conseil national de la femme", "government"),
    ("childhood", "المجلس الوطني للطفولة والأمومة", "National Council for Childhood and Motherhood",
     "Conseil national de l'enfance et de la maternité", "government"),
    ("immigration", "مصلحة الجوازات والهجرة والجنسية", "Passports, Immigration and Nationality Authority",
     "Autorité des passeports, de l'immigration et de la nationalité", "government"),
    ("forensic", "مصلحة الطب الشرعي", "Forensic Medicine Authority", "Service de médecine légale", "government"),
    ("academy", "أكاديمية الشرطة", "Police Academy", "Académie de police", "government"),
    ("trafficking", "اللجنة الوطنية لمكافحة الهجرة غير النظامية والاتجار بالبشر",
     "National committee against irregular migration and trafficking in persons",
     "Comité national de lutte contre la migration irrégulière et la traite des personnes", "government"),
    ("unhcr", "مفوضية الأمم المتحدة السامية لشؤون اللاجئين", "UN High Commissioner for Refugees",
     "Haut-Commissariat des Nations unies pour les réfugiés", "international"),
    ("ngo", "شبكة الجمعيات الأهلية لرعاية المحتجزين وأسرهم", "Network of associations supporting detainees and their "
     "families", "Réseau d'associations d'aide aux détenus et à leurs familles", "civil_society"),
    # Replaced by the national committee: deactivated by the demo, kept where it is named.
    ("old_committee", "اللجنة التنسيقية لحقوق الإنسان (سابقاً)", "Human-rights coordination committee (former)",
     "Comité de coordination des droits de l'homme (ancien)", "government"),
]
DEACTIVATED_BODY = "old_committee"

# --- what is asked -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Topic:
    ar: str  # a verbal noun phrase (after "إلى", "من أجل", or "بـ")
    en: str  # an infinitive without "to"
    fr: str  # an infinitive
    themes: tuple[str, ...]  # category codes of the rights taxonomy
    groups: tuple[str, ...] = ()  # our vulnerability codes, or other groups as the source writes them
    lead: str = "hr"  # the ministry's unit code, or "ext:<key>" of EXTERNAL_BODIES
    supporting: tuple[str, ...] = ()
    sdg: tuple[str, ...] = ("16.3",)
    place: bool = False  # the phrase holds "{place}"


TOPICS: dict[str, Topic] = {
    "define_torture": Topic(
        "مواءمة تعريف التعذيب في التشريع الوطني مع المادة الأولى من اتفاقية مناهضة التعذيب",
        "bring the definition of torture in national legislation into line with article 1 of the Convention against "
        "Torture",
        "mettre la définition de la torture dans la législation nationale en conformité avec l'article premier de la "
        "Convention contre la torture",
        ("torture",), (), "ext:justice", ("ext:parliament", "hr")),
    "investigate_torture": Topic(
        "ضمان التحقيق الفوري والنزيه في جميع ادعاءات التعذيب وسوء المعاملة{place}",
        "ensure prompt and impartial investigations into all allegations of torture and ill-treatment{place}",
        "garantir des enquêtes promptes et impartiales sur toutes les allégations de torture et de mauvais "
        "traitements{place}",
        ("torture",), ("detainee",), "inspection", ("ext:prosecution",), ("16.3", "16.10"), True),
    "safeguards": Topic(
        "ضمان تمتع جميع المحرومين من حريتهم بالضمانات القانونية الأساسية منذ بداية الاحتجاز، ومنها الاستعانة بمحامٍ "
        "وإبلاغ ذويهم",
        "guarantee that all persons deprived of their liberty enjoy the fundamental legal safeguards from the outset "
        "of detention, including access to a lawyer and notification of their families",
        "garantir que toutes les personnes privées de liberté bénéficient des garanties juridiques fondamentales dès "
        "le début de la détention, notamment l'accès à un avocat et l'information de leurs proches",
        ("arbitrary_detention", "due_process"), ("detainee",), "hr", ("ext:prosecution",)),
    "register": Topic(
        "إنشاء سجل إلكتروني مركزي موحد للمحتجزين{place} يُحدَّث عند كل إيداع أو نقل أو إفراج",
        "establish a unified central electronic register of detainees{place}, updated at every admission, transfer "
        "and release",
        "mettre en place un registre électronique central et unifié des personnes détenues{place}, mis à jour à "
        "chaque admission, transfert et libération",
        ("disappearance", "arbitrary_detention"), ("detainee",), "prisons", ("ext:justice",), ("16.3", "16.9"), True),
    "overcrowding": Topic(
        "الحد من الاكتظاظ{place}، بما في ذلك التوسع في بدائل الحبس الاحتياطي",
        "reduce overcrowding{place}, including by making greater use of alternatives to pre-trial detention",
        "réduire la surpopulation{place}, notamment en recourant davantage aux alternatives à la détention provisoire",
        ("detention_conditions",), ("detainee",), "prisons", ("ext:justice", "ext:prosecution"), ("16.3",), True),
    "health_care": Topic(
        "ضمان حصول المحتجزين على رعاية صحية ملائمة وفي الوقت المناسب{place}، بما في ذلك الفحص الطبي عند الإيداع",
        "ensure that detainees receive adequate and timely health care{place}, including a medical examination on "
        "admission",
        "veiller à ce que les détenus reçoivent des soins de santé adéquats et en temps utile{place}, y compris un "
        "examen médical à l'admission",
        ("detention_conditions",), ("detainee",), "prisons", ("ext:health",), ("3.8", "16.3"), True),
    "monitoring_visits": Topic(
        "تمكين المؤسسة الوطنية لحقوق الإنسان وهيئات الرقابة المستقلة من زيارة جميع أماكن الاحتجاز دون إخطار مسبق",
        "allow the national human-rights institution and independent monitoring bodies to visit all places of "
        "detention without prior notice",
        "permettre à l'institution nationale des droits de l'homme et aux organes de contrôle indépendants de visiter "
        "tous les lieux de détention sans préavis",
        ("detention_conditions", "torture"), ("detainee",), "hr", ("ext:nhri", "prisons"), ("16.a",)),
    "opcat": Topic(
        "النظر في التصديق على البروتوكول الاختياري لاتفاقية مناهضة التعذيب وإنشاء آلية وقائية وطنية مستقلة",
        "consider ratifying the Optional Protocol to the Convention against Torture and establishing an independent "
        "national preventive mechanism",
        "envisager de ratifier le Protocole facultatif se rapportant à la Convention contre la torture et de créer un "
        "mécanisme national de prévention indépendant",
        ("torture",), (), "ext:foreign", ("ext:parliament", "hr"), ("16.a",)),
    "force_training": Topic(
        "تدريب جميع الموظفين المكلفين بإنفاذ القانون على المبادئ الأساسية بشأن استخدام القوة والأسلحة النارية",
        "train all law-enforcement officials in the Basic Principles on the Use of Force and Firearms",
        "former tous les responsables de l'application des lois aux Principes de base sur le recours à la force et "
        "l'utilisation des armes à feu",
        ("excessive_force", "police_conduct"), (), "hr", ("ext:academy",), ("16.1",)),
    "assemblies": Topic(
        "ضمان إدارة التجمعات السلمية وفق مبدأي الضرورة والتناسب",
        "ensure that peaceful assemblies are policed in line with the principles of necessity and proportionality",
        "veiller à ce que le maintien de l'ordre lors des rassemblements pacifiques respecte les principes de "
        "nécessité et de proportionnalité",
        ("expression_assembly", "excessive_force"), (), "cairo-dir", ("inspection",), ("16.1", "16.10")),
    "cameras": Topic(
        "تركيب كاميرات مراقبة في غرف الاستجواب ومناطق الاحتجاز{place} وحفظ تسجيلاتها مدة كافية",
        "install closed-circuit cameras in interview rooms and custody areas{place} and keep the recordings for a "
        "sufficient period",
        "installer des caméras de surveillance dans les salles d'interrogatoire et les zones de garde à vue{place} et "
        "conserver les enregistrements pendant une durée suffisante",
        ("torture", "police_conduct"), ("detainee",), "inspection", ("cairo-dir",), ("16.3",), True),
    "gbv_units": Topic(
        "تعزيز وحدات مكافحة العنف ضد المرأة في مديريات الأمن وتزويدها بضابطات مدرَّبات",
        "strengthen the units combating violence against women in security directorates and staff them with trained "
        "women officers",
        "renforcer les unités de lutte contre la violence à l'égard des femmes dans les directions de sécurité et les "
        "doter d'officières formées",
        ("women",), ("woman",), "hr", ("ext:women", "cairo-dir"), ("5.2", "16.1")),
    "women_detainees": Topic(
        "ضمان فصل المحتجزات عن المحتجزين الذكور وإشراف موظفات عليهن{place}",
        "ensure that women detainees are held separately from men and supervised by female staff{place}",
        "veiller à ce que les femmes détenues soient séparées des hommes et surveillées par du personnel féminin{place}",
        ("women", "detention_conditions"), ("woman", "detainee"), "prisons", (), ("5.1", "16.3"), True),
    "juveniles": Topic(
        "ضمان عدم احتجاز الأطفال إلا كملاذ أخير ولأقصر مدة ممكنة، مع فصلهم عن البالغين",
        "ensure that children are detained only as a last resort and for the shortest possible time, separately from "
        "adults",
        "veiller à ce que les enfants ne soient détenus qu'en dernier ressort et pour la durée la plus courte "
        "possible, séparément des adultes",
        ("children",), ("child", "detainee"), "prisons", ("ext:prosecution", "ext:childhood"), ("16.2", "16.3")),
    "disability_access": Topic(
        "تيسير وصول الأشخاص ذوي الإعاقة إلى مقار الشرطة وآليات تلقي الشكاوى، بما في ذلك الترجمة بلغة الإشارة",
        "make police premises and complaint mechanisms accessible to persons with disabilities, including through "
        "sign-language interpretation",
        "rendre les locaux de police et les mécanismes de plainte accessibles aux personnes handicapées, notamment "
        "grâce à l'interprétation en langue des signes",
        ("disability",), ("disability",), "hr", ("cairo-dir",), ("10.2", "16.7")),
    "older_detainees": Topic(
        "مراعاة الاحتياجات الخاصة للمحتجزين من كبار السن والنظر في الإفراج الصحي عنهم",
        "take into account the specific needs of older detainees and consider their release on health grounds",
        "tenir compte des besoins particuliers des détenus âgés et envisager leur libération pour raisons de santé",
        ("older_persons", "detention_conditions"), ("older_person", "detainee"), "prisons", ("ext:prosecution",),
        ("10.2",)),
    "migrants": Topic(
        "ضمان عدم احتجاز المهاجرين وطالبي اللجوء إلا كملاذ أخير وتمكينهم من التواصل مع مفوضية اللاجئين",
        "ensure that migrants and asylum-seekers are detained only as a last resort and can contact the UN refugee "
        "agency",
        "veiller à ce que les migrants et les demandeurs d'asile ne soient détenus qu'en dernier ressort et puissent "
        "contacter l'agence des Nations unies pour les réfugiés",
        ("migrants_trafficking",), ("migrant", "طالبو اللجوء"), "ext:immigration", ("ext:unhcr",), ("10.7",)),
    "trafficking": Topic(
        "تعزيز قدرات العاملين في المنافذ الحدودية على التعرف المبكر على ضحايا الاتجار بالبشر وإحالتهم",
        "build the capacity of border staff to identify victims of trafficking early and refer them to protection "
        "services",
        "renforcer les capacités du personnel des frontières à identifier rapidement les victimes de la traite et à "
        "les orienter vers les services de protection",
        ("migrants_trafficking",), ("migrant", "ضحايا الاتجار بالبشر"), "ext:immigration", ("ext:trafficking",),
        ("8.7", "16.2")),
    "complaints_access": Topic(
        "التعريف بآليات تلقي الشكاوى لدى الوزارة وتيسير الوصول إليها، بما في ذلك عبر البوابة الإلكترونية",
        "raise awareness of the ministry's complaint mechanisms and make them easier to reach, including through the "
        "online portal",
        "faire connaître les mécanismes de plainte du ministère et en faciliter l'accès, y compris par le portail en "
        "ligne",
        ("police_conduct",), (), "hr", (), ("16.6", "16.7")),
    "reprisals": Topic(
        "حماية مقدمي الشكاوى والشهود من أي انتقام أو ترهيب",
        "protect complainants and witnesses against any reprisal or intimidation",
        "protéger les plaignants et les témoins contre toute forme de représailles ou d'intimidation",
        ("police_conduct",), (), "inspection", ("ext:prosecution",), ("16.10",)),
    "publish_data": Topic(
        "نشر بيانات دورية عن الشكاوى المقدمة ضد أفراد الشرطة ونتائج التحقيق فيها والجزاءات التأديبية",
        "publish regular data on complaints against police officers, the outcome of investigations and disciplinary "
        "sanctions",
        "publier régulièrement des données sur les plaintes visant des agents de police, l'issue des enquêtes et les "
        "sanctions disciplinaires",
        ("police_conduct",), (), "inspection", ("hr",), ("16.6",)),
    "disappearance": Topic(
        "التحقيق في جميع البلاغات المتعلقة بالاختفاء القسري وإبلاغ الأسر بأماكن احتجاز ذويها دون تأخير",
        "investigate all reports of enforced disappearance and inform families of the whereabouts of their relatives "
        "without delay",
        "enquêter sur tous les signalements de disparition forcée et informer sans délai les familles du lieu de "
        "détention de leurs proches",
        ("disappearance",), ("detainee",), "hr", ("ext:prosecution",), ("16.3", "16.10")),
    "pretrial": Topic(
        "احترام الحدود القانونية لمدة الحبس الاحتياطي وإخضاعه لمراجعة قضائية دورية",
        "respect the legal limits on pre-trial detention and subject it to regular judicial review",
        "respecter les limites légales de la détention provisoire et la soumettre à un contrôle judiciaire régulier",
        ("arbitrary_detention", "due_process"), ("detainee",), "ext:prosecution", ("ext:justice",), ("16.3",)),
    "deaths_custody": Topic(
        "إجراء تحقيق مستقل ومستفيض في كل حالة وفاة أثناء الاحتجاز وإطلاع الأسرة على نتائجه",
        "carry out an independent and thorough investigation into every death in custody and share its findings "
        "with the family",
        "mener une enquête indépendante et approfondie sur chaque décès en détention et en communiquer les "
        "conclusions à la famille",
        ("right_to_life",), ("detainee",), "inspection", ("ext:prosecution", "ext:forensic"), ("16.1",)),
    "data_protection": Topic(
        "حماية البيانات الشخصية التي تجمعها الأجهزة الأمنية وقصر الاطلاع عليها على الحدود التي يقررها القانون",
        "protect the personal data collected by the security services and restrict access to them to the limits set "
        "by law",
        "protéger les données personnelles collectées par les services de sécurité et en limiter l'accès aux cas "
        "prévus par la loi",
        ("privacy",), (), "hr", ("ext:justice",), ("16.10",)),
    "travel_bans": Topic(
        "مراجعة قرارات المنع من السفر دورياً وتمكين المعنيين من الطعن فيها",
        "review travel bans periodically and allow those concerned to challenge them",
        "réexaminer périodiquement les interdictions de voyager et permettre aux personnes concernées de les contester",
        ("movement", "due_process"), (), "ext:immigration", ("ext:prosecution",), ("16.3", "16.10")),
    "seized_property": Topic(
        "توثيق المضبوطات وإعادتها إلى أصحابها في آجال معقولة",
        "record seized property and return it to its owners within a reasonable time",
        "consigner les biens saisis et les restituer à leurs propriétaires dans un délai raisonnable",
        ("property", "police_conduct"), (), "inspection", ("ext:prosecution",), ("16.5",)),
    "non_discrimination": Topic(
        "تدريب أفراد الشرطة على مكافحة التمييز في التعامل مع الجمهور، بما في ذلك على أساس الأصل أو الجنسية",
        "train police officers to prevent discrimination in dealing with the public, including on grounds of origin "
        "or nationality",
        "former les policiers à prévenir toute discrimination dans leurs rapports avec le public, y compris fondée "
        "sur l'origine ou la nationalité",
        ("discrimination", "police_conduct"), ("migrant",), "hr", ("ext:academy",), ("10.3", "16.b")),
    "curricula": Topic(
        "إدراج حقوق الإنسان مادةً أساسية في مناهج أكاديمية الشرطة وبرامج التدريب أثناء الخدمة",
        "make human rights a core subject of the police academy's curriculum and of in-service training",
        "faire des droits de l'homme une matière essentielle du programme de l'académie de police et de la formation "
        "continue",
        ("police_conduct",), (), "hr", ("ext:academy",), ("4.7", "16.a")),
    "family_contact": Topic(
        "ضمان حق المحتجزين في الزيارات العائلية والتواصل المنتظم مع ذويهم{place}",
        "guarantee detainees' right to family visits and regular contact with their relatives{place}",
        "garantir le droit des détenus aux visites familiales et à des contacts réguliers avec leurs proches{place}",
        ("detention_conditions",), ("detainee",), "prisons", ("ext:ngo",), ("16.3",), True),
}

PLACES = [
    (" في أقسام الشرطة", " in police stations", " dans les commissariats de police"),
    (" في مراكز الإصلاح والتأهيل", " in correction and rehabilitation centres",
     " dans les centres de correction et de réhabilitation"),
    (" في مقار الاحتجاز المؤقت", " in temporary holding facilities", " dans les lieux de garde à vue"),
    ("", "", ""),
]

CLOSERS = [
    ("", "", ""),
    ("", "", ""),
    ("، وفقاً للمعايير الدولية ذات الصلة", ", in accordance with the relevant international standards",
     ", conformément aux normes internationales pertinentes"),
    ("، مع وضع جدول زمني واضح لذلك", ", with a clear timetable", ", selon un calendrier précis"),
    ("، وتخصيص الموارد البشرية والمالية اللازمة لذلك", ", and allocate the necessary human and financial resources",
     ", et y consacrer les ressources humaines et financières nécessaires"),
]

# Opening words by source: (Arabic, English, French); "{x}" is the topic. In Arabic "بـ{x}" joins the
# preposition to the verbal noun ("بضمان", "بالحد"). In English "{X}" is the topic capitalised (a UPR
# recommendation starts with its verb). French "de {x}" is elided before a vowel by the command.
OPENERS = {
    "conference": [
        ("يوصي المؤتمر وزارات الداخلية العربية ب{x}", "The Conference recommends that Arab interior ministries {x}",
         "La Conférence recommande aux ministères arabes de l'Intérieur de {x}"),
        ("يدعو المؤتمر الأجهزة المعنية في وزارات الداخلية الأعضاء إلى {x}",
         "The Conference calls on the relevant services of member interior ministries to {x}",
         "La Conférence invite les services compétents des ministères de l'Intérieur membres à {x}"),
        ("يؤكد المؤتمر أهمية {x}", "The Conference stresses the importance for member ministries to {x}",
         "La Conférence souligne qu'il importe pour les ministères membres de {x}"),
    ],
    "upr": [
        ("مواصلة الجهود الرامية إلى {x}", "Continue its efforts to {x}", "Poursuivre ses efforts pour {x}"),
        ("اتخاذ مزيد من الخطوات من أجل {x}", "Take further steps to {x}", "Prendre de nouvelles mesures pour {x}"),
        ("مضاعفة الجهود من أجل {x}", "Redouble its efforts to {x}", "Redoubler d'efforts pour {x}"),
        ("{x}", "{X}", "{X}"),
    ],
    "cat": [
        ("ينبغي للدولة الطرف {x}", "The State party should {x}", "L'État partie devrait {x}"),
        ("توصي اللجنة الدولة الطرف ب{x}", "The Committee recommends that the State party {x}",
         "Le Comité recommande à l'État partie de {x}"),
        ("ينبغي للدولة الطرف أن تتخذ التدابير اللازمة من أجل {x}",
         "The State party should take the measures necessary to {x}",
         "L'État partie devrait prendre les mesures nécessaires pour {x}"),
    ],
    "wgad": [
        ("يوصي الفريق العامل الحكومة ب{x}", "The Working Group recommends that the Government {x}",
         "Le Groupe de travail recommande au Gouvernement de {x}"),
        ("ينبغي للحكومة {x}", "The Government should {x}", "Le Gouvernement devrait {x}"),
    ],
    "nhri": [
        ("يوصي المجلس وزارة الداخلية ب{x}", "The Council recommends that the Ministry of Interior {x}",
         "Le Conseil recommande au ministère de l'Intérieur de {x}"),
        ("يدعو المجلس الجهات المعنية إلى {x}", "The Council calls on the authorities concerned to {x}",
         "Le Conseil invite les autorités concernées à {x}"),
    ],
    "pattern": [
        ("تكررت في الشكاوى الواردة خلال الفترة ادعاءات تتعلق بـ«{theme}»؛ ولذلك يُوصى ب{x}", "", ""),
        ("أظهر تحليل الشكاوى المغلقة نمطاً متكرراً في فئة «{theme}»، ويُقترح {x}", "", ""),
    ],
}

RECOMMENDING_STATES = ["Norway", "Brazil", "Tunisia", "Japan", "Chile", "Portugal", "Indonesia", "Senegal",
                       "Mexico", "Jordan", "Ireland", "South Africa", "Argentina", "Morocco", "Germany", "Malaysia",
                       "Côte d'Ivoire", "Uruguay", "Sierra Leone", "Iceland", "Qatar", "Switzerland", "Peru"]

# --- sources ---------------------------------------------------------------------------------------------
# key, kind, owner ("sec" or the ministry), openers, number of recommendations, months before today it
# was issued (the conference: see the command), original language, translations, titles, body, symbol, place.
SOURCES = [
    {"key": "conference", "kind": "conference", "owner": "sec", "count": 36, "language": "ar",
     "translations": ("en", "fr"), "body": "مؤتمر مسؤولي حقوق الإنسان بوزارات الداخلية العربية",
     "place": "الغردقة"},
    {"key": "upr", "kind": "upr", "owner": MINISTRY, "count": 38, "months": 19, "language": "en",
     "translations": ("ar",), "upr_cycle": 4, "upr_session": 47,
     "title_ar": "تقرير الفريق العامل المعني بالاستعراض الدوري الشامل – الجولة الرابعة",
     "title_en": "Report of the Working Group on the Universal Periodic Review – fourth cycle",
     "title_fr": "Rapport du Groupe de travail sur l'Examen périodique universel – quatrième cycle",
     "body": "Human Rights Council", "symbol": "A/HRC/58/14"},
    {"key": "cat", "kind": "treaty_body", "owner": MINISTRY, "count": 28, "months": 22, "language": "en",
     "translations": ("ar", "fr"),
     "title_ar": "الملاحظات الختامية للجنة مناهضة التعذيب بشأن التقرير الدوري الخامس",
     "title_en": "Concluding observations of the Committee against Torture on the fifth periodic report",
     "title_fr": "Observations finales du Comité contre la torture concernant le cinquième rapport périodique",
     "body": "Committee against Torture", "symbol": "CAT/C/EGY/CO/5"},
    {"key": "wgad", "kind": "special_procedure", "owner": MINISTRY, "count": 16, "months": 17, "language": "fr",
     "translations": ("ar", "en"),
     "title_ar": "تقرير الفريق العامل المعني بالاحتجاز التعسفي عن زيارته القطرية",
     "title_en": "Report of the Working Group on Arbitrary Detention on its country visit",
     "title_fr": "Rapport du Groupe de travail sur la détention arbitraire sur sa visite dans le pays",
     "body": "Working Group on Arbitrary Detention", "symbol": "A/HRC/60/29/Add.1"},
    {"key": "nhri", "kind": "nhri_report", "owner": MINISTRY, "count": 20, "months": 12, "language": "ar",
     "translations": ("en",),
     "title_ar": "التقرير السنوي للمجلس الوطني لحقوق الإنسان عن أوضاع أماكن الاحتجاز",
     "title_en": "Annual report of the National Council for Human Rights on places of detention",
     "title_fr": "Rapport annuel du Conseil national des droits de l'homme sur les lieux de détention",
     "body": "المجلس الوطني لحقوق الإنسان", "symbol": "NCHR/AR/{year}"},
    {"key": "pattern", "kind": "complaints_pattern", "owner": MINISTRY, "count": 10, "months": 9, "language": "ar",
     "translations": (),
     "title_ar": "أنماط متكررة في الشكاوى الواردة إلى الإدارة (تحليل نصف سنوي)",
     "title_en": "Recurring patterns in the complaints received by the department (half-yearly analysis)",
     "title_fr": "Tendances récurrentes dans les plaintes reçues par la direction (analyse semestrielle)",
     "body": "إدارة حقوق الإنسان – وحدة التحليل", "symbol": ""},
]

# Topics each source speaks of (the conference speaks of what every ministry can do).
SOURCE_TOPICS = {
    "conference": ["safeguards", "register", "health_care", "force_training", "assemblies", "cameras", "gbv_units",
                   "women_detainees", "juveniles", "disability_access", "migrants", "trafficking",
                   "complaints_access", "publish_data", "curricula", "family_contact", "non_discrimination",
                   "data_protection"],
    "upr": ["define_torture", "investigate_torture", "safeguards", "opcat", "force_training", "assemblies",
            "gbv_units", "juveniles", "disability_access", "migrants", "trafficking", "disappearance", "pretrial",
            "curricula", "non_discrimination", "travel_bans", "monitoring_visits", "overcrowding"],
    "cat": ["define_torture", "investigate_torture", "safeguards", "register", "overcrowding", "health_care",
            "monitoring_visits", "opcat", "cameras", "women_detainees", "juveniles", "reprisals", "deaths_custody",
            "disappearance", "pretrial"],
    "wgad": ["safeguards", "register", "pretrial", "disappearance", "migrants", "travel_bans", "overcrowding"],
    "nhri": ["overcrowding", "health_care", "family_contact", "older_detainees", "women_detainees", "juveniles",
             "cameras", "monitoring_visits", "complaints_access", "deaths_custody", "seized_property"],
    "pattern": ["seized_property", "cameras", "health_care", "family_contact", "reprisals", "complaints_access",
                "data_protection", "non_discrimination"],
}

# Near-duplicates followed as one: topics whose recommendations of several sources are clustered.
CLUSTERS = [
    ("safeguards", "الضمانات القانونية منذ بداية الاحتجاز (توصيات متطابقة من عدة آليات)"),
    ("register", "السجل المركزي للمحتجزين"),
    ("overcrowding", "الاكتظاظ وبدائل الحبس الاحتياطي"),
    ("opcat", "البروتوكول الاختياري والآلية الوقائية الوطنية"),
    ("pretrial", "مدة الحبس الاحتياطي ومراجعته القضائية"),
]

# Where implementation ends up (weights), for the ministry's own recommendations.
FINAL_STATUS_WEIGHTS = {"not_started": 16, "in_progress": 30, "partly_implemented": 20, "implemented": 18,
                        "not_implemented": 9, "no_longer_relevant": 7}
PATHS = {  # the statuses a recommendation goes through to reach its final one
    "not_started": [],
    "in_progress": ["in_progress"],
    "partly_implemented": ["in_progress", "partly_implemented"],
    "implemented": ["in_progress", "partly_implemented", "implemented"],
    "not_implemented": ["in_progress", "not_implemented"],
    "no_longer_relevant": ["no_longer_relevant"],
}

# --- what people write ------------------------------------------------------------------------------------

STEPS_DONE = [
    "تشكيل فريق عمل مشترك بين القطاعات المعنية", "إعداد مشروع تعليمات إدارية وعرضه على الجهات المختصة",
    "تنفيذ برنامج تدريبي تجريبي لعدد {n} من الضباط", "حصر الاحتياجات في {n} موقعاً", "التنسيق مع النيابة العامة بشأن آلية المتابعة",
    "تعميم كتاب دوري على مديريات الأمن", "إعداد دليل إجرائي موحد", "عقد ورشة عمل مع منظمات المجتمع المدني",
    "تحديث النماذج المستخدمة في أماكن الاحتجاز", "إدراج المتطلبات في خطة الموازنة للسنة المالية القادمة",
]
REMAINING = ["تعميم التجربة على باقي المحافظات", "اعتماد التعديلات التشريعية اللازمة", "توفير الاعتمادات المالية",
             "استكمال تدريب باقي العاملين", "ربط المنظومة إلكترونياً بالجهات الشريكة"]
EVIDENCE = ["الكتاب الدوري رقم {n} لسنة {y}", "محضر اجتماع فريق العمل المؤرخ {d}", "تقرير التفتيش الدوري",
            "كشوف حضور الدورات التدريبية", "صور من السجل المحدَّث"]
BLOCKERS = ["عدم توفر الاعتمادات المالية خلال السنة المالية", "تعارض التوصية مع أحكام تشريعية نافذة تحتاج إلى تعديل",
            "عدم التوصل إلى توافق مع الجهات الشريكة", "انتظار قرار الجهة المختصة خارج الوزارة"]
NO_LONGER = ["صدور تعديل تشريعي عالج الموضوع بصورة مختلفة", "إغلاق مقر الاحتجاز المعني ونقل نزلائه",
             "دمج التوصية في توصية لاحقة أشمل"]


def report_text(rng, status: str, year: int, day: str) -> str:
    """What a progress report (or a status note) says, for a status."""
    def fill(text: str) -> str:
        return text.replace("{n}", str(rng.randint(3, 40))).replace("{y}", str(year)).replace("{d}", day)

    if status in ("in_progress", "planned"):
        return fill(f"بدأ التنفيذ: {rng.choice(STEPS_DONE)}.")
    if status == "partly_implemented":
        done = rng.sample(STEPS_DONE, 2)
        return fill(f"نُفذ جزء من التوصية: {done[0]}، و{done[1]}. ويتبقى {rng.choice(REMAINING)}.")
    if status in ("implemented", "completed"):
        return fill(f"اكتمل التنفيذ بعد {rng.choice(STEPS_DONE)}. المستند: {rng.choice(EVIDENCE)}.")
    if status in ("not_implemented", "delayed"):
        return fill(f"تعذر التنفيذ في الموعد بسبب {rng.choice(BLOCKERS)}.")
    if status == "cancelled":
        return "أُلغي الإجراء بعد دمجه في إجراء آخر من إجراءات الخطة."
    return f"لم تعد التوصية ذات صلة بعد {rng.choice(NO_LONGER)}."


# --- the plan -----------------------------------------------------------------------------------------------

STRATEGY = {
    "title_ar": "الخطة التنفيذية لتعزيز احترام حقوق الإنسان في العمل الأمني",
    "title_en": "Implementation plan for respect of human rights in security work",
    "title_fr": "Plan de mise en œuvre pour le respect des droits de l'homme dans l'action de sécurité",
    "description": "خطة مرحلية تجمع توصيات آليات الأمم المتحدة والمؤسسة الوطنية والمؤتمر العربي، وتحدد لكل إجراء جهة "
                   "مسؤولة وموعداً ومؤشراً لقياس التقدم.",
}
PHASES = [  # (Arabic, English, French), first month (from the plan's start), months
    (("مرحلة التأسيس", "Foundation phase", "Phase de lancement"), 0, 6),
    (("مرحلة التنفيذ والتوسع", "Implementation and scaling-up phase", "Phase de mise en œuvre et d'extension"), 6, 12),
    (("مرحلة الاستدامة والتقييم", "Consolidation and evaluation phase", "Phase de consolidation et d'évaluation"), 18, 12),
]
GOALS = [  # per phase: (Arabic, English, French)
    [("تعزيز الضمانات القانونية للمحرومين من حريتهم", "Stronger legal safeguards for persons deprived of liberty",
      "Renforcer les garanties juridiques des personnes privées de liberté"),
     ("بناء قدرات الموظفين المكلفين بإنفاذ القانون", "Capacity of law-enforcement officials",
      "Renforcer les capacités des responsables de l'application des lois")],
    [("تحسين ظروف الاحتجاز والرعاية الصحية", "Better conditions of detention and health care",
      "Améliorer les conditions de détention et les soins de santé"),
     ("تعزيز المساءلة والشفافية في معالجة الشكاوى", "Accountability and transparency in handling complaints",
      "Renforcer la responsabilité et la transparence dans le traitement des plaintes")],
    [("حماية الفئات الأولى بالرعاية", "Protection of groups at risk", "Protéger les groupes vulnérables"),
     ("ترسيخ الرقابة المستقلة والتقييم", "Independent oversight and evaluation",
      "Consolider le contrôle indépendant et l'évaluation")],
]
# Five measures per goal: (Arabic, English, French, topics answered, lead, partners, budget line)
BUDGET_LINES = ["الموازنة العامة للوزارة – الباب الثاني (شراء السلع والخدمات)",
                "الموازنة الاستثمارية – مشروعات تطوير مقار الاحتجاز", "ضمن الاعتمادات الجارية للقطاع المسؤول",
                "منحة برنامج التعاون الفني مع مكتب المفوضية السامية لحقوق الإنسان",
                "صندوق تحديث أجهزة الأمن – بند التدريب", "لا يحتاج إلى اعتمادات إضافية"]
MEASURES = [
    [  # phase 1, goal 1
        ("إصدار تعليمات تلزم بإبلاغ أسرة المحتجز خلال ساعات من القبض عليه", "Instructions requiring families to be "
         "informed within hours of an arrest", "Instructions imposant d'informer la famille dans les heures suivant "
         "l'arrestation", ("safeguards", "disappearance"), "hr", ("ext:prosecution",)),
        ("توحيد نموذج محضر القبض وإثبات الحقوق المبلغة للمقبوض عليه", "A single arrest record stating the rights "
         "read to the person arrested", "Un procès-verbal d'arrestation unique mentionnant les droits notifiés",
         ("safeguards",), "inspection", ()),
        ("تشغيل تجريبي للسجل الإلكتروني للمحتجزين في مديرية أمن القاهرة", "Pilot of the electronic register of "
         "detainees in the Cairo security directorate", "Essai du registre électronique des détenus à la direction "
         "de la sécurité du Caire", ("register",), "cairo-dir", ("prisons",)),
        ("مراجعة مدد الحبس الاحتياطي للمحتجزين في أقسام الشرطة بالتنسيق مع النيابة", "Review with the prosecution "
         "of the pre-trial detention of those held in police stations", "Examen avec le parquet de la détention "
         "provisoire des personnes gardées dans les commissariats", ("pretrial",), "ext:prosecution", ("hr",)),
        ("إعداد مقترح تعديل تعريف التعذيب في قانون العقوبات", "Draft amendment of the definition of torture in the "
         "Penal Code", "Projet de modification de la définition de la torture dans le Code pénal",
         ("define_torture",), "ext:justice", ("hr", "ext:parliament")),
    ],
    [  # phase 1, goal 2
        ("دورة تدريبية للمدربين في معايير استخدام القوة", "Training of trainers on the standards of the use of force",
         "Formation de formateurs aux normes du recours à la force", ("force_training",), "hr", ("ext:academy",)),
        ("إدراج مقرر حقوق الإنسان في برنامج السنة الأولى بأكاديمية الشرطة", "Human-rights course in the first year "
         "of the police academy", "Cours de droits de l'homme en première année à l'académie de police",
         ("curricula",), "ext:academy", ("hr",)),
        ("دليل ميداني لإدارة التجمعات السلمية", "Field handbook on policing peaceful assemblies",
         "Guide pratique du maintien de l'ordre lors des rassemblements pacifiques", ("assemblies",), "cairo-dir",
         ("hr",)),
        ("تدريب ضباط المنافذ على التعرف على ضحايا الاتجار بالبشر", "Training border officers to identify victims "
         "of trafficking", "Formation des agents des frontières à l'identification des victimes de la traite",
         ("trafficking",), "ext:immigration", ("ext:trafficking",)),
        ("برنامج توعوي لأفراد الشرطة حول عدم التمييز", "Awareness programme for police officers on "
         "non-discrimination", "Programme de sensibilisation des policiers à la non-discrimination",
         ("non_discrimination",), "hr", ()),
    ],
    [  # phase 2, goal 1
        ("توسيع الطاقة الاستيعابية وتخفيف الاكتظاظ في ثلاثة مراكز إصلاح", "More capacity and less overcrowding in "
         "three correction centres", "Augmentation de la capacité et réduction de la surpopulation dans trois "
         "centres", ("overcrowding",), "prisons", ("ext:justice",)),
        ("إنشاء عيادات دائمة وإجراء الفحص الطبي عند الإيداع", "Permanent clinics and a medical examination on "
         "admission", "Cliniques permanentes et examen médical à l'admission", ("health_care",), "prisons",
         ("ext:health",)),
        ("تخصيص أجنحة مستقلة للمحتجزات تشرف عليها موظفات", "Separate wings for women detainees supervised by "
         "female staff", "Quartiers séparés pour les femmes détenues surveillés par du personnel féminin",
         ("women_detainees",), "prisons", ()),
        ("تعميم السجل الإلكتروني للمحتجزين على جميع المديريات", "Electronic register of detainees in every "
         "directorate", "Registre électronique des détenus dans toutes les directions", ("register",), "prisons",
         ("cairo-dir",)),
        ("تنظيم الزيارات العائلية والاتصال الهاتفي المنتظم", "Regular family visits and telephone calls",
         "Organisation des visites familiales et des appels téléphoniques réguliers", ("family_contact",), "prisons",
         ("ext:ngo",)),
    ],
    [  # phase 2, goal 2
        ("تركيب كاميرات في غرف الاستجواب بعشرين قسم شرطة", "Cameras in the interview rooms of twenty police "
         "stations", "Caméras dans les salles d'interrogatoire de vingt commissariats", ("cameras",), "inspection",
         ("cairo-dir",)),
        ("نشر تقرير سنوي عن الشكاوى ونتائج التحقيق فيها", "Annual report on complaints and the outcome of "
         "investigations", "Rapport annuel sur les plaintes et l'issue des enquêtes", ("publish_data",),
         "inspection", ("hr",)),
        ("آلية لحماية مقدمي الشكاوى من الانتقام", "Protection of complainants against reprisals",
         "Protection des plaignants contre les représailles", ("reprisals",), "inspection", ("ext:prosecution",)),
        ("حملة للتعريف بالبوابة الإلكترونية للشكاوى", "Campaign on the online complaints portal",
         "Campagne sur le portail de plaintes en ligne", ("complaints_access",), "hr", ()),
        ("بروتوكول للتحقيق في حالات الوفاة أثناء الاحتجاز", "Protocol for investigating deaths in custody",
         "Protocole d'enquête sur les décès en détention", ("deaths_custody",), "inspection",
         ("ext:forensic", "ext:prosecution")),
    ],
    [  # phase 3, goal 1
        ("تزويد وحدات مكافحة العنف ضد المرأة بضابطات مدربات", "Trained women officers in the units against "
         "violence against women", "Officières formées dans les unités de lutte contre la violence à l'égard des "
         "femmes", ("gbv_units",), "hr", ("ext:women",)),
        ("إجراءات خاصة باحتجاز الأطفال وفصلهم عن البالغين", "Procedures for children in custody, held apart from "
         "adults", "Procédures pour les enfants gardés à vue, séparés des adultes", ("juveniles",), "prisons",
         ("ext:childhood",)),
        ("تهيئة مقار الشرطة لاستقبال الأشخاص ذوي الإعاقة", "Police premises accessible to persons with "
         "disabilities", "Locaux de police accessibles aux personnes handicapées", ("disability_access",), "hr", ()),
        ("مراجعة أوضاع المحتجزين من كبار السن", "Review of the situation of older detainees",
         "Examen de la situation des détenus âgés", ("older_detainees",), "prisons", ("ext:prosecution",)),
        ("ضوابط احتجاز المهاجرين وطالبي اللجوء", "Rules on the detention of migrants and asylum-seekers",
         "Règles relatives à la détention des migrants et des demandeurs d'asile", ("migrants",), "ext:immigration",
         ("ext:unhcr",)),
    ],
    [  # phase 3, goal 2
        ("بروتوكول زيارات المؤسسة الوطنية لأماكن الاحتجاز دون إخطار مسبق", "Protocol for unannounced visits of the "
         "national institution", "Protocole des visites inopinées de l'institution nationale",
         ("monitoring_visits",), "hr", ("ext:nhri",)),
        ("دراسة الانضمام إلى البروتوكول الاختياري لاتفاقية مناهضة التعذيب", "Study on joining the Optional "
         "Protocol to the Convention against Torture", "Étude sur l'adhésion au Protocole facultatif",
         ("opcat",), "ext:foreign", ("hr",)),
        ("ضوابط حماية البيانات الشخصية في قواعد البيانات الأمنية", "Personal-data protection rules for security "
         "databases", "Règles de protection des données personnelles des bases de sécurité", ("data_protection",),
         "hr", ("ext:justice",)),
        ("المراجعة الدورية لقرارات المنع من السفر", "Periodic review of travel bans",
         "Réexamen périodique des interdictions de voyager", ("travel_bans",), "ext:immigration",
         ("ext:prosecution",)),
        ("تقييم مستقل لنتائج الخطة", "Independent evaluation of the plan's results",
         "Évaluation indépendante des résultats du plan", ("investigate_torture", "curricula"), "hr",
         ("ext:nhri", "ext:old_committee")),
    ],
]

# --- indicators ---------------------------------------------------------------------------------------------
# Computed: catalogue code, parameters, names, unit, direction, target change (relative), public, attached
# to (phase index, goal index, measure index or None).
COMPUTED_INDICATORS = [
    ("complaints_received", {}, ("عدد الشكاوى الواردة", "Complaints received", "Plaintes reçues"), "شكوى",
     "maintain", 1.0, True, (1, 1, 3), "quarterly"),
    ("resolved_on_time", {}, ("نسبة الشكاوى المحسومة في المهلة (%)", "Complaints resolved within the deadline (%)",
                              "Plaintes traitées dans le délai (%)"), "%", "increase", 1.25, True, (1, 1, None),
     "quarterly"),
    ("substantiated_share", {}, ("نسبة الشكاوى التي ثبت فيها ادعاء واحد على الأقل (%)",
                                 "Complaints with a substantiated allegation (%)",
                                 "Plaintes avec au moins une allégation fondée (%)"), "%", "maintain", 1.0, False,
     (1, 1, 0), "quarterly"),
    ("median_days_to_first_action", {}, ("الوسيط الزمني لأول إجراء على الشكوى (أيام)",
                                         "Median days from receipt to first action",
                                         "Délai médian avant la première action (jours)"), "يوم", "decrease", 0.5,
     True, (1, 1, None), "quarterly"),
    ("allegations_of_category", {"category": "torture"}, ("عدد ادعاءات التعذيب وسوء المعاملة",
                                                          "Allegations of torture and ill-treatment",
                                                          "Allégations de torture et de mauvais traitements"),
     "ادعاء", "decrease", 0.6, False, (0, 0, 1), "quarterly"),
    ("vulnerable_share", {"vulnerability": "detainee"}, ("نسبة الشكاوى المتعلقة بمحتجزين (%)",
                                                         "Complaints concerning detainees (%)",
                                                         "Plaintes concernant des détenus (%)"), "%", "decrease",
     0.8, False, (1, 0, None), "half_yearly"),
    ("allegations_of_category", {"category": "detention_conditions"}, ("عدد ادعاءات سوء ظروف الاحتجاز",
                                                                       "Allegations about conditions of detention",
                                                                       "Allégations relatives aux conditions de "
                                                                       "détention"),
     "ادعاء", "decrease", 0.7, True, (1, 0, 0), "half_yearly"),
]
# Reported: names, unit, direction, baseline, target, frequency, public, attached to, source of the figure.
REPORTED_INDICATORS = [
    (("نسبة أماكن الاحتجاز التي زارتها جهات رقابة مستقلة (%)", "Places of detention visited by independent "
      "monitors (%)", "Lieux de détention visités par des organes indépendants (%)"), "%", "increase", 35, 80,
     "quarterly", True, (2, 1, 0), "سجل الزيارات لدى قطاع حقوق الإنسان"),
    (("عدد الموظفين المدربين على معايير استخدام القوة", "Officials trained in the standards on the use of force",
      "Agents formés aux normes du recours à la force"), "موظف", "increase", 420, 5000, "quarterly", True,
     (0, 1, 0), "كشوف الدورات لدى أكاديمية الشرطة"),
    (("نسبة الإشغال في مراكز الإصلاح والتأهيل (%)", "Occupancy of correction centres (%)",
      "Taux d'occupation des centres de réhabilitation (%)"), "%", "decrease", 138, 100, "quarterly", True,
     (1, 0, 0), "بيانات قطاع الحماية المجتمعية"),
    (("نسبة المحتجزين الذين خضعوا لفحص طبي عند الإيداع (%)", "Detainees examined by a doctor on admission (%)",
      "Détenus examinés par un médecin à l'admission (%)"), "%", "increase", 61, 95, "quarterly", False,
     (1, 0, 1), "سجلات العيادات"),
    (("عدد أقسام الشرطة المزودة بكاميرات في غرف الاستجواب", "Police stations with cameras in interview rooms",
      "Commissariats équipés de caméras dans les salles d'interrogatoire"), "قسم", "increase", 4, 40,
     "half_yearly", False, (1, 1, 0), "تقارير التفتيش والرقابة"),
    (("متوسط مدة الحبس الاحتياطي (أيام)", "Average length of pre-trial detention (days)",
      "Durée moyenne de la détention provisoire (jours)"), "يوم", "decrease", 94, 60, "half_yearly", False,
     (0, 0, 3), "بيانات النيابة العامة"),
    (("عدد وحدات مكافحة العنف ضد المرأة العاملة", "Units against violence against women in operation",
      "Unités de lutte contre la violence à l'égard des femmes en activité"), "وحدة", "increase", 9, 27, "yearly",
     False, (2, 0, 0), "قطاع حقوق الإنسان"),
    (("نسبة المحتجزين الذين تلقوا زيارة عائلية خلال الشهر (%)", "Detainees who had a family visit in the month (%)",
      "Détenus ayant reçu une visite familiale dans le mois (%)"), "%", "increase", 52, 85, "monthly", False,
     (1, 0, 4), "سجلات الزيارات بمراكز الإصلاح"),
]
VALUE_NOTES = ["المصدر: {source}.", "المصدر: {source}. الرقم أولي وسيُراجع في الفترة التالية.",
               "المصدر: {source}. تحسن ملحوظ بعد تنفيذ الإجراءات المقررة.",
               "المصدر: {source}. تأخر ورود بيانات بعض المديريات."]
