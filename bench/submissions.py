"""Benchmark: public complaint intake over HTTP, and the cost of the receipt check.

Runs the real server (gunicorn, like `make run`) and the real worker (`manage.py db_worker`, which
takes the tasks a complaint queues: suggestions, e-mails) on a fresh database in a temporary
folder, with an organisation set up as a ministry's is (a default unit with two officers and a
supervisor, who hear of each new case). Files complaints through `POST /api/v1/complaints` from
several client threads, waits for the worker to finish what they queued, then follows a sample of
the receipts through `GET /api/v1/track`.

Named baselines, in the same run:
- `--baseline minimal`: before Mizan's server starts, the same server with the same settings and
  middleware serves one Django view that writes one row in a transaction (`bench/minimal/`);
  the same clients post the same bodies to it. Printed: its rate and Mizan's rate over it.
- the receipt's keyed hash (HMAC-SHA256, what Mizan does) against GlobaLeaks' two Argon2id runs
  per submission, at OWASP's minimum parameters (m=19 MiB, t=2, p=1).

    .venv/bin/python bench/submissions.py [--n 600] [--concurrency 4] [--workers 2] [--baseline minimal]
        [--worker beside|after]   (after: the worker starts when the flood is over: the web path alone)
    .venv/bin/python bench/submissions.py --database-url postgres://postgres@127.0.0.1:5432/test

Prints one JSON object. Nothing here is a test: figures go to BENCHMARKS.md.
"""

