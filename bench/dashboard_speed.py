"""Benchmark: the statistics overview (desk dashboard) at 1,000,000 complaints, SQLite or PostgreSQL.

A fresh database is made for the run (an SQLite file in a temporary folder, or a new PostgreSQL
database that is dropped at the end) and migrated. N complaints of one organisation are
bulk-inserted, received over the last --months months (oldest first, so ids grow with time, as
in real use), with 1-3 allegations each (findings on the decided ones), categories, vulnerability
markers on a quarter of them, 27 governorates, 200 places, six channels and deadlines met or
missed. Narratives are real-length texts from bench/generate.py.

The rows bypass the domain functions, so the statistics rollup (mizan/reports/rollup.py) is
then rebuilt from them, timed (`rollup.rebuild`, what `manage.py rebuild_statistics` runs); on
--reuse it is rebuilt only when missing or stale (or with --rebuild). `rollup.drift` (what
`manage.py rebuild_statistics --check` runs) is timed too and must find no difference.

Then `mizan.reports.statistics.overview` is timed:
  - uncached (`use_cache=False`), for the dashboard's default period (the last 12 months), the
    whole history (both from the rollup), and with a governorate, a category and a vulnerability
    filter (counted from the cases); the default period and the whole history are also counted
    from the cases (MIZAN_STATISTICS_ROLLUP=False: the direct path, the named baseline) and must
    give the same Overview;
  - cached (the database cache of settings.CACHES, as in production);
  - after a write through a domain function (the data version changes, so the next call
    computes again), and the rollup's share of a write (`rollup.update_case` alone);
  - the whole dashboard page (GET /desk/reports/ as a supervisor), uncached and cached.
Baselines measured in the same run: the direct path (above); the same default-period figures
computed by loading the rows into Python (what a dashboard without GROUP BY does), and the
uncached direct path without the two statistics indexes (dropped, timed, created again).

    .venv/bin/python bench/dashboard_speed.py --n 1000000 [--backend sqlite|postgres] [--repeat 5]
    .venv/bin/python bench/dashboard_speed.py --n 1000000 --keep      # keep the database, print where
    .venv/bin/python bench/dashboard_speed.py --reuse /tmp/mizan-dash-bench-xyz/bench.sqlite3
    .venv/bin/python bench/dashboard_speed.py --backend postgres --reuse mizan_dash_bench_1234

Prints one JSON object. Not a test.
"""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import argparse  # noqa: E402
import hashlib  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import random  # noqa: E402
import shutil  # noqa: E402
import statistics as stats  # noqa: E402
import time  # noqa: E402
from datetime import timedelta  # noqa: E402

BATCH = 20_000
CHANNELS = (["web"] * 55) + (["phone"] * 15) + (["walk_in"] * 10) + (["letter"] * 8) + (["email"] * 7) + (["api"] * 5)
URGENCIES = ["low", "normal", "normal", "normal", "normal", "high", "critical"]
VULNERABILITIES = ["woman", "child", "disability", "older_person", "detainee", "migrant"]
FINDINGS = (["substantiated"] * 25) + (["partly_substantiated"] * 15) + (["not_substantiated"] * 35) + \
    (["mediation"] * 15) + (["outside_mandate"] * 10)
OLD_STATUSES = (["closed"] * 60) + (["resolved"] * 12) + (["inadmissible"] * 6) + (["withdrawn"] * 5) + \
    (["in_progress"] * 10) + (["referred"] * 4) + (["awaiting_complainant"] * 3)
RECENT_STATUSES = (["received"] * 25) + (["under_review"] * 20) + (["in_progress"] * 30) + \
    (["awaiting_complainant"] * 5) + (["referred"] * 5) + (["resolved"] * 10) + (["withdrawn"] * 5)
ENV = {
    "DJANGO_SETTINGS_MODULE": "mizan.settings", "MIZAN_TASKS_INLINE": "never",
    "SECRET_KEY": "bench-secret-key-not-for-production-0123456789abcdef",
    "MIZAN_DATA_KEY": "bench1:" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVowMTIzNDU=",
    "MIZAN_HASH_KEY": "bench-hash-key-not-for-production", "DB_CONN_MAX_AGE": "0",
}


