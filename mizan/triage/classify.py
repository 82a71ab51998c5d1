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


_LOOK_UP = object()


def _checked(row: TriageModel) -> tuple[TriageModel, object] | None:
    """(row, fitted model) once the file passed its integrity check (cached per process by
    `registry.load_model`); None when it failed (logged: the lexicon serves)."""
    try:
        return row, load_model(row.sha256)
    except ModelIntegrityError:
        logger.exception("triage model %s of organisation %s refused", row.pk, row.organisation_id)
        return None


def active_model(organisation) -> tuple[TriageModel, object] | None:
    """(row, fitted model) of the organisation's active version, or None (also when its file
    fails the integrity check: then the lexicon serves and the failure is logged)."""
    if organisation is None:
        return None
    row = TriageModel.objects.filter(organisation=organisation, is_active=True).first()
    return _checked(row) if row is not None else None


def predict_categories(text: str | TextAnalysis, organisation=None, *, model=_LOOK_UP) -> list[CategoryGuess]:
    """Categories suggested for `text` (top-level codes), best first, with confidence,
    trigger words and source ("lexicon" or "model:<version id>"). `text` may be the
    `TextAnalysis` the rest of the triage run shares. `model`: the organisation's active
    `TriageModel` row (its pk, organisation_id and sha256 are read) or None, when the caller has
    already read it; otherwise it is looked up for `organisation`."""
    found = active_model(organisation) if model is _LOOK_UP else (_checked(model) if model is not None else None)
    if found is None:
        return _lexicon.predict(text)
    prepared = analyse_text(text)
    row, fitted = found
    known = set(fitted.labels)
    guesses = [dataclasses.replace(guess, source=row.source) for guess in fitted.guesses(prepared.text)]
    guesses += [guess for guess in _lexicon.predict(prepared)
                if guess.code not in known and guess.code in CATEGORY_CODES]
    return sorted(guesses, key=lambda guess: (-guess.confidence, guess.code))
