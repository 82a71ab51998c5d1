"""Load test: sustained public intake while officers work the cases, against the real server.

A fresh installation in a temporary folder (`tests/reliability/liveserver.py`: key files,
migrations, one organisation with case officers and their API tokens), served as `make run`
serves it (`python -m mizan.serve`: gunicorn with --web-workers processes and one `manage.py
db_worker`) on a free 127.0.0.1 port. For --duration seconds:

- citizens (--citizens threads) file complaints through `POST /api/v1/complaints` without pause
  (Arabic narratives, every other one with an encrypted identity) and, every fourth time, follow
  one of their earlier complaints through `GET /api/v1/track`;
- officers (--officers threads, one API token each) list the newest cases, read one, take it,
  move it one step along the workflow with the `version` they read (409 when another officer
  moved it first is a normal answer), and write an internal note or a message to the complainant.

Then every receipt answered with 201 is tracked again (a receipt that no longer opens its
complaint is lost), the database is checked case by case (timeline and audit rows, search
document), `manage.py verify_audit` and `manage.py rebuild_statistics --check` run. Prints one JSON object: per endpoint the count,
rate, p50 / p99 latency and statuses; the 5xx count; the lost receipts.

    .venv/bin/python bench/load.py [--duration 60] [--citizens 4] [--officers 2] [--web-workers 3]
    .venv/bin/python bench/load.py --database-url postgres://postgres@127.0.0.1:5432/test
    .venv/bin/python bench/load.py --duration 15 --check    # exit 1 on any 5xx, lost receipt or inconsistency

Figures go to BENCHMARKS.md.
"""

import argparse
import json
import os
import platform
import random
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.reliability.liveserver import Site, request  # noqa: E402

NARRATIVES = [
    "مسكوني من الشارع وودوني القسم وفضلت محجوز ٣ أيام من غير ما حد يقولي ليه، وضربوني على وشي.",
    "اعتُقل ابني دون أمر قضائي واحتُجز في مركز الشرطة أربعة أيام دون عرضه على النيابة العامة.",
    "ودوني المخفر وحبسوني بدون ما يقولون لي السبب، وما خلوني أكلم محامي.",
    "J'ai été retenu au commissariat pendant deux jours sans voir d'avocat ni de médecin.",
    "My brother was beaten at the station and has not been allowed family visits for a month.",
]
# Steps an officer takes from the API alone (no findings or referral form needed).
STEPS = {
    "review": {},
    "accept": {},
    "request_information": {"note": "نرجو إرسال صورة من محضر الاحتجاز إن وجدت."},
    "resume": {},
}


