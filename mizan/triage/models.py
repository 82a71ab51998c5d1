"""What triage stores: suggestions a person decides, trained model versions, narrative
signatures for near-duplicate lookups, and where personal data sits in free text."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation
from mizan.complaints import services as case_services
from mizan.complaints.models import URGENCY_RANK, Case


class Suggestion(models.Model):
    """One thing triage proposes for a case. Nothing changes the case until a person accepts;
    every decision (who, when) is kept and is training data for the next model."""

    class Kind(models.TextChoices):
        CATEGORY = "category", _("Category")
        URGENCY = "urgency", _("Urgency")
        DUPLICATE = "duplicate", _("Possible duplicate")
        RELATED = "related", _("Related case")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a decision")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")
        SUPERSEDED = "superseded", _("No longer suggested")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="suggestions")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    # A category code, an urgency level, or the id of the other case.
    value = models.CharField(_("value"), max_length=64)
    confidence = models.FloatField(_("confidence"))
    # Trigger words, urgency signal codes, duplicate reasons: never personal data.
    reasons = models.JSONField(default=dict, blank=True)
    # "lexicon", "model:<version id>", "minhash", "identity_hash" or "facility_date".
    source = models.CharField(_("source"), max_length=40)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("suggested"), default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("triage suggestion")
        verbose_name_plural = _("triage suggestions")
        ordering = ["kind", "-confidence", "id"]
        constraints = [
            # One row per (case, kind, value) ever: re-running triage updates or revives it, so a
            # decision is never asked twice.
            models.UniqueConstraint(fields=["case", "kind", "value"], name="uniq_triage_suggestion"),
        ]
        indexes = [models.Index(fields=["case", "status"]), models.Index(fields=["kind", "status"])]

    def __str__(self) -> str:
        return f"{self.kind}:{self.value} ({self.status})"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.kind == self.Kind.URGENCY:
            # The case carries the level of its waiting urgency suggestion (the queues show and
            # sort by it). A suggestion's status changes through save() wherever it is decided (one
            # or several at a time, the admin), so the case follows in the same transaction.
            sync_suggested_urgency(self.case)

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    @property
    def percent(self) -> int:
        return round(self.confidence * 100)


def waiting_urgency(case_id: int) -> Suggestion | None:
    """The most urgent of the case's urgency suggestions that wait for a person's decision."""
    waiting = Suggestion.objects.filter(case_id=case_id, kind=Suggestion.Kind.URGENCY, status=Suggestion.Status.PENDING)
    return max((s for s in waiting if s.value in URGENCY_RANK), key=lambda s: URGENCY_RANK[s.value], default=None)


def sync_suggested_urgency(case: Case, *, new: bool = False) -> str | None:
    """Copy the level and signals of the case's waiting urgency suggestion onto the case
    (`complaints.services.set_suggested_urgency`, which alerts supervisors for a `new` critical
    one); returns the level recorded, or None."""
    suggestion = waiting_urgency(case.pk)
    level = suggestion.value if suggestion is not None else None
    signals = [signal["code"] for signal in (suggestion.reasons or {}).get("signals", [])
               if signal.get("code")] if suggestion is not None else []
    return case_services.set_suggested_urgency(case=case, level=level, signals=signals, new=new).suggested_urgency


class TriageModel(models.Model):
    """One trained category model of an organisation. The fitted model lives in a file under
    VAR_DIR/models named by its SHA-256; the hash kept here is checked before every load."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="triage_models")
    created_at = models.DateTimeField(_("trained"), default=timezone.now)
    n_examples = models.PositiveIntegerField(_("examples"))
    labels = models.JSONField(_("categories"), default=list)
    metrics = models.JSONField(_("metrics"), default=dict)
    sha256 = models.CharField(max_length=64)
    is_active = models.BooleanField(_("active"), default=False)
    activated_at = models.DateTimeField(null=True, blank=True)
    # The version that was active when this one was activated: what a rollback returns to.
    replaces = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("triage model")
        verbose_name_plural = _("triage models")
        ordering = ["organisation", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["organisation"], condition=models.Q(is_active=True),
                                    name="one_active_triage_model"),
        ]

    def __str__(self) -> str:
        return f"model:{self.pk}"

    @property
    def source(self) -> str:
        return f"model:{self.pk}"

    @property
    def file_name(self) -> str:
        return f"{self.sha256}.joblib"


class CaseSignature(models.Model):
    """The MinHash signature of a case's narrative; its band keys are rows of SignatureBand so
    that candidates for a new case are found by index lookups, not by reading every case."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, primary_key=True, related_name="triage_signature")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    signature = models.BinaryField()
    text_hash = models.CharField(max_length=64)  # of the normalised narrative: recompute only on change
    updated_at = models.DateTimeField(auto_now=True)


class SignatureBand(models.Model):
    signature = models.ForeignKey(CaseSignature, on_delete=models.CASCADE, related_name="bands")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=24)

    class Meta:
        indexes = [models.Index(fields=["organisation", "key"])]


class PiiSpan(models.Model):
    """Where personal data sits in a case's free text: offsets only, never the value, so that
    exports and analyst views can mask it."""

    class Source(models.TextChoices):
        NARRATIVE = "narrative", _("Narrative")
        MESSAGE = "message", _("Message")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="pii_spans")
    source = models.CharField(max_length=10, choices=Source.choices)
    source_id = models.PositiveBigIntegerField(null=True, blank=True)  # the message id
    kind = models.CharField(max_length=20)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()

    class Meta:
        ordering = ["source", "source_id", "start"]
        indexes = [models.Index(fields=["case", "source", "source_id"])]


class RecommendationSignature(models.Model):
    """The MinHash signature of one language version of a follow-up recommendation (its
    original text, or a translation), for near-duplicate suggestions across sources; its band
    keys are rows of RecommendationBand, looked up by index as for cases."""

    recommendation = models.ForeignKey("followup.Recommendation", on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=8)
    signature = models.BinaryField()
    text_hash = models.CharField(max_length=64)  # of the normalised text: recompute only on change
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["recommendation", "language"],
                                               name="uniq_recommendation_signature")]


class RecommendationBand(models.Model):
    signature = models.ForeignKey(RecommendationSignature, on_delete=models.CASCADE, related_name="bands")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=32)  # the language, then the band's key: versions meet only in one language

    class Meta:
        indexes = [models.Index(fields=["key", "organisation"], name="triage_recband_key_org")]
