"""Other cases of the same organisation that may be the same complaint, or about the same event.

- same complainant: equal keyed hashes of national ID or phone (never the clear values);
- near-duplicate narrative: MinHash estimated Jaccard ≥ 0.6, candidates found through the
  indexed LSH band keys of stored signatures;
- same facility and an incident date within ±3 days.

Two ways to read them, one scoring: `find_related` (through the ORM, with the other cases as
model instances) and `read_related` (the triage run's: the three kinds of candidates and what
the run needs of each other case in one statement).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import NamedTuple

import numpy as np
from django.db import connection, transaction
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

__all__ = ["REASON_SOURCE", "CaseRef", "Related", "find_related", "read_related", "store_signature", "text_hash"]

DATE_WINDOW_DAYS = 3
MAX_PER_REASON = 20  # a prolific complainant must not flood the panel

REASON_SOURCE = {
    "near_duplicate": "minhash",
    "same_national_id": "identity_hash",
    "same_phone": "identity_hash",
    "same_facility_date": "facility_date",
}


class CaseRef(NamedTuple):
    """What a triage run needs of another case (`read_related`), where `find_related` gives the
    model instance: the same attribute names."""

    pk: int
    received_at: datetime
    duplicate_of_id: int | None
    reference: str


@dataclass(frozen=True)
class Related:
    case: Case | CaseRef
    reason: str  # a key of REASON_SOURCE
    score: float


def text_hash(normal: str) -> str:
    """Of the NORMALISED narrative: a stored signature is recomputed only when it changes."""
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def store_signature(case: Case, text: TextAnalysis | None = None) -> np.ndarray:
    """Compute (if the narrative changed) and store the case's signature and band keys.
    `text` is the triage run's analysis of the narrative, if it has one."""
    normal = text.normal if text is not None else normalise(case.narrative)
    digest = text_hash(normal)
    existing = CaseSignature.objects.filter(case_id=case.pk).first()
    if existing is not None and existing.text_hash == digest:
        return from_bytes(existing.signature)
    sig = signature_of_shingles(text.shingles(SHINGLE_SIZE)) if text is not None else signature(case.narrative)
    with transaction.atomic():
        CaseSignature.objects.update_or_create(
            case_id=case.pk,
            defaults={"organisation_id": case.organisation_id, "signature": to_bytes(sig), "text_hash": digest},
        )
        SignatureBand.objects.filter(signature_id=case.pk).delete()
        SignatureBand.objects.bulk_create([
            SignatureBand(signature_id=case.pk, organisation_id=case.organisation_id, key=key)
            for key in band_keys(sig)
        ])
    return sig


# --- scoring, whichever way the candidates were read ------------------------------------------

def _near_scores(sig: np.ndarray, rows) -> dict[int, float]:
    """{case id: estimated Jaccard} of the candidates (case id, stored signature) at least
    NEAR_DUPLICATE alike, the MAX_PER_REASON closest."""
    found = {}
    for case_id, data in rows:
        score = estimated_jaccard(sig, from_bytes(data))
        if score >= NEAR_DUPLICATE:
            found[case_id] = score
    return dict(sorted(found.items(), key=lambda item: -item[1])[:MAX_PER_REASON])


def _own_hashes(rows) -> tuple[set[str], set[str]]:
    """(national ID hashes, phone hashes) of the case's persons, from (national_id_hash, phone_hash)."""
    ids, phones = set(), set()
    for national_id_hash, phone_hash in rows:
        if national_id_hash:
            ids.add(national_id_hash)
        if phone_hash:
            phones.add(phone_hash)
    return ids, phones


def _person_reasons(ids: set[str], phones: set[str], rows) -> dict[int, set[str]]:
    """{case id: reasons} of the other persons (case id, national_id_hash, phone_hash), latest
    case first, the first MAX_PER_REASON cases."""
    found: dict[int, set[str]] = {}
    for case_id, national_id_hash, phone_hash in rows:
        if national_id_hash and national_id_hash in ids:
            found.setdefault(case_id, set()).add("same_national_id")
        if phone_hash and phone_hash in phones:
            found.setdefault(case_id, set()).add("same_phone")
    return dict(list(found.items())[:MAX_PER_REASON])


