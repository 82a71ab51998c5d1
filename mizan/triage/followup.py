"""The text engine's suggestions for the follow-up's recommendations, decided by a person
(`mizan.followup.assist`).

- Themes: the triage classifier (`classify.predict_categories`: the organisation's trained
  model where it has one, the lexicon otherwise) over the recommendation's text in its own
  language (its translations when the original is in a language the classifier does not read);
  the reason is the trigger words.
- Responsible body: once the organisation has recorded at least `assist.BODY_MIN_EXAMPLES`
  recommendations with a lead body, a small TF-IDF model of their texts (analysed terms and
  their bigrams, as the triage model) finds the most similar past recommendations; their lead
  bodies vote by similarity, and the winner is suggested with its share of the votes as
  confidence and the most similar past recommendations it leads as the reason.
- Same as another recommendation: MinHash over the normalised text, one signature per language
  version (original and translations, so an English UPR recommendation meets an Arabic one
  through its Arabic translation), candidates found through the indexed band keys as for
  duplicate complaints, kept at an estimated Jaccard similarity of NEAR_DUPLICATE or more; the
  reason is the passages both texts share. One suggestion per pair, held by the newer
  recommendation and naming the older one.

Computed by a task queued on commit by `queue_suggestions`, the projection this wing registers
into `followup.projections` (see `apps.py`) for new, edited and imported recommendations.
Idempotent like `engine.run_triage`: one row per (recommendation, kind, value); a run updates
or revives what it makes again, supersedes pending rows it no longer makes, and never touches a
decided one — a decision is never asked twice.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher

import numpy as np
from django.db import transaction
from django.db.models import Count, Max, OuterRef, QuerySet, Subquery
from sklearn.feature_extraction.text import TfidfVectorizer

from mizan.core.tasks import enqueue_on_commit, task
from mizan.followup.assist import BODY_MIN_EXAMPLES, suggestions_about
from mizan.followup.models import (
    BodyRole,
    ExternalBody,
    FollowupSuggestion,
    Recommendation,
    ResponsibleBody,
)
from mizan.followup.projections import Change
from mizan.lib.arabic import normalise, tokenise_with_spans

from .classify import predict_categories
from .minhash import band_keys, estimated_jaccard, from_bytes, signature, to_bytes
from .model import word_features
from .models import RecommendationBand, RecommendationSignature

__all__ = ["NEAR_DUPLICATE", "Similar", "queue_suggestions", "run_suggestions", "similar_recommendations",
           "suggest_for_recommendations"]

# Estimated Jaccard similarity of 5-shingles from which two recommendations are suggested as one.
# Chosen on the labelled pairs of tests/followup/near_duplicate_pairs.py (16 that ask the same
# thing, 16 that share the genre's boilerplate): at 0.5, precision 15/16 and recall 15/16; at 0.6
# (the complaints' threshold) recall fell to 11/16, as recommendations are short and rephrased
# from one cycle or body to the next.
NEAR_DUPLICATE = 0.5
MAX_DUPLICATES = 10
PASSAGE_WORDS = 3  # a shared passage shown as a reason has at least this many words
MAX_PASSAGES = 3

BODY_NEIGHBOURS = 10  # past recommendations that vote for a body
BODY_MIN_SIMILARITY = 0.1  # the nearest must be at least this close (cosine) for any suggestion
BODY_MIN_CONFIDENCE = 0.4  # the winner's share of the neighbours' similarity
BODY_MAX_EXAMPLES = 5_000  # the newest past assignments learnt from
BODY_REASONS = 3  # similar past recommendations shown as the reason

CLASSIFIED_LANGUAGES = ("ar", "en", "fr")
QUEUED_CHANGES = frozenset({"created", "updated", "imported"})
TASK_BATCH = 200

Kind = FollowupSuggestion.Kind
Status = FollowupSuggestion.Status


# --- texts and signatures ----------------------------------------------------------------------------

def versions(recommendation) -> dict[str, str]:
    """The recommendation's texts by language: the original first, then each translation."""
    found: dict[str, str] = {}
    if recommendation.text.strip():
        found[recommendation.language or "ar"] = recommendation.text
    for language in CLASSIFIED_LANGUAGES:
        text = getattr(recommendation, f"text_{language}", "")
        if text.strip() and language not in found:
            found[language] = text
    return found


