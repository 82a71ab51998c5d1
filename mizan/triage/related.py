"""Other cases of the same organisation that may be the same complaint, or about the same event.

- same complainant: equal keyed hashes of national ID or phone (never the clear values);
- near-duplicate narrative: MinHash estimated Jaccard ≥ 0.6, candidates found through the
  indexed LSH band keys of stored signatures;
- same facility and an incident date within ±3 days.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import timedelta

import numpy as np
from django.db import transaction
from django.db.models import Q

from mizan.complaints.models import Case, Person
from mizan.lib.arabic import normalise

from .lexicon import TextAnalysis
from .minhash import (
    NEAR_DUPLICATE,
    SHINGLE_SIZE,
    band_keys,
    estimated_jaccard,
    from_bytes,
    signature,
    signature_of_shingles,
    to_bytes,
)
from .models import CaseSignature, SignatureBand

__all__ = ["REASON_SOURCE", "Related", "find_related", "store_signature"]

DATE_WINDOW_DAYS = 3
MAX_PER_REASON = 20  # a prolific complainant must not flood the panel

REASON_SOURCE = {
    "near_duplicate": "minhash",
    "same_national_id": "identity_hash",
    "same_phone": "identity_hash",
    "same_facility_date": "facility_date",
}


@dataclass(frozen=True)
class Related:
    case: Case
    reason: str  # a key of REASON_SOURCE
    score: float


def _text_hash(normal: str) -> str:
    """Of the NORMALISED narrative."""
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def store_signature(case: Case, text: TextAnalysis | None = None) -> np.ndarray:
    """Compute (if the narrative changed) and store the case's signature and band keys.
    `text` is the triage run's analysis of the narrative, if it has one."""
    normal = text.normal if text is not None else normalise(case.narrative)
    text_hash = _text_hash(normal)
    existing = CaseSignature.objects.filter(case_id=case.pk).first()
    if existing is not None and existing.text_hash == text_hash:
        return from_bytes(existing.signature)
    sig = signature_of_shingles(text.shingles(SHINGLE_SIZE)) if text is not None else signature(case.narrative)
    with transaction.atomic():
        CaseSignature.objects.update_or_create(
            case_id=case.pk,
            defaults={"organisation_id": case.organisation_id, "signature": to_bytes(sig), "text_hash": text_hash},
        )
        SignatureBand.objects.filter(signature_id=case.pk).delete()
        SignatureBand.objects.bulk_create([
            SignatureBand(signature_id=case.pk, organisation_id=case.organisation_id, key=key)
            for key in band_keys(sig)
        ])
    return sig


def _near_duplicates(case: Case, sig: np.ndarray) -> dict[int, float]:
    candidates = (
        SignatureBand.objects.filter(organisation_id=case.organisation_id, key__in=band_keys(sig))
        .exclude(signature_id=case.pk).values_list("signature_id", flat=True).distinct()
    )
    found = {}
    for case_id, data in CaseSignature.objects.filter(case_id__in=candidates).values_list("case_id", "signature"):
        score = estimated_jaccard(sig, from_bytes(data))
        if score >= NEAR_DUPLICATE:
            found[case_id] = score
    return dict(sorted(found.items(), key=lambda item: -item[1])[:MAX_PER_REASON])


def _same_person(case: Case) -> dict[int, set[str]]:
    ids, phones = set(), set()
    for national_id_hash, phone_hash in case.persons.values_list("national_id_hash", "phone_hash"):
        if national_id_hash:
            ids.add(national_id_hash)
        if phone_hash:
            phones.add(phone_hash)
    if not ids and not phones:
        return {}
    rows = (
        Person.objects.filter(case__organisation_id=case.organisation_id)
        .filter(Q(national_id_hash__in=ids) | Q(phone_hash__in=phones))
        .exclude(case_id=case.pk)
        .order_by("-case__received_at")
        .values_list("case_id", "national_id_hash", "phone_hash")
    )
    found: dict[int, set[str]] = {}
    for case_id, national_id_hash, phone_hash in rows:
        if national_id_hash and national_id_hash in ids:
            found.setdefault(case_id, set()).add("same_national_id")
        if phone_hash and phone_hash in phones:
            found.setdefault(case_id, set()).add("same_phone")
    return dict(list(found.items())[:MAX_PER_REASON])


def _same_place_and_time(case: Case) -> dict[int, float]:
    if not case.facility_id or not case.incident_date:
        return {}
    window = timedelta(days=DATE_WINDOW_DAYS)
    rows = (
        Case.objects.filter(organisation_id=case.organisation_id, facility_id=case.facility_id,
                            incident_date__range=(case.incident_date - window, case.incident_date + window))
        .exclude(pk=case.pk).order_by("-received_at").values_list("pk", "incident_date")[:MAX_PER_REASON]
    )
    # The same day scores 1.0, three days apart 0.25.
    return {pk: 1 - abs((day - case.incident_date).days) / (DATE_WINDOW_DAYS + 1) for pk, day in rows}


def find_related(case: Case, sig: np.ndarray | None = None) -> list[Related]:
    """Every (other case, reason) pair, strongest first. `sig` defaults to the stored
    signature, or one computed now (and not stored) when triage has not run yet."""
    if sig is None:
        stored = CaseSignature.objects.filter(case_id=case.pk).values_list("signature", flat=True).first()
        sig = from_bytes(stored) if stored is not None else signature(case.narrative)
    pairs: list[tuple[int, str, float]] = []
    pairs += [(pk, "near_duplicate", score) for pk, score in _near_duplicates(case, sig).items()]
    pairs += [(pk, reason, 1.0) for pk, reasons in _same_person(case).items() for reason in sorted(reasons)]
    pairs += [(pk, "same_facility_date", score) for pk, score in _same_place_and_time(case).items()]
    if not pairs:
        return []
    cases = Case.objects.in_bulk({pk for pk, _, _ in pairs})
    related = [Related(cases[pk], reason, round(score, 4)) for pk, reason, score in pairs if pk in cases]
    return sorted(related, key=lambda r: (-r.score, r.reason, r.case.pk))
