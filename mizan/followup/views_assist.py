"""Desk pages of the text engine's suggestions for recommendations (`followup.assist`).

- The "Suggestions" section of a recommendation's page (`followup/_rec_suggestions.html`,
  included by the page, filled by `{% rec_suggestions %}`): each suggestion with its reason in
  words (the words that point to a theme; the past recommendations a body led; the passages two
  recommendations share), accepted or rejected one at a time or several at once.
- `/desk/followup/duplicates/`: every pair of recommendations the engine found alike, across
  sources, to put in one cluster (or reject) in bulk.

Suggestions exist only for the organisation that owns a recommendation: a member organisation
reading what a secretariat addressed to it sees none (the secretariat decides them).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import BigIntegerField, F, OuterRef, Subquery
from django.db.models.functions import Cast
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from mizan.accounts.models import Unit, membership_of
from mizan.complaints.errors import Conflict, DomainError, Invalid, NotAllowed
from mizan.complaints.models import Category

from .access import can
from .assist import (
    BODY_MIN_EXAMPLES,
    Decision,
    decide_followup_suggestions,
    lead_body_examples,
    parse_body,
    suggestions_about,
)
from .intake import is_id
from .models import ExternalBody, FollowupSuggestion, Recommendation
from .views_recommendations import SeeOther, _forbidden, _no_store, recommendation_action

Kind = FollowupSuggestion.Kind
Status = FollowupSuggestion.Status
PAGE_SIZE = 25
DECIDED_SHOWN = 10


def _language_name(code: str) -> str:
    return {"ar": _("Arabic"), "en": _("English"), "fr": _("French")}.get(code, "")


def _source_label(source: str) -> str:
    if source.startswith("model:"):
        return _("model trained on this organisation's decisions")
    return _("word list")


@dataclass
class Row:
    suggestion: FollowupSuggestion
    label: str = ""  # a theme's label, a body's name
    triggers: list[str] = field(default_factory=list)
    source: str = ""
    examples: list[dict] = field(default_factory=list)  # {"rec", "score"}: past recommendations a body led
    other: Recommendation | None = None  # the recommendation a cluster suggestion names (seen from this page)
    holder: Recommendation | None = None  # the recommendation that holds a cluster suggestion
    passages: list[str] = field(default_factory=list)
    language: str = ""  # the language two recommendations were compared in, when not their own


def _bodies(values) -> dict[str, object]:
    """{"unit:3": Unit, "external:5": ExternalBody} for the body suggestions' values (2 queries)."""
    parsed = {value: parse_body(value) for value in values}
    units = Unit.objects.in_bulk([pk for kind_pk in parsed.values() if kind_pk and kind_pk[0] == "unit"
                                  for pk in [kind_pk[1]]])
    externals = ExternalBody.objects.in_bulk([pk for kind_pk in parsed.values() if kind_pk and kind_pk[0] == "external"
                                              for pk in [kind_pk[1]]])
    out = {}
    for value, kind_pk in parsed.items():
        if kind_pk:
            body = (units if kind_pk[0] == "unit" else externals).get(kind_pk[1])
            if body is not None:
                out[value] = body
    return out


