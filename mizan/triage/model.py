"""The trainable category model and its evaluation. Pure scikit-learn (no database).

Features: TF-IDF over analysed terms (stems, stop-words dropped) and their bigrams, plus TF-IDF
over character 2-5-grams of the normalised text, which catches dialect spellings and clitics the
light stemmer leaves alone. Classifier: one balanced logistic regression per category.

Evaluation uses folds built by iterative stratification (Sechidis et al., 2011), so a rare
category is spread over the folds instead of landing in one of them; the lexicon is scored on
exactly the same held-out texts.
"""

from __future__ import annotations

import random
import warnings

import numpy as np
from scipy.sparse import hstack
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.multiclass import OneVsRestClassifier
from sklearn.preprocessing import MultiLabelBinarizer

from mizan.lib.arabic import analyse, analyse_with_offsets, normalise

from .lexicon import CategoryGuess, LexiconClassifier, _word_end

__all__ = ["TextCategoriser", "cross_validate", "iterative_folds", "word_features"]

THRESHOLD = 0.5
MAX_TRIGGERS = 3


def word_features(text: str) -> list[str]:
    """Analysed terms and their bigrams. Module-level so that a pickled model can find it."""
    terms = analyse(text)
    return terms + [f"{first} {second}" for first, second in zip(terms, terms[1:], strict=False)]


class TextCategoriser:
    """Multi-label categories for a narrative, with the words that weighed most for each."""

    source = "model"  # the registry replaces it with "model:<version id>"

    def __init__(self, labels: list[str], threshold: float = THRESHOLD, seed: int = 0):
        self.labels = list(labels)
        self.threshold = threshold
        self.seed = seed

    def _vectorise(self, texts, fit=False):
        if fit:
            self.words = TfidfVectorizer(analyzer=word_features, sublinear_tf=True)
            self.chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), preprocessor=normalise,
                                         sublinear_tf=True, min_df=2, max_features=200_000)
            return hstack([self.words.fit_transform(texts), self.chars.fit_transform(texts)]).tocsr()
        return hstack([self.words.transform(texts), self.chars.transform(texts)]).tocsr()

    def fit(self, texts: list[str], label_sets: list[set[str]]) -> TextCategoriser:
        self.binarizer = MultiLabelBinarizer(classes=self.labels)
        with warnings.catch_warnings():
            # Unknown codes are simply ignored; a label absent from a training fold is predicted
            # constant, which is what the held-out score should reflect.
            warnings.simplefilter("ignore", UserWarning)
            targets = self.binarizer.fit_transform(label_sets)
        features = self._vectorise(texts, fit=True)
        self.classifier = OneVsRestClassifier(
            LogisticRegression(class_weight="balanced", max_iter=2000, C=10.0, random_state=self.seed)
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", (UserWarning, ConvergenceWarning))
            self.classifier.fit(features, targets)
        return self

    def probabilities(self, texts: list[str]) -> np.ndarray:
        return self.classifier.predict_proba(self._vectorise(texts))

    def predict_codes(self, texts: list[str]) -> list[set[str]]:
        rows = self.probabilities(texts) >= self.threshold
        return [{label for label, on in zip(self.labels, row, strict=True) if on} for row in rows]

    def guesses(self, text: str) -> list[CategoryGuess]:
        """Categories at or above the threshold, best first, each with its trigger words."""
        probabilities = self.probabilities([text])[0]
        guesses = [
            CategoryGuess(label, round(float(p), 4), self._triggers(text, index), self.source)
            for index, (label, p) in enumerate(zip(self.labels, probabilities, strict=True))
            if p >= self.threshold
        ]
        return sorted(guesses, key=lambda guess: (-guess.confidence, guess.code))

    def _triggers(self, text: str, label_index: int) -> tuple[str, ...]:
        """The original words whose terms pushed this category up the most (weight × tf-idf)."""
        estimator = self.classifier.estimators_[label_index]
        coefficients = getattr(estimator, "coef_", None)
        if coefficients is None:  # a category that was constant in training has no words
            return ()
        vocabulary = self.words.vocabulary_
        weights = self.words.transform([text])
        contribution: dict[str, float] = {}
        for term, start, end in analyse_with_offsets(text):
            column = vocabulary.get(term)
            if column is None:
                continue
            value = float(coefficients[0][column] * weights[0, column])
            if value > 0:
                word = text[start:_word_end(text, end)]
                contribution[word] = max(contribution.get(word, 0.0), value)
        best = sorted(contribution.items(), key=lambda item: -item[1])[:MAX_TRIGGERS]
        return tuple(word for word, _ in best)


def iterative_folds(label_sets: list[set[str]], k: int = 5, seed: int = 0) -> list[int]:
    """Fold number of every example; rarest categories are distributed first so that each
    fold gets its share of every category."""
    rng = random.Random(seed)
    n = len(label_sets)
    labels = sorted({label for labels in label_sets for label in labels})
    wanted_size = [n / k] * k
    wanted = {label: [sum(label in s for s in label_sets) / k] * k for label in labels}
    fold = [-1] * n
    remaining = set(range(n))
    while remaining:
        counts = {label: [i for i in remaining if label in label_sets[i]] for label in labels}
        counts = {label: ids for label, ids in counts.items() if ids}
        if counts:
            label = min(counts, key=lambda name: (len(counts[name]), name))
            pool = counts[label]
        else:
            label, pool = None, sorted(remaining)
        rng.shuffle(pool)
        for i in pool:
            def score(f, label=label):
                return (wanted[label][f] if label else 0, wanted_size[f], rng.random())
            chosen = max(range(k), key=score)
            fold[i] = chosen
            remaining.discard(i)
            wanted_size[chosen] -= 1
            for other in label_sets[i]:
                wanted[other][chosen] -= 1
    return fold


def _f1(truth: list[set[str]], predicted: list[set[str]], labels: list[str]) -> dict:
    binarizer = MultiLabelBinarizer(classes=labels)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        y_true = binarizer.fit_transform(truth)
        y_pred = binarizer.transform(predicted)
    return {
        "micro_f1": round(float(f1_score(y_true, y_pred, average="micro", zero_division=0)), 4),
        "macro_f1": round(float(f1_score(y_true, y_pred, average="macro", zero_division=0)), 4),
    }


def cross_validate(texts: list[str], label_sets: list[set[str]], labels: list[str], *, folds: int = 5,
                   seed: int = 0, lexicon: LexiconClassifier | None = None) -> dict:
    """Out-of-fold micro/macro F1 of the model and of the lexicon, over `labels` only."""
    lexicon = lexicon or LexiconClassifier()
    k = max(2, min(folds, len(texts)))
    fold_of = iterative_folds(label_sets, k, seed)
    model_pred: list[set[str]] = [set()] * len(texts)
    for f in range(k):
        train = [i for i in range(len(texts)) if fold_of[i] != f]
        test = [i for i in range(len(texts)) if fold_of[i] == f]
        if not test or not train:
            continue
        model = TextCategoriser(labels, seed=seed).fit([texts[i] for i in train], [label_sets[i] for i in train])
        for i, codes in zip(test, model.predict_codes([texts[i] for i in test]), strict=True):
            model_pred[i] = codes
    lexicon_pred = lexicon.predict_codes(texts)
    return {
        "folds": k,
        "model": _f1(label_sets, model_pred, labels),
        "lexicon": _f1(label_sets, lexicon_pred, labels),
    }
