"""The staff case page: the whole story of one case, and every action on it.

Each action is a small POST form handled by one view: load the case through the access helper,
parse the form, call ONE domain function, then redirect (303) back to the page with a flash
message. A refused form re-renders the whole page with the form open and what was typed kept:
400 for invalid input, 409 for a conflict (stale version, illegal step), and a 403 page when
the user sees the case but may not do this. Outsiders get 404, like an unknown reference.
"""

from __future__ import annotations

from contextlib import nullcontext
from functools import wraps

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from mizan.accounts.models import Role
from mizan.audit.models import record
from mizan.complaints import access, services, workflow
from mizan.complaints import reveal as reveal_flow
from mizan.complaints.errors import Conflict, DomainError, Invalid, NotAllowed
from mizan.complaints.identity import IDENTITY_FIELDS
from mizan.complaints.intake import parse_date
from mizan.complaints.models import (
    Allegation,
    Case,
    CaseCategory,
    CaseMessage,
    Category,
    Finding,
    Person,
    RevealRequest,
    TimelineEvent,
    Urgency,
    Vulnerability,
)
from mizan.complaints.timeline import describe_all
from mizan.complaints.uploads import file_response
from mizan.complaints.workflow import Status
from mizan.core.templatetags.mizan import num
from mizan.lib.digits import to_ascii_digits
from mizan.lib.textsafety import neutralise_text
from mizan.reports.columns import mask_text
from mizan.search.similar import similar_cases
from mizan.triage.models import PiiSpan
from mizan.triage.panel import triage_panel
from mizan.triage.privacy import MASK

from .forms_case import category_tree, clean_uploads, parse_day, parse_version, pick

HANDLER_ROLES = (Role.CASE_OFFICER, Role.SUPERVISOR)

NOTE_LABELS = {
    "declare_inadmissible": gettext_lazy("Reason the complainant will read"),
    "request_information": gettext_lazy("Question to the complainant"),
    "resolve": gettext_lazy("Outcome the complainant will read"),
    "reopen": gettext_lazy("Reason for re-opening"),
}

IDENTITY_LABELS = {
    "name": gettext_lazy("Name"),
    "national_id": gettext_lazy("National ID number"),
    "phone": gettext_lazy("Phone"),
    "email": gettext_lazy("E-mail"),
    "address": gettext_lazy("Address"),
}


class SeeOther(HttpResponseRedirect):
    status_code = 303


class FormState:
    """One form on the page: whether it is the one that failed, its values and its errors.

    `name.<field>` gives the page-unique name of a field ("transition-resolve-note"), used for
    the wrapper id `field-<name>` that the error summary links to.
    """

    class _Names(dict):
        def __init__(self, key):
            super().__init__()
            self.key = key

        def __missing__(self, field):
            return f"{self.key}-{field}"

    def __init__(self, key, *, failed_key=None, posted=None, errors=None, initial=None):
        self.key = key
        self.open = key == failed_key
        self.values = posted.dict() if self.open and posted is not None else dict(initial or {})
        self.errors = dict(errors or {}) if self.open else {}
        self.name = self._Names(key)


# --- page ----------------------------------------------------------------------------------------

def _story(pk: int) -> Case:
    """The case with everything the page shows, in a fixed number of queries."""
    return (
        Case.objects.select_related(
            "organisation", "governorate", "facility__governorate", "unit", "officer", "duplicate_of",
        )
        .prefetch_related(
            Prefetch("persons", queryset=Person.objects.select_related("perpetrator_unit", "perpetrator_facility")),
            Prefetch("allegations", queryset=Allegation.objects.select_related("category", "facility")),
            Prefetch("messages", queryset=CaseMessage.objects.select_related("author")),
            "attachments",
            Prefetch("timeline", queryset=TimelineEvent.objects.select_related("actor")),
            Prefetch("case_categories", queryset=CaseCategory.objects.select_related("category")),
            "vulnerability_markers",
        )
        .get(pk=pk)
    )


def _person_rows(case: Case, revealed: dict | None) -> list[dict]:
    rows = []
    for person in case.persons.all():
        values = (revealed or {}).get(person.pk, {})
        fields = [
            {"label": IDENTITY_LABELS[f], "value": values.get(f) if person.pk in (revealed or {}) else None}
            for f in IDENTITY_FIELDS if getattr(person, f"{f}_enc")
        ]
        rows.append({
            "person": person,
            "fields": fields,
            "vulnerabilities": [Vulnerability(v).label for v in person.vulnerabilities if v in Vulnerability.values],
        })
    return rows


