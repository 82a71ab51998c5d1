"""Benchmark: the follow-up dashboard's figures (`mizan.reports.followup_stats.overview`) at
50,000 recommendations, 5,000 measures and 300 indicators with values over 5 years, on SQLite or
PostgreSQL. Target (issue 15): at most 300 ms uncached.

A fresh database is made for the run (an SQLite file in a temporary folder, or, with
--database-url, a new PostgreSQL database beside the one named, dropped at the end) and migrated.
Rows are bulk-inserted (`bulk_create`, bypassing the domain functions): one ministry with 20 units
and 30 outside bodies; 200 sources of every kind; the recommendations, issued over the years, with
1-3 themes, a lead body for four in five (a supporting one for some), their status history (the
first row, then 0-3 changes spread over the years, the last one the recorded status); 2,000 more
recommendations of a regional secretariat addressed to the ministry (the member's own status
and a shared one); 3 plans of 3 phases, 30 goals, the measures (each answering 2 recommendations,
with its status history), and the indicators (monthly, quarterly or yearly) with a value for
every period.

Rows written in bulk bypass the domain functions, so the follow-up rollup (the dashboard's counts
of today's statuses, `mizan.reports.followup_rollup`, kept by a projection of every domain
function) knows nothing of them: the benchmark then runs `manage.py rebuild_statistics`, what an
installation runs after such a bulk load (timed; with --reuse too: it is idempotent). The planner's
statistics are then refreshed as `migrate` and the worker's hourly job do (`mizan.core.dbstats`;
on PostgreSQL `VACUUM ANALYZE`, what autovacuum does after such a load): without them SQLite
guesses its way from every recommendation to every measure of the organisation.

Then the overview is timed, the cache cleared before each call (the figures are never cached,
and nothing else may be): for the dashboard's default period (the last 12 months: today's
statuses, read from the rollup), the same counted from the records (`rollup=False`, the path
before the rollup; the run checks that both give the identical overview), a theme filter, a past
period (last calendar year: statuses read from the history, or from the rollup when at most half
of the recommendations changed since), the 12 months to the end of last month (few changed since:
from the rollup, and the same from the records; the run checks that both agree), and the
secretariat's figures (its table by member). Also timed: the rollup's share of one change of status
(`followup_rollup.update` of one recommendation, rolled back). p50 / p95 over --repeat calls, the number of
queries of one call, and the machine's load (/proc/loadavg) before and after: run it alone.

    .venv/bin/python bench/followup_dashboard.py [--repeat 15]
    .venv/bin/python bench/followup_dashboard.py --database-url postgres://postgres@127.0.0.1:5432/test
    .venv/bin/python bench/followup_dashboard.py --keep                 # keep the data, print where
    .venv/bin/python bench/followup_dashboard.py --reuse /tmp/mizan-fu-bench-xyz   # SQLite: the folder
    .venv/bin/python bench/followup_dashboard.py --database-url postgres://... --reuse mizan_fu_bench_123

Prints one JSON object. Not a test.
"""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import argparse  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import random  # noqa: E402
import shutil  # noqa: E402
import statistics as stats  # noqa: E402
import time  # noqa: E402
from datetime import date, datetime, timedelta  # noqa: E402
from decimal import Decimal  # noqa: E402

ENV = {
    "DJANGO_SETTINGS_MODULE": "mizan.settings", "MIZAN_TASKS_INLINE": "never",
    "SECRET_KEY": "bench-secret-key-not-for-production-0123456789abcdef",
    "MIZAN_DATA_KEY": "bench1:" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVowMTIzNDU=",
    "MIZAN_HASH_KEY": "bench-hash-key-not-for-production", "DB_CONN_MAX_AGE": "0",
}
BATCH = 5_000
STATUSES = (["not_started"] * 20) + (["in_progress"] * 35) + (["partly_implemented"] * 15) + \
    (["implemented"] * 18) + (["not_implemented"] * 7) + (["no_longer_relevant"] * 5)
