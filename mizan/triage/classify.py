"""Category guesses for a text: the organisation's active trained model where there is one,
the lexicon otherwise.

A trained model only knows the categories it had enough confirmed examples of; for every other
category the lexicon still speaks, so a kind of complaint an organisation has not seen often yet
is not silently never suggested.
"""

from __future__ import annotations

import dataclasses
import logging

from .lexicon import CATEGORY_CODES, CategoryGuess, LexiconClassifier, TextAnalysis, analyse_text
from .models import TriageModel
from .registry import ModelIntegrityError, load_model

logger = logging.getLogger(__name__)

__all__ = ["active_model", "predict_categories"]

_lexicon = LexiconClassifier()


def active_model(organisation) -> tuple[TriageModel, object] | None:
    """(row, fitted model) of the organisation's active version, or None (also when its file
    fails the integrity check: then the lexicon serves and the failure is logged)."""
    if organisation is None:
        return None
    row = TriageModel.objects.filter(organisation=organisation, is_active=True).first()
    if row is None:
        return None
    try:
        return row, load_model(row.sha256)
    except ModelIntegrityError:
        logger.exception("triage model %s of organisation %s refused", row.pk, organisation.pk)
        return None


def predict_categories(text: str | TextAnalysis, organisation=None) -> list[CategoryGuess]:
    """Categories suggested for `text` (top-level codes), best first, with confidence,
    trigger words and source ("lexicon" or "model:<version id>"). `text` may be the
    `TextAnalysis` the rest of the triage run shares."""
    found = active_model(organisation)
    if found is None:
        return _lexicon.predict(text)
    prepared = analyse_text(text)
    row, model = found
    known = set(model.labels)
    guesses = [dataclasses.replace(guess, source=row.source) for guess in model.guesses(prepared.text)]
    guesses += [guess for guess in _lexicon.predict(prepared)
                if guess.code not in known and guess.code in CATEGORY_CODES]
    return sorted(guesses, key=lambda guess: (-guess.confidence, guess.code))
