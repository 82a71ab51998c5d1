"""A small labelled set of pairs of recommendations, written for the project in the style of
treaty bodies, the Universal Periodic Review, national institutions and Arab ministerial
conferences: `SAME` ask the same thing in other words (another cycle, another recommending
state, another body), `DIFFERENT` share the boilerplate of the genre ("Take all necessary
measures to ensure…", "تعزيز…") but ask different things. The threshold of near-duplicate
recommendations (`mizan.triage.followup.NEAR_DUPLICATE`) was chosen on it
(tests/followup/test_assist.py prints its precision and recall)."""

SAME = [
    ("Ratify the Optional Protocol to the Convention against Torture",
     "Ratify the Optional Protocol to the Convention against Torture and establish a national preventive mechanism"),
    ("Take all necessary measures to ensure that all allegations of torture and ill-treatment are promptly, "
     "thoroughly and impartially investigated",
     "Ensure that all allegations of torture and ill-treatment are promptly, impartially and thoroughly investigated "
     "and that perpetrators are prosecuted"),
    ("Consider ratifying the International Convention for the Protection of All Persons from Enforced Disappearance",
     "Ratify the International Convention for the Protection of All Persons from Enforced Disappearance"),
    ("Establish an independent mechanism to receive and investigate complaints against police officers",
     "Establish an independent complaints mechanism to investigate complaints against police officers"),
    ("Ensure that all persons deprived of their liberty are afforded all fundamental legal safeguards from the very "
     "outset of their detention",
     "Ensure that all detained persons are afforded, in law and in practice, all fundamental legal safeguards from "
     "the very outset of their deprivation of liberty"),
    ("Bring conditions of detention into line with the United Nations Standard Minimum Rules for the Treatment of "
     "Prisoners (the Nelson Mandela Rules)",
     "Improve conditions of detention in line with the Standard Minimum Rules for the Treatment of Prisoners "
     "(the Nelson Mandela Rules)"),
    ("تعزيز التدريب المستمر لمنتسبي الأجهزة الأمنية على معايير حقوق الإنسان",
     "تعزيز التدريب المستمر لمنتسبي الأجهزة الأمنية في مجال معايير حقوق الإنسان وآليات حمايتها"),
    ("ضمان حق المحتجزين في الاتصال بمحامٍ وبذويهم منذ لحظة القبض عليهم",
     "ضمان حق المحتجز في الاتصال بمحام وبأسرته منذ لحظة القبض عليه"),
    ("إنشاء وحدات لحقوق الإنسان في جميع الأجهزة الأمنية بوزارات الداخلية العربية",
     "إنشاء وحدات متخصصة لحقوق الإنسان في الأجهزة الأمنية بوزارات الداخلية"),
    ("تمكين المؤسسة الوطنية لحقوق الإنسان من زيارة جميع أماكن الاحتجاز دون إخطار مسبق",
     "تمكين المؤسسة الوطنية لحقوق الإنسان من القيام بزيارات غير معلنة لجميع أماكن الاحتجاز دون إخطار مسبق"),
    ("مراجعة التشريعات الوطنية لتتضمن تعريفاً للتعذيب يتوافق مع المادة الأولى من اتفاقية مناهضة التعذيب",
     "مراجعة التشريعات الوطنية بحيث تتضمن تعريفًا للتعذيب يتفق مع المادة 1 من اتفاقية مناهضة التعذيب"),
    ("وضع حد أقصى لمدة الحبس الاحتياطي وضمان المراجعة القضائية الدورية له",
     "وضع حد أقصى لمدة الحبس الاحتياطي وضمان مراجعته القضائية بصورة دورية"),
    ("Veiller à ce que toute personne privée de liberté bénéficie de toutes les garanties juridiques fondamentales "
     "dès le début de sa détention",
     "Veiller à ce que toutes les personnes privées de liberté bénéficient, en droit et dans la pratique, de toutes "
     "les garanties juridiques fondamentales dès le début de leur détention"),
    ("Redoubler d'efforts pour lutter contre la traite des êtres humains, notamment des femmes et des enfants",
     "Redoubler d'efforts pour lutter contre la traite des êtres humains, en particulier des femmes et des enfants"),
    ("Adopt a law on the protection of personal data in line with international standards",
     "Adopt a comprehensive law on the protection of personal data in line with international standards"),
    ("Continue its efforts to combat violence against women, including domestic violence",
     "Continue its efforts to combat all forms of violence against women, including domestic violence"),
]