import argparse
import hashlib
import hmac
import json
import os
import platform
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NARRATIVES = [
    "مسكوني من الشارع وودوني القسم وفضلت محجوز ٣ أيام من غير ما حد يقولي ليه، وضربوني على وشي.",
    "اعتُقل ابني دون أمر قضائي واحتُجز في مركز الشرطة أربعة أيام دون عرضه على النيابة العامة.",
    "ودوني المخفر وحبسوني بدون ما يقولون لي السبب، وما خلوني أكلم محامي.",
    "J'ai été retenu au commissariat pendant deux jours sans voir d'avocat ni de médecin.",
    "My brother was beaten at the station and has not been allowed family visits for a month.",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values, p):
    values = sorted(values)
    if not values:
        return None
    k = (len(values) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def hash_costs(rounds_hmac=20000, rounds_argon=20):
    from argon2.low_level import Type, hash_secret_raw

    key = secrets.token_bytes(32)
    receipt = "".join(secrets.choice("0123456789") for _ in range(16)).encode()
    start = time.perf_counter()
    for _ in range(rounds_hmac):
        hmac.new(key, receipt, hashlib.sha256).hexdigest()
    hmac_ms = (time.perf_counter() - start) * 1000 / rounds_hmac
    salt = secrets.token_bytes(16)
    start = time.process_time()
    for _ in range(rounds_argon):
        hash_secret_raw(receipt, salt, time_cost=2, memory_cost=19456, parallelism=1, hash_len=32, type=Type.ID)
    argon_ms = (time.process_time() - start) * 1000 / rounds_argon
    return {
        "hmac_sha256_ms_per_receipt": round(hmac_ms, 5),
        "argon2id_owasp_min_cpu_ms_per_call": round(argon_ms, 2),
        "baseline_globaleaks_2x_argon2id_cpu_ms_per_submission": round(2 * argon_ms, 2),
        "baseline_max_submissions_per_core_second": round(1000 / (2 * argon_ms), 2),
    }


def prepare(env):
    """Migrate a fresh database and create the organisation that receives public complaints: a
    governorate, a default unit with two case officers and a supervisor, and the baseline's table."""
    code = (
        "from django.contrib.auth import get_user_model\n"
        "from mizan.accounts.models import Organisation, Governorate, Membership, Unit\n"
        "o = Organisation.objects.create(slug='bench', kind='ministry', country='EG', reference_prefix='EG',"
        " name_ar='إدارة حقوق الإنسان', name_en='HR department', is_default_intake=True)\n"
        "Governorate.objects.create(organisation=o, code='cairo', name_ar='القاهرة', name_en='Cairo')\n"
        "u = Unit.objects.create(organisation=o, code='hr', name_ar='قطاع حقوق الإنسان', name_en='HR', is_intake=True)\n"
        "for name, role in (('officer1', 'case_officer'), ('officer2', 'case_officer'), ('chief', 'supervisor')):\n"
        "    user = get_user_model().objects.create_user(username=name, password=None)\n"
        "    Membership.objects.create(user=user, organisation=o, unit=u, role=role)\n"
        "import sys; sys.path.insert(0, 'bench')\n"
        "from minimal.urls import create_table; create_table()\n"
    )
    run = {"cwd": ROOT, "env": env, "check": True, "stdout": subprocess.DEVNULL}
    subprocess.run([sys.executable, "-m", "mizan.lib.keyfiles", env["MIZAN_VAR_DIR"] + "/keys"], **run)
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput"], **run)
    subprocess.run([sys.executable, "manage.py", "shell", "-c", code], **run)


def post(url, body, headers=None):
    data = json.dumps(body, ensure_ascii=False).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method="POST" if data else "GET", headers={
        "Content-Type": "application/json", **(headers or {})})
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            payload = json.loads(response.read())
            status = response.status
    except urllib.error.HTTPError as error:
        payload, status = json.loads(error.read() or b"{}"), error.code
    return status, payload, (time.perf_counter() - start) * 1000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=600)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn web processes")
    parser.add_argument("--database-url", default="", help="PostgreSQL server URL (a fresh database is created on it)")
    parser.add_argument("--worker", choices=["beside", "after"], default="beside",
                        help="beside: the worker runs during the flood (as in production); after: it starts "
                             "once the flood is over and works off the queued tasks (the web path alone)")
    parser.add_argument("--baseline", choices=["none", "minimal"], default="none",
                        help="minimal: also serve a one-row Django view on the same server and compare")
    args = parser.parse_args()

    load_before = [round(x, 2) for x in os.getloadavg()]
    tmp = tempfile.mkdtemp(prefix="mizan-bench-")
    os.makedirs(os.path.join(tmp, "static"))  # STATIC_ROOT (the API serves no static files)
    env = {**os.environ, "MIZAN_VAR_DIR": tmp, "DJANGO_SETTINGS_MODULE": "mizan.settings",
           "MIZAN_THROTTLE_SUBMIT_PER_HOUR": "100000000", "MIZAN_THROTTLE_TRACK_PER_HOUR": "100000000",
           "MIZAN_TASKS_INLINE": "auto", "LOG_LEVEL": "WARNING",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "bench"), os.environ.get("PYTHONPATH", "")]))}
    env.pop("DATABASE_URL", None)
    dbname = None
    if args.database_url:
        import psycopg

        dbname = f"mizan_bench_{os.getpid()}"
        with psycopg.connect(args.database_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{dbname}"')
        env["DATABASE_URL"] = args.database_url.rsplit("/", 1)[0] + "/" + dbname
    prepare(env)

    def start_server(settings_module):
        port = free_port()
        server_env = {**env, "DJANGO_SETTINGS_MODULE": settings_module}
        server = subprocess.Popen([sys.executable, "-m", "gunicorn", "mizan.wsgi:application", "--pythonpath", "bench",
                                   "--bind", f"127.0.0.1:{port}", "--workers", str(args.workers), "--log-level",
                                   "warning"], cwd=ROOT, env=server_env)
        return server, f"http://127.0.0.1:{port}"

    def wait_up(url):
        for _ in range(150):
            try:
                urllib.request.urlopen(url, timeout=2).read()
                return
            except urllib.error.HTTPError:
                return
            except OSError:
                time.sleep(0.2)
        raise SystemExit(f"server did not start: {url}")

    def body_of(i):
        return {"narrative": NARRATIVES[i % len(NARRATIVES)], "anonymous": i % 3 == 0,
                "complainant": {"name": "مقدم شكوى تجريبي", "phone": "01000000000"},
                "categories": ["arbitrary_detention"], "governorate": "cairo"}

    def flood(url):
        """(seconds, latencies, statuses, answers) of args.n posts from args.concurrency threads."""
        latencies, statuses, answers = [], [], []
        lock = threading.Lock()

        def one(i):
            status, payload, ms = post(url, body_of(i))
            with lock:
                statuses.append(status)
                latencies.append(ms)
                answers.append(payload)

        start = time.perf_counter()
        with ThreadPoolExecutor(args.concurrency) as pool:
            list(pool.map(one, range(args.n)))
        return time.perf_counter() - start, latencies, statuses, answers

    baseline = None
    if args.baseline == "minimal":
        server, root = start_server("minimal.settings")
        try:
            wait_up(root + "/minimal")
            for i in range(10):
                post(root + "/minimal", body_of(i))
            b_elapsed, b_latencies, b_statuses, _answers = flood(root + "/minimal")
        finally:
            server.terminate()
            server.wait(timeout=20)
        baseline = {"rows_per_second": round(b_statuses.count(201) / b_elapsed, 1),
                    "latency_ms_p50": round(statistics.median(b_latencies), 1),
                    "latency_ms_p95": round(percentile(b_latencies, 0.95), 1),
                    "other_statuses": sorted({s for s in b_statuses if s != 201})}

    shell = [sys.executable, "manage.py", "shell", "-c"]

    def start_worker():
        # As `make run` starts it (mizan/serve.py): at a lower priority than the web processes.
        process = subprocess.Popen([sys.executable, "manage.py", "db_worker", "--interval", "1"], cwd=ROOT, env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   preexec_fn=lambda: os.nice(int(os.environ.get("MIZAN_WORKER_NICE", "10"))))  # noqa: PLW1509
        subprocess.run([*shell, "import time\nfrom mizan.core.tasks import worker_alive\n"
                        "while not worker_alive(): time.sleep(0.2)"], cwd=ROOT, env=env, check=True, timeout=120,
                       stdout=subprocess.DEVNULL)
        return process

    if args.worker == "after":
        # No worker during the flood, and none has been seen: the server must queue the tasks and
        # not run them inline (as while a worker is alive), so the flood measures the web alone.
        env["MIZAN_TASKS_INLINE"] = "never"
    worker = start_worker() if args.worker == "beside" else None
    server, root = start_server("mizan.settings")
    base = root + "/api/v1"
    try:
        wait_up(base + "/taxonomy")
        for i in range(10):  # warm-up: imports, connections, first queries
            post(base + "/complaints", {"narrative": NARRATIVES[i % len(NARRATIVES)], "anonymous": True})

        elapsed, latencies, statuses, answers = flood(base + "/complaints")
        receipts = [a["receipt"] for a, s in zip(answers, statuses, strict=True) if s == 201]
        if worker is None:
            worker = start_worker()
        drained = subprocess.run([*shell, (
            "import time\nfrom django_tasks_db.models import DBTaskResult\nstart = time.perf_counter()\n"
            "while DBTaskResult.objects.filter(status__in=['READY', 'RUNNING']).exists(): time.sleep(0.1)\n"
            "print(round(time.perf_counter() - start, 1))")], cwd=ROOT, env=env, check=True, capture_output=True,
            text=True, timeout=1800).stdout.strip().splitlines()[-1]

        track_ms, track_ok = [], 0
        for receipt in receipts[:: max(1, len(receipts) // 100)]:
            status, payload, ms = post(base + "/track", None, {"X-Receipt": receipt})
            track_ms.append(ms)
            track_ok += status == 200
        track_sample = len(receipts[:: max(1, len(receipts) // 100)])
    finally:
        server.terminate()
        server.wait(timeout=20)
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=30)
        if dbname:
            import psycopg

            with psycopg.connect(args.database_url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')

    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "database": "postgresql" if args.database_url else "sqlite (WAL, IMMEDIATE, synchronous=FULL)",
        "web_processes": args.workers, "worker": args.worker, "client_threads": args.concurrency, "submissions": args.n,
        "accepted_201": statuses.count(201), "other_statuses": sorted({s for s in statuses if s != 201}),
        "submissions_per_second": round(statuses.count(201) / elapsed, 1),
        "worker_caught_up_seconds_after_the_last": float(drained),
        "latency_ms_p50": round(statistics.median(latencies), 1),
        "latency_ms_p95": round(percentile(latencies, 0.95), 1),
        "track_sample": track_sample, "track_found": track_ok,
        "track_latency_ms_p50": round(statistics.median(track_ms), 1) if track_ms else None,
        **hash_costs(),
        "load_average_before": load_before, "load_average_after": [round(x, 2) for x in os.getloadavg()],
    }
    if baseline:
        result["baseline_minimal_view"] = baseline
        result["ratio_to_minimal"] = round(result["submissions_per_second"] / baseline["rows_per_second"], 3)
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
