"""Checking what a person (desk form or API) or an imported row gives for a recommendation.

`clean_recommendation(organisation, raw)` -> (cleaned, errors): `cleaned` holds the keyword
arguments of `services.create_recommendation` / `update_recommendation` (objects, not ids);
`errors` maps a field to a message in the active language. Nothing is written here.
"""

from __future__ import annotations

import functools
import re
from datetime import date

from django.utils import translation
from django.utils.translation import gettext as _

from mizan.accounts.models import Organisation, Unit
from mizan.complaints.intake import clean_text
from mizan.complaints.models import Category, Vulnerability
from mizan.lib.digits import to_ascii_digits

from .models import BodyRole, ExternalBody, Position, RecommendationType, Source, SourceKind, Status

MAX_TEXT = 20_000
LANGUAGE_CODES = ("ar", "en", "fr", "es", "ru", "zh", "other")
SDG_TARGET = re.compile(r"^(\d{1,2})\.([0-9]{1,2}|[a-c])$")


def is_id(value) -> bool:
    """A database id as typed: ASCII digits only ("²".isdigit() is true, and int("²") fails)."""
    text = str(value)
    return text.isascii() and text.isdigit() and len(text) <= 18


def _text(raw, name: str, *, limit: int, required: bool = False, errors: dict) -> str:
    value = clean_text(raw.get(name), max_length=limit)
    if required and not value:
        errors[name] = _("This field is required.")
    elif len(value) > limit:
        errors[name] = _("At most %(n)s characters.") % {"n": limit}
    return value


def parse_date(raw, name: str, errors: dict) -> date | None:
    """The date in `raw[name]` (YYYY-MM-DD, any digits), None when empty; on a bad value the
    error goes into `errors[name]` and None is returned. Shared by every follow-up form."""
    value = raw.get(name)
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(to_ascii_digits(str(value)).strip())
    except ValueError:
        errors[name] = _("Enter a date as YYYY-MM-DD.")
        return None


def _list(raw, name: str) -> list[str]:
    value = raw.get(name) or []
    if isinstance(value, str):
        value = re.split(r"[\n,;|]+", value)
    return [str(v).strip() for v in value if str(v).strip()]


def sdg_targets(values, errors: dict | None = None) -> list[str]:
    """SDG targets as "16.3": Arabic-Indic digits and decimal sign folded, "Target 16.3" and
    "- 16.3 - …" (the UHRI's spelling) reduced to the code."""
    out = []
    for value in values:
        match = re.search(r"(\d{1,2})\s*\.\s*([0-9]{1,2}|[a-c])\b", to_ascii_digits(str(value)).replace("\u066b", ".").lower())
        if match and 1 <= int(match.group(1)) <= 17:
            code = f"{int(match.group(1))}.{match.group(2)}"
            if code not in out:
                out.append(code)
        elif errors is not None:
            errors["sdg_targets"] = _("Write SDG targets as numbers such as 16.3 or 5.2.")
    return out


@functools.cache  # the same in every language (all three are read): an import calls it for each row
def vulnerability_names() -> dict[str, str]:
    """Our vulnerability codes by their code and their label in each language, lower case."""
    names = {}
    for language in ("ar", "en", "fr"):
        with translation.override(language):
            names.update({str(label).lower(): code for code, label in Vulnerability.choices})
    names.update({code: code for code in Vulnerability.values})
    return names


def clean_recommendation(organisation: Organisation, raw: dict, *, partial: bool = False) -> tuple[dict, dict]:
    """Validate `raw` for a recommendation of `organisation`. `partial`: only the keys present
    (an edit); otherwise `source` and `text` are required."""
    errors: dict[str, str] = {}
    cleaned: dict = {}

    def present(name):
        return not partial or name in raw

    if present("source"):
        source_id = str(raw.get("source") or "").strip()
        source = Source.objects.filter(organisation=organisation, pk=source_id).first() if is_id(source_id) else None
        if source is None:
            errors["source"] = _("Choose a source of your organisation.")
        cleaned["source"] = source
    if present("text"):
        cleaned["text"] = _text(raw, "text", limit=MAX_TEXT, required=True, errors=errors)
    for name in ("text_ar", "text_en", "text_fr"):
        if present(name):
            cleaned[name] = _text(raw, name, limit=MAX_TEXT, errors=errors)
    if "response" in raw:  # only when given: a form without the field never clears it
        cleaned["response"] = _text(raw, "response", limit=MAX_TEXT, errors=errors)
    for name, limit in (("symbol", 120), ("paragraph", 40)):
        if present(name):
            cleaned[name] = _text(raw, name, limit=limit, errors=errors)
    if present("language"):
        language = str(raw.get("language") or "ar").strip().lower()
        if language not in LANGUAGE_CODES:
            errors["language"] = _("Choose a language from the list.")
        cleaned["language"] = language
    if present("type"):
        kind = str(raw.get("type") or RecommendationType.RECOMMENDATION)
        if kind not in RecommendationType.values:
            errors["type"] = _("Choose a value from the list.")
        cleaned["type"] = kind
    if present("position"):
        position = str(raw.get("position") or Position.NOT_DECIDED)
        if position not in Position.values:
            errors["position"] = _("Choose a value from the list.")
        cleaned["position"] = position
    if present("status"):
        status = str(raw.get("status") or Status.NOT_STARTED)
        if status not in Status.values:
            errors["status"] = _("Choose a status from the list.")
        cleaned["status"] = status
    for name in ("issued_on", "due_on"):
        if present(name):
            cleaned[name] = parse_date(raw, name, errors)
    if present("themes"):
        codes = _list(raw, "themes")
        themes = list(Category.objects.filter(code__in=codes, is_active=True))
        if len(themes) != len(set(codes)):
            errors["themes"] = _("Choose themes from the list.")
        cleaned["themes"] = themes
    if present("affected_groups"):
        groups = _list(raw, "affected_groups")
        if any(len(g) > 100 for g in groups):
            errors["affected_groups"] = _("At most %(n)s characters.") % {"n": 100}
        # Our own codes stay codes (so they can be counted); other groups are kept as written.
        known = vulnerability_names()
        cleaned["affected_groups"] = [known.get(g.lower(), g) for g in groups]
    if present("sdg_targets"):
        cleaned["sdg_targets"] = sdg_targets(_list(raw, "sdg_targets"), errors)
    if present("recommending_states"):
        cleaned["recommending_states"] = _list(raw, "recommending_states")[:200]
    if present("is_public"):
        cleaned["is_public"] = str(raw.get("is_public") or "").lower() in ("1", "true", "on", "yes")
    if present("bodies"):
        cleaned["bodies"] = _bodies(organisation, raw.get("bodies") or [], errors)
    if present("addressees"):
        slugs = _list(raw, "addressees")
        members = list(Organisation.objects.filter(slug__in=slugs).exclude(pk=organisation.pk))
        if len(members) != len(set(slugs)):
            errors["addressees"] = _("Choose member organisations from the list.")
        cleaned["addressees"] = members
    return cleaned, errors


