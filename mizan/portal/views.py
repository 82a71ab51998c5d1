"""The public portal: what can be complained about, filing a complaint, following it by receipt.

The receipt is the only key a citizen holds. It is shown once, never put in a URL, and
exchanged at once for a short-lived session entry (`portal_track_case`) that names the case.
"""

import re
import time

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from mizan.accounts import proof_of_work
from mizan.accounts.models import Organisation
from mizan.complaints.access import get_case_by_receipt
from mizan.complaints.errors import DomainError, Invalid
from mizan.complaints.intake import Refused, receive
from mizan.complaints.models import (
    Attachment,
    Case,
    Category,
    Channel,
    Person,
    Vulnerability,
)
from mizan.complaints.public import public_view
from mizan.complaints.rules import snapshot
from mizan.complaints.services import post_complainant_message, transition_case
from mizan.complaints.uploads import check_uploads, file_response, limits, with_rechoose
from mizan.complaints.workflow import COMPLAINANT, DECIDED_STATES, Status
from mizan.core import throttle
from mizan.lib.digits import to_ascii_digits

RECEIPT_KEY = "portal_receipt"
TRACK_KEY = "portal_track_case"
TRACK_IDLE_SECONDS = 30 * 60
PERSON_FIELDS = ("name", "national_id", "phone", "email", "address")
# Order of the form, so the error summary reads top to bottom.
FIELD_ORDER = (
    "identity", "proof_of_work", "complainant_name", "complainant_national_id", "complainant_phone",
    "complainant_email", "complainant_address", "relation", "victim_name", "victim_label", "narrative", "categories",
    "incident_date", "governorate", "facility", "place_details", "vulnerabilities", "files",
)


class HttpResponseSeeOther(HttpResponseRedirect):
    status_code = 303


def _see_other(name: str) -> HttpResponseSeeOther:
    return HttpResponseSeeOther(reverse(name))


def intake_organisation() -> Organisation | None:
    return snapshot().receiver()


def _template_errors(errors: dict) -> dict:
    """Domain field keys ("complainant.name") as template-friendly keys, in form order."""
    flat = {key.replace(".", "_"): message for key, message in errors.items()}
    ordered = {key: flat.pop(key) for key in FIELD_ORDER if key in flat}
    ordered.update(flat)
    return ordered


# --- home -------------------------------------------------------------------------------------

def home(request):
    return render(request, "portal/home.html", {
        "org": intake_organisation(),
        "categories": Category.objects.filter(parent=None, is_active=True),
    })


# --- filing -----------------------------------------------------------------------------------

def _submitted_values(post) -> dict:
    values = {key: post.get(key, "") for key in (
        "identity", "relation", "victim_name", "victim_label", "narrative", "incident_date",
        "governorate", "facility", "place_details")}
    for field in PERSON_FIELDS:
        values[f"complainant_{field}"] = post.get(f"complainant_{field}", "")
    values["identity_consent"] = bool(post.get("identity_consent"))
    values["categories"] = post.getlist("categories")
    values["vulnerabilities"] = post.getlist("vulnerabilities")
    return values


def _intake_raw(values: dict) -> dict:
    return {
        "narrative": values["narrative"],
        "language": get_language() or settings.LANGUAGE_CODE,
        "anonymous": values["identity"] == "anonymous",
        "complainant": {field: values[f"complainant_{field}"] for field in PERSON_FIELDS},
        "identity_consent": values["identity_consent"],
        "relation": values["relation"],
        "victim_name": values["victim_name"],
        "victim_label": values["victim_label"],
        "incident_date": values["incident_date"],
        "governorate": values["governorate"],
        "facility": values["facility"],
        "place_details": values["place_details"],
        "categories": values["categories"],
        "vulnerabilities": values["vulnerabilities"],
    }


def _proof_of_work_context(org) -> dict:
    """A fresh challenge for the form (every render: a solution is accepted once) when asked for."""
    if not org.anonymous_intake_proof_of_work:
        return {"pow": None}
    challenge = proof_of_work.issue(org)
    return {"pow": {
        "challenge": challenge.token,
        "bits": challenge.bits,
        "expires_in": proof_of_work.lifetime_seconds(),
        "refresh_url": f"{reverse('api-v1:proof_of_work_challenge')}?organisation={org.slug}",
    }}


def _proof_of_work_error(exc: proof_of_work.ProofOfWorkRefused) -> str:
    if exc.code == proof_of_work.MISSING:  # the form always carries a challenge: no script ran
        return _("Here, an anonymous complaint can be sent only with JavaScript turned on in your browser: "
                 "it does a few seconds of calculation that protects this service from mass automated "
                 "complaints. Turn JavaScript on and send again, or choose to give your name, which works "
                 "without JavaScript.")
    return str(exc.message)


