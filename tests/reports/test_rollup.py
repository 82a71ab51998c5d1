"""The statistics rollup (mizan/reports/rollup.py): after any sequence of domain actions its
figures are those counted from the cases, for every period and every "today"; a rebuild gives
the same counters; drift is detected; a stale rollup is not read; its query count is constant."""

import io
import random
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mizan.complaints.errors import Conflict, Invalid, NotAllowed
from mizan.complaints.intake import clean_intake
from mizan.complaints.models import Case, Category
from mizan.complaints.retention import anonymise_case
from mizan.complaints.services import (
    add_allegation,
    assign_case,
    mark_duplicate,
    post_complainant_message,
    post_message,
    set_categories,
    set_urgency,
    submit_complaint,
    transition_case,
)
from mizan.reports import rollup
from mizan.reports.imports import start_import
from mizan.reports.models import CaseContribution, StatisticsCount, StatisticsRollup
from mizan.reports.statistics import Filters, Period, overview

from .conftest import overview_queries_with_one_then_four_cases

CATEGORIES = ["torture", "arbitrary_detention", "due_process", "detention_conditions", "police_conduct",
              "disappearance"]
FINDINGS = ["substantiated", "partly_substantiated", "not_substantiated", "mediation", "outside_mandate"]
GROUPS = ["woman", "child", "disability", "detainee"]


def counters(org) -> list[tuple]:
    return sorted((g, str(s), d, k, n) for g, s, d, k, n in StatisticsCount.objects.filter(organisation=org)
                  .values_list("grain", "start", "dimension", "key", "n") if n)


def periods(today: date) -> list[Period]:
    return [Period.last_months(today), Period.last_months(today, 3), Period.year(today.year),
            Period.year(today.year - 1), Period(today - timedelta(days=100), today),
            Period(today - timedelta(days=420), today), Period(date(today.year - 1, 2, 10), date(today.year - 1, 3, 20)),
            Period(today.replace(day=1), today)]


def assert_rollup_equals_direct(org, settings):
    today = timezone.localdate()
    for day in (today, today + timedelta(days=9), today + timedelta(days=45), today + timedelta(days=200)):
        for period in periods(today):
            settings.MIZAN_STATISTICS_ROLLUP = True
            from_rollup = overview(org, period, today=day, use_cache=False)
            settings.MIZAN_STATISTICS_ROLLUP = False
            direct = overview(org, period, today=day, use_cache=False)
            settings.MIZAN_STATISTICS_ROLLUP = True
            assert from_rollup == direct, (period, day)
    assert rollup.drift(org.pk)["differences"] == 0


