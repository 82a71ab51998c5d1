"""One triage run over a case: compute what to suggest, then reconcile with what is stored.

Idempotent: a suggestion is one row per (case, kind, value). A run updates pending rows, revives
superseded ones it makes again, supersedes pending ones it no longer makes, and never touches a
decided row — a person's decision is never asked twice and never overwritten.

The level of the urgency suggestion left waiting is copied onto the case (the queues sort and
show it). A critical one that this run made, or made again, alerts the supervisors once; a
re-run that finds it still waiting alerts nobody.
"""

from __future__ import annotations

import math

from django.db import transaction

from mizan.complaints.models import URGENCY_RANK, Case, Urgency
from mizan.core import bulk

from .classify import predict_categories
from .lexicon import TextAnalysis, analyse_text, detect_urgency
from .models import Suggestion, sync_suggested_urgency
from .privacy import store_pii_spans
from .related import REASON_SOURCE, find_related, store_signature

__all__ = ["run_triage"]

DUPLICATE_REASONS = {"near_duplicate", "same_national_id", "same_phone"}
SOURCE_STRENGTH = ["minhash", "identity_hash", "facility_date"]


def _root_codes(case: Case) -> set[str]:
    codes = set()
    for cc in case.case_categories.select_related("category__parent__parent"):
        node = cc.category
        while node.parent_id:
            node = node.parent
        codes.add(node.code)
    return codes


def _category_suggestions(case: Case, text: TextAnalysis) -> dict:
    present = _root_codes(case)
    wanted = {}
    for guess in predict_categories(text, case.organisation):
        # A category already on the case needs no decision; "other" is the fallback, not a finding.
        if guess.code in present or guess.code == "other":
            continue
        wanted[(Suggestion.Kind.CATEGORY, guess.code)] = {
            "confidence": guess.confidence, "source": guess.source,
            "reasons": {"triggers": list(guess.triggers)},
        }
    return wanted


def _urgency_suggestion(case: Case, text: TextAnalysis) -> dict:
    signals = detect_urgency(text)
    if not signals:
        return {}
    level = signals[0].level
    if URGENCY_RANK[level] <= URGENCY_RANK.get(case.urgency, 1):
        return {}
    # One signal 0.78, two 0.95: several independent signs make the need for speed clearer.
    confidence = round(1 - math.exp(-1.5 * len(signals)), 4)
    return {(Suggestion.Kind.URGENCY, level): {
        "confidence": confidence, "source": "lexicon",
        "reasons": {"signals": [{"code": s.code, "level": s.level, "triggers": list(s.triggers)} for s in signals]},
    }}


def _link_suggestions(case: Case, text: TextAnalysis) -> dict:
    sig = store_signature(case, text)
    by_case: dict[int, dict] = {}
    for item in find_related(case, sig):
        other = item.case
        if other.pk == case.duplicate_of_id or other.duplicate_of_id == case.pk:
            continue  # already linked by a person
        entry = by_case.setdefault(other.pk, {"case": other, "reasons": {}, "score": 0.0})
        entry["reasons"][item.reason] = item.score
        entry["score"] = max(entry["score"], item.score)
    wanted = {}
    for pk, entry in by_case.items():
        other = entry["case"]
        older = (other.received_at, other.pk) < (case.received_at, case.pk)
        # Only an earlier case can be what this one duplicates (a later copy is shown as related
        # here and gets its own duplicate suggestion), and a case already marked as a duplicate
        # of one case is not offered another original.
        duplicate = older and case.duplicate_of_id is None and bool(DUPLICATE_REASONS & set(entry["reasons"]))
        kind = Suggestion.Kind.DUPLICATE if duplicate else Suggestion.Kind.RELATED
        sources = {REASON_SOURCE[reason] for reason in entry["reasons"]}
        wanted[(kind, str(pk))] = {
            "confidence": round(entry["score"], 4),
            "source": next(source for source in SOURCE_STRENGTH if source in sources),
            "reasons": {"links": [{"reason": reason, "score": score}
                                  for reason, score in sorted(entry["reasons"].items())],
                        "reference": other.reference},
        }
    return wanted


def run_triage(case_id: int) -> dict:
    """Triage case `case_id`; returns counts by outcome (for the task result and the tests)."""
    case = Case.objects.select_related("organisation").filter(pk=case_id).first()
    if case is None:
        return {"case": case_id, "missing": True}
    # The narrative is normalised and tokenised once for categories, urgency and MinHash.
    text = analyse_text(case.narrative)
    wanted = {**_category_suggestions(case, text), **_urgency_suggestion(case, text),
              **_link_suggestions(case, text)}
    pii = store_pii_spans(case)
    counts = {"case": case_id, "created": 0, "updated": 0, "superseded": 0, "kept": 0, "pii_spans": pii}
    with transaction.atomic():
        # Serialises concurrent runs for the same case (unique (case, kind, value) backs it up).
        Case.objects.select_for_update().filter(pk=case_id).values_list("pk", flat=True).first()
        existing = {(s.kind, s.value): s for s in Suggestion.objects.select_for_update().filter(case_id=case_id)}
        now_waiting = set()  # suggestions this run made, or made again after they were withdrawn
        new = []
        for key, data in wanted.items():
            current = existing.get(key)
            if current is None:
                new.append(Suggestion(case_id=case_id, kind=key[0], value=key[1], **data))
                counts["created"] += 1
                now_waiting.add(key)
            elif current.status in (Suggestion.Status.PENDING, Suggestion.Status.SUPERSEDED):
                if current.status == Suggestion.Status.SUPERSEDED:
                    now_waiting.add(key)
                for field, value in data.items():
                    setattr(current, field, value)
                current.status = Suggestion.Status.PENDING
                current.save(update_fields=["confidence", "source", "reasons", "status", "updated_at"])
                counts["updated"] += 1
            else:
                counts["kept"] += 1
        # One INSERT for the new ones (without Suggestion.save: the case's suggested urgency is
        # brought up to date once, below).
        bulk.insert(new)
        stale = [s.pk for key, s in existing.items() if key not in wanted and s.status == Suggestion.Status.PENDING]
        if stale:
            counts["superseded"] = Suggestion.objects.filter(pk__in=stale).update(status=Suggestion.Status.SUPERSEDED)
        counts["suggested_urgency"] = sync_suggested_urgency(
            case, new=(Suggestion.Kind.URGENCY, Urgency.CRITICAL) in now_waiting)
    return counts