def setup_environment(args, tmp: Path) -> tuple[str | None, bool]:
    """Environment for a private Django; returns (PostgreSQL database name, reused?)."""
    os.environ.update({**ENV, "MIZAN_VAR_DIR": str(tmp)})
    (tmp / "static").mkdir(exist_ok=True)
    if args.backend == "sqlite":
        os.environ.pop("DATABASE_URL", None)
        os.environ["SQLITE_PATH"] = args.reuse or str(tmp / "bench.sqlite3")
        return None, bool(args.reuse)
    name = args.reuse or f"mizan_dash_bench_{os.getpid()}"
    if not args.reuse:
        import psycopg

        with psycopg.connect(args.pg_url, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = args.pg_url.rsplit("/", 1)[0] + "/" + name
    return name, bool(args.reuse)


def teardown(args, pg_name, tmp: Path, *, keep: bool, keep_tmp: bool) -> None:
    """After a run: close the connections, drop the run's PostgreSQL database and remove its
    temporary folder, unless kept."""
    from django.db import connections

    connections.close_all()
    if pg_name and not keep:
        drop_database(args, pg_name)
    if not keep_tmp:
        shutil.rmtree(tmp, ignore_errors=True)


def drop_database(args, name):
    import psycopg

    with psycopg.connect(args.pg_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


CASE_COLUMNS = ("id", "organisation_id", "reference", "receipt_hash", "channel", "language", "narrative",
                "governorate_id", "facility_id", "place_details", "urgency", "status", "anonymous", "identity_consent",
                "received_at", "acknowledged_at", "first_action_at", "first_action_due", "resolution_due",
                "paused_working_days", "first_action_breached", "resolution_breached", "referred_to", "resolved_at",
                "closed_at", "decided_at", "public_outcome", "version", "updated_at")
ALLEGATION_COLUMNS = ("id", "case_id", "category_id", "governorate_id", "facility_id", "summary", "finding",
                      "finding_note", "created_at")


class Writer:
    """Rows straight into the tables: COPY on PostgreSQL, executemany on SQLite (both many times
    faster than building model instances)."""

    def __init__(self, connection):
        self.connection = connection
        self.ops = connection.ops

    def moment(self, value):
        return None if value is None else self.ops.adapt_datetimefield_value(value)

    def day(self, value):
        return None if value is None else self.ops.adapt_datefield_value(value)

    def write(self, table, columns, rows):
        if not rows:
            return
        if self.connection.vendor == "postgresql":
            raw = self.connection.connection
            with raw.cursor() as cursor, cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        marks = ", ".join(["%s"] * len(columns))
        with self.connection.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)


def build(args, progress):
    """Insert the organisation, its places and N complaints; returns seconds taken."""
    from django.db import connection, transaction
    from django.utils import timezone
    from generate import complaints

    from mizan.accounts.models import Facility, Governorate, Organisation
    from mizan.complaints.models import Category

    started = time.perf_counter()
    organisation = Organisation.objects.create(
        slug="bench", kind="ministry", country="EG", reference_prefix="B", name_ar="منظمة", name_en="Organisation",
        name_fr="Organisation", is_default_intake=True)
    governorates = [Governorate.objects.create(organisation=organisation, code=f"g{i}", name_ar=f"محافظة {i}",
                                               name_en=f"Governorate {i}", name_fr=f"Gouvernorat {i}")
                    for i in range(27)]
    facilities = [(f.pk, f.governorate_id) for f in (
        Facility.objects.create(organisation=organisation, kind="police_station", governorate=governorates[i % 27],
                                name_ar=f"قسم {i}", name_en=f"Station {i}", name_fr=f"Commissariat {i}")
        for i in range(200))]
    governorate_ids = [g.pk for g in governorates]
    categories = list(Category.objects.filter(parent__isnull=True).order_by("position").values_list("pk", flat=True))
    weights = [30, 25, 6, 15, 20, 10, 3, 4, 5, 3, 4, 5, 4, 2, 1, 3, 12, 3, 5][:len(categories)]
    texts = [c["text"] for c in complaints(2000, args.seed)]

    writer = Writer(connection)
    rng = random.Random(args.seed)
    now = timezone.now()
    stamp = writer.moment(now)
    span = timedelta(days=args.months * 30.44)
    offsets = sorted(rng.random() for _ in range(args.n))
    case_id = allegation_id = link_id = marker_id = 0
    for begin in range(0, args.n, BATCH):
        cases, allegations, links, markers = [], [], [], []
        for fraction in offsets[begin:begin + BATCH]:
            case_id += 1
            received = now - span + span * fraction
            age = (now - received).days
            status = rng.choice(OLD_STATUSES if age > 90 else RECENT_STATUSES)
            facility, governorate = rng.choice(facilities) if rng.random() < 0.85 else (None, None)
            if governorate is None and rng.random() < 0.7:
                governorate = rng.choice(governorate_ids)
            local = timezone.localtime(received).date()
            acted = status != "received" and not (status == "withdrawn" and rng.random() < 0.5)
            first_action = received + timedelta(hours=rng.expovariate(1 / 100)) if acted else None
            decided = status in ("resolved", "closed")
            resolved = received + timedelta(days=min(rng.expovariate(1 / 30), age)) if decided else None
            cases.append((
                case_id, organisation.pk, f"B-{received.year}-{case_id:07d}",
                hashlib.sha256(str(case_id).encode()).hexdigest(), rng.choice(CHANNELS), "ar", rng.choice(texts),
                governorate, facility, "", rng.choice(URGENCIES), status, rng.random() < 0.3, False,
                writer.moment(received), writer.moment(received), writer.moment(first_action),
                writer.day(local + timedelta(days=7)), writer.day(local + timedelta(days=42)), 0, False, False, "",
                writer.moment(resolved), writer.moment(resolved if status == "closed" else None),
                writer.moment(resolved), "", 1, stamp))
            for category in set(rng.choices(categories, weights, k=rng.choice([1, 1, 1, 2, 2, 3]))):
                allegation_id += 1
                link_id += 1
                allegations.append((allegation_id, case_id, category, governorate, facility, "",
                                    rng.choice(FINDINGS) if decided else "", "", stamp))
                links.append((link_id, case_id, category))
            if rng.random() < 0.25:
                for code in set(rng.choices(VULNERABILITIES, k=rng.choice([1, 1, 1, 2]))):
                    marker_id += 1
                    markers.append((marker_id, case_id, code))
        with transaction.atomic():
            writer.write("complaints_case", CASE_COLUMNS, cases)
            writer.write("complaints_allegation", ALLEGATION_COLUMNS, allegations)
            writer.write("complaints_casecategory", ("id", "case_id", "category_id"), links)
            writer.write("complaints_casevulnerability", ("id", "case_id", "code"), markers)
        if progress:
            print(f"{case_id}/{args.n} {time.perf_counter() - started:.0f}s", file=sys.stderr, flush=True)
    if connection.vendor == "postgresql":
        from django.core.management.color import no_style

        from mizan.complaints.models import Allegation, Case, CaseCategory, CaseVulnerability

        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [Case, Allegation, CaseCategory, CaseVulnerability]):
                cursor.execute(sql)
            cursor.execute("VACUUM ANALYZE")
    return time.perf_counter() - started