class Masker:
    """Free text of the case as the reader may see it: personal data the triage found in it
    (phone and ID numbers…) hidden, as identities are, unless this response reveals them.

    The masking is the exports' (`reports.columns.mask_text`, on the stored spans, one query for
    the whole case); the hidden value never reaches the HTML.
    """

    def __init__(self, case: Case, *, revealed: bool):
        self.revealed = revealed
        self.hid_any = False
        self.spans: dict[tuple[str, int | None], list] = {}
        if not revealed:
            for source, source_id, kind, start, end in PiiSpan.objects.filter(case=case).values_list(
                    "source", "source_id", "kind", "start", "end"):
                self.spans.setdefault((source, source_id), []).append((kind, start, end))

    def __call__(self, text: str, source: str, source_id: int | None = None):
        if self.revealed or not text:
            return neutralise_text(text)
        # Masked before neutralising: the stored offsets are those of the text as written.
        masked = neutralise_text(mask_text(text, self.spans.get((source, source_id))))
        if MASK not in masked:
            return masked
        self.hid_any = True
        hidden = escape(_("personal data hidden"))
        mark = (f'<span class="masked" title="{hidden}" aria-hidden="true">{MASK}</span>'
                f'<span class="visually-hidden">[{hidden}]</span>')
        return mark_safe(mark.join(escape(part) for part in masked.split(MASK)))  # noqa: S308 - parts escaped


def _thread(case: Case, masker: Masker) -> tuple[list[dict], list]:
    """Messages and notes in time order with their files, and the files sent with the complaint."""
    by_message: dict[int | None, list] = {}
    for attachment in case.attachments.all():
        by_message.setdefault(attachment.message_id, []).append(attachment)
    style = {
        CaseMessage.Kind.TO_COMPLAINANT: "message-out",
        CaseMessage.Kind.FROM_COMPLAINANT: "message-in",
        CaseMessage.Kind.INTERNAL: "message-internal",
    }
    thread = [{"message": m, "body": masker(m.body, PiiSpan.Source.MESSAGE, m.pk), "style": style[m.kind],
               "files": by_message.get(m.pk, [])}
              for m in case.messages.all()]
    return thread, by_message.get(None, [])


def _forms(request, case: Case, role, *, failed_key, posted, errors, allegations, taxonomy,
           texts_hidden=False) -> dict:
    user = request.user

    def state(key, **initial):
        return FormState(key, failed_key=failed_key, posted=posted, errors=errors, initial=initial)

    forms: dict = {}
    # Personal data hidden in the texts is revealed like the identity fields, even in a case
    # without stored identities (an anonymous complainant who wrote a phone number).
    if access.can(user, "reveal_identity") and (texts_hidden or any(p.has_identity for p in case.persons.all())):
        if reveal_flow.needs_approval(case):
            # A second person must approve first: ask, wait, then reveal once with the approval.
            current = reveal_flow.current_request(actor=user, case=case)
            if current is None:
                forms["reveal_request"] = state("reveal-request", reason="")
            elif current.status == RevealRequest.Status.PENDING:
                forms["reveal_pending"] = current
            else:
                forms["reveal_approved"] = current
        else:
            forms["reveal"] = state("reveal", reason="")
    if reveal_flow.needs_approval(case) and access.can(user, "approve_reveal"):
        forms["reveal_to_decide"] = reveal_flow.count_to_decide(user, case=case)

    # The expected next step is the page's one primary button; the other steps go in a menu.
    primary = workflow.next_step(case.status, role)
    transitions = []
    for transition in workflow.available(case.status, role):
        form = state(f"transition-{transition.name}", note="", referred_to="", referral_due="")
        form.transition = transition
        form.note_label = NOTE_LABELS.get(transition.name, _("Note"))
        form.has_fields = transition.needs_note or transition.needs_referral or transition.needs_findings
        if transition.needs_findings:
            form.rows = [{
                "allegation": a,
                "finding": form.values.get(f"finding-{a.pk}", "") if form.open else a.finding,
                "note": form.values.get(f"finding_note-{a.pk}", "") if form.open else a.finding_note,
            } for a in allegations]
        if primary is not None and transition.name == primary.name:
            forms["next_step"] = form
        else:
            transitions.append(form)
    forms["transitions"] = transitions
    forms["more_open"] = any(f.open for f in transitions)

    if case.is_open and access.can(user, "assign"):
        forms["assign"] = state("assign", unit=str(case.unit_id or ""), officer=str(case.officer_id or ""))
    if case.is_open and access.can(user, "take") and case.officer_id != user.pk:
        forms["take"] = state("take")
    if access.can(user, "edit_case"):
        form = state("categories")
        form.selected = (set(posted.getlist("categories")) if form.open
                         else {str(cc.category_id) for cc in case.case_categories.all()})
        forms["categories"] = form
        if case.is_open:
            forms["urgency"] = state("urgency", urgency=case.urgency)
            forms["allegation_add"] = state("allegation-add", category="", occurred_on="", facility="", summary="")
            forms["allegation_edit"] = [
                {"allegation": a, "form": state(f"allegation-{a.pk}", category=str(a.category_id),
                                                occurred_on=a.occurred_on.isoformat() if a.occurred_on else "",
                                                facility=str(a.facility_id or ""), summary=a.summary)}
                for a in allegations
            ]
    if access.can(user, "mark_duplicate"):
        forms["duplicate"] = state("duplicate", original="")

    kinds = []
    if access.can(user, "message") and case.status not in (Status.CLOSED, Status.WITHDRAWN):
        kinds.append(("message", _("Message to the complainant")))
    if access.can(user, "note"):
        kinds.append(("note", _("Internal note")))
    if kinds:
        form = state("message", body="", kind="note" if any(k == "note" for k, _label in kinds) else kinds[0][0])
        form.kinds = kinds
        forms["message"] = form
    if access.can(user, "edit_case"):
        forms["triage_batch"] = state("triage-batch")
    forms["any_action"] = any(forms.get(k) for k in ("next_step", "transitions", "assign", "take", "categories",
                                                      "urgency", "duplicate"))
    forms["taxonomy"] = taxonomy
    return forms


