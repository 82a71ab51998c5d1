"""One triage run over a case: compute what to suggest, then reconcile with what is stored.

Idempotent: a suggestion is one row per (case, kind, value). A run updates pending rows, revives
superseded ones it makes again, supersedes pending ones it no longer makes, and never touches a
decided row — a person's decision is never asked twice and never overwritten.

The level of the urgency suggestion left waiting is copied onto the case (the queues sort and
show it). A critical one that this run made, or made again, alerts the supervisors once; a
re-run that finds it still waiting alerts nobody.

What a run costs (the worker runs one per complaint filed, beside the web processes): two reads
before any lock — the case with its categories' top-level codes, its stored signature and its
organisation's active model (`_read_case`); the candidates of every kind of related case with
what is needed of each (`related.read_related`) — then the text's analysis, signature and
personal-data scan, all outside the transaction; then ONE transaction under the case's row lock:
one read of what is stored (the narrative again, messages, spans, signature hash, suggestions,
suggested urgency: `_read_locked`), and only the writes that change something — the signature
and its band keys, the spans, the new suggestions in one INSERT, the re-made and withdrawn ones
in one UPDATE, the case's suggested urgency when it changes. tests/triage/test_triage_cost.py
pins the statements; bench/triage_cost.py measures them and the CPU.
"""

from __future__ import annotations

import json
import math
from functools import cache
from typing import NamedTuple

from django.db import connection, transaction
from django.utils import timezone

from mizan.complaints import locks
from mizan.complaints import services as case_services
from mizan.complaints.models import URGENCY_RANK, Case, CaseCategory, CaseMessage, Category, Urgency

from .classify import predict_categories
from .lexicon import CategoryGuess, UrgencySignal, analyse_text, detect_urgency
from .minhash import SHINGLE_SIZE, band_keys, from_bytes, signature_of_shingles, to_bytes
from .models import CaseSignature, PiiSpan, SignatureBand, Suggestion, TriageModel
from .privacy import spans_of
from .related import REASON_SOURCE, Related, day, moment, read_related, text_hash

__all__ = ["run_triage", "wanted_suggestions"]

DUPLICATE_REASONS = {"near_duplicate", "same_national_id", "same_phone"}
SOURCE_STRENGTH = ["minhash", "identity_hash", "facility_date"]
PENDING, SUPERSEDED = Suggestion.Status.PENDING, Suggestion.Status.SUPERSEDED


class _Case(NamedTuple):
    """The case as the run reads it before any lock (`_read_case`)."""

    pk: int
    organisation_id: int
    narrative: str
    urgency: str
    duplicate_of_id: int | None
    received_at: object
    facility_id: int | None
    incident_date: object
    stored_hash: str | None  # of the stored signature's normalised narrative
    stored_signature: bytes | None
    model: TriageModel | None  # the organisation's active version (pk, organisation_id, sha256)
    root_codes: set[str]  # top-level codes of its categories


class _Locked(NamedTuple):
    """What is stored for the case, read under its row lock (`_read_locked`)."""

    narrative: str
    urgency: str
    suggested_urgency: str | None
    suggested_urgency_signals: list | None
    stored_hash: str | None
    messages: list[tuple[int, str]]
    spans: list[tuple]  # (source, source_id, kind, start, end)
    suggestions: dict[tuple[str, str], dict]  # (kind, value) -> id, status, confidence, source, reasons


def _json(value):
    """A JSON column read by a raw query (text on SQLite, and on PostgreSQL as Django loads jsonb)."""
    return json.loads(value) if isinstance(value, str | bytes) else value


