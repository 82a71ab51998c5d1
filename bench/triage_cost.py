"""Benchmark: what the worker's triage of one complaint costs in one process.

The set-up of bench/intake_cost.py (`costsetup`: a fresh database in a temporary folder or on a
PostgreSQL server, the ministry's organisation and staff), plus three facilities; then complaints
filed through the real intake (`POST /api/v1/complaints`, Django's test client and middleware)
with the worker deferred (tasks only queued), then the body of the real `triage_case` task run
for each, in the order they were filed, as the worker would after a flood. The complaints are
bench/generate.py's (fixed seed: the demo narratives recombined, seven languages and dialects);
one in three names a category, one in four is anonymous, the others give a phone from a small
pool (so some complainants come back: same-person links), some a national ID; half name a
facility and a date within a fortnight (same place and time); one in ten repeats an earlier text
with a sentence changed (near-duplicates); some give a phone or an e-mail address in the text
(personal-data spans).

Measured: --warm cases triaged first (lexicon indexes, caches, the rules), then --sample cases
each in its own CaptureQueriesContext (statements per case: mean, min, max and the log of the
last), then --n cases timed without the query log (CPU ms per case from time.process_time, wall
ms from perf_counter). The same again for a re-run of those cases (what a change of narrative,
categories or urgency queues: the suggestions are already there). `--profile FILE` triages --n
more complaints under cProfile, timed in process (CPU) time, and prints its top functions by
cumulative time.

`stored_digest` is a SHA-256 of everything triage wrote (suggestions, signatures and their band
keys, personal-data spans, the cases' suggested urgency): the complaints are the same from run to
run, so two versions of the code that store the same results print the same digest.

    .venv/bin/python bench/triage_cost.py [--n 300] [--profile /tmp/triage.prof]
    .venv/bin/python bench/triage_cost.py --database-url postgres://postgres@127.0.0.1:5432/test
"""

import argparse
import hashlib
import json
import os
import platform
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent)]
from costsetup import ministry, profile_top, run  # noqa: E402
from generate import complaints  # noqa: E402

FIRST_DAY = date(2026, 11, 1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="cases timed (first run, then re-run)")
    parser.add_argument("--sample", type=int, default=30, help="cases whose statements are counted")
    parser.add_argument("--warm", type=int, default=20, help="cases triaged before anything is measured")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--profile", default="")
    run(measure, parser.parse_args())


