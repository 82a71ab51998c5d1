"""The one way a complaint comes in: `receive`, called by the portal, the API and the desk.

`clean_intake` takes raw values (strings, lists, booleans) and returns either cleaned values
ready for `services.submit_complaint` or a dict of field errors in the active language;
`clean_staff_intake` adds what staff record (channel, day received) and is also what an import
checks each row with. `receive` cleans, checks the proof of work and files the complaint in one
transaction.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mizan.accounts import proof_of_work
from mizan.accounts.proof_of_work import ProofOfWorkRefused
from mizan.lib.digits import to_ascii_digits
from mizan.lib.textsafety import neutralise_name

from .errors import Invalid
from .models import Channel, Person, Urgency, Vulnerability
from .rules import Rules, snapshot
from .services import submit_complaint
from .workflow import COMPLAINANT

LANGUAGE_CODES = {code for code, _label in settings.LANGUAGES}
MAX_NAME = 200
MAX_CODE = 100
# Years of the Hijri calendar in living memory (1300 AH = 1882): typed where a Gregorian date is
# expected, they would otherwise be read as the 14th or 15th century.
HIJRI_YEARS = (1300, 1500)
# What a decoder puts in place of bytes that are not UTF-8: the text did not arrive as written.
UNREADABLE = "\ufffd"


def clean_text(value, *, max_length: int) -> str:
    text = value if isinstance(value, str) else ("" if value is None else str(value))
    text = text.replace("\x00", "").replace("\r\n", "\n").strip()
    return text[: max_length + 1]


def _scalar(value) -> str:
    """A single value as text ("" for lists, dicts and None): parsing never fails on shape."""
    return value if isinstance(value, str) else ("" if value is None or isinstance(value, (list, tuple, dict)) else str(value))


def _is_id(value) -> bool:
    # ASCII only: "²".isdigit() is true, and int("²") fails.
    text = str(value)
    return text.isascii() and text.isdigit() and len(text) <= 18


def _listed(value) -> list:
    """A list of codes from a list, or from one code; nothing from anything else."""
    if value in (None, "", [], ()):
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


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
    if HIJRI_YEARS[0] <= parsed.year <= HIJRI_YEARS[1]:
        return _("This looks like a Hijri date: enter the date in the Gregorian calendar (YYYY-MM-DD).")
    if parsed.year < 1900:
        return _("The date is too far in the past.")
    if parsed > timezone.localdate():
        return _("The date cannot be in the future.")
    return parsed


def clean_intake(organisation, raw: dict, *, rules: Rules | None = None) -> tuple[dict, dict]:
    """(cleaned values for `services.submit_complaint`, {field: error in the active language})."""
    known = rules or snapshot()
    local = known.of(organisation)
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
    elif UNREADABLE in narrative:
        errors["narrative"] = _("Part of the text could not be read (it was not sent as UTF-8 text). "
                                "Type or paste it again.")
    out["narrative"] = narrative

    language = _scalar(raw.get("language")) or "ar"
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
        # Short identity fields are stored without invisible formatting characters: a name cannot
        # then reverse the text around it or hide characters, and two names that look the same
        # get the same keyed hash. Long texts are stored as written (neutralised on display).
        for field in ("name", "national_id", "phone", "email", "address"):
            value = neutralise_name(clean_text(complainant.get(field), max_length=MAX_NAME if field != "address" else 500))
            cleaned_person[field] = value
        if not cleaned_person["name"]:
            errors["complainant.name"] = _("Give your name, or choose to complain anonymously.")
        elif UNREADABLE in cleaned_person["name"]:
            errors["complainant.name"] = _("Part of the text could not be read (it was not sent as UTF-8 text). "
                                           "Type or paste it again.")
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

    relation = _scalar(raw.get("relation")) or "self"
    if relation not in Person.Relation.values:
        errors["relation"] = _("Unknown relation.")
    out["relation"] = relation
    victim_label = clean_text(raw.get("victim_label"), max_length=200)
    out["victim"] = {"label": victim_label[:200]}
    if not anonymous and relation != "self":
        out["victim"]["name"] = neutralise_name(clean_text(raw.get("victim_name"), max_length=MAX_NAME))[:MAX_NAME]

    incident = parse_date(raw.get("incident_date"))
    if isinstance(incident, str):
        errors["incident_date"] = incident
        incident = None
    out["incident_date"] = incident

    governorate = None
    gov_value = raw.get("governorate")
    if gov_value not in (None, ""):
        gov_value = clean_text(gov_value, max_length=MAX_CODE)
        governorate = local.governorates.get(gov_value)
        if governorate is None and _is_id(gov_value):
            governorate = local.governorates_by_id.get(int(gov_value))
        if governorate is None:
            errors["governorate"] = _("Unknown %(division)s.") % {"division": organisation.division_label}
    out["governorate"] = governorate

    facility = None
    fac_value = raw.get("facility")
    if fac_value not in (None, ""):
        if _is_id(fac_value):
            facility = local.facilities.get(int(fac_value))
        if facility is None:
            errors["facility"] = _("Unknown place.")
        elif governorate and facility.governorate_id != governorate.pk:
            errors["facility"] = _("This place is not in the chosen %(division)s.") % {"division": organisation.division_label}
    out["facility"] = facility
    out["place_details"] = clean_text(raw.get("place_details"), max_length=500)[:500]

    codes = _listed(raw.get("categories"))
    codes = [clean_text(c, max_length=MAX_CODE) for c in codes][:30]
    found = known.active_categories(codes)
    unknown = [c for c in codes if c not in found]
    if unknown:
        errors["categories"] = _("Unknown categories: %(codes)s.") % {"codes": ", ".join(unknown[:5])}
    out["categories"] = [found[c] for c in dict.fromkeys(codes) if c in found]

    vulns = _listed(raw.get("vulnerabilities"))
    vulns = [str(v) for v in vulns][:10]
    bad = [v for v in vulns if v not in Vulnerability.values]
    if bad:
        errors["vulnerabilities"] = _("Unknown groups: %(codes)s.") % {"codes": ", ".join(bad[:5])}
    out["vulnerabilities"] = [v for v in dict.fromkeys(vulns) if v in Vulnerability.values]

    urgency = _scalar(raw.get("urgency"))
    if urgency not in (None, "") and urgency not in Urgency.values:
        errors["urgency"] = _("Unknown urgency.")
    out["urgency"] = urgency or None
    return out, errors


# --- staff intake: a complaint received by phone, in person, by letter or e-mail -----------------

STAFF_CHANNELS = (Channel.PHONE, Channel.WALK_IN, Channel.LETTER, Channel.EMAIL)
STAFF = "staff"  # receive(channel=STAFF): the channel is one of STAFF_CHANNELS, given in `raw`


def received_at_for(day: date) -> datetime:
    """Today's entries keep the real time; an earlier day is recorded at local noon."""
    if day == timezone.localdate():
        return timezone.now()
    return timezone.make_aware(datetime.combine(day, time(12, 0)))


