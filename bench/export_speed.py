"""Benchmark: a 100,000-case XLSX export through the real export function, time and peak memory.

A fresh database is made for the run (an SQLite file in a temporary folder, or a new PostgreSQL
database created and dropped) and migrated. N synthetic complaints (bench/generate.py) become
case rows of one organisation, bulk-created with their categories, vulnerability markers and a
complainant whose name is sealed (as `submit_complaint` seals it) for seven in ten of them.

Each measurement runs in a child process of its own, which reports its own peak resident memory
(VmHWM in /proc/self/status), so one run cannot inflate the next:

- `idle`: Django set up and connected, nothing exported (the floor every mode starts from);
- `xlsx`: `mizan.reports.exports.write_export` — the task the desk starts — on an XLSX export of
  every case with the default columns plus the narrative and the complainant's name (redacted:
  personal data found in the narratives is masked), openpyxl in write-only mode;
- `csv`: the same, as CSV;
- baselines over the same queryset and the same row builder: `normal_workbook` (rows streamed,
  but openpyxl's normal, in-memory workbook) and `list_first` (every row collected in a list
  first, then the write-only workbook).

    .venv/bin/python bench/export_speed.py --n 100000 [--backend sqlite|postgres] [--modes idle,xlsx,...]

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
import resource  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402
from datetime import UTC, datetime, timedelta  # noqa: E402

BATCH = 5000
STATUSES = ["received", "under_review", "in_progress", "awaiting_complainant", "referred", "resolved", "closed"]
URGENCIES = ["low", "normal", "normal", "normal", "high", "critical"]
VULNERABILITIES = ["woman", "child", "disability", "older_person", "detainee", "migrant"]
NAMES = ["منى عبد الله", "أحمد محمود", "فاطمة علي", "Karim Haddad", "Nadia Benali", "Omar Hassan"]
MODES = ("idle", "xlsx", "csv", "normal_workbook", "list_first")


def setup_environment(args, tmp: Path) -> str | None:
    """Environment for a private Django (inherited by the children): bench keys, a temporary var
    dir and files folder, the fresh database."""
    os.environ.update({
        "DJANGO_SETTINGS_MODULE": "mizan.settings", "MIZAN_VAR_DIR": str(tmp), "MIZAN_TASKS_INLINE": "never",
        "SECRET_KEY": "bench-secret-key-not-for-production-0123456789abcdef",
        "MIZAN_DATA_KEY": "bench1:" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVowMTIzNDU=",
        "MIZAN_HASH_KEY": "bench-hash-key-not-for-production", "DB_CONN_MAX_AGE": "0",
        "MEDIA_ROOT": str(tmp / "files"),
    })
    (tmp / "static").mkdir(exist_ok=True)
    if args.backend == "sqlite":
        os.environ.pop("DATABASE_URL", None)
        os.environ["SQLITE_PATH"] = str(tmp / "bench.sqlite3")
        return None
    import psycopg

    name = f"mizan_bench_export_{os.getpid()}"
    with psycopg.connect(args.pg_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = args.pg_url.rsplit("/", 1)[0] + "/" + name
    return name


def drop_database(args, name):
    import psycopg

    with psycopg.connect(args.pg_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


def build(args):
    """The organisation, a supervisor, N cases; returns (user, seconds)."""
    from django.contrib.auth import get_user_model
    from django.db import connection, transaction
    from generate import FACILITIES, complaints

    from mizan.accounts.models import Facility, Governorate, Membership, Organisation, Role, Unit
    from mizan.complaints.identity import seal
    from mizan.complaints.models import Case, CaseCategory, CaseVulnerability, Category, Person

    started = time.perf_counter()
    organisation = Organisation.objects.create(slug="bench", kind="ministry", country="EG", reference_prefix="B",
                                               name_ar="منظمة", name_en="Organisation", name_fr="Organisation")
    governorates = [Governorate.objects.create(organisation=organisation, code=f"g{j}", name_ar=name,
                                               name_en=f"Governorate {j}", name_fr=f"Gouvernorat {j}")
                    for j, name in enumerate(["القاهرة", "الجيزة", "الإسكندرية"])]
    facilities = [Facility.objects.create(organisation=organisation, kind="police_station", governorate=governorates[j % 3],
                                          name_ar=name, name_en=FACILITIES["en"][j % 4], name_fr=FACILITIES["fr"][j % 4])
                  for j, name in enumerate(FACILITIES["ar"])]
    unit = Unit.objects.create(organisation=organisation, code="hr", name_ar="قطاع حقوق الإنسان", name_en="HR sector",
                               is_intake=True)
    user = get_user_model().objects.create_user(username="bench", password="bench-password-0123", first_name="Bench")
    Membership.objects.create(user=user, organisation=organisation, role=Role.SUPERVISOR, unit=unit)
    category_ids = dict(Category.objects.filter(parent__isnull=True).values_list("code", "pk"))

    rng = random.Random(args.seed)
    start_day = datetime(2023, 1, 1, tzinfo=UTC)
    generator = complaints(args.n, args.seed)
    done = 0
    while done < args.n:
        size = min(BATCH, args.n - done)
        cases, links, markers, persons = [], [], [], []
        for offset in range(size):
            complaint = next(generator)
            pk = done + offset + 1
            facility = rng.choice(facilities)
            received = start_day + timedelta(minutes=rng.randrange(1_500_000))
            cases.append(Case(
                pk=pk, organisation=organisation, reference=f"B-2025-{pk:07d}",
                receipt_hash=hashlib.sha256(str(pk).encode()).hexdigest(), channel=rng.choice(["web", "phone", "api"]),
                language=complaint["lang"], narrative=complaint["text"], facility=facility,
                governorate_id=facility.governorate_id, status=rng.choice(STATUSES), unit=unit,
                urgency=rng.choice(URGENCIES), received_at=received, acknowledged_at=received,
                first_action_due=(received + timedelta(days=5)).date(),
                resolution_due=(received + timedelta(days=40)).date(), anonymous=rng.random() < 0.3,
            ))
            links += [CaseCategory(case_id=pk, category_id=category_ids[code])
                      for code in complaint["categories"] if code in category_ids]
            if rng.random() < 0.15:
                markers.append(CaseVulnerability(case_id=pk, code=rng.choice(VULNERABILITIES)))
            persons.append(Person(case_id=pk, role=Person.Role.COMPLAINANT, relation_to_victim="self",
                                  name_enc="" if cases[-1].anonymous else seal(rng.choice(NAMES), "name", pk)))
        with transaction.atomic():
            Case.objects.bulk_create(cases, batch_size=1000)
            CaseCategory.objects.bulk_create(links, batch_size=2000)
            CaseVulnerability.objects.bulk_create(markers, batch_size=2000)
            Person.objects.bulk_create(persons, batch_size=2000)
        done += size
        if args.progress:
            print(f"built {done}/{args.n} {time.perf_counter() - started:.0f}s", file=sys.stderr, flush=True)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for table in ("complaints_case", "complaints_casecategory", "complaints_person",
                          "complaints_casevulnerability"):
                cursor.execute(f"VACUUM ANALYZE {table}")
    return user, time.perf_counter() - started


def columns():
    from mizan.reports.columns import DEFAULT_COLUMNS

    return [*DEFAULT_COLUMNS, "narrative", "complainant_name"]


def make_export(user, fmt: str) -> int:
    from django.db import transaction

    from mizan.reports.models import Export

    with transaction.atomic():
        export = Export.objects.create(organisation=user.membership.organisation, requested_by=user, kind="cases",
                                       format=fmt, language="ar", filters={"view": ["all"]}, columns=columns())
    return export.pk


# --- the child: one measurement ------------------------------------------------------------------------

def _baseline(export_id: int, mode: str, path: Path) -> int:
    """The same rows as the real export, written the naive way."""
    from django.utils import translation
    from openpyxl import Workbook

    from mizan.reports import exports
    from mizan.reports.models import Export
    from mizan.reports.writers import Table, write_xlsx

    export = Export.objects.select_related("organisation", "requested_by").get(pk=export_id)
    with translation.override(export.language):
        tables, _builder = exports.export_tables(export, exports._Progress(None))
        table = tables[0]
        if mode == "list_first":
            rows = list(table.rows)
            write_xlsx(path, [Table(table.title, table.headers, rows, table.widths)], rtl=True)
            return len(rows)
        workbook = Workbook()
        sheet = workbook.active
        sheet.sheet_view.rightToLeft = True
        sheet.append(table.headers)
        count = 0
        for row in table.rows:
            sheet.append([v.replace(tzinfo=None) if isinstance(v, datetime) else v for v in row])
            count += 1
        workbook.save(path)
        return count


def peak_rss_kib() -> int:
    """This process's peak resident memory. VmHWM belongs to the process image and starts again
    at exec; `ru_maxrss` would also count the parent's memory, copied at fork."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def child(mode: str, export_id: int) -> None:
    import django

    django.setup()
    from django.core.files.storage import default_storage
    from django.db import connection

    from mizan.reports import exports
    from mizan.reports.models import Export

    connection.ensure_connection()
    started = time.perf_counter()
    rows, size = 0, 0
    if mode in ("xlsx", "csv"):
        assert exports.write_export(export_id) == "done"
        export = Export.objects.get(pk=export_id)
        rows, size = export.row_count, export.size
        default_storage.delete(f"{exports.EXPORT_DIR}/{export.file_name}")
    elif mode != "idle":
        path = Path(tempfile.mkdtemp()) / "baseline.xlsx"
        rows = _baseline(export_id, mode, path)
        size = path.stat().st_size
        shutil.rmtree(path.parent)
    seconds = time.perf_counter() - started
    peak_kib = peak_rss_kib()
    print(json.dumps({"mode": mode, "rows": rows, "seconds": round(seconds, 1),
                      "rows_per_second": round(rows / seconds) if rows else None,
                      "peak_rss_mb": round(peak_kib / 1024, 1), "file_mb": round(size / 1024 / 1024, 1)}))