def _render_page(request, case_pk: int, *, status=200, failed_key=None, errors=None, notice=None,
                 revealed=None):
    case = _story(case_pk)
    org = case.organisation
    role = access.role_of(request.user)
    today = org.today()
    due = case.due_date()
    overdue = case.is_overdue(today)
    due_soon = bool(
        due and not overdue and case.status != Status.AWAITING_COMPLAINANT
        and due <= org.calendar().add_working_days(today, org.due_soon_days)
    )
    allegations = list(case.allegations.all())
    for number, allegation in enumerate(allegations, start=1):  # prefetched in order of creation
        allegation.number = number
    editing = access.can(request.user, "edit_case")
    taxonomy = category_tree(list(Category.objects.filter(is_active=True).order_by("position", "code"))) if editing else []
    masker = Masker(case, revealed=revealed is not None)
    narrative = masker(case.narrative, PiiSpan.Source.NARRATIVE)
    thread, complaint_files = _thread(case, masker)
    field_errors = {k.split(".", 1)[1]: v for k, v in (errors or {}).items() if "." in k}
    forms = _forms(request, case, role, failed_key=failed_key, posted=request.POST if failed_key else None,
                   errors=field_errors, allegations=allegations, taxonomy=taxonomy, texts_hidden=masker.hid_any)
    triage = triage_panel(request.user, case)
    if triage is not None and failed_key == "triage-batch":  # the batch form again, with what was chosen
        for row in triage.undecided:
            row.chosen = request.POST.get(f"decision-{row.suggestion.pk}", "")
    context = {
        "case": case,
        "org": org,
        "today": today,
        "due": due,
        "overdue": overdue,
        "due_soon": due_soon,
        "allegations": allegations,
        "categories": [cc.category for cc in case.case_categories.all()],
        "markers": [Vulnerability(m.code).label for m in case.vulnerability_markers.all()],
        "persons": _person_rows(case, revealed),
        "revealed": revealed is not None,
        "narrative": narrative,
        "text_masked": masker.hid_any,
        "thread": thread,
        "complaint_files": complaint_files,
        "timeline": describe_all(case.timeline.all(), organisation=org, allegations=allegations),
        "similar": similar_cases(request.user, case, limit=5),
        "triage": triage,
        "forms": forms,
        # The summary links to `field-<form>-<field>`, unique on a page holding many forms.
        "errors": {k.replace(".", "-"): v for k, v in (errors or {}).items()},
        "notice": notice,
        "findings": Finding.choices,
        "urgencies": Urgency.choices,
        "units": list(org.units.all()) if "assign" in forms else [],
        "officers": list(
            get_user_model().objects.filter(
                is_active=True, membership__organisation=org, membership__role__in=HANDLER_ROLES,
            ).order_by("first_name", "last_name", "username")
        ) if "assign" in forms else [],
        "facilities": list(org.facilities.filter(is_active=True).select_related("governorate"))
        if "allegation_add" in forms else [],
    }
    response = render(request, "desk/case.html", context, status=status)
    add_never_cache_headers(response)
    return response