class Actions:
    """Random domain actions on the organisation's cases; an action the case's state does not
    allow is refused by the domain function and changes nothing."""

    def __init__(self, rng, org, staff, places, file_case, capture):
        self.rng, self.org, self.staff, self.places, self.file_case = rng, org, staff, places, file_case
        self.capture = capture
        self.cases: list[Case] = []

    def pick(self, *statuses) -> Case:
        """A case, one in `statuses` when there is one."""
        ids = [c.pk for c in self.cases]
        among = list(Case.objects.filter(pk__in=ids, status__in=statuses).values_list("pk", flat=True)) if statuses else []
        return Case.objects.get(pk=self.rng.choice(sorted(among) or ids))

    def create(self):
        rng = self.rng
        where = rng.choice([{}, {"governorate": "giza"}, {"facility": str(self.places["station"].pk)},
                            {"facility": str(self.places["prison"].pk)}])
        received = timezone.now() - timedelta(days=rng.choice([0, 1, 3, 20, 40, 75, 130, 200, 300, 370, 400]),
                                              hours=rng.randint(0, 23), minutes=rng.randint(0, 59))
        case, _receipt = self.file_case(
            "ضربوني في القسم", received_at=received, channel=rng.choice(["web", "phone", "letter"]),
            categories=rng.sample(CATEGORIES, rng.choice([0, 1, 1, 2, 3])) or [],
            vulnerabilities=rng.sample(GROUPS, rng.choice([0, 0, 1, 2])), urgency=rng.choice(["", "high", "low"]),
            **where)
        self.cases.append(case)

    def acknowledge(self):
        if self.rng.random() < 0.5:
            assign_case(actor=self.staff["supervisor"], case=self.pick(), officer=self.staff["officer"])
        else:
            post_message(actor=self.staff["officer"], case=self.pick(), body="نرجو إرسال التفاصيل")

    def step(self):
        case = self.pick("received", "under_review")
        target = {"received": "under_review", "under_review": "in_progress"}.get(case.status)
        if target:
            transition_case(actor=self.staff["officer"], case=case, to=target)

    def wait_and_reply(self):
        case = self.pick()
        if case.status == "in_progress":
            transition_case(actor=self.staff["officer"], case=case, to="request_information", note="أرسل التقرير")
        elif case.status == "awaiting_complainant":
            post_complainant_message(case=case, body="أرسلت التقرير")

    def resolve(self):
        case = self.pick("in_progress")
        findings = {a.pk: {"finding": self.rng.choice(FINDINGS)} for a in case.allegations.all()}
        transition_case(actor=self.staff["officer"], case=case, to="resolved", note="تم التحقيق", findings=findings)

    def close_or_reopen(self):
        case = self.pick("resolved", "closed", "inadmissible")
        if case.status == "resolved" and self.rng.random() < 0.5:
            transition_case(actor=self.staff["officer"], case=case, to="closed")
        else:
            transition_case(actor=self.staff["supervisor"], case=case, to="in_progress", note="تظلم")

    def end_early(self):
        case = self.pick()
        if self.rng.random() < 0.5:
            transition_case(actor=self.staff["officer"], case=case, to="withdrawn")
        else:
            transition_case(actor=self.staff["officer"], case=case, to="inadmissible", note="خارج الاختصاص")

    def edit(self):
        case, rng = self.pick(), self.rng
        choice = rng.random()
        if choice < 0.4:
            add_allegation(actor=self.staff["officer"], case=case, category=Category.objects.get(code=rng.choice(CATEGORIES)),
                           facility=rng.choice([None, self.places["prison"]]))
        elif choice < 0.7:
            set_categories(actor=self.staff["officer"], case=case,
                           categories=list(Category.objects.filter(code__in=rng.sample(CATEGORIES, rng.randint(0, 2)))))
        else:
            set_urgency(actor=self.staff["officer"], case=case, urgency=rng.choice(["critical", "normal", "low"]))

    def merge(self):
        if len(self.cases) > 1:
            a, b = self.rng.sample(self.cases, 2)
            mark_duplicate(actor=self.staff["officer"], case=Case.objects.get(pk=a.pk), original=b)

    def anonymise(self):
        anonymise_case(case=self.pick())

    def import_rows(self):
        day = timezone.localdate() - timedelta(days=self.rng.randint(0, 380))
        lines = ["external_id,received_date,channel,narrative,categories,governorate,vulnerabilities",
                 f"X-{self.rng.random()},{day.isoformat()},phone,احتجزوني يومين بدون عرض على النيابة,"
                 f"arbitrary_detention;torture,giza,child",
                 f"Y-{self.rng.random()},{day.isoformat()},letter,They took my brother and nobody says where,"
                 "disappearance,,"]
        before = set(Case.objects.filter(organisation=self.org).values_list("pk", flat=True))
        with self.capture(execute=True):
            start_import(actor=self.staff["intake"], organisation=self.org, name="rows.csv",
                         data="\r\n".join(lines).encode(), skip_rejected=True)
        self.cases += list(Case.objects.filter(organisation=self.org).exclude(pk__in=before))

    def run(self, steps: int):
        actions = [self.create] * 4 + [self.acknowledge, self.step, self.step, self.wait_and_reply, self.resolve,
                                       self.resolve, self.close_or_reopen, self.end_early, self.edit, self.edit,
                                       self.merge, self.anonymise, self.import_rows]
        for _ in range(4):
            self.create()
        done = []
        for _ in range(steps):
            action = self.rng.choice(actions)
            try:
                action()
                done.append(action.__name__)
            except (Conflict, Invalid, NotAllowed):
                pass  # not allowed in the case's state: nothing changed
        return done


@pytest.mark.parametrize("seed", [1, 2])
def test_rollup_equals_direct_counts_after_random_domain_actions(org, other_org, staff, places, file_case,
                                                                 django_capture_on_commit_callbacks, settings, seed):
    cleaned, errors = clean_intake(other_org, {"narrative": "احتجاز تعسفي", "categories": ["torture"],
                                               "anonymous": True})
    assert errors == {}
    submit_complaint(organisation=other_org, channel="web", **cleaned)  # never counted for `org`
    actions = Actions(random.Random(seed), org, staff, places, file_case, django_capture_on_commit_callbacks)
    done = actions.run(70)
    assert {"create", "resolve", "close_or_reopen", "merge", "anonymise", "import_rows"} <= set(done)

    assert_rollup_equals_direct(org, settings)
    assert_rollup_equals_direct(other_org, settings)

    # the rebuild recounts exactly what the changes kept
    kept = counters(org)
    states = dict(CaseContribution.objects.filter(organisation=org).values_list("case_id", "state"))
    rollup.rebuild(org.pk)
    assert counters(org) == kept
    assert dict(CaseContribution.objects.filter(organisation=org).values_list("case_id", "state")) == states


