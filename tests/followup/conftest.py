"""Follow-up personas: the ministry `org` and the national institution `other_org` of the suite,
plus `secretariat` (the regional secretariat of a council of ministers), whose recommendations of
a conference are addressed to `org` and `other_org` as members. `followup` is org's follow-up
officer (all follow-up rights, no case); `sec` is the secretariat's follow-up officer."""

from datetime import date

import pytest

from mizan.accounts.models import Organisation, Role
from mizan.followup import services
from mizan.followup.models import ExternalBody, SourceKind
from tests.conftest import make_user


@pytest.fixture
def secretariat(db):
    return Organisation.objects.create(
        slug="arab-sec", kind="secretariat", country="TN", reference_prefix="SEC", weekend_days="5,6",
        name_ar="الأمانة العامة لمجلس وزراء الداخلية العرب", name_en="General Secretariat of the Council of Arab "
        "Ministers of the Interior", name_fr="Secrétariat général du Conseil des ministres arabes de l'Intérieur",
        accepts_public_complaints=False)


@pytest.fixture
def followup_staff(staff, org, other_org, secretariat, places):
    return {
        **staff,
        "followup": make_user("followup", org, Role.FOLLOWUP_OFFICER, places["hr"]),
        "sec": make_user("sec", secretariat, Role.FOLLOWUP_OFFICER),
        "nhri_followup": make_user("nhri_followup", other_org, Role.FOLLOWUP_OFFICER),
    }


@pytest.fixture
def prosecution(org):
    return ExternalBody.objects.create(organisation=org, kind="judiciary", name_ar="النيابة العامة",
                                       name_en="Public prosecution", name_fr="Parquet")


@pytest.fixture
def cat_source(followup_staff):
    return services.create_source(actor=followup_staff["followup"], kind=SourceKind.TREATY_BODY,
                                  title_ar="الملاحظات الختامية للجنة مناهضة التعذيب",
                                  title_en="Concluding observations of the Committee against Torture",
                                  body="Committee against Torture", symbol="CAT/C/EGY/CO/5", date=date(2023, 12, 1))


@pytest.fixture
def conference(followup_staff):
    return services.create_source(actor=followup_staff["sec"], kind=SourceKind.CONFERENCE,
                                  title_ar="المؤتمر الحادي عشر لمسؤولي حقوق الإنسان بوزارات الداخلية العربية",
                                  title_en="11th conference of human-rights officials of Arab interior ministries",
                                  place="الغردقة", date=date(2025, 9, 15))
