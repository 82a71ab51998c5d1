"""Desk pages of the follow-up: the list of recommendations, a recommendation's page and its
actions, the form to record or edit one, the sources and the register of outside bodies.

A page: load through `followup.access` (another organisation's record is "not found"), check the
input with `followup.intake`, call ONE domain function, redirect (303) with a message. A refused
form shows the page again with the form open and what was typed: 400 for invalid input, 409 when
someone else changed the record meanwhile, and a 403 page when the user reads the record but may
not do this. Staff without follow-up rights, and people without a membership, get "not found".
"""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from mizan.accounts.models import Organisation, membership_of
from mizan.complaints.errors import Conflict, DomainError, Invalid, NotAllowed
from mizan.complaints.models import Category, Vulnerability

from . import forms, selectors, services
from .access import (
    can,
    get_recommendation_for_user,
    own_recommendations,
    recommendations_for,
    sources_for,
)
from .intake import clean_external_body, clean_recommendation, clean_source, is_id
from .models import (
    CLOSED_STATUSES,
    Addressee,
    BodyRole,
    Cluster,
    ExternalBody,
    Position,
    Recommendation,
    RecommendationType,
    ResponsibleBody,
    Source,
    SourceKind,
    Status,
    StatusChange,
)

PAGE_SIZE = 25
CLUSTER_CANDIDATES = 30

SORT_LABELS = {
    "due": gettext_lazy("Due date: soonest first"),
    "newest": gettext_lazy("Date issued: newest first"),
    "status": gettext_lazy("Status"),
}
SCOPE_LABELS = {
    "own": gettext_lazy("Our recommendations"),
    "addressed": gettext_lazy("Addressed to us by a secretariat"),
}


class SeeOther(HttpResponseRedirect):
    status_code = 303


def _reader(request):
    """The user's membership, if their role reads the follow-up; "not found" otherwise."""
    member = membership_of(request.user)
    if member is None or not can(request.user, "view_followup"):
        raise Http404("not found")
    return member


def _no_store(response):
    add_never_cache_headers(response)
    return response


def _forbidden(request, message, *, back: str):
    response = render(request, "followup/forbidden.html", {"message": message, "back": back}, status=403)
    return _no_store(response)


def _status_label(code: str) -> str:
    """The label in the request's language (kept as text: the page may be read after it)."""
    return str(Status(code).label) if code in Status.values else ""


def _group_words(codes) -> list[dict]:
    """Affected groups as people read them: our codes as their labels, others as written."""
    return [{"text": Vulnerability(code).label, "ours": True} if code in Vulnerability.values
            else {"text": code, "ours": False} for code in codes]


def _themes():
    """Active themes, parents first and their children under them, for lists and checkboxes."""
    categories = list(Category.objects.filter(is_active=True).order_by("position", "code"))
    children: dict = {}
    for category in categories:
        children.setdefault(category.parent_id, []).append(category)
    out = []

    def walk(parent_id, depth):
        for category in children.get(parent_id, []):
            out.append({"category": category, "depth": depth, "indent": "— " * depth})
            walk(category.pk, depth + 1)

    walk(None, 0)
    return out


# --- the list ------------------------------------------------------------------------------------------

def _row(recommendation, today, organisation_id: int):
    status = recommendation.my_status or ""
    lead = selectors.lead_of(recommendation)
    return {
        "rec": recommendation,
        "text": recommendation.display_text,
        "translated": recommendation.is_translated,
        "status": status,
        "status_label": _status_label(status),
        "themes": [theme.label for theme in recommendation.themes.all()],
        "lead": lead,
        "overdue": bool(recommendation.due_on and recommendation.due_on < today and status not in CLOSED_STATUSES),
        "addressed": recommendation.organisation_id != organisation_id,
    }


