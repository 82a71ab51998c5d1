"""Benchmark: the desk queue in the order of urgency (accepted or suggested) at 1,000,000 complaints.

The data set is bench/dashboard_speed.py's (imported from it: one organisation, N complaints over
the last --months months, urgencies low 1/7, normal 4/7, high 1/7, critical 1/7, open and decided
ones). Build it once with --keep (here or there) and reuse it with --reuse. Then one open case of
low or normal urgency in --every gets an urgency suggestion waiting for a decision (critical for
two in three, high for the others, waiting since the case was received, so most have waited past
MIZAN_CRITICAL_REVIEW_HOURS): a pending `triage.Suggestion` row and the case's columns, as a
triage run leaves them.

Timed, as a supervisor, through `desk.selectors.queue_cases` (the query of the desk's queue and of
the case-list export): the count and the first page (50 rows), for the "all" and "unassigned"
tabs in their default order, urgency (the stored, indexed `urgency_rank`), and page 100; the
count of every tab (`tab_counts`, one query, now with the critical reviews waiting too long among
the overdue) and of the overdue tab alone; the review sweep's candidates; the whole queue page
(GET /desk/, HTML). Baselines in the same run: the same tabs newest first (the order before); the
urgency order computed with a correlated subquery over the pending suggestions (what the order
costs without the stored column), whose first page must be the same rows; the overdue count by
the deadlines alone (the rule before).

    .venv/bin/python bench/queue_speed.py --n 1000000 --keep --progress            # SQLite: build, keep
    .venv/bin/python bench/queue_speed.py --reuse /tmp/mizan-dash-bench-…/bench.sqlite3 --repeat 5
    .venv/bin/python bench/queue_speed.py --n 1000000 --backend postgres --keep --progress
    .venv/bin/python bench/queue_speed.py --backend postgres --reuse mizan_dash_bench_… --repeat 5

Prints one JSON object. Not a test.
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

from dashboard_speed import build, setup_environment, summary, teardown, timed  # noqa: E402

PAGE = 50


def load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def mark_suggestions(every: int) -> int:
    """Give one open case of low or normal urgency in `every` a pending urgency suggestion, as a
    triage run leaves it (the suggestion row, and the case's copy of its level); returns how many."""
    from django.db import connection, transaction

    from mizan.complaints.workflow import OPEN_STATES

    open_states = ", ".join(f"'{state}'" for state in OPEN_STATES)
    json_cast = "::jsonb" if connection.vendor == "postgresql" else ""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM triage_suggestion WHERE kind = 'urgency'")
        cursor.execute("UPDATE complaints_case SET suggested_urgency = NULL, suggested_urgency_signals = NULL, "
                       "suggested_urgency_at = NULL, critical_review_escalated_at = NULL "
                       "WHERE suggested_urgency IS NOT NULL")
        cursor.execute(
            "UPDATE complaints_case SET "
            f"suggested_urgency = CASE WHEN id % {3 * every} = 0 THEN 'high' ELSE 'critical' END, "
            "suggested_urgency_signals = '[\"ongoing_torture\"]', suggested_urgency_at = received_at "
            f"WHERE id % {every} = 0 AND status IN ({open_states}) AND urgency IN ('low', 'normal')")
        marked = cursor.rowcount
        cursor.execute(
            "INSERT INTO triage_suggestion (case_id, kind, value, confidence, reasons, source, status, created_at, "
            "updated_at) SELECT id, 'urgency', suggested_urgency, 0.78, "
            f"'{{\"signals\": [{{\"code\": \"ongoing_torture\", \"level\": \"critical\", \"triggers\": []}}]}}'{json_cast}, "
            "'lexicon', 'pending', received_at, received_at FROM complaints_case WHERE suggested_urgency IS NOT NULL")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE" if connection.vendor == "sqlite" else "VACUUM ANALYZE complaints_case")
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE triage_suggestion")
    return marked


def correlated(queryset):
    """The urgency order without the stored column: each case's pending suggestion looked up by
    a correlated subquery, the higher of the two levels computed per row, then sorted."""
    from django.db.models import Case as When_
    from django.db.models import IntegerField, OuterRef, Subquery, Value, When
    from django.db.models.functions import Coalesce, Greatest

    from mizan.complaints.models import URGENCY_RANK
    from mizan.triage.models import Suggestion

    def rank(field):
        return When_(*(When(**{field: level}, then=Value(r)) for level, r in URGENCY_RANK.items()),
                     default=Value(0), output_field=IntegerField())

    pending = Suggestion.objects.filter(case=OuterRef("pk"), kind="urgency", status="pending").annotate(
        r=rank("value")).order_by("-r").values("r")[:1]
    return queryset.annotate(waiting=Coalesce(Subquery(pending), Value(0))).annotate(
        effective=Greatest(rank("urgency"), "waiting")).order_by("-effective", "received_at", "id")


def plan(queryset) -> list[str]:
    from django.db import connection

    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            return [row[-1] for row in cursor.fetchall()]
        cursor.execute(f"EXPLAIN {sql}", params)
        return [row[0] for row in cursor.fetchall()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--months", type=int, default=24, help="history spread over this many months")
    parser.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432/test",
                        help="A PostgreSQL server where a database may be created (and is dropped).")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--every", type=int, default=200, help="one open low/normal case in this many waits")
    parser.add_argument("--keep", action="store_true", help="keep the generated database and print where it is")
    parser.add_argument("--reuse", help="an SQLite file or a PostgreSQL database name kept by --keep")
    parser.add_argument("--skip-baseline", action="store_true", help="skip the correlated-subquery baseline")
    parser.add_argument("--progress", action="store_true")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="mizan-dash-bench-"))
    pg_name, reused = setup_environment(args, tmp)
    keep = args.keep or reused
    keep_tmp = args.keep and args.backend == "sqlite" and not reused
    try:
        import django

        django.setup()
        from django.contrib.auth import get_user_model
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext
        from django.utils import timezone, translation

        from mizan.accounts import security
        from mizan.accounts.models import AccountSecurity, Membership, Organisation, Role
        from mizan.complaints.access import cases_for
        from mizan.complaints.models import Case, CaseQuerySet
        from mizan.complaints.workflow import Status
        from mizan.desk import selectors
        from mizan.desk.forms_queue import tab_order
        from mizan.desk.selectors import QueueFilters

        translation.activate("ar")
        t0 = time.perf_counter()
        call_command("migrate", verbosity=0, interactive=False)
        migrate_seconds = round(time.perf_counter() - t0, 1)
        call_command("collectstatic", verbosity=0, interactive=False)  # hashed names, as in production
        build_seconds = None
        if not reused:
            build_seconds = build(args, args.progress)
        organisation = Organisation.objects.get(slug="bench")
        user, _created = get_user_model().objects.get_or_create(username="bench-supervisor")
        Membership.objects.get_or_create(user=user, defaults={"organisation": organisation, "role": Role.SUPERVISOR})
        AccountSecurity.objects.update_or_create(user=user, defaults={  # supervisors must have a second factor
            "totp_secret_enc": security.seal_secret("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", user.pk),
            "totp_confirmed_at": timezone.now()})
        t0 = time.perf_counter()
        marked = mark_suggestions(args.every)
        report = {
            "backend": connection.vendor, "cases": Case.objects.filter(organisation=organisation).count(),
            "build_seconds": round(build_seconds, 1) if build_seconds else "reused",
            "migrate_seconds": migrate_seconds, "suggestions_waiting": marked,
            "suggestions_seconds": round(time.perf_counter() - t0, 1), "load_average_before": load(),
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        }
        window = selectors.due_window(organisation)

        def tab(view, sort):
            filters = tab_order(QueueFilters(sort="relevance"), {}, view) if sort == "default" else QueueFilters(sort=sort)
            return selectors.queue_cases(user, view, filters, window)

        def first_page(qs, offset=0):
            return qs.count(), [case.pk for case in qs[offset:offset + PAGE]]

        for view in ("all", "unassigned"):
            default = tab(view, "default")
            (count, ids), times = timed(lambda qs=default: first_page(qs), args.repeat)
            _deep, deep_times = timed(lambda qs=default: first_page(qs, 99 * PAGE), args.repeat)
            _newest, newest_times = timed(lambda v=view: first_page(tab(v, "newest")), args.repeat)
            with CaptureQueriesContext(connection) as queries:
                first_page(default)
            entry = {
                "cases": count, "order": tab_order(QueueFilters(sort="relevance"), {}, view).sort,
                "first_page_count_and_rows": summary(times), "page_100": summary(deep_times),
                "baseline_newest_first": summary(newest_times), "queries": len(queries),
                "plan_first_page": plan(default[:PAGE]),
                "first_page_urgencies": sorted({(c.urgency, c.suggested_urgency or "-")
                                                for c in default[:PAGE]}),
            }
            if not args.skip_baseline:
                slow = correlated(tab(view, "newest"))
                (_c, slow_ids), slow_times = timed(lambda qs=slow: first_page(qs), 1)
                entry["baseline_correlated_subquery"] = summary(slow_times)
                entry["same_first_page_as_baseline"] = slow_ids == ids
            report[view] = entry

        now = timezone.now()
        counts, count_times = timed(lambda: selectors.tab_counts(user, window), args.repeat)
        report["tab_counts"] = {"counts": counts, "time": summary(count_times)}
        scope, today = cases_for(user), window[0]
        deadlines_only = scope.open().exclude(status=Status.AWAITING_COMPLAINANT).filter(CaseQuerySet._late(today))
        overdue, overdue_times = timed(lambda: scope.overdue(today, now).count(), args.repeat)
        before, before_times = timed(lambda: deadlines_only.count(), args.repeat)
        report["overdue_tab_count"] = {"cases": overdue, "time": summary(overdue_times),
                                       "plan": plan(scope.overdue(today, now).values("pk")),
                                       "baseline_deadlines_only": {"cases": before, "time": summary(before_times)}}
        report["overdue_of_which_critical_review"] = Case.objects.review_overdue(now).count()
        sweep = Case.objects.review_overdue(now).filter(critical_review_escalated_at__isnull=True)
        candidates, sweep_times = timed(lambda: list(sweep.values_list("pk", flat=True)), args.repeat)
        report["review_sweep_candidates"] = {"cases": len(candidates), "time": summary(sweep_times),
                                             "plan": plan(sweep.values("pk"))}

        client = Client(HTTP_HOST="localhost")
        client.force_login(user)
        for view in ("all", "unassigned"):
            response = client.get("/desk/", {"view": view})
            assert response.status_code == 200, response.status_code
            _r, page_times = timed(lambda v=view: client.get("/desk/", {"view": v}), args.repeat)
            report[view]["whole_page"] = {**summary(page_times), "bytes": len(response.content)}
        report["load_average_after"] = load()
        if keep:
            report["kept"] = pg_name or os.environ["SQLITE_PATH"]
        print(json.dumps(report, ensure_ascii=False, indent=1))
    finally:
        teardown(args, pg_name, tmp, keep=keep, keep_tmp=keep_tmp)


if __name__ == "__main__":
    main()