def clean_staff_intake(organisation, raw: dict, *, rules: Rules | None = None) -> tuple[dict, dict]:
    """`clean_intake` plus what staff record about a complaint they received: how (`channel`,
    one of STAFF_CHANNELS) and on which day (`received_date`, not before the incident)."""
    cleaned, errors = clean_intake(organisation, raw, rules=rules)
    channel = _scalar(raw.get("channel"))
    if channel not in STAFF_CHANNELS:
        errors["channel"] = _("Choose how the complaint was received.")
    day = raw.get("received_date")
    received = parse_date(day) if day not in (None, "") else _("Give the date the complaint was received.")
    if isinstance(received, str):
        errors["received_date"] = received
    elif cleaned.get("incident_date") and received < cleaned["incident_date"]:
        errors["received_date"] = _("The complaint cannot have been received before the incident date.")
    if errors:
        return {}, errors
    return {**cleaned, "channel": channel, "received_at": received_at_for(received)}, {}


# --- the one way in ------------------------------------------------------------------------------

class Refused(Invalid):
    """Nothing was stored: `fields` holds every problem found, `proof_of_work` the refused proof
    of work (ProofOfWorkRefused) when that was one of them."""

    def __init__(self, fields: dict, proof_of_work: ProofOfWorkRefused | None = None):
        super().__init__(_("Some information is missing or not valid."), fields=fields)
        self.proof_of_work = proof_of_work


def receive(organisation, raw: dict, *, channel: str, actor=COMPLAINANT, files=(), proof=None,
            problems: dict | None = None, rules: Rules | None = None):
    """File a complaint from what a face received: the portal's form, the API's JSON, the desk's
    staff form (`channel` STAFF, with `channel` and `received_date` in `raw`). Returns (case,
    receipt) or raises Refused with every problem (those of `raw`, the proof of work and the
    face's own `problems`, such as files it could not take), and nothing is stored.

    A complainant's anonymous complaint to an organisation that asks for it needs `proof`,
    (challenge, nonce); the solution is spent in the complaint's own transaction, so it is spent
    only with the complaint it was solved for.
    """
    rules = rules or snapshot()
    if channel == STAFF:
        cleaned, errors = clean_staff_intake(organisation, raw, rules=rules)
    else:
        cleaned, errors = clean_intake(organisation, raw, rules=rules)
        cleaned["channel"] = channel
    errors.update(problems or {})
    solved = refused = None
    if actor == COMPLAINANT and proof_of_work.required(organisation, anonymous=bool(raw.get("anonymous"))):
        try:
            solved = proof_of_work.check(organisation, *(proof or (None, None)))
        except ProofOfWorkRefused as exc:
            refused = exc
    if errors or refused:
        raise Refused(errors, refused)
    try:
        with transaction.atomic():
            if solved is not None:
                proof_of_work.spend(solved)
            return submit_complaint(organisation=organisation, actor=actor, files=files, rules=rules, **cleaned)
    except ProofOfWorkRefused as exc:
        raise Refused({}, exc) from None