@login_required
@require_GET
def case_detail(request, reference):
    case = access.get_case_for_user(request.user, reference)
    return _render_page(request, case.pk)


# --- actions -------------------------------------------------------------------------------------

def _forbidden(request, case: Case, message):
    response = render(request, "desk/case_forbidden.html", {"case": case, "message": message}, status=403)
    add_never_cache_headers(response)
    return response


def _refused(request, case: Case, key: str, error: DomainError):
    """The page again, with the failing form open: 400 for invalid input, 409 for a conflict."""
    if isinstance(error, NotAllowed):
        return _forbidden(request, case, error.message)
    if isinstance(error, Conflict):
        return _render_page(request, case.pk, status=409, failed_key=key, notice=error.message)
    fields = error.fields or {"form": error.message}
    return _render_page(request, case.pk, status=400, failed_key=key,
                        errors={f"{key}.{field}": message for field, message in fields.items()})


def _list(items) -> str:
    return ("، " if (get_language() or "ar").startswith("ar") else ", ").join(items)


def _guard(user, action: str) -> None:
    if not access.can(user, action):
        raise NotAllowed(_("You are not allowed to do this."))


def _stale_error() -> Conflict:
    return Conflict(_("Someone else changed this case while you were working on it. "
                      "Reload the page to see the latest version, then try again."), code="stale")


def _version(request) -> int:
    """The case version the form was rendered with. Without one a change could silently
    overwrite someone else's, so such a form is treated as stale."""
    version = parse_version(request.POST.get("version"))
    if version is None:
        raise _stale_error()
    return version


def _stale(case: Case, expected: int) -> None:
    """For domain functions without `expected_version`: refuse a form rendered before a change."""
    if case.version != expected:
        raise _stale_error()


def case_action(key, *, lock: bool = True):
    """POST-only, logged-in, case loaded through the access helper; domain errors re-render.

    `key` names the form on the page (a string, or a function of the URL kwargs). The view runs
    in one transaction, the case read under its row lock by the access helper (the domain
    function takes that read instead of a second one: `complaints.locks`); `lock=False` for a
    view whose domain function must take its locks in an order of its own.
    """

    def decorate(view):
        @login_required
        @require_POST
        @wraps(view)
        def wrapper(request, reference, **kwargs):
            try:
                with transaction.atomic() if lock else nullcontext():
                    case = access.get_case_for_user(request.user, reference, for_update=lock)
                    return view(request, case, **kwargs)
            except DomainError as error:
                return _refused(request, case, key(kwargs) if callable(key) else key, error)

        return wrapper

    return decorate


def _back(case: Case, anchor: str):
    return SeeOther(reverse("desk:case", args=[case.reference]) + f"#{anchor}")


@login_required
@require_POST
def reveal(request, reference):
    case = access.get_case_for_user(request.user, reference)
    if not access.can(request.user, "reveal_identity"):
        return _forbidden(request, case, _("You are not allowed to see identities."))
    if reveal_flow.needs_approval(case):
        # The reason is the one the approver read; it goes with the reveal into the audit log.
        current = reveal_flow.current_request(actor=request.user, case=case)
        if current is None or current.status != RevealRequest.Status.APPROVED:
            return _forbidden(request, case, _("Your organisation requires a second person's approval before "
                                               "identities are shown. Ask for access on the case page first."))
        reason = current.reason
    else:
        reason = (request.POST.get("reason") or "").strip()
    if not reason:
        return _render_page(request, case.pk, status=400, failed_key="reveal",
                            errors={"reveal.reason": _("Say why you need to see the identity.")})
    try:
        people = reveal_flow.reveal_identity(actor=request.user, case=case, reason=reason)
    except PermissionError:
        return _forbidden(request, case, _("You are not allowed to see identities."))
    except NotAllowed:  # the approval was used or expired since the check above
        return _forbidden(request, case, _("The approval to see the identities has been used or has expired. "
                                           "Ask for access again."))
    # Rendered into this response only: never stored, never put in the session.
    revealed = {p["id"]: p for p in people}
    return _render_page(request, case.pk, revealed=revealed)


