"""The core: cases (complaints), the people in them, allegations, messages, files and history.

Personal data (names, national IDs, phones, e-mails, addresses) is stored only as vault
ciphertext; reading it back goes through `complaints.reveal.reveal_identity`, which logs.
"""

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import get_language, gettext, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Facility, Governorate, Organisation, Unit

from .workflow import OPEN_STATES, Status


def category_subtree(categories, root_id: int) -> frozenset[int]:
    """Ids of `root_id` and every category below it, among the loaded `categories`."""
    children: dict[int, list[int]] = {}
    for category in categories:
        if category.parent_id:
            children.setdefault(category.parent_id, []).append(category.pk)
    found, stack = set(), [root_id]
    while stack:
        node = stack.pop()
        if node not in found:
            found.add(node)
            stack.extend(children.get(node, ()))
    return frozenset(found)


class Category(models.Model):
    """A node of the rights taxonomy. Top-level codes are stable and used by the API."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="children")
    label_ar = models.CharField(_("label (Arabic)"), max_length=200)
    label_en = models.CharField(_("label (English)"), max_length=200)
    label_fr = models.CharField(_("label (French)"), max_length=200)
    description_ar = models.TextField(blank=True)
    description_en = models.TextField(blank=True)
    description_fr = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    class Meta:
        verbose_name = _("rights category")
        verbose_name_plural = _("rights taxonomy")
        ordering = ["position", "code"]

    @property
    def label(self) -> str:
        lang = (get_language() or "ar")[:2]
        return getattr(self, f"label_{lang}", "") or self.label_ar

    @property
    def description(self) -> str:
        lang = (get_language() or "ar")[:2]
        return getattr(self, f"description_{lang}", "") or self.description_ar

    @property
    def root(self) -> "Category":
        node = self
        while node.parent_id:
            node = node.parent
        return node

    def __str__(self) -> str:
        return self.label


class Channel(models.TextChoices):
    WEB = "web", _("Web portal")
    API = "api", _("API")
    PHONE = "phone", _("Phone")
    WALK_IN = "walk_in", _("Walk-in")
    LETTER = "letter", _("Letter")
    EMAIL = "email", _("E-mail")


class Urgency(models.TextChoices):
    CRITICAL = "critical", _("Critical")
    HIGH = "high", _("High")
    NORMAL = "normal", _("Normal")
    LOW = "low", _("Low")


URGENCY_RANK = {Urgency.LOW: 0, Urgency.NORMAL: 1, Urgency.HIGH: 2, Urgency.CRITICAL: 3}


def _rank_of(field: str):
    """SQL: the rank of an urgency column (0 when it is empty)."""
    return models.Case(*(models.When(**{field: level}, then=models.Value(rank)) for level, rank in URGENCY_RANK.items()),
                       default=models.Value(0), output_field=models.SmallIntegerField())


# Words for the signals behind a suggested urgency. The triage wing finds the signals and names
# them; it registers its labeller here (see mizan/triage/models.py), so the core never imports it.
_signal_labellers: list = []


def register_urgency_signal_labeller(labeller) -> None:
    """`labeller(code)` -> the signal's description in the active language, or None if unknown."""
    if labeller not in _signal_labellers:
        _signal_labellers.append(labeller)


def urgency_signal_labels(codes) -> list[str]:
    """The descriptions of the urgency signals `codes`, in the active language; unknown codes are
    left out (a person reads words, never a code)."""
    labels = []
    for code in codes or ():
        label = next((found for labeller in _signal_labellers if (found := labeller(code))), None)
        if label:
            labels.append(str(label))
    return labels


def critical_review_hours() -> int:
    """Clock hours a pending critical urgency suggestion may wait for a decision (nights and
    weekends count: people are beaten at night too)."""
    return settings.MIZAN_CRITICAL_REVIEW_HOURS


class Vulnerability(models.TextChoices):
    WOMAN = "woman", _("Woman")
    CHILD = "child", _("Child")
    DISABILITY = "disability", _("Person with a disability")
    OLDER_PERSON = "older_person", _("Older person")
    DETAINEE = "detainee", _("Detainee")
    MIGRANT = "migrant", _("Migrant or refugee")


class Finding(models.TextChoices):
    SUBSTANTIATED = "substantiated", _("Substantiated")
    PARTLY = "partly_substantiated", _("Partly substantiated")
    NOT_SUBSTANTIATED = "not_substantiated", _("Not substantiated")
    MEDIATION = "mediation", _("Resolved by mediation")
    OUTSIDE_MANDATE = "outside_mandate", _("Outside mandate")


class CaseQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATES)

    @staticmethod
    def _late(today):
        return models.Q(resolution_due__lt=today) | models.Q(first_action_at__isnull=True, first_action_due__lt=today)

    @staticmethod
    def _review_late(now):
        """A critical urgency suggested by triage and still undecided after the review time."""
        return models.Q(suggested_urgency=Urgency.CRITICAL,
                        suggested_urgency_at__lte=(now or timezone.now()) - timedelta(hours=critical_review_hours()))

    def review_overdue(self, now=None):
        """Open cases whose suggested critical urgency waited too long for a decision."""
        return self.open().filter(self._review_late(now))

    def _review_late_ids(self, now):
        # A subquery on the small partial index `case_suggested_urgency`, so that the rest of the
        # tab is still counted from the covering index `case_statistics` (at 1,000,000 cases the
        # plain OR read every row: 445 ms instead of 250 ms).
        return self.model.objects.filter(self._review_late(now)).values("pk")

    def overdue(self, today, now=None):
        """Open cases past a deadline (the clock is stopped while awaiting the complainant), or
        whose suggested critical urgency waited too long for a decision (that clock never stops)."""
        return self.open().filter((~models.Q(status=Status.AWAITING_COMPLAINANT) & self._late(today))
                                  | models.Q(pk__in=self._review_late_ids(now)))

    def due_soon(self, today, until, now=None):
        """Open cases not yet late whose next deadline falls between `today` and `until`."""
        return self.open().exclude(status=Status.AWAITING_COMPLAINANT).exclude(self._late(today)).exclude(
            pk__in=self._review_late_ids(now)).filter(
            models.Q(resolution_due__lte=until)
            | models.Q(first_action_at__isnull=True, first_action_due__lte=until)
        )

    def by_urgency(self):
        """Most urgent first — the accepted urgency or a suggested one still waiting for a
        decision, whichever is higher — then the oldest received (index `case_urgency_order`)."""
        return self.order_by("-urgency_rank", "received_at", "id")


