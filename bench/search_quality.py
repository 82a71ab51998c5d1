"""Benchmark: search quality on ARCD (Arabic Reading Comprehension Dataset, SQuAD format).

Each paragraph (`data[].paragraphs[].context`) is a document, each question (`.qas[].question`)
a query whose one relevant document is its own paragraph. The three CSVs are written to a
temporary folder (ARCD is not copied into the project) and `manage.py evaluate search` runs
twice on them, against the `raw` baseline and against PostgreSQL's `arabic` configuration.

    .venv/bin/python bench/search_quality.py /work/shared/data/arcd/arcd.json [--backend sqlite|postgres]

Prints one JSON object: ours vs raw vs postgres-arabic. Nothing here is a test.
"""

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
METRICS = ("recall_at_10", "mrr_at_10", "ndcg_at_10", "p50_ms", "p95_ms")


def write_csvs(arcd_path: Path, folder: Path) -> dict:
    data = json.loads(arcd_path.read_text(encoding="utf-8"))["data"]
    docs, queries, qrels = [], [], []
    for article in data:
        for paragraph in article["paragraphs"]:
            doc_id = f"p{len(docs) + 1}"
            docs.append((doc_id, paragraph["context"]))
            for qa in paragraph.get("qas", []):
                query_id = f"q{len(queries) + 1}"
                queries.append((query_id, qa["question"]))
                qrels.append((query_id, doc_id))
    for name, header, rows in (("docs.csv", ("id", "text"), docs), ("queries.csv", ("id", "text"), queries),
                               ("qrels.csv", ("query_id", "doc_id"), qrels)):
        with (folder / name).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(rows)
    return {"docs": len(docs), "queries": len(queries)}


def evaluate(folder: Path, backend: str, baseline: str, extra: list[str]) -> dict:
    command = [sys.executable, str(ROOT / "manage.py"), "evaluate", "search",
               "--docs", str(folder / "docs.csv"), "--queries", str(folder / "queries.csv"),
               "--qrels", str(folder / "qrels.csv"), "--backend", backend, "--baseline", baseline, *extra]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"})
    if done.returncode:
        sys.exit(f"evaluate failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("arcd", type=Path)
    parser.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--query-mode", choices=["or", "and"], default="or")
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    extra = ["--query-mode", args.query_mode, "--pg-url", args.pg_url]
    with tempfile.TemporaryDirectory(prefix="mizan-arcd-") as tmp:
        folder = Path(tmp)
        sizes = write_csvs(args.arcd, folder)
        with_raw = evaluate(folder, args.backend, "raw", extra)
        with_pg = evaluate(folder, args.backend, "postgres-arabic", extra)
    ours = {key: with_raw[key] for key in METRICS}
    result = {
        "dataset": "ARCD", "documents": sizes["docs"], "queries": sizes["queries"],
        "backend": args.backend, "query_mode": with_raw["query_mode"],
        "ours": ours,
        "ours_second_run": {key: with_pg[key] for key in METRICS},
        "raw": {key: with_raw["baseline"][key] for key in METRICS},
        "postgres_arabic": {key: with_pg["baseline"][key] for key in METRICS},
    }
    result["ours_beats_both"] = all(
        ours[m] > result[other][m] for m in ("recall_at_10", "mrr_at_10") for other in ("raw", "postgres_arabic"))
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
