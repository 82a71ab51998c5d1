"""Evaluation metrics for triage and search. Pure functions (no Django, no database).

- multi-label classification: per-label precision / recall / F1, micro and macro averages, the
  same by group (register), and urgency levels;
- near-duplicate detection: precision / recall / F1 over unordered pairs of ids;
- ranked retrieval: Recall@k, MRR@k and nDCG@k with binary relevance, averaged over queries.

Conventions (stated because they change the numbers): a ratio with a zero denominator is 0.0;
macro-F1 is the plain mean of the per-label F1 over the labels given (by default the labels of
the truth: of the group's truth for a group); ranking metrics are averaged over the queries that
have at least one relevant document; an urgency level is scored as its own class (a "critical"
text predicted "high" is a miss for critical and a false alarm for high), and "any" scores
urgent (critical or high) against not urgent.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import combinations

__all__ = [
    "classification_scores",
    "group_scores",
    "stratified_split",
    "urgency_scores",
    "dcg",
    "mrr_at_k",
    "ndcg_at_k",
    "pair_scores",
    "percentile",
    "prf",
    "ranking_scores",
    "recall_at_k",
    "true_pairs",
]


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """(precision, recall, F1) from counts of true positives, false positives, false negatives."""
    precision = _ratio(tp, tp + fp)
    recall = _ratio(tp, tp + fn)
    return precision, recall, _ratio(2 * precision * recall, precision + recall)


def classification_scores(truth: Sequence[Iterable[str]], predicted: Sequence[Iterable[str]],
                          labels: Iterable[str] | None = None) -> dict:
    """Micro / macro F1 and per-label scores of multi-label predictions.

    `labels` is the label space (default: every label in `truth`); predictions of other labels
    are not counted, so a label the test set never uses neither helps nor hurts.
    """
    if len(truth) != len(predicted):
        raise ValueError("truth and predicted must have the same length")
    truth_sets = [set(t) for t in truth]
    predicted_sets = [set(p) for p in predicted]
    space = sorted(set(labels) if labels is not None else {label for t in truth_sets for label in t})
    per_label: dict[str, dict] = {}
    total_tp = total_fp = total_fn = 0
    for label in space:
        tp = sum(1 for t, p in zip(truth_sets, predicted_sets, strict=True) if label in t and label in p)
        fp = sum(1 for t, p in zip(truth_sets, predicted_sets, strict=True) if label not in t and label in p)
        fn = sum(1 for t, p in zip(truth_sets, predicted_sets, strict=True) if label in t and label not in p)
        precision, recall, f1 = prf(tp, fp, fn)
        per_label[label] = {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}
        total_tp, total_fp, total_fn = total_tp + tp, total_fp + fp, total_fn + fn
    return {
        "micro_f1": prf(total_tp, total_fp, total_fn)[2],
        "macro_f1": _ratio(sum(scores["f1"] for scores in per_label.values()), len(per_label)),
        "per_label": per_label,
    }


def group_scores(truth: Sequence[Iterable[str]], predicted: Sequence[Iterable[str]],
                 groups: Sequence[str]) -> dict:
    """Per group (e.g. register): number of texts, micro and macro F1 over the labels of that
    group's truth."""
    result = {}
    for group in sorted(set(groups)):
        members = [i for i, g in enumerate(groups) if g == group]
        scores = classification_scores([truth[i] for i in members], [predicted[i] for i in members])
        result[group] = {"n": len(members), "micro_f1": scores["micro_f1"], "macro_f1": scores["macro_f1"]}
    return result


URGENCY_LEVELS = ("critical", "high")


def urgency_scores(truth: Sequence[str], predicted: Sequence[str]) -> dict:
    """Precision / recall / F1 per urgency level ("critical", "high"; "" is neither), with the
    number of texts at that level (support) and of texts predicted at it; "any" is urgent or not."""
    if len(truth) != len(predicted):
        raise ValueError("truth and predicted must have the same length")
    result = {}
    for level in (*URGENCY_LEVELS, "any"):
        def at(value, level=level):
            return value in URGENCY_LEVELS if level == "any" else value == level
        tp = sum(1 for t, p in zip(truth, predicted, strict=True) if at(t) and at(p))
        fp = sum(1 for t, p in zip(truth, predicted, strict=True) if not at(t) and at(p))
        fn = sum(1 for t, p in zip(truth, predicted, strict=True) if at(t) and not at(p))
        precision, recall, f1 = prf(tp, fp, fn)
        result[level] = {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn,
                         "predicted": tp + fp}
    return result


