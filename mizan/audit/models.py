"""Append-only audit log, each row chained to the previous one by an HMAC.

Rows hold ids and action names, never personal data. The chain key is derived from
MIZAN_HASH_KEY, which lives outside the database, so a database editor cannot re-forge the
chain after changing a row; `manage.py verify_audit` finds the first broken link.
"""

import json

from django.conf import settings
from django.db import connection, models, transaction
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
    """One row that serialises appends to the chain (locked with SELECT ... FOR UPDATE) and
    anchors its end: the last row's hash and the number of rows, kept by the database (a trigger
    on the rows' INSERT, migration 0002), so rows deleted from the end show."""

    last_hash = models.CharField(max_length=64, default=GENESIS)
    count = models.PositiveBigIntegerField(default=0)


def record(*, action: str, organisation=None, actor=None, actor_label: str | None = None,
           target=None, data: dict | None = None) -> AuditEvent:
    """Append one audit row. Call inside the transaction of the change it records.

    Two statements: the head, locked, read with the id the row will get from the database's own
    sequence (PostgreSQL's nextval; SQLite's AUTOINCREMENT counter, which the held write lock
    keeps), so the row's hash, which covers its id, is computed before the row is written; then
    the row, whose INSERT moves the head on (the trigger of migration 0002)."""
    with transaction.atomic(savepoint=False):
        head = _locked_head()
        if head is None:
            AuditHead.objects.get_or_create(pk=1)
            head = _locked_head()
        last_hash, next_id = head
        event = AuditEvent(
            id=next_id,
            at=timezone.now(),
            organisation=organisation,
            actor=actor if getattr(actor, "pk", None) else None,
            actor_label=actor_label or ("staff" if getattr(actor, "pk", None) else "system"),
            action=action,
            target_type=target._meta.model_name if target is not None else "",
            target_id=str(target.pk) if target is not None else "",
            data=data or {},
            prev_hash=last_hash,
        )
        event.hash = event.compute_hash()
        models.Model.save(event, force_insert=True)  # the trigger moves the head to it
        return event


def _locked_head() -> tuple[str, int] | None:
    """(the chain's last hash, the id the next row takes), the head row locked; None without a head."""
    table = AuditEvent._meta.db_table
    head = AuditHead._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"SELECT last_hash, nextval(pg_get_serial_sequence(%s, 'id')) FROM {head} "  # noqa: S608 (our tables)
                           "WHERE id = 1 FOR UPDATE", [table])
        else:  # inside the write transaction: nobody else takes an id until it ends
            cursor.execute(f"SELECT last_hash, COALESCE((SELECT MAX(seq) FROM sqlite_sequence WHERE name = %s), 0) + 1 "  # noqa: S608
                           f"FROM {head} WHERE id = 1", [table])
        row = cursor.fetchone()
    return (row[0], int(row[1])) if row else None


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