class Times(list):
    """Wall-clock seconds of each call, with this process's CPU seconds beside them (on SQLite the
    database works inside this process, so they show the cost without the other load)."""

    cpu: list


def timed(function, repeat):
    """(result, Times of each call)."""
    times, result = Times(), None
    times.cpu = []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        result = function()
        times.append(time.perf_counter() - t0)
        times.cpu.append(time.process_time() - c0)
    return result, times


def summary(times):
    result = {"median_ms": round(stats.median(times) * 1000, 1), "min_ms": round(min(times) * 1000, 1),
              "max_ms": round(max(times) * 1000, 1), "runs": len(times)}
    if getattr(times, "cpu", None):
        result["median_cpu_ms_this_process"] = round(stats.median(times.cpu) * 1000, 1)
    return result


def python_baseline(organisation, period):
    """The default period's headline figures computed by loading the rows into Python."""
    from collections import Counter

    from mizan.complaints.models import Allegation, Case
    from mizan.complaints.workflow import OPEN_STATES
    from mizan.reports.statistics import day_start

    start, end = day_start(period.start), day_start(period.end + timedelta(days=1))
    rows = list(Case.objects.filter(organisation=organisation, received_at__gte=start, received_at__lt=end)
                .values_list("id", "status", "channel", "governorate_id", "facility_id", "first_action_at",
                             "first_action_due", "resolved_at", "resolution_due", "received_at"))
    ids = {row[0] for row in rows}
    by = [Counter() for _ in range(4)]
    for row in rows:
        for i in range(4):
            by[i][row[i + 1]] += 1
    open_count = sum(1 for row in rows if row[1] in OPEN_STATES)
    allegations = Counter()
    for case_id, category_id, finding in Allegation.objects.filter(case__organisation=organisation).values_list(
            "case_id", "category_id", "finding").iterator(chunk_size=20000):
        if case_id in ids:
            allegations[(category_id, finding)] += 1
    return {"received": len(rows), "open": open_count, "allegations": sum(allegations.values())}


