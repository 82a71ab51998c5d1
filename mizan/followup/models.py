"""Follow-up of recommendations: where they come from, who must act, what is done, and how
progress is measured.

    Source ──< Recommendation >── themes (rights taxonomy), responsible bodies (our units or
                │                  outside bodies), addressees (member organisations of a
                │                  secretariat), cluster, status history
                ├──< ProgressReport (per period, with evidence files and a visibility)
                └──< Measure (many-to-many: the measures of a plan that answer it)
    Strategy ──< Phase ──< Goal ──< Measure ──< Indicator ──< IndicatorValue (reported or computed)

Every row belongs to one organisation (its owner). A regional secretariat owns the
recommendations of its conferences and addresses them to member organisations (`Addressee`):
each member keeps its own status and reports, and shares with the secretariat only what it
chooses (`Visibility`). Nothing here holds personal data: texts are public documents and
decisions of institutions.

Changes go through the domain functions of this app (one per state change, audited); faces never
write these models directly.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation, TranslatedName, Unit
from mizan.complaints.models import Category
from mizan.core.importprogress import ImportProgress

LANGUAGES = ("ar", "en", "fr")


def _active_language() -> str:
    return (get_language() or "ar")[:2]


class Titled(models.Model):
    """A title in Arabic (reference), English and French, shown in the active language."""

    title_ar = models.CharField(_("title (Arabic)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=300, blank=True)

    class Meta:
        abstract = True

    @property
    def title(self) -> str:
        return getattr(self, f"title_{_active_language()}", "") or self.title_ar or self.title_en or self.title_fr

    def __str__(self) -> str:
        return self.title


# --- choices ---------------------------------------------------------------------------------------

class SourceKind(models.TextChoices):
    CONFERENCE = "conference", _("Conference or meeting")
    TREATY_BODY = "treaty_body", _("UN treaty body")
    UPR = "upr", _("Universal Periodic Review")
    SPECIAL_PROCEDURE = "special_procedure", _("UN special procedure")
    NHRI = "nhri_report", _("National human-rights institution's report")
    VISIT = "monitoring_visit", _("Monitoring visit")
    COMPLAINTS = "complaints_pattern", _("Pattern found in complaints")
    OTHER = "other", _("Other source")


class Position(models.TextChoices):
    """The state's position on a recommendation (UPR wording, used for every source)."""

    SUPPORTED = "supported", _("Supported")
    PARTIALLY = "partially_supported", _("Partially supported")
    NOTED = "noted", _("Noted")
    NOT_DECIDED = "not_decided", _("Not yet decided")


class Status(models.TextChoices):
    """Where the implementation of a recommendation stands."""

    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    PARTLY = "partly_implemented", _("Partly implemented")
    IMPLEMENTED = "implemented", _("Implemented")
    NOT_IMPLEMENTED = "not_implemented", _("Not implemented")
    NO_LONGER_RELEVANT = "no_longer_relevant", _("No longer relevant")


# Statuses that need no more work (a reminder never chases them; "open" means the others).
CLOSED_STATUSES = frozenset({Status.IMPLEMENTED, Status.NO_LONGER_RELEVANT})


class MeasureStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    DELAYED = "delayed", _("Delayed")
    CANCELLED = "cancelled", _("Cancelled")


CLOSED_MEASURE_STATUSES = frozenset({MeasureStatus.COMPLETED, MeasureStatus.CANCELLED})


class Visibility(models.TextChoices):
    INTERNAL = "internal", _("Internal")
    SECRETARIAT = "secretariat", _("Shared with the secretariat")
    PUBLIC = "public", _("Public")


class BodyRole(models.TextChoices):
    LEAD = "lead", _("Lead")
    SUPPORTING = "supporting", _("Supporting")


class RecommendationType(models.TextChoices):
    RECOMMENDATION = "recommendation", _("Recommendation")
    CONCERN = "concern", _("Concern or observation")


# --- register of outside bodies ---------------------------------------------------------------------

class ExternalBody(TranslatedName):
    """A body outside the organisation that may be responsible for a recommendation or a
    measure: a ministry, the public prosecution, parliament, a court, a civil-society partner."""

    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("Government body")
        JUDICIARY = "judiciary", _("Judiciary or prosecution")
        PARLIAMENT = "parliament", _("Parliament")
        INDEPENDENT = "independent", _("Independent institution")
        CIVIL_SOCIETY = "civil_society", _("Civil society")
        INTERNATIONAL = "international", _("International organisation")
        OTHER = "other", _("Other")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="external_bodies")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.GOVERNMENT)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("outside body")
        verbose_name_plural = _("outside bodies")
        ordering = ["name_ar"]
        constraints = [models.UniqueConstraint(fields=["organisation", "name_ar"], name="uniq_external_body_name")]


