"""The desk's forms of the follow-up, turned into what `followup.intake` checks.

A form posts names a person chose from lists ("unit-3", a theme's code, a member's slug); these
helpers only reshape them. Checking is `intake`'s, so the desk and the API refuse the same input
with the same messages.
"""

from __future__ import annotations

import re
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mizan.complaints.models import Vulnerability
from mizan.lib.digits import to_ascii_digits

from .models import BodyRole, Status

# Languages a recommendation may be written in (intake.LANGUAGE_CODES), as people read them.
LANGUAGE_LABELS = {
    "ar": gettext_lazy("Arabic"),
    "en": gettext_lazy("English"),
    "fr": gettext_lazy("French"),
    "es": gettext_lazy("Spanish"),
    "ru": gettext_lazy("Russian"),
    "zh": gettext_lazy("Chinese"),
    "other": gettext_lazy("Another language"),
}

RECOMMENDATION_FIELDS = ("text", "language", "type", "text_ar", "text_en", "text_fr", "symbol", "paragraph",
                         "issued_on", "due_on", "position")
SOURCE_FIELDS = ("kind", "title_ar", "title_en", "title_fr", "body", "symbol", "date", "place", "upr_cycle",
                 "upr_session")


def parse_version(raw) -> int | None:
    """The `version` a form was rendered with; None when absent or unreadable."""
    text = to_ascii_digits(str(raw or "")).strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 9 else None


def parse_day(raw) -> date | None | str:
    """A date typed as YYYY-MM-DD (Arabic-Indic digits accepted), None when empty, else an error."""
    text = to_ascii_digits(str(raw or "")).strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return _("Enter a date as YYYY-MM-DD.")


def body_items(lead: str, supporting) -> list[dict]:
    """[{"role", "unit" | "external"}] for `intake`, from the keys of the bodies chosen
    ("unit-3", "external-5"); an unreadable key is passed on as naming nothing, so that intake
    refuses it like an unknown id."""
    items = []
    for role, keys in ((BodyRole.LEAD, [lead] if lead else []), (BodyRole.SUPPORTING, supporting)):
        for key in keys:
            kind, _sep, pk = str(key).partition("-")
            items.append({"role": role, "unit" if kind == "unit" else "external": pk if kind in ("unit", "external")
                          else "x"})
    return items


def _lines(text: str) -> list[str]:
    return [line.strip() for line in re.split(r"[\n;]+", text or "") if line.strip()]


def recommendation_raw(post, *, with_status: bool, with_addressees: bool) -> dict:
    """What the recommendation form posted, as `intake.clean_recommendation` reads it."""
    raw = {name: post.get(name, "") for name in RECOMMENDATION_FIELDS}
    raw["source"] = post.get("source", "")
    raw["themes"] = post.getlist("themes")
    groups = [code for code in post.getlist("groups") if code in Vulnerability.values]
    raw["affected_groups"] = groups + _lines(post.get("other_groups", ""))
    raw["sdg_targets"] = [part for part in re.split(r"[\s,;]+", post.get("sdg_targets", "")) if part]
    raw["recommending_states"] = _lines(post.get("recommending_states", ""))
    raw["bodies"] = body_items(post.get("lead", ""), post.getlist("supporting"))
    if with_status:
        raw["status"] = post.get("status", "") or Status.NOT_STARTED
    if with_addressees:
        raw["addressees"] = post.getlist("addressees")
    return raw


def source_raw(post, prefix: str = "") -> dict:
    """The fields of a source form (inline in the recommendation form: `prefix` "source_")."""
    return {name: post.get(f"{prefix}{name}", "") for name in SOURCE_FIELDS}


def form_values(post) -> dict:
    """What was typed, to show the form again as it was sent."""
    values = {name: post.get(name, "") for name in (*RECOMMENDATION_FIELDS, "source", "source_mode", "lead",
                                                    "other_groups", "sdg_targets", "recommending_states",
                                                    "status", "version")}
    values.update({f"source_{name}": post.get(f"source_{name}", "") for name in SOURCE_FIELDS})
    values["themes"] = post.getlist("themes")
    values["groups"] = post.getlist("groups")
    values["supporting"] = post.getlist("supporting")
    values["addressees"] = post.getlist("addressees")
    return values
