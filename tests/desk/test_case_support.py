"""Helpers shared by the case-page tests (no tests here)."""

from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from mizan.audit.models import AuditEvent
from mizan.complaints.models import (
    Allegation,
    Attachment,
    Case,
    CaseCategory,
    CaseMessage,
    TimelineEvent,
)

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
NAME = "منى عبد الله"
NATIONAL_ID = "29001011234567"


def english(client):
    """Read pages in English so assertions do not depend on the Arabic catalogue."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def page(case_or_reference) -> str:
    reference = getattr(case_or_reference, "reference", case_or_reference)
    return reverse("desk:case", args=[reference])


def set_status(case: Case, status: str) -> Case:
    """Put `case` in `status` directly (test set-up only), as the workflow would have left it."""
    extra = {}
    if status in ("resolved", "closed", "inadmissible"):
        extra["decided_at"] = timezone.now()
    if status == "awaiting_complainant":
        extra["paused_on"] = timezone.localdate()
    if status == "referred":
        extra.update(referred_to="النيابة العامة", referral_due=timezone.localdate() + timedelta(days=10))
    Case.objects.filter(pk=case.pk).update(status=status, **extra)
    case.refresh_from_db()
    return case


def snapshot(case: Case) -> dict:
    """Everything a refused request must leave untouched."""
    case.refresh_from_db()
    return {
        "version": case.version,
        "status": case.status,
        "officer": case.officer_id,
        "unit": case.unit_id,
        "urgency": case.urgency,
        "duplicate_of": case.duplicate_of_id,
        "timeline": TimelineEvent.objects.filter(case=case).count(),
        "audit": AuditEvent.objects.count(),
        "messages": CaseMessage.objects.filter(case=case).count(),
        "attachments": Attachment.objects.filter(case=case).count(),
        "allegations": list(Allegation.objects.filter(case=case).values_list("category_id", "summary", "finding")),
        "categories": sorted(CaseCategory.objects.filter(case=case).values_list("category_id", flat=True)),
    }