def page_timings(user, repeat):
    """GET /desk/reports/ through the whole stack except the network, uncached then cached."""
    from django.core.cache import cache
    from django.test import Client

    client = Client(HTTP_HOST="localhost")  # an ALLOWED_HOSTS name
    client.force_login(user)
    cache.clear()
    uncached = []
    for _ in range(repeat):
        cache.clear()
        t0 = time.perf_counter()
        response = client.get("/desk/reports/")
        uncached.append(time.perf_counter() - t0)
        assert response.status_code == 200, response.status_code
    client.get("/desk/reports/")
    _result, cached = timed(lambda: client.get("/desk/reports/"), max(repeat, 10))
    return {"page_uncached": summary(uncached), "page_cached": summary(cached), "page_bytes": len(response.content)}


def drop_statistics_indexes():
    from django.db import connection

    with connection.cursor() as cursor:
        for name in ("case_statistics", "allegation_statistics"):
            cursor.execute(f'DROP INDEX "{name}"')
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE complaints_case")
            cursor.execute("ANALYZE complaints_allegation")


def create_statistics_indexes():
    from django.db import connection

    from mizan.complaints.models import Allegation, Case

    t0 = time.perf_counter()
    with connection.schema_editor() as editor:
        for model, name in ((Case, "case_statistics"), (Allegation, "allegation_statistics")):
            editor.add_index(model, next(index for index in model._meta.indexes if index.name == name))
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE complaints_case")
            cursor.execute("VACUUM ANALYZE complaints_allegation")
    return time.perf_counter() - t0


def database_size():
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            return {"database_file_bytes": Path(connection.settings_dict["NAME"]).stat().st_size}
        cursor.execute("SELECT pg_database_size(current_database()), pg_relation_size('case_statistics'), "
                       "pg_relation_size('allegation_statistics'), pg_total_relation_size('reports_statisticscount'), "
                       "pg_total_relation_size('reports_casecontribution')")
        database, case_index, allegation_index, counts, contributions = cursor.fetchone()
        return {"database_bytes": database, "case_statistics_index_bytes": case_index,
                "allegation_statistics_index_bytes": allegation_index, "rollup_counters_bytes": counts,
                "rollup_contributions_bytes": contributions}


def rollup_rows():
    from mizan.reports.models import CaseContribution, StatisticsCount

    return {"counters": StatisticsCount.objects.count(), "day_counters": StatisticsCount.objects.filter(grain="d").count(),
            "contributions": CaseContribution.objects.count()}