def stratified_split(label_sets: Sequence[Iterable[str]], groups: Sequence[str], fraction: float = 0.5,
                     seed: int = 0) -> tuple[list[int], list[int]]:
    """(train, test) indices: within each group, texts are ordered by their rarest label (then
    at random, from `seed`) and taken into the training part so that it holds `fraction` of
    every run of that order — each group and, as far as it goes, each label is split in the same
    proportion. Deterministic for a seed."""
    if not 0 < fraction < 1:
        raise ValueError("fraction must be between 0 and 1")
    sets = [set(labels) for labels in label_sets]
    frequency = Counter(label for labels in sets for label in labels)
    rng = random.Random(seed)
    train, test = [], []
    for group in sorted(set(groups)):
        members = [i for i, g in enumerate(groups) if g == group]
        rng.shuffle(members)
        members.sort(key=lambda i: min((frequency[label], label) for label in sets[i]) if sets[i] else (0, ""))
        taken = 0
        for seen, i in enumerate(members, start=1):
            if taken < int(fraction * seen + 0.5):
                train.append(i)
                taken += 1
            else:
                test.append(i)
    return sorted(train), sorted(test)


def true_pairs(groups: Iterable[tuple[object, str]]) -> set[frozenset]:
    """Unordered pairs of ids that share a non-empty group."""
    members: dict[str, list] = {}
    for doc_id, group in groups:
        if group:
            members.setdefault(group, []).append(doc_id)
    return {frozenset(pair) for ids in members.values() for pair in combinations(ids, 2)}


def pair_scores(true: set[frozenset], predicted: set[frozenset]) -> dict:
    """Pair precision / recall / F1 of predicted duplicate pairs against the true ones."""
    tp = len(true & predicted)
    precision, recall, f1 = prf(tp, len(predicted) - tp, len(true) - tp)
    return {"precision": precision, "recall": recall, "f1": f1}


def recall_at_k(ranked: Sequence, relevant: set, k: int = 10) -> float:
    """Share of the relevant documents found in the first k results."""
    return _ratio(len(set(ranked[:k]) & relevant), len(relevant))


def mrr_at_k(ranked: Sequence, relevant: set, k: int = 10) -> float:
    """1 / rank of the first relevant result within the first k; 0 when there is none."""
    for rank, doc_id in enumerate(ranked[:k], start=1):
        if doc_id in relevant:
            return 1.0 / rank
    return 0.0


def dcg(gains: Sequence[float]) -> float:
    return sum(gain / math.log2(rank + 1) for rank, gain in enumerate(gains, start=1))


def ndcg_at_k(ranked: Sequence, relevant: set, k: int = 10) -> float:
    """Binary-relevance nDCG@k: DCG of the ranking over DCG of the ideal one."""
    ideal = dcg([1.0] * min(len(relevant), k))
    return _ratio(dcg([1.0 if doc_id in relevant else 0.0 for doc_id in ranked[:k]]), ideal)


def ranking_scores(runs: dict, qrels: dict, k: int = 10) -> dict:
    """Mean Recall@k, MRR@k, nDCG@k of `runs` (query id → ranked doc ids) against `qrels`
    (query id → set of relevant doc ids), over the queries with relevant documents. A query
    missing from `runs` counts as returning nothing."""
    judged = [query for query, relevant in qrels.items() if relevant]
    if not judged:
        return {f"recall_at_{k}": 0.0, f"mrr_at_{k}": 0.0, f"ndcg_at_{k}": 0.0, "n_queries": 0}
    totals = {"recall": 0.0, "mrr": 0.0, "ndcg": 0.0}
    for query in judged:
        ranked, relevant = runs.get(query, []), set(qrels[query])
        totals["recall"] += recall_at_k(ranked, relevant, k)
        totals["mrr"] += mrr_at_k(ranked, relevant, k)
        totals["ndcg"] += ndcg_at_k(ranked, relevant, k)
    n = len(judged)
    return {f"recall_at_{k}": totals["recall"] / n, f"mrr_at_{k}": totals["mrr"] / n,
            f"ndcg_at_{k}": totals["ndcg"] / n, "n_queries": n}


def percentile(values: Sequence[float], p: float) -> float:
    """Linear-interpolated percentile, p in [0, 100]; 0.0 for no values."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    position = (len(ordered) - 1) * p / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)
