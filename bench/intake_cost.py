"""Benchmark: what one complaint and one officer's action cost in one process, without a server.

A fresh database in a temporary folder (or on a PostgreSQL server), an organisation set up as a
ministry's is (a default unit with two officers and a supervisor), then, through Django's test
client and the real middleware, API and domain code: --n complaints filed with
`POST /api/v1/complaints`, and --n officer actions (`POST /api/v1/cases/{ref}/transitions`, review
then accept). Tasks are only queued (a worker would run them), as in production with a worker.

Prints one JSON object: SQL statements per request (from the query log, once warm) and CPU
milliseconds per request (process time, mean over --n). `--profile FILE` writes a cProfile of the
complaints and prints its top functions by cumulative time.

    .venv/bin/python bench/intake_cost.py [--n 300] [--profile /tmp/intake.prof]
    .venv/bin/python bench/intake_cost.py --database-url postgres://postgres@127.0.0.1:5432/test
"""

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from costsetup import ministry, profile_top, run  # noqa: E402

NARRATIVE = "مسكوني من الشارع وودوني القسم وفضلت محجوز ٣ أيام من غير ما حد يقولي ليه، وضربوني على وشي."


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--profile", default="")
    run(measure, parser.parse_args())


def measure(args) -> dict:
    import django

    django.setup()
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    raw = ministry()["token"]

    client = Client(HTTP_HOST="localhost")
    body = json.dumps({"narrative": NARRATIVE, "anonymous": False, "categories": ["arbitrary_detention"],
                       "complainant": {"name": "مقدم شكوى تجريبي", "phone": "01000000000"}, "governorate": "cairo"},
                      ensure_ascii=False)
    references = []

    def file():
        response = client.post("/api/v1/complaints", body, content_type="application/json")
        assert response.status_code == 201, response.content
        references.append(response.json()["reference"])

    def act(reference, step):
        response = client.post(f"/api/v1/cases/{reference}/transitions", json.dumps({"to": step}),
                               content_type="application/json", headers={"Authorization": f"Bearer {raw}"})
        assert response.status_code == 200, response.content

    for _ in range(20):
        file()
    act(references[0], "under_review")
    # Each request starts by emptying the query log (Django's request_started): empty it first,
    # so the context's mark falls at its start.
    reset_queries()
    with CaptureQueriesContext(connection) as intake_log:
        file()
    intake_sql = [q["sql"] for q in intake_log.captured_queries]  # read now: the next request empties the log
    reset_queries()
    with CaptureQueriesContext(connection) as action_log:
        act(references[1], "under_review")
    action_sql = [q["sql"] for q in action_log.captured_queries]

    start = time.process_time()
    for _ in range(args.n):
        file()
    intake_ms = (time.process_time() - start) * 1000 / args.n
    targets = references[-args.n:]
    start = time.process_time()
    for reference in targets:
        act(reference, "under_review")
    action_ms = (time.process_time() - start) * 1000 / args.n

    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "database": connection.vendor, "n": args.n,
        "intake_statements": len(intake_sql),
        "intake_cpu_ms": round(intake_ms, 2),
        "transition_statements": len(action_sql),
        "transition_cpu_ms": round(action_ms, 2),
        "intake_statement_log": [sql[:90] for sql in intake_sql],
    }
    if args.profile:
        result["profile_top"] = profile_top(lambda: [file() for _ in range(args.n)], args.profile)
    return result


if __name__ == "__main__":
    main()
