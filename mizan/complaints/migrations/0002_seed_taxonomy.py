"""Seed the top level of the rights taxonomy (stable codes used by the API).

Admins may add sub-categories under these; the reverse removes only these rows.
"""

from django.db import migrations

TAXONOMY = [
    ('torture', 'التعذيب وسوء المعاملة', 'Torture and ill-treatment', 'Torture et mauvais traitements', 'الضرب أو الإيذاء البدني أو النفسي أو المعاملة المهينة', 'Beatings, physical or psychological abuse, degrading treatment', 'Coups, sévices physiques ou psychologiques, traitements dégradants'),
    ('arbitrary_detention', 'القبض والاحتجاز التعسفي', 'Arbitrary arrest and detention', 'Arrestation et détention arbitraires', 'القبض دون سند قانوني أو تجاوز مدة الاحتجاز', 'Arrest without legal basis or detention beyond the legal limit', 'Arrestation sans base légale ou détention au-delà du délai légal'),
    ('disappearance', 'الاختفاء القسري والاحتجاز بمعزل عن العالم', 'Enforced disappearance, incommunicado detention', 'Disparition forcée, détention au secret', 'إنكار احتجاز شخص أو إخفاء مكانه عن أسرته', 'Denying that a person is held or hiding their whereabouts from the family', "Nier la détention d'une personne ou cacher le lieu à sa famille"),
    ('detention_conditions', 'ظروف الاحتجاز', 'Detention conditions', 'Conditions de détention', 'الرعاية الصحية والغذاء والاكتظاظ والزيارات العائلية', 'Health care, food, overcrowding, family visits', 'Soins, alimentation, surpopulation, visites familiales'),
    ('due_process', 'ضمانات المحاكمة العادلة والإجراءات القانونية', 'Due process and fair trial', 'Garanties procédurales et procès équitable', 'الحق في محامٍ وفي معرفة التهم والعرض على النيابة في الموعد والمحاكمة العادلة', 'Lawyer, being told the charges, being brought before the prosecutor in time, fair trial', 'Avocat, notification des charges, présentation au parquet dans les délais, procès équitable'),
    ('excessive_force', 'الاستخدام المفرط للقوة', 'Excessive use of force', 'Usage excessif de la force', '', '', ''),
    ('right_to_life', 'الحق في الحياة', 'Right to life', 'Droit à la vie', 'الوفاة أثناء الاحتجاز وحالات القتل', 'Deaths in custody, killings', 'Décès en détention, homicides'),
    ('discrimination', 'التمييز', 'Discrimination', 'Discrimination', '', '', ''),
    ('privacy', 'الحق في الخصوصية', 'Privacy', 'Vie privée', 'التفتيش غير القانوني والمراقبة والبيانات الشخصية', 'Unlawful search, surveillance, personal data', 'Perquisition illégale, surveillance, données personnelles'),
    ('movement', 'حرية التنقل', 'Freedom of movement', 'Liberté de circulation', 'منع السفر وتقييد التنقل', 'Travel bans, restrictions on movement', 'Interdictions de voyager, restrictions de circulation'),
    ('expression_assembly', 'حرية التعبير والتجمع وتكوين الجمعيات', 'Expression, assembly and association', 'Expression, réunion et association', '', '', ''),
    ('women', 'حقوق المرأة والعنف القائم على النوع الاجتماعي', "Women's rights, gender-based violence", 'Droits des femmes, violences fondées sur le genre', '', '', ''),
    ('children', 'حقوق الطفل والأحداث', 'Children and juveniles', 'Enfants et mineurs', '', '', ''),
    ('disability', 'حقوق ذوي الإعاقة', 'Persons with disabilities', 'Personnes handicapées', '', '', ''),
    ('older_persons', 'حقوق كبار السن', 'Older persons', 'Personnes âgées', '', '', ''),
    ('migrants_trafficking', 'المهاجرون واللاجئون والاتجار بالبشر', 'Migrants, refugees, trafficking in persons', 'Migrants, réfugiés, traite des êtres humains', '', '', ''),
    ('police_conduct', 'سلوك أفراد الشرطة', 'Police conduct', 'Comportement de la police', 'رفض تحرير محضر أو التأخير أو الألفاظ المسيئة أو الرشوة', 'Refusal to register a report, delay, abusive language, bribery', "Refus d'enregistrer une plainte, retard, propos injurieux, corruption"),
    ('property', 'الاستيلاء على الممتلكات', 'Seizure of property', 'Saisie de biens', '', '', ''),
    ('other', 'أخرى', 'Other', 'Autre', '', '', ''),
]


def seed(apps, schema_editor):
    Category = apps.get_model("complaints", "Category")
    for position, (code, ar, en, fr, d_ar, d_en, d_fr) in enumerate(TAXONOMY):
        Category.objects.update_or_create(
            code=code,
            defaults=dict(label_ar=ar, label_en=en, label_fr=fr, description_ar=d_ar,
                          description_en=d_en, description_fr=d_fr, position=position, parent=None),
        )


def unseed(apps, schema_editor):
    Category = apps.get_model("complaints", "Category")
    Category.objects.filter(code__in=[row[0] for row in TAXONOMY], parent=None).delete()


class Migration(migrations.Migration):
    dependencies = [("complaints", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
