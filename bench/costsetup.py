"""What the single-process cost benchmarks (intake_cost.py, triage_cost.py) share: a fresh
database in a temporary folder or on a PostgreSQL server (created, then dropped), settings for a
process without a worker (tasks only queued), and an organisation set up as a ministry's is (a
default unit with two case officers and a supervisor).

    run(measure, args)   set up, call measure(args) -> dict, tear down, print it as JSON with
                         the load averages before and after
    ministry()           the organisation, its unit, its staff and an API token of officer1
    profile_top(work, path, ...)  run work() under cProfile, save it to path, return the top lines
"""

import cProfile
import io
import json
import os
import pstats
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

__all__ = ["ministry", "profile_top", "run"]


def run(measure, args) -> None:
    """`args.database_url`: "" for SQLite in a temporary folder, else a PostgreSQL server's URL on
    which a database of its own is created and dropped afterwards."""
    load_before = [round(x, 2) for x in os.getloadavg()]
    tmp = tempfile.mkdtemp(prefix="mizan-cost-")
    os.makedirs(os.path.join(tmp, "static"))
    os.environ.update({"MIZAN_VAR_DIR": tmp, "DJANGO_SETTINGS_MODULE": "mizan.settings",
                       "MIZAN_THROTTLE_SUBMIT_PER_HOUR": "100000000", "MIZAN_TASKS_INLINE": "never",
                       "LOG_LEVEL": "WARNING"})
    os.environ.pop("DATABASE_URL", None)
    dbname = None
    if args.database_url:
        import psycopg

        dbname = f"mizan_cost_{os.getpid()}"
        with psycopg.connect(args.database_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{dbname}"')
        os.environ["DATABASE_URL"] = args.database_url.rsplit("/", 1)[0] + "/" + dbname
    subprocess.run([sys.executable, "-m", "mizan.lib.keyfiles", tmp + "/keys"], check=True, stdout=subprocess.DEVNULL)
    try:
        result = measure(args)
    finally:
        if dbname:
            from django.db import connections

            connections.close_all()
            import psycopg

            with psycopg.connect(args.database_url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
    result["load_average_before"] = load_before
    result["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(result, ensure_ascii=False, indent=1))


def ministry() -> dict:
    """Migrate the fresh database, then write the organisation (the default recipient of
    complaints), its governorate "cairo", its intake unit "hr" with officer1, officer2 and chief
    (supervisor). Returns {"org", "unit", "users": {name: user}, "token": raw token of officer1}.
    Call after django.setup()."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from mizan.accounts.models import ApiToken, Governorate, Membership, Organisation, Unit

    call_command("migrate", verbosity=0)
    org = Organisation.objects.create(slug="bench", kind="ministry", country="EG", reference_prefix="EG",
                                      name_ar="إدارة حقوق الإنسان", name_en="HR", is_default_intake=True)
    Governorate.objects.create(organisation=org, code="cairo", name_ar="القاهرة", name_en="Cairo")
    unit = Unit.objects.create(organisation=org, code="hr", name_ar="قطاع حقوق الإنسان", name_en="HR", is_intake=True)
    users = {}
    for name, role in (("officer1", "case_officer"), ("officer2", "case_officer"), ("chief", "supervisor")):
        users[name] = get_user_model().objects.create_user(username=name, password=None)
        Membership.objects.create(user=users[name], organisation=org, unit=unit, role=role)
    _token, raw = ApiToken.issue(users["officer1"])
    return {"org": org, "unit": unit, "users": users, "token": raw}


def profile_top(work, path: str, *, timer=None, rows: int = 25, lines: int = 40) -> list[str]:
    """Run `work()` under cProfile (with `timer`, e.g. time.process_time; default wall time), write
    the profile to `path` and return the first `lines` lines of its top `rows` by cumulative time."""
    profile = cProfile.Profile(timer) if timer else cProfile.Profile()
    profile.enable()
    work()
    profile.disable()
    profile.dump_stats(path)
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(rows)
    return [line for line in out.getvalue().splitlines() if line.strip()][:lines]
