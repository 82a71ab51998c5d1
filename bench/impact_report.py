"""Benchmark: the impact report (PDF) at 1,000,000 complaints, SQLite or PostgreSQL.

The data set is bench/dashboard_speed.py's (imported from it: one organisation, N complaints over
the last --months months, 1-3 allegations each, 27 governorates, 200 places, six channels,
deadlines met and missed). Build it once with that script's --keep, or here with --keep, and reuse
it with --reuse. Then `mizan.reports.impact.generate` is timed for the dashboard's default period
(the last 12 months, in Arabic):
  - with uncached statistics (`use_cache=False`: both `overview` calls, the period and the
    previous period of the same length, count everything), split into the statistics (building
    the context) and the PDF (WeasyPrint);
  - with cached statistics (the database cache of settings.CACHES, filled by a first call);
  - in English and French once each (cached), for their pages and size.
By default the statistics are counted from the cases (--statistics cases: the path of every
filtered view); --statistics rollup reads the statistics rollup instead, rebuilt first when it is
missing or stale.

    .venv/bin/python bench/impact_report.py --n 1000000 --keep --progress        # SQLite: build, keep
    .venv/bin/python bench/impact_report.py --reuse /tmp/mizan-dash-bench-…/bench.sqlite3 --repeat 3
    .venv/bin/python bench/impact_report.py --backend postgres --reuse mizan_dash_bench_… --repeat 3

Prints one JSON object (with the load average of the machine before and after); writes the
Arabic PDF to --pdf if given. Not a test.
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
import time  # noqa: E402

from dashboard_speed import (  # noqa: E402
    Times,
    build,
    setup_environment,
    summary,
    teardown,
    timed,
)


def load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--months", type=int, default=24, help="history spread over this many months")
    parser.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432/test",
                        help="A PostgreSQL server where a database may be created (and is dropped).")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the generated database and print where it is")
    parser.add_argument("--reuse", help="an SQLite file or a PostgreSQL database name kept by --keep")
    parser.add_argument("--pdf", help="write the Arabic report here")
    parser.add_argument("--statistics", choices=["cases", "rollup"], default="cases",
                        help="cases: figures counted from the cases (MIZAN_STATISTICS_ROLLUP off, the path of "
                             "every filtered view); rollup: from the statistics rollup, rebuilt first when "
                             "missing or stale (dashboard_speed.build_rollup)")
    parser.add_argument("--progress", action="store_true")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="mizan-impact-bench-"))
    pg_name, reused = setup_environment(args, tmp)
    keep = args.keep or reused
    keep_tmp = args.keep and args.backend == "sqlite" and not reused
    try:
        import django

        django.setup()
        from django.core.cache import cache
        from django.core.management import call_command
        from django.db import connection
        from django.utils import timezone, translation

        from mizan.accounts.models import Organisation
        from mizan.complaints.models import Case
        from mizan.reports import impact
        from mizan.reports.statistics import Filters, Period

        call_command("migrate", verbosity=0, interactive=False)
        build_seconds = None
        if not reused:
            build_seconds = build(args, args.progress)
        organisation = Organisation.objects.get(slug="bench")
        rollup_seconds = None
        if args.statistics == "cases":
            from django.conf import settings

            settings.MIZAN_STATISTICS_ROLLUP = False
        else:
            from dashboard_speed import build_rollup

            rollup_seconds = build_rollup(organisation, False)
        today = timezone.localdate()
        period = Period.last_months(today)
        previous = impact.previous_period(period)
        report = {"backend": connection.vendor, "cases": Case.objects.filter(organisation=organisation).count(),
                  "build_seconds": round(build_seconds, 1) if build_seconds else "reused",
                  "statistics": args.statistics, "rollup_rebuild": rollup_seconds,
                  "period": [period.start.isoformat(), period.end.isoformat()],
                  "previous_period": [previous.start.isoformat(), previous.end.isoformat()],
                  "load_average_before": load()}

        # uncached statistics: the two overviews, then the PDF, each timed
        contexts, renders, totals, result = Times(), Times(), Times(), None
        contexts.cpu, renders.cpu, totals.cpu = [], [], []
        for _ in range(args.repeat):
            with translation.override("ar"):
                t0, c0 = time.perf_counter(), time.process_time()
                context = impact.build_context(organisation, period, Filters(), today=today, use_cache=False)
                t1, c1 = time.perf_counter(), time.process_time()
                pdf, pages = impact.render_pdf(context)
                t2, c2 = time.perf_counter(), time.process_time()
            for times, wall, cpu in ((contexts, t1 - t0, c1 - c0), (renders, t2 - t1, c2 - c1),
                                     (totals, t2 - t0, c2 - c0)):
                times.append(wall)
                times.cpu.append(cpu)  # all threads of this process: on SQLite the database's work too
            result = (pdf, pages, context)
        pdf, pages, context = result
        report["uncached"] = {"total": summary(totals), "statistics": summary(contexts), "pdf": summary(renders),
                              "complaints": context["overview"].received,
                              "allegations": context["overview"].allegations,
                              "previous_complaints": context["previous"].received}
        report["ar"] = {"pages": pages, "bytes": len(pdf)}
        if args.pdf:
            Path(args.pdf).write_bytes(pdf)

        # cached statistics: a first call fills the cache, then the same call again
        cache.clear()
        t0 = time.perf_counter()
        impact.generate(organisation, period, language="ar", today=today)
        report["first_call_fills_cache_ms"] = round((time.perf_counter() - t0) * 1000, 1)
        generated, times = timed(lambda: impact.generate(organisation, period, language="ar", today=today),
                                 args.repeat)
        report["cached"] = {"total": summary(times), "pages": generated.pages, "bytes": len(generated.pdf)}
        for language in ("en", "fr"):
            generated, times = timed(lambda lang=language: impact.generate(organisation, period, language=lang,
                                                                            today=today), 1)
            report[language] = {"pages": generated.pages, "bytes": len(generated.pdf), **summary(times)}
        report["load_average_after"] = load()
        report.update({"python": platform.python_version(), "cpus": os.cpu_count(),
                       "weasyprint": __import__("weasyprint").__version__,
                       "sqlite": __import__("sqlite3").sqlite_version if connection.vendor == "sqlite" else None})
        if keep:
            report["kept"] = os.environ.get("SQLITE_PATH") if connection.vendor == "sqlite" else pg_name
        print(json.dumps(report, ensure_ascii=False, indent=2))
    finally:
        teardown(args, pg_name, tmp, keep=keep, keep_tmp=keep_tmp)


if __name__ == "__main__":
    main()