def _text_hash(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def _keys(language: str, sig: np.ndarray) -> list[str]:
    return [f"{language}{key}" for key in band_keys(sig)]


def store_signatures(recommendation) -> dict[str, np.ndarray]:
    """Compute (for the versions whose text changed) and store the signatures and band keys of
    each language version; those of versions that are gone are deleted."""
    texts = versions(recommendation)
    stored = {row.language: row for row in RecommendationSignature.objects.filter(recommendation=recommendation)}
    out: dict[str, np.ndarray] = {}
    for language, text in texts.items():
        digest = _text_hash(text)
        row = stored.get(language)
        if row is not None and row.text_hash == digest:
            out[language] = from_bytes(row.signature)
            continue
        sig = signature(text)
        out[language] = sig
        if row is None:
            row = RecommendationSignature.objects.create(
                recommendation=recommendation, language=language, organisation_id=recommendation.organisation_id,
                signature=to_bytes(sig), text_hash=digest)
        else:
            row.signature, row.text_hash = to_bytes(sig), digest
            row.save(update_fields=["signature", "text_hash", "updated_at"])
            RecommendationBand.objects.filter(signature=row).delete()
        RecommendationBand.objects.bulk_create([
            RecommendationBand(signature=row, organisation_id=recommendation.organisation_id, key=key)
            for key in _keys(language, sig)])
    if set(stored) - set(texts):
        RecommendationSignature.objects.filter(recommendation=recommendation).exclude(language__in=list(texts)).delete()
    return out


def signatures_of(recommendation) -> dict[str, np.ndarray]:
    """The stored signatures, or ones computed now (not stored) when the engine has not run."""
    stored = {language: from_bytes(data) for language, data in RecommendationSignature.objects.filter(
        recommendation=recommendation).values_list("language", "signature")}
    return stored or {language: signature(text) for language, text in versions(recommendation).items()}


def near_duplicates(recommendation, sigs: dict[str, np.ndarray], among: QuerySet | None = None
                    ) -> dict[int, tuple[float, str]]:
    """{other recommendation id: (estimated Jaccard, language)} of the near-duplicates of
    `recommendation` among its organisation's recommendations (or those of `among`), best first."""
    keys = [key for language, sig in sigs.items() for key in _keys(language, sig)]
    if not keys:
        return {}
    bands = RecommendationBand.objects.filter(key__in=keys)
    if among is None:
        bands = bands.filter(organisation_id=recommendation.organisation_id)
    candidates = bands.exclude(signature__recommendation_id=recommendation.pk).values("signature_id")
    rows = RecommendationSignature.objects.filter(pk__in=candidates)
    if among is not None:
        rows = rows.filter(recommendation_id__in=among.values("pk"))
    best: dict[int, tuple[float, str]] = {}
    for other_id, language, data in rows.values_list("recommendation_id", "language", "signature"):
        if language not in sigs:
            continue
        score = estimated_jaccard(sigs[language], from_bytes(data))
        if score >= NEAR_DUPLICATE and score > best.get(other_id, (0.0, ""))[0]:
            best[other_id] = (round(score, 4), language)
    ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))
    return dict(ranked[:MAX_DUPLICATES])


def shared_passages(text: str, other: str) -> list[str]:
    """The longest runs of at least PASSAGE_WORDS words that `text` and `other` share (compared
    normalised), as written in `text`, in their order there; at most MAX_PASSAGES."""
    mine, theirs = tokenise_with_spans(text), tokenise_with_spans(other)
    matcher = SequenceMatcher(None, [t for t, _s, _e in mine], [t for t, _s, _e in theirs], autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size >= PASSAGE_WORDS]
    blocks = sorted(sorted(blocks, key=lambda b: -b.size)[:MAX_PASSAGES], key=lambda b: b.a)
    return [text[mine[b.a][1]:mine[b.a + b.size - 1][2]] for b in blocks]