def rows_for(suggestions: list[FollowupSuggestion], about: Recommendation | None = None) -> list[Row]:
    """What each suggestion says, in words, with what its reason names loaded in a fixed number
    of queries. `about`: the recommendation whose page shows them (a cluster suggestion then
    names the other one)."""
    codes = {s.value for s in suggestions if s.kind == Kind.THEME}
    categories = {c.code: c for c in Category.objects.filter(code__in=codes)} if codes else {}
    bodies = _bodies({s.value for s in suggestions if s.kind == Kind.BODY}) if any(
        s.kind == Kind.BODY for s in suggestions) else {}
    wanted = set()
    for s in suggestions:
        if s.kind == Kind.BODY:
            wanted |= {example["id"] for example in (s.reasons or {}).get("examples", [])}
        elif s.kind == Kind.CLUSTER and s.value.isdigit():
            wanted |= {int(s.value), s.recommendation_id}
    others = Recommendation.objects.select_related("source").in_bulk(list(wanted)) if wanted else {}
    rows = []
    for s in suggestions:
        reasons = s.reasons or {}
        row = Row(suggestion=s)
        if s.kind == Kind.THEME:
            category = categories.get(s.value)
            if category is None:
                continue
            row.label, row.triggers, row.source = category.label, list(reasons.get("triggers", [])), \
                _source_label(reasons.get("source", ""))
        elif s.kind == Kind.BODY:
            body = bodies.get(s.value)
            if body is None:
                continue
            row.label = body.name
            row.examples = [{"rec": others[e["id"]], "score": e["score"]} for e in reasons.get("examples", [])
                            if e.get("id") in others]
        else:
            named = int(s.value) if s.value.isdigit() else None
            other_id = named if about is None or about.pk != named else s.recommendation_id
            row.other, row.holder = others.get(other_id), others.get(s.recommendation_id)
            if row.other is None or row.holder is None:
                continue
            row.passages = list(reasons.get("passages", []))
            language = reasons.get("language", "")
            originals = {row.other.language, (about or row.holder).language}
            row.language = _language_name(language) if language not in originals else ""
        rows.append(row)
    return rows


def suggestion_section(user, recommendation: Recommendation) -> dict:
    """The context of the "Suggestions" section of `recommendation`'s page for `user`."""
    member = membership_of(user)
    own = member is not None and member.organisation_id == recommendation.organisation_id
    if not own or not can(user, "view_followup"):
        return {"shown": False}
    pending = list(suggestions_about([recommendation.pk]).filter(status=Status.PENDING)
                   .order_by("kind", "-confidence", "id"))
    rows = rows_for(pending, about=recommendation)
    decided = list(suggestions_about([recommendation.pk]).filter(status__in=[Status.ACCEPTED, Status.REJECTED])
                   .select_related("decided_by").order_by("-decided_at", "-id")[:DECIDED_SHOWN])
    examples = lead_body_examples(recommendation.organisation_id)
    return {
        "shown": True,
        "themes": [r for r in rows if r.suggestion.kind == Kind.THEME],
        "bodies": [r for r in rows if r.suggestion.kind == Kind.BODY],
        "clusters": [r for r in rows if r.suggestion.kind == Kind.CLUSTER],
        "rows": rows,
        "decided": rows_for(decided, about=recommendation),
        "may_decide": can(user, "edit_recommendations"),
        "has_lead": recommendation.responsible.filter(role="lead").exists(),
        "examples": examples,
        "examples_needed": BODY_MIN_EXAMPLES,
        "learning": examples < BODY_MIN_EXAMPLES,
    }


def _decisions(post, scope) -> list[Decision]:
    """Decisions from a form: one suggestion with an "accept"/"reject" button, or several
    `decision-<id>` choices (empty: decide later). An id outside `scope` (the suggestions the
    page shows, whatever their status) is refused like one that does not exist; one decided
    meanwhile is a conflict."""
    if post.get("suggestion"):
        chosen = {post.get("suggestion", ""): post.get("decision", "")}
    else:
        chosen = {key.removeprefix("decision-"): value for key, value in post.items()
                  if key.startswith("decision-") and value}
    found = {str(s.pk): s for s in scope.filter(pk__in=[pk for pk in chosen if is_id(pk)])}
    if len(found) != len(chosen) or any(value not in ("accept", "reject") for value in chosen.values()):
        raise Invalid(_("Choose suggestions from the list."), fields={"form": _("Choose suggestions from the list.")})
    if any(s.status != Status.PENDING for s in found.values()):
        raise Conflict(_("Someone else decided on this suggestion while you were working on it. "
                         "Reload the page to see the latest suggestions."), code="stale")
    return [Decision(found[pk], value == "accept") for pk, value in chosen.items()]


