"""`manage.py seed_followup_demo`: the follow-up of recommendations for the demonstration, loaded
after `seed_demo` (whose two organisations it needs).

- A regional secretariat (the conference of human-rights officials of Arab interior ministries)
  with a follow-up officer and an administrator; the two demo organisations are its members:
  the recommendations of its latest conference are addressed to them, and each reports its own
  progress, shared with the secretariat or not.
- For the ministry: sources (UPR, Committee against Torture, a special procedure, the national
  institution's report, a pattern found in complaints), about 110 recommendations with themes,
  groups, position, responsible bodies and a status history over the last 18 months, a few
  clusters of near-duplicates; a phased plan (3 dated phases, 6 goals, 30 measures linked to the
  recommendations, some overdue); 15 indicators, 7 computed from the complaints demo and 8
  reported with values per period; progress reports (internal, shared, public); its public
  follow-up page switched on.

Everything goes through the follow-up's domain functions (status histories, audit rows, search
documents and the other projections are what real use writes); afterwards the dates those
functions stamped "now" are moved to the moments the demo planned, as `seed_demo` does for
complaints. The audit log is never rewritten. The texts are generated from the templates of
`mizan.followup.demo_data` with a seeded random generator: the same demo on every installation.
"""

from __future__ import annotations

import os
import random
import secrets
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Max
from django.test.utils import override_settings
from django.utils import timezone, translation

from mizan.accounts.models import AccountSecurity, Membership, Organisation, Role, Unit
from mizan.accounts.security import seal_secret, two_factor_required
from mizan.complaints.models import Category
from mizan.followup import demo_data as data
from mizan.followup import indicators, plans, progress, publication, services
from mizan.followup.models import (
    Addressee,
    Cluster,
    ExternalBody,
    FollowupPublication,
    Indicator,
    IndicatorValue,
    Measure,
    MeasureStatusChange,
    ProgressReport,
    Recommendation,
    Source,
    StatusChange,
    Strategy,
    Visibility,
)
from mizan.lib import totp

AR_ORDINALS = {9: "التاسع", 10: "العاشر", 11: "الحادي عشر", 12: "الثاني عشر", 13: "الثالث عشر", 14: "الرابع عشر",
               15: "الخامس عشر", 16: "السادس عشر", 17: "السابع عشر", 18: "الثامن عشر"}
HISTORY_DAYS = 548  # 18 months
FRENCH_VOWELS = tuple("aeiouéèêâîôh")


