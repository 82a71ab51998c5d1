"""manage.py evaluate classify|dedup|search — score triage and search on labelled CSV files.

    evaluate classify --test PATH [--train PATH | --split FRACTION [--seed N]]
                      [--baseline linear-svc]
        PATH is a CSV file or a folder of them (every *.csv in it): columns text,labels
        (labels "a|b"), and optionally register and urgency ("critical", "high" or empty); other
        columns are ignored. --train also takes the demo narratives' JSON file. Without --train or
        --split the lexicon is scored (cold start); --split trains on that fraction of --test,
        stratified by register (seed --seed), and scores the rest; --baseline also scores a
        plain TF-IDF + LinearSVC trained on the same texts. A text predicted no category counts
        as "other" when "other" is one of the test labels (what the desk shows: no suggestion).
    evaluate dedup --input docs.csv                            columns id,text,group
    evaluate search --docs docs.csv --queries queries.csv --qrels qrels.csv
                    [--backend sqlite|postgres] [--baseline raw|postgres-arabic]
                    [--query-mode or|and] [--pg-url URL]

Each prints ONE JSON object. Nothing is read from or written to the organisations' data:
search builds its index in a private in-memory SQLite database or in PostgreSQL temporary
tables (dropped afterwards), with the same analysis, the same FTS5 / tsvector definition
(taken from the search migration) and the same query compilation and ranking as the desk.
"""

from __future__ import annotations

import csv
import importlib
import json
import re
import sqlite3
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from mizan.search.models import FIELDS, FTS5_WEIGHTS
from mizan.search.query import (
    And,
    Match,
    Not,
    Or,
    clean_term,
    document_terms,
    parse,
    to_fts5,
    to_tsquery,
)
from mizan.triage.evaluation import (
    classification_scores,
    group_scores,
    pair_scores,
    percentile,
    ranking_scores,
    stratified_split,
    true_pairs,
    urgency_scores,
)
from mizan.triage.lexicon import LexiconClassifier, detect_urgency
from mizan.triage.minhash import near_duplicate_pairs
from mizan.triage.model import LinearSVCBaseline, TextCategoriser

K = 10
DEFAULT_PG_URL = "postgres://postgres@127.0.0.1:5432/test"
_RAW_TOKEN = re.compile(r"\w+")
_search_migration = importlib.import_module("mizan.search.migrations.0001_initial")


def read_csv(path: str, columns: tuple[str, ...]) -> list[dict]:
    file = Path(path)
    if not file.is_file():
        raise CommandError(f"{path}: no such file")
    with file.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise CommandError(f"{path}: missing column(s) {', '.join(missing)}; the header must have {','.join(columns)}")
        return [{c: (row.get(c) or "") for c in columns} for row in reader]


def read_labelled(path: str) -> list[dict]:
    """Rows (text, labels, register, urgency) of a labelled CSV file or of every *.csv of a
    folder, in file-name order; register and urgency are None where the file has no such column."""
    target = Path(path)
    if target.is_dir():
        files = sorted(target.glob("*.csv"))
        if not files:
            raise CommandError(f"{path}: no .csv file in this folder")
    elif target.is_file():
        files = [target]
    else:
        raise CommandError(f"{path}: no such file or folder")
    rows = []
    for file in files:
        with file.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in ("text", "labels") if c not in (reader.fieldnames or [])]
            if missing:
                raise CommandError(f"{file}: missing column(s) {', '.join(missing)}; the header must have text,labels")
            columns = set(reader.fieldnames or [])
            rows += [{"text": row.get("text") or "", "labels": _labels(row.get("labels") or ""),
                      "register": (row.get("register") or "").strip() if "register" in columns else None,
                      "urgency": (row.get("urgency") or "").strip() if "urgency" in columns else None}
                     for row in reader]
    return rows


