"""Exports and imports of complaints (`Export`, `ImportRun`, `ImportedRow`), and what each
organisation publishes on the public transparency page (`PublicationSettings`).
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation
from mizan.core.importprogress import ImportProgress


class Format(models.TextChoices):
    XLSX = "xlsx", _("Excel (.xlsx)")
    CSV = "csv", _("CSV (UTF-8)")


class Export(models.Model):
    """A case list or statistics as a file. The file lives under MEDIA_ROOT in `exports/`, named
    at random, is never served except by the access-checked download view, and is deleted when
    the export expires (`exports.sweep_exports`)."""

    class Kind(models.TextChoices):
        CASES = "cases", _("Case list")
        STATISTICS = "statistics", _("Statistics")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to start")
        RUNNING = "running", _("Being written")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")
        EXPIRED = "expired", _("Expired")

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    language = models.CharField(max_length=5, choices=settings.LANGUAGES)  # of the headers and labels
    filters = models.JSONField(default=dict, blank=True)  # the queue's URL parameters: {name: [values]}
    columns = models.JSONField(default=list, blank=True)  # column keys, in order
    unredacted = models.BooleanField(default=False)
    reason = models.TextField(blank=True)  # why personal data was asked for (unredacted only)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    row_count = models.PositiveIntegerField(default=0)  # rows expected; rows written once done
    progress = models.PositiveIntegerField(default=0)  # rows written so far
    streamed = models.BooleanField(default=False)  # sent directly in the response, no file kept
    file_name = models.CharField(max_length=80, blank=True)  # random, under exports/
    size = models.PositiveBigIntegerField(default=0)
    error = models.TextField(blank=True)  # a message for the user, never a traceback
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["organisation", "created_at"], name="reports_exp_organis_f898ee_idx"),
            models.Index(fields=["status", "expires_at"], name="reports_exp_status_da3d0e_idx"),
        ]

    @property
    def is_active(self) -> bool:
        return self.status in (self.Status.PENDING, self.Status.RUNNING)

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        if not self.row_count:
            return 0
        return min(99, self.progress * 100 // self.row_count)

    def download_name(self) -> str:
        stamp = timezone.localtime(self.created_at) if self.created_at else timezone.localtime()
        return f"mizan-{self.kind}-{stamp:%Y%m%d-%H%M}-{self.pk}.{self.format}"


class ImportRun(ImportProgress, models.Model):
    """One uploaded file of complaints: its validation report, then the writing of its rows. The
    file is kept (random name, under `imports/`) only until its rows are written."""

    class Status(models.TextChoices):
        REJECTED = "rejected", _("Rejected: nothing imported")
        PENDING = "pending", _("Waiting to start")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Failed")

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    original_name = models.CharField(max_length=200)
    format = models.CharField(max_length=4, choices=Format.choices)
    language = models.CharField(max_length=5, choices=settings.LANGUAGES)  # of the report's messages
    skip_rejected = models.BooleanField(default=False)  # import the valid rows even if some are rejected
    stored_name = models.CharField(max_length=80, blank=True)  # random, under imports/; cleared when done
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    total_rows = models.PositiveIntegerField(default=0)
    progress = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    skipped_count = models.PositiveIntegerField(default=0)
    rejected_count = models.PositiveIntegerField(default=0)
    # [{"row": 3, "errors": [{"column": "narrative", "message": "..."}]}], in `language`
    rejected = models.JSONField(default=list, blank=True)
    # [{"row": 4, "why": "already", "reference": "EG-2026-000012"} | {"row": 5, "why": "same_as", "same_as": 2}]
    skipped = models.JSONField(default=list, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("import of complaints")
        verbose_name_plural = _("imports of complaints")
        ordering = ["-created_at", "-id"]


class ImportedRow(models.Model):
    """A spreadsheet row that became a case. The key (a keyed hash of the row's external id, or
    of its whole content when it has none) is unique per organisation, so importing the same
    file again creates nothing new."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    run = models.ForeignKey(ImportRun, on_delete=models.SET_NULL, null=True, related_name="rows")
    key = models.CharField(max_length=64)
    row_number = models.PositiveIntegerField()
    external_id = models.CharField(max_length=100, blank=True)  # the other system's number, kept as given
    case = models.OneToOneField("complaints.Case", on_delete=models.CASCADE, related_name="import_row")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "key"], name="uniq_imported_row_key")]


# --- public statistics (dashboards engineer) ------------------------------------------------------

SECTIONS = ("summary", "categories", "outcomes", "governorates", "groups", "channels", "deadlines", "months")