def _place_scores(incident_date: date, rows) -> dict[int, float]:
    # The same day scores 1.0, three days apart 0.25.
    return {pk: 1 - abs((day - incident_date).days) / (DATE_WINDOW_DAYS + 1) for pk, day in rows}


def _pairs(near: dict[int, float], persons: dict[int, set[str]], places: dict[int, float]) -> list[tuple]:
    pairs: list[tuple[int, str, float]] = []
    pairs += [(pk, "near_duplicate", score) for pk, score in near.items()]
    pairs += [(pk, reason, 1.0) for pk, reasons in persons.items() for reason in sorted(reasons)]
    pairs += [(pk, "same_facility_date", score) for pk, score in places.items()]
    return pairs


def _ranked(pairs, cases: dict) -> list[Related]:
    related = [Related(cases[pk], reason, round(score, 4)) for pk, reason, score in pairs if pk in cases]
    return sorted(related, key=lambda r: (-r.score, r.reason, r.case.pk))


# --- through the ORM ----------------------------------------------------------------------------

def _near_duplicates(case: Case, sig: np.ndarray) -> dict[int, float]:
    candidates = (
        SignatureBand.objects.filter(organisation_id=case.organisation_id, key__in=band_keys(sig))
        .exclude(signature_id=case.pk).values_list("signature_id", flat=True).distinct()
    )
    rows = CaseSignature.objects.filter(case_id__in=candidates).order_by("case_id").values_list("case_id", "signature")
    return _near_scores(sig, rows)


def _same_person(case: Case) -> dict[int, set[str]]:
    ids, phones = _own_hashes(case.persons.values_list("national_id_hash", "phone_hash"))
    if not ids and not phones:
        return {}
    rows = (
        Person.objects.filter(case__organisation_id=case.organisation_id)
        .filter(Q(national_id_hash__in=ids) | Q(phone_hash__in=phones))
        .exclude(case_id=case.pk)
        .order_by("-case__received_at")
        .values_list("case_id", "national_id_hash", "phone_hash")
    )
    return _person_reasons(ids, phones, rows)


def _same_place_and_time(case: Case) -> dict[int, float]:
    if not case.facility_id or not case.incident_date:
        return {}
    window = timedelta(days=DATE_WINDOW_DAYS)
    rows = (
        Case.objects.filter(organisation_id=case.organisation_id, facility_id=case.facility_id,
                            incident_date__range=(case.incident_date - window, case.incident_date + window))
        .exclude(pk=case.pk).order_by("-received_at").values_list("pk", "incident_date")[:MAX_PER_REASON]
    )
    return _place_scores(case.incident_date, rows)


def find_related(case: Case, sig: np.ndarray | None = None) -> list[Related]:
    """Every (other case, reason) pair, strongest first. `sig` defaults to the stored
    signature, or one computed now (and not stored) when triage has not run yet."""
    if sig is None:
        stored = CaseSignature.objects.filter(case_id=case.pk).values_list("signature", flat=True).first()
        sig = from_bytes(stored) if stored is not None else signature(case.narrative)
    pairs = _pairs(_near_duplicates(case, sig), _same_person(case), _same_place_and_time(case))
    if not pairs:
        return []
    return _ranked(pairs, Case.objects.in_bulk({pk for pk, _, _ in pairs}))


# --- in one statement (the triage run) ----------------------------------------------------------

