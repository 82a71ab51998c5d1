"""Benchmark: importing an OHCHR Universal Human Rights Index export of 50,000 rows (and 5,000), on
SQLite or PostgreSQL: rows per second, elapsed time and peak memory, which must not grow with the
number of rows.

The index's data has no open licence: the files are written here, in its format and with its
quirks (headings spelt as the index spells them, "- " prefixes, several values a cell separated
by line breaks, Excel serial dates, SDG targets "- 16.3 - …", UPR sessions of every cycle,
Supported/Noted, Recommendations and Concerns-Observations), from generated text in English,
French and Arabic. --xlsx names the file of the largest size (the others are written beside it).

A fresh database is made and migrated (an SQLite file in a temporary folder, or, with
--database-url postgres://user@host:port/any, a new database on that server, dropped at the end).
Each size is then imported in a process of its own (`manage.py import_recommendations`'s path:
`import_jobs.import_file`, as a follow-up officer of a new organisation), timed, then imported
again (every row unchanged: the idempotent second run), and with --tracemalloc once more with
tracemalloc on, for the peak of Python's own allocations. The process's peak resident memory (ru_maxrss) is read
after the first import, against the same process's before it; the process's CPU time is printed
beside the elapsed time (on SQLite the database works inside the process: on a machine shared
with other work, the CPU time is what the import costs). The load average is printed at the
start and the end: run it alone.

    .venv/bin/python bench/followup_import.py --xlsx /tmp/uhri-50000.xlsx
    .venv/bin/python bench/followup_import.py --xlsx /tmp/uhri-50000.xlsx \\
        --database-url postgres://postgres@127.0.0.1:5432/postgres

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
import random  # noqa: E402
import resource  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402
import tracemalloc  # noqa: E402

from dashboard_speed import ENV  # noqa: E402

HEADINGS = ["Text", "Countries Concerned", "Reccomending Body", "Document Symbol", "Themes", "Affected Persons",
            "Sdgs", "Document Publication Date", "UPR Reccomending States", "UPR Position", "Type",
            "OHCHR Annotation Id", "UPR Session", "Regions Concerned", "Recommending Regions",
            "Date of publication on UHRI"]
TREATY_BODIES = ["Committee against Torture", "Human Rights Committee", "Committee on the Rights of the Child",
                 "Committee on the Elimination of Discrimination against Women",
                 "Committee on Economic, Social and Cultural Rights", "Committee on the Rights of Persons with "
                 "Disabilities", "Committee on the Elimination of Racial Discrimination",
                 "Committee on Enforced Disappearances"]
SPECIAL = ["Special Rapporteur on torture and other cruel, inhuman or degrading treatment or punishment",
           "Working Group on Arbitrary Detention", "Special Rapporteur on the situation of human rights defenders"]
THEMES = ["Torture and other cruel, inhuman or degrading treatment", "Conditions of detention",
          "Administration of justice & fair trial", "Liberty and security of the person", "Women's rights",
          "Rights of the Child", "Persons with disabilities", "Migrants", "Death penalty", "Human rights defenders",
          "Freedom of opinion and expression", "National Human Rights Institution", "Counter-terrorism",
          "Equality & non-discrimination", "Trafficking in persons", "Enforced disappearances"]
GROUPS = ["Persons deprived of their liberty", "Women", "Children", "Persons with disabilities", "Migrants",
          "Journalists", "Human rights defenders", "Minorities", "Older persons", "Girls"]
SDGS = ["- 16.3 - Promote the rule of law at the national and international levels and ensure equal access to "
        "justice for all", "- 5.2 - Eliminate all forms of violence against all women and girls in the public and "
        "private spheres", "- 16.10 - Ensure public access to information and protect fundamental freedoms",
        "- 10.3 - Ensure equal opportunity and reduce inequalities of outcome", "- 16.a - Strengthen relevant "
        "national institutions"]
STATES = ["France", "Tunisia", "Jordan", "Brazil", "Japan", "Norway", "Senegal", "Mexico", "Indonesia", "Chile"]
VERBS_EN = ["Ensure", "Strengthen", "Guarantee", "Adopt measures to ensure", "Take all necessary steps to ensure",
            "Review its legislation so that", "Establish an independent mechanism to ensure"]
OBJECTS_EN = ["that all allegations of torture and ill-treatment are investigated promptly and impartially",
              "that persons deprived of their liberty are brought before a judge within 48 hours",
              "access to a lawyer from the outset of detention", "the independence of the national human rights "
              "institution in line with the Paris Principles", "that places of detention are inspected without "
              "notice by an independent body", "that victims obtain redress, including fair and adequate "
              "compensation", "that women and girls are protected from gender-based violence",
              "that no one is held incommunicado and that families are informed of the place of detention"]
TAILS_EN = ["and publish the outcome of the investigations.", "and provide training to law enforcement officials.",
            "and allocate adequate resources to that end.", "in accordance with the Convention.",
            "and report on the measures taken in its next periodic report."]
FRENCH = ["Garantir que toutes les allégations de torture fassent l'objet d'enquêtes rapides et impartiales.",
          "Veiller à ce que les personnes privées de liberté aient accès à un avocat dès le début de la garde à vue.",
          "Renforcer l'indépendance de l'institution nationale des droits de l'homme."]
ARABIC = ["ضمان عرض كل شخص محتجز على النيابة العامة خلال أربع وعشرين ساعة من القبض عليه وتمكينه من الاستعانة بمحامٍ.",
          "تعزيز استقلال المؤسسة الوطنية لحقوق الإنسان وتمكينها من زيارة أماكن الاحتجاز دون إخطار مسبق.",
          "التحقيق الفوري والنزيه في جميع ادعاءات التعذيب وسوء المعاملة ومحاسبة المسؤولين عنها."]


def bulleted(values):
    return "\n".join(f"- {v}" for v in values)


def row(index: int, rng: random.Random) -> list:
    kind = rng.random()
    session = ""
    states = ""
    position = ""
    if kind < 0.4:
        body, session = "- UPR", rng.randint(1, 54)
        symbol = f"A/HRC/{session // 3 + 5}/{rng.randint(1, 20)}"
        states = bulleted(rng.sample(STATES, rng.randint(1, 3)))
        position = rng.choice(["- Supported", "- Noted", "Supported"])
    elif kind < 0.85:
        name = rng.choice(TREATY_BODIES)
        body = f"- {name}"
        symbol = f"{''.join(w[0] for w in name.split() if w[0].isupper())}/C/EGY/CO/{rng.randint(1, 6)}"
    else:
        # a visit report of one special procedure: a few documents, many paragraphs each
        special = rng.randrange(len(SPECIAL))
        body, symbol = f"- {SPECIAL[special]}", f"A/HRC/{40 + special * 3 + rng.randint(0, 2)}/{20 + special}/Add.1"
    language = rng.random()
    if language < 0.8:
        text = f"{rng.choice(VERBS_EN)} {rng.choice(OBJECTS_EN)} {rng.choice(TAILS_EN)} (para. {index % 97 + 1})"
    elif language < 0.9:
        text = rng.choice(FRENCH)
    else:
        text = rng.choice(ARABIC)
    serial = 40000 + rng.randint(0, 5500)
    return [text, "- Egypt", body, symbol, bulleted(rng.sample(THEMES, rng.randint(1, 3))),
            bulleted(rng.sample(GROUPS, rng.randint(0, 2))), bulleted(rng.sample(SDGS, rng.randint(0, 2))),
            serial, states, position, rng.choice(["- Recommendations"] * 4 + ["- Concerns-Observations"]),
            f"{index:08x}-{rng.randint(0, 0xFFFF):04x}-bench", session, "- Africa\n- Arab States", "", serial + 40]


def write_xlsx(path: Path, rows: int) -> float:
    """Write an export of `rows` rows (streamed: openpyxl's write-only mode); seconds taken."""
    from openpyxl import Workbook

    started = time.perf_counter()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Export")
    sheet.append(HEADINGS)
    rng = random.Random(rows)
    for index in range(rows):
        sheet.append(row(index, rng))
    workbook.save(path)
    return time.perf_counter() - started


def loadavg() -> str:
    with open("/proc/loadavg") as handle:
        return handle.read().strip()


def machine() -> dict:
    model = ""
    with open("/proc/cpuinfo") as handle:
        for line in handle:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as handle:
        memory = handle.readline().split()[1]
    return {"cpu": model, "cores": os.cpu_count(), "memory_gib": round(int(memory) / 1024 / 1024, 1),
            "python": platform.python_version(), "platform": platform.platform()}


def maxrss_mib() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def child(args) -> None:
    """One size, in a process of its own: import, import again, import with tracemalloc."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection

    from mizan.accounts.models import Membership, Organisation, Role
    from mizan.followup import import_jobs

    def organisation(suffix):
        org = Organisation.objects.create(slug=f"bench-{args.child}-{suffix}", kind="nhri", country="EG",
                                          reference_prefix=f"B{args.child}{suffix}".upper()[:8], weekend_days="4,5",
                                          name_ar=f"جهة {suffix}",
                                          name_en=f"Organisation {suffix}")
        officer = get_user_model().objects.create_user(username=f"fu-{args.child}-{suffix}", first_name="Follow-up")
        Membership.objects.create(user=officer, organisation=org, role=Role.FOLLOWUP_OFFICER)
        return org, officer

    if args.without_projections:  # the import's own cost: what the wings registered is left out
        from mizan.followup import projections

        projections._projections.clear()
    org, officer = organisation("a")
    path = args.file
    before = maxrss_mib()
    started, cpu = time.perf_counter(), time.process_time()
    if args.profile:  # where the first import's time goes (slower under the profiler)
        import cProfile

        profiler = cProfile.Profile()
        run = profiler.runcall(import_jobs.import_file, actor=officer, organisation=org, path=path, fmt="uhri")
        profiler.dump_stats(f"{args.profile}.{args.child}")
    else:
        run = import_jobs.import_file(actor=officer, organisation=org, path=path, fmt="uhri")
    elapsed, elapsed_cpu = time.perf_counter() - started, time.process_time() - cpu
    after = maxrss_mib()
    started, cpu = time.perf_counter(), time.process_time()
    again = import_jobs.import_file(actor=officer, organisation=org, path=path, fmt="uhri")
    again_elapsed, again_cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = None
    if args.tracemalloc:  # every allocation traced: about twice as slow
        org_b, officer_b = organisation("b")
        tracemalloc.start()
        import_jobs.import_file(actor=officer_b, organisation=org_b, path=path, fmt="uhri")
        peak = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
        tracemalloc.stop()
    print(json.dumps({
        "rows": run.total_rows, "status": run.status, "created": run.created_count,
        "rejected": run.rejected_count, "elapsed_s": round(elapsed, 2), "rows_per_s": round(run.total_rows / elapsed),
        "cpu_s_this_process": round(elapsed_cpu, 2),
        "again": {"unchanged": again.unchanged_count, "created": again.created_count, "updated": again.updated_count,
                  "elapsed_s": round(again_elapsed, 2), "rows_per_s": round(again.total_rows / again_elapsed),
                  "cpu_s_this_process": round(again_cpu, 2)},
        "maxrss_mib_before": before, "maxrss_mib_after": after, "tracemalloc_peak_mib": peak,
        "database": connection.vendor, "file_mib": round(os.path.getsize(path) / 2**20, 1),
        "projections": "left out" if args.without_projections else "all registered",
    }))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--xlsx", default="", help="Where to write the largest export (default: a temporary folder).")
    parser.add_argument("--rows", type=int, nargs="+", default=[5000, 50000])
    parser.add_argument("--database-url", default="", help="A PostgreSQL server (postgres://user@host:port/db): "
                        "a new database is made on it for the run and dropped at the end.")
    parser.add_argument("--tracemalloc", action="store_true", help="Import each file once more with tracemalloc "
                        "on, for the peak of Python's own allocations.")
    parser.add_argument("--without-projections", action="store_true", help="Leave out what other wings registered "
                        "into followup.projections (the search index of recommendations, suggestions): the "
                        "import's own cost.")
    parser.add_argument("--profile", default="", help="Run the first import of each size under cProfile and "
                        "write its statistics to PROFILE.<rows> (read them with pstats).")
    parser.add_argument("--child", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--file", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    out = {"load_start": loadavg(), "machine": machine()}
    tmp = Path(tempfile.mkdtemp(prefix="mizan-import-bench-"))
    sizes = sorted(args.rows)
    largest = Path(args.xlsx) if args.xlsx else tmp / f"uhri-{sizes[-1]}.xlsx"
    files = {n: largest if n == sizes[-1] else largest.with_name(f"{largest.stem}-{n}.xlsx") for n in sizes}
    out["written"] = {n: {"path": str(p), "seconds": round(write_xlsx(p, n), 1)} for n, p in files.items()}
    env = {**os.environ, **ENV, "MIZAN_VAR_DIR": str(tmp)}
    (tmp / "static").mkdir(exist_ok=True)
    pg_name = ""
    if args.database_url:
        import psycopg

        pg_name = f"mizan_import_bench_{os.getpid()}"
        with psycopg.connect(args.database_url, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{pg_name}"')
        env["DATABASE_URL"] = args.database_url.rsplit("/", 1)[0] + "/" + pg_name
    else:
        env.pop("DATABASE_URL", None)
        env["SQLITE_PATH"] = str(tmp / "bench.sqlite3")
    try:
        started = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "manage.py"), "migrate", "-v", "0"], env=env, check=True,
                       cwd=ROOT)
        out["migrate_s"] = round(time.perf_counter() - started, 1)
        out["runs"] = {}
        for n in sizes:
            command = [sys.executable, __file__, "--child", str(n), "--file", str(files[n])]
            command += ["--tracemalloc"] if args.tracemalloc else []
            command += ["--without-projections"] if args.without_projections else []
            command += ["--profile", args.profile] if args.profile else []
            result = subprocess.run(command, env=env,
                                    cwd=ROOT, capture_output=True, text=True)
            if result.returncode:
                raise SystemExit(result.stderr)
            out["runs"][n] = json.loads(result.stdout.strip().splitlines()[-1])
    finally:
        if pg_name:
            import psycopg

            with psycopg.connect(args.database_url, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{pg_name}"')
        shutil.rmtree(tmp / "files", ignore_errors=True)
        if (tmp / "bench.sqlite3").exists():
            os.remove(tmp / "bench.sqlite3")
    out["load_end"] = loadavg()
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
