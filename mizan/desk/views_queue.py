"""Staff desk: the case queue, staff-entered complaints, notifications and the audit log.

Each view loads through the access helpers, validates, calls one domain function and responds.
People without a membership, and roles a page is not for, get "not found".
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from mizan.accounts.models import membership_of
from mizan.accounts.security import AUDIT_ACTION_LABELS
from mizan.audit.labels import action_labels
from mizan.audit.models import verify_chain_for
from mizan.complaints import caselist
from mizan.complaints.access import can, cases_for
from mizan.complaints.errors import Invalid, NotAllowed
from mizan.complaints.intake import STAFF, STAFF_CHANNELS, receive
from mizan.complaints.models import (
    Category,
    Channel,
    Finding,
    Notification,
    Person,
    Urgency,
    Vulnerability,
)
from mizan.complaints.services import mark_notifications_read
from mizan.complaints.uploads import check_uploads
from mizan.complaints.workflow import Status
from mizan.followup.access import can as followup_can
from mizan.lib.digits import to_ascii_digits

from . import chips, selectors
from . import forms_queue as forms
from .audit_rows import audit_rows

PAGE_SIZE = 50
NEW_CASE_SESSION_KEY = "desk_new_case_receipt"

TAB_LABELS = {
    "mine": gettext_lazy("My cases"),
    "unit": gettext_lazy("My unit"),
    "unassigned": gettext_lazy("Unassigned"),
    "due_soon": gettext_lazy("Due soon"),
    "overdue": gettext_lazy("Overdue"),
    "all": gettext_lazy("All cases"),
}
SORT_LABELS = {
    "relevance": gettext_lazy("Best match when searching, otherwise newest"),
    "newest": gettext_lazy("Received: newest first"),
    "oldest": gettext_lazy("Received: oldest first"),
    "due": gettext_lazy("Due date: soonest first"),
    "urgency": gettext_lazy("Urgency (accepted or suggested): most urgent first"),
}
ACTION_LABELS = {
    "auth.login": gettext_lazy("Logged in"),
    "auth.logout": gettext_lazy("Logged out"),
    "auth.login_failed": gettext_lazy("Failed login"),
    "case.create": gettext_lazy("Complaint recorded"),
    "case.transition": gettext_lazy("Status changed"),
    "case.assign": gettext_lazy("Case assigned"),
    "case.message": gettext_lazy("Message to the complainant"),
    "case.note": gettext_lazy("Internal note"),
    "case.complainant_message": gettext_lazy("Message from the complainant"),
    "case.categories": gettext_lazy("Categories changed"),
    "case.urgency": gettext_lazy("Urgency changed"),
    "case.duplicate": gettext_lazy("Marked as duplicate"),
    "case.anonymise": gettext_lazy("Case anonymised (retention period over)"),
    "case.deadline_breached": gettext_lazy("Deadline passed"),
    "case.critical_review_overdue": gettext_lazy("Suggested critical urgency not decided in time"),
    "allegation.add": gettext_lazy("Allegation added"),
    "allegation.change": gettext_lazy("Allegation changed"),
    "attachment.download": gettext_lazy("File downloaded"),
    "triage.accept": gettext_lazy("Suggestion accepted"),
    "triage.reject": gettext_lazy("Suggestion rejected"),
    "identity.reveal": gettext_lazy("Identity revealed"),
    "identity.reveal_request": gettext_lazy("Access to identities requested"),
    "identity.reveal_approve": gettext_lazy("Access to identities approved"),
    "identity.reveal_refuse": gettext_lazy("Access to identities refused"),
    "api_token.create": gettext_lazy("API token issued"),
    "export.request": gettext_lazy("Export requested"),
    "export.complete": gettext_lazy("Export written"),
    "export.download": gettext_lazy("Export downloaded"),
    "import.check": gettext_lazy("Import of complaints checked"),
    "import.complete": gettext_lazy("Import of complaints finished"),
    "data_key.rotate": gettext_lazy("Encryption key of personal data rotated"),
    **AUDIT_ACTION_LABELS,
}
ACTOR_LABELS = {
    "staff": gettext_lazy("Staff"),
    "system": gettext_lazy("System"),
    "complainant": gettext_lazy("Complainant"),
    "anonymous": gettext_lazy("Not logged in"),
}


def _member(request):
    """The user's membership; users without one learn nothing about the desk."""
    member = membership_of(request.user)
    if member is None:
        raise Http404("not found")
    return member


def _page(request, queryset, size=PAGE_SIZE):
    page = Paginator(queryset, size).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return page, params.urlencode()


# --- queue ------------------------------------------------------------------------------------------