@case_action("reveal-request")
def reveal_request(request, case):
    if not access.can(request.user, "reveal_identity"):
        raise NotAllowed(_("You are not allowed to see identities."))
    if not reveal_flow.needs_approval(case):
        raise Conflict(_("Your organisation does not require approval to see identities; "
                         "use “Reveal identity” instead."), code="reveal_request_unneeded")
    reason = (request.POST.get("reason") or "").strip()
    if not reason:
        message = _("Say why you need to see the identity.")
        raise Invalid(message, fields={"reason": message})
    try:
        reveal_flow.request_reveal(actor=request.user, case=case, reason=reason)
    except Conflict as error:
        raise Conflict(_("You have already asked to see the identities in this case."),
                       code=error.code) from error
    messages.success(request, _("Your request was sent. You can see the identities once a colleague approves it."))
    return _back(case, "persons")


@case_action(lambda kw: f"transition-{kw['name']}")
def transition(request, case, name):
    step = workflow.by_name(name)
    if step is None:
        raise Http404("unknown step")
    if access.role_of(request.user) not in step.roles:
        raise NotAllowed(_("Your role cannot take this step."))
    if workflow.find(case.status, step.target) != step:
        raise Conflict(_("A case in status “%(status)s” cannot take the step “%(step)s”.") % {
            "status": case.status_label(), "step": step.label}, code="illegal_transition")
    post = request.POST
    problems = {}
    referral_due = None
    if step.needs_referral:
        referral_due = parse_day(post.get("referral_due"))
        if isinstance(referral_due, str):
            problems["referral_due"], referral_due = referral_due, None
    findings = None
    if step.needs_findings:
        allegations = list(case.allegations.all())
        findings = {a.pk: {"finding": post.get(f"finding-{a.pk}", ""), "note": post.get(f"finding_note-{a.pk}", "")}
                    for a in allegations}
        # Said here by their numbers on the page: the domain's own message names database ids.
        missing = [num(n, case.organisation) for n, a in enumerate(allegations, start=1)
                   if findings[a.pk]["finding"] not in Finding.values]
        if missing:
            problems["findings"] = ngettext("Give a finding for allegation %(numbers)s.",
                                            "Give a finding for allegations %(numbers)s.",
                                            len(missing)) % {"numbers": _list(missing)}
    try:
        services.transition_case(
            actor=request.user, case=case, to=step.target, note=post.get("note", ""), findings=findings,
            referred_to=post.get("referred_to", ""), referral_due=referral_due,
            expected_version=_version(request),
        )
    except Invalid as error:
        # An unreadable date went to the domain as "no date"; say what was wrong with it instead.
        raise Invalid(error.message, fields={**error.fields, **problems}) from error
    messages.success(request, _("Status changed to “%(status)s”.") % {"status": step.target.label})
    return _back(case, "summary")


@case_action("assign")
def assign(request, case):
    _guard(request.user, "assign")
    post = request.POST
    problems = {}
    unit = pick(case.organisation.units.all(), post.get("unit"))
    if post.get("unit") and unit is None:
        problems["unit"] = _("Unknown unit.")
    officer = pick(get_user_model().objects.filter(membership__organisation=case.organisation,
                                                   membership__role__in=HANDLER_ROLES), post.get("officer"))
    if post.get("officer") and officer is None:
        problems["officer"] = _("This person cannot handle cases in your organisation.")
    if problems:
        raise Invalid(_("The assignment is not valid."), fields=problems)
    services.assign_case(actor=request.user, case=case, unit=unit, officer=officer,
                         expected_version=_version(request))
    messages.success(request, _("Assignment saved."))
    return _back(case, "actions")


@case_action("take")
def take(request, case):
    _guard(request.user, "take")
    services.assign_case(actor=request.user, case=case, officer=request.user,
                         expected_version=_version(request))
    messages.success(request, _("You are now handling this case."))
    return _back(case, "actions")


