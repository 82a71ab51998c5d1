"""Training an organisation's category model on its OWN confirmed labels, and choosing which
version is active.

Confirmed labels are the categories of cases where a person set or confirmed them: a category
suggestion was accepted or rejected, staff changed the categories, staff filed the case with
them, or the case was decided. Complainants' own choices alone are not trusted as labels.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils import timezone

from mizan.audit.models import record
from mizan.complaints.models import Case, CaseCategory, TimelineEvent

from .lexicon import CATEGORY_CODES
from .model import TextCategoriser, cross_validate
from .models import Suggestion, TriageModel
from .registry import save_model

__all__ = ["Example", "TrainingError", "activate", "confirmed_examples", "rollback", "train"]

MIN_LABEL_EXAMPLES = 5  # fewer cannot be spread over five folds


class TrainingError(Exception):
    """Training or activation cannot proceed; the message says why, for the command line."""


@dataclass(frozen=True)
class Example:
    case_id: int
    text: str
    codes: frozenset[str]


def _root(category) -> str:
    while category.parent_id:
        category = category.parent
    return category.code


def confirmed_examples(organisation) -> list[Example]:
    decided = Suggestion.objects.filter(
        kind=Suggestion.Kind.CATEGORY, status__in=[Suggestion.Status.ACCEPTED, Suggestion.Status.REJECTED]
    ).values("case_id")
    by_staff = TimelineEvent.objects.filter(
        kind__in=["categories_changed", "submitted"], actor_kind=TimelineEvent.ActorKind.STAFF
    ).values("case_id")
    cases = (
        Case.objects.filter(organisation=organisation)
        .filter(Q(decided_at__isnull=False) | Q(pk__in=decided) | Q(pk__in=by_staff))
        .prefetch_related(Prefetch("case_categories",
                                   queryset=CaseCategory.objects.select_related("category__parent__parent")))
        .order_by("pk")
    )
    examples = []
    for case in cases:
        codes = frozenset(_root(cc.category) for cc in case.case_categories.all()) - {"other"}
        examples.append(Example(case.pk, case.narrative, codes & set(CATEGORY_CODES)))
    return examples


def activate(row: TriageModel) -> None:
    """Make `row` the organisation's active version; the one it replaces is remembered."""
    with transaction.atomic():
        current = (TriageModel.objects.select_for_update()
                   .filter(organisation_id=row.organisation_id, is_active=True).first())
        if current is not None and current.pk == row.pk:
            return
        if current is not None:
            current.is_active = False
            current.save(update_fields=["is_active"])
        row.is_active = True
        row.activated_at = timezone.now()
        row.replaces = current
        row.save(update_fields=["is_active", "activated_at", "replaces"])
        record(action="triage.model_activate", organisation=row.organisation, target=row,
               data={"model": row.pk, "replaces": current.pk if current else None})


def rollback(organisation) -> tuple[TriageModel, TriageModel | None]:
    """Deactivate the active version and re-activate the one it replaced (None: the lexicon)."""
    with transaction.atomic():
        current = TriageModel.objects.select_for_update().filter(organisation=organisation, is_active=True).first()
        if current is None:
            raise TrainingError("No model is active for this organisation; nothing to roll back.")
        current.is_active = False
        current.save(update_fields=["is_active"])
        previous = current.replaces
        if previous is not None:
            previous.is_active = True
            previous.activated_at = timezone.now()
            previous.save(update_fields=["is_active", "activated_at"])
        record(action="triage.model_rollback", organisation=organisation, target=current,
               data={"model": current.pk, "back_to": previous.pk if previous else None})
    return current, previous


@dataclass
class TrainingResult:
    row: TriageModel
    activated: bool
    better: bool
    label_counts: dict[str, int]


def train(organisation, *, min_examples: int = 30, activate_mode: str = "auto", folds: int = 5,
          seed: int = 0, baseline: bool = False) -> TrainingResult:
    """Fit, evaluate against the lexicon (and, with `baseline`, a plain TF-IDF + LinearSVC) on
    the same folds, store, and maybe activate."""
    if activate_mode not in ("auto", "force", "no"):
        raise TrainingError(f"--activate must be auto, force or no, not {activate_mode!r}")
    examples = confirmed_examples(organisation)
    if len(examples) < min_examples:
        raise TrainingError(f"{len(examples)} confirmed examples; at least {min_examples} are needed.")
    counts = Counter(code for example in examples for code in example.codes)
    # A category needs examples to learn from and cases without it to learn against.
    labels = sorted(code for code, n in counts.items() if MIN_LABEL_EXAMPLES <= n < len(examples))
    if not labels:
        raise TrainingError(
            f"No category has at least {MIN_LABEL_EXAMPLES} confirmed examples (and cases without it).")
    texts = [example.text for example in examples]
    label_sets = [set(example.codes) & set(labels) for example in examples]

    scores = cross_validate(texts, label_sets, labels, folds=folds, seed=seed, baseline=baseline)
    model = TextCategoriser(labels, seed=seed).fit(texts, label_sets)
    digest = save_model(model)
    better = scores["model"]["micro_f1"] > scores["lexicon"]["micro_f1"]
    with transaction.atomic():
        row = TriageModel.objects.create(
            organisation=organisation, n_examples=len(examples), labels=labels, sha256=digest,
            metrics={**scores, "label_counts": {code: counts[code] for code in labels}, "seed": seed},
        )
        record(action="triage.model_train", organisation=organisation, target=row,
               data={"model": row.pk, "examples": len(examples), "micro_f1": scores["model"]["micro_f1"],
                     "lexicon_micro_f1": scores["lexicon"]["micro_f1"]})
        activated = activate_mode == "force" or (activate_mode == "auto" and better)
        if activated:
            activate(row)
    return TrainingResult(row=row, activated=activated, better=better,
                          label_counts={code: counts[code] for code in labels})