# --- themes --------------------------------------------------------------------------------------------

def _root_codes(recommendation) -> set[str]:
    codes = set()
    for category in recommendation.themes.select_related("parent__parent"):
        while category.parent_id:
            category = category.parent
        codes.add(category.code)
    return codes


def theme_suggestions(recommendation) -> dict:
    """{(THEME, code): data} for the themes the classifier finds that the recommendation lacks."""
    texts = versions(recommendation)
    readable = [text for language, text in texts.items() if language in CLASSIFIED_LANGUAGES]
    if (recommendation.language or "ar") in CLASSIFIED_LANGUAGES:
        readable = readable[:1]  # the original, in a language the classifier reads
    present = _root_codes(recommendation)
    best: dict[str, dict] = {}
    for text in readable:
        for guess in predict_categories(text, recommendation.organisation):
            # "other" is the classifier's fallback, not a finding.
            if guess.code in present or guess.code == "other":
                continue
            entry = best.setdefault(guess.code, {"confidence": 0.0, "triggers": [], "source": guess.source})
            entry["confidence"] = max(entry["confidence"], guess.confidence)
            entry["triggers"] += [t for t in guess.triggers if t not in entry["triggers"]]
    return {(Kind.THEME, code): {"confidence": round(entry["confidence"], 4),
                                 "reasons": {"triggers": entry["triggers"], "source": entry["source"]}}
            for code, entry in best.items()}


# --- responsible bodies ----------------------------------------------------------------------------------

def _all_text(texts) -> str:
    return "\n".join(t for t in texts if t and t.strip())


# organisation id -> (what its model was trained from, the model): see BodyModel.for_organisation.
_BODY_MODELS: dict[int, tuple] = {}


@dataclass
class BodyModel:
    """Nearest past recommendations of one organisation, by TF-IDF cosine similarity, with the
    lead body each was assigned."""

    ids: list[int]
    labels: list[str]
    vectoriser: TfidfVectorizer
    matrix: object
    active: set[str] = field(default_factory=set)

    @classmethod
    def for_organisation(cls, organisation_id: int) -> BodyModel | None:
        """The organisation's model, trained again only when its lead assignments (or the texts
        of their recommendations, or its inactive outside bodies) changed since this process last
        trained it: an import queues a task per 200 recommendations."""
        leads = ResponsibleBody.objects.filter(role=BodyRole.LEAD, recommendation__organisation_id=organisation_id)
        stamp = (*leads.aggregate(n=Count("pk"), last=Max("pk"), edited=Max("recommendation__updated_at")).values(),
                 ExternalBody.objects.filter(organisation_id=organisation_id, is_active=False).count())
        cached = _BODY_MODELS.get(organisation_id)
        if cached is None or cached[0] != stamp:
            _BODY_MODELS[organisation_id] = cached = (stamp, cls.train(organisation_id))
        return cached[1]

    @classmethod
    def train(cls, organisation_id: int) -> BodyModel | None:
        """None below BODY_MIN_EXAMPLES past assignments, or when they all name one body."""
        rows = list(ResponsibleBody.objects.filter(role=BodyRole.LEAD, recommendation__organisation_id=organisation_id)
                    .order_by("-recommendation_id")
                    .values_list("recommendation_id", "unit_id", "external_id", "recommendation__text",
                                 "recommendation__text_ar", "recommendation__text_en",
                                 "recommendation__text_fr")[:BODY_MAX_EXAMPLES])
        labels = [f"unit:{unit}" if unit else f"external:{external}" for _pk, unit, external, *_t in rows]
        if len(rows) < BODY_MIN_EXAMPLES or len(set(labels)) < 2:
            return None
        vectoriser = TfidfVectorizer(analyzer=word_features, sublinear_tf=True)
        matrix = vectoriser.fit_transform([_all_text(texts) for _pk, _u, _e, *texts in rows])
        inactive = set(ExternalBody.objects.filter(organisation_id=organisation_id, is_active=False)
                       .values_list("pk", flat=True))
        active = {label for label in labels if not (label.startswith("external:")
                                                     and int(label.split(":")[1]) in inactive)}
        return cls([pk for pk, *_rest in rows], labels, vectoriser, matrix, active)

    def suggest(self, recommendation, present: set[str]) -> dict:
        """{(BODY, "unit:<id>" | "external:<id>"): data}, or {} when no body is clear enough."""
        query = self.vectoriser.transform([_all_text(versions(recommendation).values())])
        similarity = (self.matrix @ query.T).toarray().ravel()
        similarity[np.asarray(self.ids) == recommendation.pk] = 0.0  # never its own past assignment
        order = [i for i in np.argsort(-similarity, kind="stable")[:BODY_NEIGHBOURS] if similarity[i] > 0]
        if not order or similarity[order[0]] < BODY_MIN_SIMILARITY:
            return {}
        votes: dict[str, float] = defaultdict(float)
        for i in order:
            votes[self.labels[i]] += float(similarity[i])
        body = max(sorted(votes), key=lambda label: votes[label])
        confidence = votes[body] / sum(votes.values())
        if confidence < BODY_MIN_CONFIDENCE or body in present or body not in self.active:
            return {}
        examples = [{"id": self.ids[i], "score": round(float(similarity[i]), 4)}
                    for i in order if self.labels[i] == body][:BODY_REASONS]
        return {(Kind.BODY, body): {"confidence": round(confidence, 4),
                                    "reasons": {"examples": examples, "learnt_from": len(self.ids)}}}