# The run's reads: our tables' names are filled in once (`_sql`); every value is a parameter.
_CASE_SQL = (
    "SELECT 0, c.organisation_id, c.narrative, c.urgency, c.duplicate_of_id, c.received_at, c.facility_id, "
    "c.incident_date, s.text_hash, s.signature, m.id, m.sha256 FROM {case} c "
    "LEFT JOIN {sig} s ON s.case_id = c.id "
    "LEFT JOIN {model} m ON m.organisation_id = c.organisation_id AND m.is_active "
    "WHERE c.id = %s "
    "UNION ALL SELECT 1, k.id, COALESCE(g.code, p.code, k.code), NULL, g.parent_id, NULL, NULL, NULL, NULL, NULL, "
    "NULL, NULL FROM {casecategory} cc JOIN {category} k ON k.id = cc.category_id "
    "LEFT JOIN {category} p ON p.id = k.parent_id LEFT JOIN {category} g ON g.id = p.parent_id "
    "WHERE cc.case_id = %s"
)
_LOCK_SQL = "SELECT id FROM {case} WHERE id = %s FOR UPDATE"
_LOCKED_SQL = (
    "SELECT 0, {null_id}, {null_int}, {null_int}, c.narrative, c.urgency, c.suggested_urgency, s.text_hash, {null_float}, "
    "c.suggested_urgency_signals FROM {case} c LEFT JOIN {sig} s ON s.case_id = c.id WHERE c.id = %s "
    "UNION ALL SELECT 1, id, NULL, NULL, body, NULL, NULL, NULL, NULL, NULL FROM {message} WHERE case_id = %s "
    "UNION ALL SELECT 2, source_id, {start}, {end}, source, kind, NULL, NULL, NULL, NULL FROM {span} WHERE case_id = %s "
    "UNION ALL SELECT 3, id, NULL, NULL, kind, value, status, source, confidence, reasons FROM {suggestion} "
    "WHERE case_id = %s"
)


def _null(model, name: str) -> str:
    """A NULL of the column's type: PostgreSQL types a UNION's columns branch by branch, from the
    first, and an untyped NULL there would be text."""
    return f"CAST(NULL AS {model._meta.get_field(name).db_type(connection)})"


@cache
def _sql(template: str) -> str:
    q = connection.ops.quote_name
    return template.format(
        start=q("start"), end=q("end"), null_id=_null(PiiSpan, "source_id"), null_int=_null(PiiSpan, "start"),
        null_float=_null(Suggestion, "confidence"),
        **{name: model._meta.db_table for name, model in (
            ("case", Case), ("casecategory", CaseCategory), ("category", Category), ("sig", CaseSignature),
            ("model", TriageModel), ("message", CaseMessage), ("span", PiiSpan), ("suggestion", Suggestion))})


def _read_case(case_id: int) -> _Case | None:
    """The case's columns, stored signature and active model, and its categories' top-level
    codes, in one statement (a category deeper than three levels is walked up through the ORM)."""
    sql = _sql(_CASE_SQL)
    with connection.cursor() as cursor:
        cursor.execute(sql, [case_id, case_id])
        rows = cursor.fetchall()
    head = next((row for row in rows if row[0] == 0), None)
    if head is None:
        return None
    codes = set()
    for _tag, category_id, code, _, deeper, *_rest in rows:
        if _tag != 1:
            continue
        codes.add(Category.objects.get(pk=category_id).root.code if deeper is not None else code)
    (_tag, organisation_id, narrative, urgency, duplicate_of_id, received_at, facility_id, incident_date,
     stored_hash, stored_signature, model_id, sha256) = head
    model = TriageModel(pk=model_id, organisation_id=organisation_id, sha256=sha256) if model_id is not None else None
    return _Case(case_id, organisation_id, narrative, urgency, duplicate_of_id, moment(received_at), facility_id,
                 day(incident_date), stored_hash, stored_signature, model, codes)


def _read_locked(case_id: int) -> _Locked | None:
    """Under the case's row lock (taken first where the database has row locks; SQLite's
    transaction already holds the write lock), in one statement: the narrative, urgency and
    suggested urgency, the stored signature's hash, the messages, the personal-data spans and the
    suggestions. Every writer of a case's suggestions, spans and signature holds that lock
    (decisions, message writers, triage runs), so what is read here stays true until the commit."""
    if connection.features.has_select_for_update:
        with connection.cursor() as cursor:
            cursor.execute(_sql(_LOCK_SQL), [case_id])
    sql = _sql(_LOCKED_SQL)
    with connection.cursor() as cursor:
        cursor.execute(sql, [case_id] * 4)
        rows = cursor.fetchall()
    head, messages, spans, suggestions = None, [], [], {}
    for tag, n1, n2, n3, x1, x2, x3, x4, number, data in rows:
        if tag == 0:
            head = (x1, x2, x3, _json(data), x4)
        elif tag == 1:
            messages.append((n1, x1))
        elif tag == 2:
            spans.append((x1, n1, x2, n2, n3))
        else:
            suggestions[(x1, x2)] = {"id": n1, "status": x3, "source": x4, "confidence": number, "reasons": data}
    if head is None:
        return None
    messages.sort()  # by id, the order they were written
    return _Locked(*head, messages=messages, spans=spans, suggestions=suggestions)