# --- sources and recommendations ----------------------------------------------------------------------

class Source(Titled):
    """Where recommendations come from: a conference, a UN mechanism's document, the UPR, a
    national institution's report, a monitoring visit, a pattern found in complaints."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="followup_sources")
    kind = models.CharField(_("kind of source"), max_length=24, choices=SourceKind.choices)
    body = models.CharField(_("issuing body"), max_length=300, blank=True,
                            help_text=_("For example: Committee against Torture; Council of Arab Interior Ministers."))
    symbol = models.CharField(_("document symbol"), max_length=120, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    upr_cycle = models.PositiveSmallIntegerField(_("UPR cycle"), null=True, blank=True)
    upr_session = models.PositiveSmallIntegerField(_("UPR session"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("source of recommendations")
        verbose_name_plural = _("sources of recommendations")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["organisation", "kind"])]


class Cluster(models.Model):
    """Recommendations that ask the same thing across sources: followed as one."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="followup_clusters")
    label = models.CharField(_("label"), max_length=300)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")

    class Meta:
        verbose_name = _("cluster of recommendations")
        verbose_name_plural = _("clusters of recommendations")
        ordering = ["label", "id"]

    def __str__(self) -> str:
        return self.label


class Recommendation(models.Model):
    """One recommendation (or concern), in its original language with optional translations."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="recommendations")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="recommendations")
    type = models.CharField(_("type"), max_length=16, choices=RecommendationType.choices,
                            default=RecommendationType.RECOMMENDATION)
    text = models.TextField(_("text (original)"))
    language = models.CharField(_("language of the original"), max_length=5, default="ar")
    text_ar = models.TextField(_("Arabic translation"), blank=True)
    text_en = models.TextField(_("English translation"), blank=True)
    text_fr = models.TextField(_("French translation"), blank=True)
    symbol = models.CharField(_("document symbol"), max_length=120, blank=True)
    paragraph = models.CharField(_("paragraph"), max_length=40, blank=True)
    issued_on = models.DateField(_("date"), null=True, blank=True)
    themes = models.ManyToManyField(Category, blank=True, related_name="+", verbose_name=_("themes"))
    # Our vulnerability codes (complaints.Vulnerability) and other groups as written by the source.
    affected_groups = models.JSONField(_("affected groups"), default=list, blank=True)
    sdg_targets = models.JSONField(_("SDG targets"), default=list, blank=True)  # ["16.3", "5.2"]
    recommending_states = models.JSONField(_("recommending states"), default=list, blank=True)  # UPR
    position = models.CharField(_("position of the state"), max_length=20, choices=Position.choices,
                                default=Position.NOT_DECIDED)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    due_on = models.DateField(_("due"), null=True, blank=True)
    cluster = models.ForeignKey(Cluster, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="recommendations")
    # Member organisations a secretariat addresses this recommendation to (see Addressee).
    addressees = models.ManyToManyField(Organisation, through="Addressee", related_name="addressed_recommendations",
                                        blank=True)
    # The state's own words on the recommendation (IMPACT OSS "government response", a UPR addendum).
    response = models.TextField(_("response of the state"), blank=True)
    # Import key (OHCHR annotation id, IMPACT reference, a CSV's key) and the hash of the source
    # row it was last written from: a second import of the same row changes nothing.
    external_key = models.CharField(max_length=120, blank=True)
    import_hash = models.CharField(max_length=64, blank=True)
    is_public = models.BooleanField(_("shown on the public page"), default=False)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["-issued_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "external_key"], condition=~Q(external_key=""),
                                    name="uniq_recommendation_external_key"),
        ]
        indexes = [
            models.Index(fields=["organisation", "status"]),
            models.Index(fields=["organisation", "due_on"]),
            models.Index(fields=["organisation", "source"]),
            # The follow-up dashboard's counts by status and source read this index alone, never
            # the rows (long texts): reports.followup_stats.
            models.Index(fields=["organisation", "status", "source"], name="followup_rec_org_status_source"),
        ]

    def __str__(self) -> str:
        reference = self.reference
        return reference or f"{self.display_text[:60]}…"

    @property
    def reference(self) -> str:
        """The document symbol and paragraph, as people cite them: "CAT/C/EGY/CO/5, para. 12"."""
        if self.symbol and self.paragraph:
            return f"{self.symbol}, {_('para.')} {self.paragraph}"
        return self.symbol or ""

    @property
    def display_text(self) -> str:
        """The text in the reader's language when a translation exists, else the original."""
        return getattr(self, f"text_{_active_language()}", "") or self.text

    @property
    def is_translated(self) -> bool:
        return bool(getattr(self, f"text_{_active_language()}", "")) and self.language != _active_language()

    @property
    def is_open(self) -> bool:
        return self.status not in CLOSED_STATUSES