def bodies(count: int, seed: int, facilities: list[int]):
    """`count` intake bodies, the same for a seed (see the module's docstring)."""
    rng = random.Random(seed)
    phones = [f"0100{rng.randrange(10**7):07d}" for _ in range(max(count // 6, 3))]
    texts = []
    for i, complaint in enumerate(complaints(count, seed)):
        text = complaint["text"]
        if texts and i % 10 == 9:  # a repeat of an earlier complaint, one sentence changed
            earlier = rng.choice(texts)
            text = earlier.replace("،", "، وبعدين", 1) if "،" in earlier else earlier + " Please help."
        texts.append(text)
        if i % 6 == 1:  # personal data in the narrative: spans to store
            text += f" رقمي {rng.choice(phones)}"
        elif i % 11 == 2:
            text += f" mail: sender{i}@example.org"
        body = {"narrative": text, "language": complaint["lang"], "governorate": "cairo",
                "categories": complaint["categories"][:1] if i % 3 == 0 else []}
        if i % 4 == 0:
            body.update(anonymous=True, complainant={})
        else:
            person = {"name": "مقدم شكوى تجريبي", "phone": rng.choice(phones)}
            if i % 5 == 0:
                person["national_id"] = f"2900101{rng.randrange(40):07d}"
            body.update(anonymous=False, complainant=person)
        if i % 2 == 0:
            body.update(facility=rng.choice(facilities),
                        incident_date=(FIRST_DAY + timedelta(days=rng.randrange(14))).isoformat())
        yield json.dumps(body, ensure_ascii=False)


def stored_digest() -> tuple[str, dict]:
    """A digest of what triage stored, and counts of it by kind."""
    from mizan.complaints.models import Case
    from mizan.triage.models import CaseSignature, PiiSpan, SignatureBand, Suggestion

    parts = {
        "suggestions": list(Suggestion.objects.order_by("case_id", "kind", "value").values_list(
            "case_id", "kind", "value", "confidence", "source", "reasons", "status")),
        "signatures": [(pk, org, bytes(sig).hex(), text_hash) for pk, org, sig, text_hash in
                       CaseSignature.objects.order_by("case_id").values_list(
                           "case_id", "organisation_id", "signature", "text_hash")],
        "bands": list(SignatureBand.objects.order_by("signature_id", "key").values_list(
            "signature_id", "organisation_id", "key")),
        "pii": list(PiiSpan.objects.order_by("case_id", "source", "source_id", "start").values_list(
            "case_id", "source", "source_id", "kind", "start", "end")),
        "suggested_urgency": list(Case.objects.order_by("pk").values_list(
            "pk", "suggested_urgency", "suggested_urgency_signals")),
    }
    digest = hashlib.sha256(json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str).encode()).hexdigest()
    kinds: dict[str, int] = {}
    for _case, kind, _value, _confidence, source, _reasons, _status in parts["suggestions"]:
        kinds[f"{kind}:{source}"] = kinds.get(f"{kind}:{source}", 0) + 1
    counts = {"suggestions": dict(sorted(kinds.items())), "pii_spans": len(parts["pii"]),
              "signatures": len(parts["signatures"]), "bands": len(parts["bands"]),
              "cases_with_suggested_urgency": sum(1 for _pk, level, _s in parts["suggested_urgency"] if level)}
    return digest, counts


def measure(args) -> dict:
    import django

    django.setup()
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from mizan.accounts.models import Facility
    from mizan.complaints.models import Case
    from mizan.triage.tasks import triage_case

    setup = ministry()
    governorate = setup["org"].governorates.get()
    facilities = [Facility.objects.create(organisation=setup["org"], governorate=governorate, kind=kind,
                                          name_ar=name, name_en=name).pk
                  for kind, name in (("police_station", "قسم الدقي"), ("police_station", "قسم العمرانية"),
                                     ("correction_centre", "مركز إصلاح القاهرة"))]
    client = Client(HTTP_HOST="localhost")
    total = args.warm + args.sample + args.n
    # The profiled complaints come after the measured ones (the same bodies with or without
    # --profile), filed once the measurements are done.
    stream = bodies(total + (args.n if args.profile else 0), args.seed, facilities)

    def file(count) -> list[int]:
        references = []
        for _ in range(count):
            response = client.post("/api/v1/complaints", next(stream), content_type="application/json")
            assert response.status_code == 201, response.content
            references.append(response.json()["reference"])
        by_reference = dict(Case.objects.filter(reference__in=references).values_list("reference", "pk"))
        return [by_reference[reference] for reference in references]

    ids = file(total)
    warm, sample = ids[:args.warm], ids[args.warm:args.warm + args.sample]
    timed = ids[args.warm + args.sample:]

    def counted(case_ids):
        counts, log = [], []
        for case_id in case_ids:
            reset_queries()
            with CaptureQueriesContext(connection) as context:
                triage_case.call(case_id)
            counts.append(len(context.captured_queries))
            log = [q["sql"] for q in context.captured_queries]
        return counts, log

    def timed_run(case_ids):
        reset_queries()
        load = [round(x, 2) for x in os.getloadavg()]
        wall, cpu = time.perf_counter(), time.process_time()
        for case_id in case_ids:
            triage_case.call(case_id)
        cpu_ms = (time.process_time() - cpu) * 1000 / len(case_ids)
        wall_ms = (time.perf_counter() - wall) * 1000 / len(case_ids)
        return round(cpu_ms, 2), round(wall_ms, 2), load

    for case_id in warm:
        triage_case.call(case_id)
    first_counts, first_log = counted(sample)
    first_cpu, first_wall, first_load = timed_run(timed)
    rerun_counts, rerun_log = counted(sample)
    rerun_cpu, rerun_wall, rerun_load = timed_run(timed)
    digest, stored = stored_digest()

    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "database": connection.vendor, "n": args.n, "sample": args.sample, "seed": args.seed,
        "statements_per_case": {"mean": round(statistics.mean(first_counts), 2), "min": min(first_counts),
                                "max": max(first_counts)},
        "cpu_ms_per_case": first_cpu, "wall_ms_per_case": first_wall, "load_average_at_start": first_load,
        "rerun_statements_per_case": {"mean": round(statistics.mean(rerun_counts), 2), "min": min(rerun_counts),
                                      "max": max(rerun_counts)},
        "rerun_cpu_ms_per_case": rerun_cpu, "rerun_wall_ms_per_case": rerun_wall,
        "rerun_load_average_at_start": rerun_load,
        "stored": stored, "stored_digest": digest,
        "statement_log": [sql[:110] for sql in first_log],
        "rerun_statement_log": [sql[:110] for sql in rerun_log],
    }
    if args.profile:
        profiled = file(args.n)
        # CPU time: on a shared machine, not the waits
        result["profile_top"] = profile_top(lambda: [triage_case.call(case_id) for case_id in profiled],
                                            args.profile, timer=time.process_time, rows=30, lines=45)
    return result


if __name__ == "__main__":
    main()
