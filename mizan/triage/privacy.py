"""Personal data inside free text (narratives, messages): where it is, and masked copies.

Only offsets and the kind are stored (PiiSpan), never the value. Masking uses the stored spans;
for text triage has not scanned yet it detects on the spot, so an export made before the
background task ran is masked all the same.
"""

from __future__ import annotations

from django.db import transaction

from mizan.complaints.models import Case, CaseMessage
from mizan.lib.pii import PIIMatch, find_pii, redact

from .models import PiiSpan

__all__ = ["MASK", "redacted_message", "redacted_narrative", "store_pii_spans"]

MASK = "▇▇▇"


def store_pii_spans(case: Case) -> int:
    """Scan the narrative and every message of `case`; replace its stored spans. Returns how many."""
    spans = [
        PiiSpan(case=case, source=PiiSpan.Source.NARRATIVE, source_id=None, kind=m.kind, start=m.start, end=m.end)
        for m in find_pii(case.narrative)
    ]
    for message_id, body in CaseMessage.objects.filter(case=case).values_list("pk", "body"):
        spans += [
            PiiSpan(case=case, source=PiiSpan.Source.MESSAGE, source_id=message_id, kind=m.kind,
                    start=m.start, end=m.end)
            for m in find_pii(body)
        ]
    with transaction.atomic():
        PiiSpan.objects.filter(case=case).delete()
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