@login_required
@require_http_methods(["GET", "HEAD"])
def queue(request):
    member = _member(request)
    if not can(request.user, "view_case"):
        if can(request.user, "view_statistics"):
            return redirect("reports:dashboard")  # analysts: aggregates only
        if followup_can(request.user, "view_followup"):
            return redirect("followup:recommendations")  # follow-up officers: no case
        raise Http404("not found")
    organisation = member.organisation
    window = caselist.due_window(organisation)
    choices = caselist.queue_choices(organisation)
    filters, notes = caselist.parse_filters(choices, request.GET)

    views = caselist.available_views(member)
    view = request.GET.get("view") or caselist.default_view(member)
    if view not in views:
        notes.append(_("There is no such list; showing “%(tab)s” instead.") % {
            "tab": TAB_LABELS[caselist.default_view(member)]})
        view = caselist.default_view(member)
    filters = caselist.tab_order(filters, request.GET, view)

    page, _query = _page(request, caselist.queue_cases(request.user, view, filters, window))
    params = request.GET.copy()
    params.pop("page", None)
    params["view"] = view  # a refused tab is not carried on to the next page
    query_without_page = params.urlencode()
    rows = list(page.object_list)
    for case in rows:
        case.due_state = caselist.due_state(case, *window)

    counts = caselist.tab_counts(request.user, window)
    values = caselist.filter_values(request.GET)
    params = request.GET.copy()
    for name in ("view", "page"):
        params.pop(name, None)
    filter_query = params.urlencode()
    tabs = [{"view": v, "label": TAB_LABELS[v], "count": counts[v],
             "query": f"view={v}" + (f"&{filter_query}" if filter_query else "")} for v in views]
    context = {
        "tabs": tabs, "view": view, "view_label": TAB_LABELS[view], "page": page, "rows": rows,
        "query_without_page": query_without_page, "notes": notes, "choices": choices,
        "values": values, "filtered": caselist.has_filters(filters),
        "clearable": any(v for k, v in values.items() if k != "sort"),
        "statuses": Status.choices, "urgencies": Urgency.choices, "channels": Channel.choices,
        "vulnerabilities": Vulnerability.choices, "sorts": list(SORT_LABELS.items()),
        "outcomes": [*Finding.choices, ("pending", gettext_lazy("No finding yet"))],
        "today": window[0],
        # The compact filter bar: what is applied as removable chips, the order actually used
        # (a tab's default when none is asked for), and "More filters" open when it holds one.
        "chips": chips.queue_chips(request.GET, choices, organisation, view),
        "clear_url": chips.clear_url(request.GET, view), "sort": filters.sort,
        "more_open": chips.more_filters_active(values), "chosen_statuses": chips.chosen_statuses(values),
    }
    # htmx swaps only the results; a history restore or a plain request gets the whole page.
    if request.headers.get("HX-Request") and not request.headers.get("HX-History-Restore-Request"):
        response = render(request, "desk/_queue_results.html", context)
    else:
        response = render(request, "desk/queue.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


# --- staff-entered complaint ---------------------------------------------------------------------

def _category_groups():
    """[(top-level category, [its active descendants, depth-first])] for the checkboxes."""
    categories = list(Category.objects.filter(is_active=True))
    children: dict[int, list[Category]] = {}
    for category in categories:
        children.setdefault(category.parent_id, []).append(category)

    def below(node):
        for child in children.get(node.pk, []):
            yield child
            yield from below(child)

    return [(top, list(below(top))) for top in children.get(None, [])]


def _new_case_context(organisation, values, errors):
    return {
        "values": values, "errors": errors, "org": organisation,
        # Templates cannot look up "complainant.name" in a dict, so the fields read this copy.
        "ferrors": {key.replace(".", "_"): message for key, message in errors.items()},
        "channels": [(c.value, c.label) for c in STAFF_CHANNELS],
        "urgencies": Urgency.choices, "vulnerabilities": Vulnerability.choices,
        "relations": Person.Relation.choices, "languages": settings.LANGUAGES,
        "category_groups": _category_groups(), "governorates": list(organisation.governorates.all()),
        "facilities": list(organisation.facilities.filter(is_active=True).select_related("governorate")),
        "division_label": organisation.division_label,
        "max_files": settings.MIZAN_MAX_FILES_PER_SUBMISSION,
        "max_file_size": settings.MIZAN_MAX_UPLOAD_BYTES,
        "today": timezone.localdate().isoformat(),
    }


@login_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def new_case(request):
    member = _member(request)
    if not can(request.user, "create_case"):
        raise Http404("not found")
    organisation = member.organisation
    if request.method != "POST":
        return render(request, "desk/new_case.html", _new_case_context(organisation, forms.new_case_initial(), {}))

    values = forms.new_case_values(request.POST)
    uploads, file_error = check_uploads(request.FILES.getlist("files"))
    errors = {}
    try:
        case, receipt = receive(organisation, forms.new_case_raw(values), channel=STAFF, actor=request.user,
                                files=uploads, problems={"files": file_error} if file_error else None)
    except Invalid as exc:
        errors = dict(exc.fields) or {"narrative": exc.message}
    except NotAllowed as exc:
        raise Http404("not found") from exc
    if errors:
        return render(request, "desk/new_case.html", _new_case_context(organisation, values, errors), status=400)
    request.session[NEW_CASE_SESSION_KEY] = {"reference": case.reference, "receipt": receipt}
    return redirect("desk:new_case_done")


@login_required
@never_cache
@require_http_methods(["GET", "HEAD"])
def new_case_done(request):
    _member(request)
    if not can(request.user, "create_case"):
        raise Http404("not found")
    # Popped on first display: the receipt opens the complaint, so it is shown once only.
    result = request.session.pop(NEW_CASE_SESSION_KEY, None)
    return render(request, "desk/new_case_done.html", {"result": result})


# --- notifications -------------------------------------------------------------------------------

@login_required
@require_http_methods(["GET", "HEAD"])
def notifications(request):
    _member(request)
    page, query_without_page = _page(request, selectors.notifications_for(request.user))
    return render(request, "desk/notifications.html", {
        "page": page, "rows": list(page.object_list), "query_without_page": query_without_page,
        "has_unread": Notification.objects.filter(user=request.user, read_at__isnull=True).exists(),
    })


@login_required
@require_POST
def notifications_read_all(request):
    _member(request)
    count = mark_notifications_read(user=request.user)
    if count:
        messages.success(request, _("All notifications are marked as read."))
    return redirect("desk:notifications")


@login_required
@require_POST
def notification_open(request, pk: int):
    """Mark one notification read, then go to its case (a POST: reading changes state)."""
    _member(request)
    notification = Notification.objects.filter(user=request.user, pk=pk).select_related("case").first()
    if notification is None:
        raise Http404("not found")
    mark_notifications_read(user=request.user, ids=[notification.pk])
    if notification.case_id is None:  # about a record of another wing (a follow-up reminder)
        return redirect(notification.link() or "desk:notifications")
    if not can(request.user, "view_case"):
        return redirect("desk:notifications")
    return redirect("desk:case", reference=notification.case.reference)


# --- audit log ---------------------------------------------------------------------------------------

@login_required
@require_http_methods(["GET", "HEAD"])
def audit_log(request):
    member = _member(request)
    if not can(request.user, "view_audit"):
        raise Http404("not found")
    organisation = member.organisation
    notes = []
    values = {name: (request.GET.get(name) or "").strip()[:100] for name in ("action", "actor", "target", "from", "to")}
    dates = {}
    for name in ("from", "to"):
        dates[name] = caselist.filter_date(values[name]) if values[name] else None
        if values[name] and dates[name] is None:
            notes.append(_("“%(value)s” is not a date (use YYYY-MM-DD); that filter was ignored.") % {
                "value": values[name]})
    target_case_id = None
    if values["target"]:
        reference = to_ascii_digits(values["target"]).upper()
        target_case_id = cases_for(request.user).filter(reference=reference).values_list(
            "pk", flat=True).first() or 0
        if not target_case_id:
            notes.append(_("No case of your organisation has the reference “%(reference)s”.") % {
                "reference": values["target"]})
    events_qs = selectors.audit_events(
        organisation, action=values["action"], actor_username=values["actor"], target_case_id=target_case_id,
        date_from=dates["from"], date_to=dates["to"])
    page, query_without_page = _page(request, events_qs)
    events = list(page.object_list)
    references = selectors.case_references(organisation, events)
    labels = {**action_labels(), **ACTION_LABELS}
    rows = audit_rows(organisation, events, references=references, action_labels=labels,
                      actor_labels=ACTOR_LABELS)

    verification = None
    if request.GET.get("verify") == "1":
        count, problems, elsewhere = verify_chain_for(organisation.pk)
        verification = {"count": count, "problems": problems, "elsewhere": elsewhere}
    params = request.GET.copy()
    params.pop("page", None)
    params["verify"] = "1"
    actions = dict(labels)
    if values["action"] and values["action"] not in actions:
        actions[values["action"]] = values["action"]
    return render(request, "desk/audit.html", {
        "rows": rows, "page": page, "query_without_page": query_without_page, "values": values, "notes": notes,
        "actions": sorted(actions.items(), key=lambda item: str(item[1])), "verification": verification,
        "verify_url": f"{reverse('desk:audit')}?{params.urlencode()}",
    })