class Command(BaseCommand):
    help = "Load demonstration recommendations, a phased plan and indicators (fictional), after seed_demo."

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true",
                            help="do nothing when follow-up data exists (or the complaints demo is not loaded)")
        parser.add_argument("--seed", type=int, default=2025)
        parser.add_argument("--logins-file", default=str(Path(settings.VAR_DIR) / "demo-logins.txt"),
                            help="the demo logins file of seed_demo, to which the new logins are added")

    def handle(self, *args, if_empty, seed, logins_file, **options):
        if _followup_exists():
            if if_empty:
                self.stdout.write("Follow-up demo not loaded: the database already has follow-up data.")
                return
            raise CommandError("The database already has follow-up data; the follow-up demo loads only once "
                               "(use --if-empty to skip silently).")
        members = {o.slug: o for o in Organisation.objects.filter(slug__in=data.MEMBERS)}
        if len(members) != len(data.MEMBERS) or not Membership.objects.filter(
                organisation__slug=data.MINISTRY, user__username="supervisor").exists():
            if if_empty:
                self.stdout.write("Follow-up demo not loaded: the complaints demo (seed_demo) is not loaded.")
                return
            raise CommandError("Load the complaints demo first: manage.py seed_demo.")
        self.rng = random.Random(seed)
        self.now = timezone.now()
        self.today = timezone.localdate(self.now)
        self.window_start = self.today - timedelta(days=HISTORY_DAYS)
        passwords = {spec[1] + spec[2]: "-".join(secrets.token_hex(3) for _ in range(3)) for spec in data.USERS}
        with ThreadPoolExecutor() as pool:
            hashes = dict(zip(passwords, pool.map(make_password, passwords.values()), strict=True))
        logins: list[str] = []
        # Nothing may be e-mailed to the fictional users or left queued for a worker (as seed_demo).
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
                               MIZAN_TASKS_INLINE="always"), transaction.atomic():
            self._load(members, passwords, hashes, logins)
        _append_private(Path(logins_file), "\n".join(logins) + "\n")
        counts = {
            "recommendations": Recommendation.objects.count(), "sources": Source.objects.count(),
            "measures": Measure.objects.count(), "indicators": Indicator.objects.count(),
            "values": IndicatorValue.objects.count(), "reports": ProgressReport.objects.count(),
        }
        self.stdout.write(self.style.SUCCESS(
            "Loaded the follow-up demo: {recommendations} recommendations from {sources} sources, {measures} measures, "
            "{indicators} indicators ({values} values), {reports} progress reports. ".format(**counts)
            + f"Logins added to {logins_file}."))

    # --- the whole load ----------------------------------------------------------------------------

    def _load(self, members, passwords, hashes, logins):
        self.marks = {model: 0 for model, _field in STAMPED}
        self.created: dict[type, dict[int, datetime]] = {Source: {}, Recommendation: {}, Strategy: {},
                                                          Indicator: {}}
        self.ministry = members[data.MINISTRY]
        self.secretariat = self._secretariat()
        self.users = self._users(members, passwords, hashes, logins)
        self.units = {u.code: u for u in Unit.objects.filter(organisation=self.ministry)}
        self.categories = {c.code: c for c in Category.objects.all()}
        self.externals = self._external_bodies()
        self.by_topic: dict[str, list[Recommendation]] = {}
        conference = self._conference()
        self._ministry_sources()
        self._clusters()
        self._member_reports(conference, members)
        self._plan()
        self._indicators()
        services.update_external_body(actor=self.users["followup"], body=self.externals[data.DEACTIVATED_BODY],
                                      is_active=False)
        for actor in (self.users["supervisor"], self.users["sec_admin"]):
            publication.set_publication(actor=actor, published=True)
        FollowupPublication.objects.update(changed_at=self._moment(self.today - timedelta(days=40)))
        indicators.recompute_indicators(organisation=self.ministry, today=self.today)
        self._date_records()

    # --- organisation, people, register ------------------------------------------------------------

    def _secretariat(self) -> Organisation:
        spec = data.SECRETARIAT
        org = Organisation.objects.create(**spec)
        code, ar, en, fr = data.SECRETARIAT_UNIT
        Unit.objects.create(organisation=org, code=code, name_ar=ar, name_en=en, name_fr=fr, is_intake=True)
        return org

    def _users(self, members, passwords, hashes, logins) -> dict:
        User = get_user_model()
        users = {u.username: u for u in User.objects.filter(
            username__in=["supervisor", "officer", "nhri_supervisor", "nhri_officer"])}
        for slug, prefix, suffix, role, unit_code, is_staff in data.USERS:
            org = self.secretariat if slug == "sec" else members[slug]
            username = prefix + suffix
            user = User.objects.create(username=username, password=hashes[username], is_staff=is_staff,
                                       email=f"{username}@mizan.invalid")
            unit = Unit.objects.filter(organisation=org, code=unit_code).first() if unit_code else None
            Membership.objects.create(user=user, organisation=org, role=role, unit=unit)
            key = ""
            if two_factor_required(user):  # as seed_demo: a random authenticator key beside the password
                secret = totp.new_secret()
                AccountSecurity.objects.create(user=user, totp_secret_enc=seal_secret(secret, user.pk),
                                               totp_confirmed_at=self.now)
                key = f"  2FA key: {secret}"
            with translation.override("en"):
                logins.append(f"{username:<16} {passwords[username]:<22} {Role(role).label} — {org.name_en}{key}")
            users[username] = user
        return users

    def _external_bodies(self) -> dict[str, ExternalBody]:
        return {key: services.create_external_body(actor=self.users["followup"], name_ar=ar, name_en=en, name_fr=fr,
                                                   kind=kind)
                for key, ar, en, fr, kind in data.EXTERNAL_BODIES}

    def _body(self, ref: str):
        """(unit, external) for "unit code" or "ext:<key>"."""
        if ref.startswith("ext:"):
            return None, self.externals[ref[4:]]
        return self.units[ref], None

    # --- sources and recommendations ----------------------------------------------------------------

    def _conference(self) -> Source:
        spec = next(s for s in data.SOURCES if s["key"] == "conference")
        # The latest conference held at least a year ago, in September (the 11th in 2025).
        year = (self.today - timedelta(days=365)).year
        if self.today - timedelta(days=365) < date(year, 9, 14):
            year -= 1
        held = date(year, 9, 14)
        number = 11 + year - 2025
        ar_number = AR_ORDINALS.get(number, f"رقم {number}")
        source = self._source(
            spec, self.users["sec_followup"], held,
            title_ar=f"توصيات المؤتمر {ar_number} لمسؤولي حقوق الإنسان بوزارات الداخلية العربية",
            title_en=f"Recommendations of the {number}th conference of human-rights officials of Arab interior "
                     "ministries",
            title_fr=f"Recommandations de la {number}e conférence des responsables des droits de l'homme des "
                     "ministères arabes de l'Intérieur",
            symbol=f"CONF-HR/{number}/REC")
        lead = Unit.objects.get(organisation=self.secretariat, code=data.SECRETARIAT_UNIT[0])
        members = list(Organisation.objects.filter(slug__in=data.MEMBERS).order_by("pk"))
        for index, (topic_key, texts) in enumerate(self._texts(spec), start=1):
            topic = data.TOPICS[topic_key]
            recommendation = self._recommend(
                self.users["sec_followup"], source, spec, topic, texts, index, held,
                bodies=[("lead", lead, None)], addressees=members, position="supported",
                due_on=held + timedelta(days=self.rng.choice([365, 730])), is_public=True, paragraph=str(index))
            self.by_topic.setdefault(topic_key, []).append(recommendation)
            # The secretariat's own status: it passed the recommendation on and follows it up.
            if self.rng.random() < 0.5:
                self._set_status(self.users["sec_followup"], recommendation, "in_progress",
                                 held + timedelta(days=self.rng.randint(20, 60)),
                                 note="أُحيلت التوصية إلى الوزارات الأعضاء، ويجري جمع تقارير التنفيذ.")
        return source

    def _ministry_sources(self) -> None:
        actor = self.users["followup"]
        for spec in data.SOURCES:
            if spec["owner"] != data.MINISTRY:
                continue
            issued = self.today - timedelta(days=round(spec["months"] * 30.44))
            issued = issued.replace(day=self.rng.randint(5, 25))
            source = self._source(spec, actor, issued, title_ar=spec["title_ar"], title_en=spec["title_en"],
                                  title_fr=spec["title_fr"], symbol=spec["symbol"].replace("{year}", str(issued.year)),
                                  upr_cycle=spec.get("upr_cycle"), upr_session=spec.get("upr_session"))
            follow_up = set(self.rng.sample(range(1, spec["count"] + 1), 3)) if spec["key"] == "cat" else set()
            for index, (topic_key, texts) in enumerate(self._texts(spec), start=1):
                topic = data.TOPICS[topic_key]
                bodies = [("lead", *self._body(topic.lead))]
                bodies += [("supporting", *self._body(ref)) for ref in topic.supporting
                           if ref != topic.lead and self.rng.random() < 0.8]
                recommendation = self._recommend(
                    actor, source, spec, topic, texts, index, issued, bodies=bodies,
                    position=self._position(spec["key"]), due_on=self._due(spec["key"], issued, index in follow_up),
                    is_public=spec["key"] in ("upr", "cat", "wgad"), paragraph=self._paragraph(spec["key"], index),
                    recommending_states=sorted(self.rng.sample(data.RECOMMENDING_STATES, self.rng.randint(1, 3)))
                    if spec["key"] == "upr" else [])
                self.by_topic.setdefault(topic_key, []).append(recommendation)
                self._history(recommendation, spec)

    def _source(self, spec, actor, issued: date, **titles) -> Source:
        source = services.create_source(actor=actor, kind=spec["kind"], body=spec.get("body", ""), date=issued,
                                        place=spec.get("place", ""), **titles)
        self.created[Source][source.pk] = self._moment(issued + timedelta(days=self.rng.randint(3, 12)))
        return source

    def _texts(self, spec):
        """(topic key, {language: text}) for each recommendation of the source, all different."""
        key, rng = spec["key"], self.rng
        topics = list(data.SOURCE_TOPICS[key])
        rng.shuffle(topics)
        seen, out = set(), []
        for index in range(spec["count"]):
            topic_key = topics[index % len(topics)]
            topic = data.TOPICS[topic_key]
            for _attempt in range(20):
                opener = rng.choice(data.OPENERS[key])
                place = rng.choice(data.PLACES) if topic.place else ("", "", "")
                closer = rng.choice(data.CLOSERS)
                texts = _compose(opener, topic, place, closer, self.categories[topic.themes[0]].label_ar)
                if texts["ar"] not in seen:
                    break
            seen.add(texts["ar"])
            out.append((topic_key, texts))
        return out

    def _recommend(self, actor, source, spec, topic, texts, index, issued, **fields) -> Recommendation:
        language = spec["language"]
        translations = {f"text_{lang}": texts[lang] for lang in spec["translations"]}
        public = fields.pop("is_public", False)
        recommendation = services.create_recommendation(
            actor=actor, source=source, text=texts[language], language=language,
            themes=[self.categories[code] for code in topic.themes], symbol=source.symbol, issued_on=issued,
            affected_groups=list(topic.groups), sdg_targets=list(topic.sdg), **translations, **fields)
        if public:  # recorded by the follow-up officer, published by whoever may publish
            publisher = self.users["sec_admin" if source.organisation_id == self.secretariat.pk else "supervisor"]
            recommendation = services.update_recommendation(actor=publisher, recommendation=recommendation,
                                                            is_public=True)
        moment = self._moment(issued + timedelta(days=self.rng.randint(10, 40)))
        self.created[Recommendation][recommendation.pk] = moment
        self._stamp(moment)
        return recommendation

    def _position(self, key: str) -> str:
        weights = {"upr": {"supported": 65, "noted": 25, "partially_supported": 10},
                   "cat": {"supported": 50, "not_decided": 30, "partially_supported": 20},
                   "wgad": {"supported": 45, "not_decided": 35, "partially_supported": 20},
                   "nhri": {"supported": 80, "partially_supported": 20}}.get(key, {"supported": 1})
        return self.rng.choices(list(weights), weights=list(weights.values()))[0]

    def _due(self, key: str, issued: date, follow_up: bool) -> date | None:
        days = {"upr": 900, "cat": 1460, "wgad": 730, "nhri": 365, "pattern": 180}[key]
        if follow_up:  # the treaty body's follow-up procedure: within one year
            days = 365
        if key == "nhri" and self.rng.random() < 0.4:
            days = 540
        return issued + timedelta(days=days)

    def _paragraph(self, key: str, index: int) -> str:
        return {"upr": f"145.{index}", "cat": str(10 + 2 * index), "wgad": str(78 + index),
                "nhri": f"4.{index}"}.get(key, "")

    # --- statuses and progress reports --------------------------------------------------------------

    def _days_between(self, first: date, last: date, n: int) -> list[date]:
        if n == 0 or last <= first:
            return []
        span = (last - first).days
        return sorted(first + timedelta(days=d) for d in self.rng.sample(range(span + 1), min(n, span + 1)))

    def _history(self, recommendation: Recommendation, spec) -> None:
        """The ministry's own status of one of its recommendations, from its recording to today."""
        rng = self.rng
        weights = data.FINAL_STATUS_WEIGHTS
        final = rng.choices(list(weights), weights=list(weights.values()))[0]
        path = list(data.PATHS[final])
        recorded = timezone.localdate(self.created[Recommendation][recommendation.pk])
        first = max(recorded + timedelta(days=15), self.window_start + timedelta(days=10))
        days = self._days_between(first, self.today - timedelta(days=2), len(path))
        if final == "in_progress" and days and rng.random() < 0.5:  # a later report: still under way
            more = self._days_between(days[-1] + timedelta(days=20), self.today - timedelta(days=2), 1)
            path, days = path + ["in_progress"] * len(more), days + more
        for status, day in zip(path, days, strict=False):
            if rng.random() < 0.55:
                public = recommendation.is_public and rng.random() < 0.3
                actor = self.users["supervisor"] if public else rng.choice([self.users["followup"],
                                                                            self.users["officer"]])
                self._report(actor, day, recommendation=recommendation, status=status,
                             visibility=Visibility.PUBLIC if public else Visibility.INTERNAL)
            else:
                self._set_status(rng.choice([self.users["followup"], self.users["officer"]]), recommendation,
                                 status, day, note=data.report_text(rng, status, day.year, day.isoformat()))

    def _set_status(self, actor, recommendation, status: str, day: date, note: str = "") -> None:
        services.set_recommendation_status(actor=actor, recommendation=recommendation, status=status, note=note)
        self._stamp(self._moment(day))

    def _report(self, actor, day: date, *, status: str, visibility: str, recommendation=None, measure=None) -> None:
        quarter_end = _quarter_end(day)
        period_end = quarter_end if quarter_end <= day else _quarter_end(_quarter_start(day) - timedelta(days=1))
        progress.create_progress_report(
            actor=actor, recommendation=recommendation, measure=measure, period_end=period_end,
            period_start=_quarter_start(period_end), status=status, visibility=visibility,
            narrative=data.report_text(self.rng, status, period_end.year, day.isoformat()))
        self._stamp(self._moment(day))

    def _member_reports(self, conference: Source, members) -> None:
        """Each member's own status on the conference's recommendations, mostly shared with the
        secretariat; the national institution reports less than the ministry."""
        rng = self.rng
        held = conference.date
        people = {data.MINISTRY: (self.users["followup"], self.users["supervisor"]),
                  "nhri": (self.users["nhri_followup"], self.users["nhri_supervisor"])}
        for recommendation in Recommendation.objects.filter(source=conference).order_by("pk"):
            for slug, (officer, supervisor) in people.items():
                weights = ({"not_started": 12, "in_progress": 40, "partly_implemented": 25, "implemented": 15,
                            "not_implemented": 5, "no_longer_relevant": 3} if slug == data.MINISTRY else
                           {"not_started": 35, "in_progress": 35, "partly_implemented": 18, "implemented": 8,
                            "not_implemented": 4})
                final = rng.choices(list(weights), weights=list(weights.values()))[0]
                path = data.PATHS[final]
                days = self._days_between(held + timedelta(days=30), self.today - timedelta(days=2), len(path))
                for status, day in zip(path, days, strict=False):
                    draw = rng.random()
                    if draw < 0.55:
                        self._report(officer, day, recommendation=recommendation, status=status,
                                     visibility=Visibility.SECRETARIAT)
                    elif draw < 0.65:
                        self._report(supervisor, day, recommendation=recommendation, status=status,
                                     visibility=Visibility.PUBLIC)
                    elif draw < 0.8:
                        self._report(officer, day, recommendation=recommendation, status=status,
                                     visibility=Visibility.INTERNAL)
                    else:
                        self._set_status(officer, recommendation, status, day,
                                         note=data.report_text(rng, status, day.year, day.isoformat()))

    def _clusters(self) -> None:
        for topic_key, label in data.CLUSTERS:
            by_source: dict[int, Recommendation] = {}
            for recommendation in self.by_topic.get(topic_key, []):
                if recommendation.organisation_id == self.ministry.pk:
                    by_source.setdefault(recommendation.source_id, recommendation)
            chosen = list(by_source.values())[:3]
            if len(chosen) > 1:
                services.cluster_recommendations(actor=self.users["followup"], recommendations=chosen, label=label)
                self._stamp(self._moment(self.window_start + timedelta(days=self.rng.randint(30, 120))))

    # --- the plan ---------------------------------------------------------------------------------------

    def _plan(self) -> None:
        actor = self.users["followup"]
        self.plan_start = _quarter_end(self.window_start) + timedelta(days=1)
        last_phase = data.PHASES[-1]
        plan_end = _add_months(self.plan_start, last_phase[1] + last_phase[2]) - timedelta(days=1)
        strategy = plans.create_strategy(actor=self.users["supervisor"], is_public=True, starts_on=self.plan_start,
                                         ends_on=plan_end, **data.STRATEGY)
        self.created[Strategy][strategy.pk] = self._moment(self.plan_start - timedelta(days=25))
        self.plan_end = plan_end
        self.tree: list[list[tuple]] = []  # [phase][goal] -> (goal, [measures])
        for phase_index, ((ar, en, fr), first, months) in enumerate(data.PHASES):
            starts = _add_months(self.plan_start, first)
            ends = _add_months(starts, months) - timedelta(days=1)
            phase = plans.create_phase(actor=actor, strategy=strategy, title_ar=ar, title_en=en, title_fr=fr,
                                       starts_on=starts, ends_on=ends)
            goals = []
            for goal_index, (g_ar, g_en, g_fr) in enumerate(data.GOALS[phase_index]):
                goal = plans.create_goal(actor=actor, phase=phase, title_ar=g_ar, title_en=g_en, title_fr=g_fr)
                measures = [self._measure(goal, spec, starts, ends)
                            for spec in data.MEASURES[phase_index * 2 + goal_index]]
                goals.append((goal, measures))
            self.tree.append(goals)

    def _measure(self, goal, spec, phase_starts: date, phase_ends: date) -> Measure:
        rng, actor = self.rng, self.users["followup"]
        ar, en, fr, topics, lead_ref, partner_refs = spec
        length = (phase_ends - phase_starts).days
        starts = phase_starts + timedelta(days=rng.randint(0, max(0, length // 4)))
        due = min(phase_ends, starts + timedelta(days=rng.randint(max(60, length // 2), max(61, length))))
        lead_unit, lead_external = self._body(lead_ref)
        partners = [self._body(ref) for ref in partner_refs if ref != lead_ref]
        answered = []
        for topic in topics:
            candidates = self.by_topic.get(topic, [])
            answered += rng.sample(candidates, min(len(candidates), rng.randint(2, 4)))
        measure = plans.create_measure(
            actor=actor, goal=goal, title_ar=ar, title_en=en, title_fr=fr, lead_unit=lead_unit,
            lead_external=lead_external, partner_units=[u for u, _e in partners if u],
            partner_externals=[e for _u, e in partners if e], recommendations=answered,
            budget_line=rng.choice(data.BUDGET_LINES), starts_on=starts, due_on=due,
            description="يُنفذ الإجراء استجابةً للتوصيات المرتبطة به، ويُقاس تقدمه بالمؤشرات المحددة له.")
        self._stamp(self._moment(self.plan_start - timedelta(days=rng.randint(5, 20))))
        # Where it stands today, reached step by step.
        steps: list[tuple[str, date]] = []
        if starts <= self.today:
            began = min(starts + timedelta(days=rng.randint(0, 12)), self.today - timedelta(days=1))
            if due < self.today:
                final = rng.choices(["completed", "delayed", "in_progress", "cancelled"], [64, 20, 10, 6])[0]
            else:
                final = rng.choices(["in_progress", "planned", "delayed"], [75, 10, 15])[0]
            if final != "planned":
                steps.append(("in_progress", began))
            if final == "completed":
                steps.append(("completed", min(due + timedelta(days=rng.randint(-25, 12)), self.today - timedelta(days=1))))
            elif final == "delayed":
                late = due + timedelta(days=rng.randint(3, 25)) if due < self.today else \
                    began + (self.today - began) * 2 // 3
                steps.append(("delayed", min(late, self.today - timedelta(days=1))))
            elif final == "cancelled":
                steps.append(("cancelled", began + (min(due, self.today) - began) // 2))
        previous = None
        for status, day in steps:
            day = max(day, previous + timedelta(days=1)) if previous else day
            previous = day
            if rng.random() < 0.5:
                public = rng.random() < 0.3
                self._report(self.users["supervisor"] if public else actor, day, measure=measure, status=status,
                             visibility=Visibility.PUBLIC if public else Visibility.INTERNAL)
            else:
                plans.set_measure_status(actor=actor, measure=measure, status=status,
                                         note=data.report_text(rng, status, day.year, day.isoformat()))
                self._stamp(self._moment(day))
        return measure

    # --- indicators -----------------------------------------------------------------------------------

    def _attached(self, where) -> dict:
        phase, goal, measure = where
        goal_obj, measures = self.tree[phase][goal]
        return {"measure": measures[measure]} if measure is not None else {"goal": goal_obj}

    def _indicators(self) -> None:
        rng = self.rng
        baseline_on = self.plan_start - timedelta(days=1)
        for code, params, (ar, en, fr), unit, direction, factor, public, where, frequency in data.COMPUTED_INDICATORS:
            definition = indicators.CATALOGUE[code]
            period = indicators.period_containing(frequency, baseline_on)
            baseline = definition.measure(self.ministry, period, params).value
            target = None
            if baseline is not None:
                target = (baseline * Decimal(str(factor))).quantize(Decimal("1") if not definition.percent
                                                                    else Decimal("0.1"), rounding=ROUND_HALF_UP)
                if definition.percent:
                    target = min(target, Decimal("95.0"))
            indicator = indicators.create_indicator(
                actor=self.users["supervisor"] if public else self.users["followup"], name_ar=ar, name_en=en,
                name_fr=fr, kind="computed", definition=code, params=params, is_public=public, unit_label=unit,
                baseline_value=baseline, baseline_on=baseline_on, target_value=target, target_on=self.plan_end,
                direction=direction, frequency=frequency, **self._attached(where))
            self.created[Indicator][indicator.pk] = self._moment(self.plan_start - timedelta(days=10))
        skipped = 0
        for (ar, en, fr), unit, direction, baseline, target, frequency, public, where, origin in \
                data.REPORTED_INDICATORS:
            indicator = indicators.create_indicator(
                actor=self.users["supervisor"] if public else self.users["followup"], name_ar=ar, name_en=en,
                name_fr=fr, kind="reported", is_public=public, unit_label=unit, baseline_value=Decimal(baseline),
                baseline_on=baseline_on, target_value=Decimal(target), target_on=self.plan_end, direction=direction,
                frequency=frequency, **self._attached(where))
            self.created[Indicator][indicator.pk] = self._moment(self.plan_start - timedelta(days=10))
            ended = [p for p in indicators.periods(indicator, self.today) if p.end < self.today]
            # Two indicators have not had their latest value typed in yet: they show as overdue.
            if ended and skipped < 2 and not public and frequency == "quarterly":
                ended, skipped = ended[:-1], skipped + 1
            span = (self.plan_end - self.plan_start).days
            for period in ended:
                share = min(1.0, (period.end - self.plan_start).days / span) * rng.uniform(0.6, 1.0)
                value = baseline + (target - baseline) * share + (target - baseline) * rng.uniform(-0.05, 0.05)
                value = Decimal(str(round(value, 1 if unit == "%" else 0)))
                actor = rng.choice([self.users["followup"], self.users["officer"]])
                indicators.record_indicator_value(
                    actor=actor, indicator=indicator, period=period, value=value, today=self.today,
                    note=rng.choice(data.VALUE_NOTES).replace("{source}", origin))
                self._stamp(self._moment(min(period.end + timedelta(days=rng.randint(5, 25)),
                                             self.today - timedelta(days=1))))

    # --- dates ----------------------------------------------------------------------------------------

    def _moment(self, day: date) -> datetime:
        """Office hours on `day`, never later than a minute ago."""
        moment = timezone.make_aware(datetime.combine(day, time(self.rng.randint(8, 15), self.rng.randint(0, 59))))
        return min(moment, self.now - timedelta(minutes=1))

    def _stamp(self, moment: datetime) -> None:
        """Date the rows the last domain function wrote (they were stamped "now") at `moment`."""
        for model, field in STAMPED:
            if model.objects.filter(pk__gt=self.marks[model]).update(**{field: moment}):
                self.marks[model] = model.objects.aggregate(top=Max("pk"))["top"]

    def _date_records(self) -> None:
        for model, moments in self.created.items():
            rows = list(model.objects.filter(pk__in=moments))
            for row in rows:
                row.created_at = moments[row.pk]
            model.objects.bulk_update(rows, ["created_at"])
        latest: dict[tuple[int, int], datetime] = {}
        for rec_id, org_id, at in StatusChange.objects.order_by("at", "id").values_list(
                "recommendation_id", "organisation_id", "at"):
            latest[(rec_id, org_id)] = at
        recommendations = list(Recommendation.objects.all())
        for row in recommendations:
            row.status_changed_at = latest.get((row.pk, row.organisation_id), row.created_at)
            row.updated_at = max(row.status_changed_at, row.created_at)
        # bulk_update writes with UPDATE: auto_now does not move updated_at back to now.
        Recommendation.objects.bulk_update(recommendations, ["status_changed_at", "updated_at"])
        shared = {}
        for report in ProgressReport.objects.filter(recommendation__isnull=False, visibility__in=[
                Visibility.SECRETARIAT, Visibility.PUBLIC]).order_by("period_end", "id"):
            shared[(report.recommendation_id, report.organisation_id)] = report.created_at
        addressees = list(Addressee.objects.all())
        for row in addressees:
            row.status_changed_at = latest.get((row.recommendation_id, row.organisation_id))
            row.shared_at = shared.get((row.recommendation_id, row.organisation_id)) if row.shared_status else None
        Addressee.objects.bulk_update(addressees, ["status_changed_at", "shared_at"])
        measure_latest = dict(MeasureStatusChange.objects.order_by("at", "id").values_list("measure_id", "at"))
        measures = list(Measure.objects.all())
        for row in measures:
            row.status_changed_at = measure_latest.get(row.pk, row.status_changed_at)
        Measure.objects.bulk_update(measures, ["status_changed_at"])


# Rows the domain functions stamp with the current time, and their date field.
STAMPED = [(StatusChange, "at"), (MeasureStatusChange, "at"), (ProgressReport, "created_at"),
           (IndicatorValue, "recorded_at"), (Cluster, "created_at")]


def _followup_exists() -> bool:
    return (Organisation.objects.filter(kind=Organisation.Kind.SECRETARIAT).exists()
            or Source.objects.exists() or Recommendation.objects.exists() or Strategy.objects.exists()
            or Indicator.objects.exists() or ExternalBody.objects.exists())


def _compose(opener, topic, place, closer, theme_label: str) -> dict[str, str]:
    """The recommendation in the three languages from its opening, topic, place and closing clause."""
    out = {}
    for i, lang in enumerate(("ar", "en", "fr")):
        if not opener[i]:
            out[lang] = ""
            continue
        phrase = getattr(topic, lang).replace("{place}", place[i]) + closer[i]
        text = opener[i]
        if lang == "fr" and phrase.startswith(FRENCH_VOWELS):
            text = text.replace(" de {x}", " d'{x}")
        text = text.replace("{X}", phrase[:1].upper() + phrase[1:]).replace("{x}", phrase)
        out[lang] = text.replace("{theme}", theme_label) + "."
    return out


def _quarter_start(day: date) -> date:
    return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)


def _add_months(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _quarter_end(day: date) -> date:
    return _add_months(_quarter_start(day), 3) - timedelta(days=1)


def _append_private(path: Path, text: str) -> None:
    """Add to the logins file, readable by its owner only (created so if seed_demo did not write it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as handle:
        handle.write(text)
    path.chmod(0o600)