def read_demo_narratives(path: str) -> list[dict]:
    """The demo narratives (`mizan/complaints/demo/narratives.json`) as labelled rows: their
    {facility} and {date} slots filled with plain words, the register from lang/dialect."""
    try:
        narratives = json.loads(Path(path).read_text(encoding="utf-8"))["narratives"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise CommandError(f"{path}: not the demo narratives file ({error})") from error
    fill = {"ar": ("المركز", "الخميس"), "fr": ("le commissariat", "jeudi"), "en": ("the station", "Thursday")}
    rows = []
    for item in narratives:
        facility, date = fill.get(item.get("lang"), fill["en"])
        text = item["text"].replace("{facility}", facility).replace("{date}", date)
        rows.append({"text": text, "labels": set(item.get("categories", [])),
                     "register": item.get("dialect") or item.get("lang", ""), "urgency": item.get("urgency", "")})
    return rows


def _labels(cell: str) -> set[str]:
    return {label.strip() for label in cell.split("|") if label.strip()}


def _rounded(value):
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {key: _rounded(item) for key, item in value.items()}
    return value


# --- search: documents and queries as terms ---------------------------------------------------

def raw_terms(text: str) -> list[str]:
    """The baseline's analysis: lower-cased `\\w+` tokens, no normalisation, no stemming."""
    return [t for t in (clean_term(token) for token in _RAW_TOKEN.findall(text.lower())) if t]


def _positive_matches(node, negated=False):
    if isinstance(node, Match):
        if not negated:
            yield node
    elif isinstance(node, And | Or):
        for child in node.children:
            yield from _positive_matches(child, negated)
    elif isinstance(node, Not):
        yield from _positive_matches(node.child, not negated)


def query_tree(text: str, mode: str, analysis: str):
    """The query tree of a free-text question: the desk's parse (AND of its words) or, in "or"
    mode, any of its words; the raw baseline builds the same shapes from its own tokens."""
    if analysis == "raw":
        matches = [Match(((term,),)) for term in dict.fromkeys(raw_terms(text))]
    else:
        node = parse(text).node
        if mode == "and":
            return node if not isinstance(node, Not) else None
        matches = list(dict.fromkeys(_positive_matches(node)))
    if not matches:
        return None
    if len(matches) == 1:
        return matches[0]
    return (Or if mode == "or" else And)(tuple(matches))


class SQLiteIndex:
    """The search migration's FTS5 table over a `search_document` table, in a private in-memory
    database; ranked like `backends.SQLiteBackend` (weighted bm25, negated)."""

    bm25 = "bm25(search_fts, " + ", ".join(str(FTS5_WEIGHTS[f]) for f in FIELDS) + ")"

    def __init__(self):
        self.db = sqlite3.connect(":memory:")
        columns = ", ".join(f"{f} TEXT NOT NULL DEFAULT ''" for f in FIELDS)
        self.db.execute(f"CREATE TABLE search_document (case_id INTEGER PRIMARY KEY, organisation_id INTEGER, {columns})")
        for statement in _search_migration.SQLITE_FORWARD:
            self.db.execute(statement)

    def add(self, rows: list[tuple[int, str]]) -> None:
        self.db.executemany("INSERT INTO search_document (case_id, organisation_id, narrative) VALUES (?, 1, ?)", rows)
        self.db.commit()

    def compile(self, node) -> str:
        return to_fts5(node)

    def top(self, expression: str, k: int = K) -> list[int]:
        sql = (f"SELECT rowid, -{self.bm25} AS score FROM search_fts WHERE search_fts MATCH ? "  # noqa: S608
               "ORDER BY score DESC, rowid LIMIT ?")
        return [row[0] for row in self.db.execute(sql, [expression, k])]

    def close(self) -> None:
        self.db.close()


def _pg_connect(url: str):
    import psycopg

    try:
        return psycopg.connect(url, autocommit=True)
    except psycopg.OperationalError as error:
        raise CommandError(f"cannot connect to PostgreSQL at {url}: {error}") from error


class PostgresIndex:
    """The search migration's generated tsvector column and GIN index on a TEMPORARY copy of
    `search_document` (renamed, so nothing can reach the real table); ranked like
    `backends.PostgresBackend` (ts_rank_cd over to_tsquery('simple', …))."""

    table = "mizan_eval_document"

    def __init__(self, url: str):
        self.db = _pg_connect(url)
        columns = ", ".join(f"{f} text NOT NULL DEFAULT ''" for f in FIELDS)
        self.db.execute(f"CREATE TEMPORARY TABLE {self.table} (case_id integer PRIMARY KEY, "
                        f"organisation_id integer, {columns})")
        for statement in _search_migration.POSTGRES_FORWARD:
            self.db.execute(statement.replace("search_document", self.table))

    def add(self, rows: list[tuple[int, str]]) -> None:
        with self.db.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {self.table} (case_id, organisation_id, narrative) "  # noqa: S608
                               "VALUES (%s, 1, %s)", rows)
        self.db.execute(f"ANALYZE {self.table}")

    def compile(self, node) -> str:
        return to_tsquery(node)

    def top(self, expression: str, k: int = K) -> list[int]:
        sql = (f"SELECT case_id, ts_rank_cd(vector, q) AS score FROM {self.table}, "  # noqa: S608
               "to_tsquery('simple', %s) q WHERE vector @@ q ORDER BY score DESC, case_id LIMIT %s")
        return [row[0] for row in self.db.execute(sql, [expression, k]).fetchall()]

    def close(self) -> None:
        try:
            self.db.execute(f"DROP TABLE IF EXISTS {self.table}")
        finally:
            self.db.close()