class Case(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="cases")
    reference = models.CharField(_("reference number"), max_length=32, unique=True)
    # HMAC-SHA256 of the 16-digit receipt, keyed with MIZAN_HASH_KEY; the receipt is never stored.
    receipt_hash = models.CharField(max_length=64, unique=True)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default="ar")
    narrative = models.TextField(_("what happened"))
    incident_date = models.DateField(_("incident date"), null=True, blank=True)
    incident_date_end = models.DateField(_("incident end date"), null=True, blank=True)
    governorate = models.ForeignKey(Governorate, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    facility = models.ForeignKey(Facility, on_delete=models.PROTECT, null=True, blank=True, related_name="cases")
    place_details = models.CharField(_("place details"), max_length=500, blank=True)
    urgency = models.CharField(_("urgency"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL)
    status = models.CharField(_("status"), max_length=24, choices=Status.choices, default=Status.RECEIVED, db_index=True)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="cases")
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                related_name="assigned_cases")
    duplicate_of = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="duplicates")
    anonymous = models.BooleanField(_("anonymous"), default=False)
    identity_consent = models.BooleanField(
        _("consents to share identity with the investigating body"), default=False)

    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    first_action_at = models.DateTimeField(_("first action"), null=True, blank=True)
    first_action_due = models.DateField(_("first action due"), null=True, blank=True)
    resolution_due = models.DateField(_("resolution due"), null=True, blank=True, db_index=True)
    paused_on = models.DateField(null=True, blank=True)
    paused_working_days = models.PositiveIntegerField(default=0)
    first_action_breached = models.BooleanField(default=False)
    resolution_breached = models.BooleanField(default=False)
    referred_to = models.CharField(_("referred to"), max_length=300, blank=True)
    referral_due = models.DateField(_("referral response due"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)  # start of the appeal window
    public_outcome = models.TextField(_("outcome the complainant reads"), blank=True)
    # Set by `complaints.retention.anonymise_case`: identities erased, free text redacted.
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)
    # The urgency triage suggests and no person has decided yet (null: none waiting), with the
    # codes of the signals behind it and since when it waits; written by the triage wing through
    # `services.set_suggested_urgency`, so queues show and sort by it without reading suggestions.
    # Null, not "", for "none waiting": what the queue and the API read, and what rows inserted
    # without this column (bulk loaders) get.
    suggested_urgency = models.CharField(_("suggested urgency"), max_length=10, choices=Urgency.choices,  # noqa: DJ001
                                         null=True, blank=True)
    suggested_urgency_signals = models.JSONField(null=True, blank=True)
    suggested_urgency_at = models.DateTimeField(null=True, blank=True)
    # When a suggested critical urgency was escalated for waiting too long (once per suggestion).
    critical_review_escalated_at = models.DateTimeField(null=True, blank=True)
    # Computed by the database from the two columns it reads, so no writer can let it drift.
    urgency_rank = models.GeneratedField(
        expression=Greatest(_rank_of("urgency"), _rank_of("suggested_urgency")),
        output_field=models.SmallIntegerField(), db_persist=True)
    version = models.PositiveIntegerField(default=1)  # bumped by every change; stale forms conflict
    updated_at = models.DateTimeField(auto_now=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        ordering = ["-received_at", "-id"]
        indexes = [
            models.Index(fields=["organisation", "status", "received_at"]),
            models.Index(fields=["organisation", "unit", "status"]),
            models.Index(fields=["organisation", "officer", "status"]),
            # The queue's urgency filter (with or without statuses): counted from the index alone;
            # without it, counting 500,000 cases of one urgency read every row (1.1 s → 0.16 s).
            models.Index(fields=["organisation", "urgency", "status", "received_at"], name="case_urgency_queue"),
            # The queue's "urgency" order (`CaseQuerySet.by_urgency`), read in index order: the
            # first page of a million cases without sorting them.
            models.Index(fields=["organisation", "-urgency_rank", "received_at", "id"], name="case_urgency_order"),
            # The review sweep and the overdue tab find the few cases with a suggestion waiting.
            models.Index(fields=["suggested_urgency", "suggested_urgency_at"], name="case_suggested_urgency",
                         condition=models.Q(suggested_urgency__isnull=False)),
            # Covers every column the statistics read (mizan/reports/statistics.py), so an
            # organisation's period is aggregated from the index alone, never the wide rows.
            models.Index(fields=["organisation", "received_at", "status", "channel", "governorate", "facility",
                                 "first_action_due", "first_action_at", "resolution_due", "resolved_at"],
                         name="case_statistics"),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATES

    def status_label(self) -> str:
        return Status(self.status).label

    def due_date(self):
        """The next deadline that matters: first action until taken, then resolution."""
        if not self.is_open:
            return None
        if self.first_action_at is None and self.first_action_due:
            return min(self.first_action_due, self.resolution_due or self.first_action_due)
        return self.resolution_due

    def is_overdue(self, today=None, now=None) -> bool:
        """The same rule as `CaseQuerySet.overdue`."""
        if self.is_review_overdue(now):
            return True
        due = self.due_date()
        if due is None or self.status == Status.AWAITING_COMPLAINANT:
            return False
        return due < (today or timezone.localdate())

    @property
    def suggested_urgency_label(self) -> str:
        """The suggested level in words ("Critical"), or "" when none waits for a decision."""
        return str(Urgency(self.suggested_urgency).label) if self.suggested_urgency in Urgency.values else ""

    @property
    def suggested_urgency_reasons(self) -> list[str]:
        """Why triage suggests that urgency: one short sentence per signal, in the reader's language."""
        return urgency_signal_labels(self.suggested_urgency_signals) if self.suggested_urgency else []

    def critical_review_due(self):
        """When a suggested critical urgency must have been accepted or rejected; None otherwise."""
        if self.suggested_urgency != Urgency.CRITICAL or self.suggested_urgency_at is None:
            return None
        return self.suggested_urgency_at + timedelta(hours=critical_review_hours())

    def is_review_overdue(self, now=None) -> bool:
        due = self.critical_review_due()
        return self.is_open and due is not None and due <= (now or timezone.now())


class CaseCategory(models.Model):
    """A category attached to the whole case (what the complaint is about)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="case_categories")
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "category"], name="uniq_case_category")]


class CaseVulnerability(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="vulnerability_markers")
    code = models.CharField(max_length=20, choices=Vulnerability.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "code"], name="uniq_case_vulnerability")]


class Person(models.Model):
    class Role(models.TextChoices):
        COMPLAINANT = "complainant", _("Complainant")
        VICTIM = "victim", _("Victim")
        PERPETRATOR = "perpetrator", _("Alleged perpetrator")
        WITNESS = "witness", _("Witness")

    class Relation(models.TextChoices):
        SELF = "self", _("The victim themself")
        FAMILY = "family", _("Family member")
        LAWYER = "lawyer", _("Lawyer")
        ORGANISATION = "organisation", _("Organisation")
        OTHER = "other", pgettext_lazy("relation", "Other")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="persons")
    role = models.CharField(_("role in the case"), max_length=20, choices=Role.choices)
    relation_to_victim = models.CharField(_("relation to the victim"), max_length=20, choices=Relation.choices, blank=True)
    # Vault ciphertext (see complaints.identity); blank when not given.
    name_enc = models.TextField(blank=True)
    national_id_enc = models.TextField(blank=True)
    phone_enc = models.TextField(blank=True)
    email_enc = models.TextField(blank=True)
    address_enc = models.TextField(blank=True)
    # Keyed hashes for finding the same person again, never reversible to the value.
    national_id_hash = models.CharField(max_length=64, blank=True, db_index=True)
    phone_hash = models.CharField(max_length=64, blank=True, db_index=True)
    # Non-identifying description, visible with the case ("the detainee's mother").
    label = models.CharField(_("description"), max_length=200, blank=True)
    vulnerabilities = models.JSONField(default=list, blank=True)
    perpetrator_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    perpetrator_facility = models.ForeignKey(Facility, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("person involved")
        verbose_name_plural = _("persons involved")
        ordering = ["id"]

    @property
    def has_identity(self) -> bool:
        return any([self.name_enc, self.national_id_enc, self.phone_enc, self.email_enc, self.address_enc])

    def __str__(self) -> str:
        return f"{self.get_role_display()} #{self.pk}"


class Allegation(models.Model):
    """One alleged act: the unit that statistics count."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="allegations")
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="allegations")
    occurred_on = models.DateField(_("date"), null=True, blank=True)
    governorate = models.ForeignKey(Governorate, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    facility = models.ForeignKey(Facility, on_delete=models.PROTECT, null=True, blank=True, related_name="allegations")
    victim = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    perpetrator = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    summary = models.TextField(_("summary"), blank=True)
    finding = models.CharField(_("finding"), max_length=24, choices=Finding.choices, blank=True)
    finding_note = models.TextField(_("finding note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("allegation")
        verbose_name_plural = _("allegations")
        ordering = ["id"]
        indexes = [
            models.Index(fields=["category", "finding"]),
            models.Index(fields=["case", "category", "finding"], name="allegation_statistics"),
        ]


class CaseMessage(models.Model):
    class Kind(models.TextChoices):
        TO_COMPLAINANT = "to_complainant", _("Message to the complainant")
        FROM_COMPLAINANT = "from_complainant", _("Message from the complainant")
        INTERNAL = "internal", _("Internal note")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    @property
    def is_public(self) -> bool:
        return self.kind != self.Kind.INTERNAL


class Attachment(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey(CaseMessage, on_delete=models.SET_NULL, null=True, blank=True, related_name="attachments")
    uploaded_by_complainant = models.BooleanField(default=False)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    stored_name = models.CharField(max_length=100, unique=True)  # random; never derived from the upload
    internal = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]


class TimelineQuerySet(models.QuerySet):
    def public(self):
        return self.filter(public=True)


class TimelineEvent(models.Model):
    """Append-only history of a case: who, when, what, and whether the complainant sees it."""

    class ActorKind(models.TextChoices):
        STAFF = "staff", _("Staff")
        COMPLAINANT = "complainant", _("Complainant")
        SYSTEM = "system", _("System")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="timeline")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    actor_kind = models.CharField(max_length=12, choices=ActorKind.choices)
    kind = models.CharField(max_length=40)
    public = models.BooleanField(default=False)
    data = models.JSONField(default=dict, blank=True)

    objects = TimelineQuerySet.as_manager()

    class Meta:
        ordering = ["at", "id"]

    def save(self, *args, **kwargs):
        if self.pk:
            raise RuntimeError("timeline events are append-only")
        super().save(*args, **kwargs)

    def describe(self) -> str:
        # Not at the top: complaints.timeline imports this module (models <-> timeline).
        from .timeline import describe

        return describe(self)


class DeadlinePolicy(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="deadline_policies")
    urgency = models.CharField(_("urgency"), max_length=10, choices=Urgency.choices)
    first_action_days = models.PositiveSmallIntegerField(_("first action within (working days)"))
    resolution_days = models.PositiveSmallIntegerField(_("resolution within (working days)"))

    class Meta:
        verbose_name = _("deadline policy")
        verbose_name_plural = _("deadline policies")
        constraints = [models.UniqueConstraint(fields=["organisation", "urgency"], name="uniq_deadline_policy")]


class RetentionRule(models.Model):
    """How long an organisation keeps the personal data of cases that ended in `status`.

    `manage.py apply_retention` anonymises such cases `days` days after they reached the status
    (`complaints.retention`). No rule for a status: its cases are kept.
    """

    class FinalStatus(models.TextChoices):
        RESOLVED = Status.RESOLVED.value, Status.RESOLVED.label
        CLOSED = Status.CLOSED.value, Status.CLOSED.label
        INADMISSIBLE = Status.INADMISSIBLE.value, Status.INADMISSIBLE.label
        WITHDRAWN = Status.WITHDRAWN.value, Status.WITHDRAWN.label

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="retention_rules")
    status = models.CharField(_("final status"), max_length=24, choices=FinalStatus.choices)
    days = models.PositiveIntegerField(_("keep personal data for (days)"))

    class Meta:
        verbose_name = _("retention rule")
        verbose_name_plural = _("retention rules")
        ordering = ["organisation", "status"]
        constraints = [models.UniqueConstraint(fields=["organisation", "status"], name="uniq_retention_rule")]

    def __str__(self) -> str:
        return f"{self.get_status_display()}: {self.days}"


DEFAULT_DEADLINES = {  # urgency: (first action, resolution) in working days
    Urgency.CRITICAL: (1, 10),
    Urgency.HIGH: (2, 20),
    Urgency.NORMAL: (5, 30),
    Urgency.LOW: (10, 60),
}


class RoutingRule(models.Model):
    """category × (governorate or facility) → unit. The most specific matching rule wins."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="routing_rules")
    category = models.ForeignKey(Category, on_delete=models.CASCADE, null=True, blank=True, related_name="+",
                                 help_text=_("Empty: any category."))
    governorate = models.ForeignKey(Governorate, on_delete=models.CASCADE, null=True, blank=True, related_name="+",
                                    help_text=_("Empty: anywhere."))
    facility = models.ForeignKey(Facility, on_delete=models.CASCADE, null=True, blank=True, related_name="+",
                                 help_text=_("Empty: any facility."))
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    is_active = models.BooleanField(default=True)

    class Meta:
        verbose_name = _("routing rule")
        verbose_name_plural = _("routing rules")
        ordering = ["id"]

    def specificity(self) -> tuple[int, int, int]:
        return (self.facility_id is not None, self.category_id is not None, self.governorate_id is not None)


class DataVersion(models.Model):
    """A number per organisation and month of receipt, raised in the same transaction as every
    change to a case received in that month.

    Caches of figures derived from cases (the statistics in `mizan.reports`) put it in their key,
    so a committed change is never hidden behind a cached figure, nothing has to be deleted, and a
    change to this month's cases leaves the figures of the other months cached.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()  # the first day of the month the cases were received in (local time)
    version = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "month"], name="uniq_data_version")]

    @staticmethod
    def month_of(moment) -> date:
        return timezone.localdate(moment).replace(day=1)

    @classmethod
    def bump(cls, organisation_id: int, received_at) -> None:
        """Raise the number of the month `received_at` falls in (the row is created on first use)."""
        from django.db import IntegrityError, transaction

        month = cls.month_of(received_at)
        for _attempt in range(3):
            if cls.objects.filter(organisation_id=organisation_id, month=month).update(
                    version=models.F("version") + 1):
                return
            try:
                with transaction.atomic():
                    cls.objects.create(organisation_id=organisation_id, month=month, version=1)
                return
            except IntegrityError:
                continue  # created by a concurrent change: raise it instead
        raise RuntimeError("could not raise the data version")

    @classmethod
    def of_months(cls, organisation_id: int, months) -> dict:
        """{first day of month: number} for `months` (0 for a month never changed), one query."""
        months = set(months)
        found = dict(cls.objects.filter(organisation_id=organisation_id, month__in=months)
                     .values_list("month", "version"))
        return {month: found.get(month, 0) for month in months}