def test_rollup_serves_the_unfiltered_overview_with_a_constant_number_of_queries(org, file_case):
    one, four, data, _p = overview_queries_with_one_then_four_cases(org, file_case)

    assert data.received == 4
    statistics_queries = [q["sql"] for q in four.captured_queries if "reports_statisticscount" in q["sql"]]
    # labels (3), data versions (1), stale or not (1), the counters (2); no query over the cases
    assert len(one.captured_queries) == len(four.captured_queries) == 7
    assert len(statistics_queries) == 2
    assert not [q for q in four.captured_queries if '"complaints_case"' in q["sql"]]


def test_filtered_overview_is_counted_from_the_cases(org, file_case):
    file_case("الأولى", governorate="giza")
    with CaptureQueriesContext(connection) as ctx:
        data = overview(org, Period.last_months(timezone.localdate(), 2), Filters(governorate="giza"), use_cache=False)
    assert data.received == 1
    assert not [q for q in ctx.captured_queries if "reports_statisticscount" in q["sql"]]


def test_stale_rollup_is_not_read_until_rebuilt(org, file_case, settings):
    case, _receipt = file_case("الأولى")
    Case.objects.filter(pk=case.pk).update(status="in_progress")  # written without a domain function
    rollup.mark_stale(org.pk)
    p = Period.last_months(timezone.localdate(), 2)

    with CaptureQueriesContext(connection) as ctx:
        data = overview(org, p, use_cache=False)
    assert [(row.key, row.complaints) for row in data.by_status] == [("in_progress", 1)]
    assert not [q for q in ctx.captured_queries if "reports_statisticscount" in q["sql"]]

    call_command("rebuild_statistics", stdout=io.StringIO())
    assert rollup.ready(org.pk)
    assert StatisticsRollup.objects.get(organisation=org).rebuilt_at is not None
    with CaptureQueriesContext(connection) as ctx:
        assert overview(org, p, use_cache=False) == data
    assert [q for q in ctx.captured_queries if "reports_statisticscount" in q["sql"]]


def test_check_reports_drift_and_rebuild_repairs_it(org, file_case, staff):
    case, _receipt = file_case("الأولى")
    out = io.StringIO()
    call_command("rebuild_statistics", "--check", stdout=out)
    assert "0 differ" in out.getvalue()

    Case.objects.filter(pk=case.pk).update(status="in_progress")  # behind the rollup's back
    out = io.StringIO()
    with pytest.raises(CommandError, match="differs from the cases"):
        call_command("rebuild_statistics", "--check", stdout=out)
    assert "s 'in_progress': stored 0, recounted 1" in out.getvalue()

    call_command("rebuild_statistics", "--organisation", org.slug, stdout=io.StringIO())
    call_command("rebuild_statistics", "--check", stdout=io.StringIO())  # no drift left


def test_next_domain_change_of_a_case_heals_what_was_written_behind_its_back(org, file_case, staff, settings):
    case, _receipt = file_case("الأولى")
    Case.objects.filter(pk=case.pk).update(channel="letter")
    assert rollup.drift(org.pk)["differences"]
    post_message(actor=staff["officer"], case=case, body="نرجو إرسال التفاصيل")
    assert rollup.drift(org.pk)["differences"] == 0


def test_a_refused_change_leaves_the_rollup_as_it_was(org, file_case, staff):
    case, _receipt = file_case("الأولى")
    kept = counters(org)
    with pytest.raises(Conflict):
        transition_case(actor=staff["officer"], case=case, to="closed")
    assert counters(org) == kept


def test_demo_data_leaves_no_drift(db, tmp_path, settings):
    """seed_demo dates each case's history after the domain functions ran: the rollup follows."""
    call_command("seed_demo", count=12, logins_file=str(tmp_path / "logins.txt"), stdout=io.StringIO())
    from mizan.accounts.models import Organisation

    for org in Organisation.objects.all():
        assert rollup.drift(org.pk)["differences"] == 0
        today = timezone.localdate()
        for period in (Period.last_months(today), Period.year(today.year - 1)):
            from_rollup = overview(org, period, use_cache=False)
            settings.MIZAN_STATISTICS_ROLLUP = False
            assert overview(org, period, use_cache=False) == from_rollup
            settings.MIZAN_STATISTICS_ROLLUP = True
