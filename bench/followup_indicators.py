"""Benchmark: computed indicators (mizan/followup/indicators.py) for a year at 1,000,000 complaints,
SQLite or PostgreSQL.

The complaints are those of bench/dashboard_speed.py (its `build`, which recombines the demo
narratives with bench/generate.py): N complaints of one organisation received over the last
--months months, 1-3 allegations each with findings on the decided ones, categories,
vulnerability markers on a quarter, 27 governorates, 200 places, six channels, first actions and
resolutions with deadlines met and missed. A fresh database is made and migrated (an SQLite file
in a temporary folder, or a new PostgreSQL database dropped at the end), unless --reuse names
one kept by --keep (this script's or dashboard_speed.py's: the same rows).

Then, for the last complete calendar year (a yearly period, as an indicator of yearly frequency
counts it), every definition of the catalogue is timed (`Definition.measure` through
`indicators.measure_period`, what the worker and `manage.py compute_indicators` run), without
and with filters (a governorate, a category, a group at risk), --repeat times each (median, min,
max, and this process's CPU time: on SQLite the database works inside it). Also timed: storing
a period's value (`compute_indicator_value`), the count of the complaints behind one figure (the
drill-down), and the worker's sweep when nothing changed. The load average is printed at the
start and the end: the machine may be shared.

    .venv/bin/python bench/followup_indicators.py --n 1000000 --keep --progress        # build, keep
    .venv/bin/python bench/followup_indicators.py --reuse /tmp/mizan-fu-bench-…/bench.sqlite3
    .venv/bin/python bench/followup_indicators.py --backend postgres --n 1000000 --keep --progress
    .venv/bin/python bench/followup_indicators.py --backend postgres --reuse mizan_fu_bench_1234

Prints one JSON object. Not a test. Run it alone.
"""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import shutil  # noqa: E402
import statistics as stats  # noqa: E402
import time  # noqa: E402
from datetime import date  # noqa: E402

from dashboard_speed import ENV, build, drop_database  # noqa: E402


