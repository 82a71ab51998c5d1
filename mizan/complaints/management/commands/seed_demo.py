"""`manage.py seed_demo`: two organisations, their staff and ~500 complaints for a demonstration.

Every complaint goes through the real domain functions (intake, assignment, transitions,
messages), so timelines, deadlines, audit rows and notifications are what real use produces;
afterwards the timestamps of each case's history are spread over its life so that the demo
covers the last 18 months. All people and stories are fictional, written for the project.
Passwords are random per installation and written to var/demo-logins.txt (printed by make run).
"""

import json
import random
import secrets
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from mizan.accounts.models import Facility, Governorate, Membership, Organisation, Role, Unit
from mizan.complaints.models import (
    Case,
    CaseMessage,
    Category,
    RoutingRule,
    TimelineEvent,
)
from mizan.complaints.services import (
    assign_case,
    flag_breaches,
    post_complainant_message,
    post_message,
    submit_complaint,
    transition_case,
)
from mizan.complaints.workflow import COMPLAINANT, Status

CORPUS = Path(__file__).resolve().parents[2] / "demo" / "narratives.json"

ORGANISATIONS = [
    {
        "slug": "moi-hr", "kind": "ministry", "country": "EG", "reference_prefix": "EG", "weekend_days": "4,5",
        "name_ar": "إدارة حقوق الإنسان بوزارة الداخلية", "name_en": "Human-rights department, Ministry of Interior",
        "name_fr": "Direction des droits de l'homme, ministère de l'Intérieur", "is_default_intake": True,
        "division": ("المحافظة", "Governorate", "Gouvernorat"), "prefix": "", "share": 0.7,
        "languages": {"ar": 0.86, "en": 0.1, "fr": 0.04},
        "governorates": [
            ("cairo", "القاهرة", "Cairo", "Le Caire"), ("giza", "الجيزة", "Giza", "Gizeh"),
            ("alexandria", "الإسكندرية", "Alexandria", "Alexandrie"), ("qalyubia", "القليوبية", "Qalyubia", "Qalyubiya"),
            ("dakahlia", "الدقهلية", "Dakahlia", "Dakahlia"), ("sharqia", "الشرقية", "Sharqia", "Charqiya"),
            ("asyut", "أسيوط", "Asyut", "Assiout"), ("sohag", "سوهاج", "Sohag", "Sohag"),
            ("aswan", "أسوان", "Aswan", "Assouan"), ("matrouh", "مطروح", "Matrouh", "Marsa Matruh"),
        ],
        "units": [
            ("hr", "قطاع حقوق الإنسان", "Human-rights sector", "Secteur des droits de l'homme", True),
            ("prisons", "قطاع الحماية المجتمعية (مراكز الإصلاح والتأهيل)", "Community protection sector (correction centres)",
             "Secteur de la protection communautaire (centres de réhabilitation)", False),
            ("inspection", "التفتيش والرقابة", "Inspection and oversight", "Inspection et contrôle", False),
            ("cairo-dir", "مديرية أمن القاهرة", "Cairo security directorate", "Direction de la sécurité du Caire", False),
        ],
        "facilities": [
            ("police_station", "cairo", "قسم شرطة مدينة نصر أول", "Nasr City 1 police station", "Commissariat de Nasr City 1"),
            ("police_station", "cairo", "قسم شرطة السيدة زينب", "Sayeda Zeinab police station", "Commissariat de Sayeda Zeinab"),
            ("police_station", "giza", "قسم شرطة الدقي", "Dokki police station", "Commissariat de Dokki"),
            ("police_station", "giza", "قسم شرطة الهرم", "Haram police station", "Commissariat d'El-Haram"),
            ("police_station", "alexandria", "قسم شرطة المنتزه", "Montaza police station", "Commissariat de Montaza"),
            ("police_station", "dakahlia", "قسم أول المنصورة", "Mansoura 1 police station", "Commissariat de Mansoura 1"),
            ("police_station", "asyut", "مركز شرطة ديروط", "Dairut police centre", "Poste de police de Dairout"),
            ("detention_centre", "qalyubia", "مقر احتجاز بنها", "Benha holding facility", "Lieu de garde à vue de Benha"),
            ("correction_centre", "cairo", "مركز إصلاح وتأهيل بدر", "Badr correction and rehabilitation centre", "Centre de correction et de réhabilitation de Badr"),
            ("correction_centre", "alexandria", "مركز إصلاح وتأهيل برج العرب", "Borg El Arab correction centre", "Centre de réhabilitation de Borg El Arab"),
            ("correction_centre", "sharqia", "مركز إصلاح وتأهيل الزقازيق", "Zagazig correction centre", "Centre de réhabilitation de Zagazig"),
            ("juvenile_centre", "giza", "مؤسسة رعاية الأحداث بالجيزة", "Giza juvenile care centre", "Centre pour mineurs de Gizeh"),
            ("border_post", "matrouh", "منفذ السلوم البري", "Salloum land border post", "Poste frontière de Salloum"),
            ("border_post", "aswan", "منفذ قسطل البري", "Qustul land border post", "Poste frontière de Qustul"),
        ],
    },
    {
        "slug": "nhri", "kind": "nhri", "country": "MA", "reference_prefix": "NHRI", "weekend_days": "5,6",
        "name_ar": "المؤسسة الوطنية لحقوق الإنسان", "name_en": "National human-rights institution",
        "name_fr": "Institution nationale des droits de l'homme", "is_default_intake": False,
        "division": ("الجهة", "Region", "Région"), "prefix": "nhri_", "share": 0.3,
        "languages": {"ar": 0.6, "fr": 0.35, "en": 0.05},
        "governorates": [
            ("rabat", "الرباط سلا القنيطرة", "Rabat-Salé-Kénitra", "Rabat-Salé-Kénitra"),
            ("casablanca", "الدار البيضاء سطات", "Casablanca-Settat", "Casablanca-Settat"),
            ("fes", "فاس مكناس", "Fès-Meknès", "Fès-Meknès"),
            ("marrakech", "مراكش آسفي", "Marrakech-Safi", "Marrakech-Safi"),
            ("tanger", "طنجة تطوان الحسيمة", "Tanger-Tétouan-Al Hoceïma", "Tanger-Tétouan-Al Hoceïma"),
            ("souss", "سوس ماسة", "Souss-Massa", "Souss-Massa"),
        ],
        "units": [
            ("complaints", "مديرية الشكايات", "Complaints directorate", "Direction des plaintes", True),
            ("prevention", "الآلية الوطنية للوقاية من التعذيب", "National preventive mechanism against torture",
             "Mécanisme national de prévention de la torture", False),
            ("children", "الآلية الوطنية للتظلم الخاصة بالأطفال", "Children's complaints mechanism",
             "Mécanisme de recours pour les enfants", False),
        ],
        "facilities": [
            ("correction_centre", "rabat", "السجن المحلي العرجات", "Arjat local prison", "Prison locale d'Arjat"),
            ("correction_centre", "casablanca", "السجن المحلي عين السبع", "Ain Sebaa local prison", "Prison locale d'Aïn Sebaâ"),
            ("correction_centre", "marrakech", "السجن المحلي الأوداية", "Oudaya local prison", "Prison locale d'Oudaya"),
            ("police_station", "casablanca", "الدائرة الأمنية الحي المحمدي", "Hay Mohammadi police district", "Arrondissement de police Hay Mohammadi"),
            ("police_station", "fes", "ولاية أمن فاس", "Fès police headquarters", "Préfecture de police de Fès"),
            ("police_station", "tanger", "المنطقة الأمنية بني مكادة", "Beni Makada police area", "Zone de sécurité de Beni Makada"),
            ("juvenile_centre", "souss", "مركز حماية الطفولة أكادير", "Agadir child protection centre", "Centre de sauvegarde de l'enfance d'Agadir"),
            ("border_post", "tanger", "المعبر الحدودي باب سبتة", "Bab Sebta border crossing", "Poste frontière de Bab Sebta"),
        ],
    },
]