class ReferenceCounter(models.Model):
    """Last number issued per organisation and year; only ever increases."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "year"], name="uniq_reference_counter")]


# Notifications about a record of a wing that hangs on the core (a follow-up recommendation,
# measure or indicator) rather than a case: the wing registers, per kind, how to put one into
# words and where it leads (see mizan/followup/apps.py), so the core never imports it.
_notification_kinds: dict[str, dict] = {}


def register_notification_kind(kind: str, *, describe, link, subject) -> None:
    """`describe(notification)` -> the sentence, `subject(notification)` -> a few words naming the
    record, `link(notification)` -> the desk address of the record ("" if it has none), each in
    the active language."""
    _notification_kinds[kind] = {"describe": describe, "link": link, "subject": subject}


class Notification(models.Model):
    # Kinds written for a suggested critical urgency (see `describe`); the others are described
    # with the timeline's sentences, or by the wing that registered them.
    CRITICAL_SUGGESTED = "critical_suggested"
    CRITICAL_REVIEW_OVERDUE = "critical_review_overdue"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    # Without a case: the record it is about, as the registered kind names it ("followup.measure")
    # and its id. No foreign key: the core does not know the wings' models.
    target = models.CharField(max_length=40, blank=True)
    target_id = models.PositiveBigIntegerField(null=True, blank=True)
    kind = models.CharField(max_length=40)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(case__isnull=False) | ~models.Q(target=""),
                                   name="notification_case_or_target"),
        ]

    @property
    def is_critical(self) -> bool:
        """About a case triage suggests is critical: the desk marks it so it is read first."""
        return self.kind in (self.CRITICAL_SUGGESTED, self.CRITICAL_REVIEW_OVERDUE)

    @property
    def registered(self) -> dict | None:
        return _notification_kinds.get(self.kind) if self.case_id is None else None

    def link(self) -> str:
        """The desk address of the record a notification without a case is about ("" otherwise)."""
        registered = self.registered
        return registered["link"](self) if registered else ""

    def subject(self) -> str:
        """A few words naming the record a notification without a case is about."""
        registered = self.registered
        return registered["subject"](self) if registered else ""

    def describe(self) -> str:
        registered = self.registered
        if registered:
            return registered["describe"](self)
        if self.is_critical:
            return _describe_critical_notification(self)
        # Not at the top: complaints.timeline imports this module (models <-> timeline).
        from .timeline import describe_notification

        return describe_notification(self)


def _joined(labels: list[str]) -> str:
    return ("؛ " if (get_language() or "ar").startswith("ar") else "; ").join(labels)


def _describe_critical_notification(notification) -> str:
    data = notification.data
    reference, hours = data.get("reference", ""), int(data.get("hours") or critical_review_hours())
    if notification.kind == Notification.CRITICAL_REVIEW_OVERDUE:
        return ngettext(
            "The critical urgency suggested for complaint %(reference)s has waited more than %(hours)s hour "
            "for a decision.",
            "The critical urgency suggested for complaint %(reference)s has waited more than %(hours)s hours "
            "for a decision.", hours) % {"reference": reference, "hours": hours}
    reasons = urgency_signal_labels(data.get("signals"))
    if reasons:
        text = gettext("Triage suggests critical urgency for complaint %(reference)s: %(reasons)s.") % {
            "reference": reference, "reasons": _joined(reasons)}
    else:
        text = gettext("Triage suggests critical urgency for complaint %(reference)s.") % {"reference": reference}
    return text + " " + ngettext("Accept or reject it within %(hours)s hour.",
                                 "Accept or reject it within %(hours)s hours.", hours) % {"hours": hours}


class RevealRequest(models.Model):
    """A request to see the identities in a case, where the organisation wants a second person.

    Pending until a supervisor or organisation admin other than the requester approves or refuses
    it (with their own reason); an approval lets the requester reveal once before `expires_at`.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")
        USED = "used", _("Used")
        EXPIRED = "expired", _("Expired")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="reveal_requests")
    requester = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(_("reason"), max_length=500)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    approver = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="+")
    decision_reason = models.CharField(_("reason for the decision"), max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["case", "requester", "status"], name="reveal_request_lookup")]


class RulesVersion(models.Model):
    """One row whose token changes, in the same transaction, with every change to what intake
    reads about an organisation: the taxonomy, its divisions, places, units and their members,
    holidays, deadline policies and routing rules (`complaints.rules`).

    A token, not a counter: a rolled-back change leaves the token it replaced, and a later change
    writes a new random one, so two different states never share a token."""

    token = models.CharField(max_length=32)