def _done(request, decided) -> None:
    accepted = sum(1 for s in decided if s.status == Status.ACCEPTED)
    rejected = len(decided) - accepted
    parts = []
    if accepted:
        parts.append(ngettext("%(n)s suggestion accepted.", "%(n)s suggestions accepted.", accepted) % {"n": accepted})
    if rejected:
        parts.append(ngettext("%(n)s suggestion rejected.", "%(n)s suggestions rejected.", rejected) % {"n": rejected})
    messages.success(request, " ".join(parts))


@recommendation_action("suggestions")
def recommendation_suggestions(request, recommendation):
    """Accept or reject suggestions about one recommendation (one, or several at once)."""
    if not can(request.user, "edit_recommendations"):
        raise NotAllowed(_("You are not allowed to do this."))
    decisions = _decisions(request.POST, suggestions_about([recommendation.pk]))
    decided = decide_followup_suggestions(actor=request.user, decisions=decisions)
    _done(request, decided)
    return SeeOther(reverse("followup:recommendation", args=[recommendation.pk]) + "#suggestions")


# --- possible duplicates ---------------------------------------------------------------------------------

def _all_pairs(organisation_id: int):
    return FollowupSuggestion.objects.filter(kind=Kind.CLUSTER, recommendation__organisation_id=organisation_id)


def _pairs(organisation_id: int, across: bool):
    pairs = _all_pairs(organisation_id).filter(status=Status.PENDING)
    if across:
        named_source = Recommendation.objects.filter(pk=Cast(OuterRef("value"), BigIntegerField())).values("source_id")
        pairs = pairs.annotate(named_source=Subquery(named_source[:1])).exclude(
            recommendation__source_id=F("named_source"))
    return pairs.order_by("-confidence", "-id")


def _chosen_pairs(request, organisation_id: int) -> list[Decision]:
    """What the duplicates form asks: one decision ("accept" or "reject") for every pair chosen."""
    if not can(request.user, "edit_recommendations"):
        raise NotAllowed(_("You are not allowed to do this."))
    action = request.POST.get("decision", "")
    chosen = [pk for pk in request.POST.getlist("chosen") if pk]
    if action not in ("accept", "reject"):
        raise Invalid(_("Choose what to do with the pairs you chose."),
                      fields={"form": _("Choose what to do with the pairs you chose.")})
    if not chosen:
        raise Invalid(_("Choose at least one pair."), fields={"form": _("Choose at least one pair.")})
    return _decisions({f"decision-{pk}": action for pk in chosen}, _all_pairs(organisation_id))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def duplicates(request):
    """Pairs of recommendations that may ask the same thing; the chosen ones clustered or
    rejected together."""
    member = membership_of(request.user)
    if member is None or not can(request.user, "view_followup"):
        raise Http404("not found")
    across = (request.GET.get("across") or "") == "1"
    pairs = _pairs(member.organisation_id, across)
    status, errors, notice = 200, {}, ""
    if request.method == "POST":
        try:
            decided = decide_followup_suggestions(actor=request.user,
                                                  decisions=_chosen_pairs(request, member.organisation_id))
            _done(request, decided)
            return SeeOther(request.get_full_path())
        except NotAllowed as error:
            return _forbidden(request, error.message, back=reverse("followup:duplicates"))
        except Conflict as error:
            status, notice = 409, error.message
        except DomainError as error:
            status, errors = 400, {"duplicates-form": (error.fields or {}).get("form", error.message)}
    page = Paginator(pairs, PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "organisation": member.organisation,
        "page": page,
        "rows": rows_for(list(page.object_list)),
        "across": across,
        "query_without_page": params.urlencode(),
        "may_decide": can(request.user, "edit_recommendations"),
        "errors": errors,
        "form_error": errors.get("duplicates-form", ""),
        "notice": notice,
    }
    return _no_store(render(request, "followup/duplicates.html", context, status=status))