class ResponsibleBody(models.Model):
    """Who must act on a recommendation: one of our units or an outside body, lead or supporting."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="responsible")
    role = models.CharField(_("role"), max_length=12, choices=BodyRole.choices, default=BodyRole.LEAD)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    external = models.ForeignKey(ExternalBody, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("responsible body")
        verbose_name_plural = _("responsible bodies")
        ordering = ["role", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(unit__isnull=False, external__isnull=True)
                                   | Q(unit__isnull=True, external__isnull=False), name="responsible_one_body"),
            models.UniqueConstraint(fields=["recommendation", "unit"], condition=Q(unit__isnull=False),
                                    name="uniq_responsible_unit"),
            models.UniqueConstraint(fields=["recommendation", "external"], condition=Q(external__isnull=False),
                                    name="uniq_responsible_external"),
        ]
        indexes = [models.Index(fields=["unit", "role"]), models.Index(fields=["external", "role"])]

    @property
    def body(self):
        return self.unit if self.unit_id else self.external

    def __str__(self) -> str:
        return str(self.body)


class Addressee(models.Model):
    """A member organisation a secretariat's recommendation is addressed to: the member's own
    status (internal), and the status it last shared with the secretariat."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="addressed")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    shared_status = models.CharField(_("status shared with the secretariat"), max_length=20, choices=Status.choices,
                                     blank=True)
    shared_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("addressee")
        verbose_name_plural = _("addressees")
        constraints = [models.UniqueConstraint(fields=["recommendation", "organisation"], name="uniq_addressee")]
        indexes = [models.Index(fields=["organisation", "status"])]


class StatusChange(models.Model):
    """Append-only history of a recommendation's status, for its owner or for one addressee."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="history")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")  # whose status
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    note = models.TextField(blank=True)
    period_end = models.DateField(null=True, blank=True)
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                           related_name="+")

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["recommendation", "organisation", "at"]),
                   # changes of a period (the dashboard's "status changes in the period"), read from the
                   # index alone
                   models.Index(fields=["organisation", "at", "from_status", "recommendation"],
                                name="followup_statuschange_org_at")]


class ThemeMapping(models.Model):
    """How a theme name of an outside index (OHCHR's Universal Human Rights Index) maps to our
    rights taxonomy; editable by the organisation's admins. `name` is stored normalised
    (lower case, single spaces) and matched loosely on import."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="followup_theme_mappings")
    name = models.CharField(_("theme name in the index"), max_length=200)
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="+", verbose_name=_("our category"))

    class Meta:
        verbose_name = _("theme mapping")
        verbose_name_plural = _("theme mappings")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "name", "category"], name="uniq_theme_mapping")]


# --- plans ---------------------------------------------------------------------------------------------

