"""`manage.py seed_demo`: two organisations, their staff and ~500 complaints for a demonstration.

Every complaint goes through the real domain functions (intake, assignment, transitions,
messages), so timelines, deadlines, audit rows and notifications are what real use produces;
afterwards the timestamps of each case's history are spread over its life so that the demo
covers the last complete calendar year and this year up to today (from 1 January of last year:
12 to 24 months), and each organisation publishes its statistics, so that the public page
(`/statistics/`) shows last year. All people and stories are fictional, written for the project
(`mizan/complaints/demo/narratives.json`). Passwords are random per installation and written to
var/demo-logins.txt (printed by make run), with the authenticator key of each account that must
use two-factor authentication.

The audit log is never rewritten: its rows keep the moment the demo was loaded, so the
hash chain stays intact.
"""

import json
import os
import random
import secrets
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Max
from django.test.utils import override_settings
from django.utils import timezone, translation

from mizan.accounts.models import (
    AccountSecurity,
    Facility,
    Governorate,
    Membership,
    Organisation,
    Role,
    Unit,
)
from mizan.accounts.security import seal_secret, two_factor_required
from mizan.complaints.models import (
    Allegation,
    Case,
    CaseMessage,
    Category,
    Notification,
    Person,
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
from mizan.lib import totp
from mizan.lib.digits import to_arabic_indic
from mizan.reports.models import PublicationSettings
from mizan.reports.rollup import update_case

CORPUS = Path(__file__).resolve().parents[2] / "demo" / "narratives.json"

ORGANISATIONS = [
    {
        "slug": "moi-hr", "kind": "ministry", "country": "EG", "reference_prefix": "EG", "weekend_days": "4,5",
        "name_ar": "إدارة حقوق الإنسان بوزارة الداخلية", "name_en": "Human-rights department, Ministry of Interior",
        "name_fr": "Direction des droits de l'homme, ministère de l'Intérieur", "is_default_intake": True,
        "division": ("المحافظة", "Governorate", "Gouvernorat"), "prefix": "", "share": 0.7,
        "languages": {"ar": 0.86, "en": 0.1, "fr": 0.04},
        # Arabic narratives this organisation receives: its own dialect, MSA, and residents from the region.
        "dialects": ("msa", "egyptian", "gulf", "levantine"),
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
        "dialects": ("msa", "maghrebi"),
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

# A story about a kind of place the organisation does not have is placed in the nearest kind.
FACILITY_FALLBACK = {"detention_centre": "police_station", "juvenile_centre": "correction_centre"}

# How far a case got, by its age in days: (upper age bound, {target: weight}). "awaiting" stands
# for awaiting_complainant. Young cases are mostly untouched; old ones mostly closed, with a tail of
# open cases that have run past their deadlines.
TARGETS_BY_AGE = [
    (3, {"received": 50, "under_review": 25, "in_progress": 15, "awaiting": 5, "inadmissible": 5}),
    (30, {"received": 6, "under_review": 12, "in_progress": 30, "awaiting": 14, "referred": 10,
          "resolved": 10, "closed": 4, "inadmissible": 10, "withdrawn": 4}),
    (90, {"under_review": 2, "in_progress": 14, "awaiting": 6, "referred": 10, "resolved": 14,
          "closed": 36, "inadmissible": 12, "withdrawn": 6}),
    (float("inf"), {"in_progress": 3, "awaiting": 1, "referred": 3, "resolved": 5, "closed": 70,
                    "inadmissible": 12, "withdrawn": 6}),
]
TARGET_STATUS = {"awaiting": Status.AWAITING_COMPLAINANT}
# Steps taken by the complainant (any hour) rather than by staff (office hours).
COMPLAINANT_STEPS = {"submit", "reply", "withdraw"}


@dataclass
class OrgKit:
    """What the loader needs about one organisation, read once instead of once per complaint."""

    spec: dict
    org: Organisation
    users: dict  # username suffix -> user
    officers: list
    facilities: list
    calendar: object
    decks: dict = field(default_factory=dict)  # language -> shuffled narratives not yet used


@dataclass
class Planned:
    kit: OrgKit
    received: datetime
    target: str


class Command(BaseCommand):
    help = "Load demonstration organisations, staff and complaints (fictional)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=500, help="number of complaints (default 500)")
        parser.add_argument("--if-empty", action="store_true", help="do nothing when organisations exist")
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--logins-file", default=str(Path(settings.VAR_DIR) / "demo-logins.txt"))

    def handle(self, *args, count, if_empty, seed, logins_file, **options):
        if Organisation.objects.exists():
            if if_empty:
                self.stdout.write("Demo data not loaded: the database already has organisations.")
                return
            raise CommandError("The database already has organisations; the demo loads only into an empty "
                               "database (use --if-empty to skip silently).")
        if count < 0:
            raise CommandError("--count cannot be negative.")
        rng = random.Random(seed)
        corpus = json.loads(CORPUS.read_text(encoding="utf-8"))
        self.categories = {c.code: c for c in Category.objects.all()}
        self.now = timezone.now()
        self.history_start = history_start(self.now)
        logins: list[str] = []
        passwords = {spec["prefix"] + suffix: "-".join(secrets.token_hex(3) for _ in range(3))
                     for spec in ORGANISATIONS for suffix, *_ in ROLES}
        # Hashing is deliberately slow; the hash function releases the GIL, so hash side by side.
        with ThreadPoolExecutor() as pool:
            hashes = dict(zip(passwords, pool.map(make_password, passwords.values()), strict=True))
        with transaction.atomic():
            kits = [self._organisation(spec, logins, passwords, hashes) for spec in ORGANISATIONS]
        _write_private(Path(logins_file), "\n".join(logins) + "\n")

        # The demo users are fictional: nothing may be e-mailed to them or left queued for a worker,
        # so notification tasks run inline (at each commit) against a backend that sends nothing.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
                               MIZAN_TASKS_INLINE="always"):
            plan = self._plan(rng, kits, count)
            for item in plan:
                # One transaction per complaint, each complete in itself. Not one for the whole load:
                # the domain functions' savepoints would pile up in it, and PostgreSQL slows down
                # markedly past a few dozen subtransactions per transaction.
                with transaction.atomic():
                    self._complaint(rng, corpus, item)
            breaches = flag_breaches()
            self._date_breaches()
        self.stdout.write(self.style.SUCCESS(
            f"Loaded {len(kits)} organisations, {len(logins)} staff users, {len(plan)} complaints "
            f"({breaches} deadline breaches flagged). Logins in {logins_file}."))

    # --- organisations and staff -------------------------------------------------------------

    def _organisation(self, spec, logins, passwords, hashes) -> OrgKit:
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
        facilities = [
            Facility.objects.create(organisation=org, kind=kind, governorate=govs[gov], name_ar=a, name_en=e, name_fr=f)
            for kind, gov, a, e, f in spec["facilities"]
        ]
        for code, unit in ROUTES[spec["slug"]].items():
            RoutingRule.objects.create(organisation=org, category=self.categories[code], unit=units[unit])
        # Every section, the default threshold: the demo's public page shows last year in full.
        PublicationSettings.objects.create(organisation=org, published=True)
        User = get_user_model()
        intake_unit = next(u for u in units.values() if u.is_intake)
        users = {}
        for suffix, role, reveal, is_staff in ROLES:
            username = spec["prefix"] + suffix
            user = User.objects.create(username=username, password=hashes[username], is_staff=is_staff,
                                       email=f"{username}@mizan.invalid")
            unit = intake_unit if role in (Role.CASE_OFFICER, Role.INTAKE_OFFICER, Role.SUPERVISOR) else None
            Membership.objects.create(user=user, organisation=org, role=role, unit=unit, can_reveal_identity=reveal)
            users[suffix] = user
            # Accounts that must use two-factor authentication get a random authenticator key,
            # written beside the password: add it to any TOTP app (or `oathtool --totp -b KEY`).
            key = ""
            if two_factor_required(user):
                secret = totp.new_secret()
                AccountSecurity.objects.create(user=user, totp_secret_enc=seal_secret(secret, user.pk),
                                               totp_confirmed_at=self.now)
                key = f"  2FA key: {secret}"
            with translation.override("en"):
                logins.append(f"{username:<16} {passwords[username]:<22} {role.label} — {spec['name_en']}{key}")
        return OrgKit(spec=spec, org=org, users=users, officers=[users["officer"], users["officer2"]],
                      facilities=facilities, calendar=org.calendar())

    # --- what to load ----------------------------------------------------------------------------

    def _plan(self, rng, kits, count) -> list[Planned]:
        """Receipt moments and final statuses for every complaint, oldest first.

        Filing in date order keeps reference numbers in the order complaints arrived.
        """
        plan = []
        made = 0
        span = (self.now - self.history_start).total_seconds() / 86400
        for kit in kits:
            n = round(count * kit.spec["share"]) if kit is not kits[-1] else count - made
            made += n
            mine = []
            for _ in range(n):
                age = _draw_age(rng, span)
                received = self.now - timedelta(days=age)
                mine.append(Planned(kit=kit, received=received, target=_draw_target(rng, age)))
            if mine:
                # Each organisation's first complaint arrives in the first days of last year, so that
                # the whole year is covered and published (statistics publish complete years only).
                oldest = min(mine, key=lambda p: p.received)
                oldest.received = self.history_start + timedelta(days=rng.uniform(0.2, 4))
                oldest.target = _draw_target(rng, (self.now - oldest.received).total_seconds() / 86400)
            plan += mine
        _cover_every_status(rng, plan, self.now)
        plan.sort(key=lambda p: p.received)
        return plan

    def _complaint(self, rng, corpus, item: Planned):
        kit, received = item.kit, item.received
        lang = rng.choices(list(kit.spec["languages"]), weights=list(kit.spec["languages"].values()))[0]
        story = self._draw_story(rng, corpus, kit, lang)
        facility = self._facility_for(rng, kit, story.get("facility_kind") or "", "{facility}" in story["text"])
        urgency = story.get("urgency") or "normal"
        incident = (received - timedelta(days=rng.randint(0, 3 if urgency == "critical" else 20))).date()
        text = story["text"].replace("{facility}", _name_in(facility, lang)).replace(
            "{date}", _format_date(incident, lang, arabic_digits=_has_arabic_digits(story["text"])))
        anonymous = rng.random() < 0.3
        staff_channel = rng.random() < 0.2
        channel = rng.choice(["phone", "walk_in", "letter", "email"]) if staff_channel else rng.choice(["web", "web", "api"])
        relation = story.get("relation") or "self"
        gender = story.get("victim_gender") or ""
        complainant_gender = gender if relation == "self" and gender else rng.choice("fm")
        case, _receipt = submit_complaint(
            organisation=kit.org, narrative=text, channel=channel, language=lang, anonymous=anonymous,
            complainant={} if anonymous else _fake_person(rng, lang, complainant_gender, kit.spec["country"]),
            relation=relation, victim={"label": _victim_label(story, lang) if relation != "self" else ""},
            incident_date=incident, facility=facility,
            categories=[self.categories[code] for code in story["categories"]],
            vulnerabilities=story.get("vulnerabilities", []), identity_consent=not anonymous and rng.random() < 0.7,
            urgency=urgency, actor=kit.users["intake"] if staff_channel else COMPLAINANT, received_at=received,
        )
        steps = [("submit", _last_event_id(case))]
        case = self._progress(rng, corpus, kit, case, item.target, lang, steps, story["categories"])
        self._spread(rng, kit, case, item.target, steps)

    def _draw_story(self, rng, corpus, kit, lang) -> dict:
        """Next narrative of the organisation's deck for `lang`; every story is used before any repeats."""
        deck = kit.decks.get(lang)
        if not deck:
            pool = [n for n in corpus["narratives"] if n["lang"] == lang
                    and (lang != "ar" or n.get("dialect") in kit.spec["dialects"])]
            deck = kit.decks[lang] = rng.sample(pool, len(pool)) if pool else list(corpus["narratives"])
        return deck.pop()

    @staticmethod
    def _facility_for(rng, kit, kind, named):
        if not kind and not named:
            return None
        for wanted in (kind, FACILITY_FALLBACK.get(kind)):
            matches = [f for f in kit.facilities if f.kind == wanted]
            if matches:
                return rng.choice(matches)
        return rng.choice(kit.facilities)

    # --- the life of a case ----------------------------------------------------------------------

    def _progress(self, rng, corpus, kit, case, target, lang, steps, codes) -> Case:
        """Walk the case through the workflow up to `target`, noting each step for `_spread`."""

        def step(label, result=None):
            steps.append((label, _last_event_id(case)))
            return result

        def pick(key):
            return rng.choice(corpus.get(key, {}).get(lang) or ["—"])

        if target == "received":
            return case
        officer = rng.choice(kit.officers)
        supervisor = kit.users["supervisor"]
        if target == "inadmissible":
            case = transition_case(actor=officer, case=case, to=Status.INADMISSIBLE, note=pick("inadmissible_reasons"))
            return step("inadmissible", case)
        case = step("assign", assign_case(actor=supervisor, case=case, officer=officer))
        case = step("review", transition_case(actor=officer, case=case, to=Status.UNDER_REVIEW))
        if target == "under_review":
            return case
        if target == "withdrawn":
            return step("withdraw", transition_case(actor=COMPLAINANT, case=case, to=Status.WITHDRAWN))
        case = step("accept", transition_case(actor=officer, case=case, to=Status.IN_PROGRESS))
        step("message", post_message(actor=officer, case=case, body=pick("staff_messages")))
        step("note", post_message(actor=officer, case=case, body=pick("internal_notes"), internal=True))
        if target == "awaiting" or (not case.anonymous and rng.random() < 0.5):
            case = step("request_info", transition_case(actor=officer, case=case, to=Status.AWAITING_COMPLAINANT,
                                                        note=pick("staff_messages")))
            if target == "awaiting":
                return case
            step("reply", post_complainant_message(case=case, body=pick("complainant_replies")))
            case.refresh_from_db()
        if target == "referred" or (target in ("resolved", "closed") and rng.random() < 0.4):
            case = step("refer", transition_case(
                actor=officer, case=case, to=Status.REFERRED, referred_to=_pick_referral(rng, corpus, lang, codes),
                referral_due=timezone.localdate() + timedelta(days=14)))
            if target == "referred":
                return case
        if target == "in_progress":
            return case
        note, reported = _pick_resolution(rng, corpus, lang)
        findings = {  # the note speaks of the main allegation; others mostly share its finding
            allegation.pk: {"finding": reported if index == 0 or rng.random() < 0.7 else rng.choice(
                ["substantiated", "partly_substantiated", "not_substantiated"])}
            for index, allegation in enumerate(case.allegations.all())
        }
        case = step("resolve", transition_case(actor=officer, case=case, to=Status.RESOLVED, findings=findings, note=note))
        if target == "closed":
            case = step("close", transition_case(actor=supervisor, case=case, to=Status.CLOSED))
        return case

    def _spread(self, rng, kit, case, target, steps):
        """Move the history of a case (made just now) over its real life, keeping the order.

        Timeline rows, messages, notifications and the case's own dates are rewritten together so
        that they tell one consistent story; the audit log is left as it is.
        """
        case = Case.objects.get(pk=case.pk)
        start = case.received_at
        moments = _step_moments(rng, start, _duration(rng, target, self.now - start, case.urgency), steps,
                                self.now, kit.calendar)
        at_step = dict(zip((label for label, _ in steps), moments, strict=True))

        events = list(TimelineEvent.objects.filter(case=case).order_by("id"))
        step_index = 0
        within = 0
        messages = {}
        for event in events:
            while step_index < len(steps) - 1 and event.pk > steps[step_index][1]:
                step_index += 1
                within = 0
            event.at = moments[step_index] + timedelta(seconds=20 * within)
            within += 1
            if event.kind in ("message_out", "message_in", "note") and event.data.get("id"):
                messages[event.data["id"]] = event.at
            if event.kind == "status" and event.data.get("referral_due"):
                case.referral_due = (event.at + timedelta(days=rng.randint(10, 30))).date()
                event.data = {**event.data, "referral_due": case.referral_due.isoformat()}
            if event.kind == "status" and event.data.get("transition") == "resume" and "request_info" in at_step:
                waited = kit.calendar.working_days_between(timezone.localdate(at_step["request_info"]),
                                                           timezone.localdate(event.at))
                case.paused_working_days = waited
                case.resolution_due = kit.calendar.add_working_days(case.resolution_due, waited)
                event.data = {**event.data, "waited_days": waited}
        # bulk_update writes with UPDATE like .update(): the append-only save() is not involved.
        TimelineEvent.objects.bulk_update(events, ["at", "data"])
        written = list(CaseMessage.objects.filter(pk__in=messages))
        for message in written:
            message.created_at = messages[message.pk]
        CaseMessage.objects.bulk_update(written, ["created_at"])
        # Notes written with a transition have no timeline row of their own: they go with the last step.
        CaseMessage.objects.filter(case=case, created_at__gte=self.now).update(created_at=moments[-1])

        first_staff = next((m for (label, _), m in zip(steps, moments, strict=True) if label not in COMPLAINANT_STEPS), None)
        decided = [at_step[s] for s in ("inadmissible", "resolve", "close") if s in at_step]
        Case.objects.filter(pk=case.pk).update(
            first_action_at=first_staff if case.first_action_at else None,
            resolved_at=at_step.get("resolve") if case.resolved_at else None,
            closed_at=at_step.get("close") if case.closed_at else None,
            decided_at=decided[-1] if case.decided_at and decided else None,
            paused_on=timezone.localdate(at_step["request_info"]) if case.paused_on else None,
            paused_working_days=case.paused_working_days, resolution_due=case.resolution_due,
            referral_due=case.referral_due, updated_at=moments[-1],
        )
        update_case(case)  # the statistics rollup counts the dates just written
        Person.objects.filter(case=case).update(created_at=start)
        Allegation.objects.filter(case=case).update(created_at=start)
        case.attachments.update(created_at=start)
        moment_of = {"new_case": start, "assigned": at_step.get("assign"), "message_in": at_step.get("reply")}
        notifications = [n for n in Notification.objects.filter(case=case) if moment_of.get(n.kind)]
        for notification in notifications:
            _date_notification(rng, notification, moment_of[notification.kind], self.now)
        Notification.objects.bulk_update(notifications, ["created_at", "read_at", "emailed_at"])

    def _date_breaches(self):
        """Breach rows were written today; date them the morning after the deadline they record."""
        events = list(TimelineEvent.objects.filter(kind="deadline_breached", at__gte=self.now))
        notifications = []
        for event in events:
            due = date.fromisoformat(event.data["due"])
            event.at = min(timezone.make_aware(datetime.combine(due + timedelta(days=1), time(0, 5))), self.now)
            for notification in Notification.objects.filter(case_id=event.case_id, kind="deadline_breached",
                                                            data__deadline=event.data.get("deadline")):
                _date_notification(random.Random(notification.pk), notification, event.at, self.now)
                notifications.append(notification)
        TimelineEvent.objects.bulk_update(events, ["at"])
        Notification.objects.bulk_update(notifications, ["created_at", "read_at", "emailed_at"])


def _date_notification(rng, notification, moment, now) -> None:
    """Older notifications have been read; those of the last few days are still waiting.

    All of them count as mailed: the demo users are fictional and must never receive them.
    """
    notification.created_at = notification.emailed_at = moment
    notification.read_at = moment + timedelta(hours=rng.uniform(0.5, 30)) if moment < now - timedelta(days=3) else None


# --- drawing -------------------------------------------------------------------------------------

def history_start(now: datetime) -> datetime:
    """1 January of last year, at midnight in the installation's time zone: the demo's oldest day,
    so that last year is complete whatever today's date (12 to 24 months of history)."""
    year = timezone.localdate(now).year - 1
    return timezone.make_aware(datetime(year, 1, 1))


def _draw_age(rng, span: float) -> float:
    """Days since receipt, at most `span`: a few fresh cases, a busy last month, and a tail back
    to the start of last year, dense in recent months and thinner, but never empty, before."""
    r = rng.random()
    if r < 0.06:
        return rng.uniform(0.02, 3)
    if r < 0.2:
        return rng.uniform(3, 30)
    if r < 0.6:
        return rng.triangular(30, span, 120)
    return rng.uniform(30, span)


def _draw_target(rng, age) -> str:
    weights = next(w for bound, w in TARGETS_BY_AGE if age < bound)
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _cover_every_status(rng, plan, now) -> None:
    """Make every status appear at least once (when there are enough complaints to spare)."""
    targets = [t for _, weights in TARGETS_BY_AGE for t in weights]
    every = list(dict.fromkeys(targets))
    if len(plan) < 2 * len(every):
        return
    for wanted in every:
        counts = {t: sum(p.target == t for p in plan) for t in every}
        if counts[wanted]:
            continue
        young = wanted in ("received", "under_review", "awaiting")
        spare = [p for p in plan if counts[p.target] > 1 and (not young or now - p.received < timedelta(days=30))]
        spare = spare or [p for p in plan if counts[p.target] > 1]
        rng.choice(spare).target = wanted


# Days from receipt to resolution (low, high, most likely), per urgency: mostly within the
# default deadlines (10/20/30/60 working days), with a tail of late ones.
RESOLUTION_DAYS = {"critical": (2, 22, 7), "high": (4, 40, 14), "normal": (5, 60, 22), "low": (7, 100, 35)}


def _duration(rng, target, age: timedelta, urgency: str) -> timedelta:
    """How long the case's recorded history lasts, from receipt to its latest step."""
    days = age.total_seconds() / 86400
    if target in ("resolved", "closed"):
        wanted = rng.triangular(*RESOLUTION_DAYS.get(urgency, RESOLUTION_DAYS["normal"]))
        wanted += rng.uniform(1, 6) if target == "closed" else 0
        return timedelta(days=min(days * 0.95, wanted))
    if target == "inadmissible":
        return timedelta(days=min(days * 0.9, rng.triangular(0.3, 15, 3)))
    if target == "withdrawn":
        return timedelta(days=min(days * 0.9, rng.triangular(2, 45, 10)))
    if target == "under_review":
        return timedelta(days=min(days * 0.9, rng.uniform(0.1, 4)))
    return timedelta(days=days * rng.uniform(0.6, 0.95))  # still open: worked on until recently


def _step_moments(rng, start, duration, steps, now, calendar) -> list[datetime]:
    """One moment per step: receipt, a quick first action, the rest spread to `start + duration`."""
    moments = [start]
    if len(steps) > 1:
        first_gap = min(duration * 0.35, timedelta(hours=rng.uniform(2, 72)))
        weights = [rng.uniform(0.5, 1.5) for _ in steps[2:]]
        moments.append(start + first_gap)
        rest, total, elapsed = duration - first_gap, sum(weights) or 1, timedelta(0)
        for weight in weights:
            elapsed += rest * (weight / total)
            moments.append(start + first_gap + elapsed)
    latest = now - timedelta(minutes=1)
    for index in range(1, len(moments)):
        moment = moments[index]
        if steps[index][0] not in COMPLAINANT_STEPS and duration > timedelta(days=2):
            local = timezone.localtime(moment)  # staff work office hours on working days
            day = calendar.add_working_days(local.date(), 0)
            moment = local.replace(hour=rng.randint(8, 15), minute=rng.randint(0, 59)) + (day - local.date())
        moments[index] = min(max(moment, moments[index - 1] + timedelta(minutes=3)), latest)
    return moments


def _pick_resolution(rng, corpus, lang) -> tuple[str, str]:
    """An outcome note for the complainant and the finding it reports."""
    notes = corpus.get("resolution_notes", {}).get(lang) or ["—"]
    findings = corpus.get("resolution_findings", {}).get(lang) or []
    index = rng.randrange(len(notes))
    return notes[index], findings[index] if index < len(findings) else "not_substantiated"


def _pick_referral(rng, corpus, lang, codes) -> str:
    """A body that deals with the case's subject when there is one, else a general one."""
    names = corpus.get("referral_notes", {}).get(lang) or ["—"]
    scopes = corpus.get("referral_categories", {}).get(lang) or [[] for _ in names]
    fitting = [name for name, scope in zip(names, scopes, strict=False) if set(scope) & set(codes)]
    general = [name for name, scope in zip(names, scopes, strict=False) if not scope] or names
    return rng.choice(fitting if fitting and rng.random() < 0.7 else general)[:300]


def _last_event_id(case) -> int:
    return TimelineEvent.objects.filter(case_id=case.pk).aggregate(last=Max("id"))["last"] or 0


# --- text ------------------------------------------------------------------------------------------

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"],
}


def _format_date(day: date, lang: str, *, arabic_digits: bool = False) -> str:
    if lang in MONTHS:
        return f"{day.day} {MONTHS[lang][day.month - 1]} {day.year}"
    text = f"{day.day}/{day.month}/{day.year}"
    return to_arabic_indic(text) if arabic_digits else text


def _has_arabic_digits(text: str) -> bool:
    return any("\u0660" <= ch <= "\u0669" for ch in text)


def _name_in(facility, lang: str) -> str:
    if facility is None:
        return {"ar": "القسم", "en": "the station", "fr": "le commissariat"}.get(lang, "")
    return getattr(facility, f"name_{lang}", "") or facility.name_ar


VICTIM_LABELS = {  # vulnerability (most telling first) -> label by language and gender
    "child": {"ar": ("طفلة", "طفل"), "en": ("a girl", "a boy"), "fr": ("une mineure", "un mineur")},
    "older_person": {"ar": ("مسنّة", "مسن"), "en": ("an older woman", "an older man"),
                     "fr": ("une personne âgée", "une personne âgée")},
    "migrant": {"ar": ("مهاجرة", "مهاجر"), "en": ("a migrant woman", "a migrant man"),
                "fr": ("une migrante", "un migrant")},
    "detainee": {"ar": ("المحتجزة", "المحتجز"), "en": ("the detainee", "the detainee"),
                 "fr": ("la détenue", "le détenu")},
    "": {"ar": ("الضحية", "الضحية"), "en": ("the victim", "the victim"), "fr": ("la victime", "la victime")},
}
GROUP_LABEL = {"ar": "مجموعة من الأشخاص", "en": "a group of people", "fr": "un groupe de personnes"}


def _victim_label(story: dict, lang: str) -> str:
    """A non-identifying description of the victim (never a name)."""
    gender = story.get("victim_gender") or ""
    if not gender:
        return GROUP_LABEL.get(lang, "")
    vulnerabilities = story.get("vulnerabilities") or []
    key = next((v for v in VICTIM_LABELS if v and v in vulnerabilities), "")
    female, male = VICTIM_LABELS[key].get(lang, VICTIM_LABELS[key]["en"])
    return female if gender == "f" else male


FIRST = {
    "ar": {"m": ["محمد", "أحمد", "خالد", "يوسف", "عمر", "كريم", "حسام", "رشيد", "طارق", "سليم"],
           "f": ["فاطمة", "منى", "سارة", "مريم", "هدى", "نور", "سلمى", "خديجة", "ليلى", "رحمة"]},
    "en": {"m": ["Sam", "Omar", "Adam", "Daniel", "Joseph", "Samuel"], "f": ["Lina", "Maya", "Rana", "Grace", "Mary", "Esther"]},
    "fr": {"m": ["Youssef", "Karim", "Hamza", "Mehdi", "Amine", "Ismaïl"], "f": ["Samira", "Nadia", "Leila", "Salma", "Imane", "Houda"]},
}
LAST = {"ar": ["عبد الله", "حسن", "إبراهيم", "السيد", "مصطفى", "علي", "الإدريسي", "بنعلي", "العلوي", "الشريف"],
        "en": ["Hassan", "Ali", "Ibrahim", "Nasser", "Okafor", "Mensah"],
        "fr": ["El Amrani", "Benali", "Tazi", "Idrissi", "Berrada", "Alaoui"]}


def _fake_person(rng, lang, gender, country):
    """Fictional identity; numbers are in a range no real card or line uses (all zeros inside)."""
    first, last = rng.choice(FIRST[lang][gender]), rng.choice(LAST[lang])
    if country == "MA":
        national_id, phone = f"ZZ{rng.randint(0, 9)}000{rng.randint(100, 999)}", f"060000{rng.randint(1000, 9999)}"
    else:
        national_id, phone = f"9{rng.randint(0, 9)}000000{rng.randint(100000, 999999)}", f"0100000{rng.randint(1000, 9999)}"
    return {"name": f"{first} {last}", "national_id": national_id, "phone": phone, "email": ""}


def _write_private(path: Path, text: str) -> None:
    """Write the logins file readable by its owner only, from the moment it exists."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    path.chmod(0o600)