@login_required
@require_http_methods(["GET", "HEAD"])
def recommendation_list(request):
    member = _reader(request)
    organisation = member.organisation
    filters = selectors.parse_filters(request.user, request.GET)
    page = Paginator(selectors.recommendation_list(request.user, filters), PAGE_SIZE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    rows = [_row(recommendation, today, organisation.pk) for recommendation in page.object_list]

    params = request.GET.copy()
    params.pop("page", None)
    status_params = params.copy()
    status_params.pop("status", None)
    counts = [{"code": code, "label": label, "count": n, "current": code == filters.status,
               "query": "&".join(filter(None, [status_params.urlencode(), f"status={code}"]))}
              for code, label, n in selectors.status_counts(request.user, filters)]
    context = {
        "organisation": organisation,
        "page": page,
        "rows": rows,
        "counts": counts,
        "all_query": status_params.urlencode(),
        "query_without_page": params.urlencode(),
        "filters": filters,
        "values": {name: (request.GET.get(name) or "").strip() for name in (
            "theme", "status", "source", "kind", "body", "position", "due_before", "overdue", "scope", "sort")},
        "themes": _themes(),
        "statuses": Status.choices,
        "sources": list(sources_for(request.user).order_by("-date", "-id")),
        "kinds": SourceKind.choices,
        "bodies": [(selectors.body_key(body), body) for body in
                   selectors.body_choices(organisation.pk, active_only=False)],
        "positions": Position.choices,
        "sorts": list(SORT_LABELS.items()),
        "scopes": list(SCOPE_LABELS.items()) if selectors.has_addressed(request.user) else [],
        "search_available": selectors.search_available(),
        "may_edit": can(request.user, "edit_recommendations"),
    }
    # htmx swaps only the results; a history restore or a plain request gets the whole page.
    partial = request.headers.get("HX-Request") and not request.headers.get("HX-History-Restore-Request")
    response = render(request, "followup/_recommendation_results.html" if partial
                      else "followup/recommendation_list.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


# --- one recommendation ----------------------------------------------------------------------------------

class FormState:
    """One form of the page: open when it is the one that failed, with what was typed and its
    errors; `name.<field>` is the page-unique name the error summary links to."""

    class _Names(dict):
        def __init__(self, key):
            super().__init__()
            self.key = key

        def __missing__(self, field):
            return f"{self.key}-{field}"

    def __init__(self, key, *, failed_key=None, posted=None, errors=None, initial=None):
        self.key = key
        self.open = key == failed_key
        self.values = dict(initial or {})
        if self.open and posted is not None:
            self.values.update({name: posted.get(name, "") for name in posted})
            self.lists = {name: posted.getlist(name) for name in posted}
        else:
            self.lists = {}
        self.errors = dict(errors or {}) if self.open else {}
        self.name = self._Names(key)


def _story(pk: int) -> Recommendation:
    return (Recommendation.objects.select_related("source", "organisation", "cluster")
            .prefetch_related(Prefetch("themes", queryset=Category.objects.order_by("position", "code")),
                              Prefetch("responsible", queryset=ResponsibleBody.objects.select_related("unit", "external")))
            .get(pk=pk))


def _cluster_candidates(user, recommendation) -> list[Recommendation]:
    """Recommendations of the organisation that may ask the same thing: same theme or same
    source, not already in this one's cluster."""
    themes = [theme.pk for theme in recommendation.themes.all()]
    same = Q(source_id=recommendation.source_id)
    if themes:
        linked = Recommendation.themes.through.objects.filter(category_id__in=themes)
        same |= Q(pk__in=linked.values("recommendation_id"))
    candidates = own_recommendations(user).filter(same).exclude(pk=recommendation.pk).select_related("source")
    if recommendation.cluster_id:
        candidates = candidates.exclude(cluster_id=recommendation.cluster_id)
    return list(candidates.order_by("-issued_on", "-id")[:CLUSTER_CANDIDATES])


def _render_page(request, pk: int, *, status=200, failed_key=None, errors=None, notice=None):
    user = request.user
    member = membership_of(user)
    organisation = member.organisation
    recommendation = _story(pk)
    own = recommendation.organisation_id == organisation.pk
    addressee = None if own else Addressee.objects.filter(recommendation=recommendation,
                                                          organisation=organisation).first()
    my_status = recommendation.status if own else (addressee.status if addressee else "")
    history = list(StatusChange.objects.filter(recommendation=recommendation, organisation=organisation)
                   .select_related("by").order_by("at", "id"))
    for change in history:
        change.from_label, change.to_label = _status_label(change.from_status), _status_label(change.to_status)
    cluster_members = []
    if recommendation.cluster_id:
        cluster_members = list(recommendations_for(user).filter(cluster_id=recommendation.cluster_id)
                               .exclude(pk=recommendation.pk).order_by("-issued_on", "-id"))
    addressees = []
    if own and organisation.kind == Organisation.Kind.SECRETARIAT:
        addressees = [{"organisation": a.organisation, "shared": _status_label(a.shared_status),
                       "shared_at": a.shared_at}
                      for a in Addressee.objects.filter(recommendation=recommendation)
                      .select_related("organisation").order_by("organisation__name_ar")]
    responsible = list(recommendation.responsible.all())
    posted = request.POST if failed_key else None

    def state(key, **initial):
        return FormState(key, failed_key=failed_key, posted=posted, errors=errors, initial=initial)

    editing = own and can(user, "edit_recommendations")
    page_forms = {"edit": editing}
    if can(user, "report_progress") and (own or addressee is not None):
        page_forms["status"] = state("status", status=my_status, note="", period_end="")
    if editing:
        lead = next((selectors.body_key(r.body) for r in responsible if r.role == BodyRole.LEAD), "")
        form = state("bodies", lead=lead)
        form.supporting = (set(form.lists.get("supporting", [])) if form.open else
                           {selectors.body_key(r.body) for r in responsible if r.role == BodyRole.SUPPORTING})
        form.choices = [(selectors.body_key(body), body) for body in selectors.body_choices(organisation.pk)]
        # An inactive body already named stays offered, so saving the form does not drop it.
        form.choices += [(selectors.body_key(r.body), r.body) for r in responsible
                         if r.external_id and not r.external.is_active]
        page_forms["bodies"] = form
        form = state("cluster", cluster="", label="")
        form.others = set(form.lists.get("others", []))
        form.clusters = list(Cluster.objects.filter(organisation=organisation).exclude(pk=recommendation.cluster_id or 0))
        form.candidates = _cluster_candidates(user, recommendation)
        page_forms["cluster"] = form
        if recommendation.cluster_id:
            page_forms["leave"] = state("leave")
        if organisation.kind == Organisation.Kind.SECRETARIAT:
            form = state("address")
            form.chosen = set(form.lists.get("members", []))
            addressed = {a["organisation"].pk for a in addressees}
            form.members = list(Organisation.objects.exclude(pk=organisation.pk)
                                .exclude(kind=Organisation.Kind.SECRETARIAT).exclude(pk__in=addressed)
                                .order_by("name_ar"))
            page_forms["address"] = form
    page_forms["any"] = any(page_forms.get(k) for k in ("edit", "status", "bodies", "cluster", "address"))

    translations = [(code, forms.LANGUAGE_LABELS[code], getattr(recommendation, f"text_{code}"))
                    for code in ("ar", "en", "fr") if getattr(recommendation, f"text_{code}")]
    today = timezone.localdate()
    context = {
        "rec": recommendation,
        "organisation": organisation,
        "own": own,
        "addressee": addressee,
        "my_status": my_status,
        "my_status_label": _status_label(my_status),
        "overdue": bool(recommendation.due_on and recommendation.due_on < today and my_status not in CLOSED_STATUSES),
        "language_label": forms.LANGUAGE_LABELS.get(recommendation.language, recommendation.language),
        "translations": translations,
        "themes": [theme.label for theme in recommendation.themes.all()],
        "groups": _group_words(recommendation.affected_groups),
        "leads": [r.body for r in responsible if r.role == BodyRole.LEAD],
        "supporting": [r.body for r in responsible if r.role == BodyRole.SUPPORTING],
        "history": history,
        "cluster_members": cluster_members,
        "addressees": addressees,
        "forms": page_forms,
        "statuses": Status.choices,
        # The summary links to `field-<form>-<field>`, unique on a page holding many forms.
        "errors": {key.replace(".", "-"): message for key, message in (errors or {}).items()},
        "notice": notice,
    }
    return _no_store(render(request, "followup/recommendation_detail.html", context, status=status))


@login_required
@require_http_methods(["GET", "HEAD"])
def recommendation_detail(request, pk):
    _reader(request)
    recommendation = get_recommendation_for_user(request.user, pk)
    return _render_page(request, recommendation.pk)


def _back(recommendation, anchor: str = ""):
    url = reverse("followup:recommendation", args=[recommendation.pk])
    return SeeOther(f"{url}#{anchor}" if anchor else url)


def _refused(request, recommendation, key: str, error: DomainError):
    if isinstance(error, NotAllowed):
        return _forbidden(request, error.message, back=reverse("followup:recommendation", args=[recommendation.pk]))
    if isinstance(error, Conflict):
        return _render_page(request, recommendation.pk, status=409, failed_key=key, notice=error.message)
    fields = error.fields or {"form": error.message}
    return _render_page(request, recommendation.pk, status=400, failed_key=key,
                        errors={f"{key}.{name}": message for name, message in fields.items()})


def _version(request) -> int:
    """The version the form was rendered with. Without one, a change could silently overwrite
    someone else's: such a form is refused as stale."""
    version = forms.parse_version(request.POST.get("version"))
    if version is None:
        raise services.stale()
    return version


def recommendation_action(key: str):
    """POST only, logged in, the recommendation loaded through the access helper; a domain error
    shows the page again with this form open."""

    def decorate(view):
        @login_required
        @require_POST
        @wraps(view)
        def wrapper(request, pk):
            _reader(request)
            recommendation = get_recommendation_for_user(request.user, pk)
            try:
                return view(request, recommendation)
            except DomainError as error:
                return _refused(request, recommendation, key, error)

        return wrapper

    return decorate


def _guard(user, action: str) -> None:
    if not can(user, action):
        raise NotAllowed(_("You are not allowed to do this."))


def _own(user, recommendation) -> None:
    if recommendation.organisation_id != membership_of(user).organisation_id:
        raise NotAllowed(_("This recommendation belongs to the secretariat that addressed it: only it can "
                           "change it. You keep your own status."))


@recommendation_action("status")
def recommendation_status(request, recommendation):
    _guard(request.user, "report_progress")
    post = request.POST
    problems = {}
    status = post.get("status", "")
    if status not in Status.values:
        problems["status"] = _("Choose a status from the list.")
    period_end = forms.parse_day(post.get("period_end"))
    if isinstance(period_end, str):
        problems["period_end"], period_end = period_end, None
    note = (post.get("note") or "").replace("\x00", "").strip()
    if len(note) > 5000:
        problems["note"] = _("At most %(n)s characters.") % {"n": 5000}
    if problems:
        raise Invalid(_("Some information is missing or not valid."), fields=problems)
    version = _version(request)
    before = (selectors.with_status(Recommendation.objects.filter(pk=recommendation.pk),
                                    membership_of(request.user).organisation_id)
              .values_list("my_status", flat=True).first())
    services.set_recommendation_status(actor=request.user, recommendation=recommendation, status=status, note=note,
                                       period_end=period_end, expected_version=version)
    if before == status and not note:
        messages.info(request, _("Nothing was saved: the status is the same and there is no note."))
    else:
        messages.success(request, _("Status recorded: “%(status)s”.") % {"status": Status(status).label})
    return _back(recommendation, "status")


@recommendation_action("bodies")
def recommendation_bodies(request, recommendation):
    _guard(request.user, "edit_recommendations")
    _own(request.user, recommendation)
    items = forms.body_items(request.POST.get("lead", ""), request.POST.getlist("supporting"))
    cleaned, errors = clean_recommendation(recommendation.organisation, {"bodies": items}, partial=True)
    if errors:
        raise Invalid(errors["bodies"], fields={"bodies": errors["bodies"]})
    services.set_responsible_bodies(actor=request.user, recommendation=recommendation, bodies=cleaned["bodies"],
                                    expected_version=_version(request))
    messages.success(request, _("Responsible bodies saved."))
    return _back(recommendation, "responsible")


@recommendation_action("cluster")
def recommendation_cluster(request, recommendation):
    _guard(request.user, "edit_recommendations")
    _own(request.user, recommendation)
    post = request.POST
    own = own_recommendations(request.user)
    chosen = [value for value in post.getlist("others") if value]
    others = list(own.filter(pk__in=[v for v in chosen if is_id(v)]).exclude(pk=recommendation.pk))
    if len(others) != len(set(chosen) - {str(recommendation.pk)}):
        raise Invalid(_("Choose recommendations from the list."),
                      fields={"others": _("Choose recommendations from the list.")})
    value = (post.get("cluster") or "").strip()
    cluster = None
    if value:
        cluster = Cluster.objects.filter(organisation_id=recommendation.organisation_id, pk=value).first() \
            if is_id(value) else None
        if cluster is None:
            raise Invalid(_("Choose a cluster from the list."), fields={"cluster": _("Choose a cluster from the list.")})
    elif not others:
        message = _("Choose at least one other recommendation that asks the same thing, or an existing cluster.")
        raise Invalid(message, fields={"others": message})
    label = (post.get("label") or "").replace("\x00", "").strip()
    if len(label) > 300:
        raise Invalid(_("At most %(n)s characters.") % {"n": 300}, fields={"label": _("At most %(n)s characters.")
                                                                            % {"n": 300}})
    cluster = services.cluster_recommendations(actor=request.user, recommendations=[recommendation, *others],
                                               cluster=cluster, label=label, expected_version=_version(request))
    messages.success(request, _("Followed together in the cluster “%(label)s”.") % {"label": cluster.label})
    return _back(recommendation, "cluster")


@recommendation_action("leave")
def recommendation_leave_cluster(request, recommendation):
    _guard(request.user, "edit_recommendations")
    _own(request.user, recommendation)
    services.leave_cluster(actor=request.user, recommendation=recommendation, expected_version=_version(request))
    messages.success(request, _("The recommendation is no longer in the cluster."))
    return _back(recommendation, "cluster")


@recommendation_action("address")
def recommendation_address(request, recommendation):
    _guard(request.user, "edit_recommendations")
    _own(request.user, recommendation)
    slugs = [slug for slug in request.POST.getlist("members") if slug]
    if not slugs:
        message = _("Choose at least one member organisation.")
        raise Invalid(message, fields={"members": message})
    cleaned, errors = clean_recommendation(recommendation.organisation, {"addressees": slugs}, partial=True)
    members = cleaned["addressees"]
    if errors or any(m.kind == Organisation.Kind.SECRETARIAT for m in members):
        message = _("Choose member organisations from the list.")
        raise Invalid(message, fields={"members": message})
    services.address_recommendation(actor=request.user, recommendation=recommendation, organisations=members,
                                    expected_version=_version(request))
    messages.success(request, _("Addressed to the member organisations chosen."))
    return _back(recommendation, "addressees")


# --- recording and editing -------------------------------------------------------------------------------

def _form_context(request, organisation, values, errors, *, recommendation=None):
    is_secretariat = organisation.kind == Organisation.Kind.SECRETARIAT
    members = []
    if recommendation is None and is_secretariat:
        members = list(Organisation.objects.exclude(pk=organisation.pk)
                       .exclude(kind=Organisation.Kind.SECRETARIAT).order_by("name_ar"))
    bodies = [(selectors.body_key(body), body) for body in selectors.body_choices(organisation.pk)]
    if recommendation is not None:
        known = {key for key, _body in bodies}
        bodies += [(selectors.body_key(r.body), r.body) for r in recommendation.responsible.select_related(
            "unit", "external") if selectors.body_key(r.body) not in known]
    return {
        "rec": recommendation,
        "values": values,
        "errors": errors,
        "source_values": {name: values.get(f"source_{name}", "") for name in forms.SOURCE_FIELDS},
        "source_errors": {name: errors.get(f"source_{name}", "") for name in forms.SOURCE_FIELDS},
        "sources": list(Source.objects.filter(organisation=organisation).order_by("-date", "-id")),
        "source_kinds": SourceKind.choices,
        "types": RecommendationType.choices,
        "languages": list(forms.LANGUAGE_LABELS.items()),
        "positions": Position.choices,
        "statuses": Status.choices,
        "themes": _themes(),
        "vulnerabilities": Vulnerability.choices,
        "bodies": bodies,
        "members": members,
    }


def _initial(recommendation: Recommendation | None, source_id: str = "") -> dict:
    if recommendation is None:
        return {"source": source_id, "source_mode": "existing" if source_id else "", "language": "ar",
                "type": RecommendationType.RECOMMENDATION, "position": Position.NOT_DECIDED,
                "status": Status.NOT_STARTED, "themes": [], "groups": [], "supporting": [], "addressees": []}
    responsible = list(recommendation.responsible.select_related("unit", "external"))
    values = {name: getattr(recommendation, name) or "" for name in forms.RECOMMENDATION_FIELDS}
    for name in ("issued_on", "due_on"):
        values[name] = values[name].isoformat() if values[name] else ""
    values.update({
        "source": str(recommendation.source_id),
        "version": recommendation.version,
        "themes": [theme.code for theme in recommendation.themes.all()],
        "groups": [g for g in recommendation.affected_groups if g in Vulnerability.values],
        "other_groups": "\n".join(g for g in recommendation.affected_groups if g not in Vulnerability.values),
        "sdg_targets": " ".join(recommendation.sdg_targets),
        "recommending_states": "\n".join(recommendation.recommending_states),
        "lead": next((selectors.body_key(r.body) for r in responsible if r.role == BodyRole.LEAD), ""),
        "supporting": [selectors.body_key(r.body) for r in responsible if r.role == BodyRole.SUPPORTING],
    })
    return values


def _clean_form(request, organisation, *, creating: bool):
    """(source_fields or None, recommendation kwargs, errors) from the posted form."""
    post = request.POST
    is_secretariat = organisation.kind == Organisation.Kind.SECRETARIAT
    raw = forms.recommendation_raw(post, with_status=creating, with_addressees=creating and is_secretariat)
    new_source = creating and post.get("source_mode") == "new"
    cleaned, errors = clean_recommendation(organisation, raw)
    source_fields = None
    if new_source:
        errors.pop("source", None)
        cleaned.pop("source", None)
        source_fields, source_errors = clean_source(forms.source_raw(post, "source_"))
        errors.update({f"source_{name}": message for name, message in source_errors.items()})
    if "bodies" in cleaned:
        cleaned["bodies"] = cleaned.pop("bodies")
    return source_fields, cleaned, errors


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def recommendation_new(request):
    member = _reader(request)
    if not can(request.user, "edit_recommendations"):
        raise Http404("not found")
    organisation = member.organisation
    if request.method != "POST":
        source = request.GET.get("source", "")
        source = source if is_id(source) and Source.objects.filter(organisation=organisation, pk=source).exists() else ""
        return _no_store(render(request, "followup/recommendation_form.html",
                                _form_context(request, organisation, _initial(None, source), {})))
    source_fields, cleaned, errors = _clean_form(request, organisation, creating=True)
    if not errors:
        try:
            if source_fields is not None:
                recommendation = services.create_recommendation_with_source(
                    actor=request.user, source_fields=source_fields, **cleaned)
            else:
                recommendation = services.create_recommendation(actor=request.user, **cleaned)
        except NotAllowed as error:
            raise Http404("not found") from error
        except Invalid as error:
            errors = dict(error.fields) or {"text": error.message}
    if errors:
        errors = {("lead" if name == "bodies" else name): message for name, message in errors.items()}
        return _no_store(render(request, "followup/recommendation_form.html",
                                _form_context(request, organisation, forms.form_values(request.POST), errors),
                                status=400))
    messages.success(request, _("Recommendation recorded."))
    return SeeOther(reverse("followup:recommendation", args=[recommendation.pk]))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def recommendation_edit(request, pk):
    member = _reader(request)
    recommendation = get_recommendation_for_user(request.user, pk)
    back = reverse("followup:recommendation", args=[recommendation.pk])
    if not can(request.user, "edit_recommendations"):
        return _forbidden(request, _("You are not allowed to do this."), back=back)
    if recommendation.organisation_id != member.organisation_id:
        return _forbidden(request, _("This recommendation belongs to the secretariat that addressed it: only it can "
                                     "change it. You keep your own status."), back=back)
    organisation = member.organisation
    if request.method != "POST":
        return _no_store(render(request, "followup/recommendation_form.html",
                                _form_context(request, organisation, _initial(recommendation), {},
                                              recommendation=recommendation)))
    _source_fields, cleaned, errors = _clean_form(request, organisation, creating=False)
    notice = None
    status = 400
    if not errors:
        version = forms.parse_version(request.POST.get("version"))
        try:
            if version is None:
                raise services.stale()
            themes, bodies = cleaned.pop("themes"), cleaned.pop("bodies")
            # Not on this form: publication is decided elsewhere, the status by its own action.
            for name in ("is_public", "status", "addressees"):
                cleaned.pop(name, None)
            services.update_recommendation(actor=request.user, recommendation=recommendation, themes=themes,
                                           bodies=bodies, expected_version=version, **cleaned)
        except NotAllowed as error:
            return _forbidden(request, error.message, back=back)
        except Conflict as error:
            notice, status = error.message, 409
        except Invalid as error:
            errors = dict(error.fields) or {"text": error.message}
        else:
            messages.success(request, _("Changes saved."))
            return SeeOther(back)
    errors = {("lead" if name == "bodies" else name): message for name, message in errors.items()}
    context = _form_context(request, organisation, forms.form_values(request.POST), errors,
                            recommendation=recommendation)
    context["notice"] = notice
    return _no_store(render(request, "followup/recommendation_form.html", context, status=status))


# --- sources -------------------------------------------------------------------------------------------------

@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def source_list(request):
    member = _reader(request)
    organisation = member.organisation
    may_edit = can(request.user, "edit_recommendations")
    values, errors = {}, {}
    status = 200
    if request.method == "POST":
        if not may_edit:
            return _forbidden(request, _("You are not allowed to do this."), back=reverse("followup:sources"))
        values = forms.source_raw(request.POST)
        cleaned, errors = clean_source(values)
        if not errors:
            try:
                source = services.create_source(actor=request.user, **cleaned)
            except NotAllowed as error:
                return _forbidden(request, error.message, back=reverse("followup:sources"))
            messages.success(request, _("Source recorded: “%(title)s”.") % {"title": source.title})
            return SeeOther(reverse("followup:sources"))
        status = 400
    readable = Q(recommendations__organisation_id=organisation.pk) | Q(
        recommendations__addressed__organisation_id=organisation.pk)
    sources = (sources_for(request.user).annotate(n=Count("recommendations", filter=readable, distinct=True))
               .order_by("-date", "-id"))
    page = Paginator(sources, 50).get_page(request.GET.get("page"))
    context = {"page": page, "sources": list(page.object_list), "organisation": organisation, "may_edit": may_edit,
               "values": values, "errors": errors, "source_kinds": SourceKind.choices, "query_without_page": "",
               "open_form": bool(errors)}
    return _no_store(render(request, "followup/sources.html", context, status=status))


# --- the register of outside bodies -------------------------------------------------------------------------

def _bodies_page(request, organisation, *, status=200, values=None, errors=None, failed=None):
    named = (ResponsibleBody.objects.filter(external__organisation=organisation).values("external_id")
             .annotate(n=Count("recommendation_id", distinct=True)))
    counts = {row["external_id"]: row["n"] for row in named}
    bodies = list(ExternalBody.objects.filter(organisation=organisation).order_by("-is_active", "name_ar"))
    for body in bodies:
        body.n, body.key = counts.get(body.pk, 0), f"body-{body.pk}"
    context = {"bodies": bodies, "organisation": organisation, "kinds": ExternalBody.Kind.choices,
               "may_edit": can(request.user, "edit_recommendations"), "values": values or {},
               "errors": errors or {}, "failed": failed}
    return _no_store(render(request, "followup/bodies.html", context, status=status))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def body_list(request):
    member = _reader(request)
    organisation = member.organisation
    if request.method != "POST":
        return _bodies_page(request, organisation)
    if not can(request.user, "edit_recommendations"):
        return _forbidden(request, _("You are not allowed to do this."), back=reverse("followup:bodies"))
    values = {name: request.POST.get(name, "") for name in ("name_ar", "name_en", "name_fr", "kind")}
    cleaned, errors = clean_external_body(values)
    if not errors:
        try:
            body = services.create_external_body(actor=request.user, **cleaned)
        except Invalid as error:
            errors = dict(error.fields)
        else:
            messages.success(request, _("“%(name)s” added to the register.") % {"name": body.name})
            return SeeOther(reverse("followup:bodies"))
    return _bodies_page(request, organisation, status=400, values=values,
                        errors={f"new-{name}": message for name, message in errors.items()}, failed="new")


@login_required
@require_POST
def body_edit(request, pk):
    member = _reader(request)
    organisation = member.organisation
    body = ExternalBody.objects.filter(organisation=organisation, pk=pk).first()
    if body is None:
        raise Http404("not found")
    if not can(request.user, "edit_recommendations"):
        return _forbidden(request, _("You are not allowed to do this."), back=reverse("followup:bodies"))
    action = request.POST.get("action", "")
    if action in ("deactivate", "activate"):
        services.update_external_body(actor=request.user, body=body, is_active=action == "activate")
        messages.success(request, _("“%(name)s” is no longer offered for new recommendations.") % {"name": body.name}
                         if action == "deactivate" else _("“%(name)s” is offered again.") % {"name": body.name})
        return SeeOther(reverse("followup:bodies") + f"#body-{body.pk}")
    if action != "rename":
        raise Http404("not found")
    values = {name: request.POST.get(name, "") for name in ("name_ar", "name_en", "name_fr", "kind")}
    cleaned, errors = clean_external_body(values)
    if not errors:
        try:
            body = services.update_external_body(actor=request.user, body=body, **cleaned)
        except Invalid as error:
            errors = dict(error.fields)
        else:
            messages.success(request, _("Saved: “%(name)s”.") % {"name": body.name})
            return SeeOther(reverse("followup:bodies") + f"#body-{body.pk}")
    return _bodies_page(request, organisation, status=400, values=values,
                        errors={f"body-{body.pk}-{name}": message for name, message in errors.items()},
                        failed=body.pk)
