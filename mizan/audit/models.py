"""Append-only audit log, each row chained to the previous one by an HMAC.

Rows hold ids and action names, never personal data. The chain key is derived from
MIZAN_HASH_KEY, which lives outside the database, so a database editor cannot re-forge the
chain after changing a row; `manage.py verify_audit` finds the first broken link.
"""

import json

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from mizan.lib.vault import keyed_hash

GENESIS = "0" * 64


class AuditEvent(models.Model):
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, null=True, related_name="+"
    )
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    actor_label = models.CharField(max_length=40, default="system")  # "staff", "complainant", "system"
    action = models.CharField(_("action"), max_length=60, db_index=True)
    target_type = models.CharField(max_length=40, blank=True)
    target_id = models.CharField(max_length=40, blank=True)
    data = models.JSONField(default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["id"]

    def payload(self) -> str:
        return json.dumps(
            [self.id, self.at.isoformat(), self.organisation_id, self.actor_id, self.actor_label,
             self.action, self.target_type, self.target_id, self.data, self.prev_hash],
            sort_keys=True, ensure_ascii=False, separators=(",", ":"),
        )

    def compute_hash(self) -> str:
        return keyed_hash(settings.MIZAN_HASH_KEY, "audit-chain", self.payload())

    def save(self, *args, **kwargs):
        if self.pk:
            raise RuntimeError("audit events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise RuntimeError("audit events are append-only")


class AuditHead(models.Model):
    """One row that serialises appends to the chain (locked with SELECT ... FOR UPDATE).

    `last_id` is the id of the last row: the next row takes the one after it, so its hash (which
    covers its id) is computed before it is written, in one INSERT."""

    last_hash = models.CharField(max_length=64, default=GENESIS)
    count = models.PositiveBigIntegerField(default=0)
    last_id = models.PositiveBigIntegerField(default=0)


def record(*, action: str, organisation=None, actor=None, actor_label: str | None = None,
           target=None, data: dict | None = None) -> AuditEvent:
    """Append one audit row. Call inside the transaction of the change it records.

    Three statements: the head, locked; the row, with its id (the head's last id plus one) and
    its hash; the head moved on."""
    with transaction.atomic(savepoint=False):
        head = AuditHead.objects.select_for_update().filter(pk=1).first()
        if head is None:
            last = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
            head, _ = AuditHead.objects.get_or_create(pk=1, defaults={"last_id": last})
        event = AuditEvent(
            id=head.last_id + 1,
            at=timezone.now(),
            organisation=organisation,
            actor=actor if getattr(actor, "pk", None) else None,
            actor_label=actor_label or ("staff" if getattr(actor, "pk", None) else "system"),
            action=action,
            target_type=target._meta.model_name if target is not None else "",
            target_id=str(target.pk) if target is not None else "",
            data=data or {},
            prev_hash=head.last_hash,
        )
        event.hash = event.compute_hash()
        models.Model.save(event, force_insert=True)
        AuditHead.objects.filter(pk=1).update(last_hash=event.hash, last_id=event.id, count=models.F("count") + 1)
        return event


def chain_problems() -> tuple[int, list[tuple[int | None, str]]]:
    """Walk the chain; return (rows checked, [(row id or None for the chain's end, problem)]),
    the problems in the active language."""
    problems: list[tuple[int | None, str]] = []
    prev = GENESIS
    count = 0
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        count += 1
        if event.prev_hash != prev:
            problems.append((event.id, gettext(
                "row %(id)s: does not follow the row before it (deleted or re-ordered rows)") % {"id": event.id}))
        if event.compute_hash() != event.hash:
            problems.append((event.id, gettext("row %(id)s: content was changed after it was written") % {"id": event.id}))
        prev = event.hash
    head = AuditHead.objects.filter(pk=1).first()
    if head and head.last_hash != prev:
        problems.append((None, gettext("the last rows of the log were deleted (the chain head does not match)")))
    elif head and head.count != count:
        missing = head.count - count
        problems.append((None, ngettext(
            "%(missing)s row missing: the chain head counted %(head)s, the log holds %(count)s",
            "%(missing)s rows missing: the chain head counted %(head)s, the log holds %(count)s", missing,
        ) % {"missing": missing, "head": head.count, "count": count}))
    return count, problems


def verify_chain() -> tuple[int, list[str]]:
    """Walk the chain; return (rows checked, problems found, in the active language)."""
    count, problems = chain_problems()
    return count, [problem for _row, problem in problems]


def verify_chain_for(organisation_id: int) -> tuple[int, list[str], int]:
    """The chain as one organisation's auditor may see it: (that organisation's rows, the problems
    in its rows, how many problems lie elsewhere). The chain is the platform's, but the ids, count
    and damage of other organisations' rows are theirs: an auditor learns only that the chain is
    broken outside their rows (the operator's `verify_audit` names every row)."""
    _count, problems = chain_problems()
    flagged = [row for row, _problem in problems if row is not None]
    own = set(AuditEvent.objects.filter(organisation_id=organisation_id, pk__in=flagged).values_list("pk", flat=True))
    mine = [problem for row, problem in problems if row in own]
    return (AuditEvent.objects.filter(organisation_id=organisation_id).count(), mine, len(problems) - len(mine))