def _category_suggestions(present: set[str], guesses: list[CategoryGuess]) -> dict:
    wanted = {}
    for guess in guesses:
        # A category already on the case needs no decision; "other" is the fallback, not a finding.
        if guess.code in present or guess.code == "other":
            continue
        wanted[(Suggestion.Kind.CATEGORY, guess.code)] = {
            "confidence": guess.confidence, "source": guess.source,
            "reasons": {"triggers": list(guess.triggers)},
        }
    return wanted


def _urgency_suggestion(urgency: str, signals: list[UrgencySignal]) -> dict:
    if not signals:
        return {}
    level = signals[0].level
    if URGENCY_RANK[level] <= URGENCY_RANK.get(urgency, 1):
        return {}
    # One signal 0.78, two 0.95: several independent signs make the need for speed clearer.
    confidence = round(1 - math.exp(-1.5 * len(signals)), 4)
    return {(Suggestion.Kind.URGENCY, level): {
        "confidence": confidence, "source": "lexicon",
        "reasons": {"signals": [{"code": s.code, "level": s.level, "triggers": list(s.triggers)} for s in signals]},
    }}


def _link_suggestions(case, related: list[Related]) -> dict:
    by_case: dict[int, dict] = {}
    for item in related:
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


def wanted_suggestions(case, *, present: set[str], guesses: list[CategoryGuess], signals: list[UrgencySignal],
                       related: list[Related]) -> dict:
    """{(kind, value): confidence, source and reasons} of what a run suggests for `case` (its pk,
    urgency, duplicate_of_id and received_at are read: the model instance or the run's own read)
    from the top-level codes of its categories, the category guesses, the urgency signals and the
    related cases of its text."""
    return {**_category_suggestions(present, guesses), **_urgency_suggestion(case.urgency, signals),
            **_link_suggestions(case, related)}


