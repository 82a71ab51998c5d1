"""Reading the desk's staff-entered complaint from its form.

Plain functions over `request.POST` rather than Django forms, because the complaint itself is
validated by `complaints.intake` (shared with the portal and the API) and its errors are already
a `{field: message}` dict. The queue's filters are read by `complaints.caselist.parse_filters`.
"""

from __future__ import annotations

from django.utils import timezone

# --- staff-entered complaint -----------------------------------------------------------------------

IDENTITY_FIELDS = ("name", "national_id", "phone", "email", "address")
TEXT_FIELDS = ("narrative", "language", "relation", "victim_label", "victim_name", "incident_date", "governorate",
               "facility", "place_details", "urgency", "channel", "received_date")


def new_case_initial() -> dict:
    return {
        "narrative": "", "language": "ar", "relation": "self", "victim_label": "", "victim_name": "",
        "incident_date": "", "governorate": "", "facility": "", "place_details": "", "urgency": "",
        "channel": "", "received_date": timezone.localdate().isoformat(), "anonymous": False,
        "identity_consent": False, "complainant": dict.fromkeys(IDENTITY_FIELDS, ""),
        "categories": [], "vulnerabilities": [],
    }


def new_case_values(post) -> dict:
    """Everything the staff member typed, to re-render the form unchanged after an error."""
    values = {name: post.get(name, "") for name in TEXT_FIELDS}
    values["anonymous"] = bool(post.get("anonymous"))
    values["identity_consent"] = bool(post.get("identity_consent"))
    values["complainant"] = {f: post.get(f"complainant.{f}", "") for f in IDENTITY_FIELDS}
    values["categories"] = post.getlist("categories")
    values["vulnerabilities"] = post.getlist("vulnerabilities")
    return values


def new_case_raw(values: dict) -> dict:
    """The staff form's values as `complaints.intake.receive` takes them (channel STAFF)."""
    raw = {name: values[name] for name in TEXT_FIELDS}
    raw.update(anonymous=values["anonymous"], identity_consent=values["identity_consent"],
               complainant=values["complainant"], categories=values["categories"],
               vulnerabilities=values["vulnerabilities"])
    return raw