def moment(value) -> datetime:
    """A datetime column read by a raw query: SQLite gives UTC text, PostgreSQL an aware datetime."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def day(value) -> date | None:
    """A date column read by a raw query (SQLite gives text)."""
    return date.fromisoformat(value) if isinstance(value, str) else value


@cache
def _related_sql(keys: int, place: bool) -> str:
    """The candidates of the three reasons, each row with what the run needs of its case, tagged:
    0 near-duplicate (its stored signature), 1 a person of the case itself, 2 a person of another
    case with one of its hashes, 3 the same facility and dates (its incident date). Every branch
    reads an index: band keys, the persons' case and hashes, the cases' facility. Our tables'
    names only; every value is a parameter."""
    q = connection.ops.quote_name
    names = {"case": Case._meta.db_table, "person": Person._meta.db_table, "sig": CaseSignature._meta.db_table,
             "band": SignatureBand._meta.db_table, "key": q("key"), "keys": ", ".join(["%s"] * keys),
             "details": "c.received_at, c.duplicate_of_id, c.reference", "most": MAX_PER_REASON,
             # PostgreSQL types a UNION's columns branch by branch: an untyped NULL would be text.
             "date": Case._meta.get_field("incident_date").db_type(connection)}
    branches = [
        "SELECT 0, s.case_id, {details}, s.signature, NULL, NULL, CAST(NULL AS {date}) FROM {sig} s "
        "JOIN {case} c ON c.id = s.case_id "
        "WHERE s.case_id IN (SELECT b.signature_id FROM {band} b WHERE b.organisation_id = %s AND b.{key} IN ({keys}) "
        "AND b.signature_id <> %s)",
        "SELECT 1, p.case_id, {details}, NULL, p.national_id_hash, p.phone_hash, NULL FROM {person} p "
        "JOIN {case} c ON c.id = p.case_id WHERE p.case_id = %s",
        "SELECT 2, p.case_id, {details}, NULL, p.national_id_hash, p.phone_hash, NULL FROM {person} p "
        "JOIN {case} c ON c.id = p.case_id "
        "WHERE (p.national_id_hash IN (SELECT national_id_hash FROM {person} WHERE case_id = %s AND national_id_hash <> '') "
        "OR p.phone_hash IN (SELECT phone_hash FROM {person} WHERE case_id = %s AND phone_hash <> '')) "
        "AND p.case_id <> %s AND c.organisation_id = %s",
    ]
    if place:
        branches.append(
            "SELECT 3, c.id, {details}, NULL, NULL, NULL, c.incident_date FROM {case} c WHERE c.id IN "
            "(SELECT id FROM {case} WHERE organisation_id = %s AND facility_id = %s AND incident_date BETWEEN %s AND %s "
            "AND id <> %s ORDER BY received_at DESC LIMIT {most})")
    return " UNION ALL ".join(branches).format(**names)


def read_related(*, case_id: int, organisation_id: int, facility_id: int | None, incident_date: date | None,
                 sig: np.ndarray) -> list[Related]:
    """`find_related` for the case with these columns and signature, read in one statement; the
    other cases are `CaseRef`s."""
    keys = band_keys(sig)
    params: list = [organisation_id, *keys, case_id, case_id, case_id, case_id, case_id, organisation_id]
    place = bool(facility_id and incident_date)
    if place:
        window = timedelta(days=DATE_WINDOW_DAYS)
        adapt = connection.ops.adapt_datefield_value
        params += [organisation_id, facility_id, adapt(incident_date - window), adapt(incident_date + window), case_id]
    with connection.cursor() as cursor:
        cursor.execute(_related_sql(len(keys), place), params)
        rows = cursor.fetchall()
    cases: dict[int, CaseRef] = {}
    signatures, own, others, places = [], [], [], []
    for tag, pk, received_at, duplicate_of_id, reference, data, national_id_hash, phone_hash, incident in rows:
        if tag == 1:
            own.append((national_id_hash, phone_hash))
            continue
        if pk not in cases:
            cases[pk] = CaseRef(pk, moment(received_at), duplicate_of_id, reference)
        if tag == 0:
            signatures.append((pk, data))
        elif tag == 2:
            others.append((cases[pk].received_at, pk, national_id_hash, phone_hash))
        else:
            places.append((cases[pk].received_at, pk, day(incident)))
    signatures.sort(key=lambda row: row[0])
    ids, phones = _own_hashes(own)
    others.sort(key=lambda row: row[0], reverse=True)  # latest case first, as `_same_person` reads them
    persons = _person_reasons(ids, phones, [row[1:] for row in others]) if ids or phones else {}
    places.sort(key=lambda row: row[0], reverse=True)
    pairs = _pairs(_near_scores(sig, signatures), persons,
                   _place_scores(incident_date, [row[1:] for row in places]) if place else {})
    return _ranked(pairs, cases)