MEASURE_STATUSES = (["planned"] * 25) + (["in_progress"] * 40) + (["completed"] * 20) + (["delayed"] * 12) + \
    (["cancelled"] * 3)
KINDS = ["conference", "treaty_body", "upr", "special_procedure", "nhri_report", "monitoring_visit",
         "complaints_pattern", "other"]
FREQUENCIES = (["monthly"] * 2) + (["quarterly"] * 5) + (["yearly"] * 3)
MONTHS = {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}


def loadavg() -> str:
    try:
        return Path("/proc/loadavg").read_text().strip()
    except OSError:
        return "unavailable"


def setup_environment(args, tmp: Path) -> tuple[str | None, bool]:
    """Environment for a private Django; returns (PostgreSQL database name, reused?)."""
    os.environ.update({**ENV, "MIZAN_VAR_DIR": str(tmp)})
    if not args.database_url:
        os.environ.pop("DATABASE_URL", None)
        folder = Path(args.reuse) if args.reuse else tmp
        os.environ["SQLITE_PATH"] = str(folder / "bench.sqlite3")
        return None, bool(args.reuse)
    name = args.reuse or f"mizan_fu_bench_{os.getpid()}"
    if not args.reuse:
        import psycopg

        with psycopg.connect(args.database_url, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = args.database_url.rsplit("/", 1)[0] + "/" + name
    return name, bool(args.reuse)


def drop_database(args, name) -> None:
    import psycopg

    with psycopg.connect(args.database_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


def moment(day: date):
    from django.utils import timezone

    return timezone.make_aware(datetime(day.year, day.month, day.day, 10))


def build(args) -> dict:
    """Insert the data set; returns what was made and the seconds it took."""
    from django.db import transaction

    from mizan.accounts.models import Organisation, Unit
    from mizan.complaints.models import Category
    from mizan.followup.models import (
        Addressee,
        ExternalBody,
        Goal,
        Indicator,
        IndicatorValue,
        Measure,
        MeasureStatusChange,
        Phase,
        Recommendation,
        ResponsibleBody,
        Source,
        StatusChange,
        Strategy,
    )

    rng = random.Random(args.seed)
    t0 = time.perf_counter()
    today = date.today()
    first = date(today.year - args.years, today.month, 1)
    span = (today - first).days

    def day() -> date:
        return first + timedelta(days=rng.randrange(span))

    def later(start: date) -> date:
        return start + timedelta(days=rng.randrange(max((today - start).days, 1)))

    with transaction.atomic():
        org = Organisation.objects.create(slug="bench", kind="ministry", country="EG", reference_prefix="BN",
                                          name_ar="إدارة حقوق الإنسان", name_en="Human-rights department")
        sec = Organisation.objects.create(slug="bench-sec", kind="secretariat", country="TN", reference_prefix="BS",
                                          name_ar="الأمانة العامة", name_en="Secretariat",
                                          accepts_public_complaints=False)
        units = Unit.objects.bulk_create([Unit(organisation=org, code=f"u{i}", name_ar=f"وحدة {i}") for i in range(20)])
        bodies = ExternalBody.objects.bulk_create([ExternalBody(organisation=org, name_ar=f"جهة {i}")
                                                   for i in range(30)])
        sources = Source.objects.bulk_create([Source(organisation=org, kind=KINDS[i % len(KINDS)],
                                                     title_ar=f"مصدر {i}", date=day()) for i in range(200)])
        conference = Source.objects.create(organisation=sec, kind="conference", title_ar="المؤتمر", date=day())
        themes = list(Category.objects.filter(parent__isnull=True).values_list("pk", flat=True))

        def recommendations(owner, source_of, n):
            made = []
            for start in range(0, n, BATCH):
                rows = []
                for _ in range(min(BATCH, n - start)):
                    issued = day()
                    rows.append(Recommendation(organisation=owner, source=source_of(), text="توصية " * 20,
                                               issued_on=issued, status=rng.choice(STATUSES),
                                               created_at=moment(issued), status_changed_at=moment(later(issued)),
                                               is_public=rng.random() < 0.2))
                made += Recommendation.objects.bulk_create(rows)
            return made

        own = recommendations(org, lambda: rng.choice(sources), args.recommendations)
        addressed = recommendations(sec, lambda: conference, args.addressed)
        Through = Recommendation.themes.through
        links, responsible, history = [], [], []
        for rec in own + addressed:
            for theme in rng.sample(themes, rng.randint(1, 3)):
                links.append(Through(recommendation_id=rec.pk, category_id=theme))
            if rec.organisation_id == org.pk and rng.random() < 0.8:
                if rng.random() < 0.6:
                    responsible.append(ResponsibleBody(recommendation=rec, role="lead", unit=rng.choice(units)))
                else:
                    responsible.append(ResponsibleBody(recommendation=rec, role="lead", external=rng.choice(bodies)))
            history.append(StatusChange(recommendation=rec, organisation_id=rec.organisation_id, from_status="",
                                        to_status="not_started", at=rec.created_at))
            when, before = rec.created_at.date(), "not_started"
            # at least one change when the status is not the first one: the history ends at the
            # recorded status, as the domain functions keep it
            steps = rng.randint(0 if rec.status == "not_started" else 1, 3)
            for step in range(steps):
                when = later(when)
                after = rec.status if step == steps - 1 else rng.choice(STATUSES)
                history.append(StatusChange(recommendation=rec, organisation_id=rec.organisation_id,
                                            from_status=before, to_status=after, at=moment(when)))
                before = after
        Through.objects.bulk_create(links, batch_size=BATCH)
        ResponsibleBody.objects.bulk_create(responsible, batch_size=BATCH)
        member_rows, member_history = [], []
        for rec in addressed:
            status = rng.choice(STATUSES)
            member_rows.append(Addressee(recommendation=rec, organisation=org, status=status,
                                         shared_status=status if rng.random() < 0.5 else ""))
            member_history.append(StatusChange(recommendation=rec, organisation=org, from_status="",
                                               to_status=status, at=rec.created_at))
        Addressee.objects.bulk_create(member_rows, batch_size=BATCH)
        StatusChange.objects.bulk_create(history + member_history, batch_size=BATCH)

        goals = []
        for s in range(3):
            strategy = Strategy.objects.create(organisation=org, title_ar=f"خطة {s + 1}", starts_on=first)
            for p in range(3):
                phase = Phase.objects.create(strategy=strategy, number=p + 1, title_ar=f"المرحلة {p + 1}")
                goals += [Goal.objects.create(phase=phase, number=g + 1, title_ar=f"هدف {g + 1}")
                          for g in range(args.goals // 9 or 1)]
        measures = []
        for i in range(args.measures):
            start = day()
            measures.append(Measure(goal=goals[i % len(goals)], organisation=org, number=i // len(goals) + 1,
                                    title_ar=f"تدبير {i}", starts_on=start, due_on=start + timedelta(days=365),
                                    status=rng.choice(MEASURE_STATUSES), status_changed_at=moment(start)))
        measures = Measure.objects.bulk_create(measures, batch_size=BATCH)
        MeasureThrough = Measure.recommendations.through
        MeasureThrough.objects.bulk_create([MeasureThrough(measure_id=m.pk, recommendation_id=rec.pk)
                                            for m in measures for rec in rng.sample(own, 2)], batch_size=BATCH)
        MeasureStatusChange.objects.bulk_create([MeasureStatusChange(measure=m, from_status="", to_status=m.status,
                                                                     at=m.status_changed_at) for m in measures],
                                                batch_size=BATCH)
        indicators = Indicator.objects.bulk_create([
            Indicator(organisation=org, name_ar=f"مؤشر {i}", measure=measures[i], frequency=rng.choice(FREQUENCIES),
                      baseline_value=Decimal(rng.randint(0, 50)), baseline_on=first - timedelta(days=1),
                      target_value=Decimal(rng.randint(60, 100)), target_on=today + timedelta(days=365))
            for i in range(args.indicators)])
        values = []
        for indicator in indicators:
            step = MONTHS[indicator.frequency]
            start = first
            while True:
                index = start.year * 12 + start.month - 1 + step
                end = date(index // 12, index % 12 + 1, 1) - timedelta(days=1)
                if end >= today:
                    break
                values.append(IndicatorValue(indicator=indicator, period_start=start, period_end=end,
                                             value=Decimal(rng.randint(0, 100))))
                start = end + timedelta(days=1)
        IndicatorValue.objects.bulk_create(values, batch_size=BATCH)
    return {"seconds": round(time.perf_counter() - t0, 1), "recommendations": len(own), "addressed": len(addressed),
            "status_changes": len(history) + len(member_history), "measures": len(measures),
            "indicators": len(indicators), "indicator_values": len(values)}


def timed(function, repeat: int, clear) -> tuple[object, list[float], list[float]]:
    """(result, wall-clock seconds, this process's CPU seconds) of each call: on SQLite the
    database works inside this process, so the CPU time is the cost without the machine's load."""
    times, cpu, result = [], [], None
    for _ in range(repeat):
        clear()
        t0, c0 = time.perf_counter(), time.process_time()
        result = function()
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return result, times, cpu


def one_change(repeat: int, org) -> dict:
    """The rollup's share of a change of status: `followup_rollup.update` of one recommendation
    whose status was just changed, in a transaction rolled back (p50 over `repeat` changes)."""
    from django.db import transaction

    from mizan.followup.models import Recommendation
    from mizan.reports import followup_rollup

    ids = list(Recommendation.objects.filter(organisation=org).order_by("pk").values_list("pk", flat=True)[:repeat])
    times, cpu = [], []
    for pk in ids:
        with transaction.atomic():
            Recommendation.objects.filter(pk=pk).update(status="no_longer_relevant")
            t0, c0 = time.perf_counter(), time.process_time()
            followup_rollup.update([pk])
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
            transaction.set_rollback(True)
    return summary(times, cpu)


def summary(times: list[float], cpu: list[float]) -> dict:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50_ms": round(stats.median(ordered) * 1000, 1), "p95_ms": round(p95 * 1000, 1),
            "min_ms": round(ordered[0] * 1000, 1), "max_ms": round(ordered[-1] * 1000, 1), "runs": len(ordered),
            "cpu_p50_ms_this_process": round(stats.median(cpu) * 1000, 1)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recommendations", type=int, default=50_000)
    parser.add_argument("--addressed", type=int, default=2_000, help="a secretariat's, addressed to the ministry")
    parser.add_argument("--measures", type=int, default=5_000)
    parser.add_argument("--goals", type=int, default=30)
    parser.add_argument("--indicators", type=int, default=300)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--database-url", default="",
                        help="PostgreSQL server (a database of this server is made for the run); SQLite without")
    parser.add_argument("--keep", action="store_true", help="keep the generated data and print where it is")
    parser.add_argument("--reuse", help="a folder (SQLite) or a database name (PostgreSQL) kept by --keep")
    args = parser.parse_args()

    tmp = Path(args.reuse) if args.reuse and not args.database_url else Path(tempfile.mkdtemp(prefix="mizan-fu-bench-"))
    pg_name, reused = setup_environment(args, tmp)
    keep = args.keep or reused
    load_before = loadavg()
    try:
        import django

        django.setup()
        from django.core.cache import cache
        from django.core.management import call_command
        from django.db import connection, connections
        from django.test.utils import CaptureQueriesContext
        from django.utils import timezone, translation

        from mizan.accounts.models import Organisation
        from mizan.core.dbstats import refresh_statistics
        from mizan.reports import followup_stats
        from mizan.reports.models import FollowupContribution, FollowupCount
        from mizan.reports.statistics import Period

        translation.activate("ar")
        call_command("migrate", verbosity=0, interactive=False)
        built = None if reused else build(args)
        # What an installation runs after a bulk load: the rollups recounted from the records.
        t0 = time.perf_counter()
        call_command("rebuild_statistics", stdout=io.StringIO())
        rollup_seconds = round(time.perf_counter() - t0, 1)
        # The planner's statistics, as `migrate` and the worker's hourly job leave them
        # (mizan.core.dbstats; PostgreSQL: ANALYZE, as autovacuum would after such a load).
        t0 = time.perf_counter()
        if connection.vendor == "sqlite":
            refresh_statistics()
        else:
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        statistics_seconds = round(time.perf_counter() - t0, 1)
        org, sec = Organisation.objects.get(slug="bench"), Organisation.objects.get(slug="bench-sec")
        today = timezone.localdate()
        runs = {
            "default_period": lambda: followup_stats.overview(org, Period.last_months(today), today=today,
                                                              chart_indicators=12),
            "default_period_direct": lambda: followup_stats.overview(org, Period.last_months(today), today=today,
                                                                     chart_indicators=12, rollup=False),
            "theme_filter": lambda: followup_stats.overview(org, Period.last_months(today),
                                                            followup_stats.Filters(theme="torture"), today=today,
                                                            chart_indicators=12),
            "past_year_from_history": lambda: followup_stats.overview(org, Period.year(today.year - 1), today=today,
                                                                      chart_indicators=12),
            # the 12 months to the end of last month: few recommendations changed since, so today's
            # counters with those put back (followup_rollup.figures_at)
            "past_12_months_to_last_month": lambda: followup_stats.overview(
                org, Period.last_months(today.replace(day=1) - timedelta(days=1)), today=today, chart_indicators=12),
            "past_12_months_to_last_month_direct": lambda: followup_stats.overview(
                org, Period.last_months(today.replace(day=1) - timedelta(days=1)), today=today, chart_indicators=12,
                rollup=False),
            "secretariat_members": lambda: followup_stats.overview(sec, Period.last_months(today), today=today,
                                                                   chart_indicators=12),
        }
        results = {}
        for name, run in runs.items():
            run()  # a first call outside the timings: the database's own caches warm as in use
            data, times, cpu = timed(run, args.repeat, cache.clear)
            with CaptureQueriesContext(connection) as queries:
                run()
            results[name] = {**summary(times, cpu), "queries": len(queries), "recommendations_counted": data.total}
        assert runs["default_period"]() == runs["default_period_direct"](), "the rollup and the records disagree"
        assert runs["past_12_months_to_last_month"]() == runs["past_12_months_to_last_month_direct"](), \
            "the rollup at a past day and the records disagree"
        results["one_change_projection"] = one_change(args.repeat, org)
        rollup_size = {"counters": FollowupCount.objects.exclude(n=0).count(),
                       "contributions": FollowupContribution.objects.count()}
        print(json.dumps({
            "benchmark": "follow-up dashboard figures (reports.followup_stats.overview), uncached",
            "backend": connection.vendor, "built": built, "rebuild_statistics_seconds": rollup_seconds,
            "rollup": rollup_size, "planner_statistics_seconds": statistics_seconds,
            "results": results,
            "target_ms": 300, "machine": {"python": platform.python_version(), "platform": platform.platform(),
                                           "cpus": os.cpu_count()},
            "loadavg_before": load_before, "loadavg_after": loadavg(),
            "kept": (pg_name or str(tmp)) if keep else None,
        }, ensure_ascii=False, indent=2))
        connections.close_all()
    finally:
        if pg_name and not keep:
            drop_database(args, pg_name)
        if not (keep and not args.database_url):  # the folder holds the SQLite file only when kept
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