def _insert(model, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """One INSERT of `rows` (values ready for the database) into `model`'s table: the triage
    run's few rows of plain values without `bulk.insert`'s model instances and per-field
    preparation (a run writes 32 band keys and up to 60 link suggestions)."""
    if not rows:
        return
    q = connection.ops.quote_name
    row = "(" + ", ".join(["%s"] * len(columns)) + ")"
    sql = (f"INSERT INTO {q(model._meta.db_table)} ({', '.join(q(c) for c in columns)}) "  # noqa: S608 (our tables)
           f"VALUES {', '.join([row] * len(rows))}")
    with connection.cursor() as cursor:
        cursor.execute(sql, [value for values in rows for value in values])


def _now(model, field: str = "updated_at"):
    return model._meta.get_field(field).get_db_prep_save(timezone.now(), connection)


def _store_signature(case: _Case, locked: _Locked, digest: str, sig) -> None:
    """Write the signature and its band keys unless the stored one is of this text already."""
    if locked.stored_hash == digest:
        return
    data = CaseSignature._meta.get_field("signature").get_db_prep_save(to_bytes(sig), connection)
    if locked.stored_hash is None:
        _insert(CaseSignature, ("case_id", "organisation_id", "signature", "text_hash", "updated_at"),
                [(case.pk, case.organisation_id, data, digest, _now(CaseSignature))])
    else:
        CaseSignature.objects.filter(case_id=case.pk).update(
            organisation_id=case.organisation_id, signature=to_bytes(sig), text_hash=digest, updated_at=timezone.now())
        SignatureBand.objects.filter(signature_id=case.pk).delete()
    _insert(SignatureBand, ("signature_id", "organisation_id", "key"),
            [(case.pk, case.organisation_id, key) for key in band_keys(sig)])


def _span_key(span: tuple) -> tuple:
    source, source_id, kind, start, end = span
    return str(source), -1 if source_id is None else source_id, str(kind), start, end


def _store_spans(case_id: int, locked: _Locked, narrative_spans: list[tuple]) -> int:
    """Replace the case's personal-data spans with those of its narrative and messages, unless
    they are those already; returns how many."""
    spans = list(narrative_spans)
    for message_id, body in locked.messages:
        spans += spans_of(body, PiiSpan.Source.MESSAGE, message_id)
    if sorted(map(_span_key, spans)) != sorted(map(_span_key, locked.spans)):
        if locked.spans:
            PiiSpan.objects.filter(case_id=case_id).delete()
        _insert(PiiSpan, ("case_id", "source", "source_id", "kind", "start", "end"),
                [(case_id, *span) for span in spans])
    return len(spans)


def _insert_suggestions(case_id: int, new: dict[tuple[str, str], dict]) -> None:
    """The new suggestions, pending, in one INSERT (without Suggestion.save: the case's
    suggested urgency is brought up to date once, by the run)."""
    now = _now(Suggestion)
    reasons = Suggestion._meta.get_field("reasons").get_db_prep_save
    _insert(Suggestion, ("case_id", "kind", "value", "confidence", "reasons", "source", "status", "created_at",
                         "updated_at"),
            [(case_id, kind, value, data["confidence"], reasons(data["reasons"], connection), data["source"], PENDING,
              now, now) for (kind, value), data in new.items()])


def _update_suggestions(remade: dict[int, dict | None], stale: list[int]) -> None:
    """One UPDATE: the re-made rows pending again (`remade`: id -> new confidence, source and
    reasons, or None when they are those stored) with a new updated_at, the stale ones
    superseded. Only rows still pending or superseded are touched."""
    if not remade and not stale:
        return
    field = Suggestion._meta.get_field
    now = _now(Suggestion)
    ids = [*remade, *stale]
    marks = ", ".join(["%s"] * len(stale))
    sets, params = [], []
    if stale and remade:
        sets += [f"status = CASE WHEN id IN ({marks}) THEN %s ELSE %s END",
                 f"updated_at = CASE WHEN id IN ({marks}) THEN updated_at ELSE %s END"]
        params += [*stale, SUPERSEDED, PENDING, *stale, now]
    elif stale:
        sets.append("status = %s")
        params.append(SUPERSEDED)
    else:
        sets += ["status = %s", "updated_at = %s"]
        params += [PENDING, now]
    changed = {pk: data for pk, data in remade.items() if data is not None}
    if changed:
        for name in ("confidence", "source", "reasons"):
            column = connection.ops.quote_name(name)
            sets.append(f"{column} = CASE id {' '.join(['WHEN %s THEN %s'] * len(changed))} ELSE {column} END")
            prepare = field(name).get_db_prep_save
            for pk, data in changed.items():
                params += [pk, prepare(data[name], connection)]
    table = connection.ops.quote_name(Suggestion._meta.db_table)
    sql = (f"UPDATE {table} SET {', '.join(sets)} "  # noqa: S608 (our table; values are parameters)
           f"WHERE id IN ({', '.join(['%s'] * len(ids))}) AND status IN (%s, %s)")
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *ids, PENDING, SUPERSEDED])


