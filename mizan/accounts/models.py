"""Organisations (tenants), their units, facilities and governorates; staff roles; API tokens;
the security state of staff accounts (second factor, recovery codes, login failures).

`accounts` knows users, organisations and roles, never cases.
"""

import hashlib
import secrets
from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from mizan.lib.workdays import Calendar


class TranslatedName(models.Model):
    """Name in Arabic (reference), English and French; shown in the active language."""

    name_ar = models.CharField(_("name (Arabic)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    name_fr = models.CharField(_("name (French)"), max_length=200, blank=True)

    class Meta:
        abstract = True

    @property
    def name(self) -> str:
        lang = (get_language() or "ar")[:2]
        return getattr(self, f"name_{lang}", "") or self.name_ar

    def __str__(self) -> str:
        return self.name


class Organisation(TranslatedName):
    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("Human-rights department of a ministry of interior")
        NHRI = "nhri", _("National human-rights institution")
        SECRETARIAT = "secretariat", _("Regional secretariat")

    slug = models.SlugField(unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    country = models.CharField(_("country (ISO code)"), max_length=2)
    reference_prefix = models.CharField(_("reference prefix"), max_length=8, unique=True)
    # Python weekday numbers, Monday=0: "4,5" is Friday-Saturday, "5,6" Saturday-Sunday.
    weekend_days = models.CharField(_("weekend days"), max_length=20, default="4,5")
    division_label_ar = models.CharField(_("name of the divisions (Arabic)"), max_length=40, default="المحافظة")
    division_label_en = models.CharField(_("name of the divisions (English)"), max_length=40, default="Governorate")
    division_label_fr = models.CharField(_("name of the divisions (French)"), max_length=40, default="Gouvernorat")
    appeal_days = models.PositiveSmallIntegerField(
        _("days to appeal after a decision"), default=10,
        help_text=_("The complainant may ask to re-open within this many days."),
    )
    due_soon_days = models.PositiveSmallIntegerField(_("due soon within (working days)"), default=2)
    arabic_indic_digits = models.BooleanField(_("Arabic-Indic digits in Arabic"), default=False)
    show_hijri = models.BooleanField(_("show Hijri date beside Gregorian"), default=False)
    accepts_public_complaints = models.BooleanField(_("accepts complaints on the public portal"), default=True)
    is_default_intake = models.BooleanField(
        _("default recipient of public complaints"), default=False,
        help_text=_("Receives complaints filed without choosing an organisation."),
    )
    require_2fa_for_all = models.BooleanField(
        _("require two-factor authentication for all staff"), default=False,
        help_text=_("Without this, it is required only for staff who can reveal identities, see statistics or "
                    "the audit log, or administer the organisation."),
    )
    identity_reveal_needs_approval = models.BooleanField(
        _("revealing an identity needs a second person's approval"), default=False,
        help_text=_("A supervisor or organisation admin other than the requester must approve each reveal, "
                    "which can then be used once within its validity."),
    )
    anonymous_intake_proof_of_work = models.BooleanField(
        _("anonymous complaints need a proof of work"), default=False,
        help_text=_("Before an anonymous complaint is sent, the complainant's browser (or an API client) must "
                    "solve a small computation of a few seconds. This slows down mass automated complaints without "
                    "any outside service. Named complaints are not affected. On the portal it needs JavaScript."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["id"]

    @property
    def division_label(self) -> str:
        lang = (get_language() or "ar")[:2]
        return getattr(self, f"division_label_{lang}", "") or self.division_label_ar

    @property
    def weekend(self) -> list[int]:
        return [int(d) for d in self.weekend_days.split(",") if d.strip() != ""]

    def calendar(self) -> Calendar:
        return Calendar(self.weekend, self.holidays.values_list("date", flat=True))

    def today(self) -> date:
        return timezone.localdate()


class Holiday(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="holidays")
    date = models.DateField(_("date"))
    name = models.CharField(_("name"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("public holiday")
        verbose_name_plural = _("public holidays")
        constraints = [models.UniqueConstraint(fields=["organisation", "date"], name="uniq_holiday")]
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date} {self.name}"


class Governorate(TranslatedName):
    """An administrative division, named as the organisation's state names it."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="governorates")
    code = models.SlugField(max_length=40)

    class Meta:
        verbose_name = _("governorate / province")
        verbose_name_plural = _("governorates / provinces")
        constraints = [models.UniqueConstraint(fields=["organisation", "code"], name="uniq_governorate_code")]
        ordering = ["name_ar"]


class Unit(TranslatedName):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="units")
    code = models.SlugField(max_length=40)
    email = models.EmailField(_("unit e-mail"), blank=True)
    is_intake = models.BooleanField(
        _("default unit"), default=False, help_text=_("Receives cases that no routing rule matches.")
    )

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        constraints = [models.UniqueConstraint(fields=["organisation", "code"], name="uniq_unit_code")]
        ordering = ["name_ar"]


class Facility(TranslatedName):
    class Kind(models.TextChoices):
        POLICE_STATION = "police_station", _("Police station")
        DETENTION_CENTRE = "detention_centre", _("Detention centre")
        CORRECTION_CENTRE = "correction_centre", _("Correction and rehabilitation centre")
        JUVENILE_CENTRE = "juvenile_centre", _("Juvenile centre")
        BORDER_POST = "border_post", _("Border post")
        OTHER = "other", pgettext_lazy("facility kind", "Other")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="facilities")
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    governorate = models.ForeignKey(Governorate, on_delete=models.PROTECT, related_name="facilities")
    is_active = models.BooleanField(default=True)

    class Meta:
        verbose_name = _("facility")
        verbose_name_plural = _("facilities")
        ordering = ["name_ar"]


class Role(models.TextChoices):
    INTAKE_OFFICER = "intake_officer", _("Intake officer")
    CASE_OFFICER = "case_officer", _("Case officer")
    SUPERVISOR = "supervisor", _("Supervisor")
    ANALYST = "analyst", _("Analyst")
    AUDITOR = "auditor", _("Auditor")
    ORG_ADMIN = "org_admin", _("Organisation administrator")
    # Follows recommendations, plans and indicators; sees no complaint.
    FOLLOWUP_OFFICER = "followup_officer", _("Follow-up officer")


class Membership(models.Model):
    """A staff user's place in one organisation. One membership per user."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="memberships")
    unit = models.ForeignKey(Unit, on_delete=models.SET_NULL, null=True, blank=True, related_name="members")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    can_reveal_identity = models.BooleanField(
        _("may reveal complainants' identities"), default=False,
        help_text=_("Separate from seeing cases: each reveal needs a reason and is logged."),
    )
    language = models.CharField(_("language for e-mails"), max_length=5, choices=settings.LANGUAGES, default="ar")

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation} ({self.role})"


def membership_of(user) -> Membership | None:
    """The active membership of `user`, or None for anonymous users and users without one."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    try:
        return user.membership
    except Membership.DoesNotExist:
        return None


class ApiToken(models.Model):
    """A per-user bearer token; only its SHA-256 is stored."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, default="api")
    token_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    @staticmethod
    def hash(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()

    @classmethod
    def issue(cls, user, name: str = "api") -> tuple["ApiToken", str]:
        raw = "mzn_" + secrets.token_urlsafe(32)
        return cls.objects.create(user=user, name=name, token_hash=cls.hash(raw), prefix=raw[:8]), raw


class AccountSecurity(models.Model):
    """A staff user's second factor and session generation (created when first needed).

    The TOTP secret is stored only as vault ciphertext bound to the user (`accounts.security`);
    `totp_confirmed_at` is empty while an enrolment waits for its first code. Raising
    `session_generation` ends every session the user has (logout everywhere).
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="security")
    totp_secret_enc = models.TextField(blank=True)
    totp_confirmed_at = models.DateTimeField(null=True, blank=True)
    totp_last_step = models.BigIntegerField(null=True, blank=True)  # the replay guard
    session_generation = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("account security")
        verbose_name_plural = _("account security")

    @property
    def has_two_factor(self) -> bool:
        return bool(self.totp_secret_enc) and self.totp_confirmed_at is not None


class RecoveryCode(models.Model):
    """One single-use recovery code; only its keyed hash is stored."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recovery_codes")
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("recovery code")
        verbose_name_plural = _("recovery codes")
        constraints = [models.UniqueConstraint(fields=["user", "code_hash"], name="uniq_recovery_code")]


class LoginFailures(models.Model):
    """Consecutive failed logins on one typed user name, kept under its keyed hash.

    Counted for names that match no account exactly as for real ones, so the answer to a
    locked name never tells whether the account exists.
    """

    username_hash = models.CharField(max_length=64, unique=True)
    failures = models.PositiveIntegerField(default=0)
    lockouts = models.PositiveIntegerField(default=0)  # lockouts in a row: the back-off exponent
    locked_until = models.DateTimeField(null=True, blank=True)
    last_failure_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("failed logins")
        verbose_name_plural = _("failed logins")


class SpentChallenge(models.Model):
    """A solved proof-of-work challenge already used for a complaint, so it is accepted once.

    Only a keyed hash of the challenge is kept (no address, no case), and only until the
    challenge expires: after that it is refused anyway.
    """

    key = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("spent proof-of-work challenge")
        verbose_name_plural = _("spent proof-of-work challenges")