def percentile(values, p):
    values = sorted(values)
    if not values:
        return None
    k = (len(values) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.latency = defaultdict(list)
        self.statuses = defaultdict(lambda: defaultdict(int))
        self.failures = []  # connection errors: the server must stay up
        self.receipts = {}

    def call(self, endpoint, url, body=None, headers=None):
        try:
            status, payload, ms = request(url, body, headers=headers, timeout=60)
        except OSError as error:
            with self.lock:
                self.failures.append(f"{endpoint}: {error}")
            return None, None
        with self.lock:
            self.latency[endpoint].append(ms)
            self.statuses[endpoint][status] += 1
        return status, payload


def citizen(site, rec, stop, rng, n):
    mine = []
    i = 0
    while not stop.is_set():
        i += 1
        named = i % 2 == 0
        body = {"narrative": NARRATIVES[(n + i) % len(NARRATIVES)], "anonymous": not named,
                "categories": ["arbitrary_detention"], "governorate": "cairo"}
        if named:
            body["complainant"] = {"name": "مقدم شكوى تجريبي", "phone": "01000000000"}
        status, payload = rec.call("POST /complaints", site.api + "/complaints", body)
        if status == 201:
            mine.append(payload["receipt"])
            with rec.lock:
                rec.receipts[payload["receipt"]] = payload["reference"]
        if i % 4 == 0 and mine:
            rec.call("GET /track", site.api + "/track", headers={"X-Receipt": rng.choice(mine)})


def officer(site, rec, stop, rng, username, token):
    auth = {"Authorization": f"Bearer {token}", "Accept-Language": "en"}
    while not stop.is_set():
        status, listing = rec.call("GET /cases", site.api + "/cases", headers=auth)
        if status != 200 or not listing["results"]:
            time.sleep(0.2)
            continue
        reference = rng.choice(listing["results"][:20])["reference"]
        status, case = rec.call("GET /cases/{ref}", f"{site.api}/cases/{reference}", headers=auth)
        if status != 200:
            continue
        version = case["version"]
        if case["officer"] is None:
            status, answer = rec.call("POST /cases/{ref}/assignment", f"{site.api}/cases/{reference}/assignment",
                                      {"officer": username, "version": version}, headers=auth)
            if status == 200:
                version = answer["version"]
        steps = [t for t in case["allowed_transitions"] if t["name"] in STEPS]
        if steps:
            step = rng.choice(steps)
            status, answer = rec.call("POST /cases/{ref}/transitions", f"{site.api}/cases/{reference}/transitions",
                                      {"to": step["to"], "version": version, **STEPS[step["name"]]}, headers=auth)
        internal = rng.random() < 0.5 or case["status"] in ("closed", "withdrawn")
        rec.call("POST /cases/{ref}/messages", f"{site.api}/cases/{reference}/messages",
                 {"body": "تمت مراجعة الملف، وجارٍ التواصل مع القسم المعني.", "internal": internal}, headers=auth)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=float, default=60, help="seconds of load")
    parser.add_argument("--citizens", type=int, default=4, help="client threads filing complaints")
    parser.add_argument("--officers", type=int, default=2, help="client threads working cases (one token each)")
    parser.add_argument("--web-workers", type=int, default=3, help="gunicorn web processes")
    parser.add_argument("--database-url", default="", help="PostgreSQL server URL (a fresh database is created on it)")
    parser.add_argument("--check", action="store_true", help="exit 1 on any 5xx, lost receipt or inconsistency")
    args = parser.parse_args()
    load_before = [round(x, 2) for x in os.getloadavg()]

    site = Site(database_url=args.database_url, web_workers=args.web_workers, officers=args.officers, label="load")
    try:
        tokens = site.prepare()
        site.start()
        for i in range(10):  # warm-up: imports, connections, first queries in every process
            request(site.api + "/complaints", {"narrative": NARRATIVES[i % len(NARRATIVES)], "anonymous": True})
        rec = Recorder()
        stop = threading.Event()
        rng = random.Random(4)
        threads = [threading.Thread(target=citizen, args=(site, rec, stop, random.Random(rng.random()), n))
                   for n in range(args.citizens)]
        threads += [threading.Thread(target=officer, args=(site, rec, stop, random.Random(rng.random()),
                                                           f"officer{i}", tokens[f"officer{i}"]))
                    for i in range(1, args.officers + 1)]
        start = time.perf_counter()
        for t in threads:
            t.start()
        time.sleep(args.duration)
        stop.set()
        for t in threads:
            t.join(timeout=120)
        elapsed = time.perf_counter() - start

        lost = []
        for receipt, reference in rec.receipts.items():
            status, payload, _ms = request(site.api + "/track", headers={"X-Receipt": receipt})
            if status != 200 or payload["reference"] != reference:
                lost.append(reference)
        site.stop()
        consistency = site.consistency()
        audit = site.manage("verify_audit", check=False)
        rollup = site.manage("rebuild_statistics", "--check", check=False)
        log = site.tail(10**8)
    finally:
        site.close()

    endpoints = {}
    for endpoint, values in sorted(rec.latency.items()):
        endpoints[endpoint] = {
            "count": len(values), "per_second": round(len(values) / elapsed, 2),
            "latency_ms_p50": round(percentile(values, 0.5), 1), "latency_ms_p95": round(percentile(values, 0.95), 1),
            "latency_ms_p99": round(percentile(values, 0.99), 1),
            "statuses": dict(sorted(rec.statuses[endpoint].items())),
        }
    server_errors = sum(n for per in rec.statuses.values() for status, n in per.items() if status >= 500)
    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "database": "postgresql" if args.database_url else "sqlite (WAL, IMMEDIATE, synchronous=FULL)",
        "web_processes": args.web_workers, "worker_processes": 1,
        "citizen_threads": args.citizens, "officer_threads": args.officers, "duration_s": round(elapsed, 1),
        "submissions_accepted": len(rec.receipts),
        "submissions_per_second": round(len(rec.receipts) / elapsed, 2),
        "requests_per_second": round(sum(len(v) for v in rec.latency.values()) / elapsed, 2),
        "server_errors_5xx": server_errors, "connection_failures": len(rec.failures),
        "lost_receipts": len(lost), "cases_stored": consistency["cases"],
        "consistency_problems": consistency["problems"][:20], "verify_audit_ok": audit.returncode == 0,
        "rollup_check_ok": rollup.returncode == 0,
        "database_is_locked_in_log": log.count("database is locked"),
        "endpoints": endpoints,
        "load_average_before": load_before, "load_average_after": [round(x, 2) for x in os.getloadavg()],
    }
    print(json.dumps(result, ensure_ascii=False, indent=1))
    if args.check:
        bad = (server_errors or rec.failures or lost or consistency["problems"] or audit.returncode
               or rollup.returncode or result["database_is_locked_in_log"] or not rec.receipts)
        if bad:
            first = log.find("Traceback")
            print(log[first:first + 6000] if first >= 0 else log[-6000:], file=sys.stderr)
            print("load check FAILED", file=sys.stderr)
            sys.exit(1)


if __name__ == "__main__":
    main()