def _suggested_urgency(case_id: int, locked: _Locked, waiting: dict | None, new: bool) -> str | None:
    """Bring the case's suggested urgency up to date with the waiting urgency suggestion
    (`complaints.services.set_suggested_urgency`), unless the case already says what that call
    would write and there is nobody to alert; returns the level recorded."""
    level = waiting["value"] if waiting is not None else None
    signals = [signal["code"] for signal in (waiting["reasons"] or {}).get("signals", [])
               if signal.get("code")] if waiting is not None else []
    # What set_suggested_urgency records: nothing for a level no higher than the case's urgency.
    recorded = level if level is not None and URGENCY_RANK[level] > URGENCY_RANK[locked.urgency] else None
    if (recorded == locked.suggested_urgency and (signals if recorded is not None else None) ==
            locked.suggested_urgency_signals and not (new and recorded == Urgency.CRITICAL)):
        return locked.suggested_urgency
    # Read under the lock the run holds (`complaints.locks`): the domain function uses this read
    # and runs in the run's transaction, without a savepoint of its own.
    held = locks.locked(Case.objects.filter(pk=case_id))
    return case_services.set_suggested_urgency(case=held, level=level, signals=signals, new=new).suggested_urgency


def run_triage(case_id: int) -> dict:
    """Triage case `case_id`; returns counts by outcome (for the task result and the tests)."""
    case = _read_case(case_id)
    if case is None:
        return {"case": case_id, "missing": True}
    # The narrative is normalised and tokenised once for categories, urgency and MinHash.
    text = analyse_text(case.narrative)
    digest = text_hash(text.normal)
    sig = (from_bytes(case.stored_signature) if case.stored_hash == digest
           else signature_of_shingles(text.shingles(SHINGLE_SIZE)))
    related = read_related(case_id=case_id, organisation_id=case.organisation_id, facility_id=case.facility_id,
                           incident_date=case.incident_date, sig=sig)
    wanted = wanted_suggestions(case, present=case.root_codes, guesses=predict_categories(text, model=case.model),
                                signals=detect_urgency(text), related=related)
    narrative_spans = spans_of(case.narrative, PiiSpan.Source.NARRATIVE)
    with transaction.atomic():
        locked = _read_locked(case_id)
        if locked is None:  # deleted since it was read
            return {"case": case_id, "missing": True}
        _store_signature(case, locked, digest, sig)
        if locked.narrative != case.narrative:  # changed since: its own run follows; the spans fit it now
            narrative_spans = spans_of(locked.narrative, PiiSpan.Source.NARRATIVE)
        counts = {"case": case_id, "created": 0, "updated": 0, "superseded": 0, "kept": 0,
                  "pii_spans": _store_spans(case_id, locked, narrative_spans)}
        existing = locked.suggestions
        now_waiting = set()  # suggestions this run made, or made again after they were withdrawn
        new, remade = {}, {}
        final = {}  # (kind, value) -> status and reasons after this run, for the waiting urgency
        for key, data in wanted.items():
            current = existing.get(key)
            if current is None:
                new[key] = data
                counts["created"] += 1
                now_waiting.add(key)
                final[key] = {"status": PENDING, "reasons": data["reasons"]}
            elif current["status"] in (PENDING, SUPERSEDED):
                if current["status"] == SUPERSEDED:
                    now_waiting.add(key)
                same = (current["confidence"] == data["confidence"] and current["source"] == data["source"]
                        and _json(current["reasons"]) == data["reasons"])
                remade[current["id"]] = None if same else data
                counts["updated"] += 1
                final[key] = {"status": PENDING, "reasons": data["reasons"]}
            else:
                counts["kept"] += 1
        _insert_suggestions(case_id, new)
        stale = [s["id"] for key, s in existing.items() if key not in wanted and s["status"] == PENDING]
        _update_suggestions(remade, stale)
        counts["superseded"] = len(stale)
        for key, s in existing.items():
            if key not in final:
                final[key] = {"status": SUPERSEDED if key not in wanted and s["status"] == PENDING else s["status"],
                              "reasons": s["reasons"]}
        # The most urgent urgency suggestion left waiting (models.waiting_urgency, from the rows in hand).
        waiting = max(({"value": value, "reasons": _json(s["reasons"])} for (kind, value), s in final.items()
                       if kind == Suggestion.Kind.URGENCY and s["status"] == PENDING and value in URGENCY_RANK),
                      key=lambda s: URGENCY_RANK[s["value"]], default=None)
        counts["suggested_urgency"] = _suggested_urgency(
            case_id, locked, waiting, new=(Suggestion.Kind.URGENCY, Urgency.CRITICAL) in now_waiting)
    return counts