class Strategy(Titled):
    """A strategy or action plan, implemented in dated phases."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="strategies")
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("end"), null=True, blank=True)
    is_public = models.BooleanField(_("shown on the public page"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("strategy or plan")
        verbose_name_plural = _("strategies and plans")
        ordering = ["-starts_on", "-id"]


class Phase(Titled):
    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="phases")
    number = models.PositiveSmallIntegerField(_("number"))
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("end"), null=True, blank=True)

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["strategy", "number"]
        constraints = [models.UniqueConstraint(fields=["strategy", "number"], name="uniq_phase_number")]


class Goal(Titled):
    phase = models.ForeignKey(Phase, on_delete=models.CASCADE, related_name="goals")
    number = models.PositiveSmallIntegerField(_("number"))
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["phase", "number"]
        constraints = [models.UniqueConstraint(fields=["phase", "number"], name="uniq_goal_number")]


class Measure(Titled):
    """An activity of a plan, with its lead body, partners, budget line and dates; linked to the
    recommendations it answers."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="measures")
    # Denormalised from goal → phase → strategy: lists and counts filter by organisation directly.
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    number = models.PositiveSmallIntegerField(_("number"))
    description = models.TextField(_("description"), blank=True)
    lead_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                  verbose_name=_("lead unit"))
    lead_external = models.ForeignKey(ExternalBody, on_delete=models.PROTECT, null=True, blank=True,
                                      related_name="+", verbose_name=_("lead outside body"))
    partner_units = models.ManyToManyField(Unit, blank=True, related_name="+", verbose_name=_("partner units"))
    partner_externals = models.ManyToManyField(ExternalBody, blank=True, related_name="+",
                                               verbose_name=_("partner outside bodies"))
    budget_line = models.CharField(_("budget line"), max_length=300, blank=True)
    starts_on = models.DateField(_("start"), null=True, blank=True)
    due_on = models.DateField(_("target date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=MeasureStatus.choices,
                              default=MeasureStatus.PLANNED)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    recommendations = models.ManyToManyField(Recommendation, blank=True, related_name="measures",
                                             verbose_name=_("recommendations answered"))
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        ordering = ["goal", "number"]
        constraints = [
            models.UniqueConstraint(fields=["goal", "number"], name="uniq_measure_number"),
            models.CheckConstraint(condition=Q(lead_unit__isnull=True) | Q(lead_external__isnull=True),
                                   name="measure_one_lead"),
        ]
        indexes = [models.Index(fields=["organisation", "status", "due_on"])]

    @property
    def lead(self):
        return self.lead_unit if self.lead_unit_id else self.lead_external

    @property
    def is_open(self) -> bool:
        return self.status not in CLOSED_MEASURE_STATUSES


class MeasureStatusChange(models.Model):
    """Append-only history of a measure's status: who set it, when, from what, and why."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(max_length=20, choices=MeasureStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=MeasureStatus.choices)
    note = models.TextField(blank=True)
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                           related_name="+")

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["measure", "at"])]


# --- indicators ------------------------------------------------------------------------------------------

class Indicator(TranslatedName):
    """How progress is measured: a figure with its baseline and target. Reported indicators get
    their values typed in with evidence; computed ones are counted from Mizan's own data by a
    definition of the catalogue (`followup.indicators`) with its parameters."""

    class Kind(models.TextChoices):
        REPORTED = "reported", _("Reported")
        COMPUTED = "computed", _("Computed from Mizan's data")

    class Direction(models.TextChoices):
        INCREASE = "increase", _("Higher is better")
        DECREASE = "decrease", _("Lower is better")
        MAINTAIN = "maintain", _("Keep at the target")

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", _("Monthly")
        QUARTERLY = "quarterly", _("Quarterly")
        HALF_YEARLY = "half_yearly", _("Every six months")
        YEARLY = "yearly", _("Yearly")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="indicators")
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, null=True, blank=True, related_name="indicators")
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, null=True, blank=True, related_name="indicators")
    unit_label = models.CharField(_("unit"), max_length=60, blank=True, help_text=_("For example: complaints, %, days."))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.REPORTED)
    definition = models.CharField(_("definition"), max_length=60, blank=True)  # a catalogue code (computed)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    baseline_value = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2, null=True, blank=True)
    baseline_on = models.DateField(_("baseline date"), null=True, blank=True)
    target_value = models.DecimalField(_("target"), max_digits=14, decimal_places=2, null=True, blank=True)
    target_on = models.DateField(_("target date"), null=True, blank=True)
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices, default=Direction.INCREASE)
    frequency = models.CharField(_("reporting frequency"), max_length=12, choices=Frequency.choices,
                                 default=Frequency.QUARTERLY)
    is_public = models.BooleanField(_("shown on the public page"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["name_ar", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(kind="reported") | ~Q(definition=""), name="computed_has_definition"),
        ]


class IndicatorValue(models.Model):
    """The figure of an indicator for one period: typed in (with a note and evidence) or computed."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    note = models.TextField(_("note"), blank=True)
    computed = models.BooleanField(default=False)
    # What a computed value counted (numerator/denominator), so that the figure can be explained.
    detail = models.JSONField(default=dict, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["indicator", "period_start"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period_start", "period_end"], name="uniq_indicator_period"),
            models.CheckConstraint(condition=Q(period_end__gte=models.F("period_start")), name="indicator_period_order"),
        ]


# --- progress reports and their evidence ----------------------------------------------------------------

class ProgressReport(models.Model):
    """What an organisation reports for one recommendation or one measure, for a period."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")  # who reports
    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, null=True, blank=True,
                                       related_name="reports")
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, null=True, blank=True, related_name="reports")
    period_start = models.DateField(_("from"), null=True, blank=True)
    period_end = models.DateField(_("period ending"))
    status = models.CharField(_("status"), max_length=20)  # a Status (recommendation) or MeasureStatus (measure)
    narrative = models.TextField(_("what was done"), blank=True)
    visibility = models.CharField(_("visibility"), max_length=12, choices=Visibility.choices,
                                  default=Visibility.INTERNAL)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["-period_end", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(recommendation__isnull=False, measure__isnull=True)
                                   | Q(recommendation__isnull=True, measure__isnull=False),
                                   name="report_one_subject"),
        ]
        indexes = [models.Index(fields=["organisation", "period_end"]), models.Index(fields=["visibility"])]


class Evidence(models.Model):
    """A file behind a progress report or a reported indicator value, stored under the upload
    policy of complaints (type sniffed, pictures stripped of metadata, random stored name)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, null=True, blank=True,
                               related_name="evidence")
    indicator_value = models.ForeignKey(IndicatorValue, on_delete=models.CASCADE, null=True, blank=True,
                                        related_name="evidence")
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    stored_name = models.CharField(max_length=100, unique=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(report__isnull=False, indicator_value__isnull=True)
                                   | Q(report__isnull=True, indicator_value__isnull=False),
                                   name="evidence_one_subject"),
        ]