def _render_form(request, org, values, errors=None, *, status=200, throttled=False):
    facilities = (org.facilities.filter(is_active=True).select_related("governorate")
                  .order_by("governorate__name_ar", "governorate_id", "name_ar"))
    return render(request, "portal/file.html", {
        **_proof_of_work_context(org),
        "org": org,
        "values": values,
        "errors": _template_errors(errors or {}),
        "throttled": throttled,
        "categories": Category.objects.filter(parent=None, is_active=True),
        "governorates": org.governorates.all(),
        "facilities": facilities,
        "relations": Person.Relation.choices,
        "vulnerabilities": Vulnerability.choices,
        "today": timezone.localdate(),
        "limits": limits(),
        "upload_size": settings.MIZAN_MAX_UPLOAD_BYTES,
        "max_narrative": settings.MIZAN_MAX_NARRATIVE_CHARS,
    }, status=status)


@require_http_methods(["GET", "POST"])
def file_complaint(request):
    org = intake_organisation()
    if org is None:
        return render(request, "portal/not_receiving.html")
    if request.method == "GET":
        return _render_form(request, org, {"identity": "named", "relation": Person.Relation.SELF})

    values = _submitted_values(request.POST)
    if not throttle.hit(request, "submit", settings.MIZAN_THROTTLE_SUBMIT_PER_HOUR):
        return _render_form(request, org, values, status=429, throttled=True)
    chosen = [f for f in request.FILES.getlist("files") if f.name]
    uploads, file_error = check_uploads(chosen)
    try:
        case, receipt = receive(org, _intake_raw(values), channel=Channel.WEB, files=uploads,
                                proof=(request.POST.get("pow_challenge"), request.POST.get("pow_nonce")),
                                problems={"files": file_error} if file_error else None)
    except Refused as exc:
        errors = dict(exc.fields)
        if exc.proof_of_work is not None:
            errors["proof_of_work"] = _proof_of_work_error(exc.proof_of_work)
        if chosen:
            errors["files"] = with_rechoose(errors.get("files"))
        return _render_form(request, org, values, errors, status=400)
    except Invalid as exc:
        errors = {**exc.fields} or {"form": exc.message}
        if chosen:
            errors["files"] = with_rechoose(errors.get("files"))
        return _render_form(request, org, values, errors, status=400)
    request.session[RECEIPT_KEY] = {"reference": case.reference, "receipt": receipt}
    return _see_other("portal:confirmation")


def _grouped(receipt: str) -> str:
    return " ".join(receipt[i:i + 4] for i in range(0, len(receipt), 4))


@never_cache
def confirmation(request):
    shown = request.session.pop(RECEIPT_KEY, None)
    if not shown:
        return render(request, "portal/confirmation_gone.html", status=410)
    case = Case.objects.select_related("organisation").filter(reference=shown["reference"]).first()
    return render(request, "portal/confirmation.html", {
        "reference": shown["reference"],
        "receipt": shown["receipt"],
        "receipt_grouped": _grouped(shown["receipt"]),
        "case": case,
        "org": case.organisation if case else None,
    })


def _normalise_receipt(text: str) -> str:
    return re.sub(r"[^0-9]", "", to_ascii_digits(text or ""))  # \D would keep other scripts' digits (༠)


@never_cache
@require_POST
def receipt_print(request):
    if not throttle.hit(request, "track", settings.MIZAN_THROTTLE_TRACK_PER_HOUR):
        return render(request, "portal/track.html", {"throttled": True}, status=429)
    receipt = _normalise_receipt(request.POST.get("receipt", ""))
    case = get_case_by_receipt(receipt)
    if case is None or case.reference != request.POST.get("reference", ""):
        raise Http404("not found")
    return render(request, "portal/receipt_print.html", {
        "case": case,
        "org": case.organisation,
        "receipt_grouped": _grouped(receipt),
        "track_url": request.build_absolute_uri(reverse("portal:track")),
    })


# --- following a complaint ----------------------------------------------------------------------

@never_cache
@require_http_methods(["GET", "POST"])
def track(request):
    if request.method == "GET":
        following, _expired = _tracked_case_id(request)
        return render(request, "portal/track.html", {"following": following is not None})
    if not throttle.hit(request, "track", settings.MIZAN_THROTTLE_TRACK_PER_HOUR):
        return render(request, "portal/track.html", {"throttled": True}, status=429)
    # Malformed and unknown codes get the same answer, so the page tells nothing about which.
    case = get_case_by_receipt(_normalise_receipt(request.POST.get("receipt", "")))
    if case is None:
        errors = {"receipt": _("We could not find a complaint with this code. Check the digits and try again.")}
        return render(request, "portal/track.html", {"errors": errors}, status=404)
    # A session id that existed before the receipt was entered must not open the case (fixation).
    request.session.cycle_key()
    request.session[TRACK_KEY] = {"id": case.pk, "at": int(time.time())}
    return _see_other("portal:track_case")


def _tracked_case_id(request) -> tuple[int | None, bool]:
    """(case id this session follows, whether following just expired); slides the idle limit."""
    entry = request.session.get(TRACK_KEY)
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), int):
        return None, False
    now = int(time.time())
    if not isinstance(entry.get("at"), int) or now - entry["at"] > TRACK_IDLE_SECONDS:
        del request.session[TRACK_KEY]
        return None, True
    if now - entry["at"] > 60:  # a minute's precision is enough and spares a write per page
        request.session[TRACK_KEY] = {"id": entry["id"], "at": now}
    return entry["id"], False