def build_rollup(organisation, force):
    """Rebuild the organisation's rollup when missing or stale (or `force`); returns its times or None."""
    from mizan.reports import rollup
    from mizan.reports.models import StatisticsCount

    if not force and rollup.ready(organisation.pk) and StatisticsCount.objects.filter(
            organisation=organisation).exists():
        return None
    t0, c0 = time.perf_counter(), time.process_time()
    rollup.rebuild(organisation.pk)
    return {"seconds": round(time.perf_counter() - t0, 1), "cpu_seconds_this_process": round(time.process_time() - c0, 1)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--months", type=int, default=24, help="history spread over this many months")
    parser.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432/test",
                        help="A PostgreSQL server where a database may be created (and is dropped).")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the generated database and print where it is")
    parser.add_argument("--reuse", help="an SQLite file or a PostgreSQL database name kept by --keep")
    parser.add_argument("--skip-baselines", action="store_true")
    parser.add_argument("--skip-page", action="store_true", help="do not time the whole dashboard page")
    parser.add_argument("--progress", action="store_true")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the rollup even when it is ready (--reuse)")
    parser.add_argument("--skip-check", action="store_true", help="do not time the drift check")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="mizan-dash-bench-"))
    pg_name, reused = setup_environment(args, tmp)
    keep = args.keep or reused  # the database
    keep_tmp = args.keep and args.backend == "sqlite" and not reused  # the folder holding it
    try:
        import django

        django.setup()
        from django.contrib.auth import get_user_model
        from django.core.cache import cache
        from django.core.management import call_command
        from django.db import connection, reset_queries
        from django.test.utils import CaptureQueriesContext, override_settings
        from django.utils import timezone, translation

        from mizan.accounts import security
        from mizan.accounts.models import AccountSecurity, Membership, Organisation, Role
        from mizan.complaints.models import Case, Category
        from mizan.complaints.services import transition_case
        from mizan.reports import rollup
        from mizan.reports.statistics import Filters, Period, overview

        direct = override_settings(MIZAN_STATISTICS_ROLLUP=False)  # the direct path: GROUP BY over the cases

        translation.activate("ar")
        call_command("migrate", verbosity=0, interactive=False)
        if not args.skip_page:  # the page is served as in production: hashed static file names
            call_command("collectstatic", verbosity=0, interactive=False)
        build_seconds = None
        if not reused:
            build_seconds = build(args, args.progress)
        organisation = Organisation.objects.get(slug="bench")
        user, _created = get_user_model().objects.get_or_create(username="bench-supervisor")
        Membership.objects.get_or_create(user=user, defaults={"organisation": organisation, "role": Role.SUPERVISOR})
        AccountSecurity.objects.update_or_create(user=user, defaults={  # supervisors must have a second factor
            "totp_secret_enc": security.seal_secret("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", user.pk),
            "totp_confirmed_at": timezone.now()})
        cases_total = Case.objects.filter(organisation=organisation).count()
        if not reused:
            rollup.mark_stale(organisation.pk)  # the rows were written without the domain functions
        rollup_seconds = build_rollup(organisation, args.rebuild)
        check = None
        if not args.skip_check:
            t0, c0 = time.perf_counter(), time.process_time()
            found = rollup.drift(organisation.pk)
            check = {"seconds": round(time.perf_counter() - t0, 1),
                     "cpu_seconds_this_process": round(time.process_time() - c0, 1),
                     "differences": found["differences"], "counters": found["counters"]}
            assert found["differences"] == 0, found

        today = timezone.localdate()
        default = Period.last_months(today)
        first = timezone.localdate(Case.objects.filter(organisation=organisation).order_by("received_at")
                                   .values_list("received_at", flat=True).first())
        everything = Period(first, today)
        top = Category.objects.filter(parent__isnull=True).order_by("position").first()
        views = {
            "default_12_months": (default, Filters()),
            "whole_history": (everything, Filters()),
            "governorate_filter": (default, Filters(governorate="g3")),
            "category_filter": (default, Filters(category=top.code)),
            "vulnerability_filter": (default, Filters(vulnerability="child")),
        }

        report = {"backend": connection.vendor, "cases": cases_total, "months_of_history": args.months,
                  "build_seconds": round(build_seconds, 1) if build_seconds else "reused",
                  "rollup_rebuild": rollup_seconds or "reused",
                  "rollup_rows": rollup_rows(), "rollup_drift_check": check, **database_size(),
                  "load_average_at_start": os.getloadavg()}
        with CaptureQueriesContext(connection) as queries:
            data = overview(organisation, default, Filters(), use_cache=False)
        report["default_view"] = {"period": [default.start.isoformat(), default.end.isoformat()],
                                  "complaints": data.received, "allegations": data.allegations,
                                  "queries_uncached": len(queries)}
        uncached = {}
        for name, (period, filters) in views.items():
            _data, times = timed(lambda p=period, f=filters: overview(organisation, p, f, use_cache=False), args.repeat)
            uncached[name] = {**summary(times), "complaints": _data.received}
        report["overview_uncached"] = uncached
        # the named baseline: the same unfiltered views counted from the cases, and the same figures
        baseline = {}
        for name in ("default_12_months", "whole_history"):
            period, filters = views[name]
            with direct:
                counted, times = timed(lambda p=period, f=filters: overview(organisation, p, f, use_cache=False),
                                       args.repeat)
            assert counted == overview(organisation, period, filters, use_cache=False), name
            baseline[name] = {**summary(times), "complaints": counted.received, "same_overview_as_rollup": True}
        report["overview_uncached_direct_baseline"] = baseline
        report["load_average_after_uncached"] = os.getloadavg()

        cache.clear()
        t0 = time.perf_counter()
        overview(organisation, default, Filters())
        report["overview_first_call_fills_cache_ms"] = round((time.perf_counter() - t0) * 1000, 1)
        with CaptureQueriesContext(connection) as queries:
            overview(organisation, default, Filters())
        _data, times = timed(lambda: overview(organisation, default, Filters()), max(args.repeat, 20))
        report["overview_cached"] = {**summary(times), "queries": len(queries)}

        # a write through a domain function raises the data version: the next call computes again
        case = Case.objects.filter(organisation=organisation, status="received").order_by("-received_at").first()
        t0 = time.perf_counter()
        transition_case(actor=user, case=case, to="under_review")
        write_ms = (time.perf_counter() - t0) * 1000
        t0 = time.perf_counter()
        after = overview(organisation, default, Filters())
        from django.db import transaction

        def hook_only():
            with transaction.atomic():
                rollup.update_case(case)

        _none, times = timed(hook_only, 20)
        report["rollup_update_case_alone"] = summary(times)
        report["after_write_this_month"] = {
            "transition_ms": round(write_ms, 1), "next_overview_ms": round((time.perf_counter() - t0) * 1000, 1),
            "data_version": after.data_version,
            "under_review_now": next(r.complaints for r in after.by_status if r.key == "under_review")}
        # the same for a case received in a full month of the period (its month is counted again)
        month_ago = timezone.now() - timedelta(days=120)
        case = Case.objects.filter(organisation=organisation, status="in_progress", received_at__lt=month_ago
                                   ).order_by("-received_at").first()
        t0 = time.perf_counter()
        transition_case(actor=user, case=case, to="awaiting_complainant", note="Please send the medical report.")
        write_ms = (time.perf_counter() - t0) * 1000
        t0 = time.perf_counter()
        overview(organisation, default, Filters())
        report["after_write_older_month"] = {
            "received": timezone.localdate(case.received_at).isoformat(), "transition_ms": round(write_ms, 1),
            "next_overview_ms": round((time.perf_counter() - t0) * 1000, 1)}
        reset_queries()
        if not args.skip_page:
            try:
                report.update(page_timings(user, args.repeat))
            except Exception as error:  # the page is someone else's code too: keep the figures above
                report["page_error"] = repr(error)

        if not args.skip_baselines:
            _rows, times = timed(lambda: python_baseline(organisation, default), 1)
            report["baseline_python_rows"] = {**summary(times), "figures": _rows,
                                              "what": "received/open/by channel,place + allegations by category/"
                                                      "finding, rows loaded into Python (fewer figures than the overview)"}
            drop_statistics_indexes()
            with direct:
                _data, times = timed(lambda: overview(organisation, default, Filters(), use_cache=False),
                                     max(1, min(args.repeat, 3)))
            report["baseline_without_statistics_indexes"] = summary(times)
            report["statistics_indexes_build_seconds"] = round(create_statistics_indexes(), 1)
        report["load_average_at_end"] = os.getloadavg()
        report.update({"python": platform.python_version(), "cpus": os.cpu_count(),
                       "sqlite": __import__("sqlite3").sqlite_version if connection.vendor == "sqlite" else None})
        if keep:
            report["kept"] = os.environ.get("SQLITE_PATH") if connection.vendor == "sqlite" else pg_name
        print(json.dumps(report, ensure_ascii=False, indent=2))
    finally:
        teardown(args, pg_name, tmp, keep=keep, keep_tmp=keep_tmp)


if __name__ == "__main__":
    main()