def _bodies(organisation, items, errors: dict) -> list[tuple]:
    """[(role, unit, external)] from [{"role": "lead", "unit": 3} | {"role": ..., "external": 5}]."""
    out = []
    for item in items:
        role = str(item.get("role") or BodyRole.LEAD)
        unit_id, external_id = str(item.get("unit") or ""), str(item.get("external") or "")
        unit = Unit.objects.filter(organisation=organisation, pk=unit_id).first() if is_id(unit_id) else None
        external = (ExternalBody.objects.filter(organisation=organisation, pk=external_id).first()
                    if is_id(external_id) else None)
        if role not in BodyRole.values or (unit is None) == (external is None):
            errors["bodies"] = _("Choose a unit or an outside body of your organisation.")
            continue
        out.append((role, unit, external))
    if sum(1 for role, _u, _e in out if role == BodyRole.LEAD) > 1:
        errors["bodies"] = _("A recommendation has one lead body.")
    named = [(getattr(unit, "pk", None), getattr(external, "pk", None)) for _r, unit, external in out]
    if len(set(named)) != len(named):
        errors["bodies"] = _("Name each body once: as the lead or as supporting.")
    return out


def _number(raw, name: str, errors: dict, *, low: int, high: int) -> int | None:
    value = to_ascii_digits(str(raw.get(name) or "")).strip()
    if not value:
        return None
    if not (value.isascii() and value.isdigit()) or not low <= int(value) <= high:
        errors[name] = _("Enter a whole number from %(low)s to %(high)s.") % {"low": low, "high": high}
        return None
    return int(value)


def clean_source(raw: dict) -> tuple[dict, dict]:
    """Validate a source of recommendations: `cleaned` holds the keyword arguments of
    `services.create_source`. A title in at least one language is required."""
    errors: dict[str, str] = {}
    kind = str(raw.get("kind") or "")
    if kind not in SourceKind.values:
        errors["kind"] = _("Choose a value from the list.")
    cleaned = {"kind": kind}
    for name in ("title_ar", "title_en", "title_fr"):
        cleaned[name] = _text(raw, name, limit=300, errors=errors)
    if not any(cleaned[name] for name in ("title_ar", "title_en", "title_fr")) and "title_ar" not in errors:
        errors["title_ar"] = _("Give the title in at least one language.")
    for name, limit in (("body", 300), ("symbol", 120), ("place", 200)):
        cleaned[name] = _text(raw, name, limit=limit, errors=errors)
    cleaned["date"] = parse_date(raw, "date", errors)
    cleaned["upr_cycle"] = _number(raw, "upr_cycle", errors, low=1, high=20)
    cleaned["upr_session"] = _number(raw, "upr_session", errors, low=1, high=200)
    return cleaned, errors


def clean_external_body(raw: dict, *, partial: bool = False) -> tuple[dict, dict]:
    """Validate an outside body of the register: names (the Arabic one required) and kind;
    `partial`: only the keys present."""
    errors: dict[str, str] = {}
    cleaned: dict = {}
    if not partial or "name_ar" in raw:
        cleaned["name_ar"] = _text(raw, "name_ar", limit=200, required=True, errors=errors)
    for name in ("name_en", "name_fr"):
        if not partial or name in raw:
            cleaned[name] = _text(raw, name, limit=200, errors=errors)
    if not partial or "kind" in raw:
        kind = str(raw.get("kind") or "")
        if kind not in ExternalBody.Kind.values:
            errors["kind"] = _("Choose a value from the list.")
        cleaned["kind"] = kind
    return cleaned, errors