@case_action("message")
def message(request, case):
    post = request.POST
    internal = post.get("kind") != "message"
    _guard(request.user, "note" if internal else "message")
    uploads, problem = clean_uploads(request.FILES.getlist("files"))
    if problem:
        fields = {"files": problem}
        if not (post.get("body") or "").strip():
            fields["body"] = _("Write a message.")
        raise Invalid(problem, fields=fields)
    services.post_message(actor=request.user, case=case, body=post.get("body", ""), internal=internal,
                          files=uploads)
    messages.success(request, _("Internal note added.") if internal else _("Message sent to the complainant."))
    return _back(case, "messages")


@case_action("categories")
def categories(request, case):
    _guard(request.user, "edit_case")
    wanted = request.POST.getlist("categories")
    ids = {int(v) for v in wanted if v.isdigit()}
    found = list(Category.objects.filter(pk__in=ids, is_active=True).order_by("position", "code"))
    if len(found) != len(set(wanted)):
        raise Invalid(_("Unknown categories."), fields={"categories": _("Choose categories from the list.")})
    services.set_categories(actor=request.user, case=case, categories=found,
                            expected_version=_version(request))
    messages.success(request, _("Categories saved."))
    return _back(case, "actions")


@case_action("urgency")
def urgency(request, case):
    _guard(request.user, "edit_case")
    value = request.POST.get("urgency")
    if value not in Urgency.values:
        raise Invalid(_("Unknown urgency."), fields={"urgency": _("Choose an urgency from the list.")})
    services.set_urgency(actor=request.user, case=case, urgency=value,
                         expected_version=_version(request))
    messages.success(request, _("Urgency saved; deadlines recalculated."))
    return _back(case, "actions")


def _allegation_input(request, case: Case, current: Allegation | None = None) -> dict:
    post = request.POST
    problems = {}
    allowed = Category.objects.filter(is_active=True)
    if current is not None:  # an allegation keeps its category even if it was retired since
        allowed = Category.objects.filter(pk=current.category_id) | allowed
    category = pick(allowed, post.get("category"))
    if category is None:
        problems["category"] = _("Choose a category from the list.")
    occurred_on = parse_date(post.get("occurred_on"))
    if isinstance(occurred_on, str):
        problems["occurred_on"], occurred_on = occurred_on, None
    facility = pick(case.organisation.facilities.filter(is_active=True), post.get("facility"))
    if post.get("facility") and facility is None:
        problems["facility"] = _("Unknown place.")
    if problems:
        raise Invalid(_("Some information is missing."), fields=problems)
    return {"category": category, "occurred_on": occurred_on, "facility": facility,
            "summary": (post.get("summary") or "")[:5000]}


@case_action("allegation-add")
def allegation_add(request, case):
    _guard(request.user, "edit_case")
    services.add_allegation(actor=request.user, case=case, **_allegation_input(request, case))
    messages.success(request, _("Allegation added."))
    return _back(case, "allegations")


@case_action(lambda kw: f"allegation-{kw['pk']}")
def allegation_edit(request, case, pk):
    _guard(request.user, "edit_case")
    allegation = case.allegations.select_related("case").filter(pk=pk).first()
    if allegation is None:
        raise Http404("not found")
    services.update_allegation(actor=request.user, allegation=allegation,
                               **_allegation_input(request, case, allegation))
    messages.success(request, _("Allegation saved."))
    return _back(case, "allegations")


@case_action("duplicate", lock=False)  # mark_duplicate locks both cases, the lower id first
def duplicate(request, case):
    _guard(request.user, "mark_duplicate")
    version = _version(request)
    _stale(case, version)
    reference = to_ascii_digits(request.POST.get("original") or "").strip().upper()
    if not reference:
        raise Invalid(_("Some information is missing."), fields={"original": _("Give the reference of the original case.")})
    try:
        original = access.get_case_for_user(request.user, reference)
    except Http404:
        raise Invalid(_("Unknown case."), fields={"original": _("No case of your organisation has this reference.")}) from None
    services.mark_duplicate(actor=request.user, case=case, original=original, expected_version=version)
    messages.success(request, _("Marked as a duplicate of %(reference)s.") % {"reference": original.reference})
    return _back(case, "actions")


@login_required
@require_GET
def attachment(request, reference, pk):
    case = access.get_case_for_user(request.user, reference)
    item = case.attachments.filter(pk=pk).first()
    if item is None:
        raise Http404("not found")
    response = file_response(item)
    record(action="attachment.download", organisation=case.organisation, actor=request.user, target=item,
           data={"case": case.pk, "attachment": item.pk})
    add_never_cache_headers(response)
    return response
