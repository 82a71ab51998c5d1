"""Past recommendations of the ministry with the lead body each was assigned, written for the
project: what body suggestions learn from (tests/followup/test_assist.py). 32 in all, two more
than `assist.BODY_MIN_EXAMPLES`: "prisons" (the unit running prisons and custody), "prosecution"
(the public prosecution, an outside body) and "hr" (the human-rights sector, training)."""

PAST = [
    ("prisons", "تحسين ظروف الاحتجاز في مراكز الإصلاح والتأهيل وتخفيف الاكتظاظ"),
    ("prisons", "توفير الرعاية الصحية الكافية للنزلاء في مراكز الإصلاح والتأهيل"),
    ("prisons", "فصل المحتجزين الأطفال عن البالغين في أماكن الاحتجاز"),
    ("prisons", "ضمان حصول النزلاء على غذاء كاف ومياه نظيفة وتهوية مناسبة"),
    ("prisons", "السماح للنزلاء بالزيارات العائلية المنتظمة"),
    ("prisons", "تحسين مرافق الإصلاح والتأهيل لتلبية احتياجات النزلاء من ذوي الإعاقة"),
    ("prisons", "الحد من استخدام الحبس الانفرادي في مراكز الإصلاح والتأهيل"),
    ("prisons", "توفير برامج التعليم والتدريب المهني للنزلاء تمهيدًا لإعادة إدماجهم"),
    ("prisons", "Reduce overcrowding in prisons and improve conditions of detention"),
    ("prisons", "Ensure adequate health care for all prisoners, including women and older prisoners"),
    ("prisons", "Separate juvenile detainees from adults in all places of detention"),
    ("prisons", "Allow prisoners regular family visits and contact with the outside world"),
    ("prosecution", "التحقيق الفوري والنزيه في جميع ادعاءات التعذيب وسوء المعاملة"),
    ("prosecution", "ملاحقة مرتكبي أفعال التعذيب قضائيًا ومعاقبتهم بعقوبات تتناسب مع جسامة الجرم"),
    ("prosecution", "التحقيق في جميع حالات الوفاة أثناء الاحتجاز ومحاسبة المسؤولين"),
    ("prosecution", "عرض كل محتجز على النيابة العامة خلال المدة القانونية"),
    ("prosecution", "استبعاد الاعترافات المنتزعة تحت الإكراه من أدلة الإثبات"),
    ("prosecution", "التحقيق في ادعاءات الاختفاء القسري وإبلاغ الأسر بمصير ذويهم"),
    ("prosecution", "مراجعة قانونية الحبس الاحتياطي المطول والإفراج عمن تجاوزوا مدته"),
    ("prosecution", "ضمان عدم إفلات أفراد الشرطة من العقاب في قضايا استخدام القوة المفرطة"),
    ("prosecution", "Promptly and impartially investigate all allegations of torture and ill-treatment"),
    ("prosecution", "Prosecute and punish perpetrators of torture with penalties commensurate with the crime"),
    ("prosecution", "Investigate all deaths in custody and hold those responsible to account"),
    ("prosecution", "Ensure that confessions obtained under duress are inadmissible as evidence"),
    ("hr", "تدريب أفراد الشرطة على معايير حقوق الإنسان في العمل الأمني"),
    ("hr", "إدماج مادة حقوق الإنسان في مناهج أكاديميات الشرطة"),
    ("hr", "تنظيم حملات توعية بحقوق المحتجزين لدى منتسبي الأجهزة الأمنية"),
    ("hr", "نشر مدونة سلوك للموظفين المكلفين بإنفاذ القانون وتدريبهم عليها"),
    ("hr", "تدريب العاملين في أقسام الشرطة على التعامل مع النساء والأطفال"),
    ("hr", "Train law enforcement officials on human rights standards"),
    ("hr", "Include human rights education in the curriculum of the police academy"),
    ("hr", "Raise awareness of the rights of detainees among security personnel"),
]