def setup_environment(args, tmp: Path) -> tuple[str | None, bool]:
    """Environment for a private Django; returns (PostgreSQL database name, reused?)."""
    os.environ.update({**ENV, "MIZAN_VAR_DIR": str(tmp)})
    (tmp / "static").mkdir(exist_ok=True)
    if args.backend == "sqlite":
        os.environ.pop("DATABASE_URL", None)
        os.environ["SQLITE_PATH"] = args.reuse or str(tmp / "bench.sqlite3")
        return None, bool(args.reuse)
    name = args.reuse or f"mizan_fu_bench_{os.getpid()}"
    if not args.reuse:
        import psycopg

        with psycopg.connect(args.pg_url, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = args.pg_url.rsplit("/", 1)[0] + "/" + name
    return name, bool(args.reuse)


def timed(function, repeat):
    """(last result, {median_ms, min_ms, max_ms, runs, median_cpu_ms_this_process})."""
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        result = function()
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return result, {"median_ms": round(stats.median(walls) * 1000, 1), "min_ms": round(min(walls) * 1000, 1),
                    "max_ms": round(max(walls) * 1000, 1), "runs": repeat,
                    "median_cpu_ms_this_process": round(stats.median(cpus) * 1000, 1)}


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
    parser.add_argument("--progress", action="store_true")
    parser.add_argument("--build-only", action="store_true", help="build (and --keep) the database, time nothing")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="mizan-fu-bench-"))
    pg_name, reused = setup_environment(args, tmp)
    keep = args.keep or reused
    keep_tmp = args.keep and args.backend == "sqlite" and not reused
    try:
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection
        from django.test.utils import CaptureQueriesContext
        from django.utils import timezone, translation

        from mizan.accounts.models import Facility, Governorate, Organisation
        from mizan.complaints.models import Case, Category
        from mizan.followup import indicators
        from mizan.followup.models import Indicator, IndicatorValue

        translation.activate("ar")
        call_command("migrate", verbosity=0, interactive=False)
        build_seconds = None
        if not reused:
            build_seconds = build(args, args.progress)
        organisation = Organisation.objects.get(slug="bench")
        report = {"backend": connection.vendor, "cases": Case.objects.filter(organisation=organisation).count(),
                  "months_of_history": args.months,
                  "build_seconds": round(build_seconds, 1) if build_seconds else "reused",
                  "load_average_at_start": os.getloadavg()}
        if args.build_only:
            report["kept"] = os.environ.get("SQLITE_PATH") if connection.vendor == "sqlite" else pg_name
            print(json.dumps(report, ensure_ascii=False, indent=2))
            return

        today = timezone.localdate()
        year = today.year - 1
        period = indicators.Period(date(year, 1, 1), date(year, 12, 31))
        governorate = Governorate.objects.filter(organisation=organisation).order_by("code").first()
        facility = Facility.objects.filter(organisation=organisation).order_by("pk").first()
        top = Category.objects.filter(parent__isnull=True).order_by("position").first()
        filters = {"": {}, "governorate": {"governorate": governorate.code}, "category": {"category": top.code},
                   "vulnerability": {"vulnerability": "child"}, "facility": {"facility": facility.pk}}
        subjects = {"allegations_of_category": {"category": top.code}, "vulnerable_share": {"vulnerability": "child"}}
        report["period"] = [period.start.isoformat(), period.end.isoformat()]
        report["complaints_received_in_period"] = Case.objects.filter(
            organisation=organisation, received_at__gte=indicators.day_start(period.start),
            received_at__lt=indicators.day_start(date(year + 1, 1, 1))).count()

        results, worst = {}, 0.0
        for code in indicators.CATALOGUE:
            for name, extra in filters.items():
                params = {**subjects.get(code, {}), **extra}
                if code in subjects and name in subjects[code]:
                    continue  # the definition's own subject is not a filter of it
                indicator = Indicator(organisation=organisation, kind="computed", definition=code, params=params,
                                      frequency="yearly", name_ar=code)
                with CaptureQueriesContext(connection) as queries:
                    measurement = indicators.measure_period(indicator, period)
                _m, timing = timed(lambda i=indicator: indicators.measure_period(i, period), args.repeat)
                worst = max(worst, timing["median_ms"])
                results[f"{code}{' + ' + name if name else ''}"] = {
                    **timing, "queries": len(queries), "value": str(measurement.value),
                    "detail": {k: v for k, v in measurement.detail.items() if k != "version"}}
        report["measure_one_year"] = results
        report["slowest_median_ms"] = worst

        # The whole path of the worker for one computed indicator and one period: count, then store.
        indicator = Indicator.objects.create(organisation=organisation, kind="computed",
                                             definition="resolved_on_time", frequency="yearly",
                                             name_ar="مؤشر قياس", baseline_on=date(year - 1, 12, 31))
        _row, timing = timed(lambda: indicators.compute_indicator_value(indicator, period), args.repeat)
        report["compute_and_store_one_period"] = timing
        _counts, timing = timed(lambda: indicators.recompute_indicator(indicator, only_changed=False), 1)
        report["recompute_every_period_of_a_yearly_indicator"] = {**timing, "periods": len(
            indicators.periods(indicator))}
        _counts, timing = timed(lambda: indicators.recompute_indicator(indicator, only_changed=True), args.repeat)
        report["sweep_when_nothing_changed"] = {**timing, "result": _counts}

        # The drill-down: the complaints behind one figure, counted as the desk queue would list them.
        measurement = indicators.measure_period(indicator, period)
        count, timing = timed(lambda: measurement.cases.count(), 1)
        report["drill_down_count"] = {**timing, "cases": count, "equals_numerator": count == measurement.detail["cases"]}
        IndicatorValue.objects.filter(indicator=indicator).delete()
        indicator.delete()

        report["load_average_at_end"] = os.getloadavg()
        report.update({"python": platform.python_version(), "cpus": os.cpu_count(),
                       "sqlite": __import__("sqlite3").sqlite_version if connection.vendor == "sqlite" else None})
        if keep:
            report["kept"] = os.environ.get("SQLITE_PATH") if connection.vendor == "sqlite" else pg_name
        print(json.dumps(report, ensure_ascii=False, indent=2))
    finally:
        from django.db import connections

        connections.close_all()
        if pg_name and not keep:
            drop_database(args, pg_name)
        if not keep_tmp:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