class PostgresArabicIndex:
    """PostgreSQL's own `arabic` text-search configuration on the raw text, in a temporary
    table: to_tsvector('arabic', text), GIN index, ranked by ts_rank_cd."""

    table = "mizan_eval_arabic"

    def __init__(self, url: str, mode: str):
        self.db = _pg_connect(url)
        self.mode = mode
        self.db.execute(f"CREATE TEMPORARY TABLE {self.table} (id integer PRIMARY KEY, vector tsvector NOT NULL)")

    def add(self, rows: list[tuple[int, str]]) -> None:
        with self.db.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {self.table} (id, vector) "  # noqa: S608
                               "VALUES (%s, to_tsvector('arabic', %s))", rows)
        self.db.execute(f"CREATE INDEX ON {self.table} USING gin (vector)")
        self.db.execute(f"ANALYZE {self.table}")

    def compile(self, text: str) -> str | None:
        words = list(dict.fromkeys(_RAW_TOKEN.findall(text)))
        if not words:
            return None
        # Each operand goes through the arabic configuration (its stop-words and stemmer).
        return (" | " if self.mode == "or" else " & ").join(f"'{word}'" for word in words)

    def top(self, expression: str, k: int = K) -> list[int]:
        sql = (f"SELECT id, ts_rank_cd(vector, q) AS score FROM {self.table}, "  # noqa: S608
               "to_tsquery('arabic', %s) q WHERE vector @@ q ORDER BY score DESC, id LIMIT %s")
        return [row[0] for row in self.db.execute(sql, [expression, k]).fetchall()]

    def close(self) -> None:
        try:
            self.db.execute(f"DROP TABLE IF EXISTS {self.table}")
        finally:
            self.db.close()


def run_search(docs: list[dict], queries: list[dict], qrels: dict, *, system: str, backend: str,
               mode: str, pg_url: str) -> dict:
    """Index `docs` with `system` ("ours", "raw", "postgres-arabic"), run every query, score."""
    rowid_of = {doc["id"]: n for n, doc in enumerate(docs, start=1)}
    doc_of = {n: doc_id for doc_id, n in rowid_of.items()}
    if system == "postgres-arabic":
        index = PostgresArabicIndex(pg_url, mode)
        rows = [(rowid_of[doc["id"]], doc["text"]) for doc in docs]
    else:
        index = SQLiteIndex() if backend == "sqlite" else PostgresIndex(pg_url)
        analyse = raw_terms if system == "raw" else document_terms
        rows = [(rowid_of[doc["id"]], " ".join(analyse(doc["text"]))) for doc in docs]
    runs, timings = {}, []
    try:
        index.add(rows)
        for query in queries:
            started = time.perf_counter()
            if system == "postgres-arabic":
                expression = index.compile(query["text"])
            else:
                node = query_tree(query["text"], mode, "raw" if system == "raw" else "ours")
                expression = index.compile(node) if node is not None else None
            ranked = index.top(expression) if expression else []
            timings.append((time.perf_counter() - started) * 1000)
            runs[query["id"]] = [doc_of[rowid] for rowid in ranked]
    finally:
        index.close()
    scores = ranking_scores(runs, qrels, K)
    return {
        "recall_at_10": scores["recall_at_10"], "mrr_at_10": scores["mrr_at_10"],
        "ndcg_at_10": scores["ndcg_at_10"],
        "p50_ms": percentile(timings, 50), "p95_ms": percentile(timings, 95),
    }


