"""Personal data inside free text (narratives, messages): where it is, and masked copies.

Only offsets and the kind are stored (PiiSpan), never the value. The narrative is scanned by
the triage run; a message or internal note is scanned when it is written, in the same
transaction (`store_message_pii`, called by the complaints domain functions), so there is no
moment at which a committed message has no spans and nothing to lose if a process stops.
Masking uses the stored spans; for text that was never scanned (rows written before scanning on
write existed) it detects on the spot, so an export is masked all the same.
"""

from __future__ import annotations

from django.db import transaction

from mizan.complaints.models import Case, CaseMessage
from mizan.lib.pii import PIIMatch, find_pii, redact

from .models import PiiSpan

__all__ = ["MASK", "redacted_message", "redacted_narrative", "spans_of", "store_message_pii", "store_pii_spans"]

MASK = "▇▇▇"


def spans_of(text: str, source: str, source_id: int | None = None) -> list[tuple]:
    """(source, source_id, kind, start, end) of each piece of personal data in `text`: a
    PiiSpan's columns without the case."""
    return [(source, source_id, m.kind, m.start, m.end) for m in find_pii(text)]


def _message_spans(case_id: int, message_id: int, body: str) -> list[PiiSpan]:
    return [PiiSpan(case_id=case_id, source=source, source_id=source_id, kind=kind, start=start, end=end)
            for source, source_id, kind, start, end in spans_of(body, PiiSpan.Source.MESSAGE, message_id)]


def store_pii_spans(case: Case) -> int:
    """Scan the narrative and every message of `case`; replace its stored spans. Returns how many.

    Reads under the case's row lock (the lock `post_message` and the other message-writing
    domain functions take), so a message written meanwhile is either read here or writes its
    own spans after this replacement, never lost between the two. (A triage run does the same
    inside its own transaction: `engine.run_triage`.)
    """
    with transaction.atomic():
        narrative = Case.objects.select_for_update().filter(pk=case.pk).values_list("narrative", flat=True).first()
        if narrative is None:
            return 0
        spans = [PiiSpan(case_id=case.pk, source=source, source_id=source_id, kind=kind, start=start, end=end)
                 for source, source_id, kind, start, end in spans_of(narrative, PiiSpan.Source.NARRATIVE)]
        for message_id, body in CaseMessage.objects.filter(case_id=case.pk).values_list("pk", "body"):
            spans += _message_spans(case.pk, message_id, body)
        PiiSpan.objects.filter(case_id=case.pk).delete()
        PiiSpan.objects.bulk_create(spans)
    return len(spans)


def store_message_pii(message: CaseMessage) -> int:
    """Scan a new message (or internal note) and store its spans; returns how many.

    Registered for `projections.MESSAGE`, which the domain functions call once for each message
    they write, in the transaction that writes it (holding the case's row lock): a new message
    has no spans yet, so they are inserted (one INSERT, none without personal data), never
    replaced. `store_pii_spans` replaces a whole case's.
    """
    spans = _message_spans(message.case_id, message.pk, message.body)
    if spans:
        PiiSpan.objects.bulk_create(spans)
    return len(spans)


def _masked(text: str, rows) -> str:
    matches = [PIIMatch(kind, start, end, "") for kind, start, end in rows if 0 <= start < end <= len(text)]
    if not matches:
        matches = find_pii(text)
    return redact(text, matches, mask=MASK)


def redacted_narrative(case: Case) -> str:
    """The narrative with personal data replaced by MASK."""
    rows = PiiSpan.objects.filter(case=case, source=PiiSpan.Source.NARRATIVE).values_list("kind", "start", "end")
    return _masked(case.narrative, rows)


def redacted_message(message: CaseMessage) -> str:
    """A message body with personal data replaced by MASK."""
    rows = PiiSpan.objects.filter(case_id=message.case_id, source=PiiSpan.Source.MESSAGE,
                                  source_id=message.pk).values_list("kind", "start", "end")
    return _masked(message.body, rows)