DIFFERENT = [
    ("Ratify the Optional Protocol to the Convention against Torture",
     "Ratify the International Convention for the Protection of All Persons from Enforced Disappearance"),
    ("Take all necessary measures to ensure that all allegations of torture and ill-treatment are promptly, "
     "thoroughly and impartially investigated",
     "Take all necessary measures to ensure that conditions of detention comply with the Nelson Mandela Rules"),
    ("Establish an independent mechanism to receive and investigate complaints against police officers",
     "Establish a national preventive mechanism in line with the Optional Protocol"),
    ("Continue its efforts to combat violence against women, including domestic violence",
     "Continue its efforts to combat trafficking in persons, including forced labour"),
    ("Adopt a law on the protection of personal data in line with international standards",
     "Adopt a law on asylum in line with international standards"),
    ("Ensure that all persons deprived of their liberty are afforded all fundamental legal safeguards from the very "
     "outset of their detention",
     "Ensure that all persons deprived of their liberty are held in officially recognised places of detention"),
    ("تعزيز التدريب المستمر لمنتسبي الأجهزة الأمنية على معايير حقوق الإنسان",
     "تعزيز التعاون بين الأجهزة الأمنية ومؤسسات المجتمع المدني في مجال حقوق الإنسان"),
    ("ضمان حق المحتجزين في الاتصال بمحامٍ وبذويهم منذ لحظة القبض عليهم",
     "ضمان حق المحتجزين في الحصول على الرعاية الصحية داخل مراكز الاحتجاز"),
    ("إنشاء وحدات لحقوق الإنسان في جميع الأجهزة الأمنية بوزارات الداخلية العربية",
     "إنشاء قاعدة بيانات موحدة للشكاوى في وزارات الداخلية العربية"),
    ("تمكين المؤسسة الوطنية لحقوق الإنسان من زيارة جميع أماكن الاحتجاز دون إخطار مسبق",
     "تمكين المؤسسة الوطنية لحقوق الإنسان من تلقي الشكاوى المتعلقة بالتمييز"),
    ("وضع حد أقصى لمدة الحبس الاحتياطي وضمان المراجعة القضائية الدورية له",
     "وضع ضوابط لاستخدام القوة والأسلحة النارية من قبل الموظفين المكلفين بإنفاذ القانون"),
    ("مراجعة التشريعات الوطنية لتتضمن تعريفاً للتعذيب يتوافق مع المادة الأولى من اتفاقية مناهضة التعذيب",
     "مراجعة التشريعات الوطنية المتعلقة بالجمعيات الأهلية لضمان حرية تكوين الجمعيات"),
    ("Veiller à ce que toute personne privée de liberté bénéficie de toutes les garanties juridiques fondamentales "
     "dès le début de sa détention",
     "Veiller à ce que toute personne privée de liberté soit détenue dans un lieu de détention officiellement reconnu"),
    ("Redoubler d'efforts pour lutter contre la traite des êtres humains, notamment des femmes et des enfants",
     "Redoubler d'efforts pour lutter contre la violence à l'égard des femmes, notamment la violence domestique"),
    ("Consider ratifying the International Convention for the Protection of All Persons from Enforced Disappearance",
     "Consider ratifying the International Convention on the Protection of the Rights of All Migrant Workers and "
     "Members of Their Families"),
    ("Bring conditions of detention into line with the United Nations Standard Minimum Rules for the Treatment of "
     "Prisoners (the Nelson Mandela Rules)",
     "Bring the definition of torture in the Criminal Code into line with article 1 of the Convention against "
     "Torture"),
]