ROLES = [  # username suffix, role, can reveal identity, is_staff (Django admin)
    ("admin", Role.ORG_ADMIN, True, True),
    ("officer", Role.CASE_OFFICER, True, False),
    ("officer2", Role.CASE_OFFICER, False, False),
    ("intake", Role.INTAKE_OFFICER, False, False),
    ("supervisor", Role.SUPERVISOR, True, False),
    ("analyst", Role.ANALYST, False, False),
    ("auditor", Role.AUDITOR, False, False),
]

ROUTES = {  # category code -> unit code, per organisation
    "moi-hr": {"detention_conditions": "prisons", "police_conduct": "inspection", "excessive_force": "inspection"},
    "nhri": {"torture": "prevention", "detention_conditions": "prevention", "children": "children"},
}


class Command(BaseCommand):
    help = "Load demonstration organisations, staff and complaints (fictional)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=500, help="number of complaints (default 500)")
        parser.add_argument("--if-empty", action="store_true", help="do nothing when organisations exist")
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--logins-file", default=str(Path(settings.VAR_DIR) / "demo-logins.txt"))

    def handle(self, *args, count, if_empty, seed, logins_file, **options):
        if if_empty and Organisation.objects.exists():
            self.stdout.write("Demo data not loaded: the database already has organisations.")
            return
        rng = random.Random(seed)
        corpus = json.loads(CORPUS.read_text(encoding="utf-8"))
        logins = []
        orgs = []
        with transaction.atomic():
            for spec in ORGANISATIONS:
                orgs.append(self._organisation(spec, logins))
        Path(logins_file).parent.mkdir(parents=True, exist_ok=True)
        Path(logins_file).write_text("\n".join(logins) + "\n", encoding="utf-8")
        Path(logins_file).chmod(0o600)

        made = 0
        for spec, org in orgs:
            n = round(count * spec["share"]) if spec is not ORGANISATIONS[-1] else count - made
            for _ in range(n):
                self._complaint(rng, corpus, spec, org)
            made += n
        breaches = flag_breaches()
        self.stdout.write(self.style.SUCCESS(
            f"Loaded {len(orgs)} organisations, {len(logins)} staff users, {made} complaints "
            f"({breaches} deadline breaches flagged). Logins in {logins_file}."))

    # --- organisations and staff -------------------------------------------------------------

    def _organisation(self, spec, logins):
        ar, en, fr = spec["division"]
        org = Organisation.objects.create(
            slug=spec["slug"], kind=spec["kind"], country=spec["country"], reference_prefix=spec["reference_prefix"],
            weekend_days=spec["weekend_days"], name_ar=spec["name_ar"], name_en=spec["name_en"], name_fr=spec["name_fr"],
            is_default_intake=spec["is_default_intake"], division_label_ar=ar, division_label_en=en, division_label_fr=fr,
            show_hijri=spec["country"] != "MA",
        )
        govs = {code: Governorate.objects.create(organisation=org, code=code, name_ar=a, name_en=e, name_fr=f)
                for code, a, e, f in spec["governorates"]}
        units = {code: Unit.objects.create(organisation=org, code=code, name_ar=a, name_en=e, name_fr=f, is_intake=intake)
                 for code, a, e, f, intake in spec["units"]}
        for kind, gov, a, e, f in spec["facilities"]:
            Facility.objects.create(organisation=org, kind=kind, governorate=govs[gov], name_ar=a, name_en=e, name_fr=f)
        for code, unit in ROUTES[spec["slug"]].items():
            RoutingRule.objects.create(organisation=org, category=Category.objects.get(code=code), unit=units[unit])
        User = get_user_model()
        intake_unit = next(u for u in units.values() if u.is_intake)
        for suffix, role, reveal, is_staff in ROLES:
            username = spec["prefix"] + suffix
            password = "-".join(secrets.token_hex(3) for _ in range(3))
            user = User.objects.create_user(username=username, password=password, is_staff=is_staff,
                                            email=f"{username}@mizan.invalid")
            unit = intake_unit if role in (Role.CASE_OFFICER, Role.INTAKE_OFFICER, Role.SUPERVISOR) else None
            Membership.objects.create(user=user, organisation=org, role=role, unit=unit, can_reveal_identity=reveal)
            logins.append(f"{username:<16} {password:<22} {role.label} — {spec['name_en']}")
        return spec, org

    # --- complaints -----------------------------------------------------------------------------

    def _complaint(self, rng, corpus, spec, org):
        lang = rng.choices(list(spec["languages"]), weights=list(spec["languages"].values()))[0]
        pool = [n for n in corpus["narratives"] if n["lang"] == lang] or corpus["narratives"]
        story = rng.choice(pool)
        facilities = list(org.facilities.all())
        kind_matches = [f for f in facilities if f.kind == story.get("facility_kind")]
        facility = rng.choice(kind_matches or facilities) if story.get("facility_kind") else None
        age_days = int(rng.triangular(0, 540, 60))
        received = timezone.now() - timedelta(days=age_days, hours=rng.randint(0, 23), minutes=rng.randint(0, 59))
        incident = (received - timedelta(days=rng.randint(0, 20))).date()
        with_lang = {"ar": "ar", "en": "en", "fr": "fr"}[lang]
        text = story["text"].replace("{facility}", facility.name_ar if facility and lang == "ar" else
                                     (getattr(facility, f"name_{with_lang}", "") if facility else "")
                                     ).replace("{date}", incident.isoformat())
        anonymous = rng.random() < 0.3
        staff_channel = rng.random() < 0.2
        channel = rng.choice(["phone", "walk_in", "letter", "email"]) if staff_channel else rng.choice(["web", "web", "api"])
        categories = list(Category.objects.filter(code__in=story["categories"]))
        intake_user = Membership.objects.filter(organisation=org, role=Role.INTAKE_OFFICER).first().user
        case, _receipt = submit_complaint(
            organisation=org, narrative=text, channel=channel, language=lang, anonymous=anonymous,
            complainant={} if anonymous else _fake_person(rng, lang), relation=story.get("relation") or "self",
            victim={"label": ""}, incident_date=incident, facility=facility, categories=categories,
            vulnerabilities=story.get("vulnerabilities", []), identity_consent=not anonymous and rng.random() < 0.7,
            urgency=story.get("urgency") or "normal", actor=intake_user if staff_channel else COMPLAINANT,
            received_at=received,
        )
        self._progress(rng, corpus, org, case, age_days, lang)

    def _progress(self, rng, corpus, org, case, age_days, lang):
        """Walk the case through the workflow as far as its age makes plausible."""
        members = {m.role: m.user for m in Membership.objects.filter(organisation=org).select_related("user")}
        officer = rng.choice(list(Membership.objects.filter(organisation=org, role=Role.CASE_OFFICER)
                              .select_related("user"))).user
        supervisor = members[Role.SUPERVISOR]
        msgs = corpus.get("staff_messages", {}).get(lang) or ["—"]
        replies = corpus.get("complainant_replies", {}).get(lang) or ["—"]
        notes = corpus.get("internal_notes", {}).get(lang) or ["—"]

        # How far it got: older cases are further along; some recent ones untouched.
        r = rng.random()
        if age_days < 4 and r < 0.6:
            target = "received"
        elif age_days < 20:
            target = rng.choice(["under_review", "in_progress", "in_progress", "awaiting", "referred"])
        else:
            target = rng.choices(["in_progress", "referred", "resolved", "closed", "inadmissible", "withdrawn"],
                                 weights=[8, 6, 12, 50, 14, 4])[0]
        if target == "received":
            return self._spread(case, age_days)
        if target == "inadmissible":
            transition_case(actor=officer, case=case, to=Status.INADMISSIBLE,
                            note=rng.choice(corpus.get("inadmissible_reasons", {}).get(lang) or ["—"]))
            return self._spread(case, age_days)
        assign_case(actor=supervisor, case=case, officer=officer)
        case = transition_case(actor=officer, case=case, to=Status.UNDER_REVIEW)
        if target == "under_review":
            return self._spread(case, age_days)
        if target == "withdrawn":
            transition_case(actor=COMPLAINANT, case=case, to=Status.WITHDRAWN)
            return self._spread(case, age_days)
        case = transition_case(actor=officer, case=case, to=Status.IN_PROGRESS)
        post_message(actor=officer, case=case, body=rng.choice(msgs))
        post_message(actor=officer, case=case, body=rng.choice(notes), internal=True)
        if rng.random() < 0.5 and not case.anonymous or target == "awaiting":
            case = transition_case(actor=officer, case=case, to=Status.AWAITING_COMPLAINANT, note=rng.choice(msgs))
            if target == "awaiting":
                return self._spread(case, age_days)
            post_complainant_message(case=case, body=rng.choice(replies))
            case.refresh_from_db()
        if target in ("referred", "resolved", "closed") and rng.random() < 0.4 or target == "referred":
            case = transition_case(actor=officer, case=case, to=Status.REFERRED,
                                   referred_to=rng.choice(corpus.get("referral_notes", {}).get(lang) or ["—"])[:300],
                                   referral_due=timezone.localdate() + timedelta(days=rng.randint(5, 30)))
            if target == "referred":
                return self._spread(case, age_days)
        if target == "in_progress":
            return self._spread(case, age_days)
        weights = [30, 15, 35, 12, 8]
        findings = {a.pk: {"finding": rng.choices(["substantiated", "partly_substantiated", "not_substantiated",
                                                   "mediation", "outside_mandate"], weights=weights)[0]}
                    for a in case.allegations.all()}
        case = transition_case(actor=officer, case=case, to=Status.RESOLVED, findings=findings,
                               note=rng.choice(corpus.get("resolution_notes", {}).get(lang) or ["—"]))
        if target == "closed":
            case = transition_case(actor=supervisor, case=case, to=Status.CLOSED)
        return self._spread(case, age_days)

    def _spread(self, case, age_days):
        """Spread the history of a case (made just now) over its real age, keeping the order."""
        case = Case.objects.get(pk=case.pk)
        start = case.received_at
        now = timezone.now()
        events = list(TimelineEvent.objects.filter(case=case).order_by("id"))
        span = max(timedelta(hours=1), (now - start) * 0.9)
        step = span / max(1, len(events))
        moments = {}
        for index, event in enumerate(events):
            moment = start + step * index if index > 1 else start
            TimelineEvent.objects.filter(pk=event.pk).update(at=moment)
            moments[event.kind] = moment
            if event.kind in ("message_out", "message_in", "note") and event.data.get("id"):
                CaseMessage.objects.filter(pk=event.data["id"]).update(created_at=moment)
        messages = CaseMessage.objects.filter(case=case, created_at__gt=now - timedelta(minutes=5))
        for message in messages:  # messages recorded without their own timeline id
            message.created_at = start + span / 2
            message.save(update_fields=["created_at"])
        last = start + step * max(0, len(events) - 1)
        Case.objects.filter(pk=case.pk).update(
            first_action_at=(start + step * 2) if case.first_action_at else None,
            resolved_at=last if case.resolved_at else None,
            closed_at=last if case.closed_at else None,
            decided_at=last if case.decided_at else None,
        )
        case.attachments.update(created_at=start)
        return case


FIRST = {"ar": ["محمد", "أحمد", "فاطمة", "منى", "خالد", "سارة", "يوسف", "مريم", "عمر", "هدى", "كريم", "نور"],
         "en": ["Sam", "Lina", "Omar", "Maya", "Adam", "Rana"],
         "fr": ["Youssef", "Samira", "Karim", "Nadia", "Hamza", "Leila"]}
LAST = {"ar": ["عبد الله", "حسن", "إبراهيم", "السيد", "مصطفى", "علي", "المصري", "العلوي"],
        "en": ["Hassan", "Ali", "Ibrahim", "Nasser"], "fr": ["El Amrani", "Benali", "Tazi", "Idrissi"]}


def _fake_person(rng, lang):
    """Fictional identity; numbers are in a range no real card or line uses (all zeros inside)."""
    first, last = rng.choice(FIRST[lang]), rng.choice(LAST[lang])
    return {"name": f"{first} {last}", "national_id": f"9{rng.randint(0, 9)}000000{rng.randint(100000, 999999)}",
            "phone": f"0100000{rng.randint(1000, 9999)}", "email": ""}