def _present_bodies(recommendation) -> set[str]:
    return {f"unit:{unit}" if unit else f"external:{external}"
            for unit, external in recommendation.responsible.values_list("unit_id", "external_id")}


# --- reconciling ----------------------------------------------------------------------------------------

def _pair_data(holder, other, score: float, language: str) -> dict:
    passages = shared_passages(versions(holder).get(language, ""), versions(other).get(language, ""))
    return {"confidence": score, "reasons": {"language": language, "passages": passages}}


def _reconcile(recommendation, own: dict, pairs: dict[int, dict], counts: dict) -> None:
    """Store what this run suggests about `recommendation`: `own` {(kind, value): data} for its
    themes and body, `pairs` {other id: data} for near-duplicates (held by the newer one)."""
    with transaction.atomic():
        # Serialises concurrent runs over the same recommendations (the unique constraint backs it up).
        list(Recommendation.objects.select_for_update().filter(pk__in=[recommendation.pk, *pairs])
             .order_by("pk").values_list("pk", flat=True))
        wanted = {(recommendation.pk, kind, value): data for (kind, value), data in own.items()}
        for other, data in pairs.items():
            wanted[(max(recommendation.pk, other), Kind.CLUSTER, str(min(recommendation.pk, other)))] = data
        existing = {(s.recommendation_id, s.kind, s.value): s for s in
                    suggestions_about([recommendation.pk]).select_for_update()}
        new, changed = [], []
        for key, data in wanted.items():
            current = existing.get(key)
            if current is None:
                new.append(FollowupSuggestion(recommendation_id=key[0], kind=key[1], value=key[2], **data))
            elif current.status in (Status.PENDING, Status.SUPERSEDED):
                current.confidence, current.reasons, current.status = data["confidence"], data["reasons"], Status.PENDING
                changed.append(current)
            else:
                counts["kept"] += 1
        FollowupSuggestion.objects.bulk_create(new)
        FollowupSuggestion.objects.bulk_update(changed, ["confidence", "reasons", "status"])
        counts["created"] += len(new)
        counts["updated"] += len(changed)
        stale = [s.pk for key, s in existing.items() if key not in wanted and s.status == Status.PENDING]
        if stale:
            counts["superseded"] += FollowupSuggestion.objects.filter(pk__in=stale).update(status=Status.SUPERSEDED)