def _render_case(request, case: Case, *, errors=None, values=None, status=200):
    view = public_view(case)
    return render(request, "portal/track_case.html", {
        "case": case,
        "org": case.organisation,
        "explanation": view.explanation,
        "events": view.events,
        "case_messages": view.messages,
        "files": view.files,
        "decided": view.decided,
        "allegations": view.allegations,
        "appeal_until": view.appeal_until,
        "can_appeal": view.can_appeal,
        "can_reply": view.can_reply,
        "can_withdraw": view.can_withdraw,
        "awaiting": view.awaiting,
        "referred": view.referred,
        "due": view.due,
        "errors": errors or {},
        "values": values or {},
        "limits": limits(),
        "upload_size": settings.MIZAN_MAX_UPLOAD_BYTES,
    }, status=status)


def _domain_errors(exc, section: str, fields: dict) -> dict:
    """A domain error as form errors: its field messages where they belong, else on the section.

    Any domain error is shown, not only Invalid/Conflict: a staff action between loading the
    page and posting can make the step one the complainant may no longer take.
    """
    errors = {fields[key]: message for key, message in exc.fields.items() if key in fields}
    return errors or {section: exc.message}


@never_cache
@require_http_methods(["GET", "POST"])
def track_case(request):
    case_id, expired = _tracked_case_id(request)
    case = Case.objects.select_related("organisation").filter(pk=case_id).first() if case_id else None
    if case is None:
        request.session.pop(TRACK_KEY, None)
        if expired:
            messages.info(request, _("For your safety, following stops after 30 minutes without activity. "
                                     "Enter your receipt code again."))
        return _see_other("portal:track")
    if request.method == "GET":
        return _render_case(request, case)

    action = request.POST.get("action")
    if action == "stop":
        request.session.pop(TRACK_KEY, None)
        messages.success(request, _("You have stopped following this complaint on this device."))
        return _see_other("portal:track")
    if action == "reply":
        return _reply(request, case)
    if action == "withdraw":
        return _withdraw(request, case)
    if action == "appeal":
        return _appeal(request, case)
    return _render_case(request, case, status=400)


def _reply(request, case):
    values = {"body": request.POST.get("body", "")}
    chosen = [f for f in request.FILES.getlist("files") if f.name]
    uploads, file_error = check_uploads(chosen)
    if file_error:
        errors = {"files": with_rechoose(file_error)}
        return _render_case(request, case, errors=errors, values=values, status=400)
    try:
        post_complainant_message(case=case, body=values["body"], files=uploads)
    except DomainError as exc:
        errors = _domain_errors(exc, "reply", {"body": "body", "files": "files"})
        if chosen:
            errors["files"] = with_rechoose(errors.get("files"))
        case.refresh_from_db()
        return _render_case(request, case, errors=errors, values=values, status=exc.status)
    messages.success(request, _("Your message was sent. The officer handling your complaint will read it."))
    return _see_other("portal:track_case")


def _withdraw(request, case):
    values = {"withdraw_note": request.POST.get("withdraw_note", "")}
    if not case.is_open:
        errors = {"withdraw": _("This complaint can no longer be withdrawn.")}
        return _render_case(request, case, errors=errors, values=values, status=409)
    if not request.POST.get("confirm"):
        errors = {"confirm": _("Tick the box to confirm that you want to withdraw your complaint.")}
        return _render_case(request, case, errors=errors, values=values, status=400)
    try:
        transition_case(actor=COMPLAINANT, case=case, to=Status.WITHDRAWN, note=values["withdraw_note"])
    except DomainError as exc:
        case.refresh_from_db()
        errors = _domain_errors(exc, "withdraw", {"note": "withdraw_note"})
        return _render_case(request, case, errors=errors, values=values, status=exc.status)
    messages.success(request, _("Your complaint has been withdrawn."))
    return _see_other("portal:track_case")


def _appeal(request, case):
    values = {"appeal_note": request.POST.get("appeal_note", "")}
    if case.status not in DECIDED_STATES:
        errors = {"appeal": _("Only a complaint on which a decision has been taken can be appealed.")}
        return _render_case(request, case, errors=errors, values=values, status=409)
    try:
        transition_case(actor=COMPLAINANT, case=case, to=Status.IN_PROGRESS, note=values["appeal_note"])
    except DomainError as exc:
        case.refresh_from_db()
        errors = _domain_errors(exc, "appeal", {"note": "appeal_note"})
        return _render_case(request, case, errors=errors, values=values, status=exc.status)
    messages.success(request, _("Your appeal was received. Your complaint has been re-opened."))
    return _see_other("portal:track_case")


@never_cache
def track_attachment(request, pk: int):
    case_id, _expired = _tracked_case_id(request)
    attachment = (Attachment.objects.filter(pk=pk, case_id=case_id, internal=False).first()
                  if case_id else None)
    if attachment is None:
        raise Http404("not found")
    return file_response(attachment)
