"""Validation of a new complaint, shared by the portal form, the desk form and the API.

`clean_intake` takes raw values (strings, lists, booleans) and returns either cleaned values
ready for `services.submit_complaint` or a dict of field errors in the active language.
"""

from __future__ import annotations

import re
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext as _

from mizan.lib.digits import to_ascii_digits

from .models import Category, Person, Urgency, Vulnerability

LANGUAGE_CODES = {code for code, _label in settings.LANGUAGES}
MAX_NAME = 200
# Bidi overrides and zero-width characters: removed from short identity fields so that a name
# cannot reverse the text around it or hide characters.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def clean_text(value, *, max_length: int) -> str:
    text = value if isinstance(value, str) else ("" if value is None else str(value))
    text = text.replace("\x00", "").replace("\r\n", "\n").strip()
    return text[: max_length + 1]


def parse_date(value) -> date | None | str:
    """A date, None for empty, or an error message."""
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    text = to_ascii_digits(str(value)).strip()
    try:
        parsed = date.fromisoformat(text)
    except ValueError:
        return _("Enter a date as YYYY-MM-DD (Gregorian calendar).")
    if parsed.year < 1900:
        return _("The date is too far in the past.")
    if parsed > timezone.localdate():
        return _("The date cannot be in the future.")
    return parsed


def clean_intake(organisation, raw: dict) -> tuple[dict, dict]:
    errors: dict[str, str] = {}
    out: dict = {}

    narrative = clean_text(raw.get("narrative"), max_length=settings.MIZAN_MAX_NARRATIVE_CHARS)
    if not narrative:
        errors["narrative"] = _("Describe what happened.")
    elif len(narrative) > settings.MIZAN_MAX_NARRATIVE_CHARS:
        errors["narrative"] = _("The description is too long (at most %(max)s characters).") % {
            "max": settings.MIZAN_MAX_NARRATIVE_CHARS}
    elif not any(ch.isalnum() for ch in narrative):
        errors["narrative"] = _("Describe what happened in words.")
    out["narrative"] = narrative

    language = raw.get("language") or "ar"
    if language not in LANGUAGE_CODES:
        errors["language"] = _("Unknown language.")
    out["language"] = language

    anonymous = bool(raw.get("anonymous"))
    out["anonymous"] = anonymous
    complainant = raw.get("complainant") or {}
    if not isinstance(complainant, dict):
        complainant = {}
    cleaned_person = {}
    if not anonymous:
        for field in ("name", "national_id", "phone", "email", "address"):
            value = _INVISIBLE.sub("", clean_text(complainant.get(field), max_length=MAX_NAME if field != "address" else 500))
            cleaned_person[field] = value
        if not cleaned_person["name"]:
            errors["complainant.name"] = _("Give your name, or choose to complain anonymously.")
        elif len(cleaned_person["name"]) > MAX_NAME:
            errors["complainant.name"] = _("The name is too long (at most %(max)s characters).") % {"max": MAX_NAME}
        if cleaned_person["email"]:
            try:
                validate_email(cleaned_person["email"])
            except ValidationError:
                errors["complainant.email"] = _("Enter a valid e-mail address.")
        phone = to_ascii_digits(cleaned_person["phone"])
        if phone and not re.fullmatch(r"\+?[0-9 ()-]{6,20}", phone):
            errors["complainant.phone"] = _("Enter a phone number with digits only (and + for the country code).")
        cleaned_person["phone"] = phone
        national_id = to_ascii_digits(cleaned_person["national_id"])
        if national_id and not re.fullmatch(r"[0-9A-Za-z -]{4,30}", national_id):
            errors["complainant.national_id"] = _("Enter the identity number as written on the card.")
        cleaned_person["national_id"] = national_id
    out["complainant"] = cleaned_person
    out["identity_consent"] = bool(raw.get("identity_consent")) and not anonymous

    relation = raw.get("relation") or "self"
    if relation not in Person.Relation.values:
        errors["relation"] = _("Unknown relation.")
    out["relation"] = relation
    victim_label = clean_text(raw.get("victim_label"), max_length=200)
    out["victim"] = {"label": victim_label[:200]}
    if not anonymous and relation != "self":
        out["victim"]["name"] = _INVISIBLE.sub("", clean_text(raw.get("victim_name"), max_length=MAX_NAME))[:MAX_NAME]

    incident = parse_date(raw.get("incident_date"))
    if isinstance(incident, str):
        errors["incident_date"] = incident
        incident = None
    out["incident_date"] = incident

    governorate = None
    gov_value = raw.get("governorate")
    if gov_value not in (None, ""):
        qs = organisation.governorates.all()
        governorate = qs.filter(code=str(gov_value)).first()
        if governorate is None and str(gov_value).isdigit():
            governorate = qs.filter(pk=int(gov_value)).first()
        if governorate is None:
            errors["governorate"] = _("Unknown %(division)s.") % {"division": organisation.division_label}
    out["governorate"] = governorate

    facility = None
    fac_value = raw.get("facility")
    if fac_value not in (None, ""):
        if str(fac_value).isdigit():
            facility = organisation.facilities.filter(pk=int(fac_value), is_active=True).select_related("governorate").first()
        if facility is None:
            errors["facility"] = _("Unknown place.")
        elif governorate and facility.governorate_id != governorate.pk:
            errors["facility"] = _("This place is not in the chosen %(division)s.") % {"division": organisation.division_label}
    out["facility"] = facility
    out["place_details"] = clean_text(raw.get("place_details"), max_length=500)[:500]

    codes = raw.get("categories") or []
    if isinstance(codes, str):
        codes = [codes]
    codes = [str(c) for c in codes][:30]
    found = {c.code: c for c in Category.objects.filter(code__in=codes, is_active=True)}
    unknown = [c for c in codes if c not in found]
    if unknown:
        errors["categories"] = _("Unknown categories: %(codes)s.") % {"codes": ", ".join(unknown[:5])}
    out["categories"] = [found[c] for c in dict.fromkeys(codes) if c in found]

    vulns = raw.get("vulnerabilities") or []
    if isinstance(vulns, str):
        vulns = [vulns]
    vulns = [str(v) for v in vulns][:10]
    bad = [v for v in vulns if v not in Vulnerability.values]
    if bad:
        errors["vulnerabilities"] = _("Unknown groups: %(codes)s.") % {"codes": ", ".join(bad[:5])}
    out["vulnerabilities"] = [v for v in dict.fromkeys(vulns) if v in Vulnerability.values]

    urgency = raw.get("urgency")
    if urgency not in (None, "") and urgency not in Urgency.values:
        errors["urgency"] = _("Unknown urgency.")
    out["urgency"] = urgency or None
    return out, errors