class Command(BaseCommand):
    help = "Evaluate category triage, near-duplicate detection or search on CSV files; prints JSON."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="what", required=True, metavar="classify|dedup|search")
        classify = sub.add_parser("classify", help="Multi-label categories: columns text,labels[,register,urgency].")
        classify.add_argument("--test", required=True, help="A CSV file or a folder of CSV files.")
        training = classify.add_mutually_exclusive_group()
        training.add_argument("--train", help="Fit the trainable model on this CSV file, folder or demo JSON "
                                              "(else: the lexicon).")
        training.add_argument("--split", type=float, metavar="FRACTION",
                              help="Fit on this fraction of --test (stratified by register) and score the rest.")
        classify.add_argument("--seed", type=int, default=0, help="Seed of --split and of the model (default 0).")
        classify.add_argument("--baseline", choices=["linear-svc"],
                              help="Also score a plain TF-IDF + LinearSVC trained on the same texts.")
        dedup = sub.add_parser("dedup", help="Near-duplicates: columns id,text,group.")
        dedup.add_argument("--input", required=True)
        search = sub.add_parser("search", help="Ranked retrieval: docs id,text; queries id,text; qrels query_id,doc_id.")
        search.add_argument("--docs", required=True)
        search.add_argument("--queries", required=True)
        search.add_argument("--qrels", required=True)
        search.add_argument("--backend", choices=["sqlite", "postgres"],
                            help="Database for our engine (default: the project's database vendor).")
        search.add_argument("--baseline", choices=["raw", "postgres-arabic"])
        search.add_argument("--query-mode", choices=["or", "and"], default="or",
                            help="or: any word of the question, ranked (default); and: every word, as the desk box.")
        search.add_argument("--pg-url", default=DEFAULT_PG_URL,
                            help="PostgreSQL for --backend postgres / postgres-arabic when DATABASE_URL is not PostgreSQL.")

    def handle(self, *args, **options):
        result = getattr(self, f"_{options['what']}")(options)
        self.stdout.write(json.dumps(_rounded(result), ensure_ascii=False, sort_keys=False))

    def _classify(self, options):
        rows = read_labelled(options["test"])
        if not rows:
            raise CommandError(f"{options['test']}: no rows")
        result = {}
        if options.get("split") is not None:
            fraction = options["split"]
            if not 0 < fraction < 1:
                raise CommandError("--split must be a fraction between 0 and 1 (e.g. 0.5)")
            train_ids, test_ids = stratified_split([row["labels"] for row in rows],
                                                   [row["register"] or "" for row in rows], fraction, options["seed"])
            train, test = [rows[i] for i in train_ids], [rows[i] for i in test_ids]
            result["split"] = {"train_fraction": fraction, "seed": options["seed"], "stratified_by": "register"}
        elif options.get("train"):
            train_path = options["train"]
            train = read_demo_narratives(train_path) if train_path.endswith(".json") else read_labelled(train_path)
            test = rows
        else:
            train, test = None, rows
        if options.get("baseline") and train is None:
            raise CommandError("--baseline needs a training set: --train or --split")
        texts = [row["text"] for row in test]
        truth = [row["labels"] for row in test]
        if train is not None:
            train_sets = [row["labels"] for row in train]
            labels = sorted({label for labels in train_sets for label in labels})
            if not labels:
                raise CommandError(f"{options.get('train') or options['test']}: no labels to learn")
            model = TextCategoriser(labels, seed=options["seed"]).fit([row["text"] for row in train], train_sets)
            result = {"model": "trained", "n_train": len(train), **result}
        else:
            model = LexiconClassifier()
            result = {"model": "lexicon", **result}
        started = time.perf_counter()
        predicted = model.predict_codes(texts)
        elapsed_ms = (time.perf_counter() - started) * 1000
        result.update({"n_test": len(test), **self._scores(test, truth, predicted), "ms_per_doc": elapsed_ms / len(test)})
        if any(row["urgency"] is not None for row in test):
            # Urgency always comes from the lexicon's signals: the most urgent one decides.
            levels = [signals[0].level if signals else "" for signals in map(detect_urgency, texts)]
            result["urgency"] = urgency_scores([row["urgency"] or "" for row in test], levels)
        if train is not None:
            # The cold start on the same held-out texts, for comparison.
            lexicon_scores = self._scores(test, truth, LexiconClassifier().predict_codes(texts))
            result["lexicon"] = {"micro_f1": lexicon_scores["micro_f1"], "macro_f1": lexicon_scores["macro_f1"]}
        if options.get("baseline"):
            baseline = LinearSVCBaseline(labels).fit([row["text"] for row in train], train_sets)
            result["baseline"] = {"name": LinearSVCBaseline.name,
                                  **self._scores(test, truth, baseline.predict_codes(texts))}
        return result

    @staticmethod
    def _scores(test, truth, predicted) -> dict:
        label_space = {label for labels in truth for label in labels}
        if "other" in label_space:
            predicted = [codes or {"other"} for codes in predicted]
        scores = classification_scores(truth, predicted, label_space)
        result = {"micro_f1": scores["micro_f1"], "macro_f1": scores["macro_f1"], "per_label": scores["per_label"]}
        if any(row["register"] is not None for row in test):
            result["per_register"] = group_scores(truth, predicted, [row["register"] or "" for row in test])
        return result

    def _dedup(self, options):
        rows = read_csv(options["input"], ("id", "text", "group"))
        if not rows:
            raise CommandError(f"{options['input']}: no rows")
        started = time.perf_counter()
        predicted = near_duplicate_pairs([(row["id"], row["text"]) for row in rows])
        elapsed_ms = (time.perf_counter() - started) * 1000
        truth = true_pairs((row["id"], row["group"].strip()) for row in rows)
        return {**pair_scores(truth, predicted), "ms_per_doc": elapsed_ms / len(rows),
                "pairs_predicted": len(predicted), "pairs_true": len(truth)}

    def _search(self, options):
        docs = read_csv(options["docs"], ("id", "text"))
        queries = read_csv(options["queries"], ("id", "text"))
        qrels: dict[str, set[str]] = {}
        known = {doc["id"] for doc in docs}
        for row in read_csv(options["qrels"], ("query_id", "doc_id")):
            if row["doc_id"] in known:
                qrels.setdefault(row["query_id"], set()).add(row["doc_id"])
        if len({doc["id"] for doc in docs}) != len(docs):
            raise CommandError(f"{options['docs']}: document ids must be unique")
        backend = options.get("backend") or ("postgres" if connection.vendor == "postgresql" else "sqlite")
        pg_url = self._pg_url(options)
        mode = options["query_mode"]
        result = {"backend": backend, "query_mode": mode, "n_docs": len(docs),
                  "n_queries": sum(1 for q in queries if qrels.get(q["id"]))}
        result.update(run_search(docs, queries, qrels, system="ours", backend=backend, mode=mode, pg_url=pg_url))
        if options.get("baseline"):
            baseline = run_search(docs, queries, qrels, system=options["baseline"], backend=backend, mode=mode,
                                  pg_url=pg_url)
            result["baseline"] = {"name": options["baseline"], **baseline}
        return result

    @staticmethod
    def _pg_url(options) -> str:
        from django.conf import settings

        url = getattr(settings, "DATABASE_URL", "") or ""
        if url.startswith(("postgres://", "postgresql://")):
            return url
        return options["pg_url"]
