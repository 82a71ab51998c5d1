"""Benchmark: search index build and query latency at scale, on SQLite FTS5 or PostgreSQL.

A fresh database is made for the run (an SQLite file in a temporary folder, or a new PostgreSQL
database created and dropped) and migrated. N synthetic complaints (bench/generate.py) become
minimal case rows, bulk-created over four organisations (40/20/20/20 %), and their search
documents are written the way `mizan.search.indexer` stores them: the same fields, each the
space-joined `document_terms` of its text (reference terms, narrative, category labels in three
languages, facility and governorate names). Analysis runs in a process pool (--workers).

Then 200 mixed queries run through the desk's path — `cases_for(user)`, an optional status or
urgency filter, `engine.ranked` (newest matches that pass the filters, up to the rank window,
best first), the row count and the first page of 25 — and their latency is reported as
p50 / p95 / max. The named baseline runs the same queries in the same process: exact ranking of
every match (`engine.filter_cases` + `engine.order_by_relevance`, the engine before the rank
window), with its count and first page.

    .venv/bin/python bench/search_speed.py --n 100000 [--backend sqlite|postgres] [--workers 2]
    .venv/bin/python bench/search_speed.py --n 1000000 --keep /tmp/mizan-1m   # build once, keep
    .venv/bin/python bench/search_speed.py --reuse /tmp/mizan-1m              # queries only

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
import multiprocessing  # noqa: E402
import platform  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from datetime import UTC, datetime, timedelta  # noqa: E402

BATCH = 5000
PAGE = 25
STATUSES = ["received", "under_review", "in_progress", "referred", "resolved", "closed"]  # workflow.Status values
URGENCIES = ["low", "normal", "normal", "normal", "high", "critical"]
SHARES = (0.4, 0.2, 0.2, 0.2)


def _terms(text):
    from mizan.search.query import document_terms

    return " ".join(document_terms(text))


def _analyse(item):
    """Worker: the reference and narrative fields of one document."""
    from mizan.search.indexer import reference_terms

    reference, narrative = item
    return reference_terms(reference), _terms(narrative)


def _percentile(values, p):
    values = sorted(values)
    k = (len(values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def setup_environment(args, tmp: Path) -> str | None:
    """Environment for a private Django: bench keys, a temporary var dir, the fresh database."""
    os.environ.update({
        "DJANGO_SETTINGS_MODULE": "mizan.settings", "MIZAN_VAR_DIR": str(tmp), "MIZAN_TASKS_INLINE": "never",
        "SECRET_KEY": "bench-secret-key-not-for-production-0123456789abcdef",
        "MIZAN_DATA_KEY": "bench1:" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVowMTIzNDU=",
        "MIZAN_HASH_KEY": "bench-hash-key-not-for-production", "DB_CONN_MAX_AGE": "0",
    })
    (tmp / "static").mkdir(exist_ok=True)
    if args.backend == "sqlite":
        os.environ.pop("DATABASE_URL", None)
        os.environ["SQLITE_PATH"] = str(tmp / "bench.sqlite3")
        return None
    import psycopg

    name = os.environ.get("MIZAN_BENCH_PG_NAME") or f"mizan_bench_{os.getpid()}"
    if not os.environ.get("MIZAN_BENCH_PG_NAME"):
        with psycopg.connect(args.pg_url, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = args.pg_url.rsplit("/", 1)[0] + "/" + name
    return name


def drop_database(args, name):
    import psycopg

    with psycopg.connect(args.pg_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


def build(args):
    from django.contrib.auth import get_user_model
    from django.db import connection, transaction
    from generate import FACILITIES, complaints

    from mizan.accounts.models import Facility, Governorate, Membership, Organisation, Role
    from mizan.complaints.models import Case, Category
    from mizan.search import partitions
    from mizan.search.facets import document_facets
    from mizan.search.models import SearchDocument

    organisations = [Organisation.objects.create(
        slug=f"bench-{i}", kind="ministry", country="EG", reference_prefix=f"B{i}",
        name_ar=f"منظمة {i}", name_en=f"Organisation {i}", name_fr=f"Organisation {i}") for i in range(len(SHARES))]
    places = {}
    for organisation in organisations:
        governorates = [Governorate.objects.create(organisation=organisation, code=f"g{j}", name_ar=name,
                                                   name_en=f"Governorate {j}", name_fr=f"Gouvernorat {j}")
                        for j, name in enumerate(["القاهرة", "الجيزة", "الإسكندرية"])]
        facilities = []
        for j, name in enumerate(FACILITIES["ar"]):
            facility = Facility.objects.create(organisation=organisation, kind="police_station",
                                               governorate=governorates[j % 3], name_ar=name,
                                               name_en=FACILITIES["en"][j % 4], name_fr=FACILITIES["fr"][j % 4])
            text = " ".join([facility.name_ar, facility.name_en, facility.name_fr, governorates[j % 3].name_ar,
                             governorates[j % 3].name_en, governorates[j % 3].name_fr])
            facilities.append((facility, _terms(text)))
        places[organisation.pk] = facilities
    user = get_user_model().objects.create_user(username="bench", password="bench-password-0123")
    Membership.objects.create(user=user, organisation=organisations[0], role=Role.SUPERVISOR)

    category_terms = {}
    for category in Category.objects.filter(parent__isnull=True):
        category_terms[category.code] = _terms(" ".join([category.label_ar, category.label_en, category.label_fr]))

    rng = random.Random(args.seed)
    start_day = datetime(2023, 1, 1, tzinfo=UTC)
    cumulative = [sum(SHARES[: i + 1]) for i in range(len(SHARES))]
    timings = Counter()
    sample_texts = []
    pool = multiprocessing.get_context("fork").Pool(args.workers) if args.workers > 1 else None
    generator = complaints(args.n, args.seed)
    started = time.perf_counter()
    done = 0
    while done < args.n:
        size = min(BATCH, args.n - done)
        t0 = time.perf_counter()
        batch = [next(generator) for _ in range(size)]
        timings["generate_s"] += time.perf_counter() - t0
        if len(sample_texts) < 2000:
            sample_texts += [c["text"] for c in batch[:200]]
        cases, meta = [], []
        for offset, complaint in enumerate(batch):
            pk = done + offset + 1
            r = rng.random()
            organisation = organisations[next(i for i, edge in enumerate(cumulative) if r <= edge + 1e-12)]
            facility, place_terms = rng.choice(places[organisation.pk])
            reference = f"{organisation.reference_prefix}-2025-{pk:07d}"
            cases.append(Case(
                pk=pk, organisation=organisation, reference=reference,
                receipt_hash=hashlib.sha256(str(pk).encode()).hexdigest(), channel="web",
                language=complaint["lang"], narrative=complaint["text"], facility=facility,
                governorate_id=facility.governorate_id, status=rng.choice(STATUSES),
                urgency=rng.choice(URGENCIES), received_at=start_day + timedelta(minutes=rng.randrange(1_500_000)),
            ))
            categories = " ".join(category_terms.get(code, "") for code in complaint["categories"])
            meta.append((reference, complaint["text"], place_terms, categories.strip()))
        t0 = time.perf_counter()
        items = [(reference, text) for reference, text, _p, _c in meta]
        analysed = pool.map(_analyse, items, chunksize=250) if pool else list(map(_analyse, items))
        timings["analyse_s"] += time.perf_counter() - t0
        documents = [
            SearchDocument(case_id=case.pk, organisation_id=case.organisation_id, reference=ref_terms,
                           narrative=narrative_terms, categories=categories, places=place_terms,
                           facets=document_facets(organisation_id=case.organisation_id, status=case.status,
                                                  urgency=case.urgency))
            for case, (ref_terms, narrative_terms), (_r, _t, place_terms, categories) in zip(cases, analysed, meta, strict=True)
        ]
        t0 = time.perf_counter()
        with transaction.atomic():
            Case.objects.bulk_create(cases, batch_size=1000)
        timings["insert_cases_s"] += time.perf_counter() - t0
        t0 = time.perf_counter()
        with transaction.atomic():
            partitions.ensure([document.case_id for document in documents])
            SearchDocument.objects.bulk_create(documents, batch_size=1000)
        timings["insert_documents_s"] += time.perf_counter() - t0
        done += size
        if args.progress:
            print(f"{done}/{args.n} {time.perf_counter() - started:.0f}s", file=sys.stderr, flush=True)
    if pool:
        pool.close()
        pool.join()
    t0 = time.perf_counter()
    if connection.vendor == "sqlite":
        from mizan.core.dbstats import refresh_statistics

        with connection.cursor() as cursor:  # merge the FTS5 segments, as `refresh()` does after a rebuild
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
        refresh_statistics()  # the planner's statistics, as `migrate` and the worker's hourly job do
    else:
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE search_document")
            cursor.execute("VACUUM ANALYZE complaints_case")
    timings["optimise_s"] += time.perf_counter() - t0
    total = time.perf_counter() - started
    return user, organisations[0], sample_texts, timings, total


def index_size() -> dict:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            try:
                cursor.execute("SELECT name, SUM(pgsize) FROM dbstat WHERE name LIKE 'search_%' GROUP BY name")
                sizes = dict(cursor.fetchall())
            except Exception:  # noqa: BLE001 - dbstat is an optional SQLite module
                return {"database_file_bytes": Path(connection.settings_dict["NAME"]).stat().st_size}
            return {"search_tables_bytes": sum(sizes.values()),
                    "fts_index_bytes": sum(v for k, v in sizes.items() if k.startswith("search_fts")),
                    "documents_table_bytes": sizes.get("search_document", 0),
                    "database_file_bytes": Path(connection.settings_dict["NAME"]).stat().st_size}
        cursor.execute("SELECT pg_total_relation_size('search_document'), pg_relation_size('search_document_vector'),"
                       " pg_database_size(current_database())")
        total, gin, database = cursor.fetchone()
        return {"search_tables_bytes": total, "gin_index_bytes": gin, "database_bytes": database}


_WORD = re.compile(r"[\u0621-\u064A]{3,}|[A-Za-zÀ-ÿ]{4,}")


def make_queries(texts, seed, n=200):
    """Mixed queries from the generated texts' own words: common and rare single words, two
    words, a phrase, OR, an exclusion; a third with a status and a third with an urgency filter."""
    rng = random.Random(seed + 1)
    counts = Counter(word for text in texts for word in _WORD.findall(text))
    ranked = [word for word, _ in counts.most_common()]
    common, rare = ranked[:150], [w for w in ranked[300:] if counts[w] >= 2] or ranked[-200:]
    kinds = ["word", "rare", "two", "phrase", "or", "exclude"]
    queries = []
    for i in range(n):
        kind = kinds[i % len(kinds)]
        if kind == "word":
            q = rng.choice(common)
        elif kind == "rare":
            q = rng.choice(rare)
        elif kind == "two":
            q = f"{rng.choice(common)} {rng.choice(rare)}"
        elif kind == "phrase":
            words = _WORD.findall(rng.choice(texts))
            j = rng.randrange(max(1, len(words) - 1))
            q = '"' + " ".join(words[j:j + 2]) + '"'
        elif kind == "or":
            q = f"{rng.choice(rare)} OR {rng.choice(rare)}"
        else:
            q = f"{rng.choice(common)} -{rng.choice(common)}"
        extra = {0: {}, 1: {"status": rng.choice(STATUSES)}, 2: {"urgency": rng.choice(URGENCIES[:2] + URGENCIES[4:])}}[i % 3]
        queries.append((kind, q, extra))
    return queries


def run_queries(user, queries, *, exact=False):
    """Time each query the way the desk runs it; `exact`: the baseline (rank every match)."""
    from mizan.complaints.access import cases_for
    from mizan.search import engine

    results = []
    for kind, q, extra in queries:
        started = time.perf_counter()
        search = engine.prepare(q)
        cases = cases_for(user)
        if extra:
            cases = cases.filter(**extra)
        if exact:
            cases = engine.order_by_relevance(engine.filter_cases(cases, search, user=user), search)
            total = cases.count()
            page = [c.pk for c in cases[:PAGE]]
            capped = False
        else:
            facets = {key: [value] for key, value in extra.items()}  # what the desk passes for its filters
            cases = engine.ranked(cases, search, user=user, facets=facets)
            total = cases.count()
            page = [c.pk for c in cases[:PAGE]]
            capped = bool(getattr(cases, "capped", False))
        elapsed = (time.perf_counter() - started) * 1000
        results.append({"kind": kind, "q": q, "filter": extra, "ms": elapsed, "hits": total, "capped": capped,
                        "page": page})
    return results


def summarise(results):
    latencies = [r["ms"] for r in results]
    by_kind = {}
    for kind in sorted({r["kind"] for r in results}):
        values = [r["ms"] for r in results if r["kind"] == kind]
        by_kind[kind] = {"p50_ms": round(_percentile(values, 50), 2), "p95_ms": round(_percentile(values, 95), 2)}
    return {"queries": len(results), "p50_ms": round(_percentile(latencies, 50), 2),
            "p95_ms": round(_percentile(latencies, 95), 2), "max_ms": round(max(latencies), 2), "by_kind": by_kind}


def agreement(ours, exact):
    """How the bounded ranking's first page compares with exact ranking's, query by query."""
    same_page = overlap = uncapped = 0
    for a, b in zip(ours, exact, strict=True):
        if not a["capped"]:
            uncapped += 1
            same_page += a["page"] == b["page"]
        if b["page"]:
            overlap += len(set(a["page"]) & set(b["page"])) / len(b["page"])
    return {"queries_within_window": uncapped, "identical_first_page_when_within_window": same_page,
            "mean_first_page_overlap_with_exact": round(overlap / len(ours), 3),
            "queries_over_window": len(ours) - uncapped}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432/test",
                        help="A PostgreSQL server where a database may be created (and is dropped).")
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--progress", action="store_true")
    parser.add_argument("--details", action="store_true", help="Also print every query's latency.")
    parser.add_argument("--no-baseline", action="store_true", help="Skip the exact-ranking baseline.")
    parser.add_argument("--keep", metavar="DIR", help="Build into DIR and keep it (SQLite file, or the name "
                        "of the PostgreSQL database in DIR/pg-database) for later --reuse runs.")
    parser.add_argument("--reuse", metavar="DIR", help="Query the index a --keep run built; no build.")
    args = parser.parse_args()

    kept = Path(args.reuse or args.keep) if (args.reuse or args.keep) else None
    if kept:
        kept.mkdir(parents=True, exist_ok=True)
    tmp = kept or Path(tempfile.mkdtemp(prefix="mizan-search-bench-"))
    if args.reuse:
        state = json.loads((kept / "state.json").read_text())
        args.backend, args.n = state["backend"], state["n"]
        os.environ["MIZAN_BENCH_PG_NAME"] = state.get("pg_name", "")
    pg_name = setup_environment(args, tmp)
    try:
        import django

        django.setup()
        from django.conf import settings
        from django.core.management import call_command
        from django.db import connection
        from django.utils import translation

        translation.activate("ar")
        if args.reuse:
            from django.contrib.auth import get_user_model

            started = time.perf_counter()
            call_command("migrate", verbosity=0, interactive=False)  # a kept index built before a migration
            migrate_seconds = time.perf_counter() - started
            user = get_user_model().objects.get(username="bench")
            build_report = state["build"]
            texts = json.loads((kept / "texts.json").read_text())
        else:
            call_command("migrate", verbosity=0, interactive=False)
            user, _organisation, texts, timings, build_seconds = build(args)
            build_report = {
                "build_seconds": round(build_seconds, 1), "build_docs_per_second": round(args.n / build_seconds),
                "build_breakdown_s": {key: round(value, 1) for key, value in sorted(timings.items())},
                **index_size(),
            }
            if kept:
                (kept / "texts.json").write_text(json.dumps(texts, ensure_ascii=False))
                (kept / "state.json").write_text(json.dumps({"backend": args.backend, "n": args.n,
                                                             "pg_name": pg_name or "", "build": build_report}))
        queries = make_queries(texts, args.seed, args.queries)
        run_queries(user, queries[:20])  # warm-up: connection, statement and page caches
        results = run_queries(user, queries)
        report = {
            "backend": connection.vendor, "n": args.n,
            **({"migrate_seconds_on_reuse": round(migrate_seconds, 1)} if args.reuse else {}),
            "organisation_share_searched": SHARES[0],
            "workers_for_analysis": args.workers, **build_report,
            "rank_window": settings.MIZAN_SEARCH_RANK_WINDOW,
            **summarise(results),
            "median_hits": sorted(r["hits"] for r in results)[len(results) // 2],
            "measured": "cases_for + filter + engine.ranked + count() + first page of 25 (loaded cases)",
            "python": platform.python_version(), "cpus": os.cpu_count(),
        }
        if not args.no_baseline:
            run_queries(user, queries[:20], exact=True)
            exact = run_queries(user, queries, exact=True)
            report["baseline_exact_ranking"] = {
                **summarise(exact), "median_hits": sorted(r["hits"] for r in exact)[len(exact) // 2],
                "measured": "cases_for + filter + filter_cases + order_by_relevance + count() + first page of 25"}
            report["agreement_with_exact"] = agreement(results, exact)
        if args.details:
            report["details"] = [{**r, "ms": round(r["ms"], 2), "page": len(r["page"])} for r in results]
        print(json.dumps(report, ensure_ascii=False, indent=2))
    finally:
        from django.db import connections

        connections.close_all()
        if pg_name and not kept:
            drop_database(args, pg_name)
        if not kept:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