def measure(mode: str, export_id: int) -> dict:
    result = subprocess.run([sys.executable, __file__, "--child", mode, str(export_id)], capture_output=True,
                            text=True, check=False)
    if result.returncode != 0:
        return {"mode": mode, "error": result.stderr.strip().splitlines()[-1:]}
    return json.loads(result.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432/test",
                        help="A PostgreSQL server where a database may be created (and is dropped).")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--progress", action="store_true")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "EXPORT_ID"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return

    tmp = Path(tempfile.mkdtemp(prefix="mizan-export-bench-"))
    pg_name = setup_environment(args, tmp)
    try:
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection, connections

        call_command("migrate", verbosity=0, interactive=False)
        user, build_seconds = build(args)
        backend = connection.vendor
        exports_by_format = {"xlsx": make_export(user, "xlsx"), "csv": make_export(user, "csv")}
        connections.close_all()
        results = []
        for mode in args.modes.split(","):
            export_id = exports_by_format["csv" if mode == "csv" else "xlsx"]
            if mode in ("normal_workbook", "list_first"):
                export_id = make_export(user, "xlsx")  # any export row: the baselines only read its settings
                connections.close_all()
            if args.progress:
                print(f"measuring {mode}", file=sys.stderr, flush=True)
            results.append(measure(mode, export_id))
        by_mode = {r["mode"]: r for r in results}
        report = {
            "backend": backend, "n": args.n, "columns": columns(), "build_seconds": round(build_seconds, 1),
            "results": results,
            "xlsx_peak_rss_mb_target": 300,
            "xlsx_within_target": by_mode.get("xlsx", {}).get("peak_rss_mb", 10 ** 6) <= 300,
            "measured": "child process per mode: django.setup, then the mode; peak RSS (VmHWM) of that process",
            "python": platform.python_version(), "cpus": os.cpu_count(),
        }
        print(json.dumps(report, ensure_ascii=False, indent=2))
    finally:
        from django.db import connections

        connections.close_all()
        if pg_name:
            drop_database(args, pg_name)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