def run_suggestions(recommendation_ids) -> dict:
    """Compute and store the suggestions of these recommendations; counts by outcome."""
    recommendations = list(Recommendation.objects.filter(pk__in=list(recommendation_ids))
                           .select_related("organisation").order_by("pk"))
    counts = {"recommendations": len(recommendations), "created": 0, "updated": 0, "superseded": 0, "kept": 0}
    models: dict[int, BodyModel | None] = {}
    for recommendation in recommendations:
        organisation_id = recommendation.organisation_id
        if organisation_id not in models:
            models[organisation_id] = BodyModel.for_organisation(organisation_id)
        own = theme_suggestions(recommendation)
        if models[organisation_id] is not None:
            own.update(models[organisation_id].suggest(recommendation, _present_bodies(recommendation)))
        with transaction.atomic():
            sigs = store_signatures(recommendation)
        found = near_duplicates(recommendation, sigs)
        others = Recommendation.objects.in_bulk(list(found))
        pairs = {}
        for other_id, (score, language) in found.items():
            other = others.get(other_id)
            if other is None or (other.cluster_id is not None and other.cluster_id == recommendation.cluster_id):
                continue  # already followed together
            holder, named = (recommendation, other) if recommendation.pk > other.pk else (other, recommendation)
            pairs[other_id] = _pair_data(holder, named, score, language)
        _reconcile(recommendation, own, pairs, counts)
    return counts


@task()
def suggest_for_recommendations(recommendation_ids: list[int]) -> dict:
    """Themes, responsible body and near-duplicates for these recommendations (idempotent)."""
    return run_suggestions(recommendation_ids)


def queue_suggestions(change: Change) -> None:
    """The projection this wing registers into `followup.projections`: new, edited and imported
    recommendations get their suggestions computed by the worker once the change is committed."""
    if change.what not in QUEUED_CHANGES or not change.recommendations:
        return
    ids = sorted(set(change.recommendations))
    for start in range(0, len(ids), TASK_BATCH):
        enqueue_on_commit(suggest_for_recommendations, ids[start:start + TASK_BATCH])


# --- similar recommendations (the API) ------------------------------------------------------------------

@dataclass(frozen=True)
class Similar:
    recommendation: Recommendation
    reason: str  # "near_duplicate" or "same_theme"
    score: float
    details: dict


def similar_recommendations(recommendation, among: QuerySet, *, limit: int = 10) -> list[Similar]:
    """Recommendations of `among` (what the reader may see) like `recommendation`: its
    near-duplicates (estimated Jaccard, language, shared passages), then those sharing its
    themes (share of their themes in common, which themes), best first, at most `limit` each."""
    found = near_duplicates(recommendation, signatures_of(recommendation), among=among)
    others = among.filter(pk__in=list(found)).select_related("source").in_bulk()
    out = []
    for other_id, (score, language) in found.items():
        if other_id in others:
            other = others[other_id]
            out.append(Similar(other, "near_duplicate", score, {
                "language": language,
                "passages": shared_passages(versions(recommendation).get(language, ""),
                                            versions(other).get(language, ""))}))
    out = out[:limit]
    themes = {t.pk: t for t in recommendation.themes.all()}
    if not themes:
        return out
    through = Recommendation.themes.through.objects

    def themes_count(**lookups):
        return Subquery(through.filter(recommendation_id=OuterRef("pk"), **lookups).order_by()
                        .values("recommendation_id").annotate(n=Count("*")).values("n"))

    candidates = (among.exclude(pk__in=[recommendation.pk, *found])
                  .filter(pk__in=through.filter(category_id__in=list(themes)).values("recommendation_id"))
                  .annotate(shared=themes_count(category_id__in=list(themes)), total=themes_count())
                  .values_list("pk", "shared", "total"))
    # The share of their themes in common (Jaccard of the two sets); ties: the newest first.
    scored = sorted(((shared / (len(themes) + total - shared), pk) for pk, shared, total in candidates),
                    key=lambda item: (-item[0], -item[1]))[:limit]
    loaded = among.filter(pk__in=[pk for _score, pk in scored]).select_related("source").prefetch_related(
        "themes").in_bulk()
    for score, pk in scored:
        other = loaded[pk]
        common = sorted(t.code for t in other.themes.all() if t.pk in themes)
        out.append(Similar(other, "same_theme", round(score, 4), {"themes": common}))
    return out