# --- reminders, imports, suggestions ----------------------------------------------------------------------

class ReminderSent(models.Model):
    """One reminder already sent (so that the periodic sweep never sends it twice)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    subject = models.CharField(max_length=20)  # "recommendation", "measure", "indicator"
    subject_id = models.PositiveBigIntegerField()
    due_on = models.DateField()
    stage = models.CharField(max_length=10)  # "before" or "after"
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["subject", "subject_id", "due_on", "stage"],
                                               name="uniq_reminder")]


class RecommendationImport(ImportProgress, models.Model):
    """One uploaded file of recommendations (UHRI export, IMPACT OSS, CSV): its check, then the
    writing of its rows, by the worker, with progress."""

    class Format(models.TextChoices):
        UHRI = "uhri", _("OHCHR Universal Human Rights Index export")
        IMPACT = "impact", _("IMPACT OSS export")
        CSV = "csv", _("Mizan's columns (CSV or Excel)")

    class Status(models.TextChoices):
        REJECTED = "rejected", _("Rejected: nothing imported")
        PENDING = "pending", _("Waiting to start")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Failed")

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="+")
    original_name = models.CharField(max_length=200)
    format = models.CharField(max_length=8, choices=Format.choices)
    language = models.CharField(max_length=5, choices=settings.LANGUAGES, default="ar")  # of the report's messages
    stored_name = models.CharField(max_length=80, blank=True)  # random, under imports/; cleared when done
    # Write the valid rows even when some are rejected (otherwise a rejected row stops the whole file).
    import_valid = models.BooleanField(default=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    total_rows = models.PositiveIntegerField(default=0)
    progress = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    unchanged_count = models.PositiveIntegerField(default=0)
    rejected_count = models.PositiveIntegerField(default=0)
    # [{"row": 3, "errors": [{"column": "Text", "message": "..."}]}], in `language`
    rejected = models.JSONField(default=list, blank=True)
    # Theme names of the file that no ThemeMapping of the organisation maps: {name: rows}.
    unmapped_themes = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("import of recommendations")
        verbose_name_plural = _("imports of recommendations")
        ordering = ["-created_at", "-id"]


class FollowupSuggestion(models.Model):
    """What the text engine proposes for a recommendation (a theme, a responsible body, a
    cluster with another recommendation), with its reason; a person accepts or rejects it."""

    class Kind(models.TextChoices):
        THEME = "theme", _("Theme")
        BODY = "body", _("Responsible body")
        CLUSTER = "cluster", _("Same as another recommendation")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a decision")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")
        SUPERSEDED = "superseded", _("No longer suggested")

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="suggestions")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    # A category code, "unit:<id>" / "external:<id>", or the id of the other recommendation.
    value = models.CharField(max_length=64)
    confidence = models.FloatField()
    reasons = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["kind", "-confidence", "id"]
        constraints = [models.UniqueConstraint(fields=["recommendation", "kind", "value"],
                                               name="uniq_followup_suggestion")]
        indexes = [models.Index(fields=["recommendation", "status"])]




# --- the public page ----------------------------------------------------------------------------------------

class FollowupPublication(models.Model):
    """Whether an organisation's follow-up is on the public portal (`/followup/`), decided by those
    who may publish (`publish_followup`). The page shows only the records flagged `is_public`
    (recommendations, strategies, indicators), as aggregate counts with the organisation's
    small-cell threshold; without this switch on, nothing of the organisation is shown there."""

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, primary_key=True,
                                        related_name="followup_publication")
    published = models.BooleanField(_("publish the follow-up on the public portal"), default=False)
    changed_at = models.DateTimeField(default=timezone.now)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")

    class Meta:
        verbose_name = _("public follow-up page")
        verbose_name_plural = _("public follow-up pages")