class PublicationSettings(models.Model):
    """One organisation's choice of public statistics and its small-cell threshold.

    Nothing is public until `published` is ticked. Counts below `threshold` are never shown, and
    a second figure is hidden where a small one could be worked out from a total
    (`mizan.reports.publication`).
    """

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, primary_key=True,
                                        related_name="publication_settings", verbose_name=_("organisation"))
    published = models.BooleanField(
        _("publish statistics on the public portal"), default=False,
        help_text=_("Complete calendar years only, as aggregate counts; no list of cases and no personal data."))
    threshold = models.PositiveSmallIntegerField(
        _("smallest count shown"), default=5, validators=[MinValueValidator(3)],
        help_text=_("A count below this number is shown as “fewer than …”; at least 3."))
    summary = models.BooleanField(_("totals: complaints, allegations, open and closed"), default=True)
    categories = models.BooleanField(_("allegations by category"), default=True)
    outcomes = models.BooleanField(_("outcomes of the allegations"), default=True)
    governorates = models.BooleanField(_("complaints by governorate"), default=True)
    groups = models.BooleanField(_("complaints concerning vulnerable groups"), default=True)
    channels = models.BooleanField(_("complaints by channel"), default=True)
    deadlines = models.BooleanField(_("deadlines met and days to resolve"), default=True)
    months = models.BooleanField(_("complaints by month"), default=True)

    class Meta:
        verbose_name = _("public statistics")
        verbose_name_plural = _("public statistics")

    def __str__(self) -> str:
        return str(self.organisation)

    def sections(self) -> list[str]:
        """The sections published, in page order (empty when nothing is published)."""
        return [name for name in SECTIONS if getattr(self, name)] if self.published else []


# --- the statistics rollup (mizan/reports/rollup.py) ---------------------------------------------

class StatisticsCount(models.Model):
    """How many complaints (or allegations) of an organisation received on one day (`grain` "d")
    or in one calendar month (`grain` "m", `start` its first day) count under `dimension` = `key`,
    e.g. status = "in_progress", or an allegation's category and finding. Kept by
    `reports.rollup.update_case` in the transaction of every change to a case; rebuilt from the
    cases by `manage.py rebuild_statistics`."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+", db_index=False)
    grain = models.CharField(max_length=1)
    start = models.DateField()
    dimension = models.CharField(max_length=2)
    key = models.CharField(max_length=255)  # a combination of categories: "3,7,12"
    n = models.BigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "grain", "start", "dimension", "key"],
                                               name="uniq_statistics_count")]


class CaseContribution(models.Model):
    """What one case last added to `StatisticsCount` (its day of receipt and its counts), so that
    a change applies only the difference."""

    case = models.OneToOneField("complaints.Case", on_delete=models.CASCADE, primary_key=True, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    state = models.TextField()  # "YYYY-MM-DD" then a line "dimension<TAB>key<TAB>n" per counter


class StatisticsRollup(models.Model):
    """Per organisation: `stale` while the rollup does not hold every case (after an upgrade over
    existing cases, or cases written in bulk), until `manage.py rebuild_statistics` has run; the
    statistics are then counted from the cases instead."""

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, primary_key=True, related_name="+")
    stale = models.BooleanField(default=False)
    rebuilt_at = models.DateTimeField(null=True, blank=True)


# --- the follow-up rollup (mizan/reports/followup_rollup.py) ---------------------------------------

class FollowupCount(models.Model):
    """How many of the recommendations an organisation follows (its own, and those a secretariat
    addressed to it) stand today at `status` and count under `dimension` = `key`: a source ("s",
    its id), a lead body ("b", "unit-ID" / "external-ID" / "" for none), a set of themes ("t",
    the sorted category ids "3,7,12", "" for none) or a plan phase of the organisation's measures
    ("p", the phase id, "" for those no measure answers). Kept by `reports.followup_rollup`
    (a projection of `followup.projections`) in the transaction of every change; rebuilt by
    `manage.py rebuild_statistics`."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+", db_index=False)
    dimension = models.CharField(max_length=1)
    key = models.CharField(max_length=2000)
    status = models.CharField(max_length=20)
    n = models.BigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "dimension", "key", "status"],
                                               name="uniq_followup_count")]


class FollowupContribution(models.Model):
    """What one recommendation last added to `FollowupCount` for one organisation that follows it,
    so that a change applies only the difference. No foreign key to the recommendation: a deleted
    recommendation's contribution stays until the projection (or a rebuild) takes it back."""

    recommendation_id = models.BigIntegerField()
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    state = models.TextField()  # "status<TAB>source<TAB>lead<TAB>themes<TAB>phases"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["recommendation_id", "organisation"],
                                               name="uniq_followup_contribution")]


class FollowupRollup(models.Model):
    """Per organisation: `stale` while the follow-up rollup does not hold every recommendation
    (after rows were written in bulk without the domain functions), until `manage.py
    rebuild_statistics` has run; the dashboard then counts from the recommendations."""

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, primary_key=True, related_name="+")
    stale = models.BooleanField(default=False)
    rebuilt_at = models.DateTimeField(null=True, blank=True)
